"""The charts' look, declared once: colours, sizes, fonts, point sizes and thresholds.

The chart builders, the chart data's defaults and the renderer read these names, so a change
of look is a change here. Figure sizes are in inches, fonts in points, point sizes in points².
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "ANNOTATION_FONT",
    "ARC_WIDTH",
    "AXIS_LABEL_FONT",
    "BAND_ALPHA",
    "BAR_HEIGHT",
    "BAR_LABEL_FONT",
    "BEYOND",
    "BEYOND_ALPHA",
    "BOOK_LINE",
    "BOOTSTRAP_ALPHA",
    "BOX_TEXT",
    "CAPTION_FONT",
    "CAPTION_GREY",
    "CHAPTER_FONT",
    "CHAPTER_FONT_MANY",
    "CHAPTER_LINE",
    "DENSE_POINTS",
    "EMOTIONS_SIZE",
    "EMOTION_ALPHA",
    "EMOTION_COLOR",
    "END_COLOR",
    "ENVELOPE",
    "ENVELOPE_ALPHA",
    "ENVELOPE_HATCH",
    "FAINT_TURN",
    "FAMILY_INCHES",
    "FAMILY_WIDTH",
    "FEW_POINTS",
    "GRID",
    "INK",
    "LABEL_FONT",
    "LABEL_GREY",
    "LABEL_ROWS",
    "LEGEND_FONT",
    "LEGEND_FONT_MANY",
    "LEGEND_ROWS",
    "LINE_WIDTH",
    "LONG_SIZE",
    "LOST_TURN_POINT",
    "MANY_CHAPTERS",
    "MAX_DRAWN_CHAPTERS",
    "MAX_LEGEND_CHARS",
    "MEMBER_ARC",
    "MEMBER_WIDTH",
    "MODES_HEIGHT",
    "NEGATIVE",
    "NEUTRAL_ALPHA",
    "NEUTRAL_BAND",
    "NEUTRAL_GREY",
    "ORDERED",
    "OVERALL",
    "OVERVIEW_WIDTH",
    "PALETTE",
    "PALE_NEGATIVE",
    "PALE_POSITIVE",
    "PARATEXT_POINT",
    "POINT_SIZE",
    "POSITIVE",
    "QUOTE_CHARS",
    "RANGE",
    "RING_POINT",
    "SCORER_COLORS",
    "SHADE",
    "SHADE_ALPHA",
    "SHADE_HEIGHT",
    "SHIFT_SIZE",
    "SHIFT_WIDTH",
    "SIGN_FONT",
    "SPREAD",
    "SPREAD_ALPHA",
    "STORY_POINT",
    "STORY_SIZE",
    "SUBTITLE_FONT",
    "SUBTITLE_LINES",
    "TITLE_FONT",
    "TURN_CHARS",
    "TURN_FONT",
    "TURN_MARKER_FONT",
    "TURN_PANEL_HEIGHT",
    "TURN_ROWS",
    "UNCERTAINTY",
    "WITHIN_CHANCE",
    "WITHIN_WIDTH",
    "ZERO_LINE",
    "chapter_font",
    "legend_font",
    "point_style",
    "sign_color",
    "tone",
    "tone_keys",
]

# ----------------------------------------------------------------------------- colours

# One visual grammar for every chart. Green and red mean positive and negative sentiment and
# nothing else; each kind of band has a look of its own that reads alone and over the others
# (the neutral zone a grey fill, the uncertainty band a blue fill, the chance envelope a hatch
# between dashed bounds, what leaves it a gold fill); categorical colours (scorers, texts,
# smoothers) never use green or red; an ordered parameter gets an ordered palette.

POSITIVE = "#1a9850"
NEGATIVE = "#d73027"
NEUTRAL_GREY = "#8a8a8a"
INK = "#333333"
#: Each paragraph's sentence range: thin dark bars, under the points, never band-coloured.
RANGE = "#555555"
#: Line colours for several lines on one panel (smoothers, texts): no green, no red.
PALETTE = ("#1f78b4", "#e66101", "#5e3c99", "#8c510a", "#c51b7d", "#4d4d4d", "#56b4e9")
#: An ordered palette (light to dark blues) for an ordered parameter, such as a span.
ORDERED = ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
#: Each scorer's colour on every chart (validation, the scorers' arcs); others take PALETTE.
SCORER_COLORS = {
    "vader": "#1f78b4",
    "afinn": "#e66101",
    "textblob": "#5e3c99",
    "nrc": "#8c510a",
    "valence": "#c51b7d",
    "ensemble": "#222222",
}
#: Paler colours (word shift) for words used less often in the first stretch than the second.
PALE_POSITIVE = "#a9dbb8"
PALE_NEGATIVE = "#f4aaa4"
#: Stretches where the lexicon knows few words: a strip along the foot of the panel.
SHADE = "#7b3294"
SHADE_ALPHA = 0.6
#: The strip's height, a share of the panel's.
SHADE_HEIGHT = 0.025
#: The uncertainty (bootstrap) band: a blue fill.
UNCERTAINTY = "#4a78b0"
BAND_ALPHA = 0.25
BOOTSTRAP_ALPHA = 0.22
#: The scorers' spread around the ensemble: a fill of its own colour.
SPREAD = "#c9b78f"
SPREAD_ALPHA = 0.35
#: The chance (word-salad) envelope: a hatch between dashed bounds, no fill; the arc's
#: stretches beyond it, filled gold.
ENVELOPE = "#6f6f6f"
ENVELOPE_ALPHA = 0.55
ENVELOPE_HATCH = "////"
BEYOND = "#e0a100"
BEYOND_ALPHA = 0.55
#: The bars at the two ends of the smoothing check (the plain means of the first and last 5 %).
END_COLOR = "#111111"
#: The emotions chart: every emotion in one colour (its panel names it), and the grey line of
#: an emotion's share over the whole story.
EMOTION_COLOR = "#5e3c99"
EMOTION_ALPHA = 0.22
OVERALL = "#9a9a9a"
#: Turning points inside the chance envelope: hollow, grey, unquoted.
FAINT_TURN = "#9a9a9a"
#: The renderer's greys (matplotlib grey levels): grid, neutral band, zero line, chapter lines
#: (books darker), subtitle and chapter labels, paratext labels, text in boxes.
GRID = "0.93"
NEUTRAL_BAND = "0.86"
NEUTRAL_ALPHA = 0.45
ZERO_LINE = "0.55"
BOOK_LINE = "0.6"
CHAPTER_LINE = "0.85"
CAPTION_GREY = "0.35"
LABEL_GREY = "0.45"
BOX_TEXT = "0.15"

# ------------------------------------------------------------------------------- sizes

#: The nominal figure sizes (inches) the layout of labels is computed for.
STORY_SIZE = (10.0, 5.6)
LONG_SIZE = (11.0, 6.4)
#: The emotions chart: eight panels of about an inch each.
EMOTIONS_SIZE = (11.0, 11.0)
#: The word-shift chart's width (inches); its height grows with the number of words.
SHIFT_WIDTH = 9.0
SHIFT_SIZE = (SHIFT_WIDTH, 7.0)

# ------------------------------------------------------------------------------- fonts

TITLE_FONT = 14
SUBTITLE_FONT = 10
#: The small print under the legend: unit, smoother, edges, coverage, rules.
CAPTION_FONT = 7.5
#: A subtitle is at most this many lines.
SUBTITLE_LINES = 2
AXIS_LABEL_FONT = 9
#: "positive" and "negative" beside the axis.
SIGN_FONT = 8
#: The story chart's boxed captions, and the labels at the tips of bars.
ANNOTATION_FONT = 8.5
BAR_LABEL_FONT = 8.5
#: Paratext roles on the story chart.
LABEL_FONT = 7
#: Turning points: the labels' font and the ▲▼ markers'.
TURN_FONT = 7.5
TURN_MARKER_FONT = 9
#: Chapter labels: smaller with more than :data:`MANY_CHAPTERS` chapters.
CHAPTER_FONT = 7
CHAPTER_FONT_MANY = 6
MANY_CHAPTERS = 20
#: Legends: smaller, in two columns, with more than :data:`LEGEND_ROWS` lines.
LEGEND_FONT = 8
LEGEND_FONT_MANY = 7.5
LEGEND_ROWS = 4

# --------------------------------------------------------------------- points and lines

#: Points (sizes in points²): the default, the story chart's paragraphs and paratext, the
#: rings around paragraphs beyond the envelope, a smoothing check's turns that do not survive.
POINT_SIZE = 40.0
STORY_POINT = 46
PARATEXT_POINT = 40
RING_POINT = 170
LOST_TURN_POINT = 70.0
#: More points than this are drawn small and faint (and rasterised in vector files).
DENSE_POINTS = 2000
#: This many points or fewer are drawn large, like the story chart's.
FEW_POINTS = 200
#: A line's default width (points); a bar's height (rows).
LINE_WIDTH = 2.0
BAR_HEIGHT = 0.72

# ---------------------------------------------------------------------------- thresholds

#: Rows of chapter labels above the top panel.
LABEL_ROWS = 3
#: Legend entries are cut to this many characters.
MAX_LEGEND_CHARS = 48
#: With more chapters than this, a text with books draws only the books' lines.
MAX_DRAWN_CHAPTERS = 120
#: Turning-point labels: characters quoted, rows of labels above (peaks) and below (valleys)
#: the arc, and the arc panel's height (in) their room is reckoned for: less than the drawn
#: panel's (about 3.5 in), so the reckoned boxes are, if anything, too tall.
TURN_CHARS = 36
TURN_ROWS = 3
TURN_PANEL_HEIGHT = 3.0
#: Characters of a sentence quoted after a word of a word shift.
QUOTE_CHARS = 44


# ----------------------------------------------------------------------------- choices


def tone(values: np.ndarray, neutral: float) -> list[str]:
    """Green above the neutral band, red below it, grey inside it."""
    return np.where(
        values > neutral, POSITIVE, np.where(values < -neutral, NEGATIVE, NEUTRAL_GREY)
    ).tolist()


def tone_keys(noun: str, neutral: float) -> dict[str, str]:
    """The legend's words for points coloured by :func:`tone`: 'positive sentence', ..."""
    return {
        POSITIVE: f"positive {noun}",
        NEUTRAL_GREY: f"neutral {noun} (within \u00b1{neutral:g})",
        NEGATIVE: f"negative {noun}",
    }


