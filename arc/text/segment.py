"""Paragraphs and sentences, each a span of character offsets into the decoded text.

Paragraphs are blocks separated by blank lines; lines hard-wrapped inside a paragraph are
joined with a single space. A text with no blank line at all falls back to one paragraph per
line. Sentences come from nltk's Punkt with parameters shipped in ``arc/data`` (trained on
public-domain novels by ``scripts/train_punkt.py``), so splitting never downloads anything
and never depends on the nltk data a machine happens to have. Punkt's module is loaded
without running the rest of nltk (a later ``import nltk`` is whole), and the tokenizer
remembers its verdicts on candidate sentence ends: both only for speed, the sentences are
nltk's own. Both use nltk's private parts, so both live in :mod:`arc._compat`, each with a
plain fallback (an ordinary ``import nltk``; nltk's own tokenizer).

Splitting takes time in proportion to the text, however long a paragraph is and whatever it
holds (a 12 MB hard-wrapped paragraph, thousands of consecutive "..."): Punkt reads a long
paragraph ``PUNKT_WINDOW`` characters at a time, so no call comes near nltk's time limit on
its regular expressions (``nltk.redos``), and the windows are cut so that the sentences are
those of one call on the whole paragraph.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from arc._compat import punkt_module, punkt_tokenizer
from arc.errors import ArcWarning

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["SENTENCE_SPLITTER", "Span", "join_lines", "split_paragraphs", "split_sentences"]

#: What ``df.attrs["sentence_splitter"]`` records: the splitter and its parameter file.
SENTENCE_SPLITTER = "nltk Punkt, arc/data/punkt_english.json (arc-punkt-1)"
#: Longer "sentences" (a text without punctuation) are cut into pieces of this many words,
#: because VADER's cost grows with the square of the length of what it is given.
MAX_SENTENCE_WORDS = 300
#: The most characters handed to Punkt in one call. A longer paragraph is read a window at a
#: time, each window after the first starting at the last word that ended inside the window
#: before it: Punkt judges a period by the word before it and the word after it, so its
#: verdicts on the periods before that word are final; the sentence in progress there runs on
#: into the next window. The sentences are those of one call on the whole paragraph unless a
#: single word or run of spaces is as long as half a window.
PUNKT_WINDOW = 4000
#: How far back from a sentence's end an ellipsis is looked for ("...", ". . .", "…", and
#: closing quotes or brackets after it), so merging runs of them stays linear.
ELLIPSIS_TAIL = 64

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_INDENTED_LINE = re.compile(r"\n[ \t]")  # faster than `"\n " in raw`
_EDGE = " \t\n\r\f\v"  # stripped from paragraph edges; a non-breaking space stays text
_ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|\u2026)[\"'\u201d\u2019)\]]*$")
_WORDLIKE = re.compile(r"\w")
_WORD = re.compile(r"\S+")
# Punkt takes the word before a period back to ASCII whitespace (``string.whitespace``: a
# no-break space is inside that word) and the word after it up to any whitespace; windows
# start after ASCII whitespace, at a word that ends (in any whitespace) inside the window.
_WHOLE_WORD_START = re.compile(r"(?<=[ \t\n\r\v\f])(?=[^\S \t\n\r\v\f]*\S+\s)")
_WORD_START = re.compile(r"(?<=[ \t\n\r\v\f])(?![ \t\n\r\v\f])")
# Punkt's pattern for the closing punctuation it moves onto the sentence before it, and the
# characters a match of it starts with (see _realign).
_REALIGNMENT = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text: ``text`` is ``source[start:end]`` with its line breaks joined."""

    start: int
    end: int
    text: str


def join_lines(raw: str) -> str:
    """Join hard-wrapped lines: each line break and the spaces around it become one space.

    Most texts have no space or tab beside a line break; then each break alone becomes a
    space, which ``str.replace`` does many times faster than the regular expression.
    """
    if "\n" not in raw:
        return raw
    if " \n" in raw or "\t\n" in raw or _INDENTED_LINE.search(raw):
        return _LINE_BREAK.sub(" ", raw)
    return raw.replace("\n", " ")


