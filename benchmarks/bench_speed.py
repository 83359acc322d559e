"""Every goal of issue #13 ("Speed where people wait"), measured in one run.

What is measured
----------------
The corpus is ``../shared/corpus`` relative to the repository root (the folder ``shared``
beside the clone, as in CI), or ``--corpus DIR``; its texts are the ``.txt`` files listed in
its ``MANIFEST.tsv``. Without it the script stops with one line (exit status 1). Only the
benchmarks read the corpus.

The novels: War and Peace (the largest text of the manifest, 3.2 MB, Latin-1) and, for the
issue's Emma, which is **not in the corpus**, the largest Austen novel of the manifest
(Mansfield Park, 0.88 MB). ``--novel PATH`` (repeatable) measures other texts instead.

Every timing is ``time.perf_counter`` around warmed-up work, garbage collected beforehand;
the runs of the things compared are interleaved (the order reversed every other round, so
drift in machine speed and order effects hit all alike), and each figure is the **median**
of its runs; a ratio is the ratio of medians. A note is printed for each series whose
slowest run is more than 15 % slower than its fastest: the machine was busy.

(1) Start-up. ``arc plot -o <tmp>.png`` (the installed ``arc`` command beside this Python,
    else ``python -m arc``: the vignette, its default chart) against the floor: a fresh
    Python that imports pandas and matplotlib and saves a trivial PNG with the Agg backend.
    Each run is a fresh process; one untimed run of each first (disk and font caches), then
    ``--plot-pairs`` pairs (default 9). Goal: arc / floor at most 1.3.
(2) ``arc.analyze(path, unit="sentence")`` on each novel against the baseline a user writes
    by hand, single process, the one of ``bench_analyze.make_baseline``: read and decode the
    file, nltk's Punkt over the whole text (nltk's plain ``PunktSentenceTokenizer`` with
    arc's parameters, ``arc.text.segment._nltk_tokenizer()``, built beforehand: arc's own
    tokenizer remembers verdicts; nltk's ``redos`` time limit lifted for that one call),
    then ``SentimentIntensityAnalyzer().polarity_scores(s)`` for every sentence with one
    analyzer built beforehand. Where ``arc.analyze`` has the ``workers`` keyword (checked
    with ``inspect.signature``), arc runs twice per round: every core on a long text, as the
    ``arc`` command asks (``workers=arc.parallel.EVERY_CPU``; ``workers=None`` before arc
    had it; the goal) and ``workers=1`` (one process; for information).
    First an untimed probe, in a fresh Python, runs each once, counts their sentences,
    checks the two frames of arc equal (``pandas.testing.assert_frame_equal`` and equal
    ``attrs``) and lists the modules a first run imports. Then ``--pairs`` rounds (default
    7), each run timed in a fresh Python that has loaded everything first, untimed: arc,
    the baseline's Punkt and analyzer, a one-line analyze (Punkt's parameters, VADER's
    lexicon) and those modules. So both are warmed up, but arc's remembered Punkt verdicts
    and VADER token cache start empty, as in a user's first analysis of a book; a second
    run of the same book in one process finds them full (up to a third faster on Mansfield
    Park), which would flatter arc. Goal: arc / baseline at most 0.5 (at least twice as
    fast).
(3) The engine (``arc.score.vader.FastVader().polarity_scores``) against vaderSentiment's
    ``SentimentIntensityAnalyzer().polarity_scores`` on every sentence of every corpus text
    (split by ``arc.analyze(path, unit="sentence")``). One untimed pass of each, whose
    outputs are compared with ``==`` on the whole dict and the mismatches counted; then
    ``--rounds`` interleaved rounds (default 5), each scoring the whole list. The engine
    keeps a cache of the tokens it has seen: the goal is judged on a new engine each round,
    built before the clock starts (the corpus scored once by a scorer that has seen no
    text); one that has scored these sentences before is timed too, for information.
    Goal: vaderSentiment / engine at least 3.

    Then growth with the length of a text: a block of 1,000 words of corpus sentences
    (drawn with a fixed seed) repeated 1, 2, 4, 8 and 16 times, so that every length has
    the same words in the same proportions (texts of distinct sentences differ in cost per
    word by their content: a text with one non-ASCII character is scanned for emoji, an
    ASCII one is not); at each length, as many texts as make 16,000 words. Both engines'
    outputs are compared, then the time to score those texts is taken, the engine's the
    median of 15 rounds over the lengths in turn (its token cache warm), vaderSentiment's
    the median of 3 up to 4k words and one measurement above (its cost grows with the
    square of the length). Goal (linear): the engine's time per word on 16k-word texts at
    most 1.5 times its time per word on 1k-word texts (a quadratic engine gives about 16).
(4) Memory: for each novel, a fresh subprocess imports arc, runs a one-line analyze and
    imports the modules a first analysis imports (found by the probe of (2)), then records
    its RSS (``VmRSS``), resets the kernel's high-water mark (writes ``5`` to
    ``/proc/self/clear_refs``), runs ``arc.analyze(path, unit="sentence")`` and reads the
    high-water mark (``VmHWM``): the parent's extra peak is VmHWM minus that VmRSS. With
    every core the forked workers have memory of their own, which the parent's
    VmHWM does not see. After the call, ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the
    peak RSS of the largest child; each child records its own VmRSS right after the fork
    (an ``os.register_at_fork(after_in_child=...)`` hook, written to a temporary file). A
    child's extra is estimated as its peak minus its RSS at the start, the children's extra
    as that times the number of children (exact for one child, the case on two cores; an
    upper bound for more). The parent's RSS at the fork is no base for it: a forked child's
    RSS starts well below its parent's (War and Peace: 86 against 136 MiB), since the
    library pages it has not touched yet are not counted in it. The estimate misses pages a
    child copies on write (already in its RSS) and counts library pages it touches again
    (shared with the parent); on War and Peace it came out below the child's private memory
    (``Private_*`` of ``/proc/PID/smaps_rollup``, sampled every 5 ms in a trial): 16 against
    22 MiB, so read the children's figure as a floor. The parent's and children's peaks
    need not coincide, so their sum is an upper bound in that respect. The goal is judged
    on the sum, per MB (10^6 bytes) of the file: at most 5 MiB of extra peak memory per MB
    of text. ``tracemalloc``'s peak of the parent's
    Python allocations, measured the same way in another fresh subprocess (tracing slows
    the run and adds memory of its own), is given beside it, and all the figures with
    ``workers=1`` (one process, no children) too.

Run it with ``make bench`` or::

    python benchmarks/bench_speed.py [--corpus DIR] [--novel PATH ...] [--plot-pairs 9]
                                     [--pairs 7] [--rounds 5] [--quick] [--json]

``--quick`` is a smoke run (about a minute): fewer rounds, the Austen novel only (unless
``--novel``), vaderSentiment not timed above 4k words; its figures are not for quoting.
Progress goes to standard error; the table (or ``--json``) to standard output. It is a
report, not a test: the exit status is 0 whatever the figures; 1, with one line, when the
corpus or a file given is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import gc
import importlib
import inspect
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import (  # the sibling script: its baseline and /proc helpers
    _aligned,
    _reset_high_water,
    _status_kb,
    make_baseline,
    plain_decode,
)

PLOT_GOAL = 1.3  # arc plot / floor, at most
ANALYZE_GOAL = 0.5  # arc.analyze / baseline, at most
ENGINE_GOAL = 3.0  # vaderSentiment / engine, at least
LINEAR_GOAL = 1.5  # engine time per word on the longest text / on the shortest, at most
MEMORY_GOAL = 5.0  # MiB of extra peak memory per MB of text, at most
NOISY = 1.15  # slowest / fastest run of a series above this: the machine was busy
SIZES = (1_000, 2_000, 4_000, 8_000, 16_000)  # words, for the engine's growth
REF_ONCE_ABOVE = 4_000  # vaderSentiment is timed once above this many words
GROWTH_ROUNDS = 15  # rounds of the engine on each length (16k words, a few ms each)
MIB = 1024 * 1024
TEXT_MB = 1_000_000  # MB, for the size of a text
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
WARMUP_TEXT = "Hello there. I am happy."
PACKAGES = (
    "nltk",
    "vaderSentiment",
    "pandas",
    "numpy",
    "matplotlib",
    "regex",
    "charset-normalizer",
    "scipy",
)
FLOOR_CODE = """\
import sys
import pandas
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1, 2], [0, 1, 0])
fig.savefig(sys.argv[1])
"""

Row = dict[str, str]


def say(message: str) -> None:
    """Progress, on standard error."""
    print(message, file=sys.stderr, flush=True)


def series(times: list[float]) -> dict[str, Any]:
    """The median, extremes and all of a series of timings; noisy if max/min > NOISY."""
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": times,
        "noisy": max(times) / min(times) > NOISY,
    }


def stopwatch(fn: Callable[[], object]) -> float:
    """Seconds taken by ``fn()``, garbage collected beforehand."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each run, ``rounds`` times, in turn; the order reversed every other round."""
    return self_timed({name: partial(stopwatch, fn) for name, fn in runs.items()}, rounds)


