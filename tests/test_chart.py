"""The chart data (arc.charts.data) and its builders: every chart as plain data, checked as data."""

import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest

import arc
from arc.analysis.labels import display_title, driving_sentence, excerpt
from arc.analysis.smoothers import SMOOTHERS
from arc.charts.captions import signed
from arc.charts.choice import chart_for
from arc.charts.compare import compare_chart
from arc.charts.data import SCHEMA_VERSION, Chart, Panel
from arc.charts.render import save_chart
from arc.charts.smoothed import methods_chart, smoothed_chart
from arc.charts.story import story_chart
from arc.charts.theme import NEGATIVE, NEUTRAL_GREY, POSITIVE
from arc.score.scorers import get_scorer, scorer_info
from tests.books import BOOKS, FRANKENSTEIN

VADER = scorer_info("vader")
ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
]
#: A 6 pt digit is at least 3 pt wide, and no chart's x axis is wider than its 11 in figure:
#: the least share of the x axis (in %) one character of a chapter label takes.
MIN_CHAR = 3 / (11 * 72) * 100


def colour(value: float, neutral: float = VADER.neutral) -> str:
    """The colour a value gets, worked out here (not with arc's helper)."""
    if value > neutral:
        return POSITIVE
    if value < -neutral:
        return NEGATIVE
    return NEUTRAL_GREY


def sentence_frame(chapters, lengths, seed=0, **attrs):
    """A sentence frame as arc.analyze makes it, with these chapters of these lengths."""
    rng = np.random.default_rng(seed)
    chapter = np.repeat(np.array(chapters, dtype=object), lengths)
    n = len(chapter)
    df = pd.DataFrame(
        {
            "index": np.arange(n),
            "role": "body",
            "chapter": chapter,
            "compound": rng.uniform(-1, 1, n).round(4),
            "position": np.linspace(0, 1, n),
        }
    )
    df.attrs.update(
        {"unit": "sentence", "scorer": "vader", "title": "Many Chapters", "name": "many", **attrs}
    )
    return df


@pytest.fixture(scope="module")
def frankenstein_units(frankenstein_sentences):
    """Frankenstein in every unit (the sentence frame is the session's)."""
    frames = {"sentence": frankenstein_sentences}
    for unit in ("paragraph", "window", "bins"):
        frames[unit] = arc.analyze(FRANKENSTEIN, unit=unit)
    return frames


def points_and_lines(chart):
    for panel in chart.panels:
        for pts in panel.points:
            yield panel, "points", np.asarray(pts.y)
        for line in panel.lines:
            yield panel, "line", np.asarray(line.y)


# --------------------------------------------------------------------------- story chart


def test_story_chart_of_the_vignette(vignette):
    chart = story_chart(vignette)
    assert chart.kind == "story" and chart.title == "Final Goodbyes"
    assert [p.name for p in chart.panels] == ["arc"]
    panel = chart.panel("arc")
    assert panel.yticks == [-1.0, -0.5, 0.0, 0.5, 1.0] and panel.spine == (-1.0, 1.0)
    assert panel.ylim[0] < -1 and panel.ylim[1] > 1  # margins that hold the annotations
    assert panel.neutral == VADER.neutral
    body = vignette[vignette.role == "body"]
    assert panel.points[0].y == body.compound.tolist()
    assert panel.lines[0].y == body.compound.tolist()
    assert panel.points[0].rows == body.index.tolist()
    assert panel.ranges[0].low == body.compound_min.tolist()
    assert panel.ranges[0].high == body.compound_max.tolist()
    assert "neutral zone (±0.05)" in [k.label for k in chart.legend()]
    assert "left out: end, note, title" in chart.caption
    assert "paragraph" in chart.xlabel
    # The subtitle is the verdict: the shape, how much is beyond chance, the tally.
    assert chart.subtitle.startswith("no clear shape (closest: riches to rags")
    assert "beyond chance over 20% of the story" in chart.subtitle
    assert chart.subtitle.endswith("6 of 10 paragraphs negative, 3 positive")


