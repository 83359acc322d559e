"""Why a text scores what it scores: VADER's own per-word valences, exactly as it summed them.

vaderSentiment exposes no per-token contributions, so a recording subclass of its analyzer
steps through vaderSentiment's own ``polarity_scores`` (its lexicon and rules, not a copy of
them) and keeps the list of valences it sums, one per word after its rules, and the
punctuation emphasis it adds. The rows of an explanation therefore add up to VADER's sum:
``normalize(sum)`` rounded as VADER rounds is the sentence's ``compound``, always.

A segment's arc value is a weighted mean of sentence compounds (:mod:`arc.analysis.weights`). Each
word's ``share`` of its sentence's compound is its valence times ``compound / sum`` (one
positive factor per sentence, so the shares keep the valences' signs and add up to the
compound), and its ``contribution`` to the segment is that share times the sentence's
``weight``: the contributions of a segment add up to its arc value, so an explanation can
never disagree with a score.
"""

from __future__ import annotations

import math
import os
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.errors import ArcWarning

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXPLAIN_COLUMNS", "TEXT_COLUMNS", "explain", "explain_text"]

#: Columns of :func:`explain_text`, in order.
TEXT_COLUMNS = ("position", "token", "lexicon", "valence", "rule")
#: Columns of :func:`explain`, in order.
EXPLAIN_COLUMNS = (
    "sentence",
    "paragraph",
    "chapter",
    "time",
    "position",
    "token",
    "lexicon",
    "valence",
    "rule",
    "compound",
    "share",
    "weight",
    "contribution",
    "text",
)
#: The token of the row that carries VADER's "!" and "?" emphasis.
PUNCTUATION = "(punctuation)"


@cache
def _recorder() -> Any:
    """One recording analyzer (VADER reads its lexicon once)."""
    from vaderSentiment import vaderSentiment as vs

    class _Recorder(vs.SentimentIntensityAnalyzer):
        """vaderSentiment's analyzer, noting which of its rules changed each word's valence.

        The valences are VADER's own: every method still runs as vaderSentiment wrote it.
        The overrides only watch their inputs and outputs; boosters, capitals and "no",
        which VADER applies inline, are named from the words VADER looked at.
        """

        def polarity_scores(self, text: str) -> dict[str, float]:
            self.recorded: tuple[list[float], str] = ([], "")
            self.rules: list[set[str]] = []
            return super().polarity_scores(text)

        def sentiment_valence(
            self, valence: float, sentitext: Any, item: str, i: int, sentiments: list[float]
        ) -> list[float]:
            while len(self.rules) < i:
                self.rules.append(set())
            self._fired: set[str] = set()
            words = sentitext.words_and_emoticons
            lower = item.lower()
            if lower in self.lexicon:
                if item.isupper() and sentitext.is_cap_diff:
                    self._fired.add("capitals")
                before = [w.lower() for w in words[max(0, i - 3) : i]]
                if any(w in vs.BOOSTER_DICT and w not in self.lexicon for w in before):
                    self._fired.add("booster")
                if "no" in before[-2:] or (
                    lower == "no" and i + 1 < len(words) and words[i + 1].lower() in self.lexicon
                ):
                    self._fired.add("no")
            out = super().sentiment_valence(valence, sentitext, item, i, sentiments)
            self.rules.append(self._fired)
            return out

        def _negation_check(self, valence: float, words: list[str], start_i: int, i: int) -> float:
            out = super()._negation_check(valence, words, start_i, i)
            if out != valence:
                self._fired.add("negation")
            return out

        def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
            out = super()._special_idioms_check(valence, words, i)
            if out != valence:
                self._fired.add("idiom")
            return out

        def _least_check(self, valence: float, words: list[str], i: int) -> float:
            out = super()._least_check(valence, words, i)
            if out != valence:
                self._fired.add("least")
            return out

        def _but_check(self, words: list[str], sentiments: list[float]) -> list[float]:
            before = list(sentiments)
            out = super()._but_check(words, sentiments)
            while len(self.rules) < len(out):
                self.rules.append(set())
            for k, (old, new) in enumerate(zip(before, out, strict=True)):
                if old != new:
                    self.rules[k].add("but")
            return out

        def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
            self.recorded = (list(sentiments), text)
            return super().score_valence(sentiments, text)

    return _Recorder()


