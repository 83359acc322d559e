"""Fit arc's valence model (arc/score/valence.py) and write arc/data/valence.json.

    python scripts/fit_valence.py              # report leave-one-genre-out figures, then fit
    python scripts/fit_valence.py --fit-only -o /tmp/valence.json

Data: EmoBank's six non-fiction genres (scripts/data/emobank/emobank_nonfiction.csv, CC-BY
4.0, Buechel & Hahn, EACL 2017; the fiction genre is not there and is never used) with
valence (V - 3) / 2, and the TRAIN halves (even document numbers) of VADER's four human-rated
sets (arc/data/validation, MIT, Hutto & Gilbert, ICWSM 2014) with rating / 4. Each of the ten
sets (six genres, four train halves) weighs the same in total: each sentence 1 / its set's size.

Model: ridge regression, closed form (numpy), on the features of arc.score.valence: words
seen at least MIN_COUNT times in the fitting data (each / sqrt(words in the sentence)), VADER's
compound/pos/neg, "!" and "?" counts, share of capitalised words; unpenalised intercept, the
non-word features penalised ALPHA * DENSE_SHRINK. ALPHA was chosen by leaving one EmoBank
genre out (the report below); the test halves of VADER's sets are only reported, never used.
Deterministic: no randomness, weights rounded to DECIMALS, JSON with sorted keys.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arc.score.scorers import get_scorer  # noqa: E402
from arc.score.valence import DENSE, MODEL_FILE, SCOPE, dense, scale, tokens  # noqa: E402
from arc.score.validation import (  # noqa: E402
    difference_interval,
    pearson_interval,
    shipped_sets,
)

EMOBANK = ROOT / "scripts" / "data" / "emobank" / "emobank_nonfiction.csv"
OUT = ROOT / "arc" / "data" / MODEL_FILE
MIN_COUNT = 3
ALPHAS = (0.001, 0.003, 0.01)
ALPHA = 0.003  # the largest of ALPHAS within 0.005 of the best mean LOGO gain
DENSE_SHRINK = 0.01
DECIMALS = 5


class Item:
    __slots__ = ("dense", "group", "target", "test", "text", "tokens")

    def __init__(self, text: str, target: float, group: str, test: bool = False) -> None:
        self.text, self.target, self.group, self.test = text, target, group, test
        self.tokens = tokens(text)
        self.dense: tuple[float, ...] = ()


def load() -> list[Item]:
    items = []
    with EMOBANK.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            assert row["category"] != "fiction"
            items.append(Item(row["text"], (float(row["V"]) - 3) / 2, "emobank:" + row["category"]))
    for rated in shipped_sets():
        for text, rating, train in zip(rated.texts, rated.ratings, rated.train, strict=True):
            items.append(Item(text, rating / 4, rated.name, test=not train))
    vader = get_scorer("vader").score_many([i.text for i in items])
    for item, s in zip(items, vader, strict=True):
        item.dense = dense(item.text, s.compound, s.pos, s.neg)
    return items


def design(items: list[Item], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Columns: intercept, DENSE, then the vocabulary's words."""
    rows, cols, vals = [], [], []
    off = 1 + len(DENSE)
    for r, item in enumerate(items):
        rows.append(r)
        cols.append(0)
        vals.append(1.0)
        for c, v in enumerate(item.dense):
            rows.append(r)
            cols.append(1 + c)
            vals.append(v)
        k = scale(len(item.tokens))
        for w, n in Counter(item.tokens).items():
            if w in vocab:
                rows.append(r)
                cols.append(off + vocab[w])
                vals.append(n * k)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(items), off + len(vocab)))


def fit(items: list[Item], alpha: float) -> tuple[np.ndarray, list[str]]:
    counts = Counter(w for i in items for w in i.tokens)
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    vocab = {w: k for k, w in enumerate(words)}
    x = design(items, vocab)
    sizes = Counter(i.group for i in items)
    weight = np.array([1.0 / sizes[i.group] for i in items])
    y = np.array([i.target for i in items])
    penalty = np.full(x.shape[1], alpha)
    penalty[0] = 0.0
    penalty[1 : 1 + len(DENSE)] = alpha * DENSE_SHRINK
    gram = (x.T @ sparse.diags(weight) @ x + sparse.diags(penalty)).tocsr()
    return solve(gram, x.T @ (weight * y)), words


def solve(a: sparse.csr_matrix, b: np.ndarray, tol: float = 1e-13) -> np.ndarray:
    """``a⁻¹ b`` for the symmetric positive definite normal equations: conjugate gradients
    with a Jacobi preconditioner, run until the residual is ``tol`` of ``b`` (far below the
    rounding of the weights, so the same as a direct solve), from 0: deterministic."""
    inv = 1.0 / a.diagonal()
    x = np.zeros_like(b)
    r = b.copy()
    z = inv * r
    p = z.copy()
    rz = r @ z
    limit = tol * math.sqrt(b @ b)
    for _ in range(20 * len(b)):
        if math.sqrt(r @ r) <= limit:
            break
        ap = a @ p
        step = rz / (p @ ap)
        x += step * p
        r -= step * ap
        z = inv * r
        rz, previous = r @ z, rz
        p = z + (rz / previous) * p
    return x


def predict(beta: np.ndarray, words: list[str], items: list[Item]) -> np.ndarray:
    return design(items, {w: k for k, w in enumerate(words)}) @ beta


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x - x.mean(), y - y.mean()
    return float(x @ y / math.sqrt((x @ x) * (y @ y)))


