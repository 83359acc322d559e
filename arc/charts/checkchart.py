"""The smoothing-check chart as data: the arc under several spans, and the turns that survive.

:func:`smoothcheck_chart` turns a :class:`arc.analysis.smoothcheck.SmoothCheck` into an
:class:`arc.charts.data.Chart` of kind ``"smoothcheck"``, drawn by :mod:`arc.charts.drawing`
like any other chart: one arc panel with each variant's line in an ordered palette (light for
the smallest span, dark for the largest, :data:`arc.charts.theme.ORDERED`; the legend in
ascending order), the default thicker and drawn over the others, the points in a strip below
it as on the long-text chart, the default line's surviving turns marked ▲▼ with their driving
sentences (labels placed as :func:`arc.charts.layout.turn_marks` places them: they never
overlap; coloured by the quoted sentence's own score), its other turns as hollow circles,
and two short black bars at 0–5 % and 95–100 %: the plain mean of the text's first and last
5 %, so the reader sees where each smoother puts the ends and where they are. The subtitle
is the verdict (:func:`verdict`); the caption under the legend, how it was reached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothcheck import END_SHARE, SmoothCheck, smooth_check
from arc.analysis.smoothers import get_smoother
from arc.analysis.timeline import story_values, unit_time
from arc.analysis.turns import PROMINENCE_SHARE
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.captions import title_and_note
from arc.charts.data import Chart, Line, Panel, Points, floats
from arc.charts.layout import (
    chapter_marks,
    frame_scale,
    narrative_axis,
    nice_ticks,
    sentence_scorer,
    turn_marks,
    zoomed_limits,
)
from arc.charts.theme import (
    END_COLOR,
    LONG_SIZE,
    LOST_TURN_POINT,
    NEUTRAL_GREY,
    ORDERED,
    point_style,
    tone,
    tone_keys,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["END_COLOR", "LOST_TURNS", "end_line", "ordered_colors", "smoothcheck_chart", "verdict"]

#: The legend's words for the default line's turns that do not survive every span.
LOST_TURNS = "the default line's other turns (not on every line)"


def smoothcheck_chart(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    check: SmoothCheck | None = None,
    title: str | None = None,
    value: str = "compound",
    width: float | None = None,
    **options: Any,
) -> Chart:
    """The smoothing-check chart of a frame: every variant's line, the surviving turns marked.

    ``check`` is :func:`arc.analysis.smoothcheck.smooth_check` of ``df`` (computed with ``method``,
    ``value`` and ``options``, i.e. ``spans`` and ``tolerance``, when not given). Labels are
    laid out for a figure ``width`` inches wide (default: the chart's own size).
    """
    if check is None:
        check = smooth_check(df, method, value=value, **options)
    smoother = get_smoother(check.method)
    scorer = frame_scale(df)
    unit = UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"])
    story = story_values(df)
    x = unit_time(story)
    y = story[check.value].to_numpy(dtype=float)
    title, note = title_and_note(df, title)
    colors = ordered_colors(len(check.variants))
    lines = [
        Line(
            floats(v.line["time"]),
            floats(v.line["value"]),
            _setting(check, v.setting) + (" (default)" if v.default else ""),
            color,
            width=2.8 if v.default else 1.3,
            front=v.default,
        )
        for v, color in zip(check.variants, colors, strict=True)
    ]  # ascending, as the legend reads; the default drawn in front
    plural = unit.plural
    if len(check.ends):
        lines.append(end_line(check.ends))
    shared = unit.averaged
    on_arc = np.concatenate(
        [np.asarray(ln.y, dtype=float) for ln in lines] + [y if shared else y[:0]]
    )
    arc_panel = Panel(
        "arc",
        f"{smoother.label}\n({scorer.label})",
        zoomed_limits(on_arc, scorer.value_range, scorer.neutral),
        [],
        neutral=scorer.neutral,
        height=2.6,
        lines=lines,
    )
    arc_panel.yticks = nice_ticks(arc_panel.ylim)
    survivors = check.survivors
    arc_panel.turns = turn_marks(
        survivors,
        arc_panel,
        scorer.neutral,
        width or LONG_SIZE[0],
        score=sentence_scorer(scorer.name),
    )
    lost = check.turns[~check.turns["survives"]]
    if len(lost):
        arc_panel.points.append(
            Points(
                floats(lost["time"]),
                floats(lost["value"]),
                [NEUTRAL_GREY] * len(lost),
                LOST_TURNS,
                size=LOST_TURN_POINT,
                hollow=True,
            )
        )
    panels = [arc_panel]
    if len(y):
        pts = Points(
            floats(x),
            floats(y),
            tone(y, scorer.neutral),
            f"each {unit.singular}",
            size=point_style(len(y))["size"],
            alpha=point_style(len(y))["alpha"],
            keys=tone_keys(unit.singular, scorer.neutral),
        )
        if shared:
            arc_panel.points.insert(0, pts)
        else:
            lo, hi = scorer.value_range
            panels.append(
                Panel(
                    "points",
                    f"each {unit.singular}\n({scorer.label})",
                    (lo * 1.05, hi * 1.05),
                    [lo, 0.0, hi],
                    neutral=scorer.neutral,
                    height=1.0,
                    points=[pts],
                )
            )
    marks, rows, how = chapter_marks(df, width or LONG_SIZE[0])
    where = "on the arc's scale" if shared else "in the strip below, on the full scale"
    low = _setting(check, check.settings[0], name=False)
    high = _setting(check, check.settings[-1], name=False)
    parts = [note.rstrip(" \u00b7")] if note else []
    parts += [
        f"lines: the {smoother.label} at each {check.param} from {low} (lightest) to {high} "
        f"(darkest), the default ({_setting(check, check.reference.setting, name=False)}, "
        "the line arc plot draws) thicker",
        "turning points: peaks and valleys that stand out by at least "
        f"{PROMINENCE_SHARE:.0%} of their line's range",
        "a turn of the default line survives when every line has one of the same kind within "
        f"\u00b1{check.tolerance:g}% of narrative time; survivors quote the sentence that "
        "drives them",
        f"end bars: the plain mean of the first and last {END_SHARE:.0%} of the {plural}, "
        "where the text's ends are, beside where each line puts them",
        f"edges: {smoother.edges}",
        f"{unit.noun(len(story))} ({where})",
    ]
    if marks:
        parts.append(how)
    return Chart(
        "smoothcheck",
        title,
        verdict(check),
        *narrative_axis(),
        panels,
        chapters=marks,
        chapter_rows=rows,
        size=LONG_SIZE,
        meta={
            "unit": unit.name,
            "value": check.value,
            "scorer": scorer.name,
            "method": check.method,
            "param": check.param,
            "settings": check.settings,
            "tolerance": check.tolerance,
            "survivors": [(str(t.kind), float(t.time)) for t in survivors.itertuples()],
        },
        caption=" \u00b7 ".join(parts),
    )


def ordered_colors(n: int) -> list[str]:
    """``n`` colours of :data:`arc.charts.theme.ORDERED`, light to dark, spread over all of it.

    Up to its six, picked from it (one: its middle); more, blended between its neighbours.

    Examples
    --------
    >>> ordered_colors(5) == [ORDERED[0], ORDERED[1], ORDERED[2], ORDERED[4], ORDERED[5]]
    True
    >>> len(set(ordered_colors(9)))
    9
    """
    last = len(ORDERED) - 1
    if n <= 1:
        return [ORDERED[last // 2]][:n]
    spots = [k * last / (n - 1) for k in range(n)]
    if n <= len(ORDERED):
        return [ORDERED[round(s)] for s in spots]
    rgb = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in ORDERED], dtype=float)
    out = []
    for s in spots:
        k = min(int(s), last - 1)
        mix = rgb[k] + (rgb[k + 1] - rgb[k]) * (s - k)
        out.append("#" + "".join(f"{round(v):02x}" for v in mix))
    return out


def end_line(ends: pd.DataFrame) -> Line:
    """Two short bars, over the first and last 5 %, at the plain mean of each stretch.

    ``ends`` is :attr:`arc.analysis.smoothcheck.SmoothCheck.ends`. Drawn over a smoothed line, the
    bars
    show where the text's ends are and where the smoother puts them: a rolling mean ends on
    them (its window shrinks to the last half-window), a DCT flattens its ends and can miss
    them, LOWESS and Savitzky–Golay can overshoot. One :class:`arc.charts.data.Line` with a gap
    (NaN) between the bars, so a legend names them once.
    """
    first, last = ends.itertuples()
    return Line(
        [first.start, first.stop, float("nan"), last.start, last.stop],
        [first.value, first.value, float("nan"), last.value, last.value],
        f"plain mean of the first and last {END_SHARE:.0%}",
        END_COLOR,
        width=3.5,
        front=True,
    )


def verdict(check: SmoothCheck) -> str:
    """'3 of 6 turning points survive every window from 5% to 20%: valley 34%, …' or why none.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from arc.analysis.smoothcheck import smooth_check
    >>> df = pd.DataFrame({"compound": np.sin(np.linspace(0, 2 * np.pi, 300))})
    >>> verdict(smooth_check(df))
    '4 of 4 turning points survive every window from 5% to 20%: valley 0%, peak 25%, valley 75%, peak 100%'
    """  # noqa: E501
    total = len(check.turns)
    every = f"every {check.param} {_range(check, name=False)}"
    if len(check.variants) == 1:
        every = f"the only {check.param} the text allows, {_range(check, name=False)}"
    if not total:
        return f"the default line has no turning points ({every} tried)"
    survivors = check.survivors
    if survivors.empty:
        return f"none of the default line's {total} turning points survives {every}"
    which = ", ".join(f"{t.kind} {t.time:.0f}%" for t in survivors.itertuples())
    verb = "survives" if len(survivors) == 1 else "survive"
    noun = "turning point" if total == 1 else "turning points"
    return f"{len(survivors)} of {total} {noun} {verb} {every}: {which}"


def _setting(check: SmoothCheck, setting: float, *, name: bool = True) -> str:
    """'window 5%' (a span, as a share of the text) or 'low_pass_size 5'."""
    shown = f"{setting * 100:.3g}%" if get_smoother(check.method).span else f"{setting:g}"
    return f"{check.param} {shown}" if name else shown


def _range(check: SmoothCheck, *, name: bool = True) -> str:
    """'window from 5% to 20%' (or the one setting)."""
    low = _setting(check, check.settings[0], name=False)
    high = _setting(check, check.settings[-1], name=False)
    text = f"from {low} to {high}" if low != high else low
    return f"{check.param} {text}" if name else text
