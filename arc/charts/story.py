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
    coverage_caption,
    honest_caption,
    shape_caption,
    shape_of,
    signed,
    title_and_note,
)
from arc.charts.data import Annotation, Chart, Label, Line, Panel, Points, Ranges, floats
from arc.charts.honesty import (
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
)
from arc.score.scorers import frame_scorer
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
    and last story paragraphs are annotated with the sentence that moved them most. Captions
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
                "the range of its sentences",
            )
        )
    panel.lines.append(
        Line(floats(xs[story]), floats(y[story]), _value_label(value), width=1.8, fill=True)
    )
    panel.points.append(
        Points(
            floats(xs[story]),
            floats(y[story]),
            tone(y[story], scorer.neutral),
            "story paragraph",
            size=STORY_POINT,
            rows=[int(i) for i in rows.index[story]],
        )
    )
    if not story.all():
        panel.points.append(
            Points(
                floats(xs[~story]),
                floats(y[~story]),
                [NEUTRAL_GREY] * int((~story).sum()),
                "paratext",
                size=PARATEXT_POINT,
                hollow=True,
                rows=[int(i) for i in rows.index[~story]],
            )
        )
        for xi, role in _role_runs(xs, rows["role"].to_numpy(), story):
            panel.labels.append(Label(xi, lo + 0.03 * (hi - lo), role, rotation=90))
    honest = _story_honesty(result, rows, story, value, band=band, null=null)
    if honest is not None:
        panel.bands = [b for b in honest_bands(honest) if b.color != BEYOND]
        if panel.bands:
            panel.lines[0].fill = False
        low, high = honest["null_low"].to_numpy(), honest["null_high"].to_numpy()
        beyond = (y[story] > high) | (y[story] < low)
        if beyond.any():  # single paragraphs: ringed, as a stretch of a line is shaded
            panel.points.append(
                Points(
                    floats(xs[story][beyond]),
                    floats(y[story][beyond]),
                    [BEYOND] * int(beyond.sum()),
                    "beyond the envelope",
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
    parts = [
        f"{UNITS['paragraph'].noun(n_story).replace('paragraph', 'story paragraph')}",
        f"each point: {how}" + (" · bars: its sentences' range" if spread else ""),
        f"grey band: neutral (±{scorer.neutral:g})",
        "x: the index column of arc score",
    ]
    if left_out:
        parts.append(f"left out: {', '.join(left_out)}")
    parts.extend(honest_caption(honest, "gold rings"))
    coverage = text_coverage(df)
    if coverage is not None:
        low = low_paragraphs(rows[story], coverage, span_share(DEFAULT_SMOOTHER, {}))
        panel.shades = coverage_shades(low)
        parts.append(coverage_caption(coverage, bool(low)))
    found = shape_of(result, DEFAULT_SMOOTHER, value, {})
    if found is not None:
        parts.insert(0, shape_caption(found, "its rolling mean"))
    ticks = x if len(x) <= 30 else floats(np.unique(np.linspace(min(x), max(x), 11).round()))
    return Chart(
        "story",
        title,
        note + " · ".join(parts),
        "paragraph (its index in the table), in narrative order",
        xlim,
        ticks,
        [f"{t:g}" for t in ticks],
        [panel],
        size=STORY_SIZE,
        meta={"unit": "paragraph", "value": value, "scorer": scorer.name},
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
        return "paragraph sentiment (mean of its sentences)"
    return f"paragraph sentiment ({value})"


def _role_runs(x: np.ndarray, roles: np.ndarray, story: np.ndarray) -> list[tuple[float, str]]:
    """One label per run of consecutive paratext rows with the same role, at its middle."""
    out = []
    start = None
    for k in range(len(roles) + 1):
        same = k < len(roles) and not story[k] and start is not None and roles[k] == roles[start]
        if same:
            continue
        if start is not None:
            out.append((float(x[start:k].mean()), str(roles[start])))
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
    """The lowest, highest and last story paragraphs, each quoting its driving sentence."""
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
    notes = []
    for row, kinds in picks.items():
        v = float(df.at[row, value])
        down = "lowest" in kinds or ("highest" not in kinds and v < 0)
        sentence = result.driving_sentence(row, down=down)
        caption = f"{', '.join(kinds)} ({signed(v)}): \u201c{excerpt(sentence)}\u201d"
        notes.append((float(df.at[row, "index"]), v, kinds, caption, row, sentence, down))
    placed = place_annotations(notes, xlim, width_in, lo, hi)
    return [
        Annotation(
            x, y, caption, kinds, sign_color(y, scorer.neutral), tx, ty, ha, va, row, sentence
        )
        for (x, y, kinds, caption, row, sentence, _), (tx, ty, ha, va) in zip(
            notes, placed, strict=True
        )
    ]
