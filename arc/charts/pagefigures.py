"""The interactive page's chart: a :class:`~arc.charts.data.Chart`'s panels as Bokeh figures.

Used by :mod:`arc.charts.page`, which puts them in the page with the legend, the titles and
the text. Every mark is drawn from the chart data in the theme's colours
(:mod:`arc.charts.theme`): the same marks as :mod:`arc.charts.drawing` draws with matplotlib,
each renderer tagged with the legend entry that keys it (``key3``), so the page's legend can
hide and show it. Long columns (a novel's 33,000 points, its line and bands) are not put in
Bokeh's document but handed to the page's packed data (:meth:`Figures.source`), compressed
with the text and filled in by the page's script. Bokeh is imported only when drawing.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from arc.charts.theme import (
    ANNOTATION_FONT,
    AXIS_LABEL_FONT,
    BAR_LABEL_FONT,
    BOOK_LINE,
    BOX_TEXT,
    CAPTION_GREY,
    CHAPTER_LINE,
    DENSE_POINTS,
    FAINT_TURN,
    GRID,
    INK,
    LABEL_FONT,
    LABEL_GREY,
    NEGATIVE,
    NEUTRAL_ALPHA,
    NEUTRAL_BAND,
    POSITIVE,
    SHADE_HEIGHT,
    SIGN_FONT,
    TURN_FONT,
    TURN_MARKER_FONT,
    ZERO_LINE,
    chapter_font,
)

if TYPE_CHECKING:
    from arc.charts.data import Chart, Key, Panel

__all__ = ["PIXELS_PER_INCH", "Figures", "css_color"]

#: A chart's nominal inches become this many CSS pixels, so labels laid out in inches fit.
PIXELS_PER_INCH = 96
#: Points (1/72 in) to CSS pixels.
_PX = PIXELS_PER_INCH / 72
#: Room the titles, legend and caption take in a chart's nominal height (inches).
_FRAME_ROOM = 0.9


def css_color(color: str) -> str:
    """A theme colour as CSS: hex as it is, a matplotlib grey level ("0.86") as hex.

    Examples
    --------
    >>> css_color("#1a9850"), css_color("0.86"), css_color("white")
    ('#1a9850', '#dbdbdb', 'white')
    """
    if re.fullmatch(r"[01]?\.\d+|[01]", color):
        level = round(float(color) * 255)
        return f"#{level:02x}{level:02x}{level:02x}"
    return color


class Figures:
    """Bokeh figures for a chart's panels; each renderer tagged with its legend entry.

    ``units`` maps ``(panel, points)`` to each point's place among the page's units (or -1);
    :meth:`layout` draws, then ``columns`` holds the long columns for the packed data.
    """

    def __init__(
        self, chart: Chart, keys: list[Key], units: dict[tuple[int, int], list[int]]
    ) -> None:
        self.chart = chart
        self.keys = keys
        self.units = units
        self.by_label = {k.label: n for n, k in enumerate(keys)}
        self.by_mark: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            self.by_mark.setdefault(k.mark, []).append(n)
        self.points = 0
        self.unit_renderers: list[Any] = []
        self.columns: list[list[float | None]] = []
        self.column_ids: dict[str, int] = {}
        self.turn_renderers: list[Any] = []

    @staticmethod
    def glyph(fig: Any, method: str, *args: Any, tags: list[str], **kwargs: Any) -> Any:
        """``fig.<method>(...)``, its renderer tagged (Bokeh gives ``tags=`` to the glyph)."""
        renderer = getattr(fig, method)(*args, **kwargs)
        renderer.tags = list(tags)
        return renderer

    def source(self, data: dict[str, list[float]]) -> Any:
        """A data source; long columns go to the packed data, filled in by the page's script.

        A column of more than :data:`_INLINE_MAX` numbers, rounded to 4 places, is kept once
        however many sources share it (a line, its band and its points share narrative time),
        and compressed with the text: a novel's 33,000 points take a fifth of what Bokeh's
        own encoding would.
        """
        from bokeh.models import ColumnDataSource

        if max((len(v) for v in data.values()), default=0) <= _INLINE_MAX:
            return ColumnDataSource({k: [float(x) for x in v] for k, v in data.items()})
        fill = {}
        for name, values in data.items():
            column = _plain_numbers(values)
            key = json.dumps(column, allow_nan=True)
            if key not in self.column_ids:
                self.column_ids[key] = len(self.columns)
                self.columns.append(column)
            fill[name] = self.column_ids[key]
        return ColumnDataSource({k: [] for k in data}, tags=[{"fill": fill}])

    def tags(self, label: str = "", mark: str = "") -> list[str]:
        """The tags that tie a renderer to its legend entry (``key3``), by label or mark."""
        found = self.by_mark.get(mark, []) if mark else []
        if label in self.by_label:
            found = [self.by_label[label]]
        return [f"key{n}" for n in found]

    def layout(self) -> tuple[Any, int, int]:
        """The column of figures (chapter labels, panels), its height in pixels, points drawn."""
        from bokeh.layouts import gridplot
        from bokeh.models import Range1d

        chart = self.chart
        width = round(chart.size[0] * PIXELS_PER_INCH)
        total = max(chart.size[1] - _FRAME_ROOM, 2.5) * PIXELS_PER_INCH
        heights = [p.height for p in chart.panels]
        lo, hi = chart.xlim
        x_range = Range1d(start=lo, end=hi, bounds=(lo, hi), name="arc-x")
        figs = []
        if any(c.label for c in chart.chapters):
            figs.append(self.chapter_strip(x_range, width))
        for k, panel in enumerate(chart.panels):
            h = round(total * panel.height / sum(heights))
            last = k == len(chart.panels) - 1
            figs.append(self.panel(panel, k, x_range, width, h + (40 if last else 0), last))
        grid = gridplot([[f] for f in figs], toolbar_location="right", merge_tools=True)
        return grid, sum(f.height for f in figs), self.points

    def figure(self, x_range: Any, width: int, height: int, y: tuple[float, float]) -> Any:
        from bokeh.models import Range1d
        from bokeh.plotting import figure

        fig = figure(
            width=width,
            height=height,
            x_range=x_range,
            y_range=Range1d(start=y[0], end=y[1]),
            tools="",
            toolbar_location=None,
            min_border_left=90,
            min_border_right=40,
            min_border_top=6,
            min_border_bottom=6,
            background_fill_color="white",
            border_fill_color="white",
            outline_line_color=None,
        )
        fig.xgrid.visible = False
        fig.ygrid.grid_line_color = css_color(GRID)
        return fig

    def chapter_strip(self, x_range: Any, width: int) -> Any:
        """The chapters' labels in rows above the top panel, on the shared x axis."""
        from bokeh.models import ColumnDataSource

        chart = self.chart
        rows = max(1, chart.chapter_rows)
        size = chapter_font(len(chart.chapters))
        fig = self.figure(x_range, width, round(rows * size * 1.5 * _PX) + 8, (0, rows))
        fig.axis.visible = False
        fig.ygrid.visible = False
        labelled = [c for c in chart.chapters if c.label]
        source = ColumnDataSource(
            {
                "x": [c.x for c in labelled],
                "y": [float(c.tier) for c in labelled],
                "text": [c.label for c in labelled],
            }
        )
        fig.text(
            "x",
            "y",
            "text",
            source=source,
            text_font_size=f"{size}pt",
            text_color=css_color(CAPTION_GREY),
            text_baseline="bottom",
            x_offset=2,
        )
        return fig

    def panel(self, panel: Panel, k: int, x_range: Any, width: int, height: int, last: bool) -> Any:
        """One panel: its scale and guides, then its marks in the matplotlib renderer's order."""
        from bokeh.models import FixedTicker, Span

        chart = self.chart
        fig = self.figure(x_range, width, height, panel.ylim)
        fig.yaxis.ticker = FixedTicker(ticks=list(panel.yticks))
        if panel.ytick_labels is not None:
            fig.yaxis.major_label_overrides = {
                float(t): lab for t, lab in zip(panel.yticks, panel.ytick_labels, strict=True)
            }
        if panel.spine is not None:
            fig.yaxis.bounds = panel.spine
        fig.yaxis.axis_label = panel.ylabel
        fig.yaxis.axis_label_text_font_size = f"{AXIS_LABEL_FONT}pt"
        fig.yaxis.axis_label_text_font_style = "normal"
        fig.xaxis.ticker = FixedTicker(ticks=list(chart.xticks))
        if last:
            if chart.xtick_labels is not None:
                fig.xaxis.major_label_overrides = {
                    float(t): lab for t, lab in zip(chart.xticks, chart.xtick_labels, strict=True)
                }
            fig.xaxis.axis_label = chart.xlabel
            fig.xaxis.axis_label_text_font_size = f"{AXIS_LABEL_FONT}pt"
            fig.xaxis.axis_label_text_font_style = "normal"
        else:
            fig.xaxis.major_label_text_font_size = "0pt"
            fig.xaxis.major_tick_line_color = None
        lo, hi = chart.xlim
        if panel.neutral:
            low, high = panel.spine or (-panel.neutral, panel.neutral)
            self.glyph(
                fig,
                "varea",
                x=[lo, hi],
                y1=[max(-panel.neutral, low)] * 2,
                y2=[min(panel.neutral, high)] * 2,
                fill_color=css_color(NEUTRAL_BAND),
                fill_alpha=NEUTRAL_ALPHA,
                tags=self.tags(mark="neutral"),
            )
        for major in (True, False):
            marks = [c.x for c in chart.chapters if c.major == major]
            if marks:
                self.glyph(
                    fig,
                    "segment",
                    x0=marks,
                    x1=marks,
                    y0=[panel.ylim[0]] * len(marks),
                    y1=[panel.ylim[1]] * len(marks),
                    line_color=css_color(BOOK_LINE if major else CHAPTER_LINE),
                    line_width=(0.9 if major else 0.6) * _PX,
                    tags=self.tags(mark="book" if major else "chapter"),
                )
        if panel.zero:
            fig.add_layout(
                Span(
                    location=0,
                    dimension="width",
                    line_color=css_color(ZERO_LINE),
                    line_width=0.8 * _PX,
                )
            )
        if panel.signs:
            self.signs(fig, panel)
        self.shades(fig, panel)
        self.bands(fig, panel)
        self.ranges(fig, panel)
        self.bars(fig, panel)
        self.lines(fig, panel)
        self.draw_points(fig, panel, k)
        self.turns(fig, panel)
        self.labels(fig, panel)
        self.annotations(fig, panel, height)
        self.tools(fig)
        return fig

    def signs(self, fig: Any, panel: Panel) -> None:
        from bokeh.models import Label

        top = panel.spine[1] if panel.spine else panel.ylim[1]
        for word, y, color in (("positive", top, POSITIVE), ("negative", -top, NEGATIVE)):
            fig.add_layout(
                Label(
                    x=self.chart.xlim[1],
                    y=y * 0.75,
                    text=word,
                    angle=math.pi / 2,
                    text_align="center",
                    text_baseline="bottom",  # inside the frame, which clips annotations
                    x_offset=-1,
                    text_color=color,
                    text_font_size=f"{SIGN_FONT}pt",
                )
            )

    def shades(self, fig: Any, panel: Panel) -> None:
        low, high = panel.ylim
        for shade in panel.shades:
            self.glyph(
                fig,
                "quad",
                left=shade.x0,
                right=shade.x1,
                bottom=low,
                top=low + (high - low) * SHADE_HEIGHT,
                fill_color=css_color(shade.color),
                fill_alpha=shade.alpha,
                line_color=None,
                tags=self.tags(shade.label),
            )

    def bands(self, fig: Any, panel: Panel) -> None:
        for band in panel.bands:
            tags = self.tags(band.label)
            color = css_color(band.color)
            for x, low, high in _finite_runs(band.x, band.low, band.high):
                source = self.source({"x": x, "low": low, "high": high})
                if band.hatch:  # the chance envelope: a hatch between dashed bounds
                    self.glyph(
                        fig,
                        "varea",
                        x="x",
                        y1="low",
                        y2="high",
                        source=source,
                        fill_alpha=0,
                        hatch_pattern="/",
                        hatch_color=color,
                        hatch_alpha=band.alpha,
                        hatch_scale=7,
                        hatch_weight=0.8,
                        tags=tags,
                    )
                    for edge in ("low", "high"):
                        self.glyph(
                            fig,
                            "line",
                            "x",
                            edge,
                            source=source,
                            line_color=color,
                            line_width=0.8 * _PX,
                            line_dash=[5, 3],
                            tags=tags,
                        )
                else:
                    self.glyph(
                        fig,
                        "varea",
                        x="x",
                        y1="low",
                        y2="high",
                        source=source,
                        fill_color=color,
                        fill_alpha=band.alpha,
                        tags=tags,
                    )

    def ranges(self, fig: Any, panel: Panel) -> None:
        for spread in panel.ranges:
            self.glyph(
                fig,
                "segment",
                x0=spread.x,
                x1=spread.x,
                y0=spread.low,
                y1=spread.high,
                line_color=css_color(spread.color),
                line_alpha=0.55,
                line_width=1.2 * _PX,
                tags=self.tags(spread.label),
            )

    def bars(self, fig: Any, panel: Panel) -> None:
        from bokeh.models import ColumnDataSource

        for bars in panel.bars:
            fig.add_layout(_span_x0())
            for color in dict.fromkeys(bars.colors):
                at = [i for i, c in enumerate(bars.colors) if c == color]
                self.glyph(
                    fig,
                    "hbar",
                    y=[bars.y[i] for i in at],
                    right=[bars.value[i] for i in at],
                    left=0,
                    height=bars.height,
                    fill_color=css_color(color),
                    line_color=None,
                    tags=self.tags(bars.keys.get(color, bars.label)),
                )
            tips = list(bars.value)
            shown = bars.intervals()
            if shown:
                self.glyph(
                    fig,
                    "segment",
                    x0=[lo for _, lo, _ in shown],
                    x1=[hi for _, _, hi in shown],
                    y0=[at for at, _, _ in shown],
                    y1=[at for at, _, _ in shown],
                    line_color=css_color(INK),
                    line_width=1.2 * _PX,
                    tags=self.tags(bars.interval),
                )
                ends = {at: (lo, hi) for at, lo, hi in shown}
                tips = [
                    (max(v, ends[y][1]) if v >= 0 else min(v, ends[y][0])) if y in ends else v
                    for y, v in zip(bars.y, bars.value, strict=True)
                ]
            source = ColumnDataSource(
                {
                    "x": tips,
                    "y": list(bars.y),
                    "text": list(bars.labels),
                    "align": ["left" if v >= 0 else "right" for v in bars.value],
                    "dx": [3 if v >= 0 else -3 for v in bars.value],
                }
            )
            fig.text(
                "x",
                "y",
                "text",
                source=source,
                text_align="align",
                text_baseline="middle",
                x_offset="dx",
                text_font_size=f"{BAR_LABEL_FONT}pt",
                text_color=css_color(INK),
            )

    def lines(self, fig: Any, panel: Panel) -> None:
        for line in sorted(panel.lines, key=lambda ln: ln.front):  # the front line last
            self.glyph(
                fig,
                "line",
                "x",
                "y",
                source=self.source({"x": line.x, "y": line.y}),
                line_color=css_color(line.color),
                line_width=line.width * _PX,
                line_dash=[6, 3] if line.dashed else "solid",
                tags=self.tags(line.label),
                name="line",
            )

    def draw_points(self, fig: Any, panel: Panel, p: int) -> None:
        """The points: a renderer per colour (each its legend entry), units hoverable."""
        for k, pts in enumerate(panel.points):
            mine = self.units.get((p, k))
            size = math.sqrt(pts.size) * _PX
            for color in dict.fromkeys(pts.colors):
                at = [i for i, c in enumerate(pts.colors) if c == color]
                data: dict[str, list[float]] = {
                    "x": [pts.x[i] for i in at],
                    "y": [pts.y[i] for i in at],
                }
                if mine is not None:
                    data["u"] = [float(mine[i]) for i in at]
                label = pts.keys.get(color, pts.label) if pts.keys else pts.label
                mark = "ring" if pts.overlay else "hollow point" if pts.hollow else "point"
                hollow = pts.hollow or pts.overlay
                edge = "white" if (pts.size >= 30 and not hollow) else css_color(color)
                renderer = self.glyph(
                    fig,
                    "scatter",
                    "x",
                    "y",
                    source=self.source(data),
                    size=size,
                    marker="circle",
                    fill_color=None if hollow else css_color(color),
                    fill_alpha=pts.alpha,
                    line_color=edge,
                    line_width=(1.6 if pts.overlay else 0.8 if size >= 7 else 0) * _PX,
                    line_alpha=pts.alpha if not hollow else 1.0,
                    tags=[*self.tags(label, mark), *(["unit"] if mine is not None else [])],
                    name="units" if mine is not None else "points",
                    nonselection_fill_alpha=pts.alpha * (0.5 if len(pts.x) > DENSE_POINTS else 0.3),
                    selection_fill_alpha=1.0,
                    selection_line_color=css_color(INK),
                )
                if mine is not None:
                    self.points += len(at)
                    self.unit_renderers.append(renderer)

    def turns(self, fig: Any, panel: Panel) -> None:
        """Turning points: ▲ peaks and ▼ valleys, faint ones hollow; labels boxed, with leaders."""
        from bokeh.models import ColumnDataSource, Label

        for kind, mark in (("peak", "triangle"), ("valley", "inverted_triangle")):
            for faint in (False, True):
                chosen = [t for t in panel.turns if t.kind == kind and t.faint == faint]
                if not chosen:
                    continue
                source = ColumnDataSource(
                    {
                        "x": [t.x for t in chosen],
                        "y": [t.y for t in chosen],
                        "color": [css_color(t.color) for t in chosen],
                        "index": [-1 if t.index is None else t.index for t in chosen],
                        "sentence": [t.sentence for t in chosen],
                        "kind": [kind + (" within chance" if faint else "") for t in chosen],
                    }
                )
                renderer = self.glyph(
                    fig,
                    "scatter",
                    "x",
                    "y",
                    source=source,
                    marker=mark,
                    size=TURN_MARKER_FONT * _PX * 1.1,
                    fill_color="white" if faint else "color",
                    line_color=css_color(FAINT_TURN) if faint else "white",
                    line_width=1.4 if faint else 1.0,
                    tags=[*self.tags(mark="faint turn" if faint else kind), "turn"],
                    name="turns",
                )
                self.turn_renderers.append(renderer)
        for t in panel.turns:
            if not t.text or t.faint:
                continue
            tags = self.tags(mark=t.kind)
            color = css_color(t.color)
            self.glyph(
                fig,
                "segment",
                x0=[t.x],
                x1=[t.x],
                y0=[t.y],
                y1=[t.box[2] if t.kind == "peak" else t.box[3]],
                line_color=color,
                line_width=0.7 * _PX,
                line_alpha=0.8,
                tags=tags,
            )
            fig.add_layout(
                Label(
                    x=t.text_x,
                    y=t.text_y,
                    text=t.text,
                    text_align=t.ha if t.ha in ("left", "right", "center") else "center",
                    text_baseline="middle",
                    text_font_size=f"{TURN_FONT}pt",
                    text_color=css_color(BOX_TEXT),
                    background_fill_color="white",
                    border_line_color=color,
                    border_line_width=0.8 * _PX,
                    padding=3,
                    border_radius=3,
                    tags=tags,
                )
            )

    def labels(self, fig: Any, panel: Panel) -> None:
        from bokeh.models import Label

        for label in panel.labels:
            fig.add_layout(
                Label(
                    x=label.x,
                    y=label.y,
                    text=label.text,
                    angle=math.radians(label.rotation),
                    text_align="center",
                    text_baseline="bottom",
                    text_font_size=f"{LABEL_FONT}pt",
                    text_color=css_color(LABEL_GREY),
                )
            )

    def annotations(self, fig: Any, panel: Panel, height: int) -> None:
        """Boxed captions quoting a sentence, with a leader to the point they are about."""
        from bokeh.models import Label

        low, high = panel.ylim
        per_px = (high - low) / max(height - 50, 50)  # data units a pixel, roughly
        for note in panel.annotations:
            lift = note.lift * _PX * (1 if note.va == "bottom" else -1)
            color = css_color(note.color)
            fig.segment(
                x0=[note.x],
                x1=[note.text_x],
                y0=[note.y],
                y1=[note.text_y + lift * per_px],
                line_color=color,
                line_width=0.9 * _PX,
            )
            fig.add_layout(
                Label(
                    x=note.text_x,
                    y=note.text_y,
                    y_offset=lift,
                    text=note.text,
                    text_align=note.ha if note.ha in ("left", "right", "center") else "center",
                    text_baseline=note.va if note.va in ("top", "bottom") else "middle",
                    text_font_size=f"{ANNOTATION_FONT}pt",
                    text_color=css_color(BOX_TEXT),
                    background_fill_color="white",
                    border_line_color=color,
                    border_line_width=0.9 * _PX,
                    padding=4,
                    border_radius=3,
                )
            )

    def tools(self, fig: Any) -> None:
        """Pan and zoom along x, a span to select, a tap to read, hover on units and turns."""
        from bokeh.models import (
            BoxSelectTool,
            CustomJS,
            HoverTool,
            PanTool,
            ResetTool,
            TapTool,
            WheelZoomTool,
        )

        units = [r for r in self.unit_renderers if r in fig.renderers]
        turns = [r for r in self.turn_renderers if r in fig.renderers]
        pan = PanTool(dimensions="width")
        if self.units:  # a span to select is the first drag tool, so the one active
            fig.add_tools(BoxSelectTool(dimensions="width", renderers=units or []), pan)
        else:
            fig.add_tools(pan)
        fig.add_tools(WheelZoomTool(dimensions="width"), ResetTool())
        fig.js_on_event(
            "selectiongeometry",
            CustomJS(code="if (window.arcPage) window.arcPage.span(cb_obj.geometry, cb_obj.final)"),
        )
        fig.js_on_event("reset", CustomJS(code="if (window.arcPage) window.arcPage.reset()"))
        if turns:
            fig.js_on_event(
                "tap",
                CustomJS(
                    args={"fig": fig},
                    code="if (window.arcPage) window.arcPage.click(fig, cb_obj)",
                ),
            )
        if units:
            fig.add_tools(  # "inspect": a tap reads a point without re-drawing them all
                TapTool(
                    behavior="inspect",
                    renderers=units,
                    callback=CustomJS(
                        code="if (window.arcPage) window.arcPage.tap(cb_data.source, "
                        "cb_data.geometries)"
                    ),
                )
            )
        if units:  # one point's tooltip, the nearest, drawn by the page's script (as text)
            fig.add_tools(
                HoverTool(
                    renderers=units,
                    tooltips=None,
                    callback=CustomJS(
                        code="if (window.arcPage) window.arcPage.hover(cb_data)",
                    ),
                )
            )
        if turns:  # never Bokeh's own tooltips: Bokeh 3.4 puts fields in as HTML
            fig.add_tools(
                HoverTool(
                    renderers=turns,
                    tooltips=None,
                    callback=CustomJS(code="if (window.arcPage) window.arcPage.hover(cb_data)"),
                )
            )


