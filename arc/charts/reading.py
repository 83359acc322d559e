"""What the interactive page reads besides the chart: the text behind each point, word by word.

The page (:mod:`arc.charts.page`) draws a :class:`~arc.charts.data.Chart`; this module gathers,
from the same :class:`~arc.analysis.result.Analysis`, what a reader asks of a point: the
sentences of each unit drawn and how much each counts in it
(:func:`arc.analysis.weights.unit_weights`), and each word's part in its sentence's score
(:func:`arc.explain`'s ``share``). Nothing is scored or smoothed again. The page's script turns
these into the hover's excerpt and spread, the tinted paragraph, the words up and down, and
the word shift of a selected span, each a sum of these numbers.

:func:`reading_data` returns plain JSON-able values; :func:`pack` compresses them for the page
(a long novel's text is most of the page: War and Peace's 3.2 MB become about 1.5 MB).

Layout of the data (``sentences`` are the analysis's sentence table rows ``first`` onwards)::

    {"unit": "sentence", "noun": "sentence", "scorer": "vader", "words_by": "VADER",
     "first": 12,                      # the table row of sentences[0]
     "sentences": ["It was ...", ...], # their texts
     "paragraph": [0, 0, 1, ...],      # each one's paragraph
     "compound": [0.42, ...],          # each one's score (4 places)
     "words": [[start, length, share, ...], ...],  # per sentence, flat triples; share x 1e4
     "emphasis": [0, 120, ...],        # per sentence, the "!"/"?" emphasis share x 1e4
     "units": {"index": [...], "value": [...], "chapter": [...], "start": [...],
               "count": [...], "weights": [[...] or null], "story": [true, ...]},
     "chapters": [{"x": 0.0, "label": "1.1", "major": true}, ...]}

A unit's sentences are ``start .. start + count - 1`` (positions in ``sentences``), with
weights ``weights[u]`` (``null``: each counts ``1 / count``); ``story`` is false for paratext
(``arc plot --all``), which a span's word shift leaves out of the whole story, as
:func:`arc.explain` does.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.narrative import chapter_starts, story_values

if TYPE_CHECKING:
    import pandas as pd

    from arc.analysis.result import Analysis
    from arc.charts.data import Chart

__all__ = ["SHARE_SCALE", "pack", "reading_data", "unit_points", "word_spans"]

#: Shares are shipped as integers: the share times this (4 decimal places, as VADER rounds).
SHARE_SCALE = 10_000


def unit_points(chart: Chart, frame: pd.DataFrame) -> list[tuple[int, int, list[int]]]:
    """Which drawn points are the text's units: ``(panel, points, frame index values)``.

    Points that name their frame ``rows`` are those rows; points without, as many as the
    story's units and at their narrative times, are the story units in order. Rings and other
    overlays are marks on points, not units.
    """
    story = story_values(frame)
    story_index = story["index"].to_numpy(dtype=np.int64) if "index" in story else None
    found = []
    for p, panel in enumerate(chart.panels):
        for k, pts in enumerate(panel.points):
            if pts.overlay or not pts.x:
                continue
            if pts.rows and "index" in frame:
                values = frame.loc[pts.rows, "index"].to_numpy(dtype=np.int64).tolist()
                found.append((p, k, values))
            elif story_index is not None and len(pts.x) == len(story_index):
                found.append((p, k, story_index.tolist()))
    return found


def word_spans(text: str, rows: list[tuple[int, str]]) -> list[tuple[int, int] | None]:
    """Where each of VADER's words ``(position, token)`` stands in ``text``: ``(start, length)``.

    VADER's words are the text's whitespace-separated pieces, each stripped of the punctuation
    around it (:func:`arc.explain`'s ``position`` counts them); the token is found inside its
    piece, or, if VADER read the text otherwise (emoji written out), after the previous word.
    ``None`` for a word not found.

    Examples
    --------
    >>> word_spans("I love it, truly!", [(1, "love"), (3, "truly")])
    [(2, 4), (11, 5)]
    """
    pieces = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    out: list[tuple[int, int] | None] = []
    after = 0
    for position, token in rows:
        at = -1
        if 0 <= position < len(pieces):
            start, piece = pieces[position]
            inside = piece.find(token)
            at = start + inside if inside >= 0 else -1
        if at < 0:
            at = text.find(token, after)
        if at < 0:
            out.append(None)
            continue
        out.append((at, len(token)))
        after = at + len(token)
    return out


def reading_data(chart: Chart, result: Analysis) -> dict[str, Any] | None:
    """The text behind the chart's points, as the page reads it (the module's layout).

    ``None`` when the chart draws no unit of ``result`` as points (a compare chart) or the
    analysis keeps no sentences (a window or bin frame made elsewhere).
    """
    from arc.analysis.weights import unit_weights

    frame = result.frame
    drawn = unit_points(chart, frame)
    table = result.sentences_if_any()
    unit = str(frame.attrs.get("unit", "paragraph"))
    if not drawn or table is None or unit not in ("sentence", "paragraph", "window", "bins"):
        return None
    params = {k: frame.attrs[k] for k in ("window", "step", "bins") if frame.attrs.get(k)}
    weights = unit_weights(table, unit, **params)
    wanted = sorted({i for _, _, values in drawn for i in values})
    where = {int(u): k for k, u in enumerate(weights.units.tolist())}
    chosen = [where[i] for i in wanted if i in where]
    if not chosen:
        return None
    starts = np.searchsorted(weights.index, np.array([weights.units[k] for k in chosen]), "left")
    ends = np.searchsorted(weights.index, np.array([weights.units[k] for k in chosen]), "right")
    first = int(min(weights.sentence[a] for a in starts))
    last = int(max(weights.sentence[b - 1] for b in ends))
    texts = table["text"].astype(str).tolist()[first : last + 1]
    compounds = table["compound"].to_numpy(dtype=float)[first : last + 1]
    paragraphs = (
        table["paragraph"].to_numpy(dtype=np.int64)[first : last + 1].tolist()
        if "paragraph" in table
        else [0] * len(texts)
    )
    values = frame.set_index("index")["compound"] if "compound" in frame else None
    chapters = frame.set_index("index")["chapter"] if "chapter" in frame else None
    units: dict[str, list[Any]] = {
        "index": [],
        "value": [],
        "chapter": [],
        "start": [],
        "count": [],
        "weights": [],
        "story": [],
    }
    for k, a, b in zip(chosen, starts.tolist(), ends.tolist(), strict=True):
        index = int(weights.units[k])
        sent = weights.sentence[a:b]
        w = weights.weight[a:b]
        units["index"].append(index)
        units["story"].append(bool(weights.story[k]))
        value = float(values.loc[index]) if values is not None else math.nan
        units["value"].append(round(value, 4) if math.isfinite(value) else None)
        chapter = chapters.loc[index] if chapters is not None else None
        units["chapter"].append(None if chapter is None or chapter != chapter else str(chapter))
        units["start"].append(int(sent[0]) - first)
        units["count"].append(int(sent[-1]) - int(sent[0]) + 1)
        even = len(sent) == int(sent[-1]) - int(sent[0]) + 1 and np.allclose(w, 1 / len(sent))
        units["weights"].append(None if even else [round(float(x), 6) for x in w])
    words, emphasis, words_by = _words(table, first, len(texts), str(frame.attrs.get("scorer")))
    marks = chapter_starts(frame)
    return {
        "unit": unit,
        "noun": {"bins": "bin"}.get(unit, unit),
        "scorer": str(frame.attrs.get("scorer") or "vader"),
        "words_by": words_by,
        "first": first,
        "sentences": texts,
        "paragraph": paragraphs,
        "compound": [round(float(c), 4) for c in compounds],
        "words": words,
        "emphasis": emphasis,
        "units": units,
        "chapters": [
            {"x": round(float(r.time), 4), "label": str(r.label), "major": bool(r.major)}
            for r in marks.itertuples()
        ],
    }


def _words(
    table: pd.DataFrame, first: int, n: int, scorer: str
) -> tuple[list[list[int]], list[int], str]:
    """Each sentence's words as flat ``[start, length, share, ...]`` and its emphasis share.

    Read from :func:`arc.explain` of the sentence table (VADER's own valences, each a share
    of its sentence's compound). Only a VADER arc is explained word by word: for another
    scorer, no words (the page says so).
    """
    words: list[list[int]] = [[] for _ in range(n)]
    emphasis = [0] * n
    if scorer not in ("vader", "None", ""):
        return words, emphasis, ""
    from arc.analysis.explanation import PUNCTUATION, explain

    rows = explain(table, "sentence")
    if rows.empty:
        return words, emphasis, "VADER"
    texts = table["text"].astype(str).tolist()
    found: dict[int, list[tuple[int, str, float]]] = {}
    for sentence, position, token, share in zip(
        rows["sentence"].tolist(),
        rows["position"].tolist(),
        rows["token"].tolist(),
        rows["share"].tolist(),
        strict=True,
    ):
        s = int(sentence) - first
        if not 0 <= s < n:
            continue
        if token == PUNCTUATION:
            emphasis[s] += round(float(share) * SHARE_SCALE)
        else:
            found.setdefault(int(sentence), []).append((int(position), str(token), float(share)))
    for sentence, parts in found.items():
        spans = word_spans(texts[sentence], [(p, t) for p, t, _ in parts])
        flat: list[int] = []
        for span, (_, _, share) in zip(spans, parts, strict=True):
            scaled = round(share * SHARE_SCALE)
            if span is not None and scaled:
                flat.extend((span[0], span[1], scaled))
        words[sentence - first] = flat
    return words, emphasis, "VADER"


def pack(data: dict[str, Any] | None) -> str:
    """``data`` as gzip-compressed JSON in base64: no ``<`` or ``&``, safe anywhere in HTML.

    Compressed the same way each time (no timestamp), so a page is the same bytes each time.

    Examples
    --------
    >>> import base64, gzip, json
    >>> json.loads(gzip.decompress(base64.b64decode(pack({"text": "</script>"}))))
    {'text': '</script>'}
    """
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(gzip.compress(raw.encode("utf-8"), 9, mtime=0)).decode("ascii")
