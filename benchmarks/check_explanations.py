"""Check that word-level explanations reproduce VADER on every sentence of the corpus.

For every sentence of every text in ``../shared/corpus`` (split as ``arc.analyze`` splits
it), :func:`arc.analysis.explanation.explain_text` rows summed and passed through VADER's own
``normalize``, rounded as VADER rounds, must equal the sentence's ``compound``; and the
shares of :func:`arc.explain` must add up to it. Prints the count checked and any mismatch.

    python benchmarks/check_explanations.py [CORPUS_DIR]
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import normalize

import arc
from arc.analysis.explanation import valence_rows

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    files = sorted(p for p in corpus.glob("*.txt"))
    if not files:
        print(f"no .txt files in {corpus}", file=sys.stderr)
        return 2
    total = bad = 0
    started = time.perf_counter()
    for path in files:
        sentences = arc.analyze(path, "sentence")
        checked = 0
        for text, compound in zip(sentences["text"], sentences["compound"], strict=True):
            rows, explained = valence_rows(text)
            summed = round(normalize(math.fsum(r[3] for r in rows)), 4) if rows else 0.0
            total_valence = math.fsum(r[3] for r in rows)
            shares = [r[3] * explained / total_valence for r in rows] if total_valence else []
            ok = summed == compound == explained and (
                not rows or math.isclose(math.fsum(shares), compound, abs_tol=1e-12)
            )
            if not ok:
                bad += 1
                print(f"MISMATCH {path.name}: {summed} != {compound}: {text[:80]!r}")
            checked += 1
        total += checked
        print(f"{path.name:45} {checked:7,} sentences")
    seconds = time.perf_counter() - started
    print(f"{total:,} sentences in {len(files)} texts checked, {bad} mismatches ({seconds:.0f} s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
