"""People, organisations and places found by general evidence, on articles unlike the seeds.

Each failure class of the name rules has a small inline article here (written for
the test, in the style of the genre): title-case headlines and sentence-initial
capitals make no people, companies and places are typed by their own signals,
titles are kept apart from names (and recorded on the mention), appositives and
running text name people, and names in every script are names.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import build_articles
from tests.test_extraction import rows

BUSINESS = """ date 2024-06-04
Talmor to Acquire Data Startup Brightwave for $90 Million

Talmor Industries, which makes sensors for freight rail, said on Monday that it would buy Brightwave Analytics, a data startup, for about $90 million.

Brightwave was founded in 2016 by Héctor Ruiz, a former railway signaller, in a rented office in Kestrel Bay. Ruiz, 44, will join Talmor as head of software.

“We have wanted this team for years,” Lena Ostrow, the company’s chief executive, said in a statement. Ostrow said the deal would close in the autumn.

Dunmore & Vale, the law firm, advised Talmor on the deal. Critics said the price was high. Dinner was served after the vote.

Shares of Talmor rose 4 percent, according to Orrin Vasquez, an analyst at Pellham Securities.
"""

POLITICS = """ date 2023-04-12 LAKEFORD, Ore. — Gov. Rosa Delgado signed a housing bill on Tuesday at Millrace Park.

Sen. Owen Harcastle, the bill's chief sponsor, said the law was overdue. "It took three sessions," Harcastle said.

A spokesperson, Lee Park, said the governor would visit Dunford County next week. Rep. Amara de la Cruz voted against the bill. "We were not consulted," de la Cruz said.

Her husband, Seán O'Neill, who grew up on Ferry Lane, declined to comment. Judge Thea Marsh-Okafor of the Lakeford County Circuit Court will hear the challenge.

Mayor Pieter Voss told the Lakeford Gazette that the council would vote in May. The Lakeford County District Attorney's Office said it would not intervene.
"""

FAMILY = """ date 2023-08-02
Singer Mourns Her Father in Quiet Hillside Service

Country singer Ivy Danforth and her husband, Caleb Moreau, buried her father on Saturday in Wexmoor. Their daughters, June and Hazel, placed flowers by the grave. Danforth's son, Tom Pruett-Ames, read a poem.

Otis turned 5 in May. Then Otis asked whether the dog could come.

Mom told us to sit down, Danforth recalled. Coach said nothing.

Анна Петрова, a family friend, said the service was lovely. "He loved this valley," Петрова said.

