"""The shipped listings page cheaply and exactly: `kg query --limit N --offset M` of a listing gives
the rows of the whole answer's slice, in the same order, whether the query picks its page in a marked
subquery (`# kg:page-limit`, graph/sparql/store.py, page()) or not.

The fixture is a small inline graph made to catch a page cut in the wrong place: dates of three
precisions, an event told with two dates, two events of one label and date told apart only by their
lists, events without a date (one with participants, one without), two people of one name (one with
family, one without), a speaker whose two quotations are printed by several articles.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.sparql.lexer import PAGE_MARKER, page_markers
from graph.sparql.store import Store, page, term_text

PREFIXES = """\
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix a: <https://w3id.org/kg-news/id/article/> .
@prefix p: <https://w3id.org/kg-news/id/person/> .
@prefix e: <https://w3id.org/kg-news/id/event/> .
@prefix q: <https://w3id.org/kg-news/id/quotation/> .
@prefix f: <https://w3id.org/kg-news/id/fact/> .
@prefix r: <https://w3id.org/kg-news/id/rule/> .
@prefix s: <https://w3id.org/kg-news/id/selector/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
"""

# Each article, each person, each event and each quotation, as the build writes them (the parts the
# listings read); every event and quotation has facts naming the articles that tell it.
FIXTURE = PREFIXES + """
a:one a schema:NewsArticle ; schema:identifier "001_one" ; rdfs:label "One" .
a:two a schema:NewsArticle ; schema:identifier "002_two" ; rdfs:label "Two" .
a:three a schema:NewsArticle ; schema:identifier "003_three" ; rdfs:label "Three" .

p:ann a schema:Person ; rdfs:label "Ann Lee" ; schema:name "Ann Lee" ; schema:spouse p:bob ; schema:children p:cy .
p:bob a schema:Person ; rdfs:label "Bob Lee" ; schema:name "Bob Lee" ; schema:spouse p:ann ; schema:children p:cy .
p:cy a schema:Person ; rdfs:label "Cy Lee" ; schema:name "Cy Lee" ; schema:parent p:ann, p:bob ; schema:sibling p:di .
p:di a schema:Person ; rdfs:label "Di Lee" ; schema:name "Di Lee" ; schema:sibling p:cy .
p:ann2 a schema:Person ; rdfs:label "Ann Lee (2)" ; schema:name "Ann Lee" .
p:zed a schema:Person ; rdfs:label "Zed" ; schema:name "Zed" .

e:wedding a schema:Event, kg:Wedding ; rdfs:label "Wedding" ; schema:startDate "2019-06-01"^^xsd:date ;
    schema:organizer p:bob ; schema:attendee p:ann, p:di .
e:move a schema:Event ; rdfs:label "Move" ; schema:startDate "2019"^^xsd:gYear .
e:post a schema:Event ; rdfs:label "Post" ; schema:startDate "2020-09-30"^^xsd:date, "2020-10-01"^^xsd:date ;
    schema:organizer p:ann .
e:show1 a schema:Event ; rdfs:label "Show" ; schema:startDate "2020-09"^^xsd:gYearMonth, "2020-09-12"^^xsd:date ;
    schema:attendee p:zed .
e:show2 a schema:Event ; rdfs:label "Show" ; schema:startDate "2020-09"^^xsd:gYearMonth ; schema:attendee p:cy .
e:talk a schema:Event ; rdfs:label "Talk" ; schema:organizer p:di .
e:trip a schema:Event ; rdfs:label "Trip" .

f:1 a rdf:Statement ; rdf:subject e:wedding ; prov:wasDerivedFrom a:two .
f:2 a rdf:Statement ; rdf:subject e:wedding ; prov:wasDerivedFrom a:one .
f:3 a rdf:Statement ; rdf:subject e:move ; prov:wasDerivedFrom a:one .
f:4 a rdf:Statement ; rdf:subject e:post ; prov:wasDerivedFrom a:one .
f:5 a rdf:Statement ; rdf:subject e:post ; prov:wasDerivedFrom a:three .
f:6 a rdf:Statement ; rdf:subject e:show1 ; prov:wasDerivedFrom a:two .
f:7 a rdf:Statement ; rdf:subject e:show2 ; prov:wasDerivedFrom a:two .
f:8 a rdf:Statement ; rdf:subject e:talk ; prov:wasDerivedFrom a:three .
f:9 a rdf:Statement ; rdf:subject e:trip ; prov:wasDerivedFrom a:two .

