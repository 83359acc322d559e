"""Turning points (arc.analysis.turns) and their marks on the long-text chart (arc.charts.layout,
arc.charts.smoothed, arc.charts.drawing)."""

import itertools

import numpy as np
import pandas as pd
import pytest

import arc
from arc.analysis.labels import excerpt
from arc.analysis.turns import MAX_TURNS, PROMINENCE_SHARE, TURN_COLUMNS, turning_points
from arc.charts.smoothed import methods_chart, smoothed_chart
from arc.charts.theme import LONG_SIZE


def series(values, **attrs):
    """A sentence-like frame of these values, evenly spread over narrative time."""
    values = np.asarray(values, dtype=float)
    df = pd.DataFrame(
        {
            "index": np.arange(len(values)),
            "compound": values,
            "position": np.linspace(0, 1, len(values)),
        }
    )
    df.attrs.update(attrs)
    return df


def wave(n=401, cycles=2.0, stop=1.0):
    """sin(2π·cycles·x) sampled at n points of x in [0, stop], positioned on 0–100 %."""
    return series(np.sin(2 * np.pi * cycles * np.linspace(0, stop, n)))


def kinds_and_times(turns):
    return list(zip(turns["kind"], turns["time"].round(1), strict=True))


# --------------------------------------------------------------------------- the function


def test_a_wave_turns_where_it_peaks_and_dips():
    turns = turning_points(wave(), window=0.01)
    interior = turns[(turns.time > 0) & (turns.time < 100)]
    assert kinds_and_times(interior) == [
        ("peak", 12.5),
        ("valley", 37.5),
        ("peak", 62.5),
        ("valley", 87.5),
    ]
    assert np.allclose(interior.value, [1, -1, 1, -1], atol=1e-2)  # a 5-point mean
    assert np.allclose(interior.prominence, 2, atol=1e-2)
    assert list(turns.columns) == list(TURN_COLUMNS)
    assert turns.time.is_monotonic_increasing
    assert turns.attrs["method"] == "rolling"
    assert turns.attrs["threshold"] == pytest.approx(PROMINENCE_SHARE * 2, abs=1e-2)


def test_an_end_counts_with_its_one_sided_prominence():
    # sin(4πx) starts at 0 and rises: the start is a valley as deep as the climb after it
    # (1); it ends at 0 after a dip to −1: the end is a peak, 1 above that dip.
    turns = turning_points(wave(), window=0.01)
    first, last = turns.iloc[0], turns.iloc[-1]
    assert (first.kind, first.time, last.kind, last.time) == ("valley", 0.0, "peak", 100.0)
    assert first.prominence == pytest.approx(1, abs=0.05)  # the mean shrinks at the ends
    assert last.prominence == pytest.approx(1, abs=0.05)
    # A steady climb: its two ends are its only turns, each as prominent as the whole rise.
    ramp = turning_points(series(np.linspace(-0.5, 0.5, 50)), "lowess")
    assert kinds_and_times(ramp) == [("valley", 0.0), ("peak", 100.0)]
    assert ramp.prominence.tolist() == pytest.approx([1.0, 1.0])


def test_an_end_just_past_a_turn_is_not_one():
    # stopping at 0.9 of the wave: 5% of a cycle after the last valley the line has risen
    # only 0.05, far below the threshold; the valley is still found, at 0.875 / 0.9.
    turns = turning_points(wave(n=361, stop=0.9), window=0.01)
    assert turns.iloc[-1].kind == "valley"
    assert turns.iloc[-1].time == pytest.approx(87.5 / 0.9, abs=0.3)


def test_no_prominence_exceeds_the_range(rng):
    df = series(rng.normal(0, 0.4, 2000))
    turns = turning_points(df, limit=None)
    line = arc.smoothed_arc(df, "rolling")
    assert len(turns) > 2 * MAX_TURNS
    assert turns.prominence.max() <= np.ptp(line.value) + 1e-12
    assert (turns.prominence >= turns.attrs["threshold"]).all()


def test_limit_keeps_the_most_prominent_of_each_kind(rng):
    df = series(rng.normal(0, 0.4, 2000))
    every = turning_points(df, limit=None)
    kept = turning_points(df)
    for kind in ("peak", "valley"):
        all_of_kind = every[every.kind == kind].sort_values("prominence", ascending=False)
        assert sorted(kept[kept.kind == kind].time) == sorted(all_of_kind.time[:MAX_TURNS])
    one = turning_points(df, limit=1)
    assert sorted(one.kind) == ["peak", "valley"]
    assert turning_points(df, limit=0).empty


