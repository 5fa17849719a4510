"""General event and date rules: news about anyone, not only the seed story, is read with its dates.

Each case is a small inline article, built with graph.build.build into a temporary folder;
the assertions are SPARQL over the graph a user gets. Names here are fictional and appear in
no rule file, so every fact must come from the general patterns and the date resolvers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import RDFS, Graph

from graph.load import parse_article
from graph.match.dates import DateExpr, DateResolver
from graph.records import Span
from tests.conftest import build_articles
from tests.test_extraction import rows

SETTINGS = {"months": {"March": 3, "July": 7, "September": 9}, "numbers": {"a": 1, "two": 2, "three": 3}}


def _build(tmp_path, name: str, text: str) -> Graph:
    return build_articles(tmp_path, {name: text})


def _events(g: Graph) -> set[tuple[str, str, str]]:
    """(event kind, start date, a participant's name) for every dated event."""
    return set(rows(g, """
        SELECT ?kind ?date ?who WHERE {
          ?e kg:eventKind ?kind ; schema:startDate ?date .
          ?e schema:organizer|schema:attendee|schema:about ?p . ?p schema:name ?who }"""))


def _resolve(value: str, published: str | None, tense: str | None = None, before=(), **groups):
    """Resolve one expression after the given earlier ones, as an article would in text order."""
    resolver = DateResolver(SETTINGS, published)
    for v, g in before:
        resolver.resolve(DateExpr(Span("a", 0, 1, "x"), "r", v, tuple(sorted(g.items()))))
    out = resolver.resolve(DateExpr(Span("a", 0, 1, "x"), "r", value, tuple(sorted(groups.items())), tense))
    return out and (out.lexical, out.precision, out.resolution)


# ---------------------------------------------------------------- the loader


def test_a_title_line_after_the_date_marker_is_the_headline():
    a = parse_article(" date 2023-05-18\nLopez and Reed welcome a baby girl\n\nThe couple shared the news.\n".encode(),
                      "x.txt", "x")
    assert a.meta.date == "2023-05-18"
    assert a.meta.headline is not None and a.meta.headline.exact == "Lopez and Reed welcome a baby girl"
    assert a.text[a.meta.headline.start:a.meta.headline.end] == a.meta.headline.exact


@pytest.mark.parametrize("title", ["Reed calls time on his career: 'The body told me before I did'",
                                   "Reed on retiring: “Not many blokes get to”"])
def test_a_title_line_may_end_in_quoted_words(title):
    a = parse_article(f" date 2023-05-18\n{title}\n\nReed said so.\n".encode(), "x.txt", "x")
    assert a.meta.headline is not None and a.meta.headline.exact == title
    # a first paragraph that is a quoted sentence is no title: its words end in punctuation
    b = parse_article(" date 2023-05-18\n“We will be back,”\n\nReed said.\n".encode(), "x.txt", "x")
    assert b.meta.headline is None


def test_body_text_on_the_marker_line_is_not_a_headline():
    a = parse_article(" date 2022-09-12 EASTVALE — Lopez and Reed are married.\n\nMore.\n".encode(), "x.txt", "x")
    assert a.meta.headline is None


# ---------------------------------------------------------------- the date resolvers


@pytest.mark.parametrize("weekday, tense, mod, want", [
    ("Tuesday", "past", None, "2023-11-07"),      # published on a Wednesday
    ("Sunday", None, None, "2023-11-05"),         # no tense: the past, as news mostly tells
    ("Saturday", "future", None, "2023-11-11"),   # "will be held on Saturday"
    ("Wednesday", "past", None, "2023-11-08"),    # the day itself
    ("Wednesday", "past", "last", "2023-11-01"),  # "last Wednesday": before it
])
def test_weekdays_resolve_against_publication_by_tense(weekday, tense, mod, want):
    groups = {"weekday": weekday, **({"mod": mod} if mod else {})}
    got = _resolve("weekday", "2023-11-08", tense, **groups)
    assert got[0] == want and got[1] == "date"


def test_next_weekday_is_left_undated_and_undated_articles_give_no_weekday():
    assert _resolve("weekday", "2023-11-08", None, weekday="Friday", mod="next") is None
    assert _resolve("weekday", None, "past", weekday="Friday") is None


@pytest.mark.parametrize("published, unit, want", [
    ("2023-05-18", "week", ("2023-05", "gYearMonth", "week-before-publication")),   # May 8 .. May 17
    ("2023-06-02", "week", None),                                                   # May 22 .. June 1: two months
    ("2023-09-11", "weekend", ("2023-09", "gYearMonth", "week-before-publication")),
])
def test_last_week_gives_a_month_only_when_the_week_lies_in_one(published, unit, want):
    assert _resolve("last-week", published, unit=unit) == want


def test_relative_months_and_years():
    assert _resolve("this-month", "2024-10-09") == ("2024-10", "gYearMonth", "publication-month")
    assert _resolve("month-offset", "2021-01-17", which="last") == ("2020-12", "gYearMonth", "month-before-publication-month")
    assert _resolve("month-offset", "2021-12-17", which="next") == ("2022-01", "gYearMonth", "month-after-publication-month")
    assert _resolve("year-offset", "2021-06-17", which="last") == ("2020", "gYear", "year-before-publication")


def test_the_future_goes_forward():
    # "takes effect on July 1", "due in March", "will take office in January"
    assert _resolve("month-day", "2023-03-15", "future", month="July", day="1") == \
        ("2023-07-01", "date", "yearless-after-publication")
    assert _resolve("month", "2024-10-09", "future", month="March") == ("2025-03", "gYearMonth", "month-after-publication")
    assert _resolve("month", "2024-10-09", "past", month="March") == ("2024-03", "gYearMonth", "month-before-publication")


def test_offsets_count_from_the_latest_date_before_them():
    oct14 = [("month-day", {"month": "October", "day": "14"})]
    settings_months = dict(SETTINGS["months"], October=10)
    resolver = DateResolver({**SETTINGS, "months": settings_months}, "2023-11-08")
    resolver.resolve(DateExpr(Span("a", 0, 1, "x"), "r", "month-day", tuple(sorted(oct14[0][1].items())), "past"))
    got = resolver.resolve(DateExpr(Span("a", 2, 3, "y"), "r", "offset", (("dir", "earlier"), ("n", "two"), ("unit", "day"))))
    assert (got.lexical, got.precision, got.resolution) == ("2023-10-12", "date", "days-before-anchor")
    wed = [("year", {"year": "2021"})]
    assert _resolve("offset", "2024-10-09", before=wed, n="two", unit="year", dir="after") == \
        ("2019", "gYear", "years-before-anchor")
    assert _resolve("offset", "2024-10-09", before=wed, n="a", unit="year", dir="later") == \
        ("2022", "gYear", "years-after-anchor")
    # days cannot be counted from a year
    assert _resolve("offset", "2024-10-09", before=wed, n="two", unit="day", dir="later") is None


# ---------------------------------------------------------------- events of other stories, with their dates

OBITUARY = """ date 2023-11-08
Ruth Carver, teacher who ran the Millbrook choir, dies at 91

Ruth Carver, who taught music at Millbrook High School for 40 years and later led the town choir, died on Sunday at her home. She was 91.

Ms. Carver was born on May 2, 1932, in Eastvale. In 1956 she married Owen Carver, a railway clerk.

Her brother, Samuel Hale, said in a statement on Monday that the family was grateful.

A funeral will be held on Saturday at Grace Church.
"""


def test_an_obituary(tmp_path):
    got = _events(_build(tmp_path, "obit.txt", OBITUARY))
    assert {("death", "2023-11-05", "Ruth Carver"), ("birth", "1932-05-02", "Ruth Carver"),
            ("wedding", "1956", "Owen Carver"), ("statement", "2023-11-06", "Samuel Hale"),
            ("memorial", "2023-11-11", "Ruth Carver")} <= got
    # the funeral is for the person whose death the article tells, not anyone else it names
    assert not {e for e in got if e[0] == "memorial" and e[2] != "Ruth Carver"}


POLITICS = """ date 2023-03-15
Governor signs water bill

EASTPORT — Gov. Helen Marsh signed a bill on Tuesday requiring towns to test their water.

The law takes effect on July 1. Marsh signed the measure at a park, a short walk from where a storage tank ruptured in 2021.

Nadia Brook, a first-term councilor who campaigned on cheaper fares, defeated Mayor Victor Hale on Tuesday. Brook will take the oath of office in January.
"""


def test_politics_with_future_dates(tmp_path):
    g = _build(tmp_path, "politics.txt", POLITICS)
    got = _events(g)
    assert {("signing", "2023-03-14", "Helen Marsh"), ("appointment", "2023-03-14", "Nadia Brook"),
            ("appointment", "2024-01", "Nadia Brook")} <= got
    dated = set(rows(g, "SELECT ?kind ?date WHERE { ?e kg:eventKind ?kind ; schema:startDate ?date }"))
    assert ("entry-into-force", "2023-07-01") in dated
    # the signing is not dated by the year of another clause of its sentence
    assert ("signing", "2021") not in dated


CELEB = """ date 2024-10-09
Singer Ivy Lark and Tom Reyes are expecting

Pop singer Ivy Lark is going to be a mother.

Lark announced on Monday that she and her husband, producer Tom Reyes, are expecting their first child.

In an interview with Crescendo earlier this month, Lark said the baby is due in March.

Lark and Reyes married in 2021 in a small ceremony.
"""


def test_a_pregnancy_announcement_interview_and_wedding(tmp_path):
    got = _events(_build(tmp_path, "celeb.txt", CELEB))
    assert {("pregnancy-announcement", "2024-10-07", "Tom Reyes"), ("interview", "2024-10", "Ivy Lark"),
            ("wedding", "2021", "Ivy Lark"), ("wedding", "2021", "Tom Reyes")} <= got
    # the interview is dated by its own words ("earlier this month"), not the due date in March
    assert not {e for e in got if e[0] == "interview" and e[1] != "2024-10"}


def test_weekday_habits_and_holidays_are_not_dates(tmp_path):
    text = (" date 2021-04-14\nOdile Marsh, a singer who sang on Sunday nights, died in 2016. She kept a standing "
            "Thursday gig and drove to lessons every Saturday.\n")
    g = _build(tmp_path, "habits.txt", text)
    dated = set(rows(g, "SELECT ?date WHERE { ?e schema:startDate ?date }"))
    assert dated == {("2016",)}


def test_story_pack_rules_stay_in_their_story(tmp_path):
    """The seed story's kinds (the wrist tattoo, the comment under the video) never read another story."""
    text = (" date 2022-01-10\nMaya Lopez has honoured her late son by getting his name inked on her wrist. "
            "Kris Hale commented, “Beautiful.”\n")
    g = _build(tmp_path, "other.txt", text)
    kinds = {r[0] for r in rows(g, "SELECT ?k WHERE { ?e kg:eventKind ?k }")}
    assert not kinds & {"tattoo", "post-comment"}


def test_resolved_dates_name_their_resolver(tmp_path):
    g = _build(tmp_path, "obit.txt", OBITUARY)
    got = set(rows(g, """
        SELECT ?value ?how WHERE {
          ?f rdf:predicate schema:startDate ; rdf:object ?value ; kg:dateResolution ?r . ?r rdfs:label ?how }"""))
    assert {("2023-11-05", "weekday-before-publication"), ("2023-11-11", "weekday-after-publication")} <= got


def test_relative_resolution_is_pure_date_arithmetic():
    # the resolvers use the standard library only: a weekday is a fixed offset from publication
    published = dt.date(2024, 1, 29)  # a Monday
    got = _resolve("weekday", published.isoformat(), "future", weekday="Wednesday")
    assert got == ("2024-01-31", "date", "weekday-after-publication")


def test_he_is_never_read_inside_she_nor_given_to_a_woman(tmp_path):
    # "he was born" once made a birth of the article's protagonist, a woman; "he" inside "she" was a pronoun
    from rdflib import RDF, Graph

    from graph.build import build
    from graph.rdf.vocab import KG, SDO

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        " date 2021-10-01\nMara Quill spoke about her son, Theo Quill. Quill said she regrets not holding "
        "Theo's hand when he was born. She announced on Monday that she is expecting, sharing a photo on "
        "Instagram of the scan.\n", encoding="utf-8")
    build(folder, tmp_path / "out", cache_dir=None)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    names = {p: str(g.value(p, SDO.name)) for p in g.subjects(RDF.type, SDO.Person)}
    for birth in g.subjects(RDF.type, KG.Birth):
        assert {names.get(p) for p in g.objects(birth, SDO.about)} <= {"Theo Quill"}
    for post in g.subjects(RDF.type, KG.SocialMediaPost):
        assert {names.get(p) for p in g.objects(post, SDO.organizer)} <= {"Mara Quill"}


