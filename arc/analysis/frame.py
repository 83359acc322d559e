"""Assembling the DataFrame: one row per paragraph, sentence, word window or percentage bin.

A paragraph's arc value ``compound`` is the mean compound of its sentences, as VADER's
authors advise for text longer than a sentence; whole-paragraph VADER (``compound_raw``)
saturates toward ±1 on long paragraphs and is kept beside it. Word windows and percentage
bins are built from the story's sentence scores, so every number traces back to VADER
called on one sentence.

Every unit also has its lexicon ``coverage``: the share of its words the scorer's lexicon
knows (:meth:`arc.score.scorers.Scorer.known_words`), counted sentence by sentence and added up the
same way as the scores. A stretch where VADER knows few words has an arc value that means
little; ``df.attrs["coverage"]`` is the share over the whole story.

Several scorers (``analyze(..., scorers=["vader", "afinn"])``) add one column per scorer,
named after it, after the unit's usual columns (:func:`scorer_columns`): NRC adds its eight
emotions as ``nrc_anger`` … ``nrc_trust``, and more than one scorer adds ``ensemble``
(:func:`arc.score.ensemble.combine` of the scorers' sentence values). Each is a sentence value
aggregated to paragraphs, windows and bins exactly as ``compound`` is.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import warnings
from array import array
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from arc.analysis.narrative import chapter_starts, positions
from arc.analysis.strings import sentence_texts, string_column
from arc.analysis.units import UNITS as UNIT_DECLARATIONS
from arc.analysis.units import check_length, unit_params
from arc.analysis.weights import window_starts
from arc.errors import ArcWarning, SegmentError
from arc.score.scorers import frame_scorer
from arc.text.document import Document, load
from arc.text.paratext import STORY_ROLES
from arc.text.segment import SENTENCE_SPLITTER, split_sentences

if TYPE_CHECKING:
    from types import FrameType

    import pandas as pd

    from arc.cache import Cache
    from arc.score.scorers import Scorer

__all__ = [
    "BIN_COLUMNS",
    "COLUMNS",
    "MAX_RAW_WORDS",
    "SENTENCE_COLUMNS",
    "UNITS",
    "WINDOW_COLUMNS",
    "analyze",
    "frame",
    "frames",
    "scorer_columns",
    "sentence_frame",
]

#: Paragraph-frame columns, in order (documented in the README).
COLUMNS = (
    "index",
    "role",
    "chapter",
    "text",
    "start",
    "end",
    "n_sentences",
    "n_words",
    "compound",
    "compound_raw",
    "compound_std",
    "compound_min",
    "compound_max",
    "pos",
    "neu",
    "neg",
    "coverage",
    "position",
)
#: Sentence-frame columns, in order.
SENTENCE_COLUMNS = (
    "index",
    "paragraph",
    "role",
    "chapter",
    "text",
    "start",
    "end",
    "n_words",
    "compound",
    "pos",
    "neu",
    "neg",
    "coverage",
    "position",
)
#: Word-window columns (story only), in order.
WINDOW_COLUMNS = (
    "index",
    "chapter",
    "start",
    "end",
    "n_words",
    "n_sentences",
    "compound",
    "coverage",
    "position",
)
#: Percentage-bin columns (story only), in order.
BIN_COLUMNS = (
    "index",
    "chapter",
    "start",
    "end",
    "n_sentences",
    "compound",
    "coverage",
    "position",
)
#: Paragraphs longer than this many words get no whole-paragraph scores (compound_raw, pos,
#: neu, neg); None: every paragraph gets them. vaderSentiment itself is quadratic in length,
#: but arc's VADER engine (:mod:`arc.score.vader`) is linear, so there is no cap.
MAX_RAW_WORDS: int | None = None
UNITS = tuple(UNIT_DECLARATIONS)

Unit = Literal["paragraph", "sentence", "window", "bins"]


def analyze(
    source: str | os.PathLike[str] | bytes | None = None,
    unit: Unit = "paragraph",
    *,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
    encoding: str | None = None,
    scorer: str | None = None,
    scorers: Sequence[str] | None = None,
    text: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Score a story and return its arc as a DataFrame.

    Parameters
    ----------
    source
        A file: a :class:`~pathlib.Path`, or a ``str`` naming an existing regular file
        (any other string raises :class:`~arc.errors.MissingInputError`: a string is never
        taken for text); raw ``bytes``; or ``None`` (and no ``text``) for the embedded
        vignette "Final Goodbyes".
    unit
        ``"paragraph"`` (one row per paragraph), ``"sentence"``, ``"window"`` (``window``
        story words every ``step`` words) or ``"bins"`` (``bins`` equal slices of the story's
        sentences, syuzhet's percentage values).
    window, step
        Word-window size (default 1000) and step (default: half the window), for
        ``unit="window"``; defaults are declared in :data:`arc.analysis.units.UNITS`.
    bins
        Number of percentage bins (default 100), for ``unit="bins"``.
    encoding
        Force the encoding of a file or bytes instead of detecting it.
    scorer
        The scorer's name (``"vader"``, ``"afinn"``, ``"textblob"``, ``"nrc"``): the one
        behind ``compound``.
    scorers
        Several scorers' names (or one comma list, ``"vader,afinn"``): each adds a column
        named after it (NRC also ``nrc_anger`` … ``nrc_trust``, its emotion counts), and more
        than one adds ``ensemble``; :func:`scorer_columns` gives them in order.
        ``compound`` (and ``df.attrs["scorer"]``, the lexicon coverage, the points of charts)
        stays the first scorer's, so code written for one scorer reads the same frame.
        ``scorer`` must then be left out or be the first of them.
    text
        The text itself, as a ``str``: ``analyze(text="It was a dark and stormy night.")``.
        Give ``source`` or ``text``, not both.
    workers
        How many processes split and score the text. ``None`` (the default) or ``1``: this
        process alone, so analysing inside a pool's worker never forks. ``0``
        (:data:`arc.parallel.EVERY_CPU`, what the ``arc`` command asks for): one per CPU for
        a long text (:data:`arc.parallel.MIN_CHARS` characters or more), one for a short one.
        ``n``: up to ``n``. A process that may not fork (a daemonic worker, other threads
        running) works alone, with an :class:`~arc.errors.ArcWarning` if ``n`` asked for
        more. The frame is the same either way, value for value (see :mod:`arc.parallel`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, :data:`SENTENCE_COLUMNS`, :data:`WINDOW_COLUMNS` or
        :data:`BIN_COLUMNS`; ``position`` is narrative time from 0 to 1 over the story.
        ``coverage`` is the unit's lexicon coverage (0 to 1; empty for a unit without words).
        ``df.attrs`` (plain JSON-able data) records ``title``, ``title_source``,
        ``author``, ``name``, ``unit``, ``scorer``, ``sentence_splitter``, ``warnings``,
        ``coverage`` (the story's known words / its words, to 6 places; ``None`` for a story
        without words) and the unit's parameters; window and bin frames also keep
        ``chapter_starts``; with ``scorers``, ``scorers`` (their names, in order).

    Raises
    ------
    arc.errors.InputError
        The file is missing or not text (:class:`~arc.errors.MissingInputError` for a string
        that names no file).
    arc.errors.TooShortError
        Fewer story words or sentences than the window or the bins need.
    ValueError
        A parameter the unit does not take, or one that is not a positive whole number.

    Warns
    -----
    arc.errors.ArcWarning
        Each of ``df.attrs["warnings"]`` (a damaged Gutenberg marker, say), once.

    Examples
    --------
    >>> df = analyze()
    >>> len(df), int((df.role == "body").sum()), df.attrs["title"]
    (13, 10, 'Final Goodbyes')
    >>> analyze(text="She laughed.\\n\\nHe cried.").compound.round(2).tolist()
    [0.46, -0.38]
    """
    doc = load(source, encoding, text=text)
    return frame(
        doc,
        unit,
        window=window,
        step=step,
        bins=bins,
        scorer=scorer,
        scorers=scorers,
        workers=workers,
    )


