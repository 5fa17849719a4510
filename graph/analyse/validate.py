"""Check a built graph against schema/shapes.ttl: by SPARQL over the query store, or with pySHACL."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from graph.errors import KgError
from graph.resources import shapes_path

SHAPES_PATH = shapes_path()


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: tuple[str, ...]


def validate(graph_path: Path, shapes_path: Path | None = None, notice=None) -> Validation:
    """Conformance of the graph at graph_path, with one line per violation (sorted).

    Shapes within the part of SHACL that graph/analyse/shacl_sparql.py understands (the shipped
    ones are) are checked by SPARQL over the build's store (notice is told, as for the other read
    commands, when graph.ttl has to be read instead); any others by pySHACL over the whole graph.
    """
    from rdflib import Graph

    from graph.analyse.shacl_sparql import compile_shapes, violations
    from graph.sparql.store import Store

    shapes_file = Path(shapes_path or SHAPES_PATH)
    try:
        shapes = Graph().parse(shapes_file, format="turtle")
    except FileNotFoundError:
        raise KgError(f"{shapes_file}: no such shapes file", "pass --shapes FILE, a SHACL file in Turtle") from None
    except Exception as err:  # rdflib raises many parser exception types
        said = " ".join(str(err).split())  # rdflib's message runs over several lines
        raise KgError(f"{shapes_file}: not valid Turtle: {said[:200]}") from None
    if compile_shapes(shapes, lambda cls: [cls]) is None:  # beyond the SPARQL checks: the store is not opened
        return _pyshacl(load_graph(graph_path), shapes)
    store = Store.open(graph_path, notice=notice)
    lines = violations(store, compile_shapes(shapes, _subclasses(store)))
    return Validation(not lines, tuple(lines))


def _subclasses(store):
    """class IRI -> it and every class below it by rdfs:subClassOf in the graph, sorted; asked of
    the store once per class (a class is named by several shapes)."""
    from rdflib import RDFS

    @functools.lru_cache(maxsize=None)
    def below(cls: str) -> list[str]:
        rows = store.select(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{cls}> }}").rows
        return sorted({cls} | {r[0].value for r in rows if hasattr(r[0], "value")})

    return below


def _pyshacl(data, shapes) -> Validation:
    import pyshacl

    from graph.analyse.shacl_sparql import SH as sh

    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    lines = []
    for r in results.subjects(sh.resultSeverity, sh.Violation):
        focus = results.value(r, sh.focusNode)
        path = results.value(r, sh.resultPath)
        msg = results.value(r, sh.resultMessage)
        lines.append(f"{focus} {path or ''}: {msg}")
    return Validation(bool(conforms), tuple(sorted(lines)))


def load_graph(path: Path):
    """Parse a built graph (Turtle) into rdflib, with a clear error when it is missing or bad."""
    from rdflib import Graph

    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no such graph", "build one with: kg build, or pass --graph FILE")
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many parser exception types
        raise KgError(f"{path}: not valid Turtle: {err}") from None
    return g
