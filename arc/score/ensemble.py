"""The ensemble: one documented combination of the scorers' values, fitted honestly.

For whichever of the known scorers (:data:`KNOWN`) are given, the ensemble is a weighted
sum of their values, each divided by its spread (its standard deviation over the fitting
items) — no intercept, so a text no scorer has an opinion on stays at 0::

    ensemble = Σ weight[s] · value[s] / sd[s]

The weights are fitted on the **train half** of each of VADER's four human-rated sets
(:func:`arc.score.validation.is_train`: the items whose document number is even) and never on
the test half, on which ``arc validate`` reports the ensemble. Their direction maximises
the smallest gain in Pearson r over VADER alone across the four train halves (a soft
minimum, so no kind of text is sacrificed to another); their size is then the least-squares
fit, without intercept, to the human mean divided by 4, so the ensemble reads on about the
−1..+1 scale of VADER's compound, as the human rating would. Every subset of the known
scorers has its own weights (``vader+afinn``, ...), all in ``arc/data/ensemble.json``,
written by ``scripts/fit_ensemble.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike

__all__ = ["KNOWN", "LABEL", "NEUTRAL", "combinable", "combine", "model", "weights"]

#: The scorers the ensemble knows, in the order their names are joined into a key.
KNOWN = ("vader", "afinn", "textblob", "nrc")
#: What the ensemble's value is (its axis label).
LABEL = "ensemble (predicted human rating / 4)"
#: Values within ±NEUTRAL of 0 read as neutral: the human neutral band (±0.5 on −4..+4) / 4.
NEUTRAL = 0.125
MODEL_FILE = "ensemble.json"


@cache
def model() -> dict[str, Any]:
    """The fitted model as shipped in ``arc/data/ensemble.json`` (read once)."""
    text = resources.files("arc").joinpath("data", MODEL_FILE).read_text("utf-8")
    return json.loads(text)


def combinable(names: list[str] | tuple[str, ...]) -> bool:
    """Whether the ensemble has weights for exactly these scorers (two or more, all known).

    Examples
    --------
    >>> combinable(["vader", "afinn"]), combinable(["vader"]), combinable(["vader", "mine"])
    (True, False, False)
    """
    return len(set(names)) > 1 and all(n in KNOWN for n in names)


def weights(names: list[str] | tuple[str, ...]) -> dict[str, float]:
    """The weight per unit of each scorer's value (weight / sd) for this set of scorers.

    Examples
    --------
    >>> sorted(weights(["textblob", "vader"]))
    ['textblob', 'vader']
    """
    unknown = [n for n in names if n not in KNOWN]
    if unknown:
        raise ValueError(
            f"the ensemble was fitted for {', '.join(KNOWN)} only; it cannot combine "
            f"{', '.join(map(repr, unknown))}"
        )
    given = [n for n in KNOWN if n in names]
    if not given:
        raise ValueError(f"the ensemble combines some of {', '.join(KNOWN)}; none given")
    fitted = model()["combinations"]["+".join(given)]["weights"]
    sd = model()["sd"]
    return {n: fitted[n] / sd[n] for n in given}


def combine(columns: Mapping[str, ArrayLike]) -> np.ndarray:
    """The ensemble of whichever known scorers' values ``columns`` holds, item by item.

    Parameters
    ----------
    columns
        Scorer name to its values (one per text, all the same length), each a name of
        :data:`KNOWN`: a scorer the ensemble was not fitted for is refused
        (``ValueError``), never silently left out.

    Returns
    -------
    numpy.ndarray
        ``Σ weight[s] · value[s] / sd[s]`` with the weights fitted for exactly these
        scorers (see the module's docstring); NaN where a value is missing.

    Examples
    --------
    >>> combine({"vader": [0.0, 0.6369, -0.5]}).round(3).tolist()
    [0.0, 0.279, -0.219]
    """
    import numpy as np

    w = weights(list(columns))
    values = [np.asarray(columns[n], dtype=float) for n in w]
    if len({v.shape for v in values}) > 1:
        raise ValueError("the scorers' columns have different lengths")
    out = np.zeros_like(values[0])
    for name, v in zip(w, values, strict=True):
        out = out + w[name] * v
    return out
