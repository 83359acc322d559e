"""Assembling the DataFrame: one row per paragraph (or per sentence) with its scores.

A paragraph's arc value ``compound`` is the mean compound of its sentences, as VADER's
authors advise for text longer than a sentence; whole-paragraph VADER (``compound_raw``)
saturates toward ±1 on long paragraphs and is kept beside it.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Literal

from arc.document import Document, load
from arc.segment import SENTENCE_SPLITTER, split_sentences

if TYPE_CHECKING:
    import pandas as pd

    from arc.score import Scorer

__all__ = ["COLUMNS", "MAX_RAW_WORDS", "SENTENCE_COLUMNS", "analyze", "frame"]

#: Paragraph-frame columns, in order (documented in the README).
COLUMNS = (
    "index", "role", "text", "start", "end", "n_sentences", "n_words",
    "compound", "compound_raw", "compound_std", "compound_min", "compound_max",
    "pos", "neu", "neg", "position",
)  # fmt: skip
#: Sentence-frame columns, in order.
SENTENCE_COLUMNS = (
    "index", "paragraph", "role", "text", "start", "end", "n_words",
    "compound", "pos", "neu", "neg", "position",
)  # fmt: skip
#: Whole-paragraph VADER is quadratic in length; longer paragraphs get no compound_raw.
MAX_RAW_WORDS = 2500

Unit = Literal["paragraph", "sentence"]


def analyze(
    source: str | os.PathLike[str] | bytes | None = None,
    unit: Unit = "paragraph",
    *,
    encoding: str | None = None,
    scorer: str = "vader",
) -> pd.DataFrame:
    """Score a story and return its arc as a DataFrame.

    Parameters
    ----------
    source
        A path, raw bytes, the text itself, or ``None`` for the embedded vignette
        "Final Goodbyes".
    unit
        ``"paragraph"`` (one row per paragraph) or ``"sentence"`` (one row per sentence).
    encoding
        Force a text encoding instead of detecting it.
    scorer
        The scorer's name (``"vader"``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS` (or :data:`SENTENCE_COLUMNS`); ``df.attrs`` records the
        ``title``, ``name``, ``unit``, ``scorer`` and ``sentence_splitter``.

    Examples
    --------
    >>> df = analyze()
    >>> len(df), int((df.role == "body").sum()), df.attrs["title"]
    (13, 10, 'Final Goodbyes')

    """
    return frame(load(source, encoding), unit, scorer=scorer)


def frame(doc: Document, unit: Unit = "paragraph", *, scorer: str = "vader") -> pd.DataFrame:
    """Build the DataFrame of a parsed :class:`~arc.document.Document`."""
    import pandas as pd

    from arc.score import get_scorer

    if unit not in ("paragraph", "sentence"):
        raise ValueError(f"unknown unit {unit!r}; choose 'paragraph' or 'sentence'")
    score = get_scorer(scorer)
    if unit == "sentence":
        df = pd.DataFrame(_sentence_rows(doc, score), columns=list(SENTENCE_COLUMNS))
    else:
        df = pd.DataFrame(_paragraph_rows(doc, score), columns=list(COLUMNS))
    df.attrs.update(
        title=doc.title,
        name=doc.name,
        unit=unit,
        scorer=score.name,
        sentence_splitter=SENTENCE_SPLITTER,
        warnings=list(doc.warnings),
    )
    return df


def _positions(roles: list[str]) -> list[float]:
    """Narrative time 0 → 1 over story rows; NaN for paratext."""
    story = [i for i, role in enumerate(roles) if role == "body"]
    out = [math.nan] * len(roles)
    for k, i in enumerate(story):
        out[i] = k / (len(story) - 1) if len(story) > 1 else 0.0
    return out


def _paragraph_rows(doc: Document, score: Scorer) -> list[tuple]:
    """One tuple per paragraph, in COLUMNS order."""
    rows = []
    positions = _positions(doc.roles)
    for i, (para, role) in enumerate(zip(doc.paragraphs, doc.roles, strict=True)):
        sentences = split_sentences(doc.text[para.start : para.end], para.start)
        values = [score.score(s.text).compound for s in sentences]
        n = len(values)
        mean = math.fsum(values) / n
        std = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
        n_words = len(para.text.split())
        raw = score.score(para.text) if n_words <= MAX_RAW_WORDS else (math.nan,) * 4
        rows.append(
            (i, role, para.text, para.start, para.end, n, n_words,
             mean, raw[0], std, min(values), max(values), raw[1], raw[2], raw[3],
             positions[i])
        )  # fmt: skip
    return rows


def _sentence_rows(doc: Document, score: Scorer) -> list[tuple]:
    """One tuple per sentence, in SENTENCE_COLUMNS order."""
    rows = []
    roles = []
    for i, (para, role) in enumerate(zip(doc.paragraphs, doc.roles, strict=True)):
        for s in split_sentences(doc.text[para.start : para.end], para.start):
            c, pos, neu, neg = score.score(s.text)
            rows.append([len(rows), i, role, s.text, s.start, s.end, len(s.text.split()),
                         c, pos, neu, neg, math.nan])  # fmt: skip
            roles.append(role)
    for row, position in zip(rows, _positions(roles), strict=True):
        row[-1] = position
    return [tuple(r) for r in rows]
