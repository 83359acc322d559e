"""The reading test every chart kind passes: what a reader who has not seen the README meets.

:func:`reading_problems` draws a chart as ``arc`` saves it and lists what would stop a
reader: a legend that keys a mark not drawn or misses one drawn, a subtitle over two lines,
text outside the figure, two kinds of band in one colour, two legend entries that look
alike, or a categorical mark (a line, a band) in the sentiment colours.
"""

from __future__ import annotations

import colorsys

from matplotlib.colors import to_rgb

from arc.charts.data import Chart
from arc.charts.drawing import draw, footer_height
from arc.charts.render import new_figure
from arc.charts.theme import NEGATIVE, NEUTRAL_BAND, POSITIVE, SUBTITLE_LINES

#: Marks keyed by sentiment: their colours may be green and red.
SENTIMENT_MARKS = {"point", "hollow point", "peak", "valley", "bar"}


def drawn_marks(chart: Chart) -> set[str]:
    """The labels of every kind of mark the chart data draws (what the legend must key)."""
    labels: set[str] = set()
    for p in chart.panels:
        labels |= {ln.label for ln in p.lines}
        for pts in p.points:
            if pts.keys:
                labels |= {pts.keys.get(c, pts.label) for c in set(pts.colors)}
            elif pts.x:
                labels.add(pts.label)
        labels |= {r.label for r in p.ranges}
        labels |= {b.label for b in p.bands}
        labels |= {s.label for s in p.shades}
        for bars in p.bars:
            labels |= {bars.keys.get(c, bars.label) for c in set(bars.colors)}
            if bars.intervals():
                labels.add(bars.interval)
        if p.neutral:
            labels.add(f"neutral zone (\u00b1{p.neutral:g})")
        if any(t.kind == "peak" and not t.faint for t in p.turns):
            labels.add("peak (a turning point)")
        if any(t.kind == "valley" and not t.faint for t in p.turns):
            labels.add("valley (a turning point)")
        if any(t.faint for t in p.turns):
            labels.add("turn within chance (not quoted)")
    if any(c.major for c in chart.chapters):
        labels.add("start of a book")
    if any(not c.major for c in chart.chapters):
        labels.add("start of a chapter")
    return labels


def _sentiment_hue(color: str) -> bool:
    """Whether a colour reads as green or red (hue and saturation), as sentiment does."""
    h, light, s = colorsys.rgb_to_hls(*to_rgb(color))
    hue = h * 360
    return s > 0.3 and 0.15 < light < 0.85 and (hue < 15 or hue > 340 or 85 < hue < 165)


def reading_problems(chart: Chart) -> list[str]:
    """Everything that stops a reader of ``chart`` at a glance; empty when it reads."""
    problems = []
    keys = chart.legend()
    labels = [k.label for k in keys]
    if any(not label for label in drawn_marks(chart)):
        problems.append("a mark is drawn with no label to key it")
    missing = drawn_marks(chart) - set(labels) - {""}
    extra = set(labels) - drawn_marks(chart)
    if missing:
        problems.append(f"drawn but not in the legend: {sorted(missing)}")
    if extra:
        problems.append(f"in the legend but not drawn: {sorted(extra)}")
    looks = {}
    for k in keys:
        look = (k.mark, to_rgb(k.color))
        if look in looks:
            problems.append(f"{k.label!r} looks like {looks[look]!r}")
        looks[look] = k.label
    fills = {}
    for k in keys:
        if k.mark in ("band", "hatch", "neutral", "strip"):
            rgb = to_rgb(k.color)
            if rgb in fills:
                problems.append(f"bands {k.label!r} and {fills[rgb]!r} share a colour")
            fills[rgb] = k.label
        if k.mark not in SENTIMENT_MARKS and k.mark != "ring" and _sentiment_hue(k.color):
            problems.append(f"{k.label!r} ({k.mark}) uses a sentiment colour, {k.color}")
    if to_rgb(NEUTRAL_BAND) in {to_rgb(POSITIVE), to_rgb(NEGATIVE)}:
        problems.append("the neutral zone is a sentiment colour")
    width, height = chart.size
    fig = new_figure(width, height + footer_height(chart, width))
    ax = fig.add_subplot()
    draw(chart, ax)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_visible()]
    subtitle = [t for t in texts if t.get_gid() == "subtitle"]
    if chart.subtitle:
        if len(subtitle) != 1:
            problems.append("the subtitle is not drawn once")
        elif subtitle[0].get_text().count("\n") + 1 > SUBTITLE_LINES:
            problems.append(f"the subtitle takes {subtitle[0].get_text().count(chr(10)) + 1} lines")
    panels = getattr(ax, "arc_panels", {"": ax})
    legend = list(panels.values())[-1].get_legend()
    drawn = [t.get_text() for t in legend.get_texts()] if legend is not None else []
    if drawn != labels:
        problems.append(f"the drawn legend {drawn} is not the chart's {labels}")
    box = fig.bbox
    renderer = canvas.get_renderer()
    for t in texts:
        if not t.get_text().strip():
            continue
        ext = t.get_window_extent(renderer)
        if ext.x0 < box.x0 - 1 or ext.x1 > box.x1 + 1 or ext.y0 < box.y0 - 1 or ext.y1 > box.y1 + 1:
            problems.append(f"text outside the figure: {t.get_text()[:40]!r}")
    return problems
