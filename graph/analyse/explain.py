"""Read a built graph back for people: facts about a node with their evidence, and conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.rdf.vocab import KG, OA, PROV, SDO, qname
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
    for role in (RDF.subject, RDF.object):
        for st in g.subjects(role, node):
            if (st, RDF.type, RDF.Statement) not in g:
                continue
            s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
            sel = g.value(st, OA.hasSelector)
            sent = g.value(st, KG.sentence)
            src = g.value(st, PROV.wasDerivedFrom)
            res = g.value(st, KG.dateResolution)
            rows.append(EvidenceRow(
                subject=label(g, s), predicate=qname(p), object=label(g, o),
                article=str(g.value(src, SDO.identifier)) if src is not None else "",
                start=int(g.value(sel, OA.start)) if sel is not None else -1,
                end=int(g.value(sel, OA.end)) if sel is not None else -1,
                exact=str(g.value(sel, OA.exact)) if sel is not None else "",
                sentence=str(g.value(sent, OA.exact)) if sent is not None else "",
                rule=label(g, g.value(st, PROV.wasGeneratedBy)),
                resolution=label(g, res) if res is not None else "",
            ))
    return sorted(set(rows), key=lambda r: (r.predicate, r.subject, r.object, r.article, r.start, r.rule))


def conflicts(g: Graph) -> list[dict]:
    """The rows of schema/queries/conflicts.rq, as dicts of strings."""
    query = (QUERIES_DIR / "conflicts.rq").read_text(encoding="utf-8")
    out = []
    for row in g.query(query):
        out.append({k: (str(v) if v is not None else "") for k, v in row.asdict().items()})
    return out
