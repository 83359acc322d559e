"""Speed and memory of ``arc.analyze(path, unit="sentence")`` against a plain baseline.

What is measured
----------------
Input: the longest text of the shared corpus, or ``--path``. The corpus is
``../shared/corpus`` relative to the repository root (the folder ``shared`` beside the
clone, as in CI), or ``--corpus DIR``; its longest text is the largest file listed in its
``MANIFEST.tsv``: War and Peace, 3.2 MB, Latin-1. Without ``--path`` and without a corpus
the script stops with one line saying where it looked. This script is the only place in the
project that reads the shared corpus.

(a) baseline -- what anyone would write with the same two libraries: read the bytes, decode
    them with the codec directly, split the whole text into sentences with nltk's Punkt
    (nltk's plain ``PunktSentenceTokenizer`` with arc's parameters,
    ``arc.text.segment._nltk_tokenizer()``, built beforehand: arc's own remembers verdicts),
    then ``analyzer.polarity_scores(s)["compound"]`` for every sentence with one
    ``vaderSentiment`` ``SentimentIntensityAnalyzer`` built beforehand. nltk releases that
    cap every regular-expression match at a few seconds of wall-clock time
    (``nltk.redos.DEFAULT_TIMEOUT``) stop whole-text Punkt on a long book with a
    ``TimeoutError``; the cap is lifted for this call only (Punkt's patterns are nltk's own,
    not untrusted input). arc never hits it: it gives Punkt one paragraph at a time.
(b) ``arc.analyze(path, unit="sentence")``: encoding detection, paragraphs, roles, Punkt,
    VADER and the pandas DataFrame.

Both are warmed up once (lazy imports, Punkt parameters, VADER's lexicon) and then timed
with ``time.perf_counter`` in the same process, alternating a and b, ``--repeat`` times
(default 3). The ratio b/a uses the **best** (minimum) time of each, the usual choice for a
CPU-bound benchmark because noise only ever adds time; medians are printed beside it.
Goal: ratio at most 1.25.

Memory of (b) is measured in a fresh subprocess that imports arc and its dependencies and
runs a tiny ``arc.analyze`` first (so everything analyze loads is in memory), then records
its RSS (``VmRSS``), resets the kernel's high-water mark and runs analyze on the book. The
figure is peak RSS minus that RSS, i.e. memory above an interpreter that has only loaded
arc. ``tracemalloc``'s peak of Python allocations during the same call is given beside it,
and the baseline's figures the same way, for comparison. Goal: under 300 MB (MiB).

Memory per megabyte of text: the same measure of (b), divided by the size of the file in MB
(10^6 bytes), for the timed text and a smaller novel (Frankenstein, 0.44 MB, from the
corpus; ``--memory-path FILE``, repeatable, measures other texts instead). It tells whether
memory grows in proportion to the text.

Run it with ``make bench`` (``python benchmarks/bench_analyze.py``); options::

    python benchmarks/bench_analyze.py [--path FILE] [--corpus DIR] [--repeat N]
                                       [--memory-path FILE ...] [--json]

It is a report, not a test: the exit status is 0 whatever the figures; 1, with one line,
when the corpus or a file given is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SPEED_GOAL = 1.25  # arc time / baseline time, at most
NOISY = 1.15  # slowest / fastest run of either above this: the machine was busy
MEMORY_GOAL_MB = 300.0  # peak RSS above an interpreter that has loaded arc, under
MB = 1024 * 1024  # MiB, for memory
TEXT_MB = 1_000_000  # MB, for the size of a text
ROOT = Path(__file__).resolve().parents[1]  # the repository root
CORPUS = ROOT.parent / "shared" / "corpus"  # ../shared/corpus from the repository root
SMALLER_NOVEL = "shelley_frankenstein_pg84.txt"  # memory per MB is also measured on it
WARMUP_TEXT = "Hello there. I am happy."


# --------------------------------------------------------------------------- input


def check_corpus(corpus: Path) -> Path:
    """``corpus`` if it holds the shared corpus (with MANIFEST.tsv); else stop, in one line."""
    if not (corpus / "MANIFEST.tsv").is_file():
        raise SystemExit(
            f"bench_analyze.py: error: no corpus at {corpus} (expected ../shared/corpus "
            "beside the repository, with MANIFEST.tsv); pass --corpus DIR or --path FILE"
        )
    return corpus


def longest_text(corpus: Path = CORPUS) -> Path:
    """The largest text of the corpus: by ``bytes`` in MANIFEST.tsv, else by file size."""
    manifest = check_corpus(corpus) / "MANIFEST.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("file")]
        if rows:
            best = max(rows, key=lambda r: int(r.get("bytes") or 0))
            if (corpus / best["file"]).is_file():
                return corpus / best["file"]
    texts = [p for p in corpus.glob("*.txt") if p.is_file()]
    if not texts:
        raise SystemExit(f"bench_analyze.py: error: no texts in {corpus}; pass --path FILE")
    return max(texts, key=lambda p: p.stat().st_size)


def existing_file(path: Path) -> Path:
    """``path`` resolved, if it is a file; else stop, in one line."""
    if not path.is_file():
        raise SystemExit(f"bench_analyze.py: error: no such file: {path}")
    return path.resolve()


def plain_decode(data: bytes) -> str:
    """Decode as arc would for the corpus, but with a codec directly: UTF-8, else cp1252/Latin-1."""
    for codec in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --------------------------------------------------------------------------- the two runs


@contextlib.contextmanager
def no_regex_time_limit() -> Iterator[None]:
    """Lift nltk's wall-clock cap on regular-expression matches, where nltk has one."""
    try:
        from nltk import redos  # newer nltk releases only
    except ImportError:
        yield
        return
    saved = redos.DEFAULT_TIMEOUT
    redos.DEFAULT_TIMEOUT = None
    try:
        yield
    finally:
        redos.DEFAULT_TIMEOUT = saved


