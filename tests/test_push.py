"""kg push: the graph loaded into a real Oxigraph server answers the shipped queries as the embedded store does."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, run_kg

QUERIES = sorted((ROOT / "schema" / "queries").glob("*.rq"))
pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server is not installed")


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


def test_per_article_graphs(seed_build, server):
    result = run_kg("push", "--graph", seed_build / "graph.ttl", "--endpoint", server + "/store", "--per-article",
                    "--graph-iri", "https://example.org/kg/story")
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


class _FlakyStore:
    """A Graph Store endpoint on loopback that wants Basic auth and fails with 503 the first time."""

    def __init__(self):
        import base64
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.requests: list[tuple[str, str, int]] = []
        store = self
        expected = "Basic " + base64.b64encode(b"editor:secret").decode()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                elif not store.requests:
                    store.requests.append((self.command, self.path, -1))
                    self.send_response(503)
                else:
                    store.requests.append((self.command, self.path, body.count(b"\n")))
                    self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_batches_retries_and_basic_auth(seed_build):
    from graph.errors import PushError
    from graph.sparql.push import push

    store = _FlakyStore()
    try:
        report = push(seed_build / "graph.ttl", store.url, user="editor", password="secret", batch=4000, pause=0.01)
        total = report.triples
        assert report.retries == 1 and report.batches == -(-total // 4000)
        sent = store.requests[1:]
        assert [m for m, _, _ in sent] == ["PUT"] + ["POST"] * (len(sent) - 1)
        assert sum(n for _, _, n in sent) == total
        assert all("graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fgraph%2Fstory" in path for _, path, _ in sent)
        with pytest.raises(PushError, match="refused the credentials"):
            push(seed_build / "graph.ttl", store.url, user="editor", password="wrong", pause=0.01)
    finally:
        store.server.shutdown()
