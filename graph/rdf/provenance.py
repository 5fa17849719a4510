"""The one reader of a built graph's provenance: each reified fact's article, rule and words.

Every fact a rule produced is described by an `rdf:Statement` node (CONTRACT.md,
"Provenance"): the fact (rdf:subject, rdf:predicate, rdf:object), its article
(prov:wasDerivedFrom), its rule (prov:wasGeneratedBy, whose rdfs:label is the rule's
id), the matched words (oa:hasSelector: oa:start, oa:end, oa:exact), the sentence
around them (kg:sentence, a selector too) and, for a date, the rule that resolved it
(kg:dateResolution). `read_evidence` turns those nodes into `Evidence` records;
`index_articles` and `split_by_article` say which article's named graph each triple
of the graph belongs to (TriG and N-Quads export, `kg push --per-article`).

Both read the graph one predicate at a time: from an rdflib Graph through its
predicate index, or from triples grouped by predicate in one pass (`by_predicate`),
which is how the view, holding a plain list of triples, shares its single pass.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef

from graph.rdf.vocab import KG, OA, PROV, SDO

# A merged node's identity is shared by every article that names it, so it stays in
# the default graph where a query over any article's graph can join it.
IDENTITY = frozenset({RDF.type, RDFS.label, SDO.name, SDO.alternateName, SDO.identifier})


@dataclass(frozen=True, slots=True)
class TextSelector:
    """A span of an article's text (oa:TextPositionSelector): code points, 0-based, end-exclusive."""

    node: URIRef
    start: int | None  # None where the graph gives no offset
    end: int | None
    exact: str | None  # the words text[start:end]; None where the graph gives none


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reified fact as one article states it: the fact, the article, the rule and the words."""

    statement: URIRef  # the rdf:Statement node
    subject: object
    predicate: object
    object: object
    article: URIRef | None  # prov:wasDerivedFrom
    identifier: str  # the article's schema:identifier (its file name); "" without an article
    rule: str  # the id of the rule that produced it (its rdfs:label); "" without one
    selector: TextSelector | None  # the matched words
    sentence: TextSelector | None  # the sentence around them
    resolution: str  # the id of the rule that resolved a relative date; "" for the rest

    @property
    def fact(self) -> tuple:
        return (self.subject, self.predicate, self.object)

    @property
    def exact(self) -> str:
        """The words the rule matched; "" where the graph gives none."""
        return (self.selector.exact or "") if self.selector is not None else ""


def by_predicate(triples) -> dict:
    """The triples grouped by predicate, in one pass: the form `read_evidence` reads besides a Graph."""
    groups = defaultdict(list)  # a graph's few dozen predicates
    for t in triples:
        groups[t[1]].append(t)
    return groups


def _column(source, p) -> dict:
    """node -> its value of predicate p (one value each: the provenance properties have one)."""
    triples = source.triples((None, p, None)) if isinstance(source, Graph) else source.get(p, ())
    return {t[0]: t[2] for t in triples}


def _pairs(source, p):
    if isinstance(source, Graph):
        return source.subject_objects(p)
    return ((t[0], t[2]) for t in source.get(p, ()))


def _identifier(article, identifiers: dict) -> str:
    """An article's schema:identifier, else the end of its IRI (BASE/article/<identifier>)."""
    if article is None:
        return ""
    ident = identifiers.get(article)
    return str(ident) if ident is not None else str(article).rsplit("/", 1)[-1]


def _rule_id(rule, labels: dict) -> str:
    """A rule's id: its rdfs:label, else the end of its IRI."""
    if rule is None:
        return ""
    label = labels.get(rule)
    return str(label) if label is not None else str(rule).rsplit("/", 1)[-1]