def test_what_a_named_person_did_on_a_date_is_a_happening_labelled_by_its_words(tmp_path):
    """A verb of doing between a person and a date, no more specific kind reading it: an event
    labelled by the text's words; a council's vote or an undated deed is none; a wedding stays a wedding."""
    g = _build(tmp_path, "bakery.txt", (
        " date 2024-05-16\n\nWalter Pruett repainted the storefront in 1978. He had baked for years.\n\n"
        "The Tollbridge Town Council voted on Tuesday to rename the street. Walter Pruett opened a cafe.\n\n"
        "Walter Pruett married Margaret Hale in 1980. In 1990, Walter Pruett sold the bakery.\n"))
    got = _events(g)
    assert ("happening", "1978", "Walter Pruett") in got
    assert ("happening", "1990", "Walter Pruett") in got
    assert ("wedding", "1980", "Walter Pruett") in got
    assert not [e for e in got if e[0] == "happening" and e[1] not in ("1978", "1990")]
    labels = {str(o) for o in g.objects(None, RDFS.label) if str(o).startswith("Walter Pruett:")}
    assert labels == {"Walter Pruett: repainted the storefront", "Walter Pruett: sold the bakery"}


# ---------------------------------------------------------------- dated ties, sayings and offices told in clauses

FAMILY_CLAUSES = """ date 2025-01-23
Judge to decide who keeps the Ferrol vineyard

Arlo Ferrol died in June 2023. His widow, Nina Ferrol, 61, whom he married in 2009, says the vineyard is hers. His former wife, Edna Vale, who divorced him in 2006, is not a party to the case.

She is the daughter of Rita Moss of Eastvale and Carl Moss of Millbrook, who divorced in 1999.

Basil Ferrol ran the tasting room until his death in 2018. Dr. Lena Ferrol has volunteered at the county's Thursday clinic since 2016.

Mayor Joan Pike, who said on Tuesday that she would recuse herself, did not attend.
"""


def test_relative_clauses_date_marriages_divorces_deaths_and_sayings(tmp_path):
    got = _events(_build(tmp_path, "vineyard.txt", FAMILY_CLAUSES))
    assert {("wedding", "2009", "Nina Ferrol"), ("divorce", "2006", "Edna Vale"),
            ("divorce", "1999", "Rita Moss"), ("divorce", "1999", "Carl Moss"),
            ("death", "2018", "Basil Ferrol"), ("happening", "2016", "Lena Ferrol"),
            ("statement", "2025-01-21", "Joan Pike")} <= got
    # the clinic's weekday is no date of the volunteering, and no one divorced in 2009
    assert not {e for e in got if e[2] == "Lena Ferrol" and e[1] != "2016"}
    assert not {e for e in got if e[0] == "divorce" and e[1] != "1999" and e[1] != "2006"}


def test_a_death_until_which_someone_else_was_cared_for_is_not_theirs(tmp_path):
    got = _events(_build(tmp_path, "care.txt", (
        " date 2024-05-02\nOwen Tarr nursed his wife until her death in 2019. Owen Tarr visited the widow "
        "each week until her death in 2020.\n")))
    assert not {e for e in got if e[0] == "death"}


def test_a_company_saying_on_a_weekday_is_no_person_s_statement(tmp_path):
    got = _events(_build(tmp_path, "co.txt", (
        " date 2024-11-06\nBrightline said on Tuesday that it had begun a search for a new chief.\n")))
    assert not {e for e in got if e[0] == "statement"}


OFFICES = """ date 2024-11-06
Harbor town names a new chief

In the same announcement, the company said its founder, Ezra Holt, 58, would step down on Dec. 31. Mina Cole, the company's president, was named to succeed him.

He was named harbormaster in 1966. Abel Stone piloted the ferry for 31 years before retiring in 2014.

In a 1998 interview with The Harbor Ledger, the year after he retired, Mr. Stone said the sea was cruel.

Speaking to The Daily Courier yesterday, Ms Cole said she was thrilled.
"""


def test_offices_taken_and_left_and_dated_interviews(tmp_path):
    got = _events(_build(tmp_path, "offices.txt", OFFICES))
    # "would step down on Dec. 31": a future told in reported speech, so the coming Dec. 31
    assert ("resignation", "2024-12-31", "Ezra Holt") in got
    assert ("resignation", "2014", "Abel Stone") in got
    assert ("interview", "1998", "Abel Stone") in got
    assert ("interview", "2024-11-05", "Mina Cole") in got
    assert not {e for e in got if e[1] == "2023-12-31"}


def test_last_summer_is_the_latest_summer_over_before_publication():
    assert _resolve("last-season", "2024-03-30", season="summer") == ("2023", "gYear", "season-before-publication")
    assert _resolve("last-season", "2024-10-02", season="summer") == ("2024", "gYear", "season-before-publication")
    assert _resolve("last-season", "2024-10-02", season="winter") is None


def test_a_wedding_to_a_described_spouse_last_summer(tmp_path):
    got = _events(_build(tmp_path, "wed.txt", (
        " date 2024-03-20\nTomas Brek married the painter Saskia Lund last summer in a small ceremony.\n")))
    assert ("wedding", "2023", "Saskia Lund") in got


CIRCUMSTANCES = """ date 2023-02-08
Shelter changes hands

Tom Ng, 74, a retired bus driver in Eastvale who enrolled in 2016, said he naps daily. Omar Vale, the son of a farmer who emigrated in 1950, spoke next. Rita Vale and Omar Vale, who met with the board less than a year ago, agreed.

In 2004, when the county proposed closing the library, Mrs. Hale gathered 3,100 signatures.

A candlelight vigil for Hale and for the families who lost their homes is planned for Thursday evening.

Her niece, Ana Ruiz, who is Tom's daughter and is expecting her first child in May, helps out. Mark Dunn pleaded not guilty on Tuesday to three counts of fraud.

Ms Lane will start filming the new series next month. Sara Kim will not attend on Saturday.
"""


def test_circumstances_relative_clauses_and_plans_date_what_people_do(tmp_path):
    got = _events(_build(tmp_path, "shelter.txt", CIRCUMSTANCES))
    assert {("happening", "2016", "Tom Ng"), ("happening", "2004", "Hale"), ("memorial", "2023-02-09", "Hale"),
            ("birth", "2023-05", "Ana Ruiz"), ("trial", "2023-02-07", "Mark Dunn"),
            ("happening", "2023-03", "Lane")} <= got
    # the farmer emigrated, not Omar Vale; "less than a year ago" fixes no year; a denial is no plan
    assert not {e for e in got if e[2] in ("Omar Vale", "Rita Vale", "Sara Kim")}


def test_a_date_set_off_by_a_dash_at_the_end_still_dates_its_clause(tmp_path):
    got = _events(_build(tmp_path, "cove.txt", (
        " date 2023-06-17\nSandra Fell and Keith Fell also became engaged at Pellow Cove – in 1985.\n\n"
        "Ana Ruiz and Tom Ruiz became engaged at the lake – in 1990 they moved away.\n")))
    assert ("engagement", "1985", "Keith Fell") in got
    # a dash before a date that opens another clause still keeps that date from the engagement
    assert not {e for e in got if e[0] == "engagement" and e[1] == "1990"}


def test_obituary_services_burials_and_halls_of_fame(tmp_path):
    got = _events(_build(tmp_path, "obit.txt", (
        " date 2024-05-08\nRuth Hale, who coached girls' basketball for 30 years, died on Sunday. She was "
        "inducted into the Harbor County Sports Hall of Fame in 2010.\n\nServices will be held on Saturday at "
        "First Church. Ruth Hale will be buried on Monday beside her husband.\n")))
    assert {("death", "2024-05-05", "Ruth Hale"), ("award", "2010", "Ruth Hale"),
            ("memorial", "2024-05-11", "Ruth Hale")} <= got


