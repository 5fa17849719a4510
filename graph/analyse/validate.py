"""Check a built graph against schema/shapes.ttl with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.errors import KgError
from graph.resources import shapes_path

SHAPES_PATH = shapes_path()


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: tuple[str, ...]


def validate(graph_path: Path, shapes_path: Path | None = None) -> Validation:
    """Conformance of the graph at graph_path, with one line per violation (sorted)."""
    import pyshacl
    from rdflib import Graph, Namespace

    data = load_graph(graph_path)
    shapes = Graph().parse(shapes_path or SHAPES_PATH, format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
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