def split_paragraphs(text: str) -> list[Span]:
    """Split text into paragraphs at blank lines, or at every line if it has no blank line.

    Parameters
    ----------
    text
        Decoded text with ``\\n`` line endings (see :func:`arc.text.io.decode`).

    Returns
    -------
    list of Span
        One span per paragraph, in order; whitespace-only blocks are dropped.

    Examples
    --------
    >>> [p.text for p in split_paragraphs("One line\\nwrapped.\\n\\nTwo.")]
    ['One line wrapped.', 'Two.']

    """
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else re.compile(r"\n")
    spans = []
    start = 0
    for match in separator.finditer(text):
        spans.extend(_block(text, start, match.start()))
        start = match.end()
    spans.extend(_block(text, start, len(text)))
    return spans


def _block(text: str, start: int, end: int) -> list[Span]:
    """The paragraph in ``text[start:end]`` with its edges trimmed, or nothing if blank."""
    raw = text[start:end]
    body = raw.lstrip(_EDGE)
    start += len(raw) - len(body)
    body = body.rstrip(_EDGE)
    if not body.strip():
        return []
    return [Span(start, start + len(body), join_lines(body))]


@lru_cache(maxsize=1)
def _parameters() -> Any:
    """Punkt's parameters from the shipped JSON (no pickles, no downloads), built once."""
    data = json.loads(
        resources.files("arc").joinpath("data", "punkt_english.json").read_text("utf-8")
    )
    params = punkt_module().PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return params


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """Build Punkt once from the shipped parameters.

    The tokenizer is nltk's ``PunktSentenceTokenizer`` with ``text_contains_sentbreak``
    remembered (:func:`arc._compat.punkt_tokenizer`): the same sentences, in a third less
    time; or, if this nltk's Punkt lacks the private parts that needs, nltk's own.
    """
    return punkt_tokenizer(punkt_module(), _parameters())


def _nltk_tokenizer() -> PunktSentenceTokenizer:
    """The plain ``PunktSentenceTokenizer`` of nltk with arc's parameters, remembering nothing.

    What :func:`tokenizer` is checked against, and what a baseline of plain nltk should
    use: :func:`tokenizer` finds the same sentences faster.
    """
    return punkt_module().PunktSentenceTokenizer(_parameters())


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split a paragraph into sentences with Punkt; offsets are shifted by ``offset``.

    Ellipses ("...", ". . .", "…") do not end sentences, fragments without letters join the
    sentence before them, and runs longer than ``MAX_SENTENCE_WORDS`` words are cut. The time
    taken grows in proportion to the paragraph's length (see ``PUNKT_WINDOW``).

    Parameters
    ----------
    text
        The paragraph as it stands in the source (line breaks allowed).
    offset
        Where ``text`` starts in the source, so spans point into the source.

    Returns
    -------
    list of Span

    Warns
    -----
    arc.errors.ArcWarning
        If Punkt hits nltk's time limit on a window anyway (a very slow machine): that
        window is kept in the sentence before it, cut into ``MAX_SENTENCE_WORDS``-word pieces.

    Examples
    --------
    >>> [s.text for s in split_sentences("Mr. Brown met Dr. Watson. They waited... Then left.")]
    ['Mr. Brown met Dr. Watson.', 'They waited... Then left.']

    """
    punkt, gave_up = _punkt_spans(text)
    if gave_up:
        warnings.warn(
            f"sentence splitting hit nltk's time limit on {gave_up:,} characters of the "
            f"paragraph at offset {offset:,}; they were cut into {MAX_SENTENCE_WORDS}-word "
            "pieces instead of sentences",
            ArcWarning,
            stacklevel=2,
        )
    bounds: list[list[int]] = []
    for start, end in punkt:
        if bounds and (
            not _WORDLIKE.search(text, start, end) or _ends_in_ellipsis(text, *bounds[-1])
        ):
            bounds[-1][1] = end
        else:
            bounds.append([start, end])
    spans = []
    for start, end in bounds:
        for s, e in _cut_long(text, start, end):
            spans.append(Span(offset + s, offset + e, join_lines(text[s:e])))
    return spans


def _ends_in_ellipsis(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in an ellipsis, looking only at its last characters."""
    return _ELLIPSIS_END.search(text, max(start, end - ELLIPSIS_TAIL), end) is not None


