"""Narrative time: which units are story, where each sits on 0–100 %, where chapters start.

Pure functions over roles and DataFrames, below every frame, weight and chart that places
units in narrative time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from arc.analysis.smoothing import narrative_time
from arc.text.paratext import STORY_ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["chapter_starts", "positions", "story_values", "unit_time"]


def positions(roles: Sequence[str]) -> np.ndarray:
    """Narrative time 0 → 1 over story rows; NaN for paratext."""
    story = np.fromiter((role in STORY_ROLES for role in roles), bool, len(roles))
    out = np.full(len(roles), math.nan)
    count = int(story.sum())
    out[story] = np.arange(count) / (count - 1) if count > 1 else 0.0
    return out


def story_values(df: pd.DataFrame) -> pd.DataFrame:
    """The story rows of a frame (every row of a window or bin frame), in narrative order."""
    if "role" in df:
        df = df[df["role"].isin(STORY_ROLES)]
    return df


def unit_time(story: pd.DataFrame) -> np.ndarray:
    """Narrative time (0–100 %) of each story unit: its ``position``, else evenly spaced.

    Word windows and percentage bins sit at their middle word or sentence, so they do not
    reach 0 or 100 exactly; sentences and paragraphs do.
    """
    if "position" in story and len(story) and story["position"].notna().all():
        return story["position"].to_numpy(dtype=float) * 100
    return narrative_time(len(story))


def chapter_starts(df: pd.DataFrame) -> pd.DataFrame:
    """Where each chapter starts on the 0–100 % axis: columns ``time``, ``label``, ``major``.

    ``major`` marks the first chapter of a container (``"II.1"`` starts book II), so a
    chart can draw book boundaries darker than chapter ones. Word-window and bin frames
    carry the exact starts, taken from their sentences, in ``df.attrs["chapter_starts"]``
    (a plain mapping of lists).
    """
    import pandas as pd

    columns = ["time", "label", "major"]
    kept = df.attrs.get("chapter_starts")
    if isinstance(kept, dict):
        return pd.DataFrame({c: list(kept.get(c, [])) for c in columns}).astype(
            {"time": float, "label": object, "major": bool}
        )
    story = story_values(df).reset_index(drop=True)
    if "chapter" not in story or story["chapter"].isna().all():
        return pd.DataFrame({"time": [], "label": [], "major": []}).astype(
            {"time": float, "label": object, "major": bool}
        )
    labels = story["chapter"].astype(object).where(story["chapter"].notna(), None).tolist()
    time = unit_time(story)
    rows = []
    previous: object = object()
    for i, label in enumerate(labels):
        if label != previous and label is not None:
            rows.append(
                (
                    float(time[i]),
                    label,
                    _container(label) != _container(previous) and _container(label) is not None,
                )
            )
        previous = label
    return pd.DataFrame(rows, columns=columns).astype({"major": bool})


def _container(label: object) -> str | None:
    """The book or volume of a chapter label ("II" of "II.3"), or None."""
    return label.rsplit(".", 1)[0] if isinstance(label, str) and "." in label else None