def test_a_possessive_weekday_dates_its_own_noun_not_a_deed_beside_it(tmp_path):
    got = _events(_build(tmp_path, "svc.txt", (
        " date 2023-11-08\nJune Okoro and Hazel Okoro placed sunflowers by the cross during Sunday’s service. "
        "Tom Vale repainted the chapel on Monday.\n")))
    assert ("happening", "2023-11-06", "Tom Vale") in got
    assert not {e for e in got if e[2] in ("June Okoro", "Hazel Okoro")}


def test_fixed_observances_are_days_and_take_a_year_that_follows(tmp_path):
    got = _events(_build(tmp_path, "eve.txt", (
        " date 2025-01-23\nTom Vale repainted the barn on Christmas Eve 2021. Ana Vale proposed to Tom Vale "
        "on Valentine’s Day.\n")))
    assert ("happening", "2021-12-24", "Tom Vale") in got
    assert ("engagement", "2024-02-14", "Ana Vale") in got


# ---------------------------------------------------------------- events whose key participant is no person

# The shipped rules read no such events (on text they were not written against these two gave
# more wrong dates than right ones); the kinds `doing` and `occurrence` are there for a rule
# writer's own rules, as a pack: these are two such rules.
ORG_PACK = "rules:\n" + """  - id: doing-org-dated-verb
    kind: doing
    generic: true
    date: after
    description: >-
      a named organisation, then a verb of doing in the past and its object, then a date (the Harbor
      Town Council voted 4-3 on Monday; the Eastvale Water District bought the pumps in 2019). Saying,
      reporting and lasting states are left out (a company "said" or "reported" is a statement, read
      by the rules of its kind); the organisation must be one the names step found as one
    pattern: '(?<![\\p{L}’''-])(?P<organizer>(?>{ORGNAME}))(?:,\\s+(?:the|an?|its)\\s[^.;,“”"]{0,60}?,|,\\s+which)?\\s+(?:also\\s+|later\\s+|first\\s+|then\\s+|had\\s+|finally\\s+|formally\\s+|unanimously\\s+)?(?P<action>(?!(?:said|told|added|explained|noted|asked|wrote|reported|announced|stated|claimed|alleged|estimated|expected|planned|hoped|wanted|needed|used|seemed|appeared|remained|continued|owned|included|contained|featured|involved|called|named|titled|described|considered|based|located|scheduled|agreed|declined|refused|confirmed|declared|warned|urged|argued|insisted|denied|admitted|projected|forecast|rose|fell|gained|dropped|climbed|slipped|grew|lost|employed|served|operated|represented|lived|worked|defeated|edged|routed|topped|clinched|rallied|trailed|scored)\\b)(?:\\p{Ll}{2,}ed|bought|sold|built|began|took|made|broke|shut|cut|paid|spent|sent|chose|gave)(?:\\s+(?:up|down|out|off|back|over|away))?(?:\\s+\\d+-\\d+)?(?:\\s+(?:the|a|an|its|their|to)(?:\\s+(?!(?:last|next|this|in|on|at|earlier|later|early|late|and|or|but|with|for|to|of|from|by)\\b)[\\p{Ll}-]+){1,2})?)(?![\\p{L}’''-])'
    attributes: {kg:action: action}
    examples:
      - text: The Harbor Town Council voted 4-3 on Monday to repave the square.
        organizer: Harbor Town Council
        action: voted 4-3
      - text: The Eastvale Water District bought the pumps in 2019.
        organizer: Eastvale Water District
        action: bought the pumps
      - text: The old Eastvale School, which closed in June, will be sold.
        organizer: Eastvale School
        action: closed
    counter_examples:
      - The Harbor Town Council said on Monday that it would repave the square.
      - Eastvale Water District reported last month that revenue grew.
      - Eastvale Water District shares rose on Monday.
      - Eastvale College held off a late charge on Saturday.
      - Eastvale College defeated Marlow State 78-71 on Saturday.
  - id: occurrence-began
    kind: occurrence
    date: after
    description: >-
      a thing that began, ended, opened or closed, told with its date right after the verb, its
      subject a common noun opening the clause (The repairs began in May; Demolition started on
      Monday; the bridge closed in 2019; the season is expected to begin in April). A name, a
      pronoun or an organisation as subject is no thing: a person's or an organisation's doing is
      read by the rules of its kind
    pattern: '(?:(?<=^|[.!?”"]\\s|\\n|;\\s)(?:The|A|An)\\s+|(?<=^|[.!?”"]\\s|\\n|;\\s)(?=\\p{Lu}\\p{Ll}+(?:tion|ment|ance|ence|ing|ure|age|ship|ery)\\s)|(?<=[,;]\\s|\\b(?:and|after|before|when|until)\\s)(?:the|a|an)\\s+)(?P<action>(?:(?:(?!(?:is|are|was|were|be|been|has|have|had|that|which|who|whom|it|its|they|he|she|we|and|or|but|not|also|then|just|first|finally|later)\\b)\\p{Ll}[\\p{Ll}-]+|\\p{Lu}\\p{Ll}+(?:tion|ment|ance|ence|ing|ure|age|ship|ery))\\s+){0,1}?(?:(?!(?:is|are|was|were|be|been|has|have|had|that|which|who|whom|it|its|they|he|she|we|and|or|but|not|also|then|just|first|finally|later)\\b)\\p{Ll}[\\p{Ll}-]+|\\p{Lu}\\p{Ll}+(?:tion|ment|ance|ence|ing|ure|age|ship|ery))\\s+(?:(?:is|are|was|were)\\s+(?:expected|scheduled|set|due)\\s+to\\s+(?:begin|start|end|open|reopen|close|resume|finish)|(?:began|started|ended|opened|reopened|closed|resumed|finished|shut\\s+down)))(?=\\s+(?:in\\s+(?:{MONTH}|(?:early|late|mid-?)?\\s*(?:1[89]|20)\\d\\d\\b)|on\\s+(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|{MONTH}\\s+[0-3]?\\d\\b))'
    attributes: {kg:action: action}
    examples:
      - text: The repairs began in May after a long wait.
        action: repairs began
      - text: Demolition started on Monday.
        action: Demolition started
      - text: Crews worked for weeks, and the bridge closed in 2019.
        action: bridge closed
      - text: The season is expected to begin in April.
        action: season is expected to begin
    counter_examples:
      - Sara Kim began in May.
      - He started on Monday.
      - The repairs began after a long wait.
      - The bridge, which closed in 2019, reopened.
      - The Eastvale Library closed in 2019.
      - The store was opened in 1950 by her father.
      - She testified after a hearing that ended on Wednesday.
"""


def _build_with_pack(tmp_path, articles: dict[str, str]) -> Graph:
    import shutil

    from graph.build import build
    from tests.conftest import ROOT, write_article

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "schema" / "rules", rules)
    (rules / "events.organisations.yaml").write_text(ORG_PACK, encoding="utf-8")
    for name, text in articles.items():
        write_article(tmp_path / "in", name, text)
    build(tmp_path / "in", tmp_path / "out", rules_dir=rules)
    return Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")

def _dated_nodes(g: Graph, kind: str) -> dict[str, set[str]]:
    """Event node -> its start dates, for every event of one kind."""
    out: dict[str, set[str]] = {}
    for node, date in rows(g, f"""SELECT ?e ?d WHERE {{ ?e kg:eventKind "{kind}" ; schema:startDate ?d }}"""):
        out.setdefault(node, set()).add(date)
    return out


def test_an_organisation_s_dated_doing_is_an_event_keyed_by_it(tmp_path):
    g = _build_with_pack(tmp_path, {"council.txt": " date 2024-05-16\nCouncil vote\n\n"
               "The Harbor Town Council voted 4-3 on Tuesday to repave the square, said Ana Ruiz, its clerk.\n"})
    assert ("doing", "2024-05-14", "Harbor Town Council") in _events(g)


def test_an_organisation_that_only_said_something_or_a_person_is_no_doing(tmp_path):
    g = _build_with_pack(tmp_path, {"said.txt": " date 2024-05-16\nCouncil\n\n"
               "The Harbor Town Council said on Tuesday that it would repave the square. "
               "Eastvale College defeated Marlow State 78-71 on Saturday.\n"})
    assert not _dated_nodes(g, "doing")


def test_one_organisation_s_doing_told_twice_is_one_node_and_two_dates_two(tmp_path):
    # the two articles share Ana Ruiz, so they tell one story
    g = _build_with_pack(tmp_path, {
        "a.txt": " date 2024-05-16\nPumps\n\nThe Eastvale Water District bought the pumps in 2019, Ana Ruiz said.\n",
        "b.txt": " date 2024-06-02\nPumps again\n\nAna Ruiz spoke. The Eastvale Water District bought the pumps in 2019. "
                 "The Eastvale Water District bought the pumps in 2023 as well.\n"})
    nodes = _dated_nodes(g, "doing")
    assert sorted(sorted(d) for d in nodes.values()) == [["2019"], ["2023"]]


def test_a_thing_that_began_on_a_date_is_an_event_labelled_by_its_words(tmp_path):
    g = _build_with_pack(tmp_path, {"works.txt": " date 2024-05-16\nWorks\n\n"
               "Demolition started in March 2022. The repairs began in May, Ana Ruiz said. "
               "Tom Hale began in 2010.\n"})
    nodes = _dated_nodes(g, "occurrence")
    assert sorted(sorted(d) for d in nodes.values()) == [["2022-03"], ["2024-05"]]
    labels = {str(o) for n in nodes for o in g.objects(__import__("rdflib").URIRef(n), RDFS.label)}
    assert labels == {"Demolition started", "repairs began"}


# ---------------------------------------------------------------- a couple's story, a marriage's end, a death's circumstances

COUPLE_STORY = """ date 2024-06-10
Lena Brask and Oskar Vint wed at the boathouse

Lena Brask and Oskar Vint were married on Saturday at the Fenwick Boathouse in Tarrow.

The couple met in 2016 at a rowing regatta, and became engaged in March 2022 on a night ferry. The couple met with a florist on Monday to plan the tables.
"""


