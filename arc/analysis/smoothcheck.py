"""The smoothing check: the arc under several spans, and which turning points survive them all.

A smoothed arc's peaks and valleys are partly the text's and partly the smoother's: a narrow
window finds a turn in every run of gloomy sentences, a DCT with few components rings and
can invent a peak. :func:`smooth_check` smooths one frame several ways, finds each line's
turning points exactly as the long-text chart marks them (:func:`arc.analysis.turns.turning_points`,
default prominence rule and limit), and keeps the default line's turns that every other line
finds too. :func:`arc.charts.checkchart.smoothcheck_chart` draws the result; ``arc plot
--smooth-check`` writes it.

The rules, in one place:

- **Variants.** A smoother with a span (``rolling``/``savgol`` ``window``, ``lowess``
  ``frac``) is run at :data:`SPAN_FACTORS` (0.5×, 0.75×, 1×, 1.5×, 2×) its default span.
  Spans below the least :func:`arc.analysis.smoothers.check_span` allows for the text's length
  (:data:`arc.analysis.smoothers.MIN_SPAN_UNITS` units and 1 % of the text) are raised to it, and
  spans above the whole text lowered to 1; equal spans count once. When that least span
  exceeds the default (a short text: 3 of 20 paragraphs is 15 %), the factors multiply
  the least span instead, so the check still spreads over several spans. The DCT, which has no
  span, is run with :data:`DCT_SIZES` components (``low_pass_size`` 3, 4, 5, 7, 9), those
  the text has enough units for. The default (the line ``arc plot`` draws) is always one of
  the variants and is the *reference*.
- **Turns.** Each variant's turns are :func:`arc.analysis.turns.turning_points` of its line: a turn
  stands out by 20 % of that line's range, at most four peaks and four valleys, the most
  prominent first, i.e. the turns that variant's chart would mark.
- **Survival.** A turn of the reference survives when every variant has a turn of the same
  kind (peak or valley) within the *tolerance* of it in narrative time. The default
  tolerance is half the default span (rolling: 5 %, LOWESS and Savitzky–Golay: 10 %), and
  for the DCT half of :data:`arc.analysis.turns.NEIGHBOURHOOD` (5 %): the reach
  :mod:`arc.analysis.turns` searches for a turn's driving sentence.
- **Ends.** :attr:`SmoothCheck.ends` holds the plain (unsmoothed) mean of the first and last
  :data:`END_SHARE` (5 %) of the story units, so a chart can show where the text's ends
  really are beside where each smoother puts them (the DCT flattens its ends and
  understates a change in the last pages).

Everything here is deterministic: the same frame and arguments give equal results.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.smoothers import MIN_SPAN, MIN_SPAN_UNITS, check_span, get_smoother
from arc.analysis.timeline import smoothed_arc, story_values
from arc.analysis.turns import NEIGHBOURHOOD, turning_points
from arc.analysis.view import DEFAULT_SMOOTHER

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DCT_SIZES",
    "END_SHARE",
    "SPAN_FACTORS",
    "SmoothCheck",
    "Variant",
    "check_values",
    "default_tolerance",
    "smooth_check",
]

#: A span smoother's variants: these multiples of its default span.
SPAN_FACTORS = (0.5, 0.75, 1.0, 1.5, 2.0)
#: The DCT's variants: these numbers of components kept (``low_pass_size``).
DCT_SIZES = (3, 4, 5, 7, 9)
#: The share of the story at each end whose plain mean :attr:`SmoothCheck.ends` records.
END_SHARE = 0.05


@dataclass(frozen=True, eq=False)
class Variant:
    """One smoothing of the arc: the parameter's ``setting``, its line and its turns.

    ``params`` are the smoother's parameters as passed to :func:`arc.smoothed_arc`;
    ``line`` has columns ``time`` (0–100 %) and ``value``; ``turns`` is
    :func:`arc.analysis.turns.turning_points`' frame for the same line. ``default`` marks the
    reference, the line ``arc plot`` draws.
    """

    setting: float
    params: dict[str, Any]
    line: pd.DataFrame
    turns: pd.DataFrame
    default: bool = False


@dataclass(frozen=True, eq=False)
class SmoothCheck:
    """The arc under several settings of one smoother, and the turns that survive them all.

    ``param`` is the parameter varied (``window``, ``frac`` or ``low_pass_size``),
    ``variants`` the smoothings in increasing order of it, ``tolerance`` the distance in
    narrative time (percentage points) within which a variant's turn matches. ``turns`` is
    the reference's turns with two more columns: ``survives`` (bool) and ``found`` (a tuple,
    per variant, of the time of the matching turn, NaN where none matched). ``ends`` has one
    row per end: ``end`` ("first", "last"), ``start`` and ``stop`` (the stretch of
    narrative time, %), ``value`` (the plain mean of its story units) and ``units``.
    """

    method: str
    param: str
    value: str
    variants: tuple[Variant, ...]
    tolerance: float
    turns: pd.DataFrame
    ends: pd.DataFrame
    n_units: int

    @property
    def reference(self) -> Variant:
        """The default variant: the line ``arc plot`` draws."""
        return next(v for v in self.variants if v.default)

    @property
    def survivors(self) -> pd.DataFrame:
        """The reference's turns found, same kind and near, in every variant."""
        return self.turns[self.turns["survives"]].reset_index(drop=True)

    @property
    def settings(self) -> list[float]:
        """The parameter's values, in order."""
        return [v.setting for v in self.variants]


