"""Coverage: the sentences that look as if they told something yet gave no fact, the curator's to-do list."""

from __future__ import annotations

import bisect

import regex

from graph.match.context import Context
from graph.match.spans import SpanIndex
from graph.records import EventRecord, QuoteRecord, Relation, Span

_QUOTE_MARK = regex.compile(r"[\"“”‘]")
_CAPITALISED = regex.compile(r"(?<=\s)\p{Lu}\p{Ll}+")


def uncovered(ctx: Context, relations: list[Relation], events: list[EventRecord],
              quotes: list[QuoteRecord]) -> list[tuple[str, Span]]:
    """(why, sentence) for each sentence with a quote mark or a capitalised name that no relation, event or quotation touches."""
    used = [r.span for r in relations] + [e.span for e in events] + [p for q in quotes for p in q.pieces]
    starts = sorted(s.start for s in used)
    reaching = SpanIndex((s.start, s.end, None) for s in used)
    out = []
    for a, b in ctx.sentences:
        # a fact that begins in the sentence, or one that begins before it and runs into it
        if bisect.bisect_left(starts, b) > bisect.bisect_left(starts, a) or not reaching.free(a, a + 1):
            continue
        s = ctx.text[a:b]
        if _QUOTE_MARK.search(s):
            out.append(("quote marks but no quotation attributed", ctx.span(a, b)))
        elif _CAPITALISED.search(s):
            out.append(("capitalised name but no fact", ctx.span(a, b)))
    return out
