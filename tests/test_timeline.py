"""Narrative time (arc.analysis.timeline) and arc.compare: smoothed arcs, chapter starts,
rescaling."""

import numpy as np
import pandas as pd
import pytest

import arc
from arc.analysis.smoothers import SMOOTHERS
from arc.analysis.timeline import chapter_starts, rescale, smoothed_arc, story_values, unit_time
from tests.books import BOOKS

ALICE_EXCERPT = BOOKS / "alice_pg11_excerpt.txt"
FRANKENSTEIN_EXCERPT = BOOKS / "frankenstein_pg84_excerpt.txt"


@pytest.fixture(scope="module")
def excerpt_units():
    sentences = arc.analyze(ALICE_EXCERPT, unit="sentence")
    return {
        "sentence": sentences,
        "bins": arc.analyze(ALICE_EXCERPT, unit="bins"),
        "window": arc.analyze(ALICE_EXCERPT, unit="window", window=300),
    }


def story(df):
    return df[df.role == "body"] if "role" in df else df


# ------------------------------------------------------------------------- smoothed arcs


def test_smoothed_arc_on_narrative_time(alice_sentences):
    line = smoothed_arc(alice_sentences, "rolling", window=0.1)
    values = story(alice_sentences).compound.to_numpy()
    assert list(line.columns) == ["time", "value", "low", "high", "null_low", "null_high"]
    assert len(line) == len(values)
    assert line.time.iloc[0] == 0 and line.time.iloc[-1] == 100
    assert line.time.is_monotonic_increasing
    np.testing.assert_allclose(line.value, arc.smooth(values, "rolling"))
    np.testing.assert_allclose(line.time, story(alice_sentences).position * 100)


@pytest.mark.parametrize("method", [m for m in SMOOTHERS if not SMOOTHERS[m].resamples])
def test_every_smoother_keeps_one_value_per_unit(alice_sentences, method):
    line = smoothed_arc(alice_sentences, method)
    values = story(alice_sentences).compound.to_numpy()
    np.testing.assert_allclose(line.value, arc.smooth(values, method))


def test_dct_line_is_in_compound_units(alice_sentences):
    values = story(alice_sentences).compound.to_numpy()
    line = smoothed_arc(alice_sentences, "dct")
    assert len(line) == 100
    np.testing.assert_allclose(line.time, np.linspace(0, 100, 100))
    # The low-pass keeps the mean: the curve's average is the story's mean compound.
    assert line.value.mean() == pytest.approx(values.mean(), abs=0.01)
    assert line.value.abs().max() < 1
    raw = arc.smooth(values, "dct")
    np.testing.assert_allclose(line.value, raw * 100 / len(values))


def test_scaled_dct_is_left_as_asked(alice_sentences):
    values = story(alice_sentences).compound.to_numpy()
    line = smoothed_arc(alice_sentences, "dct", scale_range=True)
    np.testing.assert_allclose(line.value, arc.smooth(values, "dct", scale_range=True))
    assert line.value.min() == pytest.approx(-1) and line.value.max() == pytest.approx(1)


def test_smoothed_arc_of_plain_values():
    df = pd.DataFrame({"compound": [0.0, 1.0, 0.0, -1.0, 0.0]})
    line = smoothed_arc(df, "rolling", window=0.6)
    assert line.value.round(3).tolist() == [0.5, 0.333, 0.0, -0.333, -0.5]
    assert line.time.tolist() == [0.0, 25.0, 50.0, 75.0, 100.0]


def test_story_values_leave_out_paratext(vignette):
    assert story_values(vignette).role.unique().tolist() == ["body"]
    bins = pd.DataFrame({"compound": [0.1, 0.2]})
    assert story_values(bins) is bins


# ------------------------------------------------------------------------------ unit time


def test_unit_time(excerpt_units):
    sentences = unit_time(story(excerpt_units["sentence"]))
    assert sentences[0] == 0 and sentences[-1] == 100
    for unit in ("bins", "window"):
        df = excerpt_units[unit]
        time = unit_time(df)
        np.testing.assert_allclose(time, df.position * 100)
        assert time[0] > 0 and time[-1] < 100  # a window or bin sits at its middle
        assert (np.diff(time) > 0).all()
    np.testing.assert_allclose(unit_time(pd.DataFrame({"compound": [1, 2, 3]})), [0, 50, 100])


def test_rescale():
    np.testing.assert_allclose(rescale(np.array([0.0, 0.5, 1.0])), [-1, 0, 1])
    np.testing.assert_allclose(rescale(np.array([2.0, 4.0, 3.0])), [-1, 1, 0])
    assert rescale(np.array([0.2, 0.2])).tolist() == [0.0, 0.0]


# ------------------------------------------------------------------------- chapter starts


def test_chapter_starts(alice_sentences):
    starts = chapter_starts(alice_sentences)
    assert list(starts.columns) == ["time", "label", "major"]
    assert starts.label.tolist() == [str(i) for i in range(1, 13)]
    assert starts.time.iloc[0] == 0 and starts.time.is_monotonic_increasing
    assert not starts.major.any()


def test_chapter_starts_marks_books():
    df = pd.DataFrame(
        {"role": "body", "chapter": ["I.1", "I.1", "I.2", "II.1", "II.2"], "compound": 0.0}
    )
    starts = chapter_starts(df)
    assert starts.label.tolist() == ["I.1", "I.2", "II.1", "II.2"]
    assert starts.major.tolist() == [True, False, True, False]
    assert starts.time.tolist() == [0.0, 50.0, 75.0, 100.0]