def default_tolerance(method: str) -> float:
    """How far (percentage points of narrative time) a variant's turn may lie and still match.

    Half the smoother's default span; half of :data:`arc.analysis.turns.NEIGHBOURHOOD` for the DCT.

    Examples
    --------
    >>> default_tolerance("rolling"), default_tolerance("lowess"), default_tolerance("dct")
    (5.0, 10.0, 5.0)
    """
    smoother = get_smoother(method)
    share = NEIGHBOURHOOD if smoother.span is None else float(smoother.defaults[smoother.span])
    return round(100 * share / 2, 10)


def check_values(method: str, n: int, values: Sequence[float] | None = None) -> list[float]:
    """The parameter values :func:`smooth_check` tries on ``n`` story units, in order.

    Without ``values``: :data:`SPAN_FACTORS` times the default span (or the least span
    :func:`arc.analysis.smoothers.check_span` allows for ``n`` units, when that is larger), raised
    to
    that least span and at most 1, and the default itself, kept as it is (it is what the
    chart draws); or, for the DCT, the
    :data:`DCT_SIZES` that ``n`` units can carry (the default always). Given ``values`` are
    checked as ``--span`` is (``ValueError`` when too small; the DCT's must be whole numbers
    from 1 to ``n``).

    Examples
    --------
    >>> check_values("rolling", 3000)
    [0.05, 0.075, 0.1, 0.15, 0.2]
    >>> check_values("rolling", 20)
    [0.1, 0.15, 0.225, 0.3]
    >>> check_values("dct", 6)
    [3, 4, 5]
    """
    smoother = get_smoother(method)
    if smoother.span is None:
        size = int(smoother.defaults[smoother.shown])
        if values is None:
            return sorted({s for s in DCT_SIZES if s <= n} | {size})
        sizes = []
        for v in values:
            if isinstance(v, bool) or int(v) != v or not 1 <= v <= max(n, 1):
                raise ValueError(
                    f"{smoother.shown} must be a whole number from 1 to {n}, not {v!r}"
                )
            sizes.append(int(v))
        return sorted(set(sizes))
    default = float(smoother.defaults[smoother.span])
    if values is None:
        least = max(MIN_SPAN, MIN_SPAN_UNITS / n) if n > 0 else MIN_SPAN
        least = math.ceil(least * 10**6 - 1e-6) / 10**6  # never a hair below check_span's floor
        base = max(default, least)  # a short text: spread the spans from the least it allows
        chosen = {
            min(1.0, max(round(f * base, 6), least))
            for f in SPAN_FACTORS
            if f != 1 or base != default
        }
        return sorted(chosen | {default})
    out = []
    for v in values:
        if not 0 < float(v) <= 1:
            raise ValueError(f"a span is a share of the text between 0 and 1, not {v!r}")
        check_span(method, float(v), n)
        out.append(float(v))
    return sorted(set(out))


