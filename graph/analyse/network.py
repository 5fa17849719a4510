"""Analytics over a built graph with networkx: counts, who is most connected, chains of facts.

The graph is read back from Turtle with rdflib; the story graph is every relation
between two story nodes (people, events, quotations, things), articles left out
unless asked for, since an article links to everything it prints and would make
every two names look one step apart. Each relation keeps its evidence: the
article and the exact words, from the graph's provenance.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.errors import KgError
from graph.analyse.explain import find_nodes
from graph.rdf.provenance import Evidence, TextSelector, read_evidence
from graph.rdf.types import ARTICLE, NODE_TYPES, TYPE_OF_CLASS
from graph.rdf.vocab import KG_IRI, SDO
from graph.view.data import INVERSE, graph_data, property_label, render_html

NOT_CHAINS = {RDF.type, SDO.mentions}  # an article's mentions are where, not what: never a step of a chain


@dataclass(frozen=True)
class Fact:
    subject: URIRef
    predicate: URIRef
    object: URIRef
    evidence: tuple[Evidence, ...]  # one per article and words, by article identifier, then words


class Story:
    """The story nodes of a graph, their labels and types, and the facts between them."""

    index = None  # the story index a story was read from (from_index), else None

    def __init__(self, g: Graph, statements: int | None = None, store=None):
        """The story of `g`, a whole parsed graph; or (from_store) of a store's story subgraph, whose
        provenance is then asked of the store when needed: a node's articles, a fact's evidence."""
        self.g = g
        self.store = store
        self._term = None  # from_store: the converter of the store's terms to rdflib's
        self.labels = {s: str(o) for s, o in g.subject_objects(RDFS.label) if isinstance(o, Literal)}
        self.types: dict[URIRef, int] = {}
        for s, c in g.subject_objects(RDF.type):
            if c in TYPE_OF_CLASS and isinstance(s, URIRef):
                self.types[s] = min(self.types.get(s, len(NODE_TYPES)), TYPE_OF_CLASS[c])
        self.evidence = _evidence_by_fact(g) if store is None else {}
        self.sources = defaultdict(set)  # node -> identifiers of the articles stating a fact about it
        for (s, _, o), evs in self.evidence.items():
            for e in evs:
                self.sources[s].add(e.identifier)
                self.sources[o].add(e.identifier)
        self.statements = (sum(1 for _ in g.subjects(RDF.type, RDF.Statement)) if statements is None
                           else statements)  # the reified facts
        self.facts = sorted(
            (Fact(s, p, o, tuple(self.evidence.get((s, p, o), ())))
             for s, p, o in g if p not in NOT_CHAINS and s in self.types and o in self.types and s != o),
            key=lambda f: (str(f.subject), str(f.predicate), str(f.object)))

    @classmethod
    def for_reading(cls, store, whole: bool = True) -> "Story":
        """The story a read command needs: from the story index the build left in the store when
        there is one and it is what the build wrote (milliseconds to a second, whatever the
        graph's size), else asked of the store (from_store)."""
        index = _index_of(store)
        return cls.from_index(store, index) if index is not None else cls.from_store(store, whole)

    @classmethod
    def from_index(cls, store, index) -> "Story":
        """The story of a store from its story index (graph/analyse/index.py): nodes, names, links, each
        link's evidence and each person's articles from the index, without a query; the triples of
        the part a view shows (around) asked of the store."""
        story = _IndexedStory.__new__(_IndexedStory)
        story.g = None
        story.store = store
        story.index = index
        story._term = None
        story.evidence = {}
        story.statements = index.statements
        return story

    def find(self, name: str) -> list[URIRef]:
        """The story nodes called `name` (label, name or alternate name, any case), or whose IRI it is."""
        return [n for n in find_nodes(self.g, name) if n in self.types]

    def type_of(self, node) -> int | None:
        """A node's type (its place in NODE_TYPES), None when it is no story node."""
        return self.types.get(node)

    def names(self) -> dict[str, str]:
        """Every name of a story node but an article, by its casefold (the first written, by name)."""
        if self.index is not None:
            written = ((n, name) for n, name in self.index.names)
        else:
            written = ((s, str(o)) for p in (RDFS.label, SDO.name, SDO.alternateName)
                       for s, o in self.g.subject_objects(p) if isinstance(o, Literal))
        out: dict[str, str] = {}
        for s, name in sorted(written, key=lambda x: x[1]):
            if s in self.types and self.types[s] != ARTICLE:
                out.setdefault(name.casefold(), name)
        return out

    def event_kinds(self) -> Counter:
        """Events by the label of each kind they are of (besides the general event classes)."""
        if self.index is not None:
            return Counter(self.index.kinds)
        kinds = Counter()
        for s, c in self.g.subject_objects(RDF.type):
            if s in self.types and self.type_key(s) == "event" and c not in TYPE_OF_CLASS and c in self.labels:
                kinds[self.labels[c]] += 1
        return kinds

    def around(self, node: URIRef, depth: int) -> "Story":
        """From a story index: the story a view `depth` links deep around `node` reads, asked of the
        store: every triple of the nodes at most depth + 1 links away (the view's edges are links; a
        shown fact's other end is one link further, and the view names it), the names of what they
        link to, and every triple of the articles, ontology and rules (the index's context), as
        from_store would read them for the whole story."""
        import pyoxigraph as ox

        from graph.sparql.store import rdflib_converter

        index = self.index
        near = sorted((index.iri(i) for i in _within(index.adjacency(True), index.position(node), depth + 1)),
                      key=str)
        # the context less its articles: focused_html asks for those the view cites (triples_of)
        context = [c for c in index.context if (i := index.position(c)) is None or index.type_at(i) != ARTICLE]
        values = " ".join(str(ox.NamedNode(str(n))) for n in [*near, *context])
        term = rdflib_converter()
        sub = Graph()
        named = " ".join(str(ox.NamedNode(str(n))) for n in near)
        for query in (_AROUND.replace("NODES", values), _NAMES_AROUND.replace("NODES", named)):
            for t in self.store.select(query).triples:
                sub.add((term(t.subject), term(t.predicate), term(t.object)))
        story = Story(sub, statements=self.statements, store=self.store)
        story._term = term
        return story

    @classmethod
    def from_store(cls, store, whole: bool = True) -> "Story":
        """The story of a Store (graph/sparql/store.py) without reading its provenance into rdflib:
        the story subgraph (every triple but those of statements and selectors) by one CONSTRUCT
        and the count of facts by one SELECT; a node's articles (articles_of) and a fact's evidence
        (evidence_of) are asked of the store when a command needs them.

        whole=False: only what kg stats and kg path read, the nodes' types and names and the links
        between them; no texts, dates or an article's mentions (most of the story's triples)."""
        from graph.sparql.store import rdflib_converter

        term = rdflib_converter()
        g = Graph()
        add = g.add
        for t in store.select(_STORY if whole else _STORY_LINKS).triples:
            add((term(t.subject), term(t.predicate), term(t.object)))
        count = store.select(_PREFIXES + "SELECT (COUNT(?st) AS ?n) WHERE { ?st a rdf:Statement }").rows[0][0]
        story = cls(g, statements=int(count.value), store=store)
        story._term = term
        return story

    def _ask_sources(self, node) -> None:
        """Fill self.sources from the store: for every person at once when `node` is one (kg stats
        asks about them all), else for `node` alone."""
        import pyoxigraph as ox

        if not hasattr(self, "_identifiers"):
            self._identifiers = {a.value: i.value for a, i in self.store.select(_IDENTIFIERS).rows}
        people = node in self.types and self.type_key(node) == "person"
        nodes = sorted((n for n in self.types if self.type_key(n) == "person"), key=str) if people else [node]
        where = "?node a schema:Person ." if people else f"VALUES ?node {{ {ox.NamedNode(str(node))} }}"
        for n in nodes:
            self.sources[n] = set()
        for found, article in self.store.select(_SOURCES.replace("NODES", where)).rows:
            ident = ("" if article is None
                     else self._identifiers.get(article.value) or article.value.rsplit("/", 1)[-1])
            self.sources[self._term(found)].add(ident)

    def evidence_of(self, fact: Fact) -> tuple[Evidence, ...]:
        """A fact's evidence, one per article and words: from the whole graph or the story index, or
        asked of the store."""
        if self.index is not None:
            return self.index.evidence_of(fact)
        if self.store is None or fact.evidence:
            return fact.evidence
        import pyoxigraph as ox

        from graph.sparql.store import to_rdflib

        s, p, o = (ox.NamedNode(str(t)) for t in (fact.subject, fact.predicate, fact.object))
        query = _PREFIXES + f"""SELECT ?st ?article ?ident ?rule ?sel ?exact WHERE {{
  ?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} .
  OPTIONAL {{ ?st prov:wasDerivedFrom ?article OPTIONAL {{ ?article schema:identifier ?id }} }}
  BIND (IF(BOUND(?article), COALESCE(?id, REPLACE(STR(?article), "^.*/", "")), "") AS ?ident)
  OPTIONAL {{ ?st prov:wasGeneratedBy ?rule }}
  OPTIONAL {{ ?st oa:hasSelector ?sel OPTIONAL {{ ?sel oa:exact ?exact }} }}
}} ORDER BY STR(?st)"""
        first = {}
        for st, article, ident, rule, sel, exact in self.store.select(query).rows:
            selector = TextSelector(to_rdflib(sel), None, None, exact.value if exact is not None else None) \
                if sel is not None else None
            key = (ident.value, selector.exact or "" if selector is not None else "")
            first.setdefault(key, Evidence(to_rdflib(st), fact.subject, fact.predicate, fact.object,
                                           to_rdflib(article) if article is not None else None, ident.value, "",
                                           selector, None, ""))
        return tuple(first[k] for k in sorted(first))

    def triples_of(self, nodes) -> list[tuple]:
        """From the store: every triple with one of `nodes` as subject, as rdflib triples."""
        import pyoxigraph as ox

        if not nodes:
            return []
        values = " ".join(str(ox.NamedNode(str(n))) for n in nodes)
        term = self._term
        return [(term(t.subject), term(t.predicate), term(t.object))
                for t in self.store.select(_AROUND.replace("NODES", values)).triples]

    def provenance_of(self, nodes) -> list[tuple]:
        """From the store: the statements with one of `nodes` as subject or object, and their
        selectors (the words and the sentence), as rdflib triples."""
        import pyoxigraph as ox

        values = " ".join(str(ox.NamedNode(str(n))) for n in sorted(nodes, key=str))
        term = self._term
        return [(term(t.subject), term(t.predicate), term(t.object))
                for t in self.store.select(_PROVENANCE.replace("NODES", values)).triples]

    def label(self, node) -> str:
        return self.labels.get(node, str(node).rsplit("/", 1)[-1])

    def type_key(self, node) -> str:
        return NODE_TYPES[self.types[node]].key

    def prop(self, p) -> str:
        return property_label(p, self.labels)

    def network(self, with_articles: bool = False) -> nx.Graph:
        """Undirected story graph, sorted; each edge holds the facts between its two nodes."""
        import networkx as nx  # here, not at the top: kg path on the index never needs it
        g = nx.Graph()
        keep = sorted((n for n, t in self.types.items() if with_articles or t != ARTICLE), key=str)
        g.add_nodes_from(keep)
        kept = set(keep)
        between: dict = {}  # (u, v) and (v, u) -> the facts of that edge
        edges = []  # each edge once, in the order of its first fact: the order add_edge would give
        for f in self.facts:
            if f.subject in kept and f.object in kept:
                facts = between.get((f.subject, f.object))
                if facts is None:
                    facts = between[f.subject, f.object] = between[f.object, f.subject] = []
                    edges.append((f.subject, f.object, {"facts": facts}))
                facts.append(f)
        g.add_edges_from(edges)
        return g

    def articles_of(self, node) -> set[str]:
        """Identifiers of the articles that state any fact with `node` as subject or object."""
        if self.store is not None and node not in self.sources and isinstance(node, URIRef):
            self._ask_sources(node)
        return self.sources.get(node, set())


class _IndexedStory(Story):
    """A story read from its story index (Story.from_index). A name, a type, a label or the links near
    a node are looked up by the node's place in the index (kg path: two nodes and the chains between
    them, in a second at ten thousand articles); the whole story as Story holds it (every label, type,
    link and person's articles) is made from the index only when a command reads all of it."""

    @functools.cached_property
    def labels(self) -> dict:
        return self.index.labels

    @functools.cached_property
    def types(self) -> dict:
        return self.index.types

    @functools.cached_property
    def sources(self) -> defaultdict:
        return defaultdict(set, self.index.sources)

    @functools.cached_property
    def facts(self) -> list[Fact]:
        return [Fact(s, p, o, ()) for s, p, o in self.index.links]

    @functools.cached_property
    def _term_labels(self) -> dict:
        return self.index.term_labels()

    def find(self, name: str) -> list[URIRef]:
        hits = self.index.find(name)
        if not hits and name.startswith(("http://", "https://")) and self.index.position(name) is not None:
            hits = [URIRef(name)]
        return hits

    def type_of(self, node) -> int | None:
        i = self.index.position(node)
        return None if i is None else self.index.type_at(i)

    def type_key(self, node) -> str:
        return NODE_TYPES[self.type_of(node)].key

    def label(self, node) -> str:
        i = self.index.position(node)
        found = self.index.label_at(i) if i is not None else None
        return found if found is not None else str(node).rsplit("/", 1)[-1]

    def prop(self, p) -> str:
        return property_label(p, self._term_labels)


def _within(adj: list[list[int]], start: int, radius: int) -> set[int]:
    """The places at most `radius` links from start (networkx's ego_graph, on an index's adjacency)."""
    seen, frontier = {start}, [start]
    for _ in range(radius):
        reached = []
        for u in frontier:
            for v in adj[u]:
                if v not in seen:
                    seen.add(v)
                    reached.append(v)
        frontier = reached
    return seen


def _shortest_paths(adj: list[list[int]], a: int, b: int, limit: int) -> list[list[int]]:
    """Up to `limit` shortest paths from a to b by breadth first search (networkx's all_shortest_paths,
    on an index's adjacency); [] when none."""
    level, pred, frontier = {a: 0}, {a: []}, [a]
    while frontier and b not in level:
        nxt = []
        for u in frontier:
            for v in adj[u]:
                if v not in level:
                    level[v], pred[v] = level[u] + 1, [u]
                    nxt.append(v)
                elif level[v] == level[u] + 1 and u not in pred[v]:
                    pred[v].append(u)
        frontier = nxt
    if b not in level:
        return []
    out, stack = [], [(b, [b])]
    while stack and len(out) < limit:
        node, path = stack.pop()
        if node == a:
            out.append(path[::-1])
            continue
        stack.extend((u, path + [u]) for u in pred[node])
    return out


_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
# The story subgraph: every triple of a typed node that is not a provenance record (a statement
# or a text selector): people, events, quotations, articles, things, and the ontology and rules.
_STORY = _PREFIXES + """CONSTRUCT { ?s ?p ?o } WHERE {
  { SELECT DISTINCT ?s WHERE { ?s a ?c FILTER (?c != rdf:Statement && ?c != oa:TextPositionSelector) } }
  ?s ?p ?o
}"""
# What stats and paths read of it: types, names, and the links between nodes, an article's mentions
# left out (never a step of a chain: NOT_CHAINS).
_STORY_LINKS = _STORY.replace("  ?s ?p ?o\n", """  ?s ?p ?o
  FILTER ((isIRI(?o) && ?p != schema:mentions) || ?p IN (rdfs:label, schema:name, schema:alternateName))
""").replace("PREFIX rdf:", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX rdf:")
# The provenance records of the facts about some nodes (focused_html): the statements, and their
# selectors (oa:hasSelector, the words; kg:sentence, the sentence around them), in one pass.
_PROVENANCE = _PREFIXES + f"PREFIX kg: <{KG_IRI}>\n" + """CONSTRUCT { ?st ?p ?o . ?sel ?sp ?so } WHERE {
  VALUES ?n { NODES } { ?st rdf:subject ?n } UNION { ?st rdf:object ?n }
  ?st a rdf:Statement .
  { ?st ?p ?o } UNION { ?st oa:hasSelector|kg:sentence ?sel . ?sel ?sp ?so }
}"""
# Each node's articles: those of the statements with the node as subject or object (read_evidence's
# statements: nodes with rdf:subject and rdf:predicate); each article is named by its
# schema:identifier, else its IRI's end, in Python (a REPLACE per row costs the engine seconds).
_SOURCES = _PREFIXES + """SELECT DISTINCT ?node ?article WHERE {
  NODES
  { ?st rdf:subject ?node } UNION { ?st rdf:object ?node }
  ?st rdf:subject ?s ; rdf:predicate ?p .
  OPTIONAL { ?st prov:wasDerivedFrom ?article }
}"""
_IDENTIFIERS = _PREFIXES + "SELECT ?a ?id WHERE { ?a schema:identifier ?id }"
# Every triple of some subjects (Story.around)
_AROUND = "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { NODES } ?s ?p ?o }"
# ... and the names of what they link to (an article's mentions, the view lists by name)
_NAMES_AROUND = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { ?o rdfs:label ?l } WHERE { VALUES ?s { NODES } ?s ?p ?o . ?o rdfs:label ?l }"""


def _stamped(store, name: str) -> bytes | None:
    """The file `name` the build stamped into the store a Store was opened on; None when the Store
    is graph.ttl loaded, or the file is not what the build wrote."""
    if store is None or getattr(store, "graph", None) is None:
        return None
    from graph.sparql.persist import read_extra

    return read_extra(store.graph, name)


def _index_of(store):
    """The story index of a Store opened on the build's store, when it holds one the build stamped."""
    from graph.analyse.index import EVIDENCE, NAME, StoryIndex

    raw = _stamped(store, NAME)
    evidence = _stamped(store, EVIDENCE) if raw is not None else None
    if raw is None or evidence is None:
        return None
    try:
        return StoryIndex.parse(raw, evidence)
    except ValueError:
        return None


def find_in_index(store, name: str) -> list[URIRef]:
    """The story nodes called `name` (label, name or alternate name, any case), looked up in the story index
    the build left beside the store, without a pass over every name in the store; [] when there is no index
    or it names no such node (the caller then asks the store, which also knows IRIs and non-story nodes)."""
    index = _index_of(store)
    return index.find(name) if index is not None else []


def _evidence_by_fact(g: Graph) -> dict[tuple, list[Evidence]]:
    """(subject, predicate, object) -> its evidence, one per article and words (the rest add nothing
    to a chain's display), sorted."""
    out = defaultdict(dict)
    for e in read_evidence(g):  # in statement order: the first statement of each (article, words) stands
        out[e.fact].setdefault((e.identifier, e.exact), e)
    return {k: [v[key] for key in sorted(v)] for k, v in out.items()}


# ------------------------------------------------------------------ names


def resolve_name(story: Story, name: str) -> URIRef:
    """The one story node called `name` (label, name or alternate name, any case), or a KgError (exit 2)
    naming the close matches."""
    nodes = story.find(name)
    if len(nodes) == 1:
        return nodes[0]
    if nodes:
        options = "; ".join(f"{story.label(n)} <{n}>" for n in nodes)
        raise KgError(f"{name!r} names {len(nodes)} nodes: {options}", "pass one of the IRIs instead")
    close = close_matches(story, name)
    hint = f"did you mean: {', '.join(close)}?" if close else "try a full name, an alias, or an IRI"
    raise KgError(f"no node is named {name!r}", hint)


def close_matches(story: Story, name: str, limit: int = 5) -> list[str]:
    """Names like `name`: those that contain it, then those spelt nearly like it."""
    names = story.names()
    want = name.casefold().strip()
    contained = sorted((v for k, v in names.items() if want and want in k), key=lambda v: (len(v), v))
    similar = [names[k] for k in difflib.get_close_matches(want, sorted(names), n=limit, cutoff=0.6)]
    return list(dict.fromkeys(contained + similar))[:limit]


# ------------------------------------------------------------------ kg stats


def stats(story: Story, top: int = 10) -> dict:
    """Counts by type, most connected people, connected components, articles per person."""
    import networkx as nx  # here, not at the top: kg path on the index never needs it
    by_type = Counter(NODE_TYPES[t].key for t in story.types.values())
    kinds = story.event_kinds()
    g = story.network()
    people = sorted((n for n in g if story.type_key(n) == "person"), key=str)
    connected = sorted(people, key=lambda n: (-g.degree(n), story.label(n)))[:top]
    components = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(map(str, c))))
    per_person = sorted(((n, sorted(story.articles_of(n))) for n in people),
                        key=lambda x: (-len(x[1]), story.label(x[0])))
    return {
        "types": {t.key: by_type.get(t.key, 0) for t in NODE_TYPES},
        "event_kinds": dict(sorted(kinds.items())),
        "facts": story.statements,
        "links": g.number_of_edges(),
        "most_connected": [{"name": story.label(n), "iri": str(n), "links": g.degree(n),
                            "articles": len(story.articles_of(n))} for n in connected],
        "components": {
            "count": len(components),
            "sizes": [len(c) for c in components],
            "largest": len(components[0]) if components else 0,
            "alone": sorted(story.label(next(iter(c))) for c in components if len(c) == 1),
        },
        "articles_per_person": [{"name": story.label(n), "iri": str(n), "articles": len(ids), "ids": ids}
                                for n, ids in per_person],
    }


