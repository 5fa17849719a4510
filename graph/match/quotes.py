"""Quotes step: the quotations of an article with their speakers, a quotation split by its attribution joined into one."""

from __future__ import annotations

import regex

from graph.match.context import Context
from graph.match.names import Names
from graph.match.references import group_refs
from graph.match.text import QuoteSpan
from graph.records import EventRecord, QuoteRecord, Role, Span
from graph.rules.ruleset import Rule

_WORDS = regex.compile(r"\w+")
_ENDS_SENTENCE = regex.compile(r"[.!?,]$")
_ENDS_ATTRIBUTION = regex.compile(r"[.:]\s*$")

# quote index -> (speakers, id of the rule that named them, written/spoken/None)
_Speakers = dict[int, tuple[tuple[Role, ...], str, str | None]]


def find_quotes(ctx: Context, names: Names, events: list[EventRecord]) -> list[QuoteRecord]:
    """Every quotation with a speaker, in the order of the text."""
    speakers, continuation = _speakers(ctx, names)
    records, index_of = _records(ctx, names, events, speakers, continuation)
    return _nest(ctx, records, index_of)


def _speakers(ctx: Context, names: Names) -> tuple[_Speakers, dict[int, int]]:
    """Who says each quotation, by the first way that tells: an attribution next to it, else the
    quotation it continues after a split, else the quotation of the paragraph before.

    Returns the speakers, and quote index -> the earlier quote it continues.
    """
    rules_by_where: dict[str, list[Rule]] = {}
    for rule in ctx.rules["quotes"]:
        rules_by_where.setdefault(rule.get("where"), []).append(rule)
    speakers: _Speakers = {}
    continuation: dict[int, int] = {}
    # top level first, so a nested quote can refer to its outer speaker
    order = sorted(range(len(ctx.quotes)), key=lambda i: (ctx.quotes[i].depth, ctx.quotes[i].open))
    for i in order:
        q = ctx.quotes[i]
        if q.end <= q.start or not ctx.text[q.start:q.end].strip():
            continue
        outer = speakers.get(q.parent, ((), "", None))[0] if q.parent is not None else ()
        if q.depth == 0:
            found = _attribute(ctx, names, q, rules_by_where, ("after", "before", "sentence"), outer)
        else:
            found = _attribute(ctx, names, q, rules_by_where, ("nested-before",), outer)
        if found:
            speakers[i] = found
            continue
        prev = _split_predecessor(ctx, i)
        if prev is not None and prev in speakers:
            speakers[i] = speakers[prev]
            continuation[i] = prev
            continue
        if q.depth == 0:
            carried = _continues_paragraph(ctx, q, rules_by_where.get("continues", []), speakers)
            if carried:
                speakers[i] = carried
    return speakers, continuation


def _records(ctx: Context, names: Names, events: list[EventRecord], speakers: _Speakers,
             continuation: dict[int, int]) -> tuple[list[QuoteRecord], dict[int, int]]:
    """One record per quotation with a speaker, the parts that continue it as its further pieces.

    Returns the records (not yet pointing at the quotation they sit in), and quote index -> record index.
    """
    out: list[QuoteRecord] = []
    index_of: dict[int, int] = {}
    for i in sorted(speakers, key=lambda j: ctx.quotes[j].open):
        if i in continuation:
            continue
        chain = _chain(continuation, i)
        roles, rule_id, mode = speakers[i]
        pieces = tuple(ctx.span(ctx.quotes[j].start, ctx.quotes[j].end) for j in chain)
        about = tuple(sorted({m for m in names.mentions
                              if any(p.start <= m.span.start and m.span.end <= p.end for p in pieces)}))
        index_of[i] = len(out)
        for j in chain:
            index_of[j] = len(out)
        said_in = _event_of(ctx, pieces[0], roles, events, mode) if ctx.quotes[i].depth == 0 else None
        out.append(QuoteRecord(pieces, roles, rule_id, about, said_in, None))
        ctx.hits[rule_id] += 1
    return out, index_of


