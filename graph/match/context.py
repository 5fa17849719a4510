"""The article as every step sees it: paragraphs, quotations and sentences; rules run there under the time limit."""

from __future__ import annotations

import bisect
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from graph.errors import ArticleTooSlow
from graph.load import Article
from graph.match.text import QuoteSpan, paragraphs, scan_quotes, sentences
from graph.records import Span
from graph.rules.anchors import Occurrences
from graph.rules.ruleset import Rule, RuleSet

_DEFAULT_PAIRS = [["\u201c", "\u201d"], ['"', '"']]


@dataclass(frozen=True)
class Context:
    """One article while it is matched (never leaves `extract`).

    The layout is fixed when the context is made; `hits` and `unmatched` are the
    tallies every step adds to, and the only state that changes.
    """

    article: Article
    rules: RuleSet
    text: str
    timeout: float
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    quotes: tuple[QuoteSpan, ...]
    sentence_starts: tuple[int, ...]
    budget: float  # seconds of matching each rule may spend on this article
    hits: Counter = field(default_factory=Counter)  # rule id -> times it fired
    spent: Counter = field(default_factory=Counter)  # rule id -> seconds of matching spent so far
    memo: dict = field(default_factory=dict)  # what a step works out once per article for later ones
    unmatched: list[tuple[str, Span]] = field(default_factory=list)  # (why, where): the curator's to-do list

    @classmethod
    def of(cls, article: Article, rules: RuleSet) -> Context:
        """The context of one article: paragraphs, then the quotations and sentences of each."""
        text = article.body
        pairs = rules.settings["quotes"].get("settings", {}).get("pairs", _DEFAULT_PAIRS)
        abbreviations = set(rules.settings["quotes"].get("settings", {}).get("abbreviations", []))
        paras = paragraphs(text)
        quotes: list[QuoteSpan] = []
        sents: list[tuple[int, int]] = []
        unclosed: list[tuple[int, int]] = []
        for a, b in paras:
            qs, left_open = scan_quotes(text, a, b, pairs)
            offset = len(quotes)  # parents count within the paragraph; the context holds the article's list
            quotes.extend(QuoteSpan(q.open, q.close, q.depth, None if q.parent is None else q.parent + offset) for q in qs)
            unclosed.extend((off, min(b, off + 80)) for off in left_open)
            sents.extend(sentences(text, a, b, qs, abbreviations))
        ctx = cls(article, rules, text, rules.timeout(), tuple(paras), tuple(sents), tuple(quotes),
                  tuple(a for a, _ in sents), matching_budget(rules.timeout(), len(text)))
        ctx.unmatched.extend(("quote mark never closed", ctx.span(a, b)) for a, b in unclosed)
        return ctx

    def span(self, start: int, end: int) -> Span:
        return Span(self.article.id, start, end, self.text[start:end])

    def finditer(self, rule: Rule):
        """Matches of a rule: only in the sentences that hold one of its anchors, when it has some.

        A match found in a sentence is the one a scan of the whole text makes from the same place:
        searched alone, the sentence's end is the end of the text to `$` and to a lookahead, so a
        headline's last words would pass `(?=\\s*$)` or `(?!\\s+\\p{Lu})` that the next paragraph
        fails. Every call of a rule on this article draws on one budget (see `matching_budget`);
        the caller's work between two matches does not count.
        """
        if not rule.anchors:
            yield from self._timed(rule)
            return
        text, done = self.text, 0
        for a, b in self.windows(rule.anchors):
            pos = max(a, done)
            while pos <= b:
                m = self._call(rule, rule.pattern.search, text, pos, b)
                if m is None:
                    break
                whole = self._call(rule, rule.pattern.match, text, m.start())
                if whole is None:  # it matched only because the sentence was cut from what follows
                    pos = m.start() + 1
                    continue
                yield whole
                done = pos = whole.end() if whole.end() > whole.start() else whole.start() + 1

    def _timed(self, rule: Rule):
        with self._charged(rule):
            found = rule.pattern.finditer(self.text, overlapped=False, timeout=self._left(rule))
        while True:
            with self._charged(rule):
                m = next(found, None)
            if m is None:
                return
            yield m

    def _call(self, rule: Rule, method, *args):
        # `_charged` written out: this runs a hundred thousand times per hundred articles
        t = time.perf_counter()
        try:
            return method(*args, timeout=self._left(rule))
        except TimeoutError:
            raise self.too_slow(rule) from None
        finally:
            self.spent[rule.id] += time.perf_counter() - t

    @contextmanager
    def _charged(self, rule: Rule):
        """Time spent inside goes to the rule's budget; running over it skips the article."""
        t = time.perf_counter()
        try:
            yield
        except TimeoutError:
            raise self.too_slow(rule) from None
        finally:
            self.spent[rule.id] += time.perf_counter() - t

    def run(self, rule: Rule, method: str, string: str, *bounds):
        """One call of a rule's pattern (search, match, fullmatch), drawing on the rule's budget.

        Skipped, as it cannot match, when string[bounds] lacks every word of one of the rule's
        anchor sets: a role is tried on every reference and a quote rule on every quotation,
        and most of these words hold none of a given rule's anchors.
        """
        if rule.anchors:
            if string is self.text:
                present = self.present(rule.anchors)
                if present is None:
                    return None
                within = self.anchor_occurrences.within
                a, b = (bounds[0] if bounds else 0), (bounds[1] if len(bounds) > 1 else len(string))
                if not all(any(within(w, a, b) for w in words) for words in present):
                    return None
            elif not all(any(string.find(w, *bounds) >= 0 for w in words) for words in rule.anchors):
                return None
        return self._call(rule, getattr(rule.pattern, method), string, *bounds)

    def _left(self, rule: Rule) -> float:
        left = self.budget - self.spent[rule.id]
        if left <= 0:
            raise TimeoutError
        return left

    def too_slow(self, rule: Rule) -> ArticleTooSlow:
        """The article is skipped with one line naming the rule: the rest of the corpus is built."""
        return ArticleTooSlow(
            f"{self.article.meta.path}: rule {rule.id!r} ({rule.path}:{rule.line}) ran over its "
            f"{self.budget:g} s of matching on this article",
            "a rule whose pattern backtracks (a nested quantifier such as (a+)+) is at fault if the article is "
            "ordinary news: make the repeated parts exclusive or possessive (a++); the limit is "
            "settings.regex_timeout_seconds in quotes.yaml, per rule, per 20,000 characters of article")

    def windows(self, anchors: tuple[tuple[str, ...], ...] | None) -> list[tuple[int, int]]:
        """The sentences holding a word of the first anchor set, adjacent ones merged, then only
        the stretches that hold a word of every other set; the whole text without anchors.

        A sentence never spans a paragraph break. Worked out once per article for each anchor
        set: rules share them (the verbs of saying).
        """
        if not anchors:
            return [(0, len(self.text))]
        found = self.memo.setdefault("windows", {})
        out = found.get(anchors)
        if out is not None:
            return out
        sets = self.present(anchors)
        if sets is None:
            found[anchors] = []
            return found[anchors]
        hit: set[int] = set()
        for word in sets[0]:
            hit.update(self._sentences_with(word))
        out = []
        for i in sorted(hit):
            a, b = self.sentences[i]
            if out and i - 1 in hit and out[-1][1] >= self.sentences[i - 1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        within = self.anchor_occurrences.within
        out = [(a, b) for a, b in out if all(any(within(w, a, b) for w in words) for words in sets[1:])]
        found[anchors] = out
        return out

    def present(self, anchors: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...] | None:
        """Each anchor set cut to the words this article holds; None when a set holds none, so the rule has
        nothing to match here. Most of a rule's anchor words are absent from any one article; worked out once
        per article for each anchor set."""
        found = self.memo.setdefault("present", {})
        if anchors in found:
            return found[anchors]
        of = self.anchor_occurrences.of
        sets = tuple(tuple(w for w in words if of(w)) for words in anchors)
        found[anchors] = out = sets if all(sets) else None
        return out

    def _sentences_with(self, word: str) -> tuple[int, ...]:
        """The sentences `word` occurs in, found once per article: rules share anchors ("said", "daughter")."""
        found = self.memo.setdefault("anchor_sentences", {})
        hit = found.get(word)
        if hit is None:
            starts, sents, out = self.sentence_starts, self.sentences, []
            for pos in self.anchor_occurrences.of(word):
                i = bisect.bisect_right(starts, pos) - 1
                if i >= 0 and pos < sents[i][1] and (not out or out[-1] != i):
                    out.append(i)
            hit = found[word] = tuple(out)
        return hit

    @property
    def anchor_occurrences(self) -> Occurrences:
        """Every occurrence of every anchor word of the rules, found in one pass on first use."""
        found = self.memo.get("anchor_occurrences")
        if found is None:
            found = self.memo["anchor_occurrences"] = Occurrences(self.rules.anchor_finder, self.text,
                                                                           self.rules.anchor_words)
        return found

    def sentence_of(self, pos: int) -> tuple[int, int]:
        # by bisection: the sentences are in order and do not overlap, and the quotes step asks for every quotation
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos

    def paragraph_of(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos <= b:
                return i
        return -1

    def in_quote(self, pos: int) -> bool:
        """Whether pos is inside a quotation; by bisection, as steps ask it for every name and reference."""
        index = self.memo.get("in_quote")
        if index is None:  # the quotations' starts in order, with the furthest end reached by each start
            spans = sorted((q.start, q.end) for q in self.quotes)
            reach, furthest = [], -1
            for _, end in spans:
                furthest = max(furthest, end)
                reach.append(furthest)
            index = self.memo["in_quote"] = ([a for a, _ in spans], reach)
        starts, reach = index
        k = bisect.bisect_right(starts, pos)  # the quotations that start at or before pos
        return k > 0 and reach[k - 1] > pos


# Characters of article one regex_timeout_seconds of matching pays for: a rule's budget on an
# article grows with its length, so a long but ordinary article (thousands of short matches
# that add up) is read, while a pattern that backtracks without end is still stopped.
CHARS_PER_TIMEOUT = 20_000


def matching_budget(timeout: float, length: int) -> float:
    """Seconds of matching one rule may spend on an article of `length` characters."""
    return timeout * (1 + length / CHARS_PER_TIMEOUT)