Her father played in the Major League for years and won a Grand Slam. He was named Player of the Year and wore No. 3 for the Wexmoor Comets.
"""


def _build(tmp_path_factory, name: str, text: str) -> Graph:
    return build_articles(tmp_path_factory.mktemp(name), {f"{name}.txt": text})


def _names(g: Graph, cls: str) -> set[str]:
    return {r[0] for r in rows(g, f"SELECT ?n WHERE {{ ?x a {cls} ; schema:name ?n }}")}


def _all_names(g: Graph, cls: str) -> set[str]:
    """Names and alternate names of every node of a class, case-folded."""
    q = f"SELECT ?n WHERE {{ ?x a {cls} . {{ ?x schema:name ?n }} UNION {{ ?x schema:alternateName ?n }} }}"
    return {r[0].casefold() for r in rows(g, q)}


@pytest.fixture(scope="module")
def business(tmp_path_factory):
    return _build(tmp_path_factory, "950_business", BUSINESS)


@pytest.fixture(scope="module")
def politics(tmp_path_factory):
    return _build(tmp_path_factory, "951_politics", POLITICS)


@pytest.fixture(scope="module")
def family(tmp_path_factory):
    return _build(tmp_path_factory, "952_family", FAMILY)


# ---------------------------------------------------------------- precision: no thing is a person

def test_business_people_are_only_people(business):
    """A title-case headline, companies as subjects, 'Critics said', 'Dinner was' make no people."""
    assert _names(business, "schema:Person") == {"Héctor Ruiz", "Lena Ostrow", "Orrin Vasquez"}


def test_politics_people_are_only_people(politics):
    """Titles are not part of names; offices, courts and papers are no people."""
    assert _names(politics, "schema:Person") == {
        "Rosa Delgado", "Owen Harcastle", "Lee Park", "Amara de la Cruz", "Seán O'Neill",
        "Thea Marsh-Okafor", "Pieter Voss"}


def test_family_people_are_only_people(family):
    """Kinship nouns name children; 'Mom', 'Coach', 'Major League', 'Grand Slam', 'Player of the Year',
    'No. 3' and a title-case headline make no people; a Cyrillic name is a name."""
    assert _names(family, "schema:Person") == {
        "Ivy Danforth", "Caleb Moreau", "June", "Hazel", "Tom Pruett-Ames", "Otis", "Анна Петрова"}


def test_surname_alone_joins_the_full_name(politics, family):
    alt = set(rows(politics, "SELECT ?n ?a WHERE { ?p a schema:Person ; schema:name ?n ; schema:alternateName ?a }"))
    assert {("Owen Harcastle", "Harcastle"), ("Amara de la Cruz", "de la Cruz")} <= alt
    # the particles of a name are no name of their own
    assert not [a for _, a in alt if a in ("de", "la")]
    alt = set(rows(family, "SELECT ?n ?a WHERE { ?p a schema:Person ; schema:name ?n ; schema:alternateName ?a }"))
    assert ("Анна Петрова", "Петрова") in alt


# ---------------------------------------------------------------- organisations and places

def test_organisations_by_their_own_signals(business, politics):
    assert {"talmor industries", "brightwave analytics", "dunmore & vale", "pellham securities"} <= _all_names(
        business, "schema:Organization")
    assert {"lakeford county circuit court", "lakeford gazette",
            "lakeford county district attorney's office"} <= _all_names(politics, "schema:Organization")


def test_a_company_named_by_its_first_word_is_the_company(business):
    """'Talmor' and 'Brightwave' alone are the companies the article names in full."""
    assert {"talmor", "brightwave"} <= _all_names(business, "schema:Organization")


def test_places_by_their_own_signals(business, politics, family):
    assert "kestrel bay" in _all_names(business, "schema:Place")
    assert {"lakeford", "millrace park", "dunford county", "ferry lane"} <= _all_names(politics, "schema:Place")
    assert "wexmoor" in _all_names(family, "schema:Place")


def test_nothing_is_both_a_person_and_a_thing(business, politics, family):
    for g in (business, politics, family):
        people = _all_names(g, "schema:Person")
        things = _all_names(g, "schema:Organization") | _all_names(g, "schema:Place")
        assert not people & things


# ---------------------------------------------------------------- titles are recorded on the mention

def _mentions(text: str):
    from graph.load import parse_article
    from graph.match.extract import extract
    from graph.rules.ruleset import load_rules

    article = parse_article(text.encode("utf-8"), "t.txt", "t")
    return extract(article, load_rules()).mentions


def test_titles_are_kept_apart_from_names_and_recorded():
    titles = {}
    for m in _mentions(POLITICS):
        for kind, words, span in m.titles:
            titles.setdefault(m.ref.value, set()).add((kind, words))
            assert words in span.exact and m.span.exact in span.exact  # the evidence holds title and name
    assert ("job", "Gov.") in titles["Rosa Delgado"]
    assert {("job", "Sen."), ("job", "chief sponsor")} <= titles["Owen Harcastle"]
    assert ("job", "Judge") in titles["Thea Marsh-Okafor"]
    assert ("job", "Mayor") in titles["Pieter Voss"]
    assert ("job", "spokesperson") in titles["Lee Park"]


def test_honorifics_and_occupations_recorded():
    text = (" date 2024-01-02 Dr. Celine Marchand, a surgeon, said the clinic would stay open. "
            "\"We are not going anywhere,\" Marchand said.\n\nThe violinist Jonas Eberle played at the opening, "
            "and Westbrook coach Ray Tolliver said the team would attend.\n")
    titles = {}
    for m in _mentions(text):
        for kind, words, _ in m.titles:
            titles.setdefault(m.ref.value, set()).add((kind, words))
    assert ("honorific", "Dr.") in titles["Celine Marchand"]
    assert ("job", "violinist") in titles["Jonas Eberle"]
    assert ("job", "coach") in titles["Ray Tolliver"]


# ---------------------------------------------------------------- names in every script

def test_greek_name_with_person_context():
    text = (" date 2024-02-03 Νίκος Παπαδόπουλος, the club's president, said the stadium would reopen. "
            "Παπαδόπουλος said fans had waited long enough.\n")
    people = {m.ref.value for m in _mentions(text) if m.ref.type == "Person"}
    assert people == {"Νίκος Παπαδόπουλος"}


# ---------------------------------------------------------------- regressions found on unseen-style articles

def test_headline_title_before_a_verb_names_no_one():
    """'Choir Leader Dies' in a title-case headline: Dies is no one's name."""
    text = (" date 2023-10-02\nBeloved Baker and Choir Leader Dies at 90\n\n"
            "Rosa Whitfield, who ran a bakery on Main Street for four decades, died on Friday. "
            "Her son, Curtis Whitfield, confirmed the death.\n")
    people = {m.ref.value for m in _mentions(text) if m.ref.type == "Person"}
    assert people == {"Rosa Whitfield", "Curtis Whitfield"}


