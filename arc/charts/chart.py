"""Every chart as plain data: what it shows, computed once, drawn by any renderer.

A chart builder takes a frame from :func:`arc.analyze` (or :func:`arc.compare`) and returns a
:class:`Chart`: its panels (each with one y scale, its points, lines, bars and annotations),
the chapter marks and labels, the title, subtitle and axis labels. Nothing here imports
matplotlib: :mod:`arc.charts.drawing` draws a :class:`Chart` on matplotlib Axes, and
:meth:`Chart.to_dict` gives the same data as JSON-able values for any other renderer.

Rules every chart keeps: each point and line is read against the axis of the panel it is
drawn on (no second y axis, ever); a line in the scorer's units shares its panel's scale
with nothing in other units; an annotation quotes the sentence that moves its value most in
its direction and is coloured by the value's sign.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.labels import display_title, driving_sentence, excerpt
from arc.analysis.smoothers import SMOOTHERS, smoother_caption
from arc.analysis.timeline import chapter_starts, smoothed_arc, story_values, unit_time
from arc.analysis.turns import PROMINENCE_SHARE, turning_points
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER, is_long
from arc.score.scorers import scorer_info
from arc.text.paratext import STORY_ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Annotation",
    "Band",
    "Bars",
    "Chapter",
    "Chart",
    "Label",
    "Line",
    "Panel",
    "Points",
    "Ranges",
    "Shade",
    "Turn",
    "chart_for",
    "compare_chart",
    "display_title",
    "driving_sentence",
    "excerpt",
    "low_coverage",
    "methods_chart",
    "smoothed_chart",
    "story_chart",
]

POSITIVE = "#1a9850"
NEGATIVE = "#d73027"
NEUTRAL_GREY = "#8a8a8a"
INK = "#333333"
RANGE = "#6b8cae"
#: Line colours for several lines on one panel (smoothers compared, texts compared).
PALETTE = ("#1f78b4", "#e66101", "#6a3d9a", "#1b9e77", "#b2182b", "#666666", "#a6761d", "#e7298a")
#: The nominal figure sizes (inches) the layout of labels is computed for.
STORY_SIZE = (10.0, 5.6)
LONG_SIZE = (11.0, 6.4)
#: Rows of chapter labels above the top panel.
LABEL_ROWS = 3
#: Legend entries are cut to this many characters.
MAX_LEGEND_CHARS = 48
#: More points than this are drawn small and faint (and rasterised in vector files).
DENSE_POINTS = 2000
#: This many points or fewer are drawn large, like the story chart's.
FEW_POINTS = 200
#: With more chapters than this, a text with books draws only the books' lines.
MAX_DRAWN_CHAPTERS = 120
#: Turning-point labels: characters quoted, font size (pt), rows of labels above (peaks) and
#: below (valleys) the arc, and the arc panel's height (in) their room is reckoned for: less
#: than the drawn panel's (about 3.5 in), so the reckoned boxes are, if anything, too tall.
TURN_CHARS = 36
TURN_FONT = 7.5
TURN_ROWS = 3
TURN_PANEL_HEIGHT = 3.0


# ------------------------------------------------------------------------------ the data


@dataclass
class Points:
    """Points on a panel: positions, colours, and how they look (``size`` in points²).

    ``overlay`` points are marks on other points (rings), not data of their own.
    """

    x: list[float]
    y: list[float]
    colors: list[str]
    label: str
    size: float = 40.0
    alpha: float = 1.0
    hollow: bool = False
    rows: list[int] = field(default_factory=list)
    overlay: bool = False


@dataclass
class Line:
    """A line on a panel; ``fill`` shades it to zero, green above and red below."""

    x: list[float]
    y: list[float]
    label: str
    color: str = INK
    width: float = 2.0
    fill: bool = False


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

    ``outline`` draws its edges as thin lines too (an envelope read as a boundary).
    """

    x: list[float]
    low: list[float]
    high: list[float]
    label: str
    color: str = RANGE
    alpha: float = 0.25
    outline: bool = False


@dataclass
class Shade:
    """A stretch of the x axis, ``x0`` to ``x1``, shaded across the panel (low coverage)."""

    x0: float
    x1: float
    label: str
    color: str = "#8e7cc3"
    alpha: float = 0.12


@dataclass
class Bars:
    """Horizontal bars from 0 to ``value`` at rows ``y``, each labelled at its tip.

    A word shift's words: the label goes right of a positive bar and left of a negative one.
    """

    y: list[float]
    value: list[float]
    colors: list[str]
    labels: list[str]
    label: str
    height: float = 0.72