def stats_of_index(index) -> dict:
    """stats() of a story index with every person ranked (`top` all of them): what the build stores
    for kg stats, which then only cuts the ranking at its --top (stats_in)."""
    story = Story.from_index(None, index)
    return stats(story, top=sum(1 for t in story.types.values() if NODE_TYPES[t].key == "person"))


def stats_in(store, top: int = 10) -> dict:
    """kg stats of a Store: the answer the build stored beside the database when it is the stamped
    one (milliseconds at any size), else worked out from the story (Story.for_reading)."""
    from graph.analyse.index import STATS

    raw = _stamped(store, STATS)
    if raw is not None:
        try:
            result = json.loads(raw)
            result["most_connected"] = result["most_connected"][:top]  # as stats() cuts it
            return result
        except (ValueError, KeyError, TypeError):
            pass
    return stats(Story.for_reading(store, whole=False), top=top)


def format_stats(s: dict) -> str:
    """The stats as aligned text for a terminal."""
    lines = ["nodes by type"]
    lines += [f"  {k:<13} {v:>6}" for k, v in s["types"].items()]
    if s["event_kinds"]:
        lines.append("  events by kind: " + ", ".join(f"{k} {v}" for k, v in s["event_kinds"].items()))
    lines += [f"facts           {s['facts']:>6}  (reified, each with its article and words)",
              f"links           {s['links']:>6}  (between story nodes, articles left out)", "",
              "most connected people            links  articles"]
    lines += [f"  {p['name'][:30]:<30} {p['links']:>6}  {p['articles']:>8}" for p in s["most_connected"]]
    c = s["components"]
    lines += ["", f"connected components {c['count']}: the largest holds {c['largest']} nodes"]
    if c["alone"]:
        lines.append(f"  not linked to anything: {', '.join(c['alone'])}")
    lines += ["", "articles per person"]
    lines += [f"  {p['name'][:30]:<30} {p['articles']:>3}  {' '.join(p['ids'])}" for p in s["articles_per_person"]]
    return "\n".join(lines)


