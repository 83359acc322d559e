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

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)`` for each text, in order: the words its lexicon knows, of its words.

        "Words" are what the scorer reads, as it splits them; "known" are those it has a
        sentiment value for. Their ratio is a unit's lexicon coverage.
        """
        ...


class VaderScorer:
    """vaderSentiment's ``SentimentIntensityAnalyzer``, built once and reused.

    The numbers are exactly ``SentimentIntensityAnalyzer().polarity_scores(text)``.
    Lexicon coverage (:meth:`known_words`) reads the same analyzer's ``lexicon``.
    """

    name: ClassVar[str] = "vader"
    label: ClassVar[str] = "VADER compound"
    value_range: ClassVar[tuple[float, float]] = (-1.0, 1.0)
    #: VADER's authors' threshold: |compound| < 0.05 is neutral.
    neutral: ClassVar[float] = 0.05

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        analyzer = SentimentIntensityAnalyzer()
        self._polarity_scores = analyzer.polarity_scores
        self._known = _KnownTokens(analyzer.lexicon)

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

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)`` for each text, as VADER reads it.

        The words are VADER's tokens, ``SentiText(text).words_and_emoticons``: the
        whitespace-separated words with leading and trailing ASCII punctuation stripped (kept
        when that leaves two characters or fewer, so ``:)`` stays an emoticon), hence as many
        as ``len(text.split())``. A token is known when its lowercase form is in the
        analyzer's ``lexicon``, as ``polarity_scores`` looks it up: words and emoticons with a
        valence. Boosters ("very") and negations ("not") only modify a neighbour and are not
        in the lexicon, so they are not known. Counted on the text as given: emoji, which
        ``polarity_scores`` first replaces with their descriptions, count as unknown tokens.
        So does a word glued to a curly quote (``“Good,”``), which VADER does not strip and so
        does not score either.

        Examples
        --------
        >>> VaderScorer().known_words(["I love this town.", "Not very GOOD :)", ""])
        [(1, 4), (2, 4), (0, 0)]
        """
        known = self._known.__getitem__
        out = []
        for text in texts:
            tokens = text.split()
            out.append((sum(map(known, tokens)), len(tokens)))
        return out


class _KnownTokens(dict[str, bool]):
    """Whether VADER's lexicon knows a raw whitespace token, cached token by token.

    Looks each new token up as ``polarity_scores`` does (VADER's own punctuation stripping,
    then ``lower()`` in the analyzer's ``lexicon``, never a copy of it) and remembers the
    answer, so a novel's repeated words cost one dictionary lookup each. The cache is
    emptied when it holds :attr:`LIMIT` tokens.
    """

    LIMIT = 500_000

    def __init__(self, lexicon: dict[str, float]) -> None:
        from vaderSentiment.vaderSentiment import SentiText

        super().__init__()
        self._lexicon = lexicon
        self._strip = SentiText._strip_punc_if_word

    def __missing__(self, token: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        known = self[token] = self._strip(token).lower() in self._lexicon
        return known


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
