"""The output formats: one registry that `kg export`, `kg query` and `kg serve` all read.

Each format has a name, what it can hold, the media type it is served as, and its
writers, named "module:function" and imported on first use (as rdflib's plugins are):
the export writers need networkx and the query writers pyoxigraph, and the command
line reads this table before it knows which, if either, it will need.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

# What a format can hold:
#   triples    an RDF graph (an export, or a CONSTRUCT/DESCRIBE result)
#   quads      an RDF dataset: the graph split into one named graph per article
#   story      a property graph of the story nodes (Gephi and other graph tools)
#   solutions  SELECT and ASK results
HOLDS = ("triples", "quads", "story", "solutions")


@dataclass(frozen=True)
class Format:
    name: str
    holds: str  # one of HOLDS
    media: str | None  # its media type; None: it has no registered one
    suffix: str | None = None  # the file suffix `kg export -o FILE` knows it by; None: not exported
    exporter: str | None = None  # "module:function": an export Dataset -> bytes
    result_writer: str | None = None  # "module:function": a query Result -> bytes
    media_aliases: tuple[str, ...] = ()  # other media types a client may ask for it by

    def __post_init__(self):
        if self.holds not in HOLDS:
            raise ValueError(f"format {self.name!r} holds {self.holds!r}; expected one of: {', '.join(HOLDS)}")

    def export(self, dataset) -> bytes:
        return _load(self.exporter)(dataset)

    def write_result(self, result) -> bytes:
        return _load(self.result_writer)(result)


@functools.cache
def _load(ref: str):
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


_EXPORT, _RESULTS = "graph.rdf.export", "graph.sparql.store"
FORMATS = {f.name: f for f in (
    Format("turtle", "triples", "text/turtle", ".ttl", f"{_EXPORT}:render_turtle", f"{_RESULTS}:write_turtle",
           ("application/turtle", "application/x-turtle")),
    Format("nt", "triples", "application/n-triples", ".nt", f"{_EXPORT}:render_ntriples", f"{_RESULTS}:write_nt",
           ("text/plain",)),
    Format("jsonld", "triples", "application/ld+json", ".jsonld", f"{_EXPORT}:render_jsonld",
           f"{_RESULTS}:write_jsonld"),
    Format("rdfxml", "triples", "application/rdf+xml", result_writer=f"{_RESULTS}:write_rdfxml"),
    Format("trig", "quads", "application/trig", ".trig", f"{_EXPORT}:render_trig"),
    Format("nquads", "quads", "application/n-quads", ".nq", f"{_EXPORT}:render_nquads"),
    Format("graphml", "story", None, ".graphml", f"{_EXPORT}:render_graphml"),
    Format("gexf", "story", None, ".gexf", f"{_EXPORT}:render_gexf"),
    Format("table", "solutions", None, result_writer=f"{_RESULTS}:write_table"),
    Format("csv", "solutions", "text/csv", result_writer=f"{_RESULTS}:write_csv"),
    Format("tsv", "solutions", "text/tab-separated-values", result_writer=f"{_RESULTS}:write_tsv"),
    Format("json", "solutions", "application/sparql-results+json", result_writer=f"{_RESULTS}:write_json",
           media_aliases=("application/json",)),
    Format("xml", "solutions", "application/sparql-results+xml", result_writer=f"{_RESULTS}:write_xml",
           media_aliases=("application/xml", "text/xml")),
)}

EXPORT_FORMATS = {name: f for name, f in FORMATS.items() if f.exporter}  # kg export
RDF_FORMATS = tuple(name for name, f in EXPORT_FORMATS.items() if f.holds != "story")
SELECT_FORMATS = tuple(name for name, f in FORMATS.items() if f.holds == "solutions")  # kg query, SELECT/ASK
GRAPH_FORMATS = tuple(name for name, f in FORMATS.items() if f.holds == "triples" and f.result_writer)
QUERY_FORMATS = SELECT_FORMATS + GRAPH_FORMATS
# kg serve's content negotiation: every media type a query's answer can be sent as
MEDIA_FORMAT = {m: f.name for f in FORMATS.values() if f.result_writer
                for m in ((f.media,) if f.media else ()) + f.media_aliases}
