"""Dates step: find the date expressions in an article and resolve each to a date (the rules of resolving are in dates.py)."""

from __future__ import annotations

from graph.match.context import Context
from graph.match.dates import DateExpr, DateResolver
from graph.records import DateValue


def find_dates(ctx: Context) -> list[DateValue]:
    """The dates of the article, in order; where two expressions overlap, the earlier and longer one wins."""
    exprs: list[DateExpr] = []
    for rule in ctx.rules["dates"]:
        for m in ctx.finditer(rule):
            groups = tuple((k, v) for k, v in sorted(m.groupdict().items()) if v is not None)
            exprs.append(DateExpr(ctx.span(m.start(), m.end()), rule.id, rule.get("value"), groups))
    exprs.sort(key=lambda e: (e.span.start, -(e.span.end - e.span.start), e.rule))
    chosen, last_end = [], -1
    for e in exprs:
        if e.span.start >= last_end:
            chosen.append(e)
            last_end = e.span.end
    resolver = DateResolver(ctx.rules.settings["dates"], ctx.article.meta.date)
    out = []
    for e in chosen:
        v = resolver.resolve(e)
        if v is None:
            ctx.unmatched.append((f"date not resolvable by {e.rule}", e.span))
            continue
        ctx.hits[e.rule] += 1
        out.append(v)
    return out
