"""Relations step: the family ties the relation rules find between the people of an article."""

from __future__ import annotations

from graph.match.context import Context
from graph.match.names import Names
from graph.match.references import group_refs
from graph.records import Relation
from graph.rules.catalogue import RELATIONS


def find_relations(ctx: Context, names: Names) -> list[Relation]:
    """Every tie a relation rule states between two distinct people, sorted."""
    out: list[Relation] = []
    for rule in ctx.rules["relations"]:
        kind = rule.get("relation")
        roles = RELATIONS[kind]
        for m in ctx.finditer(rule):
            span = ctx.span(m.start(), m.end())
            if kind == "sibling":
                refs = sorted({r for r, _ in group_refs(ctx, names, m, "sibling")})
                pairs = [(x, y) for x in refs for y in refs if x != y]
            else:
                left = [r for r, _ in group_refs(ctx, names, m, roles[0])]
                right = [r for r, _ in group_refs(ctx, names, m, roles[1])]
                pairs = [(x, y) for x in left for y in right if x != y]
            for x, y in pairs:
                if kind == "parent":  # child schema:parent parent
                    out.append(Relation("parent", y, x, span, rule.id))
                else:
                    out.append(Relation(kind, x, y, span, rule.id))
            if pairs:
                ctx.hits[rule.id] += 1
    return sorted(set(out))