@pytest.mark.parametrize("include_paratext", [False, True])
def test_story_chart_x_is_the_index_column(vignette, include_paratext):
    chart = story_chart(vignette, include_paratext=include_paratext)
    rows = vignette if include_paratext else vignette[vignette.role == "body"]
    data = [pts for pts in chart.panel("arc").points if not pts.overlay]
    xs = sorted(x for pts in data for x in pts.x)
    assert xs == rows["index"].astype(float).tolist()
    ys = {x: y for pts in data for x, y in zip(pts.x, pts.y, strict=True)}
    assert [ys[x] for x in xs] == rows.compound.tolist()
    assert chart.xlim[0] < min(xs) and max(xs) < chart.xlim[1]


def test_story_chart_with_paratext_marks_it(vignette):
    chart = story_chart(vignette, include_paratext=True)
    paratext = next(p for p in chart.panel("arc").points if p.hollow)
    rows = vignette[vignette.role != "body"]
    assert paratext.x == rows["index"].astype(float).tolist()
    assert set(paratext.colors) == {NEUTRAL_GREY}
    assert {lb.text for lb in chart.panel("arc").labels} == {"note", "title", "end"}
    assert chart.xlim[1] > vignette["index"].max()


def test_story_points_are_coloured_by_sign(vignette):
    for pts in story_chart(vignette).panel("arc").points:
        if not pts.hollow:
            assert pts.colors == [colour(y) for y in pts.y]


def test_vignette_annotations(vignette, vignette_sentences):
    notes = {kind: a for a in story_chart(vignette).panel("arc").annotations for kind in a.kinds}
    assert set(notes) == {"lowest", "highest", "ending"}
    body = vignette[vignette.role == "body"]
    ending = notes["ending"]
    assert ending.row == body.index[-1]
    # The ending quotes the story's last sentence (not the paragraph's most positive one,
    # the town sign "Please come back soon."), in the colour of that sentence's own score.
    assert ending.sentence == "I never want to come back."
    assert "\u201cI never want to come back.\u201d" in ending.text
    said = get_scorer("vader").score(ending.sentence).compound
    assert said < -VADER.neutral and ending.color == colour(said) == NEGATIVE
    assert "Please come back soon." not in ending.text
    lowest = notes["lowest"]
    assert vignette.loc[lowest.row, "compound"] == body.compound.min()
    assert notes["highest"].row == body.compound.idxmax()
    # The lowest paragraph quotes its own most negative sentence.
    sentences = vignette_sentences[vignette_sentences.paragraph == lowest.row]
    quoted = sentences[sentences.text.str.strip() == lowest.sentence.strip()]
    assert len(quoted) == 1
    assert quoted.compound.iloc[0] == sentences.compound.min()
    assert lowest.sentence in vignette.loc[lowest.row, "text"]
    assert lowest.text.startswith("lowest") and excerpt(lowest.sentence) in lowest.text


def test_annotations_point_at_their_paragraphs_from_the_margins(vignette):
    lo, hi = VADER.value_range
    for note in story_chart(vignette).panel("arc").annotations:
        assert note.x == vignette.loc[note.row, "index"]
        assert note.y == vignette.loc[note.row, "compound"]
        assert note.text_y > hi or note.text_y < lo  # beyond the value range: covers no point
        assert note.va == ("bottom" if note.text_y > hi else "top")


@pytest.mark.parametrize(
    "text",
    [
        "It was a wonderful, happy day.\n\nThe war killed everyone and it was horrible.\n\n"
        "The door is brown.",
        "The war killed everyone and it was horrible.\n\nThe door is brown.\n\n"
        "It was a wonderful, happy day.",
        "The door is brown. It was a wonderful, happy day.\n\nThe table is made of wood.\n\n"
        "The war killed everyone and it was horrible. The chair is red.",
    ],
    ids=["neutral-ending", "positive-ending", "negative-ending"],
)
def test_annotation_colour_follows_the_sign_of_its_value(text):
    df = arc.analyze(text=text)
    notes = story_chart(df).panel("arc").annotations
    assert {k for n in notes for k in n.kinds} == {"lowest", "highest", "ending"}
    for note in notes:
        assert note.color == colour(note.y), note.text
    ending = next(n for n in notes if "ending" in n.kinds)
    assert ending.y == df[df.role == "body"].compound.iloc[-1]


