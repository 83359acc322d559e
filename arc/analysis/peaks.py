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
    prominences = np.array([_prominence(x, int(p)) for p in peaks], dtype=float)
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


def _prominence(x: np.ndarray, peak: int) -> float:
    """How far ``x[peak]`` stands above the higher of the lowest points on either side.

    Each side is searched outward until the line rises above the peak or ends.
    """
    top = x[peak]
    left = x[: peak + 1][::-1]
    higher = np.flatnonzero(left > top)
    left_min = left[: higher[0] if len(higher) else len(left)].min()
    right = x[peak:]
    higher = np.flatnonzero(right > top)
    right_min = right[: higher[0] if len(higher) else len(right)].min()
    return float(top - max(left_min, right_min))
