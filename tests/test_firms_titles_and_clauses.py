"""Readings that unseen news of several house styles needs and that must not overreach: a firm's name that
joins two surnames with a hyphen or drops its legal form, a name inside a relative clause about a speaker, a
given name the world's records give either gender, a marriage's length written loosely, a nationality before
a spouse's trade, a middle initial after two given names, Malaysian honours, and streets named after people.

Each case is a small invented article read by the extraction step (graph.match.extract), as the rules see
it; every case that reads something has a counter-case of the same shape where the reading must not hold.
"""

from __future__ import annotations

import pytest

from tests.conftest import article_reader, extract_body, named, speakers, ties

ARTICLES = {
    # a firm named for two founders, written with its legal form once and without it after: each word is
    # the firm's, never the founder named in full elsewhere
    "hyphenated-firm": """A jury found on Thursday that packaging giant Brandt-Hollis Corp. infringed two patents held by Ostrander Pruitt Inc.

Brandt-Hollis said in a statement that it disagreed with the verdict. Ostrander Pruitt said it was pleased.

Brandt-Hollis was founded in 1958 by Arthur Hollis and Karl Brandt. Eleanor Ostrander and her husband, Walter Pruitt, founded Ostrander Pruitt in 1994.
""",
    # the founder's surname written alone, not joined to another name: still his
    "founder-alone": """Karl Brandt founded a packaging company in 1958.

Brandt said in 1990 that he would never sell it.
""",
    # a bare surname two people bear, after a sentence whose subject bears it and a relative clause about
    # him names the other: the subject, who is the one reported speaking
    "relative-clause": """Jamie Muise, 44, whose grandfather, Clovis Muise, helped pour the concrete for the wharf in 1951, said he had voted with his feet.

"I'm not going to pretend the price is fair," Muise said.
""",
    # the one named outside any clause and reported speaking is still the one just met
    "met-speaking": """Jamie Muise, 44, has fished from the wharf for twenty years. His grandfather, Clovis Muise, said the wharf was built in 1951.

"It was poured by hand," Muise said.
""",
    # a given name the world's records give either gender (Darcy) tells none: the he after a sentence whose
    # subject is Darcy Friesen, with no man named nearer, is Darcy Friesen
    "either-gender": """Lorne Friesen, the club manager, said more than 100 people watched the final.

Darcy Friesen, reached by phone, said the better team won on Sunday.

"They made the shots when they needed to," he said.
""",
    # a name the lists give one gender (Deborah) keeps it: the he is not her
    "one-gender": """Lorne Friesen, the club manager, said more than 100 people watched the final.

Deborah Friesen, reached by phone, said the better team won on Sunday.

"They made the shots when they needed to," he said.
""",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory, rules):
    return article_reader(tmp_path_factory, rules, ARTICLES)


def test_a_hyphenated_firm_and_its_short_name_are_the_firms(read):
    x = read("hyphenated-firm")
    people = named(x)
    assert "Brandt Hollis" not in people
    assert {"Karl Brandt", "Walter Pruitt", "Arthur Hollis", "Eleanor Ostrander"} <= people
    brandt = [m for m in x.mentions if m.ref.value == "Karl Brandt"]
    assert [m.span.exact for m in brandt] == ["Karl Brandt"]  # never the Brandt of Brandt-Hollis
    pruitt = [m for m in x.mentions if m.ref.value == "Walter Pruitt"]
    assert [m.span.exact for m in pruitt] == ["Walter Pruitt"]  # never the Pruitt of Ostrander Pruitt
    firm = [m.span.exact for m in x.mentions if m.ref.value == "Ostrander Pruitt Inc."]
    assert firm.count("Ostrander Pruitt") == 2


def test_a_founders_surname_alone_is_still_his(read):
    x = read("founder-alone")
    assert [m.span.exact for m in x.mentions if m.ref.value == "Karl Brandt"] == ["Karl Brandt", "Brandt"]


def test_a_name_inside_a_relative_clause_is_not_the_one_reported_speaking(read):
    assert speakers(read("relative-clause"), "pretend the price") == {"Jamie Muise"}


def test_a_bearer_met_speaking_outside_any_clause_is_still_the_one(read):
    assert speakers(read("met-speaking"), "poured by hand") == {"Clovis Muise"}


def test_a_given_name_of_either_gender_tells_none(read, rules):
    assert rules.given_gender("Darcy Friesen") is None
    assert speakers(read("either-gender"), "made the shots") == {"Darcy Friesen"}


def test_a_given_name_of_one_gender_keeps_it(read, rules):
    assert rules.given_gender("Deborah Friesen") == "f"
    assert "Deborah Friesen" not in speakers(read("one-gender"), "made the shots")


