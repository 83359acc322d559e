"""The interactive page in a real browser: headless Chromium (Debian's), driven by selenium.

Each page is written by the ``arc`` command and opened from its file, offline. Without
Chromium these tests skip with one line saying how to install it; in CI (.ci/run sets
``ARC_BROWSER_TESTS``) they fail instead, so they always run there.
"""

import math
import os
import re
import statistics
import time

import pytest

from tests.browser import REQUIRED, chromium, console_errors, missing_reason, open_page, requests

if missing_reason() is not None:
    if os.environ.get(REQUIRED):
        pytest.fail(f"{REQUIRED} is set but {missing_reason()}", pytrace=False)
    pytest.skip(missing_reason(), allow_module_level=True)

import arc
from arc.analysis.narrative import story_values
from arc.analysis.result import Analysis
from arc.cli import main
from tests.test_page import HOSTILE

#: Longest a reader may wait, pointer event to the page's answer on screen (ms): a frame or
#: two at 60 Hz for the tooltip, a few for the paragraph.
HOVER_MS, CLICK_MS = 100, 200


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The pages the tests read: written by `arc plot`/`arc compare`, with their analyses."""
    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    made = {
        "vignette": (["plot"], Analysis.of()),
        "frankenstein": (
            ["plot", "--example", "frankenstein"],
            Analysis.of(arc.example_path("frankenstein"), unit="sentence"),
        ),
        "hostile": ([("plot"), str(hostile)], Analysis.of(hostile)),
        "compare": (["compare", "--example", "alice", "--example", "northanger"], None),
    }
    out = {}
    for name, (args, result) in made.items():
        path = folder / f"{name}.html"
        assert main([*args, "-o", str(path)]) == 0
        out[name] = (path, result)
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium(1200, 1300) as driver:
        yield driver


def _open(browser, pages, name):
    path, result = pages[name]
    open_page(browser, path)
    assert browser.execute_script("return window.arcPage.failed") is None
    return result


def _point(browser, x, y, click=False):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(round(x), round(y))
    if click:
        actions.pointer_action.click()
    actions.perform()


#: The stretch of the x axis the chart shows.
_SHOWN = "return [window.arcPage.x_range.start, window.arcPage.x_range.end]"


def _tip(browser):
    return browser.execute_script(
        "const t = document.getElementById('arc-tip');"
        "return t.hidden ? null : {text: t.innerText, unit: Number(t.dataset.unit || -1)};"
    )


def _reading(browser):
    """The reading panel once it shows a passage (a tap is answered on the next task)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements("css selector", "#arc-reading .arc-text")
    )
    return browser.find_element("id", "arc-reading")


def _unit_text(browser, u):
    return browser.execute_script(
        "const d = window.arcPage.data, s = d.units.start[arguments[0]];"
        "return d.sentences.slice(s, s + d.units.count[arguments[0]]).join(' ');",
        u,
    )


def _words(text):
    return " ".join(text.split())


@pytest.mark.parametrize("name", ["vignette", "frankenstein", "hostile", "compare"])
def test_the_page_opens_offline_without_errors(browser, pages, name):
    _open(browser, pages, name)
    assert browser.execute_script("return window.arcPage.ready") is True
    assert console_errors(browser) == []
    assert requests(browser) == []
    canvases = browser.execute_script(
        "let n = 0; const walk = r => r.querySelectorAll('*').forEach(e => {"
        " if (e.tagName === 'CANVAS') n++; if (e.shadowRoot) walk(e.shadowRoot); });"
        "walk(document); return n;"
    )
    assert canvases > 0  # Bokeh drew (its canvases live in shadow roots)


@pytest.mark.parametrize("name", ["vignette", "frankenstein"])
def test_one_point_per_story_unit(browser, pages, name):
    result = _open(browser, pages, name)
    drawn = browser.execute_script(
        "return window.arcPage.units.flatMap(r => Array.from(r.data_source.data.u))"
    )
    assert len(drawn) == len(story_values(result.frame))
    assert sorted(drawn) == list(range(len(drawn)))


@pytest.mark.parametrize("name, unit", [("vignette", 5), ("frankenstein", 1500)])
def test_hovering_a_point_shows_its_excerpt(browser, pages, name, unit):
    _open(browser, pages, name)
    at = browser.execute_script("return window.arcPage.locate(arguments[0])", unit)
    _point(browser, at["x"] - 30, at["y"] - 30)
    _point(browser, at["x"], at["y"])
    tip = _tip(browser)
    assert tip is not None
    shown = tip["unit"]  # the nearest point: this one, or one drawn on the same pixel
    assert abs(shown - unit) <= 3
    text = _words(_unit_text(browser, shown))
    assert _words(tip["text"].splitlines()[1]).rstrip("…") in text
    assert text[:30] in _words(tip["text"])
    assert re.search(r"[+\u2212]\d\.\d\d|0\.00", tip["text"])


