"""The benchmark: the project against its natural alternatives, measured in one run.

    python -m tests.bench                      # 100, 1,000 and 10,000 articles -> output/bench.md
    python -m tests.bench --large              # and 100,000
    python -m tests.bench --sizes 100 --repeat 1 --out /tmp/bench.md   # the CI smoke run

Every figure is the median of --repeat runs (one run for the heavy rdflib steps on
large graphs, said in the table). Builds run in a child process each, so peak
memory (ru_maxrss of the process that holds the graph) is the build's own.
Sections: extraction against a bare `re` scan and a spaCy pipeline; the whole
build against the same pipeline writing through plain rdflib; the process pool
and Dask against one worker; incremental rebuilds; RDF I/O with pyoxigraph
against rdflib; SPARQL latency of the shipped queries; the read commands from the
command line (time and memory); a loopback load on
`kg serve` over the 1,000-article graph, calm and with hostile clients; HTML generation.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout: tests/bench/ is two levels down
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "schema" / "queries"
SIZES = (100, 1000, 10000)
LARGE = 100000
HEAVY = 1_000_000  # above this many triples a plain-rdflib step runs once, not --repeat times
FIRST_PAGE = 100  # rows in the first page of a listing, as `kg query --limit 100` asks it
MAX_ROWS = 100_000  # `kg serve --max-rows` by default: the endpoint's load is run against its defaults

# The practical limit of a Python scan: one compiled regex, one pass, over the same text,
# finding what the rules look for first (capitalised names, quotations, years).
RE_SCAN = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*|[“\"][^”\"\n]{1,400}[”\"]|\b(?:19|20)\d\d\b")

# What a user would otherwise write in spaCy: phrase patterns for the gazetteer, the
# event triggers and the months, and token patterns for names, dates and attributions.
SPACY_PHRASES = ["took to", "shared a video", "penned an open letter", "held a memorial", "opened up",
                 "lost their", "announced the news", "revealed the news", "experienced the loss", "premiere of",
                 "the family", "her husband", "his wife", "due date", "National Sons Day", "interview with",
                 "January", "February", "March", "April", "June", "July", "August", "September", "October",
                 "November", "December"]
SPACY_TOKENS = {
    "NAME": [[{"IS_TITLE": True}, {"IS_TITLE": True}], [{"IS_TITLE": True}, {"IS_TITLE": True}, {"IS_TITLE": True}]],
    "DATE": [[{"LOWER": {"IN": ["jan.", "feb.", "sept.", "oct.", "nov.", "dec.", "january", "september", "october",
                                "november"]}}, {"IS_DIGIT": True}, {"ORTH": ",", "OP": "?"}, {"SHAPE": "dddd"}]],
    "SAID": [[{"IS_TITLE": True}, {"LEMMA": {"IN": ["say", "write", "tell", "add"]}}],
             [{"LOWER": {"IN": ["she", "he", "they"]}}, {"LOWER": {"IN": ["said", "wrote", "told", "added"]}}]],
    "KIN": [[{"LOWER": {"IN": ["her", "his", "their"]}}, {"LOWER": {"IN": ["son", "daughter", "husband", "wife"]}},
             {"IS_TITLE": True}]],
    "AGO": [[{"LOWER": {"IN": ["a", "one", "two"]}}, {"LOWER": {"IN": ["year", "years"]}}, {"LOWER": "ago"}]],
    "WEEKS": [[{"IS_DIGIT": True}, {"LOWER": "weeks"}]],
    "QUOTE": [[{"ORTH": "“"}, {"IS_ALPHA": True, "OP": "+"}]],
}


@dataclass(frozen=True)
class Row:
    """One line of a table."""

    measure: str
    ours: str
    other: str = ""
    ratio: str = ""
    note: str = ""


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def p99(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.99 * (len(xs) - 1))))] if xs else float("nan")


def timed(fn, repeat: int):
    """Median seconds of `repeat` runs of fn(), and its last result."""
    times, result = [], None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return median(times), result


def fmt(x: float, digits: int = 0) -> str:
    if x != x:  # nan
        return "n/a"
    return f"{x:,.{digits}f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if a and b and a == a and b == b else "n/a"


# ------------------------------------------------------------------ the corpora


def corpus_dir(work: Path, size: int) -> Path:
    """A synthetic corpus of `size` articles under work/, made once and reused."""
    from tests.bench.synth import generate

    folder = work / f"corpus-{size}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(SEEDS, folder, size)
        done.write_text(str(size))
    return folder


def read_corpus(folder: Path, limit: int | None = None):
    from graph.load import discover, parse_article

    paths, _ = discover(folder)
    paths = paths[:limit] if limit else paths
    raws = [(str(p), p.stem, p.read_bytes()) for p in paths]
    return [parse_article(raw, path, aid) for path, aid, raw in raws]


# ------------------------------------------------------------------ extraction


def spacy_pipeline(rules):
    """spaCy blank("en") + sentencizer + EntityRuler + Matcher with patterns like ours; None without spaCy."""
    try:
        import spacy
        from spacy.matcher import Matcher
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    phrases = [{"label": "ORG", "pattern": r.get("name")} for r in rules["gazetteer"]]
    phrases += [{"label": "TRIGGER", "pattern": p} for p in SPACY_PHRASES]
    ruler.add_patterns(phrases)
    matcher = Matcher(nlp.vocab)
    for label, patterns in SPACY_TOKENS.items():
        matcher.add(label, patterns)
    return nlp, matcher, len(phrases), sum(len(p) for p in SPACY_TOKENS.values())


def bench_extraction(work: Path, size: int, repeat: int) -> tuple[list[Row], dict]:
    from graph.match.extract import extract
    from graph.rules.ruleset import load_rules

    rules = load_rules(None)
    articles = read_corpus(corpus_dir(work, size))
    texts = [a.text for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(articles)
    ours, _ = timed(lambda: [extract(a, rules) for a in articles], repeat)
    scan, _ = timed(lambda: sum(1 for t in texts for _ in RE_SCAN.finditer(t)), repeat)
    rows = [Row(f"extraction, {n:,} articles ({mb:.1f} MB), one process", f"{fmt(n / ours)} art/s, {mb / ours:.2f} MB/s")]
    rows.append(Row("bare `re` scan, one pass (the practical limit)", f"{mb / ours:.2f} MB/s", f"{mb / scan:.1f} MB/s",
                    f"{100 * scan / ours:.0f}% of it", "target ≥ 20%"))
    figures = {"extract_mbs": mb / ours, "re_mbs": mb / scan}
    spacy = spacy_pipeline(rules)
    if spacy is not None:
        nlp, matcher, nphrase, ntoken = spacy

        def run_spacy():
            return sum(len(matcher(doc)) + len(doc.ents) for doc in nlp.pipe(texts))

        sp, _ = timed(run_spacy, repeat)
        rows.append(Row(f"spaCy blank(\"en\") + sentencizer + EntityRuler ({nphrase} phrases) + Matcher ({ntoken} token patterns)",
                        f"{mb / ours:.2f} MB/s", f"{mb / sp:.2f} MB/s", ratio(sp, ours), "target ≥ 1.5×"))
        figures["spacy_mbs"] = mb / sp
    return rows, figures


# ------------------------------------------------------------------ whole builds (child processes)


def one_build(corpus: Path, out: Path, writer: str, jobs: int | None, cache: Path | None) -> dict:
    """Run the pipeline once in this process and return its figures (called in a child process)."""
    from graph.build import build
    from graph.runtime.collector import collector_paused

    if writer == "ours":
        report = build(corpus, out, jobs=jobs, cache_dir=cache)
        timings, triples = report.timings, report.triples
    else:
        with collector_paused():  # as `build` runs: the comparison is of the writers alone
            timings, triples = _rdflib_build(corpus, out, jobs)
    return {"timings": timings, "triples": triples, "seconds": sum(timings.values()),
            "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _rdflib_build(corpus: Path, out: Path, jobs: int | None) -> tuple[dict, int]:
    """The same pipeline, but the triples go into an rdflib.Graph and out through its Turtle serializer."""
    from rdflib import Graph

    from graph.build import extract_all
    from graph.rdf.emit import emit
    from graph.load import discover
    from graph.resolve.resolve import resolve
    from graph.rules.ruleset import load_rules
    from graph.view.data import render_html
    from graph.rdf.vocab import PREFIXES
    from graph.write import check_out_dir, publish

    clock = time.perf_counter
    t0 = clock()
    rules = load_rules(None)
    out = check_out_dir(out)
    paths, _ = discover(corpus)
    t_rules = clock()
    extractions, texts = extract_all(paths, rules, False, [], jobs)
    t1 = clock()
    facts = resolve(extractions, rules)
    t2 = clock()
    triples = emit(facts, rules, texts)
    t3 = clock()
    g = Graph()
    for p, ns in sorted(PREFIXES.items()):
        g.bind(p, ns)
    for t in triples:
        g.add(t)
    ttl = g.serialize(format="turtle")
    t4 = clock()
    html = render_html(triples, title=f"Knowledge graph of {len(extractions)} articles")
    t5 = clock()
    publish(out, {"graph.ttl": ttl, "graph.html": html})  # written as the build writes its own
    t6 = clock()
    return ({"rules": t_rules - t0, "extract": t1 - t_rules, "resolve": t2 - t1, "emit": t3 - t2, "turtle": t4 - t3, "html": t5 - t4,
             "write": t6 - t5}, len(triples))


def child_build(corpus: Path, out: Path, writer: str = "ours", jobs: int | None = None,
                cache: Path | None = None) -> dict:
    args = [sys.executable, "-m", "tests.bench", "--one-build", str(corpus), str(out), "--writer", writer]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    if cache is not None:
        args += ["--cache", str(cache)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark build failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def built(work: Path, size: int) -> Path:
    """The size-article build's folder, built now if an earlier run (or section) left none."""
    out = work / f"build-{size}"
    if not (out / "graph.ttl").is_file():
        child_build(corpus_dir(work, size), out)
    return out