def test_company_with_a_designator_is_no_person():
    """'Apex Biotech said' is a company; 'the Food and Drug Administration is' an agency."""
    text = (" date 2024-02-20 Apex Biotech said on Monday that it had named Priya Venkataraman, a former "
            "executive at Norvell Pharmaceuticals, as its chief executive. Shares of Apex rose 3 percent. "
            "The Food and Drug Administration is expected to rule in June.\n")
    got = {(m.ref.type, m.ref.value) for m in _mentions(text)}
    assert {("Organization", "Apex Biotech"), ("Organization", "Norvell Pharmaceuticals"),
            ("Organization", "Food and Drug Administration")} <= got
    assert {v for t, v in got if t == "Person"} == {"Priya Venkataraman"}


def test_titles_are_facts_of_their_own_with_evidence(tmp_path):
    from rdflib import RDF, Graph, Literal

    from graph.build import build
    from graph.rdf.vocab import OA, SDO

    folder = tmp_path / "articles"
    folder.mkdir()
    text = (" date 2023-03-15\nGov. Daniel Ashgrove signed the bill on Tuesday. \"It matters,\" Ashgrove said. "
            "Dr. Amara Osei, the hospital's chief executive, said it would help.\n")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    build(folder, tmp_path / "out", cache_dir=None)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    people = {str(g.value(p, SDO.name)): p for p in g.subjects(RDF.type, SDO.Person)}
    assert set(people) == {"Daniel Ashgrove", "Amara Osei"}, "a title is never part of a name"
    assert g.value(people["Daniel Ashgrove"], SDO.jobTitle) == Literal("Gov.")
    assert g.value(people["Amara Osei"], SDO.honorificPrefix) == Literal("Dr.")
    assert g.value(people["Amara Osei"], SDO.jobTitle) == Literal("chief executive")
    for st in g.subjects(RDF.predicate, SDO.jobTitle):
        sel = g.value(st, OA.hasSelector)
        start, end, exact = (g.value(sel, x) for x in (OA.start, OA.end, OA.exact))
        assert text[int(start):int(end)] == str(exact) and str(g.value(st, RDF.object)) in str(exact)


FOUNDER = """ date 2025-11-06
Vantorre Logistics beats forecasts

Vantorre Logistics Inc. said Wednesday that profit rose 18 percent. Analysts surveyed by Corvane Data had expected less.

“Vantorre now expects a record year,” the company said. Its chief executive, Saoirse Lindqvist, recalled the advice of the company’s founder, her grandfather Augustin Vantorre.
"""