@pytest.mark.parametrize("name, unit", [("vignette", 5), ("frankenstein", 1500)])
def test_clicking_a_point_shows_its_paragraph_tinted(browser, pages, name, unit):
    _open(browser, pages, name)
    at = browser.execute_script("return window.arcPage.locate(arguments[0])", unit)
    _point(browser, at["x"], at["y"], click=True)
    reading = _reading(browser)
    shown = int(reading.find_element("css selector", ".arc-text").get_attribute("data-unit"))
    own = _words(" ".join(e.text for e in reading.find_elements("css selector", ".arc-own")))
    assert own == _words(_unit_text(browser, shown))
    marks = reading.find_elements("css selector", "mark.arc-word")
    assert marks, "no word tinted"
    for mark in marks:
        assert mark.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "")
        assert mark.text.strip() and mark.text in own
    parts = [float(m.get_attribute("data-part")) for m in marks]
    assert any(p > 0 for p in parts) or any(p < 0 for p in parts)
    assert "words up" in reading.text and "words down" in reading.text
    value = browser.execute_script("return window.arcPage.data.units.value[arguments[0]]", shown)
    said = re.search(r"add up to ([+\u2212]?\d\.\d+)", reading.text).group(1)
    assert math.isclose(float(said.replace("\u2212", "-")), value, abs_tol=1.5e-3)
    if name == "frankenstein":  # a sentence is shown in its paragraph
        assert "rest of its paragraph" in reading.text


def test_hovering_a_turning_point_shows_its_sentence(browser, pages):
    _open(browser, pages, "frankenstein")
    turn = next(t for t in browser.execute_script("return window.arcPage.turnPoints()"))
    _point(browser, turn["sx"] - 20, turn["sy"] - 20)
    _point(browser, turn["sx"], turn["sy"])
    tip = _tip(browser)
    assert tip is not None and tip["text"].startswith(f"{turn['kind']} at {turn['x']:.1f}%")
    assert _words(turn["sentence"])[:40] in _words(tip["text"])


def test_clicking_a_turning_point_shows_its_passage(browser, pages):
    _open(browser, pages, "frankenstein")
    turns = browser.execute_script("return window.arcPage.turnPoints()")
    assert turns
    turn = next(t for t in turns if "within" not in t["kind"])
    _point(browser, turn["sx"], turn["sy"], click=True)
    heading = browser.find_element("css selector", "#arc-reading h2").text
    assert heading.startswith(f"{turn['kind']} at {turn['x']:.0f}%: sentence ")
    assert browser.find_elements("css selector", "#arc-reading mark.arc-word")
    # the passage is the sentence the turn quotes, marked, in its paragraph
    focus = browser.find_element("css selector", "#arc-reading .arc-focus").text
    assert focus == turn["sentence"]


def test_a_legend_click_hides_a_layer(browser, pages):
    _open(browser, pages, "vignette")
    button = next(
        b
        for b in browser.find_elements("css selector", "#arc-legend .arc-key")
        if b.text == "positive paragraph"
    )
    key = button.get_attribute("data-key")
    visible = "return window.arcPage.keyed.get('key' + arguments[0]).map(m => m.visible)"
    assert browser.execute_script(visible, key) == [True]
    chart = browser.find_element("id", "arc-chart")
    before = chart.screenshot_as_png
    button.click()
    time.sleep(0.3)
    assert browser.execute_script(visible, key) == [False]
    assert button.get_attribute("aria-pressed") == "false"
    assert chart.screenshot_as_png != before  # the green points are gone from the canvas
    button.click()
    time.sleep(0.3)
    assert browser.execute_script(visible, key) == [True]
    assert console_errors(browser) == []


def test_chapters_can_be_jumped_to(browser, pages):
    from selenium.webdriver.support.ui import Select

    _open(browser, pages, "frankenstein")
    assert browser.find_element("id", "arc-tools").is_displayed()
    chapters = browser.execute_script("return window.arcPage.data.chapters")
    select = Select(browser.find_element("id", "arc-chapters"))
    assert len(select.options) == len(chapters) + 1
    select.select_by_index(10)
    span = browser.execute_script(_SHOWN)
    assert span == pytest.approx([chapters[9]["x"], chapters[10]["x"]], abs=1e-6)
    select.select_by_index(0)
    span = browser.execute_script(_SHOWN)
    assert span == pytest.approx([0, 100])


