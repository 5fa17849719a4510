"""Where extraction runs: one process, a process pool on this machine, or a Dask cluster.

The output is the same on every engine; only the time differs.
"""

from __future__ import annotations

import os

from graph.errors import KgError
from graph.rules.ruleset import RuleSet
from graph.runtime.batch import extract_pooled, extract_one

# Above this many articles extraction runs in a process pool (both cores); below it
# the pool's start-up costs more than it saves. The output is the same either way.
POOL_THRESHOLD = 200
POOL_BATCH = 32  # articles a pool task: fewer round trips, still an even share for each core
# name -> where extraction runs; the merge and the writing always run here
ENGINES = {"local": "this machine: one process, or a process pool for large corpora",
           "dask": "a Dask cluster (dask.distributed): --scheduler ADDRESS, or a LocalCluster"}


def run_engine(items: list[tuple[str, str, bytes]], rules: RuleSet, jobs: int | None, engine: str,
                scheduler: str | None, progress) -> list:
    """Extraction of `items` on the chosen engine; results in the order of `items`."""
    if engine not in ENGINES:
        raise KgError(f"unknown engine {engine!r}; expected one of: {', '.join(sorted(ENGINES))}",
                      "use --engine local or --engine dask")
    if engine == "dask":
        from graph.runtime.dask_engine import extract_on_dask

        return extract_on_dask(items, rules, scheduler=scheduler, workers=jobs, progress=progress)
    if scheduler:
        raise KgError("--scheduler is for --engine dask only", "add --engine dask, or leave out --scheduler")
    jobs = jobs if jobs is not None else ((os.cpu_count() or 1) if len(items) >= POOL_THRESHOLD else 1)
    results: list = []
    if jobs > 1 and len(items) > 1:
        from concurrent.futures import ProcessPoolExecutor

        batches = [items[i : i + POOL_BATCH] for i in range(0, len(items), POOL_BATCH)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent) as pool:
            for batch in pool.map(extract_pooled, [(b, rules) for b in batches]):
                results.extend(batch)
                if progress:
                    for _ in batch:
                        progress(len(results), len(items))
    else:
        for path, aid, raw in items:
            results.append(extract_one(path, aid, raw, rules))
            if progress:
                progress(len(results), len(items))
    return results


def die_with_parent() -> None:
    """In a pool worker: end when the build that started it ends, even by kill -9 (Linux
    prctl PR_SET_PDEATHSIG), rather than live on as an orphan finishing its batch."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the worker ends when it finds its parent gone
