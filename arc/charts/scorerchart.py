"""Charts of several readers: scorers' arcs side by side, and NRC's eight emotions.

Both are :class:`arc.charts.data.Chart` data, drawn by :mod:`arc.charts.drawing` like every
other chart.

* :func:`scorers_chart`: each scorer's smoothed arc on one panel, on one scale (each divided
  by its own unit values' standard deviation, :mod:`arc.analysis.agreement`), each in its
  scorer's colour (:data:`arc.charts.theme.SCORER_COLORS`, as on every chart), the ensemble
  arc thick and dark with the scorers' spread (lowest to highest scorer) as a band around it.
  The subtitle says in words how well the scorers agree (:func:`agreement_verdict`, from the
  Pearson r of each pair of arcs, also in ``meta["agreement"]``). The ensemble is a weighted
  sum of the scorers, not their average: on the chart's scale it is exactly a combination
  of the drawn scorer arcs whose weights (``meta["ensemble_weights"]``, measured from the
  arcs) need not sum to 1, so it can leave their spread; the caption gives the weights and
  the share of points where it does (``meta["ensemble_outside"]``).
* :func:`emotions_chart`: small multiples, one thin panel per emotion stacked on one
  narrative-time axis. Each shows the emotion's **share of NRC's emotion words** at that
  point of the story (its smoothed count over the eight smoothed counts), all eight panels
  on **one shared scale** and in one colour (each panel names its emotion), so the panels
  compare at a glance (trust and anticipation run higher than disgust or surprise in most
  texts, and that difference is part of the reading); a grey line on each marks that
  emotion's share over the whole story, so its rises and falls read against its own level.
  The subtitle names the emotions that rise and fall most from the story's first fifth to
  its last (:func:`emotion_fifths`).
"""

from __future__ import annotations

from itertools import cycle
from typing import TYPE_CHECKING, Any

import numpy as np

from arc.analysis.agreement import agreement, scorer_arcs
from arc.analysis.smoothers import smoother_caption
from arc.analysis.timeline import smoothed_arc, story_values
from arc.analysis.units import UNITS
from arc.analysis.view import DEFAULT_SMOOTHER
from arc.charts.captions import title_and_note, verdict
from arc.charts.data import Band, Chart, Line, Panel, floats
from arc.charts.layout import chapter_marks, narrative_axis, nice_ticks
from arc.charts.theme import (
    EMOTION_ALPHA,
    EMOTION_COLOR,
    EMOTIONS_SIZE,
    LONG_SIZE,
    OVERALL,
    PALETTE,
    SCORER_COLORS,
    SPREAD,
    SPREAD_ALPHA,
)
from arc.score.scorers import EMOTIONS, scorer_info

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AGREE_BROADLY",
    "AGREE_CLOSELY",
    "AGREE_LOOSELY",
    "EMOTIONS_SIZE",
    "ENSEMBLE",
    "MIN_CHANGE",
    "SPREAD_LABEL",
    "TIE",
    "agreement_verdict",
    "emotion_fifths",
    "emotion_shares",
    "emotions_chart",
    "emotions_verdict",
    "ensemble_weights",
    "scorer_colors",
    "scorers_chart",
]

#: Two scorers' arcs with a Pearson r at least this high agree closely; at least
#: :data:`AGREE_BROADLY`, broadly; at least :data:`AGREE_LOOSELY`, loosely; below it, they
#: disagree.
AGREE_CLOSELY = 0.8
AGREE_BROADLY = 0.5
AGREE_LOOSELY = 0.3
#: The legend's words for the ensemble's line and for the band of the scorers' spread.
ENSEMBLE = "ensemble (a weighted sum of the scorers)"
SPREAD_LABEL = "the scorers' spread (lowest to highest scorer)"
#: The emotions chart's words for each panel's line (and its fill) and its grey level line.
SHARE_LABEL = "its share of the emotion words (smoothed)"
OVERALL_LABEL = "its share over the whole story"
#: An emotion's share must move by this much (a share, 0.02 = 2 points) from the story's
#: first fifth to its last for the subtitle to call it a rise or a fall.
MIN_CHANGE = 0.02
#: Emotions whose shares over the whole story are within this of the largest share all count
#: as the most frequent.
TIE = 0.005


def _unit_words(df: pd.DataFrame) -> str:
    unit = UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"])
    return unit.noun(len(story_values(df)))


