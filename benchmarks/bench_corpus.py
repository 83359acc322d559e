"""The goals of issue #22 ("Corpora at scale"), measured in one run.

What is measured
----------------
Four corpora are made in a temporary folder. **novels**: the shared corpus's whole books
(``--corpus DIR``, default ``../shared/corpus`` from the repository root; every ``.txt``
file its ``MANIFEST.tsv`` lists, copied as they are, a file whose bytes equal an earlier
one's skipped). **chapters**: ``--texts`` (200) chapters made by ``make_corpus.py`` (one
file each). ``--small`` (100) and ``--large`` (1,000) texts of ``make_corpus.py`` for
memory; the large one is also rerun from its cache. Every arc run writes into a new output
folder with a new, empty cache folder (``Cache(tmp)``, or ``ARC_CACHE_DIR=<tmp>`` for a
command and for Dask's workers), except a cached rerun, which reuses the cache of the cold
run just before it.

Every timed run is a fresh Python (this script with a hidden ``--child`` option) that first,
untimed, imports arc, builds the baseline's Punkt and analyzer, and runs both the baseline and
a two-text ``corpus()`` (the vignette, twice, with the modes and the overview chart) so every
module a run imports lazily is loaded, then times one pass over a corpus with
``time.perf_counter``: arc's remembered Punkt verdicts and VADER token cache start as empty as
a user's. Runs are interleaved: each round runs the chapters' six kinds, the novels' three
and the large corpus's cold run and rerun, the order reversed every other round; the
chapters have ``--rounds`` (5) rounds, the novels ``--novel-rounds`` (3: a round over the
whole books takes about 25 s) and the large corpus ``--rerun-rounds`` (3). Each figure is the
**median**; a ratio is the ratio of medians. A series whose slowest run is more than 15 %
slower than its fastest is marked noisy. The load average is read before every timed run,
and the CPU seconds other processes used during the rounds are given (``/proc/stat``'s busy
time less this script's and its children's).

(1) Bare loop (the baseline): for each text, read and decode (``bench_analyze.make_baseline``:
    ``plain_decode(path.read_bytes())``), nltk's plain ``PunktSentenceTokenizer`` with arc's
    parameters over the whole text, vaderSentiment's ``polarity_scores`` per sentence.
(2) One job, scores alone, on the novels and on the chapters:
    ``arc.analysis.frame.frames(load(path), "sentence")`` per text (what
    ``Analysis.of(path, unit="sentence")`` computes, without line or band). Goal: at least
    1.4 x the baseline's throughput.
(3) One job, the whole texts table, on the novels and on the chapters:
    ``corpus(folder, out, jobs=1, cache=Cache(fresh))`` (``modes``/``chart`` on only where
    ``arc.analysis.modes`` exists). Goal: at least the baseline's throughput. Where its time
    goes is profiled on both corpora (all the novels; ``--profile`` (40) of the chapters) in
    a fresh Python: each step of ``summarise`` timed alone (read and parse; split and score;
    the smoothed line alone; the line with its bootstrap band; with the chance envelope as
    well; turning points as ``summarise`` finds them, ``arc.analysis.turns.find_turns`` on
    the line; shape), then the cache's writes and the store's part writes, reading the
    tables back at the end (the texts, and the segments' arc columns), and, once per run,
    the modes and the overview chart (drawn, no cache).
(4) Every core, chapters: ``corpus(..., jobs=EVERY_CPU)`` against (3). Goal: speed-up at
    least 0.85 x the CPUs.
(5) Dask, chapters: a real ``dask scheduler`` and two
    ``dask worker --nworkers 1 --nthreads 1`` processes on localhost;
    ``corpus(..., client=Client(addr), cache=True)`` (each worker its own cache, as a user
    runs it: a fresh ``ARC_CACHE_DIR``) against ``corpus(..., jobs=2, cache=Cache(fresh))``.
    Each Dask run has a cluster of its own, started before the clock (its workers warmed up
    like a child; ``client.restart()`` lost its nanny-started workers here) and stopped
    after, so no run finds the memos of the one before. Goal: at least 0.8 x ``jobs=2``'s
    throughput. arc sends texts to Dask several to a task (a batch of up to 256 kB or 32
    texts, ``arc.corpora.run.DASK_BATCH_BYTES``/``DASK_BATCH_TEXTS``), so the per-task cost
    is measured per batch: ``--noop`` (400) tasks of ``len`` on bytes of the chapters' mean
    batch, submitted and collected like ``arc.corpora.run`` (a window of ``DASK_WINDOW`` per
    worker, results in order), and again on bytes of a mean novel (one book per task, as
    Project Gutenberg's would be); and the extra seconds per text of the Dask run over
    ``jobs=2``.
(6) Cached rerun, on the chapters and on the ``--large`` corpus: the cold every-core run
    (``jobs=EVERY_CPU``, a fresh cache), then the same corpus into a new output folder with
    the cache that run filled. Goal: at least 20 x faster.
(7) Memory: the ``arc corpus`` command (``arc.cli``'s own entry point, run by a child of
    this script; where ``arc.analysis.modes`` is missing its ``_modes`` step is stubbed to
    give no modes) on ``--small`` and ``--large`` texts, every core, in a fresh process; the
    process tree's RSS (``VmRSS`` of the command and every descendant in ``/proc``) summed
    and sampled every 20 ms: the peak of the sum, and the peaks of the parent and of the
    largest worker. ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the largest single process)
    is given beside it. Goal: the large corpus's peak at most 1.1 x the small one's.
(8) The ``arc corpus`` command on the ``--large`` corpus once more, its standard error a
    pseudo-terminal (``pty.openpty``): the bytes it wrote are checked for tqdm's bar, and
    the last line is shown, with the wall time (cold cache).

On paper: Project Gutenberg (75,000 books of the mean length of the shared corpus's novels)
at the throughput per core of (3) on the novels, on one 2-core machine, a 32-core machine
(the every-core efficiency of (4)), and N Dask workers, with what the Dask path needs (bytes
per book, the client's bandwidth, the per-task cost of (5) for a book).

Run it with ``make bench-corpus`` or::

    python benchmarks/bench_corpus.py [--corpus DIR] [--texts 200] [--small 100]
        [--large 1000] [--rounds 5] [--novel-rounds 3] [--rerun-rounds 3] [--profile 40]
        [--noop 400] [--quick] [--json] [--save FILE]

A full run takes about seven minutes on two cores. ``--quick`` is a smoke run (about a
minute and a half: 30 chapters, the 3 smallest books, 20 and 100 texts for memory, one
round); its figures are not for quoting. ``--save FILE`` writes the figures as JSON as
well. Progress goes to standard error, the table (or ``--json``) to standard output. A
report, not a test: the exit status is 0 whatever the figures; 1, with one line, when the
corpus is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import importlib.util
import json
import math
import os
import pty
import resource
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import _aligned, make_baseline  # the sibling scripts' baseline and table
from bench_speed import NOISY, add_corpus, git, header, say, series
from bench_speed import environment as common_environment
from make_corpus import make, manifest

SCORES_GOAL = 1.4  # scores alone / bare loop throughput, at least
TABLE_GOAL = 1.0  # whole texts table, one job / bare loop throughput, at least
CORES_GOAL = 0.85  # speed-up on every core, at least this times the CPUs
DASK_GOAL = 0.8  # Dask (2 workers) / jobs=2 throughput, at least
CACHE_GOAL = 20.0  # cold run / cached rerun, at least
MEMORY_TOLERANCE = 1.1  # peak RSS of the large corpus / the small one's, at most
GUTENBERG_BOOKS = 75_000
ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
SAMPLE_EVERY = 0.02  # seconds between two looks at the process tree's memory
PACKAGES = (
    "nltk",
    "vaderSentiment",
    "pandas",
    "numpy",
    "pyarrow",
    "scipy",
    "dask",
    "distributed",
    "tqdm",
    "platformdirs",
)


def has_modes() -> bool:
    """Whether this tree has the corpus modes (``arc.analysis.modes``)."""
    return importlib.util.find_spec("arc.analysis.modes") is not None


def has_overview() -> bool:
    return importlib.util.find_spec("arc.charts.overview") is not None


def child_env(cache: str | None = None) -> dict[str, str]:
    # arc from this tree, and the sibling scripts (a Dask worker unpickles _warm's references)
    path = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": path}
    if cache is not None:
        env["ARC_CACHE_DIR"] = cache
    return env


def child_json(kind: str, spec: dict[str, Any], cache: str | None = None) -> dict[str, Any]:
    """This script's ``--child kind`` in a fresh Python: the JSON of its last line of output."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind, json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(cache),
        timeout=900,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench_corpus.py --child {kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- children


def _warm() -> Any:
    """Load everything a run needs, untimed: arc, Punkt, VADER, pandas/pyarrow, the baseline."""
    import warnings

    import pyarrow  # noqa: F401

    import arc
    from arc.corpora.run import corpus
    from arc.text.io import vignette_text

    baseline = make_baseline()
    arc.analyze(text="Hello there. I am happy.", unit="sentence")
    folder = Path(tempfile.mkdtemp(prefix="arc-warm-"))
    texts = folder / "texts"
    texts.mkdir()
    (texts / "vignette.txt").write_text(vignette_text(), encoding="utf-8")
    # A second text, so the modes and the overview chart are computed (and their imports done).
    (texts / "vignette-2.txt").write_text(vignette_text() + "\n\nThe end.\n", encoding="utf-8")
    baseline(texts / "vignette.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus([texts], folder / "out", jobs=1, cache=None, **_corpus_kwargs())
    shutil.rmtree(folder, ignore_errors=True)
    return baseline


def _corpus_kwargs() -> dict[str, Any]:
    return {"modes": 3 if has_modes() else 0, "chart": has_modes() and has_overview()}


def run_child(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    """One timed pass in this fresh process (see the module's docstring)."""
    if kind == "command":
        return command_child(spec)
    if kind == "memory":
        return memory_child(spec)
    if kind == "profile":
        return profile_child(spec)
    if kind == "noop":
        return noop_child(spec)
    import warnings

    from arc.analysis.frame import frames
    from arc.cache import Cache
    from arc.corpora.run import corpus, expand_paths
    from arc.errors import ArcWarning
    from arc.parallel import EVERY_CPU
    from arc.text.document import load

    baseline = _warm()
    warnings.simplefilter("ignore", ArcWarning)
    paths = expand_paths([spec["folder"]])
    out: dict[str, Any] = {}
    if kind == "baseline":
        start = time.perf_counter()
        sentences = sum(baseline(Path(p)) for p in paths)
        out["seconds"] = time.perf_counter() - start
        out["sentences"] = sentences
    elif kind == "scores":
        start = time.perf_counter()
        sentences = sum(len(frames(load(Path(p)), "sentence")[0]) for p in paths)
        out["seconds"] = time.perf_counter() - start
        out["sentences"] = sentences
    elif kind in ("table", "all", "jobs2", "warm"):
        jobs = {"table": 1, "all": EVERY_CPU, "jobs2": 2, "warm": EVERY_CPU}[kind]
        cache = Cache(spec["cache"])  # a fresh folder for every run (the warm rerun's aside)
        start = time.perf_counter()
        result = corpus([spec["folder"]], spec["out"], jobs=jobs, cache=cache, **_corpus_kwargs())
        out["seconds"] = time.perf_counter() - start
        out["failed"] = result.failed
        out["sentences"] = int(result.texts["sentences"].sum())
        out["words"] = int(result.texts["words"].sum())
    elif kind == "dask":
        out = dask_child(spec, paths)
    else:
        raise SystemExit(f"unknown child {kind!r}")
    return out


def _worker_setup(cache: str) -> int:
    """On a Dask worker: its cache folder, and the same warm-up as a child's."""
    os.environ["ARC_CACHE_DIR"] = cache
    os.environ["MPLBACKEND"] = "Agg"
    _warm()
    return os.getpid()


def dask_child(spec: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    from distributed import Client

    from arc.corpora.run import corpus

    client = Client(spec["address"], set_as_default=False, timeout="30s")
    try:
        client.wait_for_workers(spec["workers"], timeout=60)
        pids = client.run(_worker_setup, spec["cache"])
        os.environ["ARC_CACHE_DIR"] = spec["cache"]
        start = time.perf_counter()
        result = corpus(
            [spec["folder"]],
            spec["out"],
            client=client,
            cache=True,  # as a user runs it: each worker its own cache, a fresh ARC_CACHE_DIR
            **_corpus_kwargs(),
        )
        seconds = time.perf_counter() - start
    finally:
        client.close()
    return {
        "seconds": seconds,
        "failed": result.failed,
        "worker_pids": sorted(pids.values()),
        "sentences": int(result.texts["sentences"].sum()),
    }


def noop_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Dask's cost per task: ``len`` of a batch's worth of bytes, windowed and in order.

    One series of ``tasks`` tasks for each payload size in ``sizes``.
    """
    from collections import deque

    from distributed import Client

    from arc.corpora.run import DASK_WINDOW

    client = Client(spec["address"], set_as_default=False, timeout="30s")
    out: dict[str, Any] = {"tasks": spec["tasks"], "per_size": {}}
    try:
        client.wait_for_workers(spec["workers"], timeout=60)
        workers = max(1, sum(client.nthreads().values()))
        out["workers"] = workers
        for size in spec["sizes"]:
            payload = [os.urandom(size) for _ in range(8)]
            for f in [client.submit(len, payload[0], pure=False) for _ in range(20)]:
                f.result()
            n = spec["tasks"]
            window = DASK_WINDOW * workers
            queue: deque[Any] = deque()
            start = time.perf_counter()
            sent = 0
            while sent < min(window, n):
                queue.append(client.submit(len, payload[sent % 8], pure=False, retries=2))
                sent += 1
            while queue:
                f = queue.popleft()
                f.result()
                f.release()
                if sent < n:
                    queue.append(client.submit(len, payload[sent % 8], pure=False, retries=2))
                    sent += 1
            out["per_size"][str(size)] = (time.perf_counter() - start) / n
    finally:
        client.close()
    return out


def profile_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Where one job's time goes, step by step, on a sample of texts (see the docstring)."""
    import hashlib
    import pickle
    import warnings

    import numpy as np

    from arc.analysis.result import Analysis
    from arc.analysis.turns import find_turns
    from arc.cache import Cache, key
    from arc.corpora.run import (
        ARC_COLUMNS,
        _chart,
        _modes,
        _row,
        _segments_table,
        _texts_table,
        expand_paths,
    )
    from arc.corpora.store import Entry, Store, read_table
    from arc.corpora.summary import SMOOTHER, summarise
    from arc.errors import ArcWarning
    from arc.text.document import load
    from arc.text.io import read_bytes

    _warm()
    warnings.simplefilter("ignore", ArcWarning)
    paths = expand_paths([spec["folder"]])
    step = max(1, len(paths) // spec["sample"])
    sample = paths[::step][: spec["sample"]]
    steps = [
        "read + parse",
        "split + score",
        "smoothed line",
        "bootstrap band",
        "chance envelope",
        "turns",
        "shape",
    ]
    total = dict.fromkeys(steps, 0.0)
    cache = Cache(spec["cache"])
    put_seconds = 0.0
    pickled = 0
    summaries = []
    for p in sample:
        t0 = time.perf_counter()
        data = read_bytes(p)
        digest = hashlib.sha256(data).hexdigest()
        doc = load(data, None, name=Path(p).stem)
        t1 = time.perf_counter()
        result = Analysis.from_document(doc, "sentence", scorer="vader")
        t2 = time.perf_counter()
        result.line(SMOOTHER, band=False, null=False)
        t3 = time.perf_counter()
        result.line(SMOOTHER, band=True, null=False)
        t4 = time.perf_counter()
        line = result.line(SMOOTHER)
        t5 = time.perf_counter()
        # As summarise finds them: where the line turns, not the sentences behind the turns.
        smoothed = line["value"].to_numpy(dtype=float)
        if np.isfinite(smoothed).all():
            find_turns(line["time"].to_numpy(dtype=float) / 100.0, smoothed)
        t6 = time.perf_counter()
        with contextlib.suppress(ValueError):
            result.shape(SMOOTHER)
        t7 = time.perf_counter()
        # The line steps each smooth again: a step's cost is its time less the step before.
        for name, seconds in zip(
            steps,
            (t1 - t0, t2 - t1, t3 - t2, t4 - 2 * t3 + t2, t5 - 2 * t4 + t3, t6 - t5, t7 - t6),
            strict=True,
        ):
            total[name] += seconds
        # What a run with a cache writes for it: the scored frames and the summary.
        c0 = time.perf_counter()
        cache.put("frames", key("frames", digest, "bench"), (result.frame, result.frame))
        c1 = time.perf_counter()
        summary = summarise(p, cache=None)  # untimed: the steps above are its parts
        c2 = time.perf_counter()
        cache.put("summary", key("summary", digest, "bench"), summary)
        put_seconds += (c1 - c0) + (time.perf_counter() - c2)
        pickled += len(pickle.dumps(summary)) + len(pickle.dumps(result.frame))
        summaries.append(summary)
    # The store: parts of 50 texts written, then read back at the end.
    out = Path(spec["out"])
    store = Store(out, "parquet", {"bench": True})
    store.open()
    w0 = time.perf_counter()
    for c in range(0, len(sample), 50):
        part = list(range(c, min(c + 50, len(sample))))
        texts = _texts_table([_row(i, summaries[i]) for i in part])
        segs = _segments_table([(i, summaries[i]) for i in part])
        store.write(c // 50, [Entry.of(sample[i]) for i in part], texts, segs)
    write_seconds = time.perf_counter() - w0
    r0 = time.perf_counter()
    texts = read_table(out, "texts")  # what a run reads back: the texts, the arcs for the modes
    arcs = read_table(out, "segments", ARC_COLUMNS)
    read_seconds = time.perf_counter() - r0
    # Once per run, whatever the texts: the modes and the overview chart (no cache: drawn).
    m0 = time.perf_counter()
    kwargs = _corpus_kwargs()
    found, _ = _modes(texts, arcs, kwargs["modes"])
    m1 = time.perf_counter()
    if kwargs["chart"]:
        _chart(out, texts, arcs, found, None)
    m2 = time.perf_counter()
    n = len(sample)
    per_text = {name: seconds / n for name, seconds in total.items()}
    per_text["cache writes"] = put_seconds / n
    per_text["store: write parts"] = write_seconds / n
    per_text["store: read tables back"] = read_seconds / n
    return {
        "texts": n,
        "per_text": per_text,
        "per_run": {"modes": m1 - m0, "overview chart": m2 - m1},
        "cache_bytes_per_text": pickled / n,
    }


def command_child(spec: dict[str, Any]) -> dict[str, Any]:
    """``arc corpus`` through arc's own entry point (the modes step stubbed if it is missing)."""
    if not has_modes():
        import arc.corpora.run as run

        run._modes = lambda *args, **kwargs: (None, None)  # type: ignore[assignment]
    from arc.__main__ import run as arc_main

    args = ["corpus", spec["folder"], "-o", spec["out"]]
    if not (has_modes() and has_overview()):
        args.append("--no-chart")
    sys.argv = ["arc", *args]
    start = time.perf_counter()
    status = arc_main()
    return {"status": status, "seconds": time.perf_counter() - start}


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from every process's parent in ``/proc/PID/stat``."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_bytes().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def memory_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the command (a child of this process) and sample its process tree's RSS."""
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", "command", json.dumps(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(spec["cache"]),
    )
    peak_sum = peak_parent = peak_worker = 0
    samples = 0
    timeline: list[tuple[float, int]] = []
    start = time.perf_counter()
    while proc.poll() is None:
        tree = _tree(proc.pid)
        rss = {pid: _rss_kib(pid) for pid in tree}
        total = sum(rss.values())
        peak_sum = max(peak_sum, total)
        peak_parent = max(peak_parent, rss.get(proc.pid, 0))
        peak_worker = max([peak_worker, *(v for p, v in rss.items() if p != proc.pid)])
        samples += 1
        if samples % 25 == 0:
            timeline.append((round(time.perf_counter() - start, 2), total))
        time.sleep(SAMPLE_EVERY)
    _, stderr = proc.communicate()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": time.perf_counter() - start,
        "status": proc.returncode,
        "peak_sum_mib": peak_sum / 1024,
        "peak_parent_mib": peak_parent / 1024,
        "peak_worker_mib": peak_worker / 1024,
        "ru_maxrss_mib": usage.ru_maxrss / 1024,
        "samples": samples,
        "timeline_mib": [(t, round(v / 1024, 1)) for t, v in timeline],
        "stderr_tail": stderr.decode("utf-8", "replace")[-400:],
    }


# --------------------------------------------------------------------------- the parent


def environment(corpus: Path) -> dict[str, Any]:
    """``bench_speed.environment`` with this script's packages, the branch, and the modes."""
    return {
        **common_environment(corpus, PACKAGES),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD").strip(),
        "modes_module": has_modes(),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A ``dask scheduler`` and ``workers`` ``dask worker`` processes on localhost."""

    def __init__(self, workers: int, folder: Path, cache: Path) -> None:
        self.workers = workers
        self.folder = folder
        self.cache = cache
        self.procs: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def __enter__(self) -> Cluster:
        dask = Path(sys.executable).with_name("dask")
        cmd = [str(dask)] if dask.is_file() else [sys.executable, "-m", "dask"]
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.folder.mkdir(parents=True, exist_ok=True)
        env = child_env(str(self.cache))
        log = open(self.folder / "dask.log", "ab")  # closed in __exit__
        self._log = log
        self.procs.append(
            subprocess.Popen(
                [*cmd, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                stdout=log,
                stderr=log,
                env=env,
            )
        )
        for _ in range(self.workers):
            self.procs.append(
                subprocess.Popen(
                    [
                        *cmd,
                        "worker",
                        self.address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--local-directory",
                        str(self.folder / "dask-work"),
                    ],
                    stdout=log,
                    stderr=log,
                    env=env,
                )
            )
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(self.address, timeout="5s", set_as_default=False) as client:
                    client.wait_for_workers(self.workers, timeout=60)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in reversed(self.procs):  # the workers first, then the scheduler
            with contextlib.suppress(OSError):
                proc.send_signal(signal.SIGINT)
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._log.close()


def pty_run(folder: Path, out: Path, cache: Path) -> dict[str, Any]:
    """The command with its standard error a pseudo-terminal: what it wrote there."""
    master, slave = pty.openpty()
    # A terminal of 24 x 100: a new pty is 0 x 0, on which tqdm draws an empty bar.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    spec = {"folder": str(folder), "out": str(out), "cache": str(cache)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", "command", json.dumps(spec)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**child_env(str(cache)), "COLUMNS": "100"},
    )
    os.close(slave)
    data = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    proc.wait()
    seconds = time.perf_counter() - start
    os.close(master)
    text = data.decode("utf-8", "replace")
    pieces = [p.strip() for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    pieces = [p for p in pieces if p]
    bars = [p for p in pieces if "text/s" in p or "|" in p]
    return {
        "seconds": seconds,
        "status": proc.returncode,
        "bytes": len(data),
        "bar_updates": text.count("\r"),
        "bar_seen": bool(bars) and "arc corpus" in text,
        "last_bar": bars[-1] if bars else "",
        "last_line": pieces[-1] if pieces else "",
    }


def words_in(folder: Path) -> tuple[int, int, int]:
    """Texts, words (whitespace-separated) and bytes of a made corpus."""
    files = sorted(folder.glob("*.txt"))
    words = sum(len(p.read_bytes().split()) for p in files)
    return len(files), words, sum(p.stat().st_size for p in files)


def tables_equal(a: Path, b: Path) -> bool:
    """Whether two runs wrote the same tables (``path`` and ``hash`` aside)."""
    import pandas.testing as pdt

    from arc.corpora.store import read_corpus

    ta, sa = read_corpus(a)
    tb, sb = read_corpus(b)
    try:
        pdt.assert_frame_equal(ta.drop(columns=["path"]), tb.drop(columns=["path"]))
        pdt.assert_frame_equal(sa, sb)
    except AssertionError:
        return False
    return True


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    rows = manifest(args.corpus)
    report: dict[str, Any] = {"quick": args.quick, "environment": environment(args.corpus)}
    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        return _benchmark(args, rows, report, tmp, started)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def make_novels(
    out: Path, corpus: Path, rows: list[dict[str, str]], smallest: int | None = None
) -> dict[str, Any]:
    """The shared corpus's whole books (every file its manifest lists), byte-duplicates skipped.

    ``smallest``: only that many of the smallest files (``--quick``).
    """
    out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, str] = {}
    kept: list[dict[str, str]] = []
    duplicates: list[list[str]] = []
    for row in rows:
        digest = hashlib.sha256((corpus / row["file"]).read_bytes()).hexdigest()
        if digest in seen:
            duplicates.append([row["file"], seen[digest]])
            continue
        seen[digest] = row["file"]
        kept.append(row)
    if smallest is not None:
        kept = sorted(kept, key=lambda r: (corpus / r["file"]).stat().st_size)[:smallest]
    for row in kept:
        shutil.copyfile(corpus / row["file"], out / row["file"])
    kinds: dict[str, int] = {}
    for row in kept:
        kinds[row.get("kind") or "?"] = kinds.get(row.get("kind") or "?", 0) + 1
    return {"files": [r["file"] for r in kept], "kinds": kinds, "duplicates": duplicates}


def cpu_seconds() -> tuple[float, float]:
    """The machine's busy CPU seconds (``/proc/stat``), and this script's with its children's.

    Their growth over a run, one less the other, is what other processes used meanwhile
    (children are counted once reaped, so it is an upper bound).
    """
    busy = math.nan
    with contextlib.suppress(OSError, ValueError, IndexError):
        first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, first[1:9])
        busy = (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    own = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        own += usage.ru_utime + usage.ru_stime
    return busy, own


#: The runs timed on each corpus, round after round ("all" is followed by its warm rerun).
PLAN = {
    "chapters": ["baseline", "scores", "table", "all", "jobs2", "dask"],
    "novels": ["baseline", "scores", "table"],
    "large": ["all"],
}


def _benchmark(
    args: argparse.Namespace,
    rows: list[dict[str, str]],
    report: dict[str, Any],
    tmp: Path,
    started: float,
) -> dict[str, Any]:
    cpus = len(os.sched_getaffinity(0))
    folders = {
        "chapters": tmp / "chapters",
        "novels": tmp / "novels",
        "small": tmp / f"memory-{args.small}",
        "large": tmp / f"memory-{args.large}",
    }
    say("making the corpora")
    make(folders["chapters"], args.texts, 0, args.corpus)
    report["novels_made"] = make_novels(
        folders["novels"], args.corpus, rows, 3 if args.quick else None
    )
    make(folders["small"], args.small, 0, args.corpus)
    make(folders["large"], args.large, 0, args.corpus)
    report["corpora"] = {}
    for name, folder in folders.items():
        n, words, nbytes = words_in(folder)
        report["corpora"][name] = {"texts": n, "words": words, "bytes": nbytes}
        say(f"  {name}: {n} texts, {words:,} words, {nbytes / 1e6:.1f} MB")
    counter = iter(range(10**6))

    def fresh(name: str) -> tuple[str, str]:
        k = next(counter)
        return str(tmp / f"out-{name}-{k}"), str(tmp / f"cache-{name}-{k}")

    times: dict[str, dict[str, list[float]]] = {name: {} for name in PLAN}
    last_out: dict[tuple[str, str], str] = {}
    extra: dict[tuple[str, str], dict[str, Any]] = {}
    loads: list[float] = []

    def record(name: str, kind: str, r: dict[str, Any], out: str) -> None:
        times[name].setdefault(kind, []).append(r["seconds"])
        last_out[name, kind] = out
        extra[name, kind] = r
        say(f"  {name} {kind}: {r['seconds']:.2f} s")

    def one(name: str, kind: str) -> None:
        loads.append(os.getloadavg()[0])
        out, cache = fresh(f"{name}-{kind}")
        spec = {"folder": str(folders[name]), "out": out, "cache": cache, "workers": 2}
        if kind == "dask":  # a new cluster for each run: no memos of the run before
            with Cluster(2, Path(out + "-cluster"), Path(cache)) as cluster:
                r = child_json("dask", {**spec, "address": cluster.address})
        else:
            r = child_json(kind, spec)
        record(name, kind, r, out)
        if kind == "all":  # the cached rerun: a new output folder, the cache "all" filled
            warm_out = out + "-warm"
            record(name, "warm", child_json("warm", {**spec, "out": warm_out}), warm_out)

    rounds = {"chapters": args.rounds, "novels": args.novel_rounds, "large": args.rerun_rounds}
    cpu_before = cpu_seconds()
    for i in range(max(rounds.values())):
        say(f"round {i + 1} of {max(rounds.values())}")
        steps = [(name, kind) for name, kinds in PLAN.items() if i < rounds[name] for kind in kinds]
        for name, kind in steps if i % 2 == 0 else steps[::-1]:
            one(name, kind)
    cpu_after = cpu_seconds()
    busy, own = (b - a for a, b in zip(cpu_before, cpu_after, strict=True))
    report["rounds"] = rounds
    report["cpu_during_rounds"] = {"busy_s": busy, "own_s": own, "others_s": busy - own}
    report["load_during_rounds"] = loads

    say("dask: cost per task (no-op tasks)")
    from arc.corpora.run import _batches, expand_paths

    chapter_paths = expand_paths([folders["chapters"]])
    batches = list(_batches(list(enumerate(chapter_paths)), None))
    batch_bytes = sum(len(d or b"") for b in batches for _, _, d in b) // len(batches)
    novels = [x for x in rows if x.get("kind") == "novel"]
    book_bytes = int(statistics.mean(int(x["bytes"]) for x in novels))
    with Cluster(2, tmp / "noop-cluster", tmp / "noop-cache") as cluster:
        noop = child_json(
            "noop",
            {
                "address": cluster.address,
                "workers": 2,
                "tasks": args.noop,
                "sizes": [batch_bytes, book_bytes],
            },
        )
    noop["batches"] = len(batches)
    noop["batch_texts"] = len(chapter_paths) / len(batches)
    noop["batch_bytes"] = batch_bytes
    noop["book_bytes"] = book_bytes
    report["noop"] = noop

    s = {name: {k: series(v) for k, v in t.items()} for name, t in times.items()}
    med = {name: {k: v["median"] for k, v in t.items()} for name, t in s.items()}
    report["seconds"] = s
    report["sentences"] = {f"{n} {k}": v.get("sentences") for (n, k), v in extra.items()}
    report["failed"] = {f"{n} {k}": v["failed"] for (n, k), v in extra.items() if "failed" in v}
    same = {
        f"chapters {k}": (("chapters", "table"), ("chapters", k))
        for k in ("all", "warm", "jobs2", "dask")
    }
    same[f"{report['corpora']['large']['texts']:,} warm"] = (("large", "all"), ("large", "warm"))
    report["same_tables"] = {
        label: tables_equal(Path(last_out[a]), Path(last_out[b])) for label, (a, b) in same.items()
    }
    c, v, big = med["chapters"], med["novels"], med["large"]
    report["ratios"] = {
        "scores_novels": v["baseline"] / v["scores"],
        "scores_chapters": c["baseline"] / c["scores"],
        "table_novels": v["baseline"] / v["table"],
        "table_chapters": c["baseline"] / c["table"],
        "cores": c["table"] / c["all"],
        "dask": c["jobs2"] / c["dask"],
        "cache_chapters": c["all"] / c["warm"],
        "cache_large": big["all"] / big["warm"],
    }
    report["cores"] = cpus
    report["dask_extra_per_text_ms"] = (
        (c["dask"] - c["jobs2"]) * 2 / report["corpora"]["chapters"]["texts"] * 1000
    )

    report["profile"] = {}
    for name, sample in (("novels", 10**6), ("chapters", args.profile)):
        say(f"profile of one job's steps: {name}")
        out, cache = fresh(f"profile-{name}")
        report["profile"][name] = child_json(
            "profile",
            {"folder": str(folders[name]), "out": out, "cache": cache, "sample": sample},
        )

    say(f"memory: {args.small} and {args.large} texts")
    memory = {}
    for size, name in ((args.small, "small"), (args.large, "large")):
        out, cache = fresh(f"memory-{size}")
        memory[name] = {
            **report["corpora"][name],
            **child_json("memory", {"folder": str(folders[name]), "out": out, "cache": cache}),
        }
        say(f"  {size}: peak {memory[name]['peak_sum_mib']:.0f} MiB")
    report["memory"] = memory
    report["ratios"]["memory"] = memory["large"]["peak_sum_mib"] / memory["small"]["peak_sum_mib"]

    say(f"the command on {args.large} texts in a pseudo-terminal")
    out, cache = fresh("pty")
    report["pty"] = pty_run(folders["large"], Path(out), Path(cache))
    report["pty"]["texts"] = report["corpora"]["large"]["texts"]

    report["paper"] = on_paper(report, rows)
    report["environment"]["load_average_end"] = os.getloadavg()
    report["seconds_total"] = time.perf_counter() - started
    return report


def on_paper(r: dict[str, Any], rows: list[dict[str, str]]) -> dict[str, Any]:
    """Project Gutenberg at the measured rates (see the docstring)."""
    novels = [x for x in rows if x.get("kind") == "novel"]
    mean_words = statistics.mean(int(x["words"]) for x in novels)
    mean_bytes = statistics.mean(int(x["bytes"]) for x in novels)
    med = {k: v["median"] for k, v in r["seconds"]["novels"].items()}
    words = r["corpora"]["novels"]["words"]
    per_core = words / med["table"]  # words/s, one job, whole texts table, whole books
    chapters_rate = r["corpora"]["chapters"]["words"] / r["seconds"]["chapters"]["table"]["median"]
    total_words = GUTENBERG_BOOKS * mean_words
    efficiency = r["ratios"]["cores"] / r["cores"]
    dask_eff = efficiency * r["ratios"]["dask"]
    per_task = r["noop"]["per_size"][str(r["noop"]["book_bytes"])]  # one book per task
    one_core = total_words / per_core
    cluster = {}
    for workers in (8, 32, 128, 512, 2048):
        compute = total_words / (workers * per_core * dask_eff)
        serial = GUTENBERG_BOOKS * per_task
        network = GUTENBERG_BOOKS * mean_bytes / 125e6  # 1 Gbit/s from the client
        cluster[str(workers)] = {
            "compute_h": compute / 3600,
            "scheduler_h": serial / 3600,
            "network_h": network / 3600,
            "hours": max(compute, serial, network) / 3600,
        }
    return {
        "novels": len(novels),
        "mean_words": mean_words,
        "mean_bytes": mean_bytes,
        "words_per_s_per_core": per_core,
        "chapters_words_per_s": chapters_rate,
        "total_words": total_words,
        "one_core_h": one_core / 3600,
        "two_core_h": one_core / (2 * efficiency) / 3600,
        "thirty_two_core_h": one_core / (32 * efficiency) / 3600,
        "efficiency_per_core": efficiency,
        "dask_efficiency_per_worker": dask_eff,
        "cluster": cluster,
        "total_bytes": GUTENBERG_BOOKS * mean_bytes,
        "per_task_s": per_task,
    }


# --------------------------------------------------------------------------- the report


def _label(r: dict[str, Any], name: str) -> str:
    """A corpus's name in the goals table: ``novels, 11 books`` or ``chapters, 200 texts``."""
    n = r["corpora"][name]["texts"]
    return {
        "novels": f"novels, {n} whole books",
        "chapters": f"chapters, {n:,} texts",
        "large": f"{n:,} texts",
    }[name]


def goals_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    ok = {True: "PASS", False: "FAIL"}
    s = {name: {k: v["median"] for k, v in t.items()} for name, t in r["seconds"].items()}
    q = r["ratios"]
    cores = r["cores"]
    rows = []
    for kind, what, goal in (
        ("scores", "scores alone", SCORES_GOAL),
        ("table", "whole texts table", TABLE_GOAL),
    ):
        for name in ("novels", "chapters"):
            m, words, x = s[name], r["corpora"][name]["words"], q[f"{kind}_{name}"]
            rows.append(
                (
                    f"one job, {what} / bare loop [{_label(r, name)}]",
                    f"{x:.2f}x ({m['baseline']:.2f} s / {m[kind]:.2f} s; "
                    f"{words / m[kind]:,.0f} words/s)",
                    f">= {goal}x",
                    ok[x >= goal],
                )
            )
    c = s["chapters"]
    rows += [
        (
            f"every core ({cores}) / one job [{_label(r, 'chapters')}]",
            f"{q['cores']:.2f}x ({c['table']:.2f} s / {c['all']:.2f} s)",
            f">= {CORES_GOAL * cores:.2f}x ({CORES_GOAL} x {cores})",
            ok[q["cores"] >= CORES_GOAL * cores],
        ),
        (
            f"Dask, 2 workers / jobs=2, each a fresh cache [{_label(r, 'chapters')}]",
            f"{q['dask']:.2f}x ({c['jobs2']:.2f} s / {c['dask']:.2f} s)",
            f">= {DASK_GOAL}x",
            ok[q["dask"] >= DASK_GOAL],
        ),
    ]
    for name, key in (("chapters", "cache_chapters"), ("large", "cache_large")):
        m = s[name]
        rows.append(
            (
                f"cached rerun / cold run, every core [{_label(r, name)}]",
                f"{q[key]:.1f}x faster ({m['all']:.2f} s / {m['warm']:.2f} s)",
                f">= {CACHE_GOAL:g}x",
                ok[q[key] >= CACHE_GOAL],
            )
        )
    small, large = r["memory"]["small"], r["memory"]["large"]
    rows.append(
        (
            f"peak RSS, {large['texts']:,} / {small['texts']:,} texts [chapters and parts]",
            f"{q['memory']:.2f}x ({large['peak_sum_mib']:.0f} / {small['peak_sum_mib']:.0f} MiB)",
            f"<= {MEMORY_TOLERANCE}x",
            ok[q["memory"] <= MEMORY_TOLERANCE],
        )
    )
    return rows


RUN_NAMES = {
    "baseline": "bare loop (read, Punkt, vaderSentiment)",
    "scores": "arc, scores alone (frames, one process)",
    "table": "corpus(jobs=1)",
    "all": "corpus(jobs=EVERY_CPU), cold (fresh cache)",
    "warm": "corpus(jobs=EVERY_CPU), warm cache, new folder",
    "jobs2": "corpus(jobs=2), fresh cache",
    "dask": "corpus(client=...) (2 Dask workers), fresh cache",
}


def profile_lines(r: dict[str, Any]) -> list[str]:
    """Where one job's time goes, both corpora side by side."""
    p = r["profile"]
    names = ("novels", "chapters")
    texts = {n: r["corpora"][n]["texts"] for n in names}
    words = {n: r["corpora"][n]["words"] / texts[n] for n in names}  # per text
    # Per text: each step's mean; a step done once per run, shared by the corpus's texts.
    per = {n: dict(p[n]["per_text"]) for n in names}
    for n in names:
        for step, seconds in p[n]["per_run"].items():
            per[n][f"{step} (once per run)"] = seconds / texts[n]
    sums = {n: sum(per[n].values()) for n in names}
    rows = []
    for step in per["novels"]:
        cells: list[str] = [step]
        for n in names:
            v = per[n][step]
            cells += [f"{v * 1000:.1f}", f"{v / words[n] * 1e6:.2f}", f"{v / sums[n]:.0%}"]
        rows.append(tuple(cells))
    cells = ["sum"]
    for n in names:
        cells += [f"{sums[n] * 1000:.1f}", f"{sums[n] / words[n] * 1e6:.2f}", "100%"]
    rows.append(tuple(cells))
    for label, kind in (
        ("corpus(jobs=1), timed runs", "table"),
        ("bare loop, timed runs", "baseline"),
    ):
        cells = [label]
        for n in names:
            v = r["seconds"][n][kind]["median"] / texts[n]
            cells += [f"{v * 1000:.1f}", f"{v / words[n] * 1e6:.2f}", f"{v / sums[n]:.0%}"]
        rows.append(tuple(cells))
    head = ("step", "novels ms/book", "us/word", "share", "chapters ms/text", "us/word", "share")
    once = "; ".join(
        f"{n}: " + ", ".join(f"{k} {v:.2f} s" for k, v in p[n]["per_run"].items()) for n in names
    )
    return [
        "Where one job's time goes (a fresh Python, each step timed alone, on all "
        f"{p['novels']['texts']} books of the novels and {p['chapters']['texts']} texts of the "
        f"chapters; a step done once per run is shared by the run's {texts['novels']} or "
        f"{texts['chapters']} texts; us/word: microseconds per word; share: of the sum):",
        *_aligned(head, rows),
        f"Once per run: {once}. Cache entries pickled: "
        + ", ".join(f"{n} {p[n]['cache_bytes_per_text'] / 1024:,.0f} KiB per text" for n in names)
        + ".",
    ]


def table(r: dict[str, Any]) -> str:
    loads = r["load_during_rounds"]
    cpu = r["cpu_during_rounds"]
    modes = r["environment"]["modes_module"]
    lines = header(
        r,
        "bench_corpus.py: issue #22, corpora at scale",
        f"arc.analysis.modes in this tree: {'yes' if modes else 'no'} "
        f"(corpus runs with modes={'3' if modes else '0, chart=False'})",
        during=f", {min(loads):.2f}-{max(loads):.2f} (median {statistics.median(loads):.2f}) "
        "before the timed runs (this script's own runs included); CPU time of other processes "
        f"during the rounds: {cpu['others_s']:.0f} s of {cpu['busy_s']:.0f} s busy",
    )
    lines += _aligned(("goal", "measured", "target", "result"), goals_rows(r))
    rounds = r["rounds"]
    lines.append(
        "times: medians of interleaved runs, each a fresh warmed-up Python; a ratio is the ratio "
        f"of the medians; rounds: chapters {rounds['chapters']}, novels {rounds['novels']}, "
        f"{r['corpora']['large']['texts']:,} texts {rounds['large']}"
    )
    made = r["novels_made"]
    kinds = ", ".join(f"{k} {v}" for k, v in made["kinds"].items())
    dupes = (
        "; byte-duplicates skipped: " + ", ".join(f"{a} (= {b})" for a, b in made["duplicates"])
        if made["duplicates"]
        else "; no byte-duplicates"
    )
    for name in ("novels", "chapters", "large"):
        co = r["corpora"][name]
        what = {
            "novels": f"the shared corpus's whole books: {kinds}{dupes}",
            "chapters": "chapters, make_corpus.py",
            "large": "chapters and halves, make_corpus.py",
        }[name]
        lines += [
            "",
            f"{name if name != 'large' else 'the large corpus'}: {co['texts']:,} texts ({what}), "
            f"{co['words']:,} words, {co['bytes'] / 1e6:.2f} MB",
        ]
        rows = []
        for kind, label in RUN_NAMES.items():
            x = r["seconds"][name].get(kind)
            if x is None:
                continue
            rows.append(
                (
                    label,
                    f"{x['median']:.2f}",
                    f"{x['min']:.2f}-{x['max']:.2f}" + (" (noisy)" if x["noisy"] else ""),
                    f"{co['texts'] / x['median']:.1f}",
                    f"{co['words'] / x['median']:,.0f}",
                )
            )
        lines += _aligned(("run", "median s", "min-max s", "texts/s", "words/s"), rows)
    lines.append(
        "Sentences: "
        + ", ".join(f"{k} {v:,}" for k, v in r["sentences"].items() if v is not None)
        + "; failed texts: "
        + ", ".join(f"{k} {v}" for k, v in r["failed"].items())
    )
    lines.append(
        "Same tables (path aside): "
        + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["same_tables"].items())
        + f" (chapters: against corpus(jobs=1); {r['corpora']['large']['texts']:,} warm: "
        "against its cold run)"
    )
    lines += ["", *profile_lines(r)]
    lines += [
        "",
        "Memory: the arc corpus command, every core, fresh cache, tree RSS sampled every "
        f"{SAMPLE_EVERY * 1000:.0f} ms:",
    ]
    rows = []
    for m in r["memory"].values():
        rows.append(
            (
                f"{m['texts']:,}",
                f"{m['words']:,}",
                f"{m['peak_sum_mib']:.1f}",
                f"{m['peak_parent_mib']:.1f}",
                f"{m['peak_worker_mib']:.1f}",
                f"{m['ru_maxrss_mib']:.1f}",
                f"{m['seconds']:.1f}",
                str(m["status"]),
            )
        )
    lines += _aligned(
        (
            "texts",
            "words",
            "peak sum MiB",
            "parent MiB",
            "largest worker MiB",
            "ru_maxrss MiB",
            "wall s",
            "exit",
        ),
        rows,
    )
    t = r["pty"]
    lines += [
        "",
        f"The command in a pseudo-terminal, {t['texts']:,} texts, cold cache: {t['seconds']:.1f} s "
        f"wall, exit status {t['status']}; tqdm's bar on standard error: "
        f"{'yes' if t['bar_seen'] else 'NO'} ({t['bar_updates']} carriage returns, "
        f"{t['bytes']:,} bytes)",
        f"  last bar:  {t['last_bar']}",
        f"  last line: {t['last_line']}",
    ]
    nx = r["noop"]
    per_batch = nx["per_size"][str(nx["batch_bytes"])] * 1000
    per_book = nx["per_size"][str(nx["book_bytes"])] * 1000
    lines += [
        "",
        f"Dask per task, measured: {nx['tasks']} no-op tasks (len of the bytes) windowed as arc "
        f"does, through the client and scheduler: {per_batch:.2f} ms per task of "
        f"{nx['batch_bytes']:,} bytes (the chapters' mean batch: {nx['batches']} batches of "
        f"{nx['batch_texts']:.1f} texts, so {per_batch / nx['batch_texts']:.2f} ms per text), "
        f"{per_book:.2f} ms per task of {nx['book_bytes']:,} bytes (a mean novel, one book per "
        f"task). The Dask run's extra over jobs=2: {r['dask_extra_per_text_ms']:.1f} ms per text "
        "per worker.",
    ]
    pp = r["paper"]
    lines += [
        "",
        f"On paper: Project Gutenberg, {GUTENBERG_BOOKS:,} books of {pp['mean_words']:,.0f} words "
        f"(the mean of the shared corpus's {pp['novels']} novels) = "
        f"{pp['total_words'] / 1e9:.2f} billion words, at {pp['words_per_s_per_core']:,.0f} "
        "words/s per core (corpus(jobs=1) on the whole books above; the chapters ran at "
        f"{pp['chapters_words_per_s']:,.0f}; cost taken as linear in words):",
        f"  one core: {pp['one_core_h']:,.1f} h; one 2-core machine: {pp['two_core_h']:,.1f} h "
        f"(measured speed-up {r['ratios']['cores']:.2f} on {r['cores']} cores on the chapters, "
        f"{pp['efficiency_per_core']:.0%} per core); one 32-core machine: "
        f"{pp['thirty_two_core_h']:,.1f} h (the same efficiency per core assumed)",
        "  N Dask workers: T(N) = max(B*W / (N * r * e), B * s, B * b / bw), "
        f"B = {GUTENBERG_BOOKS:,} "
        f"books, W = {pp['mean_words']:,.0f} words, r = {pp['words_per_s_per_core']:,.0f} words/s, "
        f"e = {pp['dask_efficiency_per_worker']:.2f} (per-worker efficiency measured: every-core "
        f"efficiency x Dask/jobs=2), s = {pp['per_task_s'] * 1000:.1f} ms (client + scheduler "
        f"per task of one book, measured), b = {pp['mean_bytes'] / 1e6:.2f} MB per book, "
        "bw = 1 Gbit/s",
    ]
    rows = [
        (
            k,
            f"{v['compute_h']:.2f}",
            f"{v['scheduler_h']:.2f}",
            f"{v['network_h']:.2f}",
            f"{v['hours']:.2f}",
        )
        for k, v in pp["cluster"].items()
    ]
    lines += _aligned(("workers", "compute h", "scheduler h", "network h", "T h"), rows)
    lines.append(
        "  The client reads every file and sends its bytes (shared nothing): "
        f"{pp['total_bytes'] / 1e9:.0f} GB for all of Project Gutenberg, a summary of about "
        "10 KB back per text."
    )
    noisy = [f"{n} {k}" for n, t in r["seconds"].items() for k, v in t.items() if v["noisy"]]
    if noisy:
        lines.append(
            f"note: slowest run more than {NOISY - 1:.0%} slower than fastest: {', '.join(noisy)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus(parser)
    parser.add_argument("--texts", type=int, default=None, help="chapters (default 200)")
    parser.add_argument("--small", type=int, default=None, help="memory, small (default 100)")
    parser.add_argument("--large", type=int, default=None, help="memory, large (default 1000)")
    parser.add_argument(
        "--rounds", type=int, default=None, help="interleaved rounds, chapters (default 5)"
    )
    parser.add_argument(
        "--novel-rounds", type=int, default=None, help="rounds on the whole books (default 3)"
    )
    parser.add_argument(
        "--rerun-rounds",
        type=int,
        default=None,
        help="cold run and cached rerun of the large corpus (default 3)",
    )
    parser.add_argument("--profile", type=int, default=None, help="texts profiled (default 40)")
    parser.add_argument("--noop", type=int, default=400, help="no-op Dask tasks (default 400)")
    parser.add_argument("--quick", action="store_true", help="a smoke run, figures not for quoting")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--save", type=Path, metavar="FILE", help="also write them as JSON")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SPEC"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = run_child(args.child[0], json.loads(args.child[1]))
        print(json.dumps(result))
        return int(result.get("status", 0)) if args.child[0] == "command" else 0
    for name, default, smoke in (
        ("texts", 200, 30),
        ("small", 100, 20),
        ("large", 1000, 100),
        ("rounds", 5, 1),
        ("novel_rounds", 3, 1),
        ("rerun_rounds", 3, 1),
        ("profile", 40, 10),
    ):
        if getattr(args, name) is None:
            setattr(args, name, smoke if args.quick else default)
    if args.quick:
        args.noop = min(args.noop, 100)
    manifest(args.corpus)  # stops in one line without the corpus
    report = benchmark(args)
    if args.save:
        args.save.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
