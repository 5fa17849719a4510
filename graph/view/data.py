"""Render the graph as one self-contained, offline HTML page (vis-network, inlined).

The page carries its data as JSON inside a <script type="application/json"> block,
escaped so that no text from an article can close the block or become markup;
every label, tooltip and panel text is set with textContent, never innerHTML.
vis-network comes from the pyvis package and is inlined: no request leaves the page.

What the page gets, all computed here so the browser only draws:
  nodes     label, type, size (networkx degree), aliases, dates, the quotation text
  edges     one per relation between two story nodes, labelled by the property's rdfs:label
  facts     every reified fact about a node, each with its evidence: the article, the
            sentence and where in it the matched words are (UTF-16 offsets, as JS counts)
  timeline  the events in date order; `conflict` marks dates the sources disagree on
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, RDFS, URIRef

from graph.runtime.collector import collector_paused
from graph.rdf.provenance import Evidence, by_predicate, read_evidence
from graph.rdf.types import ARTICLE, NODE_TYPES, TYPE_OF_CLASS
from graph.rdf.vocab import BASE, KG, PROV, SDO
from graph.resources import template_path

TEMPLATE = template_path("view.html")
OVERVIEW_TEMPLATE = template_path("overview.html")


def vis_js() -> Path:
    """vis-network as pyvis ships it, found without importing pyvis (which imports IPython): the
    commands that never draw a page (kg path, kg stats) need not pay for it."""
    spec = importlib.util.find_spec("pyvis")
    return Path(spec.origin).resolve().parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

# relations drawn as edges; the inverse ones (children) and article mentions stay in the panel only
EDGE_PROPERTIES = (SDO.spouse, SDO.parent, SDO.sibling, SDO.organizer, SDO.attendee, SDO.about, SDO.location,
                   KG.platform, SDO.workFeatured, SDO.creator, SDO.isPartOf, SDO.superEvent, PROV.wasDerivedFrom)
SYMMETRIC = {SDO.spouse, SDO.sibling}  # asserted both ways: one edge is enough
INVERSE = {SDO.spouse: SDO.spouse, SDO.sibling: SDO.sibling, SDO.parent: SDO.children, SDO.children: SDO.parent}
DATE_PROPERTIES = (SDO.startDate, SDO.dateCreated, SDO.datePublished)
# schema.org and PROV terms the ontology does not label, worded as an edge reads (subject → object);
# an rdfs:label in the graph wins over these
PROPERTY_LABELS = {
    SDO.spouse: "spouse", SDO.parent: "parent", SDO.children: "child", SDO.sibling: "sibling",
    SDO.organizer: "organiser", SDO.attendee: "attendee", SDO.about: "about", SDO.location: "location",
    SDO.workFeatured: "work featured", SDO.creator: "said by", SDO.isPartOf: "part of",
    SDO.superEvent: "part of", PROV.wasDerivedFrom: "source", SDO.mentions: "mentions",
    SDO.name: "name", SDO.alternateName: "also called", SDO.startDate: "date", SDO.text: "text",
    SDO.dateCreated: "date", SDO.datePublished: "published", SDO.headline: "headline",
    SDO.identifier: "file", RDFS.label: "label", RDF.type: "type",
}
NODE_PROPERTIES = {RDF.type, RDFS.label, SDO.name, SDO.alternateName, SDO.text, SDO.identifier, SDO.headline,
                   SDO.mentions, *DATE_PROPERTIES, *EDGE_PROPERTIES}
# reification and selector nodes: many, and never drawn, so their own properties are not kept
PROVENANCE_PREFIXES = (f"{BASE}fact/", f"{BASE}selector/")
# hash of a predicate -> (the predicate, its key among a node's properties). Looked up by hash
# because comparing two rdflib terms runs Python code while comparing two ints does not, and this
# pass over every triple is most of the page's build time; str.__eq__ then confirms the match in C.
# Property keys are plain strings for the same reason.
_ROLES = {hash(p): (p, str(p)) for p in NODE_PROPERTIES}
_LABEL, _TYPE = str(RDFS.label), str(RDF.type)
_TYPE_TABLE = [[t.key, t.label, t.colour, t.shape] for t in NODE_TYPES]  # the page's legend: key, label, colour, shape
SKIPPED = {RDF.type, KG.eventKind}  # facts the panel has better words for: the type line, the kind
SUBJECT_SIDE = {SDO.mentions}  # shown on the article's panel only: a node's own Sources list says it
TIP_ORDER = (SDO.text, SDO.name, RDFS.label)  # the tooltip's evidence: the quotation's words, else the name
# how the panel words a fact, by the property's label: [seen from its subject, seen from its object],
# so "Memorial organiser Chrissy" reads "Organised by: Chrissy" on the memorial and "Organiser of:
# Memorial" on Chrissy; a label not listed reads "Label:" and "Label of:"
PHRASES = {
    "organiser": ("Organised by", "Organiser of"), "attendee": ("Attended by", "Attended"),
    "about": ("About", "Subject of"), "location": ("Location", "Location of"),
    "platform": ("Platform", "Platform of"), "work featured": ("Features", "Featured in"),
    "said by": ("Said by", "Said"), "part of": ("Part of", "Includes"), "source": ("Source", "Source of"),
    "mentions": ("Mentions", "Mentioned in"), "parent": ("Parent", "Parent of"), "child": ("Child", "Child of"),
    "spouse": ("Spouse", "Spouse of"), "sibling": ("Sibling", "Sibling of"), "cause": ("Cause", "Cause of"),
    "also called": ("Also called", "Also the name of"), "date": ("Date", "Date of"),
    "published": ("Published", "Publication date of"), "parts joined": ("Parts joined", "Part joined of"),
}
# a node linked to more than this many others (articles left out) is a hub: the view offers to leave
# hubs out of a focused neighbourhood, so one platform every story uses does not swamp it
HUB_DEGREE = 12


# above this many nodes the whole-corpus page is an overview (`overview_data`): the largest stories and
# a search index of every name, each name pointing to its focused page. Drawn whole, such a graph is
# a knot that takes seconds to open and that no one can read.
OVERVIEW_THRESHOLD = 3000
OVERVIEW_STORIES = 60  # stories shown on the overview, largest first
OVERVIEW_TYPES = ("person", "event")  # what a story is made of: people linked through events

# above this many nodes Python lays the graph out (`_precompute_layout`): the browser's physics
# alone needs seconds per hundred steps at thousands of nodes, and starts from random places
LAYOUT_THRESHOLD = 500
RING = 130.0     # distance between the rings of a component, in vis-network units
SPACING = 80.0   # the least arc between two nodes of a ring: room for a label


def _json_for_html(data) -> str:
    """JSON that is safe inside <script>: no <, >, & or line separators appear literally."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: JavaScript's string offsets (an emoji counts two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def property_label(p, labels: dict) -> str:
    """The property's rdfs:label, else the table's wording, else its local name split at capitals."""
    if p in labels:
        return labels[p]
    if p in PROPERTY_LABELS:
        return PROPERTY_LABELS[p]
    local = re.split(r"[/#]", str(p))[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


def conflicting(values: list[str]) -> bool:
    """Two dates of which neither refines the other (2020 and 2020-09 agree; -09-30 and -10-01 do not)."""
    return any(not a.startswith(b) and not b.startswith(a) for i, a in enumerate(values) for b in values[i + 1:])


def _read(groups) -> dict:
    """Story properties by subject (node -> property key -> values), from the triples grouped by
    predicate (`by_predicate`).

    The node properties are read group by group (matched by hash: see _ROLES), so no lookup
    by subject happens for the many provenance triples; their evidence is read from the same
    groups by `read_evidence`, and only for a page that shows it.
    """
    by_s = defaultdict(dict)
    same, starts = str.__eq__, str.startswith
    for p in sorted(groups, key=str):
        role = _ROLES.get(hash(p))
        if role is None or not same(role[0], p):
            continue
        key = role[1]
        for s, _, o in groups[p]:
            if starts(s, PROVENANCE_PREFIXES):
                continue
            props = by_s[s]
            if key in props:
                props[key].append(o)
            else:
                props[key] = [o]
    return by_s


def _values(props: dict, p) -> list:
    """A node's values of property p (props are keyed by the property IRI as a plain string)."""
    return props.get(str(p), [])


def _first(props: dict, p, default: str = "") -> str:
    """The least of a node's values of p, as a string: one value, the same from build to build."""
    values = _values(props, p)
    return str(min(values, key=str)) if values else default


def _node_type(types) -> int | None:
    found = [TYPE_OF_CLASS[t] for t in types if t in TYPE_OF_CLASS]
    return min(found) if found else None


def _kind(types, labels: dict) -> str:
    """The most specific class label worth showing: kg:Memorial → "memorial" (the type says "Event")."""
    kinds = sorted(labels[t] for t in types if t not in TYPE_OF_CLASS and t in labels)
    return kinds[0] if kinds else ""


class _Tables:
    """Articles, sentences, properties and rules, each stored once and referred to by index."""

    def __init__(self, articles: list[URIRef]):
        self.article_index = {a: i for i, a in enumerate(articles)}
        self.sentences: list[str] = []
        self.sentence_index: dict = {}
        self.props: list[str] = []
        self.prop_index: dict = {}
        self.rules: list[str] = []
        self.rule_index: dict = {}

    def sentence(self, article: int, start: int, text: str) -> int:
        key = (article, start, text)
        if key not in self.sentence_index:
            self.sentence_index[key] = len(self.sentences)
            self.sentences.append(text)
        return self.sentence_index[key]

    def prop(self, label: str) -> int:
        if label not in self.prop_index:
            self.prop_index[label] = len(self.props)
            self.props.append(label)
        return self.prop_index[label]

    def rule(self, label: str) -> int:
        if label not in self.rule_index:
            self.rule_index[label] = len(self.rules)
            self.rules.append(label)
        return self.rule_index[label]


class _PanelEvidence:
    """[article, sentence, from, to, rule] for a piece of evidence: the matched words as UTF-16
    offsets into the sentence, worked out once for all the facts that share them."""

    def __init__(self, tables: _Tables):
        self.tables = tables
        self.places: dict = {}

    def __call__(self, e: Evidence) -> list | None:
        selector, sentence = e.selector, e.sentence
        # many facts share their words; keyed by the selectors' IRIs, which hash in C
        key = (e.article, selector and selector.node, sentence and sentence.node)
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = self._place(e.article, selector, sentence)
        if not place:
            return None
        return [*place, self.tables.rule(e.rule)]

    def _place(self, article, selector, sentence) -> tuple:
        """(article, sentence index, from, to), or () when the statement lacks its evidence."""
        tables = self.tables
        article = tables.article_index.get(article)
        if article is None or selector is None or selector.exact is None:
            return ()
        exact = selector.exact
        if sentence is not None and sentence.exact is not None and sentence.start is not None:
            text, base = sentence.exact, sentence.start
        else:
            text, base = exact, selector.start or 0
        a = (base if selector.start is None else selector.start) - base
        if not (0 <= a and text[a:a + len(exact)] == exact):
            a = text.find(exact)  # a sentence selector that does not hold the words: find them, or mark none
        if a < 0:
            a16 = b16 = 0
        elif text.isascii():
            a16, b16 = a, a + len(exact)
        else:
            a16 = utf16_len(text[:a])
            b16 = a16 + utf16_len(exact)
        return (article, tables.sentence(article, base, text), a16, b16)


def _label(node, labels: dict) -> str:
    return labels.get(node, str(node).rsplit("/", 1)[-1])


def graph_data(triples, keep=None, *, layout: bool = True, summary_above: int | None = None) -> dict:
    """Nodes, edges, facts with evidence and the timeline for the view, all sorted.

    keep: only these node IRIs (a neighbourhood); None for the whole graph.
    layout: lay a large graph out (x, y per node); the overview draws no graph and skips it.
    summary_above: for the whole graph with more nodes than this, only what the overview reads
    (nodes with their names, dates and articles, and edges), flagged "summary": no evidence, which
    is most of the work and of the memory on a large graph, and which the overview never shows.
    """
    with collector_paused():  # a million tuples and terms, no cycles: see graph/collector.py
        return _graph_data(triples, keep, layout, summary_above)


def _graph_data(triples, keep, layout: bool = True, summary_above: int | None = None) -> dict:
    groups = by_predicate(triples)
    by_s = _read(groups)
    labels = {s: str(min(ps[_LABEL], key=str)) for s, ps in by_s.items() if _LABEL in ps}
    typed = {s: _node_type(ps.get(_TYPE, ())) for s, ps in by_s.items() if isinstance(s, URIRef)}
    story = sorted((s for s, t in typed.items() if t is not None and (keep is None or s in keep)), key=str)
    index = {s: i for i, s in enumerate(story)}
    articles = sorted((s for s, t in typed.items() if t == ARTICLE),
                      key=lambda a: _first(by_s[a], SDO.identifier, str(a)))
    tables = _Tables(articles)
    if keep is None and summary_above is not None and len(story) > summary_above:
        return _summary(story, by_s, index, articles, tables, labels, typed)
    facts = _facts(read_evidence(groups), index, tables, labels)
    del groups
    nodes = [_node(s, by_s[s], typed[s], labels) for s in story]
    for s, n in zip(story, nodes):
        speakers = sorted(_values(by_s[s], SDO.creator), key=str)
        if speakers:  # [node index, or -1 outside a focused view; name]
            n["speaker"] = [index.get(speakers[0], -1), _label(speakers[0], labels)]
    _attach_evidence(nodes, facts, tables, labels)
    edges, edge_iris, edge_prop = _edges(story, by_s, index, tables, labels)
    article_names = _name_articles(nodes, index, articles, by_s, tables)
    _size_by_degree(nodes, edges)
    if layout and len(nodes) > LAYOUT_THRESHOLD:
        _precompute_layout(nodes, edges)
    return {
        "nodes": nodes,
        "edges": edges,
        "facts": [[s, p, o, text, m, evs] for (s, p, o, text, m), evs in facts],
        "articles": [_article(a, by_s[a], index, name) for a, name in zip(articles, article_names)],
        "sentences": tables.sentences,
        "props": tables.props,
        "rules": tables.rules,
        "timeline": _timeline(nodes),
        "types": _TYPE_TABLE,
        # for the page's Turtle and GraphML exports: each type's class, each edge's property IRI
        "classes": [str(t.cls) for t in NODE_TYPES],
        "edgeIris": edge_iris,
        "edgeProp": edge_prop,
        "phrases": [list(PHRASES.get(p, (p[:1].upper() + p[1:], p[:1].upper() + p[1:] + " of"))) for p in tables.props],
        "hubDegree": HUB_DEGREE,
    }


def _summary(story: list, by_s: dict, index: dict, articles: list, tables: "_Tables", labels: dict, typed: dict) -> dict:
    """What the overview reads of a graph too large to draw (see graph_data's summary_above).

    A node's articles are those that mention it (schema:mentions), where the full page counts
    those giving any fact about it: the same articles for the people and events that make a
    story, as an article mentions whom its facts are about. An article without a headline is
    named by its date and file id (its first sentence would come from the evidence).
    """
    nodes = [_node(s, by_s[s], typed[s], labels) for s in story]
    article_index = {a: k for k, a in enumerate(articles)}
    sources = defaultdict(set)
    for a in articles:
        for o in _values(by_s[a], SDO.mentions):
            if o in index:
                sources[index[o]].add(article_index[a])
    for i, n in enumerate(nodes):
        n["articles"] = sorted(sources.get(i, ()))
    edges, _, _ = _edges(story, by_s, index, tables, labels)
    for a in articles:
        ps = by_s[a]
        if a in index and not _first(ps, SDO.headline):
            nodes[index[a]]["label"] = article_name(_first(ps, SDO.identifier, str(a)), "", _first(ps, SDO.datePublished))
    _size_by_degree(nodes, edges)
    return {"nodes": nodes, "edges": edges, "types": _TYPE_TABLE,
            "summary": True}


def _node(s, ps: dict, type_index: int, labels: dict) -> dict:
    dates = sorted({str(d) for p in DATE_PROPERTIES for d in _values(ps, p)})
    return {
        "id": str(s),
        "label": _label(s, labels),
        "type": type_index,
        "kind": _kind(_values(ps, RDF.type), labels),
        "aliases": sorted({str(a) for a in _values(ps, SDO.alternateName)} - {_label(s, labels)}),
        "text": _first(ps, SDO.text),
        "dates": [[d, []] for d in dates],
        "conflict": conflicting(dates),
    }


def _article(a, ps: dict, index: dict, name: str) -> list:
    """[node index or -1, file id, headline, date, readable name (`article_name`)]."""
    return [index.get(a, -1), _first(ps, SDO.identifier, str(a)), _first(ps, SDO.headline), _first(ps, SDO.datePublished),
            name]


def article_name(file_id: str, headline: str, date: str, first_sentence: str = "") -> str:
    """What a reader calls an article: its headline; without one, its date or first words and a short file id."""
    if headline:
        return headline
    short = file_id if len(file_id) <= 12 else file_id[:8] + "\u2026"
    if date:
        return f"Article of {date} ({short})"
    if first_sentence:
        words = first_sentence if len(first_sentence) <= 50 else first_sentence[:49].rstrip() + "\u2026"
        return f"\u201c{words}\u201d ({short})"
    return f"Article {short}"


def _name_articles(nodes: list, index: dict, articles: list, by_s: dict, tables: _Tables) -> list[str]:
    """Each article's readable name (`article_name`); an article node without a headline is
    labelled with it, not with its hash."""
    first = {}  # article table index -> (start, sentence) of the earliest sentence any fact quotes
    for (article, start, text) in tables.sentence_index:
        if article not in first or start < first[article][0]:
            first[article] = (start, text)
    names = []
    for k, a in enumerate(articles):
        ps = by_s[a]
        headline = _first(ps, SDO.headline)
        names.append(article_name(_first(ps, SDO.identifier, str(a)), headline, _first(ps, SDO.datePublished),
                                  first.get(k, (0, ""))[1].strip()))
        if not headline and a in index:
            nodes[index[a]]["label"] = names[-1]
    return names


def _facts(evidence: list[Evidence], index: dict, tables: _Tables, labels: dict) -> list:
    """Every reified fact with a shown node as subject or object, grouped with its evidence, sorted.

    Each is ((subject, property, object node or -1, literal or label, mirrored), evidence list);
    `mirrored` marks a fact the panel shows on its subject's side only: one whose inverse is
    also stated (Jack parent Chrissy / Chrissy child Jack), or an article's mentions.
    """
    grouped = defaultdict(list)
    place = _PanelEvidence(tables)
    # predicates compared as plain strings: rdflib's own comparison runs Python code, per statement
    skipped, subject_side = {str(p) for p in SKIPPED}, {str(p) for p in SUBJECT_SIDE}
    inverse = {str(p): str(q) for p, q in INVERSE.items()}
    stated = set()  # (subject, predicate, object) as strings, for the predicates that have an inverse
    for e in evidence:  # in the order of the statements' IRIs
        s, p, o = e.subject, e.predicate, e.object
        pk = str(p)
        if pk in inverse:
            stated.add((str(s), pk, str(o)))
        if pk in skipped or (s not in index and o not in index):
            continue
        ev = place(e)
        if ev is not None:
            grouped[(s, p, o)].append(ev)
    prop_of: dict[str, int] = {}
    out = []
    for (s, p, o), evs in grouped.items():
        pk = str(p)
        o_index = index.get(o, -1) if isinstance(o, URIRef) else -1
        text = "" if o_index >= 0 else (_label(o, labels) if isinstance(o, URIRef) else str(o))
        mirrored = int(pk in subject_side or (pk in inverse and (str(o), inverse[pk], str(s)) in stated))
        s_index = index.get(s, -1)
        if pk not in prop_of:
            prop_of[pk] = tables.prop(property_label(p, labels))
        key = (s_index, prop_of[pk], o_index, text, mirrored)
        if s_index < 0:  # the subject is outside a focused view: keep its label as the text
            key = (s_index, key[1], o_index, _label(s, labels), mirrored)
        out.append((key, sorted(map(list, {tuple(ev) for ev in evs}))))
    out.sort(key=lambda f: (f[0][0], tables.props[f[0][1]], f[0][2], f[0][3]))
    return out


def _attach_evidence(nodes: list, facts: list, tables: _Tables, labels: dict) -> None:
    """Per node: the articles that support it, each date's articles, and the tooltip's evidence."""
    date_props = {tables.prop_index.get(property_label(p, labels)) for p in DATE_PROPERTIES}
    tip_rank = {}
    for rank, p in reversed(list(enumerate(TIP_ORDER))):
        tip_rank[tables.prop_index.get(property_label(p, labels))] = rank
    sources = defaultdict(set)
    best_tip = {}
    for (s, p, o, text, _), evs in facts:
        for n in (s, o):
            if n >= 0:
                sources[n].update(ev[0] for ev in evs)
        if s < 0:
            continue
        if p in date_props:
            for d in nodes[s]["dates"]:
                if d[0] == text:
                    d[1] = sorted(set(d[1]) | {ev[0] for ev in evs})
        rank = tip_rank.get(p, len(TIP_ORDER))
        if s not in best_tip or rank < best_tip[s][0]:
            best_tip[s] = (rank, evs[0][1:4])
    for i, n in enumerate(nodes):
        n["articles"] = sorted(sources.get(i, ()))
        n["tip"] = best_tip[i][1] if i in best_tip else []


def _edges(story: list, by_s: dict, index: dict, tables: _Tables, labels: dict) -> tuple[list, list, list]:
    """[from, to, property] by node index: each relation once, sorted; then the property IRIs
    the edges use, sorted, and each edge's index into them (two properties worded alike, such
    as isPartOf and superEvent, make one edge: the least IRI names it)."""
    edges = {}
    for s in story:
        for p in EDGE_PROPERTIES:
            for o in _values(by_s[s], p):
                if o in index and (p not in SYMMETRIC or str(s) < str(o)):
                    key = (index[s], index[o], tables.prop(property_label(p, labels)))
                    if key not in edges or str(p) < edges[key]:
                        edges[key] = str(p)
    order = sorted(edges)
    iris = sorted(set(edges.values()))
    at = {iri: k for k, iri in enumerate(iris)}
    return order, iris, [at[edges[e]] for e in order]


def story_graph(nodes: list, edges: list) -> nx.Graph:
    """The undirected graph of the story: articles left out, as every quotation links to its source."""
    import networkx as nx  # here, not at the top: the read commands that draw nothing skip its import
    articles = {i for i, n in enumerate(nodes) if n["type"] == ARTICLE}
    g = nx.Graph()
    g.add_nodes_from(i for i in range(len(nodes)) if i not in articles)
    g.add_edges_from((a, b) for a, b, _ in edges if a not in articles and b not in articles)
    return g


def _size_by_degree(nodes: list, edges: list) -> None:
    """Node size grows with the square root of its degree in the story, so hubs stand out but do not swamp."""
    degree = dict(story_graph(nodes, edges).degree())
    for i, n in enumerate(nodes):
        n["degree"] = degree.get(i, 0)
        n["size"] = 18 if i not in degree else round(8 + min(30.0, 4.5 * math.sqrt(degree[i])), 1)


def _hubs(g: nx.Graph) -> set:
    """Nodes linked to so much (a platform every story uses) that they would pull the layout into one knot."""
    mean = 2 * g.number_of_edges() / max(1, g.number_of_nodes())
    limit = max(20.0, 5 * mean)
    return {n for n, d in g.degree() if d > limit}


def _radial(g: nx.Graph, component: set) -> dict:
    """A component in rings around its best-connected node: ring k holds the nodes k steps away,
    each placed next to the node it was reached from, so a story reads outward from its centre."""
    import networkx as nx  # here, not at the top: the read commands that draw nothing skip its import
    root = min(component, key=lambda n: (-g.degree(n), n))
    pos = {root: (0.0, 0.0)}
    angle = {root: 0.0}
    for depth, layer in enumerate(nx.bfs_layers(g, [root])):
        if depth == 0:
            continue
        # order the ring by the angle of each node's earliest-placed neighbour: few crossings
        layer = sorted(layer, key=lambda n: (min(angle[m] for m in g[n] if m in angle), n))
        radius = max(RING * depth, len(layer) * SPACING / (2 * math.pi))
        for k, n in enumerate(layer):
            angle[n] = 2 * math.pi * k / len(layer) + depth * 0.4
            pos[n] = (radius * math.cos(angle[n]), radius * math.sin(angle[n]))
    return pos


def _precompute_layout(nodes: list, edges: list) -> None:
    """x, y for every node of a large graph, so the page draws at once instead of simulating.

    Hubs are set aside, each remaining component is laid out in rings (`_radial`), the
    components are packed in rows, largest first, and each hub goes to the middle of its
    neighbours. The page then relaxes this with a few physics steps, hub links excluded.
    """
    import networkx as nx  # here, not at the top: the read commands that draw nothing skip its import
    g = nx.Graph()
    g.add_nodes_from(range(len(nodes)))
    g.add_edges_from((a, b) for a, b, _ in edges if a != b)
    hubs = _hubs(g)
    rest = g.subgraph(n for n in g if n not in hubs)
    components = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
    layouts = [_radial(rest, c) for c in components]
    extents = [max((math.hypot(x, y) for x, y in lay.values()), default=0.0) + SPACING for lay in layouts]
    width = math.sqrt(sum((2 * e) ** 2 for e in extents)) * 1.2
    x = y = row_height = 0.0
    placed = {}
    for lay, extent in zip(layouts, extents):
        if x > 0 and x + 2 * extent > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + extent, y + extent
        for n, (dx, dy) in lay.items():
            placed[n] = (cx + dx, cy + dy)
        x += 2 * extent
        row_height = max(row_height, 2 * extent)
    for k, h in enumerate(sorted(hubs, key=lambda n: (-g.degree(n), n))):
        near = [placed[m] for m in g[h] if m in placed] or [(width / 2, y / 2)]
        # hubs share the middle of the picture: a golden-angle spiral keeps them apart
        r, a = 3 * SPACING * math.sqrt(k + 1), 2.39996 * k
        placed[h] = (sum(p[0] for p in near) / len(near) + r * math.cos(a),
                     sum(p[1] for p in near) / len(near) + r * math.sin(a))
    for n, (px, py) in placed.items():
        nodes[n]["x"], nodes[n]["y"] = round(px), round(py)
        nodes[n]["hub"] = int(n in hubs)


def _timeline(nodes: list) -> list:
    """Event node indexes, dated ones first by their earliest date, then the undated by label."""
    events = [i for i, n in enumerate(nodes) if NODE_TYPES[n["type"]].key == "event"]
    return sorted(events, key=lambda i: (not nodes[i]["dates"], nodes[i]["dates"][0][0] if nodes[i]["dates"] else "",
                                         nodes[i]["label"], nodes[i]["id"]))


def overview_data(data: dict) -> dict:
    """The largest stories of a graph too big to draw, and every name in it, for the overview page.

    A story is a connected component of the people and events (networkx); the
    OVERVIEW_STORIES largest are listed, each with its best-connected names and its dates.
    Every node but a quotation is in the name index: [label, type, story or -1, aliases].
    """
    import networkx as nx  # here, not at the top: the read commands that draw nothing skip its import
    nodes, edges = data["nodes"], data["edges"]
    kinds = {k for k, t in enumerate(NODE_TYPES) if t.key in OVERVIEW_TYPES}
    g = nx.Graph()
    g.add_nodes_from(i for i, n in enumerate(nodes) if n["type"] in kinds)
    g.add_edges_from((a, b) for a, b, _ in edges if a in g and b in g and a != b)
    stories = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(nodes[i]["label"] for i in c), min(c)))
    stories = [c for c in stories if len(c) > 1][:OVERVIEW_STORIES]
    linked = defaultdict(set)
    for a, b, _ in edges:
        linked[a].add(b)
        linked[b].add(a)
    story_of = {}
    out = []
    for k, members in enumerate(stories):
        # the story's other nodes: what its people and events link to (quotations, places, works…)
        near = {j for i in members for j in linked[i] if j not in members}
        everyone = members | {j for j in near if nodes[j]["type"] != ARTICLE}
        for i in everyone:
            story_of.setdefault(i, k)
        ranked = sorted(members, key=lambda i: (nodes[i]["type"], -nodes[i]["degree"], nodes[i]["label"], i))
        dates = sorted(d[0] for i in members for d in nodes[i]["dates"])
        counts = [sum(1 for i in everyone if nodes[i]["type"] == t) for t in range(len(NODE_TYPES))]
        articles = sorted({a for i in members for a in nodes[i]["articles"]})
        out.append({"names": [i for i in ranked], "counts": counts, "dates": [dates[0], dates[-1]] if dates else [],
                    "articles": len(articles)})
    quotation = next(k for k, t in enumerate(NODE_TYPES) if t.key == "quotation")
    names = [[n["label"], n["type"], story_of.get(i, -1), n["aliases"], n["degree"]]
             for i, n in enumerate(nodes) if n["type"] != quotation]
    index = {i: k for k, i in enumerate(i for i, n in enumerate(nodes) if n["type"] != quotation)}
    for story in out:
        story["names"] = [index[i] for i in story["names"]]
    counts = [sum(1 for n in nodes if n["type"] == t) for t in range(len(NODE_TYPES))]
    return {"stories": out, "names": names, "types": data["types"], "counts": counts,
            "edges": len(edges),
            "components": sum(1 for c in nx.connected_components(g) if len(c) > 1)}


