"""The compare chart: several texts' arcs from :func:`arc.compare` on one narrative-time panel.

What it shows, at a glance: how far each arc swings, on one shared scale in the scorer's units
with the zero line and the neutral zone (or, asked for, each arc stretched to its own range,
its real range in the legend); where each arc is more than chance, drawn solid where it leaves
its own chance envelope and thin and dashed where it stays inside it; and each text's shape.
A text's colour follows the texts' titles, never the order they were given in.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothers import SMOOTHERS, smoother_caption
from arc.charts.captions import shape_verdict, signed, verdict
from arc.charts.data import Chart, Line, Panel, floats
from arc.charts.layout import narrative_axis, nice_ticks, zoomed_limits
from arc.charts.theme import (
    ARC_WIDTH,
    LONG_SIZE,
    MAX_LEGEND_CHARS,
    PALETTE,
    WITHIN_CHANCE,
    WITHIN_WIDTH,
)
from arc.score.scorers import scorer_info

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["WITHIN", "compare_chart", "text_colors"]

#: The legend's words for the stretches of every arc that stay inside its chance envelope.
WITHIN = "within chance: a shuffled text's arc could do this"
#: The legend's title part is cut to this many characters, to leave room for the verdict.
TITLE_CHARS = 40
#: The subtitle's verdict is written for lines of about this many characters.
SUBTITLE_CHARS = 105


def compare_chart(data: pd.DataFrame, *, title: str | None = None) -> Chart:
    """Several texts' arcs from :func:`arc.compare` on one narrative-time panel.

    Arcs in the scorer's units (``arc.compare``'s default) share one scale, zoomed to them,
    with the zero line and the neutral zone, so their swings compare. Rescaled arcs
    (``scale=True``) are read against "each arc's own lowest … highest", with no zero line,
    and each arc's real range is given in its legend entry.

    Each arc is drawn solid where it leaves its own chance envelope (``null_low`` …
    ``null_high``) and thin and dashed where it stays inside; the legend gives each text's
    shape and the share of its story beyond chance, the subtitle the verdict (which swings
    most, how much of each is beyond chance), the caption the method. Colours are given by
    the texts' titles in order (:func:`text_colors`), so a text keeps its colour whatever the
    order of the arguments.
    """
    scaled = bool(data.attrs.get("scale", False))
    scorer = _compared_scale(data)
    key = "text" if "text" in data else "title"
    groups = [group for _, group in data.groupby(key, sort=False)]
    records = _records(data, groups, scaled)
    colors = text_colors([r["title"] for r in records], [r.get("name") for r in records])
    lines: list[Line] = []
    for group, record, color in zip(groups, records, colors, strict=True):
        lines.extend(_arc_lines(group, record, color, scaled))
    values = np.concatenate([np.asarray(group["value"], dtype=float) for group in groups])
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
        limits = zoomed_limits(values, scorer.value_range, scorer.neutral)
        panel = Panel(
            "arc",
            f"smoothed sentiment\n({scorer.label})",
            limits,
            nice_ticks(limits),
            neutral=scorer.neutral,
            lines=lines,
        )
    method = str(data.attrs.get("method", ""))
    return Chart(
        "compare",
        title or "Sentiment arcs compared",
        _subtitle(records),
        *narrative_axis(),
        [panel],
        size=LONG_SIZE,
        meta={
            "method": method,
            "scale": scaled,
            "colors": dict(zip(_titles(records), colors, strict=True)),
        },
        caption=_caption(data, records, scorer, scaled),
    )


def text_colors(titles: list[str], names: list[Any] | None = None) -> list[str]:
    """Each text's colour from :data:`~arc.charts.theme.PALETTE`, by its title's place.

    The texts are ordered by title (then file name, then their place in the list, for
    titles that are the same), and the palette is dealt out in that order: the same texts
    get the same colours whatever order they are given in.

    Examples
    --------
    >>> text_colors(["Emma", "Alice"]) == text_colors(["Alice", "Emma"])[::-1]
    True
    """
    names = names if names is not None else [None] * len(titles)
    order = sorted(
        range(len(titles)),
        key=lambda k: (titles[k].casefold(), titles[k], str(names[k] or ""), k),
    )
    colors = [""] * len(titles)
    for place, k in enumerate(order):
        colors[k] = PALETTE[place % len(PALETTE)]
    return colors


# --------------------------------------------------------------------------- the arcs


def _records(data: pd.DataFrame, groups: list[pd.DataFrame], scaled: bool) -> list[dict[str, Any]]:
    """What the chart says of each text: ``attrs["texts"]`` where ``arc.compare`` kept it.

    A frame made otherwise gets what its columns tell: its range (when not rescaled), the
    share of the grid beyond its envelope, and the shape of the values drawn.
    """
    kept = list(data.attrs.get("texts") or [])
    out = []
    for group in groups:
        title = str(group["title"].iloc[0])
        record = next((r for r in kept if r.get("title") == title), None)
        if record is None:
            record = _record_from_columns(group, title, scaled)
        out.append(dict(record))
    return out


def _record_from_columns(group: pd.DataFrame, title: str, scaled: bool) -> dict[str, Any]:
    from arc.analysis.shapes import no_shape, shape

    values = group["value"].to_numpy(dtype=float)
    beyond = None
    if {"null_low", "null_high"} <= set(group) and group["null_low"].notna().any():
        out = _beyond(values, group["null_low"].to_numpy(float), group["null_high"].to_numpy(float))
        beyond = float(out.mean())
    try:
        found = shape(values)
    except ValueError as exc:
        found = no_shape(str(exc))
    return {
        "title": title,
        "low": None if scaled else float(np.nanmin(values)),
        "high": None if scaled else float(np.nanmax(values)),
        "beyond": beyond,
        "chance": None,
        "shape": found,
    }


def _beyond(values: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Where ``values`` lie outside ``[low, high]`` (never where the envelope is unknown)."""
    with np.errstate(invalid="ignore"):
        return (values > high) | (values < low)


