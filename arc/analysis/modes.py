"""The shapes a corpus's arcs are made of: Reagan et al.'s singular value decomposition.

Reagan, Mitchell, Kiley, Danforth and Dodds, "The emotional arcs of stories are dominated by
six basic shapes", *EPJ Data Science* 5:31 (2016), put every story's arc on one grid of
narrative time, took out each arc's own mean, and decomposed the texts × grid matrix with an
SVD: the first right singular vectors ("modes") are the shapes that account for most of the
variation between arcs, and each text's coefficients on them say how much of each it has.

:func:`corpus_modes` does this for the ``segments`` table of ``arc corpus`` (one row per text
and grid point); :func:`mode_shapes` names each mode after the nearest of
:mod:`arc.analysis.shapes`' six templates. A mode's sign is a convention (the SVD gives ``v``
and ``−v`` alike), so it is fixed by a rule and a mode "like rags to riches" is as much
"like riches to rags" read upside down.

Importing this module loads numpy only; pandas when a function is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MODE_COLUMNS", "corpus_modes", "mode_shapes"]

#: The columns of :func:`corpus_modes`' first table, in order.
MODE_COLUMNS: Final = ("mode", "position", "value", "share", "rms")

#: A mode whose second half and first half differ by less than this (it is a unit vector)
#: is taken as symmetric, and its sign is set by its largest element instead.
_SYMMETRIC: Final = 1e-9


def corpus_modes(
    segments: pd.DataFrame, k: int = 3, *, value: str = "smoothed"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The first ``k`` modes of a corpus's arcs and each text's loadings on them.

    The arcs (``segments[value]``, one per ``text_id``, on the grid of ``position``) are
    made a texts × grid matrix; each arc's own mean is taken out, so the modes describe
    shape, not how positive a text is; the matrix is decomposed as ``U Σ Vᵀ``. Texts with a
    NaN (or a missing grid point) in ``value`` are left out of the SVD and get no loadings
    row; their ids are in ``modes.attrs["left_out"]``.

    Each mode's sign is fixed so that the mean of its second half minus the mean of its
    first half is positive (it ends higher than it starts); for a symmetric mode, so that its
    largest element (in absolute value) is positive. Its loadings change sign with it. The
    result is the same, to the byte, for the same input.

    Parameters
    ----------
    segments
        One row per text and grid point: ``text_id``, ``position`` (0–1) and ``value``.
    k
        How many modes; clipped to the number of usable texts and of grid points.
    value
        The column holding the arcs (default ``"smoothed"``).

    Returns
    -------
    modes : pandas.DataFrame
        :data:`MODE_COLUMNS`: ``mode`` (1..k), ``position``, ``value`` (the mode, a unit
        vector on the grid), ``share`` (σ²/Σσ², its share of the arcs' variance about their
        own means) and ``rms`` (σ/√n, the root mean square of the texts' loadings: a
        typical text's amount of the mode, in the arcs' units). ``attrs`` holds ``texts``
        (how many were decomposed), ``left_out`` and ``value``.
    loadings : pandas.DataFrame
        ``text_id`` and ``mode_1`` … ``mode_k``: each text's coefficients ``U Σ``, so an arc
        is its mean plus ``Σ loading × mode`` (exactly, with every mode).

    Raises
    ------
    ValueError
        A missing column, ``k`` below 1, fewer than 2 usable texts, or arcs that are all flat.

    Examples
    --------
    >>> import pandas as pd
    >>> t = (np.arange(4) + 0.5) / 4
    >>> segments = pd.DataFrame({
    ...     "text_id": np.repeat([0, 1, 2], 4), "position": np.tile(t, 3),
    ...     "smoothed": np.concatenate([t, -t, 2 * t]),
    ... })
    >>> modes, loadings = corpus_modes(segments, k=1)
    >>> modes.value.round(3).tolist(), float(modes.share.iloc[0])
    ([-0.671, -0.224, 0.224, 0.671], 1.0)
    >>> loadings.mode_1.round(3).tolist()
    [0.559, -0.559, 1.118]
    """
    import pandas as pd

    missing = [c for c in ("text_id", "position", value) if c not in segments]
    if missing:
        raise ValueError(
            f"segments need the columns text_id, position and {value!r}; missing: "
            f"{', '.join(missing)}"
        )
    if k < 1:
        raise ValueError(f"k is the number of modes wanted, at least 1, not {k}")
    table = segments.pivot(index="text_id", columns="position", values=value).sort_index()
    table = table.reindex(sorted(table.columns), axis=1)
    arcs = table.to_numpy(dtype=np.float64)
    usable = np.isfinite(arcs).all(axis=1)
    left_out = [int(i) for i in table.index[~usable]]
    if usable.sum() < 2:
        raise ValueError(
            f"the modes of a corpus need at least 2 texts with a {value!r} value at every "
            f"grid point; there are {int(usable.sum())} ({len(left_out)} left out for gaps)"
        )
    ids = table.index[usable].to_numpy(dtype=np.int64)
    arcs = arcs[usable]
    centred = arcs - arcs.mean(axis=1, keepdims=True)
    if np.abs(centred).max() <= 1e-12 * max(1.0, float(np.abs(arcs).max())):  # float noise
        raise ValueError("every arc is flat: there is no variation between arcs to decompose")
    u, sigma, vt = np.linalg.svd(centred, full_matrices=False)
    total = float((sigma**2).sum())
    k = min(k, *centred.shape)
    signs = np.array([_sign(vt[j]) for j in range(k)])
    vectors = vt[:k] * signs[:, None]
    loadings = u[:, :k] * sigma[:k] * signs
    grid = np.asarray(table.columns, dtype=np.float64)
    n = len(ids)
    modes = pd.DataFrame(
        {
            "mode": np.repeat(np.arange(1, k + 1, dtype=np.int64), len(grid)),
            "position": np.tile(grid, k),
            "value": vectors.ravel(),
            "share": np.repeat(sigma[:k] ** 2 / total, len(grid)),
            "rms": np.repeat(sigma[:k] / np.sqrt(n), len(grid)),
        }
    )
    modes.attrs = {"texts": n, "left_out": left_out, "value": value}
    coefficients = pd.DataFrame(loadings, columns=[f"mode_{j}" for j in range(1, k + 1)])
    coefficients.insert(0, "text_id", ids)
    return modes, coefficients


