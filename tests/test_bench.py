"""The benchmark (development tooling in tests/bench/) on the smallest inputs that show it works.

A smoke run over 10 articles completes and its tables parse; no timing is asserted.
"""

from __future__ import annotations

import re

import subprocess
import sys

from conftest import ROOT, SEEDS


def run_bench(*args):
    """Run the benchmark as a developer does from a checkout: python -m tests.bench."""
    return subprocess.run([sys.executable, "-m", "tests.bench", *map(str, args)], cwd=ROOT, capture_output=True, text=True)

SECTIONS = ["Extraction", "Whole build", "Process pool and Dask", "Incremental build", "RDF I/O", "SPARQL",
            "Read commands", "SPARQL endpoint", "HTML"]


def _tables(markdown: str) -> dict[str, list[list[str]]]:
    """Section title -> rows of cells, checking every row has the header's number of cells."""
    out: dict[str, list[list[str]]] = {}
    title = None
    for line in markdown.splitlines():
        if line.startswith("### "):
            title = line[4:].strip()
            out[title] = []
        elif line.startswith("|") and title:
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            out[title].append(cells)
    for name, rows in out.items():
        assert rows and all(len(r) == len(rows[0]) for r in rows), f"{name}: ragged table"
        assert set(rows[1]) == {"---"}, f"{name}: no header rule"
    return out


def test_smoke_run_completes_and_its_table_parses(tmp_path):
    out = tmp_path / "bench.md"
    result = run_bench("--sizes", "10", "--repeat", "1", "--query-runs", "1", "--rdflib-budget", "0.2",
                       "--endpoint-queries", "16", "--out", out, "--workdir", tmp_path / "work")
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark") and "Machine: " in text
    assert text.strip() in result.stdout
    tables = _tables(text)
    assert list(tables) == SECTIONS
    for name, rows in tables.items():
        assert rows[0] == ["measure", "ours", "compared with", "ratio", "note"]
        assert len(rows) > 2, f"{name}: no measurements"
        for r in rows[2:]:
            assert r[1] and not re.search(r"\bnan\b", " ".join(r)), f"{name}: empty or missing figure in {r}"
    assert "records identical" in text and "RECORDS DIFFER" not in text


def test_synthetic_articles_differ_and_fire_the_same_rules(tmp_path):
    from graph.build import extract_all
    from graph.load import discover
    from graph.rules.ruleset import load_rules
    from tests.bench.synth import generate

    rules = load_rules(None)
    seeds, _ = discover(SEEDS)
    paths = generate(SEEDS, tmp_path / "c", 2 * len(seeds))
    assert len({p.read_text(encoding="utf-8") for p in paths}) == len(paths)
    assert generate(SEEDS, tmp_path / "d", 3) == [tmp_path / "d" / p.name for p in paths[:3]], "deterministic"
    synthetic, _ = extract_all(paths, rules, True, [], jobs=1)
    original, _ = extract_all(seeds, rules, True, [], jobs=1)

    # platforms and places are rotated, and people renamed: a story pack's rules, which run only on
    # articles naming that story's people, do not fire on the synthetic articles
    skip = {r.id for r in rules["gazetteer"]} | {r.id for r in rules.all() if rules.pack_words.get(r.pack)}

    def fired(xs):
        hits = {}
        for x in xs:
            for rule, n in x.hits:
                if rule not in skip:
                    hits[rule] = hits.get(rule, 0) + n
        return hits

    # the benchmark's corpus exercises nearly every general rule the seeds do (not always as often,
    # nor all: a respelt name reads differently to the rules that weigh names and their genders)
    missing = set(fired(original)) - set(fired(synthetic))
    assert len(missing) * 10 <= len(fired(original)), f"rules the synthetic corpus does not fire: {sorted(missing)}"


def test_one_section_runs_alone_and_builds_what_it_needs(tmp_path):
    out = tmp_path / "bench.md"
    result = run_bench("--sizes", "10", "--repeat", "1", "--query-runs", "1", "--rdflib-budget", "1",
                       "--sections", "commands", "--out", out, "--workdir", tmp_path / "work")
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert list(_tables(text)) == ["Read commands"]
    assert "--sections commands" in text, "the header says which sections ran"
    assert (tmp_path / "work" / "build-10" / "graph.ttl").is_file()


def test_an_unknown_section_is_refused_in_one_line(tmp_path):
    result = run_bench("--sizes", "20", "--sections", "sparql,speed", "--out", tmp_path / "b.md")
    assert result.returncode != 0
    assert "unknown section 'speed'" in result.stderr and "sparql" in result.stderr
    assert not (tmp_path / "b.md").exists()


def test_querycmp_puts_two_revisions_of_a_query_side_by_side(seed_build):
    """Against the committed texts (HEAD) the working tree's listings answer the same rows, so the
    comparison passes; a made-up revision is one clean error."""
    args = [sys.executable, "-m", "tests.bench.querycmp", "--graph", seed_build / "graph.ttl", "--runs", "1",
            "--queries", "people.rq", "conflicts.rq"]
    done = subprocess.run([*map(str, args), "--before", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == "people.rq" and lines[-4] == "conflicts.rq"  # in the order asked
    assert [line.split()[0] for line in lines if "identical" in line] == ["whole", "first", "page"] * 2
    bad = subprocess.run([*map(str, args), "--before", "no-such-revision"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and bad.stderr.startswith("Error: git show no-such-revision:schema/queries/")
