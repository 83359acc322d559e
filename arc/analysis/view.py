"""Which chart a text gets: the story chart for a short text, the smoothed chart for a book.

One rule for the command and the Python API: a text is long when it has chapters or more
than :data:`LONG_PARAGRAPHS` story paragraphs. Unit and smoother defaults come from their
declarations (:mod:`arc.analysis.units`, :mod:`arc.analysis.smoothers`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from arc.analysis.smoothers import get_smoother
from arc.analysis.units import unit_params

if TYPE_CHECKING:
    from arc.text.document import Document

__all__ = [
    "DEFAULT_SMOOTHER",
    "LONG_PARAGRAPHS",
    "LONG_WORDS",
    "View",
    "choose_view",
    "implied_unit",
    "is_long",
    "view_for",
]

#: A text with more story paragraphs than this, or with chapters, gets the smoothed chart.
LONG_PARAGRAPHS = 60
#: So does a text with more story words than this (a novella), however it is paragraphed,
LONG_WORDS = 20_000
#: and one of this many words or more in fewer than three paragraphs (no paragraph breaks).
UNBROKEN_WORDS = 1_000
#: The smoother a long text gets unless told otherwise.
DEFAULT_SMOOTHER = "rolling"
#: ``--smooth all``: every smoother's line on one chart, for comparing them.
ALL_SMOOTHERS = "all"


@dataclass(frozen=True)
class View:
    """What a chart shows: the unit of its points and the smoother of its line (if any)."""

    unit: str
    smoother: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    unit_params: dict[str, int] = field(default_factory=dict)

    @property
    def long(self) -> bool:
        """Whether this is the smoothed chart (an arc panel over a strip of points)."""
        return self.smoother is not None


def is_long(n_story: int, has_chapters: bool, n_words: int = 0) -> bool:
    """Whether a text gets the smoothed chart rather than one point per paragraph.

    Long: chapters, more than :data:`LONG_PARAGRAPHS` story paragraphs, more than
    :data:`LONG_WORDS` story words, or :data:`UNBROKEN_WORDS` words or more in fewer than
    three paragraphs (a text without paragraph breaks, whose story chart would be a point).

    Examples
    --------
    >>> is_long(10, False, 2_000), is_long(1, False, 150_000), is_long(1, False, 40)
    (False, True, False)
    """
    return (
        has_chapters
        or n_story > LONG_PARAGRAPHS
        or n_words > LONG_WORDS
        or (n_story < 3 and n_words >= UNBROKEN_WORDS)
    )


def choose_view(
    n_story: int,
    has_chapters: bool,
    *,
    n_words: int = 0,
    unit: str | None = None,
    smoother: str | None = None,
    span: float | None = None,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
) -> View:
    """Pick the chart for a text from its length and the options given.

    A long text's defaults are sentence points and a rolling mean over 10 % of the text.
    Anything given explicitly wins; ``window``/``step`` imply ``unit="window"``, ``bins``
    implies ``unit="bins"``. ``span`` sets the smoother's declared span parameter; a
    smoother without one raises ``ValueError``.
    """
    unit = implied_unit(unit, window=window, step=step, bins=bins)
    long = is_long(n_story, has_chapters, n_words)
    explicit = smoother is not None or span is not None or unit not in (None, "paragraph")
    given = {"window": window, "step": step, "bins": bins}
    if not long and not explicit:
        unit_params("paragraph", **given)  # an option the story chart cannot use is refused
        return View("paragraph")
    unit = unit or ("sentence" if long else "paragraph")
    smoother = smoother or DEFAULT_SMOOTHER
    params: dict[str, Any] = {}
    if span is not None:
        if smoother == ALL_SMOOTHERS:
            raise ValueError("span sets one smoother's window, not all of them")
        declared = get_smoother(smoother)
        if declared.span is None:
            raise ValueError(f"span sets the window of a smoother; {smoother} has none")
        params[declared.span] = span
    return View(unit, smoother, params, unit_params(unit, **given))


def implied_unit(
    unit: str | None,
    *,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
    default: str | None = None,
) -> str | None:
    """The unit asked for: ``unit`` if given, else what ``window``/``step`` or ``bins`` imply.

    Examples
    --------
    >>> implied_unit(None, window=400), implied_unit(None, bins=20), implied_unit("sentence")
    ('window', 'bins', 'sentence')
    """
    if unit is not None:
        return unit
    return "window" if (window or step) else "bins" if bins else default


def view_for(
    doc: Document,
    *,
    unit: str | None = None,
    smoother: str | None = None,
    span: float | None = None,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
) -> View:
    """:func:`choose_view` for a parsed document: its story paragraphs, chapters and words."""
    return choose_view(
        len(doc.story),
        any(doc.chapters),
        n_words=doc.story_words,
        unit=unit,
        smoother=smoother,
        span=span,
        window=window,
        step=step,
        bins=bins,
    )
