"""Score a built graph against gold annotations, article by article, through provenance.

A graph fact belongs to an article when its reification node (an rdf:Statement with
rdf:subject / rdf:predicate / rdf:object) has prov:wasDerivedFrom that article's node,
the node whose schema:identifier is the article id. Every figure below counts only the
facts of the article being scored, so a graph built from many articles is scored on
each article as if it had been built from that article alone.

Figures (each has tp, fp, fn; precision = tp/(tp+fp), recall = tp/(tp+fn),
F1 = 2tp/(2tp+fp+fn); with nothing to count a ratio is 1.0, see `Score`):

people
    Graph persons of the article: schema:Person nodes (or a subclass) that the article
    names or types (a fact about the node with predicate rdf:type, schema:name,
    schema:alternateName or rdfs:label derives from it) or that any fact of the article
    links (as its subject or object). A node matches a gold person
    when one of its names (schema:name, schema:alternateName; rdfs:label only if it has
    neither), case-folded and whitespace-normalised, is the gold name or an alias.
    tp = gold persons matched by at least one node; fn = gold persons matched by none;
    fp = graph persons matching no gold person (a company or a stray capitalised word
    made a person). Extra nodes for one person are not counted here but in identity.
identity
    One node per person, among the matched nodes of `people`:
    tp = gold persons with exactly one node that matches only them;
    fn = split errors, sum over gold persons of (number of its nodes - 1);
    fp = merge errors, sum over nodes of (number of gold persons it matches - 1).
    Recall falls when people are split over several nodes, precision when one node
    stands for several people.
family
    Ties normalised: spouse and sibling are unordered, [A, child, B] is [B, parent, A].
    Graph ties: schema:spouse/sibling/parent/children facts of the article between
    person nodes, mapped to gold persons through the matching of `people`; both
    directions of a tie are one tie. tp = gold ties found; fn = gold ties not found;
    fp = graph ties not in gold, including ties to a non-person or an unmatched node.
quotations (speaker attribution)
    A graph schema:Quotation of the article contains a gold quotation when the gold
    text (quote marks, dashes and spaces normalised; enclosing quote marks and final
    punctuation dropped) is a substring of its schema:text or of a text selector's
    exact words. Gold and graph quotations are paired one to one, greedily: pairs
    whose speaker agrees first, then the shortest graph text (a nested quote before
    the quote around it), then gold order; and a gold quotation whose words lie in
    another part of a graph quotation printed in parts (“A,” she said, “B.”) than
    the gold quotation paired with it, and has the same gold speaker, is paired with
    it too, since annotators may list the parts of one quotation apart. The speaker
    is the schema:creator facts
    of the article. For a gold quotation with a speaker: right creator = tp; another
    creator = fp and fn ("wrong"); no creator, or no graph quotation = fn ("missing").
    A gold quotation whose speaker is null counts fp if the graph gives it a creator,
    nothing otherwise. A graph quotation paired with no gold one is fp when it has a
    creator (an attributed spurious quote), nothing otherwise.
events
    Graph dated events: (event node, schema:startDate) pairs whose date fact derives
    from the article, the node being a schema:Event (or subclass). A gold event
    matches when the date value and its precision agree (xsd:date / gYearMonth /
    gYear against YYYY-MM-DD / YYYY-MM / YYYY) and, if the gold event lists
    participants, one of them is a person-valued object of the event's facts in the
    article (schema:attendee, organizer, about or any other). One to one, greedily:
    pairs with a compatible kind first, then more shared participants, then gold
    order, then node. tp = matched; fn = gold unmatched; fp = graph pairs unmatched.
    The kind never blocks a match; a matched pair whose classes do not fit the gold
    kind is listed as "kind" in the differences and counted in `event_kinds`.
organizations, places
    Gold names against schema:Organization / schema:Place nodes (and subclasses, by
    the graph's rdfs:subClassOf) that the article names, by name (case-insensitive).
    tp = gold names found; fn = not found; fp = nodes matching no gold name.

Rules: every graph fact scored above (the typing or naming facts of a person,
organisation or place; a family edge; a quotation's creator; an event's date) is
correct or wrong, and the rule that generated it (prov:wasGeneratedBy, its rdfs:label)
is credited accordingly: `RuleStat.precision = correct / (correct + wrong)`.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from graph.evaluate.gold import (
    Gold, GoldEvent, GoldQuotation, fold_chars, normalise_name, normalise_text, tie_key, tie_label,
)
from graph.rdf.provenance import read_evidence
from graph.rdf.vocab import KG, PROV, SDO


CATEGORIES = ("people", "identity", "family", "quotations", "events", "organizations", "places")
DEFINITIONS = {
    "people": "tp gold persons found; fp graph persons matching no gold person (those whose name is a gold "
              "organisation's or place's, or whole words of one, are counted apart too); fn gold persons not found",
    "identity": "tp persons with exactly one node of their own; fp merge errors (extra persons per node); "
                "fn split errors (extra nodes per person)",
    "family": "normalised ties (spouse, sibling unordered; child = reversed parent); fp includes ties to "
              "non-persons or unmatched nodes",
    "quotations": "speaker attribution: tp right speaker; wrong speaker counts fp and fn; no speaker or no "
                  "quotation is fn; an attributed quotation with no gold one is fp",
    "events": "dated events matched one to one on date value and precision and one shared participant; "
              "kind reported, not required",
    "organizations": "gold organisation names against Organization nodes of the article, case-insensitive",
    "places": "gold place names against Place nodes of the article, case-insensitive",
}
STATUSES = ("missing", "wrong", "spurious", "kind")

_NAMING = frozenset({RDF.type, SDO.name, SDO.alternateName, RDFS.label})
_FAMILY = {SDO.spouse: "spouse", SDO.sibling: "sibling", SDO.parent: "parent", SDO.children: "children"}
_PRECISION = {XSD.date: "day", XSD.dateTime: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
_LEX_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Quote marks and the punctuation a quotation's last word carries: the graph keeps the
# quoted words without their enclosing marks, an annotator may copy either.
_QUOTE_EDGE_LEAD = "\"' "
_QUOTE_EDGE_TRAIL = "\"' ,.;:!?"
# Gold event kinds and the class / event-kind names that fit them, beyond the kind's own
# words: the ontology names some kinds differently ("memorial" for a funeral).
_KIND_FITS = {
    "funeral": {"funeral", "memorial", "vigil"},
    "statement": {"statement", "announcement", "speech", "press release"},
    "publication": {"publication", "open letter", "essay", "letter"},
    "social-media-post": {"social media post", "post", "comment", "tribute", "announcement"},
    "premiere": {"premiere", "screening"},
    "game": {"game", "match", "race"},
    "appointment": {"appointment", "election", "swearing in", "hiring"},
    "pregnancy-announcement": {"pregnancy announcement", "announcement"},
    "award": {"award", "award ceremony"},
}
_GENERIC_KINDS = frozenset({"event", "thing"})


@dataclass(frozen=True)
class Score:
    """Counts for one category; precision, recall and F1 derived from them.

    With nothing claimed (tp+fp = 0) precision is 1.0, with nothing to find
    (tp+fn = 0) recall is 1.0, and with neither F1 is 1.0: an article with no
    quotation that the graph quotes nothing from is not a failure.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        # 2tp/(2tp+fp+fn) is the harmonic mean of P and R, computed from integers so that
        # a floor like --min-f1 0.8 compares exactly
        den = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / den if den else 1.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Evidence:
    """Where a graph fact came from: the reification node, its rule, words and sentence."""

    fact: str
    rule: str | None
    exact: str | None
    sentence: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Difference:
    """One disagreement between gold and graph for an article.

    status: "missing" (gold, not in the graph), "spurious" (graph, not in gold),
    "wrong" (a quotation credited to another speaker) or "kind" (a matched event
    whose graph class does not fit the gold kind; informative, not an error).
    `sentence` is the article sentence where the gold item occurs (for missing and
    wrong items); `evidence` the graph facts behind a spurious or wrong item.
    """

    article: str
    category: str
    status: str
    item: str
    detail: str
    gold_line: int | None = None
    node: str | None = None
    sentence: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class RuleStat:
    """How many of a rule's scored facts were correct and how many wrong."""

    rule: str
    correct: int
    wrong: int
    categories: tuple[str, ...]

    @property
    def facts(self) -> int:
        return self.correct + self.wrong

    @property
    def precision(self) -> float:
        return self.correct / self.facts if self.facts else 1.0


