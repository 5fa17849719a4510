"""The node types of the story: one table that IRIs, the view, the analytics and the exports all read.

A node takes the first type it has, in the table's order (a person before an event
before a quotation…). Each type lists its schema.org class first, then the
subclasses that count as it where no ontology is at hand to say so (the view reads
bare triples; export closes the ontology's rdfs:subClassOf itself).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graph.rdf.vocab import SDO, slug


@dataclass(frozen=True)
class NodeType:
    key: str  # its name in the view's data and in `kg stats`
    label: str  # the view's legend
    classes: tuple[URIRef, ...]  # its schema.org class, then the subclasses counted as it
    folder: str  # the IRI folder of its nodes: BASE/<folder>/<slug> (a prefix of vocab.NODE_KINDS)
    colour: str  # the view's node colour
    shape: str  # the view's vis-network node shape

    @property
    def cls(self) -> URIRef:
        """The schema.org class that names the type (export's `kind`)."""
        return self.classes[0]


NODE_TYPES = (
    NodeType("person", "Person", (SDO.Person,), "person", "#e15759", "dot"),
    NodeType("event", "Event", (SDO.Event,), "event", "#f28e2b", "diamond"),
    NodeType("quotation", "Quotation", (SDO.Quotation,), "quote", "#5fa8a3", "box"),
    NodeType("article", "Article", (SDO.NewsArticle,), "article", "#4e79a7", "square"),
    NodeType("organisation", "Organisation", (SDO.Organization,), "organization", "#59a14f", "triangle"),
    NodeType("work", "Work", (SDO.CreativeWork, SDO.Book, SDO.Movie), "work", "#b07aa1", "star"),
    NodeType("place", "Place", (SDO.Place,), "place", "#d4a72c", "triangleDown"),
)
TYPE_OF_CLASS = {c: i for i, t in reversed(list(enumerate(NODE_TYPES))) for c in t.classes}  # class -> first type
ARTICLE = next(i for i, t in enumerate(NODE_TYPES) if t.key == "article")
_FOLDER_OF_CLASS = {str(c)[len(str(SDO)):]: t.folder for t in NODE_TYPES for c in t.classes}


def type_folder(class_name: str) -> str:
    """The IRI folder for a node of the schema.org class named `class_name` ("Book" -> "work").

    A class outside the table gets a folder of its own, its slug.
    """
    return _FOLDER_OF_CLASS.get(class_name) or slug(class_name)
