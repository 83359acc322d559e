"""Finding the book inside a Project Gutenberg file: where the header ends and the footer starts.

Gutenberg files wrap the book in a header (title page, licence summary, or the 1990s "small
print") and a footer (the full licence). Their markers changed over thirty years, so the rules
are deliberately loose but line-anchored, and written so that no pattern backtracks more than
linearly (no two adjacent optional runs of the same characters):

* start: a line ``*** START OF THE/THIS PROJECT GUTENBERG EBOOK ...`` (any number of
  asterisks and spaces, any case, title possibly wrapped onto the next line), or, in files
  without one, the line ending the small print, ``*END*THE SMALL PRINT! FOR PUBLIC DOMAIN
  ETEXTS*Ver.04.29.93*END*``; the body starts just after that line;
* end: the first line after the start that reads ``*** END OF THE/THIS PROJECT GUTENBERG``,
  ``End of the Project Gutenberg EBook of ...`` or ``End of Project Gutenberg's ...``; the
  body ends where that line starts (so ``End of the Project Gutenberg EBook`` wins over the
  ``*** END`` line that follows it).

A text with no sign of Project Gutenberg is returned whole with no warning. A Gutenberg file
whose start or end marker is missing or damaged keeps what can be found and gets a one-line
warning: without an end marker the book is cut where the licence starts ("Updated editions
will replace...", "THE FULL PROJECT GUTENBERG LICENSE", "*** START: FULL LICENSE ***"), if
that can be found. A warning is given only where it is earned: a 1994 file that ends with the
book and no footer at all (``alice30.txt``) has nothing left to cut, so it gets none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Boilerplate", "find_boilerplate", "find_books"]

#: How far into the text (characters) a mention of Project Gutenberg marks a Gutenberg header.
HEAD_WINDOW = 6000
#: How far from the end a mention of Project Gutenberg marks a licence left in the body.
TAIL_WINDOW = 6000

_START = re.compile(
    r"^[ \t]*(?:\*+[ \t]*)?START[ \t]+OF[ \t]+(?:THE[ \t]+|THIS[ \t]+)?PROJECT[ \t]+GUTENBERG\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_SMALL_PRINT_END = re.compile(
    r"^[ \t]*\*+[ \t]*END[ \t]*(?:\*[ \t]*)?THE[ \t]+SMALL[ \t]+PRINT.*$",
    re.IGNORECASE | re.MULTILINE,
)
_END = re.compile(
    r"^[ \t]*(?:\*+[ \t]*)?END[ \t]+OF[ \t]+(?:THE[ \t]+|THIS[ \t]+)?PROJECT[ \t]+GUTENBERG\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
#: The rest of a wrapped start marker: a short line closing the asterisks.
_MARKER_TAIL = re.compile(r"[^\n*]{1,80}\*{3}[ \t]*$", re.MULTILINE)
#: Licence openings that follow the book when the end marker itself is missing or damaged.
_LICENCE = re.compile(
    # A damaged end marker ("** END OF THE PROJEKT GUTENBERG"), then licence openings.
    r"^[ \t]*(?:\*+[ \t]*END\b[^\n]{0,40}GUTENB"
    r"|Updated[ \t]+editions[ \t]+will[ \t]+replace[ \t]+the[ \t]+previous[ \t]+one"
    r"|\*+[ \t]*START:?[ \t]*FULL[ \t]+LICEN[CS]E"
    r"|THE[ \t]+FULL[ \t]+PROJECT[ \t]+GUTENBERG[ \t]+LICEN[CS]E"
    r"|(?:\*+[ \t]*)?START(?:\*+|[ \t]+)THE[ \t]+SMALL[ \t]+PRINT)",
    re.IGNORECASE | re.MULTILINE,
)
_MENTION = re.compile(r"project[ \t\n]+gutenberg", re.IGNORECASE)
#: Signs of a Gutenberg header even where it never names the project (2025: "[eBook #2701]").
_HEAD_SIGN = re.compile(
    r"project[ \t\n]+gutenberg|\[e-?book[ \t]+#\d+\]|gutenberg\.org", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Where the book proper lies in a text: ``text[body_start:body_end]``.

    ``header`` and ``footer`` say whether a start and an end marker were found; ``warning``
    is a one-line message when the text is a Gutenberg file with a marker missing.
    """

    body_start: int
    body_end: int
    header: bool
    footer: bool
    warning: str | None = None


def find_boilerplate(text: str) -> Boilerplate:
    r"""Find the Project Gutenberg header and footer around the book in ``text``.

    Parameters
    ----------
    text
        Decoded text with ``\\n`` line endings and no byte-order mark.

    Returns
    -------
    Boilerplate
        Offsets of the book proper, whether a header and a footer were found, and a warning
        when the text is clearly a Gutenberg file but a marker is missing. A text with no
        sign of Project Gutenberg gives ``Boilerplate(0, len(text), False, False, None)``.

    Examples
    --------
    >>> text = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\nStory.\n"
    >>> text += "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n"
    >>> b = find_boilerplate(text)
    >>> text[b.body_start : b.body_end], b.header, b.footer, b.warning
    ('Story.\n', True, True, None)

    """
    if not isinstance(text, str) or not text:
        return Boilerplate(0, len(text) if isinstance(text, str) else 0, False, False)
    found_start = _body_start(text)
    header = found_start is not None
    start = found_start if found_start is not None else 0
    end_match = _END.search(text, start)
    if end_match is not None:
        warning = _more_books(text, end_match.end()) or _warning(text, start, header)
        return Boilerplate(start, end_match.start(), header, True, warning)
    licence = _licence_start(text, start, header)
    if licence is not None:
        return Boilerplate(start, licence, header, False, _cut_warning(text, start, header))
    return Boilerplate(start, len(text), header, False, _warning(text, start, header, False))


