"""Charts read at a glance (#20): the story, long-text and methods charts' turns, ending, zoom,
low-coverage strip, legend and verdicts, checked as data and as drawn."""

import json

import numpy as np
import pandas as pd
import pytest
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import arc
from arc.charts.data import Chart, Line, Panel
from arc.charts.drawing import draw
from arc.charts.honesty import BEYOND_CHANCE, CHANCE, LOW_COVERAGE, NOT_TESTED
from arc.charts.layout import MIN_ZOOM, turn_marks, zoomed_limits
from arc.charts.smoothed import agreement_verdict, methods_chart, shapes_verdict, smoothed_chart
from arc.charts.story import story_chart
from arc.charts.theme import (
    FAINT_TURN,
    NEGATIVE,
    NEUTRAL_GREY,
    POSITIVE,
    SHADE,
    SHADE_HEIGHT,
    sign_color,
)
from arc.score.scorers import get_scorer, scorer_info
from tests.reading import reading_problems

VADER = scorer_info("vader")
FAINT_KEY = "turn within chance (not quoted)"


def said(sentence):
    """A sentence's own VADER compound, as the chart scores it."""
    return get_scorer("vader").score(sentence).compound


def labels(chart):
    return [k.label for k in chart.legend()]


def drawn(chart):
    fig = Figure(figsize=chart.size, layout="constrained")
    ax = draw(chart, fig.add_subplot())
    FigureCanvasAgg(fig).draw()
    return fig, ax


# ----------------------------------------------------------------------------- turns


def found_turns(rows):
    """A turning-point table as arc.analysis.turns makes it, from (time, value, kind, sentence)."""
    return pd.DataFrame(
        [
            {
                "time": t,
                "value": v,
                "kind": kind,
                "sentence": sentence,
                "word": "",
                "prominence": 0.1,
                "index": k,
                "chapter": None,
            }
            for k, (t, v, kind, sentence) in enumerate(rows)
        ]
    )


def arc_panel():
    return Panel("arc", "", (-0.3, 0.3), [], neutral=VADER.neutral)


def test_a_turns_colour_is_its_quoted_sentences_own_score():
    # A peak of the smoothed line (positive) that quotes a bitter sentence is red, and a
    # valley (negative) that quotes a glad one is green: the colour agrees with the quote.
    bitter, glad = "I hate this awful, cruel day.", "She laughed, happy and grateful."
    assert said(bitter) < -VADER.neutral < VADER.neutral < said(glad)
    found = found_turns([(20.0, 0.2, "peak", bitter), (70.0, -0.2, "valley", glad)])
    marks = turn_marks(found, arc_panel(), VADER.neutral, 11.0, score=said)
    assert [m.color for m in marks] == [NEGATIVE, POSITIVE]
    assert [sign_color(m.y, VADER.neutral) for m in marks] == [POSITIVE, NEGATIVE]  # not these
    # Without a scorer, the turn's own value colours it.
    plain = turn_marks(found, arc_panel(), VADER.neutral, 11.0)
    assert [m.color for m in plain] == [POSITIVE, NEGATIVE]


def test_every_quoted_turn_on_a_novel_takes_its_sentences_colour(alice_sentences):
    chart = smoothed_chart(alice_sentences, band=False, null=False)
    turns = chart.panel("arc").turns
    assert len(turns) >= 4 and not any(t.faint for t in turns)
    for t in turns:
        assert t.color == sign_color(said(t.sentence), VADER.neutral), t.sentence
    # At least one differs from the sign of the smoothed value it sits on.
    assert any(t.color != sign_color(t.y, VADER.neutral) for t in turns)


