"""The build cache: each article's extraction, keyed by its content and the rules.

Extraction is a pure function of an article's bytes, its id and the rules, so its
result can be kept and reused until one of those changes. An entry lives at
`DIR/<rules digest>/<sha256 of id and bytes>.pickle`; a change to any rule file
changes the digest and so starts a fresh folder (old folders are pruned). Only
articles without an entry are extracted; the merge and the writing always run
over every article, so the output is the same as a clean build's.

Entries are pickles of the frozen records of graph/records.py written by this
project into a folder it owns; a damaged entry is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from graph.records import Extraction
from graph.resources import package_dir

FORMAT = "1"  # bump when the records change shape, so old entries are never read


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int


def article_key(article_id: str, raw: bytes) -> str:
    h = hashlib.sha256()
    h.update(article_id.encode("utf-8") + b"\0")
    h.update(raw)
    return h.hexdigest()


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

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, path: str) -> Extraction | None:
        """The cached extraction for `key`, its path set to where the article is now; None if absent."""
        try:
            with open(self._path(key), "rb") as f:
                x = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        if not isinstance(x, Extraction):
            self.misses += 1
            return None
        self.hits += 1
        if x.article.path != path:
            x = dataclasses.replace(x, article=dataclasses.replace(x.article, path=path))
        return x

    def put(self, key: str, extraction: Extraction) -> None:
        """Store an extraction; written atomically, and a failure to write only costs the next build time."""
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(extraction, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
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
        return CacheStats(self.hits, self.misses)


def default_cache_dir(out: Path) -> Path:
    """`.kg-cache/` beside the output folder, never inside it: that folder holds only what is published."""
    return Path(out).resolve().parent / ".kg-cache"