def test_a_couple_met_and_became_engaged_each_on_its_own_date(tmp_path):
    got = _events(_build(tmp_path, "boathouse.txt", COUPLE_STORY))
    assert {("wedding", "2024-06-08", "Lena Brask"), ("meeting", "2016", "Lena Brask"), ("meeting", "2016", "Oskar Vint"),
            ("engagement", "2022-03", "Oskar Vint")} <= got
    # the engagement is not dated by the meeting's year, and meeting a florist is no couple's first meeting
    assert not {e for e in got if e[0] == "engagement" and e[1] != "2022-03"}
    assert not {e for e in got if e[0] == "meeting" and e[1] != "2016"}


def test_a_named_pair_met_then_got_engaged_or_married_years_after_meeting(tmp_path):
    got = _events(_build(tmp_path, "pairs.txt", (
        " date 2024-02-01\nMara Quill met Devon Ash at a chess club in 2009 and got engaged in 2012.\n\n"
        "Tessa Morn and Hal Pike married in 2018 in a small ceremony, three years after meeting at a ski lodge.\n\n"
        "Ivo Brandt met Ana Seld in 2001 and became engaged to Petra Lom in 2005.\n\n"
        "Rue Calder and Bo Frey married in 2020, two years after buying the farm.\n")))
    assert {("engagement", "2012", "Mara Quill"), ("engagement", "2012", "Devon Ash"), ("meeting", "2015", "Tessa Morn"),
            ("wedding", "2018", "Hal Pike")} <= got
    # Ana Seld was not engaged in 2005 (Ivo Brandt was, to someone else), and buying a farm is no meeting
    assert not {e for e in got if e[2] == "Ana Seld" and e[0] == "engagement"}
    assert not {e for e in got if e[0] == "meeting" and e[2] in ("Rue Calder", "Bo Frey")}


def test_a_marriage_that_ended_in_divorce_is_a_divorce_of_its_spouse(tmp_path):
    got = _events(_build(tmp_path, "marriages.txt", (
        " date 2024-02-01\nNora Veld runs the mill. Her first marriage, to Daniel Reddy, ended in divorce in 1994.\n\n"
        "Pim Osk keeps bees. His marriage to Ilse Varn ended with her death in 2001.\n")))
    assert ("divorce", "1994", "Daniel Reddy") in got
    # a death ended the other marriage; and a name after "to" is no subject of "ended"
    assert not {e for e in got if e[2] in ("Ilse Varn", "Varn", "Pim Osk")}


def test_a_death_dated_inside_its_when_clause_past_a_clock_time(tmp_path):
    got = _events(_build(tmp_path, "storm.txt", (
        " date 2024-03-11\nPieter Aske, 64, was killed when a tree fell on his car shortly after 11 p.m. on Friday, "
        "the sheriff said.\n\nAda Penn, 80, died at her home at 4 a.m. Services will be held on Saturday.\n")))
    assert ("death", "2024-03-08", "Pieter Aske") in got
    # "a.m." followed by a new sentence ends it: Saturday's services do not date the death
    assert not {e for e in got if e[0] == "death" and e[2] == "Ada Penn" and e[1] != "2024-03-11"}


def test_a_statement_or_a_seated_interview_opening_a_sentence(tmp_path):
    got = _events(_build(tmp_path, "ruling.txt", (
        " date 2025-01-24\nGreta Lund lost the case.\n\n"
        "In a statement released by Mr. Odell on Thursday, Greta Lund said she would appeal.\n\n"
        "In a statement on Monday, Northvale Bank said profits fell.\n\n"
        "Sitting on the porch of her farmhouse last week, Wilma Stroud recalled the flood.\n\n"
        "Sitting in the courtroom on Tuesday, Jory Pell said nothing.\n")))
    assert {("statement", "2025-01-23", "Greta Lund"), ("interview", "2025-01", "Wilma Stroud")} <= got
    assert not {e for e in got if e[2] == "Jory Pell" or e[2] == "Northvale Bank"}


def test_a_christening_of_a_child_named_by_its_parents(tmp_path):
    got = _events(_build(tmp_path, "font.txt", (
        " date 2022-05-09\nThe infant son of Edric Vane and Mira Vane was christened on Sunday at St Hild's.\n\n"
        "The trawler Halcyon was christened on Sunday by the harbour master.\n")))
    assert ("christening", "2022-05-08", "Edric Vane") in got
    # the parents were not christened themselves, and a ship's christening is no person's
    assert not {e for e in got if e[0] == "happening"}
    assert not {e for e in got if e[2] == "Halcyon"}


# ---------------------------------------------------------------- courts, wires, reports and sport


def test_a_verdict_on_a_weekday_and_a_sentencing_date_set_by_the_judge(tmp_path):
    got = _events(_build(tmp_path, "verdict.txt", (
        " date 2024-10-12\nQuarry owner convicted\n\n"
        "HOLMFIRTH — A jury on Friday found quarry owner Walter Brannock guilty of six counts of theft.\n\n"
        "The judge set sentencing for Nov. 20. Brannock's lawyer said he would appeal.\n\n"
        "If a jury found Oliver Marlowe guilty on Monday, he would lose his licence. "
        "The jury found the evidence against Julia Parr thin.\n")))
    assert ("trial", "2024-10-11", "Walter Brannock") in got
    # the sentencing set for a date to come is the same trial's, for the one it is about
    assert ("trial", "2024-11-20", "Walter Brannock") in got
    # a verdict that might come is none, and a jury that weighs evidence convicts no one
    assert not {e for e in got if e[2] in ("Oliver Marlowe", "Julia Parr")}


def test_a_witness_on_the_stand_is_a_dated_testimony(tmp_path):
    got = _events(_build(tmp_path, "stand.txt", (
        " date 2024-10-12\nOn the stand Wednesday, Helen Sagan described the night of the fire. "
        "Martin Ashe took the witness stand on Thursday.\n\n"
        "Louis Brightman took a stand against the quarry on Tuesday.\n")))
    assert {("testimony", "2024-10-09", "Helen Sagan"), ("testimony", "2024-10-10", "Martin Ashe")} <= got
    assert not {e for e in got if e[2] == "Louis Brightman" and e[0] == "testimony"}


def test_a_quotation_attributed_with_a_weekday_is_a_dated_statement(tmp_path):
    got = _events(_build(tmp_path, "wire.txt", (
        " date 2024-07-18\nRiver crests\n\n"
        "\"The water is still rising,\" the county's emergency manager, Teresa Okereke, said Wednesday. "
        "\"Stay off the roads.\"\n\n"
        "Warden Oscar Falk and Fire Chief Irene Achebe briefed reporters together Wednesday afternoon.\n\n"
        "Barbara Quell said Tuesday's vote was close. Harold Mose said Monday would be busy.\n")))
    assert ("statement", "2024-07-17", "Teresa Okereke") in got
    assert {e for e in got if e[0] == "statement" and e[1] == "2024-07-17" and "Achebe" in e[2]}
    # a weekday that dates what was said about, or opens what was said, is no date of the saying
    assert not {e for e in got if e[2] in ("Barbara Quell", "Harold Mose")}


def test_named_to_the_post_and_a_player_who_joined_from_a_club(tmp_path):
    got = _events(_build(tmp_path, "club.txt", (
        " date 2025-10-05\nRovers go top\n\n"
        "The club's finance director, Diana Varga, who was named to the post in June, said the books were sound. "
        "Simon Nwachukwu, who joined from Brenholt Athletic in January, scored twice.\n\n"
        "Monica Tosh was named in the report in August. Frank Lumb joined the protest in July.\n")))
    assert {("appointment", "2025-06", "Diana Varga"), ("signing", "2025-01", "Simon Nwachukwu")} <= got
    assert not {e for e in got if e[2] in ("Monica Tosh",) or (e[2] == "Frank Lumb" and e[0] != "happening")}


def test_a_post_on_a_named_platform_with_its_date(tmp_path):
    got = _events(_build(tmp_path, "posts.txt", (
        " date 2025-03-06\nStudy questioned\n\n"
        "Victor Kloss, a sleep physician in private practice, wrote on LinkedIn on Wednesday that the sample was small. "
        "Susan Rask apologised to supporters in a post on Instagram on Tuesday evening.\n\n"
        "Olivia Brann said on Monday that she was not on Facebook.\n")))
    assert {("social-media-post", "2025-03-05", "Victor Kloss"),
            ("social-media-post", "2025-03-04", "Susan Rask")} <= got
    assert not {e for e in got if e[0] == "social-media-post" and e[2] == "Olivia Brann"}


def test_an_obituary_lede_dates_the_death_after_its_verb_and_the_clause_before(tmp_path):
    got = _events(_build(tmp_path, "lede.txt", (
        " date 2025-11-06\nHarbour pilot dies at 88\n\n"
        "Rosalind Achterberg-Lisle, who in 1968 became the first woman licensed to pilot ships into Tarrow Bay, "
        "died on Monday at her home. She was 88.\n\n"
        "A funeral Mass will be held Saturday at St. Brendan's Church.\n\n"
        "Aurelio Benn, who in 1975 became the first man to swim the bay, spoke.\n")))
    assert ("death", "2025-11-03", "Rosalind Achterberg-Lisle") in got
    # the year inside the relative clause dates the licence, not the death
    assert ("appointment", "1968", "Rosalind Achterberg-Lisle") in got
    assert not {e for e in got if e[0] == "death" and e[1] == "1968"}
    assert ("memorial", "2025-11-08", "Rosalind Achterberg-Lisle") in got
    # a first that is no office is no appointment
    assert not {e for e in got if e[2] == "Aurelio Benn"}


@pytest.mark.parametrize("n, rel, unit, want", [
    ("5", "this", "summer", ("2020", "gYear")),         # published 2025-04-17: born in 2020
    ("2", "last", "month", ("2023-03", "gYearMonth")),  # turned 2 in March 2025
    ("5", "last", "summer", ("2019", "gYear")),         # the summer of 2024 is the latest over
    ("5", "next", "year", ("2021", "gYear")),
])
def test_an_age_turned_relative_to_publication_dates_the_birth(n, rel, unit, want):
    assert _resolve("age-turned", "2025-04-17", n=n, rel=rel, unit=unit)[:2] == want


def test_an_age_turned_next_summer_or_this_winter_gives_no_date():
    assert _resolve("age-turned", "2025-04-17", n="5", rel="next", unit="summer") is None
    assert _resolve("age-turned", "2025-04-17", n="5", rel="this", unit="winter") is None


