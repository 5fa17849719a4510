"""The builder end to end: determinism, independent parsers, SHACL, provenance, the committed output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from graph.rdf.vocab import OA, PROV, SDO
from tests.conftest import ROOT, SEEDS, run_kg

CONTRACT_CHECK = ROOT.parent / "shared" / "tools" / "contract-check"


def build_with_seed(tmp: Path, hashseed: str) -> Path:
    out = tmp / f"out-{hashseed}"
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    done = subprocess.run([sys.executable, "-m", "graph", "build", "--seeds", SEEDS, "--out", out, "-q"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def test_two_builds_are_byte_identical(tmp_path):
    a, b = build_with_seed(tmp_path, "1"), build_with_seed(tmp_path, "4242")
    for name in ("graph.ttl", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_committed_output_matches_a_fresh_build(seed_build):
    for name in ("graph.ttl", "graph.html"):
        assert (ROOT / "output" / name).read_bytes() == (seed_build / name).read_bytes(), \
            f"output/{name} is stale: run `kg build` and commit output/"


def test_summary_and_outputs(tmp_path):
    done = run_kg("build", "--seeds", SEEDS, "--out", tmp_path / "o")
    assert done.returncode == 0, done.stderr
    for word in ("articles   5", "people", "events", "quotations", "triples", "rules"):
        assert word in done.stdout
    assert (tmp_path / "o" / "graph.ttl").stat().st_size > 0 and (tmp_path / "o" / "graph.html").stat().st_size > 0


def test_rapper_counts_the_same_triples(seed_build, seed_graph):
    rapper = shutil.which("rapper")
    assert rapper, "rapper (Debian raptor2-utils) is needed for this test"
    done = subprocess.run([rapper, "-i", "turtle", "-c", str(seed_build / "graph.ttl")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(seed_graph)} triples" in done.stderr


def test_validate_conforms_and_catches_a_broken_graph(seed_build, tmp_path):
    done = run_kg("validate", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "conforms" in done.stdout
    broken = tmp_path / "broken.ttl"
    g = Graph().parse(seed_build / "graph.ttl")
    person = next(g.subjects(RDF.type, SDO.Person))
    g.remove((person, SDO.name, None))
    g.serialize(broken, format="turtle")
    done = run_kg("validate", "--graph", broken)
    assert done.returncode == 1
    assert "does not conform" in done.stdout and str(person) in done.stdout


def test_validate_missing_graph_is_an_error(tmp_path):
    done = run_kg("validate", "--graph", tmp_path / "none.ttl")
    assert done.returncode == 2 and done.stderr.startswith("Error:")


def test_every_selector_slices_its_exact(seed_graph):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    n = 0
    for fact, sel in seed_graph.subject_objects(OA.hasSelector):
        article = str(seed_graph.value(seed_graph.value(fact, OA.hasSource), SDO.identifier))
        start, end = int(seed_graph.value(sel, OA.start)), int(seed_graph.value(sel, OA.end))
        assert texts[article][start:end] == str(seed_graph.value(sel, OA.exact))
        assert seed_graph.value(fact, PROV.wasGeneratedBy) is not None
        n += 1
    assert n > 500


def test_every_story_triple_is_reified(seed_graph):
    """Each triple about a person, event or quotation has a statement naming article and rule."""
    reified = {(seed_graph.value(st, RDF.subject), seed_graph.value(st, RDF.predicate), seed_graph.value(st, RDF.object))
               for st in seed_graph.subjects(RDF.type, RDF.Statement)}
    story = set()
    for cls in (SDO.Person, SDO.Event, SDO.Quotation, SDO.Organization, SDO.Place):
        story |= set(seed_graph.subjects(RDF.type, cls))
    missing = [(s, p, o) for s in story for p, o in seed_graph.predicate_objects(s)
               if p != PROV.wasDerivedFrom and (s, p, o) not in reified]
    assert not missing, missing[:5]


def test_no_blank_nodes_and_https_schema(seed_build, seed_graph):
    from rdflib import BNode

    assert not [t for t in seed_graph if any(isinstance(x, BNode) for x in t)]
    assert "http://schema.org/" not in (seed_build / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.skipif(not CONTRACT_CHECK.exists(), reason="the shared contract checker is not beside the project")
def test_contract_check(seed_build):
    done = subprocess.run([sys.executable, str(CONTRACT_CHECK), str(seed_build), str(SEEDS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert "contract: 0 findings" in done.stdout


def test_explain_and_conflicts_commands(seed_build):
    done = run_kg("explain", "Pepper", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 0, done.stderr
    assert "parent-of-named" in done.stdout and "002_9d829754294de5da[" in done.stdout
    done = run_kg("conflicts", "--graph", seed_build / "graph.ttl", "--check")
    assert done.returncode == 1
    assert "2020-09-30" in done.stdout and "2020-10-01" in done.stdout and "2 conflicting fact(s)" in done.stdout
    done = run_kg("explain", "Nobody At All", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 2 and "Error:" in done.stderr


def test_rules_coverage_lists_the_curators_todo():
    done = run_kg("rules", "--coverage")
    assert done.returncode == 0, done.stderr
    assert "never fired" in done.stdout and "to look at" in done.stdout
    assert "quote-then-speaker-verb" in done.stdout
