"""arc's own valence model: a sentence's valence as people rate it, on −1…+1, 0 neutral.

A linear (ridge) model, fitted by ``scripts/fit_valence.py`` and shipped as plain data in
``arc/data/valence.json``; scored with numpy and arc's VADER engine only. Its features:

* lowercased words (:func:`tokens`), each counted and divided by the square root of the
  sentence's number of words; a word within :data:`SCOPE` words after a negation (not, no,
  never, without, any word ending in n't) is read as ``NOT_word``;
* VADER's compound, pos and neg for the sentence (arc's engine, :mod:`arc.score.vader`);
* the counts of "!" and "?", and the share of capitalised words.

The value is ``intercept + Σ weight · feature``, the linear prediction, clipped to −1…+1
(:meth:`ValenceModel.parts` breaks it into each word's part, VADER's features shared word by
word, and one row for the intercept and the other features, adding up to the value).

Speed: scoring Frankenstein's 3,526 sentences (``score_many``) runs at 0.56–0.63 of the
speed of arc's VADER engine alone (0.51–0.60 with both token caches cold; 0.40–0.47 before
the token cache of :class:`_Pieces` and the inlined loop of :meth:`ValenceModel.raw_values`),
measured on 2 busy cores; VADER's own scores are about half the work. The values did not
change: equal to the bit on every sentence of the three example books and VADER's four sets.

Fitted on human valence ratings, each set mapped onto −1…+1 and weighted equally:

* **EmoBank** (Sven Buechel and Udo Hahn, "EmoBank: Studying the Impact of Annotation
  Perspective and Representation Format on Dimensional Emotion Analysis", EACL 2017;
  CC-BY 4.0): its six non-fiction genres (letters, blog, newspaper, SemEval headlines,
  essays, travel guides), valence 1–5 mapped by ``(V − 3) / 2``. **Its fiction genre was
  never used**, in fitting or in choosing settings (chosen by leaving one genre out): it is
  the held-out literary test. The copy fitted on is ``scripts/data/emobank/``.
* **VADER's four human-rated sets** (C. J. Hutto and E. Gilbert, "VADER: A Parsimonious
  Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014; MIT licence;
  ``arc/data/validation``): their **train** halves only (even document numbers,
  :func:`arc.score.validation.is_train`), ratings −4…+4 mapped by ``rating / 4``.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from itertools import chain, repeat
from operator import itemgetter, mul
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["DENSE", "MODEL_FILE", "SCOPE", "ValenceModel", "model_version", "tokens"]

MODEL_FILE = "valence.json"
#: Words after a negation that read as negated.
SCOPE = 3
#: The features that are not words, in the model's order.
DENSE = ("vader_compound", "vader_pos", "vader_neg", "exclamations", "questions", "capitals")
NEGATIONS = frozenset({"not", "no", "never", "without", "cannot", "nor"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*")
_WORDLIKE = re.compile(r"\b[A-Za-z]+")
#: :data:`_WORDLIKE`'s matches, each giving its capital or "": one scan counts both. A
#: match of ``_CAPITALISED`` is exactly a match of ``_WORDLIKE`` that starts with A-Z.
_WORDLIKE_CAPITAL = re.compile(r"\b(?:([A-Z])|[a-z])[A-Za-z]*")
#: The row of :meth:`ValenceModel.parts` for the intercept and the features that are not words.
REST = "(intercept and other features)"


def tokens(text: str) -> list[str]:
    """The words the model reads: lowercase, negated ones marked ``NOT_``.

    Examples
    --------
    >>> tokens("I don't like it at all, Sam.")
    ['i', "don't", 'NOT_like', 'NOT_it', 'NOT_at', 'all', 'sam']
    """
    return _negate(_WORD.findall(text.lower().replace("\u2019", "'")))


def _negate(words: list[str]) -> list[str]:
    """``words`` with those in a negation's scope marked ``NOT_`` (:func:`tokens`)."""
    out = []
    scope = 0
    for word in words:
        if scope:
            out.append("NOT_" + word)
            scope -= 1
        else:
            out.append(word)
        if word in NEGATIONS or word.endswith("n't"):
            scope = SCOPE
    return out


