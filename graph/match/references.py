"""References: the people a group of a match refers to, through a role phrase, a pronoun or a name already found."""

from __future__ import annotations

import regex

from graph.match.context import Context
from graph.match.names import PERSON, Names
from graph.records import Mention, Ref, Role, Span

_LIST_GLUE = regex.compile(r",?\s*(?:and\s+)?|\s*,\s*")


def group_refs(ctx: Context, names: Names, m, group: str, outer=()) -> list[tuple[Ref, Span]]:
    """What each capture of a group of match m refers to, with the words that say so; none if m has no such group."""
    if group not in m.re.groupindex:
        return []
    out = []
    for a, b in m.spans(group):
        for ref in resolve_ref(ctx, names, a, b, outer):
            out.append((ref, ctx.span(a, b)))
    return out


def resolve_ref(ctx: Context, names: Names, a: int, b: int, outer: tuple[Role, ...] = ()) -> list[Ref]:
    """The story nodes the words text[a:b] refer to: a role phrase, a pronoun or a name.

    `outer` are the speakers of the quotation these words are quoted in, for "outer-speaker" roles.
    """
    words = ctx.text[a:b]
    for rule in ctx.rules["roles"]:
        m = ctx.run(rule, "fullmatch", words)
        if not m:
            continue
        ctx.hits[rule.id] += 1
        refers = rule.get("refers")
        if refers == "protagonist":
            name = _protagonist(names, rule.get("gender"))
            return [Ref("name", name, PERSON)] if name else []
        if refers == "protagonist-and-spouse":
            name = _protagonist(names, None)
            if not name:
                return []
            me = Ref("name", name, PERSON)
            return [me, Ref("spouse-of", name, PERSON, inner=me)]
        if refers == "spouse-of":
            if "of" not in m.re.groupindex:
                return []
            oa, ob = m.span("of")
            inner = resolve_ref(ctx, names, a + oa, a + ob)
            return [Ref("spouse-of", r.value, PERSON, inner=r) for r in inner]
        if refers == "recent-group":
            return sorted({mm.ref for mm in _recent_group(ctx, names, a)})
        if refers == "outer-speaker":
            return [r.ref for r in outer]
        return []
    mention = _mention_at(names, a, b)
    if mention is not None:
        return [mention.ref]
    return []


def _protagonist(names: Names, gender: str | None) -> str | None:
    """The person the article is about: most mentioned, headline weighing triple; gender-compatible."""
    ranked = sorted(names.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for name, _ in ranked:
        g = names.genders.get(name)
        if gender is None or g is None or g == gender:
            return name
    return None


def _recent_group(ctx: Context, names: Names, pos: int) -> list[Mention]:
    """The last list of two or more people written before pos ("Luna and Miles")."""
    people = [m for m in names.mentions if m.ref.type == PERSON and m.span.end <= pos]
    people.sort(key=lambda m: m.span.start)
    best: list[Mention] = []
    i = 0
    while i < len(people):
        group = [people[i]]
        j = i + 1
        while j < len(people) and _LIST_GLUE.fullmatch(ctx.text[group[-1].span.end : people[j].span.start]):
            group.append(people[j])
            j += 1
        if len({m.ref for m in group}) >= 2:
            best = group
        i = j
    return best


def _mention_at(names: Names, a: int, b: int) -> Mention | None:
    """The mention inside [a, b) (the longest), else one that contains it ("Jack" within "baby Jack")."""
    best = None
    for m in names.mentions:
        if m.span.start >= a and m.span.end <= b and (best is None or m.span.end - m.span.start > best.span.end - best.span.start):
            best = m
    if best is None:
        best = next((m for m in names.mentions if m.span.start <= a and b <= m.span.end), None)
    return best