def test_a_child_who_turns_an_age_this_summer_was_born_that_many_years_before(tmp_path):
    got = _events(_build(tmp_path, "turns.txt", (
        " date 2025-04-17\nActor at ease\n\n"
        "She married the chef Lawrence Tay in 2018, and their son, Anselm, turns 6 this summer.\n\n"
        "The ferry turns 50 this year. Robert Oduya turns 40 years old.\n")))
    assert ("birth", "2019", "Anselm") in got
    assert not {e for e in got if e[0] == "birth" and e[2] != "Anselm"}


def test_the_pair_and_the_newlyweds_are_the_couple_but_a_pair_of_shoes_is_no_one(tmp_path):
    got = _events(_build(tmp_path, "pair.txt", (
        " date 2024-06-20\nGardener to wed\n\n"
        "Presenter Ellen Marsh, 35, and carpenter George Penhale, 36, will tie the knot on 7 September. "
        "Ellen Marsh and her fiancé, George Penhale, met at school.\n\n"
        "The pair got engaged on 14 February on a beach at Treen.\n\n"
        "A pair of shoes got lost on 3 March.\n")))
    assert {e for e in got if e[0] == "engagement" and e[1] == "2024-02-14"}
    assert not {e for e in got if e[1] == "2024-03-03"}


def test_a_player_who_scored_twice_or_the_winner_played_the_dated_game(tmp_path):
    got = _events(_build(tmp_path, "match.txt", (
        " date 2025-10-12\nRovers win\n\nSimon Okwuosa scored twice as Brenholt Rovers beat Tarrow Town 2-1 on Saturday.\n\n"
        "Monica Adeyemi scored the winner on Wednesday night.\n\n"
        "Harold Pike scored twice as high as his brother on the test on Friday.\n")))
    assert {("game", "2025-10-11", "Simon Okwuosa"), ("game", "2025-10-08", "Monica Adeyemi")} <= got
    assert not {e for e in got if e[0] == "game" and e[2] == "Harold Pike"}


def test_a_pronoun_right_after_a_quotation_is_left_to_the_quotation_rules(tmp_path):
    got = _events(_build(tmp_path, "aside.txt", (
        " date 2025-02-12\nSleep study\n\nDr. Helen Osei led the study. Her husband, Martin Osei, was less sure.\n\n"
        "\"The sample was healthy,\" she said in an interview Tuesday evening.\n\n"
        "Diana Kell said in an interview on Monday that the work was sound.\n")))
    assert ("interview", "2025-02-10", "Diana Kell") in got
    # the protagonist a pronoun of an event rule stands for need not be who spoke the quotation
    assert not {e for e in got if e[0] == "interview" and e[1] == "2025-02-11"}


def test_a_pronoun_in_a_who_clause_is_the_person_the_clause_describes(tmp_path):
    """"Mayor Ann Kovac, who has backed the plan since she was elected in 2019": the election is the
    mayor's, not that of the woman the article is about (named most), whom "she" meant before."""
    g = _build(tmp_path, "council.txt", (
        " date 2025-05-20\n\nNadia Ferreira won the vote on Monday. Ferreira had asked for it twice. "
        "Ferreira thanked the council.\n\n"
        "Mayor Ann Kovac, who has backed the plan since she was elected in 2019, called the vote fair.\n"))
    appointed = {(who, date) for kind, date, who in _events(g) if kind == "appointment"}
    assert ("Ann Kovac", "2019") in appointed and not any(who == "Nadia Ferreira" for who, _ in appointed), _events(g)


def test_a_pronoun_born_under_another_name_is_the_birth_of_that_name(tmp_path):
    """"She was born Ada Kowalczyk on March 3, 1934": the birth name is who was born, so the birth is
    not left to the pronoun (which may stand for another woman the article names more often)."""
    got = _events(_build(tmp_path, "obit.txt", (
        " date 2025-10-02\nFerry captain dies\n\nTeodora Brisk, a ferry captain, died on Sunday. Her niece, "
        "Lucja Varnell, said Varnell's aunt was brave. Lucja Varnell called it a loss. Varnell wept.\n\n"
        "She was born Teodora Kowalczyk on March 3, 1934, in Brzana.\n")))
    births = {(date, who) for kind, date, who in got if kind == "birth"}
    assert ("1934-03-03", "Teodora Kowalczyk") in births, got
    assert not any(who == "Lucja Varnell" for _, who in births), got


def test_a_divorce_after_years_of_marriage_dates_the_wedding(tmp_path):
    """"who divorced him in 2010 after 38 years of marriage": the wedding is the years counted back
    from the date just before; with no date before them the years date nothing."""
    got = _events(_build(tmp_path, "estate.txt", (
        " date 2025-01-23\nOrchard estate\n\nRobert Crandon ran the orchard for decades. Crandon died in June. "
        "Crandon left no will. "
        "His former wife, Oona Thrupp, who divorced him in 2010 after 38 years of marriage, did not attend.\n\n"
        "Pell Amberly and Rhoda Quince are separating after 11 years of marriage.\n")))
    weddings = {(date, who) for kind, date, who in got if kind == "wedding"}
    assert ("1972", "Oona Thrupp") in weddings, got
    assert not any(who in ("Pell Amberly", "Rhoda Quince") for _, who in weddings), got


def test_an_anniversary_a_couple_celebrates_dates_their_wedding(tmp_path):
    """"celebrated their 50th wedding anniversary in June": the wedding that many years before; a
    museum's anniversary, or one a guest attends, dates no wedding."""
    got = _events(_build(tmp_path, "anniv.txt", (
        " date 2024-09-12\nGolden couple\n\nWalter Quillby and Irene Quillby celebrated their 50th wedding "
        "anniversary in June.\n\nThe Dunmere Museum celebrated its 50th anniversary in June. "
        "Ivo Stanger attended their 25th anniversary on Saturday.\n")))
    weddings = {(date, who) for kind, date, who in got if kind == "wedding"}
    assert {("1974-06", "Walter Quillby"), ("1974-06", "Irene Quillby")} <= weddings, got
    assert not any(who == "Ivo Stanger" for _, who in weddings), got


def test_would_have_celebrated_takes_the_anniversary_nearest_publication():
    """Said of the dead, "would have celebrated their 40th anniversary in August" names the August
    nearest publication: the coming one in July, the one just past in October."""
    def wedding(published: str, **groups) -> str | None:
        resolver = DateResolver({**SETTINGS, "months": {"August": 8}}, published)
        out = resolver.resolve(DateExpr(Span("a", 0, 1, "x"), "r", "age-turned", tuple(sorted(groups.items()))))
        return out and out.lexical

    would = {"would": "would have", "n": "40", "month": "August"}
    assert wedding("2025-07-09", **would) == "1985-08"
    assert wedding("2025-10-02", **would) == "1985-08"
    assert wedding("2025-01-10", **would) == "1984-08"
    # without "would have", a month told with the anniversary is the past one, as for a birthday
    assert wedding("2025-07-09", n="40", month="August") == "1984-08"


def test_a_prize_a_person_s_work_won_is_the_person_s_award(tmp_path):
    """"Last month her seeded rye won the Carrow Bread Prize": the award of the one whose work won it;
    a husband's or a team's prize is not hers."""
    got = _events(_build(tmp_path, "baker.txt", (
        " date 2024-06-10\nThe baker\n\nMargaret Brannock bakes before dawn. Brannock opened her shop in March. "
        "Last month her seeded rye won the Carrow Bread Prize, an award her father has never won.\n\n"
        "Robert Pellow's debut novel won the Strathby Prize in 2019.\n\n"
        "On Sunday her husband won the Carrow Pie Prize.\n")))
    awards = {(date, who) for kind, date, who in got if kind == "award"}
    assert {("2024-05", "Margaret Brannock"), ("2019", "Robert Pellow")} <= awards, got
    assert not any(date.startswith("2024-06") for date, _ in awards), got


def test_sunday_school_is_no_day_and_the_pair_met_is_a_first_meeting(tmp_path):
    """"where the pair first met at Sunday school 30 years ago": the meeting is dated by "30 years ago",
    not by a Sunday; "the pair met in the final" is a match, no couple's meeting."""
    got = _events(_build(tmp_path, "church.txt", (
        " date 2023-06-14\nChurch wedding\n\nEmma Stallard will marry her childhood sweetheart, Daniel Corrow, "
        "in the church where the pair first met at Sunday school 30 years ago. Stallard chose the date.\n\n"
        "Stallard and Corrow watched tennis. The pair met in the final on Saturday, the commentator said.\n")))
    meetings = {date for kind, date, who in got if kind == "meeting"}
    assert "1993" in meetings, got
    assert not any(date.startswith("2023") for date in meetings), got


def test_a_relative_clause_takes_no_date_past_its_closing_comma(tmp_path):
    """"Okonjo-Brill, who scored 14 goals for Rovers last season, could make his debut on Saturday":
    the scoring is not dated by the main clause's Saturday; a date inside the clause still dates it."""
    got = _events(_build(tmp_path, "sport.txt", (
        " date 2025-01-29\nNew striker\n\nThe club signed the striker Dele Okonjo-Brill on Monday. "
        "Okonjo-Brill, who scored 14 goals in 19 games for Rovers last season, could make his debut "
        "on Saturday night.\n\nHis agent, Ondine Yusuf, who brokered the deal in 2023, was there.\n")))
    actions = {(kind, date) for kind, date, who in got if who == "Dele Okonjo-Brill"}
    assert not any(kind == "happening" for kind, _ in actions), got
    assert ("happening", "2023", "Ondine Yusuf") in got, got


def test_a_post_by_someone_described_by_a_relative_clause_is_their_post(tmp_path):
    """"Councilwoman Ada Quillan, who voted no, had urged her colleagues in a Facebook post on Sunday":
    the post is hers, dated Sunday; the vote is not dated by it."""
    got = _events(_build(tmp_path, "council.txt", (
        " date 2025-05-20\nCouncil vote\n\nThe council approved the plan on Monday. Councilwoman Ada Quillan, "
        "who voted no, had urged her colleagues in a Facebook post on Sunday to wait.\n")))
    assert ("social-media-post", "2025-05-18", "Ada Quillan") in got, got
    assert not any(kind == "happening" and who == "Ada Quillan" for kind, _, who in got), got