def self_timed(runs: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Like :func:`interleaved`, for runs that time themselves and return their seconds."""
    names = list(runs)
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            times[name].append(runs[name]())
    return times


def child_json(args: list[str]) -> dict[str, Any]:
    """This script run with ``args`` in a fresh Python: the JSON of its last line of output."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench_speed.py {' '.join(args[:3])} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- input


def manifest(corpus: Path) -> list[Row]:
    """The rows of the corpus's MANIFEST.tsv; stop in one line when there is none."""
    path = corpus / "MANIFEST.tsv"
    if not path.is_file():
        raise SystemExit(
            f"bench_speed.py: error: no corpus at {corpus} (expected ../shared/corpus beside "
            "the repository, with MANIFEST.tsv); pass --corpus DIR"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle, delimiter="\t") if r.get("file")]


def corpus_texts(corpus: Path, rows: list[Row]) -> list[Path]:
    """The manifest's files that are there."""
    return [corpus / r["file"] for r in rows if (corpus / r["file"]).is_file()]


def default_novels(corpus: Path, rows: list[Row], quick: bool) -> list[tuple[Path, str]]:
    """War and Peace (the largest text) and the largest Austen novel, standing in for Emma."""
    present = [r for r in rows if (corpus / r["file"]).is_file()]
    if not present:
        raise SystemExit(f"bench_speed.py: error: no texts of MANIFEST.tsv in {corpus}")
    size = lambda r: int(r.get("bytes") or 0)  # noqa: E731
    largest = max(present, key=size)
    austen = [r for r in present if "austen" in r.get("author", "").lower()]
    if any("emma" in r.get("title", "").lower() for r in austen):
        stand_in = next(r for r in austen if "emma" in r.get("title", "").lower())
        note = ""
    elif austen:
        stand_in = max(austen, key=size)
        note = "Emma is not in the corpus: the largest Austen novel in it stands in"
    else:
        stand_in, note = None, "no Austen novel in the corpus: War and Peace only"
    novels = [] if quick else [(corpus / largest["file"], "")]
    if stand_in is not None and stand_in is not largest:
        novels.append((corpus / stand_in["file"], note))
    return novels or [(corpus / largest["file"], note)]


