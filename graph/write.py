"""Write outputs atomically: a temporary file in the same folder, then a rename.

A build that fails half-way leaves every previous output as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.errors import OutputError


def check_out_dir(out: Path) -> Path:
    """The output folder, created if its parent exists; a clear error otherwise."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file", "choose a folder path")
    if not out.exists():
        if not out.parent.exists():
            raise OutputError(f"{out}: its parent folder {out.parent} does not exist", "create it first, or choose another --out")
        try:
            out.mkdir()
        except OSError as err:
            raise OutputError(f"{out}: cannot create the output folder: {err.strerror}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: the output folder is not writable", "choose another --out or fix its permissions")
    return out


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` in one step; the old file stays if anything fails."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write: {err.strerror}") from None
        raise


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write several outputs; each is atomic, and all are rendered before the first is replaced."""
    for path, data in files.items():
        write_atomic(path, data)