def _unit_plural(df: pd.DataFrame) -> str:
    return UNITS.get(str(df.attrs.get("unit")), UNITS["sentence"]).plural


def _short(name: str) -> str:
    """A scorer's short name for a sentence: 'VADER', 'TextBlob' (its label's first word)."""
    try:
        label = str(scorer_info(name).label)
    except (KeyError, ValueError):
        return name
    return label.split()[0] if label.split() else name


def _r(value: float) -> str:
    """A correlation with two decimals and a true minus: '−0.03'."""
    return f"{value:.2f}".replace("-", "\u2212")


def _r_range(values: list[float]) -> str:
    low, high = min(values), max(values)
    if f"{low:.2f}" == f"{high:.2f}":
        return _r(low)
    return f"{_r(low)} to {_r(high)}" if low < 0 else f"{_r(low)}\u2013{_r(high)}"


def scorer_colors(names: list[str]) -> list[str]:
    """Each scorer's colour: its own (:data:`arc.charts.theme.SCORER_COLORS`) on every chart.

    A scorer without one takes the first :data:`arc.charts.theme.PALETTE` colour no other
    scorer on the chart (nor the ensemble) has.

    Examples
    --------
    >>> scorer_colors(["mine", "vader"]) == [PALETTE[1], SCORER_COLORS["vader"]]
    True
    """
    taken = {SCORER_COLORS[n] for n in [*names, "ensemble"] if n in SCORER_COLORS}
    spare = cycle([c for c in PALETTE if c not in taken] or list(PALETTE))
    return [SCORER_COLORS.get(n) or next(spare) for n in names]


def agreement_verdict(agree: pd.DataFrame) -> str:
    """How well the scorers agree, in plain words, from the Pearson r of each pair of arcs.

    ``agree`` is :func:`arc.analysis.agreement.agreement`'s table (``a``, ``b``, ``r``). All
    pairs at :data:`AGREE_CLOSELY` or more agree closely, at :data:`AGREE_BROADLY` or more
    broadly. A scorer that disagrees with every other (r under :data:`AGREE_LOOSELY`) while
    they agree broadly is named as the odd one out; otherwise all pairs at
    :data:`AGREE_LOOSELY` or more agree loosely, and below it the scorers disagree, the
    least alike pair named.

    Examples
    --------
    >>> import pandas as pd
    >>> agreement_verdict(pd.DataFrame([("vader", "afinn", 0.99), ("vader", "textblob", 0.87),
    ...                                 ("afinn", "textblob", 0.89)], columns=["a", "b", "r"]))
    "the scorers agree closely (arcs' r 0.87\u20130.99)"
    >>> agreement_verdict(pd.DataFrame([("vader", "afinn", 0.83), ("vader", "textblob", -0.03),
    ...                                 ("afinn", "textblob", 0.1)], columns=["a", "b", "r"]))
    "TextBlob disagrees with the others (arcs' r \u22120.03 to 0.10) \u00b7 VADER and AFINN agree closely (r 0.83)"
    """  # noqa: E501
    pairs = [(str(a), str(b), float(r)) for a, b, r in agree.itertuples(index=False)]
    flat = [f"{_short(a)}\u2013{_short(b)}" for a, b, r in pairs if not np.isfinite(r)]
    pairs = [p for p in pairs if np.isfinite(p[2])]
    note = f"no agreement to measure for {', '.join(flat)} (a flat arc)" if flat else ""
    if not pairs:
        return note or "no agreement to measure"
    rs = [r for *_, r in pairs]

    def how(low: float) -> str:
        if low >= AGREE_CLOSELY:
            return "agree closely"
        return "broadly agree" if low >= AGREE_BROADLY else "agree loosely"

    if len(pairs) == 1:
        a, b, r = pairs[0]
        if r >= AGREE_LOOSELY:
            said = f"{_short(a)} and {_short(b)} {how(r)} (r {_r(r)})"
        else:
            said = f"{_short(b)} disagrees with {_short(a)} (r {_r(r)})"
        return verdict(said, note)
    if min(rs) >= AGREE_BROADLY:
        return verdict(f"the scorers {how(min(rs))} (arcs' r {_r_range(rs)})", note)
    names = list(dict.fromkeys(n for a, b, _ in pairs for n in (a, b)))
    mean = {n: np.mean([r for a, b, r in pairs if n in (a, b)]) for n in names}
    odd = min(names, key=lambda n: mean[n])
    own = [r for a, b, r in pairs if odd in (a, b)]
    rest = [(a, b, r) for a, b, r in pairs if odd not in (a, b)]
    rest_r = [r for *_, r in rest]
    if rest and max(own) < AGREE_LOOSELY and min(rest_r) >= AGREE_BROADLY:
        others = [n for n in names if n != odd]
        if len(others) == 2:
            who = f"{_short(others[0])} and {_short(others[1])} {how(min(rest_r))}"
            tail = f"(r {_r_range(rest_r)})"
        else:
            who, tail = f"the others {how(min(rest_r))}", f"(arcs' r {_r_range(rest_r)})"
        return verdict(
            f"{_short(odd)} disagrees with the others (arcs' r {_r_range(own)})",
            f"{who} {tail}",
            note,
        )
    low = min(pairs, key=lambda p: p[2])
    said = "agree loosely" if low[2] >= AGREE_LOOSELY else "disagree"
    return verdict(
        f"the scorers {said} (arcs' r {_r_range(rs)}): least alike "
        f"{_short(low[0])} and {_short(low[1])} (r {_r(low[2])})",
        note,
    )


