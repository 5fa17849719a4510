"""Load articles: UTF-8 text kept as read, so character offsets point into the file.

Offsets count code points in the text exactly as `Path.read_text(encoding="utf-8")`
returns it (universal newlines: CRLF reads as LF; a UTF-8 BOM is kept as U+FEFF),
so `text[start:end] == exact` holds for every selector in any Python tool.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ArticleError
from graph.records import ArticleMeta, Span

# ` date YYYY-MM-DD` at the very start (after an optional BOM): metadata, not text.
# The graph names this rule article-date-marker (graph/rules/catalogue.py).
DATE_MARKER = re.compile(r"\A(\ufeff?)[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|\Z)")
# A title: one line, no sentence punctuation at its end, followed by a blank line. It may end in
# quoted words ("Brierley calls time: 'The body told me before I did'"): a closing quote mark after
# no sentence punctuation.
# The graph names this rule article-headline (graph/rules/catalogue.py).
TITLE_LINE = re.compile(r"\A\ufeff?[ \t]*([^\n]*?[^\s.!?;:,\"”’'][\"”’']?)[ \t]*\n[ \t]*\n")
# The same title on the line after a date marker that stands alone on its line
# (" date 2023-05-18\nTitle\n\nBody"); matched from the end of the marker.
TITLE_AFTER_MARKER = re.compile(r"[ \t]*\n[ \t]*([^\n]*?[^\s.!?;:,\"”’'][\"”’']?)[ \t]*\n[ \t]*\n")
TITLE_MAX_CHARS = 200
# An article larger than this is refused before it is read. News articles run to tens of
# kilobytes; matching time grows faster than linearly with one article's length, so a
# file of many megabytes (a dump, a log, a whole book) would stall the build.
MAX_ARTICLE_BYTES = 500_000


@dataclass(frozen=True)
class Article:
    """An article's text and metadata; `body` is the text with the date marker blanked."""

    meta: ArticleMeta
    text: str
    body: str  # same length as text: the marker replaced by spaces, so offsets agree

    @property
    def id(self) -> str:
        return self.meta.id


def check_size(size: int, path: str) -> None:
    """Refuse an article over MAX_ARTICLE_BYTES, naming its size and the limit."""
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article",
                           "split it into one file per article")


def decode(raw: bytes, path: str) -> str:
    """Decode UTF-8 as `read_text` does, or raise an ArticleError naming file and line."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(f"{path}:1: UTF-16 text; articles must be UTF-8",
                           "convert it: iconv -f UTF-16 -t UTF-8")
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        line = raw[:at].count(b"\n") + 1
        raise ArticleError(f"{path}:{line}: binary data (a NUL byte at offset {at}); articles must be UTF-8 text",
                           "if it is UTF-16 without a byte-order mark, convert it: iconv -f UTF-16LE -t UTF-8")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}:{line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})",
            "convert it: iconv -f LATIN1 -t UTF-8",
        ) from None
    # universal newlines, exactly as Path.read_text does
    return io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read()


def load_article(path: Path, article_id: str | None = None) -> Article:
    """Read one article file; raise ArticleError with file and line when it cannot be used."""
    path = Path(path)
    try:
        check_size(path.stat().st_size, str(path))
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot read: {err.strerror}") from None
    return parse_article(raw, str(path), article_id or path.stem)


def parse_article(raw: bytes, path: str, article_id: str) -> Article:
    check_size(len(raw), path)
    text = decode(raw, path)
    if not text.replace("\ufeff", "").strip():  # any white space, the no-break space too
        raise ArticleError(f"{path}:1: empty article: the file holds {'no bytes' if not raw else 'only white space'}",
                           "write the article's text into it, or remove it")
    body = text
    date = date_span = None
    m = DATE_MARKER.match(text)
    if m:
        year, month, day = (int(g) for g in m.group(2, 3, 4))
        try:
            date = _dt.date(year, month, day).isoformat()
        except ValueError as err:
            raise ArticleError(
                f"{path}:1: impossible date in the ' date' marker: {m.group(2)}-{m.group(3)}-{m.group(4)} ({err})",
                "write a real calendar date as YYYY-MM-DD",
            ) from None
        start = m.start(2)
        date_span = Span(article_id, start, m.end(4), text[start : m.end(4)])
        body = " " * m.end() + text[m.end() :]
    headline = None
    t = TITLE_AFTER_MARKER.match(text, m.end()) if m else TITLE_LINE.match(text)
    if t and len(t.group(1).strip()) <= TITLE_MAX_CHARS:
        headline = Span(article_id, t.start(1), t.end(1), t.group(1))
    meta = ArticleMeta(
        id=article_id,
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        headline=headline,
        date=date,
        date_span=date_span,
    )
    return Article(meta=meta, text=text, body=body)


def _utf8_name(name: str) -> bool:
    """Whether a file name read from the disk is text (undecodable bytes arrive as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def discover(seeds: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """List the article files of a folder, sorted; and the files passed over, with why."""
    seeds = Path(seeds)
    if not seeds.is_dir():
        raise ArticleError(f"{seeds}: not a folder of articles", "pass --seeds DIR with .txt files")
    files, skipped = [], []
    for p in sorted(seeds.iterdir()):
        if p.name.startswith("."):
            continue
        if not _utf8_name(p.name):
            shown = os.fsencode(p).decode("utf-8", "backslashreplace")
            skipped.append((shown, "the file name is not valid UTF-8 (hint: rename it: an article's name is its "
                                   "identifier in the graph)"))
        elif p.suffix == ".txt":
            why = _not_an_article(p, seeds)
            if why:
                skipped.append((p, why))
            else:
                files.append(p)
        elif p.is_file():
            skipped.append((p, "not a .txt file (hint: only .txt files are read as articles; rename it if it is one)"))
    return files, skipped


def _not_an_article(p: Path, seeds: Path) -> str | None:
    """Why a `.txt` entry of the articles folder cannot be read as an article, or None."""
    if p.is_symlink():
        try:
            target = p.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link to nothing (hint: the file it points to is gone; remove the link)"
        if not target.is_relative_to(seeds.resolve()):
            # a link out of the folder would publish any file the builder can read (/etc/passwd)
            return (f"a link to {target}, outside the articles folder (hint: copy the article into the folder "
                    "if it should be read)")
    if p.is_dir():
        return "a folder, not a file (hint: articles are .txt files directly in the folder)"
    if not p.is_file():
        return "not a regular file (a pipe, socket or device) (hint: articles are .txt files)"
    return None