def test_a_death_of_a_person_named_with_their_kin_has_its_person(tmp_path):
    """"since the death of Tomasz Vrell, father of singer Ada Ronan-Vrell, in October 2021": the death is
    his (the name is a person by the kin that follows it), not a death of no one."""
    got = _events(_build(tmp_path, "band.txt", (
        " date 2025-06-04\nNew record\n\nIt is the first record the band has made since the death of Tomasz "
        "Vrell, father of singer Ada Ronan-Vrell, in October 2021.\n")))
    assert ("death", "2021-10", "Tomasz Vrell") in got, got


# ---------------------------------------------------------------- general shapes of dated tellings (2)


def test_a_weekday_before_a_yearless_day_fixes_its_year(tmp_path):
    """"will be held Saturday, March 1": the clause break after the weekday hides the future, but the
    weekday says which year's March 1 it is (a Saturday in 2025, published 2025-02-20)."""
    assert _resolve("month-day", "2025-02-20", "past", month="March", day="1", weekday="Saturday")[:2] == \
        ("2025-03-01", "date")
    assert _resolve("month-day", "2025-02-20", None, month="March", day="1", weekday="Monday") is None
    got = _events(_build(tmp_path, "obit.txt", (
        " date 2025-02-20\nClockmaker dies\n\nOtto Brenneman, 91, died on Friday. A memorial service for Otto "
        "Brenneman will be held Saturday, March 1, at the Grange hall. His nephew, Piet Lorimer, married "
        "Ilse Vantongeren on Saturday, 14 September 2024.\n")))
    assert ("memorial", "2025-03-01", "Otto Brenneman") in got, got
    assert not {e for e in got if e[1] == "2024-03-01"}, got


def test_last_november_a_season_with_its_year_last_night_and_the_end_of_the_month(tmp_path):
    got = _events(_build(tmp_path, "dates.txt", (
        " date 2024-08-02\nNews\n\nLast November Odile Farrant-Kuhn suffered a miscarriage. "
        "Odile Farrant-Kuhn and Daniel Okoro split in 2020. Odile Farrant-Kuhn gave birth to a son in spring 2021. "
        "Daniel Okoro posted a video on TikTok last night. Daniel Okoro will step down at the end of the month, "
        "the club said.\n")))
    assert {("pregnancy-loss", "2023-11", "Odile Farrant-Kuhn"), ("divorce", "2020", "Daniel Okoro"),
            ("birth", "2021", "Odile Farrant-Kuhn"), ("social-media-post", "2024-08-01", "Daniel Okoro"),
            ("resignation", "2024-08", "Daniel Okoro")} <= got, got


def test_the_end_of_the_month_and_last_night_are_not_read_in_the_past_or_as_a_noun(tmp_path):
    got = _events(_build(tmp_path, "past.txt", (
        " date 2024-08-02\nNews\n\nIn 1990 Daniel Okoro resigned at the end of the month. It was the last night "
        "of the tour when Sela Imrie retired.\n")))
    assert not {e for e in got if e[1] in ("2024-08", "2024-08-01")}, got


def test_press_conferences_statements_and_speaking_participles_are_statements(tmp_path):
    got = _events(_build(tmp_path, "press.txt", (
        " date 2025-01-29\nClub signs striker\n\n"
        "Coach Dario Vukovic-Hale could barely hide his grin at his press conference on Tuesday afternoon. "
        "Marta Ilunga, the club's owner, issued a statement on Monday. "
        "Speaking outside the stadium yesterday, Ms Ilunga said the fee was fair.\n\n"
        "Speaking to The Coast Courier on Monday, Ms Ilunga said it was over. "
        "Perrin Adeyemi attended a news conference on Monday.\n")))
    assert {("statement", "2025-01-28", "Dario Vukovic-Hale"), ("statement", "2025-01-27", "Marta Ilunga"),
            ("statement", "2025-01-28", "Marta Ilunga")} <= got, got
    # an interview with a named paper is the interview rules' reading, not another statement
    assert not {e for e in got if e[0] == "statement" and e[1] == "2025-01-27" and e[2] != "Marta Ilunga"}, got
    assert not {e for e in got if e[2] == "Perrin Adeyemi" and e[0] == "statement"}, got


def test_a_post_with_what_was_shared_before_the_platform(tmp_path):
    got = _events(_build(tmp_path, "post.txt", (
        " date 2025-01-29\nProud father\n\nTunde Osagie-Brill shared a photo of the signing on Instagram last night. "
        "Ada Vey shared a flat on Reddit Street on Monday.\n")))
    assert ("social-media-post", "2025-01-28", "Tunde Osagie-Brill") in got, got
    assert not {e for e in got if e[0] == "social-media-post" and e[2] == "Ada Vey"}, got


def test_a_couple_that_split_or_separated_is_a_divorce(tmp_path):
    got = _events(_build(tmp_path, "split.txt", (
        " date 2024-03-27\nSinger looks back\n\nTomas Brekke, 44, sings. Tomas Brekke and Ines Calloway-Rudd separated in 2018. "
        "Her daughter is with ex-husband Darragh Feeney, whom she split from in 2020. "
        "Lina Marsh and Oskar Dahl split the bill in 2021.\n")))
    assert {("divorce", "2018", "Ines Calloway-Rudd"), ("divorce", "2020", "Darragh Feeney")} <= got, got
    assert not {e for e in got if e[0] == "divorce" and e[2] in ("Lina Marsh", "Oskar Dahl")}, got


def test_offices_taken_by_vote_in_a_second_verb_or_after_an_adverb_and_left_in_a_who_clause(tmp_path):
    got = _events(_build(tmp_path, "office.txt", (
        " date 2025-03-12\nNew chief\n\nThe board voted unanimously on Monday to appoint Ngozi Abara-Finch, 47, "
        "as chief executive. Ngozi Abara-Finch, 47, who will take over on April 1, said little. Ngozi Abara-Finch joined the firm in 2014 and was promoted to chief "
        "operating officer in 2020. Joel Restrepo-Lind was first elected to the state Senate in 2018. "
        "The shirt was worn by Luka Maric, who retired in December.\n\n"
        "The board voted on Monday to appoint a search committee.\n")))
    assert {("appointment", "2025-03-10", "Ngozi Abara-Finch"), ("happening", "2025-04-01", "Ngozi Abara-Finch"),
            ("appointment", "2020", "Ngozi Abara-Finch"), ("appointment", "2018", "Joel Restrepo-Lind"),
            ("resignation", "2024-12", "Luka Maric")} <= got, got


def test_births_founders_and_plans_told_in_more_shapes(tmp_path):
    got = _events(_build(tmp_path, "lives.txt", (
        " date 2024-11-06\nFamily news\n\nHonoria Kaczmarek-Lyle, who is married to the architect Tomasz "
        "Lyle, gave birth to her own first child, a son named Felix, in August. "
        "The shop was opened in 1953 by their father, Ernest Vail, a machinist. "
        "Mira Sand and Joss Orme met on the set of a film in 2019. "
        "Mira Sand is due to kick off her tour on November 14.\n\n"
        "Born June 3, 1933, in Grenner Township, Arvid Polk was the son of two farmers.\n")))
    assert {("birth", "2024-08", "Honoria Kaczmarek-Lyle"), ("birth", "2024-08", "Felix"),
            ("founding", "1953", "Ernest Vail"), ("happening", "2024-11-14", "Mira Sand"),
            ("birth", "1933-06-03", "Arvid Polk")} <= got, got


def test_an_obituary_pronoun_born_and_no_death_given_to_the_wrong_person(tmp_path):
    """A death told of a "he" after the sentence of a marriage belongs to nobody the rules can name
    with certainty: never to the woman, nor to the man the obituary is about."""
    got = _events(_build(tmp_path, "obit2.txt", (
        " date 2025-02-20\nStanislaw Wierzba, watchmaker, dies at 91\n\nStanislaw Wierzba, 91, died on Friday.\n\n"
        "Born June 3, 1933, in Grenner Township, he was the son of two farmers. He served two years in the "
        "Army and, on Oct. 9, 1954, married Dorothy Hurlbut at St. Hedwig Church.\n\n"
        "Her sister, Ruth Wierzba, married twice. In 1958 she married George Hardman, a lineman. "
        "He was killed in an ice storm in 1987.\n")))
    assert {("birth", "1933-06-03", "Stanislaw Wierzba"), ("wedding", "1954-10-09", "Dorothy Hurlbut")} <= got, got
    assert not {e for e in got if e[0] == "death" and e[1] == "1987" and e[2] != "George Hardman"}, got


def test_rites_of_burial_and_a_judge_s_sentence_are_dated(tmp_path):
    got = _events(_build(tmp_path, "rites.txt", (
        " date 2024-07-24\nWall collapse\n\nHarish Pillai-Rao, 58, died on Monday. The bodies of Fatima Siddiq and "
        "Ayaan Siddiq were laid to rest at the burial ground on Tuesday night. Pillai-Rao's last rites will be held "
        "at the crematorium on Thursday morning, relatives said.\n\n"
        "Justice Harpreet Sandhu-Gill of the Superior Court handed down the sentence on Tuesday afternoon. "
        "The Duke succeeded to the title in 2019 on the death of his father, Gerald Vane-Tempest.\n")))
    assert {("memorial", "2024-07-23", "Fatima Siddiq"), ("memorial", "2024-07-25", "Harish Pillai-Rao"),
            ("trial", "2024-07-23", "Harpreet Sandhu-Gill"), ("death", "2019", "Gerald Vane-Tempest")} <= got, got


def test_the_next_day_counts_from_the_written_date_and_is_no_base_for_later_offsets(tmp_path):
    """"struck on Aug. 13, 2022 ... arrested shortly after 1 a.m. the next day ... died two days later":
    the arrest is the 14th, and the death two days after the written date, the 15th ("after 1" is a
    time, not a clause that would keep the date from the arrest)."""
    got = _events(_build(tmp_path, "crash.txt", (
        " date 2024-05-17\nDriver sentenced\n\nAmara Fontaine-Diallo was struck by a truck on Aug. 13, 2022. "
        "Cormac Rourke-Delaney was arrested shortly after 1 a.m. the next day. "
        "Amara Fontaine-Diallo died in hospital two days later.\n")))
    assert {("arrest", "2022-08-14", "Cormac Rourke-Delaney"), ("death", "2022-08-15", "Amara Fontaine-Diallo")} <= got, got


