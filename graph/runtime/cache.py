"""The build cache: each article's extraction, keyed by its content and the rules.

Extraction is a pure function of an article's bytes, its id and the rules, so its
result can be kept and reused until one of those changes. An entry lives at
`DIR/<rules digest>/<sha256 of id and bytes>.json`; a change to any rule file
changes the digest and so starts a fresh folder (old folders are pruned). Only
articles without an entry are extracted; the merge and the writing always run
over every article, so the output is the same as a clean build's.

Entries are data, never code: JSON of the frozen records of graph/records.py,
decoded only into those classes. Each is checked before use: its key and the
article's content hash must be the ones asked for, a checksum must cover its
records, and every evidence span must slice the article's text to its words. An
entry that fails any check (a flipped byte, an edited name, two entries swapped)
is extracted afresh, and the build says so in one line.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from graph import records
from graph.errors import CorruptEntry
from graph.records import Extraction, Span
from graph.resources import package_dir

FORMAT = "3"  # bump when the records change shape, so old entries are never read


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int
    rejected: tuple[str, ...] = ()  # one line for each entry that failed its checks


# The record classes an entry may hold, by name: decoding builds nothing else.
RECORD_CLASSES = {cls.__name__: cls for cls in (
    records.Span, records.Ref, records.Mention, records.Relation, records.DateValue, records.Role,
    records.EventRecord, records.QuoteRecord, records.ArticleMeta, records.Extraction)}


def encode(value):
    """A record as JSON data: a dataclass as [class name, field values...], a tuple as a list."""
    if dataclasses.is_dataclass(value):
        return [type(value).__name__, *(encode(getattr(value, f.name)) for f in dataclasses.fields(value))]
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if value is None or isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in the cache")


# each record class's number of fields, looked up once: decoding meets millions of records
_FIELD_COUNTS = {name: len(dataclasses.fields(cls)) for name, cls in RECORD_CLASSES.items()}


def decode(data, spans: list | None = None):
    """The inverse of `encode`, refusing anything but the record classes and plain values.

    spans: a list that gets every evidence span decoded, for the caller to check against the
    article (found here rather than by a second walk over the records).
    """
    kind = type(data)
    if kind is str or kind is int or data is None:  # not bool: JSON's true is no field's value
        return data
    if kind is list:
        name = data[0] if data else None
        cls = RECORD_CLASSES.get(name) if type(name) is str else None
        if cls is None:
            raise CorruptEntry(f"an unknown record {data[:1]!r}")
        if len(data) - 1 != _FIELD_COUNTS[name]:
            raise CorruptEntry(f"a {name} with {len(data) - 1} fields, expected {_FIELD_COUNTS[name]}")
        record = cls(*[decode(v, spans) for v in data[1:]])
        if spans is not None and cls is Span:
            spans.append(record)
        return record
    if kind is dict:
        items = data.get("t")
        if len(data) != 1 or type(items) is not list:
            raise CorruptEntry("a tuple that is not one")
        return tuple([decode(v, spans) for v in items])
    raise CorruptEntry(f"a value of type {kind.__name__}")


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_key(article_id: str, raw: bytes) -> str:
    h = hashlib.sha256()
    h.update(article_id.encode("utf-8") + b"\0")
    h.update(raw)
    return h.hexdigest()


@functools.cache  # the code does not change while it runs; both caches' keys ask for it
def code_digest() -> str:
    """A digest of every module of the package.

    The code of extraction is part of the key: a change to it changes what an article
    yields. Every module is hashed, not a list of the ones that extract today, so moving
    code between modules can never leave a stale entry readable; the price is that an
    edit to any module starts a fresh cache.
    """
    h = hashlib.sha256()
    package = package_dir()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class ExtractionCache:
    """Extractions on disk under `root`, for one set of rules and one version of the extraction code."""

    def __init__(self, root: Path, rules_digest: str):
        self.root = Path(root)
        key = hashlib.sha256(f"{FORMAT}\0{rules_digest}\0{code_digest()}".encode()).hexdigest()
        self.folder = self.root / f"v{FORMAT}-{key[:24]}"
        self.hits = 0
        self.misses = 0
        self.rejected: list[str] = []

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str, raw: bytes, text: str) -> Extraction | None:
        """The cached extraction for `key`, checked against the article's bytes and text; None if
        absent or if the entry fails a check (the reason is kept for the build's report)."""
        entry = self._path(key)
        try:
            data = entry.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            x = self._verify(data, key, raw, text)
        except CorruptEntry as err:
            self.misses += 1
            self.rejected.append(f"{path}: its cache entry {entry.name} {err}; extracted afresh")
            return None
        self.hits += 1
        if x.article.path != path:
            x = dataclasses.replace(x, article=dataclasses.replace(x.article, path=path))
        return x

    @staticmethod
    def _verify(data: bytes, key: str, raw: bytes, text: str) -> Extraction:
        try:
            entry = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise CorruptEntry("is not JSON text") from None
        if not isinstance(entry, dict) or set(entry) != {"format", "key", "sha256", "checksum", "records"}:
            raise CorruptEntry("is not an entry of this cache")
        if entry["format"] != FORMAT or entry["key"] != key:
            raise CorruptEntry("belongs to another article or version")
        if entry["sha256"] != hashlib.sha256(raw).hexdigest():
            raise CorruptEntry("was made from other bytes")
        if not isinstance(entry["records"], str) or entry["checksum"] != _checksum(entry["records"]):
            raise CorruptEntry("does not match its checksum")
        spans: list[Span] = []
        try:
            x = decode(json.loads(entry["records"]), spans)
        except (ValueError, TypeError, RecursionError) as err:
            raise CorruptEntry(f"holds {err}") from None
        if not isinstance(x, Extraction) or x.article.sha256 != entry["sha256"]:
            raise CorruptEntry("does not hold this article's extraction")
        for span in spans:
            if not (isinstance(span.start, int) and isinstance(span.end, int) and text[span.start:span.end] == span.exact):
                raise CorruptEntry(f"has evidence {span.exact!r} at {span.start}-{span.end} that the article does not hold")
        return x

    def put(self, key: str, extraction: Extraction) -> None:
        """Store an extraction; written atomically, and a failure to write only costs the next build time."""
        target = self._path(key)
        records_json = json.dumps(encode(extraction), ensure_ascii=False, separators=(",", ":"))
        entry = json.dumps({"format": FORMAT, "key": key, "sha256": extraction.article.sha256,
                            "checksum": _checksum(records_json), "records": records_json},
                           ensure_ascii=False, separators=(",", ":"))
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(entry)
            os.replace(tmp, target)
        except OSError:
            # a full or read-only disk: no partial file is left behind
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def prune(self) -> None:
        """Remove the folders of other rule versions: their entries can never be read again."""
        if not self.root.is_dir():
            return
        for child in sorted(self.root.iterdir()):
            if child.is_dir() and child.name.startswith("v") and child != self.folder:
                shutil.rmtree(child, ignore_errors=True)

    def stats(self) -> CacheStats:
        return CacheStats(self.hits, self.misses, tuple(self.rejected))


def default_cache_dir(out: Path) -> Path:
    """`.kg-cache/` beside the output folder, never inside it: that folder holds only what is published."""
    return Path(out).resolve().parent / ".kg-cache"
