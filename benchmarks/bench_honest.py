"""What the band and the word-salad envelope cost a novel's chart, as ratios.

For the longest corpus text (War and Peace; ``--path FILE`` for another), in one process,
alternating, ``--repeat`` times (best and median):

(a) the long-text chart without them: ``arc.smoothed_chart(df, band=False, null=False)``
    drawn and saved as a PNG (``arc.save_chart``);
(b) the same with the bootstrap band and the word-salad envelope (``arc plot``'s default);
(c) ``arc plot``'s whole work on the book: ``arc.analyze(path, "sentence")`` plus (b).

The sentence frame of (a) and (b) is analysed once beforehand. It prints b/a (the chart
alone) and (c)/(c - b + a) (the whole command with and without them). A report, not a test:
exit status 0 whatever the figures.

    python benchmarks/bench_honest.py [--path FILE] [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import arc

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _timed(func):
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    path = args.path
    if path is None:
        files = sorted(args.corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
        if not files:
            print(f"no corpus at {args.corpus}; pass --path FILE", file=sys.stderr)
            return 1
        path = files[-1]
    df = arc.analyze(path, "sentence")
    out = Path(tempfile.mkdtemp()) / "chart.png"

    def plain() -> None:
        arc.save_chart(arc.smoothed_chart(df, band=False, null=False), out)

    def honest() -> None:
        arc.save_chart(arc.smoothed_chart(df), out)

    def whole() -> None:
        arc.save_chart(arc.smoothed_chart(arc.analyze(path, "sentence")), out)

    plain(), honest()  # warm up
    a, b, c = [], [], []
    for _ in range(args.repeat):
        a.append(_timed(plain))
        b.append(_timed(honest))
        c.append(_timed(whole))
    best_a, best_b, best_c = min(a), min(b), min(c)
    print(f"{path.name}: {len(df):,} sentences")
    for name, best, runs in (
        ("(a) chart without band and envelope", best_a, a),
        ("(b) chart with them", best_b, b),
        ("(c) analyze + chart with them", best_c, c),
    ):
        print(f"{name:38} best {best:.2f} s, median {statistics.median(runs):.2f} s")
    print(f"chart ratio b/a: {best_b / best_a:.2f}")
    print(f"whole-command ratio c/(c - b + a): {best_c / (best_c - best_b + best_a):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
