"""Which chart a frame gets: the story chart for a short text, else the smoothed chart.

The rule is :func:`arc.analysis.view.is_long`'s, shared by ``arc plot`` and :func:`arc.plot_arc`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from arc.analysis.result import Analysis, as_analysis
from arc.analysis.timeline import story_values
from arc.analysis.view import DEFAULT_SMOOTHER, is_long
from arc.charts.data import Chart
from arc.charts.smoothed import methods_chart, smoothed_chart
from arc.charts.story import story_chart

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["chart_for"]


def chart_for(
    data: pd.DataFrame | Analysis,
    *,
    smoother: str | None = None,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    band: bool = True,
    null: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """The chart ``arc plot`` draws for a frame: the story chart or the smoothed chart.

    A paragraph frame of a short text (see :func:`arc.analysis.view.is_long`: no chapters, at most
    60
    story paragraphs and 20,000 words, paragraph breaks) with no smoother asked for gets the
    story chart; anything else the smoothed chart, with the default smoother unless
    ``smoother`` is given (``"all"``: every smoother compared).
    """
    result = as_analysis(data)
    df = result.frame
    unit = df.attrs.get("unit", "paragraph" if "role" in df and "paragraph" not in df else None)
    story = story_values(df)
    chapters = "chapter" in story and bool(story["chapter"].notna().any())
    words = int(story["n_words"].sum()) if "n_words" in story else 0
    if smoother is None and unit == "paragraph" and not is_long(len(story), chapters, words):
        return story_chart(
            result,
            title=title,
            value=value,
            include_paratext=include_paratext,
            annotate=annotate,
            band=band,
            null=null,
            width=width,
        )
    if smoother == "all":
        return methods_chart(result, title=title, value=value, width=width)
    return smoothed_chart(
        result,
        smoother or DEFAULT_SMOOTHER,
        title=title,
        value=value,
        band=band,
        null=null,
        width=width,
        **params,
    )
