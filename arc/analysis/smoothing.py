"""Smoothing and resampling of a sentiment series: the shapes arc draws.

Every function here is pure: it takes a 1-D sequence of numbers (one per sentence or other
unit, in narrative order) and returns a new ``numpy.ndarray`` of ``float64``.

* :func:`percentage_bins` -- syuzhet's ``get_percentage_values``: means over equal slices.
* :func:`smooth` -- one of the smoothers in :data:`METHODS` (``rolling``, ``lowess``,
  ``savgol``, ``dct``). Only ``dct`` changes the length (to ``x_reverse_len``).
* :func:`narrative_time` -- the x axis, 0 to 100 percent.

``percentage_bins`` and ``smooth(..., "dct")`` reproduce R syuzhet 1.0.7 (which calls dtt
0.1-2.1) to within 1e-9; ``tests/data/syuzhet_reference.json`` holds numbers from the real R code.
Library errors: :class:`arc.errors.TooShortError` (also a ``ValueError``) when there are too
few values, ``ValueError`` for any other bad argument.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, NamedTuple, SupportsIndex

import numpy as np
from numpy.typing import ArrayLike, NDArray

from arc.analysis.smoothers import SMOOTHERS
from arc.errors import TooShortError

__all__ = [
    "DEFAULT_PARAMS",
    "LOWESS_MAX_WORK",
    "MAX_IT",
    "MAX_LOW_PASS_SIZE",
    "MAX_POLYORDER",
    "MAX_X_REVERSE_LEN",
    "METHODS",
    "bin_edges",
    "narrative_time",
    "percentage_bins",
    "smooth",
    "smooth_columns",
]

FloatArray = NDArray[np.float64]

METHODS: Final[Mapping[str, str]] = MappingProxyType(
    {name: smoother.summary for name, smoother in SMOOTHERS.items()}
)
"""Each smoothing method, with one line on what it does to a plot and when to use it.

Read from the declarations in :mod:`arc.analysis.smoothers`, where a new smoother is added.
"""

DEFAULT_PARAMS: Final[Mapping[str, Mapping[str, float | int | bool | None]]] = MappingProxyType(
    {name: smoother.defaults for name, smoother in SMOOTHERS.items()}
)
"""The keyword parameters each method of :func:`smooth` accepts, with their defaults.

``None`` means "chosen from the data": lowess' ``delta=None`` is ``0.01 * (n - 1)`` above
1000 values, else 0 (see :func:`smooth`).
"""


MAX_IT: Final = 10
"""At most this many ``lowess`` robustness passes (``it``); 3 is the usual, more rarely help."""
MAX_POLYORDER: Final = 10
"""The highest ``savgol`` ``polyorder``; orders above 4 or 5 are rarely useful on an arc."""
MAX_LOW_PASS_SIZE: Final = 1000
"""The most ``dct`` components kept (``low_pass_size``); syuzhet's default is 5."""
MAX_X_REVERSE_LEN: Final = 100_000
"""The longest ``dct`` output (``x_reverse_len``); syuzhet's default is 100."""
LOWESS_MAX_WORK: Final = 10**9
"""The most tricube weights one ``lowess`` call may compute: local fits x their neighbourhood
size x (``it`` + 1). About half a minute; ``delta=0`` on 30,000 values is 720,000,000."""


# --------------------------------------------------------------------------- helpers


