"""Which of the six basic shapes of Reagan et al. a story's arc follows, if any.

Reagan, Mitchell, Kiley, Danforth and Dodds, "The emotional arcs of stories are dominated by
six basic shapes", *EPJ Data Science* 5:31 (2016), found that the arcs of over a thousand
Project Gutenberg stories cluster around six shapes, three pairs of opposites, declared once
in :data:`SHAPES`:

==================  ===============  =================
shape               course           template on t∈[0, 1]
==================  ===============  =================
rags to riches      rise             −cos(πt)
riches to rags      fall             cos(πt)
man in a hole       fall-rise        cos(2πt)
icarus              rise-fall        −cos(2πt)
cinderella          rise-fall-rise   −cos(3πt)
oedipus             fall-rise-fall   cos(3πt)
==================  ===============  =================

The templates are the three lowest cosines of a discrete cosine transform, with both signs:
one, two and three half-waves, each turning point at an equal share of the story. They are
what the paper's first three singular-value modes look like (a steady rise, a single dip or
peak near the middle, two turns near the thirds), they are smooth like the arcs it compares,
and on the evenly spaced grid used here they are exactly orthogonal and of mean zero, so the
six scores are three independent numbers and their signs: an arc cannot resemble "man in a
hole" merely because it rises. The paper's shapes are not symmetric (its Cinderella ends
higher than it starts); a template fixes only the order of the turns, and an arc that
follows it with other heights or turning positions still correlates well.

Method. The arc is resampled by linear interpolation at :data:`GRID` (100) evenly spaced
points of normalised narrative time (the midpoints ``(i + 0.5) / 100``) and compared with
each template by Pearson's correlation ``r``. This is least squares too: the best fit
``a + b · template`` leaves the share ``1 − r²`` of the arc's variance unexplained, and the
sign of ``r`` says which of a pair of opposites it is. ``r`` ignores the arc's level and
amplitude, so faint and strong arcs, and arcs from different scorers, are compared alike.
The best shape is the one with the highest ``r``; below :data:`THRESHOLD` (0.7: the shape
explains about half the arc's variance), or for a flat arc, the answer is :data:`NO_SHAPE`.
:func:`shape` returns an :class:`ArcShape`.

Importing this module loads numpy only; pandas only when a DataFrame is given.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import numpy as np
from numpy.typing import ArrayLike, NDArray

from arc.errors import TooShortError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "GRID",
    "NO_SHAPE",
    "RECORD_COLUMNS",
    "SHAPES",
    "THRESHOLD",
    "ArcShape",
    "Shape",
    "no_shape",
    "shape",
    "shape_grid",
    "shape_records",
    "shape_table",
]

FloatArray = NDArray[np.float64]

#: Points of normalised narrative time at which an arc is compared with the templates.
GRID: Final = 100

#: The least correlation with a template for an arc to be given its shape: r² ≈ 0.5, the
#: template explains half the arc's variance. Measured by ``benchmarks/shape_recovery.py``
#: (seeded, 100-200 arcs per case): white noise smoothed by the default rolling mean (10 %
#: window) over 300-3,000 sentences reaches it in 4 % of cases (0.6: 13 %, 0.5: a third),
#: noise with runs of 1 % of the text in 5-11 %, raw white noise of 30-1,000 values never;
#: synthetic shapes with random turning points, levels and time warping reach it 93 % of the
#: time without noise (lopsided two-turn arcs fall short) and 88 % at a raw noise SD half
#: the arc's (84 % at per-sentence noise 4 times the arc's SD, smoothed by default).
#: Chosen on synthetic arcs only, never on particular texts.
THRESHOLD: Final = 0.7

#: The name of the answer when no shape correlates at least :data:`THRESHOLD`.
NO_SHAPE: Final = "no clear shape"


@dataclass(frozen=True)
class Shape:
    """One of the six basic shapes: its name, its course, and its template.

    ``course`` is the order of its moves ("fall-rise"); ``summary`` a sentence on the story
    it tells; ``template(t)`` its curve on normalised narrative time ``t`` in [0, 1], of
    mean zero on :func:`shape_grid`.
    """

    name: str
    course: str
    summary: str
    template: Callable[[FloatArray], FloatArray]

    def values(self, n: int = GRID) -> FloatArray:
        """The template at the ``n`` midpoints of :func:`shape_grid`."""
        return self.template(shape_grid(n))


def _cosine(half_waves: int, sign: int) -> Callable[[FloatArray], FloatArray]:
    """``sign * cos(half_waves * π * t)``: a DCT-II basis function on [0, 1]."""

    def template(t: FloatArray) -> FloatArray:
        return sign * np.cos(half_waves * np.pi * np.asarray(t, dtype=float))

    return template


SHAPES: Mapping[str, Shape] = MappingProxyType(
    {
        s.name: s
        for s in (
            Shape("rags to riches", "rise", "things get steadily better", _cosine(1, -1)),
            Shape("riches to rags", "fall", "things get steadily worse", _cosine(1, 1)),
            Shape("man in a hole", "fall-rise", "a fall into trouble, then out", _cosine(2, 1)),
            Shape("icarus", "rise-fall", "a rise, then a fall", _cosine(2, -1)),
            Shape("cinderella", "rise-fall-rise", "a rise, a setback, a rise", _cosine(3, -1)),
            Shape("oedipus", "fall-rise-fall", "a fall, a recovery, a fall", _cosine(3, 1)),
        )
    }
)
"""The six shapes in the paper's order (modes 1, 2, 3, each with its opposite)."""


