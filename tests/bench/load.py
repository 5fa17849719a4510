"""A bounded loopback load on a running `kg serve`, for the benchmark and its smoke test.

Normal clients POST queries (the shipped ones in turn, or the texts given) and time each answer.
Hostile clients, run beside them until the normal clients are done, each keep up one kind of abuse
(HOSTILE); their answers are counted by status, and are what the server is meant to say to them.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.parse
from collections import Counter

from graph.errors import QueryError

# Over the row limit: an answer of limit+1 rows is refused (400) without the rest being computed.
_EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
# Over the byte limit rather than the row limit: every literal of the graph, each one three times.
_BIG_STRINGS = ("SELECT ?a ?b ?c WHERE { ?s ?p ?o FILTER(isLiteral(?o)) "
                "BIND(CONCAT(STR(?o), STR(?o), STR(?o), STR(?o)) AS ?a) BIND(?a AS ?b) BIND(?a AS ?c) } LIMIT 99000")
_SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # never ends within any time limit
_DEEP = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000

# One kind of abuse per hostile client (client k keeps up kind k mod 4): (name, [(label, action)]).
# An action is a query sent as a form, or a raw exchange on a socket (see _raw).
HOSTILE = (
    ("refused before running", [("over-deep query", _DEEP), ("SERVICE", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
                                ("update as a query", "INSERT DATA { <urn:x> <urn:y> <urn:z> }"),
                                ("update form", ("update", "INSERT DATA { <urn:x> <urn:y> <urn:z> }"))]),
    ("huge answers", [("over the row limit", _EVERYTHING), ("over the byte limit", _BIG_STRINGS)]),
    ("over the time limit", [("slow query", _SLOW)]),
    ("malformed HTTP", [("bad request line", b"GARBAGE\r\n\r\n"), ("bad Content-Length", b"POST /sparql HTTP/1.1\r\n"
                        b"Content-Length: 5\r\nContent-Length: 9\r\n\r\nquery"), ("slowloris", "slowloris")]),
)


def _loopback(url: str) -> urllib.parse.SplitResult:
    target = urllib.parse.urlsplit(url)
    if target.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise QueryError(f"{url}: the load runs against a loopback server only")
    return target


def _post(conn: http.client.HTTPConnection, path: str, form: dict) -> tuple[int, bytes]:
    conn.request("POST", path, urllib.parse.urlencode(form), {
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def _raw(target, data: bytes | str, stop: threading.Event) -> str:
    """A raw exchange: bytes sent as they are, or a slowloris (a request trickled a byte at a time
    until the server gives up on it). Returns what the server did: its status, or how it ended."""
    with socket.create_connection((target.hostname, target.port or 80), timeout=60) as s:
        if data == "slowloris":
            start = time.monotonic()
            try:
                for byte in b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-a: " + b"a" * 10_000:
                    s.sendall(bytes([byte]))
                    if stop.wait(1.0):
                        return "stopped"
                    if time.monotonic() - start > 120:
                        return "still open after 120 s"
            except OSError:
                return f"closed by the server after {time.monotonic() - start:.0f} s"
            return "sent whole"
        s.sendall(data)
        answer = s.recv(4096)
    return answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/") else "closed"


def _hostile(target, kind: int, stop: threading.Event, tally: Counter) -> None:
    """Keep up one kind of abuse until stop is set, counting (label, outcome)."""
    _, actions = HOSTILE[kind % len(HOSTILE)]
    conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
    n = 0
    while not stop.is_set():
        label, action = actions[n % len(actions)]
        n += 1
        try:
            if isinstance(action, bytes) or action == "slowloris":
                outcome = _raw(target, action, stop)
            else:
                form = {action[0]: action[1]} if isinstance(action, tuple) else {"query": action}
                outcome = str(_post(conn, target.path or "/sparql", form)[0])
        except (OSError, http.client.HTTPException) as err:
            outcome = type(err).__name__
            conn.close()
            conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        tally[(label, outcome)] += 1
    conn.close()


def _is_refusal(status: int, body: bytes) -> bool:
    """A 400 for an answer over --max-rows or --max-bytes: the limit working, not a failure."""
    return status == 400 and (b"the result has more than" in body or b"larger than the limit" in body)


def run_load(url: str, clients: int = 8, queries: int = 2000, query_texts: list[str] | None = None,
             hostile: int = 0) -> dict:
    """Send `queries` queries from `clients` concurrent clients to a running endpoint at `url`,
    with `hostile` hostile clients (HOSTILE) at the same time.

    Returns {"queries", "clients", "errors", "refused", "failures", "p50_ms", "p99_ms", "seconds",
    "hostile"}: errors are the normal queries not answered 200, less those `refused` for an answer over
    the row or byte limit; failures counts each error's status and first line; hostile counts each
    (abuse, outcome). The shipped queries are used in turn unless `query_texts` is given. Only meant
    for a loopback server.
    """
    from concurrent.futures import ThreadPoolExecutor

    from graph.analyse.explain import QUERIES_DIR

    texts = query_texts or [q.read_text(encoding="utf-8") for q in sorted(QUERIES_DIR.glob("*.rq"))]
    target = _loopback(url)

    def client(indices: range) -> tuple[list[float], Counter, int]:
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=120)
        times, failures, refused = [], Counter(), 0
        for i in indices:
            t = time.perf_counter()
            try:
                status, body = _post(conn, target.path or "/sparql", {"query": texts[i % len(texts)]})
                if _is_refusal(status, body):
                    refused += 1
                elif status != 200:
                    failures[f"{status} {body.decode('utf-8', 'replace').splitlines()[0][:90] if body else ''}"] += 1
            except (OSError, http.client.HTTPException) as err:
                failures[type(err).__name__] += 1
                conn.close()
                conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=120)
            times.append(time.perf_counter() - t)
        conn.close()
        return times, failures, refused

    stop, tally = threading.Event(), Counter()
    attackers = [threading.Thread(target=_hostile, args=(target, k, stop, tally), daemon=True) for k in range(hostile)]
    for a in attackers:
        a.start()
    start = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=clients) as pool:
            parts = list(pool.map(client, [range(c, queries, clients) for c in range(clients)]))
    finally:
        stop.set()
    elapsed = time.perf_counter() - start
    for a in attackers:
        a.join(150)
    times = sorted(t for part, _, _ in parts for t in part)
    failures = sum((f for _, f, _ in parts), Counter())

    def pct(p: float) -> float:
        return 1000 * times[min(len(times) - 1, int(p * len(times)))] if times else 0.0

    return {"queries": len(times), "clients": clients, "errors": sum(failures.values()),
            "refused": sum(r for _, _, r in parts), "failures": dict(failures.most_common()),
            "p50_ms": round(pct(0.50), 2), "p99_ms": round(pct(0.99), 2), "seconds": round(elapsed, 2),
            "hostile": {f"{label}: {outcome}": n for (label, outcome), n in sorted(tally.items())}}