def find_books(text: str) -> list[Boilerplate]:
    r"""Every Project Gutenberg book in ``text``, in order: one :class:`Boilerplate` each.

    Most files hold one book (a list of one, as :func:`find_boilerplate` finds it). An
    omnibus or a file of several concatenated books holds one start and end marker pair per
    book; each book's body is kept, the licences and headers between them are not.

    Examples
    --------
    >>> one = "*** START OF THE PROJECT GUTENBERG EBOOK A ***\nFirst.\n"
    >>> one += "*** END OF THE PROJECT GUTENBERG EBOOK A ***\nLicence.\n"
    >>> two = one + one.replace("EBOOK A", "EBOOK B").replace("First", "Second")
    >>> [two[b.body_start : b.body_end] for b in find_books(two)]
    ['First.\n', 'Second.\n']
    """
    first = find_boilerplate(text)
    books = [first]
    while books[-1].footer:
        end = _END.search(text, books[-1].body_end)
        after = _after_line(text, end.end()) if end is not None else books[-1].body_end
        if _START.search(text, after) is None:
            break
        rest = find_boilerplate(text[after:])
        if not rest.header or rest.body_end <= rest.body_start:
            break
        # a later book's own "more books follow" warning is this list's business, not a fault
        warning = None if rest.warning == _more_books(text[after:], rest.body_end) else rest.warning
        books.append(
            Boilerplate(after + rest.body_start, after + rest.body_end, True, rest.footer, warning)
        )
    if len(books) > 1:  # every book is kept: the first one's "only the first" warning goes
        books[0] = Boilerplate(first.body_start, first.body_end, first.header, first.footer)
    return books


def _body_start(text: str) -> int | None:
    """Return the offset after the start marker line (or the small print), or None."""
    match = _START.search(text)
    if match is not None:
        return _after_line(text, _wrapped_marker_end(text, match))
    small = _SMALL_PRINT_END.search(text)
    if small is None:
        return None
    first_end = _END.search(text)
    if first_end is not None and first_end.start() < small.start():
        return None  # small print in the footer, as in 2000s files: not a header
    if small.start() > len(text) // 2:
        return None
    return _after_line(text, small.end())


def _wrapped_marker_end(text: str, match: re.Match[str]) -> int:
    """Return the end of a start marker, with the next line if a long title wrapped onto it."""
    line = match.group().rstrip()
    if line.endswith("***") and line.count("*") >= 6:
        return match.end()
    nl = text.find("\n", match.end())
    if nl < 0:
        return match.end()
    tail = _MARKER_TAIL.match(text, nl + 1)
    return tail.end() if tail else match.end()


def _licence_start(text: str, start: int, header: bool) -> int | None:
    """Return where a licence starts after the book when the end marker is gone, or None.

    The opening must be followed by a mention of Project Gutenberg, and without a header it
    must lie in the second half, so the 1990s small print at the top is never taken for it.
    """
    match = _LICENCE.search(text, start)
    if match is None or (not header and match.start() < len(text) // 2):
        return None
    if _MENTION.search(text, match.start(), match.start() + TAIL_WINDOW) is None:
        return None
    return match.start()


def _after_line(text: str, pos: int) -> int:
    """Return the offset just after the line break ending the line that holds ``pos``."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _warning(text: str, start: int, header: bool, footer: bool = True) -> str | None:
    """Return a one-line warning naming the missing marker(s), or None if nothing is left.

    A missing start marker matters only if the top has Gutenberg signs (a mention, an
    "[eBook #n]" release line), a missing end marker only if Project Gutenberg is mentioned
    near the end, where the licence would be.
    """
    head_left = not header and _HEAD_SIGN.search(text, 0, HEAD_WINDOW) is not None
    tail = max(start, len(text) - TAIL_WINDOW)
    tail_left = not footer and _MENTION.search(text, tail) is not None
    if head_left and tail_left:
        return (
            "Project Gutenberg start and end markers not found; the header and licence "
            "text may be scored as story"
        )
    if head_left:
        return (
            "Project Gutenberg start marker not found; the header text at the start may "
            "be scored as story"
        )
    if tail_left:
        return (
            "Project Gutenberg end marker not found; the licence text at the end may be "
            "scored as story"
        )
    return None


def _more_books(text: str, after: int) -> str | None:
    """A warning when more Gutenberg books follow the first one's end marker, else None.

    Only the first book is kept as story; the others would be dropped without a word.
    """
    more = len(_START.findall(text, after)) or len(_SMALL_PRINT_END.findall(text, after))
    if not more:
        return None
    books = f"{more + 1} Project Gutenberg books"
    return (
        f"this file holds {books}; only the first is analysed and the other {more} are "
        "left out as boilerplate; split the file to analyse each"
    )


def _cut_warning(text: str, start: int, header: bool) -> str:
    """Return the warning for a book cut where its licence starts, its end marker gone."""
    if _warning(text, start, header) is None:
        return "Project Gutenberg end marker not found; the text was cut where the licence starts"
    return (
        "Project Gutenberg start and end markers not found; the header text may be scored as "
        "story and the text was cut where the licence starts"
    )
