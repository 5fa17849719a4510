"""Bind query parameters as a VALUES block at the head of the query's WHERE group.

Oxigraph's own substitutions are exact but are applied to the finished solutions:
a query bound to one person still computes the answer for everyone first (on the
10,000-article graph, seconds instead of milliseconds). A VALUES block placed first
in the WHERE group is joined before anything else, so the engine starts from the
bound value. The block holds serialised RDF terms (pyoxigraph's N-Triples form),
never text pasted from the user, and the query text around it is not changed.
"""

from __future__ import annotations

import re

from graph.sparql.lexer import braces_and_where

_SHORT_CONSTRUCT = re.compile(r"\bCONSTRUCT\s+WHERE\s*\{\s*\Z", re.IGNORECASE)


def where_group_start(query: str) -> int | None:
    """The offset just after the "{" that opens the top-level WHERE group, or None."""
    depth, after_where = 0, False
    for token, end in braces_and_where(query):
        if token == "where":
            after_where = after_where or depth == 0
        elif token == "open":
            if depth == 0 and after_where:
                return end
            depth += 1
        else:
            depth -= 1
    return None


def values_first(query: str, bindings: dict[str, object]) -> str | None:
    """The query with `bindings` as a VALUES block opening its WHERE group; None if it has none.

    `bindings` maps variable names to pyoxigraph terms, whose str() is their N-Triples form.
    """
    at = where_group_start(query)
    if at is None or not bindings or _SHORT_CONSTRUCT.search(query[:at]):
        return None  # the short CONSTRUCT WHERE form allows triples only: no VALUES inside
    return query[:at] + f" {values_block(bindings)} " + query[at:]


def values_block(bindings: dict[str, object]) -> str:
    """`VALUES (?a ?b) { (term term) }` for one row of bindings, variables sorted."""
    names = sorted(bindings)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(bindings[n]) for n in names)}) }}"
