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
from graph.match.names import counted_words, surname
from graph.rules.catalogue import INFERENCES

# The words of a parent tie that say the child is of another union ("Sam's son from an earlier
# relationship, Finn", "his sons from his first marriage"): the parent's present spouse is not
# that child's other parent, whatever the article says of the marriage.
_OTHER_UNION = regex.compile(r"\b(?:from|by|of)\s+(?:a|an|her|his|their)\s+(?:[\p{Ll}-]+\s+)?(?:marriage|relationship)\b")
# The words of a spouse tie told from a child's side ("her father married Dana Moravec"): a parent's
# later marriage, so the spouse is the step-parent of that child, whoever else the article names.
_LATER_MARRIAGE = regex.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y)\s+(?:father|mother)\s+(?:later\s+|then\s+)?(?:re)?(?:married|wed)\b")
# The words of a sibling tie that say the two share one parent, or none ("her half-brother, Cem",
# "his stepsister"): such siblings' parents are not each other's.
_NOT_FULL_SIBLINGS = regex.compile(r"\b(?:half|step)[-\s]?(?:brother|sister|sibling)", regex.IGNORECASE)
# A twin shares both parents whatever else the article tells of the family.
_TWIN = regex.compile(r"\btwins?\b", regex.IGNORECASE)



class FamilyTold:
    """The ties each article states: (article) -> parents of each child, spouses of each person."""

    def __init__(self) -> None:
        # article -> parent -> child -> evidence of the tie
        self.children: dict[str, dict[URIRef, dict[URIRef, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
        # article -> person -> spouse -> evidence of the tie
        self.spouses: dict[str, dict[URIRef, dict[URIRef, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
        # article -> person -> sibling -> evidence of the tie
        self.siblings: dict[str, dict[URIRef, dict[URIRef, set]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
        # article -> (step-parent, child) pairs the article states ("his stepfather, Randall Ochs")
        self.steps: dict[str, set[tuple[URIRef, URIRef]]] = defaultdict(set)
        # article -> person -> the surnames (last words of full names) the article names them by
        self.surnames: dict[str, dict[URIRef, set[str]]] = defaultdict(lambda: defaultdict(set))

    def name(self, article: str, node: URIRef | None, name: str) -> None:
        """A name the article gives a person: its last word is a surname where it has two words or more."""
        if node is not None and len(counted_words(name)) >= 2:
            self.surnames[article][node].add(surname(name))

    def add(self, article: str, predicate: str, a: URIRef, b: URIRef, evidence) -> None:
        """A tie the article states: parent and step-parent ties are (child, parent)."""
        if predicate == "step-parent":
            self.steps[article].add((b, a))
        elif predicate == "parent":
            self.children[article][b][a].add(evidence)
        elif predicate == "spouse":
            self.spouses[article][a][b].add(evidence)
            self.spouses[article][b][a].add(evidence)
        elif predicate == "sibling":
            self.siblings[article][a][b].add(evidence)
            self.siblings[article][b][a].add(evidence)

    def infer(self, how: str | None, rule_id: str = "?") -> Iterator[tuple[str, URIRef, URIRef, set]]:
        """(predicate, a, b, evidence) for each tie the inference `how` adds, article by article."""
        if how == "sibling-from-shared-parent":
            yield from self._siblings()
        elif how == "parent-from-spouse":
            yield from self._other_parent()
        elif how == "parent-from-sibling":
            yield from self._siblings_parents()
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
        that parent's only spouse, or of several the one whose surname the child alone shares
        (`_partner_for`), and gives the child no other second parent (a parent named apart leaves it open)
        nor calls the spouse the child's step-parent."""
        for article in sorted(self.children):
            spouses = self.spouses.get(article, {})
            told_steps = self.steps.get(article, set())
            parents_of: dict[URIRef, set[URIRef]] = defaultdict(set)
            for parent, kids in self.children[article].items():
                for kid in kids:
                    parents_of[kid].add(parent)
            for parent in sorted(self.children[article]):
                partners = spouses.get(parent, {})
                if not partners:
                    continue
                for kid in sorted(self.children[article][parent]):
                    partner = self._partner_for(article, parent, kid, partners)
                    if partner is None:
                        continue
                    married = partners[partner]
                    if len(spouses.get(partner, {})) != 1 or any(_LATER_MARRIAGE.search(ev.span.exact) for ev in married):
                        continue
                    if kid == partner or parents_of[kid] - {parent, partner} or (partner, kid) in told_steps:
                        continue
                    if _of_another_union(self.children[article][parent][kid]):
                        continue
                    if partner not in parents_of[kid]:
                        yield "parent", kid, partner, self.children[article][parent][kid] | married

    def _partner_for(self, article: str, parent: URIRef, kid: URIRef, partners: dict) -> URIRef | None:
        """Which spouse of a parent may be a child's other parent: the only one; of several (a second
        marriage), the one whose surname the child goes by, where no other spouse nor the parent does
        ("In 1958 she married George Hale ... her husband, Walter Pruitt ... her daughter, Ellen Hale")."""
        if len(partners) == 1:
            return next(iter(partners))
        names = self.surnames[article]
        theirs = names.get(kid, set())
        if not theirs or theirs & names.get(parent, set()):
            return None
        fit = [p for p in partners if theirs & names.get(p, set())]
        return fit[0] if len(fit) == 1 else None

    def _siblings_parents(self) -> Iterator[tuple[str, URIRef, URIRef, set]]:
        """A parent of one of two siblings is the other's parent too, where the article calls them
        brother or sister without "half-" or "step-" and nothing it tells leaves room for another
        union. Not where: either has a half- or step-sibling (twins aside); the sibling goes by a
        surname none of the family does; the child's tie to that parent is of another marriage; the
        sibling has a stated parent who is not that parent's spouse; the parent is a step-parent by
        the ties (their spouse has a child of another union, or of another stated parent), twins aside."""
        for article in sorted(self.siblings):
            children = self.children.get(article, {})
            spouses = self.spouses.get(article, {})
            parents_of = _parents_of(children)
            steps = _step_parents(children, spouses, parents_of)
            told_steps = self.steps.get(article, set())
            # a half- or step-sibling tells of another union in the family: there a plain "sister"
            # does not say which parents she shares (a twin does)
            blended = {a for a, sibs in self.siblings[article].items()
                       if any(_not_full(told) for told in sibs.values())}
            for a in sorted(self.siblings[article]):
                for b, told in sorted(self.siblings[article][a].items()):
                    if _not_full(told):
                        continue
                    twins = any(_TWIN.search(ev.span.exact) for ev in told)
                    if {a, b} & blended and not twins:
                        continue
                    if not self._family_name(article, b, {a} | parents_of.get(a, set())):
                        continue
                    for parent in sorted(parents_of.get(a, ())):
                        said = children[parent][a]
                        # a step-parent by the ties is one only where a twin does not say otherwise: the
                        # parent a twin was born to is the other twin's ("born to Josef and his first wife,
                        # Irena", who is the step-mother of Josef's son by his second marriage)
                        if parent == b or parent in parents_of.get(b, ()) or (parent in steps and not twins):
                            continue
                        if (parent, b) in told_steps:  # "her stepfather": the article says which he is
                            continue
                        if _of_another_union(said) or parents_of.get(b, set()) - set(spouses.get(parent, {})):
                            continue
                        yield "parent", b, parent, said | told

    def _family_name(self, article: str, person: URIRef, family: set) -> bool:
        """Whether a person goes by no surname, or by one of the family's: a sibling of another
        surname (a married name, or another father's) leaves open which parents they share."""
        theirs = self.surnames[article].get(person, set())
        ours = {s for kin in family for s in self.surnames[article].get(kin, ())}
        # a double-barrelled name keeps the family's ("Niamh Hale-Oduya" of the Hales)
        return not theirs or bool(_parts(theirs) & _parts(ours))


def _parts(surnames: set[str]) -> set[str]:
    """The parts of surnames, a double-barrelled one ("Hale-Oduya") split at its hyphens."""
    return {p for name in surnames for p in name.split("-") if p}


def _not_full(evidence: set) -> bool:
    """Whether the words of a sibling tie call them half- or step-siblings."""
    return any(_NOT_FULL_SIBLINGS.search(ev.span.exact) for ev in evidence)


def _parents_of(children: dict) -> dict:
    """child -> the parents an article states for them."""
    out: dict[URIRef, set[URIRef]] = defaultdict(set)
    for parent, kids in children.items():
        for kid in kids:
            out[kid].add(parent)
    return out


def _step_parents(children: dict, spouses: dict, parents_of: dict) -> set:
    """The people the ties of one article make a step-parent: the spouse of a parent whose child
    is of another union, or has a stated other parent who is not that spouse."""
    out = set()
    for parent, kids in children.items():
        for partner in spouses.get(parent, {}):
            for kid, said in kids.items():
                if partner in parents_of.get(kid, ()):
                    continue
                if _of_another_union(said) or parents_of.get(kid, set()) - {parent}:
                    out.add(partner)
    return out


def _of_another_union(evidence: set) -> bool:
    """Whether the words of a parent tie say the child is of another marriage or relationship."""
    return any(_OTHER_UNION.search(ev.span.exact) for ev in evidence)
