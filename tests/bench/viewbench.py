"""How long the HTML view takes to become interactive at scale, in headless Chromium.

    python -m tests.bench.viewbench --nodes 5000            # the README's figure
    python -m tests.bench.viewbench --nodes 1000 --runs 1   # a quick look

Makes a synthetic corpus from the seeds (graph/synth.py) big enough for --nodes,
builds it (extraction cached in --workdir, so a second run only re-renders), then
opens graph.html --runs times from a file:// URL and reports:
  interactive  navigation start to the page's ready mark: data parsed, network
               built, layout settled and physics off, first frame drawn
               (`kgView.readyAt`, a performance.now() reading)
  select       finding a name and opening its panel, once interactive
Needs Playwright (pip install -e '.[test]') and a Chromium (--chromium).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

from graph.errors import KgError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NODES_PER_ARTICLE = 14  # what a seed article adds to the graph, about; the run reports the real count


def build_corpus(nodes: int, workdir: Path, log=print) -> tuple[Path, dict]:
    """A built synthetic corpus with about `nodes` nodes in the view: its output folder and build timings."""
    from graph.build import build
    from tests.bench.synth import generate

    count = max(1, math.ceil(nodes / NODES_PER_ARTICLE))
    corpus = workdir / f"corpus-{count}"
    if not corpus.is_dir():
        log(f"generating {count} articles into {corpus}")
        generate(SEEDS, corpus, count)
    out = workdir / f"build-{count}"
    log(f"building {corpus} into {out} (extraction cached in {workdir / 'cache'})")
    report = build(corpus, out, cache_dir=workdir / "cache")
    return out, report.timings


def measure(page_path: Path, runs: int, chromium: str) -> list[dict]:
    """Open the page `runs` times; each run's time to interactive and time to find and select the
    best-connected person by name, in ms."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise KgError("the view benchmark needs Playwright", "pip install -e '.[test]'") from None
    if not Path(chromium).exists():
        raise KgError(f"no Chromium at {chromium}", "install it (apt-get install chromium) or pass --chromium PATH")
    url = page_path.resolve().as_uri()
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(url, timeout=600_000)
            page.wait_for_selector("body[data-ready]", state="attached", timeout=600_000)
            ready = page.evaluate("kgView.readyAt")
            select = page.evaluate("""() => {
                const people = kgView.data.nodes.filter(n => n.type === 0).sort((a, b) => b.degree - a.degree);
                const t = performance.now();
                if (!kgView.select(kgView.search(people[0].label)[0], {move: false})) throw new Error("no match");
                return performance.now() - t; }""")
            results.append({"interactive": ready, "select": select,
                            "nodes": page.evaluate("kgView.data.nodes.length"),
                            "edges": page.evaluate("kgView.data.edges.length")})
            context.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.viewbench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000, help="about this many nodes in the view")
    parser.add_argument("--runs", type=int, default=3, help="page loads to time")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-viewbench"), help="corpus, cache and builds")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the Chromium to drive")
    args = parser.parse_args(argv)
    try:
        args.workdir.mkdir(parents=True, exist_ok=True)
        out, timings = build_corpus(args.nodes, args.workdir, log=lambda m: print(m, file=sys.stderr))
        t = time.perf_counter()
        results = measure(out / "graph.html", args.runs, args.chromium)
        wall = time.perf_counter() - t
    except KgError as err:
        print(f"Error: {err}", file=sys.stderr)
        return err.exit_code
    ready = [r["interactive"] / 1000 for r in results]
    select = [r["select"] for r in results]
    size = (out / "graph.html").stat().st_size / 1e6
    print(f"nodes        {results[0]['nodes']:,} ({results[0]['edges']:,} links), graph.html {size:.1f} MB")
    print(f"html render  {timings.get('html', 0):.2f} s in Python (part of the build)")
    print(f"interactive  median {statistics.median(ready):.2f} s over {len(ready)} load(s) "
          f"(min {min(ready):.2f}, max {max(ready):.2f}); headless Chromium, 1400x900")
    print(f"select       median {statistics.median(select):.0f} ms (search a name, open its panel)")
    print(f"wall         {wall:.1f} s for the loads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