def test_a_turn_not_clear_of_chance_is_faint_and_unquoted():
    found = found_turns(
        [
            (20.0, 0.25, "peak", "We were glad and laughed all day."),
            (50.0, 0.08, "peak", "The sun was warm and kind."),
            (80.0, -0.25, "valley", "He wept at the grave."),
        ]
    )
    times = np.array([20.0, 50.0, 80.0])
    low, high = np.full(3, -0.1), np.full(3, 0.1)  # the chance envelope
    # The band of the peak at 20% (0.15 to 0.35) is clear above the envelope; the peak at 50%
    # (-0.02 to 0.12) is inside it; the valley's (-0.35 to -0.05) reaches into it.
    band = (np.array([0.15, -0.02, -0.35]), np.array([0.35, 0.12, -0.05]))
    chance = (times, low, high, *band)
    marks = turn_marks(found, arc_panel(), VADER.neutral, 11.0, score=said, chance=chance)
    assert [m.faint for m in marks] == [False, True, True]
    quoted, *faint = marks
    assert quoted.text and quoted.row >= 0
    assert all(m.text == "" and m.row == -1 for m in faint)
    # Without a band, a turn's own value is judged: the valley at -0.25 is beyond -0.1.
    alone = turn_marks(found, arc_panel(), VADER.neutral, 11.0, chance=(times, low, high))
    assert [m.faint for m in alone] == [False, True, False]


def test_faint_turns_are_keyed_and_drawn_hollow(frankenstein_sentences):
    chart = smoothed_chart(frankenstein_sentences)
    turns = chart.panel("arc").turns
    faint = [t for t in turns if t.faint]
    quoted = [t for t in turns if not t.faint]
    assert faint and quoted
    assert FAINT_KEY in labels(chart)
    assert [k.mark for k in chart.legend() if k.label == FAINT_KEY] == ["faint turn"]
    assert "one not clear of the chance envelope" in chart.caption
    _, ax = drawn(chart)
    glyphs = [t for t in ax.texts if t.get_text() in ("\u25b2", "\u25bc")]
    assert len(glyphs) == len(turns)
    by_x = {g.get_position()[0]: g for g in glyphs}
    for t in turns:  # hollow: white inside a grey edge; quoted: the sentence's colour
        glyph = by_x[t.x]
        assert mcolors.same_color(glyph.get_color(), "white" if t.faint else t.color)
        (stroke,) = glyph.get_path_effects()
        edge = stroke._gc["foreground"]  # withStroke keeps its keywords here
        assert mcolors.same_color(edge, FAINT_TURN if t.faint else "white")
    boxed = [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]
    assert sorted(boxed) == sorted(t.text for t in quoted if t.text)


def test_without_an_envelope_no_turn_is_faint_and_the_verdict_says_so(alice_sentences):
    chart = smoothed_chart(alice_sentences, band=False, null=False)
    assert FAINT_KEY not in labels(chart)
    assert chart.subtitle.endswith(NOT_TESTED)
    assert NOT_TESTED not in smoothed_chart(alice_sentences).subtitle
    assert story_chart(arc.analyze(), null=False).subtitle.split(" \u00b7 ")[1] == NOT_TESTED


# ----------------------------------------------------------------------------- the ending


def test_the_vignettes_ending_quotes_its_last_sentence_in_that_sentences_colour(vignette):
    chart = story_chart(vignette)
    (ending,) = [a for a in chart.panel("arc").annotations if a.kinds == ["ending"]]
    last = "I never want to come back."
    assert ending.sentence == last
    own = said(last)
    assert own < -VADER.neutral and ending.color == NEGATIVE
    # Its number is that sentence's score, so it agrees with the box's colour.
    assert ending.text == f"ending, last sentence (\u2212{abs(own):.2f}): \u201c{last}\u201d"
    body = vignette[vignette.role == "body"]
    assert ending.y == body.compound.iloc[-1] > VADER.neutral  # the point itself is positive
    _, ax = drawn(chart)
    (box,) = [t for t in ax.texts if t.get_text() == ending.text]
    assert mcolors.same_color(box.get_bbox_patch().get_edgecolor(), NEGATIVE)


# ----------------------------------------------------------------------------- the zoom


