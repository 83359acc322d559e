"""Every chart as plain data: what it shows, computed once, drawn by any renderer.

A chart builder (:mod:`arc.charts.story`, :mod:`arc.charts.smoothed`, ...) returns a
:class:`Chart`: its panels (each with one y scale, its points, lines, bars and annotations),
the chapter marks and labels, the title, subtitle and axis labels. Nothing here imports
matplotlib: :mod:`arc.charts.drawing` draws a :class:`Chart` on matplotlib Axes, and
:meth:`Chart.to_dict` gives the same data as JSON-able values for any other renderer
(:meth:`Chart.from_dict` reads them back).

Rules every chart keeps: each point and line is read against the axis of the panel it is
drawn on (no second y axis, ever); a line in the scorer's units shares its panel's scale
with nothing in other units; an annotation quotes the sentence that moves its value most in
its direction and is coloured by the value's sign.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import types
import typing
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from arc.charts.theme import (
    BAND_ALPHA,
    BAR_HEIGHT,
    BOOK_LINE,
    CHAPTER_LINE,
    FAINT_TURN,
    INK,
    LINE_WIDTH,
    NEGATIVE,
    NEUTRAL_BAND,
    NEUTRAL_GREY,
    POINT_SIZE,
    POSITIVE,
    RANGE,
    SHADE,
    SHADE_ALPHA,
    STORY_SIZE,
    UNCERTAINTY,
)

__all__ = [
    "SCHEMA_VERSION",
    "Annotation",
    "Band",
    "Bars",
    "Chapter",
    "Chart",
    "Key",
    "Label",
    "Line",
    "Panel",
    "Points",
    "Ranges",
    "Shade",
    "Turn",
    "floats",
]

#: The version of :meth:`Chart.to_dict`'s layout, recorded in it as ``"schema_version"``:
#: raised when a field is renamed or removed, so a reader can tell what it has.
SCHEMA_VERSION = 2


@dataclass
class Points:
    """Points on a panel: positions, colours, and how they look (``size`` in points²).

    ``overlay`` points are marks on other points (rings), not data of their own. ``keys``
    names what each colour means in the legend (``{colour: label}``, e.g. green: "positive
    paragraph"); without it, every point is keyed as ``label``.
    """

    x: list[float]
    y: list[float]
    colors: list[str]
    label: str
    size: float = POINT_SIZE
    alpha: float = 1.0
    hollow: bool = False
    rows: list[int] = field(default_factory=list)
    overlay: bool = False
    keys: dict[str, str] = field(default_factory=dict)


@dataclass
class Line:
    """A line on a panel; ``dashed`` draws it in dashes (a second kind of line on a panel).

    A NaN in ``y`` is a gap. ``key`` is the colour of its legend swatch when that is not the
    line's own: one kind of mark drawn in several colours (each text's stretches within
    chance, in its own colour) is keyed once, in a colour of its own. ``front`` draws it over
    the panel's other lines, whatever its place in the list (which is the legend's order):
    the line a chart is about, among others.
    """

    x: list[float]
    y: list[float]
    label: str
    color: str = INK
    width: float = LINE_WIDTH
    dashed: bool = False
    key: str = ""
    front: bool = False


@dataclass
class Ranges:
    """Vertical bars from ``low`` to ``high`` at each ``x`` (a paragraph's sentence range)."""

    x: list[float]
    low: list[float]
    high: list[float]
    label: str
    color: str = RANGE


@dataclass
class Band:
    """A shaded area from ``low`` to ``high`` along ``x``: an uncertainty band or an envelope.

    ``hatch`` draws it as a hatch between dashed bounds instead of a fill (the chance
    envelope, read as a boundary and seen through the bands over it).
    """

    x: list[float]
    low: list[float]
    high: list[float]
    label: str
    color: str = UNCERTAINTY
    alpha: float = BAND_ALPHA
    hatch: bool = False


@dataclass
class Shade:
    """A stretch of the x axis, ``x0`` to ``x1``, shaded across the panel (low coverage)."""

    x0: float
    x1: float
    label: str
    color: str = SHADE
    alpha: float = SHADE_ALPHA


@dataclass
class Bars:
    """Horizontal bars from 0 to ``value`` at rows ``y``, each labelled at its tip.

    A word shift's words: the label goes right of a positive bar and left of a negative one.
    ``keys`` names what each colour means in the legend (``{colour: label}``), in the
    legend's order. ``low`` and ``high``, when given, are an interval around each value
    (e.g. a 95% interval of a correlation; NaN: none), drawn as a line with end ticks over
    the bar and keyed as ``interval``; the bar's label goes beyond it.
    """

    y: list[float]
    value: list[float]
    colors: list[str]
    labels: list[str]
    label: str
    height: float = BAR_HEIGHT
    keys: dict[str, str] = field(default_factory=dict)
    low: list[float] = field(default_factory=list)
    high: list[float] = field(default_factory=list)
    interval: str = ""

    def intervals(self) -> list[tuple[float, float, float]]:
        """The drawn intervals: ``(y, low, high)`` for each bar whose interval is finite."""
        if not self.low and not self.high:
            return []
        return [
            (at, lo, hi)
            for at, lo, hi in zip(self.y, self.low, self.high, strict=True)
            if math.isfinite(lo) and math.isfinite(hi)
        ]


@dataclass
class Turn:
    """A turning point: a marker (▲ peak, ▼ valley) at ``(x, y)`` and a boxed label.

    The label is drawn at ``(text_x, text_y)``, aligned ``ha`` and centred vertically;
    ``box`` is the room reckoned for it, ``(x0, x1, y0, y1)`` in data units, and no two
    turns' boxes overlap. A thin leader goes from the marker straight up (peak) or down
    (valley) to the box, in ``row`` 0 nearest the arc. A turn whose label found no room has
    an empty ``text`` and ``row`` −1. ``index`` and ``chapter`` locate the turn in the frame.
    ``color`` is the sign of the quoted sentence's own score; a ``faint`` turn lies inside
    the chance envelope: drawn hollow and grey, never quoted.
    """

    x: float
    y: float
    kind: str
    color: str
    text: str
    text_x: float
    text_y: float
    box: tuple[float, float, float, float]
    row: int = 0
    sentence: str = ""
    ha: str = "center"
    index: int | None = None
    chapter: str | None = None
    faint: bool = False


@dataclass
class Annotation:
    """A boxed caption at ``(text_x, text_y)`` pointing at the point ``(x, y)``.

    ``lift`` moves the box that many points further from the arc (up when ``va`` is
    "bottom", down when "top"): a box stacked over another is one box-height out, whatever
    the panel's height in inches.
    """

    x: float
    y: float
    text: str
    kinds: list[str]
    color: str
    text_x: float
    text_y: float
    ha: str
    va: str
    row: int | None = None
    sentence: str = ""
    lift: float = 0.0


@dataclass
class Label:
    """A small grey text at a data position (paratext roles on the story chart)."""

    x: float
    y: float
    text: str
    rotation: float = 0.0


@dataclass
class Panel:
    """One y scale and everything read against it.

    ``ylim`` is the visible range, ``yticks`` its ticks (``ytick_labels`` when they are not
    plain numbers), ``spine`` the stretch of the axis line. ``neutral`` is the half-width of
    the shaded neutral zone around 0 (``None``: none); ``zero`` draws the zero line;
    ``signs`` writes "positive"/"negative" beside the axis. ``height`` is relative.
    """

    name: str
    ylabel: str
    ylim: tuple[float, float]
    yticks: list[float]
    ytick_labels: list[str] | None = None
    spine: tuple[float, float] | None = None
    neutral: float | None = None
    zero: bool = True
    signs: bool = False
    height: float = 1.0
    turns: list[Turn] = field(default_factory=list)
    points: list[Points] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    ranges: list[Ranges] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    bars: list[Bars] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    shades: list[Shade] = field(default_factory=list)


@dataclass
class Key:
    """One legend entry: a swatch of ``mark`` in ``color`` and what it stands for.

    ``mark`` is one of :data:`KEY_MARKS`; ``alpha`` and ``width`` are the swatch's opacity
    and line width, as the mark is drawn.
    """

    label: str
    mark: str
    color: str
    alpha: float = 1.0
    width: float = LINE_WIDTH


#: The kinds of legend swatch, one per kind of mark a chart draws, in the legend's order:
#: the data, its turns, then how far to trust it, then the guides.
KEY_MARKS = (
    "line",
    "dashed line",
    "bar",
    "point",
    "hollow point",
    "peak",
    "valley",
    "faint turn",
    "range",
    "band",
    "hatch",
    "ring",
    "neutral",
    "strip",
    "book",
    "chapter",
    "interval",
)

#: Sentiment colours first, in this order, when one set of points is keyed by colour.
_KEY_ORDER = {POSITIVE: 0, NEUTRAL_GREY: 1, NEGATIVE: 2}


@dataclass
class Chapter:
    """A chapter start on the x axis; ``label`` is drawn when not empty, in row ``tier``."""

    x: float
    name: str
    major: bool
    label: str = ""
    tier: int = 0


@dataclass
class Chart:
    """A whole chart: panels stacked top to bottom on one shared x axis."""

    kind: str
    title: str
    subtitle: str
    xlabel: str
    xlim: tuple[float, float]
    xticks: list[float]
    xtick_labels: list[str] | None
    panels: list[Panel]
    chapters: list[Chapter] = field(default_factory=list)
    chapter_rows: int = 0
    size: tuple[float, float] = STORY_SIZE
    meta: dict[str, Any] = field(default_factory=dict)
    caption: str = ""

    def legend(self) -> list[Key]:
        """The legend: one entry per kind of mark drawn, and nothing that is not drawn.

        Read from the marks themselves (every labelled line, point colour, band, range,
        turn, strip, bar colour, the neutral zone, chapter lines), so a mark cannot go
        unkeyed and a key cannot outlive its mark. Entries with the same label are one.
        """
        keys: list[Key] = []
        for p in self.panels:
            keys.extend(_panel_keys(p))
        if any(c.major for c in self.chapters):
            keys.append(Key("start of a book", "book", BOOK_LINE, width=0.9))
        if any(not c.major for c in self.chapters):
            keys.append(Key("start of a chapter", "chapter", CHAPTER_LINE, width=0.6))
        keys.sort(key=lambda k: KEY_MARKS.index(k.mark))  # stable: data, turns, then trust
        seen: dict[str, Key] = {}
        for key in keys:
            if key.label:
                seen.setdefault(key.label, key)
        return list(seen.values())

    def panel(self, name: str) -> Panel:
        """The panel called ``name`` ("arc", "points")."""
        return next(p for p in self.panels if p.name == name)

    def texts(self) -> Iterator[str]:
        """Every string the chart shows (for choosing fonts that have their glyphs)."""
        yield from (self.title, self.subtitle, self.caption, self.xlabel)
        yield from self.xtick_labels or []
        yield from (k.label for k in self.legend())
        for c in self.chapters:
            yield c.label
        for p in self.panels:
            yield p.ylabel
            yield from p.ytick_labels or []
            yield from (t.text for t in p.turns)
            yield from (a.text for a in p.annotations)
            yield from (lb.text for lb in p.labels)
            yield from (line.label for line in p.lines)
            yield from (pts.label for pts in p.points)
            for bars in p.bars:
                yield from bars.labels
            yield from (b.label for b in p.bands)
            yield from (sh.label for sh in p.shades)

    def to_dict(self) -> dict[str, Any]:
        """The chart as plain JSON-able values (lists, numbers, strings, None).

        The first key, ``"schema_version"``, is :data:`SCHEMA_VERSION`; the others are the
        fields, nested as the dataclasses are (a NaN is ``None``, a tuple a list).
        """
        return {"schema_version": SCHEMA_VERSION, **_plain(asdict(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chart:
        """The chart that :meth:`to_dict` gave ``data`` for.

        ``Chart.from_dict(c.to_dict()).to_dict() == c.to_dict()`` for every chart. Tuples come
        back as tuples and ``None`` in a number's place as NaN, so the chart draws as the
        original does. A dict without ``"schema_version"`` is read as version 1; another
        version raises ``ValueError``.
        """
        version = data.get("schema_version", 1)
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"chart data of schema version {version!r}; this arc reads {SCHEMA_VERSION}"
            )
        return _build(cls, {k: v for k, v in data.items() if k != "schema_version"})

    def digest(self) -> str:
        """A short fingerprint of what the chart shows (numbers to 4 decimals).

        Saved in PNG files, so a test can tell that a committed image is out of date
        without comparing pixels, which differ between matplotlib versions. The schema
        version is left out: it says how the data is written, not what the chart shows.
        """
        text = json.dumps(_rounded(_plain(asdict(self))), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _panel_keys(p: Panel) -> Iterator[Key]:
    """The legend entries of one panel's marks, in the order a reader meets them."""
    for line in p.lines:
        mark = "dashed line" if line.dashed else "line"
        yield Key(line.label, mark, line.key or line.color, 1.0, line.width)
    for pts in p.points:
        mark = "ring" if pts.overlay else "hollow point" if pts.hollow else "point"
        if pts.keys:
            present = sorted(set(pts.colors), key=lambda c: (_KEY_ORDER.get(c, 9), c))
            for color in present:
                yield Key(pts.keys.get(color, pts.label), mark, color, max(pts.alpha, 0.6))
        elif pts.x:
            yield Key(pts.label, mark, pts.colors[0] if pts.colors else INK, max(pts.alpha, 0.6))
    for spread in p.ranges:
        yield Key(spread.label, "range", spread.color)
    for band in p.bands:
        yield Key(band.label, "hatch" if band.hatch else "band", band.color, band.alpha)
    if p.neutral:
        yield Key(f"neutral zone (±{p.neutral:g})", "neutral", NEUTRAL_BAND, 0.45)
    quoted = [t for t in p.turns if not t.faint]
    if any(t.kind == "peak" for t in quoted):
        yield Key("peak (a turning point)", "peak", INK)
    if any(t.kind == "valley" for t in quoted):
        yield Key("valley (a turning point)", "valley", INK)
    if any(t.faint for t in p.turns):
        yield Key("turn within chance (not quoted)", "faint turn", FAINT_TURN)
    for shade in p.shades:
        yield Key(shade.label, "strip", shade.color, shade.alpha)
    for bars in p.bars:
        drawn = dict.fromkeys(bars.colors)
        for color in [c for c in bars.keys if c in drawn] + [
            c for c in drawn if c not in bars.keys
        ]:
            yield Key(bars.keys.get(color, bars.label), "bar", color)
        if bars.intervals():
            yield Key(bars.interval, "interval", INK, width=1.2)


def floats(values: Any) -> list[float]:
    """Values (a column, an array, a list) as a list of Python floats, as chart data keeps them."""
    return [float(v) for v in np.asarray(values, dtype=float)]


def _rounded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, float):
        return round(value, 4) + 0.0
    return value


def _plain(value: Any) -> Any:
    """Tuples to lists, NaN to None, numpy scalars to Python: JSON-able all the way down."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _build(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass ``cls`` from its plain fields, each read by its type hint."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {', '.join(map(repr, unknown))}")
    return cls(**{name: _read(hints[name], value) for name, value in data.items()})


def _read(hint: Any, value: Any) -> Any:
    """One plain value as the type ``hint`` says: dataclasses built, tuples made, None as NaN."""
    if value is None:
        return math.nan if hint is float else None
    origin = typing.get_origin(hint)
    if origin is types.UnionType or origin is typing.Union:
        kinds = [h for h in typing.get_args(hint) if h is not type(None)]
        return _read(kinds[0], value) if len(kinds) == 1 else value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_read(item, v) for v in value]
    if origin is tuple:
        return tuple(_read(h, v) for h, v in zip(typing.get_args(hint), value, strict=True))
    if origin is dict:
        return dict(value)
    return value
