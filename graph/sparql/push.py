"""Load the built graph into a SPARQL 1.1 store: `kg push --endpoint URL`.

Speaks only the standard Graph Store HTTP Protocol (W3C, 2013): the first batch
of a graph is a PUT (it replaces what the store held under that name), the rest
are POSTs (they add), each an N-Triples body. So any conforming store will do:
Oxigraph (`oxigraph serve`, endpoint http://HOST:PORT/store), Fuseki
(http://HOST:PORT/DATASET/data), Virtuoso (http://HOST:8890/sparql-graph-crud-auth),
GraphDB (http://HOST:7200/repositories/REPO/rdf-graphs/service).

With per_article, the provenance of each article (its reification nodes and text
selectors) goes into a named graph of its own, the article's IRI; the story itself
(people, events, quotations, rules, ontology) into the main graph.
Transient failures (connection refused or reset, timeouts, HTTP 408/429/5xx) are
retried with a growing pause; anything else stops the push with the store's answer.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import KgError

DEFAULT_GRAPH_IRI = "https://w3id.org/kg-news/id/graph/story"
BATCH_TRIPLES = 50_000  # a body of a few MB: small enough for any store's request limit
RETRIES = 4
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
PROV_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"


class PushError(KgError):
    """The store refused the data or could not be reached."""

    exit_code = 3


@dataclass
class PushReport:
    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples sent
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0
        lines = [f"pushed     {self.triples} triples in {self.batches} batches to {self.endpoint}",
                 f"graphs     {len(self.graphs)}",
                 f"time       {self.seconds:.2f} s ({rate:,.0f} triples/s)",
                 f"retries    {self.retries}"]
        if len(self.graphs) <= 5:
            lines += [f"graph      <{g}> {n} triples" for g, n in sorted(self.graphs.items())]
        return "\n".join(lines)


def read_ntriples(graph_path: Path) -> list[tuple[str, str, str]]:
    """The graph's triples as N-Triples terms (subject, predicate, object), sorted."""
    import pyoxigraph

    graph_path = Path(graph_path)
    if not graph_path.is_file():
        raise KgError(f"{graph_path}: no such graph", "build it first: kg build")
    try:
        triples = [(str(t.subject), str(t.predicate), str(t.object))
                   for t in pyoxigraph.parse(path=str(graph_path), format=pyoxigraph.RdfFormat.TURTLE)]
    except (SyntaxError, ValueError, OSError) as err:
        raise KgError(f"{graph_path}: cannot read the graph: {err}") from None
    triples.sort()
    return triples


def split_by_article(triples: list[tuple[str, str, str]], main_graph: str) -> dict[str, list[tuple[str, str, str]]]:
    """Main graph and one graph per article: a fact node and its selectors go with the article they cite."""
    home: dict[str, str] = {}  # fact node -> article IRI
    for s, p, o in triples:
        if p == PROV_DERIVED and "/fact/" in s:
            home.setdefault(s, o[1:-1])
    selector_home: dict[str, str] = {}
    for s, p, o in triples:
        if s in home and o.startswith("<") and "/selector/" in o:
            selector_home.setdefault(o, home[s])
    graphs: dict[str, list] = defaultdict(list)
    for t in triples:
        s = t[0]
        graphs[home.get(s) or selector_home.get(s) or main_graph].append(t)
    return dict(graphs)


def _opener(endpoint: str, user: str | None, password: str | None):
    """An opener that answers the store's challenge: Basic (sent up front) or Digest (Virtuoso)."""
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
    passwords.add_password(None, endpoint, user, password or "", is_authenticated=True)
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                       urllib.request.HTTPDigestAuthHandler(passwords))


def _request(opener, url: str, method: str, body: bytes, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": "application/n-triples; charset=utf-8"})
    with opener.open(req, timeout=timeout) as resp:
        resp.read()


def graph_url(endpoint: str, graph_iri: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"


def push(graph_path: Path, endpoint: str, graph_iri: str = DEFAULT_GRAPH_IRI, per_article: bool = False,
         user: str | None = None, password: str | None = None, batch: int = BATCH_TRIPLES,
         timeout: float = 60.0, retries: int = RETRIES, pause: float = 0.5) -> PushReport:
    """Send the graph at graph_path to a Graph Store Protocol endpoint; returns what was sent."""
    if not endpoint.startswith(("http://", "https://")):
        raise KgError(f"--endpoint must be an http(s) URL, got {endpoint!r}",
                      "for Oxigraph: http://127.0.0.1:7878/store")
    opener = _opener(endpoint, user, password)
    triples = read_ntriples(graph_path)
    graphs = split_by_article(triples, graph_iri) if per_article else {graph_iri: triples}
    report = PushReport(endpoint=endpoint)
    started = time.perf_counter()
    for g in sorted(graphs):
        rows = graphs[g]
        url = graph_url(endpoint, g)
        for i in range(0, max(len(rows), 1), batch):
            body = "".join(f"{s} {p} {o} .\n" for s, p, o in rows[i : i + batch]).encode("utf-8")
            method = "PUT" if i == 0 else "POST"
            for attempt in range(retries + 1):
                try:
                    _request(opener, url, method, body, timeout)
                    break
                except urllib.error.HTTPError as err:
                    detail = err.read().decode("utf-8", "replace")[:300].strip()
                    if err.code in (401, 403):
                        raise PushError(f"{endpoint}: HTTP {err.code}: the store refused the credentials",
                                        "pass --user and --password of an account allowed to write") from None
                    if err.code not in TRANSIENT_STATUS or attempt == retries:
                        raise PushError(f"{endpoint}: HTTP {err.code} for graph <{g}> batch {i // batch + 1}: {detail}",
                                        "check the URL is the store's Graph Store Protocol endpoint") from None
                except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
                    if attempt == retries:
                        reason = getattr(err, "reason", err)
                        raise PushError(f"{endpoint}: cannot reach the store after {retries + 1} attempts: {reason}",
                                        "is the server running and the URL right?") from None
                report.retries += 1
                time.sleep(pause * 2 ** attempt)
            report.batches += 1
        report.graphs[g] = len(rows)
    report.seconds = time.perf_counter() - started
    return report
