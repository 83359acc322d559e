"""Rendering charts to files without pyplot: a ``Figure``, drawn on, saved atomically."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.io import atomic_write

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from arc.shape import View

__all__ = ["new_figure", "render", "render_arc", "render_compare", "save_figure"]


def new_figure(width: float = 10, height: float = 5.6) -> Figure:
    """A pyplot-free figure with constrained layout, so labels are never clipped."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> None:
    """Save by the path's extension (.png/.svg/.pdf) into memory, then write atomically.

    Dates and software versions are left out of the file, so the same chart gives the
    same bytes.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    metadata: dict[str, Any] = {
        "png": {"Software": None},
        "svg": {"Date": None},
        "pdf": {"CreationDate": None, "ModDate": None},
    }.get(fmt, {})
    import matplotlib

    buffer = io.BytesIO()
    # SVG clip-path ids are random unless salted; a fixed salt makes them stable.
    with matplotlib.rc_context({"svg.hashsalt": "arc"}):
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())


def render_arc(df: pd.DataFrame, path: str | Path, *, dpi: int = 150, **options: Any) -> Path:
    """Draw :func:`arc.plot_arc` on a new figure and save it to ``path``."""
    from arc.plot import plot_arc

    fig = new_figure()
    plot_arc(df, ax=fig.add_subplot(), **options)
    save_figure(fig, path, dpi)
    return Path(path)


def render(
    df: pd.DataFrame,
    view: View,
    path: str | Path,
    *,
    title: str | None = None,
    dpi: int = 150,
    include_paratext: bool = False,
) -> Path:
    """Draw the chart a :class:`~arc.shape.View` asks for and save it to ``path``."""
    if not view.long:
        return render_arc(df, path, dpi=dpi, title=title, include_paratext=include_paratext)
    from arc.plot_book import plot_methods, plot_smoothed

    fig = new_figure(11, 5.8)
    ax = fig.add_subplot()
    if view.smoother == "all":
        plot_methods(df, ax=ax, title=title)
    else:
        plot_smoothed(df, method=view.smoother or "rolling", ax=ax, title=title, **view.params)
    save_figure(fig, path, dpi)
    return Path(path)


def render_compare(
    data: pd.DataFrame, path: str | Path, *, title: str | None = None, dpi: int = 150
) -> Path:
    """Draw :func:`arc.plot_compare` on a new figure and save it to ``path``."""
    from arc.plot_book import plot_compare

    fig = new_figure(11, 5.8)
    plot_compare(data, ax=fig.add_subplot(), title=title)
    save_figure(fig, path, dpi)
    return Path(path)
