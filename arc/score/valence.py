"""arc's own valence model: a sentence's valence as people rate it, on −1…+1, 0 neutral.

A linear (ridge) model, fitted by ``scripts/fit_valence.py`` and shipped as plain data in
``arc/data/valence.json``; scored with numpy and arc's VADER engine only. Its features:

* lowercased words (:func:`tokens`), each counted and divided by the square root of the
  sentence's number of words; a word within :data:`SCOPE` words after a negation (not, no,
  never, without, any word ending in n't) is read as ``NOT_word``;
* VADER's compound, pos and neg for the sentence (arc's engine, :mod:`arc.score.vader`);
* the counts of "!" and "?", and the share of capitalised words.

The value is ``intercept + Σ weight · feature``, the linear prediction, clipped to −1…+1
(:meth:`ValenceModel.parts` breaks it into each word's part, VADER's word by word, and one
row for the intercept and the other features, adding up to the value).

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
#: The row of :meth:`ValenceModel.parts` for the intercept and the features that are not words.
REST = "(intercept and other features)"


def tokens(text: str) -> list[str]:
    """The words the model reads: lowercase, negated ones marked ``NOT_``.

    Examples
    --------
    >>> tokens("I don't like it at all, Sam.")
    ['i', "don't", 'NOT_like', 'NOT_it', 'NOT_at', 'all', 'sam']
    """
    out = []
    scope = 0
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        if scope:
            out.append("NOT_" + word)
            scope -= 1
        else:
            out.append(word)
        if word in NEGATIONS or word.endswith("n't"):
            scope = SCOPE
    return out


def dense(text: str, compound: float, pos: float, neg: float) -> tuple[float, ...]:
    """The features that are not words, in :data:`DENSE` order."""
    words = len(_WORDLIKE.findall(text))
    caps = len(_CAPITALISED.findall(text)) / words if words else 0.0
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

    def _value(self, text: str, vader: Sequence[float]) -> tuple[float, float]:
        """``(value before clipping, the words' sum)`` from VADER's (compound, pos, neu, neg)."""
        compound, pos, _neu, neg = vader
        found = tokens(text)
        get = self.words.get
        words = math.fsum(get(w, 0.0) for w in found) * scale(len(found))
        rest = self.intercept + math.fsum(
            w * f for w, f in zip(self.dense, dense(text, compound, pos, neg), strict=True)
        )
        return words + rest, words

    def values(self, texts: Sequence[str]) -> list[float]:
        """The model's value for each text, in order (clipped to −1…+1)."""
        scores, _ = self._vader.scores_and_counts(texts)
        return [
            min(1.0, max(-1.0, self._value(t, s)[0])) for t, s in zip(texts, scores, strict=True)
        ]

    def raw_values(self, texts: Sequence[str]) -> list[float]:
        """The linear prediction for each text, unclipped."""
        scores, _ = self._vader.scores_and_counts(texts)
        return [self._value(t, s)[0] for t, s in zip(texts, scores, strict=True)]

    def parts(self, text: str) -> list[tuple[str, float]]:
        """Each word's part of ``text``'s value, and one row for everything else.

        A word's part is its weight (times ``1/√words``) plus, where VADER scored it, its share
        of VADER's compound times the compound's weight; "(punctuation)" is VADER's emphasis
        of "!" and "?". The last row, :data:`REST`, is the intercept, the other features
        and, when the value is clipped, the clipping. The parts add up to the value.
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
        total = math.fsum(v for _, v in rows)
        weight = self.dense[0]
        vader_part = 0.0
        if total and compound:
            factor = compound / total
            for token, valence in rows:
                share = weight * valence * factor
                vader_part += share
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
