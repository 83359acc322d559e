"""The ``arc`` command: parse arguments, call the library, print; nothing else.

``options`` holds its constants, ``parser`` builds the parser, ``files`` checks the input
and output paths, ``commands`` holds one function per command, and ``run`` is :func:`main`,
the one place errors become a line on stderr. Importing this package imports neither
pandas nor matplotlib.
"""

from arc.analysis.units import UNITS
from arc.cli.options import MAX_SIZE_MB, SMOOTH_CHOICES
from arc.cli.parser import build_parser
from arc.cli.run import main

__all__ = ["MAX_SIZE_MB", "SMOOTH_CHOICES", "UNITS", "build_parser", "main"]
