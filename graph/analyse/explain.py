"""Read a built graph back for people: facts about a node with their evidence, and conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.rdf.provenance import read_evidence
from graph.rdf.vocab import KG, SDO, qname
from graph.resources import queries_dir

QUERIES_DIR = queries_dir()


@dataclass(frozen=True)
class EvidenceRow:
    subject: str
    predicate: str
    object: str
    article: str
    start: int
    end: int
    exact: str
    sentence: str
    rule: str
    resolution: str


def find_nodes(g: Graph, name: str) -> list[URIRef]:
    """Story nodes whose label, name or alternate name is `name` (case-insensitive), or whose IRI it is."""
    want = name.casefold().strip()
    hits = set()
    for p in (RDFS.label, SDO.name, SDO.alternateName):
        for s, o in g.subject_objects(p):
            if isinstance(o, Literal) and str(o).casefold() == want and (s, RDF.type, KG.Rule) not in g:
                hits.add(s)
    if not hits and name.startswith(("http://", "https://")) and (URIRef(name), None, None) in g:
        hits.add(URIRef(name))
    return sorted(hits, key=str)


def label(g: Graph, t) -> str:
    if isinstance(t, Literal):
        return str(t)
    lab = g.value(t, RDFS.label)
    return str(lab) if lab is not None else qname(t)


def evidence_rows(g: Graph, node: URIRef) -> list[EvidenceRow]:
    """Every reified fact with `node` as subject or object, with its evidence."""
    rows = []
    for e in read_evidence(g):
        if e.subject != node and e.object != node:
            continue
        sel, sent = e.selector, e.sentence
        rows.append(EvidenceRow(
            subject=label(g, e.subject), predicate=qname(e.predicate), object=label(g, e.object),
            article=e.identifier, start=sel.start if sel is not None else -1, end=sel.end if sel is not None else -1,
            exact=e.exact, sentence=(sent.exact or "") if sent is not None else "", rule=e.rule,
            resolution=e.resolution,
        ))
    # every field in the key: rows tied on the first six (one start, two ends) once came out in set order
    return sorted(set(rows), key=lambda r: (r.predicate, r.subject, r.object, r.article, r.start, r.rule,
                                            r.end, r.exact, r.sentence, r.resolution))


def conflicts(g: Graph) -> list[dict]:
    """The rows of schema/queries/conflicts.rq, as dicts of strings."""
    query = (QUERIES_DIR / "conflicts.rq").read_text(encoding="utf-8")
    out = []
    for row in g.query(query):
        out.append({k: (str(v) if v is not None else "") for k, v in row.asdict().items()})
    return out
