"""Export the built graph to other formats: `kg export --format NAME [-o FILE] [--article ID]`.

RDF formats (Turtle, N-Triples, JSON-LD, TriG, N-Quads) carry every triple of the
built graph, sorted, so two exports of one graph are byte-identical. GraphML and GEXF
(networkx) carry the story as a property graph for Gephi and other graph tools.

Named graphs (TriG, N-Quads) split the graph into one graph per article, named by
the article's IRI, and the default graph (graph/rdf/provenance.py, `split_by_article`,
which `kg push --per-article` uses too). Each triple goes to exactly one graph,
so the union is the built graph again and a quad count equals its triple count:

- an article's graph holds its provenance records (each `rdf:Statement` node
  derived from it, with the text selectors it points at) and the story facts only
  that article tells (dates, relations, quotations' text and speaker…);
- the default graph holds the ontology, the rules, each article's own
  description, the merged nodes' types, labels and names, and the facts several
  articles tell (each of those articles still has its record of the fact).

So `GRAPH <article> { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }`
lists everything one article says, and its graph's other triples are, besides the
records, the facts it alone tells.

`--article ID` keeps, in any format, what one article says: every triple it
supports (shared facts, types and names included), its provenance records, and
its own description; TriG and N-Quads put all of it in the article's graph.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, URIRef

from graph.errors import KgError
from graph.rdf.formats import EXPORT_FORMATS, Format
from graph.rdf.provenance import ArticleIndex, index_articles, split_by_article
from graph.rdf.turtle import term_nt, to_ntriples, to_turtle
from graph.rdf.types import NODE_TYPES
from graph.rdf.vocab import PREFIXES, SDO, qname

# The classes whose instances are the story: nodes of the property graph, in the
# order that picks a node's `kind` when it has several.
STORY_CLASSES = tuple(t.cls for t in NODE_TYPES)
# C0 characters XML 1.0 cannot hold (and \r, which XML readers turn into \n): GraphML and GEXF
# show them as \uXXXX.
_XML_BAD = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
# Attribute names GEXF reserves for itself (networkx would turn them into ids, dates or weights).
_GEXF_RESERVED = frozenset({"id", "pid", "label", "start", "end", "viz", "weight", "type", "key"})


# ------------------------------------------------------------------ what is exported


@dataclass
class Dataset:
    """The triples to export: a default graph and named graphs, with the full graph for lookups."""

    default: set
    named: dict[URIRef, set]
    source: Graph  # the whole built graph: ontology labels and subclasses, even under --article
    provenance: ArticleIndex
    scope: frozenset  # the articles counted in `sources` and `rules`: all, or the one of --article
    _story: object = field(default=None, repr=False, compare=False)

    def story(self):
        """The story as a property graph (see property_graph), built once for writer and summary."""
        if self._story is None:
            self._story = property_graph(self)
        return self._story

    def triples(self) -> set:
        out = set(self.default)
        for triples in self.named.values():
            out |= triples
        return out

    def quad_count(self) -> int:
        return len(self.default) + sum(len(t) for t in self.named.values())


def whole_dataset(graph: Graph, prov: ArticleIndex) -> Dataset:
    """The whole graph as a dataset: one named graph per article, the rest in the default graph."""
    named = split_by_article(graph, prov)
    default = named.pop(None, set())
    return Dataset(default, named, graph, prov, frozenset(prov.articles))


def article_dataset(graph: Graph, prov: ArticleIndex, identifier: str) -> Dataset:
    """What one article says, all in its own named graph."""
    article = _article(prov, identifier)
    mine = {t for t in graph
            if t[0] == article or prov.home(t) == article or article in prov.supporters.get(t, ())}
    return Dataset(set(), {article: mine}, graph, prov, frozenset({article}))


def _article(prov: ArticleIndex, identifier: str) -> URIRef:
    """The IRI of the article whose schema:identifier is `identifier`; a clear error otherwise."""
    for node, ident in prov.articles.items():
        if ident == identifier:
            return node
    known = sorted(prov.articles.values())
    shown = ", ".join(known[:20]) + (f", … ({len(known) - 20} more)" if len(known) > 20 else "")
    raise KgError(f"no article has the identifier {identifier!r}; the graph has: {shown or 'no articles'}",
                  "pass --article with one of those (an article's file name without .txt)")


# ------------------------------------------------------------------ RDF writers


def render_turtle(ds: Dataset) -> bytes:
    return to_turtle(ds.triples()).encode("utf-8")


def render_ntriples(ds: Dataset) -> bytes:
    return to_ntriples(ds.triples()).encode("utf-8")


def render_nquads(ds: Dataset) -> bytes:
    """Sorted N-Quads: the default graph's lines first, then each named graph's, in IRI order."""
    parts = [to_ntriples(ds.default)]
    for name in sorted(ds.named, key=str):
        g = " " + term_nt(name) + " .\n"
        parts.append(to_ntriples(ds.named[name]).replace(" .\n", g))  # " .\n" only ends a line: literals are escaped
    return "".join(parts).encode("utf-8")


def _split_turtle(text: str) -> tuple[list[str], str]:
    """graph/turtle.py's output as its @prefix lines and the body after them."""
    lines = text.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("@prefix "):
        n += 1
    return lines[:n], "\n".join(lines[n:]).strip("\n")


