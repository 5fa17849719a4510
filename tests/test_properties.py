"""Properties over generated input (Hypothesis): any text, any small graph.

- Any text, control characters and quote marks included: the loader either reads
  it or refuses it with an ArticleError, the rules never raise, every selector
  slices its oa:exact out of the text, and the Turtle is the same bytes twice.
- Any small graph of IRIs under the data namespace and literals (control
  characters, language tags, datatypes): the Turtle writer's output reads back
  in rdflib as an isomorphic graph.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.rdf.emit import emit
from graph.errors import ArticleError
from graph.load import decode, parse_article
from graph.match.extract import extract
from graph.resolve.resolve import resolve
from graph.rules.ruleset import load_rules
from graph.rdf.turtle import to_turtle
from graph.rdf.vocab import BASE, KG_IRI, OA, SDO

# rdflib warns when it builds a literal whose lexical form does not fit its datatype ("tru"^^xsd:boolean):
# generated on purpose here, and written back as it came
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

RULES = load_rules()
# modest: the whole file runs in seconds
PROFILE = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the rules react to, so generated articles make facts and not only noise.
FRAGMENTS = [
    "Chrissy Teigen", "John Legend", "Teigen", "Legend's wife", " said", " wrote, ", "She", " and ",
    "“", "”", '"', "'", "‘", "’", ",” ", ".", "! ", "?", "\n", "\n\n", "\r\n", "\t", " ",
    "on September 30, 2020", "last September", "Instagram", "baby Jack", "their daughter Luna",
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "{{DATA}}", "\\", "\x00", "\x01", "\x7f", "\ufeff",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(exclude_categories=("Cs",)), max_size=12)),
    max_size=40,
).map("".join)
PREFIX = st.sampled_from(["", " date 2020-11-11 ", " date 2021-02-30 ", "Title line\n\n", "\ufeff"])


def pipeline(raw: bytes) -> tuple[str, set, str] | None:
    """load -> match -> resolve -> emit -> Turtle for one article; None when the loader refuses it."""
    try:
        article = parse_article(raw, "gen.txt", "gen")
    except ArticleError:
        return None
    extraction = extract(article, RULES)
    text = decode(raw, "gen.txt")
    triples = emit(resolve([extraction], RULES), RULES, {"gen": text})
    return text, triples, to_turtle(triples)


@PROFILE
@given(prefix=PREFIX, body=TEXT)
def test_any_text_is_read_or_refused_and_selectors_are_exact(prefix, body):
    raw = (prefix + body).encode("utf-8")
    result = pipeline(raw)
    event("refused" if result is None else "read")
    if result is None:
        # the only refusals: no text, a NUL byte, an impossible date
        with pytest.raises(ArticleError, match=r"empty article|binary data|impossible date"):
            parse_article(raw, "gen.txt", "gen")
        return
    text, triples, ttl = result
    by_node: dict = {}
    for s, p, o in triples:
        if p in (OA.start, OA.end, OA.exact):
            by_node.setdefault(s, {})[p] = o
    for node, d in by_node.items():
        assert text[int(d[OA.start]):int(d[OA.end])] == str(d[OA.exact]), node
    event(f"facts: {'none' if not by_node else 'some'}")
    again = pipeline(raw)
    assert again is not None and again[2] == ttl


# ------------------------------------------------------------------ the Turtle writer

IRI_CHARS = string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@%é漢"
KINDS = ["person", "event", "quote", "fact", "selector", "article", "thing", ""]
iris = st.builds(lambda kind, local: URIRef(f"{BASE}{kind + '/' if kind else ''}{local}"),
                 st.sampled_from(KINDS), st.text(IRI_CHARS, min_size=1, max_size=12))
predicates = st.one_of(st.sampled_from([RDF.type, RDFS.label, SDO.name, SDO.text, OA.exact, URIRef(KG_IRI + "platform")]),
                       iris)
strings = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
lang = st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True)
datatypes = st.sampled_from([XSD.string, XSD.integer, XSD.boolean, XSD.date, XSD.gYear, XSD.decimal,
                             URIRef(BASE + "datatype/custom"), URIRef("http://example.org/dt#x")])
literals = st.one_of(
    strings.map(Literal),
    st.builds(lambda s, tag: Literal(s, lang=tag), strings, lang),
    st.builds(lambda s, dt: Literal(s, datatype=dt), strings, datatypes),
    st.integers(-10**12, 10**12).map(Literal),
    st.booleans().map(Literal),
)
triples = st.lists(st.tuples(iris, predicates, st.one_of(iris, literals)), max_size=25)


@PROFILE
@given(triples)
def test_turtle_writer_round_trips_in_rdflib(ts):
    expected = Graph()
    for s, p, o in ts:
        # RDF 1.1: a simple literal is an xsd:string; rdflib alone tells the two apart
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        expected.add((s, p, o))
    ttl = to_turtle(ts)
    got = Graph().parse(data=ttl, format="turtle")
    if not isomorphic(got, expected):
        _, only_ours, only_read = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(f"written:\n{ttl}\nlost: {sorted(only_ours)}\ngained: {sorted(only_read)}")
    assert to_turtle(ts) == ttl
    assert to_turtle(list(reversed(ts))) == ttl  # sorted: the order triples come in does not matter


def test_literals_of_one_text_and_other_languages_are_written_in_one_order():
    # "" and ""@aa of one subject and predicate: the writer once kept the order they came in
    s, p = URIRef("https://w3id.org/kg-news/id/person/0"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    ts = [(s, p, Literal("")), (s, p, Literal("", lang="aa")), (s, p, Literal("x", lang="en")), (s, p, Literal("x"))]
    assert to_turtle(ts) == to_turtle(list(reversed(ts)))