@pytest.mark.parametrize("body, tie", [
    ("Helen Cheetham won the seat, beating her husband of more than 30 years, Martin Cheetham, in the count.",
     ("Helen Cheetham", "spouse", "Martin Cheetham")),
    ("Ann Lee came with her husband of nearly five decades, Tom Lee, on Sunday.", ("Ann Lee", "spouse", "Tom Lee")),
    ("Aylin Kessler married Romanian tightrope walker Mircea Dragomir in August.",
     ("Aylin Kessler", "spouse", "Mircea Dragomir")),
])
def test_spouses_read_through_loose_years_and_a_nationality(tmp_path, rules, body, tie):
    x = extract_body(tmp_path, rules, body + "\n")
    assert tie in ties(x) or (tie[2], tie[1], tie[0]) in ties(x)
    assert "Romanian" not in named(x)


@pytest.mark.parametrize("body, people, places", [
    ("The bishop ordained Rev. Fr. Jose Emmanuel D. Villanueva, 31, on Monday.", {"Jose Emmanuel D. Villanueva"}, set()),
    ("Maria Luisa T. Santos spoke on Monday.", {"Maria Luisa T. Santos"}, set()),
    ("His wife, Datin Rosnah Ismail, said on Monday that she was proud.", {"Rosnah Ismail"}, set()),
    ("The consort, Datuk Seri Mohd Shahrin Abdul Ghani, attended on Monday.", {"Mohd Shahrin Abdul Ghani"}, set()),
    ("The opera runs at the Teatro Moreira, on Avenida Doctor Ignacio Lasalle, until May 3.", set(),
     {"Avenida Doctor Ignacio Lasalle"}),
    ("Two students received the first Ananya Menon Memorial Scholarships. Ananya Menon died in 2025.",
     {"Ananya Menon"}, set()),
    ("Runner-up Tomasz said he was gutted. Tomasz Wróbel, 29, is a barber.", {"Tomasz Wróbel"}, set()),
    ("Tiana Bracewell shared a photo of her Baby Girl on Sunday.", {"Tiana Bracewell"}, set()),
])
def test_names_of_people_and_streets(tmp_path, rules, body, people, places):
    x = extract_body(tmp_path, rules, body + "\n")
    assert named(x) == people
    assert places <= named(x, "Place")


def test_a_firm_after_its_trade_in_the_plural(tmp_path, rules):
    x = extract_body(tmp_path, rules, "She won a cookbook deal with publishers Hartley Marsh on Friday.\n")
    assert "Hartley Marsh" in named(x, "Organization") and not named(x)


def test_an_obituarys_couple_in_parentheses_is_the_their_of_their_children(tmp_path, rules):
    x = extract_body(tmp_path, rules, "Ruth Brandvold died on Monday. She is survived by her children, David (Karen) "
                     "Brandvold of Fargo and their children, Emily and Jacob; Susan (Mark) Oyelaran of Minneapolis and "
                     "their children, Noah and Grace.\n")
    found = ties(x)
    assert ("Susan Oyelaran", "spouse", "Mark Oyelaran") in found or ("Mark Oyelaran", "spouse", "Susan Oyelaran") in found
    assert {("Noah", "parent", "Susan Oyelaran"), ("Grace", "parent", "Mark Oyelaran")} <= found
    assert not {t for t in found if t[0] in ("Noah", "Grace") and t[2] in ("Emily", "Jacob")}


def test_a_firm_short_name_that_is_no_persons_is_the_firms(tmp_path, rules):
    x = extract_body(tmp_path, rules, "A jury found that Vantorre Logistics Inc. owed Tom Vantorre $2 million. "
                     "Vantorre Logistics said it would appeal.\n")
    spans = [m.span.exact for m in x.mentions if m.ref.value == "Vantorre Logistics Inc."]
    assert "Vantorre Logistics" in spans


def test_a_place_owning_an_organisation_is_no_part_of_its_name(tmp_path, rules):
    x = extract_body(tmp_path, rules, "The astrolabe went on show in Dubai on Monday, when Dubai’s Bait Al Khaldi Museum "
                     "announced the purchase.\n")
    assert "Bait Al Khaldi Museum" in named(x, "Organization")
    assert "Dubai’s Bait Al Khaldi Museum" not in named(x, "Organization")


def test_a_founders_possessive_stays_in_the_name(tmp_path, rules):
    x = extract_body(tmp_path, rules, "She was treated at St Mary’s Hospital in Dubai on Monday.\n")
    assert "St Mary’s Hospital" in named(x, "Organization")
