"""Who said a quotation, in constructions news writing uses everywhere: each small invented article is
built on its own and the speakers of its quotations are read back from the graph.

A speaker is credited only when the text makes it plain; where a person the text does not name stands
between a pronoun and the last person named ("a woman in the queue"), the quotation keeps no speaker.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from tests.conftest import build_articles
from tests.test_quotes_general import speakers_of

ARTICLES = {
    # capitalised words after an article name a thing ("the Harbor Hawks"), not a person a pronoun may mean
    "things": """ date 2024-05-02
Ferry captain retires after 30 years

Captain Tom Hale steered his last crossing on Sunday. Hale, who joined the line in 1994, spent the trip talking about his grandchildren and the Harbor Hawks.

“I will miss the fog more than the passengers,” he said.
""",
    # a woman the text never names stands between "she" and the last woman named: no speaker
    "unnamed": """ date 2024-01-15
Soup kitchen doubles its hours

Ann Lee opened the Dock Street kitchen at dawn on Monday, two hours earlier than last winter.

By noon the line reached the corner. A woman near the back of the queue said she had walked from the station.

“Nobody should have to wait outside in this,” she said.
""",
    # the same without her: "she" is Ann Lee
    "named": """ date 2024-01-15
Soup kitchen doubles its hours

Ann Lee opened the Dock Street kitchen at dawn on Monday, two hours earlier than last winter.

By noon the line reached the corner.

“Nobody should have to wait outside in this,” she said.
""",
    # a word ending a sentence before a name is no title of that person ("… the repair. Carla Moss …")
    "sentence-end": """ date 2023-09-09
Bridge reopens after repairs

Crews worked through the night on the repair. Carla Moss, the county engineer, signed off at six.
""",
    # a kinship noun after a preposition introduces the person ("founded by her father, Josef Brenner"), and
    # "Our father said, ‘…’" inside a quotation is that person
    "kin-nested": """ date 2024-03-10
A bakery, two doors apart

Nora Brenner runs the bakery founded by her father, Josef Brenner, in 1986. Her brother, Adam Brenner, is a doctor.

“Our father said, ‘Not in my kitchen,’ and then he lent her his mixer,” Adam Brenner recalled.
""",
    # "Dad said, ‘…’" inside a quotation: the one person the article introduced as a father
    "dad-nested": """ date 2024-06-22
Brothers toast a wedding on the pier

The groom's father, Martin Vega, died in 2015. His brother, Luis Vega, was best man.

In his toast, Luis Vega recalled their father's advice. “Dad said, ‘Always check the tide,’” he said.
""",
    # British style: a title without a full stop, two people sharing a surname
    "british": """ date 2023-06-17
Village couple to marry where they met

Plumber Danny Fenwick will marry on 2 September. His mother, Mrs Sandra Fenwick, 61, is perhaps the happiest of all.

‘I cried for about an hour,’ Mrs Fenwick said.
""",
}


def _build(tmp_path_factory, name: str) -> Graph:
    return build_articles(tmp_path_factory.mktemp(f"speakers-{name}"), {f"{name}.txt": ARTICLES[name]})


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    built: dict[str, Graph] = {}

    def get(name: str) -> Graph:
        if name not in built:
            built[name] = _build(tmp_path_factory, name)
        return built[name]

    return get


def test_capitalised_words_after_an_article_leave_no_doubt(graphs):
    assert speakers_of(graphs("things"), "I will miss the fog") == {"Tom Hale"}


def test_an_unnamed_person_of_the_pronouns_gender_leaves_the_quotation_without_speaker(graphs):
    assert speakers_of(graphs("unnamed"), "Nobody should have to wait") == set()
    assert speakers_of(graphs("named"), "Nobody should have to wait") == {"Ann Lee"}


def test_a_word_ending_a_sentence_is_no_title_of_the_name_after_it():
    from graph.load import parse_article
    from graph.match.context import Context
    from graph.match.names import find_names
    from graph.match.references import article_people
    from graph.rules.ruleset import load_rules

    rules = load_rules()
    article = parse_article(ARTICLES["sentence-end"].encode(), "sentence-end.txt", "sentence-end")
    ctx = Context.of(article, rules.active(article.body))
    roles = article_people(ctx, find_names(ctx)).roles
    assert "repair" not in roles
    assert roles.get("engineer") == frozenset({"Carla Moss"})


def test_our_father_inside_a_quotation_is_the_father_the_article_introduced(graphs):
    g = graphs("kin-nested")
    assert speakers_of(g, "Not in my kitchen") == {"Josef Brenner"}
    assert speakers_of(g, "and then he lent her his mixer") == {"Adam Brenner"}


def test_dad_inside_a_quotation_and_a_subject_before_a_role_phrase(graphs):
    g = graphs("dad-nested")
    assert speakers_of(g, "Always check the tide") == {"Martin Vega"}
    # "Luis Vega recalled their father's advice": Luis Vega is the subject the "he" goes back to
    assert speakers_of(g, "Dad said") == {"Luis Vega"}


def test_title_without_a_full_stop_before_a_shared_surname(graphs):
    assert speakers_of(graphs("british"), "I cried for about an hour") == {"Sandra Fenwick"}
