"""Where things go on a chart: axes and ticks, chapter labels, turn and annotation boxes.

Labels are placed here, in data units reckoned from points and inches of a nominal figure
(:mod:`arc.charts.theme`), so that no two overlap; the renderer draws them where they are put.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.labels import excerpt
from arc.analysis.timeline import chapter_starts
from arc.charts.captions import count, ordinal
from arc.charts.data import Chapter, Panel, Turn
from arc.charts.theme import (
    LABEL_ROWS,
    MAX_DRAWN_CHAPTERS,
    TURN_CHARS,
    TURN_FONT,
    TURN_PANEL_HEIGHT,
    TURN_ROWS,
    chapter_font,
    sign_color,
)
from arc.score.scorers import get_scorer, scorer_info

if TYPE_CHECKING:
    import pandas as pd

    from arc.score.scorers import Scorer

__all__ = [
    "chapter_marks",
    "frame_scale",
    "narrative_axis",
    "nice_ticks",
    "place_annotations",
    "sentence_scorer",
    "turn_marks",
    "zoomed_limits",
]


# ------------------------------------------------------------------------------ axes


def narrative_axis() -> tuple[str, tuple[float, float], list[float], list[str]]:
    """The shared x axis of narrative time: label, 0–100 % limits, ticks every 10 %, labels."""
    ticks = [float(t) for t in range(0, 101, 10)]
    return ("narrative time (share of the story)", (0.0, 100.0), ticks, [f"{t:g}%" for t in ticks])


def frame_scale(df: pd.DataFrame) -> type[Scorer]:
    """The scorer's declaration (label, range, neutral band) for a frame: its y scale."""
    return scorer_info(str(df.attrs.get("scorer") or "vader"))


#: A zoomed panel shows at least this many times the neutral zone's half-width each side of 0,
#: so wiggles inside the neutral zone never fill the panel and look dramatic.
MIN_ZOOM = 4.0


def zoomed_limits(
    values: np.ndarray, value_range: tuple[float, float], neutral: float | None = None
) -> tuple[float, float]:
    """Limits a little beyond the values and always including 0, inside the value range.

    With ``neutral`` (the scorer's neutral half-width), the limits reach at least
    :data:`MIN_ZOOM` times it on both sides of 0.

    Examples
    --------
    >>> zoomed_limits(np.array([-0.04, 0.03]), (-1.0, 1.0), 0.05)
    (-0.2, 0.2)
    """
    values = values[np.isfinite(values)] if len(values) else np.zeros(1)
    low = min(0.0, float(values.min())) if len(values) else 0.0
    high = max(0.0, float(values.max())) if len(values) else 0.0
    pad = max((high - low) * 0.08, 0.01)
    low, high = low - pad, high + pad
    if neutral:
        low, high = min(low, -MIN_ZOOM * neutral), max(high, MIN_ZOOM * neutral)
    return (max(value_range[0] * 1.05, low), min(value_range[1] * 1.05, high))


def nice_ticks(limits: tuple[float, float]) -> list[float]:
    """About five round ticks inside ``limits``, 0 among them.

    Examples
    --------
    >>> nice_ticks((-0.3, 0.62))
    [-0.2, 0.0, 0.2, 0.4, 0.6]
    """
    low, high = limits
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 0.1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = np.arange(first, high + step * 1e-9, step)
    return [round(float(t), 10) + 0.0 for t in ticks]


# -------------------------------------------------------------------------- chapters


