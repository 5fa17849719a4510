"""kg push: the graph loaded into a real Oxigraph server answers the shipped queries as the embedded store does;
against a Graph Store double on loopback (tests/test_push.py's FakeStore, pyoxigraph behind the three
endpoints), the push is counted afterwards, atomic with an update endpoint, removes stale article
graphs, and waits out a store that is down for a while."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, run_kg

QUERIES = sorted((ROOT / "schema" / "queries").glob("*.rq"))
needs_oxigraph = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`oxigraph serve` on a loopback port, its default graph the union of all graphs; stopped afterwards."""
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _remote_rows(base: str, query: str) -> list[tuple]:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    w = SPARQLWrapper(base + "/query")
    w.setMethod(POST)
    w.setQuery(query)
    w.setReturnFormat(JSON)
    data = w.queryAndConvert()
    names = data["head"]["vars"]
    return [tuple((b[n]["type"].replace("typed-literal", "literal"), b[n]["value"], b[n].get("datatype", ""))
                  if n in b else None for n in names) for b in data["results"]["bindings"]]


def _embedded_rows(graph: Path, query: str) -> list[tuple]:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)
    out = []
    result = store.query(query)
    names = [v.value for v in result.variables]
    for sol in result:
        row = []
        for n in names:
            t = sol[n]
            if t is None:
                row.append(None)
            elif isinstance(t, pyoxigraph.NamedNode):
                row.append(("uri", t.value, ""))
            else:
                dt = t.datatype.value if t.datatype else ""
                row.append(("literal", t.value, "" if dt.endswith("#string") else dt))
        out.append(tuple(row))
    return out


@needs_oxigraph
def test_pushed_graph_answers_shipped_queries_like_the_embedded_store(seed_build, server):
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", server + "/store", "--batch", "2000")
    assert result.returncode == 0, result.stderr
    assert "retries    0" in result.stdout
    assert QUERIES, "no shipped queries in schema/queries"
    for q in QUERIES:
        text = q.read_text(encoding="utf-8")
        remote = [tuple(c if c is None or not c[2].endswith("#string") else (c[0], c[1], "") for c in r)
                  for r in _remote_rows(server, text)]
        local = _embedded_rows(seed_build / "graph.ttl", text)
        # the same solutions; rows tied under a query's ORDER BY may come in either order, and
        # SPARQL leaves the order inside GROUP_CONCAT (joined with " | ") to each store
        def norm(rows):
            return sorted((tuple(c if c is None else (c[0], " | ".join(sorted(c[1].split(" | "))), c[2]) for c in r)
                           for r in rows), key=repr)

        assert norm(remote) == norm(local), f"{q.name}: the store and the embedded graph disagree"
        assert local, f"{q.name}: no solutions on the seed graph"


@needs_oxigraph
def test_push_replaces_the_graph_and_counts_triples(seed_build, server):
    import pyoxigraph

    expected = len(list(pyoxigraph.parse(path=str(seed_build / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)))
    for _ in range(2):  # pushing twice replaces, never doubles
        result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", server + "/store",
                        "--graph-iri", "https://example.org/kg/twice")
        assert result.returncode == 0, result.stderr
    assert f"pushed     {expected} triples" in result.stdout
    rows = _remote_rows(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/kg/twice> { ?s ?p ?o } }")
    assert int(rows[0][0][1]) == expected


@needs_oxigraph
def test_per_article_graphs(seed_build, server):
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", server + "/store", "--per-article",
                    "--graph-iri", "https://example.org/kg/story", "--query-url", server + "/query",
                    "--update-url", server + "/update")
    assert result.returncode == 0, result.stderr
    rows = _remote_rows(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?f <http://www.w3.org/ns/prov#wasDerivedFrom> ?a } "
                                "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-news/id/article/')) } ORDER BY ?g")
    seeds = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert [r[0][1].rsplit("/", 1)[-1] for r in rows] == seeds


def test_unreachable_store_is_a_clean_error(seed_build):
    from graph.errors import PushError
    from graph.sparql.push import push

    with pytest.raises(PushError, match="cannot reach the store"):
        push(seed_build / "graph.ttl", f"http://127.0.0.1:{_free_port()}/store", retries=1, pause=0.01)
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", "ftp://example.org/")
    assert result.returncode == 2 and result.stderr.startswith("Error: --endpoint must be an http(s) URL")


