"""Several scorers' arcs of one text, on one scale, and how well they agree.

Scorers count in different units (VADER's compound and TextBlob's polarity run −1…+1,
AFINN sums word valences, NRC counts words), so their arcs are put on one scale by one rule:
**each scorer's smoothed arc is divided by the standard deviation of that scorer's own unit
values over the story** (sentences, paragraphs, windows or bins, as the frame has them).
Dividing keeps 0 where it was, so above the line is still positive and below negative for
every scorer, and a unit of the axis is "one typical swing of this scorer's sentences"; a
z-score would also subtract each arc's mean and so lose whether the story reads positive.
Smoothing is linear, so the divided arc is the smoothed arc of the divided values. A scorer
whose values never vary keeps its own units. The ensemble arc (the frame's ``ensemble``
column) is divided by its own spread the same way; the scorers' spread around it is the
lowest and highest of the scaled scorer arcs at each moment.

Agreement is the Pearson correlation of each pair of smoothed arcs on the same narrative
time points; the scale does not change it.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.timeline import smoothed_arc, story_values

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["agreement", "frame_scorers", "scorer_arcs"]


def frame_scorers(df: pd.DataFrame) -> list[str]:
    """The scorers whose columns a frame holds (``df.attrs["scorers"]``), in order."""
    names = df.attrs.get("scorers")
    if names:
        return [str(n) for n in names if n in df]
    from arc.score.scorers import SCORERS

    return [n for n in SCORERS if n in df]


def scorer_arcs(df: pd.DataFrame, method: str, **params: Any) -> pd.DataFrame:
    """Each scorer's smoothed arc of a multi-scorer frame, put on one scale (see the module).

    Returns columns ``time`` (0–100 %), one per scorer (its smoothed arc divided by its unit
    values' standard deviation), ``ensemble`` (likewise, when the frame has it), and
    ``low``/``high``, the lowest and highest scorer arc at each time. ``attrs["sd"]`` holds
    each divisor, ``attrs["method"]``/``attrs["params"]`` the smoother.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"vader": [0.0, 0.5, -0.5, 0.0], "afinn": [0.0, 4.0, -4.0, 0.0]})
    >>> arcs = scorer_arcs(df, "rolling", window=0.75)
    >>> bool(np.allclose(arcs.vader, arcs.afinn)), arcs.attrs["sd"]["afinn"]
    (True, 2.8284271247461903)
    """
    import pandas as pd

    story = story_values(df)
    names = frame_scorers(df)
    if not names:
        raise ValueError("the frame has no scorer columns; analyze(..., scorers=[...]) adds them")
    out: dict[str, Any] = {}
    sd: dict[str, float] = {}
    for name in [*names, *(["ensemble"] if "ensemble" in df and len(names) > 1 else [])]:
        line = smoothed_arc(df, method, name, band=False, null=False, **params)
        spread = float(np.std(story[name].to_numpy(dtype=float)))
        sd[name] = spread if spread > 0 and np.isfinite(spread) else 1.0
        out.setdefault("time", line["time"].to_numpy(dtype=float))
        out[name] = line["value"].to_numpy(dtype=float) / sd[name]
    stacked = np.vstack([out[n] for n in names])
    out["low"], out["high"] = stacked.min(axis=0), stacked.max(axis=0)
    arcs = pd.DataFrame(out)
    arcs.attrs.update(sd=sd, method=method, params=dict(params), scorers=names)
    return arcs


def agreement(arcs: pd.DataFrame) -> pd.DataFrame:
    """Pearson r of each pair of scorers' arcs: columns ``a``, ``b``, ``r``, pairs in order.

    ``r`` is NaN when an arc is flat (no correlation to speak of).

    Examples
    --------
    >>> import pandas as pd
    >>> arcs = pd.DataFrame({"time": [0, 50, 100], "vader": [0.0, 1.0, 0.0],
    ...                      "afinn": [0.0, 2.0, 0.5]})
    >>> arcs.attrs["scorers"] = ["vader", "afinn"]
    >>> agreement(arcs).round(3).values.tolist()
    [['vader', 'afinn', 0.971]]
    """
    import pandas as pd

    names = list(
        arcs.attrs.get("scorers")
        or [c for c in arcs if c not in ("time", "ensemble", "low", "high")]
    )
    rows = []
    for a, b in combinations(names, 2):
        x, y = arcs[a].to_numpy(dtype=float), arcs[b].to_numpy(dtype=float)
        ok = np.isfinite(x) & np.isfinite(y)
        x, y = x[ok], y[ok]
        r = (
            float(np.corrcoef(x, y)[0, 1])
            if len(x) > 1 and x.std() > 0 and y.std() > 0
            else float("nan")
        )
        rows.append((a, b, r))
    return pd.DataFrame(rows, columns=["a", "b", "r"])
