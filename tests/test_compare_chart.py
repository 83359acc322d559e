"""The compare chart reads at a glance: amplitude on one scale, chance, shapes, stable colours.

Issue #20, item 5: `arc compare` stretched each arc to its own range (Alice, mostly chance,
swung as much as Frankenstein), with no zero, no envelope, no shape names and no edge caveat,
and a book's colour changed with the order of the arguments.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import pytest

import arc
import arc.charts.render as render
from arc.analysis.smoothers import SMOOTHERS
from arc.charts.compare import SUBTITLE_CHARS, WITHIN, _cut_at_envelope, compare_chart, text_colors
from arc.charts.data import Chart
from arc.charts.layout import zoomed_limits
from arc.charts.theme import PALETTE, WITHIN_CHANCE
from arc.cli import main
from arc.score.scorers import scorer_info
from tests.books import NORTHANGER
from tests.reading import reading_problems

VADER = scorer_info("vader")
ALICE_TITLE = "Alice's Adventures in Wonderland"
FRANKENSTEIN_TITLE = "Frankenstein; Or, The Modern Prometheus"


@pytest.fixture(scope="module")
def northanger_sentences():
    return arc.analyze(NORTHANGER, unit="sentence")


@pytest.fixture(scope="module")
def three(alice_sentences, frankenstein_sentences, northanger_sentences):
    return [frankenstein_sentences, alice_sentences, northanger_sentences]


@pytest.fixture(scope="module")
def shared(three):
    return arc.compare(three)


@pytest.fixture(scope="module")
def stretched(three):
    return arc.compare(three, scale=True)


def text_lines(chart):
    """Each text's keyed line (solid, or dashed when never beyond chance), by title."""
    return {ln.label.split(": ")[0]: ln for ln in chart.panels[0].lines if ln.label != WITHIN}


def colors_by_title(chart):
    return {title: line.color for title, line in text_lines(chart).items()}


def caught_charts(argv_list, tmp_path):
    """The Chart each command saved, as `arc` saved it."""
    charts = []
    real = render.save_chart

    def catch(chart, path, **kws):
        charts.append(chart)
        return real(chart, path, **kws)

    render.save_chart = catch
    try:
        for argv in argv_list:
            assert main([*argv, "-o", str(tmp_path / "compare.png")]) == 0
    finally:
        render.save_chart = real
    return charts


# ---------------------------------------------------------------------- one shared scale


def test_the_default_is_one_shared_scale_in_the_scorers_units(shared):
    chart = compare_chart(shared)
    (panel,) = chart.panels
    assert shared.attrs["scale"] is False and chart.meta["scale"] is False
    assert panel.zero and panel.neutral == VADER.neutral
    values = shared.value.to_numpy()
    assert panel.ylim == zoomed_limits(values, VADER.value_range, VADER.neutral)
    assert "VADER" in panel.ylabel and panel.ytick_labels is None
    # Alice, mostly chance, no longer swings as much as Frankenstein
    swing = shared.groupby("title").value.agg(lambda v: v.max() - v.min())
    assert swing[ALICE_TITLE] < swing[FRANKENSTEIN_TITLE] / 2
    for title, line in text_lines(chart).items():
        y = np.asarray(line.y)
        kept = shared[shared.title.str.startswith(title.rstrip("…"))].value
        assert np.nanmax(y) <= kept.max() + 1e-12 and np.nanmin(y) >= kept.min() - 1e-12


def test_rescaled_arcs_give_their_real_range(stretched, shared):
    chart = compare_chart(stretched)
    (panel,) = chart.panels
    assert not panel.zero and not panel.neutral
    assert panel.ytick_labels == ["its lowest", "its middle", "its highest"]
    for record in stretched.attrs["texts"]:
        line = text_lines(chart)[record["title"]]
        levels = shared[shared.title == record["title"]].value
        assert (record["low"], record["high"]) == (levels.min(), levels.max())
        low = f"{record['low']:+.2f}".replace("-", "\u2212")
        high = f"{record['high']:+.2f}".replace("-", "\u2212")
        assert line.label.endswith(f"real range {low} to {high}")
    assert "rescaled" in chart.caption and "real range" in chart.caption


# --------------------------------------------------------------------------- chance


