"""Chapter, book and act headings among a book's paragraphs, and a short label per paragraph.

A heading is a short paragraph that starts with a keyword and a number, ``CHAPTER XII. The
Title``, ``BOOK ONE: 1805``, ``Part II``, ``Letter 4``, ``SCENE II. A street.``, ``STAVE ONE``,
``FIRST EPILOGUE: 1813 - 20``, or is an unnumbered section such as ``Epilogue``, ``THE
PROLOGUE`` or ``ETYMOLOGY.``. After the number only a separator and a title may follow, so a
sentence that starts "Chapter 3 of his book was..." is no heading. A short title-case paragraph
right after a bare ``CHAPTER I`` is its title (kind ``"title"``).

Tables of contents repeat the headings with no story between them, so a heading counts only
when at least :data:`MIN_STORY_CHARS` characters of story follow it before the next heading of
the same or a higher level; the others, paragraphs listing several headings at once, and the
``CONTENTS`` line itself get kind ``"contents"``.

Labels (see :func:`chapter_labels`): ``"7"`` for chapter 7 of a plain run; ``"II.3"`` (roman
container, arabic chapter) when chapter numbers restart in each volume, book, part or act;
``"E1.3"`` for chapter 3 of the first of several epilogues that hold chapters; ``"L4"`` for
Letter 4; ``"Prologue"``, ``"Epilogue"`` for unnumbered sections after the front matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

__all__ = ["Heading", "chapter_labels", "detect_headings"]

#: Story characters a heading needs before the next heading of its level; less is contents.
#: Measured on the corpus: the shortest real unit is Moby-Dick chapter 122 (244 characters),
#: while entries in the tables of contents have 0 characters between them.
MIN_STORY_CHARS = 100
#: Longest paragraph (characters, words) that may be a heading.
MAX_HEADING_CHARS = 160
MAX_HEADING_WORDS = 20
#: Longest paragraph that may be the separate title of a bare heading.
MAX_TITLE_CHARS = 80
MAX_TITLE_WORDS = 10
#: Average words per entry at most in a paragraph that lists several headings (contents).
MAX_ENTRY_WORDS = 12

#: Heading levels: containers restart chapter numbering, level 3 units hold the story.
TOP, BOOK, PART, UNIT = 0, 1, 2, 3

_NUMBERED = {
    "volume": BOOK - 1,
    "vol": BOOK - 1,
    "book": BOOK,
    "part": PART,
    "act": PART,
    "chapter": UNIT,
    "letter": UNIT,
    "scene": UNIT,
    "stave": UNIT,
    "canto": UNIT,
}
#: Unnumbered sections; prologues and epilogues may also be numbered or hold chapters.
_SECTIONS = (
    "prologue",
    "epilogue",
    "preface",
    "introduction",
    "foreword",
    "etymology",
    "extracts",
    "dedication",
    "appendix",
    "afterword",
    "postscript",
    "conclusion",
)
#: Sections whose text is part of the story (labelled even before the first chapter).
_STORY_SECTIONS = frozenset({"prologue", "epilogue"})
#: Sections that cannot come before the first chapter: there, they are contents lines.
_LATE_SECTIONS = frozenset({"epilogue", "appendix", "afterword", "postscript", "conclusion"})
#: Kinds that may have their title in a separate paragraph after a bare heading.
_TITLED = frozenset({"chapter", "stave", "book", "part", "volume", "canto"})
#: Kinds whose numbers are checked for restarts and qualified with their container.
_UNIT_KINDS = frozenset({"chapter", "letter", "scene", "stave", "canto"})

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_TENS_ORDINALS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
#: Number words and ordinals up to ninety-nine: "one", "twelfth", "twenty"; "twenty-one" adds.
_WORD_VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS.split())},
    **{w: i for i, w in enumerate(_ORDINALS.split())},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS.split())},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS_ORDINALS.split())},
}

_KEYWORDS = "|".join(sorted([*_NUMBERED, *_SECTIONS], key=len, reverse=True))
_HEAD = re.compile(
    r"^[\s*_#=~\[\-\u2013\u2014]*"  # decoration: "— CHAPTER I —", "* PART ONE *"
    r"(?:the\s+)?(?:(?P<ord>[a-z]+)\s+)??"  # "THE PROLOGUE", "FIRST EPILOGUE"
    rf"(?P<kw>{_KEYWORDS})\b\.?"
    r"(?:\s+(?:the\s+)?(?P<num>\d{1,4}\b|[a-z]+(?:-[a-z]+)?\b))?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_REST = re.compile(r"^\s*(?:[.:;]+|[.\s]*[\u2014\u2013-]+)?\s*(?P<title>.*?)\s*$", re.DOTALL)
#: What may follow an unnumbered section keyword: a separator, a bracket or a capital.
_SECTION_REST = re.compile(r"\s*[.:;(\u2014\u2013-]|\s+[A-Z]")
#: What must follow a heading number before its title.
_SEPARATOR = re.compile(r"[\s.:;\u2014\u2013-]")
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_CONTENTS = re.compile(r"^[\W_]*(?:table\s+of\s+)?contents[\W_]*$", re.IGNORECASE)
_LISTED = re.compile(
    r"\b(?:chapter|book|volume|part|letter|act|scene|stave|canto)\s+"
    r"(?:\d{1,4}|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten|first|second)\b",
    re.IGNORECASE,
)
_LOWER_START = re.compile(r"^[^\w]*[a-z]")
_QUOTE_START = re.compile(r"^[\"'\u201c\u2018\u00ab(\[]")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: Short words a title leaves in lower case ("Advice from a Caterpillar").
MINOR_WORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "the",
        "to",
        "upon",
        "with",
    )
)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading paragraph (or a paragraph that belongs to one).

    ``kind`` is the lower-case keyword (``"chapter"``, ``"book"``, ``"letter"``,
    ``"epilogue"``, ...), ``"title"`` for the separate title paragraph of a bare heading, or
    ``"contents"`` for table-of-contents lines. ``number`` is the converted number, ``label``
    the paragraph text, ``title`` the title text if any, ``level`` 0 (volume, epilogue with
    chapters) to 3 (chapter, letter, scene, section).
    """

    kind: str
    number: int | None
    label: str
    title: str | None = None
    level: int = UNIT


