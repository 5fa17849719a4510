"""Identity across articles: one node per real person, event and quotation, and no more."""

from __future__ import annotations

from rdflib import Graph

from tests.conftest import build_articles
from tests.test_extraction import quotes, rows


def build_graph(tmp_path, articles: dict[str, str]) -> Graph:
    return build_articles(tmp_path, articles)


def people(g):
    return {r[0] for r in rows(g, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}


def test_bare_first_name_does_not_join_a_stranger(tmp_path):
    g = build_graph(tmp_path, {
        "a.txt": "Mia Stone and her husband, Jack Smith, spoke on Monday.\n",
        "b.txt": "Ann Lee shared a photo of her son Jack at the beach.\n",
    })
    assert {"Mia Stone", "Jack Smith", "Ann Lee", "Jack"} <= people(g)


def test_surname_alone_joins_the_full_name_of_another_article(tmp_path):
    g = build_graph(tmp_path, {
        "a.txt": "Actress Mia Stone lost her son Leo in 2020.\n",
        "b.txt": "“It still hurts,” Stone said.\n",
    })
    assert ("It still hurts,", "Mia Stone", "b") in set(quotes(g))
    assert "Stone" not in people(g)


def test_same_words_in_two_articles_one_quotation_two_sources(tmp_path):
    g = build_graph(tmp_path, {
        "a.txt": "“We miss him every day,” Mia Stone said.\n",
        "b.txt": "Mia Stone said, “We miss him every day.”\n",
    })
    got = rows(g, "SELECT ?q (COUNT(DISTINCT ?a) AS ?n) WHERE { ?q a schema:Quotation ; prov:wasDerivedFrom ?a } GROUP BY ?q")
    assert len(got) == 1 and got[0][1] == "2"


def test_one_event_told_twice_keeps_both_dates(tmp_path):
    g = build_graph(tmp_path, {
        "a.txt": " date 2022-05-01 On April 3, 2022, Mia Stone informed on Instagram about her loss.\n",
        "b.txt": " date 2022-05-02 Mia Stone revealed the sad news on April 4, 2022 in an emotional Instagram post.\n",
    })
    got = rows(g, "SELECT ?e ?d WHERE { ?e kg:eventKind \"loss-announcement\" ; schema:startDate ?d }")
    assert len({e for e, _ in got}) == 1
    assert {d for _, d in got} == {"2022-04-03", "2022-04-04"}
