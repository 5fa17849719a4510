"""A quotation inside a quotation whose speaker is kin of the one quoting it ("Dad said, ‘…’", "my brother
told me, ‘…’"): the one person the article's stated family ties make that kin of the outer speaker.

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, inner_speakers as speakers


def test_dad_inside_a_daughters_quotation_is_her_father_by_the_ties(tmp_path, rules):
    # the father was never introduced with the word "father": the tie "His daughter, Lena Dorsey" says it
    x = read(tmp_path, rules, "Franklin Dorsey, a farmer, died in 2019. His daughter, Lena Dorsey, 52, testified "
                              "on Monday.\n\n"
                              "\"Dad said, 'The trees go to the kids who climbed them,'\" Lena told the court.\n")
    assert speakers(x, "The trees go to the kids") == {"Franklin Dorsey"}
    assert speakers(x, "Dad said") == {"Lena Dorsey"}


def test_the_kin_is_of_the_one_quoting_not_of_another_family(tmp_path, rules):
    # Ravi's father is Mohan; Anjali, introduced as "her father", is of another family of the article
    x = read(tmp_path, rules, "Mohan Pillai, 70, and his son, Ravi Pillai, run the shop. Meera Rao came with her "
                              "father, Suresh Rao.\n\n"
                              "\"My father always told me, 'Open before the sun,'\" Ravi Pillai said.\n")
    assert speakers(x, "Open before the sun") == {"Mohan Pillai"}


def test_grandparents_and_familiar_words_of_other_languages(tmp_path, rules):
    x = read(tmp_path, rules, "Willem Pretorius is the son of Jan Pretorius, whose father, Koos Pretorius, "
                              "played for the club.\n\n"
                              "\"Oupa always told us, 'Play for the man next to you,'\" Willem Pretorius said.\n")
    assert speakers(x, "Play for the man next to you") == {"Koos Pretorius"}


def test_no_tie_or_two_of_the_gender_is_nobody_by_the_ties(tmp_path, rules):
    # two brothers: "my brother" does not say which
    x = read(tmp_path, rules, "Ana Lucero has two brothers, Tomas Lucero and Emilio Lucero.\n\n"
                              "\"My brother told me, 'Keep the receipt,'\" Ana Lucero said.\n")
    assert not speakers(x, "Keep the receipt")
    # a mother the ties name, but "Dad": not her
    y = read(tmp_path, rules, "Ana Lucero's mother, Rosa Lucero, runs the bakery.\n\n"
                              "\"Dad said, 'Bake at dawn,'\" Ana Lucero said.\n")
    assert not speakers(y, "Bake at dawn")
