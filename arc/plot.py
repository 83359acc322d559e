"""Drawing an arc on a matplotlib ``Axes``; nothing here saves, shows or touches rcParams.

Data shaping (which rows, which points to annotate) happens outside this module; these
functions only draw, and return the ``Axes`` they drew on.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.annotate import choose_annotations
from arc.paratext import STORY_ROLES
from arc.shape import display_title

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["NEUTRAL", "plot_arc"]

#: VADER's conventional neutral band: |compound| < 0.05.
NEUTRAL = 0.05
#: The y axis runs to ±LABEL_MARGIN; annotation labels sit between ±1 and it.
LABEL_MARGIN = 1.42
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
    ax = current_axes(ax)
    story_rows = df["role"].isin(STORY_ROLES)
    rows = df if include_paratext else df[story_rows]
    if rows.empty:
        return ax
    x = np.arange(1, len(rows) + 1)
    y = rows[value].to_numpy(dtype=float)
    story = rows["role"].isin(STORY_ROLES).to_numpy()
    xpos = dict(zip(rows.index, x, strict=True))

    _frame_axes(ax)
    spread = {"compound_min", "compound_max"} <= set(rows) and value == "compound"
    if spread:
        ax.vlines(x, rows["compound_min"], rows["compound_max"], color=RANGE, alpha=0.3,
                  lw=4, zorder=1)  # fmt: skip
    ys = np.where(story, y, np.nan)
    ax.fill_between(x, 0, ys, where=ys >= 0, interpolate=True, color=POSITIVE, alpha=0.18, lw=0)
    ax.fill_between(x, 0, ys, where=ys <= 0, interpolate=True, color=NEGATIVE, alpha=0.18, lw=0)
    line = {"color": LINE, "lw": 1.8, "zorder": 3, "label": _value_label(value)}
    ax.plot(x[story], y[story], **{**line, **line_kws})
    colors = np.where(y > NEUTRAL, POSITIVE, np.where(y < -NEUTRAL, NEGATIVE, SPREAD))
    ax.scatter(x[story], y[story], c=colors[story], s=46, zorder=4, edgecolors="white",
               linewidths=0.8)  # fmt: skip
    if not story.all():
        ax.scatter(x[~story], y[~story], s=40, zorder=4, facecolors="none", edgecolors=SPREAD)
        for xi, role in _role_runs(x, rows["role"].to_numpy(), story):
            ax.annotate(
                role, (xi, -0.97), ha="center", va="bottom", fontsize=7, color="0.45", rotation=90
            )

    ax.set_xlim(0.4, len(rows) + 0.6)
    ax.set_xticks(x if len(x) <= 30 else ax.get_xticks())
    ax.set_xlim(0.4, len(rows) + 0.6)
    ax.set_xlabel("story paragraph, in narrative order" if not include_paratext else "paragraph")
    ax.set_ylabel("sentiment (VADER compound)")
    set_titles(ax, title or display_title(df), _subtitle(df, rows, value, spread))
    if annotate:
        _annotate(ax, df, xpos, value, len(rows))
    return ax


def set_titles(ax: Axes, title: str, subtitle: str, *, room: float = 0) -> None:
    """A bold title (wrapped when long) with a grey subtitle under it, above the axes.

    ``room`` is extra space in points kept between the subtitle and the axes (for chapter
    labels). Long lines are wrapped, never clipped.
    """
    width_pt = axes_width_pt(ax)
    chars = max(40, int(width_pt / 4.7))  # 8.5 pt text is about 4.7 pt a character
    title = "\n".join(textwrap.wrap(title, max(30, int(chars / 1.75)))) or title
    lines = textwrap.wrap(subtitle, chars)
    ax.annotate("\n".join(lines), xy=(0, 1), xycoords="axes fraction", xytext=(0, 5 + room),
                textcoords="offset points", fontsize=8.5, color="0.35", va="bottom",
                annotation_clip=False)  # fmt: skip
    ax.set_title(title, fontsize=14, fontweight="bold", loc="left",
                 pad=12 + room + 11 * len(lines))  # fmt: skip


def axes_width_pt(ax: Axes) -> float:
    """The width of the axes in points, from the figure's size (10 in if unknown)."""
    from matplotlib.figure import Figure

    root = getattr(ax.figure, "figure", ax.figure)  # a SubFigure's .figure is the root
    width_in = root.get_figwidth() if isinstance(root, Figure) else 10.0
    return float(width_in * ax.get_position().width * 72)


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


