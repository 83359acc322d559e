"""The smoothers, declared once: name, label, defaults, what ``--span`` sets, minimum, edges.

:func:`arc.smooth` checks its input against these declarations; the CLI's ``--smooth`` choices
and help, the charts' captions and the notes on edge behaviour read them too. Pure Python, so
the CLI imports it for ``--help`` without numpy. The code of each smoother is in
:mod:`arc.analysis.smoothing`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from arc.errors import SpanError

__all__ = [
    "MIN_SPAN_UNITS",
    "SMOOTHERS",
    "Smoother",
    "check_span",
    "get_smoother",
    "smoother_caption",
]

#: A span must cover at least this many units and this share of the text: less is the raw
#: series again, noise and all.
MIN_SPAN_UNITS = 3
MIN_SPAN = 0.01

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Smoother:
    """A smoothing method: how people call it, what it does, and what it needs.

    ``span`` is the parameter ``--span`` sets (a share of the text), ``None`` when the method
    has no window. ``shown`` is the parameter every caption states. ``minimum(params)`` is the
    fewest values the method can smooth with those parameters. ``edges`` says what the method
    does at the two ends of the text. ``resamples`` is true when the output has its own
    length (evenly spaced on narrative time) rather than one value per input.
    """

    name: str
    label: str
    summary: str
    defaults: Params
    span: str | None
    shown: str
    minimum: Callable[[Params], int]
    hint: str
    edges: str
    resamples: bool = False

    def caption(self, params: Params | None = None) -> str:
        """'rolling mean (window 10%)': the label and its shown parameter, defaults included."""
        return smoother_caption(self.name, params)


def _savgol_minimum(params: Params) -> int:
    order = int(params.get("polyorder", 2))
    return order + 2 + (order % 2 == 0)  # the first odd number >= polyorder + 2


SMOOTHERS: Mapping[str, Smoother] = MappingProxyType(
    {
        s.name: s
        for s in (
            Smoother(
                "rolling",
                "rolling mean",
                "centred moving average over a window of the text (default 10%); plain and "
                "predictable, flattens peaks; use for a quick look that stays close to the data",
                MappingProxyType({"window": 0.1}),
                span="window",
                shown="window",
                minimum=lambda p: 1,
                hint="The text has no units to smooth.",
                edges="the window shrinks near the ends, so the first and last values are noisier",
            ),
            Smoother(
                "lowess",
                "LOWESS",
                "robust locally weighted linear fit (default 20% of the text); follows real "
                "changes, ignores isolated outlier sentences; the best general-purpose arc",
                MappingProxyType({"frac": 0.2, "it": 3, "delta": None}),
                span="frac",
                shown="frac",
                minimum=lambda p: 2,
                hint="Use another method or a longer text.",
                edges="near the ends each fit leans on one side only, so it can overshoot",
            ),
            Smoother(
                "savgol",
                "Savitzky–Golay",
                "Savitzky-Golay local quadratic fit (default window 20%); keeps the height and "
                "position of peaks and troughs; use to locate climaxes and turning points",
                MappingProxyType({"window": 0.2, "polyorder": 2}),
                span="window",
                shown="window",
                minimum=_savgol_minimum,
                hint="Use another method or a lower polyorder.",
                edges="the first and last windows follow one fitted polynomial: it can overshoot",
            ),
            Smoother(
                "dct",
                "DCT low-pass",
                "keeps only the lowest frequencies (syuzhet's Fourier-style 'simplified "
                "macro-shape'), resampled to 100 points; use to compare the overall shapes of "
                "books of different lengths",
                MappingProxyType(
                    {
                        "low_pass_size": 5,
                        "x_reverse_len": 100,
                        "scale_vals": False,
                        "scale_range": False,
                    }
                ),
                span=None,
                shown="low_pass_size",
                minimum=lambda p: int(p.get("low_pass_size", 5)),
                hint="Use a smaller low_pass_size or another method.",
                edges="a sum of cosines, flat at both ends, so the first and last pages can be "
                "overstated or understated; it can ring and invent peaks",
                resamples=True,
            ),
        )
    }
)


def get_smoother(name: str) -> Smoother:
    """The declaration of smoother ``name``, or ``ValueError`` naming the choices."""
    try:
        return SMOOTHERS[name]
    except KeyError:
        raise ValueError(
            f"unknown smoothing method {name!r}; choose one of: {', '.join(SMOOTHERS)}"
        ) from None


def smoother_caption(name: str, params: Params | None = None) -> str:
    """The smoother and its parameters as a chart states them, the shown one always included.

    Examples
    --------
    >>> smoother_caption("rolling")
    'rolling mean (window 10%)'
    >>> smoother_caption("lowess", {"frac": 0.3, "it": 0})
    'LOWESS (frac 30%, it 0)'
    """
    smoother = SMOOTHERS.get(name)
    if smoother is None:
        return name
    params = dict(params or {})
    if smoother.shown not in params:
        params = {smoother.shown: smoother.defaults[smoother.shown], **params}
    shown = ", ".join(
        f"{k} {v * 100:.2g}%" if k == smoother.span and isinstance(v, float) else f"{k} {v}"
        for k, v in params.items()
    )
    return f"{smoother.label} ({shown})"


def check_span(name: str, span: float, n: int, units: str = "units") -> None:
    """Refuse a span too small to smooth ``n`` units (:class:`~arc.errors.SpanError`).

    A span must cover at least :data:`MIN_SPAN_UNITS` units and :data:`MIN_SPAN` of the text.

    Examples
    --------
    >>> check_span("savgol", 0.001, 3353, "sentences")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    arc.errors.SpanError: a span of 0.001 (window=0.001) is too small to smooth 3,353 sentences: ...
    """
    param = get_smoother(name).span
    if param is None or n <= 0:
        return
    least = max(MIN_SPAN, MIN_SPAN_UNITS / n)
    if span < least:
        digits = max(1, -math.floor(math.log10(least)))
        floor = math.ceil(least * 10**digits) / 10**digits
        raise SpanError(
            f"a span of {span:g} ({param}={span:g}) is too small to smooth {n:,} {units}: "
            f"use at least {floor:g}"
        )
