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


# ------------------------------------------------------------------ the same, asked of the store
# The commands ask the build's store (graph/sparql/persist.py) rather than parse graph.ttl:
# these give what find_nodes, evidence_rows and conflicts give on the parsed graph.

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
"""


def find_nodes_in(store, name: str) -> list[URIRef]:
    """find_nodes, asked of a Store: one indexed pass over the names, Python's casefold the judge.

    The engine keeps the names whose lower case is the wanted name's casefold, and every name
    with a non-ASCII character (where LCASE and casefold may differ: ß, ς); Python decides.
    """
    import pyoxigraph as ox

    want = name.casefold().strip()
    query = _PREFIXES + f"""SELECT DISTINCT ?s ?o WHERE {{
  {{ ?s rdfs:label ?o }} UNION {{ ?s schema:name ?o }} UNION {{ ?s schema:alternateName ?o }}
  FILTER (isLiteral(?o) && (LCASE(STR(?o)) = {ox.Literal(want)} || !REGEX(STR(?o), "^[[:ascii:]]*$")))
  FILTER NOT EXISTS {{ ?s a kg:Rule }}
}}"""
    hits = {URIRef(s.value) for s, o in (row for row in store.select(query).rows)
            if isinstance(s, ox.NamedNode) and o.value.casefold() == want}
    if not hits and name.startswith(("http://", "https://")):
        try:
            iri = ox.NamedNode(name)
        except ValueError:
            return []
        if store.select(f"ASK {{ {iri} ?p ?o }}").boolean:
            hits.add(URIRef(name))
    return sorted(hits, key=str)


_EVIDENCE = _PREFIXES + """SELECT ?st ?s ?p ?o ?slabel ?olabel ?ident ?article ?rule ?rulelabel ?sel ?start ?end ?exact
       ?sent ?sentstart ?sentexact ?res ?reslabel WHERE {
  { ?st rdf:subject NODE } UNION { ?st rdf:object NODE }
  ?st rdf:subject ?s ; rdf:predicate ?p .
  OPTIONAL { ?st rdf:object ?o OPTIONAL { ?o rdfs:label ?olabel } }
  OPTIONAL { ?s rdfs:label ?slabel }
  OPTIONAL { ?st prov:wasDerivedFrom ?article OPTIONAL { ?article schema:identifier ?ident } }
  OPTIONAL { ?st prov:wasGeneratedBy ?rule OPTIONAL { ?rule rdfs:label ?rulelabel } }
  OPTIONAL { ?st oa:hasSelector ?sel OPTIONAL { ?sel oa:start ?start } OPTIONAL { ?sel oa:end ?end }
             OPTIONAL { ?sel oa:exact ?exact } }
  OPTIONAL { ?st kg:sentence ?sent OPTIONAL { ?sent oa:start ?sentstart } OPTIONAL { ?sent oa:exact ?sentexact } }
  OPTIONAL { ?st kg:dateResolution ?res OPTIONAL { ?res rdfs:label ?reslabel } }
}"""


def evidence_rows_in(store, node: URIRef) -> list[EvidenceRow]:
    """evidence_rows, asked of a Store: only the statements about `node` are read."""
    import pyoxigraph as ox

    result = store.select(_EVIDENCE.replace("NODE", str(ox.NamedNode(str(node)))))
    rows = []
    for values in result.rows:
        v = dict(zip(result.variables, values))

        def named(term, lab) -> str:  # label(): a literal's text, a node's rdfs:label, else its qname
            if isinstance(term, ox.Literal):
                return term.value
            return lab.value if lab is not None else qname(term.value if term is not None else None)

        def tail_or(label_term, node_term) -> str:  # _identifier / _rule_id: the label, else the IRI's end
            if node_term is None:
                return ""
            return label_term.value if label_term is not None else node_term.value.rsplit("/", 1)[-1]

        has_sel = v["sel"] is not None and (v["exact"] is not None or v["start"] is not None)
        has_sent = v["sent"] is not None and (v["sentexact"] is not None or v["sentstart"] is not None)
        rows.append(EvidenceRow(
            subject=named(v["s"], v["slabel"]), predicate=qname(v["p"].value), object=named(v["o"], v["olabel"]),
            article=tail_or(v["ident"], v["article"]),
            start=(int(v["start"].value) if v["start"] is not None else None) if has_sel else -1,
            end=(int(v["end"].value) if v["end"] is not None else None) if has_sel else -1,
            exact=(v["exact"].value if v["exact"] is not None else "") if has_sel else "",
            sentence=(v["sentexact"].value if v["sentexact"] is not None else "") if has_sent else "",
            rule=tail_or(v["rulelabel"], v["rule"]), resolution=tail_or(v["reslabel"], v["res"]),
        ))
    return sorted(set(rows), key=lambda r: (r.predicate, r.subject, r.object, r.article, r.start, r.rule,
                                            r.end, r.exact, r.sentence, r.resolution))


def conflicts_in(store) -> list[dict]:
    """conflicts, asked of a Store: the rows of schema/queries/conflicts.rq as dicts of strings."""
    from graph.sparql.store import term_text

    result = store.select((QUERIES_DIR / "conflicts.rq").read_text(encoding="utf-8"))
    return [{k: term_text(t) for k, t in zip(result.variables, row)} for row in result.rows]
