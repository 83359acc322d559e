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
    CAPTION_FONT,
    CAPTION_GREY,
    CHAPTER_LINE,
    DENSE_POINTS,
    ENVELOPE_HATCH,
    FAINT_TURN,
    GRID,
    INK,
    LABEL_FONT,
    LABEL_GREY,
    LEGEND_FONT,
    NEGATIVE,
    NEUTRAL_ALPHA,
    NEUTRAL_BAND,
    POSITIVE,
    SHADE_HEIGHT,
    SIGN_FONT,
    SUBTITLE_FONT,
    TITLE_FONT,
    TURN_FONT,
    TURN_MARKER_FONT,
    ZERO_LINE,
    chapter_font,
)
from arc.errors import ArcWarning

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from arc.charts.data import Chart, Key, Panel

__all__ = ["current_axes", "draw", "figure_width", "footer_height"]


def current_axes(ax: Axes | None) -> Axes:
    """The given Axes, or pyplot's current one (pyplot is imported only then)."""
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _root(ax: Axes) -> Figure | None:
    """The figure ``ax`` is drawn in (a SubFigure's root figure), for its dpi."""
    from matplotlib.figure import Figure

    root = getattr(ax.figure, "figure", ax.figure)  # a SubFigure's .figure is the root
    return root if isinstance(root, Figure) else None


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
    room = 10 * chart.chapter_rows + _notes_room(chart, top)
    _titles(top, chart.title, chart.subtitle, text, room=room)
    _legend_and_caption(axes[-1], chart, text)
    top.arc_panels = dict(zip((p.name for p in chart.panels), axes, strict=True))  # type: ignore[attr-defined]
    return top


