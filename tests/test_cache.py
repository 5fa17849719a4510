"""The build cache: a rebuild extracts only new and edited articles, and writes what a clean build writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS, run_kg, write_article


def _corpus(tmp_path: Path, count: int) -> Path:
    from tests.bench.synth import generate

    folder = tmp_path / "corpus"
    generate(SEEDS, folder, count)
    return folder


def _build(seeds: Path, out: Path, cache: Path | None, **kw):
    from graph.build import build

    return build(seeds, out, cache_dir=cache, **kw)


def test_edit_and_add_rebuild_only_those_articles_and_match_a_clean_build(tmp_path):
    corpus = _corpus(tmp_path, 12)
    cache = tmp_path / "cache"
    first = _build(corpus, tmp_path / "a", cache)
    assert (first.cache.hits, first.cache.misses) == (0, 12)

    edited = sorted(corpus.glob("*.txt"))[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nShe later shared on Instagram that it was hard.\n",
                      encoding="utf-8")
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], corpus / "999_new.txt")
    again = _build(corpus, tmp_path / "b", cache)
    assert (again.cache.hits, again.cache.misses) == (11, 2)

    clean = _build(corpus, tmp_path / "c", None)
    assert clean.cache is None
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes(), name


def test_unchanged_corpus_is_read_from_the_cache_only(tmp_path):
    corpus = _corpus(tmp_path, 6)
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "a", cache)
    report = _build(corpus, tmp_path / "b", cache)
    assert (report.cache.hits, report.cache.misses) == (6, 0)
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_a_rule_change_invalidates_every_entry(tmp_path, rules_copy):
    corpus = _corpus(tmp_path, 4)
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "a", cache, rules_dir=rules_copy)
    names = rules_copy / "names.yaml"
    names.write_text(names.read_text(encoding="utf-8") + "\n# a comment changes the rules' hash\n", encoding="utf-8")
    report = _build(corpus, tmp_path / "b", cache, rules_dir=rules_copy)
    assert (report.cache.hits, report.cache.misses) == (0, 4)
    assert len([d for d in cache.iterdir() if d.is_dir()]) == 1, "the old rules' entries are pruned"


def test_a_damaged_entry_is_rebuilt(tmp_path):
    corpus = _corpus(tmp_path, 3)
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "a", cache)
    for entry in sorted(cache.rglob("*.json"))[:1]:
        entry.write_bytes(b"not an entry")
    report = _build(corpus, tmp_path / "b", cache)
    assert (report.cache.hits, report.cache.misses) == (2, 1)
    assert len(report.cache.rejected) == 1 and "is not JSON text; extracted afresh" in report.cache.rejected[0]
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def _seed_cache(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cache = tmp_path / "cache"
    _build(seeds, tmp_path / "clean", cache)
    return seeds, cache


def test_cache_entry_with_a_flipped_byte_is_rebuilt_and_said(tmp_path):
    seeds, cache = _seed_cache(tmp_path)
    entry = sorted(cache.rglob("*.json"))[0]
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0x01
    entry.write_bytes(bytes(data))
    report = _build(seeds, tmp_path / "b", cache)
    assert report.cache.misses == 1 and len(report.cache.rejected) == 1
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_cache_entry_with_an_edited_name_is_not_believed(tmp_path):
    seeds, cache = _seed_cache(tmp_path)
    edited = 0
    for entry in cache.rglob("*.json"):
        text = entry.read_text(encoding="utf-8")
        if "Kris Jenner" in text:
            entry.write_text(text.replace("Kris Jenner", "Kris Jennxr"), encoding="utf-8")
            edited += 1
    assert edited
    result = run_kg("build", "--seeds", seeds, "--out", tmp_path / "b", "--cache", cache)
    assert result.returncode == 0, result.stderr
    assert "Jennxr" not in (tmp_path / "b" / "graph.ttl").read_text(encoding="utf-8")
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("cache: ")]
    assert len(warnings) == edited and all("extracted afresh" in w for w in warnings)


def test_cache_entry_with_an_edited_name_and_a_recomputed_checksum_is_not_believed(tmp_path):
    import hashlib
    import json

    seeds, cache = _seed_cache(tmp_path)
    for entry in cache.rglob("*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        if "Kris Jenner" in data["records"]:
            data["records"] = data["records"].replace("Kris Jenner", "Kris Jennxr")
            data["checksum"] = hashlib.sha256(data["records"].encode("utf-8")).hexdigest()
            entry.write_text(json.dumps(data), encoding="utf-8")
    report = _build(seeds, tmp_path / "b", cache)
    assert report.cache.rejected and all("the article does not hold" in r for r in report.cache.rejected)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_two_swapped_cache_entries_are_both_rebuilt(tmp_path):
    seeds, cache = _seed_cache(tmp_path)
    a, b = sorted(cache.rglob("*.json"))[:2]
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)
    b.write_bytes(data_a)
    report = _build(seeds, tmp_path / "b", cache)
    assert report.cache.misses == 2 and len(report.cache.rejected) == 2
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_a_cache_entry_is_never_run_as_code(tmp_path):
    import pickle

    seeds, cache = _seed_cache(tmp_path)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    for entry in cache.rglob("*.json"):
        entry.write_bytes(pickle.dumps(Payload()))
    report = _build(seeds, tmp_path / "b", cache)
    assert not marker.exists()
    assert report.cache.hits == 0 and len(report.cache.rejected) == 5


def test_cli_cache_beside_the_output_and_no_cache(tmp_path):
    seeds = tmp_path / "seeds"
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        write_article(seeds, p.name, p.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    result = run_kg("build", "--seeds", seeds, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "cache      0 reused, 2 extracted" in result.stdout
    assert (tmp_path / ".kg-cache").is_dir() and not (out / ".kg-cache").exists()
    result = run_kg("build", "--seeds", seeds, "--out", out)
    assert "cache      2 reused, 0 extracted" in result.stdout
    result = run_kg("build", "--seeds", seeds, "--out", tmp_path / "out2", "--no-cache")
    assert result.returncode == 0 and "cache " not in result.stdout
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "out2" / "graph.ttl").read_bytes()
