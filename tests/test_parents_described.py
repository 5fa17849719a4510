"""Parents as news describes them: a job or a rank before the name ("the daughter of veteran producer
Vinod Kapoor"), an appositive or "his wife" between two parents, a wedding notice's bride and groom,
a "husband-and-wife team", and the children an obituary lists without an article ("sons Anirudh and
Madhav"): what Indian, Filipino, Nigerian, wedding-notice and obituary copy showed.

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, ties


def test_a_description_before_each_parent_keeps_both_parents(tmp_path, rules):
    x = read(tmp_path, rules, "Meher Kaya is the daughter of veteran producer Kemal Kaya and former actor Ayse Kaya.\n")
    assert {("Meher Kaya", "parent", "Kemal Kaya"), ("Meher Kaya", "parent", "Ayse Kaya")} <= ties(x)
    y = read(tmp_path, rules, "Aditya Rathore's parents, retired army officer Col Vikram Rathore and Sunanda Rathore, "
                              "flew in from Jaipur.\n")
    assert {("Aditya Rathore", "parent", "Vikram Rathore"), ("Aditya Rathore", "parent", "Sunanda Rathore")} <= ties(y)
    # a rank as British and Indian copy abbreviates it, a retired officer's "(retd)" with it
    z = read(tmp_path, rules, "Kabir Sethia's parents, Lt Col (retd) Vikram Sethia and Nandini Sethia, flew in.\n")
    assert {("Kabir Sethia", "parent", "Vikram Sethia"), ("Kabir Sethia", "parent", "Nandini Sethia")} <= ties(z)


def test_an_appositive_or_his_wife_between_two_parents(tmp_path, rules):
    x = read(tmp_path, rules, "Naomi Treadwell, the daughter of Walt Treadwell, a dairy farmer, and Joan Treadwell, a "
                              "school librarian, spoke first.\n")
    assert {("Naomi Treadwell", "parent", "Walt Treadwell"), ("Naomi Treadwell", "parent", "Joan Treadwell")} <= ties(x)
    y = read(tmp_path, rules, "He married Helen Marsh, the youngest of three children of Silas Marsh, a lobsterman, and "
                              "his wife, Edith, in 1961.\n")
    assert {("Helen Marsh", "parent", "Silas Marsh"), ("Helen Marsh", "parent", "Edith")} <= ties(y)
    z = read(tmp_path, rules, "The groom, Devin Ostrander, son of Wayne Ostrander of North Ashby and Beth Tuttle of "
                              "Pinecrest, is a nurse.\n")
    assert {("Devin Ostrander", "parent", "Wayne Ostrander"), ("Devin Ostrander", "parent", "Beth Tuttle")} <= ties(z)


def test_the_bride_of_a_wedding_notice_is_the_child(tmp_path, rules):
    x = read(tmp_path, rules, "Anna Whitcomb and Jonah Castellano were married on Saturday. Ms. Whitcomb, 31, is a nurse. "
                              "Mr. Castellano, 33, teaches history. The bride is the daughter of Gerald and Patrice "
                              "Whitcomb of Ashby Falls. The groom is the son of Anthony Castellano of Brennock and the late "
                              "Deborah Castellano.\n")
    assert {("Anna Whitcomb", "parent", "Gerald Whitcomb"), ("Anna Whitcomb", "parent", "Patrice Whitcomb"),
            ("Jonah Castellano", "parent", "Anthony Castellano"),
            ("Jonah Castellano", "parent", "Deborah Castellano")} <= ties(x)


def test_a_description_is_never_a_parent(tmp_path, rules):
    # an article or a number begins no description: "a baker" and "two teachers" name no parent
    x = read(tmp_path, rules, "Cem Arslan, the son of a baker and a nurse, spoke. Lale Arslan, the daughter of two "
                              "teachers, Kemal and Ayse Kaya, spoke too.\n")
    assert not {t for t in ties(x) if t[1] == "parent"}


def test_husband_and_wife_team(tmp_path, rules):
    x = read(tmp_path, rules, "Paylark was founded by husband-and-wife team Priya Raman and Daniel Kessling in 2016.\n")
    assert ("Priya Raman", "spouse", "Daniel Kessling") in ties(x) or ("Daniel Kessling", "spouse", "Priya Raman") in ties(x)


def test_children_an_obituary_lists_without_an_article(tmp_path, rules):
    x = read(tmp_path, rules, "Vishwanath Kelkar died on Monday in Pune. Kelkar is survived by his wife Sumitra, sons "
                              "Anirudh and Madhav, and daughter Gauri Kelkar-Sathe, herself a sitarist.\n")
    assert {("Anirudh", "parent", "Vishwanath Kelkar"), ("Madhav", "parent", "Vishwanath Kelkar"),
            ("Gauri Kelkar-Sathe", "parent", "Vishwanath Kelkar")} <= ties(x)
    # a grandchild or a step-child in the same list is no child
    y = read(tmp_path, rules, "Cem Arslan died on Monday. Arslan is survived by his wife, Ayse, and granddaughter Lale "
                              "Kaya.\n")
    assert not {t for t in ties(y) if t[1] == "parent"}


def test_the_couples_baby_boy(tmp_path, rules):
    x = read(tmp_path, rules, "Kane Hollis married Jade Pemberton in 2023. The couple's baby boy Alfie was born in May.\n")
    assert {("Alfie", "parent", "Jade Pemberton"), ("Alfie", "parent", "Kane Hollis")} <= ties(x)


def test_a_job_or_an_age_before_a_named_child(tmp_path, rules):
    x = read(tmp_path, rules, "Renee Batiste keeps the books. Batiste’s son, trumpeter Jalen Batiste, 24, sat in with the "
                              "band. Among the passengers was Eirik Havstad's daughter, nine-year-old Ingrid Havstad.\n")
    assert {("Jalen Batiste", "parent", "Renee Batiste"), ("Ingrid Havstad", "parent", "Eirik Havstad")} <= ties(x)


def test_who_married_and_has_since_married(tmp_path, rules):
    x = read(tmp_path, rules, "Leanne Vukovic, who married Dragan in 1998, laughs at that. Kieran Folds has since married "
                              "model Tessa Lund. Cllr Declan Furlong (48), married local schoolteacher Gráinne Tuohy (41).\n")
    got = {frozenset((a, b)) for a, p, b in ties(x) if p == "spouse"}
    assert {frozenset(("Leanne Vukovic", "Dragan")), frozenset(("Kieran Folds", "Tessa Lund")),
            frozenset(("Declan Furlong", "Gráinne Tuohy"))} <= got


def test_brothers_named_with_their_ages(tmp_path, rules):
    x = read(tmp_path, rules, "Among the trapped were also brothers Jorge Contreras, 31, and Esteban Contreras, 27.\n")
    assert {frozenset((a, b)) for a, p, b in ties(x) if p == "sibling"} == {frozenset(("Jorge Contreras", "Esteban Contreras"))}


def test_a_child_an_obituary_lists_with_a_title(tmp_path, rules):
    x = read(tmp_path, rules, "Madhukar Apte died on Monday. Apte is survived by his wife Sushila, sons Nitin and "
                              "Ashutosh, daughter Dr Rohini Apte-Joshi, and five grandchildren.\n")
    assert ("Rohini Apte-Joshi", "parent", "Madhukar Apte") in ties(x)


def test_her_husband_of_so_many_years_after_his_name(tmp_path, rules):
    x = read(tmp_path, rules, "Rosalind Kettering retired on Friday. Dwight Kettering, her husband of 47 years, laughed "
                              "from the next room.\n")
    assert {frozenset((a, b)) for a, p, b in ties(x) if p == "spouse"} == {frozenset(("Rosalind Kettering", "Dwight Kettering"))}


def test_the_couples_son_with_a_title_and_of_which_couple(tmp_path, rules):
    x = read(tmp_path, rules, "Kofi Nsiah-Darko married Afua Nsiah-Darko in 1994. The couple's son, Mr Kwame Nsiah-Darko, "
                              "served as her campaign manager.\n")
    assert {("Kwame Nsiah-Darko", "parent", "Kofi Nsiah-Darko"), ("Kwame Nsiah-Darko", "parent", "Afua Nsiah-Darko")} <= ties(x)
    # "the couple" read as another couple than the one whose name the child bears: no tie
    y = read(tmp_path, rules, "Mr Kwadwo Boateng-Ofori conceded to Mrs Afua Nsiah-Darko. Mr Boateng-Ofori was flanked "
                              "by his wife, Mrs Gifty Boateng-Ofori. The couple's son, Mr Kwame Nsiah-Darko, served as "
                              "her campaign manager.\n")
    assert not {t for t in ties(y) if t[1] == "parent" and "Boateng-Ofori" in t[2]}
    # a daughter who bears her husband's name is still the couple's
    z = read(tmp_path, rules, "Dale Lindqvist married Marcy Lindqvist in 1985. The couple's daughter, Kayla Brandt, drove "
                              "over. Her husband, Nate Brandt, cleared the lane.\n")
    assert ("Kayla Brandt", "parent", "Dale Lindqvist") in ties(z)


def test_whose_kin_after_an_age_and_before_a_description(tmp_path, rules):
    x = read(tmp_path, rules, "On Sunday Sipho Ndlovu, 19, whose father Bongani Ndlovu also kept goal for the club, "
                              "saved twice.\n")
    assert ("Sipho Ndlovu", "parent", "Bongani Ndlovu") in ties(x)
    y = read(tmp_path, rules, "Marites Dizon, 52, whose younger brother, retired fisherman Arnel Dizon, is among the "
                              "missing, waits at the pier.\n")
    assert ("Marites Dizon", "sibling", "Arnel Dizon") in ties(y) or ("Arnel Dizon", "sibling", "Marites Dizon") in ties(y)


def test_a_clergy_title_before_a_parent_or_sibling(tmp_path, rules):
    x = read(tmp_path, rules, "Thomas Whitlow was ordained on Sunday. He was presented by his father, the Revd Canon "
                              "Peter Whitlow, and by his sister, the Revd Anna Crane.\n")
    assert ("Thomas Whitlow", "parent", "Peter Whitlow") in ties(x)
    assert ("Thomas Whitlow", "sibling", "Anna Crane") in ties(x) or ("Anna Crane", "sibling", "Thomas Whitlow") in ties(x)


def test_two_words_before_a_sibling_and_an_age_before_a_child(tmp_path, rules):
    x = read(tmp_path, rules, "Sarah Atherley won again on Monday. Sarah's identical twin sister, Emma Doyle, "
                              "watched from the audience.\n")
    assert ("Sarah Atherley", "sibling", "Emma Doyle") in ties(x) or ("Emma Doyle", "sibling", "Sarah Atherley") in ties(x)
    y = read(tmp_path, rules, "Michael Dube coaches the senior team. In goal is Daniel Dube, Michael's 12-year-old son, "
                              "who saved twice.\n")
    assert ("Daniel Dube", "parent", "Michael Dube") in ties(y)
