"""The errors arc raises, one tree so the CLI can catch them in one place.

::

    ArcError                      anything arc reports to a user (exit status 1)
    ├── InputError                the text cannot be read or used (exit status 2)
    │   ├── MissingInputError     no such file, or a directory
    │   ├── EmptyInputError       empty, whitespace-only, or no letters at all
    │   ├── BinaryInputError      not text (NUL bytes, control characters)
    │   ├── DecodingError         bytes in no encoding arc can detect
    │   └── TableError            a table lacks a column or holds values of the wrong kind
    ├── TooShortError             fewer units than a smoother or bin count needs (exit status 2)
    ├── SegmentError              a segment or stretch the text does not have (exit status 2)
    ├── SpanError                 a smoother's span too narrow for the text (exit status 2)
    ├── OutputError               the output path cannot be written
    └── MissingDependencyError    an optional extra is needed (e.g. Parquet)

Library code raises these (or ``ValueError`` for a bad argument) and never prints or exits.
What a user should know but that does not stop the work is an :class:`ArcWarning`, issued with
:func:`warnings.warn`; the command prints each once as ``arc: warning: ...``.
"""

from __future__ import annotations


class ArcError(Exception):
    """Base class of every error arc reports to a user."""

    exit_status = 1


class InputError(ArcError):
    """The input text cannot be read or analysed."""

    exit_status = 2


class MissingInputError(InputError):
    """The path does not exist or is not a regular file."""


class EmptyInputError(InputError):
    """The text is empty, whitespace only, or has no letters."""


class BinaryInputError(InputError):
    """The input looks like binary data rather than text."""


class DecodingError(InputError):
    """The bytes are in no encoding arc can detect."""


class TableError(InputError):
    """A table (a CSV of rated sentences) lacks a column or holds values of the wrong kind."""


class TooShortError(ArcError, ValueError):
    """The text has fewer units than a smoother or a bin count needs."""

    exit_status = 2


class SpanError(ArcError, ValueError):
    """A smoother's span that covers too few of the text's units to smooth them."""

    exit_status = 2


class SegmentError(ArcError, ValueError):
    """A segment, range, stretch or chapter that the text does not have, or not understood."""

    exit_status = 2


class OutputError(ArcError):
    """The output file cannot be written."""


class MissingDependencyError(ArcError):
    """An optional dependency (an extra) is not installed."""


class ArcWarning(UserWarning):
    """Something a user should know about a result (a damaged marker, glyphs no font has)."""
