"""Scorers: turn pieces of text into sentiment numbers, behind one small interface.

A scorer declares what charts and captions need to know about it (its name, the label of
its value, its range and neutral band) as class attributes, so those can be read without
building it (VADER reads its lexicon when built). VADER is the first scorer; another plugs
in by implementing :class:`Scorer` and adding its class to ``SCORERS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import ClassVar, NamedTuple, Protocol

__all__ = ["SCORERS", "Scorer", "Scores", "VaderScorer", "get_scorer", "scorer_info"]


class Scores(NamedTuple):
    """VADER-style scores: ``compound`` in the scorer's range and the pos/neu/neg proportions."""

    compound: float
    pos: float
    neu: float
    neg: float


class Scorer(Protocol):
    """Anything that scores text, with the facts about its numbers that charts state.

    ``name`` is recorded in ``df.attrs["scorer"]``; ``label`` names the value on axes and in
    captions ("VADER compound"); ``value_range`` is the lowest and highest possible value;
    values within ``±neutral`` of 0 read as neutral.
    """

    name: ClassVar[str]
    label: ClassVar[str]
    value_range: ClassVar[tuple[float, float]]
    neutral: ClassVar[float]

    def score(self, text: str) -> Scores:
        """Score one sentence or paragraph."""
        ...

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Score many texts, in order (a scorer may batch them)."""
        ...


class VaderScorer:
    """vaderSentiment's ``SentimentIntensityAnalyzer``, built once and reused.

    The numbers are exactly ``SentimentIntensityAnalyzer().polarity_scores(text)``.
    """

    name: ClassVar[str] = "vader"
    label: ClassVar[str] = "VADER compound"
    value_range: ClassVar[tuple[float, float]] = (-1.0, 1.0)
    #: VADER's authors' threshold: |compound| < 0.05 is neutral.
    neutral: ClassVar[float] = 0.05

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

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Score each text with VADER, in order."""
        score = self.score
        return [score(text) for text in texts]


#: Scorer classes by name; their class attributes describe them without building them.
SCORERS: dict[str, type[Scorer]] = {"vader": VaderScorer}


def scorer_info(name: str = "vader") -> type[Scorer]:
    """The class of scorer ``name``: its ``label``, ``value_range`` and ``neutral``, unbuilt.

    Examples
    --------
    >>> scorer_info("vader").label, scorer_info("vader").neutral
    ('VADER compound', 0.05)
    """
    try:
        return SCORERS[name]
    except KeyError:
        raise ValueError(f"unknown scorer {name!r}; choose from {', '.join(SCORERS)}") from None


@cache
def get_scorer(name: str = "vader") -> Scorer:
    """The shared scorer called ``name`` (built on first use; VADER reads its lexicon once)."""
    return scorer_info(name)()
