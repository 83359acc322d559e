"""Narrative time: a frame's story units, its smoothed arc and its chapter starts on 0–100 %.

Pure functions over DataFrames; the charts (:mod:`arc.charts`) and :func:`arc.compare` build
on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.narrative import chapter_starts, story_values, unit_time
from arc.analysis.smoothers import SMOOTHERS, check_span, get_smoother
from arc.analysis.smoothing import narrative_time
from arc.analysis.units import UNITS
from arc.score.scorers import frame_scorer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["chapter_starts", "rescale", "smoothed_arc", "story_values", "unit_time"]


def smoothed_arc(
    df: pd.DataFrame,
    method: str,
    value: str = "compound",
    *,
    band: bool = True,
    null: bool = True,
    seed: int | None = None,
    sentences: pd.DataFrame | None = None,
    **params: Any,
) -> pd.DataFrame:
    """Smooth a frame's story values, with how much of the line is signal.

    Returns columns ``time`` (0–100 %) and ``value``, the smoothed line in the scorer's units
    (syuzhet's unnormalised DCT is brought back to them), so it reads on the same scale as
    its points; ``low`` and ``high``, the bootstrap band around it; ``null_low`` and
    ``null_high``, the word-salad envelope of a shuffled text (:mod:`arc.analysis.uncertainty`). The
    envelope needs the text (paragraph and sentence frames) and VADER-style ``compound``
    values; otherwise, or with ``null=False``, it is NaN, like the band with ``band=False``.
    ``df.attrs`` of the result records how they were made and, under ``"null"``, the share
    of narrative time the line spends outside the envelope (``outside``) and where.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"compound": [0.0, 1.0, 0.0, -1.0, 0.0]})
    >>> smoothed_arc(df, "rolling", window=0.6).value.round(3).tolist()
    [0.5, 0.333, 0.0, -0.333, -0.5]
    """
    import pandas as pd

    from arc.analysis.smoothing import smooth
    from arc.analysis.uncertainty import (
        SEED,
        bootstrap_band,
        frame_weights,
        null_envelope,
        outside,
        salad_scores,
    )

    seed = SEED if seed is None else int(seed)
    story = story_values(df)
    y = story[value].to_numpy(dtype=float)
    declared = get_smoother(method) if method in SMOOTHERS else None
    span = declared.span if declared is not None else None
    if (
        declared is not None
        and span is not None
        and params.get(span) not in (None, declared.defaults[span])
    ):
        # a span asked for must be wide enough to smooth; the declared default always is
        unit = UNITS.get(str(df.attrs.get("unit")))
        check_span(method, float(params[span]), len(y), unit.plural if unit else "values")
    out = smooth(y, method, **params)
    if method == "dct" and not (params.get("scale_vals") or params.get("scale_range")):
        out = out * len(out) / len(y)  # dtt's unnormalised transform, back in input units
    time = unit_time(story) if len(out) == len(y) else narrative_time(len(out))
    nan = np.full(len(out), np.nan)
    low, high, null_low, null_high = nan, nan, nan, nan
    attrs: dict[str, Any] = {"method": method, "params": dict(params)}
    linear = not (params.get("scale_vals") or params.get("scale_range"))
    if band and linear and len(y) >= 3:
        low, high, attrs["band"] = bootstrap_band(y, out, method, params, seed=seed)
    found = frame_weights(df, sentences) if null and linear and value == "compound" else None
    if found is not None:
        weights, texts = found
        salad = salad_scores(texts, frame_scorer(df), seed)
        null_low, null_high, attrs["null"] = null_envelope(
            y, out, salad, weights, method, params, seed=seed
        )
        attrs["null"].update(outside(out, null_low, null_high, time))
    arc = pd.DataFrame(
        {
            "time": time,
            "value": out,
            "low": low,
            "high": high,
            "null_low": null_low,
            "null_high": null_high,
        }
    )
    arc.attrs.update(attrs)
    return arc


def rescale(values: np.ndarray) -> np.ndarray:
    """Min–max scale to −1…+1, as syuzhet's ``rescale`` (a flat series maps to 0)."""
    values = np.asarray(values, dtype=float)
    low, high = values.min(), values.max()
    if high == low:
        return np.zeros_like(values)
    return 2 * (values - low) / (high - low) - 1
