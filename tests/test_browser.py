"""The HTML view in a real browser: headless Chromium driven by Playwright.

Every page is opened from a file:// URL with every request routed through the
test: only the page itself may load, anything else is refused and recorded. The
page's own API (`window.kgView`) gives where a node is drawn, so the pointer can
hover and click it like a reader would.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from conftest import CHROMIUM, SEEDS, write_article
from graph.analyse.explain import conflicts
from graph.rdf.vocab import BASE, SDO

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

JACK = f"{BASE}person/jack"
CHRISSY = f"{BASE}person/chrissy-teigen"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>window.pwned=1</script>"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


class Page:
    """One page of the view, with what it asked for, logged and showed in dialogs."""

    def __init__(self, browser, path: Path, bypass_csp: bool = False, fragment: str = "",
                 viewport: tuple[int, int] = (1400, 900)):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.requests, self.refused, self.errors, self.dialogs = [], [], [], []
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url + fragment)  # a request's URL has no fragment: the route still matches
        # a selector, not wait_for_function: the page's CSP forbids the eval that one needs
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def point(self, node_id: str, scale: float = 2.0) -> dict:
        """Centre the view on the node, zoomed in so nothing else covers it; where it is on the page."""
        self.js("([id, s]) => kgView.network.moveTo({position: kgView.network.getPositions([id])[id], scale: s})",
                [node_id, scale])
        return self.js("id => kgView.pointOf(id)", node_id)

    def click_node(self, node_id: str) -> None:
        p = self.point(node_id)
        # nodes are centred where the last one was: a quick second click there would be a double-click
        self.page.wait_for_timeout(400)
        self.page.mouse.click(p["x"], p["y"])

    def panel(self) -> str:
        return self.page.inner_text("#panel")

    def side_open(self) -> bool:
        return self.page.locator("#side").is_visible()

    def active(self, selector: str) -> bool:
        """Whether the element with keyboard focus is, or sits inside, `selector`."""
        return self.js("s => !!document.activeElement.closest(s)", selector)

    def shown(self) -> set:
        return set(self.js("kgView.data.nodes.map(n => n.id).filter(kgView.isVisible)"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def seed_page(browser, seed_build):
    page = Page(browser, seed_build / "graph.html")
    yield page
    page.close()


def test_opens_offline_without_errors(seed_page):
    assert seed_page.refused == []
    assert set(seed_page.requests) == {seed_page.url}
    assert seed_page.errors == []
    assert seed_page.js("kgView.ready") is True
    assert seed_page.js("kgView.network.physics.options.enabled") is False  # settled, then stopped
    count = seed_page.js("kgView.nodes.length")
    assert count == len(seed_page.js("kgView.data.nodes")) > 50


def test_layout_is_the_same_every_time(browser, seed_build, seed_page):
    ids = [JACK, CHRISSY, f"{BASE}person/luna"]
    again = Page(browser, seed_build / "graph.html")
    try:
        assert again.js("ids => kgView.network.getPositions(ids)", ids) == \
            seed_page.js("ids => kgView.network.getPositions(ids)", ids)
    finally:
        again.close()


def test_search_by_alias_selects_and_shows_the_person(seed_page):
    box = seed_page.page.locator("#search")
    box.fill("Chrissy")
    first = seed_page.page.locator("#results button").first
    assert first.inner_text().startswith("Chrissy Teigen")
    box.press("Enter")
    assert seed_page.js("kgView.network.getSelectedNodes()") == [CHRISSY]
    assert seed_page.page.inner_text("#panel h2") == "Chrissy Teigen"
    assert "Also called: Chrissy, Teigen" in seed_page.panel()
    assert seed_page.js("q => kgView.search(q)[0]", "teigen") == CHRISSY


def test_clicking_a_quotation_shows_its_words_in_full(seed_page, seed_graph):
    quote = next(q for q in sorted(seed_graph.subjects(SDO.text, None), key=str)
                 if len(str(seed_graph.value(q, SDO.text))) > 80)
    text = str(seed_graph.value(quote, SDO.text))
    seed_page.click_node(str(quote))
    assert seed_page.js("kgView.network.getSelectedNodes()") == [str(quote)]
    assert seed_page.page.locator("#panel blockquote").first.evaluate("b => b.firstChild.textContent") == text
    speaker = seed_graph.value(quote, SDO.creator)
    assert str(seed_graph.value(speaker, SDO.name)) in seed_page.panel()


def test_clicking_a_person_lists_facts_and_highlighted_sources(seed_page):
    seed_page.click_node(JACK)
    panel = seed_page.panel()
    assert panel.startswith("Jack")
    assert re.search(r"Parent:\s*Chrissy Teigen", panel)
    assert "Sources" in panel.title() or "SOURCES" in panel
    marks = seed_page.page.locator("#panel .sources mark")
    assert marks.count() > 3
    # each highlighted span sits inside its sentence, and the sentences name him
    words = marks.all_inner_texts()
    assert any("Jack" in w for w in words)


def test_tooltip_shows_label_type_and_evidence(seed_page):
    seed_page.page.mouse.move(5, 5)
    p = seed_page.point(JACK)
    seed_page.page.mouse.move(p["x"], p["y"])
    tip = seed_page.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text().startswith("Jack\nPerson")
    assert tip.locator("mark").count() == 1


def test_timeline_marks_conflicts_and_focuses_events(seed_page, seed_graph):
    disagree = {r["event"] for r in conflicts(seed_graph)}
    rows = seed_page.page.locator("#timeline .tl-event.conflict")
    assert rows.count() == len(disagree) > 0
    assert "Sources disagree" in rows.first.get_attribute("aria-label")
    rows.first.click()
    assert seed_page.js("kgView.network.getSelectedNodes()")[0] in disagree
    assert "disagree" in seed_page.panel()


def test_filters_and_focus_hide_the_rest(seed_page, seed_graph):
    from graph.analyse.network import neighbourhood

    try:
        seed_page.js("kgView.setType('quotation', false)")
        quote = str(next(iter(sorted(seed_graph.subjects(SDO.text, None), key=str))))
        assert seed_page.js("id => kgView.isVisible(id)", quote) is False
        seed_page.js("kgView.showAll()")
        assert seed_page.js("id => kgView.isVisible(id)", quote) is True
        seed_page.js("id => kgView.focus(id, 1)", JACK)
        shown = set(seed_page.js("kgView.data.nodes.map(n => n.id).filter(kgView.isVisible)"))
        assert shown == {str(n) for n in neighbourhood(seed_graph, URIRef(JACK), 1)}
        seed_page.page.select_option("#depth", "2")
        deeper = set(seed_page.js("kgView.data.nodes.map(n => n.id).filter(kgView.isVisible)"))
        assert shown < deeper
        seed_page.page.select_option("#article", index=1)  # one article, within the focus
        assert set(seed_page.js("kgView.data.nodes.map(n => n.id).filter(kgView.isVisible)")) < deeper
    finally:
        seed_page.js("kgView.showAll()")
        seed_page.page.select_option("#depth", "1")


def test_hostile_quotation_renders_as_text(browser, tmp_path):
    """Markup in an article stays text: on hover, on click, in every list. The page's CSP is
    bypassed here, so it is the page's own escaping that is tested, not the browser's policy."""
    from graph.build import build

    seeds = tmp_path / "seeds"
    write_article(seeds, "000_hostile.txt",
                  f"Maya Lopez speaks {IMG} out\n\n"
                  "Maya Lopez, who is married to Daniel Reed, spoke to reporters on Monday. "
                  f"“I said {IMG} and {SCRIPT} to everyone,” Maya Lopez said.\n")
    build(seeds, tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    [quote] = list(g.subjects(SDO.text, None))
    text = str(g.value(quote, SDO.text))
    assert IMG in text and SCRIPT in text

    page = Page(browser, tmp_path / "out" / "graph.html", bypass_csp=True)
    try:
        p = page.point(str(quote))
        page.page.mouse.move(p["x"], p["y"])
        tip = page.page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5_000)
        assert IMG in tip.inner_text()
        page.page.mouse.click(p["x"], p["y"])
        panel = page.panel()
        assert IMG in panel and SCRIPT in panel
        assert page.page.locator("#panel img, #panel script, .vis-tooltip img").count() == 0
        page.page.wait_for_timeout(300)  # time for an injected handler to have fired
        assert page.js("typeof window.pwned") == "undefined"
        assert page.dialogs == []
        assert page.refused == [] and set(page.requests) == {page.url}
        assert page.errors == []
        headline = page.page.locator("#article option").nth(1).inner_text()
        assert IMG in headline
    finally:
        page.close()


def test_a_large_graph_loads_laid_out(browser, tmp_path):
    """A corpus big enough for the precomputed layout: the page still loads clean and settles."""
    from graph.build import build
    from tests.bench.synth import generate

    generate(SEEDS, tmp_path / "corpus", 40)
    build(tmp_path / "corpus", tmp_path / "out")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>',
                                (tmp_path / "out" / "graph.html").read_text(encoding="utf-8"), re.S).group(1))
    assert all("x" in n for n in data["graph"]["nodes"])
    page = Page(browser, tmp_path / "out" / "graph.html")
    try:
        assert page.errors == [] and page.refused == []
        assert page.js("kgView.network.physics.options.enabled") is False
        assert page.js("kgView.nodes.length") == len(data["graph"]["nodes"])
    finally:
        page.close()



# ------------------------------------------------------------------ what a reader does


@pytest.fixture
def fresh_page(browser, seed_build):
    """A page nobody has clicked yet: no panel open, the canvas at its first width."""
    page = Page(browser, seed_build / "graph.html")
    yield page
    page.close()


def test_first_click_leaves_the_node_under_the_pointer(fresh_page):
    """Regression: the panel used to narrow the canvas, so the node jumped away from the pointer."""
    before = fresh_page.js("id => kgView.pointOf(id)", JACK)
    fresh_page.page.mouse.click(before["x"], before["y"])
    fresh_page.page.wait_for_timeout(300)
    assert fresh_page.side_open()
    after = fresh_page.js("id => kgView.pointOf(id)", JACK)
    assert abs(after["x"] - before["x"]) < 1 and abs(after["y"] - before["y"]) < 1
    assert fresh_page.js("kgView.network.getNodeAt({x: %f, y: %f})" % (
        after["x"] - fresh_page.js("document.getElementById('network').getBoundingClientRect().left"),
        after["y"] - fresh_page.js("document.getElementById('network').getBoundingClientRect().top"))) == JACK


def test_double_click_on_a_fresh_page_focuses(fresh_page, seed_graph):
    from graph.analyse.network import neighbourhood

    p = fresh_page.js("id => kgView.pointOf(id)", JACK)
    fresh_page.page.mouse.dblclick(p["x"], p["y"])
    fresh_page.page.wait_for_timeout(300)
    assert "around Jack" in fresh_page.page.inner_text("#focusinfo")
    assert fresh_page.shown() == {str(n) for n in neighbourhood(seed_graph, URIRef(JACK), 1)}
    assert fresh_page.page.inner_text("#panel h2") == "Jack"
    fresh_page.page.screenshot(path="/tmp/kg-view-double-click.png")


def test_keyboard_picks_a_result_moves_focus_to_the_panel_and_escape_closes(fresh_page):
    page = fresh_page.page
    page.locator("#search").click()
    page.keyboard.type("chrissy")
    results = page.locator("#results button")
    assert results.count() > 2
    second = results.nth(1).evaluate("b => b.firstChild.textContent")
    page.keyboard.press("ArrowDown")
    assert "active" in results.nth(1).get_attribute("class")
    assert page.get_attribute("#search", "aria-activedescendant") == "result-1"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.inner_text("#panel h2").startswith(second.rstrip("\u2026"))
    assert fresh_page.active("#side")  # not the body: the next Tab goes through the panel
    page.keyboard.press("Tab")
    assert fresh_page.active("#side")
    outline = fresh_page.js("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")  # a visible focus ring
    page.screenshot(path="/tmp/kg-view-keyboard.png")
    page.keyboard.press("Escape")
    assert not fresh_page.side_open()
    assert fresh_page.js("kgView.network.getSelectedNodes()") == []
    assert fresh_page.active("#search")  # focus goes back where it came from, not to the body


def test_the_fragment_restores_node_depth_and_filters(browser, seed_build, seed_graph):
    quote = str(next(iter(sorted(seed_graph.subjects(SDO.text, None), key=str))))
    page = Page(browser, seed_build / "graph.html", fragment="#node=person/chrissy-teigen&depth=2&hide=quotation")
    try:
        assert page.errors == [] and page.refused == []
        assert page.side_open() and page.page.inner_text("#panel h2") == "Chrissy Teigen"
        assert page.js("kgView.network.getSelectedNodes()") == [CHRISSY]
        assert page.page.input_value("#depth") == "2"
        assert page.js("id => kgView.isVisible(id)", quote) is False
        assert page.page.locator("#legend input[data-type=quotation]").is_checked() is False
        # and what the reader does is written back, so the address can be shared
        page.click_node(JACK)
        assert page.js("location.hash") == "#node=person%2Fjack&hide=quotation"
        page.js("id => kgView.focus(id, 3)", JACK)
        assert "focus=person%2Fjack&depth=3" in page.js("location.hash")
    finally:
        page.close()
    again = Page(browser, seed_build / "graph.html", fragment=f"#node={CHRISSY}&focus=person/jack&depth=1")
    try:
        assert again.page.inner_text("#panel h2") == "Chrissy Teigen"  # a full IRI works too
        assert "around Jack" in again.page.inner_text("#focusinfo")
    finally:
        again.close()


def test_search_finds_words_said_and_misspelt_names(fresh_page, seed_graph):
    page = fresh_page.page
    page.locator("#search").click()
    page.keyboard.type("blood transfusions")
    first = page.locator("#results button").first
    assert "Quotation" in first.inner_text() and "blood transfusions" in first.locator(".snippet").inner_text()
    page.keyboard.press("Enter")
    [selected] = fresh_page.js("kgView.network.getSelectedNodes()")
    assert "blood transfusions" in str(seed_graph.value(URIRef(selected), SDO.text))
    page.fill("#search", "")
    page.keyboard.type("Chrisy")
    assert page.locator("#results button").first.inner_text().startswith("Chrissy Teigen")
    assert fresh_page.js("q => kgView.search(q)[0]", "Chirssy Teigen") == CHRISSY  # letters swapped
    assert fresh_page.js("q => kgView.search(q)[0]", "teigen") == CHRISSY  # a name still beats its mentions


def test_narrow_screen_keeps_the_graph_and_shows_a_bottom_sheet(browser, seed_build):
    page = Page(browser, seed_build / "graph.html", viewport=(390, 844))
    try:
        box = page.page.locator("#network").bounding_box()
        assert box["width"] == 390 and box["height"] > 0.6 * 844
        page.click_node(JACK)
        sheet = page.page.locator("#side").bounding_box()
        assert page.side_open() and page.page.inner_text("#panel h2") == "Jack"
        assert sheet["x"] >= 0 and sheet["x"] + sheet["width"] <= 390
        assert sheet["y"] > 844 / 3 and sheet["y"] + sheet["height"] <= 844
        page.page.screenshot(path="/tmp/kg-view-narrow.png")
        page.page.click("#menu")  # the folded filters unfold above the graph
        assert page.page.locator("#legend").is_visible()
        page.page.click("#close")
        assert not page.side_open()
    finally:
        page.close()


def test_hovering_and_clicking_an_edge_shows_its_sentence(fresh_page):
    data = fresh_page.js("kgView.data")
    nodes, props = data["nodes"], data["props"]

    def label(i):
        node = nodes[i]
        return node["label"] if isinstance(node, dict) else node[1]

    index = {n["id"]: i for i, n in enumerate(nodes)}
    page = fresh_page.page
    tip = page.locator("div.vis-tooltip")
    # the links of Jack, each hovered at a few places along it: where links cross, the pointer
    # may pick another, so the first place whose tooltip names the hovered link is the one tested
    found = None
    for k, e in enumerate(data["edges"]):
        if index[JACK] not in (e[0], e[1]) or found:
            continue
        fresh_page.point(JACK, 1.5)
        prop = props[e[2]] if isinstance(props[e[2]], str) else props[e[2]][0]
        want = f"{label(e[0])} \u2192 {prop} \u2192 {label(e[1])}"
        for at in (0.5, 0.35, 0.65, 0.25, 0.75):
            p = fresh_page.js("([k, at]) => kgView.edgePointOf(k, at)", [k, at])
            page.mouse.move(p["x"] + 3, p["y"] + 3)
            page.mouse.move(p["x"], p["y"])
            tip.wait_for(state="visible", timeout=5_000)
            if tip.inner_text().startswith(want):
                found = (k, p, e)
                break
            page.mouse.move(5, 5)
    assert found, "no link of Jack shows its own tooltip when hovered"
    k, p, e = found
    assert tip.locator("mark").count() == 1
    page.screenshot(path="/tmp/kg-view-edge-hover.png")
    page.mouse.click(p["x"], p["y"])
    assert fresh_page.side_open()
    assert fresh_page.js("kgView.network.getSelectedEdges()") == [k]
    panel = fresh_page.panel()
    prop = props[e[2]] if isinstance(props[e[2]], str) else props[e[2]][0]
    assert re.match(rf"{re.escape(label(e[0]))}\s*{re.escape(prop)}\s*{re.escape(label(e[1]))}", panel)
    assert "STATED IN" in panel.upper()
    assert page.locator("#panel .sources mark").count() >= 1
    assert page.locator("#panel .sources .headline").count() >= 1
    page.screenshot(path="/tmp/kg-view-edge-panel.png")
    page.locator("#panel h2 button").first.click()  # its ends are links
    assert page.inner_text("#panel h2") == label(e[0])