def test_a_month_of_last_year_and_a_month_before_of_what(tmp_path):
    got = _events(_build(tmp_path, "months.txt", (
        " date 2024-05-17\nNews\n\nKai Blumfeld was convicted by a jury in February of impaired driving. "
        "Ilse Marquardt married Tomas Brekke-Lund in June of last year.\n")))
    assert {("trial", "2024-02", "Kai Blumfeld"), ("wedding", "2023-06", "Tomas Brekke-Lund")} <= got, got


def test_a_named_person_s_dated_death_wedding_arrest_or_leaving_as_a_noun(tmp_path):
    got = _events(_build(tmp_path, "nouns.txt", (
        " date 2025-03-12\nNews\n\nTobias Hallam, Sara Kimball, Ana Ruizova, Dan Mossop and Pia Lorne grew up in Eastvale.\n\n"
        "The town changed after Tobias Hallam's death in 2016. Guests praised Sara Kimball's "
        "wedding on Saturday. The firm has been quiet since Ana Ruizova's arrest on Monday. Dan Mossop's "
        "retirement in 2019 ended an era. Rosa Veyland was named the winner of the Halden Prize on Thursday. "
        "Marta Grantham filed a lawsuit on Monday.\n\n"
        "Pia Lorne's death certificate in 2016 was lost. Marta Grantham filed a complaint with the police on Friday.\n")))
    assert {("death", "2016", "Tobias Hallam"), ("wedding", "2025-03-08", "Sara Kimball"),
            ("arrest", "2025-03-10", "Ana Ruizova"), ("resignation", "2019", "Dan Mossop"),
            ("award", "2025-03-06", "Rosa Veyland"), ("lawsuit", "2025-03-10", "Marta Grantham")} <= got, got
    assert not {e for e in got if e[2] == "Pia Lorne" and e[0] == "death"}, got
    assert not {e for e in got if e[0] == "lawsuit" and e[1] == "2025-03-07"}, got


def test_the_elder_of_two_people_sharing_a_surname_is_not_credited_with_a_post(tmp_path):
    got = _events(_build(tmp_path, "elder.txt", (
        " date 2025-01-29\nStriker signs\n\nEmeka Adebayo-Lowe signed for the club on Tuesday. His father, Tunde "
        "Adebayo-Lowe, watched. The elder Adebayo-Lowe shared a photo of the signing on Instagram last night.\n")))
    assert not {e for e in got if e[0] == "social-media-post" and e[2] == "Emeka Adebayo-Lowe"}, got


def test_this_spring_is_a_season_of_the_year_of_publication_but_this_winter_is_not(tmp_path):
    got = _events(_build(tmp_path, "season.txt", (
        " date 2025-02-12\nSleep study\n\nDaniel Sandor will start recruiting volunteers this spring. "
        "Maria Kertesz will start filming the series this winter.\n")))
    assert ("happening", "2025", "Daniel Sandor") in got, got
    assert not {e for e in got if e[2] == "Maria Kertesz"}, got


def test_a_statement_whose_speaker_is_named_after_a_title_set_off_by_commas(tmp_path):
    got = _events(_build(tmp_path, "palace.txt", (
        " date 2024-11-06\nA daughter for the Duke\n\nIn a short statement issued by Carrowby Castle on Monday, "
        "the Duke, Edmund Vane-Tempest, said they were overjoyed.\n")))
    assert ("statement", "2024-11-04", "Edmund Vane-Tempest") in got, got


def test_a_he_or_she_in_an_event_is_the_nearest_person_of_that_gender(tmp_path):
    """"He died in 2015" after "His brother, Ernest Hale, ran the mill" is Ernest's death, never the
    protagonist's; "In 1975 she became the first woman elected …" after a quotation by Thomas Quill is
    the woman's (a given name tells his gender); "the illness from which she died" is the mother's
    who was diagnosed with it, not the daughter who told the court."""
    g = _build(tmp_path, "a.txt", (
        " date 2024-05-10\nWalter Hale ran the farm for 40 years. Hale sold it in 1990. "
        "His brother, Ernest Hale, ran the mill. He died in 2015.\n\n"
        "Margaret Pruitt taught English. \"She told us a poem was something you carried,\" said Thomas Quill, "
        "a former student.\n\nIn 1975 she became the first woman elected to the Alder Falls Board of Selectmen.\n\n"
        "Bríd Cassidy told the court her father raised the matter in 2011, shortly after her mother, "
        "Kathleen Dolan, had been diagnosed with the illness from which she died two years later.\n"))
    got = _events(g)
    assert ("death", "2015", "Ernest Hale") in got, sorted(got)
    assert not [e for e in got if e[0] == "death" and e[2] == "Walter Hale"], sorted(got)
    assert not [e for e in got if e[1] == "1975" and e[2] == "Thomas Quill"], sorted(got)
    assert not [e for e in got if e[0] == "death" and e[2] == "Bríd Cassidy"], sorted(got)
    assert ("appointment", "1975", "Margaret Pruitt") in got and ("death", "2013", "Kathleen Dolan") in got, sorted(got)


def test_a_dated_doing_of_he_or_she_opening_a_sentence_and_no_date_past_a_clause_of_its_own(tmp_path):
    """"She qualified as a train driver in June 2022" after her name is a dated happening of hers; "He
    served two years in the Army and, on Oct. 9, 1954, married …" dates the marriage, not the service,
    and "spent most of 2024 on the team" is a stretch of time, no event of that year."""
    g = _build(tmp_path, "a.txt", (
        " date 2025-03-14\nA headline of no one\n\nWang Xiaoyu grew up in Hefei. She qualified as a "
        "high-speed train driver in June 2022 after passing a series of examinations.\n\n"
        "Wayne Ostrander is a police officer. He served four years in the military and has been an officer "
        "with the Tolland Ridge police since 2021.\n\nElena Vasquez joined the team. She had spent most "
        "of 2024 on the academy squad.\n"))
    got = _events(g)
    assert [e for e in got if e[1] == "2022-06" and e[2] == "Wang Xiaoyu"], sorted(got)
    assert not [e for e in got if e[1] == "2021" and e[2] == "Wayne Ostrander"], sorted(got)
    assert not [e for e in got if e[1] == "2024" and e[2] == "Elena Vasquez"], sorted(got)


def test_a_death_named_in_a_sentence_about_an_arrest_takes_no_date_of_the_arrest(tmp_path):
    g = _build(tmp_path, "arrest.txt", " date 2026-01-23\nA headline\n\n"
               "A Renwick man was arrested Tuesday and charged with vehicular homicide in the death of "
               "Gloria Pettibone, the sheriff's office said.\n\n"
               "The crew trained in March 2022 after the death of a farmhand, Arnold Pike, in a bin near "
               "Otterby in 2017.\n")
    deaths = {(d, who) for kind, d, who in _events(g) if kind == "death"}
    assert not {d for d, who in deaths if who == "Gloria Pettibone"}
    assert deaths >= {("2017", "Arnold Pike")} and ("2022-03", "Arnold Pike") not in deaths


def test_the_same_day_of_another_year_is_that_year_not_the_date_before_it(tmp_path):
    g = _build(tmp_path, "anniversary.txt", " date 2025-12-17\nA headline\n\n"
               "The proposal came on Dec. 14, the wedding anniversary of his parents, Ramon Dimaculangan and "
               "Teresita Dimaculangan, who were married on the same day in 1990.\n")
    weddings = {d for kind, d, who in _events(g) if kind == "wedding"}
    assert "2025-12-14" not in weddings


def test_an_obituary_s_closing_line_gives_the_birth_and_the_death(tmp_path):
    got = _events(_build(tmp_path, "footer.txt", (
        " date 2026-02-20\nOrla Penhallow obituary\n\n"
        "My friend Orla Penhallow, who has died aged 87, ran the village library for thirty years.\n\n"
        "Orla Penhallow, librarian, born 3 May 1938; died 31 January 2026\n\n"
        "Col. Tobias Renwick, born April 2 1938, died September 14 2025\n")))
    assert ("birth", "1938-05-03", "Orla Penhallow") in got
    assert ("death", "2026-01-31", "Orla Penhallow") in got
    assert ("death", "2025-09-14", "Tobias Renwick") in got
    # the birth date on that line is never the death's
    assert not {e for e in got if e[0] == "death" and e[1].startswith("1938")}


def test_a_deed_of_a_person_named_with_a_courtesy_title_is_dated(tmp_path):
    """"Mr Pettigrew, 68, joined the brigade in 1975": the title is not part of the name and
    no longer hides the deed; a name set off inside a phrase that follows "by" or "of" is that
    phrase's, not the subject of the verb after it; informing a court is a saying, not a deed."""
    got = _events(_build(tmp_path, "brigade.txt", (
        " date 2025-11-20\nVolunteers honoured\n\n"
        "Mr Halloran Voss, 68, joined the brigade in 1975 as a teenager.\n\n"
        "The engineer, head of a firm founded by his late father, Mr Edric Lamb, was nominated on January 15 "
        "by the elders.\n\n"
        "Mr Kestrel informed the bench that a meeting held last month had failed.\n")))
    assert {e for e in got if e[1] == "1975" and e[2] == "Halloran Voss"}
    assert not {e for e in got if e[2] == "Edric Lamb"}
    assert not {e for e in got if e[2] == "Kestrel"}


def test_a_relative_named_in_apposition_died_and_a_vigil_years_later_is_not_for_them(tmp_path):
    got = _events(_build(tmp_path, "vigil.txt", (
        " date 2025-02-24\nNeighbours rally after house fire\n\n"
        "Lorna Quickfall lost everything when fire tore through her bungalow on Tuesday.\n\n"
        "Her husband, Edwin Quickfall, died in 2016.\n\n"
        "A vigil was held on Saturday outside the burnt-out house.\n")))
    assert ("death", "2016", "Edwin Quickfall") in got
    # the vigil follows no death of its year: it is for no one rather than for a man who died in 2016
    assert not {e for e in got if e[0] == "memorial"}


