"""The pipeline, end to end: load -> match -> resolve -> emit -> write -> view."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import RDF

from graph.analyse.index import EVIDENCE, NAME as INDEX, STATS, StoryIndex, encode, encode_lines, story_index
from graph.analyse.network import stats_of_index
from graph.errors import ArticleError
from graph.load import check_size, decode, discover
from graph.rdf.turtle import TurtleBlocks, turtle_chunks
from graph.rdf.vocab import SDO
from graph.records import Extraction
from graph.resolve.resolve import resolve
from graph.rules.ruleset import RuleSet, load_rules
from graph.runtime.cache import CacheStats, ExtractionCache, article_key
from graph.runtime.collector import collector_paused
from graph.runtime.engines import run_engine
from graph.sparql.persist import STORE, Written, write_store
from graph.view.data import render_html
from graph.write import check_out_dir, publish

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
    rules: RuleSet | None = None
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds, for the benchmark
    cache: CacheStats | None = None  # hits and misses when a build cache was used
    store: Written | None = None  # how the query store was made: patched, or loaded whole

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
        if self.rules is not None:
            lines.append(f"rules from {shown_path(self.rules.source_dir)}" + (" (shipped)" if self.rules.shipped else ""))
        lines += [f"skipped    {why}" if why.startswith(f) else f"skipped    {f}: {why}" for f, why in self.skipped]
        if self.cache is not None:
            lines.append(f"cache      {self.cache.hits} reused, {self.cache.misses} extracted")
            lines += [f"cache      {why}" for why in self.cache.rejected]
        if self.store is not None and self.store.line != "loaded whole":
            lines.append(f"store      {self.store.line}")
        lines += [f"wrote      {o}" for o in self.outputs]
        return "\n".join(lines)


def shown_path(path: str) -> str:
    """A path as a user would type it here: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def extract_all(paths: list[Path], rules: RuleSet, strict: bool, skipped: list, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None, engine: str = "local",
                scheduler: str | None = None, cache: ExtractionCache | None = None,
                ) -> tuple[list[Extraction], dict[str, str]]:
    """Extraction of every article, in file order; returns the records and each article's text.

    Articles the cache already holds are not extracted again; the others run in one
    process, a process pool (large corpora) or on a Dask cluster, and are cached.
    """
    items: list[tuple[str, str, bytes]] = []
    results: list = [None] * len(paths)
    keys: list[str | None] = [None] * len(paths)
    raws: dict[str, bytes] = {}
    decoded: dict[str, str] = {}  # text of the articles decoded to check a cache entry, kept for the end
    for i, p in enumerate(paths):
        try:
            check_size(Path(p).stat().st_size, str(p))  # a huge file is refused before it is read
            raw = Path(p).read_bytes()
        except OSError as err:
            results[i] = (str(p), f"{p}: cannot read: {err.strerror}")
            continue
        except ArticleError as err:
            results[i] = (str(p), str(err))
            continue
        raws[str(p)] = raw
        if cache is not None:
            keys[i] = article_key(Path(p).stem, raw)
            try:
                text = decoded[str(p)] = decode(raw, str(p))
            except ArticleError:
                text = None  # not readable text: the engine reports why, as for any article
            hit = cache.get(keys[i], str(p), raw, text) if text is not None else None
            if hit is not None:
                results[i] = hit
                continue
        items.append((str(p), Path(p).stem, raw))
    todo = [i for i, r in enumerate(results) if r is None]
    done = len(paths) - len(todo)
    if progress and done:
        for k in range(done):
            progress(k + 1, len(paths))
    fresh = run_engine(items, rules, jobs, engine, scheduler,
                        (lambda n, total: progress(done + n, len(paths))) if progress else None)
    for i, r in zip(todo, fresh):
        results[i] = r
        if cache is not None and not isinstance(r, tuple):
            cache.put(keys[i], r)
    extractions = []
    for r in results:
        if isinstance(r, tuple):
            if strict:
                raise ArticleError(r[1])
            skipped.append(r)
        else:
            extractions.append(r)
    texts = {x.article.id: decoded.get(x.article.path) or decode(raws[x.article.path], x.article.path)
             for x in extractions}
    return extractions, texts


