"""Rendering a chart to a file without pyplot: a ``Figure``, drawn on, saved atomically."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.io import atomic_write

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["new_figure", "render_arc", "save_figure"]


def new_figure(width: float = 10, height: float = 5.6) -> Figure:
    """A pyplot-free figure with constrained layout, so labels are never clipped."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> None:
    """Save by the path's extension (.png/.svg/.pdf) into memory, then write atomically."""
    path = Path(path)
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Software": None} if path.suffix.lower() == ".png" else {}
    if path.suffix.lower() == ".svg":
        metadata = {"Date": None}
    elif path.suffix.lower() == ".pdf":
        metadata = {"CreationDate": None, "ModDate": None}
    fig.savefig(buffer, format=path.suffix.lower().lstrip("."), dpi=dpi, metadata=metadata)
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())


def render_arc(df: pd.DataFrame, path: str | Path, *, dpi: int = 150, **options: Any) -> Path:
    """Draw :func:`arc.plot_arc` on a new figure and save it to ``path``."""
    from arc.plot import plot_arc

    fig = new_figure()
    plot_arc(df, ax=fig.add_subplot(), **options)
    save_figure(fig, path, dpi)
    return Path(path)
