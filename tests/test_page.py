"""The interactive page as a file: what it holds, how big it is, and the commands that write it.

The page in a browser is tested in tests/test_page_browser.py.
"""

import base64
import gzip
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("bokeh", reason="needs the page extra: pip install -e '.[page]' (or .[test])")

import arc
from arc.analysis.narrative import story_values
from arc.analysis.result import Analysis
from arc.charts.choice import chart_for
from arc.charts.page import Page, interactive, page_html, save_page
from arc.charts.pagefigures import css_color
from arc.charts.reading import SHARE_SCALE, reading_data, word_spans
from arc.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: The page of a story may hold at most this many bytes (issue #21): the vignette's.
VIGNETTE_LIMIT = 1_500_000
#: A story whose text tries to break out of the page: a closing script tag and an image
#: whose onerror would run.
HOSTILE = (
    '</script><script>window.__pwned = 1</script> "A Title" <b>bold</b>\n\n'
    'It was a lovely day, and <img src=x onerror="window.__pwned=2"> she smiled happily. '
    "</script> was all she wrote & more.\n\n"
    "Then everything was terrible and awful. She cried and cried.\n\n"
    "The next morning was grey. Nothing moved.\n\n"
    "But in the end she was happy again, and glad, so glad.\n"
)


def _packed(html: str) -> dict:
    found = re.search(r'<script type="text/plain" id="arc-reading-data">([^<]*)</script>', html)
    assert found
    return json.loads(gzip.decompress(base64.b64decode(found.group(1))))


@pytest.fixture(scope="module")
def vignette():
    result = Analysis.of()
    return result, chart_for(result)


def test_the_page_is_self_contained(vignette):
    result, chart = vignette
    html = page_html(chart, result)
    # No file, script, style or image is fetched from anywhere.
    assert not re.search(r"<(script|link|img|iframe|source)\b[^>]*\b(src|href)=", html)
    assert "<link" not in html
    assert html.count("<script") == html.count("</script>") == 5  # BokehJS (2) and the page's (3)
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Final Goodbyes</title>" in html


def test_the_vignettes_page_is_small(vignette, tmp_path):
    result, chart = vignette
    size = save_page(chart, tmp_path / "v.html", result).stat().st_size
    assert size <= VIGNETTE_LIMIT, f"{size:,} bytes"


def test_the_page_shows_the_charts_words(vignette):
    result, chart = vignette
    html = page_html(chart, result)
    for key in chart.legend():  # the legend, as the PNG keys it
        assert f"<span>{key.label}</span>" in html.replace("&#x27;", "'")
    assert chart.subtitle in html
    assert chart.caption.split(" · ")[0] in html


def test_every_unit_and_its_text_is_there(vignette):
    result, chart = vignette
    data = _packed(page_html(chart, result))["reading"]
    story = story_values(result.frame)
    assert data["units"]["index"] == story["index"].tolist()
    assert all(data["units"]["story"])
    for u, index in enumerate(data["units"]["index"]):
        start, count = data["units"]["start"][u], data["units"]["count"][u]
        text = " ".join(data["sentences"][start : start + count])
        assert " ".join(text.split()) == " ".join(str(story.set_index("index").text[index]).split())


def test_word_parts_add_up_to_each_units_value(vignette):
    """The page's numbers are arc.explain's: a paragraph's word parts sum to its value."""
    result, chart = vignette
    data = reading_data(chart, result)
    assert data is not None and data["words_by"] == "VADER"
    for u, index in enumerate(data["units"]["index"]):
        start, count = data["units"]["start"][u], data["units"]["count"][u]
        weights = data["units"]["weights"][u] or [1 / count] * count
        total = 0.0
        for k, w in enumerate(weights):
            flat = data["words"][start + k]
            total += w * (sum(flat[2::3]) + data["emphasis"][start + k]) / SHARE_SCALE
        expected = arc.explain(result.frame, segment=index).attrs["value"]
        assert math.isclose(total, expected, abs_tol=5e-4), (index, total, expected)


def test_tinted_words_are_the_words_vader_read(vignette):
    result, chart = vignette
    data = reading_data(chart, result)
    words = arc.explain(result.sentences, "sentence")
    tinted = []
    for s, flat in enumerate(data["words"]):
        text = data["sentences"][s]
        tinted += [text[a : a + n].lower() for a, n in zip(flat[0::3], flat[1::3], strict=True)]
    named = [t.lower() for t in words["token"] if t != "(punctuation)"]
    assert sorted(tinted) == sorted(named)


def test_word_spans_find_the_word_in_its_piece():
    assert word_spans("Oh, lovely!! (really)", [(1, "lovely"), (2, "really")]) == [
        (4, 6),
        (14, 6),
    ]
    assert word_spans("no such", [(5, "word")]) == [None]


def test_a_long_texts_units_are_its_sentences():
    result = Analysis.of(arc.example_path("alice"), unit="sentence")
    chart = chart_for(result)
    data = reading_data(chart, result)
    story = story_values(result.frame)
    assert len(data["units"]["index"]) == len(story)
    assert data["unit"] == "sentence" and data["chapters"]
    assert data["chapters"][0]["label"] == story["chapter"].dropna().iloc[0]


def test_story_text_is_escaped_everywhere(tmp_path):
    story = tmp_path / "hostile.txt"
    story.write_text(HOSTILE, "utf-8")
    out = tmp_path / "hostile.html"
    assert main(["plot", str(story), "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert html.count("<script") == html.count("</script>") == 5
    ours = re.sub(r"/\* BEGIN bokeh.min.js \*/.*/\* END bokeh.min.js \*/", "", html, flags=re.S)
    assert len(ours) < 100_000  # BokehJS (which has "onerror=" of its own) left out
    assert "onerror=" not in ours and "<img" not in ours and "<b>" not in ours
    assert "<script>window.__pwned" not in ours
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in ours  # the title
    data = _packed(html)["reading"]
    assert any("<img src=x onerror=" in s for s in data["sentences"])


def test_bokeh_is_never_given_html_to_show():
    """No Bokeh tooltip template: Bokeh 3.4 puts a template's fields in unescaped."""
    result = Analysis.of(arc.example_path("alice"), unit="sentence")
    html = page_html(chart_for(result), result)
    found = re.search(r'<script type="application/json" id="arc-chart-data">(.*?)</script>', html)
    hovers = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("name") == "HoverTool":
                hovers.append(node.get("attributes", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(found.group(1)))
    assert len(hovers) == 2  # the points' and the turning points'
    assert all(h.get("tooltips", "missing") is None for h in hovers)
    assert not re.search(r'"name":"(Div|Paragraph|PreText|Markup)"', found.group(1))


def test_interactive_shows_itself_in_a_notebook(vignette):
    page = interactive(arc.analyze())
    assert isinstance(page, Page)
    assert repr(page) == "Page('Final Goodbyes': story chart, 10 points)"
    shown = page._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "<script" not in shown
    assert page.points == 10
    compare = interactive(arc.compare_chart(arc.compare([arc.analyze(unit="sentence")])))
    assert compare.points == 0 and compare.kind == "compare"


def test_save_chart_writes_the_page_for_html(vignette, tmp_path):
    _, chart = vignette
    path = arc.save_chart(chart, tmp_path / "chart.html")
    html = path.read_text("utf-8")
    assert "Final Goodbyes" in html and _packed(html)["reading"] is None


def test_css_colors_are_the_themes():
    assert css_color("0.86") == "#dbdbdb"
    assert css_color("#1a9850") == "#1a9850"


# ----------------------------------------------------------------------------- commands


def _run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "arc", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_arc_plot_writes_a_page_by_its_extension(tmp_path):
    out = tmp_path / "story.html"
    result = _run("plot", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out) and result.stderr == ""
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_arc_compare_writes_a_page(tmp_path):
    out = tmp_path / "x.html"
    result = _run("compare", "--example", "alice", "--example", "northanger", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Sentiment arcs compared" in out.read_text("utf-8")


@pytest.mark.parametrize(
    "args, status, said",
    [
        (["plot", "no_such_file.txt", "-o", "{tmp}/a.html"], 2, "no such file"),
        (["plot", "-o", "{tmp}/missing/a.html"], 1, "does not exist"),
        (["compare", "--example", "alice", "-o", "{tmp}/missing/a.html"], 1, "does not exist"),
        (["plot", "{tmp}/empty.txt", "-o", "{tmp}/a.html"], 2, "empty"),
    ],
)
def test_bad_input_and_output_say_one_line(tmp_path, args, status, said):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    result = _run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == status
    assert len(result.stderr.strip().splitlines()) == 1 and said in result.stderr
    assert not (tmp_path / "a.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]  # no temporary file


def test_without_bokeh_the_command_names_the_extra(tmp_path):
    code = (
        "import sys; sys.modules['bokeh'] = None\n"
        "from arc.cli import main\n"
        f"sys.exit(main(['plot', '-o', {str(tmp_path / 'a.html')!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"arc: error: writing {tmp_path / 'a.html'} (an interactive page) needs Bokeh, in "
        "arc's page extra: pip install 'arc-sentiment[page]'"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_page_over_a_read_only_file_leaves_it_whole(tmp_path):
    out = tmp_path / "a.html"
    out.write_text("before", "utf-8")
    out.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        result = _run("plot", "-o", str(out))
    finally:
        tmp_path.chmod(0o755)
    if result.returncode == 0:  # root writes anyway: then the page is whole
        assert out.read_text("utf-8").endswith("</html>\n")
    else:
        assert len(result.stderr.strip().splitlines()) == 1
        assert out.read_text("utf-8") == "before"
