"""Drawing a :class:`arc.charts.data.Chart` on matplotlib Axes: the one matplotlib renderer.

It computes nothing about the text: every position, value, label and colour comes from the
chart data, and the look it adds (greys, font sizes) from :mod:`arc.charts.theme`. Text is drawn
as text (``$`` is never read as math), in fonts that have its glyphs where the machine has one
(:mod:`arc.charts.fonts`). Nothing here saves, shows or touches rcParams.
"""

from __future__ import annotations

import textwrap
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.charts.theme import (
    ANNOTATION_FONT,
    AXIS_LABEL_FONT,
    BAR_LABEL_FONT,
    BOOK_LINE,
    BOX_TEXT,
    CAPTION_GREY,
    CHAPTER_LINE,
    DENSE_POINTS,
    GRID,
    INK,
    LABEL_FONT,
    LABEL_GREY,
    LEGEND_ROWS,
    NEGATIVE,
    NEUTRAL_BAND,
    POSITIVE,
    SIGN_FONT,
    SUBTITLE_FONT,
    TITLE_FONT,
    TURN_FONT,
    TURN_MARKER_FONT,
    ZERO_LINE,
    chapter_font,
    legend_font,
)
from arc.errors import ArcWarning

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from arc.charts.data import Chart, Panel

__all__ = ["current_axes", "draw", "figure_width"]


def current_axes(ax: Axes | None) -> Axes:
    """The given Axes, or pyplot's current one (pyplot is imported only then)."""
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def figure_width(ax: Axes) -> float:
    """How wide the figure of ``ax`` is in inches: the width a chart lays its labels out for."""
    from matplotlib.figure import Figure

    root = getattr(ax.figure, "figure", ax.figure)  # a SubFigure's .figure is the root
    return float(root.get_figwidth()) if isinstance(root, Figure) else 10.0


def draw(chart: Chart, ax: Axes | None = None, **line_kws: Any) -> Axes:
    """Draw ``chart`` with its top panel on ``ax``; further panels are stacked below it.

    The panels share the x axis. When ``ax`` sits in a grid (``fig.add_subplot``), its cell
    is split between the panels; the other panels' Axes are in ``ax.arc_panels`` (by
    name). ``line_kws`` go to the ``Axes.plot`` call of the top panel's first line.
    """
    from arc.charts.fonts import font_for, missing_glyph_warning

    ax = current_axes(ax)
    choice = font_for(chart.texts())
    message = missing_glyph_warning(choice)
    if message:
        warnings.warn(message, ArcWarning, stacklevel=2)
    text: dict[str, Any] = {"parse_math": False, "fontfamily": list(choice.families)}
    axes = _panel_axes(ax, chart)
    for k, (panel, pax) in enumerate(zip(chart.panels, axes, strict=True)):
        _draw_panel(pax, panel, text, line_kws if k == 0 else {})
        pax.set_xlim(*chart.xlim)
        for mark in chart.chapters:
            pax.axvline(
                mark.x,
                color=BOOK_LINE if mark.major else CHAPTER_LINE,
                lw=0.9 if mark.major else 0.6,
                zorder=0,
            )
        last = k == len(chart.panels) - 1
        if chart.xticks:
            pax.set_xticks(chart.xticks)
        if last:
            if chart.xtick_labels is not None:
                pax.set_xticklabels(chart.xtick_labels)
            pax.set_xlabel(chart.xlabel, **text)
        else:
            pax.tick_params(axis="x", labelbottom=False)
    top = axes[0]
    for mark in chart.chapters:
        if mark.label:
            top.annotate(
                mark.label,
                xy=(mark.x, 1),
                xycoords=top.get_xaxis_transform(),
                xytext=(1, 2 + 10 * mark.tier),
                textcoords="offset points",
                fontsize=chapter_font(len(chart.chapters)),
                color=CAPTION_GREY,
                ha="left",
                va="bottom",
                annotation_clip=False,
                **text,
            )
    _titles(top, chart.title, chart.subtitle, text, room=10 * chart.chapter_rows)
    top.arc_panels = dict(zip((p.name for p in chart.panels), axes, strict=True))  # type: ignore[attr-defined]
    return top


