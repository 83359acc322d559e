"""Charts for long texts: points under a smoothed line, smoothers side by side, texts compared.

Each function takes data and an optional ``Axes``, draws, and returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.plot import LINE, NEGATIVE, NEUTRAL, POSITIVE
from arc.shape import (
    MAX_LABELLED_CHAPTERS,
    chapter_starts,
    display_title,
    rescale,
    smoothed_arc,
    story_values,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["plot_compare", "plot_methods", "plot_smoothed"]

METHOD_STYLE = {
    "rolling": {"color": "#1f78b4", "label": "rolling mean (10%)"},
    "lowess": {"color": "#e66101", "label": "LOWESS (frac 0.2)"},
    "dct": {"color": "#6a3d9a", "label": "DCT (low_pass_size 5)"},
}
#: Chapter labels closer than this (percent of the story) to the previous one are left out.
MIN_LABEL_GAP = 2.2
#: With more chapters than this, only book (container) boundaries are drawn, if there are any.
MAX_DRAWN_CHAPTERS = 120
UNIT_NAMES = {
    "sentence": "sentences",
    "paragraph": "paragraphs",
    "window": "word windows",
    "bins": "percentage bins",
}


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


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
    """Plot a long text: faint unit scores (left scale), a smoothed line (right scale).

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (sentence, paragraph, window or bins unit).
    method
        The smoother (see :data:`arc.METHODS`); ``params`` go to it.
    ax
        The Axes to draw on; by default pyplot's current Axes.
    title
        Chart title; by default the detected title.
    points, chapters
        Draw the unit scores, and the chapter boundaries (labelled when there are few).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes of the points; the line is on its twin (``ax.right_ax``).
    """
    ax = _axes(ax)
    story = story_values(df, value)
    if story.empty:
        return ax
    x, y = _points(story, value)
    line = smoothed_arc(df, method, value, **params)

    _time_axis(ax)
    ax.set_ylim(-1.05, 1.05)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylabel(f"{UNIT_NAMES.get(df.attrs.get('unit'), 'unit')} (points): VADER compound",
                  color="0.45")  # fmt: skip
    if points:
        colors = np.where(y > NEUTRAL, POSITIVE, np.where(y < -NEUTRAL, NEGATIVE, "0.6"))
        size = 4 if len(y) > 2000 else 9
        alpha = 0.22 if len(y) > 2000 else 0.35
        ax.scatter(x, y, c=colors, s=size, alpha=alpha, lw=0, zorder=1, rasterized=len(y) > 2000)
    if chapters:
        _chapter_lines(ax, df)

    right = ax.twinx()
    ax.right_ax = right  # type: ignore[attr-defined]
    v = line["value"].to_numpy()
    limit = _symmetric_limit(v)
    right.set_ylim(-limit * 1.05, limit * 1.05)
    right.axhline(0, color="0.5", lw=0.8, zorder=1)
    right.fill_between(line["time"], 0, v, where=v >= 0, interpolate=True, color=POSITIVE,
                       alpha=0.22, lw=0)  # fmt: skip
    right.fill_between(line["time"], 0, v, where=v <= 0, interpolate=True, color=NEGATIVE,
                       alpha=0.22, lw=0)  # fmt: skip
    right.plot(line["time"], v, color=LINE, lw=2.2, zorder=3)
    right.set_ylabel(f"smoothed line: {_method_text(method, params)}", color=LINE)
    right.spines[["top"]].set_visible(False)
    ax.spines[["top"]].set_visible(False)

    _titles(ax, title or display_title(df), _choices_text(df, story, method, params))
    return ax


def _titles(ax: Axes, title: str, subtitle: str) -> None:
    """Bold title, grey subtitle under it, and room below them for chapter labels."""
    ax.set_title(title, fontsize=14, fontweight="bold", loc="left", pad=32)
    ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 16),
                textcoords="offset points", fontsize=8.5, color="0.35", va="bottom")  # fmt: skip


def _points(story: pd.DataFrame, value: str) -> tuple[np.ndarray, np.ndarray]:
    """The story's units as points: narrative time 0–100 % and their values."""
    y = story[value].to_numpy(dtype=float)
    return (np.linspace(0, 100, len(y)) if len(y) > 1 else np.zeros(1)), y


def _time_axis(ax: Axes) -> None:
    ax.set_xlim(0, 100)
    ax.set_xticks(np.arange(0, 101, 10))
    ax.set_xticklabels([f"{t}%" for t in range(0, 101, 10)])
    ax.set_xlabel("narrative time (share of the story)")


def _symmetric_limit(values: np.ndarray) -> float:
    """A symmetric y limit a little beyond the data, rounded up to 0.05 (at least 0.1)."""
    peak = float(np.nanmax(np.abs(values))) if len(values) else 0.0
    return max(0.1, np.ceil(peak * 1.15 / 0.05) * 0.05)


#: The parameter each smoother's label always shows (its default when not given).
_SHOWN = {"rolling": "window", "lowess": "frac", "savgol": "window", "dct": "low_pass_size"}


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
    names = {"rolling": "rolling mean", "lowess": "LOWESS", "savgol": "Savitzky–Golay",
             "dct": "DCT low-pass"}  # fmt: skip
    return f"{names.get(method, method)} ({shown})"


