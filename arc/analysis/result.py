"""One text analysed once: its frame, its scored sentence table, and every number a view reads.

statsmodels' pattern: fitting returns a results object whose quantities are computed on first
use and kept. :class:`Analysis` holds the unit frame and the scored sentence table it was
computed from (:func:`arc.analysis.frame.frames`: split and scored once), and computes on
demand, once each, the smoothed line with its band and envelope, the turning points and the
shape, which all read that one line. Charts, the command's tables, and later the page and
the corpus read an ``Analysis``; none of them splits, scores or smooths the text again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from arc.analysis.turns import MAX_TURNS

if TYPE_CHECKING:
    import pandas as pd

    from arc.analysis.frame import Unit
    from arc.analysis.shapes import ArcShape
    from arc.cache import Cache
    from arc.text.document import Document

__all__ = ["Analysis", "as_analysis"]


class Analysis:
    """A text's frame and scored sentence table, with its lines, turns and shapes kept.

    Build one with :meth:`of` (from a file, bytes or text) or :meth:`from_document`;
    :func:`as_analysis` wraps a frame made elsewhere (its sentence table is then split
    again once, only if a view needs it).

    Examples
    --------
    >>> result = Analysis.of(unit="sentence")  # the embedded vignette
    >>> result.frame is result.sentences
    True
    >>> line = result.line("rolling")
    >>> result.turns("rolling").attrs["method"], result.shape("rolling").name in {
    ...     "rags to riches", "riches to rags", "man in a hole", "icarus", "cinderella",
    ...     "oedipus", "no clear shape"}
    ('rolling', True)
    >>> result.line("rolling") is line  # computed once
    True
    """

    def __init__(self, frame: pd.DataFrame, sentences: pd.DataFrame | None = None) -> None:
        self.frame = frame
        self._sentences = sentences
        self._lines: dict[tuple[Any, ...], pd.DataFrame] = {}
        self._turns: dict[tuple[Any, ...], pd.DataFrame] = {}
        self._shapes: dict[tuple[Any, ...], ArcShape] = {}

    @classmethod
    def of(
        cls,
        source: str | os.PathLike[str] | bytes | None = None,
        unit: Unit = "paragraph",
        *,
        text: str | None = None,
        encoding: str | None = None,
        window: int | None = None,
        step: int | None = None,
        bins: int | None = None,
        scorer: str | None = None,
        scorers: Sequence[str] | None = None,
        workers: int | None = None,
        cache: Cache | None = None,
    ) -> Analysis:
        """Read and analyse a text, as :func:`arc.analyze` does, keeping its sentence table.

        With a ``cache`` (:func:`arc.cache.default_cache`), a text analysed before with the
        same unit and scorers is read from it, not split and scored again.
        """
        from arc.text.document import load

        doc = load(source, encoding, text=text)
        return cls.from_document(
            doc,
            unit,
            window=window,
            step=step,
            bins=bins,
            scorer=scorer,
            scorers=scorers,
            workers=workers,
            cache=cache,
        )

    @classmethod
    def from_document(
        cls,
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
    ) -> Analysis:
        """Analyse a parsed document: one split, one scoring, the unit's frame read from it."""
        from arc.analysis.frame import frames

        df, sentences = frames(
            doc,
            unit,
            window=window,
            step=step,
            bins=bins,
            scorer=scorer,
            scorers=scorers,
            workers=workers,
            cache=cache,
        )
        return cls(df, sentences)

    @property
    def sentences(self) -> pd.DataFrame:
        """The scored sentence table every unit is read from (split again once, if wrapped).

        Window and bin frames made elsewhere keep no text: their table cannot be rebuilt,
        and asking for it raises :class:`~arc.errors.SegmentError`.
        """
        if self._sentences is None:
            from arc.analysis.frame import sentence_frame

            self._sentences = sentence_frame(self.frame)
        return self._sentences

    def sentences_if_any(self) -> pd.DataFrame | None:
        """The sentence table when it is known or can be rebuilt from the frame's text."""
        if self._sentences is not None:
            return self._sentences
        if self.frame.attrs.get("unit") in ("sentence", "paragraph") and "text" in self.frame:
            return self.sentences
        return None

    def line(
        self,
        method: str,
        value: str = "compound",
        *,
        band: bool = True,
        null: bool = True,
        seed: int | None = None,
        **params: Any,
    ) -> pd.DataFrame:
        """The smoothed line with its band and envelope (:func:`arc.smoothed_arc`), kept."""
        from arc.analysis.timeline import smoothed_arc

        key = (method, value, band, null, seed, _frozen(params))
        if key not in self._lines:
            table = self.sentences_if_any() if null else None
            self._lines[key] = smoothed_arc(
                self.frame,
                method,
                value,
                band=band,
                null=null,
                seed=seed,
                sentences=table,
                **params,
            )
        return self._lines[key]

    def _plain_line(self, method: str, value: str, params: dict[str, Any]) -> pd.DataFrame:
        """Any kept line of this smoother: its ``time`` and ``value`` do not depend on bands."""
        for (m, v, _, _, _, p), kept in self._lines.items():
            if (m, v, p) == (method, value, _frozen(params)):
                return kept
        return self.line(method, value, band=False, null=False, **params)

    def driving_sentence(self, row: int, *, down: bool) -> str:
        """The sentence of paragraph-frame row ``row`` that moves its value most (or least).

        Read from the sentence table when the analysis has it (the sentences and scores the
        paragraph's value was made of); otherwise its text is split and scored again
        (:func:`arc.analysis.labels.driving_sentence`). Ties go to the earlier sentence.
        """
        from arc.analysis.labels import driving_sentence
        from arc.score.scorers import frame_scorer

        df = self.frame
        if self._sentences is None or "paragraph" not in self._sentences:
            return driving_sentence(str(df.at[row, "text"]), down=down, scorer=frame_scorer(df))
        table = self._sentences
        mine = table[table["paragraph"].to_numpy() == int(df.at[row, "index"])]
        if mine.empty:
            return str(df.at[row, "text"])
        values = mine["compound"].to_numpy(dtype=float)
        best = int(values.argmin() if down else values.argmax())
        return str(mine["text"].iloc[best])

    def turns(
        self,
        method: str,
        value: str = "compound",
        *,
        prominence: float | None = None,
        limit: int | None = MAX_TURNS,
        **params: Any,
    ) -> pd.DataFrame:
        """The turning points of the line (:func:`arc.turning_points`), read from it, kept."""
        from arc.analysis.turns import turning_points

        key = (method, value, prominence, limit, _frozen(params))
        if key not in self._turns:
            line = self._plain_line(method, value, params) if len(self.frame) else None
            self._turns[key] = turning_points(
                self.frame,
                method,
                value=value,
                prominence=prominence,
                limit=limit,
                line=line,
                **params,
            )
        return self._turns[key]

    def shape(self, method: str, value: str = "compound", **params: Any) -> ArcShape:
        """The arc's shape (:func:`arc.shape`) on the same line, kept; ``ValueError`` if none."""
        from arc.analysis.shapes import shape

        key = (method, value, _frozen(params))
        if key not in self._shapes:
            line = self._plain_line(method, value, params)
            self._shapes[key] = shape(self.frame, method, value=value, line=line, **params)
        return self._shapes[key]


def as_analysis(data: pd.DataFrame | Analysis) -> Analysis:
    """``data`` itself if it is an :class:`Analysis`, else a frame wrapped in one."""
    return data if isinstance(data, Analysis) else Analysis(data)


def _frozen(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Smoother parameters as a hashable key, in a fixed order."""
    return tuple(sorted(params.items()))
