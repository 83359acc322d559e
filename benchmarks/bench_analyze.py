"""Speed and memory of ``arc.analyze(path, unit="sentence")`` against a plain baseline.

What is measured
----------------
Input: the longest text of the shared corpus (``../shared/corpus`` beside the project, the
largest file listed in ``MANIFEST.tsv``: War and Peace, 3.2 MB, Latin-1), or ``--path``.
This script is the only place in the project that reads the shared corpus.

(a) baseline -- what anyone would write with the same two libraries: read the bytes, decode
    them with the codec directly, split the whole text into sentences with nltk's Punkt
    (the very tokenizer object arc uses, ``arc.segment._tokenizer()``, built beforehand),
    then ``analyzer.polarity_scores(s)["compound"]`` for every sentence with one
    ``vaderSentiment`` ``SentimentIntensityAnalyzer`` built beforehand.
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

Run it with ``make bench`` (``python benchmarks/bench_analyze.py``); options::

    python benchmarks/bench_analyze.py [--path FILE] [--repeat N] [--json]

It is a report, not a test: the exit status is 0 whatever the figures, unless it crashes.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SPEED_GOAL = 1.25  # arc time / baseline time, at most
NOISY = 1.15  # slowest / fastest run of either above this: the machine was busy
MEMORY_GOAL_MB = 300.0  # peak RSS above an interpreter that has loaded arc, under
MB = 1024 * 1024
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WARMUP_TEXT = "Hello there. I am happy."


# --------------------------------------------------------------------------- input


def longest_text(corpus: Path = CORPUS) -> Path:
    """The largest text of the corpus: by ``bytes`` in MANIFEST.tsv, else by file size."""
    manifest = corpus / "MANIFEST.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("file")]
        if rows:
            best = max(rows, key=lambda r: int(r.get("bytes") or 0))
            if (corpus / best["file"]).is_file():
                return corpus / best["file"]
    texts = [p for p in corpus.glob("*.txt") if p.is_file()]
    if not texts:
        raise SystemExit(f"no texts found in {corpus}; pass --path FILE")
    return max(texts, key=lambda p: p.stat().st_size)


def plain_decode(data: bytes) -> str:
    """Decode as arc would for the corpus, but with a codec directly: UTF-8, else cp1252/Latin-1."""
    for codec in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# --------------------------------------------------------------------------- the two runs


def make_baseline() -> Callable[[Path], int]:
    """Build Punkt and VADER once; return the baseline run, which gives its sentence count."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.segment import _tokenizer

    tokenizer = _tokenizer()
    analyzer = SentimentIntensityAnalyzer()

    def baseline(path: Path) -> int:
        text = plain_decode(path.read_bytes())
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


# --------------------------------------------------------------------------- report


def benchmark(path: Path, repeat: int) -> dict[str, Any]:
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
    head = ("measure", "value", "goal", "result")
    widths = [max(len(row[i]) for row in (head, *rows)) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (head, *rows)
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
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


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, help="text to analyse (default: corpus's longest)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--memory-child", choices=("arc", "baseline"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = (args.path or longest_text()).resolve()
    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child, path)))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    report = benchmark(path, args.repeat)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
