"""Which points of an arc to annotate, and with what words: computed as data, drawn by plot.py.

The lowest and the highest story paragraph are labelled with their opening words (how a
reader recognises a paragraph); the last one with its closing sentence (how the story ends).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from arc.paratext import STORY_ROLES
from arc.segment import split_sentences

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Annotation", "choose_annotations", "excerpt"]

EXCERPT_CHARS = 42


@dataclass(frozen=True)
class Annotation:
    """A point to label: its row label in the frame, what it is, and a short excerpt."""

    row: int
    kinds: tuple[str, ...]
    excerpt: str

    @property
    def caption(self) -> str:
        """The label drawn on the chart, e.g. 'lowest: "Because of me, because I was…"'."""
        return f"{' & '.join(self.kinds)}: \u201c{self.excerpt}\u201d"


def excerpt(text: str, limit: int = EXCERPT_CHARS, *, end: bool = False) -> str:
    """Shorten ``text`` to about ``limit`` characters at a word boundary, marking the cut with '…'.

    Examples
    --------
    >>> excerpt("Because of me, because I was too weak to kill the demon.", 30)
    'Because of me, because I was…'

    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if end:
        cut = text[-limit:]
        return "\u2026" + cut[cut.find(" ") + 1 :] if " " in cut else "\u2026" + cut
    cut = text[: limit + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[:limit]
    return cut.rstrip(",;:-\u2014 ") + "\u2026"


def choose_annotations(df: pd.DataFrame, value: str = "compound") -> list[Annotation]:
    """The lowest, highest and last (ending) story rows, merged where they coincide.

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (paragraph unit).
    value
        The column that makes the arc.

    Returns
    -------
    list of Annotation
        In the order lowest, highest, ending (fewer when points coincide or the arc is flat).

    """
    story = df[df["role"].isin(STORY_ROLES)]
    if story.empty:
        return []
    values = story[value]
    picks: dict[int, list[str]] = {}
    if values.max() > values.min():
        picks.setdefault(int(values.idxmin()), []).append("lowest")
        picks.setdefault(int(values.idxmax()), []).append("highest")
    picks.setdefault(int(story.index[-1]), []).append("ending")
    out = []
    for row, kinds in picks.items():
        text = str(df.at[row, "text"])
        if kinds == ["ending"]:
            sentences = split_sentences(text)
            words = excerpt(sentences[-1].text if sentences else text, end=True)
        else:
            words = excerpt(text)
        out.append(Annotation(row, tuple(kinds), words))
    return out
