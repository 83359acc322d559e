"""Words a view shows about a text: its display title, excerpts, the sentence behind a value.

Charts, turning points and terminal reports quote the text the same way; these live below
them all so each can read them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXCERPT_CHARS", "display_title", "driving_sentence", "excerpt"]

#: Characters an annotation quotes.
EXCERPT_CHARS = 46


def display_title(df: pd.DataFrame) -> str:
    """A frame's title: the detected one, else its file name (marked as such), else Untitled."""
    title = df.attrs.get("title")
    if title:
        return str(title)
    name = df.attrs.get("name")
    return f"{name} (file name)" if name else "Untitled"


def excerpt(text: str, limit: int = EXCERPT_CHARS, around: str | None = None) -> str:
    """Shorten ``text`` to about ``limit`` characters at word boundaries, marking cuts with '…'.

    With ``around``, the excerpt keeps that word in view (the word that moves a score), cut
    before it as well when it lies beyond ``limit``.

    Examples
    --------
    >>> excerpt("Because of me, because I was too weak to kill the demon.", 30)
    'Because of me, because I was…'
    >>> excerpt("Because of me, because I was too weak to kill the demon.", 30, around="weak")
    '…I was too weak to kill the…'
    """
    text = " ".join(text.split()).strip("\"'\u201c\u201d\u2018\u2019 ")
    if len(text) <= limit:
        return text
    found = re.search(rf"(?<!\w){re.escape(around)}(?!\w)", text, re.IGNORECASE) if around else None
    if found is None or found.end() <= limit:
        cut = text[: limit + 1]
        cut = cut[: cut.rfind(" ")] if " " in cut else cut[:limit]
        return cut.rstrip(",;:-\u2014 ") + "\u2026"
    start = max(0, min(found.start() - limit // 2, len(text) - limit))
    if " " in text[start : found.start()]:
        start = text.index(" ", start) + 1
    end = min(len(text), start + limit)
    if end < len(text) and " " in text[found.end() : end]:
        end = text.rindex(" ", found.end(), end)
    cut = text[start:end].strip().rstrip(",;:-\u2014 ")
    return "\u2026" + cut + ("\u2026" if end < len(text) else "")


def driving_sentence(text: str, *, down: bool, scorer: str = "vader") -> str:
    """The sentence of ``text`` that moves its mean score most up (or down, with ``down``).

    A paragraph's value is the mean of its sentences' scores, so the sentence with the
    highest (lowest) score pulls it up (down) the most.

    Examples
    --------
    >>> driving_sentence("I never want to come back. Please come back soon.", down=False)
    'Please come back soon.'
    """
    from arc.score.scorers import get_scorer
    from arc.text.segment import split_sentences

    sentences = [s.text for s in split_sentences(text)] or [text]
    scores = [s.compound for s in get_scorer(scorer).score_many(sentences)]
    pick = min if down else max
    best = pick(range(len(sentences)), key=lambda k: scores[k])
    return sentences[best]