@dataclass(frozen=True)
class ArcShape:
    """The shape of one arc: the answer, the nearest template, and every score.

    ``name`` is a key of :data:`SHAPES`, or :data:`NO_SHAPE` when ``score`` is below
    :data:`THRESHOLD` or the arc is flat. ``nearest`` is the best-correlated shape even
    then (``None`` for a flat arc), ``score`` its Pearson correlation with the arc;
    ``runner_up`` and ``runner_up_score`` the second best. ``scores`` maps every shape,
    in :data:`SHAPES` order, to its correlation (all 0.0 for a flat arc). ``reason`` says
    why an arc that could not be classified at all (too short) has no shape; its scores
    are NaN (see :func:`no_shape`).
    """

    name: str
    score: float
    runner_up: str | None
    runner_up_score: float
    scores: Mapping[str, float] = field(hash=False)
    nearest: str | None
    threshold: float = THRESHOLD
    reason: str = ""

    @property
    def clear(self) -> bool:
        """Whether the arc was given one of the six shapes."""
        return self.name != NO_SHAPE

    def describe(self) -> str:
        """One line: 'man in a hole (fall-rise), r = 0.83; runner-up icarus (r = 0.21)'.

        Examples
        --------
        >>> shape([3, 1, 0, 1, 2]).describe()
        'man in a hole (fall-rise), r = 0.95; runner-up riches to rags (r = 0.22)'
        >>> shape([0.1, 0.3, -0.2, 0.4, 0.0, 0.2]).describe()  # doctest: +NORMALIZE_WHITESPACE
        'no clear shape: nearest oedipus (fall-rise-fall), r = 0.54 < 0.7;
         runner-up man in a hole (r = 0.15)'
        >>> shape([1, 1, 1]).describe()
        'no clear shape (the arc is flat)'
        """
        if self.reason:
            return f"{NO_SHAPE} ({self.reason})"
        if self.nearest is None:
            return f"{NO_SHAPE} (the arc is flat)"
        nearest = SHAPES[self.nearest]
        second = f"runner-up {self.runner_up} (r = {self.runner_up_score:.2f})"
        if self.clear:
            return f"{self.name} ({nearest.course}), r = {self.score:.2f}; {second}"
        r = f"{self.score:.2f}"
        if float(r) >= self.threshold:  # 0.697 is not "0.70 < 0.7"
            r = f"{math.floor(self.score * 1000) / 1000:.3f}"
        near = f"nearest {nearest.name} ({nearest.course}), r = {r} < {self.threshold:g}"
        return f"{NO_SHAPE}: {near}; {second}"


def shape_grid(n: int = GRID) -> FloatArray:
    """The ``n`` midpoints ``(i + 0.5) / n`` of normalised narrative time [0, 1].

    Midpoints, not endpoints: on them the cosine templates are exactly orthogonal and of
    mean zero (the DCT-II's own grid).
    """
    return (np.arange(n, dtype=float) + 0.5) / n