def _as_series(values: ArrayLike) -> FloatArray:
    """Return ``values`` as a finite 1-D float64 array (a copy), or raise ``ValueError``."""
    arr = np.array(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"values must be one-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("values must be finite numbers (no NaN or infinity)")
    return arr


def _too_short(subject: str, minimum: int, n: int, hint: str) -> TooShortError:
    """Build the one-line error for ``subject`` ("X needs") lacking ``minimum`` values."""
    values = "value" if minimum == 1 else "values"
    return TooShortError(f"{subject} at least {minimum} {values}; there are {n}. {hint}")


def _fraction(name: str, value: float) -> float:
    value = float(value)
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{name} must be a fraction of the text in (0, 1], got {value!r}")
    return value


def _int_param(name: str, value: object, minimum: int) -> int:
    """Return ``value`` as an int (integral floats such as 3.0 accepted), or raise ValueError."""
    if type(value) is bool:
        raise ValueError(f"{name} must be an integer, got {value!r}")
    try:
        if not isinstance(value, SupportsIndex):
            raise TypeError(value)  # as operator.index would
        result = operator.index(value)
    except TypeError:
        if not (
            type(value) in (float, np.float64) and isinstance(value, float) and value.is_integer()
        ):
            raise ValueError(f"{name} must be an integer, got {value!r}") from None
        result = int(value)
    if result < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {result}")
    return result


def _bounded(name: str, value: object, minimum: int, maximum: int, why: str) -> int:
    """``value`` as an int from ``minimum`` to ``maximum``, or ValueError naming the limit."""
    result = _int_param(name, value, minimum)
    if result > maximum:
        raise ValueError(f"{name} must be at most {maximum:,} ({why}), got {result:,}")
    return result


def _check_limits(method: str, params: dict) -> None:
    """Refuse, before any work, parameters that would take hours or gigabytes."""
    if method == "lowess":
        _bounded("it", params["it"], 0, MAX_IT, "robustness passes; 3 is the usual")
    elif method == "savgol":
        _bounded("polyorder", params["polyorder"], 0, MAX_POLYORDER, "a polynomial's degree")
    elif method == "dct":
        _bounded(
            "low_pass_size",
            params["low_pass_size"],
            1,
            MAX_LOW_PASS_SIZE,
            "components kept; syuzhet's default is 5",
        )
        _bounded(
            "x_reverse_len",
            params["x_reverse_len"],
            2,
            MAX_X_REVERSE_LEN,
            "points of the resampled curve; syuzhet's default is 100",
        )


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


# --------------------------------------------------------------------------- public API


def narrative_time(n: int) -> FloatArray:
    """Positions in narrative time, in percent, for ``n`` consecutive units.

    The positions are *endpoints*, not centres: the first unit is at 0, the last at 100, and
    the rest are evenly spaced between (``numpy.linspace(0, 100, n)``). A single unit is at 0.

    Parameters
    ----------
    n : int
        Number of units (sentences, bins or smoothed points); 0 gives an empty array.

    Returns
    -------
    numpy.ndarray
        ``n`` float64 positions from 0.0 to 100.0.

    Examples
    --------
    >>> narrative_time(5).tolist()
    [0.0, 25.0, 50.0, 75.0, 100.0]
    >>> narrative_time(1).tolist()
    [0.0]

    """
    n = _int_param("n", n, 0)
    if n == 1:
        return np.zeros(1)
    return np.linspace(0.0, 100.0, n)


def percentage_bins(values: ArrayLike, bins: int = 100) -> FloatArray:
    """Mean of the values in each of ``bins`` equal slices of the text (syuzhet's percentages).

    Exactly R syuzhet's ``get_percentage_values(raw_values, bins)``, i.e.
    ``sapply(split(raw_values, cut(1:length(raw_values), bins)), mean)``, with R's ``cut()``
    semantics: ``bins + 1`` equally spaced breaks from 1 to n (computed as R's ``seq.int``
    does), the outer two moved out by ``(n - 1) / 1000``, intervals closed on the right.
    Unlike syuzhet, which refuses fewer than ``2 * bins`` values, any ``n >= bins`` is
    accepted (R's ``cut()`` leaves no bin empty then); ``bins=1`` gives the overall mean.

    Parameters
    ----------
    values : array_like
        1-D finite sentiment values in narrative order.
    bins : int, default 100
        Number of slices.

    Returns
    -------
    numpy.ndarray
        ``bins`` float64 means, in narrative order.

    Raises
    ------
    arc.errors.TooShortError
        If there are fewer values than bins.
    ValueError
        If ``bins`` is not a positive integer or the values are not finite and 1-D.

    Examples
    --------
    Ten values in four bins: the breaks are 0.991, 3.25, 5.5, 7.75 and 10.009, so the bins
    hold sentences 1-3, 4-5, 6-7 and 8-10.

    >>> percentage_bins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], bins=4).tolist()
    [2.0, 4.5, 6.5, 9.0]

    """
    y = _as_series(values)
    bins = _int_param("bins", bins, 1)
    n = y.size
    if n < bins:
        raise TooShortError(
            f"{bins} percentage bins need at least {bins} values; there are {n}. Use fewer bins"
        )
    codes = _bin_codes(n, bins)
    sums = np.bincount(codes, weights=y, minlength=bins)
    counts = np.bincount(codes, minlength=bins)
    return sums / counts


def bin_edges(n: int, bins: int = 100) -> NDArray[np.intp]:
    """Where each of :func:`percentage_bins`' slices starts, 0-based, with ``n`` appended.

    Examples
    --------
    >>> bin_edges(10, 4).tolist()
    [0, 3, 5, 7, 10]

    """
    if n < bins:
        raise TooShortError(f"percentage bins need at least {bins} values; there are {n}")
    counts = np.bincount(_bin_codes(n, bins), minlength=bins)
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.intp)


