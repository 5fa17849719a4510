"""Find the literal words a pattern cannot match without, so a rule runs only where they occur.

A rule such as `(?P<organizer>{PERSONREF})\\s+penned\\s+an\\s+open\\s+letter` is costly to
try at every position of an article (its first group is a large alternation), but
it cannot match where "penned" does not occur. `anchors(pattern)` returns such a
word, or a set of alternatives one of which must occur ("daughter" | "son"), and
every other such set it finds; the matcher then searches only the sentences holding
one of the first set, and of those only where every other set is met as well. The analysis runs on
Python's own regex parser over a simplified copy of the pattern; when it cannot
tell, it returns None and the rule scans the whole text, as before.
"""

from __future__ import annotations

import bisect
import functools
import re

import ahocorasick

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

MIN_ANCHOR = 3
# Where a pattern spells no required word that long, a set of alternatives some of which are two
# characters long (an organisation's "Co" among its Systems and Holdings, a station's "FM", the "19"
# or "20" of a year) still narrows the sentences a rule runs in; one short word alone ("to") does not.
SHORT_ANCHOR = 2

_SIMPLIFY = [
    (re.compile(r"\\[pP]\{[^}]*\}"), r"\\w"),  # Unicode properties: any word character
    (re.compile(r"\(\?P<\w+>"), "(?:"),  # repeated group names are fine for `regex`, not for `re`
    (re.compile(r"\\G"), ""),
]


@functools.lru_cache(maxsize=1024)  # the analysis is the slowest part of loading the rules
def anchors(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """Sets of literal strings, each set one of whose strings occurs in every match; or None.

    The first set is the one the matcher looks up to choose the sentences a rule runs in: of
    the strings the match itself spells, the longest and fewest. The others (the words of a
    lookahead among them, which cannot look past the end of the stretch the matcher gives the
    pattern) only strike out a stretch that lacks one: "is the daughter of" runs where "the"
    occurs, and only where "daughter", "son" or "child" occurs too. A pattern that spells no
    such word has no anchors, whatever its lookaheads need."""
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
    # the set looked up comes from the words the match spells: a lookahead's may lie in the next
    # sentence (a name on one line, "Reporter" on the next), so they only strike out stretches
    spelt = _candidates(list(tree), ahead=False)
    first = _best(spelt) or _best([c for c in spelt if len(c) > 1], SHORT_ANCHOR)
    if first is None:
        return None
    every = _good(_candidates(list(tree), ahead=True))
    # a set is implied by another each of whose words holds one of its words (a set holding another
    # set, or "sta" beside "star"/"stay"): every match that has the other has it
    rest = {c for c in every if c != first and not any(o != c and _implies(o, c) for o in [first, *every])}
    order = sorted(rest, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))
    return tuple(tuple(sorted(c)) for c in [first, *order])


def _implies(o: frozenset[str], c: frozenset[str]) -> bool:
    """Whether every word of o holds a word of c, so a stretch with one of o has one of c."""
    return all(any(w in word for w in c) for word in o)


def _good(cands: list[frozenset[str]], shortest: int = MIN_ANCHOR) -> list[frozenset[str]]:
    return [c for c in cands if c and min(map(len, c)) >= shortest]


def _best(cands: list[frozenset[str]], shortest: int = MIN_ANCHOR) -> frozenset[str] | None:
    good = _good(cands, shortest)
    if not good:
        return None
    return max(good, key=lambda c: (min(map(len, c)), -len(c), sorted(c)))


def _candidates(items, ahead: bool) -> list[frozenset[str]]:
    """Every required literal (or alternative set) of a sequence of regex items; with `ahead`,
    those a lookahead requires too (never a lookbehind's: it may look before the sentence)."""
    out: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append(frozenset([run]))
            # the parser factors a common prefix out of an alternation ("has|have" is "ha" then "s" or "ve",
            # "sons?" "son" then an optional "s"): the run with each way it goes on is required as well
            after = _leads(op, av)
            if after:
                out.append(frozenset(run + lead for lead in after))
            run = ""
        if op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a scoped (?i:...) matches other cases than it spells
                out += _candidates(list(av[-1]), ahead)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _, sub = av
            if lo >= 1:
                out += _candidates(list(sub), ahead)
        elif op is C.BRANCH:
            per_branch = [_best(_candidates(list(b), ahead), SHORT_ANCHOR) for b in av[1]]
            if all(per_branch):
                out.append(frozenset().union(*per_branch))
        elif op is C.ASSERT and ahead and av[0] == 1:
            out += _candidates(list(av[1]), ahead)
    if run:
        out.append(frozenset([run]))
    return out


def _leads(op, av) -> frozenset[str] | None:
    """The literal strings one of which an item spells first: each branch's leading literals, or each
    character of a class of characters only; None where one of them may start with anything else."""
    if op is C.BRANCH:
        leads = set()
        for branch in av[1]:
            lead = ""
            for bop, bav in branch:
                if bop is not C.LITERAL:
                    break
                lead += chr(bav)
            if not lead:
                return None
            leads.add(lead)
        return frozenset(leads)
    if op is C.IN and av and all(o is C.LITERAL for o, _ in av) and len(av) <= 8:
        return frozenset(chr(v) for _, v in av)
    if op is C.SUBPATTERN and not av[1] & re.IGNORECASE and av[-1]:
        first_op, first_av = list(av[-1])[0]
        if first_op is C.LITERAL:
            return frozenset([chr(first_av)])
        return _leads(first_op, first_av)
    return None


_NONE: list[int] = []  # shared by every absent word: never appended to


class Occurrences:
    """Where each anchor word of a rule set occurs in one text, found in one pass.

    Hundreds of rules share a few thousand anchor words, and most of them are absent from
    any one article: looking each up with `str.find` cost a tenth of extraction. One
    Aho-Corasick automaton over all of them reports every occurrence, overlapping ones
    included ("daughter" inside "granddaughters"), in about a twentieth of that time. A word
    the automaton was not made with is looked up in the text on first use.
    """

    def __init__(self, finder: ahocorasick.Automaton | None, text: str, known: frozenset[str] | None = None):
        """`known` is the automaton's words, where the caller keeps them: a lookup of one of them that
        the text lacks is then a set's, not the automaton's (the rules ask for a million of those
        per thousand articles)."""
        self.finder, self.text, self.known = finder, text, known
        self.at: dict[str, list[int]] = {}
        if finder is None:
            return
        at = self.at
        for end, word in finder.iter(text):  # in order of end; a word's starts rise with its ends
            at.setdefault(word, []).append(end - len(word) + 1)

    def of(self, word: str) -> list[int]:
        """Every start of `word`, in order."""
        found = self.at.get(word)
        if found is None:
            if self.known is not None and word in self.known:
                return _NONE
            found = []
            if self.finder is None or not self.finder.exists(word):
                pos = self.text.find(word)
                while pos != -1:
                    found.append(pos)
                    pos = self.text.find(word, pos + 1)
            self.at[word] = found
        return found

    def within(self, word: str, start: int, end: int) -> bool:
        """Whether `word` occurs whole in text[start:end], as `text.find(word, start, end) >= 0` says."""
        found = self.of(word)
        i = bisect.bisect_left(found, start)
        return i < len(found) and found[i] + len(word) <= end


def finder(words) -> ahocorasick.Automaton | None:
    """The automaton that finds every one of `words` (None when there are none)."""
    words = sorted(set(words))
    if not words:
        return None
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton
