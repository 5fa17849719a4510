"""The article as every step sees it: paragraphs, quotations and sentences; rules run there under the time limit."""

from __future__ import annotations

import bisect
import time
from collections import Counter
from dataclasses import dataclass, field

from graph.errors import RuleError
from graph.load import Article
from graph.match.text import QuoteSpan, paragraphs, scan_quotes, sentences
from graph.records import Span
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
    hits: Counter = field(default_factory=Counter)  # rule id -> times it fired
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
                  tuple(a for a, _ in sents))
        ctx.unmatched.extend(("quote mark never closed", ctx.span(a, b)) for a, b in unclosed)
        return ctx

    def span(self, start: int, end: int) -> Span:
        return Span(self.article.id, start, end, self.text[start:end])

    def finditer(self, rule: Rule):
        """Matches of a rule: only in the sentences that hold one of its anchors, when it has some.

        The time limit holds for the rule's matching over the whole article (every
        window together); the caller's work between two matches does not count.
        """
        spent = 0.0
        clock = time.perf_counter
        try:
            for a, b in self.windows(rule.anchors):
                if spent >= self.timeout:
                    raise TimeoutError
                found = rule.pattern.finditer(self.text, a, b, overlapped=False, timeout=self.timeout - spent)
                while True:
                    t = clock()
                    m = next(found, None)
                    spent += clock() - t
                    if m is None:
                        break
                    yield m
        except TimeoutError:
            raise self.too_slow(rule) from None

    def run(self, rule: Rule, method: str, string: str, *bounds):
        """One call of a rule's pattern (search, match, fullmatch) under the time limit.

        Skipped, as it cannot match, when none of the rule's anchors is in string[bounds]:
        a role is tried on every reference and a quote rule on every quotation, and most
        of these words hold none of a given rule's anchors.
        """
        if rule.anchors and not any(string.find(w, *bounds) >= 0 for w in rule.anchors):
            return None
        args = (string, *bounds)
        try:
            return getattr(rule.pattern, method)(*args, timeout=self.timeout)
        except TimeoutError:
            raise self.too_slow(rule) from None

    def too_slow(self, rule: Rule) -> RuleError:
        """A pattern that backtracks without end is a fault of the rule: stop the build and say which."""
        return RuleError(
            rule.path, rule.line, rule.id,
            f"pattern ran over the time limit of {self.timeout:g} s on article {self.article.meta.path} "
            "and was stopped (a pattern must finish within the limit on every article)",
            "a nested quantifier such as (a+)+ or (a|a)+ backtracks without end; make the repeated parts "
            "exclusive, or use an atomic group (?>...) or a possessive quantifier (a++); "
            "the limit is settings.regex_timeout_seconds in quotes.yaml")

    def windows(self, anchors: tuple[str, ...] | None) -> list[tuple[int, int]]:
        """The sentences holding an anchor, adjacent ones merged; the whole text without anchors.

        A sentence never spans a paragraph break, so neither does a match.
        """
        if not anchors:
            return [(0, len(self.text))]
        starts = self.sentence_starts
        hit: set[int] = set()
        for word in anchors:
            pos = self.text.find(word)
            while pos != -1:
                i = bisect.bisect_right(starts, pos) - 1
                if i >= 0 and pos < self.sentences[i][1]:
                    hit.add(i)
                pos = self.text.find(word, pos + 1)
        out: list[tuple[int, int]] = []
        for i in sorted(hit):
            a, b = self.sentences[i]
            if out and i - 1 in hit and out[-1][1] >= self.sentences[i - 1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= pos < b:
                return a, b
        return pos, pos

    def paragraph_of(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos <= b:
                return i
        return -1

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes)
