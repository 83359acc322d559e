"""Turning points: the peaks and valleys of a smoothed arc, each with the sentence behind it.

:func:`turning_points` smooths a frame exactly as the long-text chart does
(:func:`arc.analysis.timeline.smoothed_arc`), finds the line's peaks and valleys with
:func:`arc.analysis.peaks.find_peaks` (SciPy's rule) and a prominence threshold, and quotes,
for each, the sentence near it that pulls the arc most in the turn's direction. The chart
(:mod:`arc.charts.smoothed`) marks the same rows; ``arc turns`` lists them.

The rules, in one place:

- **Prominence** (how far a turn stands out) is :func:`scipy.signal.find_peaks`' rule: the
  height of a peak above the higher of the two lowest points on either side before the line
  climbs higher still (for a valley, the same on the line turned upside down).
- **Ends.** The arc is not known past its first and last values, so each end of the line is
  treated as if the line went on to its lowest value (for peaks) or its highest (for
  valleys): the line is padded with that value on both sides before the search. An end that
  is the extreme of its stretch is then a candidate, with its one-sided prominence (the
  drop, or rise, on its inner side), and a turn near an end is measured by its inner side.
  No prominence exceeds the arc's range.
- **Threshold.** By default a turn must stand out by :data:`PROMINENCE_SHARE` (20 %) of the
  smoothed arc's range (highest minus lowest value), and at most :data:`MAX_TURNS` peaks and
  as many valleys are kept, the most prominent first. The rule is relative to each arc, so
  a calm book and a stormy one get their turns alike; a flat arc has none.
- **The driving sentence.** Around each turn, the story units within half the smoother's
  span on either side of the unit nearest the turn are the ones it averages (the span is
  its declared ``window`` or ``frac`` times the number of units, at least the smoother's
  minimum; :data:`NEIGHBOURHOOD` of the text for a smoother without one); of them, those
  strictly between the neighbouring turns are the turn's own. Among these (the nearest unit
  if none), the unit with the highest value drives a peak and the lowest a valley (ties:
  the nearest to the turn, then the earliest). In a sentence frame that unit is the
  sentence; in a paragraph frame it is the paragraph's own driving sentence
  (:func:`arc.analysis.labels.driving_sentence`). Word-window and bin frames keep no text: their
  ``sentence`` and ``excerpt`` are empty strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothers import get_smoother
from arc.analysis.timeline import smoothed_arc, story_values, unit_time
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.score.scorers import frame_scorer

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_TURNS",
    "NEIGHBOURHOOD",
    "PROMINENCE_SHARE",
    "TURN_COLUMNS",
    "check_frame",
    "find_turns",
    "turning_points",
]

#: The columns of :func:`turning_points`' frame, in order.
TURN_COLUMNS = (
    "kind",
    "time",
    "value",
    "prominence",
    "index",
    "chapter",
    "sentence",
    "word",
    "excerpt",
)
#: By default a turn stands out by at least this share of the smoothed arc's range.
PROMINENCE_SHARE = 0.2
#: By default at most this many peaks, and as many valleys, are kept (most prominent first).
MAX_TURNS = 4
#: The share of the text searched for a driving sentence when the smoother has no span.
NEIGHBOURHOOD = 0.1


def check_frame(df: object, value: str, caller: str) -> None:
    """Raise a clear error unless ``df`` is an arc frame with a ``value`` column.

    ``TypeError`` for something that is not a DataFrame or a ``value`` that is not a str,
    ``ValueError`` for a frame without that column (an empty ``DataFrame()`` has none), naming
    ``caller``'s parameter.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"{caller}(df=...) needs a DataFrame from arc.analyze, not {type(df).__name__}"
        )
    if not isinstance(value, str):
        raise TypeError(
            f"{caller}(value=...) must be a column name (str), not {type(value).__name__}"
        )
    if value not in df.columns:
        shown = ", ".join(str(c) for c in list(df.columns)[:12])
        raise ValueError(
            f"{caller}(value={value!r}): the frame has no such column (columns: {shown})"
        )