def bench_builds(work: Path, sizes: list[int], repeat: int, rdflib_size: int) -> tuple[list[Row], dict]:
    rows, figures = [], {"builds": {}}
    for size in sizes:
        corpus = corpus_dir(work, size)
        runs = [child_build(corpus, work / f"build-{size}") for _ in range(repeat if size <= 1000 else 1)]
        best = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
        figures["builds"][size] = best
        t, n = best["seconds"], best["triples"]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in best["timings"].items())
        rows.append(Row(f"whole build, {size:,} articles ({n:,} triples)",
                        f"{t:.1f} s: {fmt(n / t)} triples/s, {fmt(size / t)} art/s, peak memory "
                        f"{best['maxrss'] / 1e9:.2f} GB ({best['maxrss'] / n:.0f} B/triple)",
                        note=f"stages (s): {stages}" + ("; target peak < 2 GB" if size == 10000 else "")))
    if rdflib_size in figures["builds"]:
        ours = figures["builds"][rdflib_size]
        other = child_build(corpus_dir(work, rdflib_size), work / f"build-rdflib-{rdflib_size}", writer="rdflib")
        figures["rdflib_build"] = other
        rows.append(Row(f"whole build, {rdflib_size:,} articles, writing through plain rdflib",
                        f"{ours['seconds']:.1f} s, {ours['maxrss'] / ours['triples']:.0f} B/triple",
                        f"{other['seconds']:.1f} s, {other['maxrss'] / other['triples']:.0f} B/triple",
                        ratio(other["seconds"], ours["seconds"]),
                        f"target ≥ 10×; the same extraction, resolve and view; ours also writes the query store "
                        f"(in its write stage, {ours['timings']['write']:.1f} s); rdflib add+serialize "
                        f"{other['timings']['turtle']:.1f} s vs our writer {ours['timings']['turtle']:.1f} s"))
    builds = figures["builds"]
    if 1000 in builds and max(builds) > 1000:
        big = max(builds)
        per_small = builds[1000]["seconds"] / 1000
        per_big = builds[big]["seconds"] / big
        rows.append(Row(f"cost per article, {big:,} vs 1,000 articles", f"{1000 * per_big:.1f} ms",
                        f"{1000 * per_small:.1f} ms", f"{per_big / per_small:.2f}×", "target ≤ 1.3×"))
    return rows, figures


