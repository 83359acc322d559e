"""The interactive page: a :class:`~arc.charts.data.Chart` drawn with Bokeh, in one HTML file.

The second renderer, beside :mod:`arc.charts.drawing`: it draws the same chart data (panels,
points, lines, bands and the hatched envelope, turning points, annotations, chapters, the
legend from :meth:`Chart.legend`, the verdict subtitle and the caption) in the colours of
:mod:`arc.charts.theme`, and computes nothing about the text. What a reader asks of a point
(its excerpt and spread, the paragraph with each word tinted by its part, the words that
move it, a span's word shift) is read from the :class:`~arc.analysis.result.Analysis`
(:mod:`arc.charts.reading`) and worked out in the page's script from those numbers.

The page is self-contained: BokehJS, the page's script and style, the chart and the text are
all inlined, so opening it makes no network request. Story text never appears in the HTML as
markup: titles and labels are escaped, the chart's JSON has ``<``, ``>`` and ``&`` written as
``\\u`` escapes, and the text behind the points is compressed and base64-encoded; the script
puts text into the page with ``textContent`` only.

Bokeh is an optional extra (``pip install 'arc-sentiment[page]'``); without it,
:func:`page_html` raises :class:`~arc.errors.MissingDependencyError` saying so.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
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
    PALE_NEGATIVE,
    PALE_POSITIVE,
    POSITIVE,
    SHADE_HEIGHT,
    SIGN_FONT,
    TURN_FONT,
    TURN_MARKER_FONT,
    ZERO_LINE,
    chapter_font,
)
from arc.errors import MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

    from arc.analysis.result import Analysis
    from arc.charts.data import Chart, Key, Panel

__all__ = [
    "BOKEH_RANGE",
    "INSTALL",
    "PIXELS_PER_INCH",
    "Page",
    "css_color",
    "interactive",
    "need_bokeh",
    "page_html",
    "save_page",
]

#: What to install when Bokeh is missing.
INSTALL = "pip install 'arc-sentiment[page]'"
#: The Bokeh releases the page is drawn with (pyproject.toml's ``page`` extra).
BOKEH_RANGE = ">=3.4"
#: A chart's nominal inches become this many CSS pixels, so labels laid out in inches fit.
PIXELS_PER_INCH = 96
#: Points (1/72 in) to CSS pixels.
_PX = PIXELS_PER_INCH / 72
#: Room the titles, legend and caption take in a chart's nominal height (inches).
_FRAME_ROOM = 0.9


def need_bokeh(what: str = "the interactive page") -> None:
    """Raise :class:`~arc.errors.MissingDependencyError` in one line if Bokeh is missing."""
    import importlib.util

    if importlib.util.find_spec("bokeh") is None:
        raise MissingDependencyError(f"{what} needs Bokeh, in arc's page extra: {INSTALL}")


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


@dataclass(frozen=True)
class Page:
    """An interactive page: its HTML, shown by Jupyter, written by :meth:`save`.

    ``points`` is the number of units drawn as points (what a reader can hover and click).
    """

    html: str
    title: str
    kind: str
    points: int
    height: int

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` whole (a temporary file renamed when complete)."""
        from arc.text.io import atomic_write

        with atomic_write(Path(path)) as handle:
            handle.write(self.html.encode("utf-8"))
        return Path(path)

    def _repr_html_(self) -> str:
        """The page in an ``iframe`` of its own, so its script and style keep to themselves."""
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width:100%;height:{self.height}px;border:0" '
            f'title="{html.escape(self.title, quote=True)}"></iframe>'
        )

    def __repr__(self) -> str:
        return f"Page({self.title!r}: {self.kind} chart, {self.points:,} points)"


def interactive(
    data: pd.DataFrame | Analysis | Chart,
    *,
    smoother: str | None = None,
    title: str | None = None,
    **options: Any,
) -> Page:
    """The interactive page of a frame, an analysis or a chart, for a notebook or a file.

    A frame or :class:`~arc.analysis.result.Analysis` gets the chart ``arc plot`` draws
    (:func:`arc.chart_for`, with ``smoother``, ``title`` and ``options``) and the text behind
    its points: hover a point for its excerpt, value and spread, click it for its paragraph
    with each word tinted by its part. A :class:`~arc.charts.data.Chart` (a compare chart,
    say) is drawn as it is. In Jupyter the result shows itself; ``.save(path)`` writes it.

    Examples
    --------
    >>> import arc
    >>> page = arc.interactive(arc.analyze())  # doctest: +SKIP
    >>> page  # doctest: +SKIP
    Page('Final Goodbyes': story chart, 10 points)
    """
    from arc.charts.data import Chart

    if isinstance(data, Chart):
        return _page(data, None)
    from arc.analysis.result import as_analysis
    from arc.charts.choice import chart_for

    result = as_analysis(data)
    return _page(chart_for(result, smoother=smoother, title=title, **options), result)


