"""Which sentences make a segment's arc value, and how much each of them counts.

Every arc value is a weighted mean of sentence compounds: a sentence counts 1, a paragraph
is the mean of its sentences, a word window gives each sentence the share of its words that
fall inside the window, a percentage bin is the mean of its sentences, and a stretch of
several units is the mean of their values. :func:`select` turns a segment into those
weights, so ``sum(weight * compound)`` over the sentences is the segment's value exactly as
:func:`arc.analyze` computes it, and explanations (:mod:`arc.analysis.explanation`) and word shifts
(:mod:`arc.analysis.wordshift`) add up to it.

A segment is written as ``12`` (the unit whose ``index`` is 12), ``3-7`` (units 3 to 7),
``0-33%`` (the story units in the first third of narrative time) or ``chapter:II.3`` (the
story units of chapter "II.3", its heading left out as the arc leaves it out; ``chapter:II``
takes every chapter of book II). One rule for all: a segment the text does not have is an
error, never cut to fit (a unit index or either end of a range past the units, an empty
chapter label, a percentage over 100); a stretch of narrative time narrower than one unit,
such as ``50-50%``, is the story unit nearest its middle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.narrative import positions
from arc.errors import SegmentError
from arc.text.paratext import STORY_ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Selection", "UnitWeights", "WeightMatrix", "select", "unit_weights", "window_starts"]

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|\.\.)\s*(\d+)\s*$")
_STRETCH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%?\s*(?:-|–|\.\.)\s*(\d+(?:\.\d+)?)\s*%\s*$")


@dataclass(frozen=True)
class Selection:
    """A segment as sentence weights: ``weights[s]`` is how much sentence ``s`` counts.

    ``units`` are the unit indices it covers, ``describe`` says it in words ("paragraph 7",
    "0–33% of the story").
    """

    weights: dict[int, float]
    units: list[int]
    describe: str


@dataclass(frozen=True)
class UnitWeights:
    """Every unit of a text as sentence weights, with its narrative time and chapter."""

    unit: str
    index: np.ndarray  # unit index of each (unit, sentence, weight) triple
    sentence: np.ndarray
    weight: np.ndarray
    units: np.ndarray  # every unit's index, in order
    position: np.ndarray  # every unit's narrative time, 0–1 (NaN for paratext)
    chapter: list[Any]
    story: np.ndarray  # whether each unit is story (not paratext)


@dataclass(frozen=True)
class WeightMatrix:
    """Units x sentences weights, row by row: what turns sentence values into unit values.

    A plain sparse matrix (each row's columns in increasing order) with the one product arc
    needs, ``matrix @ values`` for a column or a block of columns. Each unit's value is summed
    term by term in column order, as a CSR product does, so results do not depend on how the
    matrix is stored; holding it in numpy spares ``arc plot`` the import of ``scipy.sparse``.
    """

    shape: tuple[int, int]
    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray

    @classmethod
    def from_triples(
        cls, rows: Any, cols: Any, weights: Any, shape: tuple[int, int]
    ) -> WeightMatrix:
        """The matrix with ``weights[k]`` at ``(rows[k], cols[k])`` (duplicates are summed)."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        weights = np.asarray(weights, dtype=float)
        order = np.lexsort((cols, rows))
        rows, cols, weights = rows[order], cols[order], weights[order]
        if len(rows) > 1:
            same = (rows[1:] == rows[:-1]) & (cols[1:] == cols[:-1])
            if same.any():
                first = np.concatenate(([True], ~same))
                starts = np.flatnonzero(first)
                weights = np.add.reduceat(weights, starts)
                rows, cols = rows[starts], cols[starts]
        return cls(shape, rows, cols, weights)

    def __matmul__(self, values: np.ndarray) -> np.ndarray:
        """The units' values: ``sum(weight * value)`` over each unit's sentences, in order."""
        values = np.asarray(values, dtype=float)
        out = np.zeros((self.shape[0], *values.shape[1:]))
        if not len(self.rows):
            return out
        starts = np.flatnonzero(np.concatenate(([True], self.rows[1:] != self.rows[:-1])))
        first = np.repeat(starts, np.diff(np.append(starts, len(self.rows))))
        place = np.arange(len(self.rows)) - first
        scale = self.weights.reshape(-1, *([1] * (values.ndim - 1)))
        for k in range(int(place.max()) + 1):
            at = place == k
            out[self.rows[at]] += scale[at] * values[self.cols[at]]
        return out


def window_starts(total: int, window: int, step: int) -> np.ndarray:
    """The first word of each window: every ``step`` words, plus one ending at the last word.

    The extra last window keeps the end of the story from being lost.
    """
    starts = np.arange(0, total - window + 1, step)
    if starts[-1] != total - window:
        starts = np.append(starts, total - window)
    return starts


def unit_weights(sentences: pd.DataFrame, unit: str = "paragraph", **params: Any) -> UnitWeights:
    """Every unit of ``unit`` over a sentence frame, as (unit, sentence, weight) triples."""
    from arc.analysis.smoothing import bin_edges
    from arc.analysis.units import check_length, unit_params

    params = unit_params(unit, **{k: params.get(k) for k in ("window", "step", "bins")})
    roles = sentences["role"].to_numpy(dtype=object)
    chapters = sentences["chapter"].tolist()
    n = len(sentences)
    if unit == "sentence":
        idx = np.arange(n)
        return UnitWeights(
            unit,
            idx,
            idx,
            np.ones(n),
            idx,
            sentences["position"].to_numpy(dtype=float),
            chapters,
            np.isin(roles, list(STORY_ROLES)),
        )
    if unit == "paragraph":
        owner = sentences["paragraph"].to_numpy(dtype=np.int64)
        units, first, counts = np.unique(owner, return_index=True, return_counts=True)
        unit_roles = roles[first].tolist()
        weight = 1.0 / counts[np.searchsorted(units, owner)]
        return UnitWeights(
            unit,
            owner,
            np.arange(n),
            weight,
            units,
            np.array(positions(unit_roles), dtype=float),
            [chapters[i] for i in first],
            np.isin(np.array(unit_roles, dtype=object), list(STORY_ROLES)),
        )
    story = np.flatnonzero(np.isin(roles, list(STORY_ROLES)))
    words = sentences["n_words"].to_numpy(dtype=np.int64)[story]
    total = int(words.sum())
    if unit == "window":
        window, step = params["window"], params["step"]
        check_length("window", params, words=total, sentences=len(story))
        ends = np.cumsum(words)
        begins = ends - words
        starts = window_starts(total, window, step)
        triples = []
        for j, a in enumerate(starts):
            b = a + window
            lo = int(np.searchsorted(ends, a, side="right"))
            hi = int(np.searchsorted(begins, b, side="left"))
            for k in range(lo, hi):
                overlap = min(ends[k], b) - max(begins[k], a)
                if overlap > 0:
                    triples.append((j, story[k], overlap / window))
        idx, sent, weight = (np.array(c) for c in zip(*triples, strict=True))
        firsts = [story[int(np.searchsorted(ends, a, side="right"))] for a in starts]
        return UnitWeights(
            unit,
            idx.astype(np.int64),
            sent.astype(np.int64),
            weight.astype(float),
            np.arange(len(starts)),
            (starts + window / 2) / total,
            [chapters[i] for i in firsts],
            np.ones(len(starts), bool),
        )
    if unit == "bins":
        bins = params["bins"]
        check_length("bins", params, words=total, sentences=len(story))
        edges = bin_edges(len(story), bins)
        counts = np.diff(edges)
        idx = np.repeat(np.arange(bins), counts)
        first, last = edges[:-1], edges[1:] - 1
        return UnitWeights(
            unit,
            idx,
            story,
            1.0 / counts[idx],
            np.arange(bins),
            (first + last) / 2 / max(1, len(story) - 1),
            [chapters[story[i]] for i in first],
            np.ones(bins, bool),
        )
    raise ValueError(f"unknown unit {unit!r}")


def select(
    sentences: pd.DataFrame,
    unit: str = "paragraph",
    segment: int | str | None = None,
    **params: Any,
) -> Selection:
    """The sentence weights of ``segment`` (see the module docstring); ``None``: the story.

    Raises :class:`~arc.errors.SegmentError` for a segment the text does not have.

    Examples
    --------
    >>> import arc
    >>> sentences = arc.analyze(text="Good.\\n\\nBad. Awful.\\n\\nFine.", unit="sentence")
    >>> choice = select(sentences, "paragraph", 1)
    >>> choice.describe, choice.weights
    ('paragraph 1', {1: 0.5, 2: 0.5})
    """
    table = unit_weights(sentences, unit, **params)
    units = _units(table, segment)
    chosen = np.isin(table.index, units)
    weights: dict[int, float] = {}
    for s, w in zip(table.sentence[chosen].tolist(), table.weight[chosen].tolist(), strict=True):
        weights[s] = weights.get(s, 0.0) + w / len(units)
    return Selection(weights, [int(u) for u in units], _describe(table, segment, units))


def _units(table: UnitWeights, segment: int | str | None) -> np.ndarray:
    """The unit indices a segment covers."""
    noun = _noun(table.unit)
    if segment is None:
        units = table.units[table.story]
    elif isinstance(segment, (int, np.integer)) or str(segment).strip().isdigit():
        k = int(segment)
        if k not in set(table.units.tolist()):
            raise SegmentError(
                f"there is no {noun} {k}: {_noun(table.unit, True)} are numbered "
                f"{table.units[0]} to {table.units[-1]}"
            )
        units = np.array([k])
    elif (m := _RANGE.match(str(segment))) is not None:
        a, b = sorted((int(m[1]), int(m[2])))
        if a < table.units[0] or b > table.units[-1]:
            raise SegmentError(
                f"there is no {noun} {a if a < table.units[0] else b}: "
                f"{_noun(table.unit, True)} are numbered {table.units[0]} to {table.units[-1]}"
            )
        units = table.units[(table.units >= a) & (table.units <= b)]
    elif (m := _STRETCH.match(str(segment))) is not None:
        low, high = sorted((float(m[1]), float(m[2])))
        if high > 100:
            raise SegmentError(f"narrative time runs from 0% to 100%, not to {high:g}%")
        pos = table.position * 100
        units = table.units[table.story & (pos >= low - 1e-9) & (pos <= high + 1e-9)]
        if not len(units) and table.story.any():  # narrower than a unit: the nearest one
            gap = np.where(table.story, np.abs(pos - (low + high) / 2), np.inf)
            units = table.units[[int(np.argmin(gap))]]
    elif str(segment).lower().startswith(("chapter:", "ch:")):
        label = str(segment).split(":", 1)[1].strip()
        if not label:
            raise SegmentError(f"the segment {segment!r} names no chapter; write chapter:LABEL")
        labels = [_label(c) for c in table.chapter]
        units = np.array(
            [
                u
                for u, c, story in zip(
                    table.units.tolist(), labels, table.story.tolist(), strict=True
                )
                if story and (c == label or c.startswith(label + "."))
            ],
            dtype=np.int64,
        )
        if not len(units):
            known = sorted({c for c in labels if c}, key=labels.index)
            hint = (
                f"; chapters: {', '.join(known[:8])}{'…' if len(known) > 8 else ''}"
                if known
                else "; the text has no chapters"
            )
            raise SegmentError(f"no chapter {label!r}{hint}")
    else:
        raise SegmentError(
            f"cannot read the segment {segment!r}: use a number (12), a "
            "range (3-7), a stretch of narrative time (0-33%) or "
            "chapter:LABEL"
        )
    if not len(units):
        raise SegmentError(
            f"the segment {segment!r} holds no {_noun(table.unit, True)} of the story"
        )
    return np.asarray(units, dtype=np.int64)


def _label(chapter: object) -> str:
    """A chapter's label as text; "" for none (``None`` or a missing value, NaN)."""
    if chapter is None or (isinstance(chapter, float) and chapter != chapter):
        return ""
    return str(chapter)


def _noun(unit: str, plural: bool = False) -> str:
    noun = {"bins": "bin", "window": "window"}.get(unit, unit)
    return noun + "s" if plural else noun


def _describe(table: UnitWeights, segment: int | str | None, units: np.ndarray) -> str:
    """The segment in words, for captions and tables."""
    if segment is None:
        return "the whole story"
    if (m := _STRETCH.match(str(segment))) is not None:
        a, b = sorted((float(m[1]), float(m[2])))
        pos = table.position[np.isin(table.units, units)] * 100
        inside = bool(((pos >= a - 1e-9) & (pos <= b + 1e-9)).any())
        nearest = "" if inside else f" (nearest: {_noun(table.unit)} {int(units[0])})"
        return f"{a:g}–{b:g}% of the story{nearest}"
    if str(segment).lower().startswith(("chapter:", "ch:")):
        return f"chapter {str(segment).split(':', 1)[1].strip()}"
    if len(units) == 1:
        return f"{_noun(table.unit)} {int(units[0])}"
    return f"{_noun(table.unit, True)} {int(units[0])}–{int(units[-1])}"
