"""The one SPARQL lexer: which parts of a query are code, and which are comments, strings or IRIs.

The safety checks (graph/sparql/store.py: no update, no SERVICE, no binding of a
variable the query lacks) look for keywords in the code only; parameter binding
(graph/sparql/bind.py) looks for the braces and the WHERE of the code only. Both read
the query in one left-to-right pass, so a quote mark inside a comment, or a `#`
inside a string, is read as the SPARQL parser reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The parts of a query that are not code, as the SPARQL 1.1 grammar defines them: a comment
# (to the end of the line), the four kinds of string (STRING_LITERAL1, 2 and the LONG ones:
# short ones may not span a line), an IRIREF (no space or control character inside).
_NOT_CODE = r"""
      \#[^\n\r]*
    | "{3}(?:[^"\\]|\\.|"(?!""))*"{3}
    | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
    | "(?:[^"\\\n\r]|\\.)*"
    | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
"""
_NOT_CODE_RE = re.compile(_NOT_CODE, re.VERBOSE | re.DOTALL)
# The code tokens binding needs, after what is not code: a brace, or the keyword WHERE (not a
# variable ?where, a prefixed name ex:where or a prefix where:).
_TOKENS = re.compile(rf"""
      (?P<skip>{_NOT_CODE})
    | (?P<open>\{{)
    | (?P<close>\}})
    | (?P<where>(?<![\w?$:])WHERE(?![\w:]))
""", re.VERBOSE | re.DOTALL | re.IGNORECASE)


def code_only(query: str) -> str:
    """The query with comments, strings and IRIs blanked out, to look for keywords safely."""

    def blank(m: re.Match) -> str:
        first = m.group()[0]
        return " " if first == "#" else '""' if first in "\"'" else "<>"

    return _NOT_CODE_RE.sub(blank, query)


def code_and_iris(query: str) -> str:
    """The query with comments and strings blanked out but IRI-shaped spans kept: what a count of
    its brackets reads (`?a<((1))>?b` is two comparisons to the engine, not an IRI)."""
    return _NOT_CODE_RE.sub(lambda m: m.group() if m.group()[0] == "<" else " ", query)


def braces_and_where(query: str) -> Iterator[tuple[str, int]]:
    """("open" | "close" | "where", offset just after it) for each brace and WHERE of the code, in order."""
    for m in _TOKENS.finditer(query):
        if m.lastgroup != "skip":
            yield m.lastgroup, m.end()


def top_level_words(query: str, words: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    """(word in upper case, offset of its start) for each of `words` (keywords, any case) in the
    query's code outside every brace: where a query's own LIMIT, OFFSET and trailing VALUES are."""
    pattern = re.compile(rf"""
          (?P<skip>{_NOT_CODE})
        | (?P<open>\{{)
        | (?P<close>\}})
        | (?P<word>(?<![\w?$:])(?:{'|'.join(map(re.escape, words))})(?![\w:]))
    """, re.VERBOSE | re.DOTALL | re.IGNORECASE)
    depth = 0
    for m in pattern.finditer(query):
        if m.lastgroup == "open":
            depth += 1
        elif m.lastgroup == "close":
            depth = max(depth - 1, 0)
        elif m.lastgroup == "word" and depth == 0:
            yield m.group().upper(), m.start()


# The comment that marks where a query's page is chosen (graph/sparql/store.py, page()): written on
# its own after the ORDER BY of the subquery that picks the page's rows, before its closing brace.
PAGE_MARKER = "# kg:page-limit"
_MARKER_RE = re.compile(rf"{re.escape(PAGE_MARKER)}(?![\w:-])")


def page_markers(query: str) -> list[int]:
    """The offsets of each page marker comment in the query (a comment of the code, not the same
    words inside a string or an IRI)."""
    return [m.start() for m in _NOT_CODE_RE.finditer(query) if _MARKER_RE.match(m.group())]
