"""Choosing the timeline's range by dragging along its axis, in headless Chromium, as a reader does.

The pointer is pressed on the strip left of the event labels, moved up or down and released; the
days between become the range (the date inputs, the events shown, the address). A click without
a drag leaves the range alone. Screenshots go to /tmp/view-brush-*.png for a person to look at.
"""

from __future__ import annotations

from datetime import date, timedelta

from graph.rdf.vocab import BASE
from test_browser import browser  # noqa: F401  (a fixture; the module skips without Chromium)
from test_view_browser import LOSS_POST, MEMORIAL, page  # noqa: F401  (page: a fixture)

IN_RANGE = {LOSS_POST, f"{BASE}event/pregnancy-loss--chrissy-teigen--john-legend",
            f"{BASE}event/open-letter--chrissy-teigen"}


def axis(page):
    """The timeline scrolled into view, and how its axis maps days to page y: measured from the marks
    of two events of one day each (a mark is drawn where its day starts), not from the page's code."""
    page.page.locator("#tlwrap").evaluate("w => { w.scrollTop = 0; w.scrollIntoView({block: 'center'}); }")
    return page.js("""() => {
        const svg = document.getElementById('timeline'), box = svg.getBoundingClientRect(), G = kgView.data;
        const day = s => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5;
        const marks = G.timeline.filter(i => G.nodes[i].dates.length === 1 && G.nodes[i].dates[0][0].length === 10)
            .map(i => [day(G.nodes[i].dates[0][0]),
                       +document.querySelector(`#timeline g.tl-event[aria-label^="${CSS.escape(G.nodes[i].label)},"] circle`).getAttribute('cy')]);
        const a = marks[0], b = marks[marks.length - 1];
        return {left: box.left, top: box.top, d0: a[0], y0: a[1], perPx: (b[0] - a[0]) / (b[1] - a[1]),
                first: Math.min(...G.timeline.flatMap(i => G.nodes[i].dates.map(d => day((d[0] + '-01-01').slice(0, 10)))))};
    }""")


def day_at(ax, page_y: float) -> float:
    return ax["d0"] + (page_y - ax["top"] - ax["y0"]) * ax["perPx"]


def clear_y(ax, page_y: int) -> int:
    """A whole pixel near page_y that is not on the border of two days (the day it is on is then sure)."""
    while not 0.1 < day_at(ax, page_y) % 1 < 0.9:
        page_y += 1
    return page_y