def _arc_lines(group: pd.DataFrame, record: dict[str, Any], color: str, scaled: bool) -> list[Line]:
    """One text's arc: solid where it leaves its envelope, thin and dashed where it stays in.

    The line is cut where it crosses the envelope (found between grid points by linear
    interpolation), so the solid and the dashed stretches meet. A text with no envelope is
    drawn solid throughout; one never beyond chance, dashed throughout and keyed by its own
    name.
    """
    x = group["time"].to_numpy(dtype=float)
    y = group["value"].to_numpy(dtype=float)
    label = _legend_label(record, scaled)
    if not ({"null_low", "null_high"} <= set(group)) or group["null_low"].isna().all():
        return [Line(floats(x), floats(y), label, color, width=ARC_WIDTH)]
    low = group["null_low"].to_numpy(dtype=float)
    high = group["null_high"].to_numpy(dtype=float)
    x, y, out, cut = _cut_at_envelope(x, y, low, high)
    if not out.any():
        return [Line(floats(x), floats(y), label, color, width=WITHIN_WIDTH, dashed=True)]
    solid = np.where(out | cut, y, np.nan)
    dashed = np.where(~out | cut, y, np.nan)
    lines = [Line(floats(x), floats(solid), label, color, width=ARC_WIDTH)]
    if (~out).any():
        lines.append(
            Line(
                floats(x),
                floats(dashed),
                WITHIN,
                color,
                width=WITHIN_WIDTH,
                dashed=True,
                key=WITHIN_CHANCE,
            )
        )
    return lines


