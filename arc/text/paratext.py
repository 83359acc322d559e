"""Telling story from paratext: author's notes, the title, end markers and separators.

A general rule, not a list of known stories: paragraphs before a short title line near the
top are notes; a short closing line such as "The End", "Fin" or "~fin~" is an end marker,
and anything after it is a note; paragraphs without letters ("* * *") are separators.
Only ``body`` rows make the arc; the others stay in the DataFrame with their role.

A byline is split off a title ("A Portrait of the Artist as a Young Man by James Joyce")
only when what follows "by" reads as a personal name: two to five tokens, each a capitalised
word, an initial ("O.", "J.R.R.") or a name particle ("de", "van"), ending in a word. So
"Stand by Me", "Death by Chocolate" and "Killed by a Stranger" stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from arc.text.chapters import MINOR_WORDS
from arc.text.segment import split_sentences

__all__ = [
    "ROLES",
    "STORY_ROLES",
    "assign_roles",
    "find_author",
    "is_byline",
    "split_byline",
    "tidy_name",
]

#: Every role a row can have, in the order a reader meets them.
ROLES = (
    "boilerplate",
    "note",
    "title",
    "byline",
    "front",
    "contents",
    "heading",
    "body",
    "separator",
    "end",
)
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
_BYLINE_PREFIX = re.compile(r"^(?:by|written\s+by)\s+", re.IGNORECASE)
#: " by " inside a line, where a title may end and its byline begin.
_BY = re.compile(r"\s+by\s+", re.IGNORECASE)
_WRITTEN_END = re.compile(r"(?:^|[\s,;:]+)written$", re.IGNORECASE)
#: Name tokens: "James", "O'Brien", "Jean-Paul", "(Godwin)"; "O.", "J.R.R."; "Mrs.", "Jr.".
_NAME_WORD = re.compile(r"^\(?[^\W\d_][^\W\d_]*(?:['\u2019-][^\W\d_]+)*\)?$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,4}$")
_ABBREVIATION = re.compile(r"^[^\W\d_][^\W\d_]{1,3}\.$")
#: Lower-case particles inside personal names ("Walter de la Mare", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    (
        "de",
        "van",
        "von",
        "la",
        "du",
        "da",
        "le",
        "der",
        "den",
        "des",
        "del",
        "della",
        "di",
        "ten",
        "ter",
        "zu",
        "y",
    )
)
#: Words that start no personal name, even capitalised ("Killed By A Stranger", "By The Sea").
_NOT_NAMES = MINOR_WORDS | frozenset(
    (
        "the",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "me",
        "you",
        "him",
        "us",
        "them",
        "this",
        "that",
        "these",
        "those",
        "i",
        "we",
        "he",
        "she",
        "it",
        "they",
        "no",
        "not",
        "all",
        "any",
        "every",
        "some",
        "one",
        "who",
        "what",
    )
)
#: How many tokens a byline's name may have.
NAME_MIN_TOKENS = 2
NAME_MAX_TOKENS = 5
_QUOTE_START = re.compile(r"^[\"'\u201c\u2018\u00ab\u2014\-]")
#: How far into the text a title may stand, counted in paragraphs with letters.
TITLE_SEARCH = 4
TITLE_MAX_WORDS = 12
TITLE_MAX_CHARS = 90
#: A title with its byline ("... by Mary Wollstonecraft Shelley") is never longer than this.
MAX_TITLE_LINE = 2 * TITLE_MAX_CHARS


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


def tidy_name(text: str) -> str:
    """Collapse whitespace, and put an ALL-CAPS name in name case ("J.R.R. Tolkien").

    Examples
    --------
    >>> tidy_name("WALTER DE LA MARE"), tidy_name("J.R.R.  TOLKIEN"), tidy_name("O. Henry")
    ('Walter de la Mare', 'J.R.R. Tolkien', 'O. Henry')
    """
    text = " ".join(text.split())
    if not text.isupper():
        return text
    words = []
    for k, word in enumerate(text.split(" ")):
        if _INITIALS.match(word):
            words.append(word)
        elif k and word.lower() in NAME_PARTICLES:
            words.append(word.lower())
        else:  # capitalise each part: "O'BRIEN" -> "O'Brien", "JEAN-PAUL" -> "Jean-Paul"
            words.append(re.sub(r"[^\W\d_]+", lambda m: m[0].capitalize(), word))
    return " ".join(words)


def split_byline(text: str) -> tuple[str, str | None]:
    """Split a title line into its title and the author named after "by", if it names one.

    The split is made only where what follows " by " looks like a personal name (see the
    module docstring), so titles such as "Stand by Me" stay whole. The author is tidied
    with :func:`tidy_name`; the title keeps its case (see :func:`tidy_title`).

    Examples
    --------
    >>> split_byline("A Portrait of the Artist as a Young Man by James Joyce")
    ('A Portrait of the Artist as a Young Man', 'James Joyce')
    >>> split_byline("Death by Chocolate")
    ('Death by Chocolate', None)
    """
    text = " ".join(text.split())
    if len(text) > MAX_TITLE_LINE:  # a paragraph of prose, not a title line: nothing to split
        return text, None
    for match in _BY.finditer(text):
        name = text[match.end() :]
        title = _WRITTEN_END.sub("", text[: match.start()]).rstrip(" ,;:-\u2013\u2014")
        if _LETTER.search(title) and _is_personal_name(name):
            return title, tidy_name(name)
    return text, None


def find_author(paragraphs: Sequence[str], roles: Sequence[str]) -> str | None:
    """The author named in the title paragraph ("... by James Joyce") or the byline under it.

    Takes the roles :func:`assign_roles` gave, so the rule stays in one place and
    :func:`assign_roles` keeps its ``(roles, title)`` result.

    Examples
    --------
    >>> texts = ["The Gift", "by O. Henry", "One dollar.", "More."]
    >>> find_author(texts, assign_roles(texts)[0])
    'O. Henry'
    """
    for text, role in zip(paragraphs, roles, strict=True):
        if role == "title":
            author = split_byline(text)[1]
            if author:
                return author
        elif role == "byline":
            name = _BYLINE_PREFIX.sub("", " ".join(text.split())).rstrip(" ,;:")
            return tidy_name(name) if _LETTER.search(name) else None
    return None


def is_end_marker(text: str) -> bool:
    """True for closing lines such as "The End", "THE END.", "Fin", "~fin~", "~*~The End~*~"."""
    return len(text) <= 40 and bool(_END_MARKER.match(text.strip()))


def is_byline(text: str) -> bool:
    """True for a short line naming an author ("by O. Henry", "Written by Anonymous").

    "By the Sea" or "By My Side", with a function word after "by", is no byline (a title).
    """
    text = " ".join(text.split())
    if not _BYLINE.match(text):
        return False
    first = _BYLINE_PREFIX.sub("", text).split(" ", 1)[0].strip("()")
    return first.lower() not in _NOT_NAMES


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
        and not is_byline(text)
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

    A byline on the title line is left out of the title (see :func:`find_author`):

    >>> assign_roles(["FRANKENSTEIN BY MARY SHELLEY", "It rained.", "More."])[1]
    'Frankenstein'

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
        text = split_byline(paragraphs[i])[0]
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
    if after_title and is_byline(paragraphs[free[0]]):
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


def _is_personal_name(text: str) -> bool:
    """Whether text reads as a personal name: 2-5 name tokens, ending in a capitalised word."""
    tokens = text.split()
    if not NAME_MIN_TOKENS <= len(tokens) <= NAME_MAX_TOKENS:
        return False
    for k, token in enumerate(tokens):
        if k < len(tokens) - 1 and (
            token.lower() in NAME_PARTICLES
            or (token[0].isupper() and (_INITIALS.match(token) or _ABBREVIATION.match(token)))
        ):
            continue  # "de", "van", "O.", "J.R.R.", "Mrs." - but a name ends in a word
        word = token.strip("()")
        if not (_NAME_WORD.match(token) and word[0].isupper()) or word.lower() in _NOT_NAMES:
            return False
    return True


def _looks_like_note(text: str) -> bool:
    """Tell whether a paragraph above a title talks to the reader about the story (a note)."""
    return bool(_NOTE_START.match(text) or _META.search(text))


def _is_title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital ("Final Goodbyes")."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    capitals = sum(w[0].isupper() for w in long_words)
    return bool(long_words) and capitals / len(long_words) >= 0.6
