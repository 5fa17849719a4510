"""The span index the names and coverage steps use in place of comparing every span with every other."""

from __future__ import annotations

import random

from graph.match.spans import SpanIndex


def _random_spans(rng: random.Random, n: int, width: int) -> list[tuple[int, int, int]]:
    out = []
    for i in range(n):
        a = rng.randrange(0, 500)
        out.append((a, a + rng.randrange(1, width), i))
    return out


def test_overlap_containment_and_freedom_agree_with_comparing_every_span():
    rng = random.Random(7)
    for width in (3, 40, 400):  # short names, sentences, and one span as long as the text
        spans = _random_spans(rng, 60, width)
        index = SpanIndex(spans[:30])
        for a, b, item in spans[30:]:  # half given at once, half added one by one
            index.add(a, b, item)
        for _ in range(300):
            a = rng.randrange(0, 520)
            b = a + rng.randrange(0, 30)
            if b > a:
                assert sorted(index.overlapping(a, b)) == sorted(i for x, y, i in spans if x < b and a < y)
            assert sorted(index.containing(a, b)) == sorted((x, y, i) for x, y, i in spans if x <= a and b <= y)
            if b > a:
                assert index.free(a, b) == all(y <= a or x >= b for x, y, _ in spans)


def test_an_item_that_is_none_still_takes_its_span():
    taken = SpanIndex()
    taken.add(10, 20)
    assert not taken.free(15, 16) and not taken.free(5, 11) and taken.free(20, 25) and taken.free(0, 10)