def test_no_chapters():
    df = pd.DataFrame({"role": "body", "chapter": [None, None], "compound": 0.0})
    assert chapter_starts(df).empty
    assert chapter_starts(pd.DataFrame({"compound": [0.1]})).empty


@pytest.mark.parametrize("unit", ["bins", "window"])
def test_windows_and_bins_keep_the_sentences_chapter_starts(excerpt_units, unit):
    kept = chapter_starts(excerpt_units[unit])
    exact = chapter_starts(excerpt_units["sentence"])
    assert kept.label.tolist() == exact.label.tolist() == ["1", "2"]
    assert kept.time.tolist() == exact.time.tolist()
    assert kept.major.tolist() == exact.major.tolist()


# -------------------------------------------------------------------------------- compare


def test_compare_returns_tidy_data(alice_sentences, frankenstein_sentences):
    data = arc.compare([alice_sentences, frankenstein_sentences], scale=True)
    assert list(data.columns) == ["text", "title", "time", "value", "null_low", "null_high"]
    assert data.title.nunique() == 2 and len(data) == 2 * 101
    for _, group in data.groupby("title"):
        assert group.value.min() == -1 and group.value.max() == 1
        assert group.time.iloc[0] == 0 and group.time.iloc[-1] == 100
    assert data.attrs["method"] == "dct" and data.attrs["scale"] is True
    unscaled = arc.compare([alice_sentences], method="rolling")  # the scorer's units: the default
    assert unscaled.attrs["scale"] is False
    assert unscaled.value.abs().max() < 0.5
    line = smoothed_arc(alice_sentences, "rolling")
    np.testing.assert_allclose(unscaled.value, np.interp(unscaled.time, line.time, line.value))
    for column in ("null_low", "null_high"):
        np.testing.assert_allclose(
            unscaled[column], np.interp(unscaled.time, line.time, line[column])
        )
    (record,) = unscaled.attrs["texts"]
    assert record["beyond"] == line.attrs["null"]["outside"]
    assert (record["low"], record["high"]) == (unscaled.value.min(), unscaled.value.max())


def test_compare_rescales_the_envelope_with_its_arc(alice_sentences):
    levels = arc.compare([alice_sentences], method="rolling")
    stretched = arc.compare([alice_sentences], method="rolling", scale=True)
    (record,) = stretched.attrs["texts"]
    assert record == levels.attrs["texts"][0]  # the real range and the shares are kept
    low, high = record["low"], record["high"]
    for column in ("value", "null_low", "null_high"):
        back = (stretched[column] + 1) / 2 * (high - low) + low
        np.testing.assert_allclose(back, levels[column], atol=1e-12)
    beyond = lambda d: (d.value > d.null_high) | (d.value < d.null_low)  # noqa: E731
    assert beyond(levels).tolist() == beyond(stretched).tolist()


def test_compare_keeps_each_texts_shape(alice_sentences, frankenstein_sentences):
    from arc.analysis.shapes import ArcShape

    data = arc.compare([alice_sentences, frankenstein_sentences], method="rolling")
    for record, df in zip(
        data.attrs["texts"], (alice_sentences, frankenstein_sentences), strict=True
    ):
        assert ArcShape(**record["shape"]) == arc.shape(df, "rolling")
    copied = data.copy()  # attrs are deep-copied: they must be plain
    assert copied.attrs["texts"] == data.attrs["texts"]


def test_compare_without_the_envelope(alice_sentences):
    data = arc.compare([alice_sentences], method="rolling", null=False)
    assert data.null_low.isna().all() and data.null_high.isna().all()
    assert data.attrs["texts"][0]["beyond"] is None


def test_compare_tells_apart_same_titles(alice_sentences):
    twice = arc.compare([alice_sentences, alice_sentences.copy()])
    assert twice.text.tolist() == [0] * 101 + [1] * 101
    assert twice.title.nunique() == 2  # numbered, never merged into one zig-zag line
    other = alice_sentences.copy()
    other.attrs = {**alice_sentences.attrs, "name": "alice_copy"}
    titles = set(arc.compare([alice_sentences, other]).title)
    assert any("alice_copy" in t for t in titles) and len(titles) == 2


def test_compare_untitled_texts():
    text = "\n\n".join(f"Para {i}. She was happy. He was sad." for i in range(12))
    frames = [arc.analyze(text=t, unit="sentence") for t in (text, text.replace("happy", "glad"))]
    data = arc.compare(frames, method="rolling")
    assert data.title.nunique() == 2 and data.groupby("text").size().tolist() == [101, 101]


def test_compare_paths():
    data = arc.compare([ALICE_EXCERPT, FRANKENSTEIN_EXCERPT], method="lowess")
    assert list(dict.fromkeys(data.title)) == [
        "Alice's Adventures in Wonderland",
        "Frankenstein; Or, The Modern Prometheus",
    ]


def test_compare_names_a_text_too_short():
    with pytest.raises(arc.TooShortError, match="Short"):
        arc.compare(
            [arc.analyze(text="Short\n\nIt was good. It was bad.", unit="sentence")],
            method="savgol",
        )