@dataclass(frozen=True)
class ArticleScore:
    """The figures of one article: a Score per category (keys: CATEGORIES)."""

    article: str
    genre: str | None
    in_graph: bool
    scores: dict[str, Score]
    event_kinds: tuple[int, int] = (0, 0)  # (matched events whose kind fits, matched events)
    # (people that are a gold organisation, people that are a gold place): the worst of the people fp
    people_as: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Report:
    """The whole evaluation: per article, overall (micro-averaged), differences, rules."""

    articles: tuple[ArticleScore, ...]
    overall: dict[str, Score]
    differences: tuple[Difference, ...]
    rules: tuple[RuleStat, ...]
    warnings: tuple[str, ...] = ()
    event_kinds: tuple[int, int] = (0, 0)
    people_as: tuple[int, int] = (0, 0)  # people that are gold organisations, gold places


# ---------------------------------------------------------------- entry point


def evaluate(graph: Graph, golds: list[Gold], articles: dict[str, str], ontology: Graph | None = None) -> Report:
    """Score `graph` against each gold annotation, using `articles` (id -> text) for sentences.

    `ontology`, if given, adds class hierarchy and labels the graph itself lacks.
    Articles the graph does not hold score every gold item as missing, with a warning.
    """
    index = _GraphIndex(graph, ontology)
    tally = _RuleTally()
    per_article, diffs, warnings = [], [], []
    for gold in sorted(golds, key=lambda g: g.article):
        text = articles.get(gold.article, "")
        if gold.article not in articles:
            warnings.append(f"{gold.article}: article text not given; missing items carry no sentence")
        iris = index.article_iris.get(gold.article, ())
        if not iris:
            warnings.append(f"{gold.article}: not in the graph (no node with schema:identifier "
                            f"{gold.article!r}); every gold item counts as missing")
        scorer = _ArticleScorer(index, gold, text, iris, tally)
        scores = scorer.run()
        per_article.append(ArticleScore(gold.article, gold.genre, bool(iris), scores, scorer.event_kinds,
                                        scorer.people_as))
        diffs.extend(scorer.diffs)
    overall = {c: sum((a.scores[c] for a in per_article), Score()) for c in CATEGORIES}
    order = {c: i for i, c in enumerate(CATEGORIES)}
    status = {s: i for i, s in enumerate(STATUSES)}
    diffs.sort(key=lambda d: (d.article, order[d.category], status[d.status], d.gold_line or 0, d.item,
                              d.node or "", d.detail))
    kinds = (sum(a.event_kinds[0] for a in per_article), sum(a.event_kinds[1] for a in per_article))
    people_as = (sum(a.people_as[0] for a in per_article), sum(a.people_as[1] for a in per_article))
    return Report(tuple(per_article), overall, tuple(diffs), tally.stats(), tuple(warnings), kinds, people_as)


