"""Peaks of a line and their prominence, as :func:`scipy.signal.find_peaks` finds them.

Turning points need only local maxima (a plateau's middle) and each one's prominence, but
importing :mod:`scipy.signal` for them costs about 0.6 s of every ``arc plot``: the package
loads all of its submodules and :mod:`scipy.stats`. These few lines follow SciPy's own
algorithm (``_local_maxima_1d`` and ``_peak_prominences`` with no window), and
``tests/test_peaks.py`` checks them against :func:`scipy.signal.find_peaks` on random lines.
"""

from __future__ import annotations

import numpy as np

__all__ = ["find_peaks"]


def find_peaks(x: np.ndarray, prominence: float) -> tuple[np.ndarray, np.ndarray]:
    """The local maxima of ``x`` that stand out by at least ``prominence``, and by how much.

    A flat top counts once, at its middle (the left one of two); a maximum at either end of
    ``x`` does not count. Returns the peaks' indices and their prominences, in index order:
    ``scipy.signal.find_peaks(x, prominence=prominence)`` and its ``"prominences"``.

    Examples
    --------
    >>> find_peaks(np.array([0.0, 2.0, 1.0, 1.0, 3.0, 3.0, 0.0]), 0.5)
    (array([1, 4]), array([1., 3.]))
    """
    x = np.asarray(x, dtype=float)
    peaks = _local_maxima(x)
    prominences = _prominences(x, peaks)
    keep = prominences >= prominence
    return peaks[keep], prominences[keep]


def _local_maxima(x: np.ndarray) -> np.ndarray:
    """Indices of the local maxima of ``x``, a plateau at its middle (SciPy's rule)."""
    values = x.tolist()
    found: list[int] = []
    i, last = 1, len(values) - 1
    while i < last:
        if values[i - 1] < values[i]:
            ahead = i + 1
            while ahead < last and values[ahead] == values[i]:
                ahead += 1
            if values[ahead] < values[i]:
                found.append((i + ahead - 1) // 2)
                i = ahead
        i += 1
    return np.array(found, dtype=np.intp)


def _prominences(x: np.ndarray, peaks: np.ndarray) -> np.ndarray:
    """How far each peak stands above the higher of the lowest points on either side.

    Each side is searched outward until the line rises above the peak or ends: the bounds
    are the nearest higher points (one pass with a stack each way), the lowest points
    between range minima (a sparse table), so a line of n points with many small peaks
    costs O(n log n), not O(n) per peak.
    """
    n = len(x)
    if not len(peaks):
        return np.zeros(0, dtype=float)
    values = x.tolist()
    left_bound = _nearest_higher(values, range(n))  # index of the nearest higher to the left
    right_bound = _nearest_higher(values, range(n - 1, -1, -1))
    table = [x]
    width = 1
    while 2 * width <= n:
        prev = table[-1]
        table.append(np.minimum(prev[: len(prev) - width], prev[width:]))
        width *= 2
    starts = np.array([left_bound[p] + 1 for p in peaks], dtype=np.intp)
    ends = np.array(
        [(right_bound[p] if right_bound[p] >= 0 else n) - 1 for p in peaks], dtype=np.intp
    )
    left_min = _range_min(table, starts, peaks)
    right_min = _range_min(table, peaks, ends)
    return x[peaks] - np.maximum(left_min, right_min)


def _nearest_higher(values: list[float], order: range) -> list[int]:
    """For each index, the nearest index before it (as ``order`` runs) with a higher value.

    -1 where there is none; "higher" is strictly higher, so a plateau is searched across.
    """
    out = [-1] * len(values)
    stack: list[int] = []
    for i in order:
        v = values[i]
        while stack and values[stack[-1]] <= v:
            stack.pop()
        out[i] = stack[-1] if stack else -1
        stack.append(i)
    return out


def _range_min(table: list[np.ndarray], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The minimum of ``x[lo:hi + 1]`` for each pair, read from the sparse table of ``x``."""
    length = hi - lo + 1
    level = np.floor(np.log2(length)).astype(np.intp)
    out = np.empty(len(lo), dtype=float)
    for k in np.unique(level):
        rows = level == k
        span = 1 << int(k)
        out[rows] = np.minimum(table[k][lo[rows]], table[k][hi[rows] - span + 1])
    return out
