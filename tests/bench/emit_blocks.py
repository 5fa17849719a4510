"""The provenance blocks against the general writer: emit, turtle and write, side by side in one run.

    python -m tests.bench.emit_blocks --sizes 1000,5000 --workdir /tmp/kg-blocks --out /tmp/blocks.md

For each size, whole builds of the same synthetic corpus (tests/bench/synth.py) run
alternately two ways, each in a child process under /usr/bin/time -v (its peak RSS):

- blocks: the build as shipped: each rdf:Statement and oa:TextPositionSelector written as
  one Turtle block while emitted (`turtle.TurtleBlocks`), the story's triples through
  the general writer;
- general: the same build with no blocks, as before they were made: every triple in the
  set, grouped by subject in emit and written by `turtle.turtle_chunks`. It is kept
  here, for comparison only.

Extraction and resolution are the same code both ways, and the extraction cache is keyed
by a digest of every module of the package (any edit empties it), so they run once per
size, in a first child, which saves their result; the measured builds are the shipped
`build.build` with those two steps replaying it, and the rest (emit, turtle, html,
write, which includes building the query store from graph.ttl) run for real. The whole-build figure adds the first child's extract and resolve
times; a measured build's peak RSS lacks the extraction records a real build holds
until emit ends (the same for both ways). The two graph.ttl of each size must be
byte-identical, and the run fails if they are not. Figures are medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import pickle
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.bench import ROOT, corpus_dir, machine

WAYS = ("general", "blocks")
TIME = "/usr/bin/time"


def prepare(corpus: Path, saved: Path, rules: Path | None) -> dict:
    """Extract and resolve the corpus once, saving the result for the measured builds (a child process)."""
    from graph.build import extract_all
    from graph.load import discover
    from graph.resolve.resolve import resolve
    from graph.rules.ruleset import load_rules
    from graph.runtime.collector import collector_paused

    with collector_paused():  # as build runs
        clock = time.perf_counter
        ruleset = load_rules(rules)
        paths, _ = discover(corpus)
        t0 = clock()
        extractions, texts = extract_all(paths, ruleset, False, [])
        t1 = clock()
        facts = resolve(extractions, ruleset)
        t2 = clock()
        with open(saved, "wb") as f:
            pickle.dump((len(extractions), texts, facts), f, protocol=pickle.HIGHEST_PROTOCOL)
    return {"timings": {"extract": t1 - t0, "resolve": t2 - t1}, "triples": 0}


def one_build(way: str, corpus: Path, out: Path, saved: Path, rules: Path | None) -> dict:
    """Build once in this process, the given way, extraction and resolution replayed from `saved`."""
    from graph import build as pipeline

    with open(saved, "rb") as f:
        articles, texts, facts = pickle.load(f)
    held = {"texts": texts, "facts": facts}  # handed over, so the build's references are the only ones
    del texts, facts
    pipeline.extract_all = lambda *args, **kwargs: ([None] * articles, held.pop("texts"))
    pipeline.resolve = lambda extractions, rules: held.pop("facts")
    if way == "general":
        # the wiring before the blocks: emit(..., blocks=None) fills the set and the grouping with
        # every triple, and turtle_chunks(..., blocks=None) writes them all
        pipeline.TurtleBlocks = lambda: None
    elif way != "blocks":
        raise SystemExit(f"unknown way {way!r}: one of {', '.join(WAYS)}")
    report = pipeline.build(corpus, out, rules_dir=rules, cache_dir=None)
    return {"timings": report.timings, "triples": report.triples}


def child(way: str, corpus: Path, out: Path, saved: Path, rules: Path | None) -> dict:
    """One run in a child process under /usr/bin/time -v: timings, triples, peak RSS and wall time."""
    args = [TIME, "-v", sys.executable, "-m", "tests.bench.emit_blocks", "--one", way, str(corpus), str(out),
            str(saved)]
    if rules is not None:
        args += ["--rules", str(rules)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{way} run on {corpus} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    figures["maxrss_mb"] = int(rss.group(1)) / 1024 if rss else float("nan")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr)
    figures["wall"] = _seconds(wall.group(1)) if wall else float("nan")
    return figures


def _seconds(clock: str) -> float:
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total


def measure(work: Path, size: int, repeat: int, rules: Path | None, log=print) -> dict:
    corpus = corpus_dir(work, size)
    saved = work / f"facts-{size}.pickle"
    timed = saved.with_suffix(".json")  # a kept work folder reuses them (--workdir)
    if saved.is_file() and timed.is_file():
        log(f"{size} articles: extraction and resolution of an earlier run, {saved}")
        first = json.loads(timed.read_text())
    else:
        log(f"{size} articles: extracting and resolving once")
        first = child("prepare", corpus, work / f"out-{size}-prepare", saved, rules)["timings"]
        timed.write_text(json.dumps(first))
    log(f"  extract {first['extract']:.1f} s, resolve {first['resolve']:.1f} s")
    runs: dict[str, list[dict]] = {w: [] for w in WAYS}
    for i in range(repeat):
        for way in (WAYS if i % 2 == 0 else WAYS[::-1]):  # alternate, so neither always runs second
            r = child(way, corpus, work / f"out-{size}-{way}", saved, rules)
            r["timings"].update(first)  # the replayed steps: their real cost, once measured
            t = r["timings"]
            log(f"  {way:8} emit {t['emit']:.2f}  turtle {t['turtle']:.2f}  write {t['write']:.2f}  "
                f"html {t['html']:.2f}  whole {sum(t.values()):.1f} s  peak {r['maxrss_mb']:.0f} MB")
            runs[way].append(r)
    same = filecmp.cmp(work / f"out-{size}-general" / "graph.ttl", work / f"out-{size}-blocks" / "graph.ttl",
                       shallow=False)
    triples = {runs[w][0]["triples"] for w in WAYS}
    if not same or len(triples) != 1:
        raise SystemExit(f"{size} articles: the two ways wrote different graphs (identical bytes: {same}, "
                         f"triples: {sorted(triples)})")

    def med(way: str, f) -> float:
        return statistics.median(f(r) for r in runs[way])

    out = {"size": size, "triples": triples.pop(), "identical": same}
    for way in WAYS:
        out[way] = {
            **{k: med(way, lambda r, k=k: r["timings"][k]) for k in runs[way][0]["timings"]},
            "emit+turtle": med(way, lambda r: r["timings"]["emit"] + r["timings"]["turtle"]),
            "emit+turtle+write": med(way, lambda r: r["timings"]["emit"] + r["timings"]["turtle"]
                                     + r["timings"]["write"]),
            "whole": med(way, lambda r: sum(r["timings"].values())),
            "wall": med(way, lambda r: r["wall"]),
            "maxrss_mb": med(way, lambda r: r["maxrss_mb"]),
        }
    return out


COLUMNS = ("emit", "turtle", "emit+turtle", "write", "emit+turtle+write", "html", "whole", "wall", "maxrss_mb")
HEADS = ("emit s", "turtle s", "emit+turtle s", "write s (with the query store)", "emit+turtle+write s", "html s",
         "whole build s (stages)", "wall s", "peak RSS MB")


def table(results: list[dict], repeat: int) -> str:
    lines = [f"### Provenance blocks against the general writer ({machine()}, median of {repeat})", "",
             "| articles (triples) | way | " + " | ".join(HEADS) + " |",
             "| --- | --- | " + " | ".join("---" for _ in HEADS) + " |"]
    for r in results:
        for way in WAYS:
            cells = [f"{r[way][c]:.0f}" if c == "maxrss_mb" else f"{r[way][c]:.2f}" for c in COLUMNS]
            lines.append(f"| {r['size']:,} ({r['triples']:,}) | {way} | " + " | ".join(cells) + " |")
        ratio = [f"{r['general'][c] / r['blocks'][c]:.2f}×" if r["blocks"][c] else "n/a" for c in COLUMNS]
        lines.append(f"| {r['size']:,} | general ÷ blocks | " + " | ".join(ratio) + " |")
    lines += ["", "graph.ttl byte-identical both ways at every size: "
              + ("yes" if all(r["identical"] for r in results) else "NO")]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="corpus sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="builds per way and size (median)")
    parser.add_argument("--rules", type=Path, help="rule folder (default: schema/rules)")
    parser.add_argument("--workdir", type=Path, help="corpora, caches and builds (default: a temporary folder)")
    parser.add_argument("--out", type=Path, help="where the table goes (default: printed only)")
    parser.add_argument("--one", nargs=4, metavar=("WAY", "CORPUS", "OUT", "SAVED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        way, corpus, out, saved = args.one
        if way == "prepare":
            print(json.dumps(prepare(Path(corpus), Path(saved), args.rules)))
        else:
            print(json.dumps(one_build(way, Path(corpus), Path(out), Path(saved), args.rules)))
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-blocks-"))
    work.mkdir(parents=True, exist_ok=True)
    results = [measure(work, int(s), args.repeat, args.rules) for s in args.sizes.split(",")]
    text = table(results, args.repeat)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