def render_trig(ds: Dataset) -> bytes:
    """TriG: the default graph, then each named graph, each in braces, with one prefix header.

    Each graph's body is the canonical Turtle of graph/turtle.py, indented; the default
    graph is braced too, which every TriG reader accepts.
    """
    header: dict[str, str] = {}  # prefix -> its @prefix line: the union over all graphs
    parts = []
    graphs = ([(None, ds.default)] if ds.default else []) + [(n, ds.named[n]) for n in sorted(ds.named, key=str)]
    for name, triples in graphs:
        prefixes, body = _split_turtle(to_turtle(triples))
        header.update((line.split()[1], line) for line in prefixes)
        # only "\n" breaks lines: the writer escapes every other control character, so indenting is safe
        label = "" if name is None else term_nt(name) + " "
        parts.append(f"{label}{{\n    " + body.replace("\n", "\n    ").replace("\n    \n", "\n\n") + "\n}\n")
    return ("".join(header[p] + "\n" for p in sorted(header)) + "\n" + "\n".join(parts)).encode("utf-8")


# JSON-LD: schema.org is the vocabulary, so its terms are bare ("name", "startDate");
# every other namespace, and the data namespaces, get a prefix. Inline, never a URL:
# reading the file must not fetch anything.
JSONLD_CONTEXT = {"@vocab": str(SDO), **{p: ns for p, ns in sorted(PREFIXES.items())}}
_BARE_TERM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_CANONICAL_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _compact_iri(iri: str) -> str:
    """prefix:local when a context prefix covers the IRI, else the IRI itself."""
    for prefix, ns in _PREFIXES_LONGEST_FIRST:
        local = iri[len(ns):]
        # a local part starting with "//" would be read as an absolute IRI
        if iri.startswith(ns) and local and not local.startswith("/"):
            return f"{prefix}:{local}"
    return iri


def _compact_vocab(iri: str) -> str:
    """A property or class: bare for schema.org (unless the word is a prefix, e.g. schema:event)."""
    local = iri[len(str(SDO)):]
    if iri.startswith(str(SDO)) and _BARE_TERM.match(local) and local not in JSONLD_CONTEXT:
        return local
    return _compact_iri(iri)


def _jsonld_value(o):
    if isinstance(o, URIRef):
        return {"@id": _compact_iri(str(o))}
    if o.language:
        return {"@value": str(o), "@language": o.language}
    if o.datatype is None or o.datatype == XSD.string:
        return str(o)
    if o.datatype == XSD.integer and _CANONICAL_INT.match(str(o)):
        return int(str(o))  # a JSON number reads back as the same xsd:integer
    return {"@value": str(o), "@type": _compact_vocab(str(o.datatype))}


def _order(t) -> tuple:
    return (0, str(t), "") if isinstance(t, URIRef) else (1, str(t), str(t.datatype or ""), t.language or "")


def render_jsonld(ds: Dataset) -> bytes:
    """JSON-LD 1.1, compacted by hand against the inline context: one node object per subject, sorted."""
    by_subject: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in ds.triples():
        by_subject[s][p].append(o)
    nodes = []
    for s in sorted(by_subject, key=str):
        node = {"@id": _compact_iri(str(s))}
        for p, objs in by_subject[s].items():
            objs = sorted(objs, key=_order)
            if p == RDF.type and all(isinstance(o, URIRef) for o in objs):
                key, values = "@type", [_compact_vocab(str(o)) for o in objs]
            else:
                key, values = _compact_vocab(str(p)), [_jsonld_value(o) for o in objs]
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    doc = {"@context": JSONLD_CONTEXT, "@graph": nodes}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# ------------------------------------------------------------------ property graph (networkx)


def _story_classes(graph: Graph) -> dict[URIRef, set]:
    """Every class whose instances are story nodes -> the story classes it falls under."""
    found = {c: {c} for c in STORY_CLASSES}
    changed = True
    while changed:  # rdfs:subClassOf closure over the ontology: a few dozen classes
        changed = False
        for sub, sup in graph.subject_objects(RDFS.subClassOf):
            if sup in found and not found[sup] <= found.get(sub, set()):
                found.setdefault(sub, set()).update(found[sup])
                changed = True
    return found


def _xml_safe(text: str) -> str:
    return _XML_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def _attribute_name(p: URIRef) -> str:
    if p == RDFS.label:
        return "label"
    s = str(p)
    local = s[len(str(SDO)):]
    return local if s.startswith(str(SDO)) and local not in _GEXF_RESERVED else qname(p)