class FakeStore:
    """A store on loopback: Graph Store Protocol at /store, SPARQL query at /query and update at /update,
    all over one pyoxigraph store; it can want Basic auth, answer 503 at first, lose POSTed data or refuse one."""

    def __init__(self, auth: str | None = None, fail_first: int = 0, lose_posts: bool = False,
                 refuse_data_request: int | None = None, serves_get: bool = True):
        import base64
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        import pyoxigraph as ox

        self.store = ox.Store()
        self.lock = threading.Lock()
        self.log: list[tuple[str, str, int]] = []  # method, path, N-Triples lines in the body (-1: failed)
        self.data_requests = 0
        fake = self
        expected = "Basic " + base64.b64encode(auth.encode()).decode() if auth else None

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status: int, body: bytes = b"", ctype: str = "text/plain"):
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                url = urllib.parse.urlsplit(self.path)
                params = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
                if expected and self.headers.get("Authorization") != expected:
                    return self._reply(401)
                with fake.lock:
                    if len(fake.log) < fail_first:
                        fake.log.append((self.command, self.path, -1))
                        return self._reply(503, b"starting up")
                    fake.log.append((self.command, self.path, body.count(b"\n")))
                    if url.path == "/query":
                        query = urllib.parse.parse_qs(body.decode())["query"][0]
                        out = fake.store.query(query).serialize(format=ox.QueryResultsFormat.JSON)
                        return self._reply(200, out, "application/sparql-results+json")
                    if url.path == "/update":
                        fake.store.update(urllib.parse.parse_qs(body.decode())["update"][0])
                        return self._reply(204)
                    graph = ox.NamedNode(params["graph"])
                    if self.command == "GET" and not serves_get:
                        return self._reply(501, b"not implemented")
                    if self.command == "GET":
                        quads = list(fake.store.quads_for_pattern(None, None, None, graph))
                        if not quads:
                            return self._reply(404, b"no such graph")
                        out = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
                        return self._reply(200, out, "application/n-triples")
                    if self.command == "DELETE":
                        fake.store.update(f"DROP SILENT GRAPH {graph}")
                        return self._reply(204)
                    fake.data_requests += 1
                    if fake.data_requests == refuse_data_request:
                        return self._reply(400, b"request too large")
                    if self.command == "PUT":
                        fake.store.update(f"DROP SILENT GRAPH {graph}")
                    elif lose_posts:
                        return self._reply(204)  # says it stored the batch, and did not
                    fake.store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                    return self._reply(204)

            do_PUT = do_POST = do_GET = do_DELETE = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url, self.query_url, self.update_url = base + "/store", base + "/query", base + "/update"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def counts(self) -> dict[str, int]:
        """Graph IRI -> triples, for every graph the store holds."""
        out: dict[str, int] = {}
        for q in self.store:
            out[q.graph_name.value] = out.get(q.graph_name.value, 0) + 1
        return out

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_store():
    made = []

    def make(**kw) -> FakeStore:
        made.append(FakeStore(**kw))
        return made[-1]

    yield make
    for store in made:
        store.close()


def _triples(graph: Path) -> int:
    import pyoxigraph

    return len(set(pyoxigraph.parse(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)))


def test_batches_retries_and_basic_auth(seed_build, fake_store):
    from graph.errors import PushError
    from graph.sparql.push import push

    store = fake_store(auth="editor:secret", fail_first=1)
    report = push(seed_build / "graph.ttl", store.url, user="editor", password="secret", batch=4000, pause=0.01)
    total = report.triples
    assert total == _triples(seed_build / "graph.ttl")
    assert report.retries == 1 and report.batches == -(-total // 4000)
    sent = [r for r in store.log[1:] if r[0] in ("PUT", "POST")]
    assert [m for m, _, _ in sent] == ["PUT"] + ["POST"] * (len(sent) - 1)
    assert sum(n for _, _, n in sent) == total
    assert all("graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fgraph%2Fstory" in path for _, path, _ in sent)
    assert store.counts() == {"https://w3id.org/kg-news/id/graph/story": total}
    with pytest.raises(PushError, match="refused the credentials"):
        push(seed_build / "graph.ttl", store.url, user="editor", password="wrong", pause=0.01)


@pytest.mark.parametrize("how", ["get", "count"])
def test_push_to_a_store_that_loses_batches_fails_with_exit_3(seed_build, fake_store, how):
    """Regression: kg push once claimed success for a store missing part of the graph."""
    store = fake_store(lose_posts=True)
    total = _triples(seed_build / "graph.ttl")
    options = ["--query-url", store.query_url] if how == "count" else []
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", store.url, "--batch", 2000, *options)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stderr.startswith(
        f"Error: {store.url}: the store does not hold what was pushed: "
        f"<https://w3id.org/kg-news/id/graph/story> holds 2000 triples, {total} were sent (hint: ")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_atomic_push_switches_in_one_update_and_leaves_no_temporary_graph(seed_build, fake_store):
    from graph.sparql.push import push

    store = fake_store()
    report = push(seed_build / "graph.ttl", store.url, batch=2000, query_url=store.query_url,
                  update_url=store.update_url, pause=0.01)
    assert report.switched_by == store.update_url
    assert store.counts() == {"https://w3id.org/kg-news/id/graph/story": _triples(seed_build / "graph.ttl")}
    updates = [r for r in store.log if r[1] == "/update"]
    assert len(updates) == 1, "one SPARQL Update switches every graph"
    puts = [p for m, p, _ in store.log if m == "PUT"]
    assert puts and all("urn%3Akg-news%3Apush%3A" in p for p in puts), "data goes to temporary graphs first"


