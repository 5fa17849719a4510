"""Load the built graph into a SPARQL 1.1 store: `kg push --endpoint URL`.

Speaks only the standard Graph Store HTTP Protocol (W3C, 2013): the first batch
of a graph is a PUT (it replaces what the store held under that name), the rest
are POSTs (they add), each an N-Triples body. So any conforming store will do:
Oxigraph (`oxigraph serve`, endpoint http://HOST:PORT/store), Fuseki
(http://HOST:PORT/DATASET/data), Virtuoso (http://HOST:8890/sparql-graph-crud-auth),
GraphDB (http://HOST:7200/repositories/REPO/rdf-graphs/service).

With per_article, the graph is split as the TriG export splits it
(graph/rdf/provenance.py, `split_by_article`): each article's named graph, its IRI,
holds its provenance records with their text selectors and the facts only it tells;
the main graph holds the rest (ontology, rules, each merged node's identity, the facts
several articles tell). Each triple goes to exactly one graph.
Transient failures (connection refused or reset, timeouts, HTTP 408/429/5xx) are
retried with a growing pause; anything else stops the push with the store's answer.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from graph.errors import KgError, PushError
from graph.rdf.provenance import by_predicate, index_articles, split_by_article
from graph.rdf.turtle import term_nt

DEFAULT_GRAPH_IRI = "https://w3id.org/kg-news/id/graph/story"
BATCH_TRIPLES = 50_000  # a body of a few MB: small enough for any store's request limit
RETRIES = 4
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"



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


def read_triples(graph_path: Path) -> list[tuple]:
    """The graph's triples as rdflib terms, parsed by Oxigraph (ten times faster than rdflib's parser)."""
    import pyoxigraph

    graph_path = Path(graph_path)
    if not graph_path.is_file():
        raise KgError(f"{graph_path}: no such graph", "build it first: kg build")
    terms: dict = {}  # Oxigraph term -> rdflib term, one object each: the split looks terms up by identity

    def term(t):
        found = terms.get(t)
        if found is None:
            if isinstance(t, pyoxigraph.NamedNode):
                found = URIRef(t.value)
            elif isinstance(t, pyoxigraph.Literal) and t.language:
                found = Literal(t.value, lang=t.language)
            elif isinstance(t, pyoxigraph.Literal):
                plain = t.datatype.value == _XSD_STRING
                found = Literal(t.value) if plain else Literal(t.value, datatype=URIRef(t.datatype.value))
            else:
                raise KgError(f"{graph_path}: a blank node ({t}): the built graph has none",
                              "push a graph made by kg build")
            terms[t] = found
        return found

    try:
        return [(term(t.subject), term(t.predicate), term(t.object))
                for t in pyoxigraph.parse(path=str(graph_path), format=pyoxigraph.RdfFormat.TURTLE)]
    except (SyntaxError, ValueError, OSError) as err:
        raise KgError(f"{graph_path}: cannot read the graph: {err}") from None


def graphs_to_push(triples: list[tuple], graph_iri: str, per_article: bool) -> dict[str, list[str]]:
    """Graph IRI -> its sorted N-Triples lines: all in graph_iri, or one graph per article and the rest there."""
    if per_article:
        split = split_by_article(triples, index_articles(by_predicate(triples)))
        graphs = {graph_iri if name is None else str(name): rows for name, rows in split.items()}
    else:
        graphs = {graph_iri: triples}
    texts: dict = {}  # term -> its N-Triples text: predicates, articles and rules recur on most lines

    def nt(t) -> str:
        text = texts.get(t)
        if text is None:
            text = texts[t] = term_nt(t)
        return text

    return {g: sorted(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in rows) for g, rows in graphs.items()}


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
    graphs = graphs_to_push(read_triples(graph_path), graph_iri, per_article)
    report = PushReport(endpoint=endpoint)
    started = time.perf_counter()
    for g in sorted(graphs):
        rows = graphs[g]
        url = graph_url(endpoint, g)
        for i in range(0, max(len(rows), 1), batch):
            body = "".join(rows[i : i + batch]).encode("utf-8")
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