def render_html(triples, title: str = "Knowledge graph", keep=None, focus: str | None = None,
                depth: int = 1) -> str:
    """The whole page as a string: deterministic for the same triples.

    keep: only these node IRIs; focus: a node IRI the page opens selected, showing
    `depth` steps around it. The whole graph (keep None) above OVERVIEW_THRESHOLD nodes
    gives the overview page instead (`overview_data`).
    """
    data = graph_data(triples, keep=keep, layout=False, summary_above=OVERVIEW_THRESHOLD)
    if data.get("summary"):
        payload = {"overview": overview_data(data), "title": title, "threshold": OVERVIEW_THRESHOLD}
        return OVERVIEW_TEMPLATE.read_text(encoding="utf-8").replace("{{DATA}}", _json_for_html(payload))
    if len(data["nodes"]) > LAYOUT_THRESHOLD:
        _precompute_layout(data["nodes"], data["edges"])
    page = TEMPLATE.read_text(encoding="utf-8")
    vis = vis_js().read_text(encoding="utf-8").replace("</script", "<\\/script")
    # base: the prefix every node IRI shares, left out of the links the page writes in its URL fragment
    payload = {"graph": data, "title": title, "focus": focus or "", "depth": depth, "base": str(BASE)}
    return page.replace("{{VIS_JS}}", vis).replace("{{DATA}}", _json_for_html(payload))
