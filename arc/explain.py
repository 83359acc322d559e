"""Why a text scores what it scores: VADER's own per-word valences, exactly as it summed them.

vaderSentiment exposes no per-token contributions, so :class:`_Recorder` steps through
vaderSentiment's own ``polarity_scores`` (its lexicon and rules, not a copy of them) and keeps
the list of valences it sums, one per word after its rules (boosters, negation, "but",
capitals, "least", idioms), and the punctuation emphasis it adds. The rows of
:func:`explain_text` therefore add up to VADER's sum: ``normalize(sum)`` rounded as VADER
rounds is the text's ``compound``, always.

This is the first piece of the explanations of issue #10 (the segment, word-shift, CLI and
chart parts are still to come).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXPLAIN_COLUMNS", "explain_text"]

#: Columns of :func:`explain_text`, in order.
EXPLAIN_COLUMNS = ("position", "token", "lexicon", "valence", "rule")


@cache
def _recorder() -> Any:
    """One recording analyzer (VADER reads its lexicon once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class _Recorder(SentimentIntensityAnalyzer):
        """vaderSentiment's analyzer, keeping what ``score_valence`` is handed."""

        def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
            self.recorded = (list(sentiments), text)
            return super().score_valence(sentiments, text)

    return _Recorder()


def explain_text(text: str) -> pd.DataFrame:
    """Each word's valence in VADER's sum for ``text``, and the punctuation emphasis.

    Exactly what ``polarity_scores(text)`` computes for the whole string, unsplit. One row
    per word whose valence is not zero (``lexicon``: its raw lexicon value, ``valence``: after
    VADER's rules, ``rule``: ``"lexicon"`` when the rules left it unchanged, else
    ``"rules"``), and one row ``token="(punctuation)"`` for the emphasis of "!" and "?",
    signed as VADER adds it. ``vaderSentiment.vaderSentiment.normalize(df.valence.sum())``
    rounded to 4 places is the text's compound.

    Examples
    --------
    >>> df = explain_text("I love this town, but the rain is awful!!")
    >>> df[["token", "valence"]].round(3).values.tolist()
    [['love', 1.6], ['awful', -3.0], ['(punctuation)', -0.584]]
    """
    import pandas as pd
    from vaderSentiment.vaderSentiment import SentiText

    analyzer = _recorder()
    analyzer.recorded = ([], "")
    analyzer.polarity_scores(text)
    sentiments, scored = analyzer.recorded
    words = SentiText(scored).words_and_emoticons if sentiments else []
    lexicon = analyzer.lexicon
    rows = []
    for k, (word, valence) in enumerate(zip(words, sentiments, strict=True)):
        if valence == 0:
            continue
        raw = float(lexicon.get(word.lower(), 0.0))
        rows.append((k, word, raw, float(valence), "lexicon" if raw == valence else "rules"))
    total = float(sum(sentiments))
    emphasis = analyzer._punctuation_emphasis(scored) if sentiments else 0.0
    if emphasis and total != 0:
        signed = emphasis if total > 0 else -emphasis
        rows.append((len(words), "(punctuation)", 0.0, float(signed), "punctuation"))
    return pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))
