"""The story index a build leaves in its query store: what `kg stats`, `kg path` and `kg view`
read of a graph, made once while the build still holds it.

Those commands need the story nodes (types, names), the links between them and, for each
person, the articles stating a fact about them. Asked of the store, that is a construct of
the whole story subgraph and a pass over every provenance statement: about a minute and two
gigabytes at ten thousand articles, for each command. The build has all of it in memory, so
it writes it once, as `.store/story.json` (graph/sparql/persist.py stamps it with the
database, and a reader checks its digest before trusting it):

    format       FORMAT below; another format is not read
    statements   the number of reified facts
    nodes        [IRI, type (index into NODE_TYPES), label or null], sorted by IRI
    terms        [IRI, label or null] of the links' properties, sorted
    names        [node, name]: each label, schema:name and schema:alternateName of a node
    kinds        {event kind label: events of it} (what kg stats counts)
    links        flat [subject, property, object, ...]: every relation between two story
                 nodes but rdf:type and schema:mentions (graph/analyse/network.py NOT_CHAINS),
                 nodes by their place in `nodes`, properties by theirs in `terms`
    evidence     for each link, in the order of `links`: [[article identifier, the words], ...],
                 one per article and words, sorted (what kg path shows of a fact)
    sources      [person, [article identifiers]]: the articles stating a fact about them
    context      the IRIs of the other typed subjects a view reads whole: the articles, the
                 ontology's classes and properties, the rules

Everything is sorted, so one graph gives one file byte for byte.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict

from rdflib import RDF, RDFS, Literal, URIRef

from graph.rdf.provenance import Evidence, TextSelector
from graph.rdf.types import NODE_TYPES, TYPE_OF_CLASS
from graph.rdf.vocab import OA, SDO

FORMAT = 1
NAME = "story.json"
STATS = "stats.json"  # kg stats's answer, made by the build from the index (graph/analyse/network.py)
_NAMING = (RDFS.label, SDO.name, SDO.alternateName)
_SKIPPED = (RDF.type, SDO.mentions)  # never a link (graph/analyse/network.py NOT_CHAINS)


def story_index(by_subject: dict, facts: dict, triples) -> dict:
    """The index of a graph, from what the build holds: `by_subject` (the story's triples, subject ->
    predicate -> objects, graph/rdf/emit.py), `facts` ((s, p, o) -> evidence, each with the span of
    its article) and all `triples` (for the number of reified facts)."""
    types: dict = {}
    labels: dict = {}
    for s, preds in by_subject.items():
        for c in preds.get(RDF.type, ()):
            if c in TYPE_OF_CLASS and isinstance(s, URIRef):
                types[s] = min(types.get(s, len(NODE_TYPES)), TYPE_OF_CLASS[c])
        found = [str(o) for o in preds.get(RDFS.label, ()) if isinstance(o, Literal)]
        if found:
            labels[s] = min(found)
    nodes = sorted(types, key=str)
    at = {n: i for i, n in enumerate(nodes)}
    names = sorted({(at[s], str(o)) for s in nodes  # a rule is no story node: its names are never found
                    for p in _NAMING for o in by_subject[s].get(p, ()) if isinstance(o, Literal)})
    kinds = Counter(labels[c] for s in nodes if NODE_TYPES[types[s]].key == "event"
                    for c in set(by_subject[s].get(RDF.type, ())) if c not in TYPE_OF_CLASS and c in labels)
    links = sorted({(s, p, o) for s in nodes for p, objects in by_subject[s].items() if p not in _SKIPPED
                    for o in objects if o in at and o != s}, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    terms = sorted({p for _, p, _ in links}, key=str)
    term_at = {p: i for i, p in enumerate(terms)}
    sources: dict = defaultdict(set)
    people = {n for n in nodes if NODE_TYPES[types[n]].key == "person"}
    for (s, _, o), evidence in facts.items():
        for node in (s, o):
            if node in people:
                sources[node].update(e.span.article for e in evidence)
    records = {RDF.Statement, OA.TextPositionSelector}
    context = sorted((s for s, preds in by_subject.items()
                      if isinstance(s, URIRef) and (s not in types or NODE_TYPES[types[s]].key == "article")
                      and preds.get(RDF.type) and not records & set(preds[RDF.type])), key=str)
    statement, a_type = RDF.Statement, RDF.type
    statements = sum(1 for t in triples if t[2] == statement and t[1] == a_type)
    data = {
        "format": FORMAT,
        "statements": statements,
        "nodes": [[str(n), types[n], labels.get(n)] for n in nodes],
        "terms": [[str(p), labels.get(p)] for p in terms],
        "names": [list(x) for x in names],
        "kinds": dict(sorted(kinds.items())),
        "links": [x for s, p, o in links for x in (at[s], term_at[p], at[o])],
        "evidence": [sorted({(e.span.article, e.span.exact) for e in facts.get(t, ())}) for t in links],
        "sources": [[at[n], sorted(sources.get(n, ()))] for n in sorted(people, key=str)],
        "context": [str(c) for c in context],
    }
    return data


def encode(data, sort_keys: bool = True) -> bytes:
    """An index (or any of the store's JSON files) as the bytes written: compact; keys sorted, or
    in their order (the stats, whose order kg stats --format json keeps)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys) + "\n").encode("utf-8")


class StoryIndex:
    """A story index read back: the nodes, names, links and sources as `Story` holds them."""

    def __init__(self, data: dict):
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a story index of format {FORMAT}")
        nodes = [URIRef(i) for i, _, _ in data["nodes"]]
        self.nodes = nodes
        self.types = {n: int(t) for n, (_, t, _) in zip(nodes, data["nodes"])}
        terms = [URIRef(i) for i, _ in data["terms"]]
        self.labels = {n: lab for n, (_, _, lab) in zip(nodes, data["nodes"]) if lab is not None}
        self.labels.update((p, lab) for p, (_, lab) in zip(terms, data["terms"]) if lab is not None)
        self.names = [(nodes[i], name) for i, name in data["names"]]
        self.kinds = Counter(data["kinds"])
        flat = data["links"]
        self.links = [(nodes[flat[k]], terms[flat[k + 1]], nodes[flat[k + 2]]) for k in range(0, len(flat), 3)]
        self.sources = {nodes[i]: set(ids) for i, ids in data["sources"]}
        self._evidence = data["evidence"]  # in the order of links, which are sorted: found by bisection
        self.statements = int(data["statements"])
        self.context = [URIRef(i) for i in data["context"]]

    def evidence_of(self, fact) -> tuple:
        """A link's evidence as Story.evidence_of gives it: one per article and words, sorted."""
        key = (str(fact.subject), str(fact.predicate), str(fact.object))
        k = bisect.bisect_left(self.links, key, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
        triple = (fact.subject, fact.predicate, fact.object)
        found = self._evidence[k] if k < len(self.links) and self.links[k] == triple else ()
        return tuple(Evidence(None, fact.subject, fact.predicate, fact.object, None, ident, "",
                              TextSelector(None, None, None, exact), None, "") for ident, exact in found)

    @classmethod
    def parse(cls, raw: bytes) -> "StoryIndex":
        """Raises ValueError when `raw` is no story index (bad JSON, another format, missing parts)."""
        try:
            return cls(json.loads(raw))
        except (KeyError, TypeError, IndexError, AttributeError) as err:
            raise ValueError(f"not a story index: {err}") from None
