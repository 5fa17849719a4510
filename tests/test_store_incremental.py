"""A rebuild patches the previous build's query store with the blocks of graph.ttl that changed
(graph/sparql/blocks.py, graph/sparql/persist.py), and the store it leaves holds exactly the
quads of a clean build's; a previous store that cannot be trusted is never patched."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from array import array
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, SEEDS, run_kg
from graph.build import build
from graph.resources import queries_dir
from graph.sparql import blocks
from graph.sparql.persist import BLOCKS, STORE, Written, open_fresh

EDIT = "\nShe later shared on Instagram that it was hard.\n"
ADDED = (" date 2021-02-03\nA singer speaks\n\nMarina Delacroix, a singer, married Tomas Delacroix in Lyon in 2019. "
         "Marina Delacroix said: \"We are so happy.\" Her husband Tomas Delacroix attended the premiere in Paris.\n")


def corpus(folder: Path) -> Path:
    """A copy of the seeds a test may edit."""
    shutil.copytree(SEEDS, folder)
    return folder


def edit_one_add_one(articles: Path) -> None:
    first = sorted(articles.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    (articles / "zz_added.txt").write_text(ADDED, encoding="utf-8")


def quads(out: Path) -> set:
    store, why = open_fresh(out / "graph.ttl")
    assert store is not None, why
    return set(store)


def clean_build(articles: Path, out: Path) -> Path:
    assert build(articles, out, cache_dir=None).store == Written("loaded whole")
    return out


def same_as_clean(out: Path, clean: Path) -> None:
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    got, want = quads(out), quads(clean)
    assert got == want, f"{len(got - want)} quads too many, {len(want - got)} missing: {sorted(map(str, got ^ want))[:5]}"
    assert got == set(ox.parse(path=str(clean / "graph.ttl"), format=ox.RdfFormat.TURTLE))


# ------------------------------------------------------------------ the manifest


def test_the_blocks_cut_the_file_into_the_prefixes_and_one_subject_each(seed_build):
    graph = seed_build / "graph.ttl"
    data = graph.read_bytes()
    manifest = blocks.scan(graph)
    assert manifest.sha256 == hashlib.sha256(data).hexdigest()
    spans = manifest.spans(range(len(manifest)))
    texts = [data[o:o + n] for o, n, _ in spans]
    assert b"\n\n".join(texts) + b"\n" == data  # a partition of the file, empty lines between
    assert all(blocks.digest(t) == d for t, (_, _, d) in zip(texts, spans))
    head = blocks.prefixes(texts[0])
    assert head and head[b"schema"] == b"https://schema.org/"
    whole = set(ox.parse(input=data, format=ox.RdfFormat.TURTLE))
    parts = [set(ox.parse(input=texts[0] + b"\n\n" + t + b"\n", format=ox.RdfFormat.TURTLE)) for t in texts[1:]]
    assert set().union(*parts) == whole and sum(map(len, parts)) == len(whole)  # no triple in two blocks
    assert all(len({q.subject for q in p}) == 1 for p in parts)
    assert blocks.Manifest.decode(manifest.encode()) == manifest


def test_the_difference_names_the_blocks_gone_and_new():
    def manifest(*texts: bytes) -> blocks.Manifest:
        lengths = array("Q", map(len, texts))
        return blocks.Manifest("00" * 32, lengths, b"".join(map(blocks.digest, texts)))

    old = manifest(b"@prefix a: <x:> .", b"a:1 a:p 1 .", b"a:2 a:p 2 .", b"a:3 a:p 3 .")
    new = manifest(b"@prefix a: <x:> .", b"a:1 a:p 1 .", b"a:2 a:p 20 .", b"a:3 a:p 3 .", b"a:4 a:p 4 .")
    diff = blocks.difference(old, new)
    assert [(o, n) for o, n, _ in diff.gone] == [(32, 11)]
    assert [(o, n) for o, n, _ in diff.new] == [(32, 12), (59, 11)]
    assert diff.kept == 2
    with pytest.raises(ValueError):
        blocks.Manifest.decode(old.encode()[:-1])


# ------------------------------------------------------------------ patched


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> dict:
    """The seeds built with a cache; one article edited and one added, built again; then one
    taken away, built again: each build's output folder beside a clean build of the same articles."""
    root = tmp_path_factory.mktemp("incremental")
    articles = corpus(root / "in")
    out, cache = root / "out", root / "cache"
    steps = {}
    report = build(articles, out, cache_dir=cache)
    steps["first"] = report.store
    edit_one_add_one(articles)
    steps["edited"] = build(articles, out, cache_dir=cache).store
    shutil.copytree(out, root / "after-edit", symlinks=True)
    clean_build(articles, root / "clean-edit")
    sorted(articles.glob("*.txt"))[1].unlink()
    steps["removed"] = build(articles, out, cache_dir=cache).store
    clean_build(articles, root / "clean-removed")
    return {"root": root, "out": out, "steps": steps}


