"""The build's query store (graph/sparql/persist.py): written with graph.ttl, read when fresh, never trusted stale.

Whether a command read the store or graph.ttl is told by `-v` ("store: fresh") and by the one
line a command prints when it falls back; no test here measures time.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_kg
from graph.analyse.explain import conflicts, conflicts_in, evidence_rows, evidence_rows_in, find_nodes, find_nodes_in
from graph.analyse.network import (Story, chains, close_matches, find_in_index, focused_html, format_chains,
                                    resolve_name, stats, stats_in)
from graph.analyse.validate import load_graph
from graph.rdf.vocab import SDO
from graph.errors import OutputError, QueryError
from graph.resources import queries_dir
from graph.sparql.persist import STORE, open_fresh, store_dir
from graph.sparql.store import Store, page

PEOPLE = "people.rq"
NEW_PERSON = ('\n<https://w3id.org/kg-news/id/person/zed-zebulon> a <https://schema.org/Person> ;\n'
              '    <https://schema.org/name> "Zed Zebulon" .\n')


@pytest.fixture
def build_copy(seed_build, tmp_path) -> Path:
    """A copy of the seed build, store included, that a test may damage: its graph.ttl."""
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, symlinks=True)
    return out / "graph.ttl"


def _one_store_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("store: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


# ------------------------------------------------------------------ the build


def test_the_build_writes_a_fresh_store_beside_the_graph(seed_build):
    folder = seed_build / STORE
    stamp = json.loads((folder / "stamp.json").read_text(encoding="utf-8"))
    assert stamp["sha256"] == hashlib.sha256((seed_build / "graph.ttl").read_bytes()).hexdigest()
    assert stamp["graph"] == "graph.ttl"
    store, why = open_fresh(seed_build / "graph.ttl")
    assert why == "fresh" and store is not None
    assert len(store) == len(Store.from_file(seed_build / "graph.ttl").store)


def test_a_rebuild_replaces_the_store_and_keeps_the_outputs_byte_identical(seed_build, tmp_path):
    from graph.build import build

    out = tmp_path / "out"
    build(SEEDS, out)
    first = json.loads((out / STORE / "stamp.json").read_text(encoding="utf-8"))
    (out / STORE / "db" / "left-by-the-old-store").write_bytes(b"x")
    build(SEEDS, out)  # over an existing output: the old store is replaced, not linked into the new one
    assert not (out / STORE / "db" / "left-by-the-old-store").exists()
    assert json.loads((out / STORE / "stamp.json").read_text(encoding="utf-8"))["sha256"] == first["sha256"]
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (seed_build / name).read_bytes()
    assert open_fresh(out / "graph.ttl")[1] == "fresh"


def test_a_store_that_cannot_be_written_leaves_the_old_outputs(seed_build, tmp_path, monkeypatch):
    import graph.build

    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    before = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    def broken(folder, graph_file, extras=None, previous=None):
        Path(folder).mkdir()
        (Path(folder) / "half-written").write_bytes(b"x")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(graph.build, "write_store", broken)
    with pytest.raises(OutputError):
        graph.build.build(SEEDS, out)
    after = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert after == before
    assert open_fresh(out / "graph.ttl")[1] == "fresh"


# ------------------------------------------------------------------ reading it


@pytest.mark.parametrize("args", [
    ["query", PEOPLE], ["explain", "Pepper"], ["conflicts"], ["stats"], ["path", "Kris Jenner", "Jack"],
])
def test_read_commands_ask_the_fresh_store(seed_build, args):
    graph = seed_build / "graph.ttl"
    told = run_kg(*args, "--graph", graph, "-v")
    assert told.returncode == 0, told.stderr
    assert told.stderr == f"store: fresh ({store_dir(graph)})\n"
    quiet = run_kg(*args, "--graph", graph)
    assert quiet.stderr == "" and quiet.stdout == told.stdout


def test_a_stale_store_is_not_used_and_the_answer_is_the_edited_graphs(build_copy):
    build_copy.write_text(build_copy.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
    done = run_kg("query", PEOPLE, "--graph", build_copy, "--format", "csv")
    assert done.returncode == 0
    assert "Zed Zebulon" in done.stdout  # only graph.ttl has him: the store was not asked
    line = _one_store_line(done.stderr)
    assert "stale" in line and "changed since the build" in line and str(build_copy) in line
    explained = run_kg("explain", "Zed Zebulon", "--graph", build_copy)
    assert explained.returncode == 0 and "# https://w3id.org/kg-news/id/person/zed-zebulon" in explained.stdout
    assert "stale" in _one_store_line(explained.stderr)


def test_a_missing_store_is_said_in_one_line(build_copy, seed_build):
    shutil.rmtree(build_copy.parent / STORE)
    done = run_kg("query", PEOPLE, "--graph", build_copy)
    assert done.returncode == 0
    assert "is missing" in _one_store_line(done.stderr)
    assert done.stdout == run_kg("query", PEOPLE, "--graph", seed_build / "graph.ttl").stdout


def _garbage(path: Path) -> None:
    size = path.stat().st_size
    path.write_bytes(bytes((i * 97 + 13) % 256 for i in range(size)))  # same size: the stamp's sizes still agree


@pytest.fixture(scope="module")
def answers_of_the_seed_build(seed_build) -> dict:
    """What the read commands print from the intact seed build: what a damaged store must not change."""
    return {c: run_kg(*c, "--graph", seed_build / "graph.ttl").stdout
            for c in (("query", PEOPLE), ("explain", "Luna"), ("stats",), ("conflicts",), ("path", "Luna", "Jack"))}


@pytest.mark.parametrize("which", ["every file", "tables only", "data blocks", "stamp"])
def test_a_damaged_store_falls_back_to_the_turtle_without_a_traceback(build_copy, answers_of_the_seed_build, which):
    db = build_copy.parent / STORE / "db"
    if which == "stamp":
        (build_copy.parent / STORE / "stamp.json").write_bytes(b"\x00garbage{")
    elif which == "data blocks":  # the tables' footers and indexes intact: the store opens, and fails only
        for f in sorted(db.glob("*.sst")):  # when a query reads a damaged block
            if f.stat().st_size > 100_000:
                data = bytearray(f.read_bytes())
                data[100:400] = bytes(300)
                f.write_bytes(bytes(data))
    else:
        for f in sorted(db.iterdir()):
            if which == "every file" or f.suffix == ".sst":
                _garbage(f)
    told = 0
    for command, stdout in answers_of_the_seed_build.items():
        done = run_kg(*command, "--graph", build_copy)
        assert done.returncode == 0, done.stderr
        assert done.stdout == stdout  # every block a query reads is checksummed: a wrong answer cannot come
        if which == "data blocks" and not done.stderr:
            continue  # this query read no damaged block
        line = _one_store_line(done.stderr)
        assert f"reading {build_copy} instead" in line
        told += 1
    # kg stats and kg path read the build's story index, which a damaged database leaves intact
    assert told >= (1 if which == "data blocks" else 2)


def test_a_store_with_a_file_of_another_size_is_not_opened(build_copy):
    sst = sorted((build_copy.parent / STORE / "db").glob("*.sst"))[-1]
    with open(sst, "ab") as f:
        f.write(b"tampered")
    store, why = open_fresh(build_copy)
    assert store is None and "damaged" in why


def test_two_readers_open_the_store_at_once(seed_build):
    graph = seed_build / "graph.ttl"
    a, b = Store.open(graph), Store.open(graph)
    assert a.graph == b.graph == graph  # both the on-disk store, neither the Turtle
    query = (queries_dir() / PEOPLE).read_text(encoding="utf-8")
    assert a.query(query).rows == b.query(query).rows


# ------------------------------------------------------------------ the same answers either way


@pytest.fixture(scope="module")
def both(seed_build, seed_graph):
    """The seed graph three ways: its store, graph.ttl in Oxigraph, graph.ttl in rdflib."""
    store = Store.open(seed_build / "graph.ttl")
    assert store.graph is not None
    return store, Store.from_file(seed_build / "graph.ttl"), seed_graph


@pytest.mark.parametrize("name", sorted(p.name for p in queries_dir().glob("*.rq")))
def test_shipped_queries_answer_the_same_from_the_store(both, name):
    store, memory, _ = both
    query = (queries_dir() / name).read_text(encoding="utf-8")
    bindings = {"family-tree.rq": {"name": "Luna"}, "attendees.rq": {"event": "Memorial service for Jack"},
                "quotations.rq": {"speaker": "Chrissy Teigen"}, "articles-mentioning.rq": {"a": "Luna", "b": "Jack"},
                "provenance.rq": {"subject": "Luna"}}.get(name, {})
    import pyoxigraph as ox

    terms = {k: ox.Literal(v) for k, v in bindings.items()}
    assert store.query(query, terms).rows == memory.query(query, terms).rows


def test_explain_and_conflicts_answer_the_same_from_the_store(both):
    store, _, g = both
    from rdflib import RDFS, Literal

    names = sorted({str(o) for o in g.objects(None, RDFS.label) if isinstance(o, Literal)})
    names += ["LUNA", "pepper", "https://w3id.org/kg-news/id/person/luna", "nobody at all"]
    for name in names:
        nodes = find_nodes(g, name)
        assert find_nodes_in(store, name) == nodes, name
        # kg explain asks the story index first: it names the same nodes, or none and the store is asked
        assert find_in_index(store, name) in ([], nodes), name
        for node in nodes:
            assert evidence_rows_in(store, node) == evidence_rows(g, node), (name, node)
    assert conflicts_in(store) == conflicts(g)


def test_stats_and_path_answer_the_same_from_the_store(both):
    store, _, g = both
    whole = Story(g)
    indexed = Story.for_reading(store, whole=False)  # as kg path reads it: the build's story index
    assert indexed.index is not None
    for top in (0, 3, 50, -2):  # kg stats: the answer the build stored, cut at --top
        assert stats_in(store, top=top) == stats(whole, top=top)
    for asked in (Story.from_store(store, whole=False), indexed):
        assert stats(asked, top=50) == stats(whole, top=50)
        for a, b in [("Kris Jenner", "Jack"), ("Chrissy", "Pepper"), ("Luna", "Miles"), ("Jack", "Getty Images")]:
            for with_articles in (False, True):
                ends = [resolve_name(s, n) for s in (whole, asked) for n in (a, b)]
                assert ends[:2] == ends[2:]
                found = [chains(s, *ends[:2], with_articles=with_articles) for s in (whole, asked)]
                assert format_chains(asked, *ends[:2], found[1]) == format_chains(whole, *ends[:2], found[0])
        for name in ("Chrisy", "jack", "https://w3id.org/kg-news/id/person/luna", "Nobody Atall"):
            assert asked.find(name) == whole.find(name)
            assert close_matches(asked, name) == close_matches(whole, name)


def test_kg_path_on_the_index_loads_neither_networkx_nor_pyvis(seed_build):
    # a read command that draws nothing pays for no graph library: at scale its imports are a good part
    # of its time (pyvis alone brings IPython)
    code = ("import runpy, sys\n"
            "sys.argv = ['kg', 'path', 'Chrissy Teigen', 'Jack', '--graph', sys.argv[1]]\n"
            "try:\n    runpy.run_module('graph', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'pyvis', 'IPython') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code, str(seed_build / "graph.ttl")], capture_output=True, text=True)
    assert "Chrissy Teigen → Jack" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_focused_view_from_the_store_is_the_page_of_the_whole_graph(both):
    """kg view and kg serve's /view/NAME read the story subgraph and the neighbourhood's own
    provenance from the store: byte for byte the page made from every triple."""
    store, memory, g = both
    whole, asked, loaded = Story(g), Story.from_store(store), Story.from_store(memory)
    indexed = Story.for_reading(store)  # the neighbourhood found in the story index, its triples asked
    assert indexed.index is not None
    for name in ("Jack", "Chrissy Teigen", "Luna", "Memorial service for Jack", "Getty Images"):
        node = resolve_name(whole, name)
        for depth in (1, 2, 3):
            page = focused_html(whole, node, depth)
            assert focused_html(asked, node, depth) == page, (name, depth)
            assert focused_html(loaded, node, depth) == page, (name, depth)
            assert focused_html(indexed, node, depth) == page, (name, depth)


@pytest.mark.parametrize("name", ["story.json", "evidence.jsonl", "stats.json"])
@pytest.mark.parametrize("damage", ["edited", "truncated", "removed", "not json"])
def test_a_story_index_that_is_not_what_the_build_wrote_is_not_read(build_copy, seed_graph, name, damage):
    """kg stats reads the answer and the story index the build stored only while their digests are
    the stamped ones: an edited, cut or missing file is passed over for the database, with the same answer."""
    index = store_dir(build_copy) / name
    raw = index.read_bytes()
    assert b"Jack" in raw
    if damage == "edited":
        index.write_bytes(raw.replace(b'Jack', b'Jock'))
    elif damage == "truncated":
        index.write_bytes(raw[: len(raw) // 2])
    elif damage == "removed":
        index.unlink()
    else:
        index.write_bytes(b"[1, 2, 3]\n")
    store = Store.open(build_copy)
    assert store.graph is not None  # the database itself is fresh
    assert (Story.for_reading(store, whole=False).index is None) == (name != "stats.json")
    done = run_kg("stats", "--format", "json", "--graph", build_copy)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == stats(Story(seed_graph), top=10)


def test_a_graph_touched_but_not_changed_keeps_its_store(build_copy):
    """The store trusts graph.ttl without reading it while it is the very file the build wrote; a
    file that was touched or copied is read once to its digest, and still matches."""
    graph = build_copy
    copy = graph.with_suffix(".tmp")
    shutil.copy(graph, copy)
    copy.replace(graph)  # another inode, the same bytes
    assert open_fresh(graph)[1] == "fresh"
    graph.write_bytes(graph.read_bytes().replace(b"Jack", b"Jock", 1))
    assert open_fresh(graph)[1].endswith("changed since the build")


def test_kg_view_asks_the_fresh_store(seed_build, tmp_path):
    out = tmp_path / "jack.html"
    done = run_kg("view", "Jack", "--graph", seed_build / "graph.ttl", "-o", out, "--no-open")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    story = Story(load_graph(seed_build / "graph.ttl"))
    assert out.read_text(encoding="utf-8") == focused_html(story, resolve_name(story, "Jack"), 1)


# ------------------------------------------------------------------ pages


def _csv(*args) -> list[str]:
    done = run_kg("query", *args, "--format", "csv")
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_limit_and_offset_give_pages_of_the_whole_answer(seed_build):
    graph = seed_build / "graph.ttl"
    whole = _csv(PEOPLE, "--graph", graph)
    header, rows = whole[0], whole[1:]
    assert len(rows) > 12
    assert _csv(PEOPLE, "--graph", graph, "--limit", "5") == [header] + rows[:5]
    assert _csv(PEOPLE, "--graph", graph, "--limit", "5", "--offset", "5") == [header] + rows[5:10]
    assert _csv(PEOPLE, "--graph", graph, "--offset", "10") == [header] + rows[10:]
    assert _csv(PEOPLE, "--graph", graph, "--offset", str(len(rows))) == [header]
    bound = _csv("family-tree.rq", "--graph", graph, "--bind", "name=Luna")
    assert _csv("family-tree.rq", "--graph", graph, "--bind", "name=Luna", "--limit", "2", "--offset", "1") \
        == bound[:1] + bound[2:4]


def test_a_query_with_its_own_limit_is_refused_in_one_line(seed_build):
    done = run_kg("query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "--graph", seed_build / "graph.ttl", "--limit", "2")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: --limit/--offset: the query has its own LIMIT")


@pytest.mark.parametrize("query, paged", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }\nLIMIT 2 OFFSET 1\n"),
    ("SELECT * WHERE { ?s ?p ?o } # no LIMIT here", "SELECT * WHERE { ?s ?p ?o } # no LIMIT here\nLIMIT 2 OFFSET 1\n"),
    ('SELECT ?limit WHERE { { SELECT ?limit WHERE { ?limit ?p "OFFSET" } LIMIT 5 } } ORDER BY ?limit',
     'SELECT ?limit WHERE { { SELECT ?limit WHERE { ?limit ?p "OFFSET" } LIMIT 5 } } ORDER BY ?limit\nLIMIT 2 OFFSET 1\n'),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s VALUES ?s { <a:b> }",
     "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s \nLIMIT 2 OFFSET 1\nVALUES ?s { <a:b> }"),
])
def test_paging_adds_the_clause_where_the_grammar_wants_it(query, paged):
    assert page(query, 2, 1) == paged


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o } limit 1", "SELECT * WHERE { ?s ?p ?o } OFFSET 1",
                                   "ASK { ?s ?p ?o } LIMIT 1"])
def test_paging_refuses_a_query_paged_already(query):
    with pytest.raises(QueryError):
        page(query, 2, None)


def test_a_focused_view_lists_only_the_articles_it_shows_or_cites(both):
    """A view of one neighbourhood carries the articles its facts come from, not every article of the
    corpus: Kris Jenner's facts come from one seed article, so her view names that one alone, from the
    whole graph and from the store's index alike."""
    store, _, g = both
    ids = sorted(str(o) for o in g.objects(None, SDO.identifier) if str(o)[:3].isdigit())
    for story in (Story(g), Story.for_reading(store)):
        page = focused_html(story, resolve_name(story, "Kris Jenner"), 1)
        assert [i for i in ids if f'"{i}"' in page] == ["000_9d37828a95a29d67"]
