"""Shared fixtures: the seed graph built once into a temporary folder, and small helpers."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Checked rule sets are cached in a folder of the test run, never in the user's ~/.cache;
# subprocesses (the CLI run as a user would) inherit it.
# (Set once: test modules that import helpers from `tests.conftest` run this file a second time.)
if "KG_TEST_RULES_CACHE" not in os.environ:
    os.environ["KG_TEST_RULES_CACHE"] = tempfile.mkdtemp(prefix="kg-rules-cache-")
    # The process that made the folder removes it when it ends (test workers inherit the folder and
    # leave it alone), so runs do not pile up checked rule sets in the temporary folder.
    atexit.register(shutil.rmtree, os.environ["KG_TEST_RULES_CACHE"], True)
    # The environment's own commands (kg, and the oxigraph server of the `scale` extra) are found
    # whether or not the virtual environment was activated.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
os.environ["KG_RULES_CACHE"] = os.environ["KG_TEST_RULES_CACHE"]
# A suite started in the background of a non-interactive shell (`pytest &` in a script) inherits
# SIGINT ignored, and so does every process it starts: `kg serve`, which the tests stop with
# Ctrl-C as a user does, would then never stop. Python's own handler here is what an
# interactive run has, and a child process starts with the default, as from a terminal.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = "/usr/bin/chromium"

# The test files that take longest (each a minute or near it: the seeds built with the whole development
# corpus, the benchmark's smoke run, the README's examples, which build and score the holdout articles),
# run first: the workers share the files as they come free (--dist=loadfile), and a long file started
# last is a minute that one worker spends alone at the end of the run.
LONGEST_FIRST = ("test_identity.py", "test_bench.py", "test_docs.py")


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def run_kg(*args, cwd=None, input=None):
    """Run the CLI as a user would (python -m graph), returning the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "graph", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, input=input)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """A fresh build of seeds/ (never output/): the folder holding graph.ttl and graph.html."""
    from graph.build import build

    out = tmp_path_factory.mktemp("seed-build")
    build(SEEDS, out)
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    """The seed build parsed with rdflib."""
    from rdflib import Graph

    return Graph().parse(seed_build / "graph.ttl", format="turtle")


def build_articles(folder: Path, articles: dict[str, str]):
    """Write the articles (file name -> text) into folder/in, build them into folder/out, and
    return the graph parsed with rdflib: how the tests of the rules read a small inline article."""
    from rdflib import Graph

    from graph.build import build

    for name, text in articles.items():
        write_article(Path(folder) / "in", name, text)
    build(Path(folder) / "in", Path(folder) / "out")
    return Graph().parse(Path(folder) / "out" / "graph.ttl", format="turtle")


def write_article(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    """A private copy of schema/rules that a test may break."""
    dst = tmp_path / "rules"
    shutil.copytree(ROOT / "schema" / "rules", dst)
    return dst


def extract_body(tmp_path: Path, rules, body: str, date: str = "2025-03-14"):
    """The extraction of a small article: a date marker, a headline that names no one, then `body`."""
    from graph.load import load_article
    from graph.match.extract import extract

    path = tmp_path / "a.txt"
    path.write_text(f" date {date}\nA headline of no one\n\n{body}", encoding="utf-8")
    return extract(load_article(path), rules)


def article_reader(tmp_path_factory, rules, articles: dict[str, str]):
    """`get(name)`: the extraction of the article `articles[name]` (as `extract_body` reads it), each read once."""
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract_body(tmp_path_factory.mktemp(name), rules, articles[name])
        return cache[name]
    return get


@pytest.fixture(scope="module")
def read_corpus(rules):
    """`read_corpus(name)`: the extraction of tests/corpus/NAME.txt, read whole by the extraction step as the rules
    see it (readings that hang on what the paragraphs before say), each article once per module."""
    from graph.load import load_article
    from graph.match.extract import extract

    corpus = Path(__file__).parent / "corpus"
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract(load_article(corpus / f"{name}.txt"), rules)
        return cache[name]
    return get


def named(x, kind: str = "Person") -> set[str]:
    """The names an extraction gives nodes of one type (Person, Organization, Place)."""
    return {m.ref.value for m in x.mentions if m.ref.type == kind}


def ties(x) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of an extraction's relations."""
    return {(r.subject.value, r.predicate, r.object.value) for r in x.relations}


def speakers(x, words: str) -> set[str]:
    """Who the quotations holding `words` are credited to."""
    return {s.ref.value for q in x.quotes if words in q.text for s in q.speakers}


def inner_speakers(x, words: str) -> set[str]:
    """Who the quotation that begins with `words` is credited to (not the one it is quoted in)."""
    return {s.ref.value for q in x.quotes if q.text.startswith(words) for s in q.speakers}


@pytest.fixture(scope="session")
def rules():
    """The shipped rule set, loaded once for the session (a test module may define its own)."""
    from graph.rules.ruleset import load_rules

    return load_rules(None)
