"""Several arcs on one narrative-time axis: the data of ``arc compare``."""

from __future__ import annotations

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
    scale: bool = True,
    encoding: str | None = None,
    value: str = "compound",
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
        Scale each arc to −1…+1 (syuzhet's ``rescale``), so shapes compare rather than
        levels; ``False`` keeps compound units.
    value
        The frames' column to smooth: ``"compound"``, or another scorer's column of a
        multi-scorer frame (``"ensemble"``, ``"afinn"``; see ``arc.analyze(scorers=...)``).
    **params
        Passed to the smoother.

    Returns
    -------
    pandas.DataFrame
        Long form: ``text`` (0, 1, ... in the order given), ``title``, ``time`` (0–100),
        ``value``; one row per text and time point. Titles are made unique.

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
    for k, (title, df) in enumerate(zip(titles, frames, strict=True)):
        try:
            arc_ = smoothed_arc(df, method, value, band=False, null=False, **params)
        except TooShortError as exc:
            raise TooShortError(f"{title}: {exc}") from None
        values = np.interp(grid, arc_["time"], arc_["value"])
        if scale:
            values = rescale(values)
        parts.append(pd.DataFrame({"text": k, "title": title, "time": grid, "value": values}))
    out = pd.concat(parts, ignore_index=True)
    scorers = {frame_scorer(df) for df in frames}
    out.attrs.update(
        method=method,
        scale=scale,
        params=dict(params),
        scorer=min(scorers),
        value=value,
        scorers=list(frames[0].attrs.get("scorers") or []),
    )
    return out


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