def valence_rows(text: str) -> tuple[list[tuple[int, str, float, float, str]], float]:
    """``(rows, compound)``: :func:`explain_text`'s rows as tuples, and VADER's compound."""
    from vaderSentiment.vaderSentiment import SentiText

    analyzer = _recorder()
    compound = float(analyzer.polarity_scores(text)["compound"])
    sentiments, scored = analyzer.recorded
    if not sentiments:
        return [], compound
    words = SentiText(scored).words_and_emoticons
    lexicon = analyzer.lexicon
    rows = []
    for k, (word, valence) in enumerate(zip(words, sentiments, strict=True)):
        if valence == 0:
            continue
        raw = float(lexicon.get(word.lower(), 0.0))
        fired = analyzer.rules[k] if k < len(analyzer.rules) else set()
        rule = "+".join(sorted(fired)) if raw != valence else "lexicon"
        rows.append((k, word, raw, float(valence), rule or "rules"))
    total = float(sum(sentiments))
    emphasis = analyzer._punctuation_emphasis(scored)
    if emphasis and total != 0:
        signed = emphasis if total > 0 else -emphasis
        rows.append((len(words), PUNCTUATION, 0.0, float(signed), "punctuation"))
    return rows, compound


def explain_text(text: str) -> pd.DataFrame:
    """Each word's valence in VADER's sum for ``text``, and the punctuation emphasis.

    Exactly what ``polarity_scores(text)`` computes for the whole string, unsplit. One row
    per word whose valence is not zero (``position``: its place among VADER's words,
    ``lexicon``: its raw lexicon value, ``valence``: after VADER's rules, ``rule``:
    ``"lexicon"`` when the rules left it unchanged, else the rules that changed it joined by
    ``+``: ``booster``, ``but``, ``capitals``, ``idiom``, ``least``, ``negation``, ``no``),
    and one row ``token="(punctuation)"`` for the emphasis of "!" and "?", signed as VADER
    adds it. ``vaderSentiment.vaderSentiment.normalize(df.valence.sum())`` rounded to 4
    places is the text's compound.

    Examples
    --------
    >>> df = explain_text("I love this town, but the rain is awful!!")
    >>> df[["token", "valence", "rule"]].round(3).values.tolist()
    [['love', 1.6, 'but'], ['awful', -3.0, 'but'], ['(punctuation)', -0.584, 'punctuation']]
    """
    import pandas as pd

    rows, _ = valence_rows(text)
    return pd.DataFrame(rows, columns=list(TEXT_COLUMNS))