def bench_engines(work: Path, size: int) -> tuple[list[Row], dict]:
    """Extraction alone: one process against the pool of every core, and Dask with 1 and 2 workers."""
    from graph.runtime.engines import run_engine
    from graph.rules.ruleset import load_rules

    rules = load_rules(None)
    corpus = corpus_dir(work, size)
    items = [(str(p), p.stem, p.read_bytes()) for p in sorted(corpus.glob("*.txt"))]
    cores = os.cpu_count() or 1
    t1, one = timed(lambda: run_engine(items, rules, 1, "local", None, None), 1)
    tp, pooled = timed(lambda: run_engine(items, rules, cores, "local", None, None), 1)
    rows = [Row(f"extraction of {size:,} articles, process pool of {cores} against 1 process",
                f"{tp:.2f} s", f"{t1:.2f} s", ratio(t1, tp), "records identical" if one == pooled else "RECORDS DIFFER")]
    figures = {"pool_speedup": t1 / tp, "pool_identical": one == pooled}
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return rows, figures
    td1, d1 = timed(lambda: run_engine(items, rules, 1, "dask", None, None), 1)
    td2, d2 = timed(lambda: run_engine(items, rules, 2, "dask", None, None), 1)
    rows.append(Row(f"extraction of {size:,} articles on Dask LocalCluster, 2 workers against 1",
                    f"{td2:.2f} s", f"{td1:.2f} s", ratio(td1, td2),
                    ("records identical to local" if d1 == d2 == one else "RECORDS DIFFER") + "; includes cluster start"))
    figures["dask_speedup"] = td1 / td2
    return rows, figures


def bench_incremental(work: Path, size: int, full: dict | None) -> tuple[list[Row], dict]:
    """Fill a cache, edit one article and add one, rebuild: time against the clean build."""
    src = corpus_dir(work, size)
    corpus = work / f"incremental-{size}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(src, corpus)
    cache = work / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    cold = child_build(corpus, work / f"build-inc-{size}", cache=cache)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nShe later shared on Instagram that it was hard.\n",
                     encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], corpus / "zz_added.txt")
    warm = child_build(corpus, work / f"build-inc-{size}", cache=cache)
    base = full["seconds"] if full else cold["seconds"]
    stages = ", ".join(f"{k} {v:.1f}" for k, v in warm["timings"].items())
    rows = [Row(f"rebuild after editing 1 and adding 1 of {size:,} articles, with the cache",
                f"{warm['seconds']:.1f} s", f"{base:.1f} s (clean)", f"{100 * warm['seconds'] / base:.0f}% of it",
                f"target ≤ 10%; stages (s): {stages}")]
    return rows, {"incremental_fraction": warm["seconds"] / base}