def test_neutral_ending_is_grey():
    df = arc.analyze(
        text="It was a wonderful, happy day.\n\nIt was a horrible, awful day.\n\nThe door is brown."
    )
    ending = next(n for n in story_chart(df).panel("arc").annotations if "ending" in n.kinds)
    assert abs(ending.y) <= VADER.neutral and ending.color == NEUTRAL_GREY


def test_no_annotations_when_asked(vignette):
    assert story_chart(vignette, annotate=False).panel("arc").annotations == []


@pytest.mark.parametrize(
    ("text", "down", "expected"),
    [
        ("I love sunny days. I hate cold rain. The table is wooden.", False, "I love sunny days."),
        ("I love sunny days. I hate cold rain. The table is wooden.", True, "I hate cold rain."),
        (
            "The table is wooden. It was a terrible, awful loss.",
            True,
            "It was a terrible, awful loss.",
        ),
        ("The table is wooden. It was a terrible, awful loss.", False, "The table is wooden."),
        ("Only one sentence here.", True, "Only one sentence here."),
    ],
)
def test_driving_sentence(text, down, expected):
    assert driving_sentence(text, down=down) == expected


def test_driving_sentence_is_the_extreme_score():
    text = "She smiled. He wept bitterly. They were overjoyed and grateful. It rained."
    sentences = [s.text for s in arc.split_sentences(text)]
    scores = [s.compound for s in get_scorer().score_many(sentences)]
    assert driving_sentence(text, down=False) == sentences[int(np.argmax(scores))]
    assert driving_sentence(text, down=True) == sentences[int(np.argmin(scores))]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("one two three four", 9, "one two…"), ("a  b\nc", 10, "a b c")],
)
def test_excerpt(text, limit, expected):
    assert excerpt(text, limit) == expected


# ------------------------------------------------------------------------- smoothed charts


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
def test_sentences_and_paragraphs_get_an_arc_over_a_strip(frankenstein_units, unit):
    df = frankenstein_units[unit]
    chart = smoothed_chart(df)
    assert [p.name for p in chart.panels] == ["arc", "points"]
    arc_panel, strip = chart.panels
    assert arc_panel.points == [] and len(arc_panel.lines) == 1
    assert strip.lines == [] and len(strip.points) == 1
    lo, hi = VADER.value_range
    assert strip.ylim[0] <= lo and strip.ylim[1] >= hi  # the scorer's whole range
    assert lo in strip.yticks and hi in strip.yticks
    # The arc is zoomed to itself: narrower than the scorer's range.
    assert lo < arc_panel.ylim[0] < 0 < arc_panel.ylim[1] < hi
    spine = arc_panel.spine or arc_panel.ylim  # the value range, below the turns' label rows
    assert spine[1] - spine[0] < 1
    story = df[df.role == "body"]
    assert strip.points[0].y == story.compound.tolist()
    np.testing.assert_allclose(strip.points[0].x, story.position * 100)
    assert strip.points[0].colors == [colour(y) for y in strip.points[0].y]