class _Pieces(dict[str, tuple[list[str], int, int, bool]]):
    """What the model reads of each whitespace token, cached (the hot path of scoring a book).

    A token's entry is ``(words, wordlike, capitalised, negation)``: its words before
    negation (:func:`tokens`' regex on its lowercase), its counts of ``_WORDLIKE`` and
    ``_CAPITALISED`` matches, and whether one of its words opens a negation's scope. None
    of those regexes matches across whitespace, and whitespace is a word boundary on both
    sides, so a text's words are its tokens' words in order and its counts their sums.
    Emptied when it holds :attr:`LIMIT` tokens.
    """

    LIMIT = 500_000

    def __missing__(self, token: str) -> tuple[list[str], int, int, bool]:
        if len(self) >= self.LIMIT:
            self.clear()
        words = _WORD.findall(token.lower().replace("\u2019", "'"))
        found = _WORDLIKE_CAPITAL.findall(token)
        negation = any(w in NEGATIONS or w.endswith("n't") for w in words)
        entry = (words, len(found), len(found) - found.count(""), negation)
        self[token] = entry
        return entry


_WORDS, _WORDLIKE_N, _CAPITALISED_N, _NEGATION = (itemgetter(k) for k in range(4))


def dense(text: str, compound: float, pos: float, neg: float) -> tuple[float, ...]:
    """The features that are not words, in :data:`DENSE` order."""
    found = _WORDLIKE_CAPITAL.findall(text)  # "" for a word, its capital for a capitalised one
    words = len(found)
    caps = (words - found.count("")) / words if words else 0.0
    return (compound, pos, neg, float(text.count("!")), float(text.count("?")), caps)


def scale(n: int) -> float:
    """What each word's weight is multiplied by in a sentence of ``n`` words."""
    return 1.0 / math.sqrt(n) if n else 0.0


@cache
def model_data() -> dict[str, Any]:
    """The shipped model, ``arc/data/valence.json``, read once."""
    text = resources.files("arc").joinpath("data", MODEL_FILE).read_text("utf-8")
    return json.loads(text)


@cache
def model_version() -> str:
    """The first 12 hex digits of the sha256 of the shipped model file (keys arc's cache)."""
    import hashlib

    data = resources.files("arc").joinpath("data", MODEL_FILE).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


