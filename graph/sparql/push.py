"""Load the built graph into a SPARQL 1.1 store: `kg push --endpoint URL`.

Speaks the standard Graph Store HTTP Protocol (W3C, 2013): the first batch of a
graph is a PUT (it replaces what the store held under that name), the rest are
POSTs (they add), each an N-Triples body. So any conforming store will do:
Oxigraph (`oxigraph serve`, endpoint http://HOST:PORT/store), Fuseki
(http://HOST:PORT/DATASET/data), Virtuoso (http://HOST:8890/sparql-graph-crud-auth),
GraphDB (http://HOST:7200/repositories/REPO/rdf-graphs/service).

What a push guarantees:
- it is checked: after the push each graph's triples are counted in the store (a SPARQL
  COUNT on --query-url, else a GET of the graph over the Graph Store Protocol), and a
  store holding anything else than what was sent is an error (PushError, exit 3) that
  says what the store holds;
- with --update-url it is atomic: every graph is loaded into a temporary graph
  (urn:kg-news:push:<hash>), counted, and only then put in place by one SPARQL Update
  request (MOVE … ; MOVE … ; DROP …), which a store runs as one transaction. A push
  that fails before that leaves the store's graphs as they were. Without an update
  endpoint the Graph Store Protocol has no way to switch graphs, so the graphs are
  loaded in place (a reader may see one half loaded) and then counted;
- with per_article, the graphs of articles no longer in the corpus (named graphs under
  the article namespace that this push does not write) are removed; finding them needs
  the query endpoint (the Graph Store Protocol cannot list graphs).

With per_article, the graph is split as the TriG export splits it
(graph/rdf/provenance.py, `split_by_article`): each article's named graph, its IRI,
holds its provenance records with their text selectors and the facts only it tells;
the main graph holds the rest (ontology, rules, each merged node's identity, the facts
several articles tell). Each triple goes to exactly one graph.
Transient failures (connection refused or reset, timeouts, HTTP 408/425/429/5xx) are
retried with a doubling pause (0.5 s, 1 s, 2 s … at most 16 s) for up to retry_seconds
(60 s) per request, so a store that needs a minute to come back is waited for; anything
else stops the push with the store's answer.
"""

from __future__ import annotations

import hashlib
import json
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
from graph.rdf.vocab import BASE

DEFAULT_GRAPH_IRI = "https://w3id.org/kg-news/id/graph/story"
ARTICLE_GRAPHS = f"{BASE}article/"  # the article graphs of --per-article are named by the articles' IRIs
TEMP_GRAPHS = "urn:kg-news:push:"  # where an atomic push loads a graph before switching it in
BATCH_TRIPLES = 50_000  # a body of a few MB: small enough for any store's request limit
RETRY_SECONDS = 60.0  # how long one request is retried: a store restarting takes about a minute
MAX_PAUSE = 16.0
RETRIES = None  # no cap on the attempts within RETRY_SECONDS
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class PushReport:
    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples sent
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0
    verified_by: str = ""  # how the store's counts were read, or why they could not be
    verified: bool = False
    switched_by: str = ""  # the update endpoint of an atomic push, or "" (loaded in place)
    removed: list[str] | None = None  # article graphs of articles no longer in the corpus (None: not looked for)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0
        lines = [f"pushed     {self.triples} triples in {self.batches} batches to {self.endpoint}",
                 f"graphs     {len(self.graphs)}",
                 f"time       {self.seconds:.2f} s ({rate:,.0f} triples/s)",
                 f"retries    {self.retries}",
                 (f"verified   every graph holds what was sent ({self.verified_by})" if self.verified else
                  f"verified   no: {self.verified_by}"),
                 ("switched   atomically, one SPARQL Update at " + self.switched_by) if self.switched_by else
                 "switched   no: loaded in place (pass --update-url for an atomic switch)"]
        if self.removed is not None:
            lines.append(f"removed    {len(self.removed)} graphs of articles no longer in the corpus")
        if len(self.graphs) <= 5:
            lines += [f"graph      <{g}> {n} triples" for g, n in sorted(self.graphs.items())]
        lines += [f"removed    <{g}>" for g in (self.removed or [])[:5]]
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

    # a set: the store holds each triple once, and the count checked after the push is of distinct triples
    return {g: sorted({f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in rows}) for g, rows in graphs.items()}


def _opener(urls: list[str], user: str | None, password: str | None):
    """An opener that answers the store's challenge: Basic (sent up front) or Digest (Virtuoso)."""
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
    for url in urls:
        passwords.add_password(None, url, user, password or "", is_authenticated=True)
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                       urllib.request.HTTPDigestAuthHandler(passwords))




