"""Drawing an arc on a matplotlib ``Axes``; nothing here saves, shows or touches rcParams.

Data shaping (which rows, which points to annotate) happens outside this module; these
functions only draw, and return the ``Axes`` they drew on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.annotate import choose_annotations

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["NEUTRAL", "plot_arc"]

#: VADER's conventional neutral band: |compound| < 0.05.
NEUTRAL = 0.05
POSITIVE = "#1a9850"
NEGATIVE = "#d73027"
LINE = "#333333"
SPREAD = "#9e9e9e"
RANGE = "#6b8cae"


def plot_arc(
    df: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    **line_kws: Any,
) -> Axes:
    """Plot a story's sentiment arc: paragraphs in narrative order, compound on −1…+1.

    Parameters
    ----------
    df
        A paragraph frame from :func:`arc.analyze`.
    ax
        The Axes to draw on; by default the current Axes of pyplot.
    title
        Chart title; by default the detected title (``df.attrs["title"]``).
    value
        Column to plot (``"compound"``, or ``"compound_raw"`` for whole-paragraph VADER).
    include_paratext
        Also plot notes, title, end markers and separators (hollow grey points).
    annotate
        Label the lowest, highest and last story paragraph with a short excerpt.
    **line_kws
        Passed to the ``Axes.plot`` call that draws the arc line.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import arc
    >>> from matplotlib.figure import Figure
    >>> ax = arc.plot_arc(arc.analyze(), ax=Figure().add_subplot())
    >>> ax.get_title(loc="left")
    'Final Goodbyes'

    """
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    rows = df if include_paratext else df[df["role"] == "body"]
    if rows.empty:
        return ax
    x = np.arange(1, len(rows) + 1)
    y = rows[value].to_numpy(dtype=float)
    story = (rows["role"] == "body").to_numpy()
    xpos = dict(zip(rows.index, x, strict=True))

    _frame_axes(ax)
    if {"compound_min", "compound_max"} <= set(rows) and value == "compound":
        ax.vlines(x, rows["compound_min"], rows["compound_max"], color=RANGE, alpha=0.3,
                  lw=4, zorder=1, label="sentence range (min–max)")  # fmt: skip
    ys = np.where(story, y, np.nan)
    ax.fill_between(x, 0, ys, where=ys >= 0, interpolate=True, color=POSITIVE, alpha=0.18, lw=0)
    ax.fill_between(x, 0, ys, where=ys <= 0, interpolate=True, color=NEGATIVE, alpha=0.18, lw=0)
    line = {"color": LINE, "lw": 1.8, "zorder": 3, "label": _value_label(value, rows)}
    ax.plot(x[story], y[story], **{**line, **line_kws})
    colors = np.where(y > NEUTRAL, POSITIVE, np.where(y < -NEUTRAL, NEGATIVE, SPREAD))
    ax.scatter(x[story], y[story], c=colors[story], s=46, zorder=4, edgecolors="white",
               linewidths=0.8)  # fmt: skip
    if not story.all():
        ax.scatter(x[~story], y[~story], s=40, zorder=4, facecolors="none", edgecolors=SPREAD,
                   label="paratext (note, title, end)")  # fmt: skip
        for xi, role in zip(x[~story], rows["role"][~story], strict=True):
            ax.annotate(role, (xi, -0.97), ha="center", va="bottom", fontsize=7, color="0.45")

    ax.set_xlim(0.4, len(rows) + 0.6)
    ax.set_xticks(x if len(x) <= 30 else ax.get_xticks())
    ax.set_xlabel("story paragraph, in narrative order" if not include_paratext else "paragraph")
    ax.set_ylabel("sentiment (VADER compound)")
    ax.set_title(title if title is not None else (df.attrs.get("title") or ""), fontsize=14,
                 fontweight="bold", loc="left", pad=22)  # fmt: skip
    ax.text(0, 1.015, _subtitle(df, rows, value), transform=ax.transAxes, fontsize=8.5,
            color="0.4", va="bottom")  # fmt: skip
    if annotate:
        _annotate(ax, df, xpos, value, len(rows))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, frameon=False,
              fontsize=8)  # fmt: skip
    return ax


def _frame_axes(ax: Axes) -> None:
    """The fixed −1…+1 scale, the zero line and the shaded neutral band."""
    ax.set_ylim(-1.05, 1.05)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.axhspan(-NEUTRAL, NEUTRAL, color="0.85", alpha=0.6, lw=0, zorder=0,
               label=f"neutral (±{NEUTRAL})")  # fmt: skip
    ax.axhline(0, color="0.55", lw=0.8, zorder=0)
    ax.text(1.005, 0.75, "positive", transform=ax.get_yaxis_transform(), color=POSITIVE,
            fontsize=8, va="center", rotation=90)  # fmt: skip
    ax.text(1.005, -0.75, "negative", transform=ax.get_yaxis_transform(), color=NEGATIVE,
            fontsize=8, va="center", rotation=90)  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="0.92", lw=0.8, zorder=0)


def _subtitle(df: pd.DataFrame, rows: pd.DataFrame, value: str) -> str:
    """One grey line under the title saying what is plotted and what was left out."""
    n = int((rows["role"] == "body").sum())
    how = "mean of its sentences' VADER compound" if value == "compound" else value
    left_out = sorted(set(df["role"]) - set(rows["role"]))
    tail = f" · left out: {', '.join(left_out)}" if left_out else ""
    return f"{n} story paragraphs · each point: {how}{tail}"


def _value_label(value: str, rows: pd.DataFrame) -> str:
    """Legend text for the arc line."""
    if value == "compound":
        return "paragraph sentiment (mean of its sentences)"
    return f"paragraph sentiment ({value})"


def _annotate(ax: Axes, df: pd.DataFrame, xpos: dict, value: str, n: int) -> None:
    """Label the lowest, highest and last story points, inside the axes and not overlapping."""
    notes = [note for note in choose_annotations(df, value) if note.row in xpos]
    points = [(float(xpos[note.row]), float(df.at[note.row, value]), note) for note in notes]
    for (x, y, note), (tx, ty, ha, va) in zip(points, place_labels(points, n), strict=True):
        color = NEGATIVE if y < -NEUTRAL else POSITIVE if y > NEUTRAL else LINE
        ax.annotate(
            note.caption, xy=(x, y), xytext=(tx, ty), ha=ha, va=va, fontsize=8.5,
            color="0.15", zorder=5,
            bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": color, "lw": 0.8},
            arrowprops={"arrowstyle": "-", "color": color, "lw": 0.9, "shrinkB": 4},
        )  # fmt: skip


#: Label geometry in data units of the story chart (10 x 5.6 in figure, 8.5 pt text):
#: about 140 characters span the x axis, and a label box is about 0.12 high on −1…+1.
_CHARS_ACROSS = 140
_LABEL_HEIGHT = 0.14


def place_labels(points: list[tuple[float, float, Any]], n: int) -> list[tuple]:
    """Where each annotation's text goes: ``(x, y, ha, va)``, stacked so boxes do not overlap.

    Lows are labelled below their point, the rest above; labels near the edges are aligned
    inwards; a label that would cover an earlier one moves one box-height further away.
    """
    placed: list[tuple[float, float, float, float]] = []  # x0, x1, y0, y1 of each box
    out = []
    width_per_char = (n + 0.2) / _CHARS_ACROSS
    for x, y, note in points:
        above = "lowest" not in note.kinds and (y >= -0.2 or "highest" in note.kinds)
        frac = (x - 0.4) / (n + 0.2)
        ha = "right" if frac > 0.7 else "left" if frac < 0.3 else "center"
        tx = x + {"right": -0.15, "left": 0.15, "center": 0.0}[ha] * max(1.0, n / 10)
        width = len(note.caption) * width_per_char
        x0 = {"right": tx - width, "left": tx, "center": tx - width / 2}[ha]
        for tier in range(6):
            if above:
                ty = min(y + 0.42, 0.97 - _LABEL_HEIGHT) - tier * _LABEL_HEIGHT * 1.1
                box = (x0, x0 + width, ty, ty + _LABEL_HEIGHT)
            else:
                ty = max(y - 0.42, -0.97 + _LABEL_HEIGHT) + tier * _LABEL_HEIGHT * 1.1
                box = (x0, x0 + width, ty - _LABEL_HEIGHT, ty)
            if not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        out.append((tx, ty, ha, "bottom" if above else "top"))
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]