def interval(r: float, n: int) -> str:
    """``r``'s 95 % interval (Fisher's z), as the README gives it."""
    low, high = pearson_interval(r, n)
    return f"{low:.3f}-{high:.3f}"


def gain(mine: np.ndarray, vader: np.ndarray, y: np.ndarray) -> str:
    """The model's r minus VADER's on the same ratings, with Zou's 95 % interval."""
    r1, r2, r12 = pearson(mine, y), pearson(vader, y), pearson(mine, vader)
    low, high = difference_interval(r1, r2, r12, len(y))
    return f"{r1 - r2:+.3f} ({low:+.3f} to {high:+.3f})"


def report(items: list[Item]) -> None:
    train = [i for i in items if not i.test]
    genres = sorted({i.group for i in train if i.group.startswith("emobank:")})
    print(f"leave one EmoBank genre out (min count {MIN_COUNT}, scope {SCOPE}): Pearson r")
    print(f"{'genre':<24} {'VADER':>7} " + " ".join(f"{'a=' + str(a):>7}" for a in ALPHAS))
    gains = {a: [] for a in ALPHAS}
    chosen = []
    for genre in genres:
        left = [i for i in train if i.group == genre]
        rest = [i for i in train if i.group != genre]
        y = np.array([i.target for i in left])
        v = np.array([i.dense[0] for i in left])
        vader = pearson(v, y)
        figures = []
        for a in ALPHAS:
            beta, words = fit(rest, a)
            mine = predict(beta, words, left)
            r = pearson(mine, y)
            gains[a].append(r - vader)
            figures.append(r)
            if a == ALPHA:
                chosen.append((genre, len(y), vader, r, gain(mine, v, y)))
        print(f"{genre:<24} {vader:7.3f} " + " ".join(f"{r:7.3f}" for r in figures))
    print(
        f"{'mean gain over VADER':<24} {'':>7} "
        + " ".join(f"{np.mean(gains[a]):7.3f}" for a in ALPHAS)
    )
    print(f"with alpha {ALPHA}, 95% intervals (the README's table):")
    print(f"{'genre':<24} {'n':>6} {'VADER':<19} {'valence':<19} gain")
    for genre, n, vader, r, said in chosen:
        print(
            f"{genre:<24} {n:>6} {vader:.3f} {interval(vader, n):<13} "
            f"{r:.3f} {interval(r, n):<13} {said}"
        )


def test_halves(items: list[Item], beta: np.ndarray, words: list[str]) -> None:
    print("VADER's sets, TEST halves (never fitted on): Pearson r, 95% intervals")
    print(f"{'set':<24} {'n':>6} {'VADER':<19} {'valence':<19} gain")
    for name in ("tweets", "movie_reviews", "amazon_reviews", "nyt_editorials"):
        part = [i for i in items if i.test and i.group == name]
        y = np.array([i.target for i in part])
        v = np.array([i.dense[0] for i in part])
        mine = np.clip(predict(beta, words, part), -1, 1)
        r_vader, r_mine, n = pearson(v, y), pearson(mine, y), len(part)
        print(
            f"{name:<24} {n:>6} {r_vader:.3f} {interval(r_vader, n):<13} "
            f"{r_mine:.3f} {interval(r_mine, n):<13} {gain(mine, v, y)}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--fit-only", action="store_true", help="skip the figures")
    args = parser.parse_args(argv)
    items = load()
    if not args.fit_only:
        report(items)
    train = [i for i in items if not i.test]
    beta, words = fit(train, ALPHA)
    beta = np.round(beta, DECIMALS) + 0.0  # + 0.0: no -0.0
    if not args.fit_only:
        test_halves(items, beta, words)
        raw = predict(beta, words, train)
        print(
            f"train values outside -1..+1 (clipped): {int((np.abs(raw) > 1).sum())} of {len(raw)}"
        )
    off = 1 + len(DENSE)
    sizes = Counter(i.group for i in train)
    model = {
        "about": (
            "arc's valence model (arc/score/valence.py): value = intercept + sum of dense "
            "weights * features + sum over words of weight / sqrt(number of words), clipped "
            "to -1..+1; written by scripts/fit_valence.py"
        ),
        "sources": [
            {
                "name": "EmoBank, six non-fiction genres (fiction held out, never used)",
                "citation": (
                    "Sven Buechel and Udo Hahn. EmoBank: Studying the Impact of Annotation "
                    "Perspective and Representation Format on Dimensional Emotion Analysis. "
                    "EACL 2017"
                ),
                "licence": "CC-BY 4.0",
                "url": "https://github.com/JULIELab/EmoBank",
                "target": "(V - 3) / 2",
            },
            {
                "name": "VADER's four human-rated sets, train halves (even document numbers)",
                "citation": (
                    "C. J. Hutto and E. Gilbert. VADER: A Parsimonious Rule-based Model for "
                    "Sentiment Analysis of Social Media Text. ICWSM 2014"
                ),
                "licence": "MIT",
                "url": "https://github.com/cjhutto/vaderSentiment",
                "target": "rating / 4",
            },
        ],
        "sets": dict(sorted(sizes.items())),
        "settings": {
            "alpha": ALPHA,
            "dense_shrink": DENSE_SHRINK,
            "min_count": MIN_COUNT,
            "negation_scope": SCOPE,
            "weighting": "1 / size of the sentence's set",
        },
        "intercept": float(beta[0]),
        "dense": {name: float(beta[1 + k]) for k, name in enumerate(DENSE)},
        "words": {w: float(beta[off + k]) for k, w in enumerate(words) if beta[off + k] != 0},
    }
    args.output.write_text(
        json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.output} ({len(model['words'])} words)")


if __name__ == "__main__":
    main()