def test_a_company_is_no_person_by_its_last_word_or_its_founder(tmp_path_factory):
    """"Corvane Data had expected" made a person of a research firm, and the bare "Vantorre" of the
    company a second person besides its founder: a word that ends company names (Data, Freight,
    Research) is no surname, and a word that is both a person's name and a company's short name is,
    alone, neither."""
    g = _build(tmp_path_factory, "founder", FOUNDER)
    people = _all_names(g, "schema:Person")
    assert "corvane data" not in people and "vantorre" not in people  # case-folded
    assert {"Augustin Vantorre", "Saoirse Lindqvist"} <= _names(g, "schema:Person")
    assert "Corvane Data" in _names(g, "schema:Organization")


# ---------------------------------------------------------------- organisations and places by their own signals (2)

SPORT = """ date 2024-03-10
Femi Adeyinka scored twice as Harlow Rovers beat Castlebridge Town 3-2 at Miller’s Lane on Saturday. Adeyinka, who signed from Dunmore United in the summer, told Radio Harlow that the dressing room had never stopped believing. "We kept going," Adeyinka said.

Castlebridge manager Tom Ashdown was unhappy with referee Nia Caldwell. Sam Okoro, who spent four seasons with the Tarnby Foxes, watched from the stand with fans who had travelled from Castlebridge.
"""


def test_clubs_and_broadcasters_by_sports_context(tmp_path_factory):
    """A club after what one team does to another (beat X Town 2-1, signed from X United), a team
    in the plural after a player's seasons with it, a radio station by its own word; the people of
    the match report stay people (a referee is named after her job)."""
    g = _build(tmp_path_factory, "953_sport", SPORT)
    assert {"harlow rovers", "castlebridge town", "dunmore united", "radio harlow", "tarnby foxes"} <= _all_names(
        g, "schema:Organization")
    assert "miller’s lane" in _all_names(g, "schema:Place")
    assert _names(g, "schema:Person") == {"Femi Adeyinka", "Tom Ashdown", "Nia Caldwell", "Sam Okoro"}


WIRE = """ date 2024-08-02
TARN HOLLOW (AP) — Floodwater swept through a campground in the Brisk Gorge early Friday, officials said. Crews from Varrow County Emergency Management searched the banks all day.

Still missing is a camp counselor from Ellby who had been sleeping near the water. The counselor's aunt, Ruth Okafor, whose parents emigrated from Norway, spoke to reporters in Spanish. Water also filled the low-lying Marsh End neighborhood, and the Ellby-based utility Ashcombe Power & Light cut power to 900 homes.
"""


def test_wire_dateline_agency_and_places_after_a_person(tmp_path_factory):
    """A wire dateline with its agency, a county office, a person "from X", a place before "-based"
    and before "neighborhood"; a language is no place, a person with a kin word stays a person."""
    g = _build(tmp_path_factory, "954_wire", WIRE)
    places = _all_names(g, "schema:Place")
    assert {"tarn hollow", "brisk gorge", "ellby", "norway", "marsh end"} <= places
    assert "spanish" not in places
    orgs = _all_names(g, "schema:Organization")
    assert {"varrow county emergency management", "ap", "ashcombe power & light"} <= orgs
    assert _names(g, "schema:Person") == {"Ruth Okafor"}


EARNINGS = """ date 2024-11-05
Kellmoor Freight beats forecasts as fuel costs ease

Kellmoor Freight Inc. said Tuesday that profit rose 12 percent. The company bought Pike & Sons Haulage last year and now runs 90 depots.

"We kept costs down," said Mara Lindqvist, an analyst at the Tessaly Institute for Transport Studies. Shares of Kellmoor rose 3 percent. Lindqvist said Pike & Sons had been the right buy.
"""