# ---------------------------------------------------------------- the graph, indexed once


@dataclass(frozen=True)
class _Fact:
    """A reified fact of one article."""

    iri: URIRef
    s: Node
    p: Node
    o: Node
    rules: tuple[str, ...]
    evidence: Evidence


class _GraphIndex:
    """Reifications by article, classes and names: what every article's scoring reads."""

    def __init__(self, graph: Graph, ontology: Graph | None):
        self.g = graph
        self.ont = ontology
        # the reified facts by article, read by the project's one provenance reader
        self.statements: dict[URIRef, list] = defaultdict(list)
        for ev in read_evidence(graph):
            if ev.article is not None and ev.object is not None:
                self.statements[ev.article].append(ev)
        # an article is the schema:NewsArticle with that identifier; failing the type, any
        # node with it that facts derive from (a graph from an older or foreign build)
        typed: dict[str, set[URIRef]] = defaultdict(set)
        sources: dict[str, set[URIRef]] = defaultdict(set)
        for node, ident in graph.subject_objects(SDO.identifier):
            if isinstance(node, URIRef):
                if (node, RDF.type, SDO.NewsArticle) in graph:
                    typed[str(ident)].add(node)
                elif node in self.statements:
                    sources[str(ident)].add(node)
        self.article_iris: dict[str, tuple[URIRef, ...]] = {
            ident: tuple(sorted(typed.get(ident) or sources[ident])) for ident in {*typed, *sources}}
        self._sub = self._subclasses()
        self._names: dict[Node, frozenset[str]] = {}

    def _subclasses(self) -> dict[Node, set[Node]]:
        """Each class to itself and every class below it (rdfs:subClassOf, transitively)."""
        down: dict[Node, set[Node]] = defaultdict(set)
        for g in filter(None, (self.g, self.ont)):
            for c, sup in g.subject_objects(RDFS.subClassOf):
                down[sup].add(c)
        closure: dict[Node, set[Node]] = {}

        def below(c, seen):
            if c in closure:
                return closure[c]
            out = {c}
            for d in down.get(c, ()):
                if d not in seen:
                    out |= below(d, seen | {d})
            closure[c] = out
            return out

        for c in list(down):
            below(c, {c})
        return closure

    def classes(self, cls: Node) -> set[Node]:
        return self._sub.get(cls, {cls})

    def is_a(self, node: Node, cls: Node) -> bool:
        return bool(set(self.g.objects(node, RDF.type)) & self.classes(cls))

    def value(self, s, p):
        v = self.g.value(s, p)
        if v is None and self.ont is not None:
            v = self.ont.value(s, p)
        return v

    def superclasses(self, cls: Node) -> set[Node]:
        out, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c in out:
                continue
            out.add(c)
            for g in filter(None, (self.g, self.ont)):
                todo.extend(g.objects(c, RDFS.subClassOf))
        return out

    def names(self, node: Node) -> frozenset[str]:
        """The node's names, normalised: schema:name and alternateName (rdfs:label if neither)."""
        if node not in self._names:
            vals = [*self.g.objects(node, SDO.name), *self.g.objects(node, SDO.alternateName)]
            if not vals:
                vals = list(self.g.objects(node, RDFS.label))
            self._names[node] = frozenset(normalise_name(str(v)) for v in vals if isinstance(v, Literal))
        return self._names[node]

    def label(self, node: Node) -> str:
        """What to show for a node: its schema:name, rdfs:label, or the end of its IRI."""
        for p in (SDO.name, RDFS.label):
            vals = sorted(str(v) for v in self.g.objects(node, p))
            if vals:
                return vals[0]
        return _local(node)

    def rule_label(self, rule: Node) -> str:
        lab = self.value(rule, RDFS.label)
        return str(lab) if lab is not None else _local(rule)

    def facts(self, article_iris: Iterable[URIRef], text: str, sentences: "_Sentences") -> list[_Fact]:
        """The reified facts of an article, sorted, each with its evidence."""
        out = []
        for a in article_iris:
            for ev in self.statements.get(a, ()):
                rules = (ev.rule,) if ev.rule else ()
                out.append(_Fact(ev.statement, ev.subject, ev.predicate, ev.object, rules,
                                 self._evidence(ev, rules, text, sentences)))
        out.sort(key=lambda f: (str(f.s), str(f.p), str(f.o), str(f.iri)))
        return out

    @staticmethod
    def _evidence(ev, rules, text: str, sentences: "_Sentences") -> Evidence:
        sel = ev.selector
        start, end, exact = (sel.start, sel.end, sel.exact) if sel is not None else (None, None, None)
        if exact is None and start is not None and end is not None and text:
            exact = text[start:end]
        sentence = None
        if ev.sentence is not None:
            sentence = ev.sentence.exact
            if sentence is None and ev.sentence.start is not None and ev.sentence.end is not None and text:
                sentence = text[ev.sentence.start:ev.sentence.end]
        if sentence is None and start is not None and text:
            sentence = sentences.at(start)
        return Evidence(str(ev.statement), rules[0] if rules else None, exact,
                        " ".join(sentence.split()) if sentence else None, start, end)