@pytest.mark.parametrize("unit", ["window", "bins"])
def test_windows_and_bins_share_one_panel_with_the_line(frankenstein_units, unit):
    df = frankenstein_units[unit]
    chart = smoothed_chart(df)
    assert [p.name for p in chart.panels] == ["arc"]
    (panel,) = chart.panels
    assert len(panel.points) == 1 and len(panel.lines) == 1
    assert panel.points[0].y == df.compound.tolist()
    np.testing.assert_allclose(panel.points[0].x, df.position * 100)
    assert "on the arc's scale" in chart.caption


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "window", "bins"])
@pytest.mark.parametrize("method", list(SMOOTHERS))
def test_everything_lies_inside_its_panels_scale(frankenstein_units, unit, method):
    df = frankenstein_units[unit]
    chart = smoothed_chart(df, method)
    for panel, what, y in points_and_lines(chart):
        assert panel.ylim[0] <= y.min() and y.max() <= panel.ylim[1], (panel.name, what)
    for panel in chart.panels:
        assert all(panel.ylim[0] <= t <= panel.ylim[1] for t in panel.yticks)
    assert 0.0 in chart.panel("arc").yticks
    line = chart.panel("arc").lines[0]
    expected = arc.smoothed_arc(df, method)
    np.testing.assert_allclose(line.y, expected.value)
    np.testing.assert_allclose(line.x, expected.time)
    assert line.label == SMOOTHERS[method].caption()


def test_smoothed_chart_states_its_choices(alice_sentences):
    chart = smoothed_chart(alice_sentences, "lowess", frac=0.3)
    assert "sentences" in chart.caption and "LOWESS (frac 30%)" in chart.caption
    assert "12 chapters" in chart.caption and SMOOTHERS["lowess"].edges in chart.caption
    assert "LOWESS (frac 30%)" in [k.label for k in chart.legend()]
    assert chart.meta["params"] == {"frac": 0.3} and chart.meta["methods"] == ["lowess"]
    np.testing.assert_allclose(
        chart.panel("arc").lines[0].y, arc.smoothed_arc(alice_sentences, "lowess", frac=0.3).value
    )
    assert chart.xlim == (0.0, 100.0) and chart.xtick_labels[-1] == "100%"


def test_smoothed_chart_without_points(alice_sentences):
    chart = smoothed_chart(alice_sentences, points=False, chapters=False)
    assert [p.name for p in chart.panels] == ["arc"] and chart.chapters == []


def test_methods_chart_lines_are_in_compound_units(frankenstein_sentences):
    chart = methods_chart(frankenstein_sentences)
    assert chart.kind == "methods"
    assert [p.name for p in chart.panels] == ["arc", "points"]
    lines = chart.panel("arc").lines
    assert [ln.label for ln in lines] == [s.caption() for s in SMOOTHERS.values()]
    assert len({ln.color for ln in lines}) == len(lines)
    for method, line in zip(SMOOTHERS, lines, strict=True):
        expected = arc.smoothed_arc(frankenstein_sentences, method)
        np.testing.assert_allclose(line.y, expected.value)
        np.testing.assert_allclose(line.x, expected.time)
        y = np.asarray(line.y)
        assert not (y.min() == -1 and y.max() == 1)  # not rescaled to its own range
    panel = chart.panel("arc")
    for line in lines:
        assert panel.ylim[0] <= min(line.y) and max(line.y) <= panel.ylim[1]
    keys = [k.label for k in chart.legend()]
    assert [k for k in keys if k in {ln.label for ln in lines}] == [ln.label for ln in lines]


# -------------------------------------------------------------------------- compare chart


@pytest.fixture(scope="module")
def compared(alice_sentences, frankenstein_sentences):
    return arc.compare([alice_sentences, frankenstein_sentences])


def drawn_values(line):
    """A compare line's values at the data's grid points (its crossings added, gaps left out)."""
    x, y = np.asarray(line.x), np.asarray(line.y)
    on_grid = np.isin(x, np.linspace(0, 100, 101)) & np.isfinite(y)
    return x[on_grid], y[on_grid]


