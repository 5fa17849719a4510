"""The blocks of a graph.ttl, each with its digest: what lets a rebuild patch the previous store.

The canonical writer (graph/rdf/turtle.py) writes the prefix declarations, then one block
per subject holding every triple of that subject, blocks parted by one empty line. No
line inside a block is empty (strings and IRIs are written escaped, never across lines),
so the empty lines alone cut the file into its blocks without parsing it. A subject has
one block: the writer refuses one both written as a block and given other triples, and
the IRIs the build mints are IRI-safe, so no two subjects are written alike. Two builds of
graphs that differ in a few subjects differ in a few blocks: the triples to take out of
the previous store are those of its blocks that are gone, the triples to put in those of
the new blocks, and every other block, the same text, holds the same triples in both.

The manifest (`.store/blocks.bin`, stamped like the store's other files) names the file's
sha256, then gives each block in file order its length (without the empty line after it;
the offsets follow) and a 128-bit BLAKE2b digest of its bytes: about 24 bytes a subject,
5 MB for the 77 MB graph.ttl of 1,000 articles. The first block is the prefix declarations.
"""

from __future__ import annotations

import hashlib
import re
import struct
import sys
from array import array
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, islice
from operator import itemgetter, not_
from pathlib import Path

MAGIC = b"kg-news blocks 1\n"
DIGEST = 16  # bytes of BLAKE2b per block
_ONE_DIGEST = struct.Struct(f"{DIGEST}s")
CHUNK = 1 << 23  # bytes read at once: the file is never held whole
_PREFIX = re.compile(rb"@prefix ([A-Za-z][A-Za-z0-9_.\-]*|): <([^>]*)> \.")


def digest(block: bytes) -> bytes:
    return hashlib.blake2b(block, digest_size=DIGEST).digest()


@dataclass
class Manifest:
    """A file's blocks: `lengths[i]` bytes at offset sum(lengths[:i]) + 2·i, with digest `digests[16i:16i+16]`;
    `sha256`, the digest of the whole file (hex), names the file it describes."""

    sha256: str
    lengths: array
    digests: bytes

    def __len__(self) -> int:
        return len(self.lengths)

    def encode(self) -> bytes:
        lengths = array("Q", self.lengths)
        if sys.byteorder != "little":
            lengths.byteswap()
        return (MAGIC + bytes.fromhex(self.sha256) + struct.pack("<Q", len(lengths)) + lengths.tobytes()
                + self.digests)

    @classmethod
    def decode(cls, data: bytes) -> "Manifest":
        """The manifest `encode` wrote; ValueError when `data` is not one."""
        start = len(MAGIC) + 32 + 8
        if not data.startswith(MAGIC) or len(data) < start:
            raise ValueError("not a block manifest")
        sha256 = data[len(MAGIC):len(MAGIC) + 32].hex()
        (n,) = struct.unpack_from("<Q", data, start - 8)
        lengths = array("Q")
        if lengths.itemsize != 8 or len(data) != start + n * (8 + DIGEST):
            raise ValueError("a block manifest cut short or too long")
        lengths.frombytes(data[start:start + 8 * n])
        if sys.byteorder != "little":
            lengths.byteswap()
        return cls(sha256, lengths, data[start + 8 * n:])

    def digests_after_first(self):
        """The digest of each block but the first (the prefixes), in order, one by one (an iterator
        that runs in C: a Python loop over two million blocks costs seconds)."""
        return map(itemgetter(0), _ONE_DIGEST.iter_unpack(memoryview(self.digests)[DIGEST:]))

    def spans(self, wanted: list[int]) -> list[tuple[int, int, bytes]]:
        """(offset, length, digest) of the blocks numbered in `wanted`."""
        if not wanted:
            return []
        lengths, d = self.lengths, self.digests
        before = [0, *accumulate(islice(lengths, max(wanted)))]  # the bytes of the blocks before each
        return [(before[i] + 2 * i, lengths[i], d[i * DIGEST:(i + 1) * DIGEST]) for i in wanted]


def scan(path: Path) -> Manifest:
    """The manifest of the file at `path`, its sha256 with it, in one reading of the file."""
    whole = hashlib.sha256()
    lengths, digests = array("Q"), []
    blake2b = hashlib.blake2b
    carry = b""  # the block the last chunk ended inside
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            whole.update(chunk)
            parts = (carry + chunk).split(b"\n\n")
            carry = parts.pop()
            lengths.extend(map(len, parts))
            digests += [blake2b(part, digest_size=DIGEST).digest() for part in parts]
    if carry.endswith(b"\n"):  # the last block's own line end, which the others leave in the separator
        carry = carry[:-1]
    if carry:
        lengths.append(len(carry))
        digests.append(digest(carry))
    return Manifest(whole.hexdigest(), lengths, b"".join(digests))


def prefixes(header: bytes) -> dict[bytes, bytes] | None:
    """The prefix declarations of a first block, or None when it holds anything else (it is a block)."""
    lines = header.split(b"\n")
    found = [_PREFIX.fullmatch(line) for line in lines]
    if not all(found):
        return None
    return {m.group(1): m.group(2) for m in found}


@dataclass
class Difference:
    """Blocks of the old file gone from the new, and blocks of the new file not in the old: (offset, length, digest)."""

    gone: list[tuple[int, int, bytes]] = field(default_factory=list)
    new: list[tuple[int, int, bytes]] = field(default_factory=list)
    kept: int = 0

    def size(self) -> int:
        """Bytes of Turtle the patch parses."""
        return sum(n for _, n, _ in self.gone) + sum(n for _, n, _ in self.new)


def difference(old: Manifest, new: Manifest) -> Difference:
    """The blocks that differ between two manifests, the first ones (the prefixes) left out."""
    # one set of digests at a time, and every loop in C
    before = set(old.digests_after_first())
    added = list(compress(count(1), map(not_, map(before.__contains__, new.digests_after_first()))))
    del before
    after = set(new.digests_after_first())
    gone = list(compress(count(1), map(not_, map(after.__contains__, old.digests_after_first()))))
    del after
    return Difference(gone=old.spans(gone), new=new.spans(added), kept=len(new) - 1 - len(added))


def read_blocks(path: Path, blocks: list[tuple[int, int, bytes]]) -> list[bytes]:
    """The text of `blocks` of the file at `path`, each checked against its digest.

    Raises ValueError when a block is not the one the manifest names (the file changed)."""
    out = []
    with open(path, "rb") as f:
        for offset, length, want in sorted(blocks):
            f.seek(offset)
            text = f.read(length)
            if len(text) != length or digest(text) != want:
                raise ValueError(f"{path} does not hold the block the manifest names at byte {offset}")
            out.append(text)
    return out