def _bin_codes(n: int, bins: int) -> NDArray[np.intp]:
    """The 0-based bin of each of the values 1..n, with R's ``cut(1:n, bins)`` breaks."""
    # R: rx <- range(1:n); dx <- diff(rx); nb <- bins + 1
    nb = bins + 1
    if n == 1:  # dx == 0: R widens by |rx[1]| / 1000 = 1 / 1000 on both sides
        breaks = _r_seq_length_out(1.0 - 1.0 / 1000, 1.0 + 1.0 / 1000, nb)
    else:
        dx = float(n - 1)
        breaks = _r_seq_length_out(1.0, float(n), nb)
        breaks[0] = 1.0 - dx / 1000
        breaks[-1] = n + dx / 1000
    positions = np.arange(1, n + 1, dtype=np.float64)
    # .bincode(right = TRUE): bin i holds breaks[i] < x <= breaks[i + 1]
    return np.searchsorted(breaks, positions, side="left") - 1


def _r_seq_length_out(start: float, stop: float, length_out: int) -> FloatArray:
    """R's ``seq.int(start, stop, length.out=)``: ``from + i * by``, exact end points."""
    out = np.empty(length_out)
    out[0] = start
    if length_out > 1:
        out[-1] = stop
    if length_out > 2:
        by = (stop - start) / (length_out - 1)
        out[1:-1] = start + np.arange(1, length_out - 1, dtype=np.float64) * by
    return out