def test_a_spans_word_shift_is_arcs(browser, pages):
    """Dragging across paragraphs 3-5 gives arc.word_shift of them against the whole story."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    result = _open(browser, pages, "vignette")
    index = browser.execute_script("return window.arcPage.data.units.index")
    first, last = index.index(3), index.index(5)
    a = browser.execute_script("return window.arcPage.locate(arguments[0])", first)
    b = browser.execute_script("return window.arcPage.locate(arguments[0])", last)
    actions = ActionBuilder(browser)
    y = (a["y"] + b["y"]) / 2
    actions.pointer_action.move_to_location(int(a["x"] - 15), int(y)).pointer_down()
    actions.pointer_action.move_to_location(int((a["x"] + b["x"]) / 2), int(y))
    actions.pointer_action.move_to_location(int(b["x"] + 15), int(y)).pointer_up()
    actions.perform()
    heading = browser.find_element("css selector", "#arc-reading h2").text
    assert heading == "Word shift: paragraphs 3\u20135 against the whole story"
    shown = browser.execute_script("return window.arcPage.lastShift")
    expected = arc.word_shift(arc.explain(result.frame, segment="3-5"), arc.explain(result.frame))
    assert [r["word"] for r in shown[:3]] == expected["word"].head(3).tolist()
    # Every word's part and kind as arc computes them (shares travel to 4 places, so words
    # whose parts differ by less than that may change places).
    by_word = expected.set_index("word")
    assert len(shown) == len(expected)
    for row in shown:
        assert row["shift"] == pytest.approx(by_word.at[row["word"], "shift"], abs=2e-4)
        assert row["kind"] == by_word.at[row["word"], "kind"], row["word"]
    assert sum(r["shift"] for r in shown) == pytest.approx(expected.attrs["difference"], abs=2e-3)


def test_story_text_is_shown_as_text_never_run(browser, pages):
    result = _open(browser, pages, "hostile")
    assert browser.execute_script("return window.__pwned === undefined")
    title = browser.find_element("css selector", "h1").text
    assert title.startswith("</script><script>window.__pwned = 1</script>")
    index = browser.execute_script("return window.arcPage.data.units.index")
    story = story_values(result.frame).set_index("index")
    u = next(k for k, i in enumerate(index) if "<img" in story.at[i, "text"])
    at = browser.execute_script("return window.arcPage.locate(arguments[0])", u)
    _point(browser, at["x"], at["y"])
    assert '<img src=x onerror="window.__pwned=2">' in _tip(browser)["text"]
    _point(browser, at["x"], at["y"], click=True)
    reading = _reading(browser).text
    assert '<img src=x onerror="window.__pwned=2">' in reading
    assert "</script> was all she wrote & more." in reading
    images = browser.execute_script(
        "let n = document.images.length;"
        "document.querySelectorAll('*').forEach(e => { if (e.shadowRoot)"
        " n += e.shadowRoot.querySelectorAll('img').length; });"
        "return n;"
    )
    assert images == 0
    assert browser.execute_script("return window.__pwned === undefined")
    assert console_errors(browser) == []


def test_a_novel_answers_without_visible_lag(browser, pages):
    """Hover and click on Frankenstein's 3,353 points: pointer event to the page's answer."""
    _open(browser, pages, "frankenstein")
    browser.execute_script("window.arcPage.timings.length = 0")
    for unit in range(200, 3200, 300):
        at = browser.execute_script("return window.arcPage.locate(arguments[0])", unit)
        _point(browser, at["x"], at["y"])
        _point(browser, at["x"], at["y"], click=True)
    time.sleep(0.3)
    timings = browser.execute_script("return window.arcPage.timings")
    hover = [t["ms"] for t in timings if t["what"] == "hover"]
    click = [t["ms"] for t in timings if t["what"] == "click"]
    assert len(hover) >= 10 and len(click) == 10
    assert statistics.median(hover) < HOVER_MS, hover
    assert statistics.median(click) < CLICK_MS, click


def test_the_notebook_view_is_the_page(browser, tmp_path):
    """What Jupyter shows for arc.interactive(df): the page in an iframe, working alike."""
    from selenium.webdriver.support.ui import WebDriverWait

    shown = tmp_path / "notebook.html"
    shown.write_text(
        f"<!DOCTYPE html><html><body>{arc.interactive(arc.analyze())._repr_html_()}</body></html>",
        "utf-8",
    )
    browser.get_log("browser")
    browser.get(shown.resolve().as_uri())
    browser.switch_to.frame(browser.find_element("tag name", "iframe"))
    try:
        WebDriverWait(browser, 60).until(
            lambda d: d.execute_script("return !!(window.arcPage && window.arcPage.ready)")
        )
        units = browser.execute_script(
            "return window.arcPage.units.reduce((n, r) => n + r.data_source.data.u.length, 0)"
        )
        assert units == 10
        assert browser.find_element("css selector", "h1").text == "Final Goodbyes"
    finally:
        browser.switch_to.default_content()
    assert console_errors(browser) == []
    assert requests(browser) == []