def _punkt_spans(text: str) -> tuple[list[tuple[int, int]], int]:
    """Punkt's sentence spans of ``text``, ``PUNKT_WINDOW`` characters per call at most.

    Each window after the first starts where :func:`_window_cut` says, the sentence in
    progress there carried over; closing punctuation is realigned once all the spans are
    known, as Punkt does. Returns the spans and how many characters Punkt gave up on (nltk's
    time limit).
    """
    punkt = tokenizer()
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # where the sentence running into this window began
    gave_up = 0
    pos, size, end = 0, len(text), len(text.rstrip())
    while pos < size:
        start, stop = pos, min(size, pos + PUNKT_WINDOW)
        pos = _window_cut(text, start, stop) if stop < size else size
        piece = text[start:stop]
        try:
            window = punkt.span_tokenize(piece, realign_boundaries=False)
            found = [(start + s, start + e) for s, e in window]
        except TimeoutError:  # nltk >= 3.9 bounds each regular expression's running time
            found = [(start, start + len(piece.rstrip()))]
            gave_up += pos - start
        running: int | None = None
        if stop < size:  # sentences ending before the cut are done; the next one runs on
            k = 0
            while k + 1 < len(found) and found[k][1] <= pos:
                k += 1
            found, running = found[:k], found[k][0] if found else start
        if carry is not None:
            if found:
                found[0] = (carry, found[0][1])
            elif running is not None:
                running = carry
            else:  # the last window holds only trailing space
                found = [(carry, end)]
        carry = running
        spans.extend(found)
    return _realign(text, [(s, min(e, end)) for s, e in spans]), gave_up


def _realign(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move closing quotes and brackets after a sentence's end onto it, as Punkt does.

    Punkt's pattern is tried only on a sentence that starts with a character its matches
    start with (when the pattern is the one every supported nltk has), which most don't.
    """
    closing = punkt_module().PunktLanguageVars.re_boundary_realignment
    starts = _CLOSERS if getattr(closing, "pattern", None) == _REALIGNMENT else None
    realigned = []
    shift = 0
    for i, (start, end) in enumerate(spans):
        start += shift
        match = None
        if i + 1 < len(spans):
            after, stop = spans[i + 1]
            if starts is None or (after < stop and text[after] in starts):
                match = closing.match(text[after:stop])
        if match:
            realigned.append((start, spans[i + 1][0] + len(match.group(0).rstrip())))
            shift = match.end()
        else:
            shift = 0
            if end > start:
                realigned.append((start, end))
    return realigned


def _window_cut(text: str, start: int, stop: int) -> int:
    """Where the window after ``text[start:stop]`` starts: the last word whose end is in it.

    A word after ASCII whitespace (Punkt takes the word before a period back to there) that
    ends before ``stop``: every period before it had its next word whole in this window, so
    Punkt's verdicts there are final, and the next window re-reads the rest. Failing that (a
    token as long as the window), the last word start, else ``stop``.
    """
    for pattern in (_WHOLE_WORD_START, _WORD_START):
        for begin in (max(start + 1, stop - 256), start + 1):  # the window's tail is enough
            cut = None
            for match in pattern.finditer(text, begin, stop):
                cut = match.start()
            if cut is not None:
                return cut
    return stop


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span into pieces of at most ``MAX_SENTENCE_WORDS`` words, at whitespace."""
    if end - start < 2 * MAX_SENTENCE_WORDS:  # too short to hold that many words
        return [(start, end)]
    words = list(_WORD.finditer(text, start, end))
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(start, end)]
    step = MAX_SENTENCE_WORDS
    return [
        (words[i].start(), words[min(i + step, len(words)) - 1].end())
        for i in range(0, len(words), step)
    ]
