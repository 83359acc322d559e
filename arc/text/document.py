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
from arc.text.gutenberg import find_books
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

    books = find_books(text)
    for book in books:
        if book.warning:
            warnings.append(book.warning)
    owner = [-1] * n  # the book each paragraph's body belongs to (-1: boilerplate)
    for i, p in enumerate(paragraphs):
        for k, book in enumerate(books):
            if book.body_start <= p.start < book.body_end:
                owner[i] = k
                break
        if owner[i] < 0:
            known[i] = "boilerplate"
    several = len(books) > 1
    firsts: list[int] = []  # each book's first chapter paragraph
    for k in range(len(books)):
        inside = [i for i in range(n) if owner[i] == k]
        headings = detect_headings([paragraphs[i].text for i in inside])
        labels = chapter_labels(headings)
        for i, heading, label in zip(inside, headings, labels, strict=True):
            # several books: each book's chapters under its number, so numbering that
            # restarts with the next book is visible ("2.1" after "1.24")
            chapters[i] = (f"{k + 1}.{label}" if label else str(k + 1)) if several else label
            if heading is not None:
                known[i] = "contents" if heading.kind == "contents" else "heading"
        firsts.append(next((i for i, lab in zip(inside, labels, strict=True) if lab), -1))

    texts = [p.text for p in paragraphs]
    roles, title = assign_roles(texts, known)
    author = find_author(texts, roles)
    title_source = "text" if title else None
    # A Gutenberg "Title:" line names the book, even when the start marker is damaged, and
    # an "Author:" line next to it names the author; several books are named together.
    found = []
    head_from = 0
    for book in books:
        head_end = book.body_start if book.header else min(len(text), HEADER_TITLE_WINDOW)
        named = _header_names(text, head_from, head_end)
        if named is not None:
            found.append(named)
        head_from = book.body_end
    if found and not several:
        title, title_source = found[0][0], "gutenberg"
        author = found[0][1] or author
    elif several:
        names = [t for t, _ in found] or [f"book {k + 1}" for k in range(len(books))]
        title = f"{len(books)} books: " + " / ".join(names)
        title_source = "gutenberg" if found else "text"
        authors = list(dict.fromkeys(a for _, a in found if a))
        author = "; ".join(authors) if authors else author
        warnings.append(
            f"this file holds {len(books)} Project Gutenberg books ({' / '.join(names)}); "
            f"each is analysed, its chapters numbered under its book (1.…, 2.…)"
        )
    if several:
        for k, first in enumerate(firsts):
            for i in range(n):
                if owner[i] == k and (first < 0 or i < first) and roles[i] == "body":
                    roles[i] = "front"
        return Document(
            text, paragraphs, roles, chapters, title, name, warnings, author, title_source
        )
    if any(chapters):
        first = next(i for i, label in enumerate(chapters) if label)
        for i in range(first):
            if roles[i] == "body":
                roles[i] = "front"
    return Document(text, paragraphs, roles, chapters, title, name, warnings, author, title_source)


def _header_names(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """The title and author a Gutenberg header between ``start`` and ``end`` names, if any."""
    header_title = _GUTENBERG_TITLE.search(text, start, end)
    if not header_title:
        return None
    near = max(start, header_title.start() - HEADER_AUTHOR_WINDOW)
    header_author = _GUTENBERG_AUTHOR.search(
        text, near, min(end, header_title.end() + HEADER_AUTHOR_WINDOW)
    )
    author = tidy_name(header_author.group(1)) if header_author else None
    return tidy_title(header_title.group(1)), author


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
