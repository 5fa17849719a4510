"""Spans of an article found by overlap without looking at every other span.

Names, titles and quotations are a few words long, while an article may hold thousands of
them: testing each new span against every span kept so far made the names step grow with
the square of the article. Kept sorted by start, only the spans that start within the
longest span's length before a query can reach it.
"""

from __future__ import annotations

import bisect
from typing import Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Half-open spans [start, end), each with an item, asked which overlap a span or contain it."""

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        ordered = sorted(spans, key=lambda s: (s[0], s[1]))
        self._starts = [a for a, _, _ in ordered]
        self._ends = [b for _, b, _ in ordered]
        self._items = [item for _, _, item in ordered]
        self._longest = max((b - a for a, b in zip(self._starts, self._ends)), default=0)

    def add(self, a: int, b: int, item: T = None) -> None:
        i = bisect.bisect_right(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)
        self._items.insert(i, item)
        self._longest = max(self._longest, b - a)

    def _near(self, a: int, b: int) -> range:
        """Indexes of the spans that start late enough to reach a and before b."""
        return range(bisect.bisect_right(self._starts, a - self._longest), bisect.bisect_left(self._starts, b))

    def overlapping(self, a: int, b: int) -> Iterator[T]:
        """The items of the spans that share at least one character with [a, b)."""
        for i in self._near(a, b):
            if self._ends[i] > a:
                yield self._items[i]

    def containing(self, a: int, b: int) -> Iterator[tuple[int, int, T]]:
        """(start, end, item) of the spans that hold all of [a, b)."""
        # a span holding [a, b) starts at a or before, and no earlier than b minus the longest length
        for i in range(bisect.bisect_left(self._starts, b - self._longest), bisect.bisect_right(self._starts, a)):
            if b <= self._ends[i]:
                yield self._starts[i], self._ends[i], self._items[i]

    def free(self, a: int, b: int) -> bool:
        """Whether no span shares a character with [a, b)."""
        return next(self.overlapping(a, b), _NONE) is _NONE


_NONE = object()