def explain(
    source: str | os.PathLike[str] | bytes | pd.DataFrame | None = None,
    unit: str | None = None,
    *,
    segment: int | str | None = None,
    text: str | None = None,
    encoding: str | None = None,
    scorer: str = "vader",
    **params: Any,
) -> pd.DataFrame:
    """The words that made a text's or a segment's score, as VADER computed them.

    Parameters
    ----------
    source
        A plain ``str`` with nothing else: that string, explained exactly as
        ``polarity_scores(string)`` scores it, unsplit. A :class:`~pathlib.Path`, ``bytes``,
        ``None`` (the embedded vignette) or ``text=``: a document, read and split as
        :func:`arc.analyze` does. A DataFrame from :func:`arc.analyze` (paragraphs or
        sentences) is explained from its own text.
    unit, params
        The unit that ``segment`` counts in, with its parameters (``window``, ``step``,
        ``bins``), as for :func:`arc.analyze`; by default a frame's own unit, else
        ``"paragraph"``.
    segment
        Which part to explain (see :func:`arc.analysis.weights.select`): a unit's ``index``
        (``12``),
        a range of them (``"3-7"``), a stretch of narrative time (``"0-33%"``) or a chapter
        (``"chapter:II.3"``). ``None``: the whole story, whose value is the mean of its units.
    text
        A document's text as a ``str``, split into units like a file's.
    encoding
        Force the encoding of a file or bytes.
    scorer
        Only ``"vader"`` can be explained word by word.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EXPLAIN_COLUMNS`: one row per word whose valence is not zero and one
        ``(punctuation)`` row per sentence with "!" or "?" emphasis. ``sentence`` numbers the
        text's sentences, ``time`` is the sentence's narrative time (0–100), ``position``
        the word's place in its sentence; ``compound`` is the sentence's, ``share`` the
        word's part of it (they add up to ``compound``), ``weight`` how much the sentence
        counts in the segment's value, and ``contribution = share * weight``: the
        contributions add up to the segment's arc value (``df.attrs["value"]``).

    Examples
    --------
    >>> df = explain("Not bad at all, but the ending was PERFECT!")
    >>> df[["token", "valence", "rule"]].round(3).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['bad', 0.925, 'but+negation'], ['PERFECT', 5.15, 'but+capitals'],
     ['(punctuation)', 0.292, 'punctuation']]
    >>> round(df.contribution.sum(), 4) == df.attrs["value"] == 0.8543
    True
    """
    import pandas as pd

    if scorer != "vader":
        raise ValueError(f"only VADER's scores can be explained word by word, not {scorer!r}")
    if isinstance(source, str) and text is None and segment is None and not params and unit is None:
        if "\n" not in source and len(source) < 4096 and _names_file(source):
            warnings.warn(
                f"explain() explains a str as the text itself; to explain the file, "
                f"pass Path({source!r})",
                ArcWarning,
                stacklevel=2,
            )
        return _explain_string(source)
    if isinstance(source, str):
        source, text = None, source if text is None else text
    from arc.analysis.frame import sentence_frame
    from arc.analysis.weights import select

    sentences = sentence_frame(source, text=text, encoding=encoding)
    if unit is None:
        unit = (
            str(source.attrs.get("unit", "paragraph"))
            if isinstance(source, pd.DataFrame)
            else "paragraph"
        )
    choice = select(sentences, unit, segment, **params)
    return _explain_sentences(sentences, choice.weights, choice.describe, unit)


def _names_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _explain_string(text: str) -> pd.DataFrame:
    """:func:`explain` of one string, unsplit: one sentence of weight 1."""
    rows, compound = valence_rows(text)
    table = _table([(0, 0, None, math.nan, text, compound, 1.0, rows)])
    table.attrs.update(segment="the whole string", unit="text", value=compound)
    return table


def _explain_sentences(
    sentences: pd.DataFrame, weights: dict[int, float], describe: str, unit: str
) -> pd.DataFrame:
    """Explain each sentence with a weight, in order; the value is their weighted mean."""
    text = sentences["text"].tolist()
    compounds = sentences["compound"].to_numpy(dtype=float)
    time = sentences["position"].to_numpy(dtype=float) * 100
    paragraph = sentences["paragraph"].tolist()
    chapter = sentences["chapter"].tolist()
    parts = []
    for s, w in sorted(weights.items()):
        rows, compound = valence_rows(text[s])
        if compound != compounds[s]:  # never: both are VADER on the same sentence
            raise AssertionError(f"sentence {s} scores {compound}, not {compounds[s]}")
        parts.append((s, paragraph[s], chapter[s], time[s], text[s], compound, w, rows))
    table = _table(parts)
    value = math.fsum(w * compounds[s] for s, w in weights.items())
    table.attrs.update(
        segment=describe, unit=unit, value=round(value, 12), n_sentences=len(weights)
    )
    return table


def _table(parts: list[tuple[Any, ...]]) -> pd.DataFrame:
    """One frame from ``(sentence, paragraph, chapter, time, text, compound, weight, rows)``."""
    import pandas as pd

    out = []
    for sentence, paragraph, chapter, time, text, compound, weight, rows in parts:
        total = math.fsum(r[3] for r in rows)
        factor = compound / total if total else 0.0
        for position, token, lexicon, valence, rule in rows:
            share = valence * factor
            out.append(
                (
                    sentence,
                    paragraph,
                    chapter,
                    time,
                    position,
                    token,
                    lexicon,
                    valence,
                    rule,
                    compound,
                    share,
                    weight,
                    share * weight,
                    text,
                )
            )
    df = pd.DataFrame(out, columns=list(EXPLAIN_COLUMNS))
    return df.astype(
        {
            "sentence": "int64",
            "paragraph": "int64",
            "position": "int64",
            "time": float,
            "weight": float,
        }
    )
