"""Charts to files without pyplot: a ``Figure`` the chart's size, drawn on, saved atomically."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.text.io import atomic_write

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from arc.charts.data import Chart

__all__ = ["DIGEST_KEY", "new_figure", "png_digest", "save_chart", "save_figure"]


def new_figure(width: float = 10, height: float = 5.6) -> Figure:
    """A pyplot-free figure with constrained layout, so labels are never clipped."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_chart(chart: Chart, path: str | Path, *, dpi: int = 150) -> Path:
    """Draw ``chart`` on a new figure of its nominal size and save it to ``path``."""
    from arc.charts.drawing import draw
    from arc.charts.fonts import quiet_glyph_warnings

    fig = new_figure(*chart.size)
    with quiet_glyph_warnings():
        draw(chart, fig.add_subplot())
        save_figure(fig, path, dpi, digest=chart.digest())
    return Path(path)


#: The PNG text key holding :meth:`arc.charts.data.Chart.digest`.
DIGEST_KEY = "arc-chart"


def save_figure(fig: Figure, path: str | Path, dpi: int = 150, *, digest: str = "") -> None:
    """Save by the path's extension (.png/.svg/.pdf) into memory, then write atomically.

    Dates and software versions are left out of the file, so the same chart gives the
    same bytes; a PNG records the chart's ``digest`` under :data:`DIGEST_KEY`.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    kinds: dict[str, dict[str, Any]] = {
        "png": {"Software": None, **({DIGEST_KEY: digest} if digest else {})},
        "svg": {"Date": None},
        "pdf": {"CreationDate": None, "ModDate": None},
    }
    metadata = kinds.get(fmt, {})
    import matplotlib

    buffer = io.BytesIO()
    # SVG clip-path ids are random unless salted; a fixed salt makes them stable.
    with matplotlib.rc_context({"svg.hashsalt": "arc"}):
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())


def png_digest(path: str | Path) -> str | None:
    """The chart digest a PNG written by :func:`save_chart` carries, or None."""
    from PIL import Image

    with Image.open(path) as image:
        value = image.info.get(DIGEST_KEY)
    return None if value is None else str(value)
