"""Scorers: turn pieces of text into sentiment numbers, behind one small interface.

A scorer declares what charts and captions need to know about it (its name, the label of
its value, its range and neutral band) as class attributes, so those can be read without
building it (VADER reads its lexicon when built). VADER is the first scorer and the default;
another plugs in with :func:`register_scorer`: a class with those attributes and a ``score``
method, ideally built on :class:`ScorerBase`, which gives the rest. Only ``score`` is
required: a scorer without a lexicon (a model, say) leaves ``known_words`` to the base, and
its units' coverage is empty; one that can say why it scored as it did sets ``explains``.

The other scorers are the well-kept lexicon scorers that work offline from their packages,
each an optional extra (``pip install 'arc-sentiment[afinn]'``, ``[textblob]``, ``[nrc]``,
or ``[scorers]`` for all): :class:`AfinnScorer`, :class:`TextBlobScorer` and
:class:`NrcScorer`. Each value is its own package's number for the text, called directly;
a missing package raises :class:`~arc.errors.MissingDependencyError` naming the extra and
the command that installs it, from the package index or in a clone. A
scorer that gives more than one number per text declares them in ``columns`` and returns
them from ``score_columns`` (NRC's eight emotions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol

__all__ = [
    "DEFAULT_SCORER",
    "SCORERS",
    "AfinnScorer",
    "NrcScorer",
    "Scorer",
    "ScorerBase",
    "Scores",
    "TextBlobScorer",
    "VaderScorer",
    "ValenceScorer",
    "frame_scorer",
    "get_scorer",
    "parse_scorers",
    "register_scorer",
    "scorer_info",
    "scorer_versions",
]


class Scores(NamedTuple):
    """A text's value (``compound``, in the scorer's range) and, if it has them, proportions.

    ``pos``, ``neu`` and ``neg`` are VADER's shares of positive, neutral and negative
    words; a scorer that has no such shares leaves them NaN: ``Scores(0.4)``.
    """

    compound: float
    pos: float = math.nan
    neu: float = math.nan
    neg: float = math.nan


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
    #: Further numbers per text, added to frames as ``<name>_<column>`` (NRC's emotions),
    #: returned by ``score_columns``; empty for most scorers.
    columns: ClassVar[tuple[str, ...]]
    #: Whether ``arc.explain`` can break its values into words (VADER's can).
    explains: ClassVar[bool]
    #: Whether ``known_words`` reads a lexicon (False: units have no coverage).
    lexicon: ClassVar[bool]

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

    def score_and_count(self, texts: Sequence[str]) -> tuple[list[Scores], list[tuple[int, int]]]:
        """``(score_many(texts), known_words(texts))``, from one pass where the scorer can."""
        ...

    def score_columns(self, texts: Iterable[str]) -> list[tuple[float, ...]]:
        """The declared ``columns``' numbers for each text, in order (none for most)."""
        ...


class ScorerBase:
    """What a scorer needs beyond ``score``: batches, word counts, columns, in one place.

    Subclass it, set ``name``, ``label``, ``value_range`` and ``neutral``, write ``score``
    and register the class (:func:`register_scorer`). Without a lexicon, ``known_words``
    counts no known words, so coverage stays empty rather than claiming 0 %.
    """

    columns: ClassVar[tuple[str, ...]] = ()
    explains: ClassVar[bool] = False
    lexicon: ClassVar[bool] = False
    #: What keys its numbers in arc's cache (:mod:`arc.cache`): ``version`` if set, else the
    #: installed version of ``package``. A scorer whose numbers change must change one.
    version: ClassVar[str | None] = None
    package: ClassVar[str | None] = None

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(0, 0)`` per text: a scorer without a lexicon has no coverage to report."""
        return [(0, 0) for _ in texts]

    def score_columns(self, texts: Iterable[str]) -> list[tuple[float, ...]]:
        """The declared ``columns`` per text; a scorer that declares some overrides this."""
        if self.columns:
            raise NotImplementedError(f"{type(self).__name__} declares columns but gives none")
        return [() for _ in texts]

    if TYPE_CHECKING:  # what the scorer using this base provides

        def score(self, text: str) -> Scores: ...

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Score each text, in order."""
        score = self.score
        return [score(text) for text in texts]

    def score_and_count(self, texts: Sequence[str]) -> tuple[list[Scores], list[tuple[int, int]]]:
        """``(score_many(texts), known_words(texts))``: scores and lexicon counts together.

        A scorer that reads each text once for both overrides it (VADER), so a frame that
        needs both does not split and look up every text twice.
        """
        return self.score_many(texts), self.known_words(texts)