def page_html(chart: Chart, result: Analysis | None = None) -> str:
    """The chart as one self-contained HTML page (``result``: the text behind its points)."""
    return _page(chart, result).html


def save_page(chart: Chart, path: str | Path, result: Analysis | None = None) -> Path:
    """Write :func:`page_html` of ``chart`` to ``path`` atomically; the path written."""
    return _page(chart, result).save(path)


# ----------------------------------------------------------------------------- building


def _page(chart: Chart, result: Analysis | None) -> Page:
    need_bokeh()
    from arc import __version__
    from arc.charts.reading import pack, reading_data, unit_points

    reading = reading_data(chart, result) if result is not None else None
    units: dict[tuple[int, int], list[int]] = {}
    if reading is not None and result is not None:
        position = {u: k for k, u in enumerate(reading["units"]["index"])}
        for p, k, values in unit_points(chart, result.frame):
            units[(p, k)] = [position.get(v, -1) for v in values]
    keys = chart.legend()
    drawing = _Drawing(chart, keys, units)
    layout, height, points = drawing.layout()
    import bokeh
    from bokeh.embed import json_item

    item = json.dumps(json_item(layout, "arc-chart"), separators=(",", ":"))
    text = html.escape
    body = _TEMPLATE.format(
        title=text(chart.title),
        subtitle=text(chart.subtitle),
        caption=text(chart.caption),
        legend="".join(_legend_button(k, n) for n, k in enumerate(keys)),
        width=round(chart.size[0] * PIXELS_PER_INCH),
        style=_theme_css() + _asset("page.css"),
        bokeh=_bokeh_js(),
        chart=_script_json(item),
        reading=pack({"reading": reading, "columns": drawing.columns}),
        script=_asset("page.js"),
        made=text(f"arc {__version__}, Bokeh {bokeh.__version__}"),
        kind=text(chart.kind),
    )
    return Page(body, chart.title, chart.kind, points, height + 420)


def _asset(name: str) -> str:
    """The page's own script or style, shipped beside this module."""
    return resources.files("arc.charts").joinpath(name).read_text("utf-8")


def _theme_css() -> str:
    """The theme's colours as CSS variables, which the page's style and script read."""
    colors = {
        "positive": POSITIVE,
        "negative": NEGATIVE,
        "pale-positive": PALE_POSITIVE,
        "pale-negative": PALE_NEGATIVE,
        "ink": INK,
        "caption": CAPTION_GREY,
    }
    body = ";".join(f"--arc-{k}:{css_color(v)}" for k, v in colors.items())
    return f":root{{{body}}}\n"


def _bokeh_js() -> str:
    """BokehJS's core bundle, inlined (``<script>`` tags): no widget, table or GL bundle."""
    from bokeh.resources import Resources

    return Resources(mode="inline", components=["bokeh"]).render_js()