def test_compare_chart_of_rescaled_arcs(alice_sentences, frankenstein_sentences):
    data = arc.compare([alice_sentences, frankenstein_sentences], scale=True)
    chart = compare_chart(data)
    (panel,) = chart.panels
    assert panel.ylim[0] < -1 and panel.ylim[1] > 1 and not panel.zero and not panel.neutral
    assert panel.ytick_labels == ["its lowest", "its middle", "its highest"]
    titled = [ln for ln in panel.lines if ln.label.split(":")[0] in set(data.title)]
    assert [ln.label.split(":")[0] for ln in titled] == list(dict.fromkeys(data.title))
    for (_, group), record, line in zip(
        data.groupby("text"), data.attrs["texts"], titled, strict=True
    ):
        x, y = drawn_values(line)
        kept = group.set_index("time").value
        np.testing.assert_allclose(y, kept.loc[x].to_numpy())
        real = f"real range {signed(record['low'])} to {signed(record['high'])}"
        assert line.label.endswith(real)  # the stretched arc's real range, in its legend entry
    assert chart.title == "Sentiment arcs compared"
    assert compare_chart(data, title="Mine").title == "Mine"


def test_compare_chart_in_scorer_units(compared):
    (panel,) = compare_chart(compared).panels
    assert panel.zero and panel.neutral == VADER.neutral
    assert panel.ylim[0] > -1 and panel.ylim[1] < 1
    assert panel.ylim[0] <= -4 * VADER.neutral and panel.ylim[1] >= 4 * VADER.neutral
    for line in panel.lines:
        y = np.asarray(line.y)
        assert panel.ylim[0] <= np.nanmin(y) and np.nanmax(y) <= panel.ylim[1]
        assert "real range" not in line.label


# ---------------------------------------------------------------------------- the choice


def test_chart_for_picks_the_chart(vignette, vignette_sentences, frankenstein_units):
    assert chart_for(vignette).kind == "story"
    assert chart_for(vignette, smoother="rolling").kind == "smoothed"
    assert chart_for(vignette, smoother="all").kind == "methods"
    assert chart_for(vignette_sentences).kind == "smoothed"
    assert chart_for(frankenstein_units["paragraph"]).kind == "smoothed"  # chapters: a book
    bins = chart_for(frankenstein_units["bins"])
    assert bins.kind == "smoothed" and len(bins.panels) == 1
    lowess = chart_for(frankenstein_units["sentence"], smoother="lowess", frac=0.3)
    assert lowess.meta["methods"] == ["lowess"] and lowess.meta["params"] == {"frac": 0.3}


def test_a_long_story_without_chapters_gets_the_smoothed_chart():
    text = "\n\n".join(f"On day {i} she was happy and then sad." for i in range(61))
    assert chart_for(arc.analyze(text=text)).kind == "smoothed"
    assert chart_for(arc.analyze(text=text.rsplit("\n\n", 1)[0])).kind == "story"  # 60 paragraphs


# ------------------------------------------------------------------------------ chapters


def labelled(chart):
    return [m for m in chart.chapters if m.label]


def assert_labels_apart(chart):
    """Labels in one row go left to right, each ending before the next begins."""
    assert chart.chapter_rows <= 3
    for tier in range(chart.chapter_rows):
        row = [m for m in labelled(chart) if m.tier == tier]
        for before, after in itertools.pairwise(row):
            assert after.x - before.x > len(before.label) * MIN_CHAR, (before, after)
    assert all(m.tier < max(chart.chapter_rows, 1) for m in labelled(chart))


def test_many_chapters_get_every_kth_label():
    lengths = np.random.default_rng(1).integers(1, 60, 136)
    chart = smoothed_chart(sentence_frame([str(i) for i in range(1, 137)], lengths))
    assert len(chart.chapters) == 136
    labels = [m.label for m in labelled(chart)]
    assert 0 < len(labels) < 136
    k = int(labels[1])
    assert f"every {k}th labelled" in chart.caption and "136 chapters" in chart.caption
    assert labels == ["1", *(str(i) for i in range(k, 137, k))]
    assert_labels_apart(chart)


def test_chapters_in_books_get_the_books_labelled():
    chapters = [f"{book}.{k}" for book in ROMAN for k in range(1, 21)]
    lengths = np.random.default_rng(2).integers(1, 60, len(chapters))
    chart = smoothed_chart(sentence_frame(chapters, lengths))
    assert [m.label for m in labelled(chart)] == ROMAN
    assert all(m.major for m in labelled(chart))
    assert "books" in chart.caption and "300 chapters" in chart.caption
    assert "start of a book" in [k.label for k in chart.legend()]
    assert_labels_apart(chart)