def shape(
    data: pd.DataFrame | ArrayLike,
    method: str | None = None,
    *,
    value: str = "compound",
    threshold: float = THRESHOLD,
    line: pd.DataFrame | None = None,
    **params: Any,
) -> ArcShape:
    """Classify an arc into one of the six basic shapes of Reagan et al. (2016).

    Parameters
    ----------
    data
        A DataFrame from :func:`arc.analyze`: its arc is the smoothed line the long-text
        chart draws, ``arc.analysis.timeline.smoothed_arc(data, method, value, **params)``, on its
        own narrative time (each sentence at its ``position``). Or a plain sequence or
        array of arc values in narrative order, taken as evenly spaced: it is the arc
        itself and is **not** smoothed (pass smoothed values, e.g. ``arc.smooth(...)``).
    method
        The smoother for a DataFrame (default :data:`arc.analysis.view.DEFAULT_SMOOTHER`, the
        rolling mean over 10 % of the text); one of :data:`arc.analysis.smoothing.METHODS`.
    value
        The DataFrame column to smooth (default ``"compound"``).
    threshold
        The least correlation that names a shape (default :data:`THRESHOLD`).
    line
        For a DataFrame: its smoothed line (:func:`arc.smoothed_arc` with ``method``,
        ``value`` and ``params``) when the caller has it already, so it is not smoothed twice.
    **params
        The smoother's parameters (``window=0.2``), for a DataFrame.

    Returns
    -------
    ArcShape
        ``name`` (a key of :data:`SHAPES` or ``"no clear shape"``), ``score`` (Pearson's
        r with the nearest template), ``runner_up``, ``runner_up_score``, ``scores``
        and ``nearest``.

    Raises
    ------
    TooShortError
        Fewer than 3 values (a ``ValueError`` too).
    ValueError
        Values that are not finite numbers, a missing ``value``
        column, or ``method`` or smoother parameters given with a plain sequence.

    Examples
    --------
    >>> shape([0, 1, 2, 3, 4]).name
    'rags to riches'
    >>> result = shape([0, 2, 3, 2, 1])
    >>> result.name, round(result.score, 2), result.runner_up
    ('icarus', 0.95, 'rags to riches')
    >>> import pandas as pd
    >>> df = pd.DataFrame({"compound": [0.6, 0.2, -0.4, -0.7, -0.3, 0.1, 0.5]})
    >>> shape(df, window=0.45).name  # the rolling mean over 45 % of the text
    'man in a hole'
    """
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be a correlation between 0 and 1, not {threshold}")
    time, values = _arc(data, method, value, params, line)
    return _classify(_resample(time, values), threshold)