@dataclass
class Turn:
    """A turning point: a marker (▲ peak, ▼ valley) at ``(x, y)`` and a boxed label.

    The label is drawn at ``(text_x, text_y)``, aligned ``ha`` and centred vertically;
    ``box`` is the room reckoned for it, ``(x0, x1, y0, y1)`` in data units, and no two
    turns' boxes overlap. A thin leader goes from the marker straight up (peak) or down
    (valley) to the box, in ``row`` 0 nearest the arc. A turn whose label found no room has
    an empty ``text`` and ``row`` −1. ``index`` and ``chapter`` locate the turn in the frame.
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


@dataclass
class Annotation:
    """A boxed caption at ``(text_x, text_y)`` pointing at the point ``(x, y)``."""

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
    the shaded neutral band around 0 (``None``: no band); ``zero`` draws the zero line;
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
    legend: bool = False
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

    def panel(self, name: str) -> Panel:
        """The panel called ``name`` ("arc", "points")."""
        return next(p for p in self.panels if p.name == name)

    def texts(self) -> Iterator[str]:
        """Every string the chart shows (for choosing fonts that have their glyphs)."""
        yield from (self.title, self.subtitle, self.xlabel, *(self.xtick_labels or []))
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
        """The chart as plain JSON-able values (lists, numbers, strings, None)."""
        return _plain(asdict(self))

    def digest(self) -> str:
        """A short fingerprint of what the chart shows (numbers to 4 decimals).

        Saved in PNG files, so a test can tell that a committed image is out of date
        without comparing pixels, which differ between matplotlib versions.
        """
        text = json.dumps(_rounded(self.to_dict()), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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


# ----------------------------------------------------------------------------- shared bits


def _title_and_note(df: pd.DataFrame, title: str | None) -> tuple[str, str]:
    """The chart title and what the subtitle says about it (a byline, or where it came from)."""
    if title:
        return title, ""
    author = df.attrs.get("author")
    by = f"by {author} · " if author else ""
    if df.attrs.get("title"):
        return str(df.attrs["title"]), by
    name = df.attrs.get("name")
    if name:
        return str(name), f"{by}no title found in the text; showing the file name · "
    return "Untitled", f"{by}no title found in the text · "


def _tone(values: np.ndarray, neutral: float) -> list[str]:
    """Green above the neutral band, red below it, grey inside it."""
    return np.where(
        values > neutral, POSITIVE, np.where(values < -neutral, NEGATIVE, NEUTRAL_GREY)
    ).tolist()


def _color(value: float, neutral: float) -> str:
    return POSITIVE if value > neutral else NEGATIVE if value < -neutral else NEUTRAL_GREY


def _floats(values: Any) -> list[float]:
    return [float(v) for v in np.asarray(values, dtype=float)]


def narrative_axis() -> tuple[str, tuple[float, float], list[float], list[str]]:
    """The shared x axis of narrative time: label, 0–100 % limits, ticks every 10 %, labels."""
    ticks = [float(t) for t in range(0, 101, 10)]
    return ("narrative time (share of the story)", (0.0, 100.0), ticks, [f"{t:g}%" for t in ticks])


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def _scale(df: pd.DataFrame) -> type:
    """The scorer's declaration (label, range, neutral band) for a frame."""
    return scorer_info(str(df.attrs.get("scorer") or "vader"))


# ----------------------------------------------------------------------------- story chart


