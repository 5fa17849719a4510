"""The provenance records written as Turtle blocks give the very text the general writer gives.

A build writes each rdf:Statement and oa:TextPositionSelector as one block while it
emits them (`turtle.TurtleBlocks`), and only the story's triples through the general
writer. These tests run the same facts both ways, the general way being
`emit` without blocks and `to_turtle`, and want the same bytes: for a hostile inline
article (quote marks, backslashes, newlines, control characters, characters beyond the
BMP, right-to-left marks in the text, the names and the file name), for the seeds, and
for the corner cases of the block writer (a fact about a record, no evidence at all).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.build import extract_all
from graph.load import discover
from graph.rdf.emit import emit
from graph.rdf.turtle import TurtleBlocks, to_turtle, turtle_chunks
from graph.rdf.vocab import BASE, SDO
from graph.resolve.resolve import Evidence, Facts, resolve
from graph.records import Span
from graph.rules.ruleset import load_rules
from tests.conftest import SEEDS

RAPPER = shutil.which("rapper") or "/usr/bin/rapper"

RLM, RLO, PDF, RLI, PDI = "\u200f", "\u202e", "\u202c", "\u2067", "\u2069"
ODD = f'"q" \'s\' back\\slash \\n \\" \x01\x08\x0b\x0c\x1b\x1f\x7f \u0085\u2028 {RLM}{RLO}txet{PDF} {RLI}שלום{PDI} \U0001F600\U00010348'
HEADLINE = f"Teigen {ODD} \"double\" headline"
ARTICLE = (
    f"{HEADLINE}\n\n"
    f"Chrissy Teigen went to the premiere of Netflix's \"{ODD} Film\" premiere in Los Angeles. "
    f"“I said {ODD} and\n\"more\",” Teigen said. John Legend wrote, “{RLM}مرحبا {ODD} \\\" end”.\n\n"
    f"Actress Maya Lopez{RLM} and her husband, Daniel Reed, were there with Yael Cohen{RLM}.\n"
)
FILE_NAME = f'odd "name" {RLO}eman{PDF} \\ \U0001F600 end.txt'


def both_ways(folder: Path):
    """The facts of folder's articles, emitted and written the general way and the block way:
    (general triples, block triples, general Turtle, block Turtle, number of blocks)."""
    rules = load_rules(None)
    paths, _ = discover(folder)
    extractions, texts = extract_all(paths, rules, False, [], 1)
    facts = resolve(extractions, rules)
    return written_both_ways(facts, rules, texts)


def written_both_ways(facts, rules, texts):
    general = emit(facts, rules, texts)
    grouped, blocks = {}, TurtleBlocks()
    made = emit(facts, rules, texts, by_subject=grouped, blocks=blocks)
    n_blocks = len(blocks)
    ttl = "".join(turtle_chunks(made, by_subject=grouped, blocks=blocks))
    return general, made, to_turtle(general), ttl, n_blocks


def assert_same_graph(expected_ttl: str, got_ttl: str) -> None:
    expected = Graph().parse(data=expected_ttl, format="turtle")
    got = Graph().parse(data=got_ttl, format="turtle")
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(f"lost: {sorted(only_expected)[:10]}\ngained: {sorted(only_got)[:10]}")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("odd-articles")
    (folder / FILE_NAME).write_bytes(ARTICLE.encode("utf-8"))
    return both_ways(folder)


def test_the_odd_text_reaches_the_records(hostile):
    """Otherwise the comparison below proves nothing: the odd strings are in statements and selectors."""
    general, made, _, ttl, n_blocks = hostile
    exacts = {str(o) for s, p, o in made if str(p).endswith("oa#exact")}
    assert any(ODD in e for e in exacts), exacts
    assert any(RLM + "مرحبا" in e for e in exacts)
    objects = {str(o) for s, p, o in made if str(p).endswith("#object") and isinstance(o, Literal)}
    assert HEADLINE in objects
    assert any(f"I said {ODD} and\n" in o for o in objects)
    assert n_blocks > 50


def test_blocks_give_the_general_writer_s_bytes_for_hostile_text(hostile):
    general, made, expected, got, _ = hostile
    assert set(made) == general and len(made) == len(general), "each triple once, the same triples"
    if got != expected:
        assert_same_graph(expected, got)  # a readable diff where the graphs differ, not just the bytes
        first = next(i for i, (a, b) in enumerate(zip(expected, got)) if a != b)
        pytest.fail(f"same graph, other bytes at {first}: {expected[first - 200:first + 200]!r}\n"
                    f"vs {got[first - 200:first + 200]!r}")
    assert_same_graph(expected, got)


def test_rapper_reads_the_hostile_blocks(hostile, tmp_path):
    _, made, _, ttl, _ = hostile
    path = tmp_path / "graph.ttl"
    path.write_text(ttl, encoding="utf-8")
    done = subprocess.run([RAPPER, "-c", "-i", "turtle", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(made)} triples" in done.stderr, done.stderr


def test_the_seed_build_is_byte_identical_to_the_general_writer(seed_build):
    """graph.ttl as `kg build` writes it (blocks) is what the general path writes for the seeds."""
    general, made, expected, got, n_blocks = both_ways(SEEDS)
    assert n_blocks > 0.8 * len({s for s, _, _ in general})  # most subjects are records
    assert got == expected
    assert (seed_build / "graph.ttl").read_text(encoding="utf-8") == expected


def small_facts():
    """A person with a name told by one article: one statement, two selectors."""
    text = "Maya Lopez went home. She smiled."
    facts = Facts()
    person = URIRef(f"{BASE}person/maya-lopez")
    facts.add(person, SDO.name, Literal("Maya Lopez"), Evidence(Span("a1", 0, 10, "Maya Lopez"), "name-does"))
    facts.sentences["a1"] = ((0, 21), (22, 33))
    return facts, {"a1": text}, person


def test_a_fact_about_a_record_is_written_with_the_record():
    """A story triple whose subject is a statement node: that node leaves the blocks for the general writer."""
    rules = load_rules(None)
    facts, texts, _ = small_facts()
    statement = next(s for s, p, o in emit(facts, rules, texts) if str(s).startswith(f"{BASE}fact/"))
    facts.add(statement, RDFS.comment, Literal("checked by hand"), None)
    general, made, expected, got, _ = written_both_ways(facts, rules, texts)
    assert (statement, RDFS.comment, Literal("checked by hand")) in general
    assert set(made) == general and len(made) == len(general)
    assert got == expected


def test_no_evidence_declares_no_prefix_of_the_record_shapes():
    """A block shape never written declares nothing: the header is the general writer's."""
    rules = load_rules(None)
    facts = Facts()
    facts.add(URIRef(f"{BASE}person/maya-lopez"), SDO.name, Literal("Maya Lopez"), None)
    general, made, expected, got, n_blocks = written_both_ways(facts, rules, {})
    assert n_blocks == 0
    assert got == expected
    assert "@prefix selector:" not in got and "@prefix fact:" not in got


def test_evidence_told_twice_is_one_record():
    rules = load_rules(None)
    facts, texts, person = small_facts()
    again = Evidence(Span("a1", 0, 10, "Maya Lopez"), "name-does")
    facts.facts[(person, SDO.name, Literal("Maya Lopez"))] = [again, again]  # a list keeps the repeat
    general, made, expected, got, n_blocks = written_both_ways(facts, rules, texts)
    assert n_blocks == 3  # the statement, its selector and its sentence's
    assert len(made) == len(general) and got == expected