def detect_headings(paragraphs: Sequence[str]) -> list[Heading | None]:
    """Find the headings among a book's paragraphs, and tell tables of contents from them.

    Parameters
    ----------
    paragraphs
        The paragraphs of the book body (boilerplate removed), lines joined with spaces.

    Returns
    -------
    list of Heading or None
        One entry per paragraph: a :class:`Heading` for headings, for the separate title of
        a bare heading (kind ``"title"``) and for table-of-contents lines (kind
        ``"contents"``); None for story.

    Examples
    --------
    >>> [h and h.kind for h in detect_headings(["CHAPTER I.", "Down the Rabbit-Hole", "x" * 300])]
    ['chapter', 'title', None]

    """
    found: list[Heading | None] = [_parse(p) for p in paragraphs]
    _attach_titles(paragraphs, found)
    _mark_numbered_sections(paragraphs, found)
    _set_section_levels(found)
    _mark_contents(paragraphs, found)
    return found


#: A short numbered line that may head a section (a poem of a sequence): "I. Ash", "2 Night".
_NUMBERED_LINE = re.compile(
    r"^(?P<num>[IVXLC]{1,7}|\d{1,3})(?:[.):]|\s*[\u2014\u2013-])?(?:\s+(?P<title>\S.*))?$"
)
#: At least this many numbered lines, counting 1, 2, 3... in order, make a sequence.
MIN_NUMBERED_SECTIONS = 2


def _mark_numbered_sections(paragraphs: Sequence[str], found: list[Heading | None]) -> None:
    """Short lines numbered 1, 2, 3... in order, between stretches of text, are headings.

    A sequence of poems or sections titled "I. Ash", "II. Night Ward" (or "1", "2") has no
    keyword, so the keyword rules miss it and each number would be scored as a story
    paragraph of value 0. Only a text with no keyword headings is read this way, and only
    lines of at most :data:`MAX_TITLE_WORDS` words whose title (if any) starts with a capital
    and ends without a sentence's full stop; their numbers must run 1, 2, 3... with no gap,
    :data:`MIN_NUMBERED_SECTIONS` at least, each followed by text before the next.
    """
    if any(h is not None and h.kind not in ("contents",) for h in found):
        return
    candidates: list[tuple[int, int, str | None]] = []
    for i, paragraph in enumerate(paragraphs):
        text = " ".join(paragraph.split())
        if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
            continue
        match = _NUMBERED_LINE.match(text)
        if match is None:
            continue
        title = match["title"]
        if title is not None and (not title[0].isupper() or title.rstrip()[-1] in ".!?\u2026"):
            continue
        number = _number(match["num"])
        if number is not None:
            candidates.append((i, number, title))
    run: list[tuple[int, int, str | None]] = []
    for i, number, title in candidates:
        follows = bool(run) and number == run[-1][1] + 1 and i > run[-1][0] + 1
        if number == 1 and not follows:
            run = [(i, number, title)]
        elif follows:
            run.append((i, number, title))
    if len(run) < MIN_NUMBERED_SECTIONS or run[-1][0] == len(paragraphs) - 1:
        return
    for i, number, title in run:
        found[i] = Heading("chapter", number, " ".join(paragraphs[i].split()), title, UNIT)