def _cut_at_envelope(
    x: np.ndarray, y: np.ndarray, low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The arc with a point added wherever it crosses its envelope's bounds.

    Returns ``x``, ``y``, whether each point lies beyond the envelope, and whether it is a
    crossing (drawn in both the solid and the dashed stretch, so that they meet).
    """
    out = _beyond(y, low, high)
    xs, ys, outs, cuts = [x[0]], [y[0]], [bool(out[0])], [False]
    for k in range(1, len(x)):
        if out[k] != out[k - 1]:
            for bound in (high, low):
                a, b = y[k - 1] - bound[k - 1], y[k] - bound[k]
                if np.isfinite(a) and np.isfinite(b) and a * b < 0:
                    t = a / (a - b)
                    xs.append(x[k - 1] + t * (x[k] - x[k - 1]))
                    ys.append(y[k - 1] + t * (y[k] - y[k - 1]))
                    outs.append(False)
                    cuts.append(True)
                    break
        xs.append(x[k])
        ys.append(y[k])
        outs.append(bool(out[k]))
        cuts.append(False)
    return np.array(xs), np.array(ys), np.array(outs), np.array(cuts)


# ---------------------------------------------------------------------------- words


def _shape_of(record: dict[str, Any]) -> Any:
    """The text's :class:`~arc.analysis.shapes.ArcShape`, from its record."""
    from arc.analysis.shapes import ArcShape

    found = record.get("shape")
    if isinstance(found, dict):
        return ArcShape(**found)
    return found


def _shape_words(found: Any) -> str:
    """The shape, briefly: 'falls (riches to rags, r 0.73)', 'no clear shape (closest: icarus)'."""
    if found is not None and not found.reason and found.nearest and not found.clear:
        return f"no clear shape (closest: {found.nearest}, r {found.score:.2f})"
    return shape_verdict(found)


def _chance_words(beyond: float | None) -> str:
    if beyond is None or not math.isfinite(beyond):
        return ""
    if beyond <= 0:
        return "never beyond chance"
    return f"beyond chance over {beyond:.0%}"


def _range_words(record: dict[str, Any]) -> str:
    low, high = record.get("low"), record.get("high")
    if low is None or high is None:
        return ""
    return f"real range {signed(low)} to {signed(high)}"


def _legend_label(record: dict[str, Any], scaled: bool) -> str:
    """'Alice's Adventures in Wonderland: no clear shape (...) · beyond chance over 15%'.

    Rescaled, the arc's real range follows: '· real range −0.01 to +0.07'.
    """
    name = _shorten(str(record["title"]), TITLE_CHARS)
    parts = [_shape_words(_shape_of(record)), _chance_words(record.get("beyond"))]
    if scaled:
        parts.append(_range_words(record))
    return f"{name}: {verdict(*parts)}"


def _short_title(title: str) -> str:
    """A title before its subtitle: 'Frankenstein' of 'Frankenstein; Or, The Modern Prometheus'."""
    for mark in ("; ", ": "):
        if mark in title and not title.endswith(")"):
            return title.split(mark, 1)[0]
    return title


def _names(records: list[dict[str, Any]]) -> list[str]:
    """The texts' short titles, or their full (legend) titles when two short ones are alike."""
    short = [_short_title(str(r["title"])) for r in records]
    if len(set(short)) < len(short):
        return [_shorten(str(r["title"]), TITLE_CHARS) for r in records]
    return [_shorten(s, TITLE_CHARS) for s in short]


def _titles(records: list[dict[str, Any]]) -> list[str]:
    return [str(r["title"]) for r in records]


def _subtitle(records: list[dict[str, Any]]) -> str:
    """The verdict: which arc swings most and least, and how much of each is beyond chance.

    Written to fit two lines: with many texts, the share beyond chance is summed up rather
    than given text by text.
    """
    names = _names(records)
    swings = [
        (float(r["high"]) - float(r["low"]), n)
        for r, n in zip(records, names, strict=True)
        if r.get("low") is not None and r.get("high") is not None
    ]
    swing = ""
    if len(swings) == 1:
        swing = f"{swings[0][1]} swings {_range_words(records[0]).removeprefix('real range ')}"
    elif len(swings) > 1:
        most, least = max(swings), min(swings)
        swing = f"{most[1]} swings most, {least[1]} least"
    chances = [
        (float(r["beyond"]), n)
        for r, n in zip(records, names, strict=True)
        if r.get("beyond") is not None and math.isfinite(r["beyond"])
    ]
    chance = ""
    if chances:
        chances.sort(key=lambda c: -c[0])
        each = ", ".join(f"{share:.0%} of {n}" for share, n in chances)
        chance = f"beyond chance over {each}"
        if not any(share > 0 for share, _ in chances):
            chance = (
                "never beyond chance: its moves could be noise"
                if len(records) == 1
                else "no arc is ever beyond chance: their moves could be noise"
            )
        elif len(records) == 1:
            chance = f"beyond chance over {chances[0][0]:.0%} of the story"
        elif len(textwrap.wrap(verdict(swing, chance), SUBTITLE_CHARS)) > 2:
            half = sum(share >= 0.5 for share, _ in chances)
            chance = f"{half} of {len(chances)} arcs beyond chance over half their story"
    words = verdict(swing, chance)
    if len(textwrap.wrap(words, SUBTITLE_CHARS)) > 2:
        words = chance
    return words or f"{len(records)} arcs on one narrative-time axis"


def _caption(data: pd.DataFrame, records: list[dict[str, Any]], scorer: Any, scaled: bool) -> str:
    """The method: smoother and its edges, the scale, how the envelopes were made."""
    method = str(data.attrs.get("method", ""))
    parts = [
        f"each text's sentence scores smoothed with "
        f"{smoother_caption(method, data.attrs.get('params'))}, on narrative time 0–100%"
        if method
        else "each text's arc on narrative time 0–100%"
    ]
    smoother = SMOOTHERS.get(method)
    if smoother is not None:
        parts.append(smoother.edges)
    if scaled:
        known = all(r.get("low") is not None for r in records)
        parts.append(
            "each arc rescaled to run from its own lowest to its own highest point, so shapes "
            "compare, not levels"
            + (f"; its real range ({scorer.label}) is in the legend" if known else "")
        )
    else:
        parts.append(f"every arc on one scale: {scorer.label}")
    chance = next((r["chance"] for r in records if r.get("chance")), None)
    has = [r for r in records if r.get("beyond") is not None]
    if has:
        made = (
            f"{chance.get('level') or 0.95:.0%} of {chance.get('draws') or 0} texts"
            if chance
            else "texts"
        )
        parts.append(
            f"chance: each text's own envelope ({made} made by shuffling its words); an arc "
            "is solid where it leaves its envelope, dashed where it stays inside"
        )
    missing = [n for r, n in zip(records, _names(records), strict=True) if r.get("beyond") is None]
    if missing:
        why = (
            "it is made for one scorer's compound scores"
            if data.attrs.get("value", "compound") != "compound"
            else "it needs the text's sentences"
        )
        parts.append(f"no chance envelope for {', '.join(missing)} ({why})")
    parts.append("shapes: Reagan et al.'s six, by correlation with the smoothed arc")
    return " \u00b7 ".join(parts)


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
