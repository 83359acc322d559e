"""Why a text scores what it scores: VADER's own per-word valences, exactly as it summed them.

vaderSentiment exposes no per-token contributions, so a recording subclass of its analyzer
(:func:`arc._compat.record_vader`, as it watches vaderSentiment's private methods) steps
through vaderSentiment's own ``polarity_scores`` (its lexicon and rules, not a copy of them)
and keeps the list of valences it sums, one per word after its rules, and the punctuation
emphasis it adds. The rows of an explanation therefore add up to VADER's sum:
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

if TYPE_CHECKING:
    import pandas as pd

    from arc.score.vader import FastVader

__all__ = [
    "EXPLAINED",
    "EXPLAIN_COLUMNS",
    "MEASURES",
    "TEXT_COLUMNS",
    "explain",
    "explain_text",
    "word_keys",
]

#: The scorers :func:`explain` can break into words' parts.
EXPLAINED = ("vader", "valence")
#: What each explained scorer's value is, in a heading: "the mean VADER compound".
MEASURES = {"vader": "VADER compound", "valence": "arc valence"}

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


def valence_rows(text: str) -> tuple[list[tuple[int, str, float, float, str]], float]:
    """``(rows, compound)``: :func:`explain_text`'s rows as tuples, and VADER's compound.

    Recorded from vaderSentiment's own methods (:func:`arc._compat.record_vader`); if this
    vaderSentiment cannot be recorded, computed by arc's engine, which checks itself against
    vaderSentiment (``arc.score.vader``), with no rule named.
    """
    from arc._compat import record_vader

    record = record_vader(text)
    if record is None:
        return _engine_rows(text)
    compound = float(record.scores["compound"])
    sentiments = record.valences
    if not sentiments:
        return [], compound
    rows = []
    for k, (word, valence) in enumerate(zip(record.words, sentiments, strict=True)):
        if valence == 0:
            continue
        raw = float(record.lexicon.get(word.lower(), 0.0))
        fired = record.rules[k] if k < len(record.rules) else set()
        rule = "+".join(sorted(fired)) if raw != valence else "lexicon"
        rows.append((k, word, raw, float(valence), rule or "rules"))
    total = float(sum(sentiments))
    emphasis = record.emphasis
    if emphasis and total != 0:
        signed = emphasis if total > 0 else -emphasis
        rows.append((len(record.words), PUNCTUATION, 0.0, float(signed), "punctuation"))
    return rows, compound


def _engine_rows(text: str) -> tuple[list[tuple[int, str, float, float, str]], float]:
    """:func:`valence_rows` from arc's engine (the fallback): the same numbers, no rule names."""
    engine = _engine()
    found = engine.valences(text)
    rows = []
    for k, (word, valence) in enumerate(zip(found.words, found.valences, strict=True)):
        if valence != 0:
            raw = float(engine.lexicon.get(word.lower(), 0.0))
            rows.append((k, word, raw, float(valence), "lexicon" if raw == valence else "rules"))
    if found.emphasis:
        rows.append((len(found.words), PUNCTUATION, 0.0, float(found.emphasis), "punctuation"))
    return rows, float(engine.polarity_scores(text)["compound"])


