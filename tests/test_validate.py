"""kg validate checks the shapes by SPARQL over the store: the same verdicts as pySHACL.

The seed graph is broken once for each kind of constraint the shipped shapes use (a missing,
a doubled and a mistyped value, a value of the wrong class or node kind, a negative offset,
a statement whose selector breaks its own shape, a blank story node); both checkers must name
the same focus nodes and properties.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef

from conftest import run_kg
from graph.analyse.shacl_sparql import compile_shapes
from graph.analyse.validate import SHAPES_PATH, _pyshacl, _subclasses, validate
from graph.sparql.store import Store

SDO = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")


def _first(g: Graph, cls) -> URIRef:
    return min(g.subjects(RDF.type, cls), key=str)


@pytest.fixture(scope="module")
def broken(seed_build, tmp_path_factory):
    """The seed graph with one fault of each kind, written as Turtle (no store beside it)."""
    g = Graph().parse(seed_build / "graph.ttl")
    people = sorted(g.subjects(RDF.type, SDO.Person), key=str)
    events = sorted(g.subjects(RDF.type, SDO.Event), key=str)
    statements = sorted(g.subjects(RDF.type, RDF.Statement), key=str)
    g.remove((people[0], SDO.name, None))                                 # minCount
    g.add((people[1], SDO.name, Literal("A second name")))                # maxCount
    g.add((people[2], SDO.spouse, _first(g, SDO.Event)))                  # class
    g.add((people[3], SDO.alternateName, Literal(7)))                     # datatype
    g.add((events[0], SDO.startDate, Literal("soon")))                    # or of datatypes
    g.add((events[1], SDO.organizer, Literal("someone")))                 # nodeKind on a value
    g.remove((statements[0], PROV.wasGeneratedBy, None))                  # minCount on a record
    selector = g.value(statements[1], OA.hasSelector)
    g.set((selector, OA.start, Literal(-3, datatype=XSD.integer)))        # minInclusive, and sh:node above it
    g.remove((g.value(statements[2], OA.hasSelector), OA.exact, None))    # sh:node: the selector lacks its words
    blank = BNode()
    g.add((blank, RDF.type, SDO.Person))                                  # nodeKind of the node itself
    g.add((blank, RDFS.label, Literal("Nobody")))
    g.add((blank, SDO.name, Literal("Nobody")))
    path = tmp_path_factory.mktemp("validate") / "broken.ttl"
    g.serialize(path, format="turtle")
    return path


def _pairs(lines) -> set[tuple[str, str]]:
    """(focus, property) of each violation line; blank nodes as one name (their ids differ)."""
    out = set()
    for line in lines:
        focus, rest = line.split(" ", 1)
        prop = rest.split(":", 1)[0] if not rest.startswith(":") else ""
        out.add(("_:blank" if not focus.startswith("http") else focus, prop.strip()))
    return out


def test_the_shipped_shapes_are_all_checked_by_sparql(seed_build):
    shapes = Graph().parse(SHAPES_PATH)
    assert compile_shapes(shapes, _subclasses(Store.open(seed_build / "graph.ttl")))


def test_sparql_and_pyshacl_find_the_same_faults(broken):
    by_sparql = validate(broken)
    by_pyshacl = _pyshacl(Graph().parse(broken), Graph().parse(SHAPES_PATH))
    assert not by_sparql.conforms and not by_pyshacl.conforms
    found = _pairs(by_sparql.violations)
    assert found == _pairs(by_pyshacl.violations)
    assert len(found) >= 10  # every fault planted above was seen


def test_a_shape_beyond_the_sparql_checks_goes_to_pyshacl(seed_build, tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .
<urn:s> a sh:NodeShape ; sh:targetClass schema:Person ;
  sh:property [ sh:path schema:name ; sh:pattern "^[a-z]+$" ] .
""", encoding="utf-8")
    assert compile_shapes(Graph().parse(shapes), lambda c: [c]) is None
    done = run_kg("validate", "--graph", seed_build / "graph.ttl", "--shapes", shapes)
    assert done.returncode == 1 and "does not conform" in done.stdout  # capitalised names break the pattern


def test_a_bad_shapes_file_is_one_line(seed_build, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    for shapes in (bad, tmp_path / "missing.ttl"):
        done = run_kg("validate", "--graph", seed_build / "graph.ttl", "--shapes", shapes)
        assert done.returncode == 2 and done.stderr.startswith("Error:") and done.stderr.count("\n") == 1, done.stderr
