"""Plain-text tables for the terminal: explanations, word shifts, turning points and shapes.

Each function takes what the library returns (a DataFrame or a list of results) and returns
the lines ``arc explain``, ``arc turns`` and ``arc shape`` print; a notebook can print them
too. Nothing here computes a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arc.analysis.labels import excerpt
from arc.charts.shiftchart import quote_around

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["explanation_lines", "shape_lines", "shift_lines", "turn_lines"]

#: Characters of a sentence quoted beside a word.
QUOTE_CHARS = 60
#: A segment with at most this many scoring sentences has them listed.
MAX_SENTENCES_SHOWN = 12


def explanation_lines(df: pd.DataFrame, *, top: int = 10, title: str = "") -> list[str]:
    """The words that raise and lower a segment's value most, each with a sentence it is in.

    A word's part is the sum of its contributions (``df.contribution``) in the segment, so
    the parts of all words add up to the value in the heading.
    """
    value = float(df.attrs.get("value", df["contribution"].sum()))
    n = df.attrs.get("n_sentences", df["sentence"].nunique())
    where = str(df.attrs.get("segment", "the text"))
    head = f"{title}: {where}" if title else where
    mean = _measure(df)
    valence = df.attrs.get("scorer") == "valence"
    lines = [
        f"{head}: {value:+.4f}, the mean {mean} of {n:,} sentence"
        f"{'s' if n != 1 else ''} (weighted as the arc weighs them)"
    ]
    scored = df.drop_duplicates("sentence")
    if 0 < len(scored) <= MAX_SENTENCES_SHOWN:
        lines += [
            "",
            "its sentences:"
            if valence
            else "its sentences with sentiment words (the others score 0):",
        ]
        rows = [
            (f"{c:+.4f}", f"x{w:.3g}", f"\u201c{excerpt(t, 2 * QUOTE_CHARS)}\u201d")
            for c, w, t in zip(scored["compound"], scored["weight"], scored["text"], strict=True)
        ]
        lines.extend(_columns(rows, ("valence" if valence else "compound", "weight", "sentence")))
    words = _by_word(df)
    for label, part in (
        ("raise it", words[words["part"] > 0]),
        ("lower it", words[words["part"] < 0].iloc[::-1]),
    ):
        lines.append("")
        lines.append(f"words that {label}:")
        if part.empty:
            lines.append("  (none)")
            continue
        if valence:  # no rules: a word's part is its weight and its share of VADER's
            valence_rows = [
                (w, f"{p:+.4f}", f"x{c}", quote_around(s, w, QUOTE_CHARS))
                for w, p, c, _r, s in part.head(top).itertuples(index=False)
            ]
            lines.extend(_columns(valence_rows, ("word", "part", "count", "in")))
            continue
        word_rows = [
            (w, f"{p:+.4f}", f"x{c}", r, quote_around(s, w, QUOTE_CHARS))
            for w, p, c, r, s in part.head(top).itertuples(index=False)
        ]
        lines.extend(_columns(word_rows, ("word", "part", "count", "VADER rule", "in")))
    return lines


def _by_word(df: pd.DataFrame) -> pd.DataFrame:
    """One row per word: its summed part, count, rules and first sentence.

    Words are lower-cased; the valence model's negated words keep their ``NOT_`` mark.
    """
    import pandas as pd

    if df.empty:
        return pd.DataFrame(columns=["word", "part", "count", "rule", "sentence"])
    from arc.analysis.explanation import word_keys

    key = word_keys(df)
    grouped = df.assign(word=key).groupby("word", sort=True)
    out = pd.DataFrame(
        {
            "part": grouped["contribution"].sum(),
            "count": grouped.size(),
            "rule": grouped["rule"].agg(lambda r: ", ".join(sorted(set(r)))),
            "sentence": grouped["text"].first(),
        }
    ).reset_index()
    return out.sort_values(["part", "word"], ascending=[False, True], kind="stable")[
        ["word", "part", "count", "rule", "sentence"]
    ]


def shift_lines(shift: pd.DataFrame, *, top: int = 10, title: str = "") -> list[str]:
    """The words that make stretch ``a`` more and less positive than ``b``, largest first."""
    a, b = shift.attrs.get("segment_a", "a"), shift.attrs.get("segment_b", "b")
    diff = float(shift.attrs.get("difference", shift["shift"].sum()))
    head = f"{title}: " if title else ""
    lines = [
        f"{head}{a} ({shift.attrs.get('value_a', float('nan')):+.4f}) minus {b} "
        f"({shift.attrs.get('value_b', float('nan')):+.4f}) = {diff:+.4f} in mean "
        f"{_measure(shift)}",
        "kind: + positive word, - negative word; ↑ used more often in the first "
        "stretch, ↓ less often",
    ]
    for label, part in (("raise", shift[shift["shift"] > 0]), ("lower", shift[shift["shift"] < 0])):
        lines.append("")
        lines.append(f"words that {label} the first stretch against the second:")
        if part.empty:
            lines.append("  (none)")
            continue
        rows = [
            (r.word, f"{r.shift:+.4f}", r.kind, f"{r.count_a}", f"{r.count_b}")
            for r in part.head(top).itertuples(index=False)
        ]
        lines.extend(_columns(rows, ("word", "shift", "kind", "in first", "in second")))
    return lines


def turn_lines(turns: pd.DataFrame, *, title: str = "") -> list[str]:
    """One line per turning point, in narrative order, with the sentence that drives it."""
    lines = [
        f"{title}: {len(turns)} turning point{'s' if len(turns) != 1 else ''}"
        if title
        else f"{len(turns)} turning points"
    ]
    if turns.empty:
        lines.append("  (the smoothed arc has no peak or valley above the threshold)")
        return lines
    rows = []
    for r in turns.itertuples(index=False):
        chapter = "" if r.chapter is None or r.chapter != r.chapter else str(r.chapter)
        quote = (
            f"\u201c{excerpt(str(r.sentence), QUOTE_CHARS, r.word or None)}\u201d"
            if r.sentence
            else ""
        )
        rows.append(
            (
                str(r.kind),
                f"{r.time:.0f}%",
                f"{r.value:+.3f}",
                f"{r.prominence:.3f}",
                chapter,
                quote,
            )
        )
    lines.extend(
        _columns(rows, ("turn", "at", "value", "prominence", "chapter", "driving sentence"))
    )
    return lines


def shape_lines(results: Sequence[tuple[str, Any]]) -> list[str]:
    """One line per text: its shape (or none), the nearest shape, r, and the runner-up.

    A text that could not be classified at all (``ArcShape.reason``, say too short) has
    its line too, with the reason in place of the scores.
    """
    rows = [
        (
            name,
            s.name,
            s.nearest or "",
            f"{s.score:+.2f}" if not s.reason else "",
            s.runner_up or "",
            f"{s.runner_up_score:+.2f}" if not s.reason else "",
        )
        for name, s in results
    ]
    lines = _columns(rows, ("text", "shape", "nearest", "r", "runner-up", "r"))
    for k, (_, s) in enumerate(results, start=1):
        if s.reason:  # a text with no arc to classify: why, after its name and "no clear shape"
            lines[k] += f"  ({s.reason})"
    threshold = results[0][1].threshold if results else 0.7
    lines.append(
        f"  (r: correlation with the shape on 0-100% narrative time; a shape is named "
        f"at r >= {threshold:g})"
    )
    return lines


def _columns(rows: Sequence[tuple[object, ...]], header: tuple[str, ...]) -> list[str]:
    """Rows as left-aligned columns under a header, two spaces apart, indented."""
    widths = [max(len(str(row[k])) for row in [header, *rows]) for k in range(len(header))]
    return [
        "  " + "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]


def _measure(df: pd.DataFrame) -> str:
    """What an explanation's or word shift's values are: "VADER compound", "arc valence"."""
    from arc.analysis.explanation import MEASURES

    return MEASURES[str(df.attrs.get("scorer", "vader"))]