def make_baseline() -> Callable[[Path], int]:
    """Build Punkt and VADER once; return the baseline run, which gives its sentence count."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.text.segment import _nltk_tokenizer

    tokenizer = _nltk_tokenizer()
    analyzer = SentimentIntensityAnalyzer()

    def baseline(path: Path) -> int:
        text = plain_decode(path.read_bytes())
        with no_regex_time_limit():  # one 3 MB string: past nltk's cap, if it has one
            sentences = tokenizer.tokenize(text)
        compounds = [analyzer.polarity_scores(s)["compound"] for s in sentences]
        return len(compounds)

    return baseline


def run_arc(path: Path) -> int:
    """``arc.analyze(path, unit="sentence")``; returns its number of rows (sentences)."""
    import arc

    return len(arc.analyze(path, unit="sentence"))


def warm_up() -> tuple[Callable[[Path], int], Callable[[Path], int]]:
    """Load everything both runs need: imports, Punkt parameters, VADER's lexicon."""
    import charset_normalizer  # noqa: F401  (arc imports it lazily for legacy encodings)

    import arc

    baseline = make_baseline()
    arc.analyze(text=WARMUP_TEXT, unit="sentence")
    return baseline, run_arc


def timed(fn: Callable[[Path], int], path: Path) -> tuple[float, int]:
    """Seconds taken by ``fn(path)`` and its result, with garbage collected beforehand."""
    gc.collect()
    start = time.perf_counter()
    result = fn(path)
    return time.perf_counter() - start, result


# --------------------------------------------------------------------------- memory


