"""Telling story from paratext: author's notes, the title, end markers and separators.

A general rule, not a list of known stories: paragraphs before a short title line near the
top are notes; a short closing line such as "The End", "Fin" or "~fin~" is an end marker,
and anything after it is a note; paragraphs without letters ("* * *") are separators.
Only ``body`` rows make the arc; the others stay in the DataFrame with their role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from arc.chapters import MINOR_WORDS
from arc.segment import split_sentences

__all__ = ["ROLES", "STORY_ROLES", "assign_roles"]

#: Every role a row can have, in the order a reader meets them.
ROLES = (
    "boilerplate", "note", "title", "byline", "front", "contents", "heading", "body",
    "separator", "end",
)  # fmt: skip
#: Roles that make the arc.
STORY_ROLES = frozenset({"body"})

_END_MARKER = re.compile(
    r"^[\W_]*(?:the\s+end|the\s+very\s+end|end|fin|finis|finito|owari|end\s+of\s+story)[\W_]*$",
    re.IGNORECASE,
)
_NOTE_START = re.compile(
    r"^[\W_]*(?:a/n|an|author'?s?\s*notes?|authors?\s*notes?|disclaimer|summary|rating|"
    r"warnings?|spoilers?|pairing|notes?)\b\s*[:\-–—]",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
#: Words an author's note uses about the story itself ("I wrote this vignette... Enjoy!").
_META = re.compile(
    r"\b(?:a/n|author'?s? note|fic|fanfic|fan ?fiction|one-?shot|vignette|drabble|chapter|"
    r"sequel|prequel|spoilers?|disclaimer|i (?:don'?t|do not) own|reviews?|please review|"
    r"enjoy|hope you|thanks? (?:you )?for reading|beta|pov|wrote|written|rated|rating|"
    r"warnings?)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written\s+by)\s+\S+(?:\s+\S+){0,6}$", re.IGNORECASE)
_QUOTE_START = re.compile(r"^[\"'\u201c\u2018\u00ab\u2014\-]")
#: How far into the text a title may stand, counted in paragraphs with letters.
TITLE_SEARCH = 4
TITLE_MAX_WORDS = 12
TITLE_MAX_CHARS = 90


def tidy_title(text: str) -> str:
    """Collapse whitespace, and put an ALL-CAPS title in title case ("Alice's Adventures in...").

    Examples
    --------
    >>> tidy_title("ALICE'S ADVENTURES IN  WONDERLAND")
    "Alice's Adventures in Wonderland"
    """
    text = " ".join(text.split())
    if not text.isupper():
        return text
    words = text.lower().split(" ")
    return " ".join(
        w if (k and w in MINOR_WORDS) else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )


def is_end_marker(text: str) -> bool:
    """True for closing lines such as "The End", "THE END.", "Fin", "~fin~", "~*~The End~*~"."""
    return len(text) <= 40 and bool(_END_MARKER.match(text.strip()))


def is_title_like(text: str) -> bool:
    """A short single line with letters that does not read as a sentence or a line of dialogue."""
    text = text.strip()
    return (
        bool(_LETTER.search(text))
        and len(text) <= TITLE_MAX_CHARS
        and len(text.split()) <= TITLE_MAX_WORDS
        and not text.endswith((".", ",", ";", ":"))
        and not _QUOTE_START.match(text)
        and not is_end_marker(text)
        and not _NOTE_START.match(text)
        and not _BYLINE.match(text)
        and len(split_sentences(text)) == 1
    )


def assign_roles(
    paragraphs: Sequence[str], roles: Sequence[str | None] | None = None
) -> tuple[list[str], str | None]:
    """Give every paragraph a role and find the title.

    Parameters
    ----------
    paragraphs
        The paragraph texts, in order.
    roles
        Roles already known (for example ``heading`` or ``boilerplate`` from the book
        readers); ``None`` entries are decided here.

    Returns
    -------
    roles : list of str
        One of :data:`ROLES` per paragraph.
    title : str or None
        The detected title, if any.

    Examples
    --------
    >>> assign_roles(["A/N: hi!", "My Story", "Once upon a time.", "The End"])
    (['note', 'title', 'body', 'end'], 'My Story')

    """
    out: list[str | None] = list(roles) if roles is not None else [None] * len(paragraphs)
    for i, text in enumerate(paragraphs):
        if out[i] is None and not _LETTER.search(text):
            out[i] = "separator"
    free = [i for i, role in enumerate(out) if role is None]
    if not free:
        return [r or "body" for r in out], None

    # End marker: among the last few free paragraphs; anything after it is a note.
    for i in reversed(free[-3:]):
        if is_end_marker(paragraphs[i]):
            out[i] = "end"
            for j in free:
                if j > i:
                    out[j] = "note"
            break
    free = [i for i in free if out[i] is None]

    # Title: the first title-like paragraph near the top, if story follows it. One found
    # below other paragraphs must also be in title case, and those paragraphs become notes.
    title = None
    for k, i in enumerate(free[:TITLE_SEARCH]):
        text = paragraphs[i]
        lower_ok = k == 0 or (
            _is_title_case(text)
            and not text.rstrip().endswith(("!", "?"))
            and all(_looks_like_note(paragraphs[j]) for j in free[:k])
        )
        if is_title_like(text) and k + 1 < len(free) and lower_ok:
            title = tidy_title(text)
            out[i] = "title"
            for j in free[:k]:
                out[j] = "note"
            break
    free = [i for i in free if out[i] is None]
    # "by O. Henry" right under the title is a byline, not story.
    after_title = title is not None and free and free[0] == out.index("title") + 1
    if after_title and _BYLINE.match(paragraphs[free[0]]):
        out[free[0]] = "byline"
        free = free[1:]

    # Notes marked as such at either end of the story.
    for i in free[:2]:
        if _NOTE_START.match(paragraphs[i]):
            out[i] = "note"
    for i in free[-2:]:
        if _NOTE_START.match(paragraphs[i]):
            out[i] = "note"
    return [r or "body" for r in out], title


def _looks_like_note(text: str) -> bool:
    """Tell whether a paragraph above a title talks to the reader about the story (a note)."""
    return bool(_NOTE_START.match(text) or _META.search(text))


def _is_title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital ("Final Goodbyes")."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    capitals = sum(w[0].isupper() for w in long_words)
    return bool(long_words) and capitals / len(long_words) >= 0.6
