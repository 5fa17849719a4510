"""A read-only SPARQL 1.1 Protocol endpoint over the built graph (standard library HTTP server).

  GET  /sparql?query=...                       query in the URL
  POST /sparql  (application/x-www-form-urlencoded, query=...)
  POST /sparql  (application/sparql-query, the query as the body)
  GET  /            the HTML view (graph.html next to the graph)
  GET  /graph.ttl   the graph as Turtle

Results are negotiated with Accept (JSON by default; XML, CSV, TSV; Turtle,
N-Triples or JSON-LD for CONSTRUCT/DESCRIBE). Every answer carries CORS headers.
Refused, each with a status and a one-line message, the server staying up:
updates (403), SERVICE unless allowed (403), bodies over the size limit (413),
syntax errors (400), queries over the time limit (503) or the row limit (400).
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.errors import QueryError
from graph.sparql import RESULT_MEDIA, Store, check_query, is_update, serialize

WORKERS = 4  # query processes; each holds its own copy of the graph

MAX_BODY = 1_000_000  # bytes: a SPARQL query is text; anything larger is refused unread
MEDIA_FORMAT = {v: k for k, v in RESULT_MEDIA.items()} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
    "text/plain": "nt", "application/turtle": "turtle", "*/*": None,
}


def negotiate(accept: str, graph_result: bool) -> str:
    """The result format for an Accept header (first acceptable media type in q order)."""
    choices = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        choices.append((-q, i, media.strip().lower()))
    for _, _, media in sorted(choices):
        fmt = MEDIA_FORMAT.get(media)
        if fmt is None:
            continue
        if graph_result and fmt in ("turtle", "nt", "jsonld"):
            return fmt
        if not graph_result and fmt in ("json", "xml", "csv", "tsv"):
            return fmt
    return "turtle" if graph_result else "json"


def _worker_main(conn, graph_path: str, allow_service: bool, max_rows: int) -> None:
    """A query process: load the graph once, then answer (query, select format, graph format) forever."""
    store = Store.from_file(Path(graph_path))
    conn.send(("ready",))
    while True:
        try:
            query, select_fmt, graph_fmt = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = store.query(query, None, allow_service, max_rows)
            fmt = graph_fmt if result.kind == "graph" else select_fmt
            conn.send(("ok", fmt, serialize(result, fmt)))
        except QueryError as err:
            conn.send(("error", str(err)))


class Worker:
    """One query process. Queries run in processes, not threads, because an Oxigraph query
    cannot be cancelled: a query over the time limit is stopped by ending its process."""

    def __init__(self, graph_path: Path, allow_service: bool, max_rows: int):
        ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, str(graph_path), allow_service, max_rows),
                                   daemon=True, name="kg-sparql-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout) or self.conn.recv() != ("ready",):
            raise QueryError("a query process did not start")

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, graph_path: Path, timeout: float, max_rows: int, allow_service: bool,
                 workers: int = WORKERS):
        self.graph_path = Path(graph_path)
        Store.from_file(self.graph_path)  # fail here, with a clear message, on a missing or broken graph
        super().__init__(address, Handler)
        self.query_timeout = timeout
        self.max_rows = max_rows
        self.allow_service = allow_service
        self.idle: queue.Queue[Worker] = queue.Queue()
        started = [Worker(self.graph_path, allow_service, max_rows) for _ in range(max(1, workers))]
        for w in started:
            w.wait_ready()
            self.idle.put(w)

    def run_query(self, query: str, select_fmt: str, graph_fmt: str) -> tuple[str, bytes]:
        """(format, body) of a query's answer; QueryError for a bad query, TimeoutError over the limit."""
        try:
            worker = self.idle.get(timeout=self.query_timeout)
        except queue.Empty:
            raise TimeoutError("every query process is busy") from None
        try:
            worker.conn.send((query, select_fmt, graph_fmt))
            if not worker.conn.poll(self.query_timeout):
                raise TimeoutError(f"the query ran over the time limit of {self.query_timeout:g}s")
            answer = worker.conn.recv()
        except (TimeoutError, EOFError, OSError):
            worker.stop()
            threading.Thread(target=self._replace, daemon=True).start()
            raise
        self.idle.put(worker)
        if answer[0] == "error":
            raise QueryError(answer[1])
        return answer[1], answer[2]

    def _replace(self) -> None:
        w = Worker(self.graph_path, self.allow_service, self.max_rows)
        w.wait_ready()
        self.idle.put(w)

    def server_close(self):
        super().server_close()
        while True:
            try:
                self.idle.get_nowait().stop()
            except queue.Empty:
                break


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-news-sparql/1.0"
    timeout = 30  # seconds a client may take to send its request: a stalled client frees its thread

    def log_message(self, fmt, *args):  # quiet: the CLI prints one line at start
        pass

    # ---------------------------------------------------------------- plumbing

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def do_OPTIONS(self):
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    # ---------------------------------------------------------------- routes

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._file(self.server.graph_path.with_name("graph.html"), "text/html; charset=utf-8")
        if url.path == "/graph.ttl":
            return self._file(self.server.graph_path, "text/turtle; charset=utf-8")
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}; try /sparql, / or /graph.ttl")
        params = urllib.parse.parse_qs(url.query)
        if "update" in params:
            return self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1:
            return self._error(HTTPStatus.BAD_REQUEST, "expected exactly one 'query' parameter")
        self._answer(queries[0])

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}; POST to /sparql")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if length > MAX_BODY:
            self.close_connection = True  # the body is not read: the connection cannot be reused
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8")
        if ctype == "application/sparql-update":
            return self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
        if ctype == "application/sparql-query":
            return self._answer(text)
        if ctype == "application/x-www-form-urlencoded":
            params = urllib.parse.parse_qs(text)
            if "update" in params:
                return self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
            queries = params.get("query", [])
            if len(queries) != 1:
                return self._error(HTTPStatus.BAD_REQUEST, "expected exactly one 'query' parameter")
            return self._answer(queries[0])
        return self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           "POST application/sparql-query or application/x-www-form-urlencoded")

    def _file(self, path: Path, ctype: str):
        try:
            data = path.read_bytes()
        except OSError:
            return self._error(HTTPStatus.NOT_FOUND, f"{path.name} is not there; build the graph with kg build")
        self._send(HTTPStatus.OK, data, ctype)

    def _answer(self, query: str):
        srv = self.server
        if is_update(query):
            return self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
        try:
            check_query(query, srv.allow_service)
        except QueryError as err:
            return self._error(HTTPStatus.FORBIDDEN, str(err))
        accept = self.headers.get("Accept", "*/*")
        try:
            fmt, body = srv.run_query(query, negotiate(accept, False), negotiate(accept, True))
        except TimeoutError as err:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(err))
        except (EOFError, OSError):
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "the query process stopped; try again")
        except QueryError as err:
            return self._error(HTTPStatus.BAD_REQUEST, str(err))
        self._send(HTTPStatus.OK, body, RESULT_MEDIA[fmt] + "; charset=utf-8")


def make_server(graph_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 5.0,
                max_rows: int = 100_000, allow_service: bool = False, workers: int = WORKERS) -> SparqlServer:
    """A ready server (not yet serving): call serve_forever(), or run it in a thread in tests."""
    return SparqlServer((host, port), graph_path, timeout, max_rows, allow_service, workers)


# ------------------------------------------------------------------ bounded loopback load, for the benchmark


def run_load(url: str, clients: int = 8, queries: int = 2000, query_texts: list[str] | None = None) -> dict:
    """Send `queries` queries from `clients` concurrent clients to a running endpoint at `url`.

    Returns {"queries", "clients", "errors", "p50_ms", "p99_ms", "seconds"}. The shipped queries
    are used in turn unless `query_texts` is given. Only meant for a loopback server.
    """
    import http.client
    import time
    from concurrent.futures import ThreadPoolExecutor

    from graph.explain import QUERIES_DIR

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