class VaderScorer(ScorerBase):
    """VADER, scored by :class:`arc.score.vader.FastVader`: vaderSentiment's numbers, fast.

    The numbers are exactly ``SentimentIntensityAnalyzer().polarity_scores(text)`` (every
    field, ``==``; a differential test checks it on every sentence and paragraph of the
    example texts, the human-rated snippets, rule-targeted fuzz and long inputs), with the
    lexicon and rules read from the installed vaderSentiment. Lexicon coverage
    (:meth:`known_words`) reads the same analyzer's ``lexicon``, through the engine's cache of
    tokens, and :meth:`score_and_count` gives both from one pass over each text.
    """

    name: ClassVar[str] = "vader"
    package: ClassVar[str | None] = "vaderSentiment"
    lexicon: ClassVar[bool] = True
    explains: ClassVar[bool] = True
    label: ClassVar[str] = "VADER compound"
    value_range: ClassVar[tuple[float, float]] = (-1.0, 1.0)
    #: VADER's authors' threshold: |compound| < 0.05 is neutral.
    neutral: ClassVar[float] = 0.05

    def __init__(self) -> None:
        from arc.score.vader import FastVader

        self._engine = engine = FastVader()
        self._polarity_scores = engine.polarity_scores
        #: The token cache known_words reads: the engine's own, shared with the scores.
        self._known = engine._tokens

    def score(self, text: str) -> Scores:
        """Score ``text`` with VADER.

        Examples
        --------
        >>> VaderScorer().score("I love this town.").compound
        0.6369

        """
        s = self._polarity_scores(text)
        return Scores(s["compound"], s["pos"], s["neu"], s["neg"])

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
        return self._engine.known_words(texts)

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Score each text, in order, through the engine's batch path (no dict per text)."""
        return self.score_and_count(list(texts))[0]

    def score_and_count(self, texts: Sequence[str]) -> tuple[list[Scores], list[tuple[int, int]]]:
        """``(score_many(texts), known_words(texts))``, equal to them, from one pass.

        Each text is split and its tokens looked up in the engine's cache once for both.

        Examples
        --------
        >>> scores, counts = VaderScorer().score_and_count(["I love this town.", "Not 😀"])
        >>> [s.compound for s in scores], counts
        ([0.6369, -0.2755], [(1, 4), (0, 2)])
        """
        scores, counts = self._engine.scores_and_counts(texts)
        return list(map(Scores._make, scores)), counts


def _require(module: str, extra: str, what: str) -> None:
    """Import ``module`` or raise :class:`MissingDependencyError` naming the extra to install."""
    import importlib

    from arc.errors import MissingDependencyError

    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"the {what} scorer needs the {module} package: pip install 'arc-sentiment[{extra}]'"
            f" (in a clone of arc, from its folder: pip install -e '.[{extra}]')"
        ) from None


_NAN = math.nan


