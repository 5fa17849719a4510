"""Regression (robustness issue): quotation attribution did work quadratic in the number of quotations.

An article of 8,000 short quotations took 89 s to build, one of 10,000 nested quote marks up to 50 s:
each quotation's attribution windows, its split and joined parts, the quotations inside a name and
the nesting of the records were found by scanning every other quotation of the paragraph (or of the
article). The work is counted here, not timed: the Python calls the quotes step makes (and the C
functions it calls, regex searches included), so the test means the same on a loaded machine. Twice
the quotations must cost at most a little over twice the calls; the quadratic code cost four times.
"""

from __future__ import annotations

import sys

import pytest

from graph.load import parse_article
from graph.match.context import Context
from graph.match.date_mentions import find_dates
from graph.match.events import find_events
from graph.match.names import find_names
from graph.match.quotes import find_quotes

HEAD = " date 2021-03-04 Ann Lee spoke to reporters on Tuesday.\n\n"
SHAPES = {
    # the article: short quotations, one after another in one paragraph (4 bytes each)
    "short quotations in one paragraph": lambda n: '"a" ' * n,
    # attributed quotations, each with its speaker named
    "attributed quotations in one paragraph": lambda n: "“Yes,” Ann Lee said. " * n,
    # one paragraph per quotation
    "a paragraph per quotation": lambda n: "\n\n".join("“Yes,” Ann Lee said." for _ in range(n)),
    # the other article: quote marks nested n/2 deep, double and single in turn
    "nested quote marks": lambda n: ("".join("“‘"[k % 2] for k in range(n // 2)) + "word"
                                     + "".join("”’"[k % 2] for k in reversed(range(n // 2)))),
}


def calls(rules, body: str) -> tuple[int, int]:
    """(calls the quotes step made, quotations it returned) on an article of HEAD + body."""
    article = parse_article((HEAD + body + "\n").encode("utf-8"), "linear.txt", "linear")
    ctx = Context.of(article, rules.active(article.body))  # as extract() makes it
    names = find_names(ctx)
    events = find_events(ctx, names, find_dates(ctx))
    count = 0

    def tally(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(tally)
    try:
        quotes = find_quotes(ctx, names, events)
    finally:
        sys.setprofile(None)
    return count, len(quotes)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_quotation_work_grows_linearly_with_the_quotations(rules, shape):
    small, large = 200, 800
    work_small, _ = calls(rules, SHAPES[shape](small))
    work_large, found = calls(rules, SHAPES[shape](large))
    # linear: 4 times the quotations, about 4 times the calls (the quadratic code made over 10 times)
    assert work_large <= 4.6 * work_small, (shape, work_small, work_large, f"{work_large / work_small:.1f}×")
    if shape != "short quotations in one paragraph" and shape != "nested quote marks":
        assert found >= large // 2, "the quotations are still attributed"