def _local(node: Node) -> str:
    s = str(node)
    return re.split(r"[/#]", s.rstrip("/#"))[-1] or s


# ---------------------------------------------------------------- sentences of an article


class _Sentences:
    """Splits an article into sentences (enough for showing evidence) and finds words in it."""

    _END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|\n")
    _MARKER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*")

    def __init__(self, text: str):
        self.text = text
        self.folded = fold_chars(text)  # same length: positions agree with `text`
        m = self._MARKER.match(text)
        begin = m.end() if m else 0  # the date marker is metadata, never part of a sentence
        self.body_start = begin
        spans, start = [], begin
        for m in self._END.finditer(text, begin):
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, len(text)))
        self.spans = [(s, e) for s, e in spans if text[s:e].strip()]
        self.starts = [s for s, _ in self.spans]

    def at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        s, e = self.spans[i]
        return " ".join(self.text[s:e].split())

    def find(self, needle: str, whole_words: bool = True) -> int | None:
        """The first offset of `needle` in the body (case-insensitive, quotes and spaces loose)."""
        words = fold_chars(needle).split()
        if not words:
            return None
        pattern = r"\s+".join(re.escape(w) for w in words)
        if whole_words:
            pattern = rf"(?<!\w){pattern}(?!\w)"
        m = re.compile(pattern, re.IGNORECASE).search(self.folded, self.body_start)
        return m.start() if m else None

    def sentence_of(self, *needle_groups: Iterable[str], whole_words: bool = True) -> str | None:
        """The first sentence holding a needle of every group, else two adjacent sentences that
        do together (a tie told across a pronoun), else the first sentence with the first group."""
        groups = [[n for n in g if n] for g in needle_groups]
        if not groups or not self.text:
            return None
        if len(groups) > 1:
            for width in (1, 2):
                for i in range(len(self.spans) - width + 1):
                    s, e = self.spans[i][0], self.spans[i + width - 1][1]
                    chunk = _Sentences(self.text[s:e])
                    if all(any(chunk.find(n, whole_words) is not None for n in g) for g in groups):
                        return " ".join(self.text[s:e].split())
        hits = [h for h in (self.find(n, whole_words) for n in groups[0]) if h is not None]
        return self.at(min(hits)) if hits else None


# ---------------------------------------------------------------- the rule table


class _RuleTally:
    """Counts each scored fact once per category as correct or wrong, and credits its rules."""

    def __init__(self):
        self.verdicts: dict[tuple[str, str], bool] = {}
        self.fact_rules: dict[str, tuple[str, ...]] = {}

    def remember(self, facts: Iterable[_Fact]) -> None:
        for f in facts:
            self.fact_rules[str(f.iri)] = f.rules or ("(no rule)",)

    def add(self, category: str, facts: Iterable[_Fact], correct: bool) -> None:
        for f in facts:
            key = (category, str(f.iri))
            # a fact found right once (one edge serving two ties) stays right
            self.verdicts[key] = self.verdicts.get(key, False) or correct

    def stats(self) -> tuple[RuleStat, ...]:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        cats: dict[str, set[str]] = defaultdict(set)
        for (category, fact), ok in self.verdicts.items():
            for rule in self.fact_rules.get(fact, ("(no rule)",)):
                counts[rule][0 if ok else 1] += 1
                cats[rule].add(category)
        order = {c: i for i, c in enumerate(CATEGORIES)}
        return tuple(RuleStat(r, c, w, tuple(sorted(cats[r], key=order.__getitem__)))
                     for r, (c, w) in sorted(counts.items()))


# ---------------------------------------------------------------- one article


def _who(g: GoldQuotation) -> str:
    return " and ".join(sorted(g.speakers)) if g.speakers else "none"


def _strip_quote(text: str) -> str:
    core = normalise_text(text).lstrip(_QUOTE_EDGE_LEAD).rstrip(_QUOTE_EDGE_TRAIL)
    return core or normalise_text(text)


def _date_of(lit: Node) -> tuple[str, str] | None:
    """(value, precision) of a startDate literal: xsd:date is day, gYearMonth month, gYear year."""
    if not isinstance(lit, Literal):
        return None
    m = _LEX_DATE.match(str(lit).strip())
    if not m:
        return None
    precision = _PRECISION.get(lit.datatype)
    if precision is None:  # untyped: by its shape
        precision = "day" if m[3] else "month" if m[2] else "year"
    value = {"year": m[1], "month": f"{m[1]}-{m[2]}" if m[2] else None,
             "day": f"{m[1]}-{m[2]}-{m[3]}" if m[3] else None}[precision]
    return (value, precision) if value else None


