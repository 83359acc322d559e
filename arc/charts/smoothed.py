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
    NOT_TESTED,
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
    sentence_scorer,
    turn_marks,
    zoomed_limits,
)
from arc.charts.theme import (
    INK,
    LONG_SIZE,
    PALETTE,
    SHADE_HEIGHT,
    point_style,
    tone,
    tone_keys,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["agreement_verdict", "methods_chart", "shapes_verdict", "smoothed_chart"]


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
    coincide = _dash_coinciding(lines)
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
            score=sentence_scorer(scorer.name),
            chance=chance,
        )
        if arc_panel.shades and any(t.text and t.kind == "valley" for t in arc_panel.turns):
            low, high = arc_panel.ylim  # room for the strip under the valleys' labels
            arc_panel.ylim = (low - (high - low) * SHADE_HEIGHT * 2, high)
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
        parts.append(
            "each smoother's line on the same scale, in the scorer's units; how alike they are: "
            "the Pearson r of each pair of lines over narrative time"
        )
        parts.extend(
            f"{later} coincides with {earlier} here (drawn dashed over it)"
            for later, earlier in coincide
        )
    elif lines:
        parts.append(f"line: {lines[0].label}")
        smoother = SMOOTHERS.get(methods[0])
        if smoother is not None:
            parts.append(smoother.edges)
    parts.extend(honest_caption(honest))
    if arc_panel.turns:
        said = (
            "turning points: peaks and valleys that stand out by at least "
            f"{PROMINENCE_SHARE:.0%} of the line's range, each quoting the sentence that drives "
            "it, in the colour of that sentence's own score"
        )
        if any(t.faint for t in arc_panel.turns):
            banded = honest is not None and honest["low"].notna().any()
            said += (
                "; one not clear of the chance envelope ("
                + ("its uncertainty band overlaps it" if banded else "it lies inside it")
                + ") is hollow and unquoted"
            )
        parts.append(said)
    if coverage is not None:
        parts.append(coverage_caption(coverage, bool(arc_panel.shades)))
    if marks:
        parts.append(how)
    found = shape_of(result, methods[0], value, params) if lines and not several else None
    if several:
        subtitle = verdict(
            agreement_verdict(lines),
            shapes_verdict([shape_of(result, m, value, {}) for m in methods[: len(lines)]]),
        )
    else:
        subtitle = verdict(
            shape_verdict(found) if lines else "",
            chance_verdict(honest) if null else NOT_TESTED,
        )
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


#: The least correlation between two smoothers' lines for each word of the methods verdict.
AGREEMENT_WORDS = ((0.9, "agree closely"), (0.7, "broadly agree"), (0.4, "partly agree"))


def agreement_verdict(lines: list[Line]) -> str:
    """How alike several smoothers' lines are, from the Pearson r of each pair.

    The lines are read on one grid of narrative time (201 points, 0-100 %); the verdict is
    worded by the least r (:data:`AGREEMENT_WORDS`, else "disagree") and names that pair:
    'the 4 smoothers broadly agree: their lines correlate r 0.85 to 0.98 (least alike:
    rolling mean and DCT low-pass)'.

    Examples
    --------
    >>> x = [0.0, 50.0, 100.0]
    >>> agreement_verdict([Line(x, [0.0, 1.0, 0.0], "a"), Line(x, [0.1, 0.9, 0.1], "b")])
    'the 2 smoothers agree closely: their lines correlate r 1.00'
    """
    import itertools

    grid = np.linspace(0.0, 100.0, 201)
    ys = []
    for line in lines:
        x, y = np.asarray(line.x, dtype=float), np.asarray(line.y, dtype=float)
        keep = np.isfinite(x) & np.isfinite(y)
        if keep.sum() >= 2:
            ys.append((line.label.split(" (")[0], np.interp(grid, x[keep], y[keep])))
    n = len(lines)
    pairs = [
        (float(np.corrcoef(a, b)[0, 1]), na, nb)
        for (na, a), (nb, b) in itertools.combinations(ys, 2)
        if np.std(a) > 0 and np.std(b) > 0
    ]
    if not pairs:
        return f"{n} smoothers on one scale" if n != 1 else "1 smoother"
    low, first, second = min(pairs)
    high = max(r for r, *_ in pairs)
    word = next((w for floor, w in AGREEMENT_WORDS if low >= floor), "disagree")
    spread = f"r {low:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"r {low:.2f} to {high:.2f}"
    said = f"the {n} smoothers {word}: their lines correlate {spread}"
    if len(pairs) > 1:
        said += f" (least alike: {first} and {second})"
    return said


def shapes_verdict(found: list[Any]) -> str:
    """Whether several smoothers' lines take the same shape, by the shape each is closest to.

    'all 4 find riches to rags (falls)', 'all 4 closest to riches to rags (falls), 2 clearly',
    or 'closest shapes differ: riches to rags 3, man in a hole 1'; empty with fewer than two
    shapes to compare.
    """
    from arc.analysis.shapes import SHAPES
    from arc.charts.captions import COURSE_WORDS

    named = [f for f in found if f is not None and not f.reason and f.nearest is not None]
    if len(named) < 2:
        return ""
    nearest = [f.nearest for f in named]
    if len(set(nearest)) > 1:
        counts = {name: nearest.count(name) for name in dict.fromkeys(nearest)}
        return "closest shapes differ: " + ", ".join(f"{k} {v}" for k, v in counts.items())
    name = nearest[0]
    course = COURSE_WORDS[SHAPES[name].course]
    clear = sum(bool(f.clear) for f in named)
    if clear == len(named):
        return f"all {len(named)} find {name} ({course})"
    return f"all {len(named)} closest to {name} ({course}), " + (
        "none clearly" if clear == 0 else f"{clear} clearly"
    )


def _dash_coinciding(lines: list[Line]) -> list[tuple[str, str]]:
    """Dash each line that lies on an earlier one, so both show; ``(later, earlier)`` names.

    Two lines coincide when, read on one grid of narrative time, they never part by more than
    0.1 % of the lines' range (a smoother whose window holds one unit is the units themselves).
    """
    grid = np.linspace(0.0, 100.0, 201)
    read = []
    for line in lines:
        x, y = np.asarray(line.x, dtype=float), np.asarray(line.y, dtype=float)
        keep = np.isfinite(x) & np.isfinite(y)
        read.append(np.interp(grid, x[keep], y[keep]) if keep.sum() >= 2 else None)
    found = [r for r in read if r is not None]
    span = float(np.ptp(np.concatenate(found))) if found else 0.0
    out = []
    for k, line in enumerate(lines):
        here = read[k]
        if here is None:
            continue
        same = next(
            (
                j
                for j in range(k)
                if read[j] is not None
                and not lines[j].dashed
                and float(np.max(np.abs(here - read[j]))) <= 1e-3 * span + 1e-12
            ),
            None,
        )
        if same is not None:
            line.dashed = True
            out.append((line.label.split(" (")[0], lines[same].label.split(" (")[0]))
    return out