# ------------------------------------------------------------------ kg path


@dataclass(frozen=True)
class Step:
    start: URIRef  # the node the step leaves
    end: URIRef  # the node it reaches
    facts: tuple[Fact, ...]  # every fact between the two, as stated


def chains(story: Story, a: URIRef, b: URIRef, limit: int = 5, with_articles: bool = False) -> list[list[Step]]:
    """Up to `limit` shortest chains of facts from a to b, in a stable order; [] when none links them."""
    if a == b:
        raise KgError(f"both names are {story.label(a)}", "name two different nodes")
    ends_at_article = ARTICLE in (story.type_of(a), story.type_of(b))
    articles = with_articles or ends_at_article
    if story.index is not None:  # on the index's places: no graph of the whole story is made
        index = story.index
        found = [[index.iri(i) for i in p] for p in
                 _shortest_paths(index.adjacency(articles), index.position(a), index.position(b), _ENOUGH)]
        found.sort(key=lambda p: ([story.label(n) for n in p], [str(n) for n in p]))
        found = found[:limit]
        between = index.links_between([(index.position(u), index.position(v)) for p in found for u, v in zip(p, p[1:])])
        return [[Step(u, v, _facts_from(u, [Fact(*t, ()) for t in between[index.position(u), index.position(v)]]))
                 for u, v in zip(path, path[1:])] for path in found]
    import networkx as nx  # only off the index

    g = story.network(with_articles=articles)
    try:
        paths = nx.all_shortest_paths(g, a, b)
        found = []
        for path in paths:
            found.append(path)
            if len(found) >= _ENOUGH:
                break
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: ([story.label(n) for n in p], [str(n) for n in p]))
    return [[Step(u, v, _facts_from(u, g.edges[u, v]["facts"])) for u, v in zip(path, path[1:])]
            for path in found[:limit]]