def test_a_higher_threshold_keeps_fewer(rng):
    df = series(rng.normal(0, 0.4, 2000))
    low = turning_points(df, prominence=0.01, limit=None)
    high = turning_points(df, prominence=0.1, limit=None)
    assert len(high) < len(low)
    assert set(high.time) <= set(low.time)
    assert high.attrs["threshold"] == 0.1


@pytest.mark.parametrize("values", [[0.3] * 40, [0.0] * 5, [0.5]])
def test_a_flat_arc_has_no_turns(values):
    turns = turning_points(series(values))
    assert turns.empty and list(turns.columns) == list(TURN_COLUMNS)


def test_no_story_no_turns(vignette):
    turns = turning_points(vignette[vignette.role != "body"])
    assert turns.empty and list(turns.columns) == list(TURN_COLUMNS)


@pytest.mark.parametrize(
    "bad", [{"limit": -1}, {"limit": 1.5}, {"limit": True}, {"prominence": 0}, {"prominence": -0.1}]
)
def test_bad_arguments_are_refused(bad):
    with pytest.raises(ValueError, match=next(iter(bad))):
        turning_points(wave(), **bad)


def test_turns_are_deterministic(alice_sentences):
    first = turning_points(alice_sentences)
    pd.testing.assert_frame_equal(first, turning_points(alice_sentences.copy()))


@pytest.mark.parametrize("method", ["rolling", "lowess", "savgol", "dct"])
def test_every_smoother_gives_turns_on_its_own_line(alice_sentences, method):
    turns = turning_points(alice_sentences, method)
    line = arc.smoothed_arc(alice_sentences, method)
    assert len(turns) >= 2
    for t in turns.itertuples():
        (at,) = np.flatnonzero(line.time.to_numpy() == t.time)
        assert line.value[at] == t.value


# ------------------------------------------------------------------ what drives each turn


def test_the_vignettes_deepest_valley_is_in_the_guilt_paragraphs(vignette):
    # Paragraphs 7-9 are Buffy's guilt: "Because of me, because I was too weak to kill the
    # demon... He was hurt, tortured, tormented, almost killed." (7), Jenny "also died
    # because of me... Who would want a murderer" (8), "Angel. I killed him... I am the
    # killer, not him." (9). Paragraph 10 turns to leaving town, 11 is the departure
    # ("Please come back soon.").
    guilt = vignette[vignette["index"].isin([7, 8, 9])]
    assert all(
        "me" in t and ("because of me" in t.lower() or "killed him" in t) for t in guilt.text
    )
    for method in ("rolling", "lowess", "savgol", "dct"):
        turns = turning_points(vignette, method)
        valleys = turns[turns.kind == "valley"]
        deepest = valleys.loc[valleys.value.idxmin()]
        assert deepest["index"] in (7, 8, 9), method
        assert deepest.sentence in " ".join(guilt.text)
        last = turns.iloc[-1]
        assert last.kind == "peak" and last.time > deepest.time, method
        assert last.value > deepest.value
    default = turning_points(vignette)
    deepest = default.loc[default.value.idxmin()]
    assert deepest["index"] == 7
    assert deepest.sentence == "He was hurt, tortured, tormented, almost killed."
    ending = default.iloc[-1]
    assert (ending.kind, ending.time, ending["index"]) == ("peak", 100.0, 11)
    assert ending.sentence.startswith("Please come back soon.")


def test_a_sentence_frame_quotes_its_own_sentences(alice_sentences):
    turns = turning_points(alice_sentences)
    texts = set(alice_sentences.text.map(lambda t: " ".join(t.split())))
    compound = dict(
        zip(
            alice_sentences.text.map(lambda t: " ".join(t.split())),
            alice_sentences.compound,
            strict=False,
        )
    )
    for t in turns.itertuples():
        assert t.sentence in texts
        assert t.excerpt == excerpt(t.sentence, around=t.word or None)
        assert not t.word or t.word.lower() in t.excerpt.lower()
        assert compound[t.sentence] > 0 if t.kind == "peak" else compound[t.sentence] < 0
        row = alice_sentences[alice_sentences["index"] == t.index].iloc[0]
        assert abs(row.position * 100 - t.time) < 0.2  # the unit at the turn
        assert t.chapter == row.chapter


def test_the_driver_pulls_hardest_in_the_turns_direction():
    # A bump with one very positive sentence inside the window: that sentence drives it.
    values = np.zeros(200)
    values[90:110] = 0.3
    values[104] = 0.9
    values[30] = 0.95  # outside the window around the peak: not a candidate
    df = series(values)
    df["text"] = [f"Sentence {i}." for i in range(200)]
    df.attrs["unit"] = "sentence"
    turns = turning_points(df, window=0.1)
    peak = turns[turns.kind == "peak"].loc[lambda t: t.value.idxmax()]
    assert peak.sentence == "Sentence 104."


