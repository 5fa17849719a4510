"""Write outputs atomically: a temporary file in the same folder, then a rename.

A build that fails half-way leaves every previous output as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.errors import OutputError


def check_out_dir(out: Path, create: bool = True) -> Path:
    """The output folder, created if its parent exists; a clear error otherwise.

    With create=False it is only checked, so a build can fail early on a bad --out
    and still leave no empty folder behind when it fails later for another reason.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file", "choose a folder path")
    if not out.exists():
        if not out.parent.exists():
            raise OutputError(f"{out}: its parent folder {out.parent} does not exist", "create it first, or choose another --out")
        if not out.parent.is_dir():
            raise OutputError(f"{out}: its parent {out.parent} is a file, not a folder", "choose another --out")
        if not create:
            if not os.access(out.parent, os.W_OK | os.X_OK):
                raise OutputError(f"{out}: cannot create the output folder: {out.parent} is not writable",
                                  "choose another --out or fix its permissions")
            return out
        try:
            out.mkdir()
        except OSError as err:
            raise OutputError(f"{out}: cannot create the output folder: {err.strerror}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: the output folder is not writable", "choose another --out or fix its permissions")
    return out


def write_atomic(path: Path, data: str | bytes | list[str]) -> None:
    """Replace `path` with `data` in one step; the old file stays if anything fails.

    `data` may be a list of text pieces, written one after another, so a gigabyte
    output is never held twice (joined, then encoded) in memory.
    """
    write_all({Path(path): data})


def _write_temp(path: Path, data: str | bytes | list[str]) -> str:
    """`data` in a new temporary file beside `path`, flushed to disk; its name."""
    pieces = data if isinstance(data, list) else [data]
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            for piece in pieces:
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
    except BaseException as err:
        _unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write: {err.strerror}") from None
        raise
    return tmp


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def write_all(files: dict[Path, str | bytes | list[str]]) -> None:
    """Write several outputs as one: every file goes to a temporary beside it first, and
    only when all are on disk are they renamed into place. A failure (a full disk, an
    interrupt) leaves every old output as it was and no temporary behind."""
    written: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            written.append((_write_temp(path, data), path))
        while written:
            tmp, path = written[0]
            try:
                os.replace(tmp, path)
            except OSError as err:
                raise OutputError(f"{path}: cannot write: {err.strerror}") from None
            written.pop(0)
    finally:
        for tmp, _ in written:
            _unlink(tmp)