def smooth(values: ArrayLike, method: str, **params: float | bool | None) -> FloatArray:
    """Smooth a sentiment series with one of :data:`METHODS`.

    Parameters
    ----------
    values : array_like
        1-D finite sentiment values in narrative order.
    method : {"rolling", "lowess", "savgol", "dct"}
        The smoother. Its keyword parameters, and defaults (:data:`DEFAULT_PARAMS`):

        ``rolling``: ``window=0.1``
            Centred moving average over ``window * n`` values (rounded half up, made odd by
            adding one if even). Near the ends the window shrinks to the values that exist
            (like pandas ``rolling(w, center=True, min_periods=1)``).
        ``lowess``: ``frac=0.2, it=3, delta=None``
            LOWESS at x = 0..n-1: for each point, a weighted linear fit over the
            ``int(frac * n)`` (at least 2) nearest points with tricube weights, then ``it``
            robustness passes with bisquare weights on the residuals; the same numbers as
            ``statsmodels.nonparametric.lowess(y, x, frac, it, delta)``. ``delta`` (in
            sentences, >= 0) saves time as statsmodels' does: after a fit at point i, the
            next fit is at the last point within ``delta`` of it (at least i + 1), and the
            points between are linearly interpolated; robustness weights use the residuals
            of all points. ``delta=None`` (default) means ``0.01 * (n - 1)``, 1% of the
            text, statsmodels' advice, when n > 1000, and 0 (every point fitted) otherwise.
            The curve then differs from the ``delta=0`` one only slightly (about 0.1% of its
            range on noisy test series of 5,000 and 30,000 values), and 30,000 values take
            about 0.1 s instead of about 13 s. ``it`` is at most :data:`MAX_IT` (10), and a
            call may compute at most :data:`LOWESS_MAX_WORK` (10⁹) tricube weights (fits x
            neighbourhood x (``it`` + 1)): a small ``delta`` on a very long series raises
            ``ValueError`` rather than run for hours.
        ``savgol``: ``window=0.2, polyorder=2``
            ``scipy.signal.savgol_filter`` with ``mode="interp"`` (the ends are the polynomial
            fitted to the first/last window, so no artificial flattening there). The window
            is ``window * n`` points, made odd, at least the first odd number
            ``>= polyorder + 2``, and at most n. ``polyorder`` is at most
            :data:`MAX_POLYORDER` (10).
        ``dct``: ``low_pass_size=5, x_reverse_len=100, scale_vals=False, scale_range=False``
            syuzhet's ``get_dct_transform``: DCT-II of the values (dtt's unnormalised
            ``sum(x * cos(pi / n * (j + 0.5) * k))``), keep the first ``low_pass_size``
            coefficients, zero-pad to ``x_reverse_len`` and invert (dtt's inverse, scaled by
            ``2 / x_reverse_len``). ``scale_vals`` z-scores the result (R ``scale()``, sd with
            n - 1); ``scale_range`` maps it onto [-1, 1]. A constant result cannot be scaled
            and gives NaN, as in R. Unscaled, the curve's size grows with
            ``n / x_reverse_len``, as in syuzhet. ``low_pass_size`` is at most
            :data:`MAX_LOW_PASS_SIZE` (1,000) and ``x_reverse_len`` at most
            :data:`MAX_X_REVERSE_LEN` (100,000), so memory stays bounded.
    **params
        The method's parameters, as above.

    Returns
    -------
    numpy.ndarray
        float64 values, as many as the input, except ``dct``, which returns
        ``x_reverse_len`` values.

    Raises
    ------
    arc.errors.TooShortError
        Too few values for the method (``rolling``: 1, ``lowess``: 2, ``savgol``: the window
        minimum, 5 for ``polyorder=2``, ``dct``: ``low_pass_size``).
    ValueError
        Unknown method or parameter, a parameter out of range or over its limit, or values
        that are not finite.

    Examples
    --------
    >>> smooth([0, 0, 3, 0, 0], "rolling", window=0.6).tolist()
    [0.0, 1.0, 1.0, 1.0, 0.0]

    dtt's transforms are not normalised, so an unscaled ``dct`` curve is the level of the
    text times ``n / x_reverse_len`` (here 20 / 4):

    >>> smooth([1.0] * 20, "dct", low_pass_size=3, x_reverse_len=4).round(12).tolist()
    [5.0, 5.0, 5.0, 5.0]

    """
    if method not in _DISPATCH:
        raise ValueError(
            f"unknown smoothing method {method!r}; choose one of: {', '.join(METHODS)}"
        )
    accepted = DEFAULT_PARAMS[method]
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(
            f"unknown parameter(s) for {method!r}: {', '.join(unknown)}; "
            f"accepted: {', '.join(accepted)}"
        )
    y = _as_series(values)
    merged = {**accepted, **params}
    _check_limits(method, merged)
    smoother = SMOOTHERS[method]
    try:
        minimum = smoother.minimum(merged)
    except (TypeError, ValueError):  # a malformed parameter: the smoother itself says so
        minimum = 0
    if y.size < minimum:
        setting = {k: merged[k] for k in ("polyorder", "low_pass_size") if k in merged}
        given = "".join(f" with {k}={v}" for k, v in setting.items())
        raise _too_short(f"{method} smoothing{given} needs", minimum, y.size, smoother.hint)
    return _DISPATCH[method](y, **merged)