def iso(day: float) -> str:
    return (date(1970, 1, 1) + timedelta(days=int(day // 1))).isoformat()


def drag(page, x, y0, y1, steps=8):
    mouse = page.page.mouse
    mouse.move(x, y0)
    mouse.down()
    mouse.move(x, y1, steps=steps)
    mouse.up()


def state(page):
    return (page.page.input_value("#from"), page.page.input_value("#to"), page.js("location.hash"),
            page.page.locator("#tl-range").get_attribute("y"), page.page.locator("#tl-range").get_attribute("height"))


def test_dragging_along_the_axis_chooses_the_range(page):  # noqa: F811
    ax = axis(page)
    x = ax["left"] + 40  # on the strip, just left of the axis (x = 46)
    y0 = clear_y(ax, round(ax["top"] + 200))  # in 2020, after the 2019 premiere
    # between the open letter (2020-10-26) and the video of the ashes (2020-11-09)
    letter, ashes = page.js("""() => ['open letter', 'with the ashes'].map(t =>
        [...document.querySelectorAll('#timeline g.tl-event')].find(g => g.getAttribute('aria-label').includes(t))
        .querySelector('circle, rect:not(.tl-box)').getBoundingClientRect().top)""")
    y1 = clear_y(ax, round((letter + ashes) / 2 + 3))
    strip = page.js("([x, y]) => { const e = document.elementFromPoint(x, y); return [e.id, getComputedStyle(e).cursor]; }",
                    [x, y0])
    assert strip == ["tl-strip", "ns-resize"]
    assert page.page.get_attribute("#tl-strip", "title") == "Drag along the axis to choose a range"

    # half way down, the shading runs from the press to the pointer; the range is not set yet
    mid = (y0 + y1) // 2
    page.page.mouse.move(x, y0)
    page.page.mouse.down()
    page.page.mouse.move(x, mid, steps=5)
    shade = page.page.locator("#tl-range").bounding_box()
    assert abs(shade["y"] - y0) < 2 and abs(shade["y"] + shade["height"] - mid) < 2
    assert page.page.input_value("#from") == "" and "from=" not in page.js("location.hash")
    page.page.locator("#tlwrap").screenshot(path="/tmp/view-brush-dragging.png")
    page.page.mouse.move(x, y1, steps=5)
    page.page.mouse.up()
    shade = page.page.locator("#tl-range").bounding_box()
    assert abs(shade["y"] - y0) < 2 and abs(shade["y"] + shade["height"] - y1) < 2
    page.page.screenshot(path="/tmp/view-brush-range.png")
    page.page.locator("#tlwrap").screenshot(path="/tmp/view-brush-timeline.png")

    frm, to = iso(day_at(ax, y0)), iso(day_at(ax, y1))
    assert "2020-01-01" < frm < "2020-09-01" and "2020-10-26" <= to < "2020-11-09"
    assert (page.page.input_value("#from"), page.page.input_value("#to")) == (frm, to)
    # the same as typing those dates: the events in range and what they link to, the rest off
    shown = page.shown()
    assert LOSS_POST in shown and MEMORIAL not in shown
    assert {e for e in page.js("kgView.data.timeline.map(i => kgView.data.nodes[i].id)") if e in shown} == IN_RANGE
    dated = page.js("kgView.data.timeline.filter(i => kgView.data.nodes[i].dates.length)")
    assert page.page.locator("#timeline g.tl-event.off").count() == len(dated) - 3
    assert f"from={frm}&to={to}" in page.js("location.hash")
    assert page.js("getSelection().toString()") == ""  # the drag selected no text on its way
    assert "node=" not in page.js("location.hash")

    # a click on the axis, or a press that barely moves, changes nothing
    before = state(page)
    page.page.mouse.click(x, y0 + 60)
    drag(page, x, y1 + 20, y1 + 22, steps=2)
    page.page.wait_for_timeout(100)
    assert state(page) == before
    # a click on an event's label still selects it, and leaves the range as it is
    page.page.locator("#timeline g.tl-event", has_text="open letter").locator("text").first.click()
    assert "open letter" in page.page.inner_text("#panel h2")
    assert state(page)[:2] == before[:2]
    assert page.errors == []


def test_a_drag_up_from_a_mark_past_the_axis_end_sets_the_range_and_selects_nothing(page):  # noqa: F811
    ax = axis(page)
    mark = page.page.locator("#timeline g.tl-event", has_text="announces the loss").locator("circle").first.bounding_box()
    x, y = mark["x"] + mark["width"] / 2, clear_y(ax, round(mark["y"] + mark["height"] / 2))
    drag(page, x, y, ax["top"] - 80)  # upwards, beyond the top of the timeline: to its first day
    frm, to = page.page.input_value("#from"), page.page.input_value("#to")
    assert frm == iso(ax["first"] - 20)  # the axis begins 20 days before the earliest date
    assert to == iso(day_at(ax, y)) and to in ("2020-09-30", "2020-10-01")
    assert f"from={frm}&to={to}" in page.js("location.hash") and "node=" not in page.js("location.hash")
    assert not page.side_open() or "announces the loss" not in page.page.inner_text("#panel h2")
    # a plain click on the mark still selects its event, and keeps the range
    page.page.mouse.click(x, y)
    assert page.page.inner_text("#panel h2") == "Chrissy Teigen announces the loss on Instagram"
    assert (page.page.input_value("#from"), page.page.input_value("#to")) == (frm, to)
    assert page.errors == []


def test_a_finger_drags_the_range_instead_of_scrolling_the_timeline(browser, seed_build):  # noqa: F811
    """touch-action: none on the strip, or the browser takes the drag for a scroll and cancels it."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto((seed_build / "graph.html").resolve().as_uri())
        tab.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)
        tab.locator("#tlwrap").evaluate("w => { w.scrollTop = 0; w.scrollIntoView({block: 'center'}); }")
        box = tab.locator("#timeline").bounding_box()
        x, y = box["x"] + 40, box["y"] + 150
        touch = context.new_cdp_session(tab)
        touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for k in range(1, 13):
            touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y + 10 * k}]})
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        tab.wait_for_timeout(200)
        assert tab.evaluate("document.getElementById('tlwrap').scrollTop") == 0
        frm, to = tab.input_value("#from"), tab.input_value("#to")
        assert "2019-09-16" < frm < to < "2020-11-09" and f"from={frm}&to={to}" in tab.evaluate("location.hash")
    finally:
        context.close()
