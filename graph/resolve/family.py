"""Family ties as each article tells them, and what the inferences of relations.yaml add.

An inference joins only ties that one article states (a tie of another article, maybe of
another story, is not evidence here), and the evidence of an inferred tie is the evidence
of the ties it was inferred from.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

import regex
from rdflib import URIRef

from graph.errors import RuleError
from graph.rules.catalogue import INFERENCES

# The words of a parent tie that say the child is of another union ("Sam's son from an earlier
# relationship, Finn", "his sons from his first marriage"): the parent's present spouse is not
# that child's other parent, whatever the article says of the marriage.
_OTHER_UNION = regex.compile(r"\b(?:from|by|of)\s+(?:a|an|her|his|their)\s+(?:[\p{Ll}-]+\s+)?(?:marriage|relationship)\b")



class FamilyTold:
    """The ties each article states: (article) -> parents of each child, spouses of each person."""

    def __init__(self) -> None:
        # article -> parent -> child -> evidence of the tie
        self.children: dict[str, dict[URIRef, dict[URIRef, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
        # article -> person -> spouse -> evidence of the tie
        self.spouses: dict[str, dict[URIRef, dict[URIRef, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))

    def add(self, article: str, predicate: str, a: URIRef, b: URIRef, evidence) -> None:
        """A tie the article states: parent ties are (child, parent)."""
        if predicate == "parent":
            self.children[article][b][a].add(evidence)
        elif predicate == "spouse":
            self.spouses[article][a][b].add(evidence)
            self.spouses[article][b][a].add(evidence)

    def infer(self, how: str | None, rule_id: str = "?") -> Iterator[tuple[str, URIRef, URIRef, set]]:
        """(predicate, a, b, evidence) for each tie the inference `how` adds, article by article."""
        if how == "sibling-from-shared-parent":
            yield from self._siblings()
        elif how == "parent-from-spouse":
            yield from self._other_parent()
        else:
            raise RuleError("relations.yaml", None, rule_id, f"unknown inference {how!r}",
                            f"infer: is one of {', '.join(INFERENCES)}")

    def _siblings(self) -> Iterator[tuple[str, URIRef, URIRef, set]]:
        """Two children of one parent, as the same article says, are siblings."""
        for article in sorted(self.children):
            for parent in sorted(self.children[article]):
                kids = self.children[article][parent]
                for a in sorted(kids):
                    for b in sorted(kids):
                        if a != b:
                            yield "sibling", a, b, kids[a] | kids[b]

    def _other_parent(self) -> Iterator[tuple[str, URIRef, URIRef, set]]:
        """The spouse of a child's parent is the child's other parent, where the article names
        that parent's only spouse and gives the child no other second parent (a second marriage,
        or a parent named apart, leaves it open)."""
        for article in sorted(self.children):
            spouses = self.spouses.get(article, {})
            parents_of: dict[URIRef, set[URIRef]] = defaultdict(set)
            for parent, kids in self.children[article].items():
                for kid in kids:
                    parents_of[kid].add(parent)
            for parent in sorted(self.children[article]):
                partners = spouses.get(parent, {})
                if len(partners) != 1:
                    continue
                (partner, married), = partners.items()
                if len(spouses.get(partner, {})) != 1:
                    continue
                for kid in sorted(self.children[article][parent]):
                    if kid == partner or parents_of[kid] - {parent, partner}:
                        continue
                    if _of_another_union(self.children[article][parent][kid]):
                        continue
                    if partner not in parents_of[kid]:
                        yield "parent", kid, partner, self.children[article][parent][kid] | married


def _of_another_union(evidence: set) -> bool:
    """Whether the words of a parent tie say the child is of another marriage or relationship."""
    return any(_OTHER_UNION.search(ev.span.exact) for ev in evidence)