def title_of(path: Path, rows: list[Row]) -> str:
    """The manifest's short title of ``path`` (before any parenthesis or ";"), else its name."""
    for r in rows:
        if r["file"] == path.name and r.get("title"):
            return r["title"].split(" (")[0].split(";")[0]
    return path.name


def git(*args: str) -> str:
    """``git ARGS``'s output in the repository, or "" where git fails."""
    proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.stdout.rstrip("\n") if proc.returncode == 0 else ""


def environment(corpus: Path, packages: tuple[str, ...] = PACKAGES) -> dict[str, Any]:
    """CPU count, load, Python, the versions of ``packages`` and the commit being measured."""
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    changed = [line[3:] for line in git("status", "--porcelain", "--", "arc").splitlines()]
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count() or 1
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "cpus_usable": affinity,
        "load_average_start": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
        "commit": git("rev-parse", "--short", "HEAD").strip(),
        "uncommitted_arc_files": changed,
        "corpus": str(corpus),
    }


# --------------------------------------------------------------------------- (1) start-up


def arc_command() -> list[str]:
    """The installed ``arc`` command beside this Python, else ``python -m arc``."""
    script = Path(sys.executable).with_name("arc")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "arc"]


def startup(pairs: int) -> dict[str, Any]:
    """``arc plot`` on the vignette against the floor, fresh processes, interleaved."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    with tempfile.TemporaryDirectory(prefix="bench_speed_") as tmp:
        commands = {
            "floor": [sys.executable, "-c", FLOOR_CODE, str(Path(tmp) / "floor.png")],
            "arc_plot": [*arc_command(), "plot", "-o", str(Path(tmp) / "arc.png")],
        }

        def process(cmd: list[str]) -> Callable[[], None]:
            def run() -> None:
                proc = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, check=False)
                if proc.returncode != 0:
                    raise RuntimeError(f"{cmd} failed:\n{proc.stderr.decode(errors='replace')}")

            return run

        runs = {name: process(cmd) for name, cmd in commands.items()}
        for run in runs.values():  # untimed: disk cache, matplotlib's font cache
            run()
        times = interleaved(runs, pairs)
    floor, arc_plot = series(times["floor"]), series(times["arc_plot"])
    ratio = arc_plot["median"] / floor["median"]
    return {
        "command": " ".join(
            Path(c).name if i == 0 else c for i, c in enumerate(commands["arc_plot"][:2])
        )
        + " -o <tmp>.png",
        "pairs": pairs,
        "floor_seconds": floor,
        "arc_plot_seconds": arc_plot,
        "ratio": ratio,
        "goal": f"<= {PLOT_GOAL}",
        "pass": ratio <= PLOT_GOAL,
    }


# --------------------------------------------------------------------------- (2) analyze


def has_workers() -> bool:
    """Whether ``arc.analyze`` takes the ``workers`` keyword."""
    import arc

    return "workers" in inspect.signature(arc.analyze).parameters


def every_cpu() -> dict[str, Any]:
    """The keywords that ask ``arc.analyze`` for every core on a long text, as ``arc`` does.

    ``workers=arc.parallel.EVERY_CPU`` where arc has it; before it, the default
    (``workers=None``) did that, so nothing is passed.
    """
    try:
        from arc.parallel import EVERY_CPU
    except ImportError:
        return {}
    return {"workers": EVERY_CPU}


def automatic_workers(chars: int) -> int | None:
    """How many processes :func:`every_cpu`'s keywords use on a text of ``chars`` characters."""
    try:
        from arc.parallel import workers_for
    except ImportError:
        return None
    return workers_for(chars, **every_cpu())


def frames_equal(a: Any, b: Any) -> tuple[bool, str]:
    """Whether two frames are equal, values and ``attrs``; and why not."""
    import pandas as pd

    try:
        pd.testing.assert_frame_equal(a, b)
    except AssertionError as exc:
        return False, str(exc).splitlines()[0]
    if a.attrs != b.attrs and json.dumps(a.attrs, sort_keys=True, default=str) != json.dumps(
        b.attrs, sort_keys=True, default=str
    ):
        return False, "attrs differ"
    return True, ""


def import_all(names: list[str]) -> None:
    """Import the modules ``names`` (what a first run imports lazily), ignoring failures."""
    for name in names:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def warmed_up(modules: list[str]) -> Callable[[Path], int]:
    """Load what both runs need, as a user's process has before its first book; the baseline.

    Imports arc, builds the baseline's Punkt and analyzer, analyses a one-line text (arc's
    Punkt parameters and VADER lexicon) and imports ``modules``: what a first analysis of
    the book imports lazily (found by :func:`probe_child`), so no import is timed.
    """
    import charset_normalizer  # noqa: F401  (arc imports it lazily for legacy encodings)

    import arc

    baseline = make_baseline()
    arc.analyze(text=WARMUP_TEXT, unit="sentence")
    import_all(modules)
    return baseline


