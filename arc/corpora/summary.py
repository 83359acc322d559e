"""One text of a corpus, summed up: its row of the texts table and its arc on a common grid.

:func:`summarise` reads one file and returns a :class:`Summary`: plain values only, so it
travels cheaply between processes and machines. Every text is read the same way, whatever
its length: sentences scored (the long chart's unit, so a chapter and a novel are on one
footing), the default smoother's line with its uncertainty band and chance envelope, its
turning points and its shape, all from one :class:`~arc.analysis.result.Analysis`. The
line is then read at the centres of :data:`GRID` equal stretches of narrative time, the
common grid on which a corpus's arcs compare (:mod:`arc.analysis.modes`).

A text that cannot be analysed (binary, empty, undecodable, too short) is not an error
here: its row says ``failed: <why>`` and it has no segments, so a corpus run goes on.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from arc.cache import Cache

__all__ = [
    "GRID",
    "SEGMENT_COLUMNS",
    "SMOOTHER",
    "TEXT_COLUMNS",
    "Summary",
    "cached_summary",
    "summarise",
]

#: Points of the common narrative-time grid each arc is read at (Reagan et al. used 200
#: points of a windowed arc; 100 keeps one point per percent).
GRID = 100
#: The smoother a corpus's arcs are drawn with: the long chart's default.
SMOOTHER = "rolling"

#: The texts table's columns, in order, with their kinds (for an empty table's types).
TEXT_COLUMNS: dict[str, str] = {
    "text_id": "int64",
    "path": "string",
    "hash": "string",
    "status": "string",
    "title": "string",
    "author": "string",
    "bytes": "int64",
    "words": "Int64",
    "sentences": "Int64",
    "chapters": "Int64",
    "mean": "float64",
    "lowest": "float64",
    "lowest_at": "float64",
    "highest": "float64",
    "highest_at": "float64",
    "shape": "string",
    "nearest_shape": "string",
    "shape_r": "float64",
    "turns": "Int64",
    "turn_positions": "string",
    "coverage": "float64",
    "beyond_chance": "float64",
    "scorer": "string",
    "smoother": "string",
}
#: The segments table's columns: one row per text and grid point.
SEGMENT_COLUMNS: dict[str, str] = {
    "text_id": "int64",
    "bin": "int64",
    "position": "float64",
    "chapter": "string",
    "value": "float64",
    "smoothed": "float64",
    "low": "float64",
    "high": "float64",
}


@dataclass
class Summary:
    """One text's row of the texts table and its segment columns (empty if it failed)."""

    row: dict[str, Any]
    segments: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the text was analysed."""
        return self.row.get("status") == "ok"


def summarise(
    path: str | Path,
    *,
    grid: int = GRID,
    smoother: str = SMOOTHER,
    scorer: str = "vader",
    encoding: str | None = None,
    max_bytes: int | None = None,
    cache: Cache | None = None,
    data: bytes | None = None,
) -> Summary:
    """Analyse the text at ``path`` and sum it up; a text that cannot be read is recorded.

    ``data``: the file's bytes when the caller has read them already. With a ``cache``, a
    text summed up before with the same settings is read from it (keyed by its content
    hash), and its scored sentence table is shared with ``arc plot`` and ``arc compare``.
    """
    from arc.text.io import MAX_BYTES, read_bytes

    row: dict[str, Any] = {"path": str(path), "scorer": scorer, "smoother": smoother}
    try:
        if data is None:
            data = read_bytes(path, max_bytes=max_bytes or MAX_BYTES)
    except Exception as exc:
        return _failed(row, exc)
    row["hash"] = hashlib.sha256(data).hexdigest()
    row["bytes"] = len(data)
    entry = None
    if cache is not None:
        entry = _entry(row["hash"], path, grid, smoother, scorer, encoding)
        found = cache.get("summary", entry)
        if isinstance(found, Summary):
            found.row["path"] = str(path)
            return found
    try:
        summary = _analyse(row, data, Path(path).stem, grid, smoother, scorer, encoding, cache)
    except Exception as exc:  # a bad text is recorded, and the corpus goes on
        return _failed(row, exc)
    if cache is not None and entry is not None:
        cache.put("summary", entry, summary)
    return summary


def cached_summary(
    path: str | Path,
    cache: Cache,
    *,
    grid: int = GRID,
    smoother: str = SMOOTHER,
    scorer: str = "vader",
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Summary | None:
    """The summary :func:`summarise` kept for this file's content and settings, or ``None``.

    Reads and hashes the file, nothing more: how a corpus run finds, in the caller's own
    process, the texts it need not hand to a worker.
    """
    from arc.text.io import MAX_BYTES, read_bytes

    try:
        data = read_bytes(path, max_bytes=max_bytes or MAX_BYTES)
    except Exception:
        return None
    entry = _entry(hashlib.sha256(data).hexdigest(), path, grid, smoother, scorer, encoding)
    found = cache.get("summary", entry)
    if not isinstance(found, Summary):
        return None
    found.row["path"] = str(path)
    return found


def _entry(
    content: str, path: str | Path, grid: int, smoother: str, scorer: str, encoding: str | None
) -> str:
    """The cache key of a text's summary: its content, name, the settings and versions."""
    from arc.cache import key
    from arc.score.scorers import scorer_versions

    return key(
        "summary", content, Path(path).stem, grid, smoother, scorer_versions([scorer]), encoding
    )


