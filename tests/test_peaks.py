"""arc.analysis.peaks against scipy.signal.find_peaks: the same peaks, the same prominences."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.signal import find_peaks as scipy_find_peaks

from arc.analysis.peaks import find_peaks


def scipy_peaks(x, threshold):
    at, props = scipy_find_peaks(x, prominence=threshold)
    return at, props["prominences"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(-4, 4), min_size=0, max_size=60),
    st.sampled_from([1e-9, 0.5, 1.0, 2.5]),
)
def test_plateaus_and_ties_match_scipy(values, threshold):
    """Small integers make flat tops, ties and equal neighbours: the hard cases."""
    x = np.array(values, dtype=float)
    at, prom = find_peaks(x, threshold)
    want_at, want_prom = scipy_peaks(x, threshold)
    np.testing.assert_array_equal(at, want_at)
    np.testing.assert_array_equal(prom, want_prom)


def test_smoothed_lines_match_scipy(rng):
    for n in (3, 10, 500, 5000):
        x = np.convolve(rng.normal(size=n + 40), np.ones(41) / 41, mode="valid")
        span = float(x.max() - x.min())
        for share in (0.0, 0.05, 0.2, 0.9):
            at, prom = find_peaks(x, share * span)
            want_at, want_prom = scipy_peaks(x, share * span)
            np.testing.assert_array_equal(at, want_at)
            np.testing.assert_allclose(prom, want_prom, rtol=0, atol=0)


def test_a_plain_peak():
    at, prom = find_peaks(np.array([0.0, 1.0, 0.0]), 0.5)
    assert at.tolist() == [1] and prom.tolist() == [1.0]
    at, prom = find_peaks(np.array([0.0, 1.0, 0.0]), 1.5)
    assert at.tolist() == [] and prom.tolist() == []


def _slow_prominence(x, peak):
    """The definition, searched outward from the peak: the reference for the fast one."""
    top = x[peak]
    left = x[: peak + 1][::-1]
    higher = np.flatnonzero(left > top)
    left_min = left[: higher[0] if len(higher) else len(left)].min()
    right = x[peak:]
    higher = np.flatnonzero(right > top)
    right_min = right[: higher[0] if len(higher) else len(right)].min()
    return float(top - max(left_min, right_min))


@given(st.lists(st.integers(-3, 3), min_size=3, max_size=300))
def test_prominences_equal_the_definition_with_plateaus_and_ties(values):
    from arc.analysis.peaks import _local_maxima

    x = np.array(values, dtype=float)
    peaks, prominences = find_peaks(x, 0.0)
    every = _local_maxima(x)
    assert list(peaks) == [p for p in every if _slow_prominence(x, p) >= 0.0]
    assert prominences.tolist() == [_slow_prominence(x, int(p)) for p in peaks]
