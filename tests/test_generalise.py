"""The rules are rules: an article about other people, with the same kinds of facts, is read right.

Nothing here is named in the gazetteer: the people, the family, the dates and the
quotations must all come from the patterns.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import write_article
from tests.test_extraction import family, quotes, rows

ARTICLE = """ date 2023-05-02 Singer Maya Lopez and her husband, Daniel Reed, are mourning the loss of their son Theo.

Maya Lopez and Daniel Reed's daughter Ava has been a source of strength for the couple. Lopez and Reed named their second baby Theo before losing him in March 2023.

On April 2, 2023, Lopez took to her Instagram and shared a video explaining that the family has received the ashes of baby Theo.

“We will always love you, Theo,” Lopez wrote. “You made us a family of four.”

Oprah Winfrey commented, “Sending love.”

Lopez was diagnosed with preeclampsia. On May 1, Maya Lopez and Daniel Reed held a memorial service for their son Theo alongside their children, Ava and Noah, as well as the singer's mother Rosa "Rosie" Lopez.

“It was the hardest day of my life,” said Reed's wife.
"""


@pytest.fixture(scope="module")
def other_graph(tmp_path_factory):
    from graph.build import build

    seeds = tmp_path_factory.mktemp("other-seeds")
    write_article(seeds, "900_other.txt", ARTICLE)
    out = tmp_path_factory.mktemp("other-out")
    build(seeds, out)
    return Graph().parse(out / "graph.ttl", format="turtle")


def test_people_found_by_pattern(other_graph):
    people = {r[0] for r in rows(other_graph, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}
    assert people == {"Maya Lopez", "Daniel Reed", "Theo", "Ava", "Noah", "Oprah Winfrey", 'Rosa "Rosie" Lopez'}


def test_family_from_patterns(other_graph):
    got = family(other_graph)
    maya, dan, rosa = "Maya Lopez", "Daniel Reed", 'Rosa "Rosie" Lopez'
    assert {(maya, "spouse", dan), (dan, "spouse", maya), (maya, "parent", rosa), (rosa, "children", maya)} <= got
    for kid in ("Theo", "Ava", "Noah"):
        assert {(kid, "parent", maya), (kid, "parent", dan), (maya, "children", kid)} <= got
    assert ("Theo", "sibling", "Ava") in got
    assert not [t for t in got if "Oprah Winfrey" in (t[0], t[2])]


def test_events_and_dates(other_graph):
    got = set(rows(other_graph, """
        SELECT ?kind ?date WHERE { ?e kg:eventKind ?kind ; schema:startDate ?date }"""))
    assert {("pregnancy-loss", "2023-03"), ("ashes-video", "2023-04-02"), ("memorial", "2023-05-01")} <= got
    cause = rows(other_graph, 'SELECT ?c WHERE { ?e kg:eventKind "pregnancy-loss" ; kg:cause ?c }')
    assert ("preeclampsia",) in cause


def test_quotations(other_graph):
    qs = set(quotes(other_graph))
    assert ("We will always love you, Theo, You made us a family of four.", "Maya Lopez", "900_other") in qs
    assert ("Sending love.", "Oprah Winfrey", "900_other") in qs
    # "Reed's wife" is resolved through the spouse tie
    assert ("It was the hardest day of my life,", "Maya Lopez", "900_other") in qs


SECOND = """ date 2022-03-01 Actress Jane Parker and her husband, musician Tom Hale, are grieving after Parker suffered a stillbirth at 24 weeks.

The couple revealed the news on Instagram on Feb. 12, writing, "Our hearts are broken."

Parker's mother, Ann Parker, told Us Weekly that the family is "holding on."

Parker and Hale's son Max has been asking about his sister. Their daughter, Rose, was born sleeping on Feb. 10.

"She was perfect," Hale said. "We will carry her with us."
"""


def test_second_unseen_article(tmp_path):
    """Occupations before names, a surname shared by mother and daughter, 'the couple', 'their'."""
    from graph.build import build

    write_article(tmp_path / "in", "901_parker.txt", SECOND)
    build(tmp_path / "in", tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    jane, tom, ann = "Jane Parker", "Tom Hale", "Ann Parker"
    got = family(g)
    assert {(jane, "spouse", tom), (jane, "parent", ann), (ann, "children", jane),
            ("Max", "parent", jane), ("Max", "parent", tom), ("Rose", "parent", jane), ("Rose", "parent", tom),
            ("Max", "sibling", "Rose")} <= got
    assert not [t for t in got if t[0] == ann and t[1] in ("spouse", "parent")]
    qs = set(quotes(g))
    assert {("Our hearts are broken.", jane, "901_parker"), ("Our hearts are broken.", tom, "901_parker"),
            ("holding on.", ann, "901_parker"),
            ("She was perfect, We will carry her with us.", tom, "901_parker")} <= qs
    got = set(rows(g, "SELECT ?kind ?v WHERE { ?e kg:eventKind ?kind . { ?e schema:startDate ?v } UNION { ?e kg:gestationalAge ?v } }"))
    assert {("loss-announcement", "2022-02-12"), ("pregnancy-loss", "24 weeks")} <= got