def chapter_marks(df: pd.DataFrame, width_in: float) -> tuple[list[Chapter], int, str]:
    """Chapter lines, and which of them are labelled so that the labels fit.

    All labels when they fit in :data:`~arc.charts.theme.LABEL_ROWS` rows; else the books or
    volumes when a text has them; else every k-th chapter for the smallest k in 2, 5, 10,
    20, 25, 50, 100 whose labels fit in one row. Returns the marks, the label rows used and
    a caption.
    """
    starts = chapter_starts(df)
    if starts.empty:
        return [], 0, ""
    marks = [Chapter(float(r.time), str(r.label), bool(r.major)) for r in starts.itertuples()]
    n = len(marks)
    size = chapter_font(n)
    per_char = 0.62 * size / (width_in * 0.85 * 72) * 100  # % of the axis one character takes
    rows = _fit_labels(marks, [(m, m.name) for m in marks], per_char, LABEL_ROWS)
    if rows:
        return marks, rows, count(n, "chapters")
    majors = [m for m in marks if m.major]
    if majors:
        books = [(m, m.name.rsplit(".", 1)[0]) for m in majors]
        rows = _fit_labels(marks, books, per_char, LABEL_ROWS)
        if rows:
            if n > MAX_DRAWN_CHAPTERS:  # a curtain of lines hides the arc: books only
                return (
                    majors,
                    rows,
                    (
                        f"{count(n, 'chapters')} in {count(len(majors), 'books')}"
                        " (lines and labels: books)"
                    ),
                )
            return marks, rows, f"{count(n, 'chapters')} (darker lines and labels: books)"
    for k in (2, 5, 10, 20, 25, 50, 100, 200, 500):
        chosen = [(m, m.name) for i, m in enumerate(marks) if i == 0 or (i + 1) % k == 0]
        rows = _fit_labels(marks, chosen, per_char, 1)
        if rows:
            return marks, rows, f"{count(n, 'chapters')} (every {ordinal(k)} labelled)"
    return marks, 0, count(n, "chapters")


def _fit_labels(
    marks: list[Chapter], chosen: list[tuple[Chapter, str]], per_char: float, max_rows: int
) -> int:
    """Give each chosen mark its label in the first row with room; 0 if one finds none."""
    ends = [-100.0] * max_rows
    used = 0
    placed = []
    for mark, text in chosen:
        start = mark.x + 0.15
        tier = next((t for t in range(max_rows) if start >= ends[t] + per_char), None)
        if tier is None:
            return 0
        ends[tier] = start + len(text) * per_char
        placed.append((mark, text, tier))
        used = max(used, tier + 1)
    for mark in marks:
        mark.label, mark.tier = "", 0
    for mark, text, tier in placed:
        mark.label, mark.tier = text, tier
    return used


# ----------------------------------------------------------------------------- turns


def sentence_scorer(name: str) -> Callable[[str], float] | None:
    """One sentence's value under scorer ``name`` (a turn's colour), or None without one.

    None when ``name`` is no single scorer (an ensemble): a turn then takes its own value.
    """
    try:
        scorer = get_scorer(name)
    except (ValueError, KeyError, ImportError):
        return None
    return lambda text: float(scorer.score(text).compound)


