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
    sources      [person, [article identifiers]]: the articles stating a fact about them
    context      the IRIs of the other typed subjects a view reads whole: the articles, the
                 ontology's classes and properties, the rules

and beside it `.store/evidence.jsonl` (EVIDENCE), stamped the same way: for each link, in the order
of `links`, one line [[article identifier, the words], ...], one per article and words, sorted (what
kg path shows of a fact). It is most of the index's bytes and kg path reads two or three of its
lines: kept apart, it is split into lines when asked, not parsed whole.

Everything is sorted, so one graph gives one file byte for byte.
"""

from __future__ import annotations

import bisect
import functools
import json
from collections import Counter, defaultdict

from rdflib import RDF, RDFS, Literal, URIRef

from graph.rdf.provenance import Evidence, TextSelector
from graph.rdf.types import ARTICLE, NODE_TYPES, TYPE_OF_CLASS
from graph.rdf.vocab import OA, SDO

FORMAT = 2
NAME = "story.json"
EVIDENCE = "evidence.jsonl"
STATS = "stats.json"  # kg stats's answer, made by the build from the index (graph/analyse/network.py)
_NAMING = (RDFS.label, SDO.name, SDO.alternateName)
_SKIPPED = (RDF.type, SDO.mentions)  # never a link (graph/analyse/network.py NOT_CHAINS)


def story_index(by_subject: dict, facts: dict, triples) -> tuple[dict, list]:
    """The index of a graph and its links' evidence (one entry per link), from what the build holds:
    `by_subject` (the story's triples, subject -> predicate -> objects, graph/rdf/emit.py), `facts`
    ((s, p, o) -> evidence, each with the span of its article) and all `triples` (for the number of
    reified facts)."""
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
        "sources": [[at[n], sorted(sources.get(n, ()))] for n in sorted(people, key=str)],
        "context": [str(c) for c in context],
    }
    return data, [sorted({(e.span.article, e.span.exact) for e in facts.get(t, ())}) for t in links]


def encode_lines(rows: list) -> bytes:
    """The evidence file's bytes: each row as compact JSON on a line of its own."""
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode("utf-8")


def encode(data, sort_keys: bool = True) -> bytes:
    """An index (or any of the store's JSON files) as the bytes written: compact; keys sorted, or
    in their order (the stats, whose order kg stats --format json keeps)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys) + "\n").encode("utf-8")


class StoryIndex:
    """A story index read back. What a command asks of it is worked out when asked, on the nodes'
    places in the index (integers): kg path reads a few nodes' names and the links around two of
    them, and never pays for the rdflib terms of 130,000 nodes and 400,000 links. The whole story
    as `Story` holds it (nodes, types, labels, links, sources) is made on first use."""

    def __init__(self, data: dict, evidence: bytes | None = None):
        """`evidence`: the bytes of the evidence file (EVIDENCE); None where no command asks for it."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a story index of format {FORMAT}")
        self._nodes = data["nodes"]  # [IRI, type, label], sorted by IRI
        self._terms = data["terms"]
        self._names = data["names"]
        self._flat = data["links"]
        self._raw_evidence = evidence
        self._evidence: list[bytes] | None = None  # its lines, in the order of links (sorted): split when asked
        self._sources = data["sources"]
        self._context = data["context"]
        self.kinds = Counter(data["kinds"])
        self.statements = int(data["statements"])
        # the shape checked once, cheaply (the file is the one the build stamped), so that no later lookup
        # meets a part that does not fit
        n, t = len(self._nodes), len(self._terms)
        fits = (len(self._flat) % 3 == 0
                and all(len(r) == 3 and 0 <= r[1] < len(NODE_TYPES) for r in self._nodes)
                and all(len(r) == 2 for r in self._terms) and all(0 <= r[0] < n for r in self._names)
                and all(0 <= r[0] < n for r in self._sources))
        if fits and self._flat:
            ends = self._flat[0::3] + self._flat[2::3]
            fits = 0 <= min(ends) and max(ends) < n and 0 <= min(self._flat[1::3]) and max(self._flat[1::3]) < t
        if not fits:
            raise ValueError("not a story index: its parts do not fit together")
        self._at: dict[str, int] | None = None
        self._iris: dict[int, URIRef] = {}

    # ---------------------------------------------------------------- by place

    def position(self, node) -> int | None:
        """A node's place in the index, None when it is no story node."""
        if self._at is None:
            self._at = {row[0]: i for i, row in enumerate(self._nodes)}
        return self._at.get(str(node))

    def iri(self, i: int) -> URIRef:
        found = self._iris.get(i)
        if found is None:
            found = self._iris[i] = URIRef(self._nodes[i][0])
        return found

    def type_at(self, i: int) -> int:
        return self._nodes[i][1]

    def label_at(self, i: int) -> str | None:
        return self._nodes[i][2]

    def term_labels(self) -> dict:
        """The labels of the links' properties (the ontology's), for their names in kg path."""
        return {URIRef(i): lab for i, lab in self._terms if lab is not None}

    def find(self, name: str) -> list[URIRef]:
        """The nodes called `name` (label, name or alternate name, any case), sorted."""
        want = name.casefold().strip()
        return sorted({self.iri(i) for i, written in self._names if written.casefold() == want}, key=str)

    def adjacency(self, with_articles: bool) -> list[list[int]]:
        """Each node's neighbours by the links (articles left out unless asked), by place."""
        keep = [with_articles or row[1] != ARTICLE for row in self._nodes]
        adj: list[list[int]] = [[] for _ in self._nodes]
        flat = self._flat
        for s, o in zip(flat[0::3], flat[2::3]):
            if keep[s] and keep[o]:
                adj[s].append(o)
                adj[o].append(s)
        return adj

    def links_between(self, pairs) -> dict[tuple[int, int], list[tuple[URIRef, URIRef, URIRef]]]:
        """For each (u, v) of `pairs`, the links between the two either way, in the order of the links."""
        want = {frozenset(p) for p in pairs}
        out: dict = {}
        flat = self._flat
        for k in range(0, len(flat), 3):
            s, o = flat[k], flat[k + 2]
            key = frozenset((s, o))
            if key in want:
                out.setdefault(key, []).append((self.iri(s), URIRef(self._terms[flat[k + 1]][0]), self.iri(o)))
        return {p: out.get(frozenset(p), []) for p in pairs}

    def evidence_of(self, fact) -> tuple:
        """A link's evidence as Story.evidence_of gives it: one per article and words, sorted."""
        s, o = self.position(fact.subject), self.position(fact.object)
        p = next((i for i, (iri, _) in enumerate(self._terms) if iri == str(fact.predicate)), None)
        found = ()
        if None not in (s, p, o):
            # the links are sorted by their IRIs, and the places are those of sorted IRIs: the same order
            flat = self._flat
            k = bisect.bisect_left(range(len(flat) // 3), (s, p, o), key=lambda j: (flat[3 * j], flat[3 * j + 1], flat[3 * j + 2]))
            if k < len(flat) // 3 and (flat[3 * k], flat[3 * k + 1], flat[3 * k + 2]) == (s, p, o):
                found = self._evidence_at(k)
        return tuple(Evidence(None, fact.subject, fact.predicate, fact.object, None, ident, "",
                              TextSelector(None, None, None, exact), None, "") for ident, exact in found)

    def _evidence_at(self, k: int) -> list:
        """The evidence of link k, read from its line of the evidence file."""
        if self._evidence is None:
            if self._raw_evidence is None:
                raise ValueError("this story index was read without its evidence")
            self._evidence = self._raw_evidence.split(b"\n")
        return json.loads(self._evidence[k])

    # ---------------------------------------------------------------- the whole story, made when asked

    @functools.cached_property
    def nodes(self) -> list[URIRef]:
        return [URIRef(i) for i, _, _ in self._nodes]

    @functools.cached_property
    def types(self) -> dict:
        return {n: t for n, (_, t, _) in zip(self.nodes, self._nodes)}

    @functools.cached_property
    def labels(self) -> dict:
        labels = {n: lab for n, (_, _, lab) in zip(self.nodes, self._nodes) if lab is not None}
        labels.update(self.term_labels())
        return labels

    @functools.cached_property
    def names(self) -> list[tuple[URIRef, str]]:
        nodes = self.nodes
        return [(nodes[i], name) for i, name in self._names]

    @functools.cached_property
    def links(self) -> list[tuple[URIRef, URIRef, URIRef]]:
        nodes, terms, flat = self.nodes, [URIRef(i) for i, _ in self._terms], self._flat
        return [(nodes[flat[k]], terms[flat[k + 1]], nodes[flat[k + 2]]) for k in range(0, len(flat), 3)]

    @functools.cached_property
    def sources(self) -> dict:
        nodes = self.nodes
        return {nodes[i]: set(ids) for i, ids in self._sources}

    @functools.cached_property
    def context(self) -> list[URIRef]:
        return [URIRef(i) for i in self._context]

    @classmethod
    def parse(cls, raw: bytes, evidence: bytes) -> "StoryIndex":
        """Raises ValueError when `raw` is no story index (bad JSON, another format, missing parts) or
        `evidence` has not one line per link."""
        try:
            index = cls(json.loads(raw), evidence)
        except (KeyError, TypeError, IndexError, AttributeError) as err:
            raise ValueError(f"not a story index: {err}") from None
        if evidence.count(b"\n") * 3 != len(index._flat):
            raise ValueError("not the evidence of this story index: not one line per link")
        return index
