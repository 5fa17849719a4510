"""Namespaces, IRIs and the project's ontology, reached through a closed namespace.

The project's own terms are read from schema/ontology.ttl; `KG.term` for a term the
ontology does not declare raises at once, so a misspelt property never becomes a
new IRI in the output.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from rdflib import OWL, RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import SDO as _SDO_TERMS
from rdflib.namespace import ClosedNamespace

from graph.resources import ontology_path

SDO = Namespace("https://schema.org/")
_SCHEMA_TERMS = frozenset(_SDO_TERMS.__annotations__)  # every schema.org class and property name
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
KG_IRI = "https://w3id.org/kg-news/ontology#"
BASE = "https://w3id.org/kg-news/id/"

ONTOLOGY_PATH = ontology_path()

PREFIXES = {
    "kg": KG_IRI,
    "oa": str(OA),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "xsd": str(XSD),
}
# one prefix per kind of node, so the Turtle reads person:chrissy-teigen
NODE_KINDS = ("article", "event", "fact", "organization", "person", "place", "quote", "rule", "selector", "work")
PREFIXES.update({k: f"{BASE}{k}/" for k in NODE_KINDS})


@functools.lru_cache(maxsize=4)
def _ontology_graph(path: str) -> Graph:
    g = Graph()
    g.parse(path, format="turtle")
    return g


@dataclass(frozen=True)
class Ontology:
    """The classes and properties of schema/ontology.ttl, by prefixed name."""

    path: str
    classes: frozenset[str]
    properties: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> "Ontology":
        path = str(path or ONTOLOGY_PATH)
        g = _ontology_graph(path)
        classes = {qname(s) for s in g.subjects(RDF.type, OWL.Class)}
        props = {qname(s) for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for s in g.subjects(RDF.type, t)}
        return cls(path, frozenset(classes), frozenset(props))

    def graph(self) -> Graph:
        return _ontology_graph(self.path)

    def is_class(self, name: str) -> bool:
        return isinstance(name, str) and normalise_name(name) in self.classes

    def is_property(self, name: str) -> bool:
        # the project's properties are those of the ontology; schema.org's, every term
        # schema.org defines (rdflib's closed SDO namespace lists them), lower case
        if not isinstance(name, str):
            return False
        name = normalise_name(name)
        if name in self.properties:
            return True
        prefix, _, local = name.partition(":")
        return prefix == "schema" and local[:1].islower() and local in _SCHEMA_TERMS

    def similar_properties(self, name: str) -> list[str]:
        """Known properties spelt like `name`, for a hint."""
        known = sorted(self.properties | {f"schema:{t}" for t in _SCHEMA_TERMS if t[:1].islower()})
        return difflib.get_close_matches(normalise_name(str(name)), known, n=3)

    def event_classes(self) -> list[str]:
        return sorted(c for c in self.classes if c.startswith("kg:") and c != "kg:Rule")

    def entity_classes(self) -> list[str]:
        return sorted(c for c in self.classes if c.startswith("schema:"))


def qname(iri) -> str:
    s = str(iri)
    for prefix in ("schema", "kg", "prov", "oa", "rdf", "rdfs", "xsd", "owl"):
        ns = PREFIXES[prefix]
        if s.startswith(ns):
            return f"{prefix}:{s[len(ns):]}"
    return s


def normalise_name(name: str) -> str:
    """'Person' -> 'schema:Person'; prefixed names unchanged."""
    return name if ":" in name else f"schema:{name}"


def expand(name: str) -> URIRef:
    """'schema:Person' or 'Person' or 'kg:platform' -> the full IRI."""
    prefix, _, local = normalise_name(name).partition(":")
    if prefix not in PREFIXES:
        raise KeyError(f"unknown prefix {prefix!r} in {name!r}")
    return URIRef(PREFIXES[prefix] + local)


def _closed_kg() -> ClosedNamespace:
    g = _ontology_graph(str(ONTOLOGY_PATH))
    terms = sorted(str(s)[len(KG_IRI):] for s in set(g.subjects()) if str(s).startswith(KG_IRI))
    return ClosedNamespace(KG_IRI, terms)


KG = _closed_kg()

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")
# letters of any script but Latin; and what separates words in a slug of such a name
_NOT_LATIN = regex.compile(r"[\p{L}--\p{Script=Latin}]", regex.V1)
_UNICODE_STRIP = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def slug(text: str, limit: int = 60) -> str:
    """A stable IRI-safe slug: ASCII letters and digits joined by hyphens.

    Names that leave nothing readable (all punctuation, non-Latin scripts) get a
    content hash, so every slug is non-empty and deterministic.
    """
    if _NOT_LATIN.search(text):
        # a name in another script keeps its letters: IRIs may carry Unicode, and a hash
        # alone would tell a reader of the Turtle nothing
        s = _UNICODE_STRIP.sub("-", unicodedata.normalize("NFC", text).casefold()).strip("-")[:limit].strip("-")
    else:
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
        s = _SLUG_STRIP.sub("-", folded).strip("-")[:limit].strip("-")
    return s or "h" + digest(text, length=12)


def digest(*parts: str, length: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def iri(kind: str, local: str) -> URIRef:
    """An IRI of the data namespace: BASE/kind/local; local must already be IRI-safe."""
    return URIRef(f"{BASE}{kind}/{local}")