def turn_marks(
    found: pd.DataFrame,
    panel: Panel,
    neutral: float,
    width_in: float,
    *,
    score: Callable[[str], float] | None = None,
    chance: tuple[np.ndarray, ...] | None = None,
) -> list[Turn]:
    """Markers and labels for the turning points, the panel's y limits widened to hold them.

    A marker and its box take the colour of the quoted sentence's own ``score`` (the turn's
    smoothed value when there is no scorer or no sentence). With ``chance``, the envelope as
    ``(x, low, high)`` and, if the arc has one, its uncertainty band ``(..., band_low,
    band_high)``, a turn is quoted only when it is clear of chance: its band (or, without
    one, its value) lies wholly beyond the envelope. Any other turn is faint: drawn hollow
    and never quoted, since a shuffled text's arc could have made it.

    Peaks are labelled in rows above the arc, valleys in rows below it, the most prominent
    turns first, each where :func:`_place_turn` finds room, quoting
    :data:`~arc.charts.theme.TURN_CHARS` characters of its sentence, or half as many when
    that finds none. A label that still finds none in :data:`~arc.charts.theme.TURN_ROWS`
    rows is left out (the marker stays). Sizes are reckoned in points for a ``width_in``
    inch wide figure and a :data:`~arc.charts.theme.TURN_PANEL_HEIGHT` inch high panel.
    """
    if found.empty:
        return []
    faint = np.zeros(len(found), dtype=bool)
    if chance is not None:
        cx, *edges = (np.asarray(a, dtype=float) for a in chance)
        t, v = found["time"].to_numpy(dtype=float), found["value"].to_numpy(dtype=float)
        lo, hi = (np.interp(t, cx, e) for e in edges[:2])
        blo, bhi = (np.interp(t, cx, e) for e in edges[2:4]) if len(edges) >= 4 else (v, v)
        blo, bhi = np.where(np.isnan(blo), v, blo), np.where(np.isnan(bhi), v, bhi)
        faint = ~((blo > hi) | (bhi < lo))
    found = found.assign(faint_=faint)
    axis_pt = width_in * 0.75 * 72  # the x axis is about 3/4 of the figure's width
    char = 0.62 * TURN_FONT / axis_pt * 100  # % of the x axis a character takes, or less
    pad = 0.4 * TURN_FONT / axis_pt * 100
    row_pt = TURN_FONT * 1.25 + 0.6 * TURN_FONT + 3  # a line, the box's padding, a gap
    taken: dict[str, list[tuple[float, float, int, float]]] = {"peak": [], "valley": []}
    chosen: list[tuple[Any, str, tuple[float, float, int, str] | None]] = []
    order = list(found.sort_values(["prominence", "time"], ascending=[False, True]).itertuples())
    for k, turn in enumerate(order):
        if turn.faint_:
            chosen.append((turn, "", None))
            continue
        later = [float(t.time) for t in order[k + 1 :] if t.kind == turn.kind and not t.faint_]
        for chars in (TURN_CHARS, TURN_CHARS // 2):  # a shorter quote where the long finds no room
            quote = excerpt(turn.sentence, chars, turn.word or None)
            text = f"\u201c{quote}\u201d" if turn.sentence else (f"{turn.kind} {turn.time:.0f}%")
            spot = _place_turn(
                float(turn.time), len(text) * char + 2 * pad, taken[str(turn.kind)], later
            )
            if spot is not None:
                break
        chosen.append((turn, text, spot))
    rows = {side: 1 + max((k for *_, k, _x in boxes), default=-1) for side, boxes in taken.items()}
    low, high = panel.ylim
    room_pt = TURN_PANEL_HEIGHT * 72
    used_pt = (rows["peak"] + rows["valley"]) * row_pt
    unit = (high - low) / max(room_pt - used_pt, room_pt / 3)  # data units per point
    panel.spine = (low, high)
    panel.ylim = (low - rows["valley"] * row_pt * unit, high + rows["peak"] * row_pt * unit)
    marks = []
    for turn, text, spot in sorted(chosen, key=lambda c: c[0].time):
        x, y = float(turn.time), float(turn.value)
        said = score(str(turn.sentence)) if score is not None and turn.sentence else y
        mark = Turn(
            x,
            y,
            str(turn.kind),
            sign_color(said, neutral),
            "",
            x,
            y,
            (x, x, y, y),
            row=-1,
            sentence=str(turn.sentence),
            index=int(turn.index),
            chapter=None if turn.chapter is None else str(turn.chapter),
            faint=bool(turn.faint_),
        )
        if spot is not None:
            x0, x1, row, ha = spot
            base = (
                high + row * row_pt * unit
                if mark.kind == "peak"
                else (low - (row + 1) * row_pt * unit)
            )
            mark.box = (x0, x1, base + 1.5 * unit, base + (row_pt - 1.5) * unit)
            mark.text, mark.row, mark.ha = text, row, ha
            mark.text_x = {"left": x0 + pad, "right": x1 - pad, "center": (x0 + x1) / 2}[ha]
            mark.text_y = (mark.box[2] + mark.box[3]) / 2
        marks.append(mark)
    return marks


def _place_turn(
    x: float, width: float, taken: list[tuple[float, float, int, float]], others: list[float]
) -> tuple[float, float, int, str] | None:
    """Where a turn's label goes on its side of the arc: ``(x0, x1, row, ha)``, or None.

    A spot is a row and an alignment (centred over the marker, to its right, to its left),
    inside the axis (0–100 %), where the box overlaps no box of that row, no leader of a
    label further out runs through it, and no box nearer the arc lies on its own leader (a
    vertical line at ``x``). The first spot, row by row, that covers the fewest markers of
    turns still to come (``others``: a box covering one leaves its label no row nearer the
    arc) is taken; in the outermost row a box blocks no one. It is appended to ``taken``.
    """
    spots = []
    for row in range(TURN_ROWS):
        if any(a <= x <= b and k < row for a, b, k, _ in taken):
            break  # a nearer box covers the leader: no row further out can do better
        for ha, x0 in (("center", x - width / 2), ("left", x - 0.3), ("right", x + 0.3 - width)):
            x0 = min(max(x0, 0.0), 100.0 - width)
            x1 = x0 + width
            if any(a < x1 and x0 < b and k == row for a, b, k, _ in taken):
                continue
            if any(x0 <= lx <= x1 and k > row for _, _, k, lx in taken):
                continue
            if ha == "center" and x0 != x - width / 2:  # pushed inward at an edge
                ha = "left" if x0 == 0.0 else "right"
            blocked = 0 if row == TURN_ROWS - 1 else sum(x0 <= o <= x1 for o in others)
            spots.append((blocked, x0, x1, row, ha))
    if not spots:
        return None
    _, x0, x1, row, ha = min(spots, key=lambda s: s[0])  # min keeps the first of equals
    taken.append((x0, x1, row, x))
    return x0, x1, row, ha


# ----------------------------------------------------------------------- annotations


#: A story chart's boxed caption, in points: its height with padding, and the step between
#: stacked boxes.
NOTE_HEIGHT = 17.0
NOTE_STEP = 21.0


def place_annotations(
    notes: Sequence[tuple[Any, ...]],
    xlim: tuple[float, float],
    width_in: float,
    lo: float,
    hi: float,
) -> list[tuple[float, float, str, str, float]]:
    """Where each caption goes, ``(x, y, ha, va, lift)``: in the margins beyond the value range.

    ``notes`` are ``(x, y, kinds, caption, row, sentence, down)``. Lows go below the range,
    the rest above it, so a caption never covers a point; captions near the edges are
    aligned inwards, and one that would cover an earlier caption is lifted one box-height
    (:data:`NOTE_STEP` points) further out, up to two times. Widths are reckoned for 8.5 pt
    text on a ``width_in`` inch wide figure.
    """
    span = xlim[1] - xlim[0]
    axis_pt = width_in * 72 - 62  # the axis: the figure less the y label, ticks and signs
    per_pt = span / max(axis_pt, 72.0)
    placed: dict[tuple[bool, int], list[tuple[float, float]]] = {}
    out = []
    for x, _y, kinds, caption, _row, _sentence, down in notes:
        above = not down or "highest" in kinds
        frac = (x - xlim[0]) / span
        ha = "right" if frac > 0.7 else "left" if frac < 0.3 else "center"
        tx = x + {"right": -1.0, "left": 1.0, "center": 0.0}[ha] * 0.015 * span
        width = (len(caption) * 5.1 + 8) * per_pt  # 8.5 pt text: 5 pt a character, and padding
        x0 = {"right": tx - width, "left": tx, "center": tx - width / 2}[ha]
        ty = hi + (hi - lo) * 0.025 if above else lo - (hi - lo) * 0.025
        tier = next(
            (
                t
                for t in range(3)
                if not any(a < x0 + width and x0 < b for a, b in placed.get((above, t), []))
            ),
            2,
        )
        placed.setdefault((above, tier), []).append((x0, x0 + width))
        out.append((tx, ty, ha, "bottom" if above else "top", tier * NOTE_STEP))
    return out
