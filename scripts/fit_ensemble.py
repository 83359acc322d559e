"""Fit the ensemble's weights on the train halves of the shipped sets: arc/data/ensemble.json.

    python scripts/fit_ensemble.py            # needs every scorer: pip install -e '.[scorers]'

For each subset of the known scorers (arc.score.ensemble.KNOWN):

1. each scorer's values are divided by their standard deviation over the train halves of the
   four sets pooled (``sd``);
2. the direction of the weights (the first scorer's weight fixed at 1) maximises the soft
   minimum, over the four train halves, of the gain in Pearson r over VADER alone
   (-log Σ exp(-T·gain) / T with T = 200), by Nelder-Mead from the least-squares weights;
3. their size is the least-squares fit, without intercept, of the combination to the human
   mean / 4 over the pooled train halves.

Only train items (even document numbers, arc.score.validation.is_train) are read for fitting; the
test halves are never looked at here. The result is deterministic (fixed start, rounded).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from arc.score.ensemble import KNOWN, MODEL_FILE
from arc.score.validation import score_set, shipped_sets

OUT = Path(__file__).resolve().parent.parent / "arc" / "data" / MODEL_FILE
SOFTNESS = 200.0


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x - x.mean(), y - y.mean()
    return float(x @ y / np.sqrt((x @ x) * (y @ y)))


def main() -> None:
    train = []
    for rated in shipped_sets():
        values = score_set(rated, list(KNOWN))
        keep = np.array(rated.train)
        train.append(
            ({n: v[keep] for n, v in values.items()}, np.array(rated.ratings)[keep], rated.name)
        )
        print(f"{rated.name}: {keep.sum()} train items of {len(rated)}")
    pooled = {n: np.concatenate([v[n] for v, _, _ in train]) for n in KNOWN}
    sd = {n: round(float(pooled[n].std()), 6) for n in KNOWN}
    y_all = np.concatenate([y for _, y, _ in train]) / 4
    vader_r = [pearson(v["vader"], y) for v, y, _ in train]
    combinations = {}
    for k in range(1, len(KNOWN) + 1):
        for names in itertools.combinations(KNOWN, k):
            z = [np.column_stack([v[n] / sd[n] for n in names]) for v, _, _ in train]

            def gains(free: np.ndarray, z: list[np.ndarray] = z) -> np.ndarray:
                w = np.r_[1.0, free]
                return np.array(
                    [
                        pearson(zi @ w, y) - r
                        for zi, (_, y, _), r in zip(z, train, vader_r, strict=True)
                    ]
                )

            if k == 1:
                direction = np.ones(1)
            else:
                start = np.linalg.lstsq(np.vstack(z), y_all, rcond=None)[0]
                start = start[1:] / start[0]
                options = {"xatol": 1e-6, "fatol": 1e-9, "maxiter": 4000}
                found = minimize(
                    lambda f: np.log(np.sum(np.exp(-SOFTNESS * gains(f)))) / SOFTNESS,
                    start,
                    method="Nelder-Mead",
                    options=options,
                )
                direction = np.r_[1.0, found.x]
            combo = np.vstack(z) @ direction
            size = float(combo @ y_all / (combo @ combo))
            w = {n: round(float(size * d), 6) for n, d in zip(names, direction, strict=True)}
            g = gains(direction[1:] if k > 1 else np.zeros(0))
            combinations["+".join(names)] = {
                "weights": w,
                "train_gain_over_vader": {
                    name: round(float(x), 4) for (_, _, name), x in zip(train, g, strict=True)
                },
            }
            print("+".join(names), w, np.round(g, 4))
    model = {
        "about": "arc's ensemble (arc/score/ensemble.py): ensemble = sum of weights[s] * "
        "value[s] / "
        "sd[s] over the scorers given, with the weights fitted for exactly that subset on "
        "the train halves (even document numbers) of VADER's four human-rated sets; "
        "written by scripts/fit_ensemble.py",
        "split": "train: items whose document number (the id before '_') is even",
        "target": "human mean rating / 4 (-4..+4 scale)",
        "sd": sd,
        "combinations": combinations,
    }
    OUT.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", "utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
