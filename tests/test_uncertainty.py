"""Honest arcs (#11): the bootstrap band and the word-salad envelope, as data and on charts."""

import numpy as np
import pandas as pd
import pytest

import arc
from arc.analysis.smoothing import smooth
from arc.analysis.timeline import smoothed_arc
from arc.analysis.uncertainty import NULL_LEVEL, salad_scores
from arc.charts.honesty import BEYOND_CHANCE, CHANCE
from arc.charts.theme import BEYOND

COLUMNS = ["time", "value", "low", "high", "null_low", "null_high"]


def test_smoothed_arc_has_band_and_envelope_and_is_seeded(alice_sentences):
    a = smoothed_arc(alice_sentences, "rolling")
    assert list(a.columns) == COLUMNS
    assert a[COLUMNS].notna().all().all()
    pd.testing.assert_frame_equal(a, smoothed_arc(alice_sentences, "rolling"))
    assert a.attrs == smoothed_arc(alice_sentences, "rolling").attrs
    other = smoothed_arc(alice_sentences, "rolling", seed=1)
    assert not np.allclose(a["low"], other["low"])
    assert np.allclose(a["value"], other["value"])
    inside = (a["low"] <= a["value"]) & (a["value"] <= a["high"])
    assert inside.mean() > 0.99
    assert a.attrs["band"]["resamples"] == 200 and a.attrs["null"]["draws"] == 200
    assert 0 <= a.attrs["null"]["outside"] <= 1


def test_band_and_envelope_can_be_left_out(alice_sentences):
    a = smoothed_arc(alice_sentences, "lowess", band=False, null=False)
    assert a[["low", "high", "null_low", "null_high"]].isna().all().all()
    assert np.allclose(a["value"], smoothed_arc(alice_sentences, "lowess")["value"])


@pytest.mark.parametrize("method", ["rolling", "lowess", "savgol", "dct"])
def test_band_covers_the_true_smoothed_arc_near_its_stated_rate(method):
    """Measured: a nominal 90 % band covers 85 % (rolling, savgol, dct) or 77 % (lowess)."""
    rng = np.random.default_rng(11)
    rates = []
    for rep in range(12):
        n = 1200
        t = np.linspace(0, 1, n)
        truth_in = 0.3 * np.cos(2 * np.pi * t)
        df = pd.DataFrame({"compound": truth_in + rng.normal(0, 0.5, n), "position": t})
        a = smoothed_arc(df, method, null=False, seed=rep)
        truth = smooth(truth_in, method)
        if method == "dct":
            truth = truth * len(truth) / n
        rates.append(np.mean((a["low"] <= truth) & (truth <= a["high"])))
    assert 0.65 <= np.mean(rates) <= 0.97


def _words_shuffled(sentences, rng):
    story = sentences[sentences["role"] == "body"]
    words = " ".join(story["text"]).split()
    words = [words[i] for i in rng.permutation(len(words))]
    out, k = [], 0
    for count in story["n_words"]:
        out.append(" ".join(words[k : k + count]))
        k += count
    return "\n\n".join(" ".join(out[i : i + 4]) for i in range(0, len(out), 4))


def test_a_shuffled_text_stays_inside_its_own_envelope(alice_sentences):
    rng = np.random.default_rng(3)
    shuffled = arc.analyze(text=_words_shuffled(alice_sentences, rng), unit="sentence")
    a = smoothed_arc(shuffled, "rolling")
    assert a.attrs["null"]["outside"] <= 0.15  # pointwise 95 %: about 5 % by chance


def test_a_happy_half_and_a_sad_half_leave_the_envelope():
    rng = np.random.default_rng(5)
    happy = [
        "What a lovely and happy day it was.",
        "She smiled with great joy and love.",
        "Everything was wonderful and bright.",
    ]
    sad = [
        "It was a terrible and miserable night.",
        "She wept with grief and pain.",
        "Everything was awful and dark.",
    ]
    plain = ["The train left the station at noon.", "He walked along the road to the town."]
    sentences = [
        (happy if i < 120 else sad)[rng.integers(3)]
        if rng.random() < 0.5
        else plain[rng.integers(2)]
        for i in range(240)
    ]
    text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, 240, 3))
    a = smoothed_arc(arc.analyze(text=text, unit="sentence"), "rolling")
    assert a.attrs["null"]["outside"] > 0.7
    first, last = a["time"] < 30, a["time"] > 70
    assert (a["value"][first] > a["null_high"][first]).all()
    assert (a["value"][last] < a["null_low"][last]).all()


def test_word_salad_uses_every_word_once_at_the_texts_lengths():
    texts = ["I love this town.", "The rain is awful and cold.", "Nothing."]
    words = sorted(w for t in texts for w in t.split())
    scores = salad_scores(texts, seed=4)
    assert len(scores) == 3
    again = salad_scores(texts, seed=4)
    assert np.array_equal(scores, again)
    assert sorted(" ".join(texts).split()) == words


def test_frames_without_text_get_a_band_but_no_envelope():
    windows = arc.analyze(arc.example_path("alice"), "window", window=500)
    a = smoothed_arc(windows, "rolling")
    assert a["low"].notna().all() and a["null_low"].isna().all()
    assert "null" not in a.attrs


