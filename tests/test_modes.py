"""Reagan et al.'s modes of a corpus: planted shapes come back, in order, the right way up.

The arcs are synthetic: known orthonormal shapes (the cosine templates of
arc.analysis.shapes) with known variances, each text's own level, and a little noise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from arc.analysis.modes import MODE_COLUMNS, corpus_modes, mode_shapes
from arc.analysis.shapes import SHAPES, shape_grid

GRID = 100
T = shape_grid(GRID)
#: Three orthonormal shapes on the grid: a rise, a dip, two turns (rags to riches, man in a
#: hole, cinderella as they are signed in SHAPES).
PLANTED = {
    name: SHAPES[name].values() / np.linalg.norm(SHAPES[name].values())
    for name in ("rags to riches", "man in a hole", "cinderella")
}
#: Standard deviations of each planted shape's coefficient: variances 9 : 4 : 1.
SPREADS = (3.0, 2.0, 1.0)


def segments_of(arcs: np.ndarray, ids: np.ndarray | None = None) -> pd.DataFrame:
    """The segments table of ``arcs`` (texts × grid), as arc corpus writes it."""
    n = len(arcs)
    ids = np.arange(n, dtype=np.int64) if ids is None else ids
    return pd.DataFrame(
        {
            "text_id": np.repeat(ids, GRID),
            "position": np.tile(T, n),
            "chapter": None,
            "value": arcs.ravel(),
            "smoothed": arcs.ravel(),
        }
    )


@pytest.fixture
def planted(rng):
    """200 arcs: each text's level, the three planted shapes in known amounts, and noise."""
    n = 200
    weights = rng.normal(0.0, SPREADS, size=(n, 3))
    shapes = np.vstack(list(PLANTED.values()))
    arcs = rng.normal(0.0, 0.5, size=(n, 1)) + weights @ shapes
    arcs += rng.normal(0.0, 0.02, size=arcs.shape)
    return arcs


def vectors(modes: pd.DataFrame) -> np.ndarray:
    return np.vstack(
        [m.sort_values("position")["value"].to_numpy() for _, m in modes.groupby("mode")]
    )


def shares(modes: pd.DataFrame) -> np.ndarray:
    return modes.groupby("mode")["share"].first().to_numpy()


def test_the_planted_shapes_come_back_in_order_of_variance(planted):
    modes, loadings = corpus_modes(segments_of(planted), k=3)
    assert list(modes.columns) == list(MODE_COLUMNS)
    found = vectors(modes)
    assert found.shape == (3, GRID)
    for vector, truth in zip(found, PLANTED.values(), strict=True):
        assert abs(float(vector @ truth)) > 0.995
        assert np.linalg.norm(vector) == pytest.approx(1.0)
    got = shares(modes)
    assert got[0] > got[1] > got[2]
    expected = np.array(SPREADS) ** 2 / sum(s**2 for s in SPREADS)
    np.testing.assert_allclose(got, expected, atol=0.06)
    assert list(loadings.columns) == ["text_id", "mode_1", "mode_2", "mode_3"]
    assert loadings["text_id"].dtype == np.int64
    # rms is a typical text's amount of each mode: the planted spreads
    rms = modes.groupby("mode")["rms"].first().to_numpy()
    np.testing.assert_allclose(rms, SPREADS, rtol=0.2)


def test_shares_are_decreasing_and_sum_to_at_most_one(planted, rng):
    noisy = planted + rng.normal(0.0, 1.0, size=planted.shape)
    modes, _ = corpus_modes(segments_of(noisy), k=10)
    got = shares(modes)
    assert len(got) == 10
    assert (np.diff(got) <= 0).all()
    assert 0 < got.sum() < 1
    full, _ = corpus_modes(segments_of(noisy), k=GRID)
    assert shares(full).sum() == pytest.approx(1.0)


