"""Above OVERVIEW_THRESHOLD nodes the whole-corpus page is an overview: the largest stories
(networkx components of people and events) and a search index of every name, each pointing
to its focused page. The threshold is lowered here so that the seed graph is "large"."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

import graph.view.data as view_data
from test_browser import IMG, Page, browser  # noqa: F401  (browser: a fixture)
from test_view import page_data


@pytest.fixture
def overview_html(seed_build, monkeypatch) -> str:
    monkeypatch.setattr(view_data, "OVERVIEW_THRESHOLD", 20)
    triples = list(Graph().parse(seed_build / "graph.ttl"))
    return view_data.render_html(triples, title="Seeds")


def test_a_large_graph_gives_an_overview_of_its_largest_stories(overview_html, seed_build, monkeypatch):
    data = page_data(overview_html)
    assert data["threshold"] == 20
    o = data["overview"]
    names = [n[0] for n in o["names"]]
    assert "Jack" in names and "Chrissy Teigen" in names
    assert not any(n[1] == 2 for n in o["names"])  # quotations are words, not names
    sizes = [sum(s["counts"][:2]) for s in o["stories"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > 10
    biggest = [names[i] for i in o["stories"][0]["names"]]
    assert biggest[0] == "Chrissy Teigen"  # the best-connected person names the story
    assert "vis.Network" not in overview_html and "kg-data" in overview_html
    monkeypatch.setattr(view_data, "OVERVIEW_THRESHOLD", 20)
    again = view_data.render_html(list(Graph().parse(seed_build / "graph.ttl")), title="Seeds")
    assert again == overview_html  # deterministic
    # a focused page stays a full page whatever the threshold
    from graph.analyse.network import Story, focused_html, resolve_name

    story = Story(Graph().parse(seed_build / "graph.ttl"))
    assert "vis.Network" in focused_html(story, resolve_name(story, "Jack"), 1)


def test_the_overview_in_a_browser_finds_any_name_and_points_to_its_page(browser, overview_html, tmp_path):  # noqa: F811
    (tmp_path / "graph.html").write_text(overview_html, encoding="utf-8")
    page = Page(browser, tmp_path / "graph.html")
    try:
        assert page.errors == [] and page.refused == [] and set(page.requests) == {page.url}
        cards = page.page.locator("#stories > li")
        assert cards.count() >= 1
        assert cards.first.locator("h3").inner_text() == "1. Chrissy Teigen"
        page.page.screenshot(path="/tmp/view-overview.png")
        page.page.locator("#search").click()
        page.page.keyboard.type("luna")
        assert page.page.locator("#results button").first.inner_text().startswith("Luna")
        page.page.keyboard.press("Enter")
        assert page.page.inner_text("#panel h2") == "Luna"
        assert "kg view 'Luna' --depth 2" in page.page.inner_text("#panel code")
        assert "In story 1: Chrissy Teigen" in page.page.inner_text("#panel")
        assert "current" in cards.first.get_attribute("class")
        page.page.screenshot(path="/tmp/view-overview-name.png")
        page.page.keyboard.press("Escape")
        assert not page.page.locator("#side").is_visible()
    finally:
        page.close()


def test_the_overview_shows_hostile_names_as_text(browser, tmp_path, monkeypatch):  # noqa: F811
    from conftest import write_article
    from graph.build import build

    monkeypatch.setattr(view_data, "OVERVIEW_THRESHOLD", 2)
    write_article(tmp_path / "seeds", "000_hostile.txt",
                  f"Maya Lopez speaks {IMG} out\n\n"
                  "Maya Lopez, who is married to Daniel Reed, spoke to reporters on Monday.\n")
    build(tmp_path / "seeds", tmp_path / "out")
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "overview" in html and "<img" not in re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    page = Page(browser, tmp_path / "out" / "graph.html", bypass_csp=True)
    try:
        page.page.fill("#search", "speaks")
        page.page.locator("#results button").first.click()
        assert IMG in page.page.inner_text("#panel h2")
        assert page.page.locator("img").count() == 0 and page.dialogs == [] and page.errors == []
    finally:
        page.close()


def test_the_overview_is_made_without_reading_the_evidence(seed_build, monkeypatch):
    """The evidence (nine in ten triples) is what the full page shows and the overview never does:
    above the threshold it is not read at all (on 1,000 articles the page took 11 s, now under 1 s),
    and the stories are the same as those made from the full page's data."""
    triples = list(Graph().parse(seed_build / "graph.ttl"))
    full = view_data.overview_data(view_data.graph_data(triples, layout=False))

    def no_evidence(*_):
        raise AssertionError("the overview read the evidence")

    monkeypatch.setattr(view_data, "read_evidence", no_evidence)
    monkeypatch.setattr(view_data, "OVERVIEW_THRESHOLD", 20)
    summary = page_data(view_data.render_html(triples, title="Seeds"))["overview"]
    assert summary["stories"] == full["stories"] and summary["counts"] == full["counts"]
    # every name is there; only an article without a headline is named by its file id, not its first words
    assert [n[1:] for n in summary["names"]] == [n[1:] for n in full["names"]]
    assert {n[0] for n in summary["names"] if n[1] != 3} == {n[0] for n in full["names"] if n[1] != 3}
