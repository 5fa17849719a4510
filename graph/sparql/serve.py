"""A read-only SPARQL 1.1 Protocol endpoint over the built graph (standard library HTTP server).

  GET  /sparql?query=...                       query in the URL
  POST /sparql  (application/x-www-form-urlencoded, query=...)
  POST /sparql  (application/sparql-query, the query as the body)
  GET  /            the HTML view (graph.html next to the graph)
  GET  /graph.ttl   the graph as Turtle
  GET  /view/NAME?depth=N   the HTML view of NAME's neighbourhood (as `kg view NAME --depth N` writes)

Results are negotiated with Accept (JSON by default; XML, CSV, TSV; Turtle,
N-Triples, JSON-LD or RDF/XML for CONSTRUCT/DESCRIBE). Every answer carries CORS headers.
Refused, each with a status and a one-line message, the server staying up:
updates (403), SERVICE unless allowed (403), bodies over the size limit (413),
a POST without Content-Length (411), malformed requests and syntax errors (400),
queries over the time limit (503), the row or byte limit of the answer (400), or nested
deeper than the parser can take (400, refused before parsing). A query that finds every
query process busy waits its turn in a bounded queue; one that finds the queue full, or
waits too long, gets 503 with Retry-After.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import socket
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.errors import QueryError, RefusedQuery
from graph.rdf.formats import FORMATS, GRAPH_FORMATS, MEDIA_FORMAT, SELECT_FORMATS
from graph.sparql.store import Store, check_query, serialize, too_large

WORKERS = 4  # query processes; each holds its own copy of the graph
SPARES = 1  # loaded processes kept waiting: one takes the place of a process ended over the time limit at once
MAX_BYTES = 50_000_000  # bytes of an answer; a larger one is refused whole, never sent in part
QUEUE = 32  # queries that may wait for a busy pool; one more is refused at once (503), not left to pile up
QUEUE_WAIT = 60.0  # seconds a query may wait in the queue before it is refused (503): should processes be lost
STALL_FACTOR = 1  # a query process asleep (no CPU, no core or disk awaited) this many times its CPU limit is stalled
RETRY_AFTER = 1  # seconds, in the Retry-After of a 503 for a full queue

READ_SECONDS = 30.0  # a client's whole request (line, headers, body) must arrive within this
MAX_BODY = 1_000_000  # bytes: a SPARQL query is text; anything larger is refused unread
DRAIN_BODY = 64_000_000  # bytes of a refused body read and dropped, so the client sees the answer
DRAIN_SECONDS = 10.0


def negotiate(accept: str, graph_result: bool) -> str:
    """The result format for an Accept header (first acceptable media type in q order).

    The media types are the registry's (graph/rdf/formats.py); any other, */* included,
    is passed over, and with none acceptable the answer is JSON, or Turtle for a graph.
    """
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
        if graph_result and fmt == "xml":  # a graph asked for as XML: RDF/XML
            return "rdfxml"
        if fmt in (GRAPH_FORMATS if graph_result else SELECT_FORMATS):
            return fmt
    return "turtle" if graph_result else "json"


def _worker_main(conn, graph_path: str, allow_service: bool, max_rows: int, max_bytes: int) -> None:
    """A query process: load the graph once, then answer (query, select format, graph format) forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server stops its workers
    try:
        store = Store.open(Path(graph_path))  # the build's on-disk store when fresh, else graph.ttl
    except Exception as err:  # noqa: BLE001 - the graph moved or broke since the server started: say so, no traceback
        conn.send(("error", str(err)))
        return
    conn.send(("ready",))
    while True:
        try:
            query, select_fmt, graph_fmt = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = store.query(query, None, allow_service, max_rows, max_bytes)
            fmt = graph_fmt if result.kind == "graph" else select_fmt
            body = serialize(result, fmt)
            if len(body) > max_bytes:  # the terms fitted, their serialisation (escapes, markup) does not
                raise too_large(max_bytes)
            answer = ("ok", fmt, body)
        except QueryError as err:
            answer = ("error", str(err))
        except Exception as err:  # noqa: BLE001 - one bad query must not cost the process
            answer = ("error", f"the query failed: {type(err).__name__}: {err}")
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return


