"""The view's focus, timeline, exports and keyboard in headless Chromium, done as a reader does them.

Each test opens the seed graph's page (built once into a temporary folder, never output/),
clicks, types, tabs or loads an address with a fragment, and checks what the page shows.
Screenshots go to /tmp/view-*.png for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDFS, Graph, URIRef

from conftest import run_kg, write_article
from graph.rdf.vocab import BASE
from test_browser import CHRISSY, IMG, JACK, SCRIPT, Page, browser  # noqa: F401  (browser: a fixture)

MEMORIAL = f"{BASE}event/memorial--jack--cfd08a0e"
LOSS_POST = f"{BASE}event/loss-announcement--chrissy-teigen"
INSTAGRAM = f"{BASE}organization/instagram"
ARTICLE_000 = f"{BASE}article/000_9d37828a95a29d67"


@pytest.fixture
def page(browser, seed_build):  # noqa: F811
    p = Page(browser, seed_build / "graph.html")
    yield p
    p.close()


def types_of(page: Page, ids) -> set:
    return set(page.js("ids => ids.map(id => kgView.data.types[kgView.data.nodes.find(n => n.id === id).type][0])",
                       sorted(ids)))


def all_in_view(page: Page) -> bool:
    """Whether every node shown is drawn inside the canvas (the view was fitted to them)."""
    return page.js("""() => {
        const box = document.getElementById('network').getBoundingClientRect();
        return kgView.data.nodes.filter(n => kgView.isVisible(n.id)).every(n => {
            const p = kgView.pointOf(n.id);
            return p.x >= box.left - 1 && p.x <= box.right + 1 && p.y >= box.top - 1 && p.y <= box.bottom + 1; });
    }""")


def double_click(page: Page, node_id: str) -> None:
    p = page.point(node_id, 1.5)
    page.page.mouse.dblclick(p["x"], p["y"])
    page.page.wait_for_timeout(300)


# ------------------------------------------------------------------ 1. focus


def test_focus_keeps_hidden_types_and_lays_the_neighbourhood_out_afresh(browser, page, seed_build):  # noqa: F811
    page.page.locator("#legend input[data-type=quotation]").uncheck()
    before = page.js("kgView.network.getPositions()")
    double_click(page, JACK)
    assert "around Jack" in page.page.inner_text("#focusinfo")
    shown = page.shown()
    assert JACK in shown and CHRISSY in shown
    assert "quotation" not in types_of(page, shown)  # the focus did not bring them back
    assert page.page.locator("#legend input[data-type=quotation]").is_checked() is False
    assert "hide=quotation" in page.js("location.hash") and "focus=person%2Fjack" in page.js("location.hash")
    # laid out afresh: Jack in the middle, his neighbours on a ring around him, all in view
    after = page.js("ids => kgView.network.getPositions(ids)", sorted(shown))
    assert after[JACK] == {"x": 0, "y": 0}
    assert after != {k: before[k] for k in after}
    radii = [(p["x"] ** 2 + p["y"] ** 2) ** 0.5 for k, p in after.items() if k != JACK]
    assert max(radii) - min(radii) < 2  # depth 1: one ring (positions are whole numbers)
    assert all_in_view(page)
    page.page.screenshot(path="/tmp/view-focus.png")
    # deterministic: the same address gives the same picture
    again = Page(browser, seed_build / "graph.html", fragment=page.js("location.hash"))
    try:
        assert again.js("ids => kgView.network.getPositions(ids)", sorted(shown)) == after
        assert again.shown() == shown
    finally:
        again.close()
    # a deeper focus keeps the filter too, and Show all puts every node back where it was
    page.page.select_option("#depth", "2")
    assert "quotation" not in types_of(page, page.shown()) and all_in_view(page)
    page.page.click("#showall")
    assert page.js("ids => kgView.network.getPositions(ids)", sorted(shown)) == {k: before[k] for k in shown}


def test_a_panel_link_to_a_hidden_node_keeps_the_filters(page):
    page.page.locator("#legend input[data-type=organisation]").uncheck()
    assert INSTAGRAM not in page.shown()
    page.click_node(LOSS_POST)
    page.page.locator("#panel .facts").get_by_role("button", name="Instagram", exact=True).click()
    assert page.page.inner_text("#panel h2") == "Instagram"
    shown = page.shown()
    assert INSTAGRAM in shown and f"{BASE}organization/netflix" not in shown  # only the one asked for
    assert page.page.locator("#legend input[data-type=organisation]").is_checked() is False
    assert "although the filters hide it" in page.page.inner_text("#focusinfo")
    assert page.js("location.hash") == "#node=organization%2Finstagram&hide=organisation"
    page.page.keyboard.press("Escape")  # closing it hides it again
    assert INSTAGRAM not in page.shown()
    # within a focus, the focus moves to the node asked for, the filters still as they were
    page.js("id => kgView.focus(id, 1)", JACK)
    facts = page.page.locator("#panel .facts")
    facts.get_by_role("button", name="Chrissy Teigen", exact=True).first.click()
    assert page.page.inner_text("#panel h2") == "Chrissy Teigen" and "around Jack" in page.page.inner_text("#focusinfo")
    assert LOSS_POST not in page.shown()  # two links from Jack
    facts.get_by_role("button", name="Chrissy Teigen announces the loss on Instagram", exact=True).click()
    assert "around Chrissy Teigen announces the loss" in page.page.inner_text("#focusinfo")
    facts.get_by_role("button", name="Instagram", exact=True).click()
    assert page.page.inner_text("#focusinfo").startswith("Showing 1 step around Instagram")
    assert page.page.locator("#legend input[data-type=organisation]").is_checked() is False
    assert "organisation" not in types_of(page, page.shown() - {INSTAGRAM})


def test_hide_articles_and_hubs_in_a_focus_and_refit(page):
    double_click(page, JACK)
    page.page.select_option("#depth", "2")
    shown = page.shown()
    assert CHRISSY in shown and "article" in types_of(page, shown)
    page.page.check("#nohubs")  # Chrissy has 39 links: a hub; Jack, the focus, is kept
    shown = page.shown()
    assert CHRISSY not in shown and JACK in shown
    assert all_in_view(page)
    page.page.check("#noarticles")
    assert "article" not in types_of(page, page.shown())
    assert page.page.locator("#legend input[data-type=article]").is_checked() is False  # one filter, two boxes
    assert all_in_view(page)
    assert "nohubs=1" in page.js("location.hash") and "hide=article" in page.js("location.hash")
    page.page.screenshot(path="/tmp/view-focus-no-hubs.png")
    page.page.uncheck("#nohubs")
    assert CHRISSY in page.shown()


def test_only_this_type(page):
    page.page.locator("#legend label", has_text="Person").locator("button.only").click()
    assert types_of(page, page.shown()) == {"person"}
    boxes = page.page.locator("#legend input")
    assert [boxes.nth(k).is_checked() for k in range(boxes.count())] == \
        [t == "person" for t in page.js("kgView.data.types.map(t => t[0])")]
    assert all_in_view(page)
    assert page.js("location.hash").startswith("#hide=event,quotation,article")


# ------------------------------------------------------------------ 2. timeline


def test_timeline_is_an_axis_and_its_range_filters_the_graph(browser, page, seed_build):  # noqa: F811
    events = page.page.locator("#timeline g.tl-event")
    dated = page.js("kgView.data.timeline.filter(i => kgView.data.nodes[i].dates.length)")
    assert events.count() == len(dated)
    # marks go down the axis as the dates go on
    marks = page.js("""() => [...document.querySelectorAll('#timeline g.tl-event')].map(g => {
        const m = g.querySelector('circle, rect:not(.tl-box)');
        return [g.getAttribute('aria-label'), +(m.getAttribute('cy') || m.getAttribute('y'))]; })""")
    ys = [y for _, y in marks]
    assert ys == sorted(ys) and ys[0] < ys[-1]
    # a date the sources disagree on: two marks joined, each with its article's headline as text
    loss = page.page.locator("#timeline g.tl-event.conflict", has_text="announces the loss")
    assert loss.locator("circle").count() == 2 and loss.locator("path").count() == 1
    words = " ".join(loss.locator("text").all_text_contents())
    assert "2020-09-30" in words and "How Chrissy Teigen Is Looking" in words
    assert "2020-10-01" in words and "Article of 2020-11-11" in words
    page.page.locator("#tlwrap").screenshot(path="/tmp/view-timeline.png")
    # the range: only events with a date in it, and what they link to
    page.page.fill("#from", "2020-09-01")
    page.page.fill("#to", "2020-10-31")
    shown = page.shown()
    assert LOSS_POST in shown and MEMORIAL not in shown
    in_range = {e for e in page.js("kgView.data.timeline.map(i => kgView.data.nodes[i].id)") if e in shown}
    assert in_range == {LOSS_POST, f"{BASE}event/pregnancy-loss--chrissy-teigen--john-legend",
                        f"{BASE}event/open-letter--chrissy-teigen"}
    assert page.page.locator("#timeline g.tl-event.off").count() == len(dated) - 3
    assert float(page.page.locator("#tl-range").get_attribute("height")) > 0
    assert all_in_view(page)
    assert "from=2020-09-01&to=2020-10-31" in page.js("location.hash")
    page.page.screenshot(path="/tmp/view-timeline-range.png")
    loss.click()  # a click on an event selects it
    assert page.page.inner_text("#panel h2") == "Chrissy Teigen announces the loss on Instagram"
    again = Page(browser, seed_build / "graph.html", fragment="#from=2020-09-01&to=2020-10-31")
    try:
        assert again.page.input_value("#from") == "2020-09-01" and again.page.input_value("#to") == "2020-10-31"
        assert again.shown() == shown
    finally:
        again.close()
    page.page.click("#allDates")
    assert MEMORIAL in page.shown() and "from=" not in page.js("location.hash")


# ------------------------------------------------------------------ 3. export


def download(page: Page, button: str, tmp_path: Path) -> Path:
    with page.page.expect_download() as info:
        page.page.click(button)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


@pytest.fixture
def download_page(browser, seed_build):  # noqa: F811
    p = Page(browser, seed_build / "graph.html")
    p.context.set_default_timeout(15_000)
    yield p
    p.close()


def test_export_what_is_shown_as_turtle_graphml_and_png(download_page, tmp_path):
    page = download_page
    double_click(page, JACK)
    page.page.locator("#legend input[data-type=quotation]").uncheck()
    shown = page.shown()
    ttl = download(page, "#exportTtl", tmp_path)
    assert ttl.suffix == ".ttl"
    checked = subprocess.run(["rapper", "-i", "turtle", "-c", str(ttl)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    g = Graph().parse(ttl, format="turtle")
    assert {str(s) for s in g.subjects(RDFS.label, None)} == shown
    assert str(g.value(URIRef(JACK), RDFS.label)) == "Jack"
    assert (URIRef(JACK), URIRef("https://schema.org/parent"), URIRef(CHRISSY)) in g
    graphml = download(page, "#exportGraphml", tmp_path)
    net = nx.read_graphml(graphml)
    assert set(net.nodes) == shown
    assert net.number_of_edges() == page.js(
        "kgView.data.edges.filter(e => kgView.isVisible(kgView.data.nodes[e[0]].id) && kgView.isVisible(kgView.data.nodes[e[1]].id)).length")
    assert net.nodes[JACK]["label"] == "Jack" and net.nodes[JACK]["type"] == "person"
    png = download(page, "#exportPng", tmp_path)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(head[16:20], "big") > 400  # the canvas's width
    assert page.refused == [] and page.errors == []


def test_exports_of_hostile_text_stay_valid(browser, tmp_path):  # noqa: F811
    from graph.build import build

    write_article(tmp_path / "seeds", "000_hostile.txt",
                  f"Maya Lopez speaks {IMG} out\n\n"
                  "Maya Lopez, who is married to Daniel Reed, spoke to reporters on Monday. "
                  f"“I said {IMG} and {SCRIPT} to \"everyone\" \\ back,” Maya Lopez said.\n")
    build(tmp_path / "seeds", tmp_path / "out")
    page = Page(browser, tmp_path / "out" / "graph.html", bypass_csp=True)
    try:
        (tmp_path / "x.ttl").write_text(page.js("kgView.toTurtle()"), encoding="utf-8")
        checked = subprocess.run(["rapper", "-i", "turtle", "-c", str(tmp_path / "x.ttl")], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        g = Graph().parse(tmp_path / "x.ttl", format="turtle")
        texts = [str(o) for o in g.objects(None, URIRef("https://schema.org/text"))]
        assert any(IMG in t and SCRIPT in t and '"everyone"' in t for t in texts)
        (tmp_path / "x.graphml").write_text(page.js("kgView.toGraphML()"), encoding="utf-8")
        net = nx.read_graphml(tmp_path / "x.graphml")
        assert any(IMG in d["label"] for _, d in net.nodes(data=True))
        assert page.js("typeof window.pwned") == "undefined"
    finally:
        page.close()


# ------------------------------------------------------------------ 4. keyboard


def test_skip_link_and_the_list_of_nodes_shown(page):
    kb = page.page.keyboard
    kb.press("Tab")
    assert page.js("document.activeElement.id") == "skip"
    assert page.page.locator("#skip").bounding_box()["y"] >= 0  # shown once it has the focus
    page.page.screenshot(path="/tmp/view-skip-link.png")
    kb.press("Enter")
    assert page.active("#nodelist")
    assert page.page.text_content("#nodes-heading") == f"Nodes shown ({len(page.shown())})"
    first = page.js("document.activeElement.firstChild.textContent")
    kb.press("Tab")
    second = page.js("document.activeElement.firstChild.textContent")
    assert first.lower() <= second.lower()
    kb.press("Enter")
    assert page.page.inner_text("#panel h2").startswith(second.rstrip("\u2026"))
    assert page.active("#side")
    # the list follows the filters
    page.js("kgView.setType('person', false)")
    assert "Person" not in page.page.locator("#nodelist").inner_text()
    assert page.page.text_content("#nodes-heading") == f"Nodes shown ({len(page.shown())})"


def test_the_canvas_from_the_keyboard(page):
    kb = page.page.keyboard
    page.page.focus("#network")
    assert page.js("getComputedStyle(document.activeElement).outlineStyle") not in ("none", "")
    kb.press("ArrowRight")  # nothing selected yet: the node nearest the middle
    [first] = page.js("kgView.network.getSelectedNodes()")
    assert not page.side_open()
    assert page.page.inner_text("#announce").startswith(page.js("id => kgView.data.nodes.find(n => n.id === id).label", first))
    page.js("id => kgView.select(id, {panel: false})", JACK)
    neighbours = set(page.js("""id => { const d = kgView.data, i = d.nodes.findIndex(n => n.id === id);
        return d.edges.filter(e => e[0] === i || e[1] === i).map(e => d.nodes[e[0] === i ? e[1] : e[0]].id); }""", JACK))
    moved = set()
    for key in ("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"):
        page.js("id => kgView.select(id, {panel: false})", JACK)
        kb.press(key)
        [now] = page.js("kgView.network.getSelectedNodes()")
        moved.add(now)
    assert moved <= neighbours and len(moved) >= 3  # each arrow goes to a neighbour that lies that way
    kb.press("Enter")
    assert page.side_open() and page.active("#side")
    page.page.screenshot(path="/tmp/view-keyboard-canvas.png")
    page.page.focus("#network")
    scale = page.js("kgView.network.getScale()")
    kb.press("+")
    assert page.js("kgView.network.getScale()") > scale
    kb.press("-")
    kb.press("-")
    assert page.js("kgView.network.getScale()") < scale
    kb.press("Escape")
    assert not page.side_open() and page.js("kgView.network.getSelectedNodes()") == []


# ------------------------------------------------------------------ 5. wording, labels, depth


def test_panel_reads_as_english_and_lists_quotations_by_date(page):
    page.click_node(MEMORIAL)
    panel = page.panel()
    assert re.search(r"Organised by:\s*Chrissy Teigen", panel)
    page.click_node(CHRISSY)
    panel = page.panel()
    assert re.search(r"Organiser of:\s*Memorial service for Jack", panel)
    assert not re.search(r"\sthis\s*\[", panel)  # the old "X organiser this"
    dates = page.js("""() => [...document.querySelectorAll('#panel blockquote footer')].map(f =>
        (f.textContent.match(/\\d{4}(-\\d\\d){0,2}/) || ['~'])[0])""")
    assert len(dates) > 3 and dates == sorted(dates)


def test_an_article_without_a_headline_has_a_readable_label(page):
    assert page.js("id => kgView.data.nodes.find(n => n.id === id).label", ARTICLE_000) == \
        "Article of 2020-11-11 (000_9d37\u2026)"
    page.click_node(ARTICLE_000)
    assert page.page.inner_text("#panel h2") == "Article of 2020-11-11 (000_9d37\u2026)"
    options = page.page.locator("#article option").all_inner_texts()
    assert any("Article of 2020-11-11" in o for o in options)


def test_kg_view_depth_two_shows_two_in_its_depth_control(browser, seed_build, tmp_path):  # noqa: F811
    shutil.copy(seed_build / "graph.ttl", tmp_path / "graph.ttl")
    result = run_kg("view", "Jack", "--depth", "2", "--no-open", "--graph", tmp_path / "graph.ttl",
                    "-o", tmp_path / "jack.html")
    assert result.returncode == 0, result.stderr
    page = Page(browser, tmp_path / "jack.html")
    try:
        assert page.page.input_value("#depth") == "2"
        assert page.page.inner_text("#panel h2") == "Jack"
        assert page.errors == []
    finally:
        page.close()


def test_on_a_phone_the_unfolded_timeline_fits_its_column(browser, seed_build):  # noqa: F811
    """Folded away at first (nothing can be measured then), the timeline is drawn when the
    reader unfolds the filters, every label cut to the column's width."""
    page = Page(browser, seed_build / "graph.html", viewport=(390, 844))
    try:
        page.page.click("#menu")
        assert page.page.locator("#timeline").is_visible()
        widest = page.js("""() => Math.max(...[...document.querySelectorAll('#timeline text')]
            .map(t => t.getBBox().x + t.getBBox().width))""")
        assert 0 < widest <= page.js("+document.getElementById('timeline').getAttribute('width')")
        page.page.locator("#tlwrap").scroll_into_view_if_needed()
        page.page.screenshot(path="/tmp/view-phone-timeline.png")
        page.page.set_viewport_size({"width": 1400, "height": 900})  # turned to a wide screen: the column is back
        assert page.page.locator("#legend").is_visible() and page.errors == []
    finally:
        page.close()