# the dates of the post, which disagree, and of a show, which agree (one refines the other); a
# fact whose article has no identifier, and one that is not about a date, are no evidence
r:date-full rdfs:label "date-full" .
a:four a schema:NewsArticle ; rdfs:label "Four" .
f:d1 a rdf:Statement ; rdf:subject e:post ; rdf:predicate schema:startDate ; rdf:object "2020-09-30"^^xsd:date ;
    prov:wasDerivedFrom a:one ; prov:wasGeneratedBy r:date-full ; oa:hasSource a:one ; oa:hasSelector s:d1 ;
    kg:sentence s:d1s .
s:d1 oa:exact "September 30, 2020" .
s:d1s oa:exact "She posted on September 30, 2020." .
f:d2 a rdf:Statement ; rdf:subject e:post ; rdf:predicate schema:startDate ; rdf:object "2020-10-01"^^xsd:date ;
    prov:wasDerivedFrom a:three ; prov:wasGeneratedBy r:date-full ; oa:hasSource a:three ; oa:hasSelector s:d2 .
s:d2 oa:exact "October 1, 2020" .
f:d3 a rdf:Statement ; rdf:subject e:post ; rdf:predicate schema:startDate ; rdf:object "2020-10-01"^^xsd:date ;
    prov:wasDerivedFrom a:four ; prov:wasGeneratedBy r:date-full ; oa:hasSource a:four ; oa:hasSelector s:d3 .
s:d3 oa:exact "Oct. 1" .
f:d4 a rdf:Statement ; rdf:subject e:post ; rdf:predicate schema:organizer ; rdf:object p:ann ;
    prov:wasDerivedFrom a:two ; prov:wasGeneratedBy r:date-full ; oa:hasSource a:two ; oa:hasSelector s:d4 .
s:d4 oa:exact "Ann" .
f:d5 a rdf:Statement ; rdf:subject e:show1 ; rdf:predicate schema:startDate ; rdf:object "2020-09"^^xsd:gYearMonth ;
    prov:wasDerivedFrom a:two ; prov:wasGeneratedBy r:date-full ; oa:hasSource a:two ; oa:hasSelector s:d5 .
s:d5 oa:exact "September 2020" .

# quotations: one said on two dates (of two precisions) and printed by two articles, one without a
# date, and one of another speaker; "Ann Lee" is the name of two people, one of whom speaks
q:happy a schema:Quotation ; schema:creator p:ann ; schema:text "We are so happy." ;
    schema:dateCreated "2019-06-01"^^xsd:date, "2019"^^xsd:gYear ; prov:wasDerivedFrom a:three, a:one .
q:thanks a schema:Quotation ; schema:creator p:ann ; schema:text "Thank you." ; prov:wasDerivedFrom a:two .
q:none a schema:Quotation ; schema:creator p:zed ; schema:text "No comment." ;
    schema:dateCreated "2020-09"^^xsd:gYearMonth ; prov:wasDerivedFrom a:two .
