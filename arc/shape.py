"""The data behind the long-text charts, as pure functions; drawing is in plot_book.py.

Smoothed arcs on narrative time (0–100 %), chapter starts, and the defaults ``arc plot``
chooses for a book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.paratext import STORY_ROLES
from arc.smoothing import DEFAULT_PARAMS, narrative_time

if TYPE_CHECKING:
    import pandas as pd

    from arc.document import Document

__all__ = [
    "SMOOTHERS",
    "View",
    "chapter_starts",
    "choose_view",
    "display_title",
    "rescale",
    "smoothed_arc",
    "unit_time",
]

#: A text with more story paragraphs than this, or with chapters, gets the long-text chart.
LONG_PARAGRAPHS = 60
#: The smoother ``arc plot`` uses for a long text unless told otherwise.
DEFAULT_SMOOTHER = "rolling"
#: Methods ``--smooth`` accepts: the smoothers and ``all`` (the method comparison).
SMOOTHERS = ("rolling", "lowess", "savgol", "dct", "all")
#: The parameter that ``--span`` sets, per smoother.
SPAN_PARAM = {"rolling": "window", "lowess": "frac", "savgol": "window"}
#: Label chapter lines when there are at most this many.
MAX_LABELLED_CHAPTERS = 40


@dataclass(frozen=True)
class View:
    """What a chart shows: the unit of its points and the smoother of its line."""

    unit: str
    smoother: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    unit_params: dict[str, int] = field(default_factory=dict)

    @property
    def long(self) -> bool:
        """Whether this is the long-text chart (points and a smoothed line)."""
        return self.smoother is not None


def choose_view(
    doc: Document,
    *,
    unit: str | None = None,
    smoother: str | None = None,
    span: float | None = None,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
) -> View:
    """Pick the chart for a text: the story chart for a short one, points and a line for a book.

    A text is long when it has chapters or more than :data:`LONG_PARAGRAPHS` story
    paragraphs; then the defaults are sentence points and a rolling mean over 10% of the text.
    Anything given explicitly wins; ``window`` implies ``unit="window"``, ``bins`` implies
    ``unit="bins"``.
    """
    if unit is None:
        unit = "window" if window else "bins" if bins else None
    long = any(doc.chapters) or len(doc.story) > LONG_PARAGRAPHS
    explicit = smoother is not None or span is not None or unit not in (None, "paragraph")
    if not long and not explicit:
        return View("paragraph")
    unit = unit or ("sentence" if long else "paragraph")
    smoother = smoother or DEFAULT_SMOOTHER
    params: dict[str, Any] = {}
    if smoother in SPAN_PARAM:
        key = SPAN_PARAM[smoother]
        params[key] = span if span is not None else DEFAULT_PARAMS[smoother][key]
    unit_params: dict[str, int] = {}
    if unit == "window":
        unit_params = {"window": window or 1000, "step": step or max(1, (window or 1000) // 2)}
    elif unit == "bins":
        unit_params = {"bins": bins or 100}
    return View(unit, smoother, params, unit_params)


def story_values(df: pd.DataFrame) -> pd.DataFrame:
    """The story rows of a frame (every row of a window or bin frame), in narrative order."""
    if "role" in df:
        df = df[df["role"].isin(STORY_ROLES)]
    return df


def smoothed_arc(
    df: pd.DataFrame, method: str, value: str = "compound", **params: Any
) -> pd.DataFrame:
    """Smooth a frame's story values; returns columns ``time`` (0–100 %) and ``value``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"compound": [0.0, 1.0, 0.0, -1.0, 0.0]})
    >>> smoothed_arc(df, "rolling", window=0.6).value.round(3).tolist()
    [0.5, 0.333, 0.0, -0.333, -0.5]
    """
    import pandas as pd

    from arc.smoothing import smooth

    story = story_values(df)
    y = story[value].to_numpy(dtype=float)
    out = smooth(y, method, **params)
    if method == "dct" and not (params.get("scale_vals") or params.get("scale_range")):
        out = out * len(out) / len(y)  # dtt's unnormalised transform, back in input units
    time = unit_time(story) if len(out) == len(y) else narrative_time(len(out))
    return pd.DataFrame({"time": time, "value": out})


def unit_time(story: pd.DataFrame) -> np.ndarray:
    """Narrative time (0–100 %) of each story unit: its ``position``, else evenly spaced.

    Word windows and percentage bins sit at their middle word or sentence, so they do not
    reach 0 or 100 exactly; sentences and paragraphs do.
    """
    if "position" in story and len(story) and story["position"].notna().all():
        return story["position"].to_numpy(dtype=float) * 100
    return narrative_time(len(story))


def rescale(values: np.ndarray) -> np.ndarray:
    """Min–max scale to −1…+1, as syuzhet's ``rescale`` (a flat series maps to 0)."""
    values = np.asarray(values, dtype=float)
    low, high = values.min(), values.max()
    if high == low:
        return np.zeros_like(values)
    return 2 * (values - low) / (high - low) - 1


def display_title(df: pd.DataFrame) -> str:
    """The chart title of a frame: its detected title, else its file name made readable."""
    title = df.attrs.get("title")
    if title:
        return str(title)
    name = df.attrs.get("name") or "Untitled"
    return str(name).replace("_", " ").replace("-", " ").strip().title()


def chapter_starts(df: pd.DataFrame) -> pd.DataFrame:
    """Where each chapter starts on the 0–100 % axis: columns ``time``, ``label``, ``major``.

    ``major`` marks the first chapter of a container (``"II.1"`` starts book II), so a
    chart can draw book boundaries darker than chapter ones. Word-window and bin frames
    carry the exact starts, taken from their sentences, in ``df.attrs["chapter_starts"]``.
    """
    import pandas as pd

    if isinstance(df.attrs.get("chapter_starts"), pd.DataFrame):
        return df.attrs["chapter_starts"]
    story = story_values(df).reset_index(drop=True)
    if "chapter" not in story or story["chapter"].isna().all():
        return pd.DataFrame({"time": [], "label": [], "major": []})
    labels = story["chapter"].astype(object).where(story["chapter"].notna(), None).tolist()
    time = unit_time(story)
    rows = []
    previous = object()
    for i, label in enumerate(labels):
        if label != previous and label is not None:
            container = label.rsplit(".", 1)[0] if "." in label else None
            prev_container = (
                previous.rsplit(".", 1)[0]
                if isinstance(previous, str) and "." in previous
                else None
            )
            major = container is not None and container != prev_container
            rows.append((float(time[i]), label, major))
        previous = label
    return pd.DataFrame(rows, columns=["time", "label", "major"])