def _script_json(text: str) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left as such."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{made}">
<title>{title}</title>
<style>{style}</style>
{bokeh}
</head>
<body>
<main class="arc-page" data-kind="{kind}" style="max-width:{width}px">
<header>
<h1>{title}</h1>
<p class="arc-subtitle">{subtitle}</p>
</header>
<nav class="arc-tools" id="arc-tools" hidden>
<label>Jump to <select id="arc-chapters"></select></label>
<span class="arc-hint" id="arc-hint"></span>
</nav>
<div id="arc-chart" class="arc-chart"></div>
<div class="arc-legend" id="arc-legend" role="group" aria-label="legend: click an entry to hide \
or show its marks">{legend}</div>
<p class="arc-caption">{caption}</p>
<section class="arc-reading" id="arc-reading" aria-live="polite"></section>
<div class="arc-tip" id="arc-tip" role="tooltip" hidden></div>
<footer class="arc-footer">Made with {made}. The legend's entries hide and show their marks; \
the chart pans and zooms along its x axis (the tools at its right; reset: the circling \
arrows).</footer>
</main>
<script type="application/json" id="arc-chart-data">{chart}</script>
<script type="text/plain" id="arc-reading-data">{reading}</script>
<script>{script}</script>
</body>
</html>
"""


# ------------------------------------------------------------------------------ legend

#: Swatch drawings (SVG, 22 x 12) of each kind of legend mark, as the marks are drawn.
_SWATCH = {
    "line": '<line x1="1" y1="6" x2="21" y2="6" stroke="{c}" stroke-width="{w}"/>',
    "dashed line": (
        '<line x1="1" y1="6" x2="21" y2="6" stroke="{c}" stroke-width="{w}" '
        'stroke-dasharray="5 2"/>'
    ),
    "point": '<circle cx="11" cy="6" r="4" fill="{c}" fill-opacity="{a}"/>',
    "hollow point": '<circle cx="11" cy="6" r="4" fill="none" stroke="{c}" stroke-width="1.2"/>',
    "ring": '<circle cx="11" cy="6" r="5" fill="none" stroke="{c}" stroke-width="1.8"/>',
    "peak": '<polygon points="11,1 16,10 6,10" fill="{c}"/>',
    "valley": '<polygon points="6,2 16,2 11,11" fill="{c}"/>',
    "faint turn": (
        '<polygon points="11,1 16,10 6,10" fill="white" stroke="{c}" stroke-width="1.2"/>'
    ),
    "range": '<line x1="11" y1="0" x2="11" y2="12" stroke="{c}" stroke-width="1.6"/>',
    "band": '<rect x="1" y="1" width="20" height="10" fill="{c}" fill-opacity="{a}"/>',
    "hatch": (
        '<rect x="1" y="1" width="20" height="10" fill="url(#arc-hatch-{n})" stroke="{c}" '
        'stroke-width="0.8" stroke-dasharray="3 1.5"/>'
        '<defs><pattern id="arc-hatch-{n}" width="4" height="4" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" stroke="{c}" '
        'stroke-opacity="{a}" stroke-width="1"/></pattern></defs>'
    ),
    "neutral": '<rect x="1" y="1" width="20" height="10" fill="{c}" fill-opacity="{a}"/>',
    "strip": '<rect x="1" y="7" width="20" height="4" fill="{c}" fill-opacity="{a}"/>',
    "book": '<line x1="11" y1="0" x2="11" y2="12" stroke="{c}" stroke-width="1.4"/>',
    "chapter": '<line x1="11" y1="0" x2="11" y2="12" stroke="{c}" stroke-width="1"/>',
    "interval": ('<path d="M2 6H20M2 2V10M20 2V10" stroke="{c}" stroke-width="1.2" fill="none"/>'),
    "bar": '<rect x="1" y="2" width="20" height="8" fill="{c}"/>',
}


def _legend_button(key: Key, n: int) -> str:
    """One legend entry: a button with the mark's swatch and its label; clicking hides it."""
    swatch = _SWATCH.get(key.mark, _SWATCH["band"]).format(
        c=html.escape(css_color(key.color), quote=True),
        a=f"{key.alpha:g}",
        w=f"{max(key.width * _PX * 0.8, 1):.1f}",
        n=n,
    )
    return (
        f'<button type="button" class="arc-key" data-key="{n}" aria-pressed="true" '
        f'title="hide or show: {html.escape(key.label, quote=True)}">'
        f'<svg width="22" height="12" aria-hidden="true">{swatch}</svg>'
        f"<span>{html.escape(key.label)}</span></button>"
    )


# ----------------------------------------------------------------------------- drawing


class _Drawing:
    """Bokeh figures for a chart's panels; each renderer tagged with its legend entry."""

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
        if units:  # one point's tooltip, the nearest, drawn by the page's script
            fig.add_tools(
                HoverTool(
                    renderers=units,
                    tooltips=None,
                    callback=CustomJS(
                        code="if (window.arcPage) window.arcPage.hover(cb_data)",
                    ),
                )
            )
        if turns:
            fig.add_tools(
                HoverTool(renderers=turns, tooltips=_TURN_TIP, point_policy="snap_to_data")
            )


_TIP_STYLE = "max-width:420px;font:12px/1.35 system-ui,sans-serif;color:#222;white-space:normal"
#: A turning point's tooltip (Bokeh escapes every field it puts in).
_TURN_TIP = (
    f'<div style="{_TIP_STYLE}"><div style="color:#666">@kind at @x{{0.0}}%: '
    "<b>@y{+0.000}</b></div><div>@sentence</div></div>"
)


#: Columns longer than this go to the packed data (:meth:`_Drawing.source`).
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
