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
from dataclasses import dataclass, field
from pathlib import Path

from arc.chapters import chapter_labels, detect_headings
from arc.gutenberg import find_boilerplate
from arc.io import decode, read_text, vignette_text
from arc.paratext import STORY_ROLES, assign_roles, find_author, tidy_name, tidy_title
from arc.segment import Span, split_paragraphs

__all__ = ["Document", "load", "parse"]

#: A one-line string that ends like a text file's name is a path, even if it does not exist
#: (so a typo gives "no such file", not an analysis of the file name).
_PATHLIKE = re.compile(r"\.(?:txt|text|md|markdown|rst|asc|tex|html?|csv|json)$", re.IGNORECASE)
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
    source: str | os.PathLike[str] | bytes | None = None, encoding: str | None = None
) -> Document:
    """Read a source into a :class:`Document`.

    ``None`` is the embedded vignette; a ``Path``, or a one-line string naming an existing
    file or ending in a file extension, is read as a path (``"-"`` is standard input);
    ``bytes`` are decoded; any other string is the text itself.
    """
    if source is None:
        return parse(vignette_text(), "final_goodbyes")
    if not isinstance(source, str | bytes | os.PathLike):
        raise TypeError(
            f"source must be a path, bytes or the text itself, not {type(source).__name__}"
        )
    if isinstance(source, bytes):
        return parse(decode(source, encoding), None)
    if isinstance(source, os.PathLike) or _is_path(source):
        name = "stdin" if str(source) == "-" else Path(source).stem
        return parse(read_text(source, encoding), name)
    return parse(decode(source.encode("utf-8"), "utf-8"), None)


def _is_path(source: str) -> bool:
    """Whether a string names a file: one short line that exists or looks like a file name."""
    if source == "-":
        return True
    if "\n" in source or len(source) > 1024:
        return False
    source = source.strip()
    try:
        exists = Path(source).exists()
    except OSError:  # e.g. a name longer than the file system allows: not a file
        exists = False
    no_spaces = bool(source) and not any(ch.isspace() for ch in source)
    return (
        exists
        or bool(_PATHLIKE.search(source))
        or (no_spaces and ("/" in source or "\\" in source))
    )
