"""A build's outputs appear together: written in a staging folder and swapped in one step, with
nothing left behind by a build that failed or was killed."""

from __future__ import annotations

import os

import pytest

from conftest import SEEDS
from graph.build import build
from graph.write import publish


def test_the_outputs_are_switched_together_and_other_files_kept(tmp_path):
    out = tmp_path / "out"
    build(SEEDS, out, cache_dir=None)
    (out / "notes.md").write_text("mine\n", encoding="utf-8")
    inode = (out / "notes.md").stat().st_ino
    publish(out, {"graph.ttl": "new ttl\n", "graph.html": "new html\n"})
    assert (out / "graph.ttl").read_text() == "new ttl\n" and (out / "graph.html").read_text() == "new html\n"
    assert (out / "notes.md").read_text() == "mine\n" and (out / "notes.md").stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging folder is left beside --out"


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    build(SEEDS, out, cache_dir=None)
    (tmp_path / ".out.new-killed").mkdir()
    (tmp_path / ".out.new-killed" / "graph.ttl").write_text("half", encoding="utf-8")
    (out / ".graph.ttl.abc123.tmp").write_text("half", encoding="utf-8")
    build(SEEDS, out, cache_dir=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == [".store", "graph.html", "graph.ttl"]  # the query store too


def test_a_failed_build_leaves_no_empty_output_folder(tmp_path, monkeypatch):
    import graph.build

    def broken(*args, **kwargs):
        raise RuntimeError("view failed")

    monkeypatch.setattr(graph.build, "render_html", broken)
    with pytest.raises(RuntimeError):
        build(SEEDS, tmp_path / "new-out", cache_dir=None)
    assert not (tmp_path / "new-out").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_after_the_first_file_changes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    publish(out, {"graph.ttl": "old ttl\n", "graph.html": "old html\n"})
    import graph.write

    real = graph.write._write_temp

    def failing(path, data, shown=None):
        if path.name == "graph.html":
            raise graph.write.OutputError(f"{shown}: cannot write: No space left on device")
        return real(path, data, shown)

    monkeypatch.setattr(graph.write, "_write_temp", failing)
    with pytest.raises(graph.write.OutputError, match="out/graph.html: cannot write"):
        publish(out, {"graph.ttl": "new ttl\n", "graph.html": "new html\n"})
    assert (out / "graph.ttl").read_text() == "old ttl\n" and (out / "graph.html").read_text() == "old html\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_an_output_folder_given_as_a_link_stays_a_link(tmp_path):
    real = tmp_path / "real"
    publish(real, {"graph.ttl": "a\n", "graph.html": "b\n"})
    link = tmp_path / "link"
    os.symlink(real, link)
    publish(link, {"graph.ttl": "c\n", "graph.html": "d\n"})
    assert link.is_symlink() and (real / "graph.ttl").read_text() == "c\n"


def test_pool_workers_end_with_a_killed_build(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from tests.bench.synth import generate

    corpus = tmp_path / "corpus"
    generate(SEEDS, corpus, 400)
    proc = subprocess.Popen([sys.executable, "-m", "graph", "build", "--seeds", str(corpus), "--out",
                             str(tmp_path / "out"), "--no-cache", "--jobs", "2", "-q"])
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline and proc.poll() is None:
        try:
            children = {int(c) for c in open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()}
        except OSError:
            break
        time.sleep(0.05)
    if not children:
        pytest.skip("the build finished before its pool started")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(os.path.exists(f"/proc/{c}") and "Z" not in open(f"/proc/{c}/stat").read().split()[2]
              for c in children if os.path.exists(f"/proc/{c}/stat")) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [c for c in children if os.path.exists(f"/proc/{c}/stat")
             and open(f"/proc/{c}/stat").read().split()[2] != "Z"]
    assert not alive, f"pool workers outlived the build: {alive}"
    assert not (tmp_path / "out").exists()
