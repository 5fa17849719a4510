"""The seed graph holds what a careful reader takes from the five articles, and nothing false.

Every assertion is a SPARQL query over a fresh build of seeds/ (the `seed_graph`
fixture), so it checks the graph a user gets, not internal records.
"""

from __future__ import annotations

import pytest

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
"""


def rows(g, query, **bindings):
    from rdflib import Literal

    init = {k: Literal(v) if type(v) is str else v for k, v in bindings.items()}
    return [tuple(str(x) if x is not None else None for x in r) for r in g.query(PREFIXES + query, initBindings=init)]


def labels_of(g, cls):
    return {r[0] for r in rows(g, f"SELECT ?l WHERE {{ ?n a {cls} ; rdfs:label ?l }}")}


def test_every_person_once(seed_graph):
    assert labels_of(seed_graph, "schema:Person") == {
        "Chrissy Teigen", "John Legend", "Luna", "Miles", "Jack", "Kris Jenner", "Alana Hadid",
        'Vilailuck "Pepper" Teigen', "Jerod Harris", "David Livingston", "Matt Winkelmeyer",
    }


def test_aliases_resolve_to_one_node(seed_graph):
    alt = {(a, b) for a, b in rows(seed_graph, """
        SELECT ?name ?alt WHERE { ?p a schema:Person ; schema:name ?name ; schema:alternateName ?alt }""")}
    assert {("Chrissy Teigen", "Teigen"), ("Chrissy Teigen", "Chrissy"), ("John Legend", "Legend"),
            ("Jack", "baby Jack"), ('Vilailuck "Pepper" Teigen', "Pepper")} <= alt
    # Pepper Teigen is not Chrissy Teigen, and the bare surname goes to Chrissy
    assert ('Vilailuck "Pepper" Teigen', "Teigen") not in alt
    assert not rows(seed_graph, """SELECT ?p WHERE { ?p schema:name "Chrissy Teigen", ?other . FILTER(?other != "Chrissy Teigen") }""")


def test_things_typed(seed_graph):
    assert {"Instagram", "Twitter", "Medium", "Scary Mommy", "Netflix", "Getty Images"} <= labels_of(seed_graph, "schema:Organization")
    assert labels_of(seed_graph, "schema:Book") == {"Cravings"}
    assert labels_of(seed_graph, "schema:Movie") == {"Between Two Ferns: The Movie", "Jingle Jangle: A Christmas Journey"}
    assert labels_of(seed_graph, "schema:Place") == {"Hollywood", "Los Angeles"}


def family(g):
    """(label, spouse|parent|children|sibling, label) for every family edge. Read from the graph's
    triples: rdflib evaluates the same SPARQL (a VALUES over the property) by scanning every
    triple of the graph once per value, which made it most of a small test's time."""
    from rdflib import RDFS, URIRef

    out = set()
    for rel in ("spouse", "parent", "children", "sibling"):
        for x, y in g.subject_objects(URIRef(f"https://schema.org/{rel}")):
            out |= {(str(a), rel, str(b)) for a in g.objects(x, RDFS.label) for b in g.objects(y, RDFS.label)}
    return out


def test_family_ties_both_ways_and_nothing_else(seed_graph):
    chrissy, john, pepper = "Chrissy Teigen", "John Legend", 'Vilailuck "Pepper" Teigen'
    kids = ["Luna", "Miles", "Jack"]
    want = {(chrissy, "spouse", john), (john, "spouse", chrissy),
            (chrissy, "parent", pepper), (pepper, "children", chrissy)}
    for k in kids:
        for p in (chrissy, john):
            want |= {(k, "parent", p), (p, "children", k)}
        want |= {(k, "sibling", o) for o in kids if o != k}
    assert family(seed_graph) == want


def test_no_family_for_others(seed_graph):
    for name in ("Kris Jenner", "Alana Hadid", "Jerod Harris"):
        assert not [t for t in family(seed_graph) if name in (t[0], t[2])]


def event(g, label_part):
    found = rows(g, """SELECT ?e ?l WHERE { ?e a schema:Event ; rdfs:label ?l . FILTER(CONTAINS(?l, ?part)) }""",
                 part=label_part)
    assert len(found) == 1, f"want one event labelled with {label_part!r}, got {found}"
    return found[0][0]


def dates(g, e):
    from rdflib import URIRef

    return sorted(str(d) for d in g.objects(URIRef(e), __import__("graph.rdf.vocab", fromlist=["SDO"]).SDO.startDate))


def participants(g, e, prop):
    return {r[0] for r in rows(g, f"SELECT ?l WHERE {{ ?e {prop} ?p . ?p rdfs:label ?l }}", e=__import__("rdflib").URIRef(e))}