def _words(kind: str) -> str:
    """A class name or kind as plain words: PregnancyLoss, pregnancy-loss -> 'pregnancy loss'."""
    kind = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", kind)
    return " ".join(re.sub(r"[-_]+", " ", kind).lower().split())


class _ArticleScorer:
    """Scores one article; fills `diffs` and the shared rule tally."""

    def __init__(self, index: _GraphIndex, gold: Gold, text: str, iris, tally: _RuleTally):
        self.ix = index
        self.gold = gold
        self.text = text
        self.sent = _Sentences(text)
        self.facts = index.facts(iris, text, self.sent)
        tally.remember(self.facts)
        self.tally = tally
        self.diffs: list[Difference] = []
        self.event_kinds = (0, 0)
        self.people_as = (0, 0)
        self.by_subject: dict[Node, list[_Fact]] = defaultdict(list)
        for f in self.facts:
            self.by_subject[f.s].append(f)
        # the nodes the article speaks of: those it names or types, and any node a fact of the
        # article links (a graph that reifies only its links, not its names, is scored alike)
        spoken = {f.s for f in self.facts if f.p in _NAMING}
        spoken |= {n for f in self.facts for n in (f.s, f.o) if isinstance(n, URIRef)}
        self.named = sorted(spoken, key=str)
        # gold name -> persons holding it; a name of one person only is a "strong" key
        self.keys: dict[str, set[str]] = defaultdict(set)
        for p in gold.people:
            for n in p.names:
                self.keys[normalise_name(n)].add(p.name)
        self.person_by_name = {p.name: p for p in gold.people}
        self._match: dict[Node, frozenset[str]] = {}
        self.nodes_of: dict[str, list[Node]] = {}  # gold person -> graph nodes, set by people()

    def diff(self, category, status, item, detail, **kw) -> None:
        self.diffs.append(Difference(self.gold.article, category, status, item, detail, **kw))

    def run(self) -> dict[str, Score]:
        people, identity = self.people()
        return {
            "people": people,
            "identity": identity,
            "family": self.family(),
            "quotations": self.quotations(),
            "events": self.events(),
            "organizations": self.names("organizations", SDO.Organization, self.gold.organizations),
            "places": self.names("places", SDO.Place, self.gold.places),
        }

    # ------------------------------------------------------------ helpers

    def match(self, node: Node) -> frozenset[str]:
        """Gold persons a graph node stands for (empty unless it is a schema:Person)."""
        if node not in self._match:
            out: frozenset[str] = frozenset()
            if self.ix.is_a(node, SDO.Person):
                names = self.ix.names(node)
                # a name only one gold person has decides; a name several share (a family
                # surname) counts only when the node has no decisive name
                strong = {p for n in names for p in self.keys.get(n, ()) if len(self.keys[n]) == 1}
                out = frozenset(strong or {p for n in names for p in self.keys.get(n, ())})
            self._match[node] = out
        return self._match[node]

    def typed_facts(self, node: Node, cls: Node) -> list[_Fact]:
        """The article's facts that type `node` as `cls` (or below), else those that name it."""
        classes = self.ix.classes(cls)
        facts = self.by_subject.get(node, [])
        typed = [f for f in facts if f.p == RDF.type and f.o in classes]
        return typed or [f for f in facts if f.p in _NAMING]

    def person_sentence(self, name: str) -> str | None:
        p = self.person_by_name.get(name)
        return self.sent.sentence_of(p.names if p else [name])

    def show(self, node: Node) -> str:
        return f"{self.ix.label(node)} <{node}>"

    # ------------------------------------------------------------ people and identity

    def people(self) -> tuple[Score, Score]:
        nodes = [n for n in self.named if self.ix.is_a(n, SDO.Person)]
        by_gold: dict[str, list[Node]] = defaultdict(list)
        tp = fp = 0
        things: list[str] = []  # "organisation" or "place", for each spurious person that is one
        for n in nodes:
            matched = self.match(n)
            facts = self.typed_facts(n, SDO.Person)
            self.tally.add("people", facts, bool(matched))
            if not matched:
                fp += 1
                thing = self._thing_named(n)
                if thing:
                    things.append(thing[0])
                detail = f"a graph person that is the gold {thing[0]} {thing[1]!r}" if thing else \
                    "a graph person that is no gold person"
                self.diff("people", "spurious", self.ix.label(n), detail,
                          node=str(n), evidence=tuple(f.evidence for f in facts))
            for g in matched:
                by_gold[g].append(n)
        self.nodes_of = by_gold
        self.people_as = (things.count("organisation"), things.count("place"))
        fn = 0
        for p in self.gold.people:
            if by_gold.get(p.name):
                tp += 1
            else:
                fn += 1
                self.diff("people", "missing", p.name, "no graph person of the article has this name",
                          gold_line=p.line, sentence=self.sent.sentence_of(p.names))
        # identity: one node per person
        itp = split = merge = 0
        for p in self.gold.people:
            mine = by_gold.get(p.name, [])
            if len(mine) == 1 and len(self.match(mine[0])) == 1:
                itp += 1
            if len(mine) > 1:
                split += len(mine) - 1
                self.diff("identity", "missing", p.name, f"split over {len(mine)} nodes: "
                          + ", ".join(self.show(n) for n in sorted(mine, key=str)), gold_line=p.line,
                          sentence=self.sent.sentence_of(p.names))
        for n in nodes:
            matched = self.match(n)
            if len(matched) > 1:
                merge += len(matched) - 1
                facts = [f for f in self.by_subject.get(n, []) if f.p in (SDO.name, SDO.alternateName)]
                self.diff("identity", "spurious", self.ix.label(n),
                          f"one node for {len(matched)} people: " + ", ".join(sorted(matched)),
                          node=str(n), evidence=tuple(f.evidence for f in facts))
        return Score(tp, fp, fn), Score(itp, merge, split)

    def _thing_named(self, node: Node) -> tuple[str, str] | None:
        """("organisation" or "place", its gold name) where a name of the node is a gold organisation's or place's
        name, or whole words of one ("Estrella Panadería" of "La Estrella Panadería"): a thing read as a person."""
        for kind, golds in (("organisation", self.gold.organizations), ("place", self.gold.places)):
            for g in golds:
                padded = f" {normalise_name(g.name)} "
                if any(f" {n} " in padded for n in self.ix.names(node)):
                    return kind, g.name
        return None

    # ------------------------------------------------------------ family

    def family(self) -> Score:
        gold = {t.key: t for t in self.gold.family}
        found: dict[tuple, list[_Fact]] = defaultdict(list)
        wrong: dict[tuple, list[_Fact]] = defaultdict(list)
        shown: dict[tuple, str] = {}
        shown_key: dict[tuple, tuple] = {}
        for f in self.facts:
            if f.p not in _FAMILY:
                continue
            kind = _FAMILY[f.p]
            # s parent o: o is the parent of s; s children o: s is the parent of o
            a, b = (f.o, f.s) if kind == "parent" else (f.s, f.o)
            kind = "parent" if kind in ("parent", "children") else kind
            ga, gb = self.match(a), self.match(b)
            cands = {tie_key(kind, x, y) for x in ga for y in gb if x != y}
            hits = cands & gold.keys()
            if hits:
                for k in hits:
                    found[k].append(f)
                continue
            # unmatched side: the node's IRI stands for it, so both directions collapse
            left = sorted(ga)[0] if ga else f"<{a}>"
            right = sorted(gb)[0] if gb else f"<{b}>"
            key = tie_key(kind, left, right)
            wrong[key].append(f)
            names = {left: left if ga else self.ix.label(a), right: right if gb else self.ix.label(b)}
            shown_key[key] = (key[0], names[key[1]], names[key[2]])
            why = []
            for node, g in ((a, ga), (b, gb)):
                if not self.ix.is_a(node, SDO.Person):
                    why.append(f"{self.show(node)} is not a person")
                elif not g:
                    why.append(f"{self.show(node)} is no gold person")
            shown[key] = "; ".join(why) or "not a gold tie"
        for k, facts in found.items():
            self.tally.add("family", facts, True)
        for k, facts in sorted(wrong.items()):
            self.tally.add("family", facts, False)
            self.diff("family", "spurious", tie_label(shown_key[k]), shown[k],
                      evidence=tuple(f.evidence for f in sorted(facts, key=lambda f: str(f.iri))))
        for k, tie in gold.items():
            if k not in found:
                a, b = k[1], k[2]
                names_a = self.person_by_name[a].names if a in self.person_by_name else [a]
                names_b = self.person_by_name[b].names if b in self.person_by_name else [b]
                self.diff("family", "missing", tie.label, self._tie_why(k),
                          gold_line=tie.line, sentence=self.sent.sentence_of(names_a, names_b))
        tp = sum(1 for k in gold if k in found)
        return Score(tp, len(wrong), len(gold) - tp)

    def _tie_why(self, key: tuple[str, str, str]) -> str:
        """Why a gold tie is missing: no such edge at all, or an edge other articles gave."""
        kind, a, b = key
        edges = ([(SDO.children, a, b), (SDO.parent, b, a)] if kind == "parent"
                 else [(SDO[kind], a, b), (SDO[kind], b, a)])
        for p, x, y in edges:
            for nx in self.nodes_of.get(x, ()):
                for ny in self.nodes_of.get(y, ()):
                    if (nx, p, ny) in self.ix.g:
                        return "the graph has this tie, but no fact of it derives from this article"
        return "no such tie derived from the article"

    # ------------------------------------------------------------ quotations

    def quotations(self) -> Score:
        quotes = sorted({n for n in {*self.by_subject, *self._quote_nodes()}
                         if self.ix.is_a(n, SDO.Quotation)}, key=str)
        texts: dict[Node, list[str]] = {}
        parts: dict[Node, list[str]] = {}  # the words of each part of a quotation printed in parts
        creators: dict[Node, list[_Fact]] = {}
        for q in quotes:
            vals = [str(v) for v in self.ix.g.objects(q, SDO.text)]
            exact = sorted({f.evidence.exact for f in self.by_subject.get(q, []) if f.p == SDO.text and f.evidence.exact})
            texts[q] = [normalise_text(v) for v in vals + exact]
            parts[q] = [normalise_text(v) for v in exact]
            creators[q] = [f for f in self.by_subject.get(q, []) if f.p == SDO.creator]

        def agrees(g: GoldQuotation, q: Node) -> bool:
            if g.speaker is None:
                return not creators[q]
            if isinstance(g.speaker, tuple):  # said together: exactly those people
                said = [self.match(f.o) & g.speakers for f in creators[q]]
                return all(said) and set().union(*said) == g.speakers
            return any(g.speaker in self.match(f.o) for f in creators[q])

        pairs = []
        for i, g in enumerate(self.gold.quotations):
            core = _strip_quote(g.text)
            for q in quotes:
                if any(core in t for t in texts[q]):
                    size = min((len(t) for t in texts[q] if core in t))
                    pairs.append((not agrees(g, q), size, i, str(q), g, q))
        pairs.sort(key=lambda p: p[:4])
        chosen: dict[int, Node] = {}
        used: set[Node] = set()
        contained: dict[int, Node] = {}
        for _, _, i, _, g, q in pairs:
            contained.setdefault(i, q)
            if i in chosen or q in used:
                continue
            chosen[i] = q
            used.add(q)
        # "“A,” she said, “B.”" is one quotation; an annotator may have listed A and B apart: each
        # gold entry from another part of the same graph quotation is found in it too
        def part_of(i: int, q: Node) -> set[int]:
            core = _strip_quote(self.gold.quotations[i].text)
            return {k for k, t in enumerate(parts[q]) if core in t}

        held = {q: part_of(i, q) for i, q in chosen.items()}
        said_by = {q: self.gold.quotations[i].speaker for i, q in chosen.items()}
        for _, _, i, _, g, q in pairs:
            if i in chosen or len(parts[q]) < 2 or q not in held:
                continue
            mine = part_of(i, q)
            # the parts of one quotation have one speaker: words of another speaker (or of none) in a
            # part are a quotation inside it (“Dad used to say, ‘Never sell,’” she said), not a part
            if mine and not mine & held[q] and g.speaker is not None and g.speaker == said_by[q]:
                chosen[i] = q
                held[q] |= mine

        tp = fp = fn = 0
        for i, g in enumerate(self.gold.quotations):
            q = chosen.get(i)
            sentence = self._quote_sentence(g.text)
            item = f"“{g.text}”"
            if q is None:
                if g.speaker is not None:
                    fn += 1
                    why = ("no graph quotation of the article contains these words" if i not in contained else
                           f"only inside {self.show(contained[i])}, which another gold quotation takes")
                    self.diff("quotations", "missing", item, f"{why} (speaker {_who(g)})",
                              gold_line=g.line, sentence=sentence)
                continue
            cfacts = creators[q]
            if g.speaker is None:
                if cfacts:
                    fp += 1
                    self.tally.add("quotations", cfacts, False)
                    self.diff("quotations", "spurious", item,
                              "gold gives no speaker; graph says " + self._speakers(cfacts),
                              gold_line=g.line, node=str(q), sentence=sentence,
                              evidence=tuple(f.evidence for f in cfacts))
                continue
            if not cfacts:
                fn += 1
                self.diff("quotations", "missing", item,
                          f"found as {self.show(q)} but with no speaker (gold: {_who(g)})",
                          gold_line=g.line, node=str(q), sentence=sentence)
            elif agrees(g, q):
                tp += 1
                self.tally.add("quotations", [f for f in cfacts if self.match(f.o) & g.speakers], True)
                self.tally.add("quotations", [f for f in cfacts if not self.match(f.o) & g.speakers], False)
            else:
                fp += 1
                fn += 1
                self.tally.add("quotations", cfacts, False)
                self.diff("quotations", "wrong", item,
                          f"gold speaker {_who(g)}; graph says {self._speakers(cfacts)}",
                          gold_line=g.line, node=str(q), sentence=sentence,
                          evidence=tuple(f.evidence for f in cfacts))
        for q in quotes:
            if q in used or not creators[q]:
                continue
            fp += 1
            self.tally.add("quotations", creators[q], False)
            words = min((str(v) for v in self.ix.g.objects(q, SDO.text)), key=len, default=self.ix.label(q))
            self.diff("quotations", "spurious", f"“{_clip(words, 120)}”",
                      f"a graph quotation credited to {self._speakers(creators[q])} matching no gold quotation",
                      node=str(q), evidence=tuple(f.evidence for f in creators[q]))
        return Score(tp, fp, fn)

    def _quote_nodes(self) -> set[Node]:
        out = set()
        for a in self.ix.article_iris.get(self.gold.article, ()):
            out |= set(self.ix.g.subjects(PROV.wasDerivedFrom, a))
        return out

    def _speakers(self, cfacts: list[_Fact]) -> str:
        return ", ".join(sorted({self.show(f.o) for f in cfacts}))

    def _quote_sentence(self, text: str) -> str | None:
        return self.sent.sentence_of([text], whole_words=False)

    # ------------------------------------------------------------ events

    def kind_names(self, node: Node) -> tuple[set[str], str]:
        """The words naming an event's classes (and superclasses) and kg:eventKind, and a display."""
        names: set[str] = set()
        shown = []
        for t in sorted(self.ix.g.objects(node, RDF.type), key=str):
            for c in self.ix.superclasses(t):
                names.add(_words(_local(c)))
                lab = self.ix.value(c, RDFS.label)
                if lab is not None:
                    names.add(_words(str(lab)))
            if t != SDO.Event:
                shown.append(_local(t))
        for k in sorted(self.ix.g.objects(node, KG.eventKind), key=str):
            names.add(_words(str(k)))
            shown.append(f"eventKind {k}")
        return names - _GENERIC_KINDS, ", ".join(shown) or "Event"

    def kind_fits(self, kind: str, node: Node) -> bool:
        if kind == "other":
            return True
        names, _ = self.kind_names(node)
        fits = _KIND_FITS.get(kind, set()) | {_words(kind)}
        return bool(names & fits)

    def events(self) -> Score:
        items: dict[tuple[Node, str, str], list[_Fact]] = defaultdict(list)
        for f in self.facts:
            if f.p == SDO.startDate and self.ix.is_a(f.s, SDO.Event):
                d = _date_of(f.o)
                if d:
                    items[(f.s, *d)].append(f)
        parts: dict[Node, set[str]] = defaultdict(set)
        for e in {k[0] for k in items}:
            for f in self.by_subject.get(e, []):
                parts[e] |= self.match(f.o)
        keys = sorted(items, key=lambda k: (str(k[0]), k[1], k[2]))
        pairs = []
        for i, g in enumerate(self.gold.events):
            for k in keys:
                e, value, precision = k
                if value != g.date or precision != g.precision:
                    continue
                shared = set(g.participants) & parts[e]
                if g.participants and not shared:
                    continue
                fits = self.kind_fits(g.kind, e)
                pairs.append((not fits, -len(shared), i, (str(e), value, precision), g, k, fits))
        pairs.sort(key=lambda p: p[:4])
        chosen: dict[int, tuple] = {}
        used = set()
        fitting = 0
        for _, _, i, _, g, k, fits in pairs:
            if i in chosen or k in used:
                continue
            chosen[i] = k
            used.add(k)
            self.tally.add("events", items[k], True)
            fitting += fits
            if not fits:
                _, shown = self.kind_names(k[0])
                self.diff("events", "kind", g.label, f"matched {self.show(k[0])} whose kind is {shown}",
                          gold_line=g.line, node=str(k[0]))
        self.event_kinds = (fitting, len(chosen))
        owner = {k: self.gold.events[i] for i, k in chosen.items()}
        for i, g in enumerate(self.gold.events):
            if i in chosen:
                continue
            taken = sorted({p[5] for p in pairs if p[2] == i}, key=lambda k: (str(k[0]), k[1]))
            if taken:
                why = "the graph events fitting it match other gold events: " + "; ".join(
                    f"{self.ix.label(k[0])} -> {owner[k].label} (gold line {owner[k].line})" for k in taken)
            else:
                why = self._event_why(g, items)
            self.diff("events", "missing", g.label, why, gold_line=g.line, sentence=self._event_sentence(g))
        for k in keys:
            if k in used:
                continue
            e, value, precision = k
            self.tally.add("events", items[k], False)
            who = sorted(parts[e])
            _, shown = self.kind_names(e)
            self.diff("events", "spurious", f"{self.ix.label(e)} {value} ({precision})",
                      f"kind {shown}; participants of the article: {', '.join(who) or 'none matched'}",
                      node=str(e), evidence=tuple(f.evidence for f in items[k]))
        return Score(len(chosen), len(keys) - len(used), len(self.gold.events) - len(chosen))

    def _event_why(self, g: GoldEvent, items) -> str:
        same_year = sorted({f"{k[1]} ({k[2]})" for k in items if k[1][:4] == g.date[:4]})
        if any(k[1] == g.date and k[2] == g.precision for k in items):
            return "graph events of the article have this date but none of the gold participants"
        if same_year:
            return (f"no graph event of the article dated {g.date} ({g.precision}); "
                    f"same year: {', '.join(same_year)}")
        return f"no graph event of the article dated {g.date} ({g.precision})"

    _MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

    def _event_sentence(self, g: GoldEvent) -> str | None:
        """A sentence that gives the date (as a month and day, a month, or a year), else names a participant."""
        y, *rest = g.date.split("-")
        needles = []
        if rest:
            month = self._MONTHS[int(rest[0]) - 1]
            if len(rest) == 2:
                needles.append(f"{month} {int(rest[1])}")
            needles.append(f"{month} {y}")
        needles.append(y)
        for n in needles:
            hit = self.sent.sentence_of([n])
            if hit:
                return hit
        if g.participants:
            return self.person_sentence(g.participants[0])
        return None

    # ------------------------------------------------------------ organisations and places

    def names(self, category: str, cls: Node, gold_names) -> Score:
        nodes = [n for n in self.named if self.ix.is_a(n, cls)]
        wanted = {normalise_name(g.name): g for g in gold_names}
        found = set()
        for n in nodes:
            hits = self.ix.names(n) & wanted.keys()
            facts = self.typed_facts(n, cls)
            self.tally.add(category, facts, bool(hits))
            if hits:
                found |= hits
            else:
                self.diff(category, "spurious", self.ix.label(n), f"a graph {_local(cls)} that is in no gold list",
                          node=str(n), evidence=tuple(f.evidence for f in facts))
        for key, g in wanted.items():
            if key not in found:
                self.diff(category, "missing", g.name, f"no graph {_local(cls)} of the article has this name",
                          gold_line=g.line, sentence=self.sent.sentence_of([g.name]))
        fp = sum(1 for n in nodes if not (self.ix.names(n) & wanted.keys()))
        return Score(len(found), fp, len(wanted) - len(found))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
