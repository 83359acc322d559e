"""The charts' look, declared once: colours, sizes, fonts, point sizes and thresholds.

The chart builders, the chart data's defaults and the renderer read these names, so a change
of look is a change here. Figure sizes are in inches, fonts in points, point sizes in points².
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "ANNOTATION_FONT",
    "AXIS_LABEL_FONT",
    "BAND_ALPHA",
    "BAR_HEIGHT",
    "BAR_LABEL_FONT",
    "BEYOND",
    "BEYOND_ALPHA",
    "BOOK_LINE",
    "BOOTSTRAP_ALPHA",
    "BOX_TEXT",
    "CAPTION_GREY",
    "CHAPTER_FONT",
    "CHAPTER_FONT_MANY",
    "CHAPTER_LINE",
    "DENSE_POINTS",
    "EMOTIONS_SIZE",
    "EMOTION_ALPHA",
    "EMOTION_COLORS",
    "END_COLOR",
    "ENVELOPE",
    "ENVELOPE_ALPHA",
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
    "NEGATIVE",
    "NEUTRAL_BAND",
    "NEUTRAL_GREY",
    "OVERALL",
    "PALETTE",
    "PALE_NEGATIVE",
    "PALE_POSITIVE",
    "PARATEXT_POINT",
    "POINT_SIZE",
    "POSITIVE",
    "QUOTE_CHARS",
    "RANGE",
    "RING_POINT",
    "SHADE",
    "SHADE_ALPHA",
    "SHIFT_SIZE",
    "SHIFT_WIDTH",
    "SIGN_FONT",
    "SPREAD_ALPHA",
    "STORY_POINT",
    "STORY_SIZE",
    "SUBTITLE_FONT",
    "TITLE_FONT",
    "TURN_CHARS",
    "TURN_FONT",
    "TURN_MARKER_FONT",
    "TURN_PANEL_HEIGHT",
    "TURN_ROWS",
    "ZERO_LINE",
    "chapter_font",
    "legend_font",
    "point_style",
    "sign_color",
    "tone",
]

# ----------------------------------------------------------------------------- colours

POSITIVE = "#1a9850"
NEGATIVE = "#d73027"
NEUTRAL_GREY = "#8a8a8a"
INK = "#333333"
RANGE = "#6b8cae"
#: Line colours for several lines on one panel (smoothers compared, texts compared).
PALETTE = ("#1f78b4", "#e66101", "#6a3d9a", "#1b9e77", "#b2182b", "#666666", "#a6761d", "#e7298a")
#: Paler colours (word shift) for words used less often in the first stretch than the second.
PALE_POSITIVE = "#a9dbb8"
PALE_NEGATIVE = "#f4aaa4"
#: Stretches of low lexicon coverage, shaded across the panel.
SHADE = "#8e7cc3"
SHADE_ALPHA = 0.12
#: A band's default opacity; the bootstrap band's; the scorers' spread around the ensemble.
BAND_ALPHA = 0.25
BOOTSTRAP_ALPHA = 0.3
SPREAD_ALPHA = 0.22
#: The word-salad envelope and the arc's stretches beyond it.
ENVELOPE = "#9a9a9a"
ENVELOPE_ALPHA = 0.16
BEYOND = "#e0a100"
BEYOND_ALPHA = 0.55
#: The bars at the two ends of the smoothing check (the plain means of the first and last 5 %).
END_COLOR = "#111111"
#: One colour per NRC emotion, after Plutchik's wheel; their fill's opacity; the grey line of
#: an emotion's share over the whole story.
EMOTION_COLORS = {
    "anger": "#d62728",
    "anticipation": "#ff7f0e",
    "disgust": "#8c564b",
    "fear": "#2ca02c",
    "joy": "#d4a900",
    "sadness": "#1f77b4",
    "surprise": "#17becf",
    "trust": "#6a9f2a",
}
EMOTION_ALPHA = 0.3
OVERALL = "#9a9a9a"
#: The renderer's greys (matplotlib grey levels): grid, neutral band, zero line, chapter lines
#: (books darker), subtitle and chapter labels, paratext labels, text in boxes.
GRID = "0.93"
NEUTRAL_BAND = "0.86"
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
SUBTITLE_FONT = 8.5
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
