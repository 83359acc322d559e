"""The long-text charts: the smoothed arc on its own zoomed panel over a strip of the points.

:func:`smoothed_chart` draws one smoother's line with its turning points, band, envelope and
shape; :func:`methods_chart` every smoother's line on one panel, to compare them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.result import Analysis, as_analysis
from arc.analysis.smoothers import SMOOTHERS, smoother_caption
from arc.analysis.timeline import story_values, unit_time
from arc.analysis.turns import PROMINENCE_SHARE
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.captions import (
    chance_verdict,
    coverage_caption,
    honest_caption,
    shape_of,
    shape_verdict,
    title_and_note,
    verdict,
)
from arc.charts.data import Band, Chart, Line, Panel, Points, floats
from arc.charts.honesty import (
    coverage_shades,
    honest_bands,
    low_coverage,
    span_share,
    stretches,
    text_coverage,
)
from arc.charts.layout import (
    chapter_marks,
    frame_scale,
    narrative_axis,
    nice_ticks,
    turn_marks,
    zoomed_limits,
)
from arc.charts.theme import INK, LONG_SIZE, PALETTE, point_style, tone, tone_keys
from arc.score.scorers import get_scorer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["methods_chart", "smoothed_chart"]


def smoothed_chart(
    data: pd.DataFrame | Analysis,
    method: str = DEFAULT_SMOOTHER,
    *,
    title: str | None = None,
    value: str = "compound",
    points: bool = True,
    chapters: bool = True,
    turns: bool = True,
    band: bool = True,
    null: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """The long-text chart: the smoothed arc on its own zoomed panel, the points below it.

    Sentences and paragraphs spread over the scorer's whole range while their smoothed mean
    moves in a narrow band, so the arc gets a panel scaled to itself and the points a strip
    on the full range below it, both on one narrative-time axis. Word windows and bins are
    averages already: they share the arc's panel and scale. With ``turns``, the arc's
    turning points (:func:`arc.analysis.turns.turning_points`) are marked, each labelled with its
    driving sentence above (peaks) or below (valleys) the arc. With ``band``, the bootstrap
    band around the arc, and with ``null``, the word-salad envelope behind it, the stretches
    where the arc leaves the envelope shaded (:mod:`arc.analysis.uncertainty`).
    """
    return _smoothed(
        as_analysis(data),
        [method],
        title=title,
        value=value,
        points=points,
        chapters=chapters,
        params=params,
        width=width,
        turns=turns,
        band=band,
        null=null,
    )


def methods_chart(
    data: pd.DataFrame | Analysis,
    *,
    title: str | None = None,
    value: str = "compound",
    width: float | None = None,
) -> Chart:
    """Every smoother's line on one panel, in the scorer's units, over a strip of the points."""
    return _smoothed(
        as_analysis(data),
        list(SMOOTHERS),
        title=title,
        value=value,
        points=True,
        chapters=True,
        params={},
        width=width,
    )


def _smoothed(
    result: Analysis,
    methods: list[str],
    *,
    title: str | None,
    value: str,
    points: bool,
    chapters: bool,
    params: dict[str, Any],
    width: float | None,
    turns: bool = False,
    band: bool = False,
    null: bool = False,
) -> Chart:
    df = result.frame
    scorer = frame_scale(df)
    unit = UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"])
    story = story_values(df)
    title, note = title_and_note(df, title)
    x = unit_time(story)
    y = story[value].to_numpy(dtype=float)
    several = len(methods) > 1
    lines = []
    bands: list[Band] = []
    honest = None
    for k, method in enumerate(methods):
        alone = not several
        line = (
            result.line(method, value, band=band and alone, null=null and alone, **params)
            if len(story)
            else None
        )
        if line is None:
            continue
        if not several:
            honest = line
            bands = honest_bands(line)
        lines.append(
            Line(
                floats(line["time"]),
                floats(line["value"]),
                smoother_caption(method, params),
                PALETTE[k % len(PALETTE)] if several else INK,
                width=1.8,
            )
        )
    shared = unit.averaged
    edges = [np.asarray(v, dtype=float) for b in bands for v in (b.low, b.high)]
    on_arc = np.concatenate([np.asarray(ln.y) for ln in lines] + [y if shared else y[:0]] + edges)
    on_arc = on_arc[np.isfinite(on_arc)]
    arc_panel = Panel(
        "arc",
        f"{'smoothed' if several else lines[0].label.split(' (')[0] if lines else 'smoothed'}"
        f"\n({scorer.label})",
        zoomed_limits(on_arc, scorer.value_range, scorer.neutral),
        [],
        neutral=scorer.neutral,
        height=2.6,
        lines=lines,
        bands=bands,
    )
    arc_panel.yticks = nice_ticks(arc_panel.ylim)
    coverage = text_coverage(df)
    if coverage is not None and "coverage" in story:
        share = span_share(methods[0] if not several else DEFAULT_SMOOTHER, params)
        arc_panel.shades = coverage_shades(
            stretches(np.asarray(x), low_coverage(story, coverage, share), (0.0, 100.0))
        )
    if turns and len(lines) == 1:
        found = result.turns(methods[0], value, **params)
        chance = None
        if honest is not None and honest["null_low"].notna().any():
            chance = tuple(
                honest[c].to_numpy(dtype=float)
                for c in ("time", "null_low", "null_high", "low", "high")
            )
        arc_panel.turns = turn_marks(
            found,
            arc_panel,
            scorer.neutral,
            width or LONG_SIZE[0],
            score=_sentence_score(scorer.name),
            chance=chance,
        )
    panels = [arc_panel]
    if points and len(y):
        style = point_style(len(y), on_arc=shared)
        pts = Points(
            floats(x),
            floats(y),
            tone(y, scorer.neutral),
            f"each {unit.singular}",
            size=style["size"],
            alpha=style["alpha"],
            keys=tone_keys(unit.singular, scorer.neutral),
        )
        if shared:
            arc_panel.points.append(pts)
        else:
            lo, hi = scorer.value_range
            strip = Panel(
                "points",
                f"each {unit.singular}\n({scorer.label})",
                (lo * 1.05, hi * 1.05),
                [lo, 0.0, hi],
                neutral=scorer.neutral,
                height=1.0,
                points=[pts],
            )
            panels.append(strip)
    marks, rows, how = chapter_marks(df, width or LONG_SIZE[0]) if chapters else ([], 0, "")
    extra = ""
    if df.attrs.get("unit") == "window":
        extra = f" of {df.attrs.get('window')} words, step {df.attrs.get('step')}"
    where = "on the arc's scale" if shared else "in the strip below, on the full scale"
    parts = [note.rstrip(" ·")] if note else []
    parts.append(
        f"{unit.noun(len(story))}{extra} ({where})" if points else f"{unit.noun(len(story))}{extra}"
    )
    if several:
        parts.append("each smoother's line on the same scale, in the scorer's units")
    elif lines:
        parts.append(f"line: {lines[0].label}")
        smoother = SMOOTHERS.get(methods[0])
        if smoother is not None:
            parts.append(smoother.edges)
    parts.extend(honest_caption(honest))
    if arc_panel.turns:
        parts.append(
            f"turning points: peaks and valleys that stand out by at least {PROMINENCE_SHARE:.0%} "
            "of the line's range, each quoting the sentence that drives it"
        )
    if coverage is not None:
        parts.append(coverage_caption(coverage, bool(arc_panel.shades)))
    if marks:
        parts.append(how)
    found = shape_of(result, methods[0], value, params) if lines and not several else None
    if several:
        subtitle = verdict(
            f"{len(lines)} smoothers on one scale",
            "where they agree, the arc does not depend on the method",
        )
    else:
        subtitle = verdict(shape_verdict(found) if lines else "", chance_verdict(honest))
    return Chart(
        "methods" if several else "smoothed",
        title,
        subtitle,
        *narrative_axis(),
        panels,
        chapters=marks,
        chapter_rows=rows,
        size=LONG_SIZE,
        meta={
            "unit": unit.name,
            "value": value,
            "scorer": scorer.name,
            "methods": methods,
            "params": dict(params),
        },
        caption=" \u00b7 ".join(parts),
    )


def _sentence_score(name: str) -> Any:
    """A function giving one sentence's value under scorer ``name`` (a turn's colour)."""
    try:
        scorer = get_scorer(name)
    except (ValueError, KeyError, ImportError):  # no such single scorer: the turn's own value
        return None
    return lambda text: float(scorer.score(text).compound)
