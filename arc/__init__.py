"""arc: the emotional trajectory of a story, paragraph by paragraph.

>>> import arc
>>> df = arc.analyze()                 # the embedded vignette "Final Goodbyes"
>>> ax = arc.plot_arc(df)              # doctest: +SKIP

Names load their module on first use (PEP 562), so ``import arc`` stays light: it imports
neither pandas nor matplotlib until a function that needs them is called.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is not imported: `import arc` and `arc` start fast

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "arc.frame",
    "COLUMNS": "arc.frame",
    "SENTENCE_COLUMNS": "arc.frame",
    "plot_arc": "arc.plot",
    "read_text": "arc.io",
    "decode": "arc.io",
    "vignette_text": "arc.io",
    "split_paragraphs": "arc.segment",
    "split_sentences": "arc.segment",
    "Span": "arc.segment",
    "assign_roles": "arc.paratext",
    "get_scorer": "arc.score",
    "Scorer": "arc.score",
    "Scores": "arc.score",
    "VaderScorer": "arc.score",
    "ArcError": "arc.errors",
    "TooShortError": "arc.errors",
    "smooth": "arc.smoothing",
    "percentage_bins": "arc.smoothing",
    "METHODS": "arc.smoothing",
    "compare": "arc.comparison",
    "plot_smoothed": "arc.plot",
    "plot_methods": "arc.plot",
    "plot_compare": "arc.plot",
    "smoothed_arc": "arc.timeline",
    "chapter_starts": "arc.timeline",
    "Chart": "arc.chart",
    "chart_for": "arc.chart",
    "story_chart": "arc.chart",
    "smoothed_chart": "arc.chart",
    "methods_chart": "arc.chart",
    "compare_chart": "arc.chart",
    "draw": "arc.drawing",
    "save_chart": "arc.render",
    "ArcWarning": "arc.errors",
    "EXAMPLES": "arc.examples",
    "example_path": "arc.examples",
    "explain": "arc.explanation",
    "word_shift": "arc.wordshift",
    "plot_word_shift": "arc.plot",
    "word_shift_chart": "arc.shiftchart",
    "turning_points": "arc.turns",
    "shape": "arc.shapes",
}

__all__ = [
    "COLUMNS",
    "EXAMPLES",
    "METHODS",
    "SENTENCE_COLUMNS",
    "ArcError",
    "ArcWarning",
    "Chart",
    "Scorer",
    "Scores",
    "Span",
    "TooShortError",
    "VaderScorer",
    "__version__",
    "analyze",
    "assign_roles",
    "chapter_starts",
    "chart_for",
    "compare",
    "compare_chart",
    "decode",
    "draw",
    "example_path",
    "explain",
    "get_scorer",
    "methods_chart",
    "percentage_bins",
    "plot_arc",
    "plot_compare",
    "plot_methods",
    "plot_smoothed",
    "plot_word_shift",
    "read_text",
    "save_chart",
    "shape",
    "smooth",
    "smoothed_arc",
    "smoothed_chart",
    "split_paragraphs",
    "split_sentences",
    "story_chart",
    "turning_points",
    "vignette_text",
    "word_shift",
    "word_shift_chart",
]

if TYPE_CHECKING:
    from arc.chart import (
        Chart,
        chart_for,
        compare_chart,
        methods_chart,
        smoothed_chart,
        story_chart,
    )
    from arc.comparison import compare
    from arc.drawing import draw
    from arc.errors import ArcError, ArcWarning, TooShortError
    from arc.examples import EXAMPLES, example_path
    from arc.explanation import explain
    from arc.frame import COLUMNS, SENTENCE_COLUMNS, analyze
    from arc.io import decode, read_text, vignette_text
    from arc.paratext import assign_roles
    from arc.plot import plot_arc, plot_compare, plot_methods, plot_smoothed, plot_word_shift
    from arc.render import save_chart
    from arc.score import Scorer, Scores, VaderScorer, get_scorer
    from arc.segment import Span, split_paragraphs, split_sentences
    from arc.shapes import shape
    from arc.shiftchart import word_shift_chart
    from arc.smoothing import METHODS, percentage_bins, smooth
    from arc.timeline import chapter_starts, smoothed_arc
    from arc.turns import turning_points
    from arc.wordshift import word_shift


def __getattr__(name: str) -> object:
    """Import the module that defines ``name`` on first use."""
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'arc' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