def ensemble_weights(arcs: pd.DataFrame) -> dict[str, float] | None:
    """The ensemble's arc as a combination of the scorers' arcs on the chart's scale, measured.

    The ensemble is a weighted sum of the scorers' values and smoothing is linear, so on the
    chart's scale (each arc in its own standard deviations) ``ensemble = Σ w[s] · arc[s]``
    exactly; the weights are found by least squares from the arcs themselves. ``None`` when
    there is no ensemble or the arcs are not such a combination (no exact fit).

    Examples
    --------
    >>> import pandas as pd
    >>> arcs = pd.DataFrame({"vader": [0.0, 1.0, 2.0, 1.0], "afinn": [1.0, 0.0, 1.0, 3.0]})
    >>> arcs["ensemble"] = 0.8 * arcs.vader + 0.3 * arcs.afinn
    >>> arcs.attrs["scorers"] = ["vader", "afinn"]
    >>> {k: round(v, 6) for k, v in ensemble_weights(arcs).items()}
    {'vader': 0.8, 'afinn': 0.3}
    """
    names = list(arcs.attrs.get("scorers") or [])
    if "ensemble" not in arcs or not names:
        return None
    a = arcs[names].to_numpy(dtype=float)
    e = arcs["ensemble"].to_numpy(dtype=float)
    ok = np.isfinite(a).all(axis=1) & np.isfinite(e)
    if ok.sum() < len(names) + 1:
        return None
    w, *_ = np.linalg.lstsq(a[ok], e[ok], rcond=None)
    scale = max(float(np.abs(e[ok]).max()), 1e-12)
    if float(np.abs(a[ok] @ w - e[ok]).max()) > 1e-6 * scale:
        return None
    return {n: float(v) for n, v in zip(names, w, strict=True)}


def _ensemble_caption(weights: dict[str, float] | None, outside: float) -> str:
    """What the ensemble line is on this scale, and why it can leave the scorers' spread."""
    where = (
        f"it lies outside their spread at {outside:.0%} of points"
        if outside > 0
        else "it stays inside their spread throughout"
    )
    if weights is None:
        return f"the ensemble: a weighted sum of the scorers, not their average; {where}"
    terms = []
    for k, (name, w) in enumerate(weights.items()):
        sign = ("\u2212 " if w < 0 else "+ ") if k else ("\u2212" if w < 0 else "")
        terms.append(f"{sign}{abs(w):.2f} \u00d7 {_short(name)}")
    total = sum(weights.values())
    return (
        "the ensemble (its weights fitted to human ratings) is, on this scale, exactly "
        f"{' '.join(terms)}: the weights sum to {total:.2f}, not 1, so it is not the scorers' "
        f"average and can leave their spread; {where}"
    )