def probe_child(path: Path) -> dict[str, Any]:
    """Both runs once: their sentence counts, the two frames compared, the modules imported."""
    import arc

    baseline = warmed_up([])
    before = set(sys.modules)
    out: dict[str, Any] = {"sentences_baseline": baseline(path)}
    middle = set(sys.modules)
    frame = arc.analyze(path, unit="sentence", **every_cpu())
    out["sentences_arc"] = len(frame)
    if has_workers():
        out["equal"] = frames_equal(frame, arc.analyze(path, unit="sentence", workers=1))
    out["modules_baseline"] = sorted(middle - before)
    out["modules_arc"] = sorted(set(sys.modules) - middle)
    return out


def timed_child(run: str, path: Path, modules: list[str]) -> dict[str, float]:
    """Seconds of one run on ``path`` in this fresh, warmed-up process."""
    import arc

    baseline = warmed_up(modules)
    fn: Callable[[], object] = {
        "baseline": partial(baseline, path),
        "arc": partial(arc.analyze, path, unit="sentence", **every_cpu()),
        "arc_workers1": partial(arc.analyze, path, unit="sentence", workers=1),
    }[run]
    return {"seconds": stopwatch(fn)}


def timed_in_child(run: str, path: Path, modules: str) -> float:
    """Seconds of :func:`timed_child` in a fresh Python."""
    return float(child_json(["--timed-child", run, str(path), modules])["seconds"])


def analyze_race(novels: list[tuple[Path, str]], rows: list[Row], pairs: int) -> list[dict]:
    """``arc.analyze`` (automatic workers and ``workers=1``) against the baseline, per novel.

    Every run is a fresh Python that loads everything first, untimed (:func:`warmed_up`),
    then times one run: arc's remembered Punkt verdicts and VADER token cache start empty,
    as in a user's first analysis of a book, not full as in a second run of the same book
    in one process (which makes arc up to a third faster on Mansfield Park).
    """
    workers = has_workers()
    out = []
    for path, note in novels:
        title = title_of(path, rows)
        say(f"(2) analyze: {title}")
        text = plain_decode(path.read_bytes())
        found = child_json(["--probe-child", str(path)])
        modules = ",".join(found["modules_baseline"] + found["modules_arc"])
        names = ["baseline", "arc", "arc_workers1"] if workers else ["baseline", "arc"]
        runs = {name: partial(timed_in_child, name, path, modules) for name in names}
        times = {name: series(t) for name, t in self_timed(runs, pairs).items()}
        base = times["baseline"]["median"]
        ratio = times["arc"]["median"] / base
        result: dict[str, Any] = {
            "text": path.name,
            "title": title,
            "note": note,
            "bytes": path.stat().st_size,
            "words": len(text.split()),
            "sentences_baseline": found["sentences_baseline"],
            "sentences_arc": found["sentences_arc"],
            "modules_first_run_imports": found["modules_arc"],
            "workers_keyword": workers,
            "automatic_workers": automatic_workers(len(text)) if workers else 1,
            "pairs": pairs,
            "seconds": times,
            "ratio": ratio,
            "goal": f"<= {ANALYZE_GOAL}",
            "pass": ratio <= ANALYZE_GOAL,
        }
        if workers:
            result["ratio_workers1"] = times["arc_workers1"]["median"] / base
            result["frames_equal"], result["frames_differ_because"] = found["equal"]
        out.append(result)
    return out


# --------------------------------------------------------------------------- (3) the engine


def corpus_sentences(texts: list[Path]) -> list[str]:
    """Every sentence of every corpus text, as ``arc.analyze`` splits them."""
    import arc

    sentences: list[str] = []
    for path in texts:
        sentences += arc.analyze(path, unit="sentence")["text"].tolist()
    return sentences


