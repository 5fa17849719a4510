"""Speakers news describes rather than names: "the elder Rotich" and "the younger Rotich" of a father and son
the article ties, and a speaker with an age written "now 35" between the name and the verb.

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, speakers


def test_the_elder_and_the_younger_of_a_parent_and_child(tmp_path, rules):
    x = read(tmp_path, rules, "Peter Rotich, 58, watched his son Daniel Rotich win the race on Sunday.\n\n"
                              "\"My son has done what I could not,\" the elder Rotich said.\n\n"
                              "\"He cried more than I did,\" the younger Rotich said.\n")
    assert speakers(x, "done what I could not") == {"Peter Rotich"}
    assert speakers(x, "cried more than I did") == {"Daniel Rotich"}


def test_the_elder_of_two_not_tied_as_parent_and_child_is_nobody(tmp_path, rules):
    # brothers: which one is older the text does not say here
    x = read(tmp_path, rules, "Peter Rotich and his brother, Daniel Rotich, ran on Sunday.\n\n"
                              "\"We run for our mother,\" the elder Rotich said.\n")
    assert not speakers(x, "run for our mother")
    # three bearers: the elder of whom?
    y = read(tmp_path, rules, "Peter Rotich watched his son Daniel Rotich and his nephew Sam Rotich race on Sunday.\n\n"
                              "\"We run for our family,\" the elder Rotich said.\n")
    assert not speakers(y, "run for our family")


def test_an_age_written_now_between_speaker_and_verb(tmp_path, rules):
    x = read(tmp_path, rules, "Dana Achterberg met Lucy Vance in 2015.\n\n"
                              "“Everybody else went around her like she was a traffic cone,” Mr. Achterberg, now 35, "
                              "recalled.\n")
    assert speakers(x, "traffic cone") == {"Dana Achterberg"}


def test_an_unnamed_woman_after_a_preposition_is_no_speaker_of_the_next_she(tmp_path, rules):
    # "a gift for his mother": the mother is spoken of, not speaking; the she is the woman the paragraph is about
    x = read(tmp_path, rules, "Allison Kessler met Devin Ostrander at the academy.\n\n"
                              "According to Allison Kessler, the proposal came as a surprise. Devin Ostrander had asked "
                              "her to help him pick out a gift for his mother at the market.\n\n"
                              "\"Half the market clapped,\" she said.\n")
    assert speakers(x, "Half the market clapped") == {"Allison Kessler"}
    # an unnamed woman who is the subject may be the she: nobody
    y = read(tmp_path, rules, "Allison Kessler met Devin Ostrander at the academy.\n\n"
                              "His mother watched from the stands.\n\n"
                              "\"He was always fast,\" she said.\n")
    assert not speakers(y, "always fast")


def test_an_office_held_now_introduces_the_role(tmp_path, rules):
    # "the chief engineer" is the one the text last introduced as chief engineer "now", not an earlier one
    x = read(tmp_path, rules, "Madhukar Apte retired as chief engineer in 1998. His wife Sushila survives him.\n\n"
                              "Farida Contractor, now chief engineer at the corporation, was one of his students.\n\n"
                              "\"He checked every one of my calculations twice,\" the chief engineer said.\n")
    assert speakers(x, "checked every one") == {"Farida Contractor"}


def test_two_jobs_joined_by_and_before_a_name_and_the_acronym_after(tmp_path, rules):
    # "president and CEO Marcus Oyelaran said"; "the CEO" after it names the one introduced so
    x = read(tmp_path, rules, "“She taught half this ward,” Pike Valley Memorial president and CEO Marcus Oyelaran "
                              "said in a statement Tuesday.\n\n"
                              "“The coffee machine was broken,” the CEO recalled.\n")
    assert speakers(x, "taught half this ward") == {"Marcus Oyelaran"}
    assert speakers(x, "coffee machine was broken") == {"Marcus Oyelaran"}


def test_an_acronym_nobody_was_introduced_with_names_no_speaker(tmp_path, rules):
    # "the BBC" is an organisation, and "the MP" here was given to no one: neither is anyone's quotation
    x = read(tmp_path, rules, "Marcus Oyelaran opened the ward on Tuesday.\n\n"
                              "“We will look again at the figures,” the BBC said.\n\n"
                              "“It was broken,” the MP said.\n")
    assert not speakers(x, "look again at the figures")
    assert not speakers(x, "It was broken")
