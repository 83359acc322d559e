"""The word-shift chart as chart data: the words that set one stretch of a text above another.

Built from :func:`arc.word_shift`; drawn by :func:`arc.draw` like every chart. The bars are
the words that make most of the difference, largest first, on a scale fitted to them; the
subtitle gives the whole difference and how much of it the words shown make.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from arc.charts.data import Bars, Chart, Panel
from arc.charts.layout import nice_ticks
from arc.charts.theme import (
    NEGATIVE,
    PALE_NEGATIVE,
    PALE_POSITIVE,
    POSITIVE,
    QUOTE_CHARS,
    SHIFT_SIZE,
    SHIFT_WIDTH,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SHIFT_SIZE", "quote_around", "word_shift_chart"]


def word_shift_chart(
    shift: pd.DataFrame,
    *,
    top: int = 20,
    quotes: int = 5,
    title: str | None = None,
    width: float | None = None,
) -> Chart:
    """Horizontal bars: each of the ``top`` words' part in the difference between two stretches.

    Green bars are positive words, red negative ones; dark when the word is used more often
    in the first stretch, pale when less often (the hedonometer's four kinds, also written
    after each word: ``+↑ +↓ -↑ -↓``). Bars right of zero make the first stretch more
    positive than the second.
    """
    if top < 1:
        raise ValueError("top must be a positive number of words")
    a, b = str(shift.attrs.get("segment_a", "a")), str(shift.attrs.get("segment_b", "b"))
    value_a, value_b = (
        float(shift.attrs.get("value_a", math.nan)),
        float(shift.attrs.get("value_b", math.nan)),
    )
    difference = float(shift.attrs.get("difference", shift["shift"].sum()))
    shown = shift.head(top)
    y: list[float] = []
    values: list[float] = []
    colors: list[str] = []
    labels: list[str] = []
    for k, row in enumerate(shown.itertuples(index=False)):
        positive = row.valence >= 0
        more = row.kind.endswith("↑")
        colors.append(
            (POSITIVE if more else PALE_POSITIVE)
            if positive
            else (NEGATIVE if more else PALE_NEGATIVE)
        )
        y.append(float(k))
        values.append(float(row.shift))
        labels.append(f"{row.word} {row.kind}")
    width_in = width or SHIFT_WIDTH
    words = list(labels)
    for limit in (QUOTE_CHARS, QUOTE_CHARS * 3 // 4, QUOTE_CHARS // 2, 0):
        # Quotes as long as fit beside the bars: left and right labels share the width.
        labels = [
            f"{w}  {quote_around(str(row.context), row.word, limit)}" if k < quotes and limit else w
            for k, (w, row) in enumerate(zip(words, shown.itertuples(index=False), strict=True))
        ]
        if _label_room(values, labels) <= 0.7 * _chars_across(width_in):
            break
    n_rest = len(shift) - len(shown)
    xlim = _xlim(values or [0.0], labels or [""], width_in)
    bars = Bars(y, values, colors, labels, "words")
    panel = Panel("words", "", (len(y) - 0.4, -0.6), [], zero=False, bars=[bars])
    share = math.fsum(values)
    covered = f"{share / difference:.0%} of it" if difference else f"{share:+.3f}"
    more = "more" if difference >= 0 else "less"
    others = f"; the other {n_rest:,} words {difference - share:+.3f}" if n_rest else ""
    subtitle = (
        f"{a} ({value_a:+.3f}) is {abs(difference):.3f} {more} positive than {b} "
        f"({value_b:+.3f}) in mean VADER compound. Each bar is a word's part of that "
        f"difference (right of 0: makes {a} more positive). Green: positive words, red: "
        f"negative; dark ↑: used more often in {a}, pale ↓: less often. The {len(shown)} "
        f"words shown make {covered}{others}."
    )
    heading = f"Word shift: {a} against {b}"
    return Chart(
        "wordshift",
        f"{title}: {heading[0].lower()}{heading[1:]}" if title else heading,
        subtitle,
        f"part of the difference in mean VADER compound ({a} − {b})",
        xlim,
        nice_ticks(xlim),
        None,
        [panel],
        size=(width_in, max(4.0, 2.0 + 0.27 * len(y))),
        meta={
            "a": a,
            "b": b,
            "value_a": value_a,
            "value_b": value_b,
            "difference": difference,
            "top": top,
        },
    )


def quote_around(sentence: str, word: str, limit: int = QUOTE_CHARS) -> str:
    """A few words of ``sentence`` around ``word``, in quotes."""
    import re

    text = " ".join(sentence.split())
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    if len(text) <= limit:
        return f"\u201c{text}\u201d"
    middle = found.start() if found else 0
    start = max(0, min(middle - limit // 3, len(text) - limit))
    end = start + limit
    if start and " " in text[start:middle]:  # begin and end on whole words
        start = text.index(" ", start) + 1
    if end < len(text) and found and " " in text[found.end() : end]:
        end = text.rindex(" ", found.end(), end)
    cut = text[start:end].strip()
    return f"\u201c{'…' if start else ''}{cut}{'…' if end < len(text) else ''}\u201d"


def _chars_across(width_in: float) -> float:
    """About how many characters of an 8.5 pt label fit across the axes."""
    return width_in * 0.88 * 72 / 4.9


def _label_room(values: list[float], labels: list[str]) -> int:
    """Characters the longest label right of zero and the longest left of it take together."""
    right = max((len(t) + 2 for v, t in zip(values, labels, strict=True) if v >= 0), default=0)
    left = max((len(t) + 2 for v, t in zip(values, labels, strict=True) if v < 0), default=0)
    return right + left


def _xlim(values: list[float], labels: list[str], width_in: float) -> tuple[float, float]:
    """An x range with room for each bar's label beyond its tip, and zero inside.

    A label of ``n`` characters takes ``n / chars_across`` of the axis, whatever its range:
    the range that fits them all is found by iterating to the fixed point.
    """
    low, high = min(0.0, *values), max(0.0, *values)
    data_span = (high - low) or 1.0
    chars_across = _chars_across(width_in)
    span = data_span
    need_low, need_high = low, high
    for _ in range(60):
        per_char = span / chars_across
        pairs = list(zip(values, labels, strict=True))
        need_low = min([v - (len(t) + 2) * per_char for v, t in pairs if v < 0] + [low])
        need_high = max([v + (len(t) + 2) * per_char for v, t in pairs if v >= 0] + [high])
        if need_high - need_low <= span * 1.0001:
            break
        span = min(need_high - need_low, data_span * 50)
    pad = span * 0.02
    return (need_low - pad, need_high + pad)
