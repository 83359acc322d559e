"""How far an arc can be trusted, as chart data: its bands, its envelope, its blind stretches.

The bootstrap band and the word-salad envelope (:mod:`arc.analysis.uncertainty`) become
bands (:class:`~arc.charts.data.Band`); stretches where the lexicon knows too few words become
shades (:class:`~arc.charts.data.Shade`). Their words are in :mod:`arc.charts.captions`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothers import SMOOTHERS
from arc.analysis.timeline import story_values
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.data import Band, Shade, floats
from arc.charts.theme import (
    BEYOND,
    BEYOND_ALPHA,
    BOOTSTRAP_ALPHA,
    ENVELOPE,
    ENVELOPE_ALPHA,
    UNCERTAINTY,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BEYOND_CHANCE",
    "CHANCE",
    "LOW_COVERAGE",
    "NOT_TESTED",
    "UNCERTAIN",
    "coverage_shades",
    "honest_bands",
    "low_coverage",
    "low_paragraphs",
    "span_share",
    "stretches",
    "text_coverage",
]

#: The legend's words for a low-coverage stretch: a caution about the points above it.
LOW_COVERAGE = "few words the lexicon knows: read with care"
#: The legend's words for the chance envelope, what leaves it, and the uncertainty band.
CHANCE = "chance: where a shuffled text's arc lies"
BEYOND_CHANCE = "beyond chance"
UNCERTAIN = "uncertainty band"
#: The verdict's words when the chance envelope is left out (``null=False``).
NOT_TESTED = "not tested against chance"


# ------------------------------------------------------------------ band and envelope


def honest_bands(line: pd.DataFrame) -> list[Band]:
    """The envelope (behind), the arc's stretches beyond it, and the bootstrap band.

    The stretches beyond the envelope are filled from its edge to the arc; inside it the fill
    has no width and lies on the nearer edge, so a stretch beyond it between two points of the
    grid still shows, tapering to where the arc crosses the edge. A band of no width anywhere
    (each point of the line one unit, nothing to resample) is not drawn, and so not keyed.
    """
    from arc.analysis.uncertainty import grid

    out = []
    line = line.iloc[grid(len(line))]  # bands are computed on this grid: no detail is lost
    x = floats(line["time"])
    value = line["value"].to_numpy(dtype=float)
    if line["null_low"].notna().any():
        lo, hi = line["null_low"].to_numpy(dtype=float), line["null_high"].to_numpy(dtype=float)
        out.append(Band(x, floats(lo), floats(hi), CHANCE, ENVELOPE, ENVELOPE_ALPHA, hatch=True))
        above, below = value > hi, value < lo
        edge = np.where(np.abs(value - hi) <= np.abs(value - lo), hi, lo)  # inside: the nearer
        beyond_lo = np.where(above, hi, np.where(below, value, edge))
        beyond_hi = np.where(above, value, np.where(below, lo, edge))
        if (above | below).any():
            out.append(
                Band(
                    x,
                    floats(beyond_lo),
                    floats(beyond_hi),
                    BEYOND_CHANCE,
                    BEYOND,
                    BEYOND_ALPHA,
                )
            )
    if _visible(line["low"], line["high"]):
        band = line.attrs.get("band", {})
        out.append(
            Band(
                x,
                floats(line["low"]),
                floats(line["high"]),
                f"{UNCERTAIN} ({band.get('level', 0.9):.0%})",
                UNCERTAINTY,
                BOOTSTRAP_ALPHA,
            )
        )
    return out


def _visible(low: pd.Series, high: pd.Series) -> bool:
    """Whether a band from ``low`` to ``high`` has any width to draw."""
    width = (high - low).to_numpy(dtype=float)
    width = width[np.isfinite(width)]
    return bool(len(width)) and float(width.max()) > 1e-9


# ----------------------------------------------------------------- lexicon coverage


def text_coverage(df: pd.DataFrame) -> float | None:
    """The share of the story's words the lexicon knows: ``df.attrs["coverage"]``.

    A frame without that record (one built by hand) gets the word-weighted mean of its story
    rows' ``coverage``; a frame without the column gets ``None`` (nothing to say).
    """
    kept = df.attrs.get("coverage")
    if isinstance(kept, int | float) and math.isfinite(kept):
        return float(kept)
    story = story_values(df)
    if "coverage" not in story:
        return None
    ratio, weight = _coverage_weights(story)
    return float(np.sum(ratio * weight) / weight.sum()) if weight.sum() > 0 else None


def _coverage_weights(story: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's coverage (0 where it has none) and its weight: its words, else 1."""
    ratio = story["coverage"].to_numpy(dtype=float)
    # Percentage bins have no n_words: they are equal slices of the sentences.
    weight = story["n_words"].to_numpy(dtype=float) if "n_words" in story else np.ones(len(ratio))
    weight = np.where(np.isnan(ratio), 0.0, weight)
    return np.nan_to_num(ratio), weight