_ENOUGH = 500  # shortest chains to choose the first `limit` from in a stable order


def _facts_from(u, facts) -> tuple[Fact, ...]:
    """The facts on an edge, those read from u first; of a fact stated both ways (spouse, or
    parent and child) only the one read from u."""
    forward = [f for f in facts if f.subject == u]
    said = {f.predicate for f in forward}
    return tuple(forward + [f for f in facts if f.subject != u and INVERSE.get(f.predicate) not in said])


def format_chains(story: Story, a: URIRef, b: URIRef, found: list[list[Step]]) -> str:
    """Each chain as its names, then each fact with the article and the words that state it."""
    if not found:
        return f"no chain of facts links {story.label(a)} and {story.label(b)}"
    n = len(found[0])
    lines = [f"{story.label(a)} → {story.label(b)}: {len(found)} shortest chain{'s' if len(found) > 1 else ''}"
             f" of {n} fact{'s' if n > 1 else ''}"]
    for k, chain in enumerate(found, 1):
        names = [story.label(chain[0].start)] + [story.label(s.end) for s in chain]
        lines += ["", f"{k}. " + " → ".join(names)]
        for step in chain:
            for f in step.facts:
                lines.append(f"   {story.label(f.subject)} —{story.prop(f.predicate)}→ {story.label(f.object)}")
                evidence = story.evidence_of(f)
                if evidence:
                    e = evidence[0]
                    more = f"  (+{len(evidence) - 1} more)" if len(evidence) > 1 else ""
                    lines.append(f"       {e.identifier}  “{_clip(e.exact)}”{more}")
    return "\n".join(lines)


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ kg view


