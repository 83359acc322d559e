"""Paragraphs and sentences, each a span of character offsets into the decoded text.

Paragraphs are blocks separated by blank lines; lines hard-wrapped inside a paragraph are
joined with a single space. A text with no blank line at all falls back to one paragraph per
line. Sentences come from nltk's Punkt with parameters shipped in ``arc/data`` (trained on
public-domain novels by ``scripts/train_punkt.py``), so splitting never downloads anything
and never depends on the nltk data a machine happens to have.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["SENTENCE_SPLITTER", "Span", "join_lines", "split_paragraphs", "split_sentences"]

#: What ``df.attrs["sentence_splitter"]`` records: the splitter and its parameter file.
SENTENCE_SPLITTER = "nltk Punkt, arc/data/punkt_english.json (arc-punkt-1)"
#: Longer "sentences" (a text without punctuation) are cut into pieces of this many words,
#: because VADER's cost grows with the square of the length of what it is given.
MAX_SENTENCE_WORDS = 300

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_EDGE = " \t\n\r\f\v"  # stripped from paragraph edges; a non-breaking space stays text
_ELLIPSIS_END = re.compile(r"(?:\.\s*\.\s*\.|\u2026)[\"'\u201d\u2019)\]]*$")
_WORDLIKE = re.compile(r"\w")
_WORD = re.compile(r"\S+")


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


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """Build Punkt once from the shipped JSON parameters (no pickles, no downloads)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    data = json.loads(
        resources.files("arc").joinpath("data", "punkt_english.json").read_text("utf-8")
    )
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split a paragraph into sentences with Punkt; offsets are shifted by ``offset``.

    Ellipses ("...", ". . .", "…") do not end sentences, fragments without letters join the
    sentence before them, and runs longer than ``MAX_SENTENCE_WORDS`` words are cut.

    Parameters
    ----------
    text
        The paragraph as it stands in the source (line breaks allowed).
    offset
        Where ``text`` starts in the source, so spans point into the source.

    Returns
    -------
    list of Span

    Examples
    --------
    >>> [s.text for s in split_sentences("Mr. Brown met Dr. Watson. They waited... Then left.")]
    ['Mr. Brown met Dr. Watson.', 'They waited... Then left.']

    """
    bounds: list[list[int]] = []
    for start, end in _tokenizer().span_tokenize(text):
        piece = text[start:end]
        if bounds and (
            not _WORDLIKE.search(piece) or _ELLIPSIS_END.search(text[bounds[-1][0] : bounds[-1][1]])
        ):
            bounds[-1][1] = end
        else:
            bounds.append([start, end])
    spans = []
    for start, end in bounds:
        for s, e in _cut_long(text, start, end):
            spans.append(Span(offset + s, offset + e, join_lines(text[s:e])))
    return spans


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
