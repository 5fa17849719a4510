"""Write outputs atomically: a build's files appear together, or not at all.

`publish` writes a build's outputs into a staging folder beside `--out` and then
swaps the two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`), so a
reader, or a build killed at any moment, never sees a new graph.ttl beside an old
graph.html. Where the exchange is not available the files are renamed one by one.
A build that fails half-way leaves every previous output as it was, no empty
`--out` folder, and no temporary file a later build would not remove.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from graph.errors import OutputError


def check_out_dir(out: Path) -> Path:
    """The output folder, checked before any work: a clear error now rather than after the build.

    It is not created here: `publish` makes it when the outputs are written, so a build that
    fails later leaves no empty folder behind.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file", "choose a folder path")
    if not out.exists():
        if not out.parent.exists():
            raise OutputError(f"{out}: its parent folder {out.parent} does not exist", "create it first, or choose another --out")
        if not out.parent.is_dir():
            raise OutputError(f"{out}: its parent {out.parent} is a file, not a folder", "choose another --out")
        if not os.access(out.parent, os.W_OK | os.X_OK):
            raise OutputError(f"{out}: cannot create the output folder: {out.parent} is not writable",
                              "choose another --out or fix its permissions")
        return out
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: the output folder is not writable", "choose another --out or fix its permissions")
    return out


def write_atomic(path: Path, data: str | bytes | list[str]) -> None:
    """Replace `path` with `data` in one step; the old file stays if anything fails.

    `data` may be a list of text pieces, written one after another, so a gigabyte
    output is never held twice (joined, then encoded) in memory.
    """
    write_all({Path(path): data})


def _write_temp(path: Path, data: str | bytes | list[str], shown: Path | None = None) -> str:
    """`data` in a new temporary file beside `path`, flushed to disk; its name. Errors name
    `shown` (where the file is published) rather than the staging folder."""
    shown = shown or path
    pieces = data if isinstance(data, list) else [data]
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write: {err.strerror}") from None
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
            raise OutputError(f"{shown}: cannot write: {err.strerror}") from None
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


_STAGING = ".{name}.new-"  # a staging folder beside --out, named after it


def publish(out: Path, files: dict[str, str | bytes | list[str]],
            derived: dict[str, Callable[[Path], None]] | None = None) -> list[Path]:
    """Write `files` (name -> data) into the folder `out` as one change; their paths.

    `derived` (name -> make) are folders made from the files once they are written: make(folder)
    builds the folder (the query store, from graph.ttl) inside the staging folder, so it is
    published in the same step as the files it was made from. Other files in `out` are kept. Staging folders and temporaries left by a build that
    was killed are removed first, under a lock so two builds never clear each other's.
    """
    out = Path(out)
    target = out.resolve() if out.is_symlink() else out
    parent = target.parent
    with _locked(parent):
        _clear_leftovers(target)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING.format(name=target.name), dir=parent))
        try:
            if target.is_dir():
                _link_tree(target, staging, skip=set(files) | set(derived or ()))
            os.chmod(staging, 0o755)
            for name, data in files.items():
                os.replace(_write_temp(staging / name, data, shown=out / name), staging / name)
            for name, make in (derived or {}).items():
                make(staging / name)
            _fsync_dir(staging)
            if not target.exists():
                os.rename(staging, target)  # a new folder appears whole
            elif not _exchange(staging, target):
                write_all({target / name: data for name, data in files.items()})
                for name in derived or ():  # the old folder goes first: never beside files it was not made from
                    shutil.rmtree(target / name, ignore_errors=True)
                    os.rename(staging / name, target / name)
            _fsync_dir(parent)
        except OSError as err:
            raise OutputError(f"{target}: cannot write: {err.strerror}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # after an exchange, the old outputs
    return [out / name for name in files]


def _link_tree(src: Path, dst: Path, skip: set[str]) -> None:
    """Hard links of every file of `src` in `dst` (folders made, links kept as links)."""
    for entry in sorted(src.iterdir()):
        if entry.name in skip:
            continue
        to = dst / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), to)
        elif entry.is_dir():
            to.mkdir()
            shutil.copystat(entry, to)
            _link_tree(entry, to, set())
        else:
            try:
                os.link(entry, to)
            except OSError:
                shutil.copy2(entry, to)


def _clear_leftovers(target: Path) -> None:
    for stale in target.parent.glob(_STAGING.format(name=target.name) + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    if target.is_dir():
        for tmp in target.glob(".*.tmp"):
            _unlink(str(tmp))


class _locked:
    """An exclusive lock on the folder that holds --out (flock on the folder itself, so no lock
    file is left anywhere), held while the outputs are published."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        try:
            self.fd = os.open(self.folder, os.O_RDONLY)
        except OSError as err:
            raise OutputError(f"{self.folder}: cannot open the folder that holds the output: {err.strerror}") from None
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then nothing changed)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: not on this system or file system
        return False
    raise OSError(errno, os.strerror(errno))
