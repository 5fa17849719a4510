"""Extraction on a Dask cluster and in a process pool gives the graph a single process gives, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, run_kg

pytest.importorskip("dask.distributed")


def _same_outputs(a: Path, b: Path) -> None:
    for name in ("graph.ttl", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between {a} and {b}"


def test_dask_build_of_the_seeds_equals_the_local_build(tmp_path, seed_build):
    result = run_kg("build", "--seeds", SEEDS, "--out", tmp_path / "dask", "--engine", "dask", "--jobs", "2", "--no-cache")
    assert result.returncode == 0, result.stderr
    _same_outputs(tmp_path / "dask", seed_build)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A synthetic corpus and its single-process build, shared by the engines compared with it."""
    from graph.build import build
    from tests.bench.synth import generate

    root = tmp_path_factory.mktemp("engines")
    generate(SEEDS, root / "corpus", 40)
    assert build(root / "corpus", root / "single", jobs=1).articles == 40
    return root


def test_dask_build_of_a_synthetic_corpus_equals_the_single_process_build(synthetic, tmp_path, monkeypatch):
    from graph.build import build
    from graph.runtime import dask_engine

    monkeypatch.setattr(dask_engine, "BATCH", 8)  # five batches: results gathered out of order must land in order
    build(synthetic / "corpus", tmp_path / "dask", engine="dask", jobs=2)
    _same_outputs(synthetic / "single", tmp_path / "dask")


def test_pool_build_equals_the_single_process_build(synthetic, tmp_path, monkeypatch):
    from graph.build import build
    from graph.runtime import engines

    monkeypatch.setattr(engines, "POOL_BATCH", 8)
    build(synthetic / "corpus", tmp_path / "pool", jobs=2)
    _same_outputs(synthetic / "single", tmp_path / "pool")


def test_unreachable_scheduler_is_a_clean_error(tmp_path):
    result = run_kg("build", "--seeds", SEEDS, "--out", tmp_path / "x", "--engine", "dask",
                    "--scheduler", "tcp://127.0.0.1:9", "--no-cache")
    assert result.returncode == 2
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


def test_scheduler_without_dask_engine_is_refused(tmp_path):
    result = run_kg("build", "--seeds", SEEDS, "--out", tmp_path / "x", "--scheduler", "tcp://127.0.0.1:9", "--no-cache")
    assert result.returncode == 2 and "--scheduler is for --engine dask only" in result.stderr