#: Columns longer than this go to the packed data (:meth:`Figures.source`).
_INLINE_MAX = 400


def _plain_numbers(values: list[float]) -> list[float | None]:
    """Numbers rounded to 4 places (integers as integers), a NaN as None (a gap)."""
    out: list[float | None] = []
    for v in values:
        if not math.isfinite(v):
            out.append(None)
        else:
            r = round(float(v), 4)
            out.append(int(r) if r.is_integer() else r)
    return out


def _span_x0() -> Any:
    from bokeh.models import Span

    return Span(location=0, dimension="height", line_color=css_color(ZERO_LINE), line_width=1.0)


def _finite_runs(
    x: list[float], low: list[float], high: list[float]
) -> Iterator[tuple[list[float], list[float], list[float]]]:
    """The stretches of a band where both its edges are numbers (a NaN is a gap).

    Examples
    --------
    >>> nan = float("nan")
    >>> [r[0] for r in _finite_runs([0, 1, 2, 3], [0, nan, 0, 0], [1, 1, 1, 1])]
    [[0], [2, 3]]
    """
    run: tuple[list[float], list[float], list[float]] = ([], [], [])
    for xi, lo, hi in zip(x, low, high, strict=True):
        if math.isfinite(lo) and math.isfinite(hi):
            run[0].append(xi)
            run[1].append(lo)
            run[2].append(hi)
        elif run[0]:
            yield run
            run = ([], [], [])
    if run[0]:
        yield run
