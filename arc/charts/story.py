"""The story chart: a short text's paragraphs, one point each, on the scorer's whole scale.

Each point is found in ``arc score``'s table by its index; the lowest, highest and last are
annotated with the sentence that moved them most, in the margins beyond the value range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.labels import excerpt
from arc.analysis.result import Analysis, as_analysis
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.captions import (
    chance_verdict,
    coverage_caption,
    honest_caption,
    shape_of,
    shape_verdict,
    signed,
    title_and_note,
    verdict,
)
from arc.charts.data import Annotation, Chart, Label, Line, Panel, Points, Ranges, floats
from arc.charts.honesty import (
    BEYOND_CHANCE,
    NOT_TESTED,
    coverage_shades,
    honest_bands,
    low_paragraphs,
    span_share,
    text_coverage,
)
from arc.charts.layout import frame_scale, place_annotations
from arc.charts.theme import (
    BEYOND,
    NEUTRAL_GREY,
    PARATEXT_POINT,
    RING_POINT,
    STORY_POINT,
    STORY_SIZE,
    sign_color,
    tone,
    tone_keys,
)
from arc.score.scorers import frame_scorer, get_scorer
from arc.text.paratext import STORY_ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["story_chart"]


def story_chart(
    data: pd.DataFrame | Analysis,
    *,
    title: str | None = None,
    value: str = "compound",
    include_paratext: bool = False,
    annotate: bool = True,
    band: bool = True,
    null: bool = True,
    width: float | None = None,
) -> Chart:
    """The story chart of a paragraph frame: one point per paragraph on the scorer's scale.

    The x axis is the frame's ``index`` column, so a point is found in ``arc score``'s
    table by its number. Each point has a bar over its sentences' range; the lowest, highest
    and last story paragraphs are annotated: the lowest and highest with the sentence that
    moved them most, the ending with the story's last sentence, each box in the colour of
    the sentence it quotes. The subtitle gives the verdict (shape, how much is beyond
    chance, how many paragraphs are negative); the caption under the legend, how. Captions
    are laid out for a figure ``width`` inches wide (default: the chart's own size).

    Examples
    --------
    >>> import arc
    >>> chart = story_chart(arc.analyze())
    >>> chart.title, chart.panel("arc").points[0].x[:3]
    ('Final Goodbyes', [2.0, 3.0, 4.0])
    """
    result = as_analysis(data)
    df = result.frame
    scorer = frame_scale(df)
    lo, hi = scorer.value_range
    story_mask = df["role"].isin(STORY_ROLES)
    rows = df if include_paratext else df[story_mask]
    title, note = title_and_note(df, title)
    margin = (hi - lo) * 0.21  # annotation boxes live beyond the value range
    panel = Panel(
        "arc",
        f"sentiment ({scorer.label})",
        (lo - margin, hi + margin),
        floats(np.linspace(lo, hi, 5)),
        spine=(lo, hi),
        neutral=scorer.neutral,
        signs=True,
    )
    n_story = int(story_mask.sum())
    if rows.empty:
        return Chart("story", title, note.rstrip(" ·"), "", (0.0, 1.0), [], None, [panel])
    x = floats(rows["index"])
    y = rows[value].to_numpy(dtype=float)
    story = rows["role"].isin(STORY_ROLES).to_numpy()
    spread = {"compound_min", "compound_max"} <= set(rows) and value == "compound"
    xs = np.asarray(x)
    if spread:
        panel.ranges.append(
            Ranges(
                floats(xs[story]),
                floats(rows["compound_min"][story]),
                floats(rows["compound_max"][story]),
                "its sentences, lowest to highest",
            )
        )
    panel.lines.append(Line(floats(xs[story]), floats(y[story]), _value_label(value), width=1.8))
    panel.points.append(
        Points(
            floats(xs[story]),
            floats(y[story]),
            tone(y[story], scorer.neutral),
            "story paragraph",
            size=STORY_POINT,
            rows=[int(i) for i in rows.index[story]],
            keys=tone_keys("paragraph", scorer.neutral),
        )
    )
    if not story.all():
        panel.points.append(
            Points(
                floats(xs[~story]),
                floats(y[~story]),
                [NEUTRAL_GREY] * int((~story).sum()),
                "not the story (" + ", ".join(sorted(set(rows["role"][~story]))) + ")",
                size=PARATEXT_POINT,
                hollow=True,
                rows=[int(i) for i in rows.index[~story]],
            )
        )
        for xi, top, role in _role_runs(xs, y, rows["role"].to_numpy(), story):
            # next to its hollow points: just above the highest of them
            panel.labels.append(Label(xi, top + 0.05 * (hi - lo), role))
    honest = _story_honesty(result, rows, story, value, band=band, null=null)
    if honest is not None:
        panel.bands = [b for b in honest_bands(honest) if b.color != BEYOND]
        low, high = honest["null_low"].to_numpy(), honest["null_high"].to_numpy()
        beyond = (y[story] > high) | (y[story] < low)
        if beyond.any():  # single paragraphs: ringed, as a stretch of a line is shaded
            panel.points.append(
                Points(
                    floats(xs[story][beyond]),
                    floats(y[story][beyond]),
                    [BEYOND] * int(beyond.sum()),
                    BEYOND_CHANCE,
                    size=RING_POINT,
                    hollow=True,
                    overlay=True,
                )
            )
    xlim = (min(x) - 0.6, max(x) + 0.6)
    if annotate:
        panel.annotations = _story_annotations(
            result, rows, value, scorer, xlim, width or STORY_SIZE[0]
        )
    left_out = sorted(set(df["role"]) - set(rows["role"]))
    how = f"the mean {scorer.label} of its sentences" if value == "compound" else value
    parts = [note.rstrip(" ·")] if note else []
    parts += [
        f"{UNITS['paragraph'].noun(n_story).replace('paragraph', 'story paragraph')}, "
        f"each point {how}",
        "x: the paragraph's number, as in the table arc score writes",
    ]
    if left_out:
        parts.append(f"left out: {', '.join(left_out)}")
    parts.extend(honest_caption(honest))
    coverage = text_coverage(df)
    if coverage is not None:
        low = low_paragraphs(rows[story], coverage, span_share(DEFAULT_SMOOTHER, {}))
        panel.shades = coverage_shades(low)
        parts.append(coverage_caption(coverage, bool(low)))
    found = shape_of(result, DEFAULT_SMOOTHER, value, {})
    story_y = y[story]
    negative = int((story_y < -scorer.neutral).sum())
    positive = int((story_y > scorer.neutral).sum())
    tally = f"{negative} of {len(story_y)} paragraphs negative, {positive} positive"
    subtitle = verdict(shape_verdict(found), chance_verdict(honest) if null else NOT_TESTED, tally)
    ticks = x if len(x) <= 30 else floats(np.unique(np.linspace(min(x), max(x), 11).round()))
    return Chart(
        "story",
        title,
        subtitle,
        "paragraph, in narrative order",
        xlim,
        ticks,
        [f"{t:g}" for t in ticks],
        [panel],
        size=STORY_SIZE,
        meta={"unit": "paragraph", "value": value, "scorer": scorer.name},
        caption=" \u00b7 ".join(parts),
    )


def _story_honesty(
    result: Analysis,
    rows: pd.DataFrame,
    story: np.ndarray,
    value: str,
    *,
    band: bool,
    null: bool,
) -> pd.DataFrame | None:
    """The story chart's band and envelope per story paragraph, or None (neither, no text).

    As :func:`arc.analysis.timeline.smoothed_arc` has them: a bootstrap of each paragraph's own
    sentences, and the word-salad envelope of the paragraph means
    (:mod:`arc.analysis.uncertainty`).
    """
    import pandas as pd

    from arc.analysis.uncertainty import (
        SEED,
        frame_weights,
        null_envelope,
        outside,
        paragraph_band,
        salad_scores,
    )

    df = result.frame
    if value != "compound" or not (band or null) or "text" not in df or not story.any():
        return None
    sentences = result.sentences_if_any()
    found = frame_weights(df, sentences)
    if found is None:
        return None
    weights, texts = found
    x = rows["index"].to_numpy(dtype=float)[story]
    y = rows[value].to_numpy(dtype=float)[story]
    nan = np.full(len(y), np.nan)
    line = pd.DataFrame(
        {"time": x, "value": y, "low": nan, "high": nan, "null_low": nan, "null_high": nan}
    )
    if band and sentences is not None:
        body = sentences[sentences["role"].isin(STORY_ROLES)]
        low, high, line.attrs["band"] = paragraph_band(
            body["compound"].to_numpy(dtype=float), body["paragraph"].to_numpy(), seed=SEED
        )
        line["low"], line["high"] = low, high
    if null:
        salad = salad_scores(texts, frame_scorer(df), SEED)
        low, high, info = null_envelope(y, y, salad, weights, None, {}, seed=SEED)
        line["null_low"], line["null_high"] = low, high
        info.update(outside(y, low, high, np.arange(len(y)) / max(1, len(y) - 1) * 100))
        line.attrs["null"] = info
    return line


def _value_label(value: str) -> str:
    if value == "compound":
        return "paragraph sentiment, in order"
    return f"paragraph sentiment ({value})"


def _role_runs(
    x: np.ndarray, y: np.ndarray, roles: np.ndarray, story: np.ndarray
) -> list[tuple[float, float, str]]:
    """One label per run of consecutive paratext rows with the same role: ``(x, y, role)``.

    ``x`` is the run's middle, ``y`` the highest of its values (the label goes just above).
    """
    out = []
    start = None
    for k in range(len(roles) + 1):
        same = k < len(roles) and not story[k] and start is not None and roles[k] == roles[start]
        if same:
            continue
        if start is not None:
            out.append((float(x[start:k].mean()), float(np.nanmax(y[start:k])), str(roles[start])))
            start = None
        if k < len(roles) and not story[k]:
            start = k
    return out


def _story_annotations(
    result: Analysis,
    rows: pd.DataFrame,
    value: str,
    scorer: Any,
    xlim: tuple[float, float],
    width_in: float,
) -> list[Annotation]:
    """The lowest, highest and last story paragraphs, each quoting a sentence of its own.

    The lowest and highest quote the sentence that moved them most; the ending quotes the
    story's last sentence (how it ends, whatever its paragraph's mean says). Each box takes
    the colour of the sentence it quotes.
    """
    df = result.frame
    story = rows[rows["role"].isin(STORY_ROLES)]
    if story.empty:
        return []
    values = story[value].astype(float)
    picks: dict[int, list[str]] = {}
    if values.max() > values.min():
        picks.setdefault(int(values.idxmin()), []).append("lowest")
        picks.setdefault(int(values.idxmax()), []).append("highest")
    picks.setdefault(int(story.index[-1]), []).append("ending")
    lo, hi = scorer.value_range
    last = int(story.index[-1])
    said = get_scorer(frame_scorer(df))
    notes = []
    for row, kinds in picks.items():
        v = float(df.at[row, value])
        down = "lowest" in kinds or ("highest" not in kinds and v < 0)
        closing = kinds == ["ending"] and row == last
        sentence = (
            _last_sentence(result, row) if closing else result.driving_sentence(row, down=down)
        )
        own = float(said.score(sentence).compound)
        # The ending quotes the story's last sentence, and gives that sentence's own score:
        # the number agrees with the box's colour, even where the paragraph's mean does not.
        head = (
            f"ending, last sentence ({signed(own)})"
            if closing
            else f"{', '.join(kinds)} ({signed(v)})"
        )
        caption = f"{head}: \u201c{excerpt(sentence)}\u201d"
        notes.append((float(df.at[row, "index"]), v, kinds, caption, row, sentence, down, own))
    placed = place_annotations([n[:7] for n in notes], xlim, width_in, lo, hi)
    return [
        Annotation(
            x,
            y,
            caption,
            kinds,
            sign_color(own, scorer.neutral),
            tx,
            ty,
            ha,
            va,
            row,
            sentence,
            lift,
        )
        for (x, y, kinds, caption, row, sentence, _, own), (tx, ty, ha, va, lift) in zip(
            notes, placed, strict=True
        )
    ]


def _last_sentence(result: Analysis, row: int) -> str:
    """The last sentence of paragraph-frame row ``row``: from the sentence table, or split."""
    from arc.text.segment import split_sentences

    df = result.frame
    table = result.sentences_if_any()
    if table is not None and "paragraph" in table:
        mine = table[table["paragraph"].to_numpy() == int(df.at[row, "index"])]
        if not mine.empty:
            return str(mine["text"].iloc[-1])
    found = split_sentences(str(df.at[row, "text"]))
    return found[-1].text if found else str(df.at[row, "text"])
