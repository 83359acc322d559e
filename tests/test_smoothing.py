"""Tests for arc.analysis.smoothing: parity with R syuzhet/dtt and statsmodels, and smoother
behaviour."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from statsmodels.nonparametric.smoothers_lowess import lowess as sm_lowess

from arc.analysis.smoothing import DEFAULT_PARAMS, METHODS, narrative_time, percentage_bins, smooth
from arc.errors import TooShortError

REFERENCE_PATH = Path(__file__).parent / "data" / "syuzhet_reference.json"
REFERENCE: dict[str, Any] = json.loads(REFERENCE_PATH.read_text(encoding="utf-8"))
INPUTS: dict[str, list[float]] = REFERENCE["inputs"]
DCT_KEYS = ("low_pass_size", "x_reverse_len", "scale_vals", "scale_range")

finite = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)


def series(min_size: int, max_size: int = 300) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, st.integers(min_size, max_size), elements=finite)


def _case_id(case: dict[str, Any]) -> str:
    params = ",".join(f"{k}={case[k]}" for k in case if k not in ("input", "output"))
    return f"{case['input']}[{params}]"


# --------------------------------------------------------------------------- syuzhet parity


def test_reference_comes_from_r() -> None:
    assert REFERENCE["r_version"].startswith("R version")
    assert len(REFERENCE["syuzhet_commit"]) == 40
    assert REFERENCE["get_dct_transform"] and REFERENCE["get_percentage_values"]


@pytest.mark.parametrize("case", REFERENCE["get_dct_transform"], ids=_case_id)
def test_dct_matches_syuzhet(case: dict[str, Any]) -> None:
    params = {k: case[k] for k in DCT_KEYS}
    got = smooth(INPUTS[case["input"]], "dct", **params)
    assert got.shape == (case["x_reverse_len"],)
    np.testing.assert_allclose(got, case["output"], rtol=0, atol=1e-9)


@pytest.mark.parametrize("case", REFERENCE["get_percentage_values"], ids=_case_id)
def test_percentage_bins_match_syuzhet(case: dict[str, Any]) -> None:
    got = percentage_bins(INPUTS[case["input"]], bins=case["bins"])
    assert got.shape == (case["bins"],)
    np.testing.assert_allclose(got, case["output"], rtol=0, atol=1e-9)


def test_dct_defaults_are_syuzhets() -> None:
    case = REFERENCE["get_dct_transform"][0]
    assert {k: case[k] for k in DCT_KEYS} == dict(DEFAULT_PARAMS["dct"])
    np.testing.assert_allclose(
        smooth(INPUTS[case["input"]], "dct"), case["output"], rtol=0, atol=1e-9
    )


def test_dct_full_band_reconstructs_input() -> None:
    x = np.array(INPUTS["short_10"])
    np.testing.assert_allclose(smooth(x, "dct", low_pass_size=10, x_reverse_len=10), x, atol=1e-12)


def test_dct_scale_options() -> None:
    x = INPUTS["sine_noise_237"]
    ranged = smooth(x, "dct", scale_range=True)
    assert ranged.min() == pytest.approx(-1) and ranged.max() == pytest.approx(1)
    z = smooth(x, "dct", scale_vals=True)
    assert z.mean() == pytest.approx(0, abs=1e-12) and z.std(ddof=1) == pytest.approx(1)
    with pytest.raises(ValueError, match="cannot both be true"):
        smooth(x, "dct", scale_vals=True, scale_range=True)


def test_dct_bad_lengths() -> None:
    with pytest.raises(ValueError, match="x_reverse_len"):
        smooth(INPUTS["short_10"], "dct", low_pass_size=5, x_reverse_len=4)
    with pytest.raises(ValueError, match="low_pass_size"):
        smooth(INPUTS["short_10"], "dct", low_pass_size=0)


@settings(max_examples=50, deadline=None)
@given(series(1, 30), st.integers(1, 30))
def test_percentage_bins_properties(values: np.ndarray, bins: int) -> None:
    if values.size < bins:
        with pytest.raises(TooShortError):
            percentage_bins(values, bins)
        return
    got = percentage_bins(values, bins)
    assert got.shape == (bins,)
    assert np.all(got >= values.min() - 1e-9) and np.all(got <= values.max() + 1e-9)
    if bins == values.size:
        np.testing.assert_allclose(got, values, rtol=0, atol=1e-12)
    if bins == 1:
        assert got[0] == pytest.approx(values.mean(), abs=1e-9)


# --------------------------------------------------------------------------- lowess


def _lowess_inputs() -> list[tuple[str, np.ndarray]]:
    rng = np.random.default_rng(20240611)
    return [
        ("sine_noise_237", np.array(INPUTS["sine_noise_237"])),
        ("example_12", np.array(INPUTS["example_12"])),
        ("heavy_tails_500", np.sin(np.arange(500) / 40) + rng.standard_t(1.5, size=500)),
        ("step_60", np.r_[np.zeros(30), np.ones(30)] + 0.1 * rng.standard_normal(60)),
        ("sparse_80", np.where(rng.random(80) < 0.2, rng.normal(size=80), 0.0)),
        ("two", np.array([0.3, -0.7])),
        ("three", np.array([1.0, 0.0, 2.0])),
    ]


@pytest.mark.parametrize("frac", [0.05, 0.2, 0.5, 2 / 3, 1.0])
@pytest.mark.parametrize("it", [0, 1, 3])
@pytest.mark.parametrize(("name", "y"), _lowess_inputs(), ids=[n for n, _ in _lowess_inputs()])
def test_lowess_matches_statsmodels(name: str, y: np.ndarray, frac: float, it: int) -> None:
    x = np.arange(y.size, dtype=np.float64)
    expected = sm_lowess(y, x, frac=frac, it=it, delta=0.0, return_sorted=False)
    got = smooth(y, "lowess", frac=frac, it=it)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(series(2, 200), st.floats(0.01, 1.0), st.integers(0, 3))
def test_lowess_matches_statsmodels_property(y: np.ndarray, frac: float, it: int) -> None:
    x = np.arange(y.size, dtype=np.float64)
    expected = sm_lowess(y, x, frac=frac, it=it, delta=0.0, return_sorted=False)
    np.testing.assert_allclose(smooth(y, "lowess", frac=frac, it=it), expected, atol=1e-9)


def test_lowess_default_matches_statsmodels() -> None:
    y = np.array(INPUTS["sine_noise_237"])
    expected = sm_lowess(y, np.arange(y.size, dtype=float), frac=0.2, it=3, return_sorted=False)
    np.testing.assert_allclose(smooth(y, "lowess"), expected, rtol=0, atol=1e-9)


def _sm_lowess_delta(y: np.ndarray, frac: float, it: int, delta: float) -> np.ndarray:
    x = np.arange(y.size, dtype=np.float64)
    return sm_lowess(y, x, frac=frac, it=it, delta=delta, return_sorted=False)


def _noisy(n: int, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.sin(np.arange(n) / (n / 6)) + rng.standard_t(2, size=n)


@pytest.mark.parametrize("delta", [0.0, 0.5, 1.0, 3.5, 10.0, 12.0, 99.9, 1e9])
@pytest.mark.parametrize(("n", "frac", "it"), [(60, 0.2, 3), (237, 0.5, 1), (1500, 0.05, 2)])
def test_lowess_delta_matches_statsmodels(n: int, frac: float, it: int, delta: float) -> None:
    y = _noisy(n)
    got = smooth(y, "lowess", frac=frac, it=it, delta=delta)
    np.testing.assert_allclose(got, _sm_lowess_delta(y, frac, it, delta), rtol=0, atol=1e-9)


@pytest.mark.parametrize("delta", [3.5, 10.0])
@pytest.mark.parametrize(("name", "y"), _lowess_inputs(), ids=[n for n, _ in _lowess_inputs()])
def test_lowess_delta_on_reference_inputs(name: str, y: np.ndarray, delta: float) -> None:
    for it in (0, 3):
        np.testing.assert_allclose(
            smooth(y, "lowess", frac=0.2, it=it, delta=delta),
            _sm_lowess_delta(y, 0.2, it, delta),
            rtol=0,
            atol=1e-9,
        )


@pytest.mark.parametrize(
    ("n", "frac", "it"), [(1001, 0.2, 3), (2500, 0.1, 0), (5000, 0.2, 3), (30000, 0.2, 3)]
)
def test_lowess_default_delta_above_1000_values(n: int, frac: float, it: int) -> None:
    y = _noisy(n, seed=n)
    expected = _sm_lowess_delta(y, frac, it, 0.01 * (n - 1))
    got = smooth(y, "lowess", frac=frac, it=it)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(got, smooth(y, "lowess", frac=frac, it=it, delta=None))


def test_lowess_default_delta_is_zero_up_to_1000_values() -> None:
    y = _noisy(1000)
    np.testing.assert_allclose(
        smooth(y, "lowess"), _sm_lowess_delta(y, 0.2, 3, 0.0), rtol=0, atol=1e-9
    )
    np.testing.assert_array_equal(smooth(y, "lowess"), smooth(y, "lowess", delta=0))


def test_lowess_delta_interpolates_between_fits() -> None:
    # a straight line is fitted exactly, so interpolation between fits keeps it straight
    line = 0.25 * np.arange(3000) - 7.0
    np.testing.assert_allclose(smooth(line, "lowess"), line, rtol=0, atol=1e-9)
    # the default delta stays close to the every-point fit
    y = _noisy(5000)
    full = smooth(y, "lowess", delta=0)
    assert np.max(np.abs(smooth(y, "lowess") - full)) < 0.01 * np.ptp(full)


@settings(max_examples=40, deadline=None)
@given(series(2, 200), st.floats(0.01, 1.0), st.integers(0, 3), st.floats(0.0, 250.0))
def test_lowess_delta_matches_statsmodels_property(
    y: np.ndarray, frac: float, it: int, delta: float
) -> None:
    got = smooth(y, "lowess", frac=frac, it=it, delta=delta)
    np.testing.assert_allclose(got, _sm_lowess_delta(y, frac, it, delta), atol=1e-9)


@pytest.mark.parametrize("delta", [-1.0, float("nan"), True, "wide", [1.0]])
def test_lowess_bad_delta(delta: object) -> None:
    with pytest.raises(ValueError, match="delta"):
        smooth(INPUTS["sine_noise_237"], "lowess", delta=delta)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rolling, savgol


def _rolling_brute(y: np.ndarray, width: int) -> np.ndarray:
    half = width // 2
    return np.array([y[max(0, i - half) : i + half + 1].mean() for i in range(y.size)])


def test_rolling_shrinks_at_the_edges() -> None:
    y = np.array([0.0, 0.0, 3.0, 0.0, 0.0, 6.0])
    # window 0.5 of 6 values -> 3 points
    np.testing.assert_allclose(smooth(y, "rolling", window=0.5), [0, 1, 1, 1, 2, 3])


@pytest.mark.parametrize("window", [0.01, 0.1, 0.25, 0.5, 1.0])
def test_rolling_equals_brute_force(window: float) -> None:
    y = np.array(INPUTS["sine_noise_237"])
    width = int(np.floor(window * y.size + 0.5))
    width += width % 2 == 0
    np.testing.assert_allclose(smooth(y, "rolling", window=window), _rolling_brute(y, width))


def test_savgol_preserves_quadratics_and_uses_interp_ends() -> None:
    t = np.arange(50, dtype=np.float64)
    quad = 0.01 * t**2 - 0.3 * t + 2
    np.testing.assert_allclose(smooth(quad, "savgol"), quad, atol=1e-9)


def test_savgol_matches_scipy() -> None:
    from scipy.signal import savgol_filter

    y = np.array(INPUTS["sine_noise_237"])
    # window 0.2 * 237 = 47.4 -> 47 points
    np.testing.assert_allclose(
        smooth(y, "savgol"), savgol_filter(y, 47, 2, mode="interp"), rtol=0, atol=1e-12
    )
    # the window never exceeds the text: 6 values -> 5 points
    short = np.array([0.0, 1.0, 0.0, 2.0, 0.5, 1.0])
    np.testing.assert_allclose(
        smooth(short, "savgol", window=1.0), savgol_filter(short, 5, 2, mode="interp")
    )


@settings(max_examples=40, deadline=None)
@given(
    st.integers(5, 300),
    st.floats(-5, 5, allow_nan=False),
    st.sampled_from(["rolling", "lowess", "savgol"]),
    st.floats(0.01, 1.0),
)
def test_constant_stays_constant(n: int, c: float, method: str, fraction: float) -> None:
    key = "frac" if method == "lowess" else "window"
    got = smooth(np.full(n, c), method, **{key: fraction})
    assert got.shape == (n,)
    np.testing.assert_allclose(got, c, rtol=1e-9, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(series(5), st.sampled_from(sorted(METHODS)))
def test_lengths_and_bounds(values: np.ndarray, method: str) -> None:
    got = smooth(values, method)
    expected_len = DEFAULT_PARAMS["dct"]["x_reverse_len"] if method == "dct" else values.size
    assert got.shape == (expected_len,)
    assert got.dtype == np.float64
    assert np.all(np.isfinite(got))
    if method == "rolling":  # an average never leaves the data's range
        assert np.all(got >= values.min() - 1e-9) and np.all(got <= values.max() + 1e-9)


def test_input_is_not_modified() -> None:
    y = np.array(INPUTS["example_12"])
    before = y.copy()
    for method in METHODS:
        smooth(y, method)
    percentage_bins(y, 5)
    np.testing.assert_array_equal(y, before)


# --------------------------------------------------------------------------- errors


def test_percentage_bins_too_short_message() -> None:
    with pytest.raises(TooShortError) as info:
        percentage_bins(np.zeros(42), bins=100)
    assert str(info.value) == (
        "100 percentage bins need at least 100 values; there are 42. Use fewer bins"
    )
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("n", "method", "params", "minimum"),
    [
        (0, "rolling", {}, 1),
        (1, "lowess", {}, 2),
        (4, "savgol", {}, 5),
        (5, "savgol", {"polyorder": 4}, 7),
        (3, "dct", {}, 5),
        (7, "dct", {"low_pass_size": 8, "x_reverse_len": 10}, 8),
    ],
)
def test_too_short_names_the_minimum(
    n: int, method: str, params: dict[str, int], minimum: int
) -> None:
    values = "value" if minimum == 1 else "values"
    with pytest.raises(TooShortError, match=rf"at least {minimum} {values}; there are {n}\. "):
        smooth(np.zeros(n), method, **params)


def test_minimum_lengths_are_enough() -> None:
    assert smooth(np.zeros(1), "rolling").shape == (1,)
    assert smooth(np.zeros(2), "lowess").shape == (2,)
    assert smooth(np.zeros(5), "savgol").shape == (5,)
    assert smooth(np.zeros(5), "dct").shape == (100,)


def test_unknown_method_lists_methods() -> None:
    with pytest.raises(ValueError, match="rolling, lowess, savgol, dct") as info:
        smooth([1.0, 2.0], "spline")
    assert not isinstance(info.value, TooShortError)


def test_bad_parameters() -> None:
    y = INPUTS["sine_noise_237"]
    with pytest.raises(ValueError, match=r"unknown parameter.*frac"):
        smooth(y, "rolling", frac=0.2)
    with pytest.raises(ValueError, match="window"):
        smooth(y, "rolling", window=0)
    with pytest.raises(ValueError, match="frac"):
        smooth(y, "lowess", frac=1.5)
    with pytest.raises(ValueError, match="it must be an integer"):
        smooth(y, "lowess", it=1.5)
    with pytest.raises(ValueError, match="bins"):
        percentage_bins(y, 0)
    with pytest.raises(ValueError, match="finite"):
        smooth([1.0, float("nan"), 2.0], "rolling")
    with pytest.raises(ValueError, match="one-dimensional"):
        smooth([[1.0, 2.0]], "rolling")


# --------------------------------------------------------------------------- metadata


def test_lowess_delta_default_is_listed() -> None:
    assert dict(DEFAULT_PARAMS["lowess"]) == {"frac": 0.2, "it": 3, "delta": None}


def test_methods_have_one_line_descriptions() -> None:
    assert list(METHODS) == ["rolling", "lowess", "savgol", "dct"]
    assert set(METHODS) == set(DEFAULT_PARAMS)
    for description in METHODS.values():
        assert description and "\n" not in description


def test_narrative_time() -> None:
    assert narrative_time(1).tolist() == [0.0]
    assert narrative_time(0).shape == (0,)
    np.testing.assert_array_equal(narrative_time(101), np.arange(101, dtype=float))
    t = narrative_time(237)
    assert t[0] == 0.0 and t[-1] == 100.0 and np.all(np.diff(t) > 0)
    with pytest.raises(ValueError):
        narrative_time(-1)