def test_an_edited_and_an_added_article_patch_the_store_to_a_clean_builds_quads(rebuilt):
    root, steps = rebuilt["root"], rebuilt["steps"]
    assert steps["first"].line == "loaded whole" and steps["first"].notice is None
    assert steps["edited"].line.startswith("patched: ") and steps["edited"].notice is None
    assert " 0 new" not in steps["edited"].line
    same_as_clean(root / "after-edit", root / "clean-edit")


def test_a_removed_article_is_patched_out(rebuilt):
    root, steps = rebuilt["root"], rebuilt["steps"]
    assert steps["removed"].line.startswith("patched: ") and " 0 blocks gone" not in steps["removed"].line
    same_as_clean(rebuilt["out"], root / "clean-removed")


@pytest.mark.parametrize("args", [
    ["query", "people.rq"], ["query", "quotations.rq"], ["explain", "Luna"], ["conflicts"], ["stats"],
    ["path", "Luna", "Jack"],
])
def test_a_patched_store_answers_as_a_clean_one(rebuilt, args):
    patched = run_kg(*args, "--graph", rebuilt["out"] / "graph.ttl", "-v")
    clean = run_kg(*args, "--graph", rebuilt["root"] / "clean-removed" / "graph.ttl")
    assert patched.returncode == 0 and clean.returncode == 0, patched.stderr + clean.stderr
    assert patched.stderr == f"store: fresh ({rebuilt['out'] / STORE})\n"
    assert patched.stdout == clean.stdout


def test_every_shipped_query_answers_the_same_from_a_patched_store(rebuilt):
    from graph.sparql.store import Store

    patched = Store.open(rebuilt["out"] / "graph.ttl")
    clean = Store.open(rebuilt["root"] / "clean-removed" / "graph.ttl")
    assert patched.graph is not None and clean.graph is not None
    for query in sorted(queries_dir().glob("*.rq")):
        text = query.read_text(encoding="utf-8")
        assert patched.query(text).rows == clean.query(text).rows, query.name


def test_the_cli_says_the_store_was_patched(tmp_path):
    articles = corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = run_kg("build", "--seeds", articles, "--out", out, "--cache", tmp_path / "cache")
    assert first.returncode == 0 and "store " not in first.stdout and first.stderr == ""
    edit_one_add_one(articles)
    again = run_kg("build", "--seeds", articles, "--out", out, "--cache", tmp_path / "cache")
    assert again.returncode == 0 and again.stderr == "", again.stderr
    line, = [line for line in again.stdout.splitlines() if line.startswith("store ")]
    assert line.startswith("store      patched: ") and line.endswith(" kept")


# ------------------------------------------------------------------ not patched


def _tamper_manifest(out: Path) -> None:
    path = out / STORE / BLOCKS
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one digest changed, same size
    path.write_bytes(bytes(data))


def _another_graphs_store(out: Path) -> None:
    other = out.parent / "other"
    articles = corpus(out.parent / "other-in")
    sorted(articles.glob("*.txt"))[0].unlink()
    build(articles, other, cache_dir=None)
    shutil.rmtree(out / STORE)
    shutil.copytree(other / STORE, out / STORE)


def _forged_manifest(out: Path) -> None:
    """The manifest swapped for another graph's, and the stamp's digest of it rewritten to match:
    the manifest names the graph it describes."""
    other = out.parent / "other"
    articles = corpus(out.parent / "other-in")
    sorted(articles.glob("*.txt"))[0].unlink()
    build(articles, other, cache_dir=None)
    shutil.copy(other / STORE / BLOCKS, out / STORE / BLOCKS)
    stamp_path = out / STORE / "stamp.json"
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    stamp["extras"][BLOCKS] = json.loads((other / STORE / "stamp.json").read_text(encoding="utf-8"))["extras"][BLOCKS]
    stamp_path.write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _older_library(out: Path) -> None:
    path = out / STORE / "stamp.json"
    stamp = json.loads(path.read_text(encoding="utf-8"))
    stamp["pyoxigraph"] = "0.4.0"
    path.write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")