def smooth_check(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    value: str = "compound",
    spans: Sequence[float] | None = None,
    tolerance: float | None = None,
) -> SmoothCheck:
    """Smooth ``df`` under several settings of ``method`` and find the turns that survive.

    Parameters
    ----------
    df
        A frame from :func:`arc.analyze` (any unit).
    method
        The smoother (see :data:`arc.analysis.smoothers.SMOOTHERS`).
    value
        The column smoothed.
    spans
        The settings of the smoother's span parameter (or the DCT's ``low_pass_size``) to
        try; by default :func:`check_values`. The reference is the declared default when
        it is among them, else the middle one.
    tolerance
        How far, in percentage points of narrative time, a variant's turn may lie from the
        reference's and still match; by default :func:`default_tolerance`.

    Returns
    -------
    SmoothCheck
        The variants, their lines and turns, the reference's turns marked as surviving or
        not, and the plain means of the text's two ends. The rules are in the module's
        docstring.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> x = np.linspace(0, 1, 400)
    >>> df = pd.DataFrame({"compound": -np.exp(-((x - 0.5) / 0.08) ** 2)})
    >>> check = smooth_check(df)
    >>> check.settings
    [0.05, 0.075, 0.1, 0.15, 0.2]
    >>> check.survivors[["kind", "time"]].round(1).values.tolist()
    [['peak', 0.0], ['valley', 49.9], ['peak', 100.0]]

    The two ends count as peaks: the line only falls from them (see :mod:`arc.analysis.turns`).
    """
    import pandas as pd

    smoother = get_smoother(method)
    param = smoother.span or smoother.shown
    if tolerance is not None and not (tolerance >= 0 and math.isfinite(tolerance)):
        raise ValueError(f"tolerance must be a number of percentage points >= 0, not {tolerance!r}")
    tol = default_tolerance(method) if tolerance is None else float(tolerance)
    story = story_values(df)
    n = len(story)
    settings = check_values(method, n, spans)
    declared = smoother.defaults[param]
    reference = declared if declared in settings else settings[len(settings) // 2]
    variants = []
    for setting in settings:
        params: dict[str, Any] = {param: setting}
        line = _line(df, method, value, params)
        turns = turning_points(df, method, value=value, **params)
        variants.append(Variant(setting, params, line, turns, default=setting == reference))
    ref = next(v for v in variants if v.default)
    rows = []
    for turn in ref.turns.itertuples():
        found = []
        for variant in variants:
            same = variant.turns[variant.turns["kind"] == turn.kind]
            gaps = (same["time"] - turn.time).abs()
            near = same[gaps <= tol + 1e-9]
            found.append(
                float(near.loc[gaps[near.index].idxmin(), "time"]) if len(near) else math.nan
            )
        rows.append((all(not math.isnan(t) for t in found), tuple(found)))
    turns = ref.turns.copy()
    turns["survives"] = pd.Series([r[0] for r in rows], index=turns.index, dtype=bool)
    turns["found"] = pd.Series([r[1] for r in rows], index=turns.index, dtype=object)
    turns.attrs.update(ref.turns.attrs, tolerance=tol)
    return SmoothCheck(method, param, value, tuple(variants), tol, turns, _ends(story, value), n)


def _line(df: pd.DataFrame, method: str, value: str, params: dict[str, Any]) -> pd.DataFrame:
    """The smoothed line (``time``, ``value``) as :func:`arc.smoothed_arc` gives it.

    Its uncertainty band and null envelope, where :func:`arc.smoothed_arc` computes them,
    are not asked for: the check compares lines, and five bootstraps would cost seconds.
    """
    import inspect

    extra = dict.fromkeys(("band", "null"), False)
    accepted = inspect.signature(smoothed_arc).parameters
    line = smoothed_arc(
        df, method, value, **{k: v for k, v in extra.items() if k in accepted}, **params
    )
    return line[["time", "value"]].reset_index(drop=True)


def _ends(story: pd.DataFrame, value: str) -> pd.DataFrame:
    """The plain mean of the first and last :data:`END_SHARE` of the story units (at least one)."""
    import pandas as pd

    y = story[value].to_numpy(dtype=float) if len(story) else np.zeros(0)
    k = max(1, math.ceil(END_SHARE * len(y))) if len(y) else 0
    rows = []
    if k:
        rows = [
            ("first", 0.0, 100 * END_SHARE, float(y[:k].mean()), k),
            ("last", 100 * (1 - END_SHARE), 100.0, float(y[-k:].mean()), k),
        ]
    return pd.DataFrame(rows, columns=["end", "start", "stop", "value", "units"]).astype(
        {"start": float, "stop": float, "value": float, "units": int}
    )
