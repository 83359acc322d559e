"""The charts' words: titles and bylines, subtitle pieces, counts and ordinals.

Every builder writes its subtitle from these pieces, so a chart says the same thing the same
way: what its shape is, what its bands and envelope show, how much of the text the lexicon
knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from arc.analysis.result import Analysis

__all__ = [
    "count",
    "coverage_caption",
    "honest_caption",
    "ordinal",
    "shape_caption",
    "shape_of",
    "signed",
    "title_and_note",
]


def title_and_note(df: pd.DataFrame, title: str | None) -> tuple[str, str]:
    """The chart title and what the subtitle says about it (a byline, or where it came from)."""
    if title:
        return title, ""
    author = df.attrs.get("author")
    by = f"by {author} · " if author else ""
    if df.attrs.get("title"):
        return str(df.attrs["title"]), by
    name = df.attrs.get("name")
    if name:
        return str(name), f"{by}no title found in the text; showing the file name · "
    return "Untitled", f"{by}no title found in the text · "


def signed(value: float) -> str:
    """A value with its sign and two decimals, the minus a true minus: '−0.42'."""
    return f"{value:+.2f}".replace("-", "\u2212")


def count(n: int, things: str) -> str:
    """'1,234 chapters', or '1 chapter'."""
    return f"{n:,} {things}" if n != 1 else f"1 {things.removesuffix('s')}"


def ordinal(k: int) -> str:
    """'2nd', '5th', '20th' (the steps of chapter labels: 2, 5, 10, 20, 25, 50, ...)."""
    return f"{k}{'nd' if k % 10 == 2 and k != 12 else 'th'}"


def shape_of(result: Analysis, method: str, value: str, params: dict[str, Any]) -> Any:
    """The arc's shape (:func:`arc.analysis.shapes.shape`) on its kept line, or None."""
    try:
        return result.shape(method, value, **params)
    except ValueError:  # fewer than 3 story units: no shape to speak of
        return None


def shape_caption(found: Any, what: str) -> str:
    """'shape of the line: man in a hole (fall-rise), r = 0.83' or why none is named."""
    from arc.analysis.shapes import SHAPES

    if found.clear:
        return f"shape of {what}: {found.name} ({SHAPES[found.name].course}), r = {found.score:.2f}"
    if found.nearest is None:
        return f"shape of {what}: none (flat)"
    return (
        f"shape of {what}: none clear (nearest {found.nearest}, r = {found.score:.2f} < "
        f"{found.threshold:g})"
    )


def honest_caption(line: pd.DataFrame | None, mark: str = "gold") -> list[str]:
    """What the band and the envelope say, in a few words, for the subtitle."""
    if line is None:
        return []
    parts = []
    band = line.attrs.get("band")
    if band:
        parts.append(f"blue: {band['level']:.0%} bootstrap band")
    null = line.attrs.get("null")
    if null:
        share = null["outside"]
        parts.append(
            f"grey: word-salad envelope, left over {share:.0%} of the story ({mark})"
            if share > 0
            else "grey: word-salad envelope, never left: the movement is within chance"
        )
    return parts


def coverage_caption(coverage: float, shaded: bool) -> str:
    """'lexicon coverage 61.2% of words', and what the lilac shade means when there is one."""
    caption = f"lexicon coverage {coverage:.1%} of words"
    return caption + " (lilac: under half)" if shaded else caption