def test_the_zoom_never_goes_below_four_neutral_zones():
    assert MIN_ZOOM == 4
    assert zoomed_limits(np.array([-0.04, 0.03]), (-1.0, 1.0), 0.05) == (-0.2, 0.2)
    assert zoomed_limits(np.array([0.01, 0.09]), (-1.0, 1.0), 0.05)[0] == -0.2
    wide = zoomed_limits(np.array([-0.5, 0.6]), (-1.0, 1.0), 0.05)
    assert wide[0] < -0.5 and wide[1] > 0.6  # the values still decide when they reach further
    assert zoomed_limits(np.array([-0.04, 0.03]), (-1.0, 1.0))[1] < 0.1  # no floor without one


def test_alice_without_band_or_envelope_is_not_zoomed_to_its_wiggles(alice_sentences):
    chart = smoothed_chart(alice_sentences, band=False, null=False)
    panel = chart.panel("arc")
    low, high = panel.spine or panel.ylim
    assert low <= -MIN_ZOOM * VADER.neutral and high >= MIN_ZOOM * VADER.neutral
    line = np.asarray(panel.lines[0].y)
    assert line.max() - line.min() < 0.5 * (high - low)  # its wiggles fill under half of it


# ------------------------------------------------------------------------ coverage strip


def test_low_coverage_is_a_strip_at_the_foot_of_the_panel(vignette):
    chart = story_chart(vignette)
    shades = chart.panel("arc").shades
    assert shades and {s.label for s in shades} == {LOW_COVERAGE}
    assert LOW_COVERAGE == "few words the lexicon knows: read with care"
    assert [k.mark for k in chart.legend() if k.label == LOW_COVERAGE] == ["strip"]
    _, ax = drawn(chart)
    strips = [
        p for p in ax.patches if mcolors.same_color(p.get_facecolor()[:3], mcolors.to_rgb(SHADE))
    ]
    assert len(strips) == len(shades)
    for patch, shade in zip(strips, shades, strict=True):
        corners = patch.get_path().transformed(patch.get_patch_transform()).vertices
        xs, ys = corners[:, 0], corners[:, 1]  # x in data, y in axes fractions (axvspan)
        assert xs.min() == pytest.approx(shade.x0) and xs.max() == pytest.approx(shade.x1)
        assert ys.min() == pytest.approx(0) and ys.max() == pytest.approx(SHADE_HEIGHT)
    assert "purple" not in chart.caption and "lilac" not in chart.caption


# ------------------------------------------------------------------------------ the legend


def test_a_story_chart_without_band_or_envelope_keys_neither(vignette):
    full, plain = story_chart(vignette), story_chart(vignette, band=False, null=False)
    assert {CHANCE, BEYOND_CHANCE, "uncertainty band (90%)"} <= set(labels(full))
    assert not {CHANCE, BEYOND_CHANCE, "uncertainty band (90%)"} & set(labels(plain))
    assert not any(p.overlay for p in plain.panel("arc").points)  # no rings either
    for chart in (full, plain):
        assert "start of a chapter" not in labels(chart)  # a story has no chapters
        assert "start of a book" not in labels(chart)
        assert reading_problems(chart) == []
    band_only = story_chart(vignette, null=False)
    assert "uncertainty band (90%)" in labels(band_only) and CHANCE not in labels(band_only)


def test_chapter_keys_only_where_chapter_lines_are(alice_sentences):
    with_lines = smoothed_chart(alice_sentences)
    without = smoothed_chart(alice_sentences, chapters=False)
    assert with_lines.chapters and "start of a chapter" in labels(with_lines)
    assert not without.chapters and "start of a chapter" not in labels(without)
    assert reading_problems(without) == []


def test_paratext_keys_only_with_paratext(vignette):
    key = "not the story (end, note, title)"
    assert key in labels(story_chart(vignette, include_paratext=True))
    assert key not in labels(story_chart(vignette))


@pytest.mark.parametrize("kind", ["story", "story-plain", "smoothed", "methods"])
def test_the_legend_survives_the_round_trip(vignette, frankenstein_sentences, kind):
    chart = {
        "story": lambda: story_chart(vignette, include_paratext=True),
        "story-plain": lambda: story_chart(vignette, band=False, null=False),
        "smoothed": lambda: smoothed_chart(frankenstein_sentences),
        "methods": lambda: methods_chart(frankenstein_sentences),
    }[kind]()
    back = Chart.from_dict(json.loads(json.dumps(chart.to_dict())))
    assert back.legend() == chart.legend()
    assert back.digest() == chart.digest()
    assert back.panels[0].turns == chart.panels[0].turns
    assert back.panels[0].annotations == chart.panels[0].annotations


