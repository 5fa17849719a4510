"""Who said a quotation, where news copy names the speaker by what they are, in the sentence after the words, or,
for a quote within a quote, by the teller's kin.

Each small invented article is built on its own and the speakers of its quotations are read back from the graph.
Every case that credits someone has a counter-case where the same shape must credit nobody (or someone else).
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import build_articles
from tests.test_quotes_general import speakers_of

ARTICLES = {
    # an office before a courtesy title and the name: "board chairperson Ms Hellen Achieng"
    "office-then-title": """ date 2024-05-02
Foundation names centre after founder

Board chairperson Ms Hellen Achieng said the foundation would name its new centre after its founder.

“She never accepted that a girl's future was decided for her,” the chairperson said.
""",
    # a courtesy title after a word that is no office ("thanked Ms Ann Lee") introduces nobody
    "office-then-title-not": """ date 2024-05-02
Foundation names centre after founder

Tom Hale, the foundation's chairperson, thanked Ms Ann Lee for her years on the board.

"She never accepted that a girl's future was decided for her," the chairperson said.
""",
    # a quotation that is a sentence of its own, then a sentence opening with a name and a verb of saying
    "next-sentence": """ date 2024-05-02
Son tells court of missing money

Ms Nguyen wept in the dock as the statement was read.

“The numbers just stopped adding up.” Luca Benedetti, 31, the couple's son, told the court he first noticed it in February.
""",
    # words quoted inside a sentence of narration are that sentence's; and a name owned by someone else ("Tom
    # Hale's lawyer said") is not the speaker
    "next-sentence-not": """ date 2024-05-02
Club to appeal ban

Ann Lee, the club's chair, put it simply: “We were not heard.” Tom Hale said the club would appeal on Monday.

“We will appeal.” Tom Hale's lawyer said the club had not been heard.
""",
    # a he or she that says a quote within a quote, where the narration before speaks of the teller's daughter, whom
    # the article names as hers: that daughter
    "kin-daughter": """ date 2024-05-02
Vigil for aid worker

Norwegian nurse Marit Lund, 31, was killed in Sudan this month. Among the mourners was Lund's mother, Solveig Lund, who spoke briefly.

Speaking afterwards, Solveig Lund said her daughter had sent her a message on the morning of the attack.

"She wrote, 'Mamma, the road is quiet today,'" she said.
""",
    # the narration speaks of two women by a noun before the teller's "She wrote": either may be the she
    "kin-two": """ date 2024-05-02
Vigil for aid worker

Norwegian nurse Marit Lund, 31, was killed in Sudan this month. Among the mourners was Lund's mother, Solveig Lund, who spoke briefly.

Speaking afterwards, Solveig Lund said her daughter and a colleague had sent her messages on the morning of the attack.

"She wrote, 'Mamma, the road is quiet today,'" she said.
""",
    # "the statement said": the one person the sentence before that tells of the statement names
    "statement": """ date 2024-05-02
Councillor apologises

Diane Marchetti, first elected in 2021, issued a statement on Thursday apologizing for what she called an error.

"I should have declared my family's interest," the statement said.
""",
    # one who reads a statement out is not its author
    "statement-read": """ date 2024-05-02
Family thanks rescuers

Outside the court, Ann Lee read a statement from the family of the two climbers.

"They loved the mountains more than anything," the statement said.
""",
    # of two introduced with a noun, "the mayor" is the one who holds the office, not the deputy
    "mayor-deputy": """ date 2024-05-02
Council row deepens

Mayor Ann Lee was elected in November, beating then deputy mayor Tom Hale by a single vote.

"If councillors want to debate it, they have to stay in the room," the mayor said.
""",
    # "the former governor" is the one introduced as former; "the governor" the sitting one
    "governors": """ date 2024-05-02
A governor's daughter runs

The current governor, Gov. Patricia Okafor, is term-limited. Caroline Whitcomb spoke as former Gov. Harold Whitcomb sat at the back of the room.

"She doesn't need me out there," the former governor said.

"The state needs a budget by June," the governor said.
""",
    # "the younger Havstad": of the bearers named so far, a father and his son; their grandfather named later is
    # no one a reader has met there
    "younger-named-so-far": """ date 2024-05-02
Ferry captain retires

Arne Havstad sounded the horn for the last time on Thursday. From Monday, the wheel passes to his son, Eirik Havstad, 38.

"I grew up on this boat," the younger Havstad said.

Arne's father, Olav Havstad, captained the old wooden ferry on the same route in the 1960s.
""",
    # three bearers met before it: "the younger Havstad" may be either of two sons
    "younger-of-three": """ date 2024-05-02
Ferry captain retires

Arne Havstad sounded the horn for the last time on Thursday. Arne's father, Olav Havstad, captained the old wooden ferry in the 1960s. From Monday, the wheel passes to Arne's son, Eirik Havstad, 38.

"I grew up on this boat," the younger Havstad said.
""",
}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    built: dict[str, Graph] = {}

    def get(name: str) -> Graph:
        if name not in built:
            built[name] = build_articles(tmp_path_factory.mktemp(f"intro-{name}"), {f"{name}.txt": ARTICLES[name]})
        return built[name]

    return get


def test_an_office_before_a_courtesy_title_introduces_the_person(graphs):
    assert speakers_of(graphs("office-then-title"), "She never accepted") == {"Hellen Achieng"}


def test_a_courtesy_title_after_a_verb_introduces_nobody(graphs):
    assert speakers_of(graphs("office-then-title-not"), "She never accepted") == {"Tom Hale"}


def test_a_quotation_of_its_own_then_a_named_sayer(graphs):
    assert speakers_of(graphs("next-sentence"), "The numbers just stopped adding up") == {"Luca Benedetti"}


def test_words_quoted_inside_narration_and_an_owned_name_are_not_the_next_sentences(graphs):
    g = graphs("next-sentence-not")
    assert speakers_of(g, "We were not heard") == {"Ann Lee"}
    assert speakers_of(g, "We will appeal") == set()


def test_a_nested_she_is_the_daughter_the_narration_speaks_of(graphs):
    assert speakers_of(graphs("kin-daughter"), "Mamma, the road is quiet today") == {"Marit Lund"}


def test_a_nested_she_is_nobody_when_the_narration_speaks_of_another_woman_too(graphs):
    # the words stay the teller's only (the quotation around them), never the daughter's
    assert speakers_of(graphs("kin-two"), "Mamma, the road is quiet today") == {"Solveig Lund"}


def test_the_statement_said_is_the_one_who_issued_it(graphs):
    assert speakers_of(graphs("statement"), "I should have declared") == {"Diane Marchetti"}


def test_the_statement_said_is_not_the_one_who_read_it_out(graphs):
    assert speakers_of(graphs("statement-read"), "They loved the mountains") == set()


def test_the_office_is_its_holder_not_a_deputy_introduced_with_the_same_noun(graphs):
    assert speakers_of(graphs("mayor-deputy"), "If councillors want to debate it") == {"Ann Lee"}


def test_a_former_office_holder_is_the_former_one_and_only_that(graphs):
    g = graphs("governors")
    assert speakers_of(g, "She doesn't need me out there") == {"Harold Whitcomb"}
    assert speakers_of(g, "The state needs a budget") == {"Patricia Okafor"}


def test_the_younger_bearer_is_told_among_those_named_so_far(graphs):
    assert speakers_of(graphs("younger-named-so-far"), "I grew up on this boat") == {"Eirik Havstad"}


def test_the_younger_of_three_bearers_is_nobody(graphs):
    assert speakers_of(graphs("younger-of-three"), "I grew up on this boat") == set()