# ------------------------------------------------------------------ RDF I/O, SPARQL, HTML


def _graph_triples(work: Path, size: int):
    """The triples of the size-article build, as emitted (rdflib terms)."""
    from graph.build import extract_all
    from graph.runtime.cache import ExtractionCache
    from graph.rdf.emit import emit
    from graph.load import discover
    from graph.resolve.resolve import resolve
    from graph.rules.ruleset import load_rules

    rules = load_rules(None)
    paths, _ = discover(corpus_dir(work, size))
    xs, texts = extract_all(paths, rules, False, [], cache=ExtractionCache(work / "cache-io", rules.digest))
    return emit(resolve(xs, rules), rules, texts)


def _ox_term(t):
    import pyoxigraph as ox
    from rdflib import Literal

    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))
    return ox.NamedNode(str(t))


def bench_rdf_io(work: Path, size: int, repeat: int) -> tuple[list[Row], dict]:
    import pyoxigraph as ox
    from rdflib import Graph

    from graph.rdf.turtle import to_turtle

    triples = sorted(_graph_triples(work, size))
    n = len(triples)
    heavy = 1 if n > HEAVY else repeat
    t_rdf_add, g = timed(lambda: _rdflib_graph(triples), heavy)
    t_ox_add, store = timed(lambda: _ox_store(triples), repeat)
    t_rdf_ser, ttl = timed(lambda: g.serialize(format="turtle"), heavy)
    t_ox_ser, ox_ttl = timed(lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()), repeat)
    t_ours_ser, our_ttl = timed(lambda: to_turtle(triples), repeat)
    data = our_ttl.encode("utf-8")
    t_rdf_parse, _ = timed(lambda: Graph().parse(data=our_ttl, format="turtle"), heavy)

    def ox_parse():
        s = ox.Store()
        s.load(data, format=ox.RdfFormat.TURTLE)
        return s

    t_ox_parse, _ = timed(ox_parse, repeat)
    del g
    label = f"{n:,} triples ({size:,} articles)"
    once = " (rdflib: 1 run)" if heavy == 1 else ""
    rows = [
        Row(f"build the graph in memory, {label}", f"pyoxigraph {fmt(n / t_ox_add)}/s", f"rdflib {fmt(n / t_rdf_add)}/s",
            ratio(t_rdf_add, t_ox_add), "Store.extend of Quads vs Graph().add" + once),
        Row("serialise Turtle", f"pyoxigraph {fmt(n / t_ox_ser)}/s", f"rdflib {fmt(n / t_rdf_ser)}/s",
            ratio(t_rdf_ser, t_ox_ser), f"graph/turtle.py (sorted, canonical): {fmt(n / t_ours_ser)}/s, "
            f"{ratio(t_rdf_ser, t_ours_ser)} rdflib" + once),
        Row("parse Turtle", f"pyoxigraph {fmt(n / t_ox_parse)}/s", f"rdflib {fmt(n / t_rdf_parse)}/s",
            ratio(t_rdf_parse, t_ox_parse), once.strip(" ()")),
    ]
    return rows, {"triples": n}


def _rdflib_graph(triples):
    from rdflib import Graph

    g = Graph()
    for t in triples:
        g.add(t)
    return g


def _ox_store(triples):
    import pyoxigraph as ox

    store = ox.Store()
    memo: dict = {}

    def term(t):
        x = memo.get(t)
        if x is None:
            x = memo[t] = _ox_term(t)
        return x

    store.extend([ox.Quad(term(s), term(p), term(o)) for s, p, o in triples])
    return store


def _query_times(run, query: str, runs: int, budget: float = 60.0) -> tuple[list[float], object]:
    """Seconds of each run, and the last answer; stops early once `budget` seconds are spent
    (at least one run)."""
    times, answer = [], None
    for _ in range(runs):
        answer = None  # the last answer freed first: an unbound one on a large graph runs to gigabytes
        t = time.perf_counter()
        answer = run(query)
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return times, answer


PARAM = re.compile(r"--bind\s+([A-Za-z_]\w*)=")


def query_parameters(text: str) -> list[str]:
    """The variables a shipped query documents as parameters (`--bind NAME=...` in its comments)."""
    names = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            names += [n for n in PARAM.findall(line) if n not in names]
    return names


def example_bindings(store, text: str) -> dict:
    """Values for the query's parameters taken from its own first answer, so a bound run has hits.

    A user asks a parameterised query about one person or event; the unbound run answers
    for every one of them at once, which is a dump, not a question.
    """
    names = query_parameters(text)
    if not names:
        return {}
    for solution in store.query(text):
        values = {n: solution[n] for n in names if solution[n] is not None}
        if values:
            return values
    return {}