# ------------------------------------------------------------------------- paratext labels


def test_paratext_labels_sit_next_to_their_points(vignette):
    chart = story_chart(vignette, include_paratext=True)
    panel = chart.panel("arc")
    hollow = next(p for p in panel.points if p.hollow)
    points = list(zip(hollow.x, hollow.y, strict=True))
    lo, hi = VADER.value_range
    for label in panel.labels:
        x, y = min(points, key=lambda p: abs(p[0] - label.x))
        assert abs(x - label.x) <= 0.5 and 0 < label.y - y <= 0.1 * (hi - lo), label
        assert label.rotation == 0
    _, ax = drawn(chart)
    renderer = ax.figure.canvas.get_renderer()
    for label in panel.labels:
        (text,) = [t for t in ax.texts if t.get_text() == label.text]
        box = text.get_window_extent(renderer)
        px, py = ax.transData.transform((label.x, label.y - 0.05 * (hi - lo)))
        assert box.x0 <= px <= box.x1 and 0 <= box.y0 - py <= 20  # just above its point


# ------------------------------------------------------------------------- methods verdict


def test_the_methods_verdict_is_computed_from_the_lines(frankenstein_sentences):
    chart = methods_chart(frankenstein_sentences)
    lines = chart.panel("arc").lines
    grid = np.linspace(0, 100, 201)
    ys = [np.interp(grid, ln.x, ln.y) for ln in lines]
    rs = [np.corrcoef(a, b)[0, 1] for i, a in enumerate(ys) for b in ys[i + 1 :]]
    assert f"correlate r {min(rs):.2f} to {max(rs):.2f}" in chart.subtitle
    assert chart.subtitle.startswith(f"the {len(lines)} smoothers ")
    assert "does not depend on the method" not in chart.subtitle
    assert "Pearson r of each pair of lines" in chart.caption
    assert reading_problems(chart) == []


def test_agreement_words_follow_the_least_correlation():
    x = list(np.linspace(0, 100, 50))
    base = np.sin(np.linspace(0, 6, 50))
    same = [Line(x, list(base), "a (1)"), Line(x, list(base * 2 + 0.1), "b (2)")]
    assert agreement_verdict(same).startswith("the 2 smoothers agree closely")
    flipped = [Line(x, list(base), "a (1)"), Line(x, list(-base), "b (2)")]
    assert agreement_verdict(flipped).startswith("the 2 smoothers disagree: ")
    three = [*same, Line(x, list(-base), "c (3)")]
    assert "least alike: a and c" in agreement_verdict(three)
    flat = [Line(x, [0.0] * 50, "a"), Line(x, [0.0] * 50, "b")]
    assert agreement_verdict(flat) == "2 smoothers on one scale"


def test_shapes_verdict_says_whether_the_shapes_agree():
    class Found:
        def __init__(self, nearest, clear):
            self.nearest, self.clear, self.reason = nearest, clear, ""
            self.name = nearest if clear else None

    assert shapes_verdict([Found("riches to rags", True)] * 3) == (
        "all 3 find riches to rags (falls)"
    )
    assert shapes_verdict([Found("riches to rags", True), Found("riches to rags", False)]) == (
        "all 2 closest to riches to rags (falls), 1 clearly"
    )
    differ = shapes_verdict([Found("riches to rags", False), Found("man in a hole", False)])
    assert differ == "closest shapes differ: riches to rags 1, man in a hole 1"
    assert shapes_verdict([Found("icarus", True)]) == ""


def test_neutral_points_are_keyed_as_neutral(vignette):
    chart = story_chart(vignette)
    keys = {k.label: k for k in chart.legend()}
    assert keys["neutral paragraph (within \u00b10.05)"].color == NEUTRAL_GREY
