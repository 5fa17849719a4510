"""Readings that unseen news needs and that must not overreach: a run of sentences that each name a relative of
"her", and the titles of nobility, of a pilgrim and of an elder that stand before a name and are no part of it.

Each case is a small invented article read by the extraction step (graph.match.extract), as the rules see
it; every case that reads something has a counter-case of the same shape where the reading must not hold.
"""

from __future__ import annotations

import pytest

from tests.conftest import article_reader, named, ties

ARTICLES = {
    # sentences that each open with "Her <relative>, <name>" list one woman's family: the relatives named in
    # the earlier sentences are not whose the later ones are
    "family-list": """Ellie Marchbank, 19, was named in the state squad on Monday.

Cricket runs deep in the family. Her mother, Robyn Marchbank, played 19 matches for the state side under her maiden name, Robyn Tully. Her twin brother, Josh Marchbank, keeps wicket for the Magpies, and her father, Gary Marchbank, has driven the team bus for 14 years.
""",
    # a sentence about the mother between the two breaks the list: the "her" after it is the mother's
    "list-broken": """Ellie Marchbank, 19, was named in the state squad on Monday.

Her mother, Robyn Marchbank, played 19 matches for the state side. She later coached the Magpies for a decade. Her brother, Alan Tully, ran the club.
""",
    "nobility": """Countess Ebba Falkenkrona died on Tuesday at 94.

Her death was announced by her son, Count Fredrik Falkenkrona. In 1954 she married Count Carl-Henrik Falkenkrona, eleven years her senior. She is survived by her brother, Baron Claes Ankarsköld.

When the phone rang, Haji Ghulam Rasool Kamboh was asleep.

“We said, come and live with us,” said Baba Sipho, speaking in isiZulu.
""",
    # a peer's title with his territorial name, and a hall named after a pilgrim, name nobody
    "peerage": """Rupert is the younger son of Viscount and Viscountess Aldermoor.

The result was declared at Dewan Haji Salleh at 9.47pm.
""",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory, rules):
    return article_reader(tmp_path_factory, rules, ARTICLES)


def test_sentences_each_naming_a_relative_of_her_list_one_womans_family(read):
    found = ties(read("family-list"))
    assert {("Ellie Marchbank", "parent", "Robyn Marchbank"), ("Ellie Marchbank", "parent", "Gary Marchbank")} <= found
    assert ("Ellie Marchbank", "sibling", "Josh Marchbank") in found or ("Josh Marchbank", "sibling", "Ellie Marchbank") in found
    assert not {t for t in found if "Robyn Marchbank" in (t[0], t[2]) and t[1] == "sibling"}
    assert ("Robyn Marchbank", "parent", "Gary Marchbank") not in found


def test_a_sentence_about_the_relative_between_breaks_the_list(read):
    found = ties(read("list-broken"))
    assert ("Alan Tully", "sibling", "Robyn Marchbank") in found or ("Robyn Marchbank", "sibling", "Alan Tully") in found
    assert not {t for t in found if "Ellie Marchbank" in (t[0], t[2]) and "Alan Tully" in (t[0], t[2])}


def test_titles_of_nobility_a_pilgrim_and_an_elder_are_no_part_of_the_name(read):
    x = read("nobility")
    people = named(x)
    assert {"Ebba Falkenkrona", "Carl-Henrik Falkenkrona", "Ghulam Rasool Kamboh", "Sipho"} <= people
    found = ties(x)
    assert ("Fredrik Falkenkrona", "parent", "Ebba Falkenkrona") in found
    assert ("Claes Ankarsköld", "sibling", "Ebba Falkenkrona") in found or ("Ebba Falkenkrona", "sibling", "Claes Ankarsköld") in found
    titled = ("Count", "Countess", "Baron", "Haji", "Baba")
    assert not {p for p in people | {n for t in found for n in (t[0], t[2])} if p.split()[0] in titled}


def test_a_peers_territorial_title_and_a_hall_named_after_a_pilgrim_name_nobody(read):
    people = named(read("peerage"))
    assert "Aldermoor" not in people and "Salleh" not in people
