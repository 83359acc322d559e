"""The units a text is cut into (paragraph, sentence, word window, percentage bin), declared once.

The CLI's ``--unit`` choices and help, the frame builder's defaults and length checks, and the
charts' captions all read these declarations. Pure Python: the CLI imports it for ``--help``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from arc.errors import TooShortError

__all__ = ["UNITS", "Unit", "check_length", "get_unit", "unit_params"]


@dataclass(frozen=True)
class Unit:
    """One kind of row: its name, how it is written on charts, its parameters and its minimum.

    ``params`` are the unit's keyword parameters with their defaults (``None``: computed from
    the others, as a window's step is half the window). ``needs`` is the minimum length: a
    count of ``"words"`` or ``"sentences"`` named by one of the parameters, or ``None`` when
    one of each is enough. ``averaged`` units are means over many sentences already, so their
    points share one scale with a smoothed line.
    """

    name: str
    plural: str
    help: str
    params: Mapping[str, int | None] = field(default_factory=dict)
    needs: tuple[str, str] | None = None
    averaged: bool = False
    fix: str = ""

    def noun(self, n: int) -> str:
        """'3,353 sentences', '1 sentence': ``n`` of this unit, the noun made to agree."""
        return f"{n:,} {self.plural}" if n != 1 else f"1 {self.singular}"

    @property
    def singular(self) -> str:
        """The unit's name on a chart, in the singular ('word window')."""
        return self.plural.removesuffix("s")


UNITS: Mapping[str, Unit] = MappingProxyType(
    {
        u.name: u
        for u in (
            Unit("paragraph", "paragraphs", "one row per paragraph"),
            Unit("sentence", "sentences", "one row per sentence (Punkt)"),
            Unit(
                "window",
                "word windows",
                "WINDOW story words every STEP words, each the word-weighted mean of its "
                "sentences' scores",
                MappingProxyType({"window": 1000, "step": None}),
                ("words", "window"),
                averaged=True,
                fix="Use a smaller window",
            ),
            Unit(
                "bins",
                "percentage bins",
                "the story's sentences in BINS equal slices, averaged (syuzhet's percentage "
                "values)",
                MappingProxyType({"bins": 100}),
                ("sentences", "bins"),
                averaged=True,
                fix="Use fewer bins",
            ),
        )
    }
)


def get_unit(name: str) -> Unit:
    """The declaration of unit ``name``, or ``ValueError`` naming the choices."""
    try:
        return UNITS[name]
    except KeyError:
        raise ValueError(f"unknown unit {name!r}; choose from {', '.join(UNITS)}") from None


def unit_params(name: str, **given: int | None) -> dict[str, int]:
    """The unit's parameters: those given (not ``None``) over the declared defaults.

    A window's step defaults to half the window. Parameters must be positive whole numbers.

    Examples
    --------
    >>> unit_params("window", window=400)
    {'window': 400, 'step': 200}
    >>> unit_params("paragraph")
    {}
    """
    unit = get_unit(name)
    unknown = sorted(k for k, v in given.items() if v is not None and k not in unit.params)
    if unknown:
        raise ValueError(
            f"unit {name!r} takes no {', '.join(unknown)}"
            + (f"; it takes {', '.join(unit.params)}" if unit.params else "")
        )
    out: dict[str, int] = {}
    for key, default in unit.params.items():
        value = given.get(key)
        if value is None:
            value = default
        if value is None and key == "step":
            value = max(1, out["window"] // 2)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{key} must be a positive whole number, not {value!r}")
        out[key] = value
    return out


def check_length(name: str, params: dict[str, int], *, words: int, sentences: int) -> None:
    """Raise :class:`~arc.errors.TooShortError` when a story is too short for the unit.

    Examples
    --------
    >>> check_length("bins", {"bins": 100}, words=900, sentences=42)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    arc.errors.TooShortError: 100 percentage bins need at least 100 story sentences; ...
    """
    unit = get_unit(name)
    if unit.needs is None:
        return
    what, key = unit.needs
    have = words if what == "words" else sentences
    need = params[key]
    if have < need:
        size = f"{unit.plural} of {need} {what}" if what == "words" else f"{need} {unit.plural}"
        raise TooShortError(
            f"{size} need at least {need} story {what}; this text has {have}. {unit.fix}"
        )