def test_a_company_with_its_legal_form_or_trade_is_one_company(tmp_path_factory):
    """"Kellmoor Freight Inc." and the headline's "Kellmoor Freight" are one company, as are
    "Pike & Sons Haulage" and "Pike & Sons"; an institute keeps what it is "for"."""
    g = _build(tmp_path_factory, "955_earnings", EARNINGS)
    orgs = {r[0]: r[1] for r in rows(g, "SELECT ?x (GROUP_CONCAT(?n; separator='|') AS ?ns) WHERE { "
                                        "?x a schema:Organization . { ?x schema:name ?n } UNION "
                                        "{ ?x schema:alternateName ?n } } GROUP BY ?x")}
    names = [set(ns.split("|")) for ns in orgs.values()]
    kellmoor = [ns for ns in names if any("Kellmoor" in n for n in ns)]
    assert len(kellmoor) == 1 and {"Kellmoor Freight Inc.", "Kellmoor Freight"} <= kellmoor[0]
    pike = [ns for ns in names if any("Pike" in n for n in ns)]
    assert len(pike) == 1 and "Pike & Sons Haulage" in pike[0]
    assert "tessaly institute for transport studies" in _all_names(g, "schema:Organization")
    assert "tessaly institute" not in _all_names(g, "schema:Organization")
    assert _names(g, "schema:Person") == {"Mara Lindqvist"}


ROYAL = """ date 2024-06-01
The infant daughter of the Duke of Tarnmoor was christened on Sunday by the Bishop of Kellwick, the Rt Revd Simon Ashe. Her godfather, Sir Hugh Varley, served with the Duke in the Royal Hussars. The cake came from Orme & Pike, and the Duke was later named President of the Board.

Her godmother, Sister Agnes Moll of the Sisters of St. Brigid, read a prayer. The guests' children, Ollie, seven, and Maisie, four, carried candles.
"""


def test_places_of_titles_clergy_and_regiments(tmp_path_factory):
    """The place a title is "of" (Duke of Tarnmoor); the clergy's forms of address are no part of
    a name; a regiment and a firm named with "&" are organisations; "President of the Board"
    names no place; children named with their ages in words are people."""
    g = _build(tmp_path_factory, "956_royal", ROYAL)
    places = _all_names(g, "schema:Place")
    assert {"tarnmoor", "kellwick"} <= places and "board" not in places
    assert {"royal hussars", "orme & pike", "sisters of st. brigid"} <= _all_names(g, "schema:Organization")
    assert {"Simon Ashe", "Hugh Varley", "Agnes Moll", "Ollie", "Maisie"} <= _names(g, "schema:Person")
    assert not {"Tarnmoor", "Kellwick", "Orme", "Pike"} & _names(g, "schema:Person")


def test_a_quoted_title_of_a_work_names_no_place():
    text = (" date 2024-04-04 The paper, titled “Quiet Rooms and Restless Minds in Later Years,” followed "
            "400 adults in Harrowgate for six years.\n")
    places = {m.ref.value for m in _mentions(text) if m.ref.type == "Place"}
    assert places == {"Harrowgate"}


def test_a_family_business_leaves_the_surname_to_the_family():
    """"Pruett Orchards" is the family's farm, no person; "Pruett" alone is Walter Pruett, and a wife
    "of 52 years" and a child who "just turned" an age are people."""
    text = (" date 2024-02-02 Walter Pruett ran Pruett Orchards for 40 years. Pruett died in March at 88. "
            "He is survived by his wife of 52 years, May Pruett. Their granddaughter Nell just turned 3.\n")
    got = {(m.ref.type, m.ref.value, m.span.exact) for m in _mentions(text)}
    assert ("Organization", "Pruett Orchards", "Pruett Orchards") in got
    assert ("Person", "Walter Pruett", "Pruett") in got
    assert {v for t, v, _ in got if t == "Person"} == {"Walter Pruett", "May Pruett", "Nell"}


# ---------------------------------------------------------------- forms of address, titles of works, teams

def _typed(text: str) -> dict[str, set[str]]:
    """Each type (Person, Organization, Place) -> the node names the names step gives it."""
    out: dict[str, set[str]] = {}
    for m in _mentions(text):
        out.setdefault(m.ref.type, set()).add(m.ref.value)
    return out


