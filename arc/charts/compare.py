"""The compare chart: several texts' arcs from :func:`arc.compare` on one narrative-time panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothers import smoother_caption
from arc.charts.data import Chart, Line, Panel, floats
from arc.charts.layout import narrative_axis, nice_ticks, zoomed_limits
from arc.charts.theme import LONG_SIZE, MAX_LEGEND_CHARS, PALETTE
from arc.score.scorers import scorer_info

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["compare_chart"]


def compare_chart(data: pd.DataFrame, *, title: str | None = None) -> Chart:
    """Several texts' arcs from :func:`arc.compare` on one narrative-time panel.

    Rescaled arcs (the default) are read against "each arc's own lowest … highest"; the
    axis says so and has no zero line, since 0 is then the middle of an arc's range.
    """
    scaled = bool(data.attrs.get("scale", True))
    scorer = _compared_scale(data)
    key = "text" if "text" in data else "title"
    lines = []
    for k, (_, group) in enumerate(data.groupby(key, sort=False)):
        lines.append(
            Line(
                floats(group["time"]),
                floats(group["value"]),
                _shorten(str(group["title"].iloc[0])),
                PALETTE[k % len(PALETTE)],
                width=2.2,
            )
        )
    values = np.concatenate([np.asarray(ln.y) for ln in lines]) if lines else np.zeros(1)
    if scaled:
        panel = Panel(
            "arc",
            "sentiment, each arc scaled to its own range",
            (-1.12, 1.12),
            [-1.0, 0.0, 1.0],
            ["its lowest", "its middle", "its highest"],
            zero=False,
            lines=lines,
        )
    else:
        limits = zoomed_limits(values, scorer.value_range)
        panel = Panel(
            "arc",
            f"sentiment ({scorer.label})",
            limits,
            nice_ticks(limits),
            neutral=scorer.neutral,
            lines=lines,
        )
    method = str(data.attrs.get("method", ""))
    how = (
        "each arc rescaled to run from its own lowest to its own highest point, so shapes "
        "compare, not levels"
        if scaled
        else scorer.label
    )
    smoothing = smoother_caption(method, data.attrs.get("params"))
    subtitle = f"sentence scores smoothed with {smoothing} · narrative time 0–100% · {how}"
    if scorer.name != "vader":
        subtitle += f" · scores: {scorer.label}"
    return Chart(
        "compare",
        title or "Sentiment arcs compared",
        subtitle,
        *narrative_axis(),
        [panel],
        size=LONG_SIZE,
        meta={"method": method, "scale": scaled},
    )


def _compared_scale(data: pd.DataFrame) -> Any:
    """The declaration (name, label, range, neutral) of the values :func:`arc.compare` smoothed.

    The scorer's, or for the ``ensemble`` column of several scorers the ensemble's
    (:mod:`arc.score.ensemble`: about VADER's −1…+1).
    """
    if data.attrs.get("value") == "ensemble":
        from types import SimpleNamespace

        from arc.score.ensemble import LABEL, NEUTRAL

        names = ", ".join(data.attrs.get("scorers") or [])
        return SimpleNamespace(
            name="ensemble",
            label=f"{LABEL}{f' of {names}' if names else ''}",
            value_range=(-1.0, 1.0),
            neutral=NEUTRAL,
        )
    return scorer_info(str(data.attrs.get("scorer") or "vader"))


def _shorten(text: str, limit: int = MAX_LEGEND_CHARS) -> str:
    """Cut a legend entry at a word boundary, marking the cut with '…'.

    A closing "(name)" or "(2)", which tells apart texts of the same title, is kept.

    Examples
    --------
    >>> _shorten("A very long title indeed (alice30)", 20)
    'A very long… (alice30)'
    """
    suffix = ""
    if text.endswith(")") and " (" in text:
        text, suffix = text[: text.rindex(" (")], text[text.rindex(" (") :]
    room = max(12, limit - len(suffix))
    if len(text) > room:
        cut = text[: room + 1].rsplit(" ", 1)[0] if " " in text[:room] else text[:room]
        text = cut.rstrip(" ,;:") + "…"
    return text + suffix