def _chain(continuation: dict[int, int], first: int) -> list[int]:
    """Quote first and the quotes that continue it, in order."""
    chain = [first]
    while True:
        nxt = next((j for j, p in continuation.items() if p == chain[-1]), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def _nest(ctx: Context, records: list[QuoteRecord], index_of: dict[int, int]) -> list[QuoteRecord]:
    """The records, a nested quotation's pointing at the quotation it sits in."""
    final = []
    for rec_index, rec in enumerate(records):
        first = next(j for j, k in index_of.items() if k == rec_index and ctx.quotes[j].start == rec.pieces[0].start)
        parent = ctx.quotes[first].parent
        final.append(QuoteRecord(rec.pieces, rec.speakers, rec.rule, rec.about, rec.event,
                                 index_of.get(parent) if parent is not None else None))
    return final


def _attribute(ctx: Context, names: Names, q: QuoteSpan, rules_by_where, wheres, outer):
    """The first quote rule that names a speaker for quotation q."""
    windows = _attribution_windows(ctx, q)
    for where in wheres:
        a, b = windows[where]
        for rule in rules_by_where.get(where, []):
            m = ctx.run(rule, "search", ctx.text, a, b)
            if not m or "speaker" not in m.re.groupindex:
                continue
            if where == "after" and m.start() != a:
                continue
            if where in ("before", "nested-before") and m.end() != b:
                continue
            roles = tuple(Role("creator", ref, sp) for ref, sp in group_refs(ctx, names, m, "speaker", outer))
            if roles:
                return tuple(sorted(set(roles))), rule.id, _mode(ctx, m.group())
    return None


def _attribution_windows(ctx: Context, q: QuoteSpan) -> dict[str, tuple[int, int]]:
    """Where an attribution of quotation q may stand, by the `where` of the quote rules."""
    sa, sb = ctx.sentence_of(q.open)
    if q.parent is not None:
        pq = ctx.quotes[q.parent]
        sa, sb = pq.start, pq.end
    # the words before the quote back to the sentence start or the previous quote's end
    before_start = sa
    for other in ctx.quotes:
        if other.depth == q.depth and other.close < q.open and other.close >= sa:
            before_start = max(before_start, other.close + 1)
    end_sentence = ctx.sentence_of(q.close)[1] if q.parent is None else sb
    # the words after, up to the next quote (not a quoted title) or the sentence end
    after_end = end_sentence
    for other in ctx.quotes:
        if other.depth == q.depth and other.open > q.close and not _title_like(ctx, other):
            after_end = min(after_end, other.open)
            break
    return {
        "after": (q.close + 1, max(q.close + 1, after_end)),
        "before": (before_start, q.open),
        "nested-before": (before_start, q.open),
        "sentence": (sa, sb),
    }


def _mode(ctx: Context, attribution: str) -> str | None:
    """written, spoken or None: what the words of an attribution tell about the quotation."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    words = set(_WORDS.findall(attribution.lower()))
    if words & set(settings.get("written_words", ())):
        return "written"
    if words & set(settings.get("spoken_words", ())):
        return "spoken"
    return None


def _title_like(ctx: Context, q: QuoteSpan) -> bool:
    """A quoted title such as “Cravings”: a few capitalised words, no sentence punctuation."""
    limit = int(ctx.rules.settings["quotes"].get("settings", {}).get("title_max_words", 0))
    words = ctx.text[q.start:q.end].split()
    return 0 < len(words) <= limit and all(w[:1].isupper() or len(w) <= 3 for w in words) \
        and not _ENDS_SENTENCE.search(ctx.text[q.start:q.end])


def _continues_paragraph(ctx: Context, q: QuoteSpan, rules: list[Rule], speakers: _Speakers):
    """A paragraph that opens with a quotation, after a paragraph of quotation: the same speaker."""
    p = ctx.paragraph_of(q.open)
    if p <= 0 or ctx.paragraphs[p][0] != q.open:
        return None
    for rule in rules:
        if not ctx.run(rule, "match", ctx.text, q.open, ctx.paragraphs[p][1]):
            continue
        pa, pb = ctx.paragraphs[p - 1]
        earlier = [j for j in speakers if pa <= ctx.quotes[j].open < pb and ctx.quotes[j].depth == 0]
        if not earlier:
            return None
        roles, _, mode = speakers[max(earlier, key=lambda j: ctx.quotes[j].open)]
        return roles, rule.id, mode
    return None


def _split_predecessor(ctx: Context, i: int) -> int | None:
    """For “A,” X said. “B”: the index of A's quote when quote i is B."""
    q = ctx.quotes[i]
    prev = [j for j, o in enumerate(ctx.quotes) if o.depth == q.depth and o.parent == q.parent and o.close < q.open]
    if not prev:
        return None
    j = max(prev, key=lambda k: ctx.quotes[k].close)
    between = ctx.text[ctx.quotes[j].close + 1 : q.open]
    if "\n" in between or len(between) > 120:
        return None
    # the words between end a sentence: it was the attribution of the first part
    return j if _ENDS_ATTRIBUTION.search(between) else None


def _event_of(ctx: Context, first: Span, roles: tuple[Role, ...], events: list[EventRecord], mode: str | None) -> int | None:
    """The event a quotation was said in: the nearest earlier event of a quotable kind its speaker took part in,
    of the same mode (written, spoken) when there is one."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    window = int(settings.get("event_window_paragraphs", 1))
    kinds = ctx.rules.settings["events"].get("kinds", {})
    speakers = {r.ref for r in roles}
    p = ctx.paragraph_of(first.start)
    best = same_mode = None
    for idx, e in enumerate(events):
        if e.span.start > first.start or not kinds.get(e.kind, {}).get("quotable"):
            continue
        ep = ctx.paragraph_of(e.span.start)
        if not 0 <= p - ep <= window:
            continue
        people = {r.ref for r in e.roles if r.role in ("organizer", "attendee")}
        if speakers & people:
            best = idx
            if mode is None or kinds[e.kind].get("quotable") == mode:
                same_mode = idx
    return same_mode if same_mode is not None else best
