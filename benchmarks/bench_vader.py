"""arc.score.vader.FastVader against vaderSentiment: equality on the whole corpus, then speed.

What is measured
----------------
Texts: every sentence and every paragraph of the shared corpus (``../shared/corpus``
beside the clone, or ``--corpus DIR``; every ``.txt`` file listed in its ``MANIFEST.tsv``),
split by ``arc.analyze(path, unit)``; without a corpus, the example texts shipped with arc.

(1) Equality: ``FastVader().polarity_scores(t) == SentimentIntensityAnalyzer()
    .polarity_scores(t)`` (the whole dict: neg, neu, pos, compound) for every sentence and
    paragraph, and ``--fuzz N`` seeded rule-targeted random texts (the generator of
    ``tests/test_vader_engine.py``). Counts checked and mismatches are printed; the script
    exits 1 on any mismatch.
(2) Speed on all sentences, and on all paragraphs: the two engines alternate, ``--repeat``
    rounds (default 3), each scoring the whole list; the best (minimum) time of each and
    their ratio are printed. FastVader is built before timing and keeps its word cache
    between rounds (as a scorer built once does); its first, cold round is printed too.
(3) Growth: one text of 1k, 2k, 4k, 8k and 16k words (corpus sentences joined): time of
    each engine (best of ``--repeat``; vaderSentiment once above 4k words, it takes seconds)
    and the time per word, which stays flat for a linear engine and doubles with each
    doubling of the text for a quadratic one.

Run: ``python benchmarks/bench_vader.py [--corpus DIR] [--repeat 3] [--fuzz 600000]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus_files(corpus: Path) -> list[Path]:
    manifest = corpus / "MANIFEST.tsv"
    if manifest.is_file():
        rows = manifest.read_text(encoding="utf-8").splitlines()[1:]
        return [corpus / r.split("\t")[0] for r in rows if r.strip()]
    return sorted(corpus.glob("*.txt"))


def units(files: list[Path]) -> tuple[list[str], list[str]]:
    import arc

    sentences: list[str] = []
    paragraphs: list[str] = []
    for path in files:
        sentences += arc.analyze(path, "sentence")["text"].tolist()
        paragraphs += arc.analyze(path, "paragraph")["text"].tolist()
    return sentences, paragraphs


def check(name: str, texts: list[str], fast, ref) -> int:
    bad = 0
    for text in texts:
        got, want = fast.polarity_scores(text), ref.polarity_scores(text)
        if got != want:
            bad += 1
            if bad <= 5:
                print(f"  MISMATCH {name}: {text[:80]!r}\n    fast {got}\n    vader {want}")
    print(f"{name:>22}: {len(texts):>8,} checked, {bad} mismatches")
    return bad


def best_of(fn, texts: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - start)
    return times


def race(name: str, texts: list[str], repeat: int) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.score.vader import FastVader

    ref = SentimentIntensityAnalyzer().polarity_scores
    fast = FastVader().polarity_scores
    cold = best_of(fast, texts, 1)[0]
    t_ref: list[float] = []
    t_fast: list[float] = []
    for _ in range(repeat):
        t_ref += best_of(ref, texts, 1)
        t_fast += best_of(fast, texts, 1)
    print(
        f"{name:>22}: {len(texts):>8,} texts  vaderSentiment {min(t_ref):7.3f} s  "
        f"FastVader {min(t_fast):7.3f} s (cold {cold:.3f} s)  "
        f"ratio {min(t_ref) / min(t_fast):5.2f}x"
    )


def growth(sentences: list[str], repeat: int) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.score.vader import FastVader

    ref = SentimentIntensityAnalyzer().polarity_scores
    fast = FastVader().polarity_scores
    rnd = random.Random(0)
    print(
        f"{'words':>8} {'vaderSentiment':>16} {'per 1k words':>13} {'FastVader':>11} "
        f"{'per 1k words':>13} {'ratio':>8}"
    )
    for size in (1_000, 2_000, 4_000, 8_000, 16_000):
        parts: list[str] = []
        count = 0
        while count < size:
            s = rnd.choice(sentences)
            parts.append(s)
            count += len(s.split())
        text = " ".join(parts)
        n = len(text.split())
        assert fast(text) == ref(text), size
        r = min(best_of(ref, [text], repeat if size <= 4_000 else 1))
        f = min(best_of(fast, [text], repeat))
        print(
            f"{n:>8,} {r * 1e3:13.1f} ms {r * 1e6 / n:10.1f} ms {f * 1e3:8.1f} ms "
            f"{f * 1e6 / n:10.2f} ms {r / f:7.0f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fuzz", type=int, default=100_000)
    args = parser.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.score.vader import FastVader

    if args.corpus.is_dir():
        files = corpus_files(args.corpus)
        print(f"corpus: {args.corpus} ({len(files)} texts)")
    else:
        import arc

        files = [arc.example_path(n) for n in ("frankenstein", "alice", "northanger")]
        print(f"no corpus at {args.corpus}: the example texts shipped with arc")
    sentences, paragraphs = units(files)

    print("\n(1) equality, == on the whole dict")
    fast, ref = FastVader(), SentimentIntensityAnalyzer()
    bad = check("corpus sentences", sentences, fast, ref)
    bad += check("corpus paragraphs", paragraphs, fast, ref)
    from arc.score.validation import shipped_sets

    snippets = [t for rated in shipped_sets() for t in rated.texts]
    bad += check("rated snippets", snippets, fast, ref)
    sys.path.insert(0, str(ROOT / "tests"))
    from test_vader_engine import fuzz_texts

    if args.fuzz:
        bad += check("rule-targeted fuzz", fuzz_texts(args.fuzz, seed=2024), fast, ref)

    print(f"\n(2) speed, best of {args.repeat}, interleaved")
    race("corpus sentences", sentences, args.repeat)
    race("corpus paragraphs", paragraphs, args.repeat)

    print("\n(3) growth with the length of one text")
    growth(sentences, args.repeat)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
