"""Identity: one node per real person, and no more; an unrelated story changes nothing.

The within-article sieve (graph/resolve/people.py): a single name joins the full name it
follows; once given, it keeps that person; two people of the name before its first use and
nothing to tell them apart: it joins none. Across articles a single name joins only the one
full name that qualifies. Events and facts of one story never move when another story is added.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import RDF

from graph.rdf.vocab import KG, SDO
from graph.records import ArticleMeta, EventRecord, Extraction, Mention, Ref, Role, Span
from tests.conftest import ROOT, SEEDS, build_articles, write_article
from tests.test_extraction import quotes, rows
from tests.test_resolve import build_graph

PROV = Namespace("http://www.w3.org/ns/prov#")


def names_of(g) -> dict[str, set[str]]:
    """Each person's name -> every other name the graph gives them."""
    out: dict[str, set[str]] = {}
    for name, alias in rows(g, """SELECT ?n ?a WHERE { ?p a schema:Person ; schema:name ?n .
                                  OPTIONAL { ?p schema:alternateName ?a } }"""):
        out.setdefault(name, set())
        if alias:
            out[name].add(alias)
    return out


def spouses(g) -> set[tuple[str, str]]:
    return set(rows(g, "SELECT ?a ?b WHERE { ?x schema:spouse ?y . ?x schema:name ?a . ?y schema:name ?b }"))


COURT = """ date 2021-06-17 CALVERTON — A former league treasurer pleaded not guilty on Tuesday.

Gregory Ashby was arrested last month after an audit. He faces one count of theft.

"I never took a cent," Ashby said.

Harriet Lomax, the judge, kept the bail in place. She also warned both sides.

Ashby, who wore a gray suit, did not speak otherwise. His wife, Linda Ashby, sat in the front row.

"We will fight this," Ashby told reporters. The district attorney said that Ashby faces up to 10 years.
"""


def test_surname_keeps_the_person_it_was_first_given(tmp_path):
    """Issue: a bare surname went to the relative named in full, not to the subject."""
    g = build_graph(tmp_path, {"court.txt": COURT})
    people = names_of(g)
    assert "Ashby" in people["Gregory Ashby"]
    assert "Ashby" not in people["Linda Ashby"]
    qs = set(quotes(g))
    assert ("We will fight this,", "Gregory Ashby", "court") in qs
    assert ("I never took a cent,", "Gregory Ashby", "court") in qs
    assert ("Gregory Ashby", "Linda Ashby") in spouses(g)
    assert not [s for s in spouses(g) if "Harriet Lomax" in s]


def test_two_people_of_a_surname_before_its_first_use_join_none(tmp_path):
    g = build_graph(tmp_path, {"a.txt": (
        "The Harbor Street bakery closed on Sunday after 30 years.\n\n"
        "Rosa Marin said her brother, Tomas Marin, had opened the bakery in 1990.\n\n"
        "“We had no idea what we were doing,” Marin said.\n")})
    people = names_of(g)
    assert "Marin" not in people["Rosa Marin"] and "Marin" not in people["Tomas Marin"]
    assert "Marin" not in people
    assert not [q for q in quotes(g) if q[0].startswith("We had no idea")]


def test_the_lede_names_whom_a_bare_surname_stands_for(tmp_path):
    g = build_graph(tmp_path, {"bakery.txt": (
        " date 2022-09-22 Walter Pruett was 27 when he and his wife, Margaret Pruett, opened a bakery.\n\n"
        "Pruett, now 71, has not run the company for a decade. His son, Tom Pruett, is chief executive.\n")})
    people = names_of(g)
    assert "Pruett" in people["Walter Pruett"] and "Pruett" not in people["Margaret Pruett"]


def test_the_lede_after_a_byline_and_its_post_names_whom_a_bare_surname_stands_for(tmp_path):
    g = build_graph(tmp_path, {"obit.txt": (
        " date 2025-11-06\nRosa Tabor, bakery organizer who led 1971 strike, dies at 88\n\n"
        "By Martin Halloran\nPost-Ledger Staff Writer\n\n"
        "Rosalind Vukovich Tabor, who led one of the longest strikes in the city's history, died Sunday at her home. "
        "She was 88.\n\nHer daughter, Margaret Tabor, said the cause was heart failure.\n\n"
        "In 1974 Tabor became the first woman hired as a business agent for the local.\n")})
    people = names_of(g)
    assert "Tabor" in people["Rosalind Vukovich Tabor"] and "Tabor" not in people["Margaret Tabor"]


