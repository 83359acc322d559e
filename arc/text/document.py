"""A text read into paragraphs with roles and chapters: what every unit and chart starts from.

Parsing a book: Project Gutenberg boilerplate is found first (its paragraphs get the role
``boilerplate``), then chapter headings and tables of contents among the rest (``heading``,
``contents``), then notes, the title and end markers (``note``, ``title``, ``end``). In a
book with chapters, what stands before the first chapter is ``front`` matter. What remains
is ``body``: the story, each paragraph labelled with its chapter.

The title and author come from a Gutenberg "Title:"/"Author:" header when there is one,
else from the text's title line and its byline ("... by James Joyce", "by O. Henry").
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from arc.errors import DecodingError, MissingInputError
from arc.text.chapters import chapter_labels, detect_headings
from arc.text.gutenberg import find_boilerplate
from arc.text.io import MAX_BYTES, decode, read_text, vignette_text
from arc.text.paratext import STORY_ROLES, assign_roles, find_author, tidy_name, tidy_title
from arc.text.segment import Span, split_paragraphs

__all__ = ["Document", "load", "parse"]

#: Where to look for a Gutenberg "Title:" line when no start marker bounds the header.
HEADER_TITLE_WINDOW = 5000
_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+(?:\n[ \t]+.+)*)$", re.MULTILINE)
_GUTENBERG_AUTHOR = re.compile(r"^Author:[ \t]*(.+(?:\n[ \t]+.+)*)$", re.MULTILINE)
#: How far from the "Title:" line an "Author:" line may stand and still be its header's.
HEADER_AUTHOR_WINDOW = 500


@dataclass
class Document:
    """A decoded text, its paragraphs, their roles and chapters, and the detected title.

    ``title_source`` says where the title came from: ``"text"`` (the text's title line),
    ``"gutenberg"`` (a Gutenberg "Title:" header) or ``None`` (no title found).
    """

    text: str
    paragraphs: list[Span]
    roles: list[str]
    chapters: list[str | None]
    title: str | None = None
    name: str | None = None
    warnings: list[str] = field(default_factory=list)
    author: str | None = None
    title_source: str | None = None

    @property
    def story(self) -> list[int]:
        """Indices of the paragraphs that make the arc."""
        return [i for i, role in enumerate(self.roles) if role in STORY_ROLES]

    @property
    def story_words(self) -> int:
        """How many words the story has (whitespace-separated, paratext left out)."""
        return sum(len(self.paragraphs[i].text.split()) for i in self.story)


def parse(text: str, name: str | None = None) -> Document:
    """Split decoded text into paragraphs and give each its role and chapter.

    Examples
    --------
    >>> doc = parse("CHAPTER I.\\n\\nIt rained all day, and she was sad." + " More rain." * 20)
    >>> doc.roles, doc.chapters
    (['heading', 'body'], ['1', '1'])
    """
    paragraphs = split_paragraphs(text)
    n = len(paragraphs)
    known: list[str | None] = [None] * n
    chapters: list[str | None] = [None] * n
    warnings = []

    bounds = find_boilerplate(text)
    if bounds.warning:
        warnings.append(bounds.warning)
    for i, p in enumerate(paragraphs):
        if p.start < bounds.body_start or p.start >= bounds.body_end:
            known[i] = "boilerplate"
    inside = [i for i in range(n) if known[i] is None]

    headings = detect_headings([paragraphs[i].text for i in inside])
    for i, heading, label in zip(inside, headings, chapter_labels(headings), strict=True):
        chapters[i] = label
        if heading is not None:
            known[i] = "contents" if heading.kind == "contents" else "heading"

    texts = [p.text for p in paragraphs]
    roles, title = assign_roles(texts, known)
    author = find_author(texts, roles)
    title_source = "text" if title else None
    # A Gutenberg "Title:" line names the book, even when the start marker is damaged, and
    # an "Author:" line next to it names the author.
    head_end = bounds.body_start if bounds.header else min(len(text), HEADER_TITLE_WINDOW)
    header_title = _GUTENBERG_TITLE.search(text, 0, head_end)
    if header_title:
        title, title_source = tidy_title(header_title.group(1)), "gutenberg"
        near = max(0, header_title.start() - HEADER_AUTHOR_WINDOW)
        header_author = _GUTENBERG_AUTHOR.search(
            text, near, min(head_end, header_title.end() + HEADER_AUTHOR_WINDOW)
        )
        if header_author:
            author = tidy_name(header_author.group(1))
    if any(chapters):
        first = next(i for i, label in enumerate(chapters) if label)
        for i in range(first):
            if roles[i] == "body":
                roles[i] = "front"
    return Document(text, paragraphs, roles, chapters, title, name, warnings, author, title_source)


def load(
    source: str | os.PathLike[str] | bytes | None = None,
    encoding: str | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Read a file, bytes or a text into a :class:`Document`; a string is never guessed.

    Parameters
    ----------
    source
        ``None`` (and no ``text``): the embedded vignette "Final Goodbyes". A
        :class:`~pathlib.Path` (or other path-like object): the file it names. A ``str``: the
        path of an existing regular file, nothing else (a string that names no file raises
        :class:`~arc.errors.MissingInputError`; ``"-"`` is a file named ``-``, not standard
        input). ``bytes``: the raw bytes of a text, decoded.
    encoding
        Force the encoding of a file or of bytes instead of detecting it.
    text
        The text itself, already decoded. Give either ``source`` or ``text``, not both.
    name
        The name to record (:attr:`Document.name`, ``df.attrs["name"]``) and to use in error
        messages, for bytes or ``text`` (which have none) or instead of a file's stem.
    max_bytes
        Read at most this many bytes of a file or pipe (:data:`arc.text.io.MAX_BYTES`, 64 MB, by
        default): a guard against endless input such as a named pipe fed from /dev/zero.

    Raises
    ------
    arc.errors.MissingInputError
        ``source`` names no file, a directory, or something that is not a regular file.
    arc.errors.InputError
        The text is empty, binary or undecodable (see :func:`arc.text.io.decode`).
    ValueError
        Both ``source`` and ``text``, or ``encoding`` with ``text``.
    TypeError
        ``source`` or ``text`` of another type.

    Examples
    --------
    >>> load(text="It rained all day, and she was sad.\\n\\nThen the sun came out.").roles
    ['body', 'body']
    >>> load("no-such-story")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    arc.errors.MissingInputError: no such file: 'no-such-story' (to analyse a string as text, ...
    """
    if text is not None:
        if source is not None:
            raise ValueError("pass either source (a path or bytes) or text='...', not both")
        if not isinstance(text, str):
            raise TypeError(
                f"text must be a str, not {type(text).__name__}; pass bytes or a path as source"
            )
        if encoding is not None:
            raise ValueError(
                "encoding applies to a file or bytes; text='...' is already decoded, drop encoding"
            )
        return parse(_decode_text(text, name or "text"), name)
    if source is None:
        return parse(vignette_text(), name or "final_goodbyes")
    found: list[str] = []  # what decoding reports: into the Document's warnings
    if isinstance(source, bytes):
        return _with(
            parse(decode(source, encoding, name=name or "input", collect=found), name), found
        )
    if isinstance(source, str):
        check_file(source)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if str(path) == "-":  # a file named "-": arc.text.io would read standard input
            path = Path.cwd() / path
        data = read_text(path, encoding, collect=found, max_bytes=max_bytes)
        return _with(parse(data, name or path.stem), found)
    raise TypeError(
        f"source must be a path or bytes, not {type(source).__name__}; "
        "to analyse a string as text, pass text='...'"
    )


#: How much of a string an error message quotes.
_QUOTE = 60
_AS_TEXT = "to analyse a string as text, pass text='...'"


def _with(doc: Document, warnings: list[str]) -> Document:
    """The document with the decoder's warnings before its own."""
    doc.warnings[:0] = warnings
    return doc


def check_file(source: str, hint: str = _AS_TEXT) -> None:
    """Raise :class:`MissingInputError` unless the string names an existing regular file."""
    try:
        mode = os.stat(source).st_mode if source else None
    except (OSError, ValueError):  # no such file, a name too long, a NUL character
        mode = None
    if mode is not None and stat.S_ISREG(mode):
        return
    quoted = repr(source if len(source) <= _QUOTE else source[:_QUOTE] + "...")
    if mode is None:
        raise MissingInputError(f"no such file: {quoted} ({hint})")
    what = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
    raise MissingInputError(f"{quoted} is {what}, not a text file ({hint})")


def _decode_text(text: str, name: str) -> str:
    """The checks and newline normalisation of :func:`arc.text.io.decode`, for a str."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodingError(
            f"{name} has a lone surrogate at character {exc.start}: it is not valid Unicode; "
            "decode the bytes with errors='replace' first"
        ) from None
    return decode(data, "utf-8", name=name)
