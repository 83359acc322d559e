"""The word-shift chart as chart data: the words that set one stretch of a text above another.

Built from :func:`arc.word_shift`; drawn by :func:`arc.draw` like every chart. The bars are
the words that make most of the difference, largest first, on a scale fitted to them, in the
hedonometer's four kinds (a positive or negative word, used more or less often in the first
stretch), each kind a colour the legend keys. The subtitle is the verdict: how much more
positive the first stretch is, and whether positive or negative words make it so; the
caption, the figures behind it.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from arc.analysis.explanation import MEASURES
from arc.charts.captions import verdict
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
    SUBTITLE_FONT,
    SUBTITLE_LINES,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KIND_COLORS", "SHIFT_SIZE", "quote_around", "shift_verdict", "word_shift_chart"]

MINUS = "\u2212"
#: Each of the hedonometer's four kinds of word, its colour, in the legend's order: positive
#: words used more, then less often in the first stretch; negative words the same.
KIND_COLORS = {"+↑": POSITIVE, "+↓": PALE_POSITIVE, "-↑": NEGATIVE, "-↓": PALE_NEGATIVE}
_STORY = " of the story"


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
    after each word: ``+↑ +↓ −↑ −↓``), each kind keyed by the legend. Bars right of zero make
    the first stretch more positive than the second. ``title`` is the text's title: the
    chart's own title names the two stretches, and the text's goes in the subtitle when it
    fits in its two lines, in the caption otherwise.
    """
    if top < 1:
        raise ValueError("top must be a positive number of words")
    a, b = str(shift.attrs.get("segment_a", "a")), str(shift.attrs.get("segment_b", "b"))
    value_a, value_b = (
        float(shift.attrs.get("value_a", math.nan)),
        float(shift.attrs.get("value_b", math.nan)),
    )
    difference = float(shift.attrs.get("difference", shift["shift"].sum()))
    # Both stretches of the story: "0–50%" and "50–100% of the story" say it once.
    short_a = a.removesuffix(_STORY) if a.endswith(_STORY) and b.endswith(_STORY) else a
    shown = shift.head(top)
    y: list[float] = []
    values: list[float] = []
    colors: list[str] = []
    labels: list[str] = []
    for k, row in enumerate(shown.itertuples(index=False)):
        kind = _kind(float(row.valence), str(row.kind))
        colors.append(KIND_COLORS[kind])
        y.append(float(k))
        values.append(float(row.shift))
        labels.append(f"{row.word} {kind.replace('-', MINUS)}")
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
    keys = {
        color: f"{'positive' if kind[0] == '+' else 'negative'} word, "
        f"{'more' if kind[1] == '↑' else 'less'} often in {short_a} ({kind.replace('-', MINUS)})"
        for kind, color in KIND_COLORS.items()
    }
    bars = Bars(y, values, colors, labels, "words", keys=keys)
    panel = Panel("words", "", (len(y) - 0.4, -0.6), [], zero=False, bars=[bars])
    said = shift_verdict(shift)
    measure = MEASURES[str(shift.attrs.get("scorer", "vader"))]
    subtitle = said
    if title and _fits(f"In {title}, {said}", width_in):
        subtitle = f"In {title}, {said}"
    share = math.fsum(values)
    covered = f"{share / difference:.0%} of it" if difference else _number(share)
    others = f", the other {n_rest:,} words {_number(difference - share)}" if n_rest else ""
    positive, negative = _parts(shift)
    caption = verdict(
        title if title and subtitle == said else "",
        f"mean {measure}: {a} {_number(value_a)}, {b} {_number(value_b)}",
        f"each bar is one word's part of the difference (right of 0: it makes {short_a} more "
        f"positive); the parts of all {len(shift):,} words add up to it",
        f"the {len(shown)} words shown make {covered}{others}",
        f"positive words' parts add up to {_number(positive)}, negative words' to "
        f"{_number(negative)}",
        f"quotes: where each of the top {min(quotes, len(shown))} words is used (in {short_a} "
        "when it is used there)"
        if quotes and any("\u201c" in t for t in labels)
        else "",
    )
    return Chart(
        "wordshift",
        f"Word shift: {short_a} against {b}",
        subtitle,
        f"part of the difference in mean {measure} ({short_a} {MINUS} {b})",
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
            "positive_words": positive,
            "negative_words": negative,
        },
        caption=caption,
    )


def shift_verdict(shift: pd.DataFrame) -> str:
    """How much more positive the first stretch is, and which words make it so, in words.

    The difference is exactly the positive words' parts plus the negative words': the
    verdict names the larger in the difference's direction ("mostly fewer negative words")
    and the other, as it adds to it or works against it. Minus signs are true minuses.

    Examples
    --------
    >>> import arc
    >>> text = "I love it. Lovely day.\\n\\nIt is awful."
    >>> shift = arc.word_shift(
    ...     arc.explain(text=text, segment=0), arc.explain(text=text, segment=1)
    ... )
    >>> said = shift_verdict(shift)
    >>> said[: said.index(":")]
    'paragraph 0 is 1.070 more positive than paragraph 1'
    >>> said[said.index(":") + 2 :]
    'mostly more positive words (+0.611), then fewer negative words (+0.459)'
    """
    a, b = str(shift.attrs.get("segment_a", "a")), str(shift.attrs.get("segment_b", "b"))
    if a.endswith(_STORY) and b.endswith(_STORY):
        b = b.removesuffix(_STORY)
    difference = float(shift.attrs.get("difference", shift["shift"].sum()))
    positive, negative = _parts(shift)
    words = {
        "positive": "more positive words" if positive >= 0 else "fewer positive words",
        "negative": "fewer negative words" if negative >= 0 else "more negative words",
    }
    part = {"positive": positive, "negative": negative}
    if round(difference, 3) == 0:
        return (
            f"{a} is as positive as {b}: {words['positive']} ({_number(positive)}) and "
            f"{words['negative']} ({_number(negative)}) cancel out"
        )
    sign = 1.0 if difference > 0 else -1.0
    lead, other = sorted(part, key=lambda k: -sign * part[k])
    said = f"{a} is {abs(difference):.3f} {'more' if sign > 0 else 'less'} positive than {b}: "
    first = f"{words[lead]} ({_number(part[lead])})"
    second = f"{words[other]} ({_number(part[other])})"
    if sign * part[other] >= 0:
        return said + f"mostly {first}, then {second}"
    return said + f"{first} outweigh {second}"


def _kind(valence: float, kind: str) -> str:
    """The word's kind with an ASCII sign, as :data:`KIND_COLORS` keys it."""
    return ("+" if valence >= 0 else "-") + kind[-1]


def _parts(shift: pd.DataFrame) -> tuple[float, float]:
    """The positive words' parts of the difference and the negative words', summed."""
    positive = shift["valence"] >= 0
    return (
        math.fsum(shift.loc[positive, "shift"]),
        math.fsum(shift.loc[~positive, "shift"]),
    )


def _number(value: float) -> str:
    """A value with its sign and three decimals, the minus a true minus: '−0.003'."""
    return f"{value:+.3f}".replace("-", MINUS)


def _fits(subtitle: str, width_in: float) -> bool:
    """Whether a subtitle takes at most its lines, wrapped as the renderer wraps it."""
    chars = max(40, int(width_in * 0.775 * 72 / (SUBTITLE_FONT * 0.53)))
    return len(textwrap.wrap(subtitle, chars)) <= SUBTITLE_LINES


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
