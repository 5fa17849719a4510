"""Extraction on a Dask cluster: `kg build --engine dask [--scheduler tcp://HOST:PORT]`.

Extraction of an article is a pure function of its bytes, its id and the rules
(graph/match.py), so a cluster runs it unchanged: the rules are sent to every
worker once, articles go out in batches as bytes (a worker need not see our
files), and the frozen records come back in order. The merge and the writing stay
here, so the graph is the one a local build makes, byte for byte.

Without --scheduler a `LocalCluster` of worker processes is started on 127.0.0.1
for the build and stopped after it.
"""

from __future__ import annotations

import logging
import socket
import urllib.parse
from typing import Callable

from graph.errors import EngineError
from graph.rules.ruleset import RuleSet

BATCH = 64  # articles a task: large enough that scheduling costs little, small enough to balance


def _probe(scheduler: str) -> None:
    """Fail at once when nothing listens at a tcp:// address: Dask's client would retry until its time-out."""
    parts = urllib.parse.urlsplit(scheduler)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if parts.scheme != "tcp" or not host or not port:
        return
    try:
        socket.create_connection((host, port), timeout=10).close()
    except OSError as err:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err.strerror or err}",
                          "start one with `dask scheduler` and `dask worker ADDRESS`, or leave out --scheduler") from None


def _connect(scheduler: str | None, workers: int | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs dask.distributed, which is not installed",
                          "pip install 'kg-news[scale]'") from None
    if scheduler:
        _probe(scheduler)
        try:
            return Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}",
                              "start one with `dask scheduler` and `dask worker ADDRESS`, or leave out --scheduler") from None
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def extract_on_dask(items: list[tuple[str, str, bytes]], rules: RuleSet, scheduler: str | None = None,
                    workers: int | None = None, progress: Callable[[int, int], None] | None = None) -> list:
    """Extract every (path, id, bytes) on a cluster; results in the order of `items`.

    Each result is an Extraction, or (path, reason) for an article that could not be read.
    """
    from graph.runtime.batch import extract_batch

    if not items:
        return []
    client, cluster = _connect(scheduler, workers)
    try:
        shared = client.scatter(rules, broadcast=True)
        batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
        futures = client.map(extract_batch, batches, rules=shared, pure=False)
        results: list = []
        for batch, future in zip(batches, futures):
            results.extend(future.result())
            if progress:
                for _ in batch:
                    progress(len(results), len(items))
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