def test_atomic_push_that_fails_leaves_the_store_as_before(seed_build, fake_store, tmp_path):
    """Regression: a push that failed half-way left the store's graph half replaced."""
    from graph.errors import PushError
    from graph.sparql.push import push

    small = tmp_path / "small.ttl"
    small.write_text("<https://example.org/a> <https://schema.org/name> \"A\" .\n", encoding="utf-8")
    store = fake_store(refuse_data_request=3)
    push(small, store.url, query_url=store.query_url, update_url=store.update_url, pause=0.01)  # request 1
    before = store.counts()
    assert before == {"https://w3id.org/kg-news/id/graph/story": 1}
    with pytest.raises(PushError, match="HTTP 400 for graph <urn:kg-news:push:[0-9a-f]+> batch 2: request too large"):
        push(seed_build / "graph.ttl", store.url, batch=2000, query_url=store.query_url,
             update_url=store.update_url, pause=0.01)
    assert store.counts() == before, "the failed push changed nothing, and left no temporary graph"


@pytest.mark.parametrize("atomic", [False, True])
def test_per_article_push_removes_graphs_of_articles_no_longer_in_the_corpus(seed_build, fake_store, atomic):
    import pyoxigraph as ox

    from graph.sparql.push import ARTICLE_GRAPHS, graphs_to_push, push, read_triples

    store = fake_store()
    gone = ARTICLE_GRAPHS + "999_no-longer-in-the-corpus"
    store.store.add(ox.Quad(ox.NamedNode("https://example.org/f"), ox.NamedNode("https://schema.org/name"),
                            ox.Literal("old"), ox.NamedNode(gone)))
    report = push(seed_build / "graph.ttl", store.url, per_article=True, query_url=store.query_url,
                  update_url=store.update_url if atomic else None, pause=0.01)
    assert report.removed == [gone]
    expected = {g: len(rows) for g, rows in graphs_to_push(read_triples(seed_build / "graph.ttl"),
                                                            "https://w3id.org/kg-news/id/graph/story", True).items()}
    assert len(expected) > 2 and store.counts() == expected


def test_per_article_push_needs_a_query_url(seed_build, fake_store):
    store = fake_store()
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", store.url, "--per-article")
    assert result.returncode == 2 and result.stderr.startswith("Error: --per-article needs --query-url")
    assert store.log == []


def test_push_waits_out_a_store_that_is_down_for_several_attempts(seed_build, fake_store):
    """Regression: four retries (7.5 s of pauses) gave up on a store that needs a minute to come back."""
    from graph.sparql.push import push

    store = fake_store(fail_first=8)
    report = push(seed_build / "graph.ttl", store.url, pause=0.001)
    assert report.retries == 8 and store.counts() == {"https://w3id.org/kg-news/id/graph/story": report.triples}


def test_retry_window_is_bounded(seed_build, fake_store):
    from graph.errors import PushError
    from graph.sparql.push import push

    store = fake_store(fail_first=10**9)
    with pytest.raises(PushError, match=r"cannot reach the store after \d+ attempts in 0\.0 s .*HTTP 503 starting up"):
        push(seed_build / "graph.ttl", store.url, pause=0.001, retry_seconds=0.01)


def test_kg_push_fails_when_it_cannot_check_the_store(seed_build, fake_store):
    store = fake_store(serves_get=False)
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", store.url)
    assert result.returncode == 3 and result.stderr == (
        f"Error: {store.url}: cannot check what the store holds: the store answers a GET of a graph with HTTP 501 "
        "and no --query-url was given (hint: pass --query-url, the store's SPARQL query endpoint)\n")
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", store.url, "--query-url", store.query_url)
    assert result.returncode == 0, result.stderr
    assert "verified   every graph holds what was sent (COUNT at " in result.stdout
