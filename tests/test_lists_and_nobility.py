"""Readings that unseen news needs and that must not overreach: a run of sentences that each name a relative of
"her", the man an article is about where his surname tells no gender, the one born of a sentence opening "Born …
to", a source close to someone, a name inside a relative clause or after a fronted phrase's preposition, a rank before a relative's name, and the titles of nobility, of a pilgrim and of an
elder that stand before a name and are no part of it.

Each case is a small invented article read by the extraction step (graph.match.extract), as the rules see
it; every case that reads something has a counter-case of the same shape where the reading must not hold.
"""

from __future__ import annotations

import pytest

from tests.conftest import article_reader, named, speakers, ties

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
    # the man the article is about, whose bare surname his wife shares (Mr and Mrs Fairbrother: the text tells
    # no one gender of "Fairbrother"), is whose wife "his wife" names where she bears his surname and the man
    # named nearer does not: his given name tells his gender
    "protagonist-surname": """Graeme Fairbrother, 61, died on 14 March 2024 on the family farm at Mōkai Flats, west of Taupaki Junction, when his quad bike rolled backwards on a steep face known locally as Dobson’s Face and pinned him underneath.

In findings released on Monday, Coroner Helen Marsters-Ngata said the bike had no roll bar and that Mr Fairbrother was not wearing a helmet.

“Mr Fairbrother was an experienced and careful farmer. That is precisely why his death should concern every farming family in this country,” the coroner wrote.

“If it can happen to him, on a slope he knew better than anyone, it can happen to anyone.”

The inquest, held at the Taupaki Junction District Court in November, heard that Mr Fairbrother had gone out alone just after 6am to check ewes before heavy rain.

He was found shortly before 11am by his son-in-law, Jacob Whitiora, who had become worried when his father-in-law missed morning tea.

In evidence read at the inquest, Mr Whitiora described seeing the upturned bike from the ridge. “I knew straight away,” he said. “Graeme was never late for smoko. Not once in six years.”

His wife, Lorraine Fairbrother, told the coroner her husband had talked about buying a roll bar for “at least three seasons” but kept putting it off because of the cost.

“He used to say, ‘She’ll be right, I know that hill,’” Mrs Fairbrother said in her statement. “I don’t want another wife to hear that and believe it.”
""",
    # the same where the given name is a woman's: "his wife" is not hers
    "protagonist-either": """Deborah Fairbrother, 61, died on 14 March 2024 on the family farm.

In findings released on Monday, the coroner said Fairbrother was not wearing a helmet.

Fairbrother was found by a son-in-law, Jacob Whitiora, who had become worried when Fairbrother missed morning tea.

In evidence read at the inquest, Mr Whitiora described seeing the upturned bike. “I knew straight away,” he said.

His wife, Lorraine Fairbrother, told the coroner about a roll bar.
""",
    # a rank written before a name is no relative's name: "Lance" of "Lance Cpl. Javier Ramírez"
    "rank": """Itzel Ramírez, 15, danced with her father on Saturday. Itzel’s older brother, Lance Cpl. Javier Ramírez, a Marine stationed in North Carolina, surprised her.
""",
    # a sentence opening "Born … to <his parents>, he": the he is the one born, and so is the he of the sentences after
    "born-to": """Leopold Quintero, professor emeritus of classics, died on Wednesday at 91.

Born March 3, 1934, in El Paso, Texas, to Ignacio Quintero, a railroad machinist, and Mercedes Quintero, a seamstress, he was the first in his family to attend college. He earned his doctorate in 1962. In 1961 he married Constance Whitlock, a fellow graduate student in Greek.
""",
    # a name after the phrase is its subject: the he after it is that man's
    "born-name": """Ignacio Quintero ran the railroad shop for 30 years.

Born in El Paso, Tomas Reyes came to the shop in 1950. In 1961 he married Constance Whitlock.
""",
    # the one a source is close to is not the one speaking
    "source-close-to": """Kayleigh Munro, 29, starred in the first series.

A source close to Kayleigh told us: ‘She’s genuinely hurt. Jade was meant to be her maid of honour.’
""",
    # a name inside a relative clause is not whom the verb after the clause is of
    "who-clause": """Fans gathered outside the ground on Saturday.

Season-ticket holder Graham Cowie, 58, who was at the ground with his grandson, Lewis, said: “I’ve been coming here since I was six.”
""",
    # the name a fronted phrase's preposition takes is its object; the subject after the comma is the he
    "fronted-object": """Tom Mulrooney, 72, has handed the pub to his niece.

Speaking to Joe Finnerty on Shannonvale FM this morning, Tom said there was never any doubt about who would get the place.

"Bernie and I weren't blessed with children, so Aoife was always going to be the one," he said.
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


def test_his_wife_of_the_protagonists_surname_is_his_where_his_given_name_tells_his_gender(read):
    found = ties(read("protagonist-surname"))
    assert ("Graeme Fairbrother", "spouse", "Lorraine Fairbrother") in found or \
        ("Lorraine Fairbrother", "spouse", "Graeme Fairbrother") in found
    assert not {t for t in found if "Jacob Whitiora" in (t[0], t[2]) and t[1] == "spouse"}


def test_a_protagonist_whose_given_name_is_of_the_other_gender_is_not_his(read):
    found = ties(read("protagonist-either"))
    assert not {t for t in found if "Deborah Fairbrother" in (t[0], t[2]) and t[1] == "spouse"}


def test_a_rank_before_a_relatives_name_is_no_name(read):
    x = read("rank")
    assert "Lance" not in named(x) and "Javier Ramírez" in named(x)
    assert not {t for t in ties(x) if "Lance" in (t[0], t[2])}


def test_the_he_after_a_born_to_phrase_is_the_one_born_not_his_father(read):
    found = ties(read("born-to"))
    assert ("Constance Whitlock", "spouse", "Leopold Quintero") in found or ("Leopold Quintero", "spouse", "Constance Whitlock") in found
    assert not {t for t in found if "Ignacio Quintero" in (t[0], t[2]) and t[1] == "spouse"}


def test_a_name_after_a_born_phrase_is_the_subject_the_he_stands_for(read):
    found = ties(read("born-name"))
    assert ("Constance Whitlock", "spouse", "Tomas Reyes") in found or ("Tomas Reyes", "spouse", "Constance Whitlock") in found


def test_the_one_a_source_is_close_to_is_not_the_speaker(read):
    assert "Kayleigh Munro" not in speakers(read("source-close-to"), "genuinely hurt")


def test_a_name_inside_a_relative_clause_is_not_the_speaker(read):
    assert speakers(read("who-clause"), "coming here since") == {"Graham Cowie"}


def test_a_name_after_a_fronted_phrases_preposition_is_not_the_subject_a_he_stands_for(read):
    assert speakers(read("fronted-object"), "blessed with children") == {"Tom Mulrooney"}
