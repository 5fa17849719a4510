"""`kg eval` end to end: choose the gold files, build their articles (or read a built graph), score.

The articles are built together, as a user's corpus would be, into a temporary folder:
an article's facts must not change because other articles sit beside it, and scoring
them in one graph is how that shows.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from rdflib import Graph

from graph.errors import GoldError
from graph.evaluate.gold import Gold, load_articles, load_gold_dir
from graph.evaluate.score import Report, evaluate
from graph.rdf.vocab import Ontology

SPLITS_FILE = "splits.yaml"
SPLITS = ("all", "tune", "holdout")


def choose(golds: list[Gold], gold_dir: Path, split: str) -> list[Gold]:
    """The gold files of one split of `gold_dir/splits.yaml` (`holdout`: those listed under it;
    `tune`: all others, so a new article is one a curator may tune on until it is set aside)."""
    if split == "all":
        return golds
    path = Path(gold_dir) / SPLITS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        raise GoldError(path, None, f"--split {split} needs {SPLITS_FILE} in the gold folder",
                        "list the held-out articles under `holdout:` in it") from None
    except yaml.YAMLError as err:
        raise GoldError(path, None, f"invalid YAML: {err}".splitlines()[0]) from None
    holdout = data.get("holdout") if isinstance(data, dict) else None
    if not isinstance(holdout, list) or not all(isinstance(a, str) for a in holdout):
        raise GoldError(path, None, "expected `holdout:` with a list of article names")
    known = {g.article for g in golds}
    unknown = sorted(set(holdout) - known)
    if unknown:
        raise GoldError(path, None, f"holdout names {unknown[0]!r}, which no gold file annotates")
    held = set(holdout)
    return [g for g in golds if (g.article in held) == (split == "holdout")]


def run_eval(gold_dir: Path, seeds: Path | None = None, graph_path: Path | None = None,
             rules_dir: Path | None = None, split: str = "all") -> tuple[Report, object | None]:
    """Score the graph at `graph_path`, or a fresh build of every gold file's article.

    Returns the report and, when it built, the build's report (its summary names the rules).
    """
    golds = choose(load_gold_dir(gold_dir, seeds), gold_dir, split)
    if not golds:
        raise GoldError(Path(gold_dir), None, f"no gold file in the {split!r} split")
    missing = [g for g in golds if g.article_path is None or not Path(g.article_path).is_file()]
    if missing:
        raise GoldError(missing[0].path, 1, f"article {missing[0].article}.txt not found beside it"
                        + (f" nor under {seeds}" if seeds else ""), "pass --seeds DIR where the articles are")
    articles = load_articles(golds)
    ontology = Ontology.load().graph()  # read once per process, as the build reads it
    if graph_path is not None:
        from graph.analyse.validate import load_graph

        return evaluate(load_graph(graph_path), golds, articles, ontology), None
    from graph.build import build

    work = Path(tempfile.mkdtemp(prefix="kg-eval-"))
    try:
        corpus = work / "articles"
        corpus.mkdir()
        for g in golds:
            shutil.copyfile(g.article_path, corpus / f"{g.article}.txt")
        built = build(corpus, work / "out", rules_dir=rules_dir)
        graph = Graph().parse(work / "out" / "graph.ttl", format="turtle")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return evaluate(graph, golds, articles, ontology), built
