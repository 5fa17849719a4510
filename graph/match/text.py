"""Split an article into paragraphs, quotations and sentences, keeping offsets.

Quotations are found by a small scanner over the quote marks configured in
quotes.yaml (`settings.pairs`): curly and straight, double and single, nested.
An apostrophe (a closing single mark between two letters, as in Don’t) never
opens or closes a quotation. A mark left open at the end of a paragraph is
reported, not guessed, save in one case: the print convention for a quotation
that runs over several paragraphs leaves each paragraph but the last open and
opens the next one with a quote mark again. Such a paragraph's quotation ends at
the paragraph's end (its `close` is then the paragraph end, not a mark; see
`runs_on`), and the quotation that opens the next paragraph continues it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r\f\v]*\n\s*")
# compiled once: the regex module's own cache is small, and a build compiles many patterns
_SENTENCE_END = regex.compile(r"[.!?…]+[\"”’']*(?=\s+\S)|\n")
_WORD_BEFORE_PERIOD = regex.compile(r"(\w+)\.$")
# a time of day ends no sentence before the day it is on or a word in lower case ("at 4:12 p.m. Saturday in the
# gymnasium"; "at 9 a.m. on Monday"); before any other capitalised word it may ("… at 9 p.m. The police arrived")
_TIME_OF_DAY = regex.compile(r"(?<![\p{L}.])[ap]\.m\.$", regex.IGNORECASE)
_DAY_AFTER = regex.compile(r"\s+(?:\p{Ll}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|"
                           r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)")
# a middle initial: a capital letter alone with its period after a capitalised name, and a name after it ("Sen.
# Raymond T. Keough", "Mr. K. V. Raman"), or the initials of given names after a word in lower case or a comma
# (the late S. Venkataraman; granting probate to V. Lakshmi; a T. Nagar merchant): no sentence ends there
_INITIAL = regex.compile(r"(?:(?<=\p{Lu}\p{Ll}+\s)|(?<=\s\p{Lu}\.\s)|(?<=(?:Mr|Mrs|Ms|Dr)\.?\s)|(?<=(?:\p{Ll}{2,}|,)\s))\p{Lu}\."
                         r"(?=\s(?:\p{Lu}\p{Ll}|\p{Lu}\.))"
                         r"(?!\s?(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|There|In|On|At|But|And|"
                         r"So|His|Her|Their|Our|My|Its|As|After|Before|When|While|If)\b)")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation as printed: `open`/`close` are the marks' offsets; inner text between."""

    open: int
    close: int  # offset of the closing mark
    depth: int
    parent: int | None  # index of the enclosing quote in the article's list

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