def test_each_arc_is_solid_beyond_its_envelope_and_dashed_within(shared):
    chart = compare_chart(shared)
    lines = chart.panels[0].lines
    for _, group in shared.groupby("text"):
        title = group.title.iloc[0]
        mine = [ln for ln in lines if ln.color == colors_by_title(chart)[title]]
        solid = [ln for ln in mine if not ln.dashed]
        dashed = [ln for ln in mine if ln.dashed]
        assert len(solid) == 1 and len(dashed) == 1  # every one of the three leaves chance
        assert solid[0].label.startswith(title) and dashed[0].label == WITHIN
        assert dashed[0].key == WITHIN_CHANCE and dashed[0].width < solid[0].width
        x = np.asarray(solid[0].x)
        low = np.interp(x, group.time, group.null_low)
        high = np.interp(x, group.time, group.null_high)
        for line, beyond in ((solid[0], True), (dashed[0], False)):
            y = np.asarray(line.y)
            grid = np.isin(x, group.time) & np.isfinite(y)
            out = (y > high) | (y < low)
            assert (out[grid] == beyond).all()
        both = np.isfinite(solid[0].y) & np.isfinite(dashed[0].y)
        assert both.any()  # they meet where the arc crosses its envelope
        y = np.asarray(solid[0].y)[both]
        on_bound = np.minimum(abs(y - high[both]), abs(y - low[both]))
        np.testing.assert_allclose(on_bound, 0, atol=2e-3)
        drawn = np.isfinite(solid[0].y) | np.isfinite(dashed[0].y)
        assert drawn.all()  # no gap: every point is drawn one way or the other


def test_the_legend_gives_shape_and_share_beyond_chance(shared):
    chart = compare_chart(shared)
    keys = chart.legend()
    for record in shared.attrs["texts"]:
        (key,) = [k for k in keys if k.label.startswith(record["title"] + ":")]
        found = arc.analysis.shapes.ArcShape(**record["shape"])
        words = (
            f"{found.name}, r {found.score:.2f}"
            if found.clear
            else f"no clear shape (closest: {found.nearest}, r {found.score:.2f})"
        )
        assert words in key.label
        assert f"beyond chance over {record['beyond']:.0%}" in key.label
        assert key.mark == "line"
    within = [k for k in keys if k.label == WITHIN]
    assert len(within) == 1 and within[0].mark == "dashed line"
    assert within[0].color == WITHIN_CHANCE
    assert [k.label for k in keys][-1] == f"neutral zone (\u00b1{VADER.neutral:g})"


def test_frankenstein_has_a_clear_shape_and_alice_none(shared):
    labels = {k.label.split(": ")[0]: k.label for k in compare_chart(shared).legend()}
    assert "falls (riches to rags, r 0.73)" in labels[FRANKENSTEIN_TITLE]
    assert "no clear shape (closest: riches to rags" in labels[ALICE_TITLE]


def test_an_arc_never_beyond_chance_is_dashed_and_keyed_by_its_name():
    time = np.linspace(0, 100, 101)
    wave = 0.1 * np.sin(time / 100 * 2 * np.pi)
    data = pd.concat(
        [
            pd.DataFrame(
                {
                    "text": k,
                    "title": title,
                    "time": time,
                    "value": wave * (k + 1),
                    "null_low": -0.5 + 0.4 * k,
                    "null_high": 0.5 - 0.4 * k,
                }
            )
            for k, title in enumerate(["Noise", "Signal"])
        ],
        ignore_index=True,
    )
    chart = compare_chart(data)
    noise = text_lines(chart)["Noise"]
    assert noise.dashed and np.isfinite(noise.y).all()
    assert "never beyond chance" in noise.label
    keys = {k.label: k for k in chart.legend()}
    assert keys[noise.label].mark == "dashed line" and keys[noise.label].color == noise.color
    assert WITHIN in keys  # Signal's stretches inside its narrower envelope
    assert reading_problems(chart) == []


def test_without_an_envelope_the_arcs_are_solid_and_the_caption_says_why(alice_sentences):
    data = arc.compare([alice_sentences], null=False)
    chart = compare_chart(data)
    (line,) = chart.panels[0].lines
    assert not line.dashed and np.isfinite(line.y).all()
    assert "beyond chance" not in line.label and WITHIN not in {k.label for k in chart.legend()}
    assert f"no chance envelope for {ALICE_TITLE}" in chart.caption
    assert reading_problems(chart) == []


def test_cut_at_envelope_adds_the_crossings():
    x = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([0.0, 2.0, 2.0, 0.0])
    low, high = np.full(4, -1.0), np.full(4, 1.0)
    xs, ys, out, cut = _cut_at_envelope(x, y, low, high)
    assert xs.tolist() == [0.0, 0.5, 1.0, 2.0, 2.5, 3.0]
    assert ys.tolist() == [0.0, 1.0, 2.0, 2.0, 1.0, 0.0]
    assert out.tolist() == [False, False, True, True, False, False]
    assert cut.tolist() == [False, True, False, False, True, False]


# ------------------------------------------------------------------------------ colours


