"""The shipped queries before and after a change, side by side on one graph, in one run.

    python -m tests.bench.querycmp --graph DIR/graph.ttl --before HEAD~1
    python -m tests.bench.querycmp --graph DIR/graph.ttl --before v1 --queries timeline.rq people.rq --runs 10
    python -m tests.bench.querycmp --graph BIG/graph.ttl --bindings-from SMALL/graph.ttl --before HEAD~1

For each query, the text at the git revision --before (`git show REV:schema/queries/NAME`) and
the text in the working tree are run, turn about, on the same pyoxigraph store (graph.ttl loaded
into memory, as the benchmark's SPARQL section does): as a user asks them (bound, with values taken
from the query's first answer as the benchmark takes them, when it takes parameters) or, for a listing,
its whole answer (once); then the first page (`--limit 100`), plus --pages more pages. It prints the medians and whether the rows are
identical, in the same order; a listing whose old text left rows of one sort key in no set order
is compared by its tie-ordered form instead (--total), named in the output. Exit 1 when any
answer differs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.bench import FIRST_PAGE, QUERIES, ROOT, example_bindings


def _old_text(rev: str, name: str) -> str:
    done = subprocess.run(["git", "show", f"{rev}:schema/queries/{name}"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"Error: git show {rev}:schema/queries/{name}: {done.stderr.strip()}")
    return done.stdout


def _total(text: str, order: str) -> str:
    """The query with its last line's ORDER BY replaced by `order` (the old text made total)."""
    lines = text.rstrip("\n").split("\n")
    if not lines[-1].startswith("ORDER BY"):
        raise SystemExit(f"Error: --total: the query's last line is not its ORDER BY: {lines[-1]!r}")
    return "\n".join(lines[:-1] + [order]) + "\n"


def main(argv: list[str] | None = None) -> int:
    import pyoxigraph as ox

    from graph.sparql.store import Store, page

    parser = argparse.ArgumentParser(prog="python -m tests.bench.querycmp", description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, required=True, help="a built graph.ttl")
    parser.add_argument("--before", required=True, help="the git revision of the old query texts")
    parser.add_argument("--queries", nargs="*", default=None, help="query file names (default: every shipped one)")
    parser.add_argument("--bindings-from", type=Path, default=None,
                        help="take the bound values from this (smaller) graph.ttl, as the benchmark does: finding "
                             "a first answer unbound on a large graph is itself a dump")
    parser.add_argument("--runs", type=int, default=5, help="runs of each timed form (median)")
    parser.add_argument("--pages", nargs="*", default=["500"], help="offsets of further pages of 100 to compare")
    parser.add_argument("--total", action="append", default=[], metavar="NAME=ORDER BY …",
                        help="compare NAME's old text with this ORDER BY line instead of its own")
    args = parser.parse_args(argv)
    totals = dict(t.split("=", 1) for t in args.total)
    names = args.queries or sorted(q.name for q in QUERIES.glob("*.rq"))

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(args.graph), format=ox.RdfFormat.TURTLE)
    wrapped = Store(store)
    values_from = store
    if args.bindings_from is not None:
        values_from = ox.Store()
        values_from.bulk_load(path=str(args.bindings_from), format=ox.RdfFormat.TURTLE)
    print(f"{args.graph}: {len(store):,} triples, loaded in {time.perf_counter() - t:.0f} s", flush=True)

    def timed(text: str, binds: dict, runs: int) -> tuple[list, float]:
        times, rows = [], None
        for _ in range(runs):
            rows = None
            start = time.perf_counter()
            rows = wrapped.query(text, bindings=binds or None).rows
            times.append(time.perf_counter() - start)
        return [[None if v is None else str(v) for v in row] for row in rows], 1000 * statistics.median(times)

    differ = False
    for name in names:
        new = (QUERIES / name).read_text(encoding="utf-8")
        old = _old_text(args.before, name)
        if name in totals:
            old = _total(old, totals[name])
        binds = example_bindings(values_from, new)
        # a listing's whole answer is timed once: it is there to show the rows are the same
        forms = [("bound", None, args.runs)] if binds else [("whole", None, 1)]
        forms += [("first page", 0, args.runs)] + [(f"page at {o}", int(o), args.runs) for o in args.pages]
        label = f"{name}" + (f" bound ({', '.join(f'{k}={v}' for k, v in sorted(binds.items()))[:60]})" if binds else "")
        print(f"{label}{' (old text ordered: ' + totals[name] + ')' if name in totals else ''}", flush=True)
        for form, offset, runs in forms:
            o_text = old if offset is None else page(old, FIRST_PAGE, offset or None)
            n_text = new if offset is None else page(new, FIRST_PAGE, offset or None)
            o_rows, o_ms = timed(o_text, binds, runs)
            n_rows, n_ms = timed(n_text, binds, runs)
            same = o_rows == n_rows
            differ |= not same
            print(f"  {form:12} before {o_ms:10,.1f} ms  after {n_ms:10,.1f} ms  {len(n_rows):,} rows"
                  f"  {'identical' if same else 'DIFFERENT'}", flush=True)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
