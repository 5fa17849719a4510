"""Events step: the events the event rules find, with their participants, attributes and date, and comments tied to their post."""

from __future__ import annotations

from graph.match.context import Context
from graph.match.names import Names
from graph.match.references import group_refs
from graph.records import DateValue, EventRecord, Role, Span
from graph.rules.catalogue import EVENT_ROLES
from graph.rules.ruleset import Rule


def find_events(ctx: Context, names: Names, dates: list[DateValue]) -> list[EventRecord]:
    """Every event told outside quotation marks, in the order of the text."""
    out: list[EventRecord] = []
    for rule in ctx.rules["events"]:
        for m in ctx.finditer(rule):
            if ctx.in_quote(m.start()):
                continue  # what a speaker says happened is not the article's own telling
            roles = []
            for group in sorted(EVENT_ROLES.keys() & set(m.re.groupindex)):
                for ref, gspan in group_refs(ctx, names, m, group):
                    roles.append(Role(group, ref, gspan))
            ctx.hits[rule.id] += 1
            out.append(EventRecord(rule.get("kind"), ctx.span(m.start(), m.end()), rule.id, tuple(sorted(set(roles))),
                                   _date_of(ctx, rule, m, dates), _attributes(ctx, rule, m)))
    out.sort(key=lambda e: (e.span.start, e.span.end, e.rule))
    return _link_within(ctx, out)


def _attributes(ctx: Context, rule: Rule, m) -> tuple[tuple[str, str, Span], ...]:
    """(property, value, evidence) for each of the rule's attribute groups that captured something."""
    attrs = []
    for prop, group in rule.get("attributes", ()):
        if group in m.re.groupindex and m.group(group):
            a, b = m.span(group)
            attrs.append((prop, m.group(group), ctx.span(a, b)))
    return tuple(attrs)


def _date_of(ctx: Context, rule: Rule, m, dates: list[DateValue]) -> tuple[DateValue, ...]:
    """The event's date, as its rule says where to look: within the match, or the nearest in its sentence."""
    when = rule.get("date", "sentence")
    if when == "match":
        return tuple(d for d in dates if m.start() <= d.span.start and d.span.end <= m.end())
    if when == "sentence":
        sa, sb = ctx.sentence_of(m.start())
        near = [d for d in dates if sa <= d.span.start < sb and not ctx.in_quote(d.span.start)]
        if near:
            return (min(near, key=lambda d: min(abs(d.span.start - m.start()), abs(d.span.start - m.end()))),)
    return ()


def _link_within(ctx: Context, events: list[EventRecord]) -> list[EventRecord]:
    """An event of a kind declared `within: written` (a comment) belongs to the nearest earlier post."""
    kinds = ctx.rules.settings["events"].get("kinds", {})
    window = int(ctx.rules.settings["quotes"].get("settings", {}).get("event_window_paragraphs", 1))
    out = []
    for i, e in enumerate(events):
        mode = kinds.get(e.kind, {}).get("within")
        host = None
        if mode:
            p = ctx.paragraph_of(e.span.start)
            for j in range(i - 1, -1, -1):
                other = events[j]
                if other.kind != e.kind and kinds.get(other.kind, {}).get("quotable") == mode \
                        and 0 <= p - ctx.paragraph_of(other.span.start) <= window:
                    host = j
                    break
        out.append(EventRecord(e.kind, e.span, e.rule, e.roles, e.dates, e.attributes, host) if host is not None else e)
    return out
