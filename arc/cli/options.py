"""The ``arc`` command's constants and its usage error, below the parser and the commands."""

from __future__ import annotations

from arc.analysis.smoothers import SMOOTHERS
from arc.errors import ArcError

__all__ = [
    "MAX_DPI",
    "MAX_SIZE_CEILING_MB",
    "MAX_SIZE_MB",
    "MAX_TOP",
    "MIN_DPI",
    "PAGE_FORMATS",
    "PLOT_FORMATS",
    "SCORE_FORMATS",
    "SMOOTH_CHOICES",
    "UsageError",
]

#: ``--smooth`` choices: every declared smoother, and ``all`` to compare them.
SMOOTH_CHOICES = (*SMOOTHERS, "all")
#: A 10 x 5.6 inch chart at 1200 dpi is already 12,000 pixels wide; below 20 text has no size.
MAX_DPI = 1200
MIN_DPI = 20
#: The most input arc reads, in megabytes, unless --max-size says otherwise (War and Peace
#: is 3.2 MB): a guard against endless or mistaken input such as /dev/zero.
MAX_SIZE_MB = 64
#: The most --max-size may say: arc holds several times its input in memory (about 4 MiB
#: per MB analysed, more by sentence), so more than this would ask for tens of gigabytes.
MAX_SIZE_CEILING_MB = 4096
#: The most words ``arc explain --top`` shows: a word-shift chart gives each 0.27 inch, so
#: this many make a chart about 137 inches tall, under the charts' size bound.
MAX_TOP = 500

PLOT_FORMATS = (".png", ".svg", ".pdf")
#: The interactive page (the ``page`` extra): ``arc plot`` and ``arc compare`` write it.
PAGE_FORMATS = (".html",)
SCORE_FORMATS = (".csv", ".json", ".parquet")


class UsageError(ArcError):
    """Options that do not go together: reported like argparse's own usage errors."""

    exit_status = 2
