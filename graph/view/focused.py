"""The focused page of one node, made on request: what `kg serve` answers at /view/NAME?depth=N.

The same bytes as `kg view NAME --depth N` writes. The story subgraph is kept between
requests and read again only when the file changes (its size or modification time); each
page asks the store for the provenance of its own nodes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from graph.errors import KgError

_lock = threading.Lock()
_cached: dict = {}  # "key" -> (path, size, mtime_ns), "story" -> Story


def _story(graph_path: Path):
    from graph.analyse.network import Story
    from graph.sparql.store import Store

    st = graph_path.stat() if graph_path.is_file() else None
    key = (str(graph_path), st.st_size, st.st_mtime_ns) if st else None
    with _lock:
        if key is None or _cached.get("key") != key:
            # the build's store when fresh, else graph.ttl loaded; a missing or bad file: its KgError
            _cached["story"] = Story.for_reading(Store.open(graph_path))
            _cached["key"] = key
        return _cached["story"]


def focused_page(graph_path: Path, name: str, depth: int) -> str:
    """The HTML view of NAME's neighbourhood, `depth` (1-3) links deep, opened on NAME.

    Raises KgError for a depth out of range or a name that matches no node (with the close ones).
    """
    from graph.analyse.network import focused_html, resolve_name

    if depth not in (1, 2, 3):
        raise KgError(f"depth must be 1, 2 or 3, not {depth}", "pass ?depth=1, 2 or 3")
    story = _story(Path(graph_path))
    return focused_html(story, resolve_name(story, name), depth)