def _notes_room(chart: Chart, ax: Axes) -> float:
    """Points the top panel's boxed captions may reach above it: room the titles keep clear.

    A caption lifted over another (``Annotation.lift``) stands that many points further out
    than its place in data units, which on a short panel can be beyond the panel's margin.
    The panel's height is estimated before the layout: the Axes' share of the figure, less the
    legend and caption under it, the titles over it and the x axis's labels.
    """
    panel = chart.panels[0]
    above = [n for n in panel.annotations if n.va == "bottom"]
    if not above or panel.spine is None:
        return 0.0
    root = getattr(ax.figure, "figure", ax.figure)
    height_pt = float(getattr(root, "get_figheight", lambda: 5.6)()) * 72
    share = min(0.95, ax.get_position().height * 1.2)
    lines = 2 + (len(chart.subtitle) > 100)  # the title's and the subtitle's lines
    used = footer_height(chart, figure_width(ax)) * 72 + 18 * lines + 40 + 10 * chart.chapter_rows
    panel_pt = (height_pt * share - used) * panel.height / sum(p.height for p in chart.panels)
    low, high = panel.ylim
    per_pt = (high - low) / max(panel_pt, 72.0)  # data units a point
    box = ANNOTATION_FONT * 1.9  # a line of text and the box's padding
    reach = max(n.lift + box + (n.text_y - high) / per_pt for n in above)
    return max(0.0, reach)


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
    from matplotlib import patheffects
    from matplotlib.transforms import offset_copy

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
            alpha=NEUTRAL_ALPHA,
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
    for shade in panel.shades:  # a strip along the foot of the panel: a caution, not a highlight
        ax.axvspan(
            shade.x0,
            shade.x1,
            ymin=0,
            ymax=SHADE_HEIGHT,
            color=shade.color,
            alpha=shade.alpha,
            lw=0,
            zorder=1,
        )
    for band in panel.bands:
        if band.hatch:  # the chance envelope: a hatch between dashed bounds, no fill
            ax.fill_between(
                band.x,
                band.low,
                band.high,
                facecolor="none",
                edgecolor=band.color,
                hatch=ENVELOPE_HATCH,
                alpha=band.alpha,
                lw=0,
                zorder=1,
            )
            for edge in (band.low, band.high):
                ax.plot(band.x, edge, color=band.color, lw=0.8, ls=(0, (4, 2)), zorder=2)
        else:
            ax.fill_between(
                band.x, band.low, band.high, color=band.color, alpha=band.alpha, lw=0, zorder=2
            )
    for spread in panel.ranges:
        ax.vlines(
            spread.x, spread.low, spread.high, color=spread.color, alpha=0.55, lw=1.2, zorder=3
        )
    for bars in panel.bars:
        ax.axvline(0, color=ZERO_LINE, lw=0.8, zorder=1)
        ax.barh(bars.y, bars.value, height=bars.height, color=bars.colors, zorder=2)
        tips = list(bars.value)
        if bars.intervals():
            tips = _draw_intervals(ax, bars.value, bars.low, bars.high, bars.y)
        for at, v, tip, tag in zip(bars.y, bars.value, tips, bars.labels, strict=True):
            ax.annotate(
                tag,
                (tip, at),
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
        style = {
            "color": line.color,
            "lw": line.width,
            "zorder": 3.5 if line.front else 3,
            "label": line.label,
        }
        if line.dashed:
            style["ls"] = (0, (5, 2))
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
        # A quoted turn: a solid ▲ or ▼ in its sentence's colour, edged in white to stand off
        # the line. A faint one: white inside a grey edge, so it shows on the line, but faintly.
        ax.text(
            turn.x,
            turn.y,
            "\u25b2" if peak else "\u25bc",
            ha="center",
            va="center_baseline",
            fontsize=TURN_MARKER_FONT,
            color="white" if turn.faint else turn.color,
            zorder=6,
            clip_on=False,
            path_effects=[
                patheffects.withStroke(
                    linewidth=1.6 if turn.faint else 1.2,
                    foreground=FAINT_TURN if turn.faint else "white",
                )
            ],
            **text,
        )
        if turn.text and not turn.faint:
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
        lift = note.lift if note.va == "bottom" else -note.lift
        ax.annotate(
            note.text,
            xy=(note.x, note.y),
            xytext=(note.text_x, note.text_y),
            textcoords=offset_copy(ax.transData, fig=_root(ax), y=lift, units="points"),
            ha=note.ha,
            va=note.va,
            fontsize=ANNOTATION_FONT,
            color=BOX_TEXT,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": note.color, "lw": 0.9},
            arrowprops={"arrowstyle": "-", "color": note.color, "lw": 0.9, "shrinkB": 4},
            **text,
        )


def _draw_intervals(
    ax: Axes, values: list[float], low: list[float], high: list[float], rows: list[float]
) -> list[float]:
    """Each bar's interval, a dark line with end ticks over it; where each bar's label goes.

    A white edge keeps the line seen over a dark bar. The label of a bar goes beyond the
    far end of its interval, or its tip when it has none.
    """
    from matplotlib import patheffects

    edge = [patheffects.withStroke(linewidth=2.4, foreground="white")]
    tips = []
    for at, v, lo, hi in zip(rows, values, low, high, strict=True):
        if not (np.isfinite(lo) and np.isfinite(hi)):
            tips.append(v)
            continue
        ax.plot(
            [lo, hi],
            [at, at],
            color=INK,
            lw=1.2,
            solid_capstyle="butt",
            path_effects=edge,
            zorder=3,
        )
        ax.plot(
            [lo, hi], [at, at], ls="none", marker="|", markersize=9, mew=1.2, color=INK, zorder=3
        )
        tips.append(max(v, hi) if v >= 0 else min(v, lo))
    return tips


#: How each kind of legend swatch is drawn: a line, a marker, or a patch.
_MARKERS = {"point": "o", "hollow point": "o", "ring": "o", "peak": "^", "valley": "v"}


def _swatch(key: Key) -> Artist:
    """A legend handle that looks like the mark ``key`` stands for."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if key.mark in ("line", "dashed line", "chapter", "book"):
        ls: Any = (0, (5, 2)) if key.mark == "dashed line" else "-"
        return Line2D([], [], color=key.color, lw=key.width, ls=ls)
    if key.mark == "interval":  # drawn with a tick at each end (see _legend_and_caption)
        return Line2D([], [], color=key.color, lw=key.width, marker="|", markersize=7, mew=1.2)
    if key.mark == "range":
        return Line2D([], [], ls="none", marker="|", markersize=11, mew=1.4, color=key.color)
    if key.mark in _MARKERS:
        hollow = key.mark in ("hollow point", "ring")
        return Line2D(
            [],
            [],
            ls="none",
            marker=_MARKERS[key.mark],
            markersize=10 if key.mark == "ring" else 7,
            mfc="none" if hollow else key.color,
            mec=key.color,
            mew=1.6 if key.mark == "ring" else 0.8,
            alpha=key.alpha,
        )
    if key.mark == "faint turn":
        return Line2D(
            [], [], ls="none", marker="^", markersize=7, mfc="white", mec=key.color, mew=1.2
        )
    if key.mark == "hatch":
        return Patch(
            facecolor="none", edgecolor=key.color, hatch=ENVELOPE_HATCH, ls=(0, (4, 2)), lw=0.8
        )
    return Patch(facecolor=key.color, alpha=key.alpha, lw=0)


#: The legend's spacing, in font sizes: a swatch, the gap after it, the gap between columns.
_HANDLE, _HANDLE_PAD, _COLUMN_GAP = 1.8, 0.8, 1.6


def _legend_width(keys: list[Key], ncol: int) -> float:
    """Points a legend of ``keys`` in ``ncol`` columns takes, filled as matplotlib fills them.

    Each column is as wide as its longest label (about 0.55 of the font size a character)
    and its swatch.
    """
    rows, large = divmod(len(keys), ncol)
    sizes = [rows + 1] * large + [rows] * (ncol - large)
    total, start = 0.0, 0
    for size in sizes:
        column = keys[start : start + size]
        start += size
        if column:
            chars = max(len(k.label) for k in column)
            total += (chars * 0.55 + _HANDLE + _HANDLE_PAD) * LEGEND_FONT
    return total + _COLUMN_GAP * LEGEND_FONT * (ncol - 1)


def _legend_columns(keys: list[Key], width_pt: float) -> tuple[int, int]:
    """How many columns and rows the legend takes in ``width_pt`` points: the most that fit."""
    if not keys:
        return 0, 0
    fits = [c for c in range(1, len(keys) + 1) if _legend_width(keys, c) <= width_pt]
    ncol = max(fits, default=1)
    rows = -(-len(keys) // ncol)
    return -(-len(keys) // rows), rows  # as few columns as that many rows need


def _caption_lines(caption: str, width_pt: float) -> list[str]:
    return textwrap.wrap(caption, max(60, int(width_pt / (CAPTION_FONT * 0.52))))


def footer_height(chart: Chart, width_in: float) -> float:
    """Inches the legend and caption take under the x axis of a ``width_in`` wide figure.

    Added to a chart's nominal height when it is saved, so the panels keep their size.
    """
    width_pt = width_in * 0.85 * 72
    _, rows = _legend_columns(chart.legend(), width_pt)
    lines = len(_caption_lines(chart.caption, width_pt)) if chart.caption else 0
    return (rows * LEGEND_FONT * 1.5 + lines * CAPTION_FONT * 1.3 + 12) / 72


def _legend_and_caption(ax: Axes, chart: Chart, text: dict[str, Any]) -> None:
    """The legend in rows under the bottom panel's x axis, and the small caption under it."""
    from matplotlib.transforms import offset_copy

    keys = chart.legend()
    below = 36.0 if chart.xlabel else 24.0  # tick labels and the x label, in points
    anchor = offset_copy(ax.transAxes, fig=_root(ax), y=-below, units="points")
    # The Axes' width once laid out: a lone Axes grows from matplotlib's default 0.775 of the
    # figure to about the 0.85 that footer_height reckons with; one of several keeps its share.
    width_pt = figure_width(ax) * min(0.85, ax.get_position().width * 1.1) * 72
    where: Any = None
    if keys:
        from matplotlib.legend_handler import HandlerLine2D

        ncol, _ = _legend_columns(keys, width_pt)
        handles = [_swatch(k) for k in keys]
        ends = HandlerLine2D(numpoints=2)  # an interval's swatch: a tick at each end
        legend = ax.legend(
            handles,
            [k.label for k in keys],
            handler_map={
                h: ends for h, k in zip(handles, keys, strict=True) if k.mark == "interval"
            },
            loc="upper left",
            bbox_to_anchor=(0, 0),
            bbox_transform=anchor,
            ncol=ncol,
            fontsize=LEGEND_FONT,
            frameon=False,
            handlelength=_HANDLE,
            handletextpad=_HANDLE_PAD,
            handleheight=0.9,
            columnspacing=_COLUMN_GAP,
            borderaxespad=0,
            borderpad=0,
        )
        for entry in legend.get_texts():
            entry.set_parse_math(False)
            entry.set_fontfamily(text["fontfamily"])
        where = legend
    if chart.caption:
        ax.annotate(
            "\n".join(_caption_lines(chart.caption, width_pt)),
            xy=(0, 0),
            xycoords=where if where is not None else anchor,
            xytext=(0, -6),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=CAPTION_FONT,
            color=CAPTION_GREY,
            annotation_clip=False,
            gid="caption",
            **text,
        )


def _titles(ax: Axes, title: str, subtitle: str, text: dict[str, Any], *, room: float) -> None:
    """A bold title (wrapped when long) with a grey subtitle under it, above the axes.

    ``room`` is extra space in points kept between the subtitle and the axes (for chapter
    labels). Long lines are wrapped to the figure's width, never clipped.
    """
    width_in = figure_width(ax)
    chars = max(40, int(width_in * ax.get_position().width * 72 / (SUBTITLE_FONT * 0.53)))
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
        gid="subtitle",
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