def test_a_text_keeps_its_colour_whatever_the_argument_order(three):
    first = colors_by_title(compare_chart(arc.compare(three)))
    swapped = colors_by_title(compare_chart(arc.compare(three[::-1])))
    rotated = colors_by_title(compare_chart(arc.compare([three[1], three[2], three[0]])))
    assert first == swapped == rotated
    assert sorted(first.values()) == sorted(PALETTE[:3])  # dealt out by title
    assert first[ALICE_TITLE] == PALETTE[0]


def test_text_colors_follow_the_titles():
    assert text_colors(["b", "a", "c"]) == [PALETTE[1], PALETTE[0], PALETTE[2]]
    assert text_colors(["Same", "Same"], ["y", "x"]) == [PALETTE[1], PALETTE[0]]
    many = text_colors([f"t{k:02d}" for k in range(len(PALETTE) + 2)])
    assert many[len(PALETTE)] == PALETTE[0]  # the palette repeats past its end


def test_the_command_keeps_colours_when_the_order_changes(tmp_path):
    one, two = caught_charts(
        [
            ["compare", "--example", "alice", "--example", "frankenstein"],
            ["compare", "--example", "frankenstein", "--example", "alice"],
        ],
        tmp_path,
    )
    assert colors_by_title(one) == colors_by_title(two)
    assert list(text_lines(one)) == [ALICE_TITLE, FRANKENSTEIN_TITLE]  # listed as given
    assert list(text_lines(two)) == [FRANKENSTEIN_TITLE, ALICE_TITLE]


# ------------------------------------------------------------------------ the words


def test_the_subtitle_is_the_verdict(shared):
    chart = compare_chart(shared)
    assert chart.subtitle.startswith(
        "Frankenstein swings most, Alice's Adventures in Wonderland least"
    )
    shares = [f"{r['beyond']:.0%}" for r in shared.attrs["texts"]]
    assert all(share in chart.subtitle for share in shares)
    assert "beyond chance" in chart.subtitle
    assert len(textwrap.wrap(chart.subtitle, SUBTITLE_CHARS)) <= 2


def test_one_text_says_its_swing_and_share(alice_sentences):
    data = arc.compare([alice_sentences])
    (record,) = data.attrs["texts"]
    subtitle = compare_chart(data).subtitle
    assert subtitle.startswith(f"{ALICE_TITLE} swings ")
    assert subtitle.endswith(f"beyond chance over {record['beyond']:.0%} of the story")


def test_many_long_titles_keep_the_subtitle_to_two_lines(alice_sentences):
    frames = []
    for k in range(6):
        df = alice_sentences.copy()
        df.attrs = {**alice_sentences.attrs, "title": f"A rather long title number {k} of many"}
        frames.append(df)
    chart = compare_chart(arc.compare(frames, method="rolling"))
    assert len(textwrap.wrap(chart.subtitle, SUBTITLE_CHARS)) <= 2
    assert "arcs beyond chance over half their story" in chart.subtitle
    assert reading_problems(chart) == []


@pytest.mark.parametrize("method", ["dct", "rolling"])
def test_the_caption_states_the_edges_and_the_method(alice_sentences, method):
    chart = compare_chart(arc.compare([alice_sentences], method=method))
    assert SMOOTHERS[method].edges in chart.caption
    assert SMOOTHERS[method].label in chart.caption
    assert "shuffling its words" in chart.caption and "VADER compound" in chart.caption
    assert "solid where it leaves its envelope, dashed where it stays inside" in chart.caption


def test_the_chart_data_round_trips(shared):
    chart = compare_chart(shared)
    assert Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()
    again = Chart.from_dict(chart.to_dict())
    assert [ln.key for ln in again.panels[0].lines] == [ln.key for ln in chart.panels[0].lines]


# -------------------------------------------------------------------------- reading


def test_three_books_read_at_a_glance_either_way(shared, stretched):
    assert reading_problems(compare_chart(shared)) == []
    assert reading_problems(compare_chart(stretched)) == []


def test_rescale_and_no_scale_on_the_command_line(tmp_path, capsys):
    default, rescaled, old = caught_charts(
        [
            ["compare", "--example", "alice", "--example", "frankenstein"],
            ["compare", "--example", "alice", "--example", "frankenstein", "--rescale"],
            ["compare", "--example", "alice", "--example", "frankenstein", "--no-scale"],
        ],
        tmp_path,
    )
    assert default.meta["scale"] is False and default.panels[0].zero
    assert rescaled.meta["scale"] is True and not rescaled.panels[0].zero
    assert old.to_dict() == default.to_dict()  # --no-scale: the default, for old scripts
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["compare", "--example", "alice", "--rescale", "--no-scale"])
    assert stopped.value.code == 2
    assert "--no-scale: not allowed with argument --rescale" in capsys.readouterr().err