DAMAGE = {
    "written with another pyoxigraph": (_older_library, "was written with pyoxigraph 0.4.0"),
    "manifest tampered": (_tamper_manifest, f"has no {BLOCKS} as the build wrote it"),
    "manifest missing": (lambda out: (out / STORE / BLOCKS).unlink(), f"has no {BLOCKS} as the build wrote it"),
    "manifest of another graph": (_forged_manifest, "describes another graph than"),
    "store of another graph": (_another_graphs_store, "is stale"),
    "database file deleted": (lambda out: sorted((out / STORE / "db").glob("*.sst"))[-1].unlink(), "is damaged"),
    "graph edited": (lambda out: (out / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes() + b"\n"),
                     "is stale"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_previous_store_that_cannot_be_trusted_is_loaded_whole_with_one_line(tmp_path, damage):
    spoil, why = DAMAGE[damage]
    articles = corpus(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(articles, out, cache_dir=cache)
    spoil(out)
    edit_one_add_one(articles)
    done = run_kg("build", "--seeds", articles, "--out", out, "--cache", cache)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("store: ") and lines[0].endswith("; the graph was loaded whole")
    assert why in lines[0] and "Traceback" not in done.stderr
    assert "store      patched" not in done.stdout
    same_as_clean(out, clean_build(articles, tmp_path / "clean"))


def test_without_a_previous_store_the_graph_is_loaded_whole_saying_nothing(tmp_path):
    articles = corpus(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(articles, out, cache_dir=cache)
    shutil.rmtree(out / STORE)  # deleted, as the README says one may
    edit_one_add_one(articles)
    done = run_kg("build", "--seeds", articles, "--out", out, "--cache", cache)
    assert done.returncode == 0 and done.stderr == "" and "store " not in done.stdout
    same_as_clean(out, clean_build(articles, tmp_path / "clean"))


def test_a_patch_over_a_quarter_of_the_graph_loads_it_whole(tmp_path, monkeypatch):
    import graph.sparql.persist as persist

    articles = corpus(tmp_path / "in")
    out = tmp_path / "out"
    build(articles, out, cache_dir=None)
    edit_one_add_one(articles)
    monkeypatch.setattr(persist, "PATCH_SHARE", 0.0)
    written = build(articles, out, cache_dir=None).store
    assert written.line.startswith("loaded whole (") and written.notice is None
    same_as_clean(out, clean_build(articles, tmp_path / "clean"))


# ------------------------------------------------------------------ killed


def _files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in ("LOCK",) and not p.name.startswith("LOG")}


KILL_AFTER_PATCH = """
import os, signal, sys
from pathlib import Path
import graph.sparql.persist as persist
from graph.build import build

real, calls = persist._db_files, []
def kill_at_the_stamp(db):  # the first call checks the old store; the second lists the patched one
    calls.append(db)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(db)
persist._db_files = kill_at_the_stamp
build(Path(sys.argv[1]), Path(sys.argv[2]), cache_dir=Path(sys.argv[3]))
"""


def test_a_build_killed_after_patching_the_copy_leaves_the_old_outputs(tmp_path):
    articles = corpus(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(articles, out, cache_dir=cache)
    before, old_quads = _files(out), quads(out)
    edit_one_add_one(articles)
    killed = subprocess.run([sys.executable, "-c", KILL_AFTER_PATCH, articles, out, cache], cwd=ROOT,
                            capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.new-")], "killed inside the staging folder"
    assert _files(out) == before  # the patch wrote to the copy only: the hard-linked tables are never written
    assert open_fresh(out / "graph.ttl")[1] == "fresh" and quads(out) == old_quads
    written = build(articles, out, cache_dir=cache).store  # the next build clears the leftovers and patches
    assert written.line.startswith("patched: ")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.new-")]
    same_as_clean(out, clean_build(articles, tmp_path / "clean"))


def test_a_patch_that_fails_half_way_leaves_the_old_outputs(tmp_path, monkeypatch):
    import graph.sparql.persist as persist

    articles = corpus(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(articles, out, cache_dir=cache)
    before, old_quads = _files(out), quads(out)
    edit_one_add_one(articles)
    sorted(articles.glob("*.txt"))[1].unlink()  # blocks go, as well as come
    real, calls = persist._quads, []

    class Interrupting(list):
        def __iter__(self):  # Ctrl-C once the old blocks' triples are out of the copy
            yield from super().__iter__()
            raise KeyboardInterrupt

    def interrupted(head, texts):  # called for the blocks gone, then for the new ones
        calls.append(len(texts))
        return Interrupting(real(head, texts)) if len(calls) == 1 else real(head, texts)

    monkeypatch.setattr(persist, "_quads", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(articles, out, cache_dir=cache)
    assert calls[0] > 0
    assert _files(out) == before and quads(out) == old_quads
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "in", "out"]
