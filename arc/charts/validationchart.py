"""The validation chart: each scorer's agreement with people, as grouped bars (chart data).

Drawn by :mod:`arc.charts.drawing` like every chart; the figures come from
:func:`arc.score.validation.validate`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from arc.charts.data import Bars, Chart, Label, Panel
from arc.charts.theme import INK, PALETTE
from arc.score.validation import SETS, TEST, format_r

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["validation_chart"]


def validation_chart(results: pd.DataFrame, *, title: str | None = None) -> Chart:
    """Pearson r of each scorer per set, as grouped horizontal bars (a :class:`Chart`).

    For a shipped set the bars are its test half (the items the ensemble was not fitted
    on, so every bar of a group is measured on the same items); for a user's file, all of it.
    Each group is a set, each bar a scorer in a fixed colour, labelled with its r; the best
    bar of each group is drawn dark, the others pale.
    """
    shown = results[
        ~results["set"].isin({s.removesuffix(TEST) for s in results["set"] if s.endswith(TEST)})
    ]
    scorers = list(dict.fromkeys(shown["scorer"]))
    colour = {s: PALETTE[k % len(PALETTE)] for k, s in enumerate(scorers)}
    y: list[float] = []
    values: list[float] = []
    colours: list[str] = []
    labels: list[str] = []
    groups: list[Label] = []
    row = 0.0
    for set_name, group in shown.groupby("set", sort=False):
        base = str(set_name).removesuffix(TEST)
        name = SETS[base][1] if base in SETS else base
        part = " (test half)" if str(set_name).endswith(TEST) else ""
        groups.append(Label(0.5, row - 0.75, f"{name}{part}, n = {int(group['n'].iloc[0]):,}"))
        best = group["pearson"].max()
        for r in group.itertuples(index=False):
            y.append(row)
            value = 0.0 if math.isnan(r.pearson) else float(r.pearson)
            values.append(value)
            dark = r.pearson == best
            colours.append(colour[r.scorer] if dark else colour[r.scorer] + "99")
            labels.append(f"{r.scorer} {format_r(r.pearson)}")
            row += 1.0
        row += 1.2
    bars = Bars(y, values, colours, labels, "Pearson r")
    panel = Panel("validation", "", (row - 1.0, -1.4), [], zero=False, bars=[bars], labels=groups)
    low = min(0.0, *values) if values else 0.0
    xlim = (low - 0.02 if low < 0 else 0.0, 1.0)
    subtitle = (
        "Pearson r of each scorer's value with the mean human rating. Shipped sets: the "
        "test half (odd document numbers), on which the ensemble was not fitted. Darker bar: "
        "the best in its set."
    )
    return Chart(
        "validation",
        title or "Which scorer agrees with people?",
        subtitle,
        "Pearson r with the human rating",
        xlim,
        [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
        None,
        [panel],
        size=(9.0, max(4.0, 1.6 + 0.24 * row)),
        meta={"ink": INK, "scorers": scorers},
    )
