"""A pattern in the form the engine runs fastest, matching exactly what it matches.

Most rules open with lookbehinds that refuse a place ("not after 'to', 'of' or 'by'", "not
inside a who-clause"), some of them scanning up to a hundred characters back. The engine
tries them in the order written at every position of a sentence before it reads one
character of the match, and the match itself can only start with a capital letter, a
quotation mark or a few words' first letters. Two rewrites, neither of which changes what
the pattern matches:

- `first_guard(pattern)` works out the characters a match can start with and returns them as
  `(?=[...])`; written before the pattern, it fails at once where the match cannot start (it
  is a superset of every match's first character and reads nothing a match would not read).
- `cheapest_first(pattern)` orders the assertions the pattern opens with by how far each can
  read, shortest first: all of them must hold at the same position, so their order changes
  only how soon a failing one is found ("not after a capitalised word" before "not 60
  characters after 'whom'"). Assertions that capture are left in place.

The analysis runs on Python's own regex parser, as the anchor analysis does, over a copy of
the pattern in which each Unicode property (`\\p{Lu}`) stands as one private-use character
that is turned back into the property in the guard. Where it cannot tell (a character class
it does not know, any character, a called macro, an empty match, case folding), there is no
guard and the assertions keep their order.
"""

from __future__ import annotations

import functools
import re

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")
_GROUP_NAME = re.compile(r"\(\?P?<(?![=!])\w+>")  # a name used twice is fine for `regex`, not for `re`
_CALL = re.compile(r"\(\?&\w+\)")  # a called macro: opaque here, so it stands as "any character"
_DEFINE = "(?(DEFINE)"
_PRIVATE = 0xF0000  # plane 15, private use: no rule spells one
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_NOT_SPACE: r"\S"}
# a guard holding one of these passes nearly every position: it filters little and costs a step
_BROAD = frozenset({r"\s", r"\S", r"\w", r"\W", r"\D", r"\p{L}", r"\p{Ll}", r"\p{Alpha}"})


class _Unknown(Exception):
    """The first character is not one the analysis can name: no guard."""


@functools.lru_cache(maxsize=4096)
def first_guard(pattern: str) -> str:
    """`(?=[...])` holding every character a match of `pattern` can start with, or "" where that is
    not known or the set is too broad to filter (`_BROAD`)."""
    if "(?i" in pattern:
        return ""
    body = pattern.split(_DEFINE, 1)[0] if pattern.endswith(")") and _DEFINE in pattern else pattern
    properties: dict[str, str] = {}

    def stand_in(m: re.Match) -> str:
        char = properties.setdefault(m.group(0), chr(_PRIVATE + len(properties)))
        return f"\\U{ord(char):08x}"

    simple = _GROUP_NAME.sub("(?:", _CALL.sub(".", _PROPERTY.sub(stand_in, body.replace(r"\G", ""))))
    try:
        tree = P.parse(simple)
        if tree.state.flags & re.IGNORECASE:
            return ""
        items, empty = _first(list(tree))
    except Exception:  # a character the analysis cannot name (_Unknown), or syntax only `regex` knows
        return ""
    if empty or not items:
        return ""
    back = {v: k for k, v in properties.items()}
    written = sorted(_written(item, back) for item in items)
    if not _BROAD.isdisjoint(written):
        return ""
    return "(?=[" + "".join(written) + "])"


def _written(item: tuple, back: dict[str, str]) -> str:
    kind = item[0]
    if kind == "char":
        char = chr(item[1])
        return back.get(char) or _escape(char)
    if kind == "range":
        return f"{_escape(chr(item[1]))}-{_escape(chr(item[2]))}"
    return _CATEGORIES[item[1]]