def chapter_labels(headings: Sequence[Heading | None]) -> list[str | None]:
    """Give every paragraph the short label of the chapter (or section) it belongs to.

    Parameters
    ----------
    headings
        The output of :func:`detect_headings`.

    Returns
    -------
    list of str or None
        One label per paragraph, None before the first chapter. Chapters of a plain run are
        ``"1"``, ``"2"``, ...; when chapter numbers restart in each container they are
        ``"II.3"`` (container number in roman, chapter in arabic; nested containers join with
        dots) and text under a container before its first chapter is ``"II"``; epilogues
        holding chapters are ``"E1"``, ``"E2"`` (``"E"`` if only one); letters are ``"L4"``;
        unnumbered sections ``"Epilogue"``, ``"Appendix"``.

    """
    qualify = _restarting_kinds(headings)
    implicit = _implicit_first_container(headings)
    labels: list[str | None] = []
    stack: list[tuple[int, str]] = []  # (level, prefix) of the open containers
    current: str | None = None
    for heading in headings:
        if heading is not None and heading.kind not in ("title", "contents"):
            if heading.level < UNIT:
                stack = [entry for entry in stack if entry[0] < heading.level]
                stack.append((heading.level, _container_prefix(heading)))
                current = ".".join(p for _, p in stack)
                if not qualify:
                    current = _container_name(heading)
            elif heading.kind in _UNIT_KINDS:
                current = _unit_label(heading, stack, heading.kind in qualify, implicit)
            elif heading.kind in _STORY_SECTIONS or current is not None:
                current = _section_label(heading)
        labels.append(current)
    return labels


def _parse(paragraph: str) -> Heading | None:
    """Read one paragraph as a heading, a contents line, or nothing."""
    text = " ".join(paragraph.split())
    if not text:
        return None
    if _CONTENTS.match(text) or _is_listing(text):
        return Heading("contents", None, text)
    if len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return None
    match = _HEAD.match(text)
    if match is None:
        return None
    keyword = match["kw"]
    if not (keyword.isupper() or keyword[0].isupper()):
        return None
    kind = "volume" if keyword.lower() == "vol" else keyword.lower()
    ordinal = _number(match["ord"]) if match["ord"] else None
    if match["ord"] and ordinal is None:
        return None
    number, rest = _number(match["num"]) if match["num"] else None, match["rest"]
    if match["num"] and number is None:
        rest = text[match.start("num") :]
    if kind in _NUMBERED:
        if ordinal is not None:
            number = ordinal if number is None else None
        if number is None:
            return None
    elif ordinal is not None:
        number = ordinal
    title = _title(rest, numbered=match["num"] is not None and number is not None)
    if title is None:
        return None
    return Heading(kind, number, text, title or None, _NUMBERED.get(kind, UNIT))


def _is_listing(text: str) -> bool:
    """Tell whether a paragraph lists several headings: "Letter 1 Letter 2 Chapter 1"."""
    if not _LISTED.match(text.lstrip(" *_-\u2013\u2014")):
        return False
    entries = len(_LISTED.findall(text))
    return entries >= 2 and len(text.split()) <= MAX_ENTRY_WORDS * entries


def _title(rest: str, numbered: bool) -> str | None:
    """Return the title after the number ("" if none), or None if the rest is a sentence."""
    if not rest.strip():
        return ""
    if not numbered and not _SECTION_REST.match(rest):
        return None  # "Introduction to the subject was slow"
    if not _SEPARATOR.match(rest):
        return None  # "Chapter 3's", "Letter 4,"
    match = _REST.match(rest)
    title = match["title"] if match else ""
    if title and (_LOWER_START.match(title) or len(title.split()) > MAX_HEADING_WORDS - 2):
        return None
    return title