def story_chart(
    df: pd.DataFrame,
    *,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    band: bool = True,
    null: bool = True,
    width: float | None = None,
) -> Chart:
    """The story chart of a paragraph frame: one point per paragraph on the scorer's scale.

    The x axis is the frame's ``index`` column, so a point is found in ``arc score``'s
    table by its number. Each point has a bar over its sentences' range; the lowest, highest
    and last story paragraphs are annotated with the sentence that moved them most. Captions
    are laid out for a figure ``width`` inches wide (default: the chart's own size).

    Examples
    --------
    >>> import arc
    >>> chart = story_chart(arc.analyze())
    >>> chart.title, chart.panel("arc").points[0].x[:3]
    ('Final Goodbyes', [2.0, 3.0, 4.0])
    """
    scorer = _scale(df)
    lo, hi = scorer.value_range
    story_mask = df["role"].isin(STORY_ROLES)
    rows = df if include_paratext else df[story_mask]
    title, note = _title_and_note(df, title)
    margin = (hi - lo) * 0.21  # annotation boxes live beyond the value range
    panel = Panel(
        "arc",
        f"sentiment ({scorer.label})",
        (lo - margin, hi + margin),
        _floats(np.linspace(lo, hi, 5)),
        spine=(lo, hi),
        neutral=scorer.neutral,
        signs=True,
    )
    n_story = int(story_mask.sum())
    if rows.empty:
        return Chart("story", title, note.rstrip(" ·"), "", (0.0, 1.0), [], None, [panel])
    x = _floats(rows["index"])
    y = rows[value].to_numpy(dtype=float)
    story = rows["role"].isin(STORY_ROLES).to_numpy()
    spread = {"compound_min", "compound_max"} <= set(rows) and value == "compound"
    xs = np.asarray(x)
    if spread:
        panel.ranges.append(
            Ranges(
                _floats(xs[story]),
                _floats(rows["compound_min"][story]),
                _floats(rows["compound_max"][story]),
                "the range of its sentences",
            )
        )
    panel.lines.append(
        Line(_floats(xs[story]), _floats(y[story]), _value_label(value), width=1.8, fill=True)
    )
    panel.points.append(
        Points(
            _floats(xs[story]),
            _floats(y[story]),
            _tone(y[story], scorer.neutral),
            "story paragraph",
            size=46,
            rows=[int(i) for i in rows.index[story]],
        )
    )
    if not story.all():
        panel.points.append(
            Points(
                _floats(xs[~story]),
                _floats(y[~story]),
                [NEUTRAL_GREY] * int((~story).sum()),
                "paratext",
                size=40,
                hollow=True,
                rows=[int(i) for i in rows.index[~story]],
            )
        )
        for xi, role in _role_runs(xs, rows["role"].to_numpy(), story):
            panel.labels.append(Label(xi, lo + 0.03 * (hi - lo), role, rotation=90))
    honest = _story_honesty(df, rows, story, value, band=band, null=null)
    if honest is not None:
        panel.bands = [b for b in _honest_bands(honest) if b.color != BEYOND]
        if panel.bands:
            panel.lines[0].fill = False
        low, high = honest["null_low"].to_numpy(), honest["null_high"].to_numpy()
        beyond = (y[story] > high) | (y[story] < low)
        if beyond.any():  # single paragraphs: ringed, as a stretch of a line is shaded
            panel.points.append(
                Points(
                    _floats(xs[story][beyond]),
                    _floats(y[story][beyond]),
                    [BEYOND] * int(beyond.sum()),
                    "beyond the envelope",
                    size=170,
                    hollow=True,
                    overlay=True,
                )
            )
    xlim = (min(x) - 0.6, max(x) + 0.6)
    if annotate:
        panel.annotations = _story_annotations(
            df, rows, value, scorer, xlim, width or STORY_SIZE[0]
        )
    left_out = sorted(set(df["role"]) - set(rows["role"]))
    how = f"the mean {scorer.label} of its sentences" if value == "compound" else value
    parts = [
        f"{UNITS['paragraph'].noun(n_story).replace('paragraph', 'story paragraph')}",
        f"each point: {how}" + (" · bars: its sentences' range" if spread else ""),
        f"grey band: neutral (±{scorer.neutral:g})",
        "x: the index column of arc score",
    ]
    if left_out:
        parts.append(f"left out: {', '.join(left_out)}")
    parts.extend(_honest_caption(honest, "gold rings"))
    coverage = _text_coverage(df)
    if coverage is not None:
        low = _low_paragraphs(rows[story], coverage, _span_share(DEFAULT_SMOOTHER, {}))
        panel.shades = _coverage_shades(low)
        parts.append(_coverage_caption(coverage, bool(low)))
    found = _shape_of(df, DEFAULT_SMOOTHER, value, {})
    if found is not None:
        parts.insert(0, _shape_caption(found, "its rolling mean"))
    ticks = x if len(x) <= 30 else _floats(np.unique(np.linspace(min(x), max(x), 11).round()))
    return Chart(
        "story",
        title,
        note + " · ".join(parts),
        "paragraph (its index in the table), in narrative order",
        xlim,
        ticks,
        [f"{t:g}" for t in ticks],
        [panel],
        size=STORY_SIZE,
        meta={"unit": "paragraph", "value": value, "scorer": scorer.name},
    )


def _story_honesty(
    df: pd.DataFrame,
    rows: pd.DataFrame,
    story: np.ndarray,
    value: str,
    *,
    band: bool,
    null: bool,
) -> pd.DataFrame | None:
    """The story chart's band and envelope per story paragraph, or None (neither, no text).

    As :func:`smoothed_arc` has them: a bootstrap of each paragraph's own sentences, and the
    word-salad envelope of the paragraph means (:mod:`arc.analysis.uncertainty`).
    """
    import pandas as pd

    from arc.analysis.frame import sentence_frame
    from arc.analysis.uncertainty import (
        SEED,
        frame_weights,
        null_envelope,
        outside,
        paragraph_band,
        salad_scores,
    )

    if value != "compound" or not (band or null) or "text" not in df or not story.any():
        return None
    found = frame_weights(df)
    if found is None:
        return None
    weights, texts = found
    x = rows["index"].to_numpy(dtype=float)[story]
    y = rows[value].to_numpy(dtype=float)[story]
    nan = np.full(len(y), np.nan)
    line = pd.DataFrame(
        {"time": x, "value": y, "low": nan, "high": nan, "null_low": nan, "null_high": nan}
    )
    if band:
        sentences = sentence_frame(df)
        body = sentences[sentences["role"].isin(STORY_ROLES)]
        low, high, line.attrs["band"] = paragraph_band(
            body["compound"].to_numpy(dtype=float), body["paragraph"].to_numpy(), seed=SEED
        )
        line["low"], line["high"] = low, high
    if null:
        salad = salad_scores(texts, str(df.attrs.get("scorer") or "vader"), SEED)
        low, high, info = null_envelope(y, y, salad, weights, None, {}, seed=SEED)
        line["null_low"], line["null_high"] = low, high
        info.update(outside(y, low, high, np.arange(len(y)) / max(1, len(y) - 1) * 100))
        line.attrs["null"] = info
    return line


