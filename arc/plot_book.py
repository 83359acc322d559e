"""Charts for long texts: points under a smoothed line, smoothers side by side, texts compared.

Each function takes data and an optional ``Axes``, draws, and returns the ``Axes``. Titles
sit above the axes: draw on a figure with ``layout="constrained"`` (as the ``arc`` command
does) so nothing is clipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.plot import (
    LINE,
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    axes_width_pt,
    count,
    current_axes,
    set_titles,
)
from arc.shape import (
    MAX_LABELLED_CHAPTERS,
    chapter_starts,
    display_title,
    rescale,
    smoothed_arc,
    story_values,
    unit_time,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["METHODS_SHOWN", "plot_compare", "plot_methods", "plot_smoothed"]

#: The smoothers of the method comparison, with their colours.
METHODS_SHOWN = {"rolling": "#1f78b4", "lowess": "#e66101", "dct": "#6a3d9a"}
#: Rows of chapter labels above the axes; a label that fits in none is left out.
LABEL_ROWS = 3
#: With more chapters than this, only book (container) boundaries are drawn, if there are any.
MAX_DRAWN_CHAPTERS = 120
#: Legend entries are cut to this many characters.
MAX_LEGEND_CHARS = 48
UNIT_NAMES = {
    "sentence": "sentences",
    "paragraph": "paragraphs",
    "window": "word windows",
    "bins": "percentage bins",
}
_METHOD_NAMES = {
    "rolling": "rolling mean",
    "lowess": "LOWESS",
    "savgol": "Savitzky–Golay",
    "dct": "DCT low-pass",
}
#: The parameter each smoother's label always shows (its default when not given).
_SHOWN = {"rolling": "window", "lowess": "frac", "savgol": "window", "dct": "low_pass_size"}


def plot_smoothed(
    df: pd.DataFrame,
    *,
    method: str = "rolling",
    ax: Axes | None = None,
    title: str | None = None,
    value: str = "compound",
    points: bool = True,
    chapters: bool = True,
    **params: Any,
) -> Axes:
    """Plot a long text: its units' scores as faint points and a smoothed line over them.

    Sentence and paragraph scores spread over −1…+1 while their smoothed mean moves in a
    narrow band, so for those units the line gets its own scale on the right (its zero
    aligned with the points'); word windows and percentage bins are already averages and
    share one scale with their line.

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (sentence, paragraph, window or bins unit).
    method
        The smoother (see :data:`arc.METHODS`); ``params`` go to it.
    ax
        The Axes to draw on; by default pyplot's current Axes.
    title
        Chart title; by default the detected title (or the file name).
    value
        The column to plot.
    points, chapters
        Draw the unit scores, and the chapter boundaries (labelled when there are few).
    **params
        Passed to :func:`arc.smooth`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes of the points; with two scales, the line is on ``ax.right_ax``.
    """
    ax = current_axes(ax)
    story = story_values(df)
    if story.empty:
        return ax
    x, y = _points(story, value)
    line = smoothed_arc(df, method, value, **params)
    v = line["value"].to_numpy()
    averaged = df.attrs.get("unit") in ("window", "bins")

    _time_axis(ax)
    ax.spines[["top"]].set_visible(False)
    if averaged:
        limit = _symmetric_limit(np.concatenate([y, v]))
        ax.set_ylim(-limit * 1.05, limit * 1.05)
        ax.set_ylabel(f"VADER compound ({UNIT_NAMES.get(df.attrs.get('unit'), 'units')})")
        ax.spines[["right"]].set_visible(False)
        right = ax
    else:
        ax.set_ylim(-1.05, 1.05)
        ax.set_yticks([-1, -0.5, 0, 0.5, 1])
        unit = UNIT_NAMES.get(df.attrs.get("unit"), "units")
        ax.set_ylabel(f"{unit} (points): VADER compound", color="0.45")
        right = ax.twinx()
        ax.right_ax = right  # type: ignore[attr-defined]
        limit = _symmetric_limit(v)
        right.set_ylim(-limit * 1.05, limit * 1.05)
        right.set_ylabel(f"smoothed line: {_method_text(method, params)}", color=LINE)
        right.spines[["top"]].set_visible(False)
    if points:
        colors = np.where(y > NEUTRAL, POSITIVE, np.where(y < -NEUTRAL, NEGATIVE, "0.6"))
        dense = len(y) > 2000
        ax.scatter(x, y, c=colors, s=4 if dense else 9, alpha=0.22 if dense else 0.45, lw=0,
                   zorder=1, rasterized=dense)  # fmt: skip
    labelled = _chapter_lines(ax, df) if chapters else 0

    right.axhline(0, color="0.5", lw=0.8, zorder=1)
    right.fill_between(line["time"], 0, v, where=v >= 0, interpolate=True, color=POSITIVE,
                       alpha=0.22, lw=0)  # fmt: skip
    right.fill_between(line["time"], 0, v, where=v <= 0, interpolate=True, color=NEGATIVE,
                       alpha=0.22, lw=0)  # fmt: skip
    right.plot(line["time"], v, color=LINE, lw=2.2, zorder=3)
    set_titles(ax, title or display_title(df), _choices_text(df, story, method, params, averaged),
               room=10 * labelled)  # fmt: skip
    return ax


def _points(story: pd.DataFrame, value: str) -> tuple[np.ndarray, np.ndarray]:
    """The story's units as points: narrative time 0–100 % and their values."""
    return unit_time(story), story[value].to_numpy(dtype=float)


def _time_axis(ax: Axes) -> None:
    ax.set_xlim(0, 100)
    ax.set_xticks(np.arange(0, 101, 10))
    ax.set_xticklabels([f"{t}%" for t in range(0, 101, 10)])
    ax.set_xlabel("narrative time (share of the story)")


def _symmetric_limit(values: np.ndarray) -> float:
    """A symmetric y limit a little beyond the data, rounded up to 0.05 (at least 0.1)."""
    peak = float(np.nanmax(np.abs(values))) if len(values) else 0.0
    return float(max(0.1, np.ceil(peak * 1.15 / 0.05) * 0.05))


def _method_text(method: str, params: dict[str, Any]) -> str:
    """'rolling mean (window 10%)': the smoother and its parameters, defaults included."""
    from arc.smoothing import DEFAULT_PARAMS

    key = _SHOWN.get(method)
    if key and key not in params:
        params = {key: DEFAULT_PARAMS[method][key], **params}
    shown = ", ".join(
        f"{k} {v:.0%}" if isinstance(v, float) and 0 < v < 1 and k in ("window", "frac")
        else f"{k} {v}"
        for k, v in params.items()
    )  # fmt: skip
    return f"{_METHOD_NAMES.get(method, method)} ({shown})" if shown else method


def _choices_text(
    df: pd.DataFrame, story: pd.DataFrame, method: str, params: dict, averaged: bool
) -> str:
    """The subtitle: what the points are, what the line is, and the chapters."""
    unit = df.attrs.get("unit", "unit")
    extra = ""
    if unit == "window":
        extra = f" of {df.attrs.get('window')} words, step {df.attrs.get('step')}"
    n_chapters = len(chapter_starts(df))
    chapters = f" · {count(n_chapters, 'chapters')}" if n_chapters else ""
    scales = "" if averaged else " (left scale)"
    line_scale = "" if averaged else " (right scale)"
    return (
        f"points: {count(len(story), UNIT_NAMES.get(unit, unit))}{extra}{scales} · "
        f"line: {_method_text(method, params)}{line_scale}{chapters}"
    )


def _chapter_lines(ax: Axes, df: pd.DataFrame) -> int:
    """Light vertical lines at chapter starts, labelled when few (books darker).

    Returns how many rows of labels were used (0, 1 or 2), so the title can make room.
    """
    starts = chapter_starts(df)
    if starts.empty:
        return 0
    majors = starts[starts["major"]]
    label_all = len(starts) <= MAX_LABELLED_CHAPTERS
    drawn = majors if len(starts) > MAX_DRAWN_CHAPTERS and len(majors) else starts
    for row in drawn.itertuples():
        ax.axvline(row.time, color="0.55" if row.major else "0.82", lw=0.9 if row.major else 0.6,
                   zorder=0)  # fmt: skip
    labelled = starts if label_all else majors if len(majors) <= MAX_LABELLED_CHAPTERS else None
    if labelled is None or labelled.empty:
        return 0
    size = 7 if len(labelled) <= 20 else 6
    # Percent of the axis one character takes: about 0.6 em at this font size.
    width_pt = axes_width_pt(ax)
    per_char = 0.62 * size / width_pt * 100
    ends = [-100.0] * LABEL_ROWS  # where the last label of each row ends
    rows_used = 1
    for row in labelled.itertuples():
        text = row.label if label_all else row.label.rsplit(".", 1)[0]
        start = row.time + 1 / width_pt * 100  # labels start 1 pt right of their line
        tier = next((t for t in range(LABEL_ROWS) if start >= ends[t] + per_char), None)
        if tier is None:
            continue  # no room in any row; the line stays
        ends[tier] = start + len(text) * per_char
        rows_used = max(rows_used, tier + 1)
        ax.annotate(text, xy=(row.time, 1), xycoords=ax.get_xaxis_transform(),
                    xytext=(1, 2 + 10 * tier), textcoords="offset points", fontsize=size,
                    color="0.35", ha="left", va="bottom", annotation_clip=False)  # fmt: skip
    return rows_used


def plot_methods(
    df: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None, value: str = "compound"
) -> Axes:
    """Syuzhet-style method comparison: raw points, rolling mean, LOWESS and DCT on one chart.

    Every line is rescaled to −1…+1 (syuzhet's ``rescale``) so the shapes compare; the
    points keep their compound values, and only for them does 0 mean neutral.
    """
    from arc.smoothing import DEFAULT_PARAMS

    ax = current_axes(ax)
    story = story_values(df)
    if story.empty:
        return ax
    x, y = _points(story, value)
    _time_axis(ax)
    ax.set_ylim(-1.05, 1.05)
    dense = len(y) > 2000
    unit = UNIT_NAMES.get(df.attrs.get("unit"), "units")
    ax.scatter(x, y, s=3 if dense else 8, color="0.45", alpha=0.25 if dense else 0.4, lw=0,
               label=f"raw {unit}", rasterized=dense)  # fmt: skip
    for method, color in METHODS_SHOWN.items():
        key = _SHOWN[method]
        params = {key: DEFAULT_PARAMS[method][key]}
        line = smoothed_arc(df, method, value, **params)
        ax.plot(line["time"], rescale(line["value"].to_numpy()), lw=2.2, color=color,
                label=_method_text(method, params))  # fmt: skip
    ax.set_ylabel("compound (points) · each line rescaled to −1…+1")
    set_titles(ax, title or display_title(df),
               f"method comparison · points: {count(len(y), unit)} (VADER compound) · lines: "
               "rolling mean, LOWESS and DCT, each rescaled to −1…+1 so their shapes compare "
               "(a line's 0 is the middle of its range, not neutral)")  # fmt: skip
    ax.legend(loc="best", fontsize=8, framealpha=0.9, markerscale=3)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_compare(data: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Overlay the arcs of :func:`arc.compare` on the 0–100 % axis, with a legend of titles.

    Rescaled arcs (the default) have no zero line: after rescaling, 0 is the middle of each
    arc's own range, not neutral sentiment.
    """
    ax = current_axes(ax)
    if data.empty:
        return ax
    _time_axis(ax)
    scaled = data.attrs.get("scale", True)
    if scaled:
        ax.set_ylim(-1.1, 1.1)
    else:
        ax.axhline(0, color="0.5", lw=0.8, zorder=0)
    key = "text" if "text" in data else "title"
    for _, group in data.groupby(key, sort=False):
        ax.plot(group["time"], group["value"], lw=2.2, label=_shorten(str(group["title"].iloc[0])))
    method = data.attrs.get("method", "")
    how = "each arc rescaled to its own −1…+1" if scaled else "VADER compound"
    ax.set_ylabel(f"sentiment ({how})")
    smoothing = _method_text(method, data.attrs.get("params") or {})
    set_titles(ax, title or "Sentiment arcs compared",
               f"sentence scores smoothed with {smoothing} · narrative time 0–100% · {how}"
               + (" (0 is each arc's middle, not neutral)" if scaled else ""))  # fmt: skip
    n = data[key].nunique()
    ax.legend(loc="best", fontsize=8.5 if n <= 4 else 7.5, framealpha=0.9,
              ncol=1 if n <= 4 else 2)  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    return ax


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