def test_each_mode_ends_higher_than_it_starts_and_loadings_follow(planted):
    modes, loadings = corpus_modes(segments_of(planted), k=3)
    upside_down, flipped = corpus_modes(segments_of(-planted), k=3)
    for vector in vectors(modes):
        assert vector[GRID // 2 :].mean() - vector[: GRID // 2].mean() >= 0
    # negating every arc negates every loading, never the modes
    np.testing.assert_allclose(vectors(upside_down), vectors(modes), atol=1e-9)
    np.testing.assert_allclose(flipped.iloc[:, 1:], -loadings.iloc[:, 1:], atol=1e-9)
    # the rise comes back as a rise: rags to riches, not riches to rags
    assert vectors(modes)[0] @ PLANTED["rags to riches"] > 0.99


def test_a_symmetric_mode_has_its_largest_element_positive(rng):
    # arcs varying along one symmetric shape only: a dip whose ends are its largest values
    dip = PLANTED["man in a hole"]
    for sign in (1.0, -1.0):
        arcs = np.outer(rng.normal(0.0, 1.0, 30), sign * dip)
        modes, _ = corpus_modes(segments_of(arcs), k=1)
        vector = vectors(modes)[0]
        assert abs(vector[GRID // 2 :].mean() - vector[: GRID // 2].mean()) < 1e-9
        assert vector[np.argmax(np.abs(vector))] > 0
        assert vector @ dip > 0.999  # both signs of input give the same mode


def test_texts_with_gaps_are_left_out_of_the_svd(planted):
    gappy = planted.copy()
    gappy[[3, 17], [40, 0]] = np.nan
    segments = segments_of(gappy, ids=np.arange(100, 100 + len(gappy), dtype=np.int64))
    modes, loadings = corpus_modes(segments, k=3)
    assert modes.attrs["left_out"] == [103, 117]
    assert modes.attrs["texts"] == len(planted) - 2
    assert not {103, 117} & set(loadings["text_id"])
    assert len(loadings) == len(planted) - 2
    kept = np.delete(planted, [3, 17], axis=0)
    alone, _ = corpus_modes(segments_of(kept), k=3)
    np.testing.assert_allclose(modes["value"], alone["value"], atol=1e-12)
    # a text missing a grid point altogether is a text with a gap
    short = segments[~((segments.text_id == 150) & (segments.position == T[5]))]
    assert 150 in corpus_modes(short, k=3)[0].attrs["left_out"]


def test_the_same_input_gives_the_same_bytes(planted):
    segments = segments_of(planted)
    first = corpus_modes(segments, k=3)
    again = corpus_modes(segments.sample(frac=1.0, random_state=1), k=3)  # rows shuffled
    for a, b in zip(first, again, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.to_numpy().tobytes() == b.to_numpy().tobytes()


def test_every_mode_rebuilds_the_arcs_exactly(rng):
    arcs = rng.normal(0.0, 0.2, size=(20, GRID)).cumsum(axis=1) / 5
    modes, loadings = corpus_modes(segments_of(arcs), k=500)
    k = modes["mode"].max()
    assert k == 20  # clipped to the number of texts
    rebuilt = arcs.mean(axis=1, keepdims=True) + loadings.iloc[:, 1:].to_numpy() @ vectors(modes)
    np.testing.assert_allclose(rebuilt, arcs, atol=1e-10)


def test_the_value_column_is_chosen(planted, rng):
    segments = segments_of(planted)
    segments["value"] = rng.normal(size=len(segments))  # raw bins: noise
    smooth, _ = corpus_modes(segments, k=1)
    raw, _ = corpus_modes(segments, k=1, value="value")
    assert smooth.attrs["value"] == "smoothed" and raw.attrs["value"] == "value"
    assert abs(vectors(smooth)[0] @ vectors(raw)[0]) < 0.9


def test_plain_errors(planted):
    segments = segments_of(planted[:3])
    with pytest.raises(ValueError, match="missing: smoothed"):
        corpus_modes(segments.drop(columns="smoothed"))
    with pytest.raises(ValueError, match="at least 1"):
        corpus_modes(segments, k=0)
    one = segments.copy()
    one.loc[one.text_id > 0, "smoothed"] = np.nan
    with pytest.raises(ValueError, match=r"at least 2 texts .* there are 1 \(2 left out"):
        corpus_modes(one)
    flat = segments.assign(smoothed=np.repeat([0.1, -0.2, 0.3], GRID))
    with pytest.raises(ValueError, match="every arc is flat"):
        corpus_modes(flat)


def test_modes_are_named_after_their_nearest_shape(planted):
    modes, _ = corpus_modes(segments_of(planted), k=3)
    named = mode_shapes(modes)
    assert named["mode"].tolist() == [1, 2, 3]
    # a rise; a dip, whose ends are its largest values; two turns, the way up whose second
    # half is the higher: fall-rise-fall (its second half holds the peak at two thirds)
    assert named["shape"].tolist() == ["rags to riches", "man in a hole", "oedipus"]
    assert named["opposite"].iloc[0] == "riches to rags"
    assert named["course"].iloc[0] == "rise or fall"
    assert (named["r"] > 0.99).all()
    np.testing.assert_allclose(named["share"], shares(modes))
