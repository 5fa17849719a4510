"""Find the literal words a pattern cannot match without, so a rule runs only where they occur.

A rule such as `(?P<organizer>{PERSONREF})\\s+penned\\s+an\\s+open\\s+letter` is costly to
try at every position of an article (its first group is a large alternation), but
it cannot match where "penned" does not occur. `anchors(pattern)` returns such a
word, or a set of alternatives one of which must occur ("daughter" | "son"); the
matcher then searches only the sentences holding one. The analysis runs on
Python's own regex parser over a simplified copy of the pattern; when it cannot
tell, it returns None and the rule scans the whole text, as before.
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

MIN_ANCHOR = 3

_SIMPLIFY = [
    (re.compile(r"\\[pP]\{[^}]*\}"), r"\\w"),  # Unicode properties: any word character
    (re.compile(r"\(\?P<\w+>"), "(?:"),  # repeated group names are fine for `regex`, not for `re`
    (re.compile(r"\\G"), ""),
]


@functools.lru_cache(maxsize=1024)  # the analysis is the slowest part of loading the rules
def anchors(pattern: str) -> tuple[str, ...] | None:
    """Literal strings of which at least one occurs in every match, or None."""
    if "(?i" in pattern:
        return None
    simple = pattern
    for rx, repl in _SIMPLIFY:
        simple = rx.sub(repl, simple)
    try:
        tree = P.parse(simple)
    except Exception:  # the pattern uses syntax only `regex` knows: scan everything
        return None
    if tree.state.flags & re.IGNORECASE:
        return None
    best = _best(_candidates(list(tree)))
    return tuple(sorted(best)) if best else None


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    good = [c for c in cands if c and min(map(len, c)) >= MIN_ANCHOR]
    if not good:
        return None
    return max(good, key=lambda c: (min(map(len, c)), -len(c), sorted(c)))


def _candidates(items) -> list[frozenset[str]]:
    """Every required literal (or alternative set) of a sequence of regex items."""
    out: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a scoped (?i:...) matches other cases than it spells
                out += _candidates(list(av[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _, sub = av
            if lo >= 1:
                out += _candidates(list(sub))
        elif op is C.BRANCH:
            per_branch = [_best(_candidates(list(b))) for b in av[1]]
            if all(per_branch):
                out.append(frozenset().union(*per_branch))
    if run:
        out.append(frozenset([run]))
    return out