@pytest.mark.parametrize("label, want_dates, organizer, attendee, about, extra", [
    ("Pregnancy loss", ["2020", "2020-09"], set(), {"Chrissy Teigen", "John Legend"}, {"Jack"}, {}),
    ("announces the loss", ["2020-09-30", "2020-10-01"], {"Chrissy Teigen"}, set(), set(), {"kg:platform": {"Instagram"}}),
    ("receives the ashes", [], set(), {"Chrissy Teigen"}, {"Jack"}, {}),
    ("video of Luna", ["2020-11-09", "2020-11-10"], {"Chrissy Teigen"}, {"Luna"}, {"Jack"}, {"kg:platform": {"Instagram"}}),
    ("Kris Jenner comments", [], {"Kris Jenner"}, set(), set(), {}),
    ("Alana Hadid comments", [], {"Alana Hadid"}, set(), set(), {}),
    ("open letter", ["2020-10-26"], {"Chrissy Teigen"}, set(), set(), {"kg:platform": {"Medium"}}),
    ("Date night", [], set(), {"Chrissy Teigen", "John Legend"}, set(), {}),
    ("wrist tattoo", [], {"Chrissy Teigen"}, set(), set(), {"kg:platform": {"Twitter"}}),
    ("due-date message", ["2021"], {"Chrissy Teigen"}, set(), set(), {}),
    ("National Sons Day", ["2021-09-28"], {"Chrissy Teigen"}, set(), {"Jack"}, {}),
    ("Memorial service", ["2021-09-29"], {"Chrissy Teigen", "John Legend"}, {"Luna", "Miles", 'Vilailuck "Pepper" Teigen'}, {"Jack"}, {}),
    ("interview with Scary Mommy", ["2021"], set(), {"Chrissy Teigen"}, set(), {"kg:platform": {"Scary Mommy"}}),
    ("Between Two Ferns", ["2019-09-16"], {"Netflix"}, {"Chrissy Teigen"}, set(), {"schema:location": {"Hollywood"}}),
    ("Jingle Jangle", ["2020-11-13"], {"Netflix"}, {"Chrissy Teigen", "John Legend", "Luna", "Miles"}, set(), {"schema:location": {"Los Angeles"}}),
    ("Family trips", [], set(), {"Chrissy Teigen", "John Legend"}, set(), {}),
])
def test_events(seed_graph, label, want_dates, organizer, attendee, about, extra):
    e = event(seed_graph, label)
    assert dates(seed_graph, e) == want_dates
    assert participants(seed_graph, e, "schema:organizer") == organizer
    assert participants(seed_graph, e, "schema:attendee") == attendee
    assert participants(seed_graph, e, "schema:about") == about
    for prop, want in extra.items():
        assert participants(seed_graph, e, prop) == want


def test_loss_details(seed_graph):
    e = event(seed_graph, "Pregnancy loss")
    got = {r[0] for r in rows(seed_graph, "SELECT ?v WHERE { ?e kg:gestationalAge|kg:cause ?v }", e=__import__("rdflib").URIRef(e))}
    assert "20 weeks" in got and "partial placental abruption" in got


def test_relative_dates_say_how_they_were_resolved(seed_graph):
    got = set(rows(seed_graph, """
        SELECT ?value ?how WHERE {
          ?f rdf:predicate schema:startDate ; rdf:object ?value ; kg:dateResolution ?r . ?r rdfs:label ?how }"""))
    assert ("2021-09-29", "yearless-after-anchor") in got  # "On September 29" a year after the loss
    assert ("2020-11-09", "yearless-after-anchor") in got  # "Nov. 9" in an undated article
    assert ("2020-10-26", "weeks-before-anchor") in got  # "two weeks after"
    assert ("2020-09", "last-month-in-anchor-year") in got  # "last September"
    assert ("2020", "years-before-publication") in got  # "a year ago"


def test_one_event_node_per_real_event(seed_graph):
    # the video is told by two articles, the loss by all five: still one node each
    kinds = rows(seed_graph, "SELECT ?k (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:eventKind ?k } GROUP BY ?k")
    assert {k: int(n) for k, n in kinds if int(n) != 1} == {"post-comment": 2, "premiere": 2}  # two commenters, two films


def quotes(g):
    return rows(g, """
        SELECT ?text ?speaker ?article WHERE {
          ?q a schema:Quotation ; schema:text ?text ; schema:creator ?c ; prov:wasDerivedFrom ?a .
          ?c rdfs:label ?speaker . ?a schema:identifier ?article }""")