def _choices_text(df: pd.DataFrame, story: pd.DataFrame, method: str, params: dict) -> str:
    """The subtitle: what the points are, what the line is, and the chapters."""
    unit = df.attrs.get("unit", "unit")
    extra = ""
    if unit == "window":
        extra = f" of {df.attrs.get('window')} words, step {df.attrs.get('step')}"
    n_chapters = story["chapter"].nunique() if "chapter" in story else 0
    chapters = f" · {n_chapters} chapters" if n_chapters else ""
    return (
        f"points: {len(story):,} {UNIT_NAMES.get(unit, unit)}{extra} (left scale) · "
        f"line: {_method_text(method, params)} (right scale){chapters}"
    )


def _chapter_lines(ax: Axes, df: pd.DataFrame) -> None:
    """Light vertical lines at chapter starts; labelled when few, books darker."""
    starts = chapter_starts(df)
    if starts.empty:
        return
    majors = starts[starts["major"]]
    label_all = len(starts) <= MAX_LABELLED_CHAPTERS
    drawn = majors if len(starts) > MAX_DRAWN_CHAPTERS and len(majors) else starts
    for row in drawn.itertuples():
        ax.axvline(row.time, color="0.55" if row.major else "0.82", lw=0.9 if row.major else 0.6,
                   zorder=0)  # fmt: skip
    labelled = starts if label_all else majors if len(majors) <= MAX_LABELLED_CHAPTERS else None
    if labelled is None:
        return
    size = 7 if len(labelled) <= 20 else 6
    last = -100.0
    for row in labelled.itertuples():
        if row.time - last < MIN_LABEL_GAP:
            continue  # too close to the previous label to be read; its line stays
        last = row.time
        text = row.label if label_all else row.label.rsplit(".", 1)[0]
        ax.annotate(text, xy=(row.time, 1), xycoords=ax.get_xaxis_transform(), xytext=(1, 2),
                    textcoords="offset points", fontsize=size, color="0.35", ha="left",
                    va="bottom", annotation_clip=False)  # fmt: skip


def plot_methods(
    df: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None, value: str = "compound"
) -> Axes:
    """Syuzhet-style method comparison: raw points, rolling mean, LOWESS and DCT on one chart.

    Every line is rescaled to −1…+1 (syuzhet's ``rescale``) so the shapes compare; the
    points keep their compound values.
    """
    ax = _axes(ax)
    story = story_values(df, value)
    if story.empty:
        return ax
    x, y = _points(story, value)
    _time_axis(ax)
    ax.set_ylim(-1.05, 1.05)
    ax.axhline(0, color="0.5", lw=0.8)
    dense = len(y) > 2000
    ax.scatter(x, y, s=3 if dense else 8, color="0.45", alpha=0.25 if dense else 0.4, lw=0,
               label=f"raw {UNIT_NAMES.get(df.attrs.get('unit'), 'units')}",
               rasterized=dense)  # fmt: skip
    params = {"rolling": {"window": 0.1}, "lowess": {"frac": 0.2}, "dct": {"low_pass_size": 5}}
    for method, style in METHOD_STYLE.items():
        line = smoothed_arc(df, method, value, **params[method])
        ax.plot(line["time"], rescale(line["value"].to_numpy()), lw=2.2, **style)
    ax.set_ylabel("compound (points) · each line rescaled to −1…+1")
    unit = UNIT_NAMES.get(df.attrs.get("unit"), "units")
    _titles(ax, title or display_title(df),
            f"method comparison · points: {len(y):,} {unit} (compound) · lines: rolling mean, "
            "LOWESS and DCT, each rescaled to −1…+1 so their shapes compare")  # fmt: skip
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, frameon=False, fontsize=8.5,
              markerscale=3)  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_compare(data: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Overlay the arcs of :func:`arc.compare` on the 0–100 % axis, with a legend of titles."""
    ax = _axes(ax)
    if data.empty:
        return ax
    _time_axis(ax)
    scaled = data.attrs.get("scale", True)
    if scaled:
        ax.set_ylim(-1.1, 1.1)
    ax.axhline(0, color="0.5", lw=0.8, zorder=0)
    for name, group in data.groupby("title", sort=False):
        ax.plot(group["time"], group["value"], lw=2.2, label=str(name))
    method = data.attrs.get("method", "")
    how = "each arc rescaled to −1…+1" if scaled else "VADER compound"
    ax.set_ylabel(f"sentiment ({how})")
    ax.set_title(title or "Sentiment arcs compared", fontsize=14, fontweight="bold", loc="left",
                 pad=22)  # fmt: skip
    smoothing = _method_text(method, data.attrs.get("params") or {})
    ax.text(0, 1.015, f"sentence scores smoothed with {smoothing} · narrative time 0–100% · "
            f"{how}", transform=ax.transAxes, fontsize=8.5, color="0.35", va="bottom")  # fmt: skip
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=min(3, data["title"].nunique()),
              frameon=False, fontsize=9)  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    return ax
