"""Bytes to text, and files written whole or not at all.

arc reads any path (or standard input) whatever its encoding: UTF-8 with or without BOM (a
few invalid bytes are replaced with U+FFFD, with a warning that says where), UTF-16/32 with a
BOM or recognisable by their NUL bytes, and legacy files detected by charset-normalizer among
sensible candidates. Line endings are normalised to ``\\n`` and invisible format characters
(zero-width spaces and joiners, directional controls, soft hyphens) are removed; every offset
arc reports refers to the text returned here.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import shutil
import stat
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO

from arc.errors import (
    ArcWarning,
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    MissingInputError,
    OutputError,
)

__all__ = [
    "MAX_BYTES",
    "atomic_write",
    "check_output",
    "decode",
    "read_bytes",
    "read_text",
    "same_file",
    "vignette_text",
]

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
_NEWLINES = re.compile(r"\r\n?")
_LETTER = re.compile(r"[^\W\d_]")

#: Bytes that are not valid UTF-8 still leave the text UTF-8 (each replaced with U+FFFD, and a
#: warning says where) when the text holds at least this many valid multi-byte UTF-8
#: characters for every invalid byte. A legacy single-byte file almost never forms a valid
#: multi-byte sequence by chance, so such sequences are the file's own and the invalid bytes
#: are damage; without any, the bytes go to the single-byte guess.
UTF8_VALID_PER_INVALID = 1
#: Bytes with at least this many valid multi-byte UTF-8 characters, on lines with no invalid
#: byte, have a UTF-8 part even
#: when invalid bytes outnumber them (UTF-8 text joined to a cp1252 one): the valid UTF-8 is
#: kept as UTF-8 and only the invalid runs are read as cp1252. A legacy single-byte text
#: almost never forms this many valid sequences by chance.
UTF8_PART_MIN = 32
#: A text decoded with a forced encoding (other than UTF-8) must have a space, a line break
#: or a separating punctuation mark at least once per this many characters on average. Real
#: text in any script has one every few characters; a wrong two-byte reading such as UTF-16
#: of an 8-bit file has none, because those characters need NUL or control bytes.
SEPARATOR_SPAN = 100
#: ... and no more than this share of unassigned, private-use, surrogate or control characters.
MAX_NON_TEXT_SHARE = 0.05
# How many characters the binary and not-text checks look at.
_SAMPLE = 65_536
# Legacy encodings charset-normalizer may pick from: arc scores English, so the Western code
# pages first; then those of other European, Cyrillic, Greek, Turkish, Hebrew, Arabic, Baltic,
# Vietnamese, Thai and East Asian texts. Never UTF-16/32 (without a BOM they are recognised
# by their NUL bytes), UTF-7, EBCDIC or other exotic codecs that read any bytes as something.
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
_LEGACY = (
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "iso8859_13",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp866",
    "cp874",
    "gb18030",
    "big5",
    "cp932",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp949",
)
# UTF-16/32 without a BOM: (codec, code-unit size, offset of the low byte, offsets that are NUL
# for every character below U+0100 (UTF-16) or U+10000 (UTF-32)).
_WIDE = (
    ("utf-32-le", 4, 0, (2, 3)),
    ("utf-32-be", 4, 3, (0, 1)),
    ("utf-16-le", 2, 0, (1,)),
    ("utf-16-be", 2, 1, (0,)),
)
# Invalid bytes as ``surrogateescape`` leaves them in the text, one by one and in runs.
_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# Invisible format characters, removed from every decoded text: zero-width space, joiners and
# directional marks (U+200B-U+200F), bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) and the Arabic letter mark (U+061C), the word joiner and
# invisible operators (U+2060-U+2064), U+FEFF inside the text and the soft hyphen (U+00AD).
# Inside a word they hide it from the scorer's lexicon ("l\u200bove" is not "love").
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# What separates words, clauses or sentences in the world's scripts: spaces and line breaks
# (also no-break and ideographic), Latin, Arabic, Devanagari, Tibetan, Myanmar, Khmer and CJK
# punctuation.
_SEPARATOR = re.compile(
    "[ \t\n\r\f\v\u00a0\u3000.,;:!?\u060c\u061b\u061f\u0964\u0965\u0f0b\u0f0d\u104a\u104b"
    "\u17d4\u17d5\u3001\u3002\uff01\uff0c\uff0e\uff1a\uff1b\uff1f]"
)
# Unassigned, private-use, surrogate and control characters: what no real text is made of.
_NON_TEXT = frozenset({"Cn", "Co", "Cs", "Cc"})


def vignette_text() -> str:
    """The embedded vignette "Final Goodbyes", decoded exactly as a file would be."""
    return decode(resources.files("arc").joinpath("data", VIGNETTE).read_bytes())


#: The most bytes arc reads from a file or pipe unless told otherwise (War and Peace is 3.2 MB).
MAX_BYTES = 64_000_000


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file's bytes, at most ``max_bytes`` of them, with a clear error for a bad path.

    Only regular files and pipes are read (a device such as /dev/zero is refused), and a
    pipe is read no further than the limit, so endless input ends in one clear error.
    """
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise MissingInputError(f"{p} is a directory, not a text file")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise InputError(f"{p} is not a regular file or a pipe; arc reads text files")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:  # refused unread
            raise InputError(
                f"{p} is {info.st_size / 1e6:,.1f} MB, over the {max_bytes / 1e6:g} MB limit; "
                f"pass --max-size {math.ceil(info.st_size / 1e6)} (max_bytes= in Python)"
            )
        with p.open("rb") as handle:
            data = read_at_most(handle, max_bytes + 1)
    except FileNotFoundError:
        raise MissingInputError(f"{p}: no such file") from None
    except OSError as exc:
        raise MissingInputError(f"{p}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:  # a pipe that kept going
        raise InputError(
            f"{p} is over the {max_bytes / 1e6:g} MB limit; pass --max-size (max_bytes= in "
            "Python) to read more"
        )
    return data


def read_at_most(handle: IO[bytes], limit: int) -> bytes:
    """Up to ``limit`` bytes, read in 1 MB chunks, so a pipe costs what it sends."""
    chunks = []
    left = limit
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def decode(
    data: bytes,
    encoding: str | None = None,
    *,
    name: str = "input",
    collect: list[str] | None = None,
) -> str:
    """Decode bytes to text with ``\\n`` line endings, detecting the encoding when not given.

    Parameters
    ----------
    data
        The raw bytes of a text file.
    encoding
        A Python codec name to force. By default a BOM decides; then NUL bytes in every other
        (or three of every four) positions mean UTF-16 (UTF-32); then UTF-8, kept even with a
        few invalid bytes (see :data:`UTF8_VALID_PER_INVALID`), or with a part in another
        encoding whose invalid runs are read as cp1252 (see :data:`UTF8_PART_MIN`); a
        UTF-16/32 BOM before UTF-8 text is ignored, with a warning; then charset-normalizer's
        guess among the legacy Western code pages, then among other legacy encodings; and
        if it cannot decide, cp1252. A forced encoding whose result is not text (see
        :data:`SEPARATOR_SPAN`) is refused rather than analysed as garbage.
    name
        How to name the input in error messages and warnings.
    collect
        A list to append non-fatal problems to (invalid bytes replaced, an encoding read
        without certainty) instead of issuing them as :class:`~arc.errors.ArcWarning`; a
        caller that collects them is responsible for reporting them.

    Returns
    -------
    str
        The text, BOM removed, CRLF and CR turned into LF, and invisible format characters
        (zero-width spaces and joiners, directional marks and controls, soft hyphens, U+FEFF)
        removed, because inside a word they hide it from the scorer. Every offset arc reports
        points into this text. Non-breaking spaces and curly quotes are kept as they are.

    Raises
    ------
    arc.errors.EmptyInputError
        No bytes, only whitespace, or no letters.
    arc.errors.BinaryInputError
        NUL bytes (and not UTF-16/32) or many control characters.
    arc.errors.DecodingError
        An unknown encoding, bytes invalid in the forced encoding or giving no text in it, or
        bytes in no encoding arc can detect.

    Warns
    -----
    arc.errors.ArcWarning
        Invalid UTF-8 bytes replaced with U+FFFD (with their lines), or an encoding read
        without certainty; unless ``collect`` is given.

    Examples
    --------
    >>> decode("caf\\u00e9\\r\\n\\u201chi\\u201d".encode("cp1252"))
    'café\\n“hi”'
    >>> decode("I l\\u200bove th\\u00adis".encode())
    'I love this'

    """
    if not data:
        raise EmptyInputError(f"{name} is empty: there is no text to analyse")
    text, notes = _decode(data, encoding, name)
    if len(_CONTROL.findall(text, 0, _SAMPLE)) > 8:
        raise BinaryInputError(f"{name} looks like a binary file, not text")
    text = _NEWLINES.sub("\n", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if not text.strip():
        raise EmptyInputError(f"{name} holds only whitespace: there is no text to analyse")
    if not _LETTER.search(text):
        raise EmptyInputError(f"{name} has no letters: there are no words to score")
    if collect is not None:
        collect.extend(notes)
    else:
        for note in notes:
            warnings.warn(note, ArcWarning, stacklevel=2)
    return text


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, list[str]]:
    """Pick the codec (forced, BOM, UTF-16/32 by NULs, UTF-8, a guess); text and warnings."""
    if encoding:
        return _forced(data, encoding, name), []
    if data.startswith(codecs.BOM_UTF8):  # declared UTF-8: invalid bytes are damage
        return _utf8(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            why: str | None
            try:
                text = data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                text, why = "", f"invalid {codec} bytes at byte {exc.start:,}"
            else:
                why = _not_text(text) if codec != "utf-8-sig" else None
            if why is None:
                return text, []
            return _after_wrong_bom(data[len(bom) :], codec, why, name)
    if b"\x00" in data:
        wide = _wide(data)
        if wide is None:
            raise BinaryInputError(f"{name} looks like a binary file, not text (it has NUL bytes)")
        return wide, []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    return _utf8(data, name) if _mostly_utf8(data) or _utf8_part(data) else _guess(data, name)


def _after_wrong_bom(rest: bytes, codec: str, why: str, name: str) -> tuple[str, list[str]]:
    """Bytes after a UTF-16/32 BOM that are not text in that encoding: UTF-8, or refused.

    A UTF-16 BOM glued in front of UTF-8 text reads as CJK characters that score nothing;
    when the bytes after it are valid UTF-8 they are read as UTF-8, with a warning.
    """
    try:
        text = rest.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        text = ""
    if text and _not_text(text) is None:
        return text, [
            f"{name} starts with a {codec} byte-order mark, but what follows is not {codec} "
            f"text ({why}); it is UTF-8 and was read as UTF-8; pass --encoding if that is wrong"
        ]
    raise DecodingError(
        f"{name} has a {codec} BOM but is not {codec} text ({why}); "
        "pass --encoding if it is in another encoding"
    )


def _forced(data: bytes, encoding: str, name: str) -> str:
    """Decode with the codec the caller named, refusing a result that is not text."""
    if not isinstance(encoding, str):
        raise TypeError(
            f"encoding= must be a codec name (str) such as 'utf-8', not {type(encoding).__name__}"
        )
    try:
        codec = codecs.lookup(encoding).name
        text = data.decode(encoding)
    except LookupError:
        raise DecodingError(
            f"unknown encoding {encoding!r}; pass a Python codec name such as utf-8 or cp1252"
        ) from None
    except UnicodeDecodeError as exc:
        raise DecodingError(
            f"{name} is not valid {encoding} (byte {exc.start}); try another --encoding"
        ) from None
    except UnicodeError:  # codecs such as punycode raise the base class
        raise DecodingError(f"{name} is not valid {encoding}; try another --encoding") from None
    # Strict UTF-8 (or ASCII) decoding is proof enough: random bytes are almost never valid.
    why = None if codec in ("utf-8", "utf-8-sig", "ascii") else _not_text(text)
    if why:
        raise DecodingError(
            f"{name} read as {encoding} is not text ({why}); it is in another encoding: "
            "drop --encoding to detect it, or pass the right one"
        )
    return text


def _not_text(text: str) -> str | None:
    """Why a decoded text cannot be real text (too few separators, odd characters), or None.

    Judged on the first ``_SAMPLE`` characters: more than :data:`MAX_NON_TEXT_SHARE` of them
    unassigned, private-use, surrogate or control characters (other than whitespace), or
    fewer than one space, line break or separating punctuation mark per
    :data:`SEPARATOR_SPAN` characters.
    """
    sample = text[:_SAMPLE]
    size = len(sample)
    odd = sum(
        1 for ch in sample if unicodedata.category(ch) in _NON_TEXT and ch not in "\t\n\v\f\r"
    )
    if odd > MAX_NON_TEXT_SHARE * size:
        return f"{odd / size:.0%} of its characters are unassigned, private-use or controls"
    separators = len(_SEPARATOR.findall(sample))
    if separators >= size // SEPARATOR_SPAN:
        return None
    found = f"only {separators:,}" if separators else "no"
    return f"{found} spaces, line breaks or punctuation marks in {size:,} characters"


def _wide(data: bytes) -> str | None:
    """The text of BOM-less UTF-32 or UTF-16 whose NUL bytes give it away, else None.

    UTF-32 when the two high bytes of nine in ten 4-byte units are NUL, UTF-16 when the high
    byte of a quarter of the 2-byte units is (Latin text has it in nearly all), and in both
    when the low byte is NUL in at most one in fifty; the result must also be text.
    """
    sample = data[:_SAMPLE]
    for codec, size, low, high in _WIDE:
        units = len(sample) // size
        if len(data) % size or not units or sample[low::size].count(0) * 50 > units:
            continue
        share = 0.9 if size == 4 else 0.25
        if all(sample[offset::size].count(0) >= share * units for offset in high):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _not_text(text) is None:
                return text
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes are UTF-8 but for a few invalid ones (see :data:`UTF8_VALID_PER_INVALID`)."""
    raw = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(raw))
    multibyte = len(raw) - len(raw.encode("ascii", "ignore")) - bad
    return multibyte > 0 and bad * UTF8_VALID_PER_INVALID <= multibyte


def _utf8_part(data: bytes) -> bool:
    """Whether bytes hold a UTF-8 part (see :data:`UTF8_PART_MIN`).

    Only lines that are wholly valid UTF-8 count: a legacy multi-byte encoding (Shift JIS,
    GBK) forms valid UTF-8 sequences by chance too, but on the same lines as invalid ones.
    """
    multibyte = 0
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            multibyte += len(line.decode("utf-8")) - len(line.decode("ascii", "ignore"))
        except UnicodeDecodeError:
            continue
        if multibyte >= UTF8_PART_MIN:
            return True
    return False


def _utf8(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 with its invalid bytes replaced (or read as cp1252), and a warning that says where.

    A few invalid bytes among many valid multi-byte characters are damage: each becomes
    U+FFFD. More invalid bytes than valid multi-byte characters mean a part of the file is in
    a legacy encoding (say, UTF-8 text with a cp1252 file appended): each run of invalid
    bytes is read as cp1252 and the valid UTF-8 stays as it is.
    """
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    if not _mostly_utf8(data.removeprefix(codecs.BOM_UTF8)):
        return _utf8_and_cp1252(data, name)
    raw = data.decode("utf-8", "surrogateescape")
    first = _ESCAPED.search(raw)
    offset = len(raw[: first.start() if first else 0].encode("utf-8", "surrogateescape"))
    text = _NEWLINES.sub("\n", raw.removeprefix("\ufeff"))
    lines: list[int] = []
    line, previous, count = 1, 0, 0
    for match in _ESCAPED.finditer(text):
        line += text.count("\n", previous, match.start())
        previous = match.start()
        count += 1
        if not lines or lines[-1] != line:
            lines.append(line)
    return _ESCAPED.sub("\ufffd", text), [_invalid_utf8(name, count, lines, offset)]


def _utf8_and_cp1252(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 whose runs of invalid bytes are read as cp1252, with a warning that says where."""
    raw = data.decode("utf-8", "surrogateescape")
    runs = list(_ESCAPED_RUN.finditer(raw))
    count = sum(len(run.group()) for run in runs)
    first = len(raw[: runs[0].start()].encode("utf-8", "surrogateescape"))
    last = len(raw[: runs[-1].end()].encode("utf-8", "surrogateescape")) - 1
    lines = raw.count("\n", 0, runs[0].start()) + 1, raw.count("\n", 0, runs[-1].start()) + 1
    text = _ESCAPED_RUN.sub(
        lambda run: run.group().encode("utf-8", "surrogateescape").decode("cp1252", "replace"),
        raw,
    ).removeprefix("\ufeff")
    where = f"line {lines[0]:,}" if lines[0] == lines[1] else f"lines {lines[0]:,}-{lines[1]:,}"
    return text, [
        f"{name} is UTF-8 except for {count:,} bytes at byte offsets {first:,}-{last:,} "
        f"({where}) that are not UTF-8; they were read as cp1252 (Windows Western European); "
        "pass --encoding if that is wrong"
    ]


def _invalid_utf8(name: str, count: int, lines: list[int], offset: int) -> str:
    """The warning for UTF-8 with ``count`` invalid bytes on ``lines``, the first at ``offset``."""
    shown = [f"{line:,}" for line in lines[:3]]
    if len(lines) > 3:
        where = f"lines {', '.join(shown)} and {len(lines) - 3:,} more"
    elif len(lines) > 1:
        where = f"lines {', '.join(shown[:-1])} and {shown[-1]}"
    else:
        where = f"line {shown[0]}"
    if count == 1:
        return (
            f"{name} is UTF-8 except for 1 invalid byte ({where}, byte offset {offset:,}); "
            "it was replaced with U+FFFD; pass --encoding if the file is in another encoding"
        )
    return (
        f"{name} is UTF-8 except for {count:,} invalid bytes ({where}; the first at byte "
        f"offset {offset:,}); they were replaced with U+FFFD; pass --encoding if the file is "
        "in another encoding"
    )


def _guess(data: bytes, name: str) -> tuple[str, list[str]]:
    """Legacy bytes: charset-normalizer's guess among sensible encodings, else cp1252.

    The Western code pages first (arc scores English); then the other legacy encodings,
    where a guess counts only if charset-normalizer recognises a language in it (for a few
    bytes any code page "fits"). If neither decides, cp1252, the commonest legacy encoding of
    English, with a warning.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_WESTERN)).best()
    if best is None:
        matches = from_bytes(data, cp_isolation=list(_LEGACY))
        best = next((match for match in matches if match.coherence > 0), None)
    if best is not None:
        return str(best), []
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecodingError(
            f"cannot tell the encoding of {name}; pass --encoding (for example cp1252)"
        ) from None
    return text, [
        f"cannot tell the encoding of {name} for sure; it was read as cp1252 (Windows "
        "Western European); pass --encoding if that is wrong"
    ]


def check_output(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` will replace, checked before any work is done.

    A symbolic link is followed: arc writes through it to its target (the link stays a
    link). An existing character device or FIFO (``/dev/null``, a named pipe, ``-o
    /dev/stdout``) is written into in place, as ``cat > path`` would, and never replaced;
    ``path`` itself is returned for it. Raises :class:`~arc.errors.OutputError` for a
    directory, a block device, a socket, a missing or read-only folder, or a name the file
    system refuses.
    """
    special = _special_output(path)
    if special is not None:
        return special
    target = Path(path)
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        directory = target.parent if str(target.parent) else Path(".")
        is_dir, parent_ok = target.is_dir(), directory.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    if is_dir:
        raise OutputError(f"cannot write {path}: it is a directory; give a file name")
    if not parent_ok:
        why = "is a file, not a directory" if directory.exists() else "does not exist"
        raise OutputError(f"cannot write {path}: the folder {directory} {why}")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: the folder {directory} is not writable")
    return target


def _special_output(path: str | os.PathLike[str]) -> Path | None:
    """``path`` when it names an existing, writable character device or FIFO, else None.

    Anything else that exists but is neither a regular file nor a directory (a block
    device, a socket) is refused: renaming a file over it would destroy it.
    """
    try:
        mode = os.stat(path).st_mode  # through symbolic links
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        if not os.access(path, os.W_OK):
            raise OutputError(f"cannot write {path}: it is not writable")
        return Path(path)
    kind = "block device" if stat.S_ISBLK(mode) else "socket" if stat.S_ISSOCK(mode) else None
    raise OutputError(
        f"cannot write {path}: it is a {kind or 'special file'}, not a regular file; "
        "give a file name"
    )


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file (through links, ``./`` or absolute paths)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file beside ``path`` and rename it over ``path`` only on success.

    A failure or a signal part-way leaves no partial or temporary file behind, and an
    unwritable path raises :class:`~arc.errors.OutputError` before anything is written. An
    existing file keeps its permission bits (a new one gets the umask's); a symbolic link is
    written through, to its target. A character device or FIFO is written into in place
    (see :func:`check_output`), after the caller has written everything.
    """
    target = check_output(path)
    if _special_output(target) is not None:
        with _write_into(target, path, mode) as handle:
            yield handle
        return
    directory = target.parent if str(target.parent) else Path(".")
    try:
        permissions = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        # A short name of its own, so a target name near the file system's limit still works.
        fd, tmp = tempfile.mkstemp(prefix=".arc-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask() if permissions is None else permissions)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _write_into(target: Path, path: str | os.PathLike[str], mode: str) -> Iterator[IO]:
    """Spool what the caller writes, then write it into the device or FIFO ``target``.

    The device is opened only once the caller has finished, without creating or
    truncating anything, so a failure part-way sends nothing and never makes a file.
    """
    with tempfile.SpooledTemporaryFile(max_size=1 << 24, mode=mode) as spool:
        yield spool
        spool.seek(0)
        try:
            with open(target, mode, opener=lambda name, _: os.open(name, os.O_WRONLY)) as out:
                shutil.copyfileobj(spool, out)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def _umask() -> int:
    """The process umask, so renamed temporary files get ordinary permissions."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_text(
    source: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    collect: list[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> str:
    """Read and decode a file (at most ``max_bytes`` of it); see :func:`decode`."""
    return decode(
        read_bytes(source, max_bytes=max_bytes), encoding, name=str(source), collect=collect
    )