def _rdflib_term(t):
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def _capped_times(run, query: str, runs: int, budget: float) -> tuple[list[float], bool]:
    """Times of `run(query)` in a forked child, stopped after `budget` seconds.

    rdflib cannot be interrupted inside a query, and an unbound query on a large graph
    may run for many minutes; a child process can be. Returns (times, stopped early).
    """
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def child():
        # the collector stays on: rdflib's query evaluation makes cyclic garbage by the gigabyte
        # in a long query; the parent's objects, frozen below, are outside its sight, so a
        # collection does not write to (and copy) the pages the child shares with the parent
        for _ in range(runs):
            t = time.perf_counter()
            run(query)
            send.send(time.perf_counter() - t)
        send.close()

    proc = ctx.Process(target=child, daemon=True)
    gc.collect()
    gc.freeze()  # the parent's objects out of the collector's sight while the child shares their pages
    try:
        proc.start()
    finally:
        gc.unfreeze()
    send.close()
    times, deadline = [], time.monotonic() + budget
    while len(times) < runs:
        left = deadline - time.monotonic()
        if left <= 0 or not recv.poll(left):
            break
        try:
            times.append(recv.recv())
        except EOFError:
            break
    stopped = len(times) < runs
    if proc.is_alive():
        proc.terminate()
    proc.join()
    return times, stopped


def _ms(times: list[float]) -> str:
    return f"median {1000 * median(times):.1f} ms, p99 {1000 * p99(times):.1f} ms"


def bench_sparql(work: Path, store_size: int, rdflib_size: int, runs: int,
                 rdflib_budget: float = 30.0) -> tuple[list[Row], dict]:
    """Latency of each shipped query: pyoxigraph on the store_size graph and rdflib on the rdflib_size one.

    A query with parameters runs twice: unbound (every answer, a dump of the graph) and
    bound to one value, as a user asks it (`kg query ... --bind name=...`).
    """
    import pyoxigraph as ox
    from rdflib import Graph

    from graph.sparql.store import page

    rows, figures = [], {}
    queries = sorted(QUERIES.glob("*.rq"))
    big = built(work, store_size) / "graph.ttl"
    small = built(work, rdflib_size) / "graph.ttl"
    store = ox.Store()
    store.bulk_load(path=str(big), format=ox.RdfFormat.TURTLE)
    ox_small = ox.Store()
    ox_small.bulk_load(path=str(small), format=ox.RdfFormat.TURTLE)
    g = Graph().parse(small, format="turtle")

    def ox_run(s, binds=None):
        # through the store `kg query` uses, so bound parameters go the way a user's do
        from graph.sparql.store import Store

        wrapped = Store(s)
        return lambda q: wrapped.query(q, bindings=binds or None)

    def rdf_run(binds=None):
        binds = {k: _rdflib_term(v) for k, v in (binds or {}).items()}
        return lambda q: list(g.query(q, initBindings=binds))

    asked = []  # (query, median seconds, rows) of each query run as a user runs it
    for q in queries:
        text = q.read_text(encoding="utf-8")
        variants = [("", {}, {})]
        # the values come from the small graph's first answer: its corpus is the first articles of
        # the large one (graph/synth.py), so they name the same people and events there, and
        # finding a first answer unbound on the large graph is itself a dump
        small_binds = example_bindings(ox_small, text)
        big_binds = small_binds
        if big_binds:
            shown = ", ".join(f"{k}={v}" for k, v in sorted(big_binds.items()))
            variants.append((" unbound", {}, {}))
            variants[0] = (f" bound ({shown[:60]})", big_binds, small_binds)
        for label, b_big, b_small in variants:
            name = f"`{q.name}`{label}"
            # unbound, a parameterised query answers for every person or event at once: on the
            # large graph a dump of up to a million rows, minutes and over ten gigabytes inside
            # the engine (provenance.rq: 1.5 million rows). Timed on the small graph only.
            if label != " unbound":  # as a user asks it: bound when it has parameters
                big_times, answer = _query_times(ox_run(store, b_big), text, runs)
                answer_rows = len(answer.rows) if answer.kind == "select" else 1
                rows_note = f"{answer_rows:,} rows" if answer.kind == "select" else answer.kind
                del answer
                rows.append(Row(f"{name} on the {store_size:,}-article graph ({len(store):,} triples)",
                                _ms(big_times), note=f"pyoxigraph, {len(big_times)} runs, {rows_note}; target median < 50 ms"))
                figures[f"{q.name}{label}"] = median(big_times)
                if b_big and answer_rows <= FIRST_PAGE:
                    asked.append((q.name, "bound", median(big_times), answer_rows))
                else:  # a listing, or a bound answer longer than a page: a user waits for its first page
                    first_times, answer = _query_times(ox_run(store, b_big), page(text, FIRST_PAGE, None), runs)
                    first_rows = len(answer.rows)
                    del answer
                    rows.append(Row(f"{name}, first page (`--limit {FIRST_PAGE}`), on the {store_size:,}-article graph",
                                    _ms(first_times), note=f"pyoxigraph, {len(first_times)} runs, {first_rows:,} rows; "
                                                           "target median < 50 ms"))
                    asked.append((q.name, "bound, first page" if b_big else "first page", median(first_times), first_rows))
            small_times, _ = _query_times(ox_run(ox_small, b_small), text, runs)
            rdf_times, stopped = _capped_times(rdf_run(b_small), text, max(1, min(runs, 3)), rdflib_budget)
            if rdf_times:
                other, rat = "rdflib " + _ms(rdf_times), ratio(median(rdf_times), median(small_times))
            else:
                other, rat = f"rdflib > {rdflib_budget:.0f} s", f"> {rdflib_budget / median(small_times):.0f}×"
            rows.append(Row(f"{name} on the {rdflib_size:,}-article graph ({len(g):,} triples)",
                            "pyoxigraph " + _ms(small_times), other, rat,
                            f"rdflib {len(rdf_times)} run(s)" + (f", stopped after {rdflib_budget:.0f} s" if stopped else "")))
    fast = [a for a in asked if a[2] < 0.050]
    slow = ", ".join(f"`{n}` {how} {1000 * t:,.0f} ms ({r:,} rows)" for n, how, t, r in asked if t >= 0.050)
    rows.append(Row(f"shipped queries as a user asks them (bound when they take parameters, else the first page of "
                    f"{FIRST_PAGE}; the first page too of a bound answer longer than that), {store_size:,}-article graph",
                    f"{len(fast)} of {len(asked)} with median < 50 ms", note=("over: " + slow) if slow else "all under"))
    return rows, figures