def _status_kb(field: str) -> int | None:
    """A ``/proc/self/status`` figure in KiB (``VmRSS``, ``VmHWM``), or None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_high_water() -> bool:
    """Reset the kernel's RSS high-water mark (Linux >= 4.0); False if that is not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def memory_child(which: str, path: Path) -> dict[str, Any]:
    """In a fresh process: memory above a warmed-up interpreter while running ``which``."""
    import tracemalloc

    baseline, arc_run = warm_up()
    fn = arc_run if which == "arc" else baseline
    gc.collect()
    before_kb = _status_kb("VmRSS")
    if before_kb is None:  # not Linux: fall back to the high-water mark alone
        before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reset = _reset_high_water()
    fn(path)
    peak_kb = _status_kb("VmHWM") if reset else None
    method = "VmHWM after clear_refs"
    if peak_kb is None:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        method = "ru_maxrss"
    gc.collect()
    tracemalloc.start()
    fn(path)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rss_before_mb": before_kb / 1024,
        "rss_peak_mb": peak_kb / 1024,
        "rss_above_mb": (peak_kb - before_kb) / 1024,
        "tracemalloc_peak_mb": traced_peak / MB,
        "rss_method": method,
    }


def measure_memory(which: str, path: Path) -> dict[str, Any]:
    """Run :func:`memory_child` in a subprocess so other allocations do not pollute it."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--memory-child", which, "--path", path],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"memory subprocess ({which}) failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def memory_per_mb(path: Path, measured: dict[str, Any] | None = None) -> dict[str, Any]:
    """Memory of (b) above the loaded interpreter per MB of ``path``, measured if not given."""
    mem = measured or measure_memory("arc", path)
    size = path.stat().st_size
    return {
        "text": path.name,
        "bytes": size,
        "rss_above_mib": mem["rss_above_mb"],
        "mib_per_mb": mem["rss_above_mb"] / (size / TEXT_MB),
        "tracemalloc_peak_mib": mem["tracemalloc_peak_mb"],
        "tracemalloc_mib_per_mb": mem["tracemalloc_peak_mb"] / (size / TEXT_MB),
    }


# --------------------------------------------------------------------------- report


def benchmark(path: Path, repeat: int, memory_paths: list[Path]) -> dict[str, Any]:
    """Every figure of the report, as a JSON-ready dict."""
    baseline, arc_run = warm_up()
    text = plain_decode(path.read_bytes())
    times_a: list[float] = []
    times_b: list[float] = []
    n_a = n_b = 0
    for _ in range(repeat):  # alternate, so drift in machine speed hits both alike
        t, n_a = timed(baseline, path)
        times_a.append(t)
        t, n_b = timed(arc_run, path)
        times_b.append(t)
    best_a, best_b = min(times_a), min(times_b)
    ratio = best_b / best_a
    mem_arc = measure_memory("arc", path)
    mem_base = measure_memory("baseline", path)
    per_mb = [memory_per_mb(path, mem_arc)]
    per_mb += [memory_per_mb(p) for p in memory_paths if p != path]
    return {
        "text": path.name,
        "bytes": path.stat().st_size,
        "words": len(text.split()),
        "sentences_baseline": n_a,
        "sentences_arc": n_b,
        "repeat": repeat,
        "statistic": "best (minimum) of repeats; medians also given",
        "baseline_seconds": best_a,
        "arc_seconds": best_b,
        "baseline_seconds_median": statistics.median(times_a),
        "arc_seconds_median": statistics.median(times_b),
        "baseline_seconds_all": times_a,
        "arc_seconds_all": times_b,
        "ratio": ratio,
        "ratio_median": statistics.median(times_b) / statistics.median(times_a),
        "noisy": max(times_a) / best_a > NOISY or max(times_b) / best_b > NOISY,
        "memory_arc": mem_arc,
        "memory_baseline": mem_base,
        "memory_per_mb": per_mb,
        "goals": {
            "ratio": {"goal": f"<= {SPEED_GOAL}", "pass": ratio <= SPEED_GOAL},
            "memory_mb": {
                "goal": f"< {MEMORY_GOAL_MB:g}",
                "pass": mem_arc["rss_above_mb"] < MEMORY_GOAL_MB,
            },
        },
        "python": sys.version.split()[0],
    }


def table(r: dict[str, Any]) -> str:
    """The report as a small aligned table."""
    ok = {True: "PASS", False: "FAIL"}
    ma, mb = r["memory_arc"], r["memory_baseline"]
    rows = [
        ("text", f"{r['text']} ({r['bytes'] / MB:.1f} MiB)", "", ""),
        ("words", f"{r['words']:,}", "", ""),
        ("sentences (a) baseline", f"{r['sentences_baseline']:,}", "", ""),
        ("sentences (b) arc", f"{r['sentences_arc']:,}", "", ""),
        (
            "(a) baseline seconds",
            f"{r['baseline_seconds']:.3f}  (median {r['baseline_seconds_median']:.3f})",
            "",
            "",
        ),
        (
            "(b) arc seconds",
            f"{r['arc_seconds']:.3f}  (median {r['arc_seconds_median']:.3f})",
            "",
            "",
        ),
        (
            "ratio b/a",
            f"{r['ratio']:.2f}  (median {r['ratio_median']:.2f})",
            r["goals"]["ratio"]["goal"],
            ok[r["goals"]["ratio"]["pass"]],
        ),
        (
            "(b) memory MiB above baseline",
            f"{ma['rss_above_mb']:.0f}  (tracemalloc peak {ma['tracemalloc_peak_mb']:.0f})",
            r["goals"]["memory_mb"]["goal"],
            ok[r["goals"]["memory_mb"]["pass"]],
        ),
        (
            "(a) memory MiB, for comparison",
            f"{mb['rss_above_mb']:.0f}  (tracemalloc peak {mb['tracemalloc_peak_mb']:.0f})",
            "",
            "",
        ),
    ]
    lines = _aligned(("measure", "value", "goal", "result"), rows)
    lines.append("")
    per_mb = [
        (
            m["text"],
            f"{m['bytes'] / TEXT_MB:.2f}",
            f"{m['rss_above_mib']:.0f}",
            f"{m['mib_per_mb']:.1f}",
            f"{m['tracemalloc_mib_per_mb']:.1f}",
        )
        for m in r["memory_per_mb"]
    ]
    head = ("(b) memory per MB of text", "MB", "MiB RSS", "MiB/MB RSS", "MiB/MB traced")
    lines += _aligned(head, per_mb)
    lines.append("")
    lines.append(
        f"Times: best of {r['repeat']} warmed-up runs each, alternating (a) and (b), "
        f"time.perf_counter. Memory: fresh subprocess, peak RSS ({ma['rss_method']}) minus "
        f"VmRSS after importing arc and analysing a one-line text "
        f"({ma['rss_before_mb']:.0f} MiB)."
    )
    if r["noisy"]:
        lines.append(
            f"WARNING: runs of the same work differed by more than {NOISY - 1:.0%}; the "
            "machine was busy, so the ratio is unreliable. Rerun on an idle machine."
        )
    return "\n".join(lines)


def _aligned(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """``head`` and ``rows`` as lines of left-aligned columns, a rule under the head."""
    widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (head, *rows)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--path", type=Path, metavar="FILE", help="text to analyse (default: corpus's longest)"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="the shared corpus (default: ../shared/corpus from the repository root)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, metavar="N", help="timed runs of each (default 3)"
    )
    parser.add_argument(
        "--memory-path",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=f"also measure memory per MB of FILE (repeatable; default: {SMALLER_NOVEL})",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--memory-child", choices=("arc", "baseline"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = existing_file(args.path) if args.path else longest_text(args.corpus).resolve()
    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, path)))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    memory_paths = [existing_file(p) for p in args.memory_path]
    if not memory_paths and (args.corpus / SMALLER_NOVEL).is_file():
        memory_paths = [(args.corpus / SMALLER_NOVEL).resolve()]
    report = benchmark(path, args.repeat, memory_paths)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
