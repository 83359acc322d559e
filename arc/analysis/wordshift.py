"""Word shifts: which words make one stretch of a text more positive or negative than another.

The hedonometer's idea (Dodds et al.), on VADER's own numbers or on arc's valence model's. A
stretch's arc value is the sum of its words' contributions (:func:`arc.explain`), so the
difference between two stretches is the sum, over words, of each word's contribution to the
first minus its contribution to the second: every word's part of the difference, adding up
to it exactly.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SHIFT_COLUMNS", "word_shift"]

#: Columns of :func:`word_shift`, in order.
SHIFT_COLUMNS = (
    "word",
    "shift",
    "a",
    "b",
    "valence",
    "rate_a",
    "rate_b",
    "count_a",
    "count_b",
    "kind",
    "context",
)


def word_shift(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Each word's part in how much more positive explanation ``a`` is than ``b``.

    ``a`` and ``b`` come from :func:`arc.explain` (two segments of one text, or a segment
    and the whole story, by one scorer: VADER, or arc's valence model with
    ``scorer="valence"``). One row per word (lower-cased, valence's ``NOT_`` kept;
    ``(punctuation)`` for "!" and "?" emphasis; for valence, one row for the intercept and
    the other features): ``a`` and ``b`` its summed contributions to each value,
    ``shift = a - b``, ``valence`` its mean valence after VADER's rules (for valence: its mean
    part of a sentence), ``rate_a``/``rate_b`` how often it occurs per sentence of each
    stretch (weighted as the values are), ``count_a``/``count_b`` its occurrences, and
    ``kind``: ``+`` or ``-`` for a positive or negative word and ``↑`` or ``↓`` for used
    more or less often in ``a``, the hedonometer's four kinds (``+↑`` and
    ``-↓`` raise ``a`` above ``b``); ``context`` is a sentence it occurs in (in ``a`` when
    it occurs there). Sorted by the size of the shift. ``shift`` adds up to
    ``df.attrs["difference"] = value_a - value_b``.

    Examples
    --------
    >>> import arc
    >>> first = arc.explain(text="I love it. Lovely day.\\n\\nIt is awful.", segment=0)
    >>> last = arc.explain(text="I love it. Lovely day.\\n\\nIt is awful.", segment=1)
    >>> word_shift(first, last)[["word", "shift", "kind"]].round(3).values.tolist()
    [['awful', 0.459, '-↓'], ['love', 0.318, '+↑'], ['lovely', 0.293, '+↑']]
    """
    import numpy as np
    import pandas as pd

    from arc.analysis.explanation import word_keys

    scorer = str(a.attrs.get("scorer", "vader"))
    if str(b.attrs.get("scorer", "vader")) != scorer:
        raise ValueError(
            f"a word shift compares two explanations by one scorer, not {scorer} and "
            f"{b.attrs.get('scorer', 'vader')}"
        )
    parts = []
    for side, df in (("a", a), ("b", b)):
        words = word_keys(df)
        parts.append(
            pd.DataFrame(
                {
                    "word": words,
                    "side": side,
                    "contribution": df["contribution"],
                    "weight": df["weight"],
                    "valence": df["valence"],
                    "text": df["text"],
                }
            )
        )
    both = pd.concat(parts, ignore_index=True)
    grouped = both.groupby(["word", "side"], sort=True)
    sums = grouped["contribution"].sum().unstack(fill_value=0.0)
    rates = grouped["weight"].sum().unstack(fill_value=0.0)
    counts = grouped.size().unstack(fill_value=0)
    valence = both.groupby("word", sort=True)["valence"].mean()
    context = both.groupby("word", sort=True)["text"].first()  # from a when a has it
    for table in (sums, rates, counts):
        for side in ("a", "b"):
            if side not in table:
                table[side] = 0
    out = pd.DataFrame(
        {
            "word": sums.index.astype(str),
            "shift": (sums["a"] - sums["b"]).to_numpy(dtype=float),
            "a": sums["a"].to_numpy(dtype=float),
            "b": sums["b"].to_numpy(dtype=float),
            "valence": valence.reindex(sums.index).to_numpy(dtype=float),
            "rate_a": rates["a"].to_numpy(dtype=float),
            "rate_b": rates["b"].to_numpy(dtype=float),
            "count_a": counts["a"].to_numpy(dtype=np.int64),
            "count_b": counts["b"].to_numpy(dtype=np.int64),
            "context": context.reindex(sums.index).astype(str).to_numpy(),
        }
    )
    sign = np.where(out["valence"] >= 0, "+", "-")
    more = np.where(out["rate_a"] >= out["rate_b"], "↑", "↓")
    out["kind"] = [s + m for s, m in zip(sign, more, strict=True)]
    order = np.lexsort((out["word"].to_numpy(), -np.abs(out["shift"].to_numpy())))
    out = out.iloc[order].reset_index(drop=True)[list(SHIFT_COLUMNS)]
    value_a, value_b = (
        float(a.attrs.get("value", a["contribution"].sum())),
        float(b.attrs.get("value", b["contribution"].sum())),
    )
    out.attrs.update(
        scorer=scorer,
        segment_a=a.attrs.get("segment", "a"),
        segment_b=b.attrs.get("segment", "b"),
        value_a=value_a,
        value_b=value_b,
        difference=round(value_a - value_b, 12),
        explained=round(math.fsum(out["shift"]), 12),
    )
    return out
