"""Python's cycle collector paused while the pipeline makes its millions of records and terms."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """The cycle collector off for the block, then back as it was.

    Records, terms and triples hold no reference cycles, yet every few hundred allocations
    the collector walks the young objects and, ever more often as the heap grows, all of
    them: on a 1,000-article build that was a third of the merge, provenance and view time,
    and it makes the time grow faster than the graph. Reentrant: an inner pause leaves the
    collector off for the outer one.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