class AfinnScorer(ScorerBase):
    """AFINN (Finn Årup Nielsen's word list, the ``afinn`` package), built once and reused.

    The value is exactly ``Afinn().score(text)``: the sum of the valences (−5…+5) of the
    lexicon's words and phrases found in the text, as syuzhet's ``get_sentiment(method=
    "afinn")`` also sums them for a sentence. A sum is not bounded: ``value_range`` is the
    span charts draw single sentences on, ±10 (98.9% of Frankenstein's 3,381 story
    sentences fall inside it; a point beyond lies outside its panel), and arcs drawn beside
    other scorers' are put on one scale by each scorer's spread (:mod:`arc.analysis.agreement`). A
    sum is 0 when no word of the lexicon is found, and sums are whole numbers, so only 0
    reads as neutral. ``pos``, ``neu`` and ``neg`` are NaN (AFINN gives one number).
    """

    name: ClassVar[str] = "afinn"
    package: ClassVar[str | None] = "afinn"
    lexicon: ClassVar[bool] = True
    label: ClassVar[str] = "AFINN sum"
    value_range: ClassVar[tuple[float, float]] = (-10.0, 10.0)
    neutral: ClassVar[float] = 0.5
    extra: ClassVar[str] = "afinn"

    def __init__(self) -> None:
        _require("afinn", self.extra, "AFINN")
        from afinn import Afinn

        self._afinn = Afinn()

    def score(self, text: str) -> Scores:
        """``Afinn().score(text)``, the sum of the valences of the words it knows.

        Examples
        --------
        >>> AfinnScorer().score("I love this town.").compound
        3.0
        """
        return Scores(float(self._afinn.score(text)), _NAN, _NAN, _NAN)

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)``: AFINN's matches (``find_all``) of the words ``Afinn.split`` finds.

        A phrase of the lexicon ("does not work") counts once, as it is scored once.

        Examples
        --------
        >>> AfinnScorer().known_words(["I love this town.", ""])
        [(1, 4), (0, 0)]
        """
        afinn = self._afinn
        return [(len(afinn.find_all(t)), len(afinn.split(t))) for t in texts]


class TextBlobScorer(ScorerBase):
    """TextBlob's default sentiment: the pattern lexicon (``PatternAnalyzer``), polarity.

    The value is exactly ``TextBlob(text).sentiment.polarity``, −1…+1: the mean polarity of
    the lexicon's adjectives found in the text, with pattern's negation and intensifiers.
    It is computed by calling the analyzer TextBlob itself calls for that
    (``textblob.en.sentiments.PatternAnalyzer``), which reads the lexicon shipped inside the
    package and needs no NLTK data, so nothing is downloaded. ``pos``/``neu``/``neg`` are NaN.
    """

    name: ClassVar[str] = "textblob"
    package: ClassVar[str | None] = "textblob"
    lexicon: ClassVar[bool] = True
    label: ClassVar[str] = "TextBlob polarity"
    value_range: ClassVar[tuple[float, float]] = (-1.0, 1.0)
    #: As VADER's: a polarity within ±0.05 of 0 reads as neutral.
    neutral: ClassVar[float] = 0.05
    extra: ClassVar[str] = "textblob"

    def __init__(self) -> None:
        _require("textblob", self.extra, "TextBlob")
        from textblob.en import sentiment
        from textblob.en.sentiments import PatternAnalyzer

        self._analyze = PatternAnalyzer().analyze
        self._lexicon = sentiment
        self._tokenize = sentiment.tokenizer

    def score(self, text: str) -> Scores:
        """TextBlob's polarity of ``text``.

        Examples
        --------
        >>> TextBlobScorer().score("I love this town.").compound
        0.5
        """
        return Scores(float(self._analyze(text)[0]), _NAN, _NAN, _NAN)

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)``: pattern's tokens, and those its lexicon has (lowercased).

        The tokens are pattern's own (``find_tokens``, split on spaces), as its sentiment
        reads them; punctuation tokens count as words.

        Examples
        --------
        >>> TextBlobScorer().known_words(["I love this town.", ""])
        [(1, 5), (0, 0)]
        """
        lexicon, tokenize = self._lexicon, self._tokenize
        out = []
        for text in texts:
            words = " ".join(tokenize(text)).split()
            out.append((sum(w.lower() in lexicon for w in words), len(words)))
        return out


#: NRC EmoLex's eight emotions, in syuzhet's ``get_nrc_sentiment`` order.
EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")
#: syuzhet's ``get_nrc_sentiment`` tokens: lowercase, split on anything not a letter or '.
_NRC_SPLIT = re.compile(r"[^a-z']+")