def _property_label(graph: Graph, p: URIRef) -> str:
    label = graph.value(p, RDFS.label)
    return str(label) if label is not None else _attribute_name(p).rpartition(":")[2]


def property_graph(ds: Dataset):
    """The story as a networkx MultiDiGraph: story nodes, the relations between them.

    Node attributes (all strings but `rules`): label, kind (Person, Event…), types,
    every literal property by its name (dates joined with " | " where sources
    disagree), sources (the articles that say something about it) and rules (how many
    rules found it). Edges carry label, property, sources and rules. Provenance
    records, selectors, rules and the ontology are summarised, never nodes.
    """
    import networkx as nx

    triples = ds.triples()
    classes = _story_classes(ds.source)
    kinds: dict[URIRef, set] = defaultdict(set)
    for s, p, o in triples:
        if p == RDF.type and o in classes and isinstance(s, URIRef):
            kinds[s] |= classes[o]
    prov = ds.provenance
    node_attrs: dict[URIRef, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    node_claims: dict[URIRef, list] = defaultdict(list)
    edges = []
    for t in triples:
        s, p, o = t
        if s not in kinds:
            continue
        node_claims[s].append(t)
        if p == RDF.type:
            node_attrs[s]["types"].append(qname(o))
        elif o in kinds:
            edges.append(t)
        else:
            node_attrs[s][_attribute_name(p)].append(str(o))

    def summary(claims) -> dict:
        sources, rules = set(), set()
        for c in claims:
            sources |= {prov.articles[a] for a in prov.supporters.get(c, ()) if a in ds.scope}
            rules |= {r for a, r in prov.rules.get(c, ()) if a in ds.scope}
        return {"sources": " ".join(sorted(sources)), "rules": len(rules)}

    g = nx.MultiDiGraph()
    for node in sorted(kinds, key=str):
        attrs = {"kind": min((STORY_CLASSES.index(k), k) for k in kinds[node])[1][len(str(SDO)):]}
        for name, values in sorted(node_attrs[node].items()):
            attrs[name] = _xml_safe((" " if name == "types" else " | ").join(sorted(set(values))))
        attrs.setdefault("label", attrs.get("name", str(node)))
        attrs.update(summary(node_claims[node]))
        g.add_node(str(node), **attrs)
    for i, (s, p, o) in enumerate(sorted(edges, key=lambda t: (str(t[0]), str(t[2]), str(t[1])))):
        g.add_edge(str(s), str(o), key=f"e{i}", label=_xml_safe(_property_label(ds.source, p)),
                   property=qname(p), **summary([(s, p, o)]))
    return g


def render_graphml(ds: Dataset) -> bytes:
    import networkx as nx

    return ("\n".join(nx.generate_graphml(ds.story(), prettyprint=True)) + "\n").encode("utf-8")


def render_gexf(ds: Dataset) -> bytes:
    import networkx as nx

    text = "\n".join(nx.generate_gexf(ds.story(), prettyprint=True))
    # networkx stamps today's date; a date that changes daily would break byte-identical exports
    return (re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1) + "\n").encode("utf-8")


# ------------------------------------------------------------------ choosing and running a format


def choose_format(name: str | None, output: Path | None) -> Format:
    """The format named by --format, else the one -o's suffix implies, else Turtle (stdout)."""
    if name is not None:
        fmt = EXPORT_FORMATS.get(name.lower())
        if fmt is None:
            raise KgError(f"unknown export format {name!r}; expected one of: {', '.join(EXPORT_FORMATS)}",
                          "e.g. --format trig")
        return fmt
    if output is None:
        return EXPORT_FORMATS["turtle"]
    suffix = Path(output).suffix.lower()
    fmt = next((f for f in EXPORT_FORMATS.values() if f.suffix == suffix), None)
    if fmt is None:
        known = ", ".join(f"{f.suffix} ({f.name})" for f in EXPORT_FORMATS.values())
        raise KgError(f"cannot tell the export format from {str(output)!r}: expected a suffix among {known}",
                      "rename the file or name the format with --format")
    return fmt


@dataclass(frozen=True)
class Exported:
    data: bytes
    format: Format
    summary: str


def export(graph: Graph, fmt: Format, article: str | None = None) -> Exported:
    """Render the built graph (or what one article says) in a format of the registry (graph/rdf/formats.py)."""
    prov = index_articles(graph)
    ds = whole_dataset(graph, prov) if article is None else article_dataset(graph, prov, article)
    data = fmt.export(ds)
    if fmt.holds == "story":
        pg = ds.story()
        summary = f"{pg.number_of_nodes()} nodes, {pg.number_of_edges()} edges"
    elif fmt.holds == "quads":
        default = " and the default graph" if ds.default else ""
        summary = f"{ds.quad_count()} quads in {len(ds.named)} named graph(s){default}"
    else:
        summary = f"{len(ds.triples())} triples"
    return Exported(data, fmt, summary)