def _command(args: list[str], budget: float, memory_cap: int) -> dict:
    """One `kg` command as a user runs it, started from a small process of its own (a child's
    ru_maxrss counts what it held before exec: started from the benchmark, which may hold a
    large graph, every command would seem that large)."""
    done = subprocess.run([sys.executable, "-c", _LAUNCH, json.dumps([args, budget, memory_cap])],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the command launcher failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


_LAUNCH = """
import json, sys
from tests.bench.bench import _run_command
print(json.dumps(_run_command(*json.loads(sys.argv[1]))))
"""


def _run_command(args: list[str], budget: float, memory_cap: int) -> dict:
    """The command in a child process: wall seconds from start to exit and its peak memory (the
    child's own ru_maxrss, from wait4). Stopped past `budget` seconds or `memory_cap` bytes of
    resident memory (read from /proc while it runs), so a command that would take the machine's
    memory is reported, not suffered."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    stopped = ""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t > budget:
            stopped = f"stopped after {budget:.0f} s"
        elif _rss(proc.pid) > memory_cap:
            stopped = f"stopped above {memory_cap / 1e9:.0f} GB"
        if stopped:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "maxrss": usage.ru_maxrss * 1024, "code": proc.returncode, "stopped": stopped,
            "said": err[-1] if err else ""}


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def bench_commands(work: Path, size: int, budget: float = 600.0,
                   memory_cap: int = 8_000_000_000) -> tuple[list[Row], dict]:
    """The read commands a user runs on a built graph, each from the command line in its own
    process: wall time to exit and peak memory."""
    from graph.sparql.persist import open_fresh

    out = built(work, size)
    graph = out / "graph.ttl"
    store, why = open_fresh(graph)
    if store is None:
        raise RuntimeError(f"the {size}-article build has no fresh store: {why}")
    # a person with a relative, as a user would look one up: the best-connected such pair
    pair = next(iter(store.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?a ?b WHERE { ?p schema:spouse|schema:parent|schema:children|schema:sibling ?r .
                             ?p schema:name ?a . ?r schema:name ?b } ORDER BY ?a ?b LIMIT 1""")), None)
    if pair is None:
        raise RuntimeError(f"the {size}-article build has no family tie to look up")
    a, b = pair["a"].value, pair["b"].value
    del store
    view = work / "bench-view.html"
    commands = [
        (f"`kg query family-tree.rq --bind name=…`", ["query", str(QUERIES / "family-tree.rq"), "--bind", f"name={a}",
                                                     "--graph", str(graph)]),
        (f"`kg query people.rq --limit 100`", ["query", str(QUERIES / "people.rq"), "--limit", "100", "--graph", str(graph)]),
        (f"`kg explain NAME`", ["explain", a, "--graph", str(graph)]),
        ("`kg conflicts`", ["conflicts", "--graph", str(graph)]),
        ("`kg stats`", ["stats", "--graph", str(graph)]),
        (f"`kg path A B`", ["path", a, b, "--graph", str(graph)]),
        (f"`kg view NAME`", ["view", a, "--graph", str(graph), "-o", str(view), "--no-open"]),
        ("`kg validate`", ["validate", "--graph", str(graph)]),
    ]
    rows, figures = [], {}
    for label, args in commands:
        r = _command(args, budget, memory_cap)
        figures[label] = r
        target = "target < 2 min" if args[0] == "validate" else "target < 2 s and < 1 GB"
        shown = r["stopped"] or f"{r['wall']:.2f} s, {r['maxrss'] / 1e9:.2f} GB"
        rows.append(Row(f"{label} on the {size:,}-article graph ({graph.stat().st_size / 1e6:,.0f} MB of Turtle)", shown,
                        note=f"exit {r['code']}; {target}" + (f"; said: {r['said'][:120]}" if r["code"] not in (0, 1) else "")))
    view.unlink(missing_ok=True)
    return rows, figures


