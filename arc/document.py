"""A text read into paragraphs with roles: the structure every unit and chart starts from."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from arc.io import read_text, vignette_text
from arc.paratext import STORY_ROLES, assign_roles
from arc.segment import Span, split_paragraphs

__all__ = ["Document", "load", "parse"]

_PATHLIKE = re.compile(r"\.[A-Za-z0-9]{1,5}$")


@dataclass
class Document:
    """A decoded text, its paragraphs, their roles and the detected title."""

    text: str
    paragraphs: list[Span]
    roles: list[str]
    title: str | None = None
    name: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def story(self) -> list[int]:
        """Indices of the paragraphs that make the arc."""
        return [i for i, role in enumerate(self.roles) if role in STORY_ROLES]


def parse(text: str, name: str | None = None) -> Document:
    """Split decoded text into paragraphs and give each its role."""
    paragraphs = split_paragraphs(text)
    roles, title = assign_roles([p.text for p in paragraphs])
    return Document(text, paragraphs, roles, title, name)


def load(
    source: str | os.PathLike[str] | bytes | None = None, encoding: str | None = None
) -> Document:
    """Read a source into a :class:`Document`.

    ``None`` is the embedded vignette; a ``Path``, or a one-line string naming an existing
    file or ending in a file extension, is read as a path (``"-"`` is standard input);
    ``bytes`` are decoded; any other string is the text itself.
    """
    from arc.io import decode

    if source is None:
        return parse(vignette_text(), "final_goodbyes")
    if isinstance(source, bytes):
        return parse(decode(source, encoding), None)
    if isinstance(source, os.PathLike) or _is_path(source):
        name = "stdin" if str(source) == "-" else Path(source).stem
        return parse(read_text(source, encoding), name)
    return parse(decode(source.encode("utf-8"), "utf-8"), None)


def _is_path(source: str) -> bool:
    """A string names a file if it is one short line that exists or ends in an extension."""
    if source == "-":
        return True
    if "\n" in source or len(source) > 1024:
        return False
    return Path(source).exists() or bool(_PATHLIKE.search(source.strip()))
