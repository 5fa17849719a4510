"""SHACL shapes checked by SPARQL over the query store: `kg validate` without loading the graph.

pySHACL needs the whole graph in rdflib: on a large build minutes and gigabytes for one check,
nine triples in ten of it provenance records. The shapes a graph of this project is held to use
a small part of SHACL Core, whose meaning the SHACL specification gives in SPARQL terms; each
property shape here becomes one SELECT of the focus nodes that break it, run by Oxigraph over the
build's store. Shapes that use anything outside that part (`compile_shapes` returns None) are
checked by pySHACL as before.

The part understood:
  node shapes   sh:targetClass (instances of the class and of its subclasses), sh:nodeKind sh:IRI,
                sh:property
  property      sh:path (one IRI), sh:minCount, sh:maxCount, sh:datatype, sh:or of sh:datatype
  shapes        alternatives, sh:class, sh:nodeKind sh:IRI, sh:minInclusive, sh:node (a node
                shape made only of property shapes)
A literal's datatype is checked, not whether its text is valid for it (the Turtle parser is).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

SH = Namespace("http://www.w3.org/ns/shacl#")

# what a node shape may say and what a property shape may say (anything else: pySHACL)
_NODE_KEYS = {RDF.type, RDFS.comment, RDFS.label, SH.targetClass, SH.nodeKind, SH.property}
_PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["or"], SH["class"], SH.nodeKind,
                  SH.minInclusive, SH.node, RDFS.comment, SH.name, SH.description}


@dataclass(frozen=True)
class Check:
    """One SELECT, one pass over a property's values: each row is a node (?report) that breaks
    the shape, with one count per constraint (?c0, ?c1, ...) saying which: messages[k] for ?ck > 0."""

    query: str
    path: str  # the property's IRI, "" for the node itself
    messages: tuple[str, ...]


def compile_shapes(shapes: Graph, subclasses) -> list[Check] | None:
    """The checks for every node shape with a target, or None when a shape says something this
    module does not understand (the caller then runs pySHACL). subclasses(class IRI) gives the
    class and every class below it by rdfs:subClassOf in the data, as SHACL reads a class."""
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        if not _only(shapes, shape, _NODE_KEYS):
            return None
        classes = sorted(shapes.objects(shape, SH.targetClass), key=str)
        if any(not isinstance(c, URIRef) for c in classes):
            return None
        focus = _instances("?focus", sorted({t for c in classes for t in subclasses(str(c))}))
        kind = shapes.value(shape, SH.nodeKind)
        if kind is not None:
            if kind != SH.IRI:
                return None
            checks.append(Check(f"SELECT DISTINCT ?focus (1 AS ?c0) WHERE {{ {focus} FILTER (!isIRI(?focus)) }}", "",
                                ("Value is not of Node Kind sh:IRI",)))
        for prop in sorted(shapes.objects(shape, SH.property), key=str):
            found = _property_checks(shapes, prop, focus, "?focus", subclasses)
            if found is None:
                return None
            checks.extend(found)
    return checks


def _instances(var: str, classes: list[str]) -> str:
    """The pattern binding `var` to each instance of one of `classes`."""
    return f"VALUES {var}_class {{ {' '.join(f'<{c}>' for c in classes)} }} {var} a {var}_class ."


def _only(shapes: Graph, node, allowed: set) -> bool:
    return all(p in allowed for p in shapes.predicates(node, None))


def _property_checks(shapes: Graph, prop, pattern: str, report: str, subclasses,
                     message: str | None = None) -> list[Check] | None:
    """The check of one property shape on the ?focus nodes `pattern` binds: its values counted
    and tested in one pass, grouped by focus node. Each row reports `report` (?focus itself, or
    for sh:node the node whose value ?focus is), with `message` for every constraint when given."""
    if not _only(shapes, prop, _PROPERTY_KEYS):
        return None
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        return None  # sequence, inverse and other paths: pySHACL
    tests = _value_tests(shapes, prop, subclasses)
    if tests is None:
        return None
    counts, messages = [], []
    low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
    if low is not None or high is not None:
        outside = " || ".join(part for part in (f"COUNT(DISTINCT ?value) < {int(low)}" if low is not None else "",
                                                f"COUNT(DISTINCT ?value) > {int(high)}" if high is not None else "")
                              if part)
        counts.append(f"(IF({outside}, 1, 0) AS ?c0)")
        messages.append(message or "Wrong number of values" + _bounds(low, high))
    for test, said in tests:
        k = len(counts)
        # an expression in error (a comparison that cannot be made) counts as broken, as in SHACL
        counts.append(f"(SUM(COALESCE(IF(BOUND(?value) && ({test}), 1, 0), 1)) AS ?c{k})")
        messages.append(message or said)
    checks = []
    if counts:
        keys = " ".join(dict.fromkeys((report, "?focus")))
        columns = [f"?c{k}" for k in range(len(counts))]
        checks.append(Check(f"SELECT DISTINCT {report} {' '.join(columns)} WHERE {{ {{ SELECT {keys} {' '.join(counts)} "
                            f"WHERE {{ {pattern} OPTIONAL {{ ?focus <{path}> ?value }} }} GROUP BY {keys} }} "
                            f"FILTER ({' || '.join(c + ' > 0' for c in columns)}) }}", str(path), tuple(messages)))
    node = shapes.value(prop, SH.node)
    if node is not None:  # every value conforms to a node shape of property shapes: checked on the values
        if not _only(shapes, node, _NODE_KEYS) or shapes.value(node, SH.nodeKind) is not None:
            return None
        if report != "?focus":
            return None  # a shape within a shape within a shape: pySHACL
        inner = pattern.replace("?focus", "?holder") + f" ?holder <{path}> ?focus ."
        for sub in sorted(shapes.objects(node, SH.property), key=str):
            found = _property_checks(shapes, sub, inner, "?holder", subclasses,
                                     f"Value does not conform to Shape {_short(node)}")
            if found is None:
                return None
            checks.extend(found)
    return checks


def _value_tests(shapes: Graph, prop, subclasses) -> list[tuple[str, str]] | None:
    """(expression true of a ?value that breaks it, message) for each constraint on one value."""
    tests = []
    datatype = shapes.value(prop, SH.datatype)
    if datatype is not None:
        tests.append((f"!isLiteral(?value) || datatype(?value) != <{datatype}>",
                      f"Value is not Literal with datatype {_short(datatype)}"))
    alternatives = shapes.value(prop, SH["or"])
    if alternatives is not None:
        types = []
        for member in shapes.items(alternatives):
            if set(shapes.predicates(member, None)) != {SH.datatype}:
                return None
            types.append(shapes.value(member, SH.datatype))
        allowed = ", ".join(f"<{t}>" for t in types)
        tests.append((f"!isLiteral(?value) || datatype(?value) NOT IN ({allowed})",
                      "Value does not conform to every shape in the sh:or list"))
    cls = shapes.value(prop, SH["class"])
    if cls is not None:
        allowed = " ".join(f"<{c}>" for c in subclasses(str(cls)))
        tests.append((f"NOT EXISTS {{ VALUES ?value_class {{ {allowed} }} ?value a ?value_class }}",
                      f"Value does not have class {_short(cls)}"))
    kind = shapes.value(prop, SH.nodeKind)
    if kind is not None:
        if kind != SH.IRI:
            return None
        tests.append(("!isIRI(?value)", "Value is not of Node Kind sh:IRI"))
    floor = shapes.value(prop, SH.minInclusive)
    if floor is not None:
        if not isinstance(floor, Literal):
            return None
        tests.append((f"!(?value >= {floor.n3()})", f"Value is not >= {floor}"))
    return tests


def _bounds(low, high) -> str:
    if low is not None and high is not None:
        return f" (expected {int(low)} to {int(high)})"
    return f" (expected at least {int(low)})" if low is not None else f" (expected at most {int(high)})"


def _short(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def violations(store, checks: list[Check]) -> list[str]:
    """One line per focus node and constraint it breaks ("focus path: message"), sorted, as
    pySHACL's are printed by `kg validate`."""
    lines = set()
    for check in checks:
        for row in store.select(check.query).rows:
            name = row[0].value if hasattr(row[0], "value") else str(row[0])
            for count, message in zip(row[1:], check.messages):
                if count is None or int(count.value) > 0:  # no count: an aggregate in error
                    lines.add(f"{name} {check.path}: {message}")
    return sorted(lines)
