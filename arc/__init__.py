"""arc: the emotional trajectory of a story, paragraph by paragraph.

>>> import arc
>>> df = arc.analyze()                 # the embedded vignette "Final Goodbyes"
>>> ax = arc.plot_arc(df)              # doctest: +SKIP

Names load their module on first use (PEP 562), so ``import arc`` stays light: it imports
neither pandas nor matplotlib until a function that needs them is called.
"""

from __future__ import annotations

import importlib

from arc._version import __version__

TYPE_CHECKING = False  # typing is not imported: `import arc` and `arc` start fast

_EXPORTS = {
    "analyze": "arc.analysis.frame",
    "COLUMNS": "arc.analysis.frame",
    "SENTENCE_COLUMNS": "arc.analysis.frame",
    "plot_arc": "arc.charts.plot",
    "read_text": "arc.text.io",
    "decode": "arc.text.io",
    "vignette_text": "arc.text.io",
    "split_paragraphs": "arc.text.segment",
    "split_sentences": "arc.text.segment",
    "Span": "arc.text.segment",
    "assign_roles": "arc.text.paratext",
    "get_scorer": "arc.score.scorers",
    "Scorer": "arc.score.scorers",
    "Scores": "arc.score.scorers",
    "VaderScorer": "arc.score.scorers",
    "ScorerBase": "arc.score.scorers",
    "register_scorer": "arc.score.scorers",
    "Analysis": "arc.analysis.result",
    "ArcError": "arc.errors",
    "TooShortError": "arc.errors",
    "smooth": "arc.analysis.smoothing",
    "percentage_bins": "arc.analysis.smoothing",
    "METHODS": "arc.analysis.smoothing",
    "compare": "arc.analysis.comparison",
    "corpus_modes": "arc.analysis.modes",
    "plot_smoothed": "arc.charts.plot",
    "plot_methods": "arc.charts.plot",
    "plot_compare": "arc.charts.plot",
    "smoothed_arc": "arc.analysis.timeline",
    "chapter_starts": "arc.analysis.timeline",
    "Chart": "arc.charts.data",
    "chart_for": "arc.charts.choice",
    "story_chart": "arc.charts.story",
    "smoothed_chart": "arc.charts.smoothed",
    "methods_chart": "arc.charts.smoothed",
    "compare_chart": "arc.charts.compare",
    "draw": "arc.charts.drawing",
    "save_chart": "arc.charts.render",
    "ArcWarning": "arc.errors",
    "EXAMPLES": "arc.text.examples",
    "example_path": "arc.text.examples",
    "explain": "arc.analysis.explanation",
    "word_shift": "arc.analysis.wordshift",
    "plot_word_shift": "arc.charts.plot",
    "word_shift_chart": "arc.charts.shiftchart",
    "turning_points": "arc.analysis.turns",
    "shape": "arc.analysis.shapes",
    "interactive": "arc.charts.page",
    "corpus": "arc.corpora.run",
    "read_corpus": "arc.corpora.store",
    "Cache": "arc.cache",
}

__all__ = [
    "COLUMNS",
    "EXAMPLES",
    "METHODS",
    "SENTENCE_COLUMNS",
    "Analysis",
    "ArcError",
    "ArcWarning",
    "Cache",
    "Chart",
    "Scorer",
    "ScorerBase",
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
    "corpus",
    "corpus_modes",
    "decode",
    "draw",
    "example_path",
    "explain",
    "get_scorer",
    "interactive",
    "methods_chart",
    "percentage_bins",
    "plot_arc",
    "plot_compare",
    "plot_methods",
    "plot_smoothed",
    "plot_word_shift",
    "read_corpus",
    "read_text",
    "register_scorer",
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
    from arc.analysis.comparison import compare
    from arc.analysis.explanation import explain
    from arc.analysis.frame import COLUMNS, SENTENCE_COLUMNS, analyze
    from arc.analysis.modes import corpus_modes
    from arc.analysis.result import Analysis
    from arc.analysis.shapes import shape
    from arc.analysis.smoothing import METHODS, percentage_bins, smooth
    from arc.analysis.timeline import chapter_starts, smoothed_arc
    from arc.analysis.turns import turning_points
    from arc.analysis.wordshift import word_shift
    from arc.cache import Cache
    from arc.charts.choice import chart_for
    from arc.charts.compare import compare_chart
    from arc.charts.data import Chart
    from arc.charts.drawing import draw
    from arc.charts.page import interactive
    from arc.charts.plot import plot_arc, plot_compare, plot_methods, plot_smoothed, plot_word_shift
    from arc.charts.render import save_chart
    from arc.charts.shiftchart import word_shift_chart
    from arc.charts.smoothed import methods_chart, smoothed_chart
    from arc.charts.story import story_chart
    from arc.corpora.run import corpus
    from arc.corpora.store import read_corpus
    from arc.errors import ArcError, ArcWarning, TooShortError
    from arc.score.scorers import (
        Scorer,
        ScorerBase,
        Scores,
        VaderScorer,
        get_scorer,
        register_scorer,
    )
    from arc.text.examples import EXAMPLES, example_path
    from arc.text.io import decode, read_text, vignette_text
    from arc.text.paratext import assign_roles
    from arc.text.segment import Span, split_paragraphs, split_sentences


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