def _number(token: str | None) -> int | None:
    """Convert "12", "XII", "xii", "twelve", "Twelfth", "twenty-one" to an int, else None."""
    if not token:
        return None
    if token.isdigit():
        return int(token)
    upper = token.upper()
    if _ROMAN.match(upper):
        return _roman_value(upper)
    total = 0
    for part in token.lower().split("-"):
        if part not in _WORD_VALUES:
            return None
        total += _WORD_VALUES[part]
    return total


def _roman_value(numeral: str) -> int | None:
    """Return the value of a valid upper-case roman numeral (None for "")."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, char in enumerate(numeral):
        value = values[char]
        following = values[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total or None


def _to_roman(number: int) -> str:
    """Write 1..3999 as a roman numeral (arabic digits outside that range)."""
    if not 0 < number < 4000:
        return str(number)
    pairs = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, numeral in pairs:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def _is_title_like(text: str) -> bool:
    """Tell a short title-case or capitals line: "Down the Rabbit-Hole", "MARLEY'S GHOST."."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if _QUOTE_START.match(text) or not text[0].isalnum() or text[0].islower():
        return False
    if text.endswith((",", ";", ":")):
        return False
    if text.endswith(".") and any(c.islower() for c in text):
        return False  # "Seven years had passed."
    words = _WORD.findall(text)
    return bool(words) and all(w[0].isupper() or w.lower() in MINOR_WORDS for w in words)


def _attach_titles(paragraphs: Sequence[str], found: list[Heading | None]) -> None:
    """Mark the title paragraph after a bare heading, and copy the title onto the heading."""
    for i in range(len(found) - 1):
        heading = found[i]
        if heading is None or heading.kind not in _TITLED or heading.title is not None:
            continue
        if found[i + 1] is None and _is_title_like(paragraphs[i + 1]):
            title = " ".join(paragraphs[i + 1].split())
            found[i] = replace(heading, title=title)
            found[i + 1] = Heading("title", heading.number, title, title, heading.level)


def _set_section_levels(found: list[Heading | None]) -> None:
    """Make a prologue or epilogue directly followed by a chapter a container.

    It takes the level of the container before it ("FIRST EPILOGUE" after "BOOK FIFTEEN").
    """
    container_level = BOOK
    for i, heading in enumerate(found):
        if heading is None:
            continue
        if heading.level < UNIT and heading.kind in _NUMBERED:
            container_level = heading.level
        if heading.kind not in _STORY_SECTIONS:
            continue
        j = i + 1
        while j < len(found) and (title := found[j]) is not None and title.kind == "title":
            j += 1
        following = found[j] if j < len(found) else None
        if following is not None and following.kind in _UNIT_KINDS:
            found[i] = replace(heading, level=container_level)


def _mark_contents(paragraphs: Sequence[str], found: list[Heading | None]) -> None:
    """Mark as contents the headings that list a unit found again later, with no story between.

    A table of contents repeats headings that stand again further on ("CHAPTER I." ...), so a
    heading is a contents line when too little story follows it before the next heading of
    its level *and* it belongs to a run of such short headings of which one appears again
    later (same kind and number); a table of contents may list units an excerpt no longer
    has, but never only those. A book of very short chapters keeps its headings.

    One backward pass keeps, for every level, the nearest later heading, and the set of
    headings seen later; prefix sums of story lengths give the story between, so the whole
    pass is linear.
    """
    story_before = [0]
    for paragraph, heading in zip(paragraphs, found, strict=True):
        story_before.append(story_before[-1] + (0 if heading is not None else len(paragraph)))
    end = len(found)
    nearest = [end] * (UNIT + 1)  # nearest later heading at each level
    short: list[bool] = [False] * end
    repeated: list[bool] = [False] * end
    later: set[tuple[str, int | None]] = set()
    for i in range(end - 1, -1, -1):
        heading = found[i]
        if heading is None or heading.kind in ("title", "contents"):
            continue
        stop = min(nearest[: heading.level + 1])
        short[i] = story_before[stop] - story_before[i + 1] < MIN_STORY_CHARS
        key = (heading.kind, heading.number)
        repeated[i] = key in later or heading.kind in _LATE_SECTIONS
        later.add(key)
        nearest[heading.level] = i
    verdicts = _runs_with_a_repeat(found, short, repeated)
    units = any(
        h is not None and h.kind in _UNIT_KINDS and not verdicts[i] for i, h in enumerate(found)
    )
    seen_unit = False
    for i, heading in enumerate(found):
        if heading is None or heading.kind in ("title", "contents"):
            continue
        late = heading.kind in _LATE_SECTIONS and units and not seen_unit
        if verdicts[i] or late:
            found[i] = replace(heading, kind="contents")
            following = found[i + 1] if i + 1 < end else None
            if following is not None and following.kind == "title":
                found[i + 1] = replace(following, kind="contents")
        elif heading.kind in _UNIT_KINDS:
            seen_unit = True
    _extend_contents_backwards(found)