def test_windows_and_bins_have_no_sentences(alice_sentences):
    bins = arc.analyze(arc.example_path("alice"), "bins")
    turns = turning_points(bins)
    assert len(turns) and (turns.sentence == "").all() and (turns.excerpt == "").all()
    assert turns.chapter.notna().all()


# --------------------------------------------------------------------------- on the chart


def test_the_chart_marks_the_turning_points(alice_sentences):
    chart = smoothed_chart(alice_sentences)
    turns = turning_points(alice_sentences)
    marks = chart.panel("arc").turns
    assert [(m.kind, m.x, m.y, m.index, m.sentence) for m in marks] == list(
        turns[["kind", "time", "value", "index", "sentence"]].itertuples(index=False, name=None)
    )
    # Quoted only when clear of chance; the others are faint, and never quoted.
    assert [m for m in marks if not m.faint] and [m for m in marks if m.faint]
    assert all(m.text for m in marks if not m.faint)
    assert all(m.text == "" and m.row == -1 for m in marks if m.faint)
    assert set(m.text for m in marks) - {""} <= set(chart.texts())
    assert "turning points" in chart.caption
    plain = smoothed_chart(alice_sentences, band=False, null=False).panel("arc").turns
    assert all(m.text and not m.faint for m in plain)  # no envelope: nothing to be faint against
    assert [m.x for m in smoothed_chart(alice_sentences, "lowess").panel("arc").turns] == (
        turning_points(alice_sentences, "lowess").time.tolist()
    )


def test_turns_can_be_left_off(alice_sentences):
    assert smoothed_chart(alice_sentences, turns=False).panel("arc").turns == []
    assert "turning points" not in smoothed_chart(alice_sentences, turns=False).caption
    assert all(not p.turns for p in methods_chart(alice_sentences).panels)


def turn_charts(alice_sentences, frankenstein_sentences, rng):
    """Charts with many turns: two novels, noise, and narrow figures."""
    noise = series(rng.normal(0, 0.5, 3000), unit="sentence", scorer="vader")
    # Without the envelope every turn is quoted: the most labels to lay out.
    plain = {"band": False, "null": False}
    return [
        smoothed_chart(alice_sentences, **plain),
        smoothed_chart(alice_sentences, width=6.0, **plain),
        smoothed_chart(frankenstein_sentences, **plain),
        smoothed_chart(frankenstein_sentences, "lowess", frac=0.05, width=7.0, **plain),
        smoothed_chart(noise),
        smoothed_chart(noise, window=0.03),
    ]


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def test_turn_labels_never_overlap(alice_sentences, frankenstein_sentences, rng):
    for chart in turn_charts(alice_sentences, frankenstein_sentences, rng):
        panel = chart.panel("arc")
        labelled = [m for m in panel.turns if m.text]
        assert len(labelled) >= 4
        for a, b in itertools.combinations(labelled, 2):
            assert not overlap(a.box, b.box), (a.text, b.text)
        low, high = panel.spine
        for m in labelled:
            x0, x1, y0, y1 = m.box
            assert 0 <= x0 < x1 <= 100 and panel.ylim[0] <= y0 < y1 <= panel.ylim[1]
            # above the whole arc (peaks) or below it (valleys): never over the line
            assert y0 >= high if m.kind == "peak" else y1 <= low
            assert x0 <= m.x <= x1 or m.x in (0.0, 100.0)
            # no other label sits on its leader, a vertical line from the marker to the box
            reach = (m.y, y0) if m.kind == "peak" else (y1, m.y)
            for other in labelled:
                if other is not m:
                    assert not overlap((m.x, m.x, *reach), other.box), (m.text, other.text)


def test_drawn_turn_labels_stay_inside_the_arc_panel(alice_sentences, frankenstein_sentences):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from arc.charts.drawing import draw

    for df in (alice_sentences, frankenstein_sentences):
        chart = smoothed_chart(df)
        fig = Figure(figsize=LONG_SIZE, layout="constrained")
        ax = draw(chart, fig.add_subplot())
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        wanted = {m.text for m in chart.panel("arc").turns if m.text}
        boxes = [
            t.get_bbox_patch().get_window_extent(renderer)
            for t in ax.texts
            if t.get_text() in wanted
        ]
        assert len(boxes) == len(wanted)
        inside = ax.get_window_extent(renderer)
        for box in boxes:
            assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1
            assert inside.y0 - 1 <= box.y0 and box.y1 <= inside.y1 + 1
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b)
        # the chapter labels and the title live above the panel, so they cannot meet a label
        others = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() not in wanted]
        others.append(ax.title.get_window_extent(renderer))
        for a, b in itertools.product(boxes, others):
            assert not a.overlaps(b)