def shape_table(
    arcs: Mapping[str, Any],
    method: str | None = None,
    *,
    threshold: float = THRESHOLD,
    **params: Any,
) -> pd.DataFrame:
    """The shapes of several arcs, one row each: name, course, r, runner-up, and every r.

    ``arcs`` maps a label (a title, a file name) to what :func:`shape` takes; ``method``
    and ``params`` apply to every DataFrame among them, ``threshold`` to all.

    Examples
    --------
    >>> shape_table({"up": [0, 1, 2], "down": [2, 1, 0]})[["shape", "r", "runner_up"]]
                   shape      r   runner_up
    up    rags to riches  0.993  cinderella
    down  riches to rags  0.993     oedipus
    """
    import pandas as pd

    rows = {}
    for label, data in arcs.items():
        frame = _is_frame(data)
        got = shape(
            data, method if frame else None, threshold=threshold, **(params if frame else {})
        )
        rows[label] = {
            "shape": got.name,
            "course": SHAPES[got.name].course if got.clear else "",
            "r": round(got.score, 3),
            "runner_up": got.runner_up,
            "runner_up_r": round(got.runner_up_score, 3),
            **{name: round(r, 3) for name, r in got.scores.items()},
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def no_shape(reason: str, threshold: float = THRESHOLD) -> ArcShape:
    """The answer for an arc that cannot be classified at all, saying why (``reason``).

    Its name is :data:`NO_SHAPE`, it has no nearest shape, and every score is NaN: a text
    too short to have an arc still gets a row in a table of several.

    Examples
    --------
    >>> no_shape("too short").describe()
    'no clear shape (too short)'
    """
    if not reason:
        raise ValueError("no_shape needs a reason")
    nan = math.nan
    scores = MappingProxyType(dict.fromkeys(SHAPES, nan))
    return ArcShape(NO_SHAPE, nan, None, nan, scores, None, threshold, reason)


#: The columns of :func:`shape_records`, in order.
RECORD_COLUMNS = (
    "title",
    "path",
    "shape",
    "nearest",
    "score",
    "runner_up",
    "runner_up_score",
    "note",
)


def shape_records(found: Sequence[tuple[str, str, ArcShape]]) -> pd.DataFrame:
    """One row per text: its title, its path, and its shape's name, nearest shape and r.

    ``found`` holds ``(title, path, shape)`` for each text; the columns are
    :data:`RECORD_COLUMNS` (what ``arc shape -o`` writes), ``note`` the reason a text has
    no shape at all (:func:`no_shape`), empty otherwise.

    Examples
    --------
    >>> shape_records([("Up", "up.txt", shape([0, 1, 2, 3]))])[["title", "shape"]]
      title           shape
    0    Up  rags to riches
    """
    import pandas as pd

    rows = [
        (title, path, s.name, s.nearest, s.score, s.runner_up, s.runner_up_score, s.reason)
        for title, path, s in found
    ]
    return pd.DataFrame(rows, columns=list(RECORD_COLUMNS))


def _is_frame(data: object) -> bool:
    """Whether ``data`` is a pandas DataFrame (without importing pandas to find out)."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(data, pd.DataFrame)


def _arc(
    data: Any,
    method: str | None,
    value: str,
    params: dict[str, Any],
    line: pd.DataFrame | None = None,
) -> tuple[FloatArray, FloatArray]:
    """The arc to classify as (time on [0, 1], values), checked: at least 3 finite values."""
    if _is_frame(data):
        from arc.analysis.timeline import smoothed_arc
        from arc.analysis.view import DEFAULT_SMOOTHER

        if value not in data:
            raise ValueError(
                f"the DataFrame has no column {value!r}: pass value= one of its score "
                "columns, such as 'compound'"
            )
        line = (
            line
            if line is not None
            else smoothed_arc(
                data, method or DEFAULT_SMOOTHER, value, band=False, null=False, **params
            )
        )
        time = line["time"].to_numpy(dtype=float) / 100
        values = line["value"].to_numpy(dtype=float)
    else:
        if method is not None or params:
            raise ValueError(
                "a plain sequence is taken as the arc itself, not smoothed: smooth it first "
                "(arc.smooth) or pass a DataFrame from arc.analyze"
            )
        try:
            values = np.asarray(data, dtype=float)
        except (TypeError, ValueError):
            raise ValueError("an arc must be a DataFrame or a sequence of numbers") from None
        if values.ndim == 0:
            raise ValueError("an arc must be a DataFrame or a sequence of numbers")
        if values.ndim != 1:
            raise ValueError(f"an arc must be one-dimensional, not of shape {values.shape}")
        time = np.linspace(0.0, 1.0, len(values))
    if len(values) < 3:
        raise TooShortError(f"an arc needs at least 3 values to have a shape, not {len(values)}")
    if not np.isfinite(values).all():
        raise ValueError("the arc has values that are not finite numbers (NaN or infinity)")
    return time, values


def _resample(time: FloatArray, values: FloatArray) -> FloatArray:
    """The arc at the :data:`GRID` midpoints, linearly interpolated along its own time.

    Points outside the arc's first and last time take its end values (a window or bin
    frame's first unit sits a little after 0 %).
    """
    order = np.argsort(time, kind="stable")
    return np.interp(shape_grid(), time[order], values[order])


def _templates() -> FloatArray:
    """Every template on the grid, centred and scaled to unit length: one row per shape.

    The cosines have mean zero on the grid already; centring again keeps the correlations
    exact to the last digit.
    """
    rows = np.array([s.values() for s in SHAPES.values()])
    rows = rows - rows.mean(axis=1, keepdims=True)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


_TEMPLATES: Final = _templates()


def _classify(points: Sequence[float] | FloatArray, threshold: float = THRESHOLD) -> ArcShape:
    """Correlate the resampled arc with every template and name the best (or none).

    Scores are rounded to 12 decimals so that float noise cannot decide a tie (an arc
    symmetric about the middle scores 0 with the four shapes that are not); ties go to the
    first in :data:`SHAPES`.
    """
    y = np.asarray(points, dtype=float)
    y = y - y.mean()
    norm = float(np.linalg.norm(y))
    names = list(SHAPES)
    if norm <= 1e-12 * max(1.0, float(np.abs(points).max())):
        zeros = MappingProxyType(dict.fromkeys(names, 0.0))
        return ArcShape(NO_SHAPE, 0.0, None, 0.0, zeros, None, threshold)
    r = _TEMPLATES @ y / norm
    scores = {name: float(round(x, 12)) + 0.0 for name, x in zip(names, r, strict=True)}
    best, second = sorted(names, key=lambda name: -scores[name])[:2]
    score = scores[best]
    name = best if score >= threshold and not math.isclose(score, 0.0) else NO_SHAPE
    return ArcShape(name, score, second, scores[second], MappingProxyType(scores), best, threshold)