def endpoint_forms(graph: Path) -> tuple[list[str], list[str]]:
    """The shipped queries as clients send them: each unbound, and bound to a value from its own
    first answer (a VALUES block, as `kg query --bind` makes) when it takes parameters.

    Returns (forms, left out): an unbound form whose whole answer is over the server's default
    row or byte limit is no question the server can answer (it is refused, by design); it is left
    out and named, and the hostile clients send such dumps instead.
    """
    import pyoxigraph as ox

    from graph.errors import QueryError
    from graph.sparql.bind import values_first
    from graph.sparql.serve import MAX_BYTES
    from graph.sparql.store import Store, serialize

    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    forms, left_out = [], []
    for q in sorted(QUERIES.glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        try:
            answer = Store(store).query(text, None, False, MAX_ROWS, MAX_BYTES)
            if len(serialize(answer, "json")) > MAX_BYTES:
                raise QueryError("over the byte limit")
            del answer
            forms.append(text)
        except QueryError as err:
            left_out.append(f"`{q.name}` unbound ({str(err).split(' (hint')[0]})")
        bound = values_first(text, example_bindings(store, text))
        if bound:
            forms.append(bound)
    return forms, left_out


def _serve(graph: Path):
    """`python -m graph serve` on a free loopback port with its defaults, as a user starts it: (process, url)."""
    import select

    proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--graph", str(graph), "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url, deadline = None, time.monotonic() + 900
    while url is None and time.monotonic() < deadline and proc.poll() is None:
        if select.select([proc.stdout], [], [], 0.5)[0]:
            line = proc.stdout.readline()
            if line.startswith("serving "):
                url = line.split(" at ", 1)[1].split()[0]
    if url is None:
        proc.kill()
        raise RuntimeError("kg serve did not start")
    return proc, url


def _load_cell(load: dict) -> str:
    return f"{load['errors']} errors, p50 {load['p50_ms']:,.1f} ms, p99 {load['p99_ms']:,.1f} ms"


def bench_endpoint(work: Path, size: int, clients: int = 8, queries: int = 2000, hostile: int = 4) -> tuple[list[Row], dict]:
    """A loopback load on `kg serve` (its defaults) over the size-article graph: the shipped queries,
    bound and unbound, in turn from `clients` clients; then the same with `hostile` hostile clients
    at once (tests/bench/load.py HOSTILE), the normal clients' figures side by side with the calm run's."""
    import signal

    from tests.bench.load import HOSTILE, run_load

    graph = built(work, size) / "graph.ttl"
    forms, left_out = endpoint_forms(graph)
    proc, url = _serve(graph)
    try:
        calm = run_load(url, clients=clients, queries=queries, query_texts=forms)
        rough = run_load(url, clients=clients, queries=queries, query_texts=forms, hostile=hostile)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()

    def note(load: dict) -> str:
        parts = [f"{load['queries'] / load['seconds']:.1f} queries/s"]
        if load["refused"]:
            parts.append(f"{load['refused']} refused by the row or byte limit (400, as meant)")
        if load["failures"]:
            parts.append("errors: " + "; ".join(f"{n}× {why}" for why, n in load["failures"].items()))
        return ", ".join(parts)

    bound = sum(1 for f in forms if f not in {q.read_text(encoding="utf-8") for q in QUERIES.glob("*.rq")})
    what = f"{len(forms)} forms in turn: {bound} bound, {len(forms) - bound} unbound"
    kinds = ", ".join(name for name, _ in HOSTILE[:hostile])
    seen = "; ".join(f"{k} ×{n}" for k, n in rough["hostile"].items())
    skipped = f"; left out: {', '.join(left_out)}" if left_out else ""
    rows = [Row(f"`kg serve`, {calm['queries']:,} shipped queries ({what}) from {clients} clients, "
                f"{size:,}-article graph", _load_cell(calm), note=note(calm) + skipped),
            Row(f"the same {clients} clients with {hostile} hostile clients at once ({kinds})", _load_cell(rough),
                _load_cell(calm) + " (calm)", ratio(rough["p99_ms"], calm["p99_ms"]) + " p99",
                note(rough) + f"; hostile requests and what they got: {seen}")]
    return rows, {"calm": calm, "hostile": rough}


def bench_html(work: Path, sizes: list[int], repeat: int) -> tuple[list[Row], dict]:
    from graph.view.data import graph_data, render_html

    rows, figures = [], {}
    for size in sizes:
        triples = _graph_triples(work, size)
        nodes = len(graph_data(triples)["nodes"])
        t, _ = timed(lambda: render_html(triples), repeat)
        rows.append(Row(f"HTML view, {size:,} articles", f"{t:.2f} s", note=f"{nodes:,} nodes; target < 2 s at 10,000 nodes"))
        figures[nodes] = t
    return rows, figures


# ------------------------------------------------------------------ the report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def table(title: str, rows: list[Row]) -> str:
    head = f"### {title}\n\n| measure | ours | compared with | ratio | note |\n| --- | --- | --- | --- | --- |\n"

    def cell(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    return head + "".join(f"| {cell(r.measure)} | {cell(r.ours)} | {cell(r.other)} | {cell(r.ratio)} | {cell(r.note)} |\n"
                          for r in rows)


SECTIONS = ("extraction", "build", "engines", "incremental", "io", "sparql", "commands", "endpoint", "html")


def run(sizes: list[int], repeat: int, work: Path, rdflib_size: int, query_runs: int, log=print,
        partial: Path | None = None, rdflib_budget: float = 30.0, only: tuple[str, ...] = SECTIONS,
        endpoint_queries: int = 2000) -> str:
    """The sections in `only` (all by default); each finished table is also appended to `partial`
    at once, so a long run shows progress. A section that needs a build an earlier one makes
    builds it itself, so one section can be rerun on its own over a --workdir."""
    sizes = sorted(set(sizes))
    started = time.time()
    sections = []

    def section(key, title, fn, *args):
        if key not in only:
            return {}
        log(f"[bench] {title} ...")
        t = time.perf_counter()
        rows, figures = fn(*args)
        gc.collect()  # what a section built (rdflib graphs hold reference cycles) is gone before the next
        log(f"[bench] {title}: {time.perf_counter() - t:.1f} s")
        sections.append(table(title, rows))
        if partial is not None:
            partial.write_text("\n".join(sections), encoding="utf-8")
        return figures

    small = min(sizes)
    ext_size = 1000 if 1000 in sizes else small
    section("extraction", "Extraction", bench_extraction, work, ext_size, repeat)
    builds = section("build", "Whole build", bench_builds, work, sizes, repeat, rdflib_size)
    section("engines", "Process pool and Dask", bench_engines, work, ext_size)
    inc_size = max(s for s in sizes if s <= 10000)
    section("incremental", "Incremental build", bench_incremental, work, inc_size, builds.get("builds", {}).get(inc_size))
    section("io", "RDF I/O", bench_rdf_io, work, rdflib_size, repeat)
    # rdflib answers on the smallest graph: on the larger ones an unbound query runs for hours
    section("sparql", "SPARQL", bench_sparql, work, inc_size, small, query_runs, rdflib_budget)
    section("commands", "Read commands", bench_commands, work, inc_size)
    section("endpoint", "SPARQL endpoint", bench_endpoint, work, ext_size, 8, endpoint_queries)
    # and the corpus whose view has about 10,000 nodes, the target's size
    from tests.bench.viewbench import NODES_PER_ARTICLE

    near_10k = -(-10000 // NODES_PER_ARTICLE)
    html_sizes = sorted({small, ext_size} | ({near_10k} if ext_size >= near_10k else set()))
    section("html", "HTML", bench_html, work, html_sizes, repeat)
    header = (f"# Benchmark\n\nMachine: {machine()}.\n\n"
              f"Run: `python -m tests.bench --sizes {','.join(map(str, sizes))} --repeat {repeat} --query-runs {query_runs}"
              f"{'' if only == SECTIONS else ' --sections ' + ','.join(only)}` on "
              f"{time.strftime('%Y-%m-%d', time.gmtime(started))}, {time.time() - started:.0f} s in all. "
              f"Synthetic corpora from the seeds (tests/bench/synth.py); medians of {repeat} runs unless a note says otherwise.\n\n")
    return header + "\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    parser.add_argument("--large", action="store_true", help=f"add {LARGE:,} articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--rdflib-size", type=int, default=None,
                        help="articles in the graph compared with plain rdflib (default: 1,000, or the smallest size)")
    parser.add_argument("--query-runs", type=int, default=20, help="runs per SPARQL query")
    parser.add_argument("--rdflib-budget", type=float, default=30.0,
                        help="seconds an rdflib query may run before it is stopped and reported as slower")
    parser.add_argument("--endpoint-queries", type=int, default=2000, help="queries the endpoint's load sends")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"which sections to run, comma-separated, of: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "bench.md", help="where the table goes")
    parser.add_argument("--workdir", type=Path, default=None, help="corpora and builds (default: a temporary folder)")
    parser.add_argument("--one-build", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--writer", default="ours", choices=["ours", "rdflib"], help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_build:
        print(json.dumps(one_build(Path(args.one_build[0]), Path(args.one_build[1]), args.writer, args.jobs, args.cache)))
        return 0
    only = tuple(k.strip() for k in args.sections.split(",") if k.strip())
    unknown = [k for k in only if k not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}: expected some of {', '.join(SECTIONS)}")
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.large:
        sizes.append(LARGE)
    rdflib_size = args.rdflib_size or (1000 if 1000 in sizes else min(sizes))
    if rdflib_size not in sizes:
        sizes.append(rdflib_size)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    text = run(sizes, args.repeat, work, rdflib_size, args.query_runs,
               log=lambda m: print(m, file=sys.stderr, flush=True), partial=work / "bench-partial.md",
               rdflib_budget=args.rdflib_budget, only=tuple(k for k in SECTIONS if k in only),
               endpoint_queries=args.endpoint_queries)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