def test_a_company_founded_by_its_name_with_a_co_founder(tmp_path):
    got = _events(_build(tmp_path, "lawsuit.txt", (
        " date 2025-05-02\nRestaurateur sues partner\n\n"
        "Ana Quillon, who co-founded Lume Hospitality Group with chef Tomas Ferrando in 2014, alleges he took money.\n\n"
        "Tomas Ferrando opened Saturday's tasting in 2019.\n")))
    assert {("founding", "2014", "Ana Quillon"), ("founding", "2014", "Tomas Ferrando")} <= got
    assert not {e for e in got if e[0] == "founding" and e[1] == "2019"}


def test_a_deed_whose_verb_tells_its_kind_is_of_that_kind(tmp_path):
    """A happening read from any verb is a wedding, a death, an engagement or a post where the verb
    says so (events.yaml `read_as`), its doer in the kind's role; other verbs stay happenings."""
    g = _build(tmp_path, "kinds.txt", (
        " date 2025-10-20\nA family year\n\n"
        "Ruth Quarrie married the actor Clive Harwood, her co-star, in 1974.\n\n"
        "Ines Vallory drowned off Tarrow Point in 2011.\n\n"
        "Dale Ortell proposed at the finish line on Sunday. Dale Ortell posted a photo of the ring on Monday.\n\n"
        "Ines Vallory won the county title in 2009. Dale Ortell took over the family bakery in 2015.\n\n"
        "Ruth Quarrie retired in 2019. Ruth Quarrie won the gold medal in 2021. Ines Vallory painted the barn in 2022.\n"))
    got = _events(g)
    assert ("wedding", "1974", "Ruth Quarrie") in got
    assert ("death", "2011", "Ines Vallory") in got
    assert ("engagement", "2025-10-19", "Dale Ortell") in got
    assert ("social-media-post", "2025-10-20", "Dale Ortell") in got
    assert ("appointment", "2015", "Dale Ortell") in got
    assert ("resignation", "2019", "Ruth Quarrie") in got
    assert ("game", "2009", "Ines Vallory") in got
    assert ("award", "2021", "Ruth Quarrie") in got
    assert ("happening", "2022", "Ines Vallory") in got
    assert not {e for e in got if e[0] == "happening" and e[1] != "2022"}


def test_a_read_as_entry_names_a_declared_kind_and_a_role():
    from graph.errors import RuleError
    from graph.rules.ruleset import _validate_read_as
    kinds = {"wedding": {}, "happening": {}}
    _validate_read_as([{"action": "married", "kind": "wedding", "role": "attendee"}], kinds, "events.yaml", 3, "happening")
    for bad, says in (([{"action": "married", "kind": "llama-wedding", "role": "attendee"}], "unknown event kind"),
                      ([{"action": "married", "kind": "wedding", "role": "groom"}], "role must be one of"),
                      ([{"action": "(married", "kind": "wedding", "role": "attendee"}], "no valid pattern"),
                      ([{"action": "married"}], "read_as items take action, kind and role"),
                      ("married", "read_as must be a list")):
        with pytest.raises(RuleError, match=says):
            _validate_read_as(bad, kinds, "events.yaml", 3, "happening")


def test_a_relative_clause_that_tells_a_marriage_or_a_retirement_is_dated(tmp_path):
    got = _events(_build(tmp_path, "clauses.txt", (
        " date 2025-04-02\nShop turns 100\n\n"
        "Priya Mercer, who married in 2016, runs the till. Dean Mottram, who retired in 2024, still calls in.\n")))
    assert ("wedding", "2016", "Priya Mercer") in got
    assert ("resignation", "2024", "Dean Mottram") in got


def test_deaths_told_as_pronounced_dead_joined_the_ancestors_or_until_their_death(tmp_path):
    got = _events(_build(tmp_path, "deaths.txt", (
        " date 2025-10-20\nA town remembers\n\n"
        "Gloria Pettaway was pronounced dead at the scene on Saturday.\n\n"
        "He succeeds his uncle, Nana Kwame Ofori II, who joined his ancestors in August 2022.\n\n"
        "His father, Aram Kasparov, opened the shop in 1986 and ran it until his death in 2020.\n\n"
        "Lena Brisk nursed Tom Ardelle until his death in 2011.\n")))
    assert ("death", "2025-10-18", "Gloria Pettaway") in got
    assert ("death", "2022-08", "Nana Kwame Ofori II") in got or ("death", "2022-08", "Kwame Ofori II") in got
    assert ("death", "2020", "Aram Kasparov") in got
    assert not {e for e in got if e[0] == "death" and e[2] == "Lena Brisk"}


def test_a_place_is_no_one_who_died_and_a_place_in_an_apposition_keeps_its_person(tmp_path):
    g = _build(tmp_path, "trucker.txt", (
        " date 2024-05-02\nOrla Vant and Kit Mayo share a father: Dale Ruskin, a long-haul trucker from Pinecrest, "
        "Arizona, who died in 2019.\n\nThe deal was opposed by Ines Tarr, the widow of the chairman's eldest son, "
        "Lev Tarr, who died in 2021 at age 52.\n"))
    got = _events(g)
    assert {("death", "2019", "Dale Ruskin"), ("death", "2021", "Lev Tarr")} <= got
    labels = {str(o) for e, o in g.subject_objects(RDFS.label) if "/event/" in str(e)}
    # neither a place nor the widow named before the dead man's name is the one who died
    assert not {x for x in labels if "Arizona" in x or "Ines Tarr" in x}, labels


def test_a_post_held_since_a_month_and_joining_past_a_relative_clause_are_appointments(tmp_path):
    got = _events(_build(tmp_path, "posts.txt", (
        " date 2025-06-02\nAde Bello, who has been in office since May 2023, arrived late. Her father, Greg Orrin, "
        "has been captain of Tallowood Beach Surf Life Saving Club since 2017.\n\n"
        "Mira Solheim, who grew up in the coastal town of Fjellvik, joined Northlight Aid in 2021 after four years "
        "at a hospital.\n\nNell Ashdown, 52, who was named to the council's panel of umpires in 2012, spoke. "
        "Kit Rowe, who was named as the league's Player of the Year in 2014, did not.\n")))
    assert {("appointment", "2023-05", "Ade Bello"), ("appointment", "2017", "Greg Orrin"),
            ("appointment", "2021", "Mira Solheim"), ("appointment", "2012", "Nell Ashdown")} <= got
    assert not {e for e in got if e[0] == "appointment" and e[2] == "Kit Rowe"}


def test_a_wedding_to_a_described_spouse_and_deaths_of_people_described_after_their_name(tmp_path):
    got = _events(_build(tmp_path, "lives.txt", (
        " date 2026-03-10\nStartup chief Arjun Mehra, 34, married Bharatanatyam dancer Isha Raghu, 31, on Saturday "
        "(March 7) at the palace.\n\nRosa Albano stayed behind when Rosa married my grandfather, Salvo Albano, in "
        "the spring of 1952.\n\nTheir uncle, Datta Apte, also a railway employee, died in 2011. Ellen Whitcombe, "
        "known to everyone in the capital as Nell, died in 2019. He was predeceased by his wife Nora Brennock "
        "(née Hickey), who died in 2017.\n")))
    assert {("wedding", "2026-03-07", "Arjun Mehra"), ("wedding", "2026-03-07", "Isha Raghu"),
            ("wedding", "1952", "Salvo Albano"), ("death", "2011", "Datta Apte"),
            ("death", "2019", "Ellen Whitcombe"), ("death", "2017", "Nora Brennock")} <= got


def test_persons_only_must_be_true_or_false(rules_copy):
    from graph.errors import RuleError
    from graph.rules.ruleset import load_rules
    path = rules_copy / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  death:\n    persons_only: true\n", "  death:\n    persons_only: sometimes\n", 1),
                    encoding="utf-8")
    with pytest.raises(RuleError, match="persons_only must be true or false"):
        load_rules(rules_copy, cache=False)


def test_an_organisation_named_where_a_death_s_person_stands_is_no_death(tmp_path):
    g = _build(tmp_path, "sound.txt", (
        " date 2025-03-02\nThe album is dedicated to his father, Winston McKay, the founder and selector of Flexmatic "
        "Sound System, who died in October 2024.\n\nFlexmatic Sound System played on Saturday.\n"))
    labels = {str(o) for e, o in g.subject_objects(RDFS.label) if "/event/" in str(e)}
    assert not {x for x in labels if "Flexmatic" in x}, labels


def test_a_reading_of_the_name_alone_leaves_the_verb_after_it_its_own_event(tmp_path):
    got = _events(_build(tmp_path, "runner.txt", (
        " date 2025-09-18\nBorn in Cardiff in 1999, Imogen Vale-Price won her first national senior title in 2023 "
        "and was regarded as a prospect.\n")))
    assert ("birth", "1999", "Imogen Vale-Price") in got
    assert {e for e in got if e[1] == "2023" and e[2] == "Imogen Vale-Price"}


def test_a_he_standing_for_a_surname_two_people_bear_is_neither(tmp_path):
    got = _events(_build(tmp_path, "kopitiam.txt", (
        " date 2026-01-21\nSon faces jail over shop takings\n\n"
        "For four decades, the kopitiam was known for its kaya toast.\n\n"
        "But the business that Mr Tan Ah Kow built from a single drinks stall was drained by his elder son, a court "
        "heard.\n\nTan Kian Huat, 48, pleaded guilty last month to two counts of criminal breach of trust.\n\n"
        "From early 2019, Tan began keeping two sets of books. In 2022, he set up a company called KH Holdings "
        "and forged his mother's signature.\n")))
    assert not {e for e in got if e[1] == "2022" and e[2] == "Tan Ah Kow"}, got


def test_the_couple_read_as_a_name_no_one_bears_is_no_one(tmp_path):
    g = _build(tmp_path, "couple.txt", (
        " date 2025-01-10\nQuarterback Cole Marrow retires\n\nCole Marrow Jr. retired on Thursday. His father, "
        "Cole Marrow Sr., watched. Marrow said he was ready.\n\nBrianna Marrow, who met her husband at college, "
        "said the family had talked about it for years. The couple married in June 2014.\n"))
    people = {str(p) for p in g.subjects(RDFS.label, None) if "/person/" in str(p)}
    # every participant of an event is a person the graph describes, never a bare node of a name
    attendees = {str(o) for s, p, o in g if str(p).endswith("attendee")}
    assert attendees <= people, attendees - people