def _panel_axes(ax: Axes, chart: Chart) -> list[Axes]:
    """One Axes per panel: ``ax`` for the first, the rest made by splitting its place."""
    n = len(chart.panels)
    if n == 1:
        return [ax]
    ratios = [p.height for p in chart.panels]
    spec = ax.get_subplotspec()
    fig = ax.get_figure()
    if fig is None:
        raise ValueError("the Axes belongs to no figure: make it with fig.add_subplot()")
    if spec is not None:
        grid = spec.subgridspec(n, 1, height_ratios=ratios, hspace=0.06)
        ax.set_subplotspec(grid[0])
        return [ax] + [fig.add_subplot(grid[i], sharex=ax) for i in range(1, n)]
    box = ax.get_position()
    total = sum(ratios)
    out = []
    top = box.y1
    for i, r in enumerate(ratios):
        h = box.height * r / total
        rect = (box.x0, top - h, box.width, h * 0.94)
        if i == 0:
            ax.set_position(rect)
            out.append(ax)
        else:
            out.append(fig.add_axes(rect, sharex=ax))
        top -= h
    return out


def _draw_panel(ax: Axes, panel: Panel, text: dict[str, Any], line_kws: dict[str, Any]) -> None:
    """Scale, guides, then bars, lines, points, labels and annotations of one panel."""
    ax.set_ylim(*panel.ylim)
    ax.set_yticks(panel.yticks)
    if panel.ytick_labels is not None:
        ax.set_yticklabels(panel.ytick_labels)
    if panel.spine is not None:
        ax.spines["left"].set_bounds(*panel.spine)
    ax.set_ylabel(panel.ylabel, fontsize=AXIS_LABEL_FONT, **text)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color=GRID, lw=0.8, zorder=0)
    if panel.neutral:
        low, high = panel.spine or (-panel.neutral, panel.neutral)  # not into label rows
        ax.axhspan(
            max(-panel.neutral, low),
            min(panel.neutral, high),
            color=NEUTRAL_BAND,
            alpha=0.45,
            lw=0,
            zorder=0,
        )
    if panel.zero:
        ax.axhline(0, color=ZERO_LINE, lw=0.8, zorder=1)
    if panel.signs:
        transform = ax.get_yaxis_transform()
        top = panel.spine[1] if panel.spine else panel.ylim[1]
        ax.text(
            1.005,
            top * 0.75,
            "positive",
            transform=transform,
            color=POSITIVE,
            fontsize=SIGN_FONT,
            va="center",
            rotation=90,
            **text,
        )
        ax.text(
            1.005,
            -top * 0.75,
            "negative",
            transform=transform,
            color=NEGATIVE,
            fontsize=SIGN_FONT,
            va="center",
            rotation=90,
            **text,
        )
    for shade in panel.shades:
        ax.axvspan(shade.x0, shade.x1, color=shade.color, alpha=shade.alpha, lw=0, zorder=0)
    for band in panel.bands:
        ax.fill_between(
            band.x,
            band.low,
            band.high,
            color=band.color,
            alpha=band.alpha,
            lw=0,
            zorder=2,
            label=band.label,
        )
        if band.outline:
            ax.plot(band.x, band.low, color=band.color, lw=0.6, alpha=0.8, zorder=2)
            ax.plot(band.x, band.high, color=band.color, lw=0.6, alpha=0.8, zorder=2)
    for spread in panel.ranges:
        ax.vlines(spread.x, spread.low, spread.high, color=spread.color, alpha=0.3, lw=4, zorder=1)
    for bars in panel.bars:
        ax.axvline(0, color=ZERO_LINE, lw=0.8, zorder=1)
        ax.barh(bars.y, bars.value, height=bars.height, color=bars.colors, zorder=2)
        for at, v, tag in zip(bars.y, bars.value, bars.labels, strict=True):
            ax.annotate(
                tag,
                (v, at),
                xytext=(3 if v >= 0 else -3, 0),
                textcoords="offset points",
                ha="left" if v >= 0 else "right",
                va="center",
                fontsize=BAR_LABEL_FONT,
                color=INK,
                **text,
            )
    for k, line in enumerate(panel.lines):
        x, y = np.asarray(line.x), np.asarray(line.y)
        if line.fill:
            above: Any = y >= 0  # a boolean array; older matplotlib stubs ask for a sequence
            below: Any = y <= 0
            ax.fill_between(
                x, 0, y, where=above, interpolate=True, color=POSITIVE, alpha=0.2, lw=0, zorder=1
            )
            ax.fill_between(
                x, 0, y, where=below, interpolate=True, color=NEGATIVE, alpha=0.2, lw=0, zorder=1
            )
        style = {"color": line.color, "lw": line.width, "zorder": 3, "label": line.label}
        ax.plot(x, y, **{**style, **(line_kws if k == 0 else {})})
    for pts in panel.points:
        dense = len(pts.x) > DENSE_POINTS
        if pts.overlay:  # rings on data points: a mark, not data (labelled "_" for that)
            ax.plot(
                pts.x,
                pts.y,
                linestyle="none",
                marker="o",
                markersize=pts.size**0.5,
                markerfacecolor="none",
                markeredgecolor=pts.colors[0] if pts.colors else INK,
                markeredgewidth=1.6,
                zorder=5,
                label=f"_{pts.label}",
            )
        elif pts.hollow:
            ax.scatter(pts.x, pts.y, s=pts.size, facecolors="none", edgecolors=pts.colors, zorder=4)
        else:
            ax.scatter(
                pts.x,
                pts.y,
                c=pts.colors,
                s=pts.size,
                alpha=pts.alpha,
                zorder=4,
                edgecolors="white" if pts.size >= 30 else "none",
                linewidths=0.8 if pts.size >= 30 else 0,
                rasterized=dense,
            )
    for turn in panel.turns:  # glyphs and vlines: Line2D and PathCollection are lines, points
        peak = turn.kind == "peak"
        ax.text(
            turn.x,
            turn.y,
            "\u25b2" if peak else "\u25bc",
            ha="center",
            va="center_baseline",
            fontsize=TURN_MARKER_FONT,
            color=turn.color,
            zorder=6,
            clip_on=False,
            **text,
        )
        if turn.text:
            ax.vlines(
                turn.x,
                turn.y,
                turn.box[2] if peak else turn.box[3],
                color=turn.color,
                lw=0.7,
                alpha=0.8,
                zorder=2,
                clip_on=False,
            )
            ax.text(
                turn.text_x,
                turn.text_y,
                turn.text,
                ha=turn.ha,
                va="center",
                fontsize=TURN_FONT,
                color=BOX_TEXT,
                zorder=5,
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": turn.color, "lw": 0.8},
                **text,
            )
    for label in panel.labels:
        ax.annotate(
            label.text,
            (label.x, label.y),
            ha="center",
            va="bottom",
            fontsize=LABEL_FONT,
            color=LABEL_GREY,
            rotation=label.rotation,
            **text,
        )
    for note in panel.annotations:
        ax.annotate(
            note.text,
            xy=(note.x, note.y),
            xytext=(note.text_x, note.text_y),
            ha=note.ha,
            va=note.va,
            fontsize=ANNOTATION_FONT,
            color=BOX_TEXT,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": note.color, "lw": 0.9},
            arrowprops={"arrowstyle": "-", "color": note.color, "lw": 0.9, "shrinkB": 4},
            **text,
        )
    if panel.legend and panel.lines:
        legend = ax.legend(
            loc="best",
            fontsize=legend_font(len(panel.lines)),
            framealpha=0.9,
            ncol=1 if len(panel.lines) <= LEGEND_ROWS else 2,
        )
        for entry in legend.get_texts():
            entry.set_parse_math(False)
            entry.set_fontfamily(text["fontfamily"])


def _titles(ax: Axes, title: str, subtitle: str, text: dict[str, Any], *, room: float) -> None:
    """A bold title (wrapped when long) with a grey subtitle under it, above the axes.

    ``room`` is extra space in points kept between the subtitle and the axes (for chapter
    labels). Long lines are wrapped to the figure's width, never clipped.
    """
    width_in = figure_width(ax)
    chars = max(40, int(width_in * ax.get_position().width * 72 / 4.7))
    title = "\n".join(textwrap.wrap(title, max(30, int(chars / 1.75)))) or title
    lines = textwrap.wrap(subtitle, chars)
    ax.annotate(
        "\n".join(lines),
        xy=(0, 1),
        xycoords="axes fraction",
        xytext=(0, 5 + room),
        textcoords="offset points",
        fontsize=SUBTITLE_FONT,
        color=CAPTION_GREY,
        va="bottom",
        annotation_clip=False,
        **text,
    )
    ax.set_title(
        title,
        fontsize=TITLE_FONT,
        fontweight="bold",
        loc="left",
        color=INK,
        pad=12 + room + 11 * len(lines),
        **text,
    )