def engine_race(sentences: list[str], rounds: int) -> dict[str, Any]:
    """The engine against vaderSentiment on every sentence: equality, then interleaved speed.

    The engine keeps a cache of the tokens it has seen. "engine" is a new one each round,
    built before the clock starts: the corpus scored once, as by a scorer that has seen no
    text before (the goal). "engine, warm" is one engine that has scored these very
    sentences before (for information).
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.score.vader import FastVader

    ref = SentimentIntensityAnalyzer().polarity_scores
    warm = FastVader().polarity_scores
    want = [ref(s) for s in sentences]
    got = [warm(s) for s in sentences]
    mismatches = sum(g != w for g, w in zip(got, want, strict=True))
    del got, want

    def cold() -> float:
        fresh = FastVader().polarity_scores
        return stopwatch(partial(score_all, fresh, sentences))

    runs = {
        "vaderSentiment": partial(stopwatch, partial(score_all, ref, sentences)),
        "engine": cold,
        "engine_warm": partial(stopwatch, partial(score_all, warm, sentences)),
    }
    times = {name: series(t) for name, t in self_timed(runs, rounds).items()}
    speedup = times["vaderSentiment"]["median"] / times["engine"]["median"]
    return {
        "sentences": len(sentences),
        "words": sum(len(s.split()) for s in sentences),
        "mismatches": mismatches,
        "rounds": rounds,
        "vaderSentiment_seconds": times["vaderSentiment"],
        "engine_seconds": times["engine"],
        "engine_warm_seconds": times["engine_warm"],
        "speedup": speedup,
        "speedup_warm": times["vaderSentiment"]["median"] / times["engine_warm"]["median"],
        "goal": f">= {ENGINE_GOAL}",
        "pass": speedup >= ENGINE_GOAL,
    }


def score_all(fn: Callable[[str], object], texts: list[str]) -> None:
    """``fn(t)`` for every text."""
    for t in texts:
        fn(t)


def growth(sentences: list[str], quick: bool) -> dict[str, Any]:
    """Time per word of both engines on texts of 1k to 16k words, the same words in each.

    The engine's lengths are timed in turn, ``GROWTH_ROUNDS`` rounds, so that a busy spell
    of the machine falls on all of them alike; vaderSentiment's likewise up to 4k words
    (3 rounds), and once above.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from arc.score.vader import FastVader

    ref = SentimentIntensityAnalyzer().polarity_scores
    fast = FastVader().polarity_scores
    rnd = random.Random(0)
    words: list[str] = []
    while len(words) < SIZES[0]:
        words += rnd.choice(sentences).split()
    block = " ".join(words[: SIZES[0]])
    # The same words at every length: 16k words in all, as texts of ``size`` words
    texts = {size: [" ".join([block] * (size // SIZES[0]))] * (SIZES[-1] // size) for size in SIZES}
    equal: dict[int, bool | None] = {}
    ref_times: dict[int, list[float]] = {size: [] for size in SIZES}
    for size in SIZES:
        fast(texts[size][0])  # warms the engine's word cache
        if quick and size > REF_ONCE_ABOVE:
            equal[size] = None  # vaderSentiment takes seconds there
            continue
        start = time.perf_counter()
        want = [ref(t) for t in texts[size]]
        if size > REF_ONCE_ABOVE:
            ref_times[size] = [time.perf_counter() - start]
        equal[size] = [fast(t) for t in texts[size]] == want
    small = {
        str(size): partial(score_all, ref, texts[size]) for size in SIZES if size <= REF_ONCE_ABOVE
    }
    for name, times in interleaved(small, 3).items():
        ref_times[int(name)] = times
    engine_runs = {str(size): partial(score_all, fast, texts[size]) for size in SIZES}
    engine = {int(k): series(v) for k, v in interleaved(engine_runs, GROWTH_ROUNDS).items()}
    rows = []
    for size in SIZES:
        ref_s = statistics.median(ref_times[size]) if ref_times[size] else None
        rows.append(
            {
                "words": size,
                "texts": len(texts[size]),
                "equal": equal[size],
                "engine_seconds": engine[size]["median"],
                "engine_us_per_word": engine[size]["median"] * 1e6 / SIZES[-1],
                "engine_series": engine[size],
                "vaderSentiment_seconds": ref_s,
                "vaderSentiment_us_per_word": ref_s * 1e6 / SIZES[-1] if ref_s else None,
                "vaderSentiment_runs": len(ref_times[size]),
            }
        )
    per_word = rows[-1]["engine_us_per_word"] / rows[0]["engine_us_per_word"]
    return {
        "block_ascii": block.isascii(),
        "rounds": GROWTH_ROUNDS,
        "sizes": rows,
        "engine_per_word_ratio": per_word,
        "goal": f"<= {LINEAR_GOAL}",
        "pass": per_word <= LINEAR_GOAL,
    }


# --------------------------------------------------------------------------- (4) memory


def memory_child(mode: str, path: Path, traced: bool, modules: list[str]) -> dict[str, Any]:
    """In a fresh process: extra peak memory of analyze, this process's and its children's.

    ``traced``: ``tracemalloc``'s peak of this process's allocations instead (tracing
    slows the run and adds its own memory, so it runs in a process of its own).
    """
    import tracemalloc

    import charset_normalizer  # noqa: F401

    import arc

    kwargs: dict[str, Any] = every_cpu() if mode == "auto" else {"workers": int(mode)}
    arc.analyze(text=WARMUP_TEXT, unit="sentence", **kwargs)
    import_all(modules)
    if traced:
        gc.collect()
        tracemalloc.start()
        arc.analyze(path, unit="sentence", **kwargs)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"tracemalloc_peak_mib": traced_peak / MIB}
    at_fork: list[int] = []  # the parent's VmRSS at each fork, KiB
    recording = [True]  # the children of the measured call only
    with tempfile.NamedTemporaryFile("r", prefix="bench_speed_", suffix=".txt") as log:

        def child_started() -> None:  # in each forked child: its own VmRSS, KiB
            if recording[0]:
                with open(log.name, "a", encoding="ascii") as out:
                    out.write(f"{_status_kb('VmRSS') or 0}\n")

        os.register_at_fork(
            before=lambda: at_fork.append(_status_kb("VmRSS") or 0),
            after_in_child=child_started,
        )
        gc.collect()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        before_kb = _status_kb("VmRSS")
        method = "VmHWM after clear_refs minus VmRSS before"
        if before_kb is None:  # not Linux: the high-water mark alone
            before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        reset = _reset_high_water()
        rows = len(arc.analyze(path, unit="sentence", **kwargs))
        peak_kb = _status_kb("VmHWM") if reset else None
        if peak_kb is None:
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            method = "ru_maxrss minus VmRSS before (high-water mark not reset)"
        children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        forks = list(at_fork)
        child_start = [int(line) for line in Path(log.name).read_text().split()]
        recording[0] = False
    child_extra_kb = 0
    if child_start:
        child_extra_kb = max(0, children_peak - min(child_start)) * len(child_start)
    return {
        "mode": mode,
        "rows": rows,
        "rss_before_mib": before_kb / 1024,
        "rss_peak_mib": peak_kb / 1024,
        "parent_extra_mib": (peak_kb - before_kb) / 1024,
        "children": len(forks),
        "parent_rss_at_fork_mib": [kb / 1024 for kb in forks],
        "child_rss_at_start_mib": [kb / 1024 for kb in child_start],
        "children_maxrss_mib": children_peak / 1024,
        "children_maxrss_before_mib": children_before / 1024,
        "children_unreliable": bool(forks) and children_before >= children_peak > 0,
        "children_extra_mib": child_extra_kb / 1024,
        "total_extra_mib": (peak_kb - before_kb + child_extra_kb) / 1024,
        "method": method,
    }


def measure_memory(mode: str, path: Path, modules: list[str]) -> dict[str, Any]:
    """Run :func:`memory_child` in fresh subprocesses; add the figures per MB of text."""
    mem: dict[str, Any] = {}
    for what in ("rss", "traced"):
        mem.update(child_json(["--memory-child", mode, what, str(path), ",".join(modules)]))
    mb = path.stat().st_size / TEXT_MB
    for key in ("parent_extra", "children_extra", "total_extra", "tracemalloc_peak"):
        mem[f"{key}_per_mb"] = mem[f"{key}_mib"] / mb
    return mem


def memory(
    novels: list[tuple[Path, str]], rows: list[Row], modules: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Extra peak memory per MB of each novel, automatic workers and ``workers=1``.

    ``modules``: by file name, the modules a first analysis imports (found by (2)), which the
    subprocess imports beforehand so that they do not count as memory of the text.
    """
    modes = ("auto", "1") if has_workers() else ("auto",)
    out = []
    for path, note in novels:
        say(f"(4) memory: {title_of(path, rows)}")
        result: dict[str, Any] = {
            "text": path.name,
            "title": title_of(path, rows),
            "note": note,
            "bytes": path.stat().st_size,
        }
        for mode in modes:
            result["auto" if mode == "auto" else "workers1"] = measure_memory(
                mode, path, modules.get(path.name, [])
            )
        per_mb = result["auto"]["total_extra_per_mb"]
        result.update(goal=f"<= {MEMORY_GOAL:g}", per_mb=per_mb, **{"pass": per_mb <= MEMORY_GOAL})
        out.append(result)
    return out


# --------------------------------------------------------------------------- report


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Every figure of the report, as a JSON-ready dict."""
    rows = manifest(args.corpus)
    texts = corpus_texts(args.corpus, rows)
    if not texts:
        raise SystemExit(f"bench_speed.py: error: no texts of MANIFEST.tsv in {args.corpus}")
    if args.novel:
        for p in args.novel:
            if not p.is_file():
                raise SystemExit(f"bench_speed.py: error: no such file: {p}")
        novels = [(p.resolve(), "") for p in args.novel]
    else:
        novels = default_novels(args.corpus, rows, args.quick)
    report: dict[str, Any] = {"environment": environment(args.corpus), "quick": args.quick}
    started = time.perf_counter()
    say(f"(1) start-up: arc plot against the floor, {args.plot_pairs} pairs")
    report["startup"] = startup(args.plot_pairs)
    report["analyze"] = analyze_race(novels, rows, args.pairs)
    say(f"(3) engine: splitting {len(texts)} corpus texts into sentences")
    sentences = corpus_sentences(texts)
    say(f"(3) engine: {len(sentences):,} sentences, {args.rounds} rounds")
    report["engine"] = engine_race(sentences, args.rounds)
    say("(3) engine: 1k-16k words")
    report["growth"] = growth(sentences, args.quick)
    del sentences
    modules = {a["text"]: a["modules_first_run_imports"] for a in report["analyze"]}
    report["memory"] = memory(novels, rows, modules)
    report["environment"]["load_average_end"] = os.getloadavg()
    report["seconds_total"] = time.perf_counter() - started
    return report


def _x(value: float) -> str:
    return f"{value:.2f}x"


def goals_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(goal, measured, target, PASS/FAIL) for each goal of the issue."""
    ok = {True: "PASS", False: "FAIL"}
    s = r["startup"]
    rows = [
        (
            "arc plot (vignette) / floor",
            f"{_x(s['ratio'])} ({s['arc_plot_seconds']['median']:.2f} s / "
            f"{s['floor_seconds']['median']:.2f} s)",
            f"<= {PLOT_GOAL}x",
            ok[s["pass"]],
        )
    ]
    for a in r["analyze"]:
        sec = a["seconds"]
        rows.append(
            (
                f"analyze(sentence) / baseline, {a['title']}",
                f"{_x(a['ratio'])} ({sec['arc']['median']:.2f} s / "
                f"{sec['baseline']['median']:.2f} s)",
                f"<= {ANALYZE_GOAL}x",
                ok[a["pass"]],
            )
        )
    e = r["engine"]
    rows.append(
        (
            "engine speed-up on all corpus sentences",
            f"{_x(e['speedup'])} ({e['vaderSentiment_seconds']['median']:.2f} s / "
            f"{e['engine_seconds']['median']:.2f} s)",
            f">= {ENGINE_GOAL:g}x",
            ok[e["pass"]],
        )
    )
    g = r["growth"]
    first, last = g["sizes"][0], g["sizes"][-1]
    rows.append(
        (
            "engine linear: time/word, 16k- / 1k-word texts",
            f"{_x(g['engine_per_word_ratio'])} ({last['engine_us_per_word']:.2f} / "
            f"{first['engine_us_per_word']:.2f} us)",
            f"<= {LINEAR_GOAL}x",
            ok[g["pass"]],
        )
    )
    for m in r["memory"]:
        auto = m["auto"]
        rows.append(
            (
                f"extra peak memory per MB, {m['title']}",
                f"{m['per_mb']:.1f} MiB/MB ({auto['parent_extra_per_mb']:.1f} parent + "
                f"{auto['children_extra_per_mb']:.1f} children)",
                f"<= {MEMORY_GOAL:g} MiB/MB",
                ok[m["pass"]],
            )
        )
    return rows


def header(r: dict[str, Any], title: str, *more: str, during: str = "") -> list[str]:
    """A report's first lines: its title, the commit, the machine, the packages, ``more``.

    The commit line names the branch where the environment has one; ``during`` follows the
    load average at start and at end (the load while the report's runs ran, say).
    """
    env = r["environment"]
    branch = f" ({env['branch']})" if "branch" in env else ""
    return [
        title + (" (--quick)" if r["quick"] else ""),
        f"commit {env['commit']}{branch}"
        + (
            f" + uncommitted changes to {', '.join(env['uncommitted_arc_files'])}"
            if env["uncommitted_arc_files"]
            else ""
        )
        + f"; {env['date']}",
        f"{env['cpus']} CPUs ({env['cpus_usable']} usable); load average "
        f"{env['load_average_start'][0]:.2f} at start, {env['load_average_end'][0]:.2f} at end"
        f"{during}; Python {env['python']}; {env['platform']}",
        ", ".join(f"{k} {v}" for k, v in env["packages"].items()),
        *more,
        f"total {r['seconds_total']:.0f} s",
        "",
    ]


def table(r: dict[str, Any]) -> str:
    """The report: environment, the goals, then the details of each measurement."""
    lines = header(r, "bench_speed.py: issue #13, speed where people wait")
    lines += _aligned(("goal", "measured", "target", "result"), goals_rows(r))
    lines.append("times: medians of interleaved runs; a ratio is the ratio of the medians")
    for a in r["analyze"] + r["memory"]:
        if a["note"]:
            lines.append(f"note: {a['title']}: {a['note']}.")
            break

    s = r["startup"]
    lines += ["", f"(1) start-up, {s['pairs']} interleaved pairs of fresh processes, seconds"]
    lines += _aligned(
        ("run", "median", "min", "max"),
        [
            (name, *(f"{s[key][k]:.3f}" for k in ("median", "min", "max")))
            for name, key in (
                ("floor: import pandas, matplotlib; savefig (Agg)", "floor_seconds"),
                (s["command"], "arc_plot_seconds"),
            )
        ],
    )

    lines += [
        "",
        "(2) arc.analyze(path, unit='sentence') against the baseline (Punkt + "
        "vaderSentiment loop), seconds",
    ]
    head = (
        "text",
        "MB",
        "words",
        "sentences b/arc",
        "baseline",
        "arc auto",
        "ratio",
        "arc workers=1",
        "ratio",
        "frames equal",
    )
    body = []
    for a in r["analyze"]:
        sec = a["seconds"]
        w1 = sec.get("arc_workers1")
        body.append(
            (
                a["title"],
                f"{a['bytes'] / TEXT_MB:.2f}",
                f"{a['words']:,}",
                f"{a['sentences_baseline']:,}/{a['sentences_arc']:,}",
                f"{sec['baseline']['median']:.3f}",
                f"{sec['arc']['median']:.3f} ({a['automatic_workers']} proc)",
                _x(a["ratio"]),
                f"{w1['median']:.3f}" if w1 else "n/a",
                _x(a["ratio_workers1"]) if w1 else "n/a",
                ("yes" if a["frames_equal"] else f"NO: {a['frames_differ_because']}")
                if w1
                else "n/a (no workers keyword)",
            )
        )
    lines += _aligned(head, body)
    lines.append(
        f"medians of {r['analyze'][0]['pairs']} interleaved rounds, each run timed in a fresh "
        "Python that has loaded everything first (caches of the book empty); "
        "ratio = arc / baseline"
    )

    e = r["engine"]
    lines += [
        "",
        f"(3) engine against vaderSentiment, polarity_scores on all {e['sentences']:,} corpus "
        f"sentences ({e['words']:,} words), medians of {e['rounds']} interleaved rounds",
        f"vaderSentiment {e['vaderSentiment_seconds']['median']:.3f} s, engine "
        f"{e['engine_seconds']['median']:.3f} s (a new engine each round, its token cache "
        f"empty): {_x(e['speedup'])}; an engine that has scored these sentences before: "
        f"{e['engine_warm_seconds']['median']:.3f} s, {_x(e['speedup_warm'])}",
        f"outputs compared on every sentence: {e['mismatches']} mismatches",
        "",
        f"growth: a {SIZES[0]:,}-word block of corpus sentences repeated to each length, "
        f"{SIZES[-1]:,} words scored at each; ms (medians) and microseconds per word",
    ]
    body = [
        (
            f"{g['words']:,}",
            str(g["texts"]),
            f"{g['engine_seconds'] * 1e3:.2f}",
            f"{g['engine_us_per_word']:.2f}",
            f"{g['vaderSentiment_seconds'] * 1e3:.1f}" if g["vaderSentiment_seconds"] else "-",
            f"{g['vaderSentiment_us_per_word']:.1f}" if g["vaderSentiment_us_per_word"] else "-",
            str(g["vaderSentiment_runs"]),
            _x(g["vaderSentiment_seconds"] / g["engine_seconds"])
            if g["vaderSentiment_seconds"]
            else "-",
            {True: "yes", False: "NO", None: "not checked"}[g["equal"]],
        )
        for g in r["growth"]["sizes"]
    ]
    lines += _aligned(
        (
            "words per text",
            "texts",
            "engine ms",
            "us/word",
            "vaderSentiment ms",
            "us/word",
            "runs",
            "speed-up",
            "equal",
        ),
        body,
    )

    lines += ["", "(4) extra peak memory of analyze, fresh subprocess, MiB (per MB of text)"]
    body = []
    for m in r["memory"]:
        for key, label in (("auto", "auto"), ("workers1", "workers=1")):
            if key not in m:
                continue
            x = m[key]
            body.append(
                (
                    m["title"],
                    label,
                    f"{m['bytes'] / TEXT_MB:.2f}",
                    f"{x['parent_extra_mib']:.1f} ({x['parent_extra_per_mb']:.1f})",
                    f"{x['children']}",
                    f"{x['children_extra_mib']:.1f} ({x['children_extra_per_mb']:.1f})"
                    + (" ?" if x["children_unreliable"] else ""),
                    f"{x['total_extra_mib']:.1f} ({x['total_extra_per_mb']:.1f})",
                    f"{x['tracemalloc_peak_mib']:.1f} ({x['tracemalloc_peak_per_mb']:.1f})",
                )
            )
    lines += _aligned(
        (
            "text",
            "workers",
            "MB",
            "parent",
            "children",
            "children extra",
            "sum",
            "tracemalloc (parent)",
        ),
        body,
    )
    first = r["memory"][0]["auto"]
    lines.append(
        f"parent: {first['method']} (VmRSS after importing arc, a one-line analyze "
        "and the modules a first analysis imports: "
        f"{first['rss_before_mib']:.0f} MiB); children: ru_maxrss of RUSAGE_CHILDREN minus the "
        "child's VmRSS just after the fork, times the number of children (pages copied on "
        "write are not counted; the peaks need not coincide, so the sum is an upper bound in "
        "that respect); MB = 10^6 bytes of the file."
    )

    noisy = [name for name, x in _all_series(r) if x["noisy"]]
    if noisy:
        lines += [
            "",
            f"NOTE: noisy runs (slowest / fastest > {NOISY}): {', '.join(noisy)}; the "
            "machine was busy, read the ratios with care.",
        ]
    return "\n".join(lines)


def _all_series(r: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every timed series of the report, named."""
    out = [("floor", r["startup"]["floor_seconds"]), ("arc plot", r["startup"]["arc_plot_seconds"])]
    for a in r["analyze"]:
        out += [(f"{name} ({a['title']})", x) for name, x in a["seconds"].items()]
    out += [
        (f"{name} (all sentences)", r["engine"][f"{name}_seconds"])
        for name in ("vaderSentiment", "engine", "engine_warm")
    ]
    out += [
        (f"engine ({g['words']:,}-word texts)", g["engine_series"]) for g in r["growth"]["sizes"]
    ]
    return out


def add_corpus(parser: argparse.ArgumentParser) -> None:
    """The ``--corpus DIR`` option, the shared corpus by default."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="the shared corpus (default: ../shared/corpus from the repository root)",
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run every measurement and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus(parser)
    parser.add_argument(
        "--novel",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="a novel for (2) and (4), repeatable (default: War and Peace and "
        "the largest Austen novel, standing in for Emma)",
    )
    parser.add_argument(
        "--plot-pairs",
        type=int,
        default=None,
        metavar="N",
        help="(1) floor/arc plot pairs (default 9; 3 with --quick)",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=None,
        metavar="N",
        help="(2) baseline/arc rounds (default 7; 2 with --quick)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        metavar="N",
        help="(3) engine/vaderSentiment rounds (default 5; 2 with --quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: fewer rounds, the Austen novel only"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--memory-child",
        nargs=4,
        metavar=("MODE", "WHAT", "PATH", "MODULES"),
        help=argparse.SUPPRESS,
    )
    parser.add_argument("--probe-child", type=Path, metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument(
        "--timed-child", nargs=3, metavar=("RUN", "PATH", "MODULES"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.probe_child:
        print(json.dumps(probe_child(args.probe_child)))
        return 0
    if args.timed_child:
        run, path, modules = args.timed_child
        names = [m for m in modules.split(",") if m]
        print(json.dumps(timed_child(run, Path(path), names)))
        return 0
    if args.memory_child:
        mode, what, path, modules = args.memory_child
        names = [m for m in modules.split(",") if m]
        print(json.dumps(memory_child(mode, Path(path), what == "traced", names)))
        return 0
    quick = args.quick
    for name, default, smoke in (("plot_pairs", 9, 3), ("pairs", 7, 2), ("rounds", 5, 2)):
        if getattr(args, name) is None:
            setattr(args, name, smoke if quick else default)
    if min(args.plot_pairs, args.pairs, args.rounds) < 1:
        parser.error("--plot-pairs, --pairs and --rounds must be at least 1")
    report = benchmark(args)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
