"""The pipeline, end to end: load -> match -> resolve -> emit -> write -> view."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import RDF

from graph.errors import ArticleError
from graph.load import Article, discover, load_article
from graph.match import extract
from graph.records import Extraction
from graph.resolve import Facts, resolve
from graph.rules import RuleSet, load_rules
from graph.turtle import to_turtle
from graph.view import render_html
from graph.vocab import SDO
from graph.write import check_out_dir, write_all

# Above this many articles extraction runs in a process pool (both cores); below it
# the pool's start-up costs more than it saves. The output is the same either way.
POOL_THRESHOLD = 200


@dataclass
class BuildReport:
    """What a build read, made and wrote; printed as the summary."""

    articles: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    counts: Counter = field(default_factory=Counter)  # Person/Event/Quotation/... -> nodes
    triples: int = 0
    hits: Counter = field(default_factory=Counter)
    rules_total: int = 0
    outputs: list[str] = field(default_factory=list)
    facts: Facts | None = None
    rules: RuleSet | None = None

    def summary(self) -> str:
        fired = sum(1 for v in self.hits.values() if v)
        lines = [
            f"articles   {self.articles}" + (f" ({len(self.skipped)} skipped)" if self.skipped else ""),
            f"people     {self.counts.get('Person', 0)}",
            f"events     {self.counts.get('Event', 0)}",
            f"quotations {self.counts.get('Quotation', 0)}",
            f"things     {self.counts.get('Organization', 0) + self.counts.get('Place', 0) + self.counts.get('CreativeWork', 0)}"
            " (organisations, places, works)",
            f"triples    {self.triples}",
            f"rules      {fired} of {self.rules_total} fired",
        ]
        lines += [f"skipped    {f}: {why}" for f, why in self.skipped]
        lines += [f"wrote      {o}" for o in self.outputs]
        return "\n".join(lines)


def _extract_path(args) -> Extraction | tuple[str, str]:
    """Worker: load and match one article (top level so a process pool can pickle it)."""
    path, rules = args
    try:
        return extract(load_article(Path(path)), rules)
    except ArticleError as err:
        return (str(path), str(err))


def load_articles(paths, strict: bool, skipped: list) -> list[Article]:
    out = []
    for p in paths:
        try:
            out.append(load_article(p))
        except ArticleError as err:
            if strict:
                raise
            skipped.append((str(p), err.message))
    return out


def extract_all(paths: list[Path], rules: RuleSet, strict: bool, skipped: list, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> tuple[list[Extraction], dict[str, str]]:
    """Extraction of every article; a process pool when the corpus is large. Returns records and texts."""
    results: list = []
    jobs = jobs if jobs is not None else (os.cpu_count() or 1 if len(paths) >= POOL_THRESHOLD else 1)
    if jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for i, r in enumerate(pool.map(_extract_path, [(str(p), rules) for p in paths], chunksize=64)):
                results.append(r)
                if progress:
                    progress(i + 1, len(paths))
    else:
        for i, p in enumerate(paths):
            results.append(_extract_path((str(p), rules)))
            if progress:
                progress(i + 1, len(paths))
    extractions = []
    for r in results:
        if isinstance(r, tuple):
            if strict:
                raise ArticleError(r[1])
            skipped.append(r)
        else:
            extractions.append(r)
    texts = {}
    for x in extractions:
        texts[x.article.id] = load_article(Path(x.article.path)).text
    return extractions, texts


def build(seeds: Path, out: Path, rules_dir: Path | None = None, strict: bool = False, jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build graph.ttl and graph.html from a folder of articles; nothing is written unless all succeeds."""
    from graph.emit import emit

    rules = load_rules(rules_dir)
    out = check_out_dir(Path(out))
    report = BuildReport(rules=rules)
    paths, passed_over = discover(Path(seeds))
    report.skipped.extend((str(p), why) for p, why in passed_over)
    if strict and passed_over:
        raise ArticleError(f"{passed_over[0][0]}: {passed_over[0][1]} (--strict)")
    extractions, texts = extract_all(paths, rules, strict, report.skipped, jobs, progress)
    facts = resolve(extractions, rules)
    triples = emit(facts, rules, texts)
    ttl = to_turtle(triples)
    html = render_html(triples, title=f"Knowledge graph of {len(extractions)} articles")
    write_all({out / "graph.ttl": ttl, out / "graph.html": html})
    report.articles = len(extractions)
    report.triples = len(triples)
    report.facts = facts
    report.outputs = [str(out / "graph.ttl"), str(out / "graph.html")]
    report.rules_total = len([r for r in rules.all() if r.kind != "macros"])
    report.hits = Counter({r.id: 0 for r in rules.all() if r.kind != "macros"})
    report.hits.update(facts.hits)
    for s, p, o in triples:
        if p == RDF.type and str(o).startswith(str(SDO)):
            local = str(o)[len(str(SDO)):]
            if local in ("Book", "Movie"):
                local = "CreativeWork"
            report.counts[local] += 1
    return report
