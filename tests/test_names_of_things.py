"""Names that read like people's and are not: a ship after its prefix, a street called a Parade, a hospice, an
entertainment company, the Indian honorific Smt. and a company's Pvt. Ltd.; and a surname an organisation also
bears, which is the person's where only a person can be meant ("Baek, who signed him").

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, named, speakers, ties


def test_a_vessel_is_no_one_nor_any_name_inside_it(tmp_path, rules):
    x = read(tmp_path, rules, "The ferry MV Doña Aurelia capsized off Punta Gorda. Aurelia Santos, 34, survived.\n")
    assert named(x) == {"Aurelia Santos"}
    assert {m.span.exact for m in x.mentions if m.ref.type == "Person"} == {"Aurelia Santos"}


def test_streets_hospices_companies_and_honorifics_are_no_one(tmp_path, rules):
    x = read(tmp_path, rules, "They bought the old joinery on Lachlan Parade in 2019. Rosie Whitmore died at Maple "
                              "Crest Hospice. The promoter, Emeka Obiora of Sapphire Live Entertainment, spoke. His "
                              "mother, Smt. Sudha Rawal, is a former councillor. Venkatesh Iyer manages Rawal Khand "
                              "Pvt. Ltd., the sugar mill.\n")
    assert not named(x) & {"Lachlan Parade", "Maple Crest Hospice", "Sapphire Live", "Smt", "Ltd"}
    assert {"Rosie Whitmore", "Emeka Obiora", "Sudha Rawal"} <= named(x)


def test_a_surname_an_organisation_bears_is_the_persons_before_who(tmp_path, rules):
    x = read(tmp_path, rules, "Kang Tae-joon enlisted on Monday, his agency, Baek Entertainment, said.\n\n"
                              "The agency was founded in 2016 by former talent manager Baek Seung-ho.\n\n"
                              "Baek, who signed Kang as a rookie in 2017, said the actor had asked for no press event.\n")
    assert [m.ref.value for m in x.mentions if m.span.exact == "Baek"] == ["Baek Seung-ho"]


def test_two_given_names_joined_by_a_hyphen_are_a_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "Announcing the award, Kari-Anne Nystuen put it plainly: “They changed what we think "
                              "a single cell knows about time.”\n")
    assert named(x) == {"Kari-Anne Nystuen"}
    assert speakers(x, "single cell") == {"Kari-Anne Nystuen"}


def test_a_street_after_a_title_a_maasai_particle_and_a_rugby_position(tmp_path, rules):
    x = read(tmp_path, rules, "The blaze stopped at Father Tully Road. Father Tully Hale blessed the crew.\n\n"
                              "\"We built this race,\" said Samuel ole Sankale, the chairman.\n\n"
                              "Centre Thabo Ngcobo-Jacobs scored twice.\n")
    assert named(x) == {"Tully Hale", "Samuel ole Sankale", "Thabo Ngcobo-Jacobs"}


def test_a_death_of_one_known_by_a_nickname(tmp_path, rules):
    x = read(tmp_path, rules, "Rosario Whitmore nursed for 35 years.\n\nWhitmore, known to nearly everyone as "
                              "\u201cRosie,\u201d died Saturday at the hospice. She was 84.\n", date="2025-11-20")
    assert [(e.kind, [d.lexical for d in e.dates]) for e in x.events if e.kind == "death"] == [("death", ["2025-11-15"])]


def test_a_chiefs_linguist_and_a_boy_are_titled_not_named_so(tmp_path, rules):
    x = read(tmp_path, rules, "The linguist, Tsiami Kwaku Afetorgbor, spoke. Her son, Master Elikem Dunyo-Mensah, "
                              "carried the stool.\n")
    assert named(x) == {"Kwaku Afetorgbor", "Elikem Dunyo-Mensah"}


def test_a_councillors_title_before_a_particle_surname_is_no_part_of_the_name(tmp_path, rules):
    x = read(tmp_path, rules, "Priscilla van der Berg chairs the council. Cr van der Berg said the council had asked "
                              "the elders to speak.\n\nMayor Angela Petrakis spoke first. Cr Petrakis flatly denied the "
                              "claim, saying she had \"nothing whatsoever to hide\".\n")
    assert named(x) == {"Priscilla van der Berg", "Angela Petrakis"}
    assert speakers(x, "nothing whatsoever") == {"Angela Petrakis"}


def test_dean_before_one_surname_is_a_given_name(tmp_path, rules):
    x = read(tmp_path, rules, "Sharon Whitlock took Dean Mottram, 39, to court. Dean Jane Parker of the law school said "
                              "it was fair. Mottram's younger brother, Lee Mottram, 35, testified.\n")
    assert named(x) == {"Sharon Whitlock", "Dean Mottram", "Jane Parker", "Lee Mottram"}
    assert ("Lee Mottram", "sibling", "Dean Mottram") in ties(x)


def test_a_place_after_a_title_of_and_a_hokkien_father_are_no_one(tmp_path, rules):
    x = read(tmp_path, rules, "\"But when Ah Pa had his knee operation, I saw the queue,\" Tan Chee Kiong said. The "
                              "regent, Togbe Kodzo Sefenu II, the Dufia of Avekope, who was appointed in September, "
                              "received them.\n")
    assert named(x) == {"Tan Chee Kiong", "Kodzo Sefenu II"}


def test_an_organisation_named_right_after_the_noun_of_what_it_is(tmp_path, rules):
    x = read(tmp_path, rules, "Alastair Quennell, of the Hereford firm Quennell Harte, who acts for the estate, said the "
                              "sale was final. She signed with her record label Bluewater Sound in 2019.\n")
    assert {"Quennell Harte", "Bluewater Sound"} <= named(x, "Organization")
    assert "Quennell Harte" not in named(x)
    y = read(tmp_path, rules, "The band Tom Hale formed in 1979 split up in 1990.\n")
    assert not named(y, "Organization") & {"Tom Hale"}


def test_a_capitalised_word_before_a_description_and_a_name_is_no_relative(tmp_path, rules):
    x = read(tmp_path, rules, "Ishani Kulkarni sang. The singer's mother, Hindustani classical vocalist Vasudha "
                              "Kulkarni, sat in the front row.\n")
    assert "Hindustani" not in named(x)
    assert "Vasudha Kulkarni" in named(x)


def test_places_named_after_people_and_titles_of_office_before_names(tmp_path, rules):
    x = read(tmp_path, rules, "Knockanree won the final at Fr Tom Keane Park on Sunday. Families stayed at the Don "
                              "Mariano Abad Gymnasium. The boat belonged to Barangay Kagawad Benjie Tolentino.\n\n"
                              "\"Kagawad Tolentino is a hero,\" the mayor said. His lawyer, Senior Counsel Harvinder "
                              "Singh Gill, told the court the will was forged. Dr Grace Park, a geriatrician, agreed.\n")
    assert not named(x) & {"Tom Keane Park", "Mariano Abad Gymnasium", "Kagawad Tolentino",
                           "Counsel Harvinder Singh Gill"}
    assert {"Benjie Tolentino", "Harvinder Singh Gill", "Grace Park"} <= named(x)


def test_a_fire_officer_is_a_title_not_a_name(tmp_path, rules):
    x = read(tmp_path, rules, "According to Chief Fire Officer Leon Jacobs of Keurbos Fire and Rescue Services, the cause "
                              "is under investigation. \"We are not ruling anything out,\" he said.\n")
    assert "Leon Jacobs" in named(x) and not {n for n in named(x) if "Officer" in n}
    assert speakers(x, "ruling anything out") == {"Leon Jacobs"}
