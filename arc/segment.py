"""Paragraphs and sentences, each a span of character offsets into the decoded text.

Paragraphs are blocks separated by blank lines; lines hard-wrapped inside a paragraph are
joined with a single space. A text with no blank line at all falls back to one paragraph per
line. Sentences come from nltk's Punkt with parameters shipped in ``arc/data`` (trained on
public-domain novels by ``scripts/train_punkt.py``), so splitting never downloads anything
and never depends on the nltk data a machine happens to have.

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
_EDGE = " \t\n\r\f\v"  # stripped from paragraph edges; a non-breaking space stays text
_ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|\u2026)[\"'\u201d\u2019)\]]*$")
_WORDLIKE = re.compile(r"\w")
_WORD = re.compile(r"\S+")
# Punkt takes the word before a period back to ASCII whitespace (``string.whitespace``: a
# no-break space is inside that word) and the word after it up to any whitespace; windows
# start after ASCII whitespace, at a word that ends (in any whitespace) inside the window.
_WHOLE_WORD_START = re.compile(r"(?<=[ \t\n\r\v\f])(?=[^\S \t\n\r\v\f]*\S+\s)")
_WORD_START = re.compile(r"(?<=[ \t\n\r\v\f])(?![ \t\n\r\v\f])")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text: ``text`` is ``source[start:end]`` with its line breaks joined."""

    start: int
    end: int
    text: str


def join_lines(raw: str) -> str:
    """Join hard-wrapped lines: each line break and the spaces around it become one space."""
    return _LINE_BREAK.sub(" ", raw)


def split_paragraphs(text: str) -> list[Span]:
    """Split text into paragraphs at blank lines, or at every line if it has no blank line.

    Parameters
    ----------
    text
        Decoded text with ``\\n`` line endings (see :func:`arc.io.decode`).

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


class _KeepOut:
    """An import hook that refuses one package: :func:`_punkt` keeps ``scipy.stats`` out."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == self.name or name.startswith(self.name + "."):
            raise ImportError(f"{name} is not needed to split sentences")


def _punkt() -> Any:
    """The module ``nltk.tokenize.punkt``, loaded without the ``scipy.stats`` nltk pulls in.

    ``import nltk`` loads ``nltk.metrics.association``, which tries ``from scipy.stats import
    fisher_exact`` and falls back to its own when that fails. Punkt never uses it, and
    ``scipy.stats`` is most of the cost of a short ``arc plot`` (about 0.7 s), so it is kept
    out while nltk loads; anything that imports it later gets it as usual.
    """
    import importlib
    import sys

    name = "nltk.tokenize.punkt"
    if name in sys.modules or "scipy.stats" in sys.modules:
        return importlib.import_module(name)
    keep_out = _KeepOut("scipy.stats")
    sys.meta_path.insert(0, keep_out)  # type: ignore[arg-type]
    try:
        return importlib.import_module(name)
    finally:
        sys.meta_path.remove(keep_out)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """Build Punkt once from the shipped JSON parameters (no pickles, no downloads)."""
    punkt = _punkt()

    data = json.loads(
        resources.files("arc").joinpath("data", "punkt_english.json").read_text("utf-8")
    )
    params = punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return punkt.PunktSentenceTokenizer(params)


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
    tokenizer = _tokenizer()
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # where the sentence running into this window began
    gave_up = 0
    pos, size, end = 0, len(text), len(text.rstrip())
    while pos < size:
        start, stop = pos, min(size, pos + PUNKT_WINDOW)
        pos = _window_cut(text, start, stop) if stop < size else size
        piece = text[start:stop]
        try:
            window = tokenizer.span_tokenize(piece, realign_boundaries=False)
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
    """Move closing quotes and brackets after a sentence's end onto it, as Punkt does."""
    closing = _punkt().PunktLanguageVars.re_boundary_realignment
    realigned = []
    shift = 0
    for i, (start, end) in enumerate(spans):
        start += shift
        match = closing.match(text[slice(*spans[i + 1])]) if i + 1 < len(spans) else None
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
