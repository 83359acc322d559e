"""Bytes to text, and files written whole or not at all.

arc reads any path (or standard input) whatever its encoding: UTF-8 with or without BOM,
UTF-16/32 with BOM, and legacy single-byte files detected by charset-normalizer. Line endings
are normalised to ``\\n``; every offset arc reports refers to the text returned here.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, BinaryIO

from arc.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    MissingInputError,
    OutputError,
)

__all__ = ["atomic_write", "decode", "read_bytes", "read_text", "vignette_text"]

VIGNETTE = "final_goodbyes.txt"

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
_NEWLINES = re.compile(r"\r\n?")
_LETTER = re.compile(r"[^\W\d_]")


def vignette_text() -> str:
    """The embedded vignette "Final Goodbyes", decoded exactly as a file would be."""
    return decode(resources.files("arc").joinpath("data", VIGNETTE).read_bytes())


def read_bytes(path: str | os.PathLike[str], stdin: BinaryIO | None = None) -> bytes:
    """Read a file's bytes, or standard input for ``"-"``, with a clear error for a bad path."""
    if str(path) == "-":
        return (stdin or sys.stdin.buffer).read()
    p = Path(path)
    try:
        if p.is_dir():
            raise MissingInputError(f"{p} is a directory, not a text file")
        return p.read_bytes()
    except FileNotFoundError:
        raise MissingInputError(f"{p}: no such file") from None
    except OSError as exc:
        raise MissingInputError(f"{p}: cannot read ({exc.strerror})") from None


def decode(data: bytes, encoding: str | None = None, *, name: str = "input") -> str:
    """Decode bytes to text with ``\\n`` line endings, detecting the encoding when not given.

    Parameters
    ----------
    data
        The raw bytes of a text file.
    encoding
        A Python codec name to force; by default a BOM decides, then strict UTF-8, then
        charset-normalizer's best guess for legacy single-byte encodings.
    name
        How to name the input in error messages.

    Returns
    -------
    str
        The text, BOM removed, CRLF and CR turned into LF. Non-breaking spaces and curly
        quotes are kept as they are.

    Examples
    --------
    >>> decode("caf\\u00e9\\r\\n\\u201chi\\u201d".encode("cp1252"))
    'café\\n“hi”'

    """
    if not data:
        raise EmptyInputError(f"{name} is empty: there is no text to analyse")
    text = _decode(data, encoding, name)
    if _CONTROL.search(text[:65536]) and len(_CONTROL.findall(text[:65536])) > 8:
        raise BinaryInputError(f"{name} looks like a binary file, not text")
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise EmptyInputError(f"{name} holds only whitespace: there is no text to analyse")
    if not _LETTER.search(text):
        raise EmptyInputError(f"{name} has no letters: there are no words to score")
    return text


def _decode(data: bytes, encoding: str | None, name: str) -> str:
    """Pick the codec: forced, then BOM, then UTF-8, then charset-normalizer."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise DecodingError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"{name} is not valid {encoding} (byte {exc.start}); try another --encoding"
            ) from None
        except UnicodeError:  # codecs such as punycode raise the base class
            raise DecodingError(f"{name} is not valid {encoding}; try another --encoding") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise DecodingError(f"{name} has a {codec} BOM but invalid {codec} bytes") from None
    if b"\x00" in data:
        raise BinaryInputError(f"{name} looks like a binary file, not text (it has NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # arc scores English, so a legacy file is first tried against the Western code pages;
    # only if none fits does charset-normalizer look at every encoding it knows.
    best = from_bytes(data, cp_isolation=list(_WESTERN)).best() or from_bytes(data).best()
    if best is None:
        raise DecodingError(
            f"cannot tell the encoding of {name}; pass --encoding (for example cp1252)"
        )
    return str(best)


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file beside ``path`` and rename it over ``path`` only on success.

    A failure part-way leaves no partial file behind, and an unwritable path raises
    :class:`~arc.errors.OutputError` before anything is written.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        is_dir, parent_ok = target.is_dir(), directory.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    if is_dir:
        raise OutputError(f"cannot write {target}: it is a directory")
    if not parent_ok:
        why = "is a file, not a directory" if directory.exists() else "does not exist"
        raise OutputError(f"cannot write {target}: {directory} {why}")
    try:
        # A short name of its own, so a target name near the file system's limit still works.
        fd, tmp = tempfile.mkstemp(prefix=".arc-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask, so renamed temporary files get ordinary permissions."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_text(source: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read and decode a file (or ``"-"`` for standard input); see :func:`decode`."""
    name = "standard input" if str(source) == "-" else str(source)
    return decode(read_bytes(source), encoding, name=name)