def _runs_with_a_repeat(
    found: list[Heading | None], short: list[bool], repeated: list[bool]
) -> list[bool]:
    """True for every short heading in a run of short headings one of which is repeated."""
    verdicts = [False] * len(found)
    run: list[int] = []
    for i, heading in enumerate([*found, None]):
        if i < len(found) and (heading is None or heading.kind in ("title", "contents")):
            continue
        if i < len(found) and short[i]:
            run.append(i)
            continue
        if any(repeated[j] for j in run):
            for j in run:
                verdicts[j] = True
        run = []
    return verdicts


def _extend_contents_backwards(found: list[Heading | None]) -> None:
    """Mark a chapter-level heading right before a contents line as contents too.

    "THE PROLOGUE." above "ACT I Scene I. ... Scene V." is a listing; walking backwards carries
    the mark up a whole run of listed headings.
    """
    following: Heading | None = None
    for i in range(len(found) - 1, -1, -1):
        heading = found[i]
        if heading is not None and heading.kind == "title":
            continue
        if (
            heading is not None
            and heading.kind != "contents"
            and heading.level == UNIT
            and following is not None
            and following.kind == "contents"
        ):
            heading = found[i] = replace(heading, kind="contents")
            title = found[i + 1] if i + 1 < len(found) else None
            if title is not None:
                found[i + 1] = replace(title, kind="contents")
        following = heading


def _restarting_kinds(headings: Sequence[Heading | None]) -> frozenset[str]:
    """Return the unit kinds (chapter, scene, ...) whose numbers repeat: they need qualifying."""
    seen: dict[str, set[int]] = {}
    restarting = set()
    for heading in headings:
        if heading is None or heading.kind not in _UNIT_KINDS or heading.number is None:
            continue
        numbers = seen.setdefault(heading.kind, set())
        if heading.number in numbers:
            restarting.add(heading.kind)
        numbers.add(heading.number)
    return frozenset(restarting)


def _implicit_first_container(headings: Sequence[Heading | None]) -> str | None:
    """Return "I" if the first container is number 2 (Part II): chapters before it are Part I."""
    for heading in headings:
        if (
            heading is not None
            and heading.kind not in ("title", "contents")
            and (heading.level < UNIT)
        ):
            return "I" if heading.number == 2 else None
    return None


def _container_prefix(heading: Heading) -> str:
    """Return "II" for Book II, "E1"/"E2" for numbered epilogues, "E" or "P" for single ones."""
    if heading.kind in _STORY_SECTIONS:
        letter = heading.kind[0].upper()
        return f"{letter}{heading.number}" if heading.number is not None else letter
    return _to_roman(heading.number) if heading.number is not None else heading.label


def _container_name(heading: Heading) -> str:
    """Return "Book II", "Part I": a container's label when chapters are numbered throughout."""
    name = heading.kind.capitalize()
    return f"{name} {_to_roman(heading.number)}" if heading.number is not None else name


def _unit_label(
    heading: Heading, stack: list[tuple[int, str]], qualified: bool, implicit: str | None
) -> str:
    """Return "3", "II.3" or "L3" for a chapter, scene or letter."""
    number = str(heading.number) if heading.number is not None else heading.label
    if heading.kind == "letter":
        number = f"L{number}"
    if not qualified:
        return number
    prefix = ".".join(p for _, p in stack) if stack else implicit
    return f"{prefix}.{number}" if prefix else number


def _section_label(heading: Heading) -> str:
    """Return "Epilogue", "Epilogue 2", "Appendix": the label of an unnumbered section."""
    name = heading.kind.capitalize()
    return f"{name} {heading.number}" if heading.number is not None else name
