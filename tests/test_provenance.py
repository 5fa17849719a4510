"""graph/rdf/provenance.py: one reader of the evidence, one split into a named graph per article."""

from __future__ import annotations

import threading
import urllib.parse
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rdflib import RDF, RDFS

from conftest import SEEDS
from graph.rdf.provenance import by_predicate, index_articles, read_evidence, split_by_article
from graph.rdf.vocab import KG, PROV, SDO


def test_the_graph_and_its_triples_give_the_same_evidence(seed_graph):
    from_graph = read_evidence(seed_graph)
    assert from_graph == read_evidence(by_predicate(list(seed_graph)))
    assert len(from_graph) == len(set(seed_graph.subjects(RDF.type, RDF.Statement)))
    assert [e.statement for e in from_graph] == sorted((e.statement for e in from_graph), key=str)


def test_every_piece_of_evidence_is_what_the_graph_says(seed_graph):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for e in read_evidence(seed_graph):
        assert e.fact in seed_graph and e.article == seed_graph.value(e.statement, PROV.wasDerivedFrom), e
        assert e.identifier == str(seed_graph.value(e.article, SDO.identifier)), e
        assert e.rule == str(seed_graph.value(seed_graph.value(e.statement, PROV.wasGeneratedBy), RDFS.label)), e
        resolved_by = seed_graph.value(e.statement, KG.dateResolution)
        assert e.resolution == (str(seed_graph.value(resolved_by, RDFS.label)) if resolved_by else ""), e
        for sel in (e.selector, e.sentence):
            if sel is not None:  # CONTRACT.md: text[start:end] == exact
                assert texts[e.identifier][sel.start:sel.end] == sel.exact, (e.statement, sel)
        assert e.exact == e.selector.exact and (e.sentence is None or e.exact in e.sentence.exact), e


def test_each_triple_in_one_graph_and_each_record_in_its_article_s(seed_graph):
    index = index_articles(seed_graph)
    assert index == index_articles(by_predicate(list(seed_graph)))
    graphs = split_by_article(seed_graph, index)
    assert sum(len(g) for g in graphs.values()) == len(seed_graph)
    assert set().union(*graphs.values()) == set(seed_graph)
    assert set(graphs) == {None, *index.articles}
    for record in seed_graph.subjects(RDF.type, RDF.Statement):
        article = seed_graph.value(record, PROV.wasDerivedFrom)
        assert all(t in graphs[article] for t in seed_graph.triples((record, None, None))), record
    person = next(seed_graph.subjects(RDF.type, SDO.Person))
    assert (person, RDF.type, SDO.Person) in graphs[None], "a merged node's identity is shared"


class _RecordingStore:
    """A Graph Store endpoint on loopback that keeps every body it is sent, by graph."""

    def __init__(self):
        self.bodies: dict[str, list[str]] = defaultdict(list)
        store = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
                store.bodies[graph].append(body)
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_push_per_article_sends_the_export_s_split(seed_build, seed_graph):
    from graph.sparql.push import push

    store = _RecordingStore()
    try:
        report = push(seed_build / "graph.ttl", store.url, graph_iri="https://example.org/kg/story", per_article=True)
    finally:
        store.server.shutdown()
    lines = {g: [line for body in bodies for line in body.splitlines()] for g, bodies in store.bodies.items()}
    expected = split_by_article(seed_graph, index_articles(seed_graph))
    assert Counter({g: len(v) for g, v in lines.items()}) == Counter(
        {("https://example.org/kg/story" if g is None else str(g)): len(v) for g, v in expected.items()})
    assert report.triples == len(seed_graph) and sum(map(len, lines.values())) == len(seed_graph)
    derived = f"<{PROV.wasDerivedFrom}> "
    for article in index_articles(seed_graph).articles:
        assert any(derived + f"<{article}> ." in line for line in lines[str(article)]), article
