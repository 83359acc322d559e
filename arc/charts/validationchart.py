"""The validation chart: each scorer's agreement with people, as grouped bars (chart data).

Drawn by :mod:`arc.charts.drawing` like every chart; the figures come from
:func:`arc.score.validation.validate`. Each scorer has its colour of every chart
(:data:`arc.charts.theme.SCORER_COLORS`); each bar is a Pearson r with its 95% interval; the
subtitle gives the verdict, read from the results: which scorer agrees best, which is next,
and whether the ensemble's macro-F1 beats VADER's.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from arc.charts.captions import verdict
from arc.charts.data import Bars, Chart, Label, Panel
from arc.charts.theme import INK, PALETTE, SCORER_COLORS
from arc.score.validation import (
    ENSEMBLE,
    HUMAN_NEUTRAL_SHARE,
    INTERVAL_LEVEL,
    SETS,
    TEST,
    format_r,
    pearson_interval,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["INTERVAL_LEVEL", "SCORER_NAMES", "validation_chart"]

#: Scorers' names in prose and in the legend; any other scorer goes by its own name.
SCORER_NAMES = {
    "vader": "VADER",
    "afinn": "AFINN",
    "textblob": "TextBlob",
    "nrc": "NRC",
    ENSEMBLE: "the ensemble",
}
#: Two scorers whose r differ by at most this much on every set are "close".
CLOSE = 0.05
#: The characters of an 8.5 pt bar label across an inch (for the room right of the bars).
_CHARS_PER_INCH = 72 / 4.9


def validation_chart(results: pd.DataFrame, *, title: str | None = None) -> Chart:
    """Pearson r of each scorer per set, as grouped horizontal bars (a :class:`Chart`).

    With the ensemble, a shipped set's bars are its test half (the items the ensemble was
    not fitted on, so every bar of a group is measured on the same items); without it,
    the whole set. A user's file is shown whole. Each group is a set, each bar a scorer in
    its own colour on every set, with the 95% interval of its r (Fisher's z) and a label
    giving its r and its macro-F1. The subtitle is the verdict; the caption, the method.
    """
    scorers = list(dict.fromkeys(str(s) for s in results["scorer"]))
    with_ensemble = ENSEMBLE in scorers
    shown = _shown(results, with_ensemble)
    colour = _colours(scorers)
    y: list[float] = []
    values: list[float] = []
    low: list[float] = []
    high: list[float] = []
    colours: list[str] = []
    labels: list[str] = []
    groups: list[Label] = []
    sets: list[tuple[str, dict[str, tuple[float, float]]]] = []
    row = 0.0
    for set_name, group in shown.groupby("set", sort=False):
        base = str(set_name).removesuffix(TEST)
        name = SETS[base][1] if base in SETS else base
        part = " (test half)" if str(set_name).endswith(TEST) else ""
        groups.append(Label(0.5, row - 0.75, f"{name}{part}, n = {int(group['n'].iloc[0]):,}"))
        figures: dict[str, tuple[float, float]] = {}
        for r in group.itertuples(index=False):
            pearson, f1 = float(r.pearson), float(r.f1)
            lo, hi = pearson_interval(pearson, int(r.n), INTERVAL_LEVEL)
            y.append(row)
            values.append(0.0 if math.isnan(pearson) else pearson)
            low.append(lo)
            high.append(hi)
            colours.append(colour[str(r.scorer)])
            labels.append(f"{_short(str(r.scorer))} {format_r(pearson)} \u00b7 F1 {format_r(f1)}")
            figures[str(r.scorer)] = (round(pearson, 3), round(f1, 3))  # as the labels say
            row += 1.0
        sets.append((name, figures))
        row += 1.2
    keys = {colour[s]: _legend_name(s) for s in scorers}
    level = f"{INTERVAL_LEVEL:.0%}"
    bars = Bars(
        y,
        values,
        colours,
        labels,
        "Pearson r",
        keys=keys,
        low=low,
        high=high,
        interval=f"{level} interval of r",
    )
    width = 9.0
    xlim = _xlim(values, high, labels, width)
    for group_label in groups:
        group_label.x = sum(xlim) / 2
    panel = Panel("validation", "", (row - 1.0, -1.4), [], zero=False, bars=[bars], labels=groups)
    found = _verdict(sets, scorers)
    whose = f"{_name(scorers[0])}'s" if len(scorers) == 1 else "each scorer's"
    return Chart(
        "validation",
        title or _title(scorers),
        found["subtitle"],
        "Pearson r with the human rating",
        xlim,
        [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
        None,
        [panel],
        size=(width, max(4.0, 1.6 + 0.24 * row)),
        meta={
            "ink": INK,
            "scorers": scorers,
            **{k: v for k, v in found.items() if k != "subtitle"},
        },
        caption=_caption(shown, with_ensemble, level, whose),
    )


def _shown(results: pd.DataFrame, with_ensemble: bool) -> pd.DataFrame:
    """The rows drawn: test halves beside the ensemble, whole sets without it."""
    names = {str(s) for s in results["set"]}
    if with_ensemble:  # the ensemble is measured on the test halves only
        drop = {s.removesuffix(TEST) for s in names if s.endswith(TEST)}
    else:  # without it, the test halves are only a smaller sample of the same set
        drop = {s for s in names if s.endswith(TEST) and s.removesuffix(TEST) in names}
    return results[~results["set"].astype(str).isin(drop)]


def _colours(scorers: list[str]) -> dict[str, str]:
    """Each scorer's colour of every chart; a scorer without one takes a free palette colour."""
    taken = {SCORER_COLORS[s] for s in scorers if s in SCORER_COLORS}
    spare = [c for c in PALETTE if c not in taken]
    out = {}
    for k, s in enumerate(scorers):
        out[s] = SCORER_COLORS.get(s) or (spare.pop(0) if spare else PALETTE[k % len(PALETTE)])
    return out


def _name(scorer: str) -> str:
    return SCORER_NAMES.get(scorer, scorer)


def _short(scorer: str) -> str:
    """A bar's name: the scorer's name without 'the'."""
    return _name(scorer).removeprefix("the ")


def _legend_name(scorer: str) -> str:
    return "ensemble of the scorers" if scorer == ENSEMBLE else _name(scorer)


def _title(scorers: list[str]) -> str:
    if len(scorers) == 1:
        return f"How well does {_name(scorers[0])} agree with people?"
    return "Which scorer agrees with people?"


def _verdict(
    sets: list[tuple[str, dict[str, tuple[float, float]]]], scorers: list[str]
) -> dict[str, Any]:
    """The subtitle, read from the figures (set name -> scorer -> (r, F1)), and its parts."""
    k = len(sets)
    every = "on every set" if k > 1 else "on this set"
    if len(scorers) == 1 or not sets:
        ranked = sorted(
            (
                (fig[scorers[0]][0], name)
                for name, fig in sets
                if scorers and scorers[0] in fig and math.isfinite(fig[scorers[0]][0])
            ),
            key=lambda item: -item[0],
        )
        if not ranked:
            return {"subtitle": f"{_name(scorers[0]) if scorers else 'No scorer'} has no r to show"}
        (r_hi, best_set), (r_lo, worst_set) = ranked[0], ranked[-1]
        said = f"{_name(scorers[0])} agrees with people "
        if len(ranked) == 1:
            return {"subtitle": said + f"at r {r_hi:.3f}"}
        return {
            "subtitle": said + f"best on {best_set} (r {r_hi:.3f}), least on {worst_set} "
            f"(r {r_lo:.3f})"
        }
    best = [_top(fig) for _, fig in sets]
    counted = [b for b in best if b is not None]
    top = max(scorers, key=lambda s: (counted.count(s), _mean_r(sets, s)))
    wins = counted.count(top)
    lead = f"{_name(top)} agrees best with people " + (
        every if wins == k else f"on {wins} of {k} sets"
    )
    others = [s for s in scorers if s != top]
    runner = max(others, key=lambda s: _mean_r(sets, s))
    gaps = [
        round(fig[top][0] - fig[runner][0], 3)
        for _, fig in sets
        if top in fig and runner in fig and math.isfinite(fig[top][0] - fig[runner][0])
    ]
    close = bool(gaps) and max(abs(g) for g in gaps) <= CLOSE
    lead += f", {_name(runner)} {'close behind' if close else 'next'}"
    if gaps and min(gaps) >= 0:
        low, high = min(gaps), max(gaps)
        lead += f" (r {low:.3f} lower)" if low == high else f" (r {low:.3f} to {high:.3f} lower)"
    found: dict[str, Any] = {"best": best, "top": top, "runner": runner}
    f1 = ""
    if ENSEMBLE in scorers:
        against = (
            "vader"
            if "vader" in scorers
            else max((s for s in scorers if s != ENSEMBLE), key=lambda s: _mean_r(sets, s))
        )
        beats = [
            name
            for name, fig in sets
            if ENSEMBLE in fig and against in fig and fig[ENSEMBLE][1] > fig[against][1]
        ]
        compared = sum(1 for _, fig in sets if ENSEMBLE in fig and against in fig)
        whose = f"the ensemble's macro-F1 {{}} {_name(against)}'s"
        if compared == 1:
            f1 = whose.format("beats" if beats else "does not beat")
        elif not beats:
            f1 = whose.format("beats") + f" on none of the {compared} sets"
        elif len(beats) == compared:
            f1 = whose.format("beats") + " on every set"
        else:
            f1 = (
                whose.format("beats")
                + f" on only {len(beats)} of {compared} sets ({', '.join(beats)})"
            )
        found |= {"f1_against": against, "f1_beats": beats, "f1_compared": compared}
    subtitle = verdict(lead, f1)
    found["subtitle"] = subtitle[:1].upper() + subtitle[1:]
    return found


def _top(figures: dict[str, tuple[float, float]]) -> str | None:
    """The scorer with the highest r of a set (None when no r is a number)."""
    finite = {s: r for s, (r, _) in figures.items() if math.isfinite(r)}
    return max(finite, key=lambda s: finite[s]) if finite else None


def _mean_r(sets: list[tuple[str, dict[str, tuple[float, float]]]], scorer: str) -> float:
    rs = [fig[scorer][0] for _, fig in sets if scorer in fig and math.isfinite(fig[scorer][0])]
    return math.fsum(rs) / len(rs) if rs else -math.inf


def _caption(shown: pd.DataFrame, with_ensemble: bool, level: str, whose: str) -> str:
    """The method: what r and F1 are, which items, how the interval is made."""
    names = {str(s) for s in shown["set"]}
    shipped = any(s.removesuffix(TEST) in SETS for s in names)
    parts = [
        f"r: Pearson correlation of {whose} value with the mean human rating of each text",
        f"{level} interval of r by Fisher's z, from the n items of the set",
        "F1: macro-F1 over three classes (negative, neutral, positive); a human rating is "
        f"neutral within {HUMAN_NEUTRAL_SHARE:.2%} of its scale's range of the middle "
        "(\u00b10.5 on \u22124..+4), a scorer's value within the scorer's own neutral band",
    ]
    if shipped and with_ensemble:
        parts.append(
            "shipped sets (Hutto & Gilbert 2014): the test half (odd document numbers), which "
            "the ensemble was not fitted on, so every scorer is measured on the same items"
        )
    elif shipped:
        parts.append("shipped sets (Hutto & Gilbert 2014): every item")
    if any(s.removesuffix(TEST) not in SETS for s in names):
        parts.append("your file: every row")
    return " \u00b7 ".join(parts)


def _xlim(
    values: list[float], high: list[float], labels: list[str], width_in: float
) -> tuple[float, float]:
    """From 0 (or a little below the lowest r) to 1, or further when a label needs room."""
    low = min([0.0, *values])
    start = low - 0.02 if low < 0 else 0.0
    tips = [max(v, h) if math.isfinite(h) else v for v, h in zip(values, high, strict=True)]
    across = width_in * 0.775 * _CHARS_PER_INCH  # characters across the axes
    end = 1.0
    for _ in range(30):  # the room a label takes grows with the range: find the fixed point
        per_char = (end - start) / across
        need = max([1.0] + [t + (len(s) + 2) * per_char for t, s in zip(tips, labels, strict=True)])
        if need <= end + 1e-9:
            break
        end = need
    return (start, end)
