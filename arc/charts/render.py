"""Charts to files without pyplot: a ``Figure`` the chart's size, drawn on, saved atomically.

A chart's size is bounded before anything is drawn (:func:`check_size`): at most
:data:`MAX_SIDE_INCHES` a side, and a raster (PNG) at most :data:`MAX_SIDE_PIXELS` a side and
:data:`MAX_PIXELS` in all, so a chart of thousands of bars or a high dpi is refused in one
line instead of asking for gigabytes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.errors import OutputError
from arc.text.io import atomic_write

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from arc.charts.data import Chart

__all__ = [
    "DIGEST_KEY",
    "MAX_PIXELS",
    "MAX_SIDE_INCHES",
    "MAX_SIDE_PIXELS",
    "check_size",
    "new_figure",
    "png_digest",
    "save_chart",
    "save_figure",
]

#: The longest side of any chart, in inches: PDF's own page limit (14,400 points).
MAX_SIDE_INCHES = 200.0
#: The longest side of a raster chart, in pixels: half of what Agg can draw (less than
#: 65,536), and already 218 inches at 150 dpi.
MAX_SIDE_PIXELS = 32_768
#: The most pixels of a raster chart: 200 million, about 800 MB as RGBA before compression.
#: Above every chart arc draws at its largest size and at the highest --dpi (11 x 11 inches
#: at 1,200 dpi is 174 million).
MAX_PIXELS = 200_000_000
#: Formats drawn as pixels, whose size grows with the dpi.
_RASTER = frozenset({"png", "jpg", "jpeg", "tif", "tiff", "webp", "raw", "rgba"})


def check_size(width: float, height: float, dpi: float, fmt: str = "png", hint: str = "") -> None:
    """Refuse a chart of ``width`` x ``height`` inches at ``dpi`` that is too large to draw.

    Raises :class:`arc.errors.OutputError` naming the size and the bound it exceeds, and
    what to do: lower the dpi, or ``hint`` (e.g. "show fewer words (--top)").

    Examples
    --------
    >>> check_size(10, 5.6, 1200)
    >>> check_size(9, 137, 300)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    arc.errors.OutputError: a 9 x 137 inch chart at 300 dpi would be 2,700 x 41,100 pixels, ...
    """
    if not (width > 0 and height > 0 and dpi > 0):
        raise ValueError(f"a chart needs a positive size and dpi, not {width} x {height} at {dpi}")
    size = f"a {width:g} x {height:g} inch chart"
    if max(width, height) > MAX_SIDE_INCHES:
        raise OutputError(
            f"{size} is over the {MAX_SIDE_INCHES:g} inches a side a chart may have; "
            f"{hint or 'draw a smaller chart'}"
        )
    if fmt.lower() not in _RASTER:
        return
    w, h = round(width * dpi), round(height * dpi)
    if max(w, h) > MAX_SIDE_PIXELS or w * h > MAX_PIXELS:
        bound = (
            f"{MAX_SIDE_PIXELS:,} pixels a side"
            if max(w, h) > MAX_SIDE_PIXELS
            else f"{MAX_PIXELS / 1e6:g} million pixels"
        )
        todo = "lower the dpi (--dpi)" + (f" or {hint}" if hint else "")
        raise OutputError(
            f"{size} at {dpi:g} dpi would be {w:,} x {h:,} pixels, over the {bound} a chart "
            f"may have; {todo}"
        )


def new_figure(width: float = 10, height: float = 5.6) -> Figure:
    """A pyplot-free figure with constrained layout, so labels are never clipped."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_chart(chart: Chart, path: str | Path, *, dpi: int = 150) -> Path:
    """Draw ``chart`` on a new figure of its nominal size and save it to ``path``.

    The figure is taller than the nominal size by the legend and caption under the axes
    (:func:`arc.charts.drawing.footer_height`), so the panels keep their room.

    A chart too large to draw (:func:`check_size`) is refused before drawing. A path ending
    in ``.html`` gets the interactive page instead (:func:`arc.charts.page.save_page`, the
    ``page`` extra), drawn from the chart alone.
    """
    if Path(path).suffix.lower() == ".html":
        from arc.charts.page import save_page

        return save_page(chart, path)
    from arc.charts.drawing import draw, footer_height
    from arc.charts.fonts import quiet_glyph_warnings

    hint = "show fewer words (--top)" if chart.kind == "wordshift" else ""
    width, height = chart.size
    height += footer_height(chart, width)
    check_size(width, height, dpi, Path(path).suffix.lstrip("."), hint)
    fig = new_figure(width, height)
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
    width, height = fig.get_size_inches()
    check_size(float(width), float(height), dpi, fmt)
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
