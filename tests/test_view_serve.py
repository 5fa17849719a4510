"""`kg serve` answers GET /view/NAME?depth=N with the page `kg view NAME --depth N` writes."""

from __future__ import annotations

import urllib.parse

import pytest

from conftest import run_kg
from test_serve import Server, request

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def graph_copy(seed_build):
    """The seed build's graph, read only: every page is written to the test's own folder."""
    return seed_build / "graph.ttl"


@pytest.fixture(scope="module")
def server(graph_copy):
    srv = Server(graph_copy, "--workers", 1, "--spares", 0)
    yield srv
    code = srv.stop()
    errors = srv.proc.stderr.read().decode("utf-8", "replace")
    assert (code, errors) == (0, ""), f"kg serve exited {code}; it printed:\n{errors[-3000:]}"


def test_the_focused_view_route_gives_the_page_kg_view_writes(server, graph_copy, tmp_path):
    result = run_kg("view", "Chrissy Teigen", "--depth", "2", "--no-open", "--graph", graph_copy, "-o", tmp_path / "c.html")
    assert result.returncode == 0, result.stderr
    status, headers, body = request(server, "GET", "/view/" + urllib.parse.quote("Chrissy Teigen") + "?depth=2")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (tmp_path / "c.html").read_bytes()
    status, _, body = request(server, "GET", "/view/jack")  # any case; depth 1 by default
    assert status == 200 and b'"depth":1' in body and b'"focus":"https://w3id.org/kg-news/id/person/jack"' in body


def test_the_focused_view_route_refuses_unknown_names_and_depths(server):
    status, _, body = request(server, "GET", "/view/Jak")
    assert status == 404 and b"no node is named 'Jak'" in body and b"Jack" in body
    status, _, body = request(server, "GET", "/view/Jack?depth=7")
    assert status == 400 and b"depth must be 1, 2 or 3" in body
    status, _, body = request(server, "GET", "/nothing")
    assert status == 404 and b"/view/NAME" in body
