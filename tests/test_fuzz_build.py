"""Whole builds of generated articles (Hypothesis): names in several scripts, dates near and past the
calendar's ends, quotations nested, split and unbalanced, long lists and repetitions.

Each generated corpus is built beside the seed articles, as a user's corpus would be: the build
never raises, every output reads in rapper and in pyoxigraph, and the facts the seed articles
state are exactly those of the seeds built alone. Bounded in examples, not in seconds: the
matching budget per rule and article bounds the time, and no assertion here reads a clock.
"""

from __future__ import annotations

import shutil
import subprocess

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph

from conftest import SEEDS
from graph.build import build
from graph.rdf.vocab import PROV, SDO

GIVEN = {
    "latin": ["Mara", "Tomás", "Dana", "Seán", "Zoë", "Li", "Ada"],
    "cyrillic": ["Анна", "Борис", "Ольга"],
    "greek": ["Ελένη", "Νίκος"],
    "arabic": ["ليلى", "عمر"],
    "cjk": ["田中", "王"],
    "devanagari": ["अनीता", "राहुल"],
}
FAMILY = {
    "latin": ["Quill", "Núñez", "O'Neill", "de la Cruz", "Ashby-Hart", "Bene"],
    "cyrillic": ["Петрова", "Иванов"],
    "greek": ["Παππάς"],
    "arabic": ["حداد"],
    "cjk": ["花子", "伟"],
    "devanagari": ["देसाई"],
}
SCRIPTS = sorted(GIVEN)


@st.composite
def names(draw) -> str:
    script = draw(st.sampled_from(SCRIPTS))
    return f"{draw(st.sampled_from(GIVEN[script]))} {draw(st.sampled_from(FAMILY[script]))}"


QUOTES = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")]
DATES = ["on Tuesday", "last week", "in 2019", "on March 3, 2021", "4500 years ago", "9999999 weeks after that",
         "in September", "last September", "a year later", "on Feb. 30", "by June 30", "earlier this month",
         "on Sept. 31, 2020", "in 0001", "in 9999"]


@st.composite
def sentences(draw) -> str:
    who, other = draw(names()), draw(names())
    o, c = draw(st.sampled_from(QUOTES))
    words = draw(st.text(st.characters(categories=("L", "N", "Zs")), max_size=30)) or "yes"
    date = draw(st.sampled_from(DATES))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return f"{o}{words},{c} {who} said {date}."
    if kind == 1:
        return f"{o}{words},{c} she said, {o}{words}.{c}"
    if kind == 2:  # a quote inside a quote
        return f"{o}My mother told me, ‘{words}’ and I listened,{c} {who} said."
    if kind == 3:  # never closed
        return f"{who} wrote: {o}{words} and then"
    if kind == 4:  # a long list of people
        n = draw(st.integers(2, 60))
        return ", ".join([draw(names()) for _ in range(n - 1)]) + f" and {other} were in attendance {date}."
    if kind == 5:
        return f"{who}, 52, and his wife, {other}, married {date}."
    if kind == 6:
        return f"{who} was born to {other} and {draw(names())} {date}."
    if kind == 7:  # repetition
        return f"{who} said. " * draw(st.integers(1, 200))
    if kind == 8:
        return f"A memorial for {who} was held {date}, {other} told reporters."
    return f"{o * draw(st.integers(1, 30))}{words}{c * draw(st.integers(0, 30))}"


@st.composite
def articles(draw) -> str:
    head = draw(st.sampled_from(["", " date 2020-03-02\n", " date 0001-01-01\n", " date 9999-12-31\n",
                                 " date 2021-06-15\nA Title Line Here\n\n"]))
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4))
    return head + "\n\n".join(paragraphs) + "\n"


def seed_facts(graph: Graph) -> set:
    """Every fact a seed article states: (subject, property, value, article) of each reification."""
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    ident = {a: str(graph.value(a, SDO.identifier)) for a in graph.subjects(SDO.identifier, None)}
    out = set()
    for st_, _, art in graph.triples((None, PROV.wasDerivedFrom, None)):
        if ident.get(art) in seeds:
            out.add((graph.value(st_, RDF.subject), graph.value(st_, RDF.predicate), graph.value(st_, RDF.object),
                     ident[art]))
    return out


@pytest.fixture(scope="module")
def alone(seed_graph) -> set:
    return seed_facts(seed_graph)


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(corpus=st.lists(articles(), min_size=1, max_size=3))
def test_generated_articles_build_beside_the_seeds_and_change_none_of_their_facts(corpus, alone, tmp_path_factory):
    work = tmp_path_factory.mktemp("fuzz")
    folder = work / "articles"
    shutil.copytree(SEEDS, folder)
    for i, text in enumerate(corpus):
        (folder / f"zz-generated-{i}.txt").write_text(text, encoding="utf-8")
    build(folder, work / "out", cache_dir=None)
    ttl = work / "out" / "graph.ttl"
    if shutil.which("rapper"):
        check = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(ttl)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr[-2000:]
    store = ox.Store()
    store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    graph = Graph().parse(ttl, format="turtle")
    assert len(store) == len(graph)
    beside = seed_facts(graph)
    assert beside == alone, (f"facts of the seeds lost: {sorted(alone - beside)[:3]}; "
                             f"gained: {sorted(beside - alone)[:3]}")