# ---------------------------------------------------------------------- lexicon coverage

#: The label of the first low-coverage stretch on a chart (the others repeat it silently).
LOW_COVERAGE = "low lexicon coverage"


def _text_coverage(df: pd.DataFrame) -> float | None:
    """The share of the story's words the lexicon knows: ``df.attrs["coverage"]``.

    A frame without that record (one built by hand) gets the word-weighted mean of its story
    rows' ``coverage``; a frame without the column gets ``None`` (nothing to say).
    """
    kept = df.attrs.get("coverage")
    if isinstance(kept, int | float) and math.isfinite(kept):
        return float(kept)
    story = story_values(df)
    if "coverage" not in story:
        return None
    ratio, weight = _coverage_weights(story)
    return float(np.sum(ratio * weight) / weight.sum()) if weight.sum() > 0 else None


def _coverage_weights(story: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's coverage (0 where it has none) and its weight: its words, else 1."""
    ratio = story["coverage"].to_numpy(dtype=float)
    # Percentage bins have no n_words: they are equal slices of the sentences.
    weight = story["n_words"].to_numpy(dtype=float) if "n_words" in story else np.ones(len(ratio))
    weight = np.where(np.isnan(ratio), 0.0, weight)
    return np.nan_to_num(ratio), weight


def low_coverage(story: pd.DataFrame, coverage: float, share: float) -> np.ndarray:
    """Which story units lie in a stretch of low lexicon coverage, as a boolean array.

    The units' coverage is averaged over a centred window of ``share`` of them (rounded half
    up, made odd, shrinking at the ends, as the rolling mean does), each weighted by its words;
    a unit is in a low stretch when that average falls below half of ``coverage``, the text's
    own. The rule is relative, so it asks the same of every text.

    Examples
    --------
    >>> import pandas as pd
    >>> story = pd.DataFrame({"coverage": [0.1] * 4 + [0.0] * 3 + [0.1] * 4, "n_words": 10})
    >>> low_coverage(story, 0.1, 0.3).astype(int).tolist()
    [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0]
    """
    ratio, weight = _coverage_weights(story)
    n = len(ratio)
    if n == 0 or coverage <= 0:
        return np.zeros(n, dtype=bool)
    width = max(1, math.floor(share * n + 0.5))
    half = (width + 1 if width % 2 == 0 else width) // 2
    known = np.concatenate([[0.0], np.cumsum(ratio * weight)])
    words = np.concatenate([[0.0], np.cumsum(weight)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, n)
    inside = words[hi] - words[lo]
    mean = np.divide(known[hi] - known[lo], inside, out=np.full(n, np.inf), where=inside > 0)
    return mean < coverage / 2


def _stretches(
    x: np.ndarray, low: np.ndarray, edges: tuple[float, float]
) -> list[tuple[float, float]]:
    """The runs of ``low`` units as ``(x0, x1)``: halfway to the neighbours, or the axis edge."""
    out = []
    k, n = 0, len(x)
    while k < n:
        if not low[k]:
            k += 1
            continue
        j = k
        while j + 1 < n and low[j + 1]:
            j += 1
        x0 = (x[k - 1] + x[k]) / 2 if k > 0 else edges[0]
        x1 = (x[j] + x[j + 1]) / 2 if j + 1 < n else edges[1]
        out.append((float(x0), float(x1)))
        k = j + 1
    return out


def _low_paragraphs(
    story: pd.DataFrame, coverage: float, share: float
) -> list[tuple[float, float]]:
    """The story paragraphs in low-coverage stretches (:func:`low_coverage`), as ``index ± 0.5``.

    Judged over ``share`` of the paragraphs (a text of 14 or fewer: each paragraph alone), so
    a story of many short lines of dialogue is not striped paragraph by paragraph. Neighbouring
    paragraphs merge into one stretch; paratext is never among them.
    """
    if "coverage" not in story:
        return []
    out: list[tuple[float, float]] = []
    low = low_coverage(story, coverage, share)
    for index in story["index"].to_numpy()[low].tolist():
        if out and out[-1][1] == index - 0.5:
            out[-1] = (out[-1][0], index + 0.5)
        else:
            out.append((index - 0.5, index + 0.5))
    return out


def _coverage_shades(stretches: list[tuple[float, float]]) -> list[Shade]:
    return [Shade(x0, x1, LOW_COVERAGE if k == 0 else "") for k, (x0, x1) in enumerate(stretches)]


def _coverage_caption(coverage: float, shaded: bool) -> str:
    caption = f"lexicon coverage {coverage:.1%} of words"
    return caption + " (lilac: under half)" if shaded else caption


def _value_label(value: str) -> str:
    if value == "compound":
        return "paragraph sentiment (mean of its sentences)"
    return f"paragraph sentiment ({value})"


def _role_runs(x: np.ndarray, roles: np.ndarray, story: np.ndarray) -> list[tuple[float, str]]:
    """One label per run of consecutive paratext rows with the same role, at its middle."""
    out = []
    start = None
    for k in range(len(roles) + 1):
        same = k < len(roles) and not story[k] and start is not None and roles[k] == roles[start]
        if same:
            continue
        if start is not None:
            out.append((float(x[start:k].mean()), str(roles[start])))
            start = None
        if k < len(roles) and not story[k]:
            start = k
    return out


def _story_annotations(
    df: pd.DataFrame,
    rows: pd.DataFrame,
    value: str,
    scorer: Any,
    xlim: tuple[float, float],
    width_in: float,
) -> list[Annotation]:
    """The lowest, highest and last story paragraphs, each quoting its driving sentence."""
    story = rows[rows["role"].isin(STORY_ROLES)]
    if story.empty:
        return []
    values = story[value].astype(float)
    picks: dict[int, list[str]] = {}
    if values.max() > values.min():
        picks.setdefault(int(values.idxmin()), []).append("lowest")
        picks.setdefault(int(values.idxmax()), []).append("highest")
    picks.setdefault(int(story.index[-1]), []).append("ending")
    lo, hi = scorer.value_range
    notes = []
    for row, kinds in picks.items():
        v = float(df.at[row, value])
        down = "lowest" in kinds or ("highest" not in kinds and v < 0)
        sentence = driving_sentence(
            str(df.at[row, "text"]), down=down, scorer=str(df.attrs.get("scorer") or "vader")
        )
        caption = f"{', '.join(kinds)} ({_signed(v)}): \u201c{excerpt(sentence)}\u201d"
        notes.append((float(df.at[row, "index"]), v, kinds, caption, row, sentence, down))
    placed = _place_labels(notes, xlim, width_in, lo, hi)
    return [
        Annotation(x, y, caption, kinds, _color(y, scorer.neutral), tx, ty, ha, va, row, sentence)
        for (x, y, kinds, caption, row, sentence, _), (tx, ty, ha, va) in zip(
            notes, placed, strict=True
        )
    ]


def _place_labels(
    notes: Sequence[tuple], xlim: tuple[float, float], width_in: float, lo: float, hi: float
) -> list[tuple[float, float, str, str]]:
    """Where each caption goes, ``(x, y, ha, va)``: in the margins beyond the value range.

    Lows go below the range, the rest above it, so a caption never covers a point; captions
    near the edges are aligned inwards, and one that would cover an earlier caption moves
    one box-height further out.
    """
    span = xlim[1] - xlim[0]
    chars_across = width_in * 0.92 * 72 / 4.4  # 8.5 pt text: about 4.4 pt a character
    height = (hi - lo) * 0.09
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for x, _y, kinds, caption, _row, _sentence, down in notes:
        above = not down or "highest" in kinds
        frac = (x - xlim[0]) / span
        ha = "right" if frac > 0.7 else "left" if frac < 0.3 else "center"
        tx = x + {"right": -1.0, "left": 1.0, "center": 0.0}[ha] * 0.015 * span
        width = len(caption) * span / chars_across
        x0 = {"right": tx - width, "left": tx, "center": tx - width / 2}[ha]
        for tier in range(3):
            ty = hi + (hi - lo) * 0.025 + tier * height * 1.15
            box = (x0, x0 + width, ty, ty + height)
            if not above:
                ty = lo - (hi - lo) * 0.025 - tier * height * 1.15
                box = (x0, x0 + width, ty - height, ty)
            if not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        out.append((tx, ty, ha, "bottom" if above else "top"))
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


# -------------------------------------------------------------------------- smoothed charts


def smoothed_chart(
    df: pd.DataFrame,
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
        df,
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
    df: pd.DataFrame,
    *,
    title: str | None = None,
    value: str = "compound",
    width: float | None = None,
) -> Chart:
    """Every smoother's line on one panel, in the scorer's units, over a strip of the points."""
    return _smoothed(
        df,
        list(SMOOTHERS),
        title=title,
        value=value,
        points=True,
        chapters=True,
        params={},
        width=width,
    )


def _smoothed(
    df: pd.DataFrame,
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
    scorer = _scale(df)
    unit = UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"])
    story = story_values(df)
    title, note = _title_and_note(df, title)
    x = unit_time(story)
    y = story[value].to_numpy(dtype=float)
    several = len(methods) > 1
    lines = []
    bands: list[Band] = []
    honest = None
    for k, method in enumerate(methods):
        alone = not several
        line = (
            smoothed_arc(df, method, value, band=band and alone, null=null and alone, **params)
            if len(story)
            else None
        )
        if line is None:
            continue
        if not several:
            honest = line
            bands = _honest_bands(line)
        lines.append(
            Line(
                _floats(line["time"]),
                _floats(line["value"]),
                smoother_caption(method, params),
                PALETTE[k % len(PALETTE)] if several else INK,
                width=1.8,
                fill=not several and not bands,
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
        _zoomed_limits(on_arc, scorer.value_range),
        [],
        neutral=scorer.neutral,
        height=2.6,
        legend=several,
        lines=lines,
        bands=bands,
    )
    arc_panel.yticks = _nice_ticks(arc_panel.ylim)
    coverage = _text_coverage(df)
    if coverage is not None and "coverage" in story:
        share = _span_share(methods[0] if not several else DEFAULT_SMOOTHER, params)
        arc_panel.shades = _coverage_shades(
            _stretches(np.asarray(x), low_coverage(story, coverage, share), (0.0, 100.0))
        )
    if turns and len(lines) == 1:
        found = turning_points(df, methods[0], value=value, **params)
        arc_panel.turns = _turn_marks(found, arc_panel, scorer.neutral, width or LONG_SIZE[0])
    panels = [arc_panel]
    dense = len(y) > DENSE_POINTS
    few = len(y) <= FEW_POINTS
    style = {
        "size": 4.0 if dense else 30.0 if few else 9.0,
        "alpha": 0.25 if dense else 0.9 if few else 0.5,
    }
    if points and len(y):
        pts = Points(
            _floats(x), _floats(y), _tone(y, scorer.neutral), f"each {unit.singular}", **style
        )
        if shared:
            pts.size, pts.alpha = (14.0, 0.7) if not dense else (style["size"], style["alpha"])
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
    marks, rows, how = _chapter_marks(df, width or LONG_SIZE[0]) if chapters else ([], 0, "")
    extra = ""
    if df.attrs.get("unit") == "window":
        extra = f" of {df.attrs.get('window')} words, step {df.attrs.get('step')}"
    where = "on the arc's scale" if shared else "in the strip below, on the full scale"
    parts = [
        f"points: {unit.noun(len(story))}{extra} ({where})"
        if points
        else f"{unit.noun(len(story))}{extra}"
    ]
    if several:
        parts.append("lines: each smoother on the same scale, in the scorer's units")
    elif lines:
        parts.append(f"line: {lines[0].label}")
        smoother = SMOOTHERS.get(methods[0])
        if smoother is not None:
            parts.append(f"edges: {smoother.edges}")
    parts.append(f"grey band: neutral (±{scorer.neutral:g})")
    parts.extend(_honest_caption(honest))
    if coverage is not None:
        parts.append(_coverage_caption(coverage, bool(arc_panel.shades)))
    found = _shape_of(df, methods[0], value, params) if lines and not several else None
    if found is not None:
        parts.insert(0, _shape_caption(found, "the line"))
    if arc_panel.turns:
        parts.append(
            f"\u25b2\u25bc turning points (prominence \u2265 {PROMINENCE_SHARE:.0%} of the "
            "arc's range) and the sentences that drive them"
        )
    if marks:
        parts.append(how)
    return Chart(
        "methods" if several else "smoothed",
        title,
        note + " · ".join(parts),
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
    )


def _span_share(method: str, params: dict[str, Any]) -> float:
    """The share of the text the arc's smoother averages over; coverage is judged over the same.

    A smoother without a span (the DCT) gets the rolling mean's default window.
    """
    smoother = SMOOTHERS.get(method)
    if smoother is None or smoother.span is None:
        smoother = SMOOTHERS[DEFAULT_SMOOTHER]
        params = {}
    assert smoother.span is not None
    return float(params.get(smoother.span) or smoother.defaults[smoother.span])


def _turn_marks(found: pd.DataFrame, panel: Panel, neutral: float, width_in: float) -> list[Turn]:
    """Markers and labels for the turning points, the panel's y limits widened to hold them.

    Peaks are labelled in rows above the arc, valleys in rows below it, the most prominent
    turns first, each where :func:`_place_turn` finds room, quoting :data:`TURN_CHARS`
    characters of its sentence, or half as many when that finds none. A label that still
    finds none in :data:`TURN_ROWS` rows is left out (the marker stays). Sizes are reckoned
    in points for a ``width_in`` inch wide figure and a :data:`TURN_PANEL_HEIGHT` inch high
    panel.
    """
    if found.empty:
        return []
    axis_pt = width_in * 0.75 * 72  # the x axis is about 3/4 of the figure's width
    char = 0.62 * TURN_FONT / axis_pt * 100  # % of the x axis a character takes, or less
    pad = 0.4 * TURN_FONT / axis_pt * 100
    row_pt = TURN_FONT * 1.25 + 0.6 * TURN_FONT + 3  # a line, the box's padding, a gap
    taken: dict[str, list[tuple[float, float, int, float]]] = {"peak": [], "valley": []}
    chosen = []
    order = list(found.sort_values(["prominence", "time"], ascending=[False, True]).itertuples())
    for k, turn in enumerate(order):
        later = [float(t.time) for t in order[k + 1 :] if t.kind == turn.kind]
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
        mark = Turn(
            x,
            y,
            str(turn.kind),
            _color(y, neutral),
            "",
            x,
            y,
            (x, x, y, y),
            row=-1,
            sentence=str(turn.sentence),
            index=int(turn.index),
            chapter=None if turn.chapter is None else str(turn.chapter),
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


def _shape_of(df: pd.DataFrame, method: str, value: str, params: dict[str, Any]) -> Any:
    """The arc's shape (:func:`arc.analysis.shapes.shape`) on the smoothed line, or None."""
    from arc.analysis.shapes import shape

    try:
        return shape(df, method, value=value, **params)
    except ValueError:  # fewer than 3 story units: no shape to speak of
        return None


def _shape_caption(found: Any, what: str) -> str:
    """'shape of the line: man in a hole (fall-rise), r = 0.83' or why none is named."""
    from arc.analysis.shapes import SHAPES

    if found.clear:
        return f"shape of {what}: {found.name} ({SHAPES[found.name].course}), r = {found.score:.2f}"
    if found.nearest is None:
        return f"shape of {what}: none (flat)"
    return (
        f"shape of {what}: none clear (nearest {found.nearest}, r = {found.score:.2f} < "
        f"{found.threshold:g})"
    )


#: Colours of the word-salad envelope and of the arc where it leaves it.
ENVELOPE = "#9a9a9a"
BEYOND = "#e0a100"


def _honest_bands(line: pd.DataFrame) -> list[Band]:
    """The envelope (behind), the arc's stretches beyond it, and the bootstrap band."""
    from arc.analysis.uncertainty import grid

    out = []
    line = line.iloc[grid(len(line))]  # bands are computed on this grid: no detail is lost
    x = _floats(line["time"])
    value = line["value"].to_numpy(dtype=float)
    if line["null_low"].notna().any():
        lo, hi = line["null_low"].to_numpy(dtype=float), line["null_high"].to_numpy(dtype=float)
        null = line.attrs.get("null", {})
        out.append(
            Band(
                x,
                _floats(lo),
                _floats(hi),
                f"word-salad envelope ({null.get('level', 0.95):.0%} of "
                f"{null.get('draws', 0)} shuffled texts)",
                ENVELOPE,
                0.16,
                outline=True,
            )
        )
        above, below = value > hi, value < lo
        beyond_lo = np.where(above, hi, np.where(below, value, np.nan))
        beyond_hi = np.where(above, value, np.where(below, lo, np.nan))
        if (above | below).any():
            out.append(
                Band(x, _floats(beyond_lo), _floats(beyond_hi), "beyond the envelope", BEYOND, 0.55)
            )
    if line["low"].notna().any():
        band = line.attrs.get("band", {})
        out.append(
            Band(
                x,
                _floats(line["low"]),
                _floats(line["high"]),
                f"{band.get('level', 0.9):.0%} bootstrap band "
                f"({band.get('resamples', 0)} resamples)",
                RANGE,
                0.3,
            )
        )
    return out


def _honest_caption(line: pd.DataFrame | None, mark: str = "gold") -> list[str]:
    """What the band and the envelope say, in a few words, for the subtitle."""
    if line is None:
        return []
    parts = []
    band = line.attrs.get("band")
    if band:
        parts.append(f"blue: {band['level']:.0%} bootstrap band")
    null = line.attrs.get("null")
    if null:
        share = null["outside"]
        parts.append(
            f"grey: word-salad envelope, left over {share:.0%} of the story ({mark})"
            if share > 0
            else "grey: word-salad envelope, never left: the movement is within chance"
        )
    return parts


def _zoomed_limits(values: np.ndarray, value_range: tuple[float, float]) -> tuple[float, float]:
    """Limits a little beyond the values and always including 0, inside the value range."""
    values = values[np.isfinite(values)] if len(values) else np.zeros(1)
    low = min(0.0, float(values.min())) if len(values) else 0.0
    high = max(0.0, float(values.max())) if len(values) else 0.0
    pad = max((high - low) * 0.08, 0.01)
    return (max(value_range[0] * 1.05, low - pad), min(value_range[1] * 1.05, high + pad))


def _nice_ticks(limits: tuple[float, float]) -> list[float]:
    """About five round ticks inside ``limits``, 0 among them."""
    low, high = limits
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 0.1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = np.arange(first, high + step * 1e-9, step)
    return [round(float(t), 10) + 0.0 for t in ticks]


def _chapter_marks(df: pd.DataFrame, width_in: float) -> tuple[list[Chapter], int, str]:
    """Chapter lines, and which of them are labelled so that the labels fit.

    All labels when they fit in :data:`LABEL_ROWS` rows; else the books or volumes when a
    text has them; else every k-th chapter for the smallest k in 2, 5, 10, 20, 25, 50, 100
    whose labels fit in one row. Returns the marks, the label rows used and a caption.
    """
    starts = chapter_starts(df)
    if starts.empty:
        return [], 0, ""
    marks = [Chapter(float(r.time), str(r.label), bool(r.major)) for r in starts.itertuples()]
    n = len(marks)
    size = 7.0 if n <= 20 else 6.0
    per_char = 0.62 * size / (width_in * 0.85 * 72) * 100  # % of the axis one character takes
    rows = _fit_labels(marks, [(m, m.name) for m in marks], per_char, LABEL_ROWS)
    if rows:
        return marks, rows, _count(n, "chapters")
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
                        f"{_count(n, 'chapters')} in {_count(len(majors), 'books')}"
                        " (lines and labels: books)"
                    ),
                )
            return marks, rows, f"{_count(n, 'chapters')} (darker lines and labels: books)"
    for k in (2, 5, 10, 20, 25, 50, 100, 200, 500):
        chosen = [(m, m.name) for i, m in enumerate(marks) if i == 0 or (i + 1) % k == 0]
        rows = _fit_labels(marks, chosen, per_char, 1)
        if rows:
            return marks, rows, f"{_count(n, 'chapters')} (every {_ordinal(k)} labelled)"
    return marks, 0, _count(n, "chapters")


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


def _count(n: int, things: str) -> str:
    return f"{n:,} {things}" if n != 1 else f"1 {things.removesuffix('s')}"


def _ordinal(k: int) -> str:
    return f"{k}{'nd' if k % 10 == 2 and k != 12 else 'th'}"


# ---------------------------------------------------------------------------- compare chart


def compare_chart(data: pd.DataFrame, *, title: str | None = None) -> Chart:
    """Several texts' arcs from :func:`arc.compare` on one narrative-time panel.

    Rescaled arcs (the default) are read against "each arc's own lowest … highest"; the
    axis says so and has no zero line, since 0 is then the middle of an arc's range.
    """
    scaled = bool(data.attrs.get("scale", True))
    scorer = _compared_scale(data)
    key = "text" if "text" in data else "title"
    lines = []
    for k, (_, group) in enumerate(data.groupby(key, sort=False)):
        lines.append(
            Line(
                _floats(group["time"]),
                _floats(group["value"]),
                _shorten(str(group["title"].iloc[0])),
                PALETTE[k % len(PALETTE)],
                width=2.2,
            )
        )
    values = np.concatenate([np.asarray(ln.y) for ln in lines]) if lines else np.zeros(1)
    if scaled:
        panel = Panel(
            "arc",
            "sentiment, each arc scaled to its own range",
            (-1.12, 1.12),
            [-1.0, 0.0, 1.0],
            ["its lowest", "its middle", "its highest"],
            zero=False,
            legend=True,
            lines=lines,
        )
    else:
        limits = _zoomed_limits(values, scorer.value_range)
        panel = Panel(
            "arc",
            f"sentiment ({scorer.label})",
            limits,
            _nice_ticks(limits),
            neutral=scorer.neutral,
            legend=True,
            lines=lines,
        )
    method = str(data.attrs.get("method", ""))
    how = (
        "each arc rescaled to run from its own lowest to its own highest point, so shapes "
        "compare, not levels"
        if scaled
        else scorer.label
    )
    smoothing = smoother_caption(method, data.attrs.get("params"))
    subtitle = f"sentence scores smoothed with {smoothing} · narrative time 0–100% · {how}"
    if scorer.name != "vader":
        subtitle += f" · scores: {scorer.label}"
    return Chart(
        "compare",
        title or "Sentiment arcs compared",
        subtitle,
        *narrative_axis(),
        [panel],
        size=LONG_SIZE,
        meta={"method": method, "scale": scaled},
    )


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


# ------------------------------------------------------------------------------ the choice


def chart_for(
    df: pd.DataFrame,
    *,
    smoother: str | None = None,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    band: bool = True,
    null: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """The chart ``arc plot`` draws for a frame: the story chart or the smoothed chart.

    A paragraph frame of a short text (see :func:`arc.analysis.view.is_long`: no chapters, at most
    60
    story paragraphs and 20,000 words, paragraph breaks) with no smoother asked for gets the
    story chart; anything else the smoothed chart, with the default smoother unless
    ``smoother`` is given (``"all"``: every smoother compared).
    """
    unit = df.attrs.get("unit", "paragraph" if "role" in df and "paragraph" not in df else None)
    story = story_values(df)
    chapters = "chapter" in story and bool(story["chapter"].notna().any())
    words = int(story["n_words"].sum()) if "n_words" in story else 0
    if smoother is None and unit == "paragraph" and not is_long(len(story), chapters, words):
        return story_chart(
            df,
            title=title,
            value=value,
            include_paratext=include_paratext,
            annotate=annotate,
            band=band,
            null=null,
            width=width,
        )
    if smoother == "all":
        return methods_chart(df, title=title, value=value, width=width)
    return smoothed_chart(
        df,
        smoother or DEFAULT_SMOOTHER,
        title=title,
        value=value,
        band=band,
        null=null,
        width=width,
        **params,
    )
