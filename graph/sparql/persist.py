"""The query store a build leaves beside graph.ttl: the graph in an on-disk Oxigraph database.

Reading graph.ttl costs seconds to minutes on a large graph; opening this store costs
milliseconds. `kg build` writes it into its staging folder from the Turtle it has just
written, so it is published with graph.ttl in the same step (graph/write.py) and a killed
build never leaves a store beside a graph it does not hold. Layout, beside graph.ttl:

    .store/db/          the Oxigraph (RocksDB) database, opened read-only by readers
    .store/story.json   the story index kg stats, path and view read (graph/analyse/index.py)
    .store/evidence.jsonl  the words of each link of the index, a line each, kg path reads
    .store/stats.json   kg stats's answer, worked out by the build from the index
    .store/stamp.json   what the database was loaded from: the sha256 of graph.ttl and what
                        identifies the file on disk, the name and size of each database
                        file, and the sha256 of each file beside the database

A read command uses the store only when it is fresh: the stamp names the graph.ttl beside
it (the very file the build wrote: same inode, size and change time; else its sha256 is
recomputed, about 0.3 s per 100 MB), and the database files are the ones stamped. Otherwise it says why in one line and reads graph.ttl instead, so an edited graph,
an interrupted copy or a damaged store gives the right answer, only slower. The folder is
hidden and never committed (.gitignore): it is derived, about 2.7 times the size of the Turtle.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.sparql import blocks

STORE = ".store"  # the folder beside graph.ttl
DB = "db"
STAMP = "stamp.json"
FORMAT = 1  # of the stamp; a store of another format is rebuilt, not read
# Triples per bulk write. One bulk_load of the whole file holds ~1 KB per triple of a million-triple
# batch per thread (1.3 GB for a 1.5 M-triple graph on 2 cores); batches of this size keep the
# loader under ~0.4 GB whatever the graph's size, for the same time (measured, 1,000 articles).
BATCH = 250_000
BLOCKS = "blocks.bin"  # the block manifest of the graph the store holds (graph/sparql/blocks.py)
# A patch that would parse more than this share of the Turtle loads the graph whole instead: it
# costs about as much then, and a clean load leaves a compact database.
PATCH_SHARE = 0.25


def store_dir(graph: Path) -> Path:
    """The store folder of the graph file `graph`: `.store` in the same folder."""
    return Path(graph).parent / STORE


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _db_files(db: Path) -> dict[str, int]:
    """The database's files and their sizes (LOCK and the engine's own LOG files left out: they change)."""
    return {e.name: e.stat().st_size for e in sorted(db.iterdir(), key=lambda e: e.name)
            if e.is_file() and e.name != "LOCK" and not e.name.startswith("LOG")}


@dataclass(frozen=True)
class Written:
    """How write_store made the store: patched from the previous build's, or loaded whole.

    `line` says which, for the build's summary; `notice` says why a previous store that was
    there could not be patched (stale, damaged, another graph's), in one line, else None.
    """

    line: str
    notice: str | None = None


class _NotPatched(Exception):
    """The previous build's store cannot be patched: the message says why."""


def write_store(folder: Path, graph_file: Path, extras: dict[str, bytes] | None = None,
                previous: Path | None = None) -> Written:
    """Make the store of `graph_file` (Turtle) at `folder`, then stamp it.

    previous: the graph.ttl of the previous build. When its store is fresh and holds the block
    manifest of that file, the new store is a copy of it (hard links of its immutable files)
    patched with the blocks that differ (graph/sparql/blocks.py): the same quads as a clean
    load, without reading the whole graph again. Otherwise, or when more than PATCH_SHARE of
    the Turtle differs, the graph is loaded whole.

    `extras` (name -> bytes) are files written beside the database, each stamped with its
    sha256 (the story index, graph/analyse/index.py): read_extra returns one only while it
    is what the build wrote. The block manifest is one of them. The stamp is written last:
    a folder without one is never read as a store.
    """
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    manifest = blocks.scan(graph_file)  # the file's sha256 and its blocks, in one reading
    written = Written("loaded whole")
    # nothing to patch, nothing to say when there was no build, or its store was deleted
    if previous is not None and Path(previous).is_file() and store_dir(Path(previous)).exists():
        try:
            written = _patch(folder / DB, Path(graph_file), manifest, Path(previous))
        except _NotPatched as why:
            shutil.rmtree(folder / DB, ignore_errors=True)
            written = Written("loaded whole", notice=f"{why}; the graph was loaded whole")
    if not (folder / DB).exists():  # not patched
        _load(folder / DB, graph_file)
    # pyoxigraph closes the database when the object goes, before its files are listed; nothing
    # else holds it, so dropping the one reference (inside _load and _patch) is enough (a full
    # gc.collect() here cost a tenth of a second in a process holding many objects, on every build)
    extras = dict(sorted({**(extras or {}), BLOCKS: manifest.encode()}.items()))
    for name, data in extras.items():
        with open(folder / name, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    stamp = {"format": FORMAT, "graph": Path(graph_file).name, "sha256": manifest.sha256,
             "identity": _identity(graph_file), "pyoxigraph": ox.__version__, "files": _db_files(folder / DB),
             "extras": {name: hashlib.sha256(data).hexdigest() for name, data in extras.items()}}
    tmp = folder / f".{STAMP}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(stamp, f, indent=1, sort_keys=True)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, folder / STAMP)
    return written


def _load(db: Path, graph_file: Path) -> None:
    """The whole of `graph_file` into a new database at `db`."""
    store = ox.Store(str(db))
    quads = ox.parse(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    while batch := list(itertools.islice(quads, BATCH)):
        store.bulk_extend(batch)
    store.optimize()  # merges the batches' files: a lookup then reads one file per index, not one per batch
    store.flush()
    del store


def _patch(db: Path, graph_file: Path, manifest: blocks.Manifest, previous: Path) -> Written:
    """The previous build's store copied to `db` and patched to hold `graph_file`; raises _NotPatched.

    Returns a Written saying "loaded whole" (no database made) when so much changed that a
    clean load costs no more and leaves a compact database.
    """
    old_store, why = open_fresh(previous)
    if old_store is None:
        raise _NotPatched(why)
    folder = store_dir(previous)
    try:
        data = read_extra(previous, BLOCKS)
        if data is None:
            raise _NotPatched(f"{folder} has no {BLOCKS} as the build wrote it")
        try:
            old = blocks.Manifest.decode(data)
        except ValueError as err:
            raise _NotPatched(f"{folder}/{BLOCKS} is {err}") from None
        stamp = _read_stamp(folder) or {}
        if old.sha256 != stamp.get("sha256"):
            raise _NotPatched(f"{folder}/{BLOCKS} describes another graph than {previous}")
        if stamp.get("pyoxigraph") != ox.__version__:  # its database may be in another layout
            raise _NotPatched(f"{folder} was written with pyoxigraph {stamp.get('pyoxigraph')}, "
                              f"and this is {ox.__version__}")
        if not len(old) or not len(manifest):
            raise _NotPatched(f"{folder} or the new graph has no blocks")
        diff = blocks.difference(old, manifest)
        if diff.size() > PATCH_SHARE * sum(manifest.lengths):
            return Written(f"loaded whole ({len(diff.gone):,} blocks gone, {len(diff.new):,} new: "
                           f"over {PATCH_SHARE:.0%} of the graph)")
        try:
            old_head, = blocks.read_blocks(previous, old.spans([0]))
            new_head, = blocks.read_blocks(graph_file, manifest.spans([0]))
            gone = blocks.read_blocks(previous, diff.gone)
            new = blocks.read_blocks(graph_file, diff.new)
        except (OSError, ValueError) as err:
            raise _NotPatched(f"{folder}: {err}") from None
        old_prefixes, new_prefixes = blocks.prefixes(old_head), blocks.prefixes(new_head)
        if old_prefixes is None or new_prefixes is None:
            raise _NotPatched(f"{folder}: a graph does not open with its prefixes")
        if any(new_prefixes[p] != ns for p, ns in old_prefixes.items() if p in new_prefixes):
            raise _NotPatched(f"{folder}: a prefix names another namespace than before")
        try:
            out, into = _quads(old_head, gone), _quads(new_head, new)
        except SyntaxError as err:
            raise _NotPatched(f"{folder}: a block is not Turtle on its own: {_first_line(err)}") from None
        del gone, new
        try:
            old_store.backup(str(db))  # a checkpoint: hard links of the immutable table files
        except OSError as err:
            raise _NotPatched(f"{folder} cannot be copied: {_first_line(err)}") from None
    finally:
        del old_store
    try:
        store = ox.Store(str(db))
        # every triple of a subject is in its one block: out with the old blocks' triples, then in
        # with the new blocks' (a triple of a changed subject that stays goes out and back)
        for quad in out:
            store.remove(quad)
        store.extend(into)
        store.flush()
        del store
    except OSError as err:
        raise _NotPatched(f"{folder} could not be patched: {_first_line(err)}") from None
    return Written(f"patched: {len(diff.gone):,} blocks gone, {len(diff.new):,} new, {diff.kept:,} kept")


def _quads(head: bytes, texts: list[bytes]) -> list:
    """The quads of some blocks, parsed with the prefix declarations `head`."""
    if not texts:
        return []
    return list(ox.parse(input=head + b"\n\n" + b"\n\n".join(texts) + b"\n", format=ox.RdfFormat.TURTLE))


def _read_stamp(folder: Path) -> dict | None:
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def open_fresh(graph: Path) -> tuple[ox.Store | None, str]:
    """(the store, "fresh") when the store beside `graph` holds exactly that file; else (None, why not).

    The stamp is read before and after the database is opened: a build publishing between
    the two shows as a changed stamp, never as a database of one graph with the stamp of another.
    """
    graph = Path(graph)
    folder = store_dir(graph)
    if not folder.is_dir():
        return None, f"{folder} is missing"
    before = _read_stamp(folder)
    if before is None or before.get("format") != FORMAT:
        return None, f"{folder} has no readable stamp.json"
    if before.get("graph") != graph.name:
        return None, f"{folder} holds {before.get('graph')}, not {graph.name}"
    try:
        if _db_files(folder / DB) != before.get("files"):
            return None, f"{folder} is damaged: its files are not those the build wrote"
        # the file the build wrote, untouched since (same inode, size, and change time, which no
        # write or touch leaves as it was), needs no digest: hashing 800 MB costs seconds
        if _identity(graph) != before.get("identity") and sha256_of(graph) != before.get("sha256"):
            return None, f"{folder} is stale: {graph} changed since the build"
    except OSError as err:
        return None, f"{folder} cannot be read: {err.strerror}"
    try:
        store = ox.Store.read_only(str(folder / DB))
    except (OSError, ValueError, RuntimeError) as err:  # pyoxigraph reports a damaged database as OSError
        return None, f"{folder} cannot be opened: {_first_line(err)}"
    if _read_stamp(folder) != before:
        return None, f"{folder} changed while it was opened (a build finished)"
    return store, "fresh"


def _identity(path: Path) -> list[int]:
    """What tells a file from any rewrite of it without reading it: inode, size, change time."""
    st = os.stat(path)
    return [st.st_dev, st.st_ino, st.st_size, st.st_ctime_ns, st.st_mtime_ns]


def read_extra(graph: Path, name: str) -> bytes | None:
    """The file `name` the build stamped into the store beside `graph`, or None when it is missing,
    unstamped, or not what the build wrote (edited, truncated, swapped). Call it after open_fresh
    found the store fresh."""
    folder = store_dir(Path(graph))
    extras = (_read_stamp(folder) or {}).get("extras")
    want = extras.get(name) if isinstance(extras, dict) else None
    if not isinstance(want, str):
        return None
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == want else None


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    line = text[0] if text else type(err).__name__
    return line if len(line) <= 160 else line[:159] + "…"