def test_at_least_fifteen_quotations_with_speaker_and_source(seed_graph):
    qs = quotes(seed_graph)
    assert len({t for t, _, _ in qs}) >= 15
    expected = [
        ("Precious Luna", "Kris Jenner", "000_9d37828a95a29d67"),
        ("This is beautiful and heartbreaking and heart warming all at once. Thank you for sharing this", "Alana Hadid", "000_9d37828a95a29d67"),
        ("Hello", "Luna", "000_9d37828a95a29d67"),
        ("Don’t forget baby Jack.", "Luna", "003_53eda271ff76a9aa"),
        ("Don’t forget baby Jack.", "Miles", "004_608ada083e2f446a"),
        ("Oh my gosh, he must be thirsty.", "Miles", "003_53eda271ff76a9aa"),
        ("the son we almost had", "Chrissy Teigen", "002_9d829754294de5da"),
        ("he’s still very much a part of our lives.", "Chrissy Teigen", "004_608ada083e2f446a"),
        ("precious life is.", "Chrissy Teigen", "003_53eda271ff76a9aa"),
        ("house is open about life, death and grief", "Chrissy Teigen", "000_9d37828a95a29d67"),
    ]
    for want in expected:
        assert want in qs, want
    starts = {(t[:40], s, a) for t, s, a in qs}
    for prefix, speaker, article in [
        ("We were never able to stop the bleeding ", "Chrissy Teigen", "000_9d37828a95a29d67"),
        ("We are shocked and in the kind of deep p", "Chrissy Teigen", "002_9d829754294de5da"),
        ("I'm just thinking a lot about Jack today", "Chrissy Teigen", "001_190fe396a36bb3ca"),
        ("For weeks, our floors have been covered ", "Chrissy Teigen", "001_190fe396a36bb3ca"),
        ("I wrote this because I knew for me I nee", "Chrissy Teigen", "001_190fe396a36bb3ca"),
        ("Took me a year but finally honored his l", "Chrissy Teigen", "002_9d829754294de5da"),
        ("A year ago you gave me the greatest pain", "Chrissy Teigen", "002_9d829754294de5da"),
        ("With Jack, I needed to learn that life i", "Chrissy Teigen", "003_53eda271ff76a9aa"),
        ("At school when they draw things, they dr", "Chrissy Teigen", "004_608ada083e2f446a"),
    ]:
        assert (prefix, speaker, article) in starts, prefix


def test_split_quotation_is_one(seed_graph):
    text = [t for t, _, _ in quotes(seed_graph) if t.startswith("I'm just thinking")][0]
    assert "Our house is very open about life, death, grief" in text and text.endswith("little mini.")


def test_same_words_in_two_articles_are_one_node(seed_graph):
    got = rows(seed_graph, """
        SELECT ?q (COUNT(DISTINCT ?a) AS ?n) WHERE { ?q a schema:Quotation ; schema:text "Don’t forget baby Jack." ; prov:wasDerivedFrom ?a } GROUP BY ?q""")
    assert len(got) == 1 and got[0][1] == "2"


def test_quote_inside_quote_has_its_own_speaker(seed_graph):
    got = rows(seed_graph, """
        SELECT DISTINCT ?outer WHERE { ?q schema:text "Don’t forget baby Jack." ; schema:isPartOf ?o . ?o a schema:Quotation ; schema:creator/rdfs:label ?outer }""")
    assert {r[0] for r in got} == {"Chrissy Teigen"}


def test_quotations_said_in_events(seed_graph):
    got = set(rows(seed_graph, """
        SELECT ?speaker ?event WHERE { ?q schema:text ?t ; schema:creator/rdfs:label ?speaker ; schema:isPartOf ?e . ?e a schema:Event ; rdfs:label ?event .
          FILTER(STRSTARTS(?t, "Precious") || STRSTARTS(?t, "We are shocked") || STRSTARTS(?t, "At school")) }"""))
    assert got == {("Kris Jenner", "Kris Jenner comments on the video"),
                   ("Chrissy Teigen", "Chrissy Teigen announces the loss on Instagram"),
                   ("Chrissy Teigen", "Chrissy Teigen's interview with Scary Mommy")}


def test_negatives(seed_graph):
    assert not rows(seed_graph, 'SELECT ?q WHERE { ?q a schema:Quotation ; schema:creator/rdfs:label "John Legend" }')
    # titles and nicknames in quote marks are not quotations
    texts = {t for t, _, _ in quotes(seed_graph)}
    assert not texts & {"Cravings", "Pepper", "Between Two Ferns: The Movie"}


def test_conflicts_listed_with_sources(seed_graph):
    from graph.analyse.explain import conflicts

    got = {(r["value"], r["article"]) for r in conflicts(seed_graph)}
    assert got == {("2020-09-30", "002_9d829754294de5da"), ("2020-10-01", "000_9d37828a95a29d67"),
                   ("2020-11-09", "001_190fe396a36bb3ca"), ("2020-11-10", "000_9d37828a95a29d67")}


def test_comments_belong_to_the_video(seed_graph):
    got = set(rows(seed_graph, """
        SELECT ?c ?post WHERE { ?e kg:eventKind "post-comment" ; rdfs:label ?c ; schema:superEvent/rdfs:label ?post }"""))
    assert got == {("Kris Jenner comments on the video", "Chrissy Teigen's video of Luna with the ashes"),
                   ("Alana Hadid comments on the video", "Chrissy Teigen's video of Luna with the ashes")}