def low_coverage(story: pd.DataFrame, coverage: float, share: float) -> np.ndarray:
    """Which story units lie in a stretch of low lexicon coverage, as a boolean array.

    The units' coverage is averaged over a centred window of ``share`` of them (rounded half
    up, made odd, shrinking at the ends, as the rolling mean does), each weighted by its words;
    a unit is in a low stretch when that average falls below half of ``coverage``, the text's
    own. The rule is relative, so it asks the same of every text.

    Examples
    --------
    >>> import pandas as pd
    >>> story = pd.DataFrame({"coverage": [0.1] * 4 + [0.0] * 3 + [0.1] * 4, "n_words": 10})
    >>> low_coverage(story, 0.1, 0.3).astype(int).tolist()
    [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0]
    """
    ratio, weight = _coverage_weights(story)
    n = len(ratio)
    if n == 0 or coverage <= 0:
        return np.zeros(n, dtype=bool)
    width = max(1, math.floor(share * n + 0.5))
    half = (width + 1 if width % 2 == 0 else width) // 2
    known = np.concatenate([[0.0], np.cumsum(ratio * weight)])
    words = np.concatenate([[0.0], np.cumsum(weight)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, n)
    inside = words[hi] - words[lo]
    mean = np.divide(known[hi] - known[lo], inside, out=np.full(n, np.inf), where=inside > 0)
    return mean < coverage / 2


def stretches(
    x: np.ndarray, low: np.ndarray, edges: tuple[float, float]
) -> list[tuple[float, float]]:
    """The runs of ``low`` units as ``(x0, x1)``: halfway to the neighbours, or the axis edge."""
    out = []
    k, n = 0, len(x)
    while k < n:
        if not low[k]:
            k += 1
            continue
        j = k
        while j + 1 < n and low[j + 1]:
            j += 1
        x0 = (x[k - 1] + x[k]) / 2 if k > 0 else edges[0]
        x1 = (x[j] + x[j + 1]) / 2 if j + 1 < n else edges[1]
        out.append((float(x0), float(x1)))
        k = j + 1
    return out


def low_paragraphs(story: pd.DataFrame, coverage: float, share: float) -> list[tuple[float, float]]:
    """The story paragraphs in low-coverage stretches (:func:`low_coverage`), as ``index ± 0.5``.

    Judged over ``share`` of the paragraphs (a text of 14 or fewer: each paragraph alone), so
    a story of many short lines of dialogue is not striped paragraph by paragraph. Neighbouring
    paragraphs merge into one stretch; paratext is never among them.
    """
    if "coverage" not in story:
        return []
    out: list[tuple[float, float]] = []
    low = low_coverage(story, coverage, share)
    for index in story["index"].to_numpy()[low].tolist():
        if out and out[-1][1] == index - 0.5:
            out[-1] = (out[-1][0], index + 0.5)
        else:
            out.append((index - 0.5, index + 0.5))
    return out


def coverage_shades(spans: list[tuple[float, float]]) -> list[Shade]:
    """One shade per low-coverage stretch, each labelled :data:`LOW_COVERAGE` (one legend entry)."""
    return [Shade(x0, x1, LOW_COVERAGE) for x0, x1 in spans]


def span_share(method: str, params: dict[str, Any]) -> float:
    """The share of the text the arc's smoother averages over; coverage is judged over the same.

    A smoother without a span (the DCT) gets the rolling mean's default window.
    """
    smoother = SMOOTHERS.get(method)
    if smoother is None or smoother.span is None:
        smoother = SMOOTHERS[DEFAULT_SMOOTHER]
        params = {}
    assert smoother.span is not None
    return float(params.get(smoother.span) or smoother.defaults[smoother.span])