def test_a_few_chapters_are_all_labelled(alice_sentences):
    lengths = np.random.default_rng(3).integers(20, 60, 20)
    chart = smoothed_chart(sentence_frame([f"Chapter {i}" for i in range(1, 21)], lengths))
    assert [m.label for m in chart.chapters] == [f"Chapter {i}" for i in range(1, 21)]
    assert "20 chapters" in chart.caption and "labelled" not in chart.caption
    assert "start of a chapter" in [k.label for k in chart.legend()]
    assert_labels_apart(chart)
    alice = smoothed_chart(alice_sentences)
    assert [m.label for m in alice.chapters] == [str(i) for i in range(1, 13)]
    assert [m.x for m in alice.chapters] == arc.chapter_starts(alice_sentences).time.tolist()
    assert_labels_apart(alice)


def test_every_frankenstein_chapter_is_labelled(frankenstein_sentences):
    chart = smoothed_chart(frankenstein_sentences)
    assert [m.label for m in chart.chapters] == arc.chapter_starts(
        frankenstein_sentences
    ).label.tolist()
    assert_labels_apart(chart)


def test_bins_keep_the_chapter_starts_of_their_sentences(frankenstein_units):
    bins = smoothed_chart(frankenstein_units["bins"])
    sentences = smoothed_chart(frankenstein_units["sentence"])
    assert [(m.x, m.name) for m in bins.chapters] == [(m.x, m.name) for m in sentences.chapters]


# -------------------------------------------------------------------------------- titles


def test_untitled_frame_is_titled_by_its_file_name(vignette):
    df = vignette.copy()
    df.attrs = {**vignette.attrs, "title": None, "name": "mystory", "author": None}
    assert display_title(df) == "mystory (file name)"
    for chart in (story_chart(df), smoothed_chart(df)):
        assert chart.title == "mystory"
        assert "no title found" in chart.caption and "file name" in chart.caption
    assert story_chart(df, title="Given").title == "Given"


def test_frame_with_neither_title_nor_name(vignette):
    df = vignette.copy()
    df.attrs = {**vignette.attrs, "title": None, "name": None}
    assert display_title(df) == "Untitled" and story_chart(df).title == "Untitled"
    assert "no title found" in story_chart(df).caption


@pytest.mark.parametrize("title", ["Final Goodbyes", None])
def test_author_leads_the_caption(vignette, title):
    df = vignette.copy()
    df.attrs = {**vignette.attrs, "title": title, "name": "mystory", "author": "Jane Roe"}
    for chart in (story_chart(df), smoothed_chart(df)):
        assert chart.caption.startswith("by Jane Roe")
        assert "Jane Roe" not in chart.subtitle  # the subtitle is the verdict
        assert chart.title == (title or "mystory")


def test_gutenberg_author_in_the_caption(frankenstein_sentences):
    chart = smoothed_chart(frankenstein_sentences)
    assert chart.title == "Frankenstein; Or, The Modern Prometheus"
    assert chart.caption.startswith("by Mary Wollstonecraft Shelley")


# ------------------------------------------------------------------------ data is plain


def every_kind(vignette, frankenstein_units, compared):
    return {
        "story": lambda: story_chart(vignette, include_paratext=True),
        "smoothed": lambda: smoothed_chart(frankenstein_units["sentence"]),
        "smoothed-bins": lambda: smoothed_chart(frankenstein_units["bins"], "lowess"),
        "smoothed-window": lambda: smoothed_chart(frankenstein_units["window"], "dct"),
        "methods": lambda: methods_chart(frankenstein_units["paragraph"]),
        "compare": lambda: compare_chart(compared),
    }


KINDS = ["story", "smoothed", "smoothed-bins", "smoothed-window", "methods", "compare"]