def _sign(vector: np.ndarray) -> float:
    """+1 or −1: the sign that makes the mode end higher than it starts (see corpus_modes)."""
    half = len(vector) // 2
    rise = float(vector[len(vector) - half :].mean() - vector[:half].mean()) if half else 0.0
    if abs(rise) > _SYMMETRIC:
        return 1.0 if rise > 0 else -1.0
    largest = vector[int(np.argmax(np.round(np.abs(vector), 12)))]
    return 1.0 if largest >= 0 else -1.0


def mode_shapes(modes: pd.DataFrame) -> pd.DataFrame:
    """Each mode's nearest of the six basic shapes, and its mirror image's.

    The mode is classified as :func:`arc.analysis.shapes.shape` classifies an arc (Pearson's
    r with each template on its 100-point grid). As a mode is read either way up, ``opposite``
    is the shape it is like upside down (r is the same, negated), and ``course`` both moves
    ("rise or fall").

    Returns
    -------
    pandas.DataFrame
        One row per mode: ``mode``, ``share``, ``shape``, ``r``, ``opposite``, ``course``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = (np.arange(100) + 0.5) / 100
    >>> modes = pd.DataFrame({"mode": 1, "position": t, "value": -np.cos(np.pi * t),
    ...                       "share": 0.4})
    >>> mode_shapes(modes)[["shape", "opposite", "course"]].iloc[0].tolist()
    ['rags to riches', 'riches to rags', 'rise or fall']
    """
    import pandas as pd

    from arc.analysis.shapes import SHAPES, shape

    rows = []
    for number, mode in modes.groupby("mode", sort=True):
        # the mode as a line on narrative time (0–100 %), given to shape() as the arc itself
        line = pd.DataFrame(
            {"time": mode["position"].to_numpy(float) * 100, "value": mode["value"].to_numpy(float)}
        )
        found = shape(line, value="value", line=line, threshold=0.0)
        near = str(found.nearest)
        opposite = min(found.scores, key=lambda name: found.scores[name])
        rows.append(
            {
                "mode": int(number),
                "share": float(mode["share"].iloc[0]),
                "shape": near,
                "r": float(found.score),
                "opposite": opposite,
                "course": f"{SHAPES[near].course} or {SHAPES[opposite].course}",
            }
        )
    return pd.DataFrame(rows, columns=["mode", "share", "shape", "r", "opposite", "course"])
