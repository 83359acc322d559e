"""Charts of several readers: scorers' arcs side by side, and NRC's eight emotions.

Both are :class:`arc.charts.data.Chart` data, drawn by :mod:`arc.charts.drawing` like every
other chart.

* :func:`scorers_chart`: each scorer's smoothed arc on one panel, on one scale (each divided
  by its own unit values' standard deviation, :mod:`arc.analysis.agreement`), the ensemble arc
  thicker in ink with the scorers' spread (lowest–highest) as a band around it, and the
  pairwise agreement (Pearson r of the arcs) in the subtitle and ``meta["agreement"]``.
* :func:`emotions_chart`: small multiples, one thin panel per emotion stacked on one
  narrative-time axis. Each shows the emotion's **share of NRC's emotion words** at that
  point of the story (its smoothed count over the eight smoothed counts), all eight panels
  on **one shared scale**, so the panels compare at a glance (trust and anticipation run
  higher than disgust or surprise in most texts, and that difference is part of the
  reading); a grey line on each marks that emotion's share over the whole story, so its
  rises and falls read against its own level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.agreement import agreement, scorer_arcs
from arc.analysis.smoothers import smoother_caption
from arc.analysis.timeline import smoothed_arc, story_values
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.captions import title_and_note
from arc.charts.data import Band, Chart, Line, Panel, floats
from arc.charts.layout import chapter_marks, narrative_axis, nice_ticks
from arc.charts.theme import (
    EMOTION_ALPHA,
    EMOTION_COLOR,
    EMOTIONS_SIZE,
    INK,
    LONG_SIZE,
    OVERALL,
    PALETTE,
    RANGE,
    SPREAD_ALPHA,
)
from arc.score.scorers import EMOTIONS, scorer_info

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EMOTIONS_SIZE",
    "emotion_shares",
    "emotions_chart",
    "scorers_chart",
]


def _unit_words(df: pd.DataFrame) -> str:
    unit = UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"])
    return unit.noun(len(story_values(df)))


def scorers_chart(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    title: str | None = None,
    chapters: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """Several scorers' arcs of one text on one panel, with the ensemble and their agreement.

    ``df`` is a frame of :func:`arc.analyze` with ``scorers=[...]``. Each arc is ``method``
    smoothed and divided by its scorer's standard deviation
    (:func:`arc.analysis.agreement.scorer_arcs`);
    the chart's ``meta["agreement"]`` lists ``[a, b, r]`` for each pair of scorers.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"vader": [0.1, 0.5, -0.5, 0.2, 0.0], "textblob": [0.0, 0.3, -0.2,
    ...                    0.1, 0.1]})
    >>> chart = scorers_chart(df, "rolling", window=0.6)
    >>> [line.label for line in chart.panel("arc").lines]
    ['VADER compound', 'TextBlob polarity']
    >>> chart.meta["agreement"]
    [['vader', 'textblob', 0.9673]]
    """
    arcs = scorer_arcs(df, method, **params)
    names = list(arcs.attrs["scorers"])
    agree = agreement(arcs)
    title, note = title_and_note(df, title)
    x = floats(arcs["time"])
    lines = [
        Line(x, floats(arcs[name]), scorer_info(name).label, PALETTE[k % len(PALETTE)], width=1.5)
        for k, name in enumerate(names)
    ]
    bands = []
    if "ensemble" in arcs:
        bands.append(
            Band(
                x,
                floats(arcs["low"]),
                floats(arcs["high"]),
                "the scorers' spread (lowest to highest)",
                RANGE,
                SPREAD_ALPHA,
            )
        )
        lines.append(Line(x, floats(arcs["ensemble"]), "ensemble", INK, width=3.2))
    values = np.concatenate([np.asarray(ln.y) for ln in lines] + [np.zeros(1)])
    values = values[np.isfinite(values)]
    low, high = float(values.min()), float(values.max())
    pad = max((high - low) * 0.08, 0.05)
    limits = (low - pad, high + pad)
    panel = Panel(
        "arc",
        "sentiment, each scorer in its own\nstandard deviations (0: neutral)",
        limits,
        nice_ticks(limits),
        neutral=None,
        height=1.0,
        lines=lines,
        bands=bands,
    )
    marks, rows, how = chapter_marks(df, width or LONG_SIZE[0]) if chapters else ([], 0, "")
    pairs = ", ".join(
        f"{a}\u2013{b} {r:.2f}" if np.isfinite(r) else f"{a}\u2013{b} n/a"
        for a, b, r in agree.itertuples(index=False)
    )
    parts = [
        f"{_unit_words(df)}, each scorer's arc smoothed with {smoother_caption(method, params)}",
        "each divided by the standard deviation of its own scores, so 0 stays neutral for all",
    ]
    if "ensemble" in arcs:
        parts.append("thick: the ensemble; blue band: the scorers' spread")
    parts.append(f"agreement (Pearson r of the arcs): {pairs}")
    if marks:
        parts.append(how)
    xlabel, xlim, xticks, xtick_labels = narrative_axis()
    return Chart(
        "scorers",
        title,
        note + " · ".join(parts),
        xlabel,
        xlim,
        xticks,
        xtick_labels,
        [panel],
        chapters=marks,
        chapter_rows=rows,
        size=LONG_SIZE,
        meta={
            "unit": df.attrs.get("unit"),
            "scorers": names,
            "method": method,
            "params": dict(params),
            "sd": dict(arcs.attrs["sd"]),
            "agreement": [
                [a, b, None if not np.isfinite(r) else round(r, 4)]
                for a, b, r in agree.itertuples(index=False)
            ],
        },
    )


def emotion_shares(df: pd.DataFrame, method: str, **params: Any) -> pd.DataFrame:
    """Each NRC emotion's smoothed share of the emotion words over narrative time.

    Returns ``time`` (0–100 %) and one column per emotion: its smoothed count
    (:func:`arc.analysis.timeline.smoothed_arc` of the frame's ``nrc_<emotion>``) over the sum of
    the
    eight smoothed counts, NaN where that sum is not positive. ``attrs["overall"]`` holds
    each emotion's share of all the story's emotion words.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({f"nrc_{e}": [1.0, 0.0, 1.0] for e in EMOTIONS})
    >>> df["nrc_joy"] = [2.0, 8.0, 2.0]
    >>> emotion_shares(df, "rolling", window=1.0).joy.round(3).tolist()
    [0.588, 0.462, 0.588]
    """
    import pandas as pd

    columns = [f"nrc_{e}" for e in EMOTIONS]
    missing = [c for c in columns if c not in df]
    if missing:
        raise ValueError("the frame has no NRC emotions; analyze(..., scorers=['nrc']) adds them")
    counts = {}
    time = None
    for emotion, column in zip(EMOTIONS, columns, strict=True):
        line = smoothed_arc(df, method, column, band=False, null=False, **params)
        time = line["time"].to_numpy(dtype=float)
        counts[emotion] = np.clip(line["value"].to_numpy(dtype=float), 0, None)
    total = np.sum(list(counts.values()), axis=0)
    out = pd.DataFrame({"time": time})
    for emotion in EMOTIONS:
        out[emotion] = np.divide(
            counts[emotion], total, out=np.full(len(total), np.nan), where=total > 0
        )
    story = story_values(df)
    sums = {e: float(story[f"nrc_{e}"].sum()) for e in EMOTIONS}
    whole = sum(sums.values())
    out.attrs.update(
        overall={e: (sums[e] / whole if whole else float("nan")) for e in EMOTIONS},
        method=method,
        params=dict(params),
    )
    return out


def emotions_chart(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    title: str | None = None,
    chapters: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """Small multiples of NRC's eight emotions over narrative time, one thin panel each.

    Each panel (named after its emotion, in :data:`arc.score.scorers.EMOTIONS` order) shows the
    emotion's share of the emotion words (:func:`emotion_shares`), filled down to 0 in its
    colour, on one scale shared by all eight, with its whole-story share as a grey line.
    """
    shares = emotion_shares(df, method, **params)
    x = floats(shares["time"])
    top = float(np.nanmax(shares[list(EMOTIONS)].to_numpy())) if len(shares) else 0.0
    top = top if np.isfinite(top) and top > 0 else 1.0
    ticks = [t for t in nice_ticks((0.0, top)) if t > 0]
    step = ticks[0] if ticks else top
    upper = ticks[-1] if ticks and ticks[-1] >= top else (ticks[-1] + step if ticks else top)
    yticks = [0.0, round(upper / 2, 10), upper]
    labels = [f"{t * 100:g}%" for t in yticks]
    panels = []
    for emotion in EMOTIONS:
        y = shares[emotion].to_numpy(dtype=float)
        color = EMOTION_COLOR
        overall = shares.attrs["overall"][emotion]
        panel = Panel(emotion, emotion, (0.0, upper * 1.04), yticks, labels, zero=False, height=1.0)
        panel.bands.append(Band(x, [0.0] * len(x), floats(y), emotion, color, EMOTION_ALPHA))
        if np.isfinite(overall):
            panel.lines.append(
                Line(
                    [0.0, 100.0],
                    [overall, overall],
                    "its share over the whole story",
                    OVERALL,
                    width=0.9,
                )
            )
        panel.lines.append(Line(x, floats(y), emotion, color, width=1.6))
        panels.append(panel)
    title, note = title_and_note(df, title)
    marks, rows, how = chapter_marks(df, width or EMOTIONS_SIZE[0]) if chapters else ([], 0, "")
    parts = [
        f"{_unit_words(df)} · each panel: the emotion's share of NRC EmoLex's emotion words, "
        f"smoothed with {smoother_caption(method, params)}",
        f"one scale for all eight (0\u2013{upper:.0%})",
        "grey line: its share over the whole story",
    ]
    if marks:
        parts.append(how)
    xlabel, xlim, xticks, xtick_labels = narrative_axis()
    return Chart(
        "emotions",
        title,
        note + " · ".join(parts),
        xlabel,
        xlim,
        xticks,
        xtick_labels,
        panels,
        chapters=marks,
        chapter_rows=rows,
        size=EMOTIONS_SIZE,
        meta={
            "unit": df.attrs.get("unit"),
            "method": method,
            "params": dict(params),
            "overall": dict(shares.attrs["overall"]),
        },
    )
