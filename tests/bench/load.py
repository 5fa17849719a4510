"""A bounded loopback load on a running `kg serve`, for the benchmark and its smoke test."""

from __future__ import annotations

import urllib.parse

from graph.errors import QueryError


def run_load(url: str, clients: int = 8, queries: int = 2000, query_texts: list[str] | None = None) -> dict:
    """Send `queries` queries from `clients` concurrent clients to a running endpoint at `url`.

    Returns {"queries", "clients", "errors", "p50_ms", "p99_ms", "seconds"}. The shipped queries
    are used in turn unless `query_texts` is given. Only meant for a loopback server.
    """
    import http.client
    import time
    from concurrent.futures import ThreadPoolExecutor

    from graph.analyse.explain import QUERIES_DIR

    texts = query_texts or [q.read_text(encoding="utf-8") for q in sorted(QUERIES_DIR.glob("*.rq"))]
    target = urllib.parse.urlsplit(url)
    if target.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise QueryError(f"{url}: the load runs against a loopback server only")

    def client(indices: range) -> tuple[list[float], int]:
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        times, errors = [], 0
        for i in indices:
            body = urllib.parse.urlencode({"query": texts[i % len(texts)]})
            t = time.perf_counter()
            try:
                conn.request("POST", target.path or "/sparql", body, {
                    "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errors += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
            times.append(time.perf_counter() - t)
        conn.close()
        return times, errors

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        parts = list(pool.map(client, [range(c, queries, clients) for c in range(clients)]))
    elapsed = time.perf_counter() - start
    times = sorted(t for part, _ in parts for t in part)

    def pct(p: float) -> float:
        return 1000 * times[min(len(times) - 1, int(p * len(times)))] if times else 0.0

    return {"queries": len(times), "clients": clients, "errors": sum(e for _, e in parts),
            "p50_ms": round(pct(0.50), 2), "p99_ms": round(pct(0.99), 2), "seconds": round(elapsed, 2)}