def build(seeds: Path, out: Path, rules_dir: Path | None = None, strict: bool = False, jobs: int | None = None,
          progress: Callable[[int, int], None] | None = None, engine: str = "local",
          scheduler: str | None = None, cache_dir: Path | None = None) -> BuildReport:
    """Build graph.ttl and graph.html from a folder of articles; nothing is written unless all succeeds.

    engine: where extraction runs ("local" or "dask", see graph/runtime/engines.py); scheduler: a Dask
    scheduler address. cache_dir: a folder that keeps each article's extraction
    between builds, so a rebuild extracts only new and edited articles.
    """
    with collector_paused():
        return _build(seeds, out, rules_dir, strict, jobs, progress, engine, scheduler, cache_dir)


def _build(seeds: Path, out: Path, rules_dir: Path | None, strict: bool, jobs: int | None, progress,
           engine: str, scheduler: str | None, cache_dir: Path | None) -> BuildReport:
    from graph.rdf.emit import emit

    clock = time.perf_counter
    t0 = clock()
    rules = load_rules(rules_dir)
    out = check_out_dir(Path(out))  # a bad --out fails now; the folder is made only to write
    report = BuildReport(rules=rules)
    paths, passed_over = discover(Path(seeds))
    report.skipped.extend((str(p), why) for p, why in passed_over)
    if strict and passed_over:
        raise ArticleError(f"{passed_over[0][0]}: {passed_over[0][1]}")
    cache = ExtractionCache(Path(cache_dir), rules.digest) if cache_dir is not None else None
    t_rules = clock()
    extractions, texts = extract_all(paths, rules, strict, report.skipped, jobs, progress,
                                     engine=engine, scheduler=scheduler, cache=cache)
    if cache is not None:
        cache.prune()
        report.cache = cache.stats()
    t1 = clock()
    facts = resolve(extractions, rules)
    t2 = clock()
    grouped: dict = {}  # the story's triples by subject, for the Turtle writer
    blocks = TurtleBlocks()  # and each provenance record, nine in ten of the triples, as its Turtle text
    triples = emit(facts, rules, texts, by_subject=grouped, blocks=blocks)
    report.articles = len(extractions)
    report.hits = Counter({r.id: 0 for r in rules.all() if r.kind != "macros"})
    report.hits.update(facts.hits)
    index, evidence = story_index(grouped, facts.facts, triples)  # what kg stats, path and view read of the graph
    extras = {INDEX: encode(index), EVIDENCE: encode_lines(evidence),
              STATS: encode(stats_of_index(StoryIndex(index)), sort_keys=False)}
    del index, evidence
    # the records and the merged facts now live on as triples; drop them before the
    # writers, whose working sets are the build's peak on a large corpus
    del extractions, facts, texts
    t3 = clock()
    ttl = turtle_chunks(triples, by_subject=grouped, blocks=blocks)  # pieces, written one by one: no gigabyte-long joined copy
    t4 = clock()
    html = render_html(triples, title=f"Knowledge graph of {report.articles} articles")
    t5 = clock()
    def make_store(folder: Path) -> None:  # from the previous build's store when it can be patched
        report.store = write_store(folder, folder.parent / "graph.ttl", extras, previous=out / "graph.ttl")

    publish(out, {"graph.ttl": ttl, "graph.html": html}, derived={STORE: make_store})
    t6 = clock()
    report.timings = {"rules": t_rules - t0, "extract": t1 - t_rules, "resolve": t2 - t1, "emit": t3 - t2,
                      "turtle": t4 - t3, "html": t5 - t4, "write": t6 - t5}
    report.triples = len(triples)
    report.outputs = [str(out / "graph.ttl"), str(out / "graph.html")]
    report.rules_total = len([r for r in rules.all() if r.kind != "macros"])
    # plain-string comparisons: rdflib's own run Python code, and this visits every triple
    a_type, sdo, same, starts = str(RDF.type), str(SDO), str.__eq__, str.startswith
    for s, p, o in triples:
        if same(p, a_type) and starts(o, sdo):
            local = str(o)[len(sdo):]
            if local in ("Book", "Movie"):
                local = "CreativeWork"
            report.counts[local] += 1
    return report