def neighbourhood(g: Graph, node: URIRef, depth: int, triples=None) -> set[URIRef]:
    """The nodes at most `depth` links from `node` in the view's own graph (the edges it draws)."""
    import networkx as nx  # here, not at the top: kg path on the index never needs it
    data = graph_data(triples if triples is not None else list(g), layout=False)  # the edges, not where nodes go
    ids = [n["id"] for n in data["nodes"]]
    net = nx.Graph()
    net.add_nodes_from(range(len(ids)))
    net.add_edges_from((a, b) for a, b, _ in data["edges"])
    centre = ids.index(str(node))
    return {URIRef(ids[i]) for i in nx.ego_graph(net, centre, radius=depth)}


def _cited_articles(triples: list[tuple], keep: set) -> set:
    """The articles a focused view lists: those shown (a node of `keep`) and those the facts of the nodes
    shown come from, not every article of the corpus (on a graph of ten thousand articles, most of the page
    and of what the store is asked for)."""
    # terms compared as plain strings: rdflib's own comparison runs Python code, per triple
    same, a_type, derived = str.__eq__, str(RDF.type), str(_DERIVED_FROM)
    subject, obj = str(RDF.subject), str(RDF.object)
    article = str(NODE_TYPES[ARTICLE].cls)
    about, source, shown = defaultdict(set), {}, set()
    for s, p, o in triples:
        if same(p, subject) or same(p, obj):
            about[s].add(o)
        elif same(p, derived):
            source[s] = o
        elif same(p, a_type) and same(o, article) and s in keep:
            shown.add(s)
    return {a for st, a in source.items() if about[st] & keep} | shown