def _analyse(
    row: dict[str, Any],
    data: bytes,
    name: str,
    grid: int,
    smoother: str,
    scorer: str,
    encoding: str | None,
    cache: Cache | None,
) -> Summary:
    """The analysis behind :func:`summarise`: one scored table, one line, read at the grid."""
    import warnings

    import numpy as np

    from arc.analysis.result import Analysis
    from arc.analysis.turns import find_turns
    from arc.errors import ArcWarning
    from arc.text.document import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArcWarning)  # a corpus row records what matters
        doc = load(data, encoding, name=name)
        result = Analysis.from_document(doc, "sentence", scorer=scorer, cache=cache)
        line = result.line(smoother)
        found = result.shape(smoother)
    frame = result.frame
    story = frame[frame["position"].notna()]
    values = story["compound"].to_numpy(dtype=float)
    time = line["time"].to_numpy(dtype=float) / 100.0
    smoothed = line["value"].to_numpy(dtype=float)
    # Where the turns are, as arc.turning_points finds them (not the sentences behind them).
    turns = [t for t, *_ in find_turns(time, smoothed)[0]] if np.isfinite(smoothed).all() else []
    low = int(np.argmin(smoothed))
    high = int(np.argmax(smoothed))
    null = line.attrs.get("null") or {}
    row.update(
        status="ok",
        title=doc.title,
        author=doc.author,
        words=int(story["n_words"].sum()),
        sentences=len(story),
        chapters=len({c for c in story["chapter"].tolist() if c is not None}),
        mean=float(values.mean()),
        lowest=float(smoothed[low]),
        lowest_at=float(time[low]),
        highest=float(smoothed[high]),
        highest_at=float(time[high]),
        shape=found.name,
        nearest_shape=found.nearest,
        shape_r=None if found.nearest is None else float(found.score),
        turns=len(turns),
        turn_positions=";".join(f"{t:.4f}" for t in turns),
        coverage=frame.attrs.get("coverage"),
        beyond_chance=float(null["outside"]) if "outside" in null else None,
    )
    centres = (np.arange(grid) + 0.5) / grid
    where = np.minimum((story["position"].to_numpy(dtype=float) * grid).astype(int), grid - 1)
    sums = np.bincount(where, weights=values, minlength=grid)
    counts = np.bincount(where, minlength=grid)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), math.nan)
    nearest = np.searchsorted(story["position"].to_numpy(dtype=float), centres).clip(
        0, len(story) - 1
    )
    chapters = story["chapter"].to_numpy(dtype=object)[nearest]
    segments = {
        "bin": list(range(grid)),
        "position": centres.tolist(),
        "chapter": [None if c is None else str(c) for c in chapters],
        "value": means.tolist(),
        "smoothed": np.interp(centres, time, smoothed).tolist(),
        "low": np.interp(centres, time, line["low"].to_numpy(dtype=float)).tolist(),
        "high": np.interp(centres, time, line["high"].to_numpy(dtype=float)).tolist(),
    }
    return Summary(row, segments)


def _failed(row: dict[str, Any], exc: BaseException) -> Summary:
    """The row of a text that could not be analysed, saying why in one line."""
    from arc.errors import ArcError

    if isinstance(exc, ArcError | ValueError | MemoryError | OSError):
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    else:  # a bug in arc: name it, so it can be reported
        why = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
    if isinstance(exc, MemoryError):
        why = "out of memory"
    row["status"] = f"failed: {why}"
    return Summary(row)
