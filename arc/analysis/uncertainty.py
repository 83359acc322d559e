"""How much of an arc is signal: a bootstrap band around it and a word-salad null envelope.

**Band.** A smoothed arc is a weighted average of unit values, so its uncertainty comes from
the values it averages. The band is a *block wild bootstrap*: each unit keeps its place in
the story and its residual from the smoothed line (``value - fit``), and the residuals of
each block of consecutive units (``ceil(n ** (1/3))`` units, so that neighbouring sentences
that move together stay together) are flipped in sign together, at random; each of
:data:`RESAMPLES` resampled series is smoothed the same way, and the band holds the middle
:data:`BAND_LEVEL` of them at each point. Scores are resampled, never the text: nothing is
scored again. The story chart's paragraphs, which are not smoothed, get a plain bootstrap of
each paragraph's own sentences instead.

**Null envelope.** Reagan et al.'s word salad: the story's words shuffled across the whole
story and cut into sentences of the story's own lengths, in order, then scored by the
frame's scorer: a text with the same words and no arc. That salad is scored once (a text
of more than :data:`POOL` sentences: a pool of that many salad sentences of its lengths);
each of :data:`NULL_DRAWS` null arcs places its sentences in a new random order (draws them
from the pool), builds the frame's units from them (paragraph means, ...), sets the arc's
overall level to the real arc's (the question is whether the *movement* is more than
chance, not the level) and smooths the result the same way. The envelope holds the middle
:data:`NULL_LEVEL` of them at each point. Where the real arc leaves it, its movement is more
than a shuffled text would show.

Both are seeded (:data:`SEED` by default): the same frame gives the same band and envelope,
byte for byte. LOWESS is not linear, so its resamples are smoothed by its last pass with the
robustness weights held fixed (the real arc's for the band, none for the null arcs).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BAND_LEVEL",
    "NULL_DRAWS",
    "NULL_LEVEL",
    "POOL",
    "RESAMPLES",
    "SEED",
    "Honesty",
    "bootstrap_band",
    "grid",
    "null_envelope",
    "paragraph_band",
    "salad_scores",
]

#: Bootstrap resamples behind a band.
RESAMPLES = 200
#: The share of resampled arcs a band holds at each point.
BAND_LEVEL = 0.9
#: Word-salad arcs behind an envelope.
NULL_DRAWS = 200
#: The share of null arcs an envelope holds at each point.
NULL_LEVEL = 0.95
#: The default seed of every band and envelope.
SEED = 20160714
#: At most this many word-salad sentences are scored (see :func:`salad_scores`).
POOL = 4000
#: Resampled columns smoothed at a time (bounded memory on long texts).
CHUNK = 25
#: Bands and envelopes are computed at most at this many points, then interpolated.
GRID = 2000


@dataclass(frozen=True)
class Honesty:
    """A band and an envelope over an arc's points, and what they say (plain data)."""

    low: np.ndarray
    high: np.ndarray
    null_low: np.ndarray
    null_high: np.ndarray
    info: dict[str, Any] = field(default_factory=dict)