@cache
def _engine() -> FastVader:
    """One engine for the fallback (it reads vaderSentiment's lexicon once)."""
    from arc.score.vader import FastVader

    return FastVader()


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
        A file, as :func:`arc.analyze` takes it: a :class:`~pathlib.Path`, or a ``str`` naming
        an existing regular file (read as that file since issue #19; before, such a string
        was explained as text). ``bytes``, ``None`` (the embedded vignette) or ``text=``: a
        document, read and split as :func:`arc.analyze` does. A plain ``str`` naming no
        file is deprecated (a ``FutureWarning``): alone, it is still explained exactly as
        ``polarity_scores(string)`` scores it, unsplit; use ``text=`` or
        :func:`explain_text` instead. A DataFrame from :func:`arc.analyze` (paragraphs or
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
        ``"vader"`` (the default) or ``"valence"``, arc's own model
        (:mod:`arc.score.valence`): each row is one of its parts of a sentence's value
        (:meth:`~arc.score.valence.ValenceModel.parts`: a word's, or the last row, the
        intercept and the other features), ``valence`` and ``share`` that part, ``lexicon``
        NaN, ``rule`` ``"valence"``, ``compound`` the sentence's valence; the contributions
        add up to the segment's valence as ``arc.analyze(..., scorer="valence")`` gives it.

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
    >>> df = explain(text="Not bad at all, but the ending was PERFECT!")
    >>> df[["token", "valence", "rule"]].round(3).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['bad', 0.925, 'but+negation'], ['PERFECT', 5.15, 'but+capitals'],
     ['(punctuation)', 0.292, 'punctuation']]
    >>> round(df.contribution.sum(), 4) == df.attrs["value"] == 0.8543
    True
    """
    import pandas as pd

    if scorer not in EXPLAINED:
        raise ValueError(
            f"only VADER's and valence's scores can be explained word by word, not {scorer!r}"
        )
    unknown = sorted(set(params) - {"window", "step", "bins"})
    if unknown:
        raise TypeError(
            f"explain() got an unknown parameter {unknown[0]!r}; the unit's parameters are "
            "window, step and bins"
        )
    if isinstance(source, pd.DataFrame) and source.empty:
        raise ValueError(
            "explain(source=...) got an empty DataFrame; pass a paragraph or sentence frame "
            "from arc.analyze"
        )
    if isinstance(source, str) and text is None and _names_file(source):
        source = Path(source)  # as arc.analyze reads it: a str naming a file is that file
    elif isinstance(source, str):
        warnings.warn(
            "explain() of a plain str that names no file is deprecated: pass text=... to "
            "explain it as a story, or use arc.analysis.explanation.explain_text for VADER's "
            "sum over the whole string; a later version will raise MissingInputError, as "
            "arc.analyze does",
            FutureWarning,
            stacklevel=2,
        )
        if text is None and segment is None and not params and unit is None:
            return _explain_string(source, scorer)
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
    if scorer == "valence":
        return _explain_valence(sentences, choice.weights, choice.describe, unit)
    return _explain_sentences(sentences, choice.weights, choice.describe, unit)


def _names_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _explain_string(text: str, scorer: str = "vader") -> pd.DataFrame:
    """:func:`explain` of one string, unsplit: one sentence of weight 1."""
    if scorer == "valence":
        import pandas as pd

        one = pd.DataFrame(
            {"text": [text], "position": [math.nan], "paragraph": [0], "chapter": [None]}
        )
        table = _explain_valence(one, {0: 1.0}, "the whole string", "text")
        table.attrs.pop("n_sentences", None)
        return table
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


def _explain_valence(
    sentences: pd.DataFrame, weights: dict[int, float], describe: str, unit: str
) -> pd.DataFrame:
    """:func:`_explain_sentences` for arc's valence model: each sentence's parts, weighted.

    A sentence's value is the scorer's (``score_many``, as the arc scores it); its parts
    (:meth:`~arc.score.valence.ValenceModel.parts`) add up to it, so the contributions add
    up to the segment's value, ``sum(weight * value)``.
    """
    from arc.score.scorers import get_scorer

    scorer = get_scorer("valence")
    text = sentences["text"].tolist()
    time = sentences["position"].to_numpy(dtype=float) * 100
    paragraph = sentences["paragraph"].tolist()
    chapter = sentences["chapter"].tolist()
    chosen = sorted(weights)
    values = [float(s.compound) for s in scorer.score_many([text[s] for s in chosen])]
    parts = []
    for s, value in zip(chosen, values, strict=True):
        rows = [
            (k, token, math.nan, part, "valence")
            for k, (token, part) in enumerate(scorer.parts(text[s]))  # type: ignore[attr-defined]
            if part
        ]
        total = math.fsum(r[3] for r in rows)
        if not math.isclose(total, value, rel_tol=0, abs_tol=1e-9):  # never: parts add up
            raise AssertionError(f"sentence {s}: parts add up to {total}, not {value}")
        parts.append((s, paragraph[s], chapter[s], time[s], text[s], value, weights[s], rows))
    table = _table(parts, shares=False)
    value = math.fsum(weights[s] * v for s, v in zip(chosen, values, strict=True))
    table.attrs.update(
        segment=describe,
        unit=unit,
        value=round(value, 12),
        n_sentences=len(weights),
        scorer="valence",
    )
    return table


def _table(parts: list[tuple[Any, ...]], *, shares: bool = True) -> pd.DataFrame:
    """One frame from ``(sentence, paragraph, chapter, time, text, compound, weight, rows)``.

    ``shares``: scale each sentence's valences to add up to its compound (VADER's sum is
    not its compound); else the rows' valences are the parts themselves.
    """
    import pandas as pd

    out = []
    for sentence, paragraph, chapter, time, text, compound, weight, rows in parts:
        total = math.fsum(r[3] for r in rows)
        factor = (compound / total if total else 0.0) if shares else 1.0
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


def word_keys(df: pd.DataFrame) -> pd.Series:
    """Each row's word as tables and word shifts group it: lower-cased, valence's ``NOT_`` kept.

    The valence model reads a negated word as its own feature (``NOT_love`` is not *love*), so
    its mark stays; every other token counts as one word whatever its case.
    """
    token = df["token"]
    negated = token.str.startswith("NOT_") & (df["rule"] == "valence")
    return token.where(negated, token.str.lower())
