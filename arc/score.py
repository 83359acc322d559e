"""Scorers: turn a piece of text into sentiment numbers, behind one small interface.

VADER is the first scorer. Another lexicon plugs in by implementing :class:`Scorer` and
registering a factory in ``SCORERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple, Protocol

__all__ = ["SCORERS", "Scorer", "Scores", "VaderScorer", "get_scorer"]


class Scores(NamedTuple):
    """VADER-style scores: ``compound`` in −1…+1 and the pos/neu/neg proportions."""

    compound: float
    pos: float
    neu: float
    neg: float


class Scorer(Protocol):
    """Anything that scores a piece of text; ``name`` is recorded in the DataFrame's attrs."""

    name: str

    def score(self, text: str) -> Scores:
        """Score one sentence or paragraph."""
        ...


class VaderScorer:
    """vaderSentiment's ``SentimentIntensityAnalyzer``, built once and reused.

    The numbers are exactly ``SentimentIntensityAnalyzer().polarity_scores(text)``.
    """

    name = "vader"

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._polarity_scores = SentimentIntensityAnalyzer().polarity_scores

    def score(self, text: str) -> Scores:
        """Score ``text`` with VADER.

        Examples
        --------
        >>> VaderScorer().score("I love this town.").compound
        0.6369

        """
        s = self._polarity_scores(text)
        return Scores(s["compound"], s["pos"], s["neu"], s["neg"])


#: Scorer factories by name.
SCORERS: dict[str, Callable[[], Scorer]] = {"vader": VaderScorer}


@cache
def get_scorer(name: str = "vader") -> Scorer:
    """The shared scorer called ``name`` (built on first use; VADER reads its lexicon once)."""
    try:
        factory = SCORERS[name]
    except KeyError:
        raise ValueError(f"unknown scorer {name!r}; choose from {', '.join(SCORERS)}") from None
    return factory()
