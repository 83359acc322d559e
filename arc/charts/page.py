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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.charts.pagefigures import PIXELS_PER_INCH, Figures, css_color
from arc.charts.theme import (
    CAPTION_GREY,
    INK,
    NEGATIVE,
    PALE_NEGATIVE,
    PALE_POSITIVE,
    POSITIVE,
)
from arc.errors import MissingDependencyError

if TYPE_CHECKING:
    import pandas as pd

    from arc.analysis.result import Analysis
    from arc.charts.data import Chart, Key

__all__ = [
    "INSTALL",
    "Page",
    "interactive",
    "need_bokeh",
    "page_html",
    "save_page",
]

#: What to install when Bokeh is missing.
INSTALL = "pip install 'arc-sentiment[page]'"


def need_bokeh(what: str = "the interactive page") -> None:
    """Raise :class:`~arc.errors.MissingDependencyError` in one line if Bokeh is missing."""
    import importlib.util

    if importlib.util.find_spec("bokeh") is None:
        raise MissingDependencyError(f"{what} needs Bokeh, in arc's page extra: {INSTALL}")


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
    from arc._version import __version__
    from arc.charts.reading import pack, reading_data, unit_points

    reading = reading_data(chart, result) if result is not None else None
    units: dict[tuple[int, int], list[int]] = {}
    if reading is not None and result is not None:
        position = {u: k for k, u in enumerate(reading["units"]["index"])}
        for p, k, values in unit_points(chart, result.frame):
            units[(p, k)] = [position.get(v, -1) for v in values]
    keys = chart.legend()
    drawing = Figures(chart, keys, units)
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
        w=f"{max(key.width * PIXELS_PER_INCH / 72 * 0.8, 1):.1f}",
        n=n,
    )
    return (
        f'<button type="button" class="arc-key" data-key="{n}" aria-pressed="true" '
        f'title="hide or show: {html.escape(key.label, quote=True)}">'
        f'<svg width="22" height="12" aria-hidden="true">{swatch}</svg>'
        f"<span>{html.escape(key.label)}</span></button>"
    )
