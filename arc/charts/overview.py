"""The corpus overview: what a corpus's arcs are made of, and its texts grouped by shape.

What it shows, at a glance: on top, the corpus's first modes (:func:`arc.analysis.modes.
corpus_modes`), each in its own categorical colour, drawn at a typical text's size and named
after its share of the variance and its nearest of the six shapes; below, one small panel per
shape family, every member's arc thin and pale behind the family's mean arc in ink, all on one
shared scale in the scorer's units with zero marked. The subtitle gives the verdict (the first
mode's share, the most common shape), the caption the method.

Texts are grouped by their own ``shape``, with "no clear shape" a family of its own, not by
``nearest_shape``: a text below the shape threshold would blur the mean arc of the family it
is forced into, and how many texts have no clear shape is itself the verdict a reader needs.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np

from arc.analysis.modes import mode_shapes
from arc.analysis.shapes import NO_SHAPE, SHAPES, THRESHOLD
from arc.charts.captions import count, verdict
from arc.charts.data import Band, Chart, Line, Panel, floats
from arc.charts.layout import narrative_axis, nice_ticks, zoomed_limits
from arc.charts.theme import (
    FAMILY_INCHES,
    FAMILY_WIDTH,
    INK,
    MEMBER_ARC,
    MEMBER_WIDTH,
    MODES_HEIGHT,
    OVERVIEW_WIDTH,
    PALETTE,
    SPREAD,
    SPREAD_ALPHA,
)
from arc.score.scorers import scorer_info

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FAMILY_MEAN", "FAMILY_SPREAD", "MEMBER", "MOST_MEMBERS", "MOST_MODES", "overview_chart"]

#: The legend's words for a family's texts' arcs and for their mean.
MEMBER = "one text's arc"
FAMILY_MEAN = "mean arc of the panel's texts"
#: A family of more texts than this is drawn as the spread of its arcs, not line by line:
#: hundreds of grey lines read as one grey block.
MOST_MEMBERS = 40
FAMILY_SPREAD = "middle 80% of a large family's arcs (10th to 90th percentile)"
#: At most this many modes are drawn.
MOST_MODES = 3
#: Inches above and below the panels: title, subtitle and the x axis.
_FRAME_INCHES = 1.9


def overview_chart(
    texts: pd.DataFrame,
    segments: pd.DataFrame,
    modes: pd.DataFrame | None,
    *,
    title: str | None = None,
    value: str = "smoothed",
    scorer: str = "vader",
) -> Chart:
    """A corpus at a glance: its first modes, then one small panel per shape family.

    Parameters
    ----------
    texts
        One row per text (``text_id``, ``status``, ``shape``); failed texts are counted in
        the caption and drawn nowhere.
    segments
        One row per text and grid point (``text_id``, ``position`` 0–1 and ``value``).
    modes
        :func:`arc.analysis.modes.corpus_modes`' first table (its first :data:`MOST_MODES`
        modes are drawn), or None for a chart of the families alone.
    title
        The chart's title (default "Sentiment arcs of N texts").
    value
        The column of ``segments`` holding each text's arc (default ``"smoothed"``).
    scorer
        The scorer whose units the arcs are in, for the axis and caption (default VADER).

    Returns
    -------
    Chart
        Panels ``"modes"`` (when there are modes) and one per family (``"family: icarus"``,
        in the six shapes' order, "no clear shape" last), on narrative time 0–100 %.

    Raises
    ------
    ValueError
        No text with status "ok".

    Examples
    --------
    >>> import pandas as pd
    >>> t = (np.arange(100) + 0.5) / 100
    >>> texts = pd.DataFrame({"text_id": [0, 1], "status": ["ok", "ok"],
    ...                       "shape": ["rags to riches", "icarus"]})
    >>> segments = pd.DataFrame({"text_id": np.repeat([0, 1], 100), "position": np.tile(t, 2),
    ...                          "smoothed": np.concatenate([0.2 * t, 0.1 * np.sin(np.pi * t)])})
    >>> chart = overview_chart(texts, segments, None)
    >>> [p.name for p in chart.panels]
    ['family: rags to riches', 'family: icarus']
    """
    info = scorer_info(scorer)
    ok = texts[texts["status"].astype(str) == "ok"]
    failed = len(texts) - len(ok)
    if ok.empty:
        raise ValueError(
            f"no text was analysed ({count(failed, 'texts')} failed): there is no arc to draw"
        )
    families = _families(ok)
    arcs = {
        int(i): group.sort_values("position")
        for i, group in segments[segments["text_id"].isin(ok["text_id"])].groupby("text_id")
    }
    drawn = [
        arcs[i][value].to_numpy(dtype=float) for ids in families.values() for i in ids if i in arcs
    ]
    values = np.concatenate(drawn) if drawn else np.zeros(1)
    limits = zoomed_limits(values, info.value_range)
    panels: list[Panel] = []
    named = None
    if modes is not None and len(modes):
        named = mode_shapes(modes).head(MOST_MODES)
        panels.append(_modes_panel(modes, named, info.label))
    for family, ids in families.items():
        panels.append(_family_panel(family, ids, arcs, value, limits, len(ok)))
    n_panels = len(families) + (MODES_HEIGHT if named is not None else 0.0)
    return Chart(
        "overview",
        title or f"Sentiment arcs of {count(len(ok), 'texts')}",
        _subtitle(len(ok), families, named, counted=title is not None),
        *narrative_axis(),
        panels,
        size=(OVERVIEW_WIDTH, _FRAME_INCHES + FAMILY_INCHES * max(n_panels, 2.0)),
        meta={
            "texts": len(ok),
            "failed": failed,
            "families": {family: len(ids) for family, ids in families.items()},
            "modes": [] if named is None else named.to_dict("records"),
        },
        caption=_caption(modes, named, info.label, failed, _grid(segments)),
    )


# -------------------------------------------------------------------------- the panels


def _families(ok: pd.DataFrame) -> dict[str, list[int]]:
    """Each shape present and its texts' ids: the six in their order, then no clear shape."""
    shapes = ok["shape"].astype(object).where(ok["shape"].notna(), NO_SHAPE)
    order = [*SHAPES, NO_SHAPE]
    present = sorted(set(shapes), key=lambda s: (order.index(s) if s in order else len(order), s))
    return {s: [int(i) for i in ok["text_id"][shapes == s]] for s in present}


def _modes_panel(modes: pd.DataFrame, named: pd.DataFrame, unit: str) -> Panel:
    """The first modes, each at a typical text's size (``rms``), in its own colour."""
    lines = []
    for k, row in enumerate(named.itertuples()):
        mode = modes[modes["mode"] == row.mode].sort_values("position")
        size = float(mode["rms"].iloc[0]) if "rms" in mode else 1.0
        y = mode["value"].to_numpy(dtype=float) * size
        label = (
            f"mode {row.mode}: {row.share:.0%} of the variance · {row.course} "
            f"(like {row.shape}, r {row.r:.2f})"
        )
        x = floats(mode["position"].to_numpy(dtype=float) * 100)
        lines.append(Line(x, floats(y), label, PALETTE[k % len(PALETTE)], width=FAMILY_WIDTH))
    values = np.concatenate([np.asarray(line.y) for line in lines])
    limits = zoomed_limits(values, (-1.0, 1.0))
    return Panel(
        "modes",
        f"the modes\n({unit},\ntypical size)",
        limits,
        _few_ticks(limits),
        height=MODES_HEIGHT,
        lines=lines,
    )


def _family_panel(
    family: str,
    ids: list[int],
    arcs: dict[int, pd.DataFrame],
    value: str,
    limits: tuple[float, float],
    total: int,
) -> Panel:
    """One family: each member's arc thin and pale (one line, gaps between), its mean bold."""
    members = [arcs[i] for i in ids if i in arcs]
    panel = Panel(
        f"family: {family}",
        f"{family}\n{count(len(ids), 'texts')} ({len(ids) / max(total, 1):.0%})",
        limits,
        _few_ticks(limits),
    )
    if not members:
        return panel
    table = np.vstack([_on_grid(m, value, members[0]) for m in members])
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a grid point no member has
        table = np.where(np.isfinite(table), table, np.nan)
        mean = np.nanmean(table, axis=0)
        low, high = np.nanpercentile(table, [10, 90], axis=0)
    x = floats(members[0]["position"].to_numpy(dtype=float) * 100)
    panel.lines.append(Line(x, floats(mean), FAMILY_MEAN, INK, width=FAMILY_WIDTH, front=True))
    if len(members) > MOST_MEMBERS:
        panel.bands.append(Band(x, floats(low), floats(high), FAMILY_SPREAD, SPREAD, SPREAD_ALPHA))
        return panel
    xs: list[float] = []
    ys: list[float] = []
    for arc_ in members:
        xs += [*floats(arc_["position"].to_numpy(dtype=float) * 100), np.nan]
        ys += [*floats(arc_[value]), np.nan]
    panel.lines.append(Line(xs[:-1], ys[:-1], MEMBER, MEMBER_ARC, width=MEMBER_WIDTH))
    return panel


def _on_grid(arc_: pd.DataFrame, value: str, first: pd.DataFrame) -> np.ndarray:
    """A member's arc on the first member's grid (the same grid, unless a text's differs)."""
    x = first["position"].to_numpy(dtype=float)
    own = arc_["position"].to_numpy(dtype=float)
    y = arc_[value].to_numpy(dtype=float)
    if len(own) == len(x) and np.array_equal(own, x):
        return y
    keep = np.isfinite(y)
    return np.interp(x, own[keep], y[keep]) if keep.sum() >= 2 else np.full(len(x), np.nan)


def _few_ticks(limits: tuple[float, float]) -> list[float]:
    """At most four round ticks, 0 among them, so a short panel's labels do not crowd."""
    ticks = nice_ticks(limits)
    while len(ticks) > 4:
        step = 2 * (ticks[1] - ticks[0])
        ticks = [t for t in ticks if abs(round(t / step) * step - t) < step * 1e-6]
    return ticks


# ---------------------------------------------------------------------------- words


def _subtitle(
    n: int, families: dict[str, list[int]], named: pd.DataFrame | None, *, counted: bool
) -> str:
    """The verdict: the first mode and its share, the most common shape, how many have none.

    ``counted``: the number of texts leads (the default title gives it already).
    """
    first = ""
    if named is not None and len(named):
        top = named.iloc[0]
        first = f"mode 1 ({top['course']}) explains {top['share']:.0%} of how the arcs differ"
        if len(named) > 1:
            first += f", modes 1–{len(named)} together {named['share'].sum():.0%}"
    clear = {s: len(ids) for s, ids in families.items() if s in SHAPES}
    if clear:
        best = max(clear, key=lambda s: (clear[s], -list(SHAPES).index(s)))
        common = f"most common shape: {best} ({clear[best] / max(n, 1):.0%} of texts)"
    else:
        common = "no text has a clear shape"
    none = len(families.get(NO_SHAPE, []))
    unclear = f"no clear shape: {none / max(n, 1):.0%}" if none and clear else ""
    return verdict(count(n, "texts") if counted else "", first, common, unclear)


def _grid(segments: pd.DataFrame) -> int:
    """The number of grid points of each text's arc (0 with no segments)."""
    return int(segments.groupby("text_id").size().max()) if len(segments) else 0


def _caption(
    modes: pd.DataFrame | None, named: pd.DataFrame | None, unit: str, failed: int, grid: int
) -> str:
    """The method: the grid, the SVD and how modes are drawn, the families, what was left out."""
    parts = [f"each text's smoothed arc ({unit}) on a {grid}-point grid of narrative time"]
    if modes is not None and named is not None:
        used = modes.attrs.get("texts")
        parts.append(
            f"modes: SVD of {count(int(used), 'arcs') if used else 'the arcs'}, each less its own "
            "mean (Reagan et al. 2016), drawn at a typical text's size (the root mean square of "
            "the texts' loadings); a mode upside down is the same mode: each is drawn with its "
            "second half above its first on average and named after its nearest shape either "
            "way up"
        )
        gaps = len(modes.attrs.get("left_out") or [])
        if gaps:
            parts.append(f"{count(gaps, 'texts')} with gaps in the arc left out of the modes")
    threshold = f"r \u2265 {THRESHOLD:g}"
    parts.append(
        f"families: each text under its own shape (Pearson {threshold} with one of six "
        f"templates), the rest under {NO_SHAPE}; one scale for every family ({unit}); a "
        f"family of over {MOST_MEMBERS} texts is drawn as the spread of its arcs"
    )
    if failed:
        parts.append(f"{count(failed, 'texts')} failed and are left out")
    return verdict(*parts)
