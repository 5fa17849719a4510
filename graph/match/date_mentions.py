"""Dates step: find the date expressions in an article and resolve each to a date (the rules of resolving are in dates.py)."""

from __future__ import annotations

from functools import lru_cache

import regex

from graph.match.context import Context
from graph.match.dates import TENSED, DateExpr, DateResolver, tense_of
from graph.records import DateValue
from graph.rules.catalogue import TENSE_MARKERS
from graph.rules.ruleset import roles_of


def find_dates(ctx: Context) -> list[DateValue]:
    """The dates of the article, in order; where two expressions overlap, the earlier and longer one wins."""
    exprs: list[DateExpr] = []
    for rule in ctx.rules["dates"]:
        for m in ctx.finditer(rule):
            groups = tuple((k, m.group(k)) for k in sorted(roles_of(m.re)) if m.group(k) is not None)
            exprs.append(DateExpr(ctx.span(m.start(), m.end()), rule.id, rule.get("value"), groups))
    exprs.sort(key=lambda e: (e.span.start, -(e.span.end - e.span.start), e.rule))
    chosen, last_end = [], -1
    for e in exprs:
        if e.span.start >= last_end:
            chosen.append(_with_tense(ctx, e) if e.value in TENSED else e)
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


def _with_tense(ctx: Context, e: DateExpr) -> DateExpr:
    """The expression with the tense of its clause (dates.yaml `tense:` says what marks each)."""
    patterns = _tense_patterns(tuple(sorted(ctx.rules.settings["dates"].get("tense", {}).items())))
    if not patterns:
        return e
    head = ctx.article.meta.headline
    in_headline = head is not None and head.start <= e.span.start < head.end
    tense = tense_of(ctx.text, e.span.start, e.span.end, ctx.sentence_of(e.span.start), patterns, in_headline)
    return DateExpr(e.span, e.rule, e.value, e.groups, tense)


@lru_cache(maxsize=8)
def _tense_patterns(items: tuple[tuple[str, str], ...]) -> dict:
    """The tense markers compiled once per rule set (the loader checked them); none when unset."""
    found = dict(items)
    if not all(k in found for k in TENSE_MARKERS):
        return {}
    return {k: regex.compile(str(found[k])) for k in TENSE_MARKERS}