class NrcScorer(ScorerBase):
    """NRC EmoLex (Mohammad and Turney) through the ``nrclex`` package.

    The text is lowercased and split into words as syuzhet's ``get_nrc_sentiment`` does
    (on anything but ASCII letters and apostrophes), the words are given to
    ``NRCLex().load_token_list`` and its ``raw_emotion_scores`` counted: no lemmatizing, so
    nothing is downloaded (``NRCLex.load_raw_text`` would need TextBlob's corpora). The value
    is ``positive − negative`` (syuzhet's ``get_sentiment(method="nrc")``); ``columns`` are
    the counts of the eight emotions, :data:`EMOTIONS`. Counts are unbounded like AFINN's
    sums; ``value_range`` ±5 is the span charts draw sentences on (98.8% of Frankenstein's
    story sentences fall inside it). The lexicon is free for
    research use; see its terms at the NRC's site.
    """

    name: ClassVar[str] = "nrc"
    package: ClassVar[str | None] = "nrclex"
    lexicon: ClassVar[bool] = True
    label: ClassVar[str] = "NRC positive \u2212 negative"
    value_range: ClassVar[tuple[float, float]] = (-5.0, 5.0)
    neutral: ClassVar[float] = 0.5
    extra: ClassVar[str] = "nrc"
    columns: ClassVar[tuple[str, ...]] = EMOTIONS

    def __init__(self) -> None:
        _require("nrclex", self.extra, "NRC")
        from nrclex import NRCLex

        from arc._compat import nrc_known

        self._nrc = NRCLex()
        self._known = nrc_known(self._nrc)

    @staticmethod
    def tokens(text: str) -> list[str]:
        """The words NRC reads: ``text`` lowercased, split on all but ASCII letters and '."""
        return [w for w in _NRC_SPLIT.split(text.lower()) if w]

    def _counts(self, text: str) -> dict[str, int]:
        nrc = self._nrc
        nrc.load_token_list(self.tokens(text))
        return nrc.raw_emotion_scores

    def score(self, text: str) -> Scores:
        """``positive − negative`` of NRC's word counts for ``text``.

        Examples
        --------
        >>> NrcScorer().score("I love this town.").compound
        1.0
        """
        counts = self._counts(text)
        return Scores(
            float(counts.get("positive", 0) - counts.get("negative", 0)), _NAN, _NAN, _NAN
        )

    def score_columns(self, texts: Iterable[str]) -> list[tuple[float, ...]]:
        """The counts of the eight emotions (:data:`EMOTIONS`) for each text, in order.

        Examples
        --------
        >>> NrcScorer().score_columns(["I love this town."])
        [(0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0)]
        """
        out = []
        for text in texts:
            counts = self._counts(text)
            out.append(tuple(float(counts.get(e, 0)) for e in EMOTIONS))
        return out

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)``: the words NRC's lexicon has, of :meth:`tokens`.

        Examples
        --------
        >>> NrcScorer().known_words(["I love this town.", ""])
        [(1, 4), (0, 0)]
        """
        known = self._known
        out = []
        for text in texts:
            words = self.tokens(text)
            out.append((known(words), len(words)))
        return out


class _ModelVersion:
    """A class attribute read as the shipped model file's hash, computed on first read."""

    def __get__(self, obj: object, owner: type | None = None) -> str:
        from arc.score.valence import model_version

        return model_version()


class ValenceScorer(ScorerBase):
    """arc's own valence model (:mod:`arc.score.valence`): the valence people give a sentence.

    Fitted on human ratings (EmoBank's non-fiction, CC-BY 4.0, Buechel & Hahn, EACL 2017;
    the train halves of VADER's sets, MIT, Hutto & Gilbert, ICWSM 2014), −1…+1 with 0 what
    people rate neutral. Its features include VADER's scores, so it reads each text with
    arc's VADER engine, then looks its words up. ``version`` is the model file's hash.
    """

    name: ClassVar[str] = "valence"
    label: ClassVar[str] = "valence (arc's model of the human rating)"
    value_range: ClassVar[tuple[float, float]] = (-1.0, 1.0)
    #: The human neutral band (±0.5 on VADER's −4…+4 ratings) on −1…+1.
    neutral: ClassVar[float] = 0.125
    version: ClassVar[str | None] = _ModelVersion()  # type: ignore[assignment]
    #: Fitted on the train halves of VADER's sets: ``arc validate`` measures it on the test
    #: halves alone (on a whole set it would be graded on sentences it learned from).
    fitted: ClassVar[bool] = True

    def __init__(self) -> None:
        from arc.score.valence import ValenceModel

        self._model = ValenceModel()

    def score(self, text: str) -> Scores:
        """The model's valence of ``text``."""
        return Scores(self._model.values([text])[0], _NAN, _NAN, _NAN)

    def score_many(self, texts: Iterable[str]) -> list[Scores]:
        """Each text's valence, in order, VADER's features from the engine's batch path."""
        return [Scores(v, _NAN, _NAN, _NAN) for v in self._model.values(list(texts))]

    def parts(self, text: str) -> list[tuple[str, float]]:
        """Each word's part of the value, and a last row for the rest; they add up to it."""
        return self._model.parts(text)