def test_honorifics_of_other_traditions_are_no_part_of_the_name():
    """Pandit, Shri, Smt., Alhaji and Ustad are forms of address, like Dr. or the Rev.: recorded as
    the title, never a word of the name."""
    text = (" date 2024-03-02 The blessing was led by Pandit Ravindra Sastry, a family friend of the bride. "
            "Alhaji Aminu Danjuma, a neighbour, read a prayer, and Smt. Ondine Tolbeck, a colleague, sang.\n")
    people = _typed(text).get("Person", set())
    assert {"Ravindra Sastry", "Aminu Danjuma", "Ondine Tolbeck"} <= people
    assert not {p for p in people if p.split()[0] in ("Pandit", "Alhaji", "Smt.", "Smt")}
    titles = {(m.ref.value, w) for m in _mentions(text) for _, w, _ in m.titles}
    assert ("Ravindra Sastry", "Pandit") in titles


def test_an_ex_before_a_name_is_no_part_of_it():
    """'Ex Colm is said to be thrilled': the Ex of a former partner begins no name."""
    text = (" date 2024-08-02 Lucy Brannagh split from her ex-husband, Colm Farragher, in 2020. "
            "Ex Colm is said to be thrilled for the couple.\n")
    people = _typed(text).get("Person", set())
    assert "Colm Farragher" in people
    assert not [p for p in people if p.startswith("Ex")]


def test_a_podcast_named_with_a_host_is_no_organisation_of_the_host():
    """'the Mornings With Quillan Fenwright podcast': the title runs on past its capitalised With;
    its tail, the host's name, is no organisation."""
    text = (" date 2024-08-02 She opened up on the Mornings With Quillan Fenwright podcast in January. "
            "She told the Eskerby Post newspaper the same.\n")
    orgs = _typed(text).get("Organization", set())
    assert "Quillan Fenwright" not in orgs and "Fenwright" not in orgs
    assert "Eskerby Post" in orgs


def test_a_committee_of_two_subjects_after_its_keeps_both():
    """'has chaired its Roads and Bridges Committee': the whole name, as after 'the'."""
    orgs = _typed(" date 2024-08-02 Hale has chaired its Roads and Bridges Committee since 2021.\n").get(
        "Organization", set())
    assert "Roads and Bridges Committee" in orgs and "Bridges Committee" not in orgs


def test_a_courthouse_is_a_place_of_its_whole_name():
    """'the Oakhurst Mill County Courthouse': a building named with the county it serves is the
    building, not the county."""
    places = _typed(" date 2025-02-20 He wound the clock of the Oakhurst Mill County Courthouse for years.\n").get(
        "Place", set())
    assert "Oakhurst Mill County Courthouse" in places and "Oakhurst Mill County" not in places


def test_a_team_named_by_its_town_in_a_match_is_an_organisation():
    """'his debut against Moss Harbour', 'the hat-trick against Eskerby Heights': a town plays no
    match; the team it names is an organisation, not a place."""
    typed = _typed(" date 2025-01-29 He could make his debut against Moss Harbour on Saturday. "
                   "He recalled the hat-trick against Eskerby Heights last year.\n")
    assert {"Moss Harbour", "Eskerby Heights"} <= typed.get("Organization", set())
    assert not {"Moss Harbour", "Eskerby Heights"} & typed.get("Place", set())


def test_a_person_named_with_how_they_are_kin_is_a_person():
    """'the death of Tomasz Vrell, father of singer Ada Ronan-Vrell': a full name before 'father of' is a
    person; a place before 'the daughter of' is not ('born in Eskerby Vale, the daughter of')."""
    typed = _typed(" date 2025-06-04 It is their first record since the death of Tomasz Vrell, father of "
                   "singer Ada Ronan-Vrell, in October 2021. She was born in Eskerby Vale, the daughter of a miner.\n")
    assert "Tomasz Vrell" in typed.get("Person", set())
    assert "Eskerby Vale" not in typed.get("Person", set())


