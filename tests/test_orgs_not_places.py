"""Where a person works or comes from: a firm after "of" is no place ("Priya Ramanathan of Whitcombe
Legal"), and an organisation after "a producer at" is one only where its name ends with the clause, never
a first word cut from a longer name ("a producer at Orbit Entertainment").

Each case is a small invented article, extracted on its own.
"""

from __future__ import annotations

from conftest import extract_body as read, named


def test_a_firm_after_of_is_no_place(tmp_path, rules):
    x = read(tmp_path, rules, "The couple's lawyer, Priya Ramanathan of Whitcombe Legal, said nothing. Herd vet Ravi "
                              "Evans of Dulas Valley Vets, who has looked after the herd, spoke. The company named Erik "
                              "Halvorsen, its Vice President of Sales, to the board.\n")
    assert not {"Whitcombe Legal", "Dulas Valley Vets", "Sales"} & named(x, "Place")
    # a town still is
    y = read(tmp_path, rules, "Gregory Ashby, 54, of Millbrook, was arrested last month.\n")
    assert "Millbrook" in named(y, "Place")


def test_an_organisation_after_a_role_ends_with_the_clause(tmp_path, rules):
    x = read(tmp_path, rules, "Yoon Ha-eun, 46, was a producer at Orbit Entertainment. Ana Quintero is a therapist at "
                              "Gowanus Children’s Therapy in Brooklyn.\n")
    assert not {"Orbit", "Gowanus"} & named(x, "Organization")
    y = read(tmp_path, rules, "said Renata Kowal, a managing director at Quillfield who will join the board.\n")
    assert "Quillfield" in named(y, "Organization")