#: Scorer classes by name; their class attributes describe them without building them.
SCORERS: dict[str, type[Scorer]] = {
    "vader": VaderScorer,
    "afinn": AfinnScorer,
    "textblob": TextBlobScorer,
    "nrc": NrcScorer,
    "valence": ValenceScorer,
}


def register_scorer(cls: type[Any]) -> type[Any]:
    """Make a scorer class available by its ``name`` everywhere scorers are (a decorator).

    The class must declare ``name``, ``label``, ``value_range`` and ``neutral`` and have a
    ``score`` method; :class:`ScorerBase` supplies the rest. A name already taken is
    refused, as is a class that lacks one of those.

    Examples
    --------
    >>> @register_scorer
    ... class Shouting(ScorerBase):
    ...     name, label, value_range, neutral = "shouting", "share of capitals", (0.0, 1.0), 0.0
    ...     def score(self, text):
    ...         return Scores(sum(c.isupper() for c in text) / max(1, len(text)))
    >>> get_scorer("shouting").score("NO!").compound
    0.6666666666666666
    >>> _ = SCORERS.pop("shouting")
    """
    missing = [
        attr
        for attr in ("name", "label", "value_range", "neutral", "score")
        if not hasattr(cls, attr)
    ]
    if missing:
        raise TypeError(f"a scorer class needs {', '.join(missing)}; {cls.__name__} lacks them")
    name = str(cls.name).strip().lower()
    if not name or name != cls.name:
        raise ValueError(f"a scorer's name is lower case without spaces, not {cls.name!r}")
    if name in SCORERS:
        raise ValueError(f"there is already a scorer called {name!r}")
    for attr, default in (("columns", ()), ("explains", False), ("lexicon", False)):
        if not hasattr(cls, attr):
            setattr(cls, attr, default)
    for method in ("score_many", "score_and_count", "known_words", "score_columns"):
        if not hasattr(cls, method):
            setattr(cls, method, getattr(ScorerBase, method))
    SCORERS[name] = cls
    get_scorer.cache_clear()
    return cls


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


def scorer_versions(names: Sequence[str]) -> list[str]:
    """Each scorer's name with its version (its ``version``, else its package's) and class.

    What keys its numbers in arc's cache (:mod:`arc.cache`). A scorer registered without
    either is keyed by its class alone: give it a ``version`` that changes with its numbers.
    """
    out = []
    for name in names:
        cls = scorer_info(name)
        mine = getattr(cls, "version", None)
        package = getattr(cls, "package", None)
        if mine is None and package:
            mine = _package_version(package)
        out.append(f"{name}={mine}:{cls.__module__}.{cls.__qualname__}")
    return out


@cache
def _package_version(package: str) -> str | None:
    """An installed package's version (``None`` if it is not installed), looked up once."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


@cache
def get_scorer(name: str = "vader") -> Scorer:
    """The shared scorer called ``name`` (built on first use; VADER reads its lexicon once)."""
    return scorer_info(name)()


def parse_scorers(names: str | Iterable[str]) -> list[str]:
    """Scorer names from a comma list (``"vader,afinn"``) or a list, checked, repeats dropped.

    Examples
    --------
    >>> parse_scorers("vader, afinn,vader")
    ['vader', 'afinn']
    """
    items = names.split(",") if isinstance(names, str) else list(names)
    out: list[str] = []
    for item in items:
        name = str(item).strip().lower()
        if not name:
            continue
        scorer_info(name)
        if name not in out:
            out.append(name)
    if not out:
        raise ValueError(f"no scorer named; choose from {', '.join(SCORERS)}")
    return out


#: The scorer of a frame that does not say which (VADER, arc's first and default scorer).
DEFAULT_SCORER = "vader"


def frame_scorer(data: Any) -> str:
    """The name of the scorer behind a frame's values: its ``attrs["scorer"]``, else VADER.

    Examples
    --------
    >>> import pandas as pd
    >>> frame_scorer(pd.DataFrame({"compound": [0.1]}))
    'vader'
    """
    return str(getattr(data, "attrs", {}).get("scorer") or DEFAULT_SCORER)
