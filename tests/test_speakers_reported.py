"""Wrong speakers an unseen set of articles showed, each as a general shape on invented text: a name in
a reported clause that spoke the words, a title after the noun of its work, two people joined by "and"
before a colon, the people a nested quotation names, a pronoun in a relative clause, a verb whose object
is a her, and abbreviated honorifics that are no names.

A quotation whose speaker the text leaves in doubt keeps no speaker: a wrong speaker is worse than none.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import build_articles
from tests.test_extraction import rows
from tests.test_quotes_general import speakers_of

ARTICLES = {
    # the reported clause names a teacher who wrote the quoted words: they may be hers, not the speaker's;
    # a reported clause naming someone without a word of speech leaves the words to the speaker
    "reported": """ date 2024-04-10
Chemist Irena Voss retires

Irena Voss retired on Friday after forty years at the Holm Institute.

Dr. Tamsin Rudd, a former student, said Dr. Voss once returned a draft with one comment in the margin: “Where is the control?”

The institute's director, Paul Okafor, said Dr. Voss had been “the conscience of the building.”
""",
    # the title of a podcast after its noun, then an attribution: the title is nobody's words; a headline
    # line whose two people are joined by "and" before a colon gives the quotation to neither
    "titles": """ date 2025-02-11
Lina Marsh and Teo Brandt Part Ways After Six Years: 'It Was Time'

Lina Marsh and Teo Brandt have ended their marriage.

In a 2023 interview with the podcast “Late Shift,” Marsh said marriage was “the best hard work I know.”
""",
    # the father's words nested in the daughter's name her; the she after them is the daughter, not the
    # mother named last before, whose "she" stands in a relative clause
    "nested": """ date 2024-10-17
Farm dispute in court

Ms Orla Brennan told the court her father raised the matter in 2011, shortly after her mother, Maeve Brennan, fell ill with the disease from which she died in 2013.

‘He looked up and he said, “The farm is Orla’s, because Orla came home,”’ she said.
""",
    # "Kit had asked her to help": the her is not Kit, so the she after it is the woman named before,
    # whose gender the text tells; Kit's is never told
    "binding": """ date 2024-06-09
Engagement

Nell Varga and Kit Osei are engaged. She teaches third grade in Tolland.

According to Nell, the proposal came as a surprise. Kit had asked her to help choose a gift at the market and knelt beside a stall.

“Half the market cheered,” she said.
""",
    # abbreviated honorifics (Prof., Hon., Fr), a West African title (Otunba) and the Mr Justice of a judge are no
    # part of a name
    "honorifics": """ date 2025-05-08
Lawmakers defect

The member for Ezin North, Hon. Chidi Okafor, left the party on Tuesday.

The party chairman, Otunba Femi Adeyemi-Cole, who received him on Wednesday, said the party now had eleven members.

A political scientist at Udara University, Prof. Ngozi Eze-Obi, said the timing was significant. “They waited for the budget,” she said.

In a court case on Monday before Mr Justice Colm Fennessy, Fr Declan Morrow, the parish priest, gave evidence.
""",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    return build_articles(tmp_path_factory.mktemp("reported"), {f"{k}.txt": v for k, v in ARTICLES.items()})


def test_a_name_in_the_reported_clause_with_a_word_of_speech_may_be_whose_words_they_are(graph):
    assert speakers_of(graph, "Where is the control?") == set()
    assert speakers_of(graph, "the conscience of the building") == {"Paul Okafor"}


def test_a_title_after_the_noun_of_its_work_is_no_quotation(graph):
    assert speakers_of(graph, "Late Shift") == set()


def test_two_people_joined_by_and_before_a_colon_give_the_words_to_neither(graph):
    assert speakers_of(graph, "It Was Time") == set()


def test_the_people_a_nested_quotation_names_may_say_the_quotation_around_it(graph):
    assert speakers_of(graph, "He looked up and he said") == {"Orla Brennan"}
    assert speakers_of(graph, "The farm is Orla") != {"Maeve Brennan"}


def test_a_subject_whose_verb_takes_her_as_object_is_not_the_she(graph):
    assert speakers_of(graph, "Half the market cheered") == {"Nell Varga"}


def test_abbreviated_and_west_african_honorifics_are_no_names(graph):
    names = {str(n) for (n,) in rows(graph, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}
    assert {"Chidi Okafor", "Femi Adeyemi-Cole", "Ngozi Eze-Obi", "Colm Fennessy", "Declan Morrow"} <= names, names
    assert not names & {"Hon", "Prof", "Otunba Femi Adeyemi-Cole", "Justice Colm Fennessy", "Fr Declan Morrow"}, names
    assert speakers_of(graph, "They waited for the budget") == {"Ngozi Eze-Obi"}
