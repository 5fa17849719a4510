"""The whole-corpus page on each side of the overview threshold: its size and time to interactive.

    python -m tests.bench.viewscale --page output/graph.html --nodes 2000 10000 100000 --runs 3

For each size: a synthetic corpus built as `tests.bench.viewbench` builds it (cached in
--workdir), then graph.html opened --runs times in headless Chromium. Below
graph.view.data.OVERVIEW_THRESHOLD nodes the page is the full graph; above, the overview
(largest stories and a name index). Interactive is navigation start to the page's ready
mark (`kgView.readyAt`); find is searching the best-connected person and opening it.
--page measures pages already built (the seed graph's) the same way, first.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

from graph.view.data import OVERVIEW_THRESHOLD
from tests.bench.viewbench import build_corpus, measure


def page_nodes(html: str) -> tuple[str, int, int]:
    """(kind of page, nodes, links) from the data a graph.html carries."""
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))
    if "overview" in data:
        o = data["overview"]
        return "overview", sum(o["counts"]), o["edges"]
    return "full graph", len(data["graph"]["nodes"]), len(data["graph"]["edges"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.viewscale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[2000, 10000], help="about this many nodes, each")
    parser.add_argument("--page", type=Path, nargs="*", default=[], help="built pages to measure as they are")
    parser.add_argument("--runs", type=int, default=3, help="page loads to time, each")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-viewbench"), help="corpus, cache and builds")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the Chromium to drive")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"overview above {OVERVIEW_THRESHOLD:,} nodes")
    built = [(page, {}) for page in args.page]
    for want in args.nodes:
        out, timings = build_corpus(want, args.workdir, log=lambda m: print(m, file=sys.stderr))
        built.append((out / "graph.html", timings))
    for page, timings in built:
        kind, nodes, links = page_nodes(page.read_text(encoding="utf-8"))
        results = measure(page, args.runs, args.chromium)
        ready = [r["interactive"] / 1000 for r in results]
        find = [r["select"] for r in results]
        render = f"{timings['html']:.2f} s" if "html" in timings else "(built before)"
        print(f"{nodes:>7,} nodes {links:>7,} links  {kind:<10}  graph.html {page.stat().st_size / 1e6:5.1f} MB  "
              f"render {render}  interactive median {statistics.median(ready):.2f} s "
              f"(min {min(ready):.2f}, max {max(ready):.2f}, {len(ready)} loads)  find {statistics.median(find):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