def graph_url(endpoint: str, graph_iri: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"


def _iri(iri: str) -> str:
    """An IRI as SPARQL writes it, refused if it could not be one (so nothing can break out of the <…>)."""
    if any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
        raise KgError(f"not an IRI: {iri!r}", "a graph IRI has no spaces, quotes or angle brackets")
    return f"<{iri}>"


def temp_graph(graph_iri: str, rows: list[str]) -> str:
    """The temporary graph an atomic push loads graph_iri into: named by a hash of the name and content."""
    h = hashlib.sha256(graph_iri.encode("utf-8") + b"\n")
    for row in rows:
        h.update(row.encode("utf-8"))
    return TEMP_GRAPHS + h.hexdigest()[:32]


class _CannotRead(Exception):
    """The store does not serve a GET of a graph (HTTP 405 or 501): what it holds cannot be read back."""


class _Client:
    """The HTTP requests of one push, each retried through transient failures for up to retry_seconds."""

    def __init__(self, opener, endpoint: str, report: PushReport, timeout: float, retries: int | None,
                 pause: float, retry_seconds: float):
        self.opener, self.endpoint, self.report = opener, endpoint, report
        self.timeout, self.retries, self.pause, self.retry_seconds = timeout, retries, pause, retry_seconds

    def send(self, method: str, url: str, body: bytes | None, ctype: str | None, what: str,
             accept: str | None = None, missing_ok: bool = False) -> tuple[bytes, str] | None:
        """(body, content type) of the answer; None for a 404 when missing_ok; PushError otherwise."""
        waited, attempt = 0.0, 0
        headers = {k: v for k, v in (("Content-Type", ctype), ("Accept", accept)) if v}
        while True:
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with self.opener.open(req, timeout=self.timeout) as resp:
                    return resp.read(), resp.headers.get("Content-Type", "")
            except urllib.error.HTTPError as err:
                detail = " ".join(err.read().decode("utf-8", "replace")[:300].split())
                if err.code == 404 and missing_ok:
                    return None
                if err.code in (405, 501) and method == "GET":
                    raise _CannotRead(f"HTTP {err.code}") from None
                if err.code in (401, 403):
                    raise PushError(f"{url}: HTTP {err.code}: the store refused the credentials",
                                    "pass --user and --password of an account allowed to write") from None
                if err.code not in TRANSIENT_STATUS:
                    raise PushError(f"{url}: HTTP {err.code} for {what}: {detail}",
                                    "check the URL is the store's Graph Store Protocol (or SPARQL) endpoint") from None
                reason = f"HTTP {err.code} {detail}".strip()
            except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
                reason = str(getattr(err, "reason", err))
            wait = min(self.pause * 2 ** attempt, MAX_PAUSE, self.retry_seconds - waited)
            if wait <= 0 or (self.retries is not None and attempt >= self.retries):
                raise PushError(f"{self.endpoint}: cannot reach the store after {attempt + 1} attempts in "
                                f"{waited:.1f} s ({what}): {reason}",
                                "is the server running and the URL right? --retry-seconds waits longer") from None
            time.sleep(wait)
            waited += wait
            attempt += 1
            self.report.retries += 1

    def load(self, graph_iri: str, rows: list[str], batch: int) -> None:
        """The rows into graph_iri: a PUT (replacing it), then POSTs."""
        url = graph_url(self.endpoint, graph_iri)
        for i in range(0, max(len(rows), 1), batch):
            body = "".join(rows[i : i + batch]).encode("utf-8")
            self.send("PUT" if i == 0 else "POST", url, body, "application/n-triples; charset=utf-8",
                      f"graph <{graph_iri}> batch {i // batch + 1}")
            self.report.batches += 1

    def select(self, query_url: str, query: str) -> list[dict]:
        """The bindings of a SELECT sent to the store's SPARQL query endpoint."""
        body = urllib.parse.urlencode({"query": query}).encode()
        answer = self.send("POST", query_url, body, "application/x-www-form-urlencoded", "a query",
                           accept="application/sparql-results+json")
        try:
            return json.loads(answer[0])["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise PushError(f"{query_url}: not a SPARQL JSON results answer: {answer[0][:200]!r}",
                            "--query-url is the store's SPARQL query endpoint (Oxigraph: http://HOST:PORT/query)") from None

    def update(self, update_url: str, update: str) -> None:
        self.send("POST", update_url, urllib.parse.urlencode({"update": update}).encode(),
                  "application/x-www-form-urlencoded", "the SPARQL Update")

    def counts(self, graphs: list[str], query_url: str | None) -> dict[str, int]:
        """Graph IRI -> the triples the store holds in it (0 for a graph it lacks)."""
        found = dict.fromkeys(graphs, 0)
        if not graphs:
            return found
        if query_url:
            values = " ".join(_iri(g) for g in graphs)
            for b in self.select(query_url, f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                                            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
                found[b["g"]["value"]] = int(b["n"]["value"])
            return found
        import pyoxigraph

        for g in graphs:
            answer = self.send("GET", graph_url(self.endpoint, g), None, None, f"reading back graph <{g}>",
                               accept="application/n-triples, text/turtle;q=0.5", missing_ok=True)
            if answer is None:
                continue
            fmt = pyoxigraph.RdfFormat.N_TRIPLES if "n-triples" in answer[1] else pyoxigraph.RdfFormat.TURTLE
            try:
                found[g] = len(set(pyoxigraph.parse(answer[0], format=fmt)))
            except (SyntaxError, ValueError) as err:
                raise PushError(f"{self.endpoint}: graph <{g}> read back is not {fmt}: {err}") from None
        return found

    def article_graphs(self, query_url: str) -> set[str]:
        """The named graphs under the article namespace that the store holds."""
        rows = self.select(query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                      f'FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}")) }}')
        return {b["g"]["value"] for b in rows}


def _differences(expected: dict[str, int], found: dict[str, int]) -> list[str]:
    return [f"<{g}> holds {found.get(g, 0)} triples, {n} were sent" for g, n in sorted(expected.items())
            if found.get(g, 0) != n]


def push(graph_path: Path, endpoint: str, graph_iri: str = DEFAULT_GRAPH_IRI, per_article: bool = False,
         user: str | None = None, password: str | None = None, batch: int = BATCH_TRIPLES,
         timeout: float = 60.0, retries: int | None = RETRIES, pause: float = 0.5,
         retry_seconds: float = RETRY_SECONDS, query_url: str | None = None,
         update_url: str | None = None, must_verify: bool = False) -> PushReport:
    """Send the graph at graph_path to a Graph Store Protocol endpoint, then check what the store holds.

    query_url: the store's SPARQL query endpoint (counts, and with per_article the article graphs
    to remove; without it none are looked for, report.removed is None); update_url: its SPARQL
    Update endpoint (load into temporary graphs, then switch atomically). A store that serves no
    GET of a graph and no query_url cannot be checked: an error with must_verify (what `kg push`
    asks for), else said in the report. Returns what was sent; PushError (exit 3) when the store
    cannot be reached, refuses the data, or holds other counts than were sent.
    """
    for option, url in (("--endpoint", endpoint), ("--query-url", query_url), ("--update-url", update_url)):
        if url is not None and not url.startswith(("http://", "https://")):
            raise KgError(f"{option} must be an http(s) URL, got {url!r}",
                          "for Oxigraph: http://127.0.0.1:7878/store, /query and /update")
    graphs = graphs_to_push(read_triples(graph_path), graph_iri, per_article)
    _iri(graph_iri)
    report = PushReport(endpoint=endpoint)
    client = _Client(_opener([u for u in (endpoint, query_url, update_url) if u], user, password), endpoint,
                     report, timeout, retries, pause, retry_seconds)
    started = time.perf_counter()
    expected = {g: len(rows) for g, rows in graphs.items()}
    stale = sorted(client.article_graphs(query_url) - set(graphs)) if per_article and query_url else []

    def counts(names: list[str]) -> dict[str, int] | None:
        """What the store holds in each graph, or None when it cannot be read back (and need not be)."""
        try:
            return client.counts(names, query_url)
        except _CannotRead as err:
            why = f"the store answers a GET of a graph with {err} and no --query-url was given"
            if must_verify:
                raise PushError(f"{endpoint}: cannot check what the store holds: {why}",
                                "pass --query-url, the store's SPARQL query endpoint") from None
            report.verified_by = why
            return None

    report.verified_by = f"COUNT at {query_url}" if query_url else "GET of each graph"
    if update_url:
        temps = {g: temp_graph(g, rows) for g, rows in graphs.items()}
        try:
            for g in sorted(graphs):
                client.load(temps[g], graphs[g], batch)
            loaded = counts(sorted(temps.values()))
            wrong = _differences({temps[g]: n for g, n in expected.items()}, loaded) if loaded is not None else []
            if wrong:
                raise PushError(f"{endpoint}: the store lost part of the graph while loading; nothing was switched, its graphs "
                                "are as before: " + "; ".join(wrong[:5]))
            ops = [f"MOVE SILENT GRAPH {_iri(temps[g])} TO GRAPH {_iri(g)}" if expected[g] else
                   f"DROP SILENT GRAPH {_iri(g)} ;\nDROP SILENT GRAPH {_iri(temps[g])}" for g in sorted(graphs)]
            ops += [f"DROP SILENT GRAPH {_iri(g)}" for g in stale]
            client.update(update_url, " ;\n".join(ops))
        except PushError:
            try:  # leave no temporary graph behind; the failure already being reported matters more
                client.retry_seconds = 0
                client.update(update_url, " ;\n".join(f"DROP SILENT GRAPH {_iri(t)}" for t in sorted(temps.values())))
            except KgError:
                pass
            raise
        report.switched_by = update_url
    else:
        for g in sorted(graphs):
            client.load(g, graphs[g], batch)
        for g in stale:
            client.send("DELETE", graph_url(endpoint, g), None, None, f"removing graph <{g}>", missing_ok=True)
    report.removed = stale if per_article and query_url else None
    check = {**expected, **dict.fromkeys(stale, 0)}
    found = counts(sorted(check))
    report.verified = found is not None
    wrong = _differences(check, found) if found is not None else []
    if wrong:
        raise PushError(f"{endpoint}: the store does not hold what was pushed: " + "; ".join(wrong[:5])
                        + (f"; and {len(wrong) - 5} more graphs" if len(wrong) > 5 else ""),
                        "push again; if it recurs, check the store's logs and request size limits")
    report.graphs = expected
    report.seconds = time.perf_counter() - started
    return report