# --------------------------------------------------------------------------- the smoothers


def _rolling(y: FloatArray, window: float) -> FloatArray:
    """The centred rolling mean of ``y``, or of each column of a 2-D ``y``."""
    window = _fraction("window", window)
    n = y.shape[0]
    width = max(1, _round_half_up(window * n))
    if width % 2 == 0:
        width += 1
    half = width // 2
    centre = np.mean(y, axis=0)
    zero = np.zeros((1, *y.shape[1:]))
    csum = np.concatenate((zero, np.cumsum(y - centre, axis=0)))  # centred: less rounding drift
    idx = np.arange(n)
    lo = np.maximum(idx - half, 0)
    hi = np.minimum(idx + half + 1, n)
    count = (hi - lo).reshape(-1, *([1] * (y.ndim - 1)))
    return centre + (csum[hi] - csum[lo]) / count


_LOWESS_DELTA_MIN_N: Final = 1000
"""Above this many values, ``lowess`` interpolates by default (``delta=None``)."""


def _lowess_delta(delta: float | None, n: int) -> float:
    """The interpolation distance: ``delta``, or by default 1% of the x range above 1000 values."""
    if delta is None:
        return 0.01 * (n - 1) if n > _LOWESS_DELTA_MIN_N else 0.0
    if type(delta) is bool:
        raise ValueError(f"delta must be a number, got {delta!r}")
    try:
        value = float(delta)
    except (TypeError, ValueError):
        raise ValueError(f"delta must be a number, got {delta!r}") from None
    if not value >= 0.0:  # also rejects NaN
        raise ValueError(f"delta must be a distance of at least 0 (sentences), got {delta!r}")
    return value


def _lowess_fit_points(n: int, delta: float) -> NDArray[np.intp]:
    """Where statsmodels runs a local regression for x = 0..n-1 and ``delta``, ascending.

    statsmodels' ``update_indices``: after a fit at ``i``, ``k`` is the first index with
    ``x[k] > x[i] + delta`` (or, when there is none, the last index, which its loop leaves in
    ``k``), and the next fit is at ``max(k - 1, i + 1)``; the points between are interpolated.
    """
    if delta < 1.0:  # k == i + 1 always: every point is fitted
        return np.arange(n, dtype=np.intp)
    points = []
    i = 0
    while True:
        points.append(i)
        if i >= n - 1:
            break
        cut = i + delta  # the float cut point, as statsmodels computes it
        k = n - 1 if cut >= n - 1 else math.floor(cut) + 1  # first integer > cut, exactly
        i = max(k - 1, i + 1)
    return np.array(points, dtype=np.intp)


class _LowessPlan(NamedTuple):
    """Where LOWESS fits on x = 0..n-1 and how the skipped points are interpolated."""

    k: int
    x: FloatArray
    fit_at: NDArray[np.intp]
    left: NDArray[np.intp]
    radius: FloatArray
    skipped: NDArray[np.intp]
    lo_i: NDArray[np.intp]
    hi_i: NDArray[np.intp]
    share: FloatArray