def frame(
    doc: Document,
    unit: Unit = "paragraph",
    *,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
    scorer: str | None = None,
    scorers: Sequence[str] | None = None,
    workers: int | None = None,
    cache: Cache | None = None,
) -> pd.DataFrame:
    """Build the DataFrame of a parsed :class:`~arc.text.document.Document` (see :func:`analyze`).

    Each of the document's warnings is issued as an :class:`~arc.errors.ArcWarning` (once per
    frame built) and kept in ``df.attrs["warnings"]``. ``cache``: see :func:`frames`.
    """
    return frames(
        doc,
        unit,
        window=window,
        step=step,
        bins=bins,
        scorer=scorer,
        scorers=scorers,
        workers=workers,
        cache=cache,
    )[0]


def frames(
    doc: Document,
    unit: Unit = "paragraph",
    *,
    window: int | None = None,
    step: int | None = None,
    bins: int | None = None,
    scorer: str | None = None,
    scorers: Sequence[str] | None = None,
    workers: int | None = None,
    cache: Cache | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The unit's frame and the scored sentence table it was computed from, in one pass.

    The text is split into sentences and scored once; paragraphs, word windows and bins are
    read from that table (for a sentence frame the two are the same object). Its ``attrs``
    are those of ``analyze(..., unit="sentence")``. With a ``cache`` (:mod:`arc.cache`), the
    two are read from it when this text, unit and scorers were analysed before, and kept
    there otherwise.
    """
    params = unit_params(unit, window=window, step=step, bins=bins)
    names = _scorer_names(scorer, scorers)
    if cache is None:
        return _frames(doc, unit, params, scorer, names, workers)
    from arc.cache import key
    from arc.score.scorers import DEFAULT_SCORER, scorer_versions

    entry = key(
        "frames",
        hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
        doc.name,
        unit,
        params,
        scorer_versions(names or [scorer or DEFAULT_SCORER]),
        bool(names),
    )
    found = cache.get("frames", entry)
    if found is not None:
        for message in doc.warnings:
            warnings.warn(message, ArcWarning, stacklevel=_caller_level())
        return found
    result = _frames(doc, unit, params, scorer, names, workers)
    cache.put("frames", entry, result)
    return result


def _frames(
    doc: Document,
    unit: Unit,
    params: dict[str, int],
    scorer: str | None,
    names: list[str] | None,
    workers: int | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`frames`, computed."""
    import pandas as pd

    from arc.score.scorers import DEFAULT_SCORER, get_scorer

    score = get_scorer(names[0] if names else (scorer or DEFAULT_SCORER))
    extra = [get_scorer(name) for name in names] if names else []
    more = scorer_columns(names) if names else ()
    columns, coverage = _sentence_columns(doc, score, extra, workers, whole=unit == "paragraph")
    internal: dict[str, Any] = {
        k: columns.pop(k) for k in ("lexicon", "raw", "paragraph_words") if k in columns
    }
    sentences = pd.DataFrame(columns)
    if unit == "paragraph":
        df = pd.DataFrame(_paragraph_columns(doc, {**columns, **internal}, more))
    elif unit == "sentence":
        df = sentences
    else:
        if unit == "window":
            df = windows(sentences, params["window"], params["step"], columns=more)
        else:
            df = percentage_frame(sentences, params["bins"], columns=more)
        # Windows and bins blur chapter boundaries; keep them as the sentences had them.
        df.attrs["chapter_starts"] = chapter_starts(sentences).to_dict(orient="list")
    attrs = {
        "title": doc.title,
        "title_source": getattr(doc, "title_source", None) if doc.title else None,
        "author": getattr(doc, "author", None),
        "name": doc.name,
        "unit": unit,
        "scorer": score.name,
        "sentence_splitter": SENTENCE_SPLITTER,
        "warnings": list(doc.warnings),
        "coverage": coverage,
    }
    df.attrs.update(attrs, **params)
    if names:
        df.attrs["scorers"] = list(names)
        if "ensemble" in more:
            df.attrs["ensemble"] = list(names)
    if sentences is not df:
        sentences.attrs.update(attrs, unit="sentence")
        if names:
            sentences.attrs["scorers"] = list(names)
            if "ensemble" in more:
                sentences.attrs["ensemble"] = list(names)
    for message in doc.warnings:
        warnings.warn(message, ArcWarning, stacklevel=_caller_level())
    return df, sentences


def _caller_level() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside the arc package.

    A notebook user sees the line that called :func:`analyze` (or :func:`frame`, or
    :func:`arc.compare`), however deep in arc the warning was issued.
    """
    level = 1
    caller: FrameType | None = sys._getframe(1)
    while caller is not None and _in_arc(caller.f_globals.get("__name__", "")):
        level += 1
        caller = caller.f_back
    return level


def _in_arc(module: str) -> bool:
    return module == "arc" or module.startswith("arc.")


def scorer_columns(scorers: Sequence[str]) -> tuple[str, ...]:
    """The columns ``scorers`` add to a frame, in order: each scorer's, then ``ensemble``.

    A scorer that gives more than one number (NRC's emotions, its class's ``columns``) adds
    them after its own as ``<scorer>_<column>``; ``ensemble`` comes last when there are two
    or more scorers and the ensemble was fitted for them all
    (:func:`arc.score.ensemble.combinable`); ``df.attrs["ensemble"]`` then names them.

    Examples
    --------
    >>> scorer_columns(["vader", "afinn"])
    ('vader', 'afinn', 'ensemble')
    >>> scorer_columns(["nrc"])[:3]
    ('nrc', 'nrc_anger', 'nrc_anticipation')
    """
    from arc.score.ensemble import combinable
    from arc.score.scorers import scorer_info

    out: list[str] = []
    for name in scorers:
        out.append(name)
        out.extend(f"{name}_{c}" for c in scorer_info(name).columns)
    if combinable(list(scorers)):
        out.append("ensemble")
    return tuple(out)


def _scorer_names(scorer: str | None, scorers: Sequence[str] | str | None) -> list[str] | None:
    """The checked scorer names ``scorers`` asks for (None: the one ``scorer`` alone).

    ``scorer`` given with ``scorers`` must be the first of them (``compound`` is the first
    scorer's); any other pair is refused rather than one of them ignored.
    """
    from arc.score.scorers import DEFAULT_SCORER, parse_scorers, scorer_info

    if scorers is None:
        scorer_info(scorer or DEFAULT_SCORER)  # an unknown name: ValueError, before any work
        return None
    names = parse_scorers(scorers)
    if scorer is not None and scorer != names[0]:
        raise ValueError(
            f"scorer={scorer!r} and scorers={names!r}: compound is the first of "
            "scorers; leave scorer out or put it first"
        )
    return names


def _extra_values(scorers: list[Scorer], texts: list[str], primary: np.ndarray) -> np.ndarray:
    """The scorers' columns (:func:`scorer_columns`) for ``texts``, one row per column.

    The first scorer's own value is ``primary`` (its compound, not scored twice); the
    ensemble is :func:`arc.score.ensemble.combine` of the scorers' values, text by text.
    """
    rows: list[np.ndarray] = []
    values: dict[str, np.ndarray] = {}
    for k, scorer in enumerate(scorers):
        if k == 0:
            own = np.asarray(primary, dtype=float)
        else:
            own = np.array([s.compound for s in scorer.score_many(texts)], dtype=float)
        values[scorer.name] = own
        rows.append(own)
        if scorer.columns:
            table = np.array(scorer.score_columns(texts), dtype=np.float64)
            rows.extend(table.reshape(len(texts), len(scorer.columns)).T)
    from arc.score.ensemble import combinable, combine

    if combinable([s.name for s in scorers]):
        rows.append(np.asarray(combine(values), dtype=float) if len(texts) else np.zeros(0))
    return np.array(rows, dtype=float).reshape(len(rows), len(texts))


def _coverage(known: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Known words / words, element by element; NaN where there are no words."""
    out = np.full(len(words), math.nan)
    np.divide(known, words, out=out, where=words > 0)
    return out


def _story_coverage(known: np.ndarray, words: np.ndarray, roles: list[str]) -> float | None:
    """The story's coverage for ``df.attrs``: its known words / its words, to 6 places."""
    story = np.isin(np.asarray(roles, dtype=object), list(STORY_ROLES))
    total = int(words[story].sum())
    return round(int(known[story].sum()) / total, 6) if total else None


def _by_ranges(doc: Document, workers: int | None, work: Any) -> list[Any]:
    """``work(lo, hi)`` over ranges of the document's paragraphs, in the processes asked for.

    One range (this process) unless ``workers`` asks for more and it pays; otherwise about
    equal ranges by characters, one per process (:func:`arc.parallel.workers_for`). ``work``
    depends on its range alone, so the parts put back in order are what one process computes.
    """
    from arc import parallel

    sizes = [p.end - p.start for p in doc.paragraphs]
    parts = parallel.workers_for(len(doc.text), workers)
    if parts > 1:
        from arc.text.segment import tokenizer

        tokenizer()  # loaded once, before the fork, rather than once in every process
    return parallel.run(work, parallel.ranges(sizes, parts) if sizes else [(0, 0)])


#: Sentences are scored this many at a time while a range is split, so only one block's
#: texts and score tuples are alive at once: their numbers go straight into flat arrays, and
#: the texts are dropped once scored (the text column is made again from the offsets).
SCORE_BLOCK = 2048
#: The flat arrays a range of sentences fills, by column, with their ``array`` type codes.
_SENTENCE_ARRAYS = {
    "owner": "q",
    "start": "q",
    "end": "q",
    "n_words": "q",
    "scores": "d",
    "lexicon": "q",
}


def _score_block(score: Scorer, texts: list[str], columns: dict[str, array]) -> None:
    """Score ``texts`` and append their numbers to the flat arrays of ``columns``."""
    scored, known = score.score_and_count(texts)
    columns["scores"].extend(chain.from_iterable(scored))
    columns["lexicon"].extend(chain.from_iterable(known))
    columns["n_words"].extend(len(t.split()) for t in texts)


def _paragraph_columns(
    doc: Document, sentences: dict[str, Any], added: Sequence[str]
) -> dict[str, Any]:
    """The paragraph frame's columns, read from the scored sentence table ``sentences``.

    Nothing is split or scored again: a paragraph's ``compound`` is the mean of its
    sentences' (summed exactly, :func:`math.fsum`), its spread their standard deviation,
    minimum and maximum, its coverage their known words over their words, and the
    ``added`` scorers' columns the means of their sentence values. Only the whole-paragraph
    scores (``compound_raw``, ``pos``, ``neu``, ``neg``) are VADER on the paragraph itself,
    computed with the sentence table (:func:`_sentence_columns` with ``whole=True``).
    """
    n = len(doc.paragraphs)
    owner = np.asarray(sentences["paragraph"], dtype=np.int64)
    bounds = np.searchsorted(owner, np.arange(n + 1))
    compound = np.asarray(sentences["compound"], dtype=float).tolist()
    lexicon = sentences["lexicon"]
    more_rows = [np.asarray(sentences[c], dtype=float).tolist() for c in added]
    stats = np.empty((5, n))  # compound, std, min, max, n_sentences
    more = np.empty((len(added), n))
    for j in range(n):
        a, b = int(bounds[j]), int(bounds[j + 1])
        values = compound[a:b]
        k = len(values)
        mean = math.fsum(values) / k
        std = math.sqrt(sum((v - mean) ** 2 for v in values) / k)
        stats[:, j] = (mean, std, min(values), max(values), k)
        for r, row in enumerate(more_rows):
            more[r, j] = math.fsum(row[a:b]) / k
    starts = bounds[:-1].clip(max=max(len(owner) - 1, 0))
    known = np.add.reduceat(lexicon[:, 0], starts) if len(owner) else np.zeros(n, np.int64)
    words = np.add.reduceat(lexicon[:, 1], starts) if len(owner) else np.zeros(n, np.int64)
    raw = sentences["raw"]
    columns: dict[str, Any] = {
        "index": np.arange(n),
        "role": doc.roles,
        "chapter": doc.chapters,
        "text": [p.text for p in doc.paragraphs],
        "start": np.fromiter((p.start for p in doc.paragraphs), np.int64, n),
        "end": np.fromiter((p.end for p in doc.paragraphs), np.int64, n),
        "n_sentences": stats[4].astype(np.int64),
        "n_words": sentences["paragraph_words"],
        "compound": stats[0],
        "compound_raw": raw[:, 0],
        "compound_std": stats[1],
        "compound_min": stats[2],
        "compound_max": stats[3],
        "pos": raw[:, 1],
        "neu": raw[:, 2],
        "neg": raw[:, 3],
        "coverage": _coverage(known, words),
        "position": np.array(positions(doc.roles), dtype=float),
    }
    columns.update(zip(added, more, strict=True))
    return {c: columns[c] for c in (*COLUMNS, *added)}


def _sentence_columns(
    doc: Document,
    score: Scorer,
    extra: list[Scorer] = (),  # type: ignore[assignment]
    workers: int | None = None,
    *,
    whole: bool = False,
) -> tuple[dict[str, Any], float | None]:
    """The scored sentence table's columns and the story's coverage.

    Beside the sentence frame's columns, ``lexicon`` holds each sentence's known words and
    words (the scorer's reading), from which any unit's coverage adds up exactly. With
    ``whole``, each paragraph is also scored whole (``raw``: compound, pos, neu, neg) and its
    words counted (``paragraph_words``), in the same pass: what a paragraph frame adds.

    Sentences are split a block of :data:`SCORE_BLOCK` at a time and then scored together
    (switching between Punkt and VADER paragraph by paragraph measured about 7% slower on a
    long novel), their numbers going straight into flat arrays rather than one tuple per
    sentence, and their texts dropped once scored: only their offsets are kept, and the
    ``text`` column is made from them at the end
    (:func:`arc.analysis.strings.sentence_texts`). A long text's paragraphs are shared
    between processes (:func:`_by_ranges`), each returning its sentences' numbers.
    """
    names = scorer_columns([s.name for s in extra]) if extra else ()

    def work(lo: int, hi: int) -> dict[str, Any]:
        columns = {k: array(t) for k, t in _SENTENCE_ARRAYS.items()}
        owner, starts, ends = columns["owner"], columns["start"], columns["end"]
        more: list[np.ndarray] = []  # the extra scorers' values, block by block
        texts: list[str] = []  # the block's, until it is scored
        for i in range(lo, hi):
            para = doc.paragraphs[i]
            for s in split_sentences(doc.text[para.start : para.end], para.start):
                owner.append(i)
                starts.append(s.start)
                ends.append(s.end)
                texts.append(s.text)
            if len(texts) >= SCORE_BLOCK or i == hi - 1:
                first = len(columns["scores"]) // 4
                _score_block(score, texts, columns)
                if extra and texts:
                    primary = np.array(columns["scores"][first * 4 :: 4], dtype=float)
                    more.append(_extra_values(extra, texts, primary))
                texts = []
        m = len(owner)
        out: dict[str, Any] = {
            k: np.frombuffer(v, dtype=v.typecode) if len(v) else np.zeros(0, v.typecode)
            for k, v in columns.items()
        }
        out["scores"] = out["scores"].reshape(m, 4)
        out["lexicon"] = out["lexicon"].reshape(m, 2)
        if extra:
            out["more"] = np.concatenate(more, axis=1) if more else np.zeros((len(names), 0))
        if whole:
            paragraphs = doc.paragraphs[lo:hi]
            counts = [len(para.text.split()) for para in paragraphs]
            out["raw"] = np.array(
                [
                    score.score(para.text)
                    if MAX_RAW_WORDS is None or n <= MAX_RAW_WORDS
                    else (math.nan,) * 4
                    for para, n in zip(paragraphs, counts, strict=True)
                ],
                dtype=float,
            ).reshape(len(paragraphs), 4)
            out["paragraph_words"] = np.array(counts, dtype=np.int64)
        return out

    parts = _by_ranges(doc, workers, work)

    def joined(key: str, axis: int = 0) -> np.ndarray:
        """The parts' ``key`` arrays in one, each part's let go of as soon as it is copied."""
        arrays = [p.pop(key) for p in parts]
        return arrays[0] if len(arrays) == 1 else np.concatenate(arrays, axis=axis)

    owner, scores, lexicon = joined("owner"), joined("scores"), joined("lexicon")
    starts, ends, n_words = joined("start"), joined("end"), joined("n_words")
    roles = [doc.roles[i] for i in owner]
    more: dict[str, Any] = {}
    if extra:
        more = dict(zip(names, joined("more", axis=1), strict=True))
    if whole:
        more["raw"] = joined("raw")
        more["paragraph_words"] = joined("paragraph_words")
    return {
        "index": np.arange(len(owner)),
        "paragraph": owner,
        "role": string_column(roles),
        "chapter": string_column([doc.chapters[i] for i in owner]),
        "text": sentence_texts(doc.text, starts, ends),
        "start": starts,
        "end": ends,
        "n_words": n_words,
        "compound": scores[:, 0],
        "pos": scores[:, 1],
        "neu": scores[:, 2],
        "neg": scores[:, 3],
        "coverage": _coverage(lexicon[:, 0], lexicon[:, 1]),
        "position": np.array(positions(roles), dtype=float),
        "lexicon": lexicon,
        **more,
    }, _story_coverage(lexicon[:, 0], lexicon[:, 1], roles)


def _story(sentences: pd.DataFrame) -> pd.DataFrame:
    return sentences[sentences["role"].isin(STORY_ROLES)].reset_index(drop=True)


def windows(
    sentences: pd.DataFrame, window: int, step: int, *, columns: Sequence[str] = ()
) -> pd.DataFrame:
    """Word windows over the story, each scored as the mean of its words' sentence compounds.

    Every word carries the compound of its sentence, so a window's value is a word-weighted
    mean of sentence scores: linear in the text, and traceable to VADER on each sentence.
    Its ``coverage`` is likewise the mean of its words' sentence coverages, so a window of
    whole sentences has their known words over their words. Further sentence ``columns``
    (several scorers') are averaged as ``compound`` is and follow the usual columns.
    """
    import pandas as pd

    if window < 1 or step < 1:
        raise ValueError("window and step must be positive numbers of words")
    story = _story(sentences)
    counts = story["n_words"].to_numpy()
    total = int(counts.sum())
    check_length("window", {"window": window, "step": step}, words=total, sentences=len(story))
    # Word k belongs to sentence owner[k]; prefix sums make every window O(1).
    owner = np.repeat(np.arange(len(story)), counts)
    word_values = story["compound"].to_numpy()[owner]
    prefix = np.concatenate([[0.0], np.cumsum(word_values)])
    coverage = np.nan_to_num(story["coverage"].to_numpy())  # a sentence of no words has none
    known = np.concatenate([[0.0], np.cumsum(coverage[owner])])
    starts = window_starts(total, window, step)
    n = len(starts)
    first, last = owner[starts], owner[starts + window - 1]
    df = pd.DataFrame(
        {
            "index": np.arange(n),
            "chapter": story["chapter"].to_numpy()[first],
            "start": story["start"].to_numpy()[first],
            "end": story["end"].to_numpy()[last],
            "n_words": window,
            "n_sentences": last - first + 1,
            "compound": (prefix[starts + window] - prefix[starts]) / window,
            "coverage": (known[starts + window] - known[starts]) / window,
            "position": (starts + window / 2) / total,
        }
    )
    for column in columns:
        sums = np.concatenate([[0.0], np.cumsum(story[column].to_numpy()[owner])])
        df[column] = (sums[starts + window] - sums[starts]) / window
    return df[[*WINDOW_COLUMNS, *columns]]


def percentage_frame(
    sentences: pd.DataFrame, bins: int, *, columns: Sequence[str] = ()
) -> pd.DataFrame:
    """Syuzhet's percentage values over the story's sentences, one row per bin.

    A bin's ``coverage`` is the word-weighted mean of its sentences' coverage: their known
    words over their words. Further sentence ``columns`` (several scorers') are binned as
    ``compound`` is and follow the usual columns.
    """
    import pandas as pd

    from arc.analysis.smoothing import bin_edges, percentage_bins

    story = _story(sentences)
    values = story["compound"].to_numpy()
    check_length("bins", {"bins": bins}, words=int(story["n_words"].sum()), sentences=len(values))
    means = percentage_bins(values, bins)
    edges = bin_edges(len(values), bins)
    first, last = edges[:-1], edges[1:] - 1
    words = story["n_words"].to_numpy()
    coverage = np.nan_to_num(story["coverage"].to_numpy())  # a sentence of no words has none
    known = np.concatenate([[0.0], np.cumsum(coverage * words)])
    total = np.concatenate([[0], np.cumsum(words)])
    in_bin = total[edges[1:]] - total[edges[:-1]]
    df = pd.DataFrame(
        {
            "index": np.arange(bins),
            "chapter": story["chapter"].to_numpy()[first],
            "start": story["start"].to_numpy()[first],
            "end": story["end"].to_numpy()[last],
            "n_sentences": last - first + 1,
            "compound": means,
            "coverage": _coverage(known[edges[1:]] - known[edges[:-1]], in_bin),
            "position": (first + last) / 2 / max(1, len(values) - 1),
        }
    )
    for column in columns:
        df[column] = percentage_bins(story[column].to_numpy(dtype=float), bins)
    return df[[*BIN_COLUMNS, *columns]]


def sentence_frame(
    source: str | os.PathLike[str] | bytes | pd.DataFrame | None = None,
    *,
    text: str | None = None,
    encoding: str | None = None,
) -> pd.DataFrame:
    """The sentence frame of a source, or of a paragraph or sentence frame from analyze.

    A paragraph frame is split into sentences again exactly as :func:`arc.analyze` split it
    (each paragraph on its own), so its sentences and their scores are the ones its values
    were made from. Window and bin frames keep no text: explain them from their source.
    """
    import pandas as pd

    if not isinstance(source, pd.DataFrame):
        return analyze(source, "sentence", encoding=encoding, text=text)
    unit = source.attrs.get("unit", "paragraph" if "n_sentences" in source else "sentence")
    if unit == "sentence":
        return source
    if unit != "paragraph" or "text" not in source:
        raise SegmentError(
            f"a {unit} frame keeps no text to explain: explain its source "
            f"with unit={unit!r} instead"
        )
    return _resplit(source)


def _resplit(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """A paragraph frame's sentences, split and scored as :func:`arc.analyze` did."""
    import pandas as pd

    from arc.score.scorers import get_scorer
    from arc.text.segment import split_sentences

    score = get_scorer(frame_scorer(paragraphs))
    rows = []
    for p, (role, chapter, text, start) in enumerate(
        zip(
            paragraphs["role"],
            paragraphs["chapter"],
            paragraphs["text"],
            paragraphs["start"],
            strict=True,
        )
    ):
        for s in split_sentences(str(text), int(start)):
            rows.append((p, role, chapter, s.text, s.start, s.end, len(s.text.split())))
    df = pd.DataFrame(
        rows, columns=["paragraph", "role", "chapter", "text", "start", "end", "n_words"]
    )
    df.insert(0, "index", np.arange(len(df)))
    df["compound"] = [s.compound for s in score.score_many(df["text"])]
    df["position"] = np.array(positions(df["role"].tolist()), dtype=float)
    df.attrs.update(paragraphs.attrs, unit="sentence")
    return df