def scan_quotes(text: str, start: int, end: int, pairs: list[list[str]]) -> tuple[list[QuoteSpan], list[int]]:
    """Quotations within text[start:end]; and the offsets of marks left unclosed."""
    opens = {p[0]: p[1] for p in pairs}
    closes = {p[1]: p[0] for p in pairs}
    stack: list[tuple[str, int, int | None]] = []  # (open mark, offset, index in out)
    on_stack: dict[str, int] = {}  # open mark -> how many the stack holds: no walk of the stack per mark
    out: list[QuoteSpan | None] = []
    for i in range(start, end):
        ch = text[i]
        if ch not in opens and ch not in closes:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if prev.isalnum() and nxt.isalnum() and ch in ("'", "\u2019"):
            continue  # an apostrophe: Don’t, Teigen's
        symmetric = ch in opens and opens[ch] == ch
        if ch == "\u2019" and prev == "s" and _plural_possessive(text, i, end):
            continue  # ‘I’ve had four hours’ sleep,’ he said: the close comes later
        if ch in closes and (not symmetric or on_stack.get(ch, 0)):
            want = closes[ch]
            if on_stack.get(want, 0):
                # close the innermost matching quote; anything opened inside it and left open is dropped
                while stack:
                    mark, off, idx = stack.pop()
                    on_stack[mark] -= 1
                    if mark == want:
                        out[idx] = QuoteSpan(off, i, len(stack), stack[-1][2] if stack else None)
                        break
                continue
            if ch == "\u2019" or ch == "'":
                continue  # a possessive after s (babies’) or a stray apostrophe
        if ch in opens:
            if symmetric and not (prev.isspace() or prev in "([{—–-/:" or prev in opens or i == start):
                continue  # a straight mark after a letter is not an opening
            stack.append((ch, i, len(out)))
            on_stack[ch] = on_stack.get(ch, 0) + 1
            out.append(None)
    if len(stack) == 1 and _next_paragraph_opens_with(text, end, stack[0][0]):
        # the print convention: a quotation running on into the next paragraph ends here, open
        mark, off, idx = stack.pop()
        out[idx] = QuoteSpan(off, _trim(text, off, end)[1], 0, None)
    unclosed = [off for _, off, _ in stack]
    # re-number parents: drop unmatched entries, keep order by opening offset
    kept = [(j, q) for j, q in enumerate(out) if q is not None]
    renumber = {j: k for k, (j, _) in enumerate(kept)}
    result = []
    for _, q in kept:
        parent = renumber.get(q.parent) if q.parent is not None else None
        result.append(QuoteSpan(q.open, q.close, q.depth, parent))
    return result, unclosed


_POSSESSIVE_LOOKAHEAD = 300  # characters: the rest of a quoted sentence, and a bound on the work per mark


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """Whether the ’ at i, after an s and before a lower-case word (hours’ sleep, the players’ union),
    is a plural possessive rather than a closing mark: so when another ’ that no letter follows
    closes a quotation later, within the look-ahead and before any ‘ opens one."""
    if text[i + 1:i + 2] != " " or not text[i + 2:i + 3].islower():
        return False
    stop = min(end, i + _POSSESSIVE_LOOKAHEAD)
    j = text.find("\u2019", i + 1, stop)
    while j != -1:
        if not (text[j + 1:j + 2].isalnum() and text[j - 1].isalnum()):  # not an apostrophe (don’t)
            return "\u2018" not in text[i + 1:j] and not (text[j + 1:j + 2] == " " and text[j - 1] == "s"
                                                            and text[j + 2:j + 3].islower())
        j = text.find("\u2019", j + 1, stop)
    return False


def runs_on(text: str, q: QuoteSpan) -> bool:
    """Whether quotation q was left open at its paragraph's end (the print convention), its close no mark."""
    return q.close >= len(text) or text[q.close] in "\n\r" or text[q.close].isspace()


def _next_paragraph_opens_with(text: str, end: int, mark: str) -> bool:
    """Whether the paragraph after the one ending at `end` opens with quote mark `mark`."""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return i > end and "\n" in text[end:i] and i < len(text) and text[i] == mark


def sentences(text: str, start: int, end: int, quotes: list[QuoteSpan], abbreviations: set[str]) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]; a boundary inside a quotation does not end the sentence."""
    # outermost quotations do not overlap: the last to open before a boundary is the only one it may be in
    inside = sorted((q.open, q.close) for q in quotes if q.depth == 0)
    opens = [a for a, _ in inside]
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        cut = m.end()
        last = bisect.bisect_left(opens, m.start()) - 1
        if last >= 0 and m.start() < inside[last][1]:
            continue
        word = _WORD_BEFORE_PERIOD.search(text[max(pos, m.start() - 12) : m.start() + 1])
        if word and word.group(1) in abbreviations:
            continue
        if m.group() == "." and _INITIAL.match(text, m.start() - 1):
            continue
        if m.group() == "." and _TIME_OF_DAY.search(text, max(pos, m.start() - 4), cut) and _DAY_AFTER.match(text, cut):
            continue
        if text[pos:cut].strip():
            out.append(_trim(text, pos, cut))
        pos = cut
    if text[pos:end].strip():
        out.append(_trim(text, pos, end))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