def test_a_lede_that_names_no_one_in_full_leaves_a_shared_surname_to_no_one(tmp_path):
    """A byline is no lede, nor is a shop named for its founder's given names ("Ah Kow Kopitiam")."""
    g = build_graph(tmp_path, {"court.txt": (
        " date 2026-01-21\nSon faces jail over shop takings\n\nBy Rachel Chua\n\n"
        "For four decades, Ah Kow Kopitiam was known for its kaya toast and its founder's laugh.\n\n"
        "But the business that Mr Tan Ah Kow built was drained by his elder son, a court heard.\n\n"
        "Tan Kian Huat, 48, pleaded guilty last month. From early 2019, Tan began keeping two sets of books.\n")})
    people = names_of(g)
    assert "Tan" not in people["Tan Ah Kow"]


def test_a_headline_surname_joins_the_first_full_name(tmp_path):
    g = build_graph(tmp_path, {"final.txt": (
        " date 2023-09-11\nRusk wins the Harbour City Open\n\n"
        "HARBOUR CITY - Nora Rusk was the champion on Sunday. Her father, Viktor Rusk, watched.\n\n"
        "\"I did not sleep last night,\" Rusk said.\n")})
    people = names_of(g)
    assert "Rusk" in people["Nora Rusk"] and "Rusk" not in people["Viktor Rusk"]
    assert ("I did not sleep last night,", "Nora Rusk", "final") in set(quotes(g))


def test_a_surname_does_not_merge_people_of_unrelated_stories(tmp_path):
    """Two stories name two different people of one surname: a third article's bare surname
    joins neither, and neither story's person takes the other's alias."""
    g = build_graph(tmp_path, {
        "a.txt": "Ann Moss said on Friday that she would retire after 40 years as a nurse.\n",
        "b.txt": "Tom Moss said the team had earned the win on Saturday.\n",
        "c.txt": "“It was a long week,” Moss said.\n",
    })
    people = names_of(g)
    assert "Ann Moss" in people and "Tom Moss" in people
    assert ("It was a long week,", "Ann Moss", "c") not in set(quotes(g))
    assert ("It was a long week,", "Tom Moss", "c") not in set(quotes(g))


def test_a_surname_left_alone_never_joins_a_full_name_its_own_article_refused(tmp_path):
    """A surname before any full name of it (the names step missed "Gov. Dan Holt") is
    somebody of its own, not the wife named later, here or in another article."""
    g = build_graph(tmp_path, {
        "a.txt": "Holt signed the bill on Tuesday. His wife, Claire Holt, stood beside him.\n",
        "b.txt": "Claire Holt opened the new library on Monday.\n",
    })
    assert "Holt" not in names_of(g).get("Claire Holt", set())


def _seed_nodes(triples, seed_ids: set[str]) -> set:
    """The nodes whose facts all derive from seed articles (triples as the build emits them)."""
    subject_of, sources = {}, {}
    rdf_subject, derived = str(RDF.subject), str(PROV.wasDerivedFrom)
    for s, p, o in triples:
        p = str(p)
        if p == rdf_subject:
            subject_of[s] = o
        elif p == derived:
            sources.setdefault(s, set()).add(str(o).rsplit("/", 1)[-1])
    support: dict = {}
    for st, subject in subject_of.items():
        support.setdefault(subject, set()).update(sources.get(st, ()))
    return {n for n, arts in support.items() if arts <= seed_ids}


def _graph_triples(folder):
    """The triples a build of `folder` writes to graph.ttl, as the build makes them: its extraction, merge and
    emitter, without the writers (the Turtle, the view and the store are the same function of these triples)."""
    from graph.build import extract_all
    from graph.load import discover
    from graph.rdf.emit import emit
    from graph.resolve.resolve import resolve
    from graph.rules.ruleset import load_rules

    rules = load_rules(None)
    paths, _ = discover(folder)
    extractions, texts = extract_all(paths, rules, False, [])
    return emit(resolve(extractions, rules), rules, texts)


def test_adding_unrelated_articles_changes_no_fact_of_the_seed_story(tmp_path):
    """Issue: an interview of an unrelated article joined the seed interview (a telling without
    the key role joined the only event of its kind in the corpus). The seed story's facts, built
    alone and built with every article of tests/corpus, are identical."""
    alone, together = tmp_path / "alone", tmp_path / "together"
    for p in SEEDS.glob("*.txt"):
        write_article(alone, p.name, p.read_text(encoding="utf-8"))
        write_article(together, p.name, p.read_text(encoding="utf-8"))
    corpus = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    assert corpus
    for p in corpus:
        write_article(together, p.name, p.read_text(encoding="utf-8"))
    seed_ids = {p.stem for p in SEEDS.glob("*.txt")}
    g1, g2 = _graph_triples(alone), _graph_triples(together)
    story = _seed_nodes(g2, seed_ids)  # what only the seed articles support, with every article built
    before, after = ({(str(s), str(p), str(o)) for s, p, o in g if s in story} for g in (g1, g2))
    assert before, "the seed story has facts"
    lost, gained = before - after, after - before
    assert not lost and not gained, (sorted(lost)[:10], sorted(gained)[:10])


def _telling(article: str, kind: str, who: str | None) -> Extraction:
    """An article telling one event of `kind`, with `who` (named in full) in its key role or no one."""
    text = f"{who} gave an interview." if who else "An interview was given."
    span = Span(article, 0, len(text), text)
    mentions, roles = (), ()
    if who:
        at = Span(article, 0, len(who), who)
        mentions = (Mention(Ref("name", who), at, "test", alias=who),)
        roles = (Role("attendee", Ref("name", who), at),)  # an interview's key role
    meta = ArticleMeta(article, f"{article}.txt", "0" * 64)
    return Extraction(meta, mentions=mentions, events=(EventRecord(kind, span, "test", roles),),
                      sentences=((0, len(text)),))


def _interviews(extractions) -> dict:
    from graph.resolve.resolve import resolve
    from graph.rules.ruleset import load_rules

    facts = resolve(extractions, load_rules())
    out: dict = {}
    for (s, p, o), evidence in facts.facts.items():
        if p == KG.eventKind and str(o) == "interview":
            out[s] = {ev.span.article for ev in evidence}
    return out


def test_a_telling_without_its_key_role_joins_only_its_own_story():
    """Issue: "a telling that lacks that role joins the only event of its kind" joined an
    unrelated article's interview to the seed interview."""
    events = _interviews([_telling("a", "interview", "Mia Stone"), _telling("b", "interview", None)])
    assert sorted(map(sorted, events.values())) == [["a"], ["b"]]


def test_keyless_tellings_of_two_stories_stay_apart():
    events = _interviews([_telling("a", "interview", None), _telling("b", "interview", None)])
    assert sorted(map(sorted, events.values())) == [["a"], ["b"]]


def test_tellings_of_one_person_are_one_event():
    events = _interviews([_telling("a", "interview", "Mia Stone"), _telling("b", "interview", "Mia Stone")])
    assert sorted(map(sorted, events.values())) == [["a", "b"]]


def test_the_seed_story_stays_one_story(seed_graph):
    """Within one story the tellings still merge: one pregnancy loss, one interview."""
    got = rows(seed_graph, 'SELECT DISTINCT ?e WHERE { ?e kg:eventKind "pregnancy-loss" }')
    assert len(got) == 1


def test_two_full_names_of_other_middle_names_are_two_people(tmp_path):
    # quadruplets: Yaa Ama Owusu and Yaa Esi Owusu share a first name and a surname, not a person
    g = build_articles(tmp_path, {"quads.txt": (
        " date 2025-03-14\nA headline of no one\n\nThe babies were named Yaa Ama Owusu and Yaa Esi Owusu, "
        "their mother, Abena Owusu, said on Friday.\n")})
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert {"Yaa Ama Owusu", "Yaa Esi Owusu"} <= names