def _without_other_articles(triples: list[tuple], cited: set) -> list[tuple]:
    """The triples less those of the articles not `cited`."""
    same, a_type, article = str.__eq__, str(RDF.type), str(NODE_TYPES[ARTICLE].cls)
    articles = {s for s, p, o in triples if same(p, a_type) and same(o, article)}
    return [t for t in triples if t[0] not in articles or t[0] in cited]


_DERIVED_FROM = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def focused_html(story: Story, node: URIRef, depth: int) -> str:
    """The HTML view of `node`'s neighbourhood only, opened on it.

    From a store (Story.from_store) only the neighbourhood's provenance is read: the
    statements with a kept node as subject or object and their selectors, all the page shows
    of the nine triples in ten that are provenance. The same page as from the whole graph.
    """
    indexed = story.index is not None
    if indexed:
        story = story.around(node, depth)  # the nodes a view of that depth may show, and their triples
    triples = list(story.g)
    keep = neighbourhood(story.g, node, depth, triples)
    if story.store is not None:
        triples += story.provenance_of(keep)
    cited = _cited_articles(triples, keep)
    if indexed:  # around() leaves the articles to this: those cited, of the thousands
        typed = {t[0] for t in triples if t[1] == RDF.type}  # an article named only (its label) is not whole
        known = set(triples)
        triples += [t for t in story.triples_of(sorted((a for a in cited if a not in typed), key=str))
                    if t not in known]
    triples = _without_other_articles(triples, cited)
    title = f"{story.label(node)}: {depth} step{'s' if depth > 1 else ''} around"
    return render_html(triples, title=title, keep=keep, focus=str(node), depth=depth)