def test_the_envelope_level_is_the_stated_share(alice_sentences):
    a = smoothed_arc(alice_sentences, "dct")
    assert a.attrs["null"]["level"] == NULL_LEVEL and len(a) == 100


def test_long_chart_draws_the_columns(alice_sentences):
    chart = arc.smoothed_chart(alice_sentences)
    a = smoothed_arc(alice_sentences, "rolling")
    panel = chart.panel("arc")
    labels = [b.label for b in panel.bands]
    assert labels == [CHANCE, BEYOND_CHANCE, "uncertainty band (90%)"]
    envelope, beyond, band = panel.bands
    assert envelope.hatch and not band.hatch and not beyond.hatch
    assert np.allclose(envelope.low, a["null_low"]) and np.allclose(band.high, a["high"])
    # The gold fill is the arc's stretches beyond the envelope, from the envelope to the arc;
    # inside it, it has no width, on the envelope's nearer edge.
    on = np.asarray(envelope.x)
    value = np.interp(on, a["time"], a["value"])
    low, high = np.asarray(envelope.low), np.asarray(envelope.high)
    width = np.asarray(beyond.high) - np.asarray(beyond.low)
    outside = (value > high) | (value < low)
    assert (width[outside] > 0).all() and (width[~outside] == 0).all()
    assert np.allclose(np.where(value > high, beyond.high, beyond.low)[outside], value[outside])
    inside_at = np.asarray(beyond.low)[~outside]
    assert np.isin(inside_at, np.concatenate([low, high])).all()
    lo, hi = panel.ylim
    for b in panel.bands:
        values = np.array([v for v in b.low + b.high if v == v])
        assert lo <= values.min() and values.max() <= hi
    assert f"beyond chance over {a.attrs['null']['outside']:.0%} of the story" in chart.subtitle
    assert "chance envelope: 95% of 200 texts made by shuffling" in chart.caption
    assert "uncertainty band: 90% of 200 resamplings" in chart.caption
    plain = arc.smoothed_chart(alice_sentences, band=False, null=False)
    assert not plain.panel("arc").bands and "beyond chance" not in plain.subtitle
    assert "uncertainty" not in plain.caption and "chance" not in plain.caption
    keys = {k.label for k in plain.legend()}
    assert not keys & {CHANCE, BEYOND_CHANCE, "uncertainty band (90%)"}


def test_story_chart_rings_paragraphs_beyond_the_envelope(vignette):
    chart = arc.story_chart(vignette)
    panel = chart.panel("arc")
    # The gold fill of a line's stretches beyond chance is, here, a ring on each paragraph.
    assert [b.label for b in panel.bands] == [CHANCE, "uncertainty band (90%)"]
    rings = [p for p in panel.points if p.label == BEYOND_CHANCE]
    assert rings and rings[0].overlay and set(rings[0].colors) == {BEYOND}
    envelope = panel.bands[0]
    story = vignette[vignette["role"] == "body"]
    outside = [
        (x, y)
        for x, y, lo, hi in zip(
            story["index"], story["compound"], envelope.low, envelope.high, strict=True
        )
        if not lo <= y <= hi
    ]
    assert (
        outside
        and rings
        and list(zip(rings[0].x, rings[0].y, strict=True))
        == [(float(x), float(y)) for x, y in outside]
    )
    assert 7.0 in rings[0].x  # the guilt paragraph is beyond chance


def test_plot_no_band_no_null(tmp_path):
    from arc.charts.render import png_digest
    from arc.cli import main

    with_all, without = tmp_path / "a.png", tmp_path / "b.png"
    assert main(["plot", "-o", str(with_all), "--dpi", "40"]) == 0
    assert main(["plot", "--no-band", "--no-null", "-o", str(without), "--dpi", "40"]) == 0
    assert png_digest(with_all) != png_digest(without)
    expected = arc.story_chart(arc.analyze(), band=False, null=False).digest()
    assert png_digest(without) == expected


def test_weight_matrix_products_are_scipys_bit_for_bit(rng):
    """arc's own units x sentences product sums as a CSR product does, to the last bit."""
    from scipy.sparse import csr_matrix

    from arc.analysis.uncertainty import frame_weights
    from arc.analysis.weights import WeightMatrix

    for unit in ("paragraph", "sentence"):
        df = arc.analyze(arc.example_path("alice"), unit)
        matrix, texts = frame_weights(df)
        assert isinstance(matrix, WeightMatrix) and matrix.shape[1] == len(texts)
        dense = csr_matrix((matrix.weights, (matrix.rows, matrix.cols)), shape=matrix.shape)
        values = rng.normal(size=(matrix.shape[1], 7))
        np.testing.assert_array_equal(matrix @ values, dense @ values)
        np.testing.assert_array_equal(matrix @ values[:, 0], dense @ values[:, 0])


def test_weight_matrix_sums_duplicates():
    from arc.analysis.weights import WeightMatrix

    m = WeightMatrix.from_triples([1, 0, 1], [2, 0, 2], [0.25, 1.0, 0.5], (2, 3))
    assert (m @ np.array([1.0, 10.0, 100.0])).tolist() == [1.0, 75.0]