def _frame_axes(ax: Axes) -> None:
    """The fixed −1…+1 scale, the zero line and the shaded neutral band.

    The axes reach a little beyond ±1 (ticks and spine stop at ±1): annotation labels live
    in those two margins, where no point can be.
    """
    ax.set_ylim(-LABEL_MARGIN, LABEL_MARGIN)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.spines["left"].set_bounds(-1, 1)
    ax.axhspan(-NEUTRAL, NEUTRAL, color="0.85", alpha=0.6, lw=0, zorder=0)
    ax.axhline(0, color="0.55", lw=0.8, zorder=0)
    ax.text(1.005, 0.75, "positive", transform=ax.get_yaxis_transform(), color=POSITIVE,
            fontsize=8, va="center", rotation=90)  # fmt: skip
    ax.text(1.005, -0.75, "negative", transform=ax.get_yaxis_transform(), color=NEGATIVE,
            fontsize=8, va="center", rotation=90)  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="0.92", lw=0.8, zorder=0)


def count(n: int, things: str) -> str:
    """'3,353 sentences', '1 sentence': a number with its (plural) noun made to agree."""
    return f"{n:,} {things}" if n != 1 else f"1 {things.removesuffix('s')}"


def current_axes(ax: Axes | None) -> Axes:
    """The given Axes, or pyplot's current one (pyplot is imported only then)."""
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _subtitle(df: pd.DataFrame, rows: pd.DataFrame, value: str, spread: bool) -> str:
    """What is plotted, the key to the marks, and what was left out."""
    n = int(rows["role"].isin(STORY_ROLES).sum())
    how = "the mean VADER compound of its sentences" if value == "compound" else value
    key = " · bars: its sentences' range" if spread else ""
    left_out = sorted(set(df["role"]) - set(rows["role"]))
    tail = f" · left out: {', '.join(left_out)}" if left_out else ""
    return (
        f"{count(n, 'story paragraphs')} · each point: {how}{key} · "
        f"grey band: neutral (±{NEUTRAL}){tail}"
    )


def _value_label(value: str) -> str:
    """Label of the arc line."""
    if value == "compound":
        return "paragraph sentiment (mean of its sentences)"
    return f"paragraph sentiment ({value})"


def _annotate(ax: Axes, df: pd.DataFrame, xpos: dict, value: str, n: int) -> None:
    """Label the lowest, highest and last story points, inside the axes and not overlapping."""
    notes = [note for note in choose_annotations(df, value) if note.row in xpos]
    points = [(float(xpos[note.row]), float(df.at[note.row, value]), note) for note in notes]
    chars = axes_width_pt(ax) / 4.6  # 8.5 pt labels: about 4.6 pt a character
    placed = place_labels(points, n, chars_across=chars)
    for (x, y, note), (tx, ty, ha, va) in zip(points, placed, strict=True):
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
_LABEL_HEIGHT = 0.16


def place_labels(
    points: list[tuple[float, float, Any]], n: int, chars_across: float = _CHARS_ACROSS
) -> list[tuple]:
    """Where each annotation's text goes: ``(x, y, ha, va)``, in the margins beyond ±1.

    Lows are labelled in the margin below −1, the rest above +1, so a label never covers a
    point; labels near the edges are aligned inwards, and one that would cover an earlier
    label moves one box-height further out.
    """
    placed: list[tuple[float, float, float, float]] = []  # x0, x1, y0, y1 of each box
    out = []
    width_per_char = (n + 0.2) / chars_across
    for x, y, note in points:
        above = "lowest" not in note.kinds and (y >= -0.2 or "highest" in note.kinds)
        frac = (x - 0.4) / (n + 0.2)
        ha = "right" if frac > 0.7 else "left" if frac < 0.3 else "center"
        tx = x + {"right": -0.15, "left": 0.15, "center": 0.0}[ha] * max(1.0, n / 10)
        width = len(note.caption) * width_per_char
        x0 = {"right": tx - width, "left": tx, "center": tx - width / 2}[ha]
        for tier in range(2):
            if above:  # in the margin above +1, where no point can be
                ty = 1.05 + tier * _LABEL_HEIGHT * 1.12
                box = (x0, x0 + width, ty, ty + _LABEL_HEIGHT)
            else:  # in the margin below -1
                ty = -1.05 - tier * _LABEL_HEIGHT * 1.12
                box = (x0, x0 + width, ty - _LABEL_HEIGHT, ty)
            if not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        out.append((tx, ty, ha, "bottom" if above else "top"))
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]