def _lowess_plan(n: int, frac: float, it: int, delta: float | None) -> _LowessPlan:
    """The neighbourhoods and fit points of a LOWESS of ``n`` values, parameters checked."""
    frac = _fraction("frac", frac)
    it = _bounded("it", it, 0, MAX_IT, "robustness passes; 3 is the usual")
    delta = _lowess_delta(delta, n)
    k = min(max(int(frac * n + 1e-10), 2), n)  # neighbourhood size, as statsmodels
    x = np.arange(n, dtype=np.float64)
    fit_at = _lowess_fit_points(n, delta)  # local regressions here, interpolation between
    m_fit = fit_at.size
    work = m_fit * k * (it + 1)
    if work > LOWESS_MAX_WORK:
        raise ValueError(
            f"lowess with delta={delta:g} would fit {m_fit:,} neighbourhoods of {k:,} values "
            f"{it + 1} times, over the limit of {LOWESS_MAX_WORK:,} weights "
            "(arc.analysis.smoothing.LOWESS_MAX_WORK); pass a larger delta (None: 1% of the "
            "text), a "
            "smaller frac or fewer it"
        )
    # statsmodels slides [left, left + k) right while x_i > (x[left] + x[left + k]) / 2;
    # for x = 0..n-1 that stops at left = i - floor(k / 2), kept inside [0, n - k]. The k
    # nearest neighbours are that contiguous run, so each fit costs O(k), not O(n).
    left = np.clip(fit_at - k // 2, 0, n - k)
    radius = np.maximum(fit_at - left, left + k - 1 - fit_at).astype(np.float64)
    # The skipped points: each lies between fit_at[seg - 1] and fit_at[seg].
    skipped = np.setdiff1d(np.arange(n), fit_at, assume_unique=True)
    seg = np.searchsorted(fit_at, skipped)
    lo_i, hi_i = fit_at[seg - 1], fit_at[seg]
    share = (x[skipped] - x[lo_i]) / (x[hi_i] - x[lo_i])  # statsmodels' "a"
    return _LowessPlan(k, x, fit_at, left, radius, skipped, lo_i, hi_i, share)


def _lowess_hat(
    plan: _LowessPlan, rows: slice, resid_weights: FloatArray
) -> tuple[NDArray[np.intp], FloatArray, NDArray[np.bool_]]:
    """For the fits ``rows``: neighbourhoods ``cols``, weights ``hat``, and which are defined.

    A fitted value is ``sum(hat * y[cols])``; it is defined when at least 2 weights are.
    """
    at = plan.fit_at[rows]
    cols = plan.left[rows, None] + np.arange(plan.k)  # (m, k) indices of each neighbourhood
    xj = plan.x[cols]
    xi = plan.x[at, None]
    dist = np.abs(xj - xi) / plan.radius[rows, None]
    cube = 1.0 - dist * dist * dist
    weights = cube * cube * cube * resid_weights[cols]
    ok = np.count_nonzero(weights > 1e-12, axis=1) >= 2
    total = np.sum(weights, axis=1, keepdims=True)  # np.sum, as statsmodels
    weights = weights / np.where(total > 0, total, 1.0)
    xbar = _sequential_sum(weights * xj)
    dev = xj - xbar
    spread = np.maximum(_sequential_sum(weights * (dev * dev)), 1e-12)
    hat = weights * (1.0 + (xi - xbar) * dev / spread)
    return cols, hat, ok


def _lowess(
    y: FloatArray, frac: float, it: int, delta: float | None, *, keep: list[Any] | None = None
) -> FloatArray:
    """LOWESS as statsmodels computes it; ``keep`` receives the last pass's robustness weights."""
    n = y.size
    plan = _lowess_plan(n, frac, it, delta)
    it = int(it)
    m_fit = plan.fit_at.size
    chunk = max(1, (1 << 20) // plan.k)  # rows per block: bounded memory for long texts
    resid_weights = np.ones(n)
    fit = np.empty(n)
    # The arithmetic follows statsmodels' _lowess.pyx operation by operation, with its
    # left-to-right sums (cumsum), so that the results agree to the last bit or so: with
    # it > 0 a residual of exactly 0 versus 1e-16 changes the robustness weights.
    for iteration in range(it + 1):
        for start in range(0, m_fit, chunk):
            rows = slice(start, min(m_fit, start + chunk))
            at = plan.fit_at[rows]
            cols, hat, ok = _lowess_hat(plan, rows, resid_weights)
            fitted = _sequential_sum(hat * y[cols])[:, 0]
            fit[at] = np.where(ok, fitted, y[at])
        # statsmodels' interpolate_skipped_fits: a * y_fit[i] + (1 - a) * y_fit[last_fit_i]
        fit[plan.skipped] = plan.share * fit[plan.hi_i] + (1.0 - plan.share) * fit[plan.lo_i]
        if iteration < it:  # robustness weights from the residuals of all n points
            resid = np.abs(y - fit)
            median = float(np.median(resid))
            with np.errstate(over="ignore"):  # a subnormal median: inf, clipped to 1 below
                scaled = (resid > 0).astype(np.float64) if median == 0 else resid / (6.0 * median)
            scaled = np.minimum(scaled, 1.0)
            resid_weights = (1.0 - scaled * scaled) ** 2
    if keep is not None:
        keep.append(resid_weights)
    return fit


def _lowess_columns(
    values: FloatArray, frac: float, it: int, delta: float | None, resid_weights: FloatArray
) -> FloatArray:
    """One LOWESS pass over each column with fixed robustness weights: a linear smoother."""
    n, width = values.shape
    plan = _lowess_plan(n, frac, it, delta)
    m_fit = plan.fit_at.size
    chunk = max(1, (1 << 22) // (plan.k * max(1, width)))
    fit = np.empty((n, width))
    for start in range(0, m_fit, chunk):
        rows = slice(start, min(m_fit, start + chunk))
        at = plan.fit_at[rows]
        cols, hat, ok = _lowess_hat(plan, rows, resid_weights)
        fitted = np.einsum("mk,mkb->mb", hat, values[cols])
        fit[at] = np.where(ok[:, None], fitted, values[at])
    fit[plan.skipped] = (
        plan.share[:, None] * fit[plan.hi_i] + (1.0 - plan.share[:, None]) * fit[plan.lo_i]
    )
    return fit


def _savgol_columns(values: FloatArray, window: float, polyorder: int) -> FloatArray:
    """:func:`_savgol` of each column at once, equal to it to rounding.

    FFT convolution inside, and at the edges the polynomial fitted to the first (last)
    window, as ``scipy.signal.savgol_filter(mode="interp")`` computes them.
    """
    from scipy.signal import oaconvolve, savgol_coeffs

    n = values.shape[0]
    width = _savgol_width(n, window, polyorder)
    half = width // 2
    coeffs = savgol_coeffs(width, polyorder, use="conv")
    out = oaconvolve(values, coeffs[:, None], mode="same", axes=0)
    # The first and last half windows: the polynomial fitted to the first (last) window.
    t = np.arange(width, dtype=np.float64)
    basis, _ = np.linalg.qr(np.vander(t - t.mean(), polyorder + 1))
    out[:half] = basis[:half] @ (basis.T @ values[:width])
    out[n - half :] = basis[width - half :] @ (basis.T @ values[n - width :])
    return out


def smooth_columns(
    values: ArrayLike, method: str, *, robust_from: ArrayLike | None = None, **params: Any
) -> FloatArray:
    """Smooth each column of a 2-D array as :func:`smooth` smooths one series, all at once.

    For resampled series (an uncertainty band, a null model): the rolling mean,
    Savitzky–Golay and the DCT are linear, and give each column what :func:`smooth` gives
    it. LOWESS is not: its robustness weights depend on the data. Here it runs one last
    pass with the robustness weights that :func:`smooth` reached on ``robust_from`` held
    fixed (``None``: no robustness weights), which makes it linear too.
    """
    y = np.array(values, dtype=np.float64)
    if y.ndim != 2 or not np.all(np.isfinite(y)):
        raise ValueError("values must be a finite two-dimensional array (series in columns)")
    if method not in _DISPATCH:
        raise ValueError(
            f"unknown smoothing method {method!r}; choose one of: {', '.join(METHODS)}"
        )
    merged = {**DEFAULT_PARAMS[method], **params}
    if method == "lowess":
        weights = np.ones(y.shape[0])
        if robust_from is not None:
            keep: list[Any] = []
            _lowess(
                _as_series(robust_from), merged["frac"], merged["it"], merged["delta"], keep=keep
            )
            weights = keep[0]
        return _lowess_columns(y, merged["frac"], merged["it"], merged["delta"], weights)
    if method == "savgol":
        return _savgol_columns(y, merged["window"], merged["polyorder"])
    if method == "dct" and (merged.get("scale_vals") or merged.get("scale_range")):
        raise ValueError("a scaled DCT is not linear: columns are smoothed unscaled only")
    return _DISPATCH[method](y, **merged)


def _sequential_sum(a: FloatArray) -> FloatArray:
    """Row sums of a 2-D array, added left to right (as a C loop does), shape (m, 1)."""
    return np.cumsum(a, axis=1)[:, -1:]


def _savgol(y: FloatArray, window: float, polyorder: int) -> FloatArray:
    polyorder = _int_param("polyorder", polyorder, 0)
    width = _savgol_width(y.size, window, polyorder)
    from scipy.signal import savgol_filter

    return np.asarray(savgol_filter(y, width, polyorder, mode="interp"), dtype=np.float64)


def _savgol_width(n: int, window: float, polyorder: int) -> int:
    """The odd filter length for ``window`` of ``n`` values: at least the minimum, at most n."""
    window = _fraction("window", window)
    minimum = SMOOTHERS["savgol"].minimum({"polyorder": int(polyorder)})
    width = _round_half_up(window * n)
    if width % 2 == 0:
        width += 1
    width = max(width, minimum)
    if width > n:
        width = n if n % 2 == 1 else n - 1
    return width


def _dct(
    y: FloatArray,
    low_pass_size: int,
    x_reverse_len: int,
    scale_vals: bool,
    scale_range: bool,
) -> FloatArray:
    low_pass_size = _int_param("low_pass_size", low_pass_size, 1)
    x_reverse_len = _int_param("x_reverse_len", x_reverse_len, 2)
    if x_reverse_len < low_pass_size:
        raise ValueError(
            f"x_reverse_len ({x_reverse_len}) must be at least low_pass_size ({low_pass_size})"
        )
    if scale_vals and scale_range:
        raise ValueError("scale_vals and scale_range cannot both be true")
    n = y.shape[0]
    # dtt::dct(x, variant = 2): X[k] = sum(x * cos(pi / n * ((0:(n-1)) + 0.5) * k))
    k = np.arange(low_pass_size, dtype=np.float64)
    j = np.arange(n, dtype=np.float64)
    keepers = _cosine_product(np.pi / n, k, j + 0.5, y)
    # dtt::dct(padded, inverted = TRUE), padded = c(keepers, zeros) of length m:
    # out[k] = (0.5 * X[1] + sum(X[2:m] * cos(pi / m * (1:(m-1)) * (k + 0.5)))) * (2 / m)
    m = x_reverse_len
    kk = np.arange(m, dtype=np.float64) + 0.5
    jj = np.arange(1, low_pass_size, dtype=np.float64)
    out = 0.5 * keepers[0] + _cosine_product(np.pi / m, kk, jj, keepers[1:])
    out = out * (2.0 / m)
    with np.errstate(invalid="ignore", divide="ignore"):
        if scale_vals:  # R scale(): centre, then divide by sd with n - 1
            centred = out - np.mean(out)
            return centred / np.sqrt(np.sum(centred * centred) / (m - 1))
        if scale_range:  # syuzhet::rescale
            lo, hi = np.min(out), np.max(out)
            return 2.0 * (out - lo) / (hi - lo) - 1.0
    return out


def _cosine_product(scale: float, rows: FloatArray, cols: FloatArray, v: FloatArray) -> FloatArray:
    """``cos(scale * outer(rows, cols)) @ v``, a block of rows at a time: bounded memory."""
    block = max(1, (1 << 20) // max(1, cols.size))
    return np.concatenate(
        [
            np.cos(scale * np.outer(rows[i : i + block], cols)) @ v
            for i in range(0, max(1, rows.size), block)
        ]
    )


_DISPATCH: Final[Mapping[str, Callable[..., FloatArray]]] = MappingProxyType(
    {"rolling": _rolling, "lowess": _lowess, "savgol": _savgol, "dct": _dct}
)