class ValenceModel:
    """The fitted model: words' weights, the other features' weights and the intercept."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        from arc.score.vader import FastVader

        data = model_data() if data is None else data
        self.intercept = float(data["intercept"])
        self.dense = tuple(float(data["dense"][name]) for name in DENSE)
        self.words: dict[str, float] = {k: float(v) for k, v in data["words"].items()}
        self._vader = FastVader()
        self._pieces = _Pieces()

    def _value(self, text: str, vader: Sequence[float]) -> tuple[float, float]:
        """``(value before clipping, the words' sum)`` from VADER's (compound, pos, neu, neg).

        One text, as :meth:`parts` needs it: the same sums as :meth:`raw_values` makes.
        """
        compound, pos, _neu, neg = vader
        low = text.lower().replace("\u2019", "'")
        found = _WORD.findall(low)
        if "n't" in low or not NEGATIONS.isdisjoint(found):
            found = _negate(found)
        n = len(found)
        words = math.fsum(map(self.words.get, found, repeat(0.0))) * scale(n)
        rest = self.intercept + math.fsum(map(mul, self.dense, dense(text, compound, pos, neg)))
        return words + rest, words

    def values(self, texts: Sequence[str]) -> list[float]:
        """The model's value for each text, in order (clipped to −1…+1)."""
        return [min(1.0, max(-1.0, v)) for v in self.raw_values(texts)]

    def raw_values(self, texts: Sequence[str]) -> list[float]:
        """The linear prediction for each text, unclipped.

        :meth:`_value` for each text, inlined (the hot loop of scoring a book), each
        whitespace token's words and counts read once and cached (:class:`_Pieces`): the
        same sums in the same order, so the same values to the last bit.
        """
        scores, _ = self._vader.scores_and_counts(texts)
        get, fsum, sqrt = self.words.get, math.fsum, math.sqrt
        intercept = self.intercept
        w_compound, w_pos, w_neg, w_excl, w_quest, w_caps = self.dense
        piece = self._pieces.__getitem__
        from_iterable = chain.from_iterable
        out = []
        for text, (compound, pos, _neu, neg) in zip(texts, scores, strict=True):
            info = list(map(piece, text.split()))
            found = list(from_iterable(map(_WORDS, info)))
            if any(map(_NEGATION, info)):
                found = _negate(found)
            n = len(found)
            words = fsum(map(get, found, repeat(0.0))) * (1.0 / sqrt(n) if n else 0.0)
            m = sum(map(_WORDLIKE_N, info))
            caps = sum(map(_CAPITALISED_N, info)) / m if m else 0.0
            rest = intercept + fsum(
                (
                    w_compound * compound,
                    w_pos * pos,
                    w_neg * neg,
                    w_excl * text.count("!"),  # int * float: as float(int) * float
                    w_quest * text.count("?"),
                    w_caps * caps,
                )
            )
            out.append(words + rest)
        return out

    def _vader_shares(
        self, rows: list[tuple[str, float]], compound: float, pos: float, neg: float
    ) -> list[tuple[str, float]]:
        """Each VADER row's share of the model's three VADER features, in ``rows``' order.

        ``rows`` are VADER's non-zero valences as it sums them, "(punctuation)" last for the
        "!"/"?" emphasis. The compound's part is shared in proportion to the valences (VADER
        normalises their sum); ``pos`` and ``neg`` are VADER's sums of ``valence + 1`` over
        the positive words and ``valence - 1`` over the negative ones, the emphasis added to
        the larger side, each divided by one total: their parts are shared in proportion to
        those terms. Every share is a part of the value, so no VADER feature is left over.
        """
        w_compound, w_pos, w_neg = self.dense[:3]
        total = math.fsum(v for _, v in rows)
        words = [(t, v) for t, v in rows if t != "(punctuation)"]
        emphasis = abs(math.fsum(v for t, v in rows if t == "(punctuation)"))
        pos_terms = [v + 1 if v > 0 else 0.0 for _, v in words]
        neg_terms = [v - 1 if v < 0 else 0.0 for _, v in words]
        pos_sum, neg_sum = math.fsum(pos_terms), math.fsum(neg_terms)
        if pos_sum > -neg_sum:
            pos_terms.append(emphasis)
            neg_terms.append(0.0)
        elif pos_sum < -neg_sum:
            pos_terms.append(0.0)
            neg_terms.append(-emphasis)
        else:
            pos_terms.append(0.0)
            neg_terms.append(0.0)
        pos_sum, neg_sum = math.fsum(pos_terms), math.fsum(neg_terms)
        tokens = [t for t, _ in words] + ["(punctuation)"]
        valences = [v for _, v in words] + [total - math.fsum(v for _, v in words)]
        out = []
        for token, valence, p, n in zip(tokens, valences, pos_terms, neg_terms, strict=True):
            share = 0.0
            if total and compound:
                share += w_compound * valence * (compound / total)
            if pos_sum and p:
                share += w_pos * pos * (p / pos_sum)
            if neg_sum and n:
                share += w_neg * neg * (n / neg_sum)
            if share or token != "(punctuation)":
                out.append((token, share))
        return out

    def parts(self, text: str) -> list[tuple[str, float]]:
        """Each word's part of ``text``'s value, and one row for everything else.

        A word's part is its weight (times ``1/√words``) plus, where VADER scored it, its share
        of the model's three VADER features (compound, pos, neg: :meth:`_vader_shares`);
        "(punctuation)" is VADER's emphasis of "!" and "?". The last row, :data:`REST`, is the
        intercept, the "!", "?" and capitals features and, when the value is clipped, the
        clipping. The parts add up to the value.
        """
        found_vader = self._vader.valences(text)  # VADER's per-word valences, as it sums them
        rows = [
            (w, float(v)) for w, v in zip(found_vader.words, found_vader.valences, strict=True) if v
        ]
        if found_vader.emphasis:
            rows.append(("(punctuation)", float(found_vader.emphasis)))
        s = self._vader.polarity_scores(text)
        compound = float(s["compound"])
        vader = (s["compound"], s["pos"], s["neu"], s["neg"])
        raw, _ = self._value(text, vader)
        value = min(1.0, max(-1.0, raw))
        found = tokens(text)
        k = scale(len(found))
        parts: list[list[Any]] = [[w, self.words.get(w, 0.0) * k] for w in found]
        for token, share in self._vader_shares(rows, compound, float(s["pos"]), float(s["neg"])):
            key = token.lower().strip(".,;:!?\"'()[]")
            for part in parts:
                name = str(part[0])
                if name in (key, "NOT_" + key) and len(part) == 2:
                    part[1] += share
                    part.append(True)  # merged: one VADER row per word
                    break
            else:
                parts.append([token, share])
        out = [(str(p[0]), float(p[1])) for p in parts]
        rest = value - math.fsum(p for _, p in out)
        out.append((REST, rest))
        return out