def _escape(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def _first(items) -> tuple[set[tuple], bool]:
    """The first characters a sequence can consume, and whether it can match empty."""
    found: set[tuple] = set()
    for op, av in items:
        got, empty = _one(op, av)
        found |= got
        if not empty:
            return found, False
    return found, True


def _one(op, av) -> tuple[set[tuple], bool]:
    if op is C.LITERAL:
        return {("char", av)}, False
    if op is C.IN:
        out: set[tuple] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out.add(("char", iav))
            elif iop is C.RANGE:
                out.add(("range", *iav))
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                out.add(("category", iav))
            else:  # a negated class, or one the analysis does not know
                raise _Unknown
        return out, False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: the match's first character is after it
        return set(), True
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unknown
        return _first(list(av[-1]))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(list(av))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        lo, _, sub = av
        got, empty = _first(list(sub))
        return got, empty or lo == 0
    if op is C.BRANCH:
        out, any_empty = set(), False
        for branch in av[1]:
            got, empty = _first(list(branch))
            out |= got
            any_empty = any_empty or empty
        return out, any_empty
    raise _Unknown  # any character, a back-reference, a conditional


_SHAPE = re.compile(r"\(\?=\[(?:\\[pP]\{\w+\}|\\.|[^\\\[\]])+\]\)")


def first_guard_shape(guard: str) -> re.Match | None:
    """Whether `guard` is written as `first_guard` writes one (a kept guard read back is checked)."""
    return _SHAPE.fullmatch(guard)


# ------------------------------------------------------------------ the opening assertions

_OPENERS = ("(?<=", "(?<!", "(?=", "(?!")


def opening_assertions(pattern: str) -> list[tuple[int, int]]:
    """The spans of the zero-width assertions `pattern` opens with, one after another at its top level."""
    spans, at = [], 0
    while pattern.startswith(_OPENERS, at):
        end = _group_end(pattern, at)
        if end is None:
            break
        spans.append((at, end))
        at = end
    return spans


def _group_end(pattern: str, start: int) -> int | None:
    """Where the group opened at `start` closes (just past its `)`), or None if it does not."""
    depth = 0
    for i in _syntax(pattern, start):
        if pattern[i] == "(":
            depth += 1
        elif pattern[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _syntax(pattern: str, start: int = 0):
    """The offsets of the characters of `pattern` from `start` that are its syntax: none escaped, none inside a
    class of characters (where a parenthesis is itself)."""
    i, n = start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _class_end(pattern, i)
        else:
            yield i
            i += 1


def _class_end(pattern: str, start: int) -> int:
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):  # a "]" first in a class is itself
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


@functools.lru_cache(maxsize=4096)
def cheapest_first(pattern: str) -> tuple[int, ...]:
    """The order to write the opening assertions in, as indexes into `opening_assertions(pattern)`:
    by the longest stretch each can read, shortest first, the written order among equals; the
    written order where an assertion captures or calls a macro, or where the analysis fails."""
    spans = opening_assertions(pattern)
    texts = [pattern[a:b] for a, b in spans]
    if len(texts) < 2 or any(map(_captures, texts)):
        return tuple(range(len(texts)))
    costs = [_reach(t) for t in texts]
    return tuple(sorted(range(len(texts)), key=lambda i: (costs[i], i)))


_NAMED = re.compile(r"\?P?<(?![=!])\w+>")


def _captures(text: str) -> bool:
    """Whether a piece of pattern holds a group that captures (named or numbered)."""
    return any(text[i] == "(" and (not text.startswith("?", i + 1) or _NAMED.match(text, i + 1)) for i in _syntax(text))


def _reach(assertion: str) -> int:
    """What an assertion may cost at one position, roughly: a repeat of any character or of a negated
    class ("[^,.;]{0,60}") counts its most repeats, as the engine may try each; everything else one.
    A called macro or a pattern the analysis cannot read counts most."""
    if _CALL.search(assertion):
        return _UNBOUNDED
    simple = _PROPERTY.sub("x", assertion.replace(r"\G", ""))
    try:
        return min(_cost(list(P.parse(simple))), _UNBOUNDED)
    except Exception:  # syntax only the `regex` module knows
        return _UNBOUNDED


def _cost(items) -> int:
    total = 0
    for op, av in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            _, most, sub = av
            sub = list(sub)
            broad = len(sub) == 1 and (sub[0][0] is C.ANY or sub[0][0] is C.IN and sub[0][1][:1] == [(C.NEGATE, None)])
            total += _cost(sub) + (min(most, 1000) if broad else 1)
        elif op is C.SUBPATTERN:
            total += _cost(list(av[-1]))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            total += _cost(list(av))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            total += _cost(list(av[1]))
        elif op is C.BRANCH:
            total += max(_cost(list(b)) for b in av[1])
        else:
            total += 1
    return total


_UNBOUNDED = 1 << 20


def fast_form(pattern: str, guard: str, order: tuple[int, ...]) -> str:
    """`pattern` with its guard before it and its opening assertions in `order`; `pattern` itself when
    `order` is not a reordering of its opening assertions (a kept order read back is checked so)."""
    spans = opening_assertions(pattern)
    if sorted(order) != list(range(len(spans))):
        return guard + pattern
    head = "".join(pattern[spans[i][0]:spans[i][1]] for i in order)
    return guard + head + pattern[spans[-1][1] if spans else 0:]
