"""Compiled patterns kept on disk, so that a process does not parse its rules' regexes again.

The `regex` module compiles in two halves: Python parses and optimises a pattern into a list of
opcodes with a few tables beside it, and its C engine builds the matcher from those. For the
shipped rules the Python half is about 8 s of every process that matches text, the C half
0.2 s. What the C half is given is plain data (strings, integers, lists, dicts), so it is kept:
one file beside the checked rule sets (see `rules_cache_dir`) for each version of Python and of
`regex`, read once per process, each pattern in it built by the engine directly.

The file is data, never code: a checksum covers it whole and is checked before anything in it
is read; an entry is unpacked only when a pattern with that very source is asked for, only if
every value has the type the engine expects and the source it was made from is that source.
The engine trusts the opcodes it is given, so the file is trusted as the package is: written
by this user alone (mode 0600), and not read if anyone else owns it or may write it.
Any failure compiles the pattern afresh, as does a `regex` whose internals differ from the
ones this module knows (`_regex.compile` called from `regex._main`), so the cache can cost time
but never change what a pattern matches.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import threading
import zlib

import regex

FORMAT = "1"  # bump when the entries change shape
MAX_ENTRIES = 4096  # above this, a save keeps only the patterns this process used
_MAGIC = b"kg-news compiled patterns\n"

try:  # the engine's entry point, as `regex._main` calls it; absent in another layout of `regex`
    from regex import _main as _regex_main

    _ENGINE = _regex_main._regex
    _ENGINE.compile  # noqa: B018 (an AttributeError here turns the store off)
except (ImportError, AttributeError):
    _regex_main = _ENGINE = None

# the types of the engine's arguments, in order: pattern, flags, code, group index, index group,
# named lists, named list indexes, required offset, required characters, required flags, groups
_ARG_TYPES = (str, int, list, dict, dict, dict, list, int, tuple, int, int)


class _Capture:
    """Stands in for the engine while one pattern compiles, keeping what the engine was given."""

    def __init__(self):
        self.args = None

    def __getattr__(self, name):
        return getattr(_ENGINE, name)

    def compile(self, *args):
        self.args = args
        return _ENGINE.compile(*args)


class _Store:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: dict[str, bytes] | None = None  # source digest -> zlib(marshal(engine args))
        self.used: set[str] = set()
        self.dirty = False
        self.saving = False

    def file(self):
        from graph.rules.ruleset import rules_cache_dir

        folder = rules_cache_dir()
        if folder is None or _ENGINE is None:
            return None
        tag = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{regex.__version__}".encode()).hexdigest()[:16]
        return folder / f"patterns-{tag}.bin"

    def load(self) -> dict[str, bytes]:
        if self.entries is None:
            self.entries = _read(self.file())
        return self.entries

    def pattern(self, source: str):
        key = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        with self.lock:
            packed = self.load().get(key)
            self.used.add(key)
        if packed is not None:
            built = _build(packed, source)
            if built is not None:
                return built
        if _ENGINE is None:
            return regex.compile(source)
        with self.lock:  # the engine is swapped for the capture while this one pattern compiles
            capture = _Capture()
            _regex_main._regex = capture
            try:
                compiled = regex.compile(source, cache_pattern=False)
            finally:
                _regex_main._regex = _ENGINE
            args = capture.args
            if args is not None and args[0] == source:
                self.entries[key] = zlib.compress(marshal.dumps((args[0], int(args[1]), *args[2:])))
                self.dirty = True
                if not self.saving:
                    self.saving = True
                    atexit.register(save)
        return compiled

    def save(self) -> None:
        with self.lock:
            if not self.dirty:
                return
            path = self.file()
            if path is None:
                return
            keep = self.entries if len(self.entries) <= MAX_ENTRIES else \
                {k: v for k, v in self.entries.items() if k in self.used}
            _write(path, keep)
            self.dirty = False


def _read(path) -> dict[str, bytes]:
    """The store's entries; {} when absent, unreadable, or not exactly as this module wrote it."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            mode = os.fstat(f.fileno())
            if mode.st_uid != os.getuid() or mode.st_mode & 0o022:
                return {}  # a file others can write is not read (as ssh treats its keys)
            data = f.read()
    except OSError:
        return {}
    head = len(_MAGIC) + 64
    if len(data) < head or not data.startswith(_MAGIC) or \
            data[len(_MAGIC):head] != hashlib.sha256(data[head:]).hexdigest().encode():
        return {}
    try:
        entries = marshal.loads(data[head:])
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(entries, dict) or not all(isinstance(k, str) and isinstance(v, bytes) for k, v in entries.items()):
        return {}
    return entries


def _write(path, entries: dict[str, bytes]) -> None:
    """The whole store, written atomically; a failure to write only costs a later process the compiling."""
    body = marshal.dumps(dict(sorted(entries.items())))
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + hashlib.sha256(body).hexdigest().encode() + body)
        os.replace(tmp, path)
        tmp = None
        for other in path.parent.glob("patterns-*.bin"):  # another version's: never read again
            if other != path:
                other.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _build(packed: bytes, source: str):
    """The engine's pattern from a kept entry, or None if the entry is not one for `source`."""
    try:
        args = marshal.loads(zlib.decompress(packed))
    except (zlib.error, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(args, tuple) and len(args) == len(_ARG_TYPES)
            and all(type(a) is t for a, t in zip(args, _ARG_TYPES)) and args[0] == source):
        return None
    try:
        return _ENGINE.compile(*args)
    except Exception:  # the engine refused the entry (it checks its code): compile afresh
        return None


_STORE = _Store()


@functools.lru_cache(maxsize=4096)
def compile_pattern(source: str):
    """`source` compiled, once per process, from the store where it holds it. The regex module's
    own cache holds 500 patterns of every caller and drops them all when full, and a rule set
    is several hundred, so a second build in one process compiled them again."""
    return _STORE.pattern(source)


def save() -> None:
    """Keep the patterns compiled since the store was read. Runs at the exit of a process that
    compiled any; a process that ends without running exit handlers (a pool worker) calls it."""
    _STORE.save()