def test_the_platform_of_a_post_and_the_paper_told_are_organisations():
    """'a lengthy post on Glimpse', 'streams on Riverlight', 'he told the Courier': the website of a
    post and the paper someone told are organisations; a weekday, a street or a title in the same
    place is none."""
    typed = _typed(" date 2025-03-12 Noor Vance broke her silence with a lengthy post on Glimpse. The film "
                   "streams on Riverlight from June 20. “It is still honest,” Vance told the Courier in 2013. "
                   "She posted on Monday that the show was off, and she posted on Main Street a notice. "
                   "She told the Duke that the horses were ready.\n")
    assert {"Glimpse", "Riverlight", "Courier"} <= typed.get("Organization", set())
    assert not {"Monday", "Main Street", "Main", "Duke"} & typed.get("Organization", set())
    assert "Noor Vance" in typed.get("Person", set())


def test_a_firm_named_for_its_founders_is_no_person():
    """'Mercer Lowe, the Pittsburgh startup whose engine …', founded by Priya Mercer and Daniel Lowe: an
    organisation (its description may name a place), never a person the founders' surnames join."""
    typed = _typed(" date 2025-03-04 Kestrel is buying Mercer Lowe, the Pittsburgh startup whose engine it uses. "
                   "Mercer Lowe was founded in 2019 by Priya Mercer and her husband, Daniel Lowe. "
                   "“Buying Mercer Lowe is the fastest way,” an analyst said.\n")
    assert "Mercer Lowe" in typed.get("Organization", set())
    assert not {n for n in typed.get("Person", set()) if "Mercer Lowe" in n}
    assert {"Priya Mercer", "Daniel Lowe"} <= typed.get("Person", set())


def test_a_restaurant_named_after_a_person_is_no_mention_of_her():
    """'the back kitchen of Casa Teodora', named for the grandmother Teodora Ruiz: the restaurant is an
    organisation, and its name no mention of her."""
    typed = _typed(" date 2024-10-07 Ines Vega stands over a pot in the back kitchen of Casa Teodora. "
                   "The room is named for her grandmother, Teodora Ruiz.\n")
    assert "Casa Teodora" in typed.get("Organization", set())
    assert {"Ines Vega", "Teodora Ruiz"} <= typed.get("Person", set())


def test_a_sponsor_or_an_agency_named_without_a_determiner_is_an_organisation():
    """'Shirt sponsor Morrow Finch is …', 'super-agency Pemberton Lyle, whose founder …': firms, though
    their names look like people's; "his sponsor, Tom Hale" stays a person."""
    typed = _typed(" date 2025-01-29 Shirt sponsor Morrow Finch is planning a special kit. The deal was done by "
                   "super-agency Pemberton Lyle, whose founder Marcus Pemberton looks after the back four. "
                   "His sponsor, Tom Hale, drove him to meetings.\n")
    assert {"Morrow Finch", "Pemberton Lyle"} <= typed.get("Organization", set())
    assert not {"Morrow Finch", "Pemberton Lyle"} & typed.get("Person", set())
    assert "Tom Hale" in typed.get("Person", set())


def test_a_middle_name_before_a_nickname_is_part_of_the_name_and_a_title_is_not():
    names = {m.ref.value for m in _mentions(
        " date 2026-01-15\nObituary\n\nPORT ALDEN — Raymond Earl \"Ray\" Orzel, who served in the Navy, died Tuesday. "
        "Mayor Rodolfo \"Rudy\" Cabral and Comedian Gbolahan \"Gbolly\" Ajao spoke. "
        "When Margaret \"Peggy\" Hollis came, Angelica Mae \"Gelay\" Villacorte left.\n")}
    assert {'Raymond Earl "Ray" Orzel', 'Rodolfo "Rudy" Cabral', 'Gbolahan "Gbolly" Ajao',
            'Margaret "Peggy" Hollis', 'Angelica Mae "Gelay" Villacorte'} <= names
    assert not [n for n in names if n.startswith(("Earl", "Mae", "Mayor", "Comedian", "When"))]