class Worker:
    """One query process. Queries run in processes, not threads, because an Oxigraph query
    cannot be cancelled: a query over the time limit is stopped by ending its process."""

    def __init__(self, graph_path: Path, allow_service: bool, max_rows: int, max_bytes: int = MAX_BYTES):
        ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main,
                                   args=(child, str(graph_path), allow_service, max_rows, max_bytes),
                                   daemon=True, name="kg-sparql-worker")
        self._stopping = threading.Lock()
        self._stopped = False
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 60.0) -> None:
        answer = None
        try:
            answer = self.conn.recv() if self.conn.poll(timeout) else None
        except (EOFError, OSError):
            pass
        if answer != ("ready",):
            self.stop()
            why = f": {answer[1]}" if answer and answer[0] == "error" else ""
            raise QueryError(f"a query process did not start{why}")

    def stop(self) -> None:
        """End the process; once only, whichever comes first of the thread that saw its query run
        over the limit and the server closing (two closes of one pipe fail, or close another's)."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Busy(TimeoutError):
    """Every query process is busy and the queue is full, or a query waited in it too long: 503, Retry-After."""


def _cpu_and_state(pid: int) -> tuple[float, bytes] | None:
    """(CPU time used, scheduler state: R running or waiting for a core, D waiting for the disk, S asleep,
    T stopped) of a process, from /proc; None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS, fields[0]
    except (OSError, IndexError, ValueError):
        return None


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") and "SC_CLK_TCK" in os.sysconf_names else 100


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, graph_path: Path, timeout: float, max_rows: int, allow_service: bool,
                 workers: int = WORKERS, max_bytes: int = MAX_BYTES, spares: int = SPARES, queue_size: int = QUEUE,
                 read_seconds: float = READ_SECONDS):
        self.graph_path = Path(graph_path)
        self.read_seconds = read_seconds
        self.reading: dict = {}  # connection -> when its request must have arrived (see _reap)
        Store.open(self.graph_path)  # fail here, with a clear message, on a missing or broken graph
        # set before binding: a bind that fails calls server_close, which reads them
        self.idle: queue.Queue[Worker] = queue.Queue()  # loaded processes of the pool, waiting for a query
        self.spares: queue.Queue[Worker] = queue.Queue()  # loaded processes outside the pool, waiting for a loss
        self.missing = 0  # processes the pool lacks (lost with no spare ready); a new process fills these first
        self.workers: set[Worker] = set()  # every live query process, idle or busy, so closing stops them all
        self.queue_size = max(0, queue_size)
        self.waiting = 0  # queries waiting for a query process
        self.lock = threading.Lock()
        self.closed = False
        threading.Thread(target=self._reap, daemon=True, name="kg-sparql-reaper").start()
        try:
            super().__init__(address, Handler)
        except OSError as err:
            raise QueryError(f"cannot listen on {address[0]}:{address[1]}: {err.strerror}",
                             "choose another --port, or stop what is listening there") from None
        self.query_timeout = timeout
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.allow_service = allow_service
        try:
            pool = max(1, workers)
            for i, w in enumerate([self._start_worker() for _ in range(pool + max(0, spares))]):
                w.wait_ready()
                (self.idle if i < pool else self.spares).put(w)
        except BaseException:
            self.server_close()
            raise

    def _start_worker(self) -> Worker:
        w = Worker(self.graph_path, self.allow_service, self.max_rows, self.max_bytes)
        with self.lock:
            closing = self.closed  # a replacement started as the server closed: server_close has its list
            if not closing:
                self.workers.add(w)
        if closing:
            w.stop()
            raise QueryError("the server is closing")
        return w

    def _retire(self, worker: Worker) -> None:
        with self.lock:
            self.workers.discard(worker)
        worker.stop()

    def _take(self) -> Worker:
        """An idle query process, or, when all are busy, the first to come free: the query waits its turn
        in a queue of at most queue_size (more are refused at once) and for at most QUEUE_WAIT seconds.

        Waiting costs a waiting query nothing but time, where refusing it made a client of a busy
        server fail though its query was fine: queued, it is answered as soon as a process is free.
        """
        with self.lock:
            if self.idle.empty() and self.waiting >= self.queue_size:
                raise Busy(f"the server is busy: every query process is taken and {self.waiting} queries wait; "
                           f"try again in {RETRY_AFTER}s")
            self.waiting += 1
        try:
            return self.idle.get(timeout=QUEUE_WAIT)
        except queue.Empty:
            raise Busy(f"no query process came free within {QUEUE_WAIT:g}s; try again later") from None
        finally:
            with self.lock:
                self.waiting -= 1

    def _answered(self, worker: Worker) -> bool:
        """Wait for the worker's answer: True once it is there, False when the query ran over its time limit.

        The limit is CPU time, `query_timeout` seconds of it, so a query is not stopped for the time it
        spent waiting for a core while other queries (or other programs) had them. A query that waits
        without computing at all is stopped once it has been asleep (no CPU used, no core and no disk
        awaited) for STALL_FACTOR times that on the clock: a limit on total clock time would stop a query
        that is merely slow to get a core, or a page of the store, on a loaded machine, which is the case
        the CPU limit is there to spare. Where /proc is missing, the clock alone.
        """
        pid = worker.process.pid
        start = _cpu_and_state(pid)
        if start is None:
            return worker.conn.poll(self.query_timeout)
        used = last = start[0]
        idle, clock = 0.0, time.monotonic()
        while True:
            if worker.conn.poll(0.05):
                return True
            found = _cpu_and_state(pid)
            if found is None or found[0] - used > self.query_timeout:
                return worker.conn.poll(0)
            now, state = found
            tick = time.monotonic()
            # idle: on the clock, neither computing, nor runnable and waiting for a core (R), nor
            # waiting for the disk (D, a store page the query reads): asleep or stopped
            if now > last or state in (b"R", b"D"):
                idle = 0.0
            else:
                idle += tick - clock
            last, clock = now, tick
            if idle > STALL_FACTOR * self.query_timeout:
                return worker.conn.poll(0)

    def run_query(self, query: str, select_fmt: str, graph_fmt: str) -> tuple[str, bytes]:
        """(format, body) of a query's answer; QueryError for a bad query, TimeoutError over the limit
        (Busy when no query process came free)."""
        worker = self._take()
        try:
            worker.conn.send((query, select_fmt, graph_fmt))
            if not self._answered(worker):
                raise TimeoutError(f"the query ran over the time limit of {self.query_timeout:g}s; "
                                   "add a LIMIT or a more selective pattern")
            answer = worker.conn.recv()
        except (TimeoutError, EOFError, OSError):
            # an Oxigraph query cannot be interrupted: end its process, put a loaded spare in its
            # place before answering (the next query waits for no graph to load), and load another
            self._retire(worker)
            try:
                self.idle.put(self.spares.get_nowait())
            except queue.Empty:
                with self.lock:
                    self.missing += 1
            threading.Thread(target=self._replace, daemon=True, name="kg-sparql-respawn").start()
            raise
        self.idle.put(worker)
        if answer[0] == "error":
            raise QueryError(answer[1])
        return answer[1], answer[2]

    def _replace(self) -> None:
        for attempt in range(5):
            if self.closed:
                return
            w = None
            try:
                w = self._start_worker()
                w.wait_ready()
            except (QueryError, OSError):
                if w is not None:
                    self._retire(w)
                time.sleep(1 + attempt)
                continue
            if self.closed:
                self._retire(w)
                return
            with self.lock:
                short = self.missing > 0
                self.missing -= short
            (self.idle if short else self.spares).put(w)
            return

    def watch(self, connection) -> None:
        """Start the clock on a request: it must have arrived whole within read_seconds."""
        with self.lock:
            self.reading[connection] = time.monotonic() + self.read_seconds

    def unwatch(self, connection) -> None:
        with self.lock:
            self.reading.pop(connection, None)

    def _reap(self) -> None:
        """Cut off clients whose request has not arrived in time. A socket time-out bounds each read,
        not the request: a client sending a byte every few seconds (slowloris) would hold its thread
        for ever; shutting its socket down ends the read that waits on it."""
        while not self.closed:
            time.sleep(min(0.5, self.read_seconds / 4))
            now = time.monotonic()
            with self.lock:
                late = [c for c, deadline in self.reading.items() if deadline <= now]
                for c in late:
                    del self.reading[c]
            for c in late:
                try:
                    c.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # the client left meanwhile

    def handle_error(self, request, client_address):
        """A client that hung up or stalled is routine; anything else is reported on one line."""
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError)):
            return
        print(f"kg serve: error answering {client_address[0]}: {type(err).__name__}: {err}", file=sys.stderr)

    def server_close(self):
        with self.lock:
            self.closed = True
            workers, self.workers = list(self.workers), set()
        super().server_close()
        for w in workers:
            w.stop()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.1"  # so that even an unreadable request gets a status line back
    server_version = "kg-news-sparql/1.0"
    timeout = 30  # seconds a client may take to send its request: a stalled client frees its thread
    disable_nagle_algorithm = True  # headers and body are two writes: the second must not wait for an ACK

    def log_message(self, fmt, *args):  # quiet: the CLI prints one line at start
        pass

    def handle_one_request(self):
        self.server.watch(self.connection)  # the request line, headers and body: within read_seconds
        try:
            super().handle_one_request()
        finally:
            self.server.unwatch(self.connection)

    # ---------------------------------------------------------------- plumbing

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def send_error(self, code, message=None, explain=None):
        """The standard library's own refusals (bad request line or headers, unknown method), as plain text."""
        self.close_connection = True
        text = message or HTTPStatus(code).phrase
        self._error(code, text if len(text) <= 200 else text[:199] + "…")

    def parse_request(self):
        """Refuse what the standard library would let through: a request line cut short (no line end)
        or without an HTTP version (HTTP/0.9, which has no status line to carry an error)."""
        self.command, self.requestline, self.request_version = "", "", self.default_request_version
        for _ in range(4):  # an empty line before a request is allowed (RFC 9112, 2.2)
            if self.raw_requestline not in (b"\r\n", b"\n"):
                break
            self.raw_requestline = self.rfile.readline(65537)
        line = self.raw_requestline
        if not line:
            self.close_connection = True
            return False
        if not line.endswith(b"\n") or len(line.split()) != 3:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, "malformed request line: expected METHOD PATH HTTP/1.1 and a line end")
            return False
        return super().parse_request()

    def handle_expect_100(self):
        # refuse an oversized body before the client sends it
        length = self.headers.get("Content-Length", "")
        if length.strip().isdigit() and int(length) > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return False
        return super().handle_expect_100()

    def _drain(self, length: int) -> None:
        """Read and drop a refused body (bounded), so the client finishes sending and reads the answer."""
        left, deadline = min(length, DRAIN_BODY), time.monotonic() + DRAIN_SECONDS
        try:
            self.connection.settimeout(2.0)
            while left > 0 and time.monotonic() < deadline:
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _body(self) -> bytes | None:
        """The request body, or None once an error has been answered (the connection is then closed)."""
        lengths = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length (chunked transfer is not supported)")
            return None
        if not lengths:
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length header")
            return None
        if len(set(v.strip() for v in lengths)) != 1 or not lengths[0].strip().isdigit():
            self.close_connection = True  # where the body ends is unknown: the connection cannot be reused
            self._error(HTTPStatus.BAD_REQUEST, f"bad Content-Length: {', '.join(lengths)[:60]!r}")
            return None
        length = int(lengths[0])
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            self._drain(length)
            return None
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, f"the body ended after {len(body)} of {length} bytes (Content-Length)")
            return None
        return body

    def do_OPTIONS(self):
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    # ---------------------------------------------------------------- routes

    def do_GET(self):
        self.server.unwatch(self.connection)  # read whole: the answer takes what time the query takes
        if self.headers.get("Content-Length", "0").strip() not in ("", "0") or self.headers.get("Transfer-Encoding"):
            self.close_connection = True  # a body on a GET is not read: the connection cannot be reused
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._file(self.server.graph_path.with_name("graph.html"), "text/html; charset=utf-8")
        if url.path == "/graph.ttl":
            return self._file(self.server.graph_path, FORMATS["turtle"].media + "; charset=utf-8")
        if url.path.startswith("/view/"):
            return self._view(url)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND,
                               f"no such page: {url.path}; try /sparql, /, /graph.ttl or /view/NAME")
        params = urllib.parse.parse_qs(url.query)
        if "update" in params:
            return self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed: this endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1:
            return self._error(HTTPStatus.BAD_REQUEST, "expected exactly one 'query' parameter")
        self._answer(queries[0])

    do_HEAD = do_GET

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        body = self._body()
        self.server.unwatch(self.connection)
        if body is None:
            return
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}; POST to /sparql")
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

    def _view(self, url):
        """GET /view/NAME?depth=N: the focused page of NAME, made from the graph on request."""
        from graph.errors import KgError
        from graph.view.focused import focused_page

        name = urllib.parse.unquote(url.path[len("/view/"):])
        depth = urllib.parse.parse_qs(url.query).get("depth", ["1"])[-1]
        if depth not in ("1", "2", "3"):
            return self._error(HTTPStatus.BAD_REQUEST, f"depth must be 1, 2 or 3, not {depth!r}")
        try:
            page = focused_page(self.server.graph_path, name, int(depth))
        except KgError as err:
            return self._error(HTTPStatus.NOT_FOUND, str(err))
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def _answer(self, query: str):
        srv = self.server
        try:
            check_query(query, srv.allow_service)  # the parser it may run takes one query at a time
        except RefusedQuery as err:
            return self._error(HTTPStatus.FORBIDDEN, str(err))
        except QueryError as err:
            return self._error(HTTPStatus.BAD_REQUEST, str(err))
        accept = self.headers.get("Accept", "*/*")
        try:
            fmt, body = srv.run_query(query, negotiate(accept, False), negotiate(accept, True))
        except Busy as err:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(err), {"Retry-After": str(RETRY_AFTER)})
        except TimeoutError as err:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(err))
        except (EOFError, OSError):
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "the query process stopped; try again")
        except QueryError as err:
            return self._error(HTTPStatus.BAD_REQUEST, str(err))
        self._send(HTTPStatus.OK, body, FORMATS[fmt].media + "; charset=utf-8")


def make_server(graph_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 5.0,
                max_rows: int = 100_000, allow_service: bool = False, workers: int = WORKERS,
                max_bytes: int = MAX_BYTES, spares: int = SPARES, queue_size: int = QUEUE,
                read_seconds: float = READ_SECONDS) -> SparqlServer:
    """A ready server (not yet serving): call serve_forever(), or run it in a thread in tests."""
    return SparqlServer((host, port), graph_path, timeout, max_rows, allow_service, workers, max_bytes, spares,
                        queue_size, read_seconds)
