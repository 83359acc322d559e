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
    "COURSE_WORDS",
    "chance_verdict",
    "count",
    "coverage_caption",
    "honest_caption",
    "ordinal",
    "shape_caption",
    "shape_of",
    "shape_verdict",
    "signed",
    "title_and_note",
    "verdict",
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


#: Each shape's course in plain words, for a subtitle.
COURSE_WORDS = {
    "rise": "rises",
    "fall": "falls",
    "fall-rise": "falls, then rises",
    "rise-fall": "rises, then falls",
    "rise-fall-rise": "rises, falls, then rises again",
    "fall-rise-fall": "falls, rises, then falls again",
}


def shape_verdict(found: Any) -> str:
    """The arc's shape in plain words: 'falls, then rises (man in a hole, r 0.82)'.

    A shape under the threshold is 'no clear shape (closest: ...)'; a flat arc or one too
    short to judge says so.
    """
    from arc.analysis.shapes import SHAPES

    if found is None or found.reason:
        return "too short for a shape"
    if found.nearest is None:
        return "flat: neither rises nor falls"
    course = COURSE_WORDS[SHAPES[found.nearest].course]
    if found.clear:
        return f"{course} ({found.name}, r {found.score:.2f})"
    return f"no clear shape (closest: {found.nearest}, {course}, r {found.score:.2f})"


def chance_verdict(line: pd.DataFrame | None) -> str:
    """How much of the arc is more than chance: 'beyond chance over 76% of the story'.

    Empty when the arc has no chance envelope (nothing to say).
    """
    null = None if line is None else line.attrs.get("null")
    if not null:
        return ""
    share = float(null["outside"])
    if share <= 0:
        return "never beyond chance: its moves could be noise"
    return f"beyond chance over {share:.0%} of the story"


def verdict(*parts: str) -> str:
    """The subtitle: the verdict's non-empty parts joined by ' · '."""
    return " \u00b7 ".join(p for p in parts if p)


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


def honest_caption(line: pd.DataFrame | None) -> list[str]:
    """How the band and the envelope were made, in a few words, for the small caption."""
    if line is None:
        return []
    parts = []
    band = line.attrs.get("band")
    if band:
        width = (line["high"] - line["low"]).abs().max() if "high" in line else 0.0
        parts.append(
            f"uncertainty band: {band['level']:.0%} of {band.get('resamples', 0)} resamplings "
            "of the sentences" + ("" if width > 1e-9 else " (of no width here: not drawn)")
        )
    null = line.attrs.get("null")
    if null:
        parts.append(
            f"chance envelope: {null.get('level', 0.95):.0%} of {null.get('draws', 0)} texts "
            "made by shuffling the story's words"
        )
    return parts


def coverage_caption(coverage: float, shaded: bool) -> str:
    """'the lexicon knows 9.7% of the words', and the rule for the strip when there is one.

    The legend keys the strip (:data:`arc.charts.honesty.LOW_COVERAGE`); the caption says
    what "few" means.
    """
    caption = f"the lexicon knows {coverage:.1%} of the words"
    if not shaded:
        return caption
    return caption + " (marked at the foot of the panel: stretches where it knows under half that)"
