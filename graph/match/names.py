"""Names step: find the mentions of people, organisations, works and places, and every later use of a person's name."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from graph.errors import ArticleTooSlow
from graph.match.context import Context
from graph.records import Mention, Ref

PERSON = "Person"

_QUOTED_NICK = regex.compile(r"[\"“”‘’'][^\"“”‘’']+[\"“”‘’']")
_NICK = regex.compile(r"[\"“‘']([^\"“”‘’']+)[\"”’']")
_SPACES = regex.compile(r"\s+")


def name_tokens(name: str) -> list[str]:
    """The words of a name, without a quoted nickname: Vilailuck "Pepper" Teigen -> [Vilailuck, Teigen]."""
    plain = _QUOTED_NICK.sub(" ", name)
    return [t for t in _SPACES.split(plain) if t]


def nickname(name: str) -> str | None:
    m = _NICK.search(name)
    return m.group(1) if m else None


@dataclass(frozen=True)
class Names:
    """What the names step found: the article's mentions, and how its people stand in it."""

    mentions: tuple[Mention, ...]
    counts: Counter  # person (the fullest form of the name) -> mentions, one in the headline counting three
    genders: dict[str, str]  # person -> f/m, where a name rule or the gazetteer said


class _Taken:
    """The spans already given to a mention: a later match that overlaps one is no mention."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.spans)

    def add(self, a: int, b: int) -> None:
        self.spans.append((a, b))


def find_names(ctx: Context) -> Names:
    """Gazetteer entries, then names found by pattern, then every later use of those names."""
    taken = _Taken()
    found = _gazetteer_mentions(ctx, taken)
    named, discovered = _pattern_mentions(ctx, taken)
    found += named
    people = {n: v for n, v in discovered.items() if v[0] == PERSON}
    heads = _heads(people, found)
    found += _recurrences(ctx, taken, people, heads)
    return _to_heads(ctx, found, heads)


def _gazetteer_mentions(ctx: Context, taken: _Taken) -> list[Mention]:
    """Every gazetteer entry named in the text."""
    if ctx.rules.gazetteer_pattern is None:
        return []
    try:
        matches = list(ctx.rules.gazetteer_pattern.finditer(ctx.text, timeout=ctx.budget))
    except TimeoutError:
        raise ArticleTooSlow(f"{ctx.article.meta.path}: the names of the gazetteer took over "
                             f"{ctx.budget:g} s to find", "raise settings.regex_timeout_seconds in quotes.yaml") from None
    found = []
    for m in matches:
        ent_id, typ = ctx.rules.gazetteer_index[m.group()]
        rule = ctx.rules.find(ent_id)
        found.append(Mention(Ref("entity", ent_id, typ), ctx.span(m.start(), m.end()), ent_id,
                             alias=m.group(), gender=rule.get("gender") if rule else None))
        taken.add(m.start(), m.end())
        ctx.hits[ent_id] += 1
    return found


def _pattern_mentions(ctx: Context, taken: _Taken) -> tuple[list[Mention], dict[str, tuple[str, str | None, str]]]:
    """Names the name rules find where no gazetteer entry stands.

    Returns their mentions, and each name with the (type, gender, rule id) of the first rule that found it.
    """
    found: list[Mention] = []
    discovered: dict[str, tuple[str, str | None, str]] = {}
    for rule in ctx.rules["names"]:
        typ = rule.get("type")
        for m in ctx.finditer(rule):
            spans = m.spans("name") if "name" in m.re.groupindex else [m.span()]
            for a, b in spans:
                name = ctx.text[a:b]
                if not taken.free(a, b) or name in ctx.rules.gazetteer_index:
                    continue
                ctx.hits[rule.id] += 1
                discovered.setdefault(name, (typ, rule.get("gender"), rule.id))
                if "alias" in m.re.groupindex and m.captures("alias"):
                    aa, ab = m.spans("alias")[0]
                    found.append(Mention(Ref("name", name, typ), ctx.span(aa, ab), rule.id, alias=m.captures("alias")[0],
                                         gender=rule.get("gender")))
                    taken.add(aa, ab)
                else:
                    found.append(Mention(Ref("name", name, typ), ctx.span(a, b), rule.id, alias=name,
                                         gender=rule.get("gender")))
                    nick = _NICK.search(name) if typ == PERSON else None
                    if nick:  # Vilailuck "Pepper" Teigen is also called Pepper
                        found.append(Mention(Ref("name", name, typ), ctx.span(a + nick.start(1), a + nick.end(1)),
                                             rule.id, alias=nick.group(1)))
                taken.add(a, b)
    return found, discovered


def _heads(people, found: list[Mention]) -> dict[str, str]:
    """The fullest form of each person name in this article; its words and nickname point at it."""
    heads: dict[str, str] = {}
    full = sorted((n for n in people if len(name_tokens(n)) >= 2), key=lambda n: (-len(name_tokens(n)), n))
    for n in full:
        heads.setdefault(n, n)
    counts = Counter()
    first_at: dict[str, int] = {}
    for mention in found:
        if mention.ref.kind == "name" and mention.ref.type == PERSON:
            counts[mention.ref.value] += 1
            first_at[mention.ref.value] = min(first_at.get(mention.ref.value, mention.span.start), mention.span.start)
    # a bare surname goes to the most mentioned full name that has it; on a tie, to the one named first
    for n in sorted(full, key=lambda n: (-counts[n], first_at.get(n, 0), n)):
        for tok in name_tokens(n):
            if tok not in heads:
                heads[tok] = n
        nick = nickname(n)
        if nick and nick not in heads:
            heads[nick] = n
    return heads


def _recurrences(ctx: Context, taken: _Taken, people, heads: dict[str, str]) -> list[Mention]:
    """Every later use of a known person name or its parts: a mention too."""
    found = []
    for a, b in _name_uses(ctx.text, {*people, *heads}):
        if not taken.free(a, b):
            continue
        name = ctx.text[a:b]
        head = heads.get(name, name)
        source = people.get(head) or people.get(name)
        found.append(Mention(Ref("name", head, PERSON), ctx.span(a, b), source[2] if source else "name-recurrence",
                             alias=name))
        taken.add(a, b)
    return found


def _name_uses(text: str, names) -> list[tuple[int, int]]:
    """Where the names occur as whole words, leftmost first and the longest name at a place:
    what an alternation of the names, longest first, between word boundaries would find.

    Plain `str.find` per name: a pattern made of an article's own names would be compiled
    anew for every article, which cost more than the search itself.
    """
    found = []
    for n in names:
        pos = text.find(n) if n else -1
        while pos != -1:
            end = pos + len(n)
            before = text[pos - 1] if pos else ""
            after = text[end] if end < len(text) else ""
            if not (before and (before.isalnum() or before in "_’'")) and not (after and (after.isalnum() or after == "_")):
                found.append((pos, -len(n)))
            pos = text.find(n, pos + 1)
    found.sort()
    out, last_end = [], 0
    for pos, neg in found:
        if pos >= last_end:
            out.append((pos, pos - neg))
            last_end = pos - neg
    return out


def _to_heads(ctx: Context, found: list[Mention], heads: dict[str, str]) -> Names:
    """Each person mention made to refer to its head, and the people counted and gendered."""
    mentions = []
    counts = Counter()
    genders: dict[str, str] = {}
    for mention in found:
        ref = mention.ref
        if ref.kind == "name" and ref.type == PERSON:
            ref = Ref("name", heads.get(ref.value, ref.value), PERSON)
            mention = Mention(ref, mention.span, mention.rule, mention.alias, mention.gender)
            counts[ref.value] += 3 if _in_headline(ctx, mention.span.start) else 1
            if mention.gender:
                genders.setdefault(ref.value, mention.gender)
        mentions.append(mention)
    return Names(tuple(mentions), counts, genders)


def _in_headline(ctx: Context, pos: int) -> bool:
    h = ctx.article.meta.headline
    return h is not None and h.start <= pos < h.end