def _quantiles(values: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.quantile(values, [(1 - level) / 2, (1 + level) / 2], axis=1)
    return lo, hi


def grid(m: int) -> np.ndarray:
    """The rows at which bands are computed: all of them, or :data:`GRID` evenly spaced."""
    return np.arange(m) if m <= GRID else np.unique(np.linspace(0, m - 1, GRID).round().astype(int))


def _spread(rows: np.ndarray, values: np.ndarray, m: int) -> np.ndarray:
    """Values known at ``rows`` of ``0..m-1``, linearly interpolated to all of them."""
    return values if len(rows) == m else np.interp(np.arange(m), rows, values)


def _smooth_resamples(
    make: Any,
    n_draws: int,
    method: str,
    params: dict[str, Any],
    scale: float,
    robust_from: np.ndarray | None,
    m: int,
) -> np.ndarray:
    """Smooth ``n_draws`` series made :data:`CHUNK` at a time by ``make(k)``; rows on the grid."""
    from arc.analysis.smoothing import smooth_columns

    rows = grid(m)
    out = np.empty((len(rows), n_draws))
    for start in range(0, n_draws, CHUNK):
        k = min(CHUNK, n_draws - start)
        smoothed = smooth_columns(make(k), method, robust_from=robust_from, **params) * scale
        out[:, start : start + k] = smoothed[rows]
    return out


def bootstrap_band(
    y: np.ndarray,
    line: np.ndarray,
    method: str,
    params: dict[str, Any],
    *,
    resamples: int = RESAMPLES,
    level: float = BAND_LEVEL,
    seed: int = SEED,
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """The block wild bootstrap band (``low``, ``high``) around ``line``, the smoothed ``y``."""
    from arc.analysis.smoothing import smooth

    y = np.asarray(y, dtype=float)
    n, m = len(y), len(line)
    if method == "dct":  # its fit at every unit: the same low-pass, n points out
        fit = smooth(y, "dct", **{**params, "x_reverse_len": n})
    else:
        fit = smooth(y, method, **params)
    resid = y - fit
    block = max(1, math.ceil(n ** (1 / 3)))
    n_blocks = math.ceil(n / block)
    rng = np.random.default_rng(seed)

    def make(k: int) -> np.ndarray:
        signs = rng.choice(np.array([-1.0, 1.0]), size=(n_blocks, k))
        return resid[:, None] * np.repeat(signs, block, axis=0)[:n]

    scale = m / n if method == "dct" else 1.0  # dtt's unnormalised transform, as the arc
    moved = _smooth_resamples(
        make, resamples, method, params, scale, y if method == "lowess" else None, m
    )
    lo, hi = _quantiles(moved, level)
    rows = grid(m)
    info = {
        "scheme": "block wild bootstrap",
        "resamples": resamples,
        "level": level,
        "block": block,
        "seed": seed,
    }
    return line + _spread(rows, lo, m), line + _spread(rows, hi, m), info


def salad_scores(
    texts: list[str], scorer: str = "vader", seed: int = SEED, pool: int | None = None
) -> np.ndarray:
    """Reagan's word salad: the words of ``texts`` shuffled and cut to their lengths, scored.

    Up to ``pool`` (:data:`POOL`) sentences every word is used once and salad sentence ``i``
    has as many words as ``texts[i]``. A longer text gets ``pool`` salad sentences whose
    lengths are drawn from its own sentence lengths, filled with its words in shuffled order:
    null arcs draw their sentences from that pool (their level is set to the real arc's
    anyway), so a novel's envelope costs the scoring of ``pool`` sentences, not of the novel.
    """
    from arc.score.scorers import get_scorer

    pool = POOL if pool is None else pool
    rng = np.random.default_rng(seed)
    counts = np.array([len(t.split()) for t in texts], dtype=np.int64)
    words = np.array([w for t in texts for w in t.split()], dtype=object)
    words = words[rng.permutation(len(words))]
    if len(counts) > pool:
        counts = rng.choice(counts, size=pool)
        while counts.sum() > len(words):  # never more words than the text has
            counts = counts[:-1]
    ends = np.cumsum(counts)
    pieces = (" ".join(words[e - c : e]) for c, e in zip(counts, ends, strict=True))
    return np.array([s.compound for s in get_scorer(scorer).score_many(pieces)], dtype=float)


def null_envelope(
    y: np.ndarray,
    line: np.ndarray,
    salad: np.ndarray,
    weights: Any,
    method: str | None,
    params: dict[str, Any],
    *,
    draws: int = NULL_DRAWS,
    level: float = NULL_LEVEL,
    seed: int = SEED,
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """The word-salad envelope around ``line``; ``weights`` (units x sentences) makes units.

    ``method`` None: the units are not smoothed (the story chart's paragraphs).
    """
    y = np.asarray(y, dtype=float)
    n, m = len(y), len(line)
    rng = np.random.default_rng(seed + 1)
    level_y = float(np.mean(y))

    n_sentences = weights.shape[1]

    def make(k: int) -> np.ndarray:
        if len(salad) == n_sentences:  # the whole salad, in a new order
            picks = np.argsort(rng.random((n_sentences, k)), axis=0)
        else:  # sentences drawn from the salad's pool
            picks = rng.integers(0, len(salad), size=(n_sentences, k))
        units = weights @ salad[picks]
        return units + (level_y - units.mean(axis=0))

    if method is None:
        arcs = make(draws)
        rows = np.arange(m)
    else:
        scale = m / n if method == "dct" else 1.0
        arcs = _smooth_resamples(make, draws, method, params, scale, None, m)
        rows = grid(m)
    lo, hi = _quantiles(arcs, level)
    low, high = _spread(rows, lo, m), _spread(rows, hi, m)
    info = {"model": "word salad", "draws": draws, "level": level, "seed": seed}
    return low, high, info


def paragraph_band(
    sentence_values: np.ndarray,
    owner: np.ndarray,
    *,
    resamples: int = RESAMPLES,
    level: float = BAND_LEVEL,
    seed: int = SEED,
) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Per paragraph, the middle ``level`` of its mean over bootstraps of its own sentences."""
    rng = np.random.default_rng(seed)
    units = np.unique(owner)
    low, high = np.empty(len(units)), np.empty(len(units))
    for k, unit in enumerate(units):
        values = sentence_values[owner == unit]
        picks = rng.integers(0, len(values), size=(resamples, len(values)))
        means = values[picks].mean(axis=1)
        low[k], high[k] = np.quantile(means, [(1 - level) / 2, (1 + level) / 2])
    info = {
        "scheme": "bootstrap of each paragraph's sentences",
        "resamples": resamples,
        "level": level,
        "seed": seed,
    }
    return low, high, info


def outside(values: np.ndarray, low: np.ndarray, high: np.ndarray, time: np.ndarray) -> dict:
    """The share of narrative time where ``values`` is outside ``[low, high]``, and where."""
    out = (values > high) | (values < low)
    ok = np.isfinite(low) & np.isfinite(high)
    out &= ok
    stretches = []
    start = None
    for k, flag in enumerate(out):
        if flag and start is None:
            start = k
        if (not flag or k == len(out) - 1) and start is not None:
            end = k if flag else k - 1
            stretches.append([round(float(time[start]), 3), round(float(time[end]), 3)])
            start = None
    share = float(out.sum() / ok.sum()) if ok.any() else math.nan
    return {"outside": round(share, 6), "stretches": stretches}


def frame_weights(
    df: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> tuple[Any, list[str]] | None:
    """The (units x story sentences) weights of a frame's story units and the sentences' text.

    ``sentences`` is the frame's scored sentence table when the caller has it (an
    :class:`arc.analysis.result.Analysis` does); otherwise a paragraph frame is split into
    sentences again. None for frames that keep no text (word windows, bins, a bare column).
    """
    from arc.analysis.frame import sentence_frame
    from arc.analysis.weights import WeightMatrix, unit_weights
    from arc.text.paratext import STORY_ROLES

    unit = df.attrs.get("unit")
    if unit not in ("sentence", "paragraph") or "text" not in df or "role" not in df:
        return None
    if sentences is None:
        sentences = sentence_frame(df)
    table = unit_weights(sentences, str(unit))
    story_units = table.units[table.story]
    story_sentences = np.flatnonzero(sentences["role"].isin(STORY_ROLES).to_numpy())
    rows = _positions_in(story_units, table.index)
    cols = _positions_in(story_sentences, table.sentence)
    keep = (rows >= 0) & (cols >= 0)
    matrix = WeightMatrix.from_triples(
        rows[keep], cols[keep], table.weight[keep], (len(story_units), len(story_sentences))
    )
    texts = sentences["text"].to_numpy()[story_sentences].tolist()
    return matrix, texts


def _positions_in(sorted_values: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Where each of ``values`` sits in ``sorted_values`` (−1 where it is not there)."""
    at = np.searchsorted(sorted_values, values)
    found = at < len(sorted_values)
    found[found] = sorted_values[at[found]] == values[found]
    return np.where(found, at, -1)
