"""A father and his son of one name (Hollis Brandt Sr. and Hollis Brandt Jr.): the generational suffix is
part of each one's name and tells them apart; a bare name they share is whoever the words around it say
("the younger Brandt", "Brandt Sr."), else no one; a role phrase two people were introduced with ("the
governor" after two governors) is someone a pronoun may mean, so the pronoun follows no one; and a
possessive ending a headline is no relative of the name that opens the body.

Each case is a small invented article.
"""

from __future__ import annotations

from conftest import build_articles, extract_body as read, named, speakers, ties
from graph.match.names import counted_words, name_words, suffix, surname
from graph.rdf.vocab import SDO


def test_a_suffix_is_part_of_the_name_but_no_word_to_call_them_by():
    assert suffix("Hollis Brandt Jr.") == "Jr." and suffix("Hollis Brandt Jr") == "Jr."
    assert suffix("Hollis Brandt III") == "III" and suffix("Hollis Brandt") is None
    assert surname("Ramona dela Vega Sr.") == "Vega"
    assert counted_words("Hollis Brandt Jr.") == ("Hollis", "Brandt")
    assert "Jr." not in name_words("Hollis Brandt Jr.")


def test_father_and_son_of_one_name_are_two_people(tmp_path, rules):
    x = read(tmp_path, rules, "Hollis Brandt Sr., who founded Brandt Pumps in 1968, will hand the company to his son, "
                              "Hollis Brandt Jr., on Monday.\n\n"
                              "The younger Brandt, 51, has run its factories since 2010.\n\n"
                              "“I ran out of reasons ten years ago,” Brandt Sr. said.\n\n"
                              "Brandt Jr. joined in 1995. “We will sell more software,” he said.\n")
    assert {"Hollis Brandt Sr.", "Hollis Brandt Jr."} <= named(x)
    assert ("Hollis Brandt Jr.", "parent", "Hollis Brandt Sr.") in ties(x)
    assert speakers(x, "ten years") == {"Hollis Brandt Sr."}
    assert speakers(x, "more software") == {"Hollis Brandt Jr."}
    younger = next(m for m in x.mentions if m.span.exact == "Brandt" and m.span.start > 150)
    assert younger.ref.value == "Hollis Brandt Jr."


def test_a_bare_name_father_and_son_share_is_no_one_of_them(tmp_path, rules):
    g = build_articles(tmp_path, {"firm.txt": (
        " date 2025-03-04\nA headline of no one\n\nHollis Brandt Sr. will hand the company to his son, "
        "Hollis Brandt Jr., on Monday.\n\nBrandt, who has two children, said he had no plans to retire. "
        "“Ask me in 30 years,” he said.\n")})
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert {"Hollis Brandt Sr.", "Hollis Brandt Jr."} <= names
    assert "Brandt" not in names
    credited = {str(n) for q, t in g.subject_objects(SDO.text) if "30 years" in str(t)
                for p in g.objects(q, SDO.creator) for n in g.objects(p, SDO.name)}
    assert credited == set()


def test_a_lower_case_particle_capitalised_where_a_sentence_opens_is_the_same_surname(tmp_path, rules):
    x = read(tmp_path, rules, "Gov. Ramona dela Vega Jr. declared a state of calamity on Tuesday.\n\n"
                              "“We will not count our losses yet,” Dela Vega told reporters.\n")
    assert named(x) == {"Ramona dela Vega Jr."}
    assert speakers(x, "count our losses") == {"Ramona dela Vega Jr."}


def test_a_role_two_people_were_introduced_with_leaves_the_next_pronoun_to_no_one(tmp_path, rules):
    # the he is the governor the sentence opens with, not the father named inside its clause
    x = read(tmp_path, rules, "Gov. Ramon Aquino Jr. declared a state of calamity on Tuesday.\n\n"
                              "The governor, whose father, the late Gov. Ramon Aquino Sr., led the province through "
                              "a storm in 1995, said power was back in a third of homes.\n\n"
                              "“The recovery lasts one year,” he said.\n")
    assert "Ramon Aquino Sr." not in speakers(x, "recovery lasts")


def test_a_headline_ending_in_a_possessive_is_no_relative_of_the_name_opening_the_body(tmp_path):
    from graph.load import load_article
    from graph.match.extract import extract
    from graph.rules.ruleset import load_rules

    path = tmp_path / "a.txt"
    path.write_text(" date 2025-03-04\nPump maker hands the top job to his son\n\n"
                    "Hollis Brandt Sr., who built the firm, will hand the job to his son, Hollis Brandt Jr.\n",
                    encoding="utf-8")
    x = extract(load_article(path), load_rules(None))
    assert ties(x) == {("Hollis Brandt Jr.", "parent", "Hollis Brandt Sr.")}