def read_evidence(source) -> list[Evidence]:
    """Every reified fact of the graph with its evidence, in the order of the statements' IRIs.

    source: an rdflib Graph, or a graph's triples grouped by predicate (`by_predicate`).
    A statement is a node with rdf:subject and rdf:predicate (rdf:subject's domain is
    rdf:Statement, so the type triple need not be read).
    """
    subjects, predicates, objects, sources, rules, selectors, sentences, resolutions, starts, ends, exacts = (
        _column(source, p) for p in (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom,
                                     PROV.wasGeneratedBy, OA.hasSelector, KG.sentence, KG.dateResolution,
                                     OA.start, OA.end, OA.exact))
    # Selectors, articles and rules are each shared by many facts: each is read once, here, and
    # the loop below only looks them up (a statement runs to ten lookups: it is the view's hot path).
    spans = {node: TextSelector(node, None if start is None else int(start), None if end is None else int(end),
                                None if exact is None else str(exact))
             for node in exacts.keys() | starts.keys()
             for start, end, exact in [(starts.get(node), ends.get(node), exacts.get(node))]}
    identifiers, labels = _column(source, SDO.identifier), _column(source, RDFS.label)
    idents = {a: _identifier(a, identifiers) for a in set(sources.values())}
    rule_ids = {r: _rule_id(r, labels) for r in set(rules.values()) | set(resolutions.values())}
    idents[None] = rule_ids[None] = ""
    statements = sorted((k for k in subjects if k in predicates), key=str)
    articles = list(map(sources.get, statements))

    def each(column: dict, then: dict) -> map:
        """The statements' values in `column`, each looked up in `then`: one C loop, no Python call."""
        return map(then.get, map(column.get, statements))

    return list(map(Evidence, statements, map(subjects.get, statements), map(predicates.get, statements),
                    map(objects.get, statements), articles, map(idents.get, articles), each(rules, rule_ids),
                    each(selectors, spans), each(sentences, spans), each(resolutions, rule_ids)))


# ------------------------------------------------------------------ one named graph per article


@dataclass
class ArticleIndex:
    """Who says what: the articles, and for each story triple the articles and rules behind it."""

    articles: dict[URIRef, str] = field(default_factory=dict)  # article IRI -> schema:identifier
    record_home: dict[URIRef, URIRef] = field(default_factory=dict)  # rdf:Statement node -> its article
    selector_home: dict[URIRef, URIRef] = field(default_factory=dict)  # oa selector -> its article
    supporters: dict[tuple, set] = field(default_factory=lambda: defaultdict(set))  # triple -> articles
    rules: dict[tuple, set] = field(default_factory=lambda: defaultdict(set))  # triple -> {(article, rule id)}

    def home(self, t: tuple) -> URIRef | None:
        """The article whose named graph holds triple t; None: the default graph.

        A provenance record and its selectors go with the article they cite; a story
        fact with the one article that tells it, or to the default graph when several
        do; a merged node's identity (IDENTITY) always to the default graph.
        """
        s, p, _ = t
        home = self.record_home.get(s) or self.selector_home.get(s)
        if home is not None:
            return home
        if p in IDENTITY:
            return None
        articles = self.supporters.get(t)
        return next(iter(articles)) if articles and len(articles) == 1 else None


def index_articles(source) -> ArticleIndex:
    """Read which article says what (source: an rdflib Graph, or triples grouped by predicate)."""
    index = ArticleIndex()
    identifiers = _column(source, SDO.identifier)
    for node, cls in _pairs(source, RDF.type):
        if isinstance(node, URIRef) and isinstance(cls, URIRef) and cls == SDO.NewsArticle:
            index.articles[node] = _identifier(node, identifiers)
    for e in read_evidence(source):
        if e.article not in index.articles:  # not one article's evidence: it stays in the default graph
            continue
        index.record_home[e.statement] = e.article
        for sel in (e.selector, e.sentence):
            if sel is not None:
                index.selector_home.setdefault(sel.node, e.article)
        index.supporters[e.fact].add(e.article)
        if e.rule:
            index.rules[e.fact].add((e.article, e.rule))
    # "this quotation was printed by that article" is itself the article's statement
    for s, o in _pairs(source, PROV.wasDerivedFrom):
        if o in index.articles and s not in index.record_home:
            index.supporters[(s, PROV.wasDerivedFrom, o)].add(o)
    return index


def split_by_article(triples, index: ArticleIndex) -> dict[URIRef | None, set]:
    """Each triple in exactly one graph: its article's (see ArticleIndex.home), or None, the default graph.

    The union of the graphs is the input again, so a quad count equals its triple count.
    """
    graphs: dict = defaultdict(set)
    for t in triples:
        graphs[index.home(t)].add(t)
    return dict(graphs)
