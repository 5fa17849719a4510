"""Extraction of articles given as bytes: the unit of work every engine runs.

Pure functions of their arguments, defined at the top level so that a process pool
or a Dask cluster can send them by name.
"""

from __future__ import annotations

from graph.errors import ArticleError
from graph.load import parse_article
from graph.match.extract import extract
from graph.records import Extraction
from graph.rules.ruleset import RuleSet


def extract_one(path: str, article_id: str, raw: bytes, rules: RuleSet) -> Extraction | tuple[str, str]:
    """Parse and match one article given as bytes; (path, reason) when it cannot be read.

    A pure function of its arguments: the process pool and a Dask cluster call it as it is.
    """
    try:
        return extract(parse_article(raw, path, article_id), rules)
    except ArticleError as err:
        return (path, str(err))
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError, KeyError) as err:
        # a fault of the rules' code on this article's words: the article is skipped with one line that says so,
        # and every other article is built (a whole build is never lost to one article's reading)
        return (path, f"{path}: the rules could not read this article ({type(err).__name__}: {err}); it was "
                      "skipped: report it with the file, or leave it out of the input")


def extract_batch(items: list[tuple[str, str, bytes]], rules: RuleSet) -> list:
    """`extract_one` over a batch (top level, so a pool or a cluster can pickle it by name)."""
    return [extract_one(path, aid, raw, rules) for path, aid, raw in items]


def extract_pooled(args) -> list:
    """`extract_batch` over one (items, rules) pair: what a process pool maps."""
    items, rules = args
    return extract_batch(items, rules)