def turning_points(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    value: str = "compound",
    prominence: float | None = None,
    limit: int | None = MAX_TURNS,
    line: pd.DataFrame | None = None,
    **params: Any,
) -> pd.DataFrame:
    """The peaks and valleys of a frame's smoothed arc, each with the sentence that drives it.

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (any unit).
    method
        The smoother (see :data:`arc.analysis.smoothers.SMOOTHERS`); ``params`` are its parameters.
        The line searched is the one the long-text chart draws.
    value
        The column smoothed.
    prominence
        The least prominence of a turn, in the value's units; by default
        :data:`PROMINENCE_SHARE` of the smoothed arc's range.
    limit
        Keep at most this many peaks and this many valleys, the most prominent first
        (``None``: all of them).
    line
        The smoothed line (:func:`arc.smoothed_arc` of ``df`` with ``method``, ``value`` and
        ``params``) when the caller has it already, so it is not smoothed twice.
    **params
        The smoother's parameters (``window=0.2``...).

    Returns
    -------
    pandas.DataFrame
        One row per turn, sorted by time, with the columns :data:`TURN_COLUMNS`: ``kind``
        ("peak" or "valley"), ``time`` (narrative time, 0–100 %), ``value`` (the smoothed
        arc there), ``prominence``, ``index`` (the frame's ``index`` of the story unit at or
        nearest that time), ``chapter`` (its chapter, or None), ``sentence`` (the sentence
        that drives the turn), ``word`` (its word that moves VADER's score most the turn's
        way, "" when none does or the scorer is not VADER) and ``excerpt`` (the sentence
        shortened around that word). ``attrs`` record the method,
        its parameters and the threshold used. A flat arc, or a frame without story units,
        gives no rows. The rules are in the module's docstring.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"compound": [0.0, 0.5, 0.0, -0.5, 0.0, 0.5]})
    >>> turning_points(df, window=0.5)[["kind", "time", "value", "prominence"]].round(3)
         kind   time  value  prominence
    0    peak    0.0  0.250       0.417
    1  valley   60.0 -0.167       0.417
    2    peak  100.0  0.250       0.417

    Both ends are peaks: the line falls from the start to the valley, then climbs again.
    """
    import pandas as pd

    check_frame(df, value, "turning_points")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(
            f"limit must be a whole number of turns (0 or more) or None, got {limit!r}"
        )
    if prominence is not None and not prominence > 0:
        raise ValueError(f"prominence must be a positive number, got {prominence!r}")
    story = story_values(df).reset_index(drop=True)
    empty = _empty(pd)
    if story.empty:
        return empty
    if line is None:
        line = smoothed_arc(df, method, value, band=False, null=False, **params)
    time = line["time"].to_numpy(dtype=float)
    y = line["value"].to_numpy(dtype=float)
    if not len(y) or not np.isfinite(y).all():
        return empty
    found, threshold = find_turns(time, y, prominence=prominence, limit=limit)
    empty.attrs.update(method=method, params=dict(params), threshold=threshold)
    if not found:
        return empty
    units = unit_time(story)
    half = _reach(method, params, len(story))
    rows = []
    for k, (t, kind, where, prom) in enumerate(found):
        near = int(np.argmin(np.abs(units - t)))
        before = found[k - 1][0] if k else -np.inf
        after = found[k + 1][0] if k + 1 < len(found) else np.inf
        driver = _driver(story, value, units, t, near, half, (before, after), down=kind == "valley")
        sentence = _sentence(story, driver, down=kind == "valley", df=df)
        index = _plain(story.at[near, "index"]) if "index" in story else near
        rows.append((kind, t, float(y[where]), prom, index, _chapter(story, near), sentence))
    from arc.analysis.labels import excerpt

    scorer = frame_scorer(df)
    words = [_word(r[-1], down=r[0] == "valley", scorer=scorer) for r in rows]
    out = pd.DataFrame(
        [
            (*r, w, excerpt(r[-1], around=w) if r[-1] else "")
            for r, w in zip(rows, words, strict=True)
        ],
        columns=list(TURN_COLUMNS),
    ).astype({"time": float, "value": float, "prominence": float, "chapter": object})
    out.attrs.update(empty.attrs)
    return out


