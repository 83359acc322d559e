"""The plotting API: each function builds a chart's data (:mod:`arc.charts.data`) and draws it.

Every function takes data first, keyword-only options after, an optional ``ax``, and returns
the Axes it drew on; nothing here saves, shows or touches rcParams. Titles sit above the
axes: draw on a figure with ``layout="constrained"`` (as the ``arc`` command does) so nothing
is clipped. A smoothed chart has two panels, the arc and a strip of points under it: the
cell of ``ax`` is split between them, and ``ax.arc_panels`` names both. The subtitle gives the
verdict (the arc's shape, how much of it is beyond chance); the legend, under the bottom
panel, keys every mark drawn and nothing else; a small caption under it gives the method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from arc.analysis.turns import check_frame
from arc.charts.choice import chart_for
from arc.charts.compare import compare_chart
from arc.charts.drawing import current_axes, draw, figure_width
from arc.charts.smoothed import methods_chart, smoothed_chart

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["plot_arc", "plot_compare", "plot_methods", "plot_smoothed", "plot_word_shift"]


def plot_arc(
    df: pd.DataFrame,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    smoother: str | None = None,
    **line_kws: Any,
) -> Axes:
    """Plot a text's sentiment arc, choosing the chart as ``arc plot`` does.

    A short story's paragraph frame gets the story chart: one point per paragraph on the
    scorer's −1…+1 scale, numbered by the frame's ``index``, with the lowest and highest
    paragraphs annotated by the sentence that moved them most and the last by the story's last
    sentence, each box in the colour of the sentence it quotes. A book (chapters, more
    than 60 story paragraphs), a sentence, window or bin frame, or any frame with
    ``smoother`` set gets the smoothed chart (see :func:`plot_smoothed`).

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze`.
    ax
        The Axes to draw on; by default the current Axes of pyplot.
    title
        Chart title; by default the detected title.
    value
        Column to plot (``"compound"``, or ``"compound_raw"`` for whole-paragraph VADER).
    include_paratext
        Story chart: also plot notes, title and end markers (hollow grey points).
    annotate
        Story chart: label the lowest, highest and last story paragraphs.
    smoother
        Force the smoothed chart with this smoother (``"all"`` compares them).
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
    check_frame(df, value, "plot_arc")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"plot_arc(title=...) must be a str or None, not {type(title).__name__}")
    ax = current_axes(ax)
    chart = chart_for(
        df,
        smoother=smoother,
        title=title,
        value=value,
        include_paratext=include_paratext,
        annotate=annotate,
        width=figure_width(ax),
    )
    return draw(chart, ax, **line_kws)


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
    """Plot a long text: the smoothed arc on its own panel, each unit's score in a strip below.

    Sentence and paragraph scores spread over −1…+1 while their smoothed mean moves in a
    narrow band: the arc gets a panel scaled to itself and the points a strip on the full
    scale, sharing narrative time (0–100 %). Word windows and bins, averages already, share
    the arc's panel. Chapter starts are lines, labelled so the labels fit. The arc has its
    uncertainty band and chance envelope, and its turning points: quoted when clear of
    chance, drawn hollow and unquoted when not.

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (sentence, paragraph, window or bins unit).
    method
        The smoother (see :data:`arc.METHODS`); ``params`` go to it.
    ax
        The Axes to draw on (its cell is split with the strip); by default pyplot's.
    title
        Chart title; by default the detected title (or the file name, marked as such).
    value
        The column to plot.
    points, chapters
        Draw the unit scores, and the chapter boundaries.
    **params
        Passed to :func:`arc.smooth`.

    Returns
    -------
    matplotlib.axes.Axes
        The arc's Axes; ``ax.arc_panels["points"]`` is the strip's.
    """
    ax = current_axes(ax)
    chart = smoothed_chart(
        df,
        method,
        title=title,
        value=value,
        points=points,
        chapters=chapters,
        width=figure_width(ax),
        **params,
    )
    return draw(chart, ax)


def plot_methods(
    df: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None, value: str = "compound"
) -> Axes:
    """Every smoother's line on one panel, all in the scorer's units, over a strip of points.

    The subtitle says how alike the lines are (the least and greatest Pearson r of a pair) and
    whether they take the same shape; a line that lies on another is drawn dashed over it.
    """
    ax = current_axes(ax)
    return draw(methods_chart(df, title=title, value=value, width=figure_width(ax)), ax)


def plot_compare(data: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Overlay the arcs of :func:`arc.compare` on the 0–100 % axis (:func:`compare_chart`).

    Arcs in the scorer's units (the default) share one scale with the zero line and the
    neutral zone. Rescaled arcs (``arc.compare(..., scale=True)``) are read against each
    arc's own lowest…highest, which the axis says, with no zero line (0 is then each arc's
    middle, not neutral) and each arc's real range in the legend. Each arc is solid where it
    leaves its own chance envelope and dashed where it stays inside; the legend names each
    text with its shape and its share beyond chance.
    """
    return draw(compare_chart(data, title=title), ax)


def plot_word_shift(
    shift: pd.DataFrame, *, ax: Axes | None = None, top: int = 20, title: str | None = None
) -> Axes:
    """Plot a word shift from :func:`arc.word_shift`: each word's part in the difference.

    The bars are the ``top`` words that make most of the difference between the two
    stretches, largest first; green for positive words, red for negative ones, dark when
    used more often in the first stretch, pale when less (the legend keys each). ``title``
    is the text's: the subtitle (the verdict) or the caption names it.

    Examples
    --------
    >>> import arc
    >>> from matplotlib.figure import Figure
    >>> df = arc.analyze()
    >>> shift = arc.word_shift(arc.explain(df, segment=3), arc.explain(df))
    >>> ax = arc.plot_word_shift(shift, ax=Figure().add_subplot())
    >>> ax.get_title(loc="left").split()[:4]
    ['Word', 'shift:', 'paragraph', '3']
    """
    from arc.charts.shiftchart import word_shift_chart

    ax = current_axes(ax)
    return draw(word_shift_chart(shift, top=top, title=title, width=figure_width(ax)), ax)
