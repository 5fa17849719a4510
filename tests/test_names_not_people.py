"""Capitalised words that are no person: a team, a show or a song as the subject of a verb only a person
does not do ("Knockaneen Gaels won", "her debut single Golden Hour spent"), a form of address of an office
("Mr Mayor"), a club before a job and a name ("his father, former Harlow Raiders captain Rupert
Castellane"), a Nigerian engineer's "Engr." ending no sentence; and what is a person: a Cantonese given name
whose first syllable is also an English word (Leung So-fong), a Yoruba elder styled "Pa".

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, named


def test_a_team_a_show_or_a_song_doing_something_is_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "Knockaneen Gaels won the county final on Sunday. Love Lagoon is made by Fenwick Lowe "
                              "Productions. Skye shot to fame in 2019 when her debut single Golden Hour spent six weeks "
                              "at number one.\n")
    assert not {"Knockaneen Gaels", "Love Lagoon", "Golden Hour"} & named(x)
    # a person doing what only people do still is one
    y = read(tmp_path, rules, "Tesfaye Alemu married his coach's daughter in 2014.\n")
    assert "Tesfaye Alemu" in named(y)


def test_a_form_of_address_of_an_office_is_no_name(tmp_path, rules):
    x = read(tmp_path, rules, "Declan Foley thanked the town. \"So, Mr Mayor, you're welcome,\" his brother said.\n")
    assert "Mayor" not in named(x)


def test_a_club_between_a_kinship_word_and_a_job_is_no_person(tmp_path, rules):
    x = read(tmp_path, rules, "Jonah Castellane, who plays flanker for Harlow Raiders, proposed. Jonah’s father, former "
                              "Harlow Raiders captain Rupert Castellane, joked about it.\n")
    assert "Harlow Raiders" not in named(x)
    assert "Rupert Castellane" in named(x)


def test_an_engineer_abbreviated_ends_no_sentence(tmp_path, rules):
    x = read(tmp_path, rules, "Speaking in Yoruba, which was translated by her son, Engr. Adeolu Ogunsola, the "
                              "nonagenarian recalled her mother.\n")
    assert "Engr" not in named(x)
    assert "Adeolu Ogunsola" in named(x)


def test_a_cantonese_given_name_and_a_yoruba_elder(tmp_path, rules):
    x = read(tmp_path, rules, "The founder's widow, Leung So-fong, 96, still arrives at the restaurant at 6am.\n")
    assert "Leung So-fong" in named(x)
    assert "Leung" not in named(x)
    y = read(tmp_path, rules, "She married in the vestry where her husband, Pa Jacob Oladele Olagbaju, was the "
                              "catechist.\n")
    assert "Jacob Oladele Olagbaju" in named(y)


def test_a_political_action_committee_described_is_no_person(tmp_path, rules):
    # a given name and a capitalised word, but the appositive says what it is
    x = read(tmp_path, rules, "Outside groups moved quickly. Lily Horizon, a super PAC supporting Reese, reserved "
                              "$4 million in advertising.\n")
    assert "Lily Horizon" not in named(x)
    assert "Lily Horizon" in named(x, "Organization")
