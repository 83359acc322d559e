"""Several arcs on one narrative-time axis: the data of ``arc compare``.

Each text's arc comes with what a reader needs to weigh it against the others: its chance
envelope (where a shuffled text's arc lies), the share of the story it spends beyond it, its
real range in the scorer's units, and its shape (:func:`arc.shape`).
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARE_POINTS", "compare"]

#: Smoothed arcs are sampled at this many evenly spaced points of narrative time.
COMPARE_POINTS = 101


def compare(
    sources: Sequence[str | os.PathLike[str] | pd.DataFrame],
    *,
    method: str = "dct",
    scale: bool = False,
    encoding: str | None = None,
    value: str = "compound",
    null: bool = True,
    **params: Any,
) -> pd.DataFrame:
    """Smooth several texts' sentence arcs onto one 0–100 % axis.

    Parameters
    ----------
    sources
        A list of files (``Path`` objects, or strings naming existing files) or sentence
        frames from :func:`arc.analyze`; to compare texts held in strings, pass
        ``arc.analyze(text=..., unit="sentence")`` frames. One string or path is refused
        (``TypeError``): wrap it in a list.
    method
        A smoother of :func:`arc.smooth` (default ``"dct"``, syuzhet's shape for comparing
        texts of different lengths).
    scale
        ``False`` (the default) keeps every arc in the scorer's units, so arcs compare on
        one shared scale: how far each swings, and whether it is positive or negative.
        ``True`` stretches each arc to −1…+1 (syuzhet's ``rescale``), so shapes compare
        rather than levels; its real range is kept in ``attrs["texts"]``.
    value
        The frames' column to smooth: ``"compound"``, or another scorer's column of a
        multi-scorer frame (``"ensemble"``, ``"afinn"``; see ``arc.analyze(scorers=...)``).
    null
        Also compute each text's chance envelope (:func:`arc.smoothed_arc`'s ``null``: the
        arcs of texts made by shuffling its words). It needs the frames' text and
        ``"compound"`` values; otherwise, or with ``False``, the envelope is NaN.
    **params
        Passed to the smoother.

    Returns
    -------
    pandas.DataFrame
        Long form: ``text`` (0, 1, ... in the order given), ``title``, ``time`` (0–100),
        ``value``, and ``null_low`` and ``null_high``, the text's chance envelope in the same
        units as ``value`` (rescaled with it); one row per text and time point. Titles are
        made unique. ``attrs["texts"]`` has one record per text, in the order given:
        ``title``, ``name`` (its file's), ``low`` and ``high`` (its arc's range in the
        scorer's units, before any rescaling), ``beyond`` (the share of narrative time the
        arc spends outside its envelope, as :func:`arc.smoothed_arc` reckons it; ``None``
        without one), ``chance`` (how the envelope was made) and ``shape`` (the fields of
        its :class:`arc.analysis.shapes.ArcShape`, from the same smoothed line).

    Raises
    ------
    TypeError
        ``sources`` is one string, path, bytes or frame rather than a list of them.
    arc.errors.MissingInputError
        A string that names no file.
    ValueError
        No sources.
    """
    import pandas as pd

    from arc.analysis.frame import analyze
    from arc.analysis.labels import display_title
    from arc.errors import TooShortError
    from arc.score.scorers import frame_scorer
    from arc.text.document import check_file

    if isinstance(sources, str | bytes | os.PathLike | pd.DataFrame):
        one = (
            "string"
            if isinstance(sources, str)
            else "bytes object"
            if isinstance(sources, bytes)
            else "frame"
            if isinstance(sources, pd.DataFrame)
            else "path"
        )
        raise TypeError(
            f"compare takes a list of paths or frames, not one {one}; "
            "wrap it in a list: compare([source])"
        )
    sources = list(sources)
    if not sources:
        raise ValueError("compare needs at least one path or frame; the list is empty")
    for s in sources:
        if isinstance(s, str):
            check_file(
                s, "to compare a text in a string, pass arc.analyze(text=..., unit='sentence')"
            )
    from arc.analysis.timeline import rescale, smoothed_arc

    frames = [
        s if isinstance(s, pd.DataFrame) else analyze(s, "sentence", encoding=encoding)
        for s in sources
    ]
    titles = _unique_titles([display_title(df) for df in frames], frames)
    grid = np.linspace(0.0, 100.0, COMPARE_POINTS)
    parts = []
    texts = []
    for k, (title, df) in enumerate(zip(titles, frames, strict=True)):
        try:
            arc_ = smoothed_arc(df, method, value, band=False, null=null, **params)
        except TooShortError as exc:
            raise TooShortError(f"{title}: {exc}") from None
        values = np.interp(grid, arc_["time"], arc_["value"])
        envelope = [np.interp(grid, arc_["time"], arc_[c]) for c in ("null_low", "null_high")]
        low, high = float(values.min()), float(values.max())
        if scale:
            values = rescale(values)
            # the envelope moves with its arc, so the arc leaves it exactly where it did
            stretch = 2 / (high - low) if high > low else math.nan
            envelope = [(e - low) * stretch - 1 for e in envelope]
        parts.append(
            pd.DataFrame(
                {
                    "text": k,
                    "title": title,
                    "time": grid,
                    "value": values,
                    "null_low": envelope[0],
                    "null_high": envelope[1],
                }
            )
        )
        found = arc_.attrs.get("null")
        texts.append(
            {
                "title": title,
                "name": df.attrs.get("name"),
                "low": low,
                "high": high,
                "beyond": float(found["outside"]) if found else None,
                "chance": (
                    {"level": found.get("level"), "draws": found.get("draws")} if found else None
                ),
                "shape": _shape_record(df, method, value, arc_, params),
            }
        )
    out = pd.concat(parts, ignore_index=True)
    scorers = {frame_scorer(df) for df in frames}
    out.attrs.update(
        method=method,
        scale=scale,
        params=dict(params),
        scorer=min(scorers),
        value=value,
        scorers=list(frames[0].attrs.get("scorers") or []),
        texts=texts,
    )
    return out


def _shape_record(
    df: pd.DataFrame, method: str, value: str, line: pd.DataFrame, params: dict[str, Any]
) -> dict[str, Any]:
    """The shape of a text's smoothed ``line`` as plain fields (``ArcShape(**record)``)."""
    from arc.analysis.shapes import no_shape, shape

    try:
        found = shape(df, method, value=value, line=line, **params)
    except ValueError as exc:  # too short for a shape, or not finite
        found = no_shape(str(exc))
    record = {f.name: getattr(found, f.name) for f in dataclasses.fields(found)}
    record["scores"] = dict(found.scores)  # a plain dict: attrs are deep-copied
    return record


def _unique_titles(titles: list[str], frames: list[pd.DataFrame]) -> list[str]:
    """Tell apart texts with the same title: by file name, then by number."""
    named = [
        f"{t} ({df.attrs.get('name')})" if titles.count(t) > 1 and df.attrs.get("name") else t
        for t, df in zip(titles, frames, strict=True)
    ]
    seen: dict[str, int] = {}
    out = []
    for title in named:
        seen[title] = seen.get(title, 0) + 1
        out.append(title if named.count(title) == 1 else f"{title} ({seen[title]})")
    return out