"""

EXPECTED = {
    "conflicts.rq": [
        ("https://w3id.org/kg-news/id/event/post", "Post", "2020-09-30", "001_one", "September 30, 2020",
         "She posted on September 30, 2020.", "date-full"),
        ("https://w3id.org/kg-news/id/event/post", "Post", "2020-10-01", "003_three", "October 1, 2020", "",
         "date-full"),
    ],
    "timeline.rq": [
        ("2019", "Move", "", "001_one"),
        ("2019-06-01", "Wedding", "Ann Lee | Bob Lee | Di Lee", "001_one | 002_two"),
        ("2020-09", "Show", "Cy Lee", "002_two"),  # one date, one label: the lists decide
        ("2020-09", "Show", "Zed", "002_two"),
        ("2020-09-12", "Show", "Zed", "002_two"),
        ("2020-09-30", "Post", "Ann Lee", "001_one | 002_two | 003_three"),
        ("2020-10-01", "Post", "Ann Lee", "001_one | 002_two | 003_three"),
        ("", "Talk", "Di Lee", "003_three"),
        ("", "Trip", "", "002_two"),
    ],
    "people.rq": [
        ("Ann Lee", "", ""),  # the other Ann Lee, without family
        ("Ann Lee", "child", "Cy Lee"),
        ("Ann Lee", "spouse", "Bob Lee"),
        ("Bob Lee", "child", "Cy Lee"),
        ("Bob Lee", "spouse", "Ann Lee"),
        ("Cy Lee", "parent", "Ann Lee"),
        ("Cy Lee", "parent", "Bob Lee"),
        ("Cy Lee", "sibling", "Di Lee"),
        ("Di Lee", "sibling", "Cy Lee"),
        ("Zed", "", ""),
    ],
    "quotations.rq": [  # unbound: every quotation of everyone; a quotation without a date first
        ("Ann Lee", "", "Thank you.", "002_two"),
        ("Ann Lee", "2019", "We are so happy.", "001_one"),
        ("Ann Lee", "2019", "We are so happy.", "003_three"),
        ("Ann Lee", "2019-06-01", "We are so happy.", "001_one"),
        ("Ann Lee", "2019-06-01", "We are so happy.", "003_three"),
        ("Zed", "2020-09", "No comment.", "002_two"),
    ],
}
PAGED = sorted(EXPECTED)
# the listings that pick their page in marked subqueries, and how many each marks: timeline.rq cuts
# its dated and its undated events apart before it cuts the two together
MARKED = {"people.rq": 1, "timeline.rq": 3}


@pytest.fixture(scope="module")
def store() -> Store:
    s = ox.Store()
    s.load(FIXTURE.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return Store(s)


def _rows(result) -> list[tuple]:
    return [tuple(term_text(t) for t in row) for row in result.rows]


QUERIES = Path(__file__).resolve().parent.parent / "schema" / "queries"


def _query(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PAGED)
def test_a_listing_answers_the_fixture_exactly(store, name):
    assert _rows(store.query(_query(name))) == EXPECTED[name]


@pytest.mark.parametrize("name", PAGED)
def test_every_page_of_a_listing_is_the_slice_of_its_whole_answer(store, name):
    text = _query(name)
    whole = _rows(store.query(text))
    for limit in range(1, len(whole) + 2):
        for offset in [None, *range(0, len(whole) + 2)]:
            got = _rows(store.query(page(text, limit, offset)))
            assert got == whole[offset or 0:(offset or 0) + limit], (name, limit, offset)
    for offset in range(0, len(whole) + 2):
        assert _rows(store.query(page(text, None, offset))) == whole[offset:], (name, offset)


@pytest.mark.parametrize("name", sorted(MARKED))
def test_the_listings_pick_their_page_in_marked_subqueries(name):
    assert len(page_markers(_query(name))) == MARKED[name]


def test_a_bound_quotation_query_pages_as_its_whole_bound_answer(store):
    text = _query("quotations.rq")
    bound = {"speaker": ox.Literal("Ann Lee")}
    whole = _rows(store.query(text, bindings=bound))
    assert whole == [row for row in EXPECTED["quotations.rq"] if row[0] == "Ann Lee"]
    for limit in range(1, len(whole) + 2):
        for offset in [None, *range(0, len(whole) + 2)]:
            got = _rows(store.query(page(text, limit, offset), bindings=bound))
            assert got == whole[offset or 0:(offset or 0) + limit], (limit, offset)


def test_a_page_puts_offset_plus_limit_at_the_marker():
    query = ("SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n    " + PAGE_MARKER + "\n  }\n"
             '  ?s ?q "' + PAGE_MARKER + '"\n} ORDER BY ?s')
    paged = page(query, 10, 5)
    assert paged.count("LIMIT 15 " + PAGE_MARKER) == 1  # the marker in the string is not one
    assert paged.endswith("\nLIMIT 10 OFFSET 5\n")
    assert page(query, None, 5) == query + "\nOFFSET 5\n"  # no limit: every row after the offset
    assert page(query, None, None) == query


def test_a_marker_inside_a_longer_word_is_none():
    assert page_markers("SELECT * WHERE { ?s ?p ?o } # kg:page-limits\n") == []