@pytest.mark.parametrize("kind", KINDS)
def test_chart_data_is_plain_and_deterministic(vignette, frankenstein_units, compared, kind):
    build = every_kind(vignette, frankenstein_units, compared)[kind]
    first, second = build(), build()
    text = json.dumps(first.to_dict(), allow_nan=False)
    assert text == json.dumps(second.to_dict(), allow_nan=False)
    assert json.loads(text) == first.to_dict()  # nothing but lists, numbers, strings, None
    data = first.to_dict()
    assert data["kind"] == first.kind.split("-")[0]
    assert [p["name"] for p in data["panels"]] == [p.name for p in first.panels]
    assert all(isinstance(s, str) for s in first.texts())


@pytest.mark.parametrize("kind", KINDS)
def test_chart_data_round_trips(vignette, frankenstein_units, compared, kind):
    chart = every_kind(vignette, frankenstein_units, compared)[kind]()
    data = chart.to_dict()
    assert next(iter(data)) == "schema_version" and data["schema_version"] == SCHEMA_VERSION
    back = Chart.from_dict(json.loads(json.dumps(data)))
    assert back.to_dict() == data
    assert back.digest() == chart.digest()
    assert isinstance(back.xlim, tuple) and isinstance(back.size, tuple)
    assert all(isinstance(p, Panel) and isinstance(p.ylim, tuple) for p in back.panels)


def test_a_chart_read_back_draws_the_same_file(tmp_path, vignette, alice_sentences):
    """NaN (the gap in the smoothing check's end bars) comes back as NaN, not None."""
    from arc.charts.checkchart import smoothcheck_chart

    back = {}
    for name, chart in {
        "story": story_chart(vignette),
        "smoothed": smoothed_chart(alice_sentences),
        "check": smoothcheck_chart(alice_sentences, "dct"),
    }.items():
        back[name] = Chart.from_dict(json.loads(json.dumps(chart.to_dict())))
        one = save_chart(chart, tmp_path / f"{name}-one.svg", dpi=40)
        two = save_chart(back[name], tmp_path / f"{name}-two.svg", dpi=40)
        assert one.read_bytes() == two.read_bytes(), name
    assert math.isnan(back["check"].panel("arc").lines[-1].y[2])
    turns = back["smoothed"].panel("arc").turns
    assert turns and all(isinstance(t.box, tuple) for t in turns)


def test_from_dict_reads_its_own_version_only(vignette):
    data = story_chart(vignette).to_dict()
    unversioned = {k: v for k, v in data.items() if k != "schema_version"}
    assert data["schema_version"] == SCHEMA_VERSION == 2
    # Without a version, the data is of version 1 (with Panel.legend and Line.fill): not read.
    with pytest.raises(ValueError, match="schema version 1"):
        Chart.from_dict(unversioned)
    with pytest.raises(ValueError, match="schema version 99"):
        Chart.from_dict({**data, "schema_version": 99})
    with pytest.raises(ValueError, match="no field 'colour'"):
        Chart.from_dict({**data, "colour": "red"})


def test_compare_data_is_deterministic(alice_sentences):
    excerpt_path = BOOKS / "alice_pg11_excerpt.txt"
    one = compare_chart(arc.compare([alice_sentences, excerpt_path], method="rolling"))
    two = compare_chart(arc.compare([alice_sentences, excerpt_path], method="rolling"))
    assert json.dumps(one.to_dict()) == json.dumps(two.to_dict())


# ------------------------------------------------------------------------------- empty


@pytest.mark.parametrize(
    "build", [story_chart, smoothed_chart, methods_chart], ids=["story", "smoothed", "methods"]
)
def test_a_frame_without_story_gives_an_empty_chart(vignette, vignette_sentences, build):
    df = (vignette if build is story_chart else vignette_sentences).iloc[0:0]
    chart = build(df)
    assert all(p.points == [] and p.lines == [] for p in chart.panels)
    json.dumps(chart.to_dict(), allow_nan=False)