def find_turns(
    time: np.ndarray,
    y: np.ndarray,
    *,
    prominence: float | None = None,
    limit: int | None = MAX_TURNS,
) -> tuple[list[tuple[float, str, int, float]], float]:
    """A line's turns, ``(time, kind, row, prominence)`` in time order, and the threshold.

    What :func:`turning_points` finds before it looks for the sentences behind each turn; a
    corpus, which records only where the turns are, asks for this alone. A flat line has
    none.
    """
    from arc.analysis.peaks import find_peaks

    low, high = float(y.min()), float(y.max())
    threshold = float(prominence) if prominence is not None else PROMINENCE_SHARE * (high - low)
    if high - low <= 1e-12:
        return [], threshold
    found = []
    for kind, sign, pad in (("peak", 1.0, low), ("valley", -1.0, high)):
        padded = sign * np.concatenate(([pad], y, [pad]))
        at, prominences = find_peaks(padded, threshold)
        ranked = sorted(zip(at - 1, prominences, strict=True), key=lambda p: (-p[1], p[0]))
        found += [(float(time[i]), kind, int(i), float(p)) for i, p in ranked[:limit]]
    found.sort()
    return found, threshold


def _word(sentence: str, *, down: bool, scorer: str) -> str:
    """The word of ``sentence`` that moves its VADER score most the turn's way ("" if none).

    Read from VADER's own per-word valences (:func:`arc.analysis.explanation.explain_text`); other
    scorers name no word.
    """
    if not sentence or scorer != "vader":
        return ""
    from arc.analysis.explanation import valence_rows

    rows = [r for r in valence_rows(sentence)[0] if r[1] != "(punctuation)"]
    if not rows:
        return ""
    best = min(rows, key=lambda r: r[3]) if down else max(rows, key=lambda r: r[3])
    return str(best[1]) if (best[3] < 0) == down else ""


def _empty(pd: Any) -> pd.DataFrame:
    """A frame with no turns and the right columns and dtypes."""
    types = dict.fromkeys(TURN_COLUMNS, object)
    types.update(time=float, value=float, prominence=float, index=int)
    return pd.DataFrame({c: [] for c in TURN_COLUMNS}).astype(types)


def _reach(method: str, params: dict[str, Any], n: int) -> int:
    """How many units on each side of a point the smoother averages: half its span.

    The span is the smoother's declared share of the text (:data:`NEIGHBOURHOOD` without
    one), in units, and at least the smoother's minimum (savgol's window cannot be shorter).
    """
    smoother = get_smoother(method)
    span = smoother.span
    if span is None:
        share = NEIGHBOURHOOD
    else:
        share = params[span] if span in params else smoother.defaults[span]
    minimum = smoother.minimum({**smoother.defaults, **params}) if smoother.span else 1
    return max(int(float(share) * n + 0.5), minimum, 1) // 2


def _driver(
    story: pd.DataFrame,
    value: str,
    units: np.ndarray,
    t: float,
    near: int,
    half: int,
    between: tuple[float, float],
    *,
    down: bool,
) -> int:
    """The row of the story unit that pulls the arc most its way at a turn at ``t``.

    Candidates: the units within ``half`` units of ``near`` (the unit nearest ``t``) that lie
    strictly ``between`` the neighbouring turns, else ``near`` alone. Ties go to the
    nearest to ``t``, then the earliest.
    """
    inside = np.arange(max(0, near - half), min(len(story), near + half + 1))
    inside = inside[(units[inside] > between[0]) & (units[inside] < between[1])]
    if not len(inside):
        inside = np.array([near])
    values = story[value].to_numpy(dtype=float)[inside]
    sign = 1.0 if down else -1.0
    best = min(range(len(inside)), key=lambda k: (sign * values[k], abs(units[inside[k]] - t), k))
    return int(inside[best])


def _sentence(story: pd.DataFrame, row: int, *, down: bool, df: pd.DataFrame) -> str:
    """The driving sentence of a story row: the sentence itself, or its paragraph's driver."""
    if "text" not in story:
        return ""
    text = str(story.at[row, "text"])
    if "paragraph" in story or df.attrs.get("unit") == "sentence":
        return " ".join(text.split())
    from arc.analysis.labels import driving_sentence

    return driving_sentence(text, down=down, scorer=frame_scorer(df))


def _chapter(story: pd.DataFrame, row: int) -> object:
    if "chapter" not in story:
        return None
    label = story.at[row, "chapter"]
    return None if label is None or (isinstance(label, float) and np.isnan(label)) else label


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value