def scorers_chart(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    title: str | None = None,
    chapters: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """Several scorers' arcs of one text on one panel, with the ensemble and their agreement.

    ``df`` is a frame of :func:`arc.analyze` with ``scorers=[...]``. Each arc is ``method``
    smoothed and divided by its scorer's standard deviation
    (:func:`arc.analysis.agreement.scorer_arcs`), drawn in its scorer's colour;
    the chart's ``meta["agreement"]`` lists ``[a, b, r]`` for each pair of scorers, and the
    subtitle says what they add up to (:func:`agreement_verdict`).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"vader": [0.1, 0.5, -0.5, 0.2, 0.0], "textblob": [0.0, 0.3, -0.2,
    ...                    0.1, 0.1]})
    >>> chart = scorers_chart(df, "rolling", window=0.6)
    >>> [line.label for line in chart.panel("arc").lines]
    ['VADER compound', 'TextBlob polarity']
    >>> chart.meta["agreement"]
    [['vader', 'textblob', 0.9673]]
    >>> chart.subtitle
    'VADER and TextBlob agree closely (r 0.97)'
    """
    arcs = scorer_arcs(df, method, **params)
    names = list(arcs.attrs["scorers"])
    agree = agreement(arcs)
    title, note = title_and_note(df, title)
    x = floats(arcs["time"])
    lines = [
        Line(
            x,
            floats(arcs[name]),
            scorer_info(name).label,
            color,
            width=1.5,
        )
        for name, color in zip(names, scorer_colors(names), strict=True)
    ]
    bands = []
    weights, outside = None, 0.0
    if "ensemble" in arcs:
        bands.append(
            Band(x, floats(arcs["low"]), floats(arcs["high"]), SPREAD_LABEL, SPREAD, SPREAD_ALPHA)
        )
        lines.append(
            Line(x, floats(arcs["ensemble"]), ENSEMBLE, SCORER_COLORS["ensemble"], width=3.2)
        )
        weights = ensemble_weights(arcs)
        e, lo, hi = (arcs[c].to_numpy(dtype=float) for c in ("ensemble", "low", "high"))
        ok = np.isfinite(e) & np.isfinite(lo) & np.isfinite(hi)
        eps = 1e-9 * max(1.0, float(np.nanmax(np.abs(e))) if ok.any() else 1.0)
        leaves = (e[ok] < lo[ok] - eps) | (e[ok] > hi[ok] + eps)
        outside = float(leaves.mean()) if ok.any() else 0.0
    values = np.concatenate([np.asarray(ln.y) for ln in lines] + [np.zeros(1)])
    values = values[np.isfinite(values)]
    low, high = float(values.min()), float(values.max())
    pad = max((high - low) * 0.08, 0.05)
    limits = (low - pad, high + pad)
    panel = Panel(
        "arc",
        "sentiment, each scorer in its own\nstandard deviations (0: neutral)",
        limits,
        nice_ticks(limits),
        neutral=None,
        height=1.0,
        lines=lines,
        bands=bands,
    )
    marks, rows, how = chapter_marks(df, width or LONG_SIZE[0]) if chapters else ([], 0, "")
    pairs = ", ".join(
        f"{_short(a)}\u2013{_short(b)} {_r(r) if np.isfinite(r) else 'n/a'}"
        for a, b, r in agree.itertuples(index=False)
    )
    parts = [note.rstrip(" \u00b7")] if note else []
    parts += [
        f"{_unit_words(df)}, each scorer's arc smoothed with {smoother_caption(method, params)}",
        "each arc divided by the standard deviation of its own scorer's "
        f"{_unit_plural(df)}, so every scorer reads in the same units and 0 stays neutral",
        f"agreement, the Pearson r of two scorers' arcs: {pairs}",
    ]
    if "ensemble" in arcs:
        parts.append(_ensemble_caption(weights, outside))
    if marks:
        parts.append(how)
    xlabel, xlim, xticks, xtick_labels = narrative_axis()
    return Chart(
        "scorers",
        title,
        agreement_verdict(agree),
        xlabel,
        xlim,
        xticks,
        xtick_labels,
        [panel],
        chapters=marks,
        chapter_rows=rows,
        size=LONG_SIZE,
        meta={
            "unit": df.attrs.get("unit"),
            "scorers": names,
            "method": method,
            "params": dict(params),
            "sd": dict(arcs.attrs["sd"]),
            "agreement": [
                [a, b, None if not np.isfinite(r) else round(r, 4)]
                for a, b, r in agree.itertuples(index=False)
            ],
            "ensemble_weights": weights,
            "ensemble_outside": round(outside, 4) if "ensemble" in arcs else None,
        },
        caption=" \u00b7 ".join(parts),
    )


def emotion_shares(df: pd.DataFrame, method: str, **params: Any) -> pd.DataFrame:
    """Each NRC emotion's smoothed share of the emotion words over narrative time.

    Returns ``time`` (0–100 %) and one column per emotion: its smoothed count
    (:func:`arc.analysis.timeline.smoothed_arc` of the frame's ``nrc_<emotion>``) over the sum of
    the
    eight smoothed counts, NaN where that sum is not positive. ``attrs["overall"]`` holds
    each emotion's share of all the story's emotion words.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({f"nrc_{e}": [1.0, 0.0, 1.0] for e in EMOTIONS})
    >>> df["nrc_joy"] = [2.0, 8.0, 2.0]
    >>> emotion_shares(df, "rolling", window=1.0).joy.round(3).tolist()
    [0.588, 0.462, 0.588]
    """
    import pandas as pd

    columns = [f"nrc_{e}" for e in EMOTIONS]
    missing = [c for c in columns if c not in df]
    if missing:
        raise ValueError("the frame has no NRC emotions; analyze(..., scorers=['nrc']) adds them")
    counts = {}
    time = None
    for emotion, column in zip(EMOTIONS, columns, strict=True):
        line = smoothed_arc(df, method, column, band=False, null=False, **params)
        time = line["time"].to_numpy(dtype=float)
        counts[emotion] = np.clip(line["value"].to_numpy(dtype=float), 0, None)
    total = np.sum(list(counts.values()), axis=0)
    out = pd.DataFrame({"time": time})
    for emotion in EMOTIONS:
        out[emotion] = np.divide(
            counts[emotion], total, out=np.full(len(total), np.nan), where=total > 0
        )
    story = story_values(df)
    sums = {e: float(story[f"nrc_{e}"].sum()) for e in EMOTIONS}
    whole = sum(sums.values())
    out.attrs.update(
        overall={e: (sums[e] / whole if whole else float("nan")) for e in EMOTIONS},
        method=method,
        params=dict(params),
    )
    return out


def emotion_fifths(df: pd.DataFrame) -> tuple[dict[str, float], dict[str, float]]:
    """Each emotion's share of the emotion words in the story's first fifth and in its last.

    Counted from the frame's ``nrc_<emotion>`` columns over the first and last fifth of the
    story units (at least one each), unsmoothed; NaN where a fifth has no emotion words.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({f"nrc_{e}": [1.0] * 10 for e in EMOTIONS})
    >>> df["nrc_fear"] = [0.0] * 5 + [1.0, 2.0, 3.0, 6.0, 8.0]
    >>> first, last = emotion_fifths(df)
    >>> round(first["fear"], 3), round(last["fear"], 3)
    (0.0, 0.5)
    """
    story = story_values(df)
    n = len(story)
    k = max(1, round(n / 5))
    out = []
    for part in (story.iloc[:k], story.iloc[max(0, n - k) :]):
        sums = {e: float(part[f"nrc_{e}"].sum()) for e in EMOTIONS}
        whole = sum(sums.values())
        out.append({e: (sums[e] / whole if whole > 0 else float("nan")) for e in EMOTIONS})
    return out[0], out[1]


def emotions_verdict(
    first: dict[str, float], last: dict[str, float], overall: dict[str, float]
) -> str:
    """The emotions that rise and fall most from the first fifth to the last, and the most frequent.

    A change under :data:`MIN_CHANGE` is not called a rise or a fall; emotions within
    :data:`TIE` of the most frequent are named with it.

    Examples
    --------
    >>> first = dict.fromkeys(EMOTIONS, 0.125) | {"trust": 0.15, "sadness": 0.15}
    >>> last = dict.fromkeys(EMOTIONS, 0.125) | {"trust": 0.21, "sadness": 0.11}
    >>> emotions_verdict(first, last, dict.fromkeys(EMOTIONS, 0.1) | {"trust": 0.2})
    'trust rises most, from 15% to 21% of the emotion words (first fifth to last) \u00b7 sadness falls most, from 15% to 11% \u00b7 most frequent overall: trust (20%)'
    """  # noqa: E501
    known = [e for e in EMOTIONS if np.isfinite(overall.get(e, np.nan))]
    if not known:
        return "no NRC emotion words in the text"
    change = {
        e: last[e] - first[e] for e in EMOTIONS if np.isfinite(first[e]) and np.isfinite(last[e])
    }
    moves = []
    if change:
        up = max(change, key=lambda e: (change[e], -EMOTIONS.index(e)))
        down = min(change, key=lambda e: (change[e], EMOTIONS.index(e)))
        if change[up] >= MIN_CHANGE:
            moves.append((change[up], f"{up} rises most, from {first[up]:.0%} to {last[up]:.0%}"))
        if change[down] <= -MIN_CHANGE:
            moves.append(
                (-change[down], f"{down} falls most, from {first[down]:.0%} to {last[down]:.0%}")
            )
    moves.sort(key=lambda m: -m[0])
    said = [text for _, text in moves]
    if said:
        said[0] += " of the emotion words (first fifth to last)"
    elif change:
        said = [
            f"no emotion's share moves by {MIN_CHANGE * 100:g} points or more from the first "
            "fifth to the last"
        ]
    best = max(overall[e] for e in known)
    top = [e for e in known if overall[e] > best - TIE]
    if len(top) == 1:
        common = f"most frequent overall: {top[0]} ({best:.0%})"
    else:
        names = ", ".join(top[:-1]) + f" and {top[-1]}"
        common = f"most frequent overall: {names} (about {best:.0%} each)"
    return verdict(*said, common)


def emotions_chart(
    df: pd.DataFrame,
    method: str = DEFAULT_SMOOTHER,
    *,
    title: str | None = None,
    chapters: bool = True,
    width: float | None = None,
    **params: Any,
) -> Chart:
    """Small multiples of NRC's eight emotions over narrative time, one thin panel each.

    Each panel (named after its emotion, in :data:`arc.score.scorers.EMOTIONS` order) shows the
    emotion's share of the emotion words (:func:`emotion_shares`), filled down to 0, in one
    colour for every emotion (:data:`arc.charts.theme.EMOTION_COLOR`), on one scale shared by
    all eight, with its whole-story share as a grey line. The subtitle names the emotions
    that rise and fall most from the first fifth of the story to the last
    (:func:`emotion_fifths`, :func:`emotions_verdict`).
    """
    shares = emotion_shares(df, method, **params)
    x = floats(shares["time"])
    top = float(np.nanmax(shares[list(EMOTIONS)].to_numpy())) if len(shares) else 0.0
    top = top if np.isfinite(top) and top > 0 else 1.0
    ticks = [t for t in nice_ticks((0.0, top)) if t > 0]
    step = ticks[0] if ticks else top
    upper = ticks[-1] if ticks and ticks[-1] >= top else (ticks[-1] + step if ticks else top)
    yticks = [0.0, round(upper / 2, 10), upper]
    labels = [f"{t * 100:g}%" for t in yticks]
    panels = []
    for emotion in EMOTIONS:
        y = shares[emotion].to_numpy(dtype=float)
        overall = shares.attrs["overall"][emotion]
        panel = Panel(emotion, emotion, (0.0, upper * 1.04), yticks, labels, zero=False, height=1.0)
        panel.bands.append(
            Band(x, [0.0] * len(x), floats(y), SHARE_LABEL, EMOTION_COLOR, EMOTION_ALPHA)
        )
        panel.lines.append(Line(x, floats(y), SHARE_LABEL, EMOTION_COLOR, width=1.6, front=True))
        if np.isfinite(overall):
            panel.lines.append(
                Line([0.0, 100.0], [overall, overall], OVERALL_LABEL, OVERALL, width=0.9)
            )
        panels.append(panel)
    title, note = title_and_note(df, title)
    marks, rows, how = chapter_marks(df, width or EMOTIONS_SIZE[0]) if chapters else ([], 0, "")
    first, last = emotion_fifths(df)
    parts = [note.rstrip(" \u00b7")] if note else []
    parts += [
        _unit_words(df),
        "each panel: one emotion's share of the words NRC EmoLex gives an emotion, "
        f"smoothed with {smoother_caption(method, params)}",
        f"one scale for all eight (0\u2013{upper:.0%})",
        f"rises and falls: each emotion's share in the first fifth of the {_unit_plural(df)} "
        "against the last fifth, unsmoothed",
    ]
    if marks:
        parts.append(how)
    xlabel, xlim, xticks, xtick_labels = narrative_axis()
    return Chart(
        "emotions",
        title,
        emotions_verdict(first, last, shares.attrs["overall"]),
        xlabel,
        xlim,
        xticks,
        xtick_labels,
        panels,
        chapters=marks,
        chapter_rows=rows,
        size=EMOTIONS_SIZE,
        meta={
            "unit": df.attrs.get("unit"),
            "method": method,
            "params": dict(params),
            "overall": dict(shares.attrs["overall"]),
            "first_fifth": first,
            "last_fifth": last,
        },
        caption=" \u00b7 ".join(parts),
    )