def sign_color(value: float, neutral: float) -> str:
    """The colour of one value, as :func:`tone` colours many."""
    return POSITIVE if value > neutral else NEGATIVE if value < -neutral else NEUTRAL_GREY


def point_style(n: int, *, on_arc: bool = False) -> dict[str, float]:
    """The ``size`` and ``alpha`` of ``n`` points on a long-text chart: fainter the more.

    ``on_arc``: averages (word windows, bins) drawn on the arc's own panel, larger unless dense.
    """
    dense, few = n > DENSE_POINTS, n <= FEW_POINTS
    if on_arc and not dense:
        return {"size": 14.0, "alpha": 0.7}
    return {
        "size": 4.0 if dense else 30.0 if few else 9.0,
        "alpha": 0.25 if dense else 0.9 if few else 0.5,
    }


def chapter_font(n: int) -> int:
    """The font size of chapter labels on a chart with ``n`` chapter marks."""
    return CHAPTER_FONT if n <= MANY_CHAPTERS else CHAPTER_FONT_MANY


def legend_font(n: int) -> float:
    """The font size of a legend of ``n`` lines."""
    return LEGEND_FONT if n <= LEGEND_ROWS else LEGEND_FONT_MANY


# ------------------------------------------------------------------- compared arcs

#: The compare chart: each text's arc in its own colour (:data:`PALETTE`), solid and
#: :data:`ARC_WIDTH` wide where it leaves its own chance envelope, thin and dashed where it
#: stays within it; the within-chance stretches are keyed once, in :data:`WITHIN_CHANCE`.
WITHIN_CHANCE = "#9a9a9a"
ARC_WIDTH = 2.4
WITHIN_WIDTH = 1.2


# ------------------------------------------------------------------- corpus overview

#: The corpus overview: each text's arc thin and pale behind its family's mean arc, in ink.
MEMBER_ARC = "#c2c2c2"
MEMBER_WIDTH = 0.6
FAMILY_WIDTH = 2.2
#: Its width (inches), the modes panel's height against a family panel's, and the inches of
#: a family panel (the height grows with the number of families).
OVERVIEW_WIDTH = 10.0
MODES_HEIGHT = 1.7
FAMILY_INCHES = 0.95
