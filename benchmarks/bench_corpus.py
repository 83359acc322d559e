"""The goals of issue #22 ("Corpora at scale"), measured in one run.

What is measured
----------------
Corpora are made by ``make_corpus.py`` (chapters of the shared corpus's books, one file
each; ``--corpus DIR``, default ``../shared/corpus`` from the repository root) in a
temporary folder: ``--texts`` (200) texts for the speed goals, ``--small`` (100) and
``--large`` (1,000) for memory. Every arc run writes into a new output folder with a new,
empty cache folder (``Cache(tmp)``, or ``ARC_CACHE_DIR=<tmp>`` for a command and for Dask's
workers), except the cached rerun, which reuses the cache of the run before it.

Every timed run is a fresh Python (this script with a hidden ``--child`` option) that first,
untimed, imports arc, builds the baseline's Punkt and analyzer, and runs both the baseline and
a one-text ``corpus()`` on the vignette (so every module a run imports lazily is loaded),
then times one pass over the corpus with ``time.perf_counter``: arc's remembered Punkt
verdicts and VADER token cache start as empty as a user's. Runs of the things compared are
interleaved (``--rounds`` rounds, 5; the order reversed every other round) and each figure is
the **median**; a ratio is the ratio of medians. A series whose slowest run is more than 15 %
slower than its fastest is named in a note.

(1) Bare loop (the baseline): for each text, read and decode (``bench_analyze.make_baseline``:
    ``plain_decode(path.read_bytes())``), nltk's plain ``PunktSentenceTokenizer`` with arc's
    parameters over the whole text, vaderSentiment's ``polarity_scores`` per sentence.
(2) One job, scores alone: ``arc.analysis.frame.frames(load(path), "sentence")`` per text
    (what ``Analysis.of(path, unit="sentence")`` computes, without line or band). Goal: at
    least 1.4 × the baseline's throughput.
(3) One job, the whole texts table: ``corpus(folder, out, jobs=1, cache=Cache(fresh))``
    (``modes``/``chart`` on only where ``arc.analysis.modes`` exists). Goal: at least the
    baseline's throughput. Where its time goes is profiled on a sample of ``--profile``
    (40) texts in a fresh Python: each step of ``summarise`` timed alone (read and parse;
    split and score; the smoothed line alone; the line with its bootstrap band; with the
    chance envelope as well; turning points; shape), then the cache's writes and the store's
    part writes, and reading the tables back at the end.
(4) Every core: ``corpus(..., jobs=EVERY_CPU)`` against (3). Goal: speed-up at least 0.85 ×
    the CPUs.
(5) Dask: a real ``dask scheduler`` and two ``dask worker --nworkers 1 --nthreads 1``
    processes on localhost;
    ``corpus(..., client=Client(addr))`` against ``corpus(..., jobs=2)``, both **without a
    cache** (``cache=None``): with one, the Dask path hangs in this tree (the scheduler
    unpickles each task, which resolves the workers' cache there into a ``Cache`` holding a
    ``threading.Lock``, and the task can then not be sent on; :data:`DASK_CACHE_BUG`).
    Each Dask run has a cluster of its own, started
    before the clock (its workers given a fresh ``ARC_CACHE_DIR`` and warmed up like a
    child; ``client.restart()`` lost its nanny-started workers here) and stopped after, so no
    run finds the memos of the one before. Goal: at least 0.8 × ``jobs=2``'s throughput.
    The per-task cost of the Dask path is measured too: ``--noop`` (400) tasks of ``len`` on
    bytes of the corpus's mean text size, submitted and collected like ``arc.corpora.run``
    (a window of 4 per worker, results in order), and the extra seconds per text of the
    Dask run over ``jobs=2``.
(6) Cached rerun: the same corpus into a new output folder with the cache the run of (4)
    filled, against that cold run. Goal: at least 20 × faster.
(7) Memory: the ``arc corpus`` command (``arc.cli``'s own entry point, run by a child of
    this script; where ``arc.analysis.modes`` is missing its ``_modes`` step is stubbed to
    give no modes) on ``--small`` and ``--large`` texts, every core, in a fresh process; the
    process tree's RSS (``VmRSS`` of the command and every descendant in ``/proc``) summed
    and sampled every 20 ms: the peak of the sum, and the peaks of the parent and of the
    largest worker. ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the largest single process)
    is given beside it. Goal: the large corpus's peak at most 1.1 × the small one's.
(8) The ``arc corpus`` command on the ``--large`` corpus once more, its standard error a
    pseudo-terminal (``pty.openpty``): the bytes it wrote are checked for tqdm's bar, and
    the last line is shown, with the wall time (cold cache).

On paper: Project Gutenberg (75,000 books of the mean length of the shared corpus's novels)
at the throughput per core of (3), on one 2-core machine, a 32-core machine, and N Dask
workers, with what the Dask path needs (bytes per text, the client's bandwidth, the
per-task cost of (5)).

Run it with ``make bench-corpus`` or::

    python benchmarks/bench_corpus.py [--corpus DIR] [--texts 200] [--small 100]
        [--large 1000] [--rounds 5] [--profile 40] [--noop 400] [--quick] [--json]

``--quick`` is a smoke run (about a minute: 30 texts, 20 and 100 for memory, one round);
its figures are not for quoting. Progress goes to standard error, the table (or ``--json``)
to standard output. A report, not a test: the exit status is 0 whatever the figures; 1,
with one line, when the corpus is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import fcntl
import importlib.util
import json
import os
import platform
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
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import _aligned, make_baseline  # the sibling scripts' baseline and table
from make_corpus import make, manifest

SCORES_GOAL = 1.4  # scores alone / bare loop throughput, at least
TABLE_GOAL = 1.0  # whole texts table, one job / bare loop throughput, at least
CORES_GOAL = 0.85  # speed-up on every core, at least this times the CPUs
DASK_GOAL = 0.8  # Dask (2 workers) / jobs=2 throughput, at least
CACHE_GOAL = 20.0  # cold run / cached rerun, at least
MEMORY_TOLERANCE = 1.1  # peak RSS of the large corpus / the small one's, at most
NOISY = 1.15
DASK_CACHE_BUG = (
    "with a cache, corpus(client=...) hangs: the scheduler unpickles each task, which calls "
    "_WorkerCache.__reduce__'s _worker_cache() there and puts a Cache (holding a "
    "threading.Lock) in the task, which it then cannot pickle for the worker; the client "
    "waits forever."
)
GUTENBERG_BOOKS = 75_000
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
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


def say(message: str) -> None:
    """Progress, on standard error."""
    print(message, file=sys.stderr, flush=True)


def series(times: list[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": times,
        "noisy": max(times) / min(times) > NOISY,
    }


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
    (folder / "vignette.txt").write_text(vignette_text(), encoding="utf-8")
    baseline(folder / "vignette.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus([folder / "vignette.txt"], None, jobs=1, cache=None, modes=0, chart=False)
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
        cache = None if kind == "jobs2" else Cache(spec["cache"])  # jobs2: as Dask's (no cache)
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
            cache=None,  # with a cache the tasks never reach a worker (see DASK_CACHE_BUG)
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
    """Dask's cost per task: ``len`` of a text's worth of bytes, windowed and in order."""
    from collections import deque

    from distributed import Client

    client = Client(spec["address"], set_as_default=False, timeout="30s")
    try:
        client.wait_for_workers(spec["workers"], timeout=60)
        workers = max(1, sum(client.nthreads().values()))
        payload = [os.urandom(spec["bytes"]) for _ in range(8)]
        for f in [client.submit(len, payload[0], pure=False) for _ in range(20)]:
            f.result()
        n = spec["tasks"]
        window = 4 * workers
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
        seconds = time.perf_counter() - start
    finally:
        client.close()
    return {"seconds": seconds, "tasks": n, "bytes": spec["bytes"], "workers": workers}


def profile_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Where one job's time goes, step by step, on a sample of texts (see the docstring)."""
    import hashlib
    import pickle
    import warnings

    from arc.analysis.result import Analysis
    from arc.cache import Cache, key
    from arc.corpora.run import _row, _segments, _segments_table, _texts_table, expand_paths
    from arc.corpora.store import Entry, Store, read_tables
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
        result.line(SMOOTHER)
        t5 = time.perf_counter()
        result.turns(SMOOTHER)
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
        segs = _segments_table([_segments(i, summaries[i]) for i in part])
        store.write(c // 50, [Entry.of(sample[i]) for i in part], texts, segs)
    write_seconds = time.perf_counter() - w0
    r0 = time.perf_counter()
    read_tables(out)
    read_seconds = time.perf_counter() - r0
    n = len(sample)
    per_text = {name: seconds / n for name, seconds in total.items()}
    per_text["cache writes"] = put_seconds / n
    per_text["store: write parts"] = write_seconds / n
    per_text["store: read tables back"] = read_seconds / n
    return {"texts": n, "per_text": per_text, "cache_bytes_per_text": pickled / n}


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
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return proc.stdout.rstrip("\n") if proc.returncode == 0 else ""

    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "load_average_start": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
        "commit": git("rev-parse", "--short", "HEAD").strip(),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD").strip(),
        "uncommitted_arc_files": [
            line[3:] for line in git("status", "--porcelain", "--", "arc").splitlines()
        ],
        "corpus": str(corpus),
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

    from arc.corpora.store import read_tables

    ta, sa = read_tables(a)
    tb, sb = read_tables(b)
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


def _benchmark(
    args: argparse.Namespace,
    rows: list[dict[str, str]],
    report: dict[str, Any],
    tmp: Path,
    started: float,
) -> dict[str, Any]:
    cpus = len(os.sched_getaffinity(0))
    speed = tmp / "speed"
    make(speed, args.texts, 0, args.corpus)
    n, words, nbytes = words_in(speed)
    report["speed_corpus"] = {"texts": n, "words": words, "bytes": nbytes}
    say(f"speed corpus: {n} texts, {words:,} words, {nbytes / 1e6:.1f} MB")
    counter = iter(range(10**6))

    def fresh(name: str) -> tuple[str, str]:
        k = next(counter)
        return str(tmp / f"out-{name}-{k}"), str(tmp / f"cache-{name}-{k}")

    times: dict[str, list[float]] = {
        k: [] for k in ("baseline", "scores", "table", "all", "warm", "jobs2", "dask")
    }
    last_out: dict[str, str] = {}
    extra: dict[str, Any] = {}

    def one(kind: str) -> None:
        out, cache = fresh(kind)
        spec = {"folder": str(speed), "out": out, "cache": cache, "workers": 2}
        if kind == "dask":  # a new cluster for each run: no memos of the run before
            with Cluster(2, Path(out + "-cluster"), Path(cache)) as cluster:
                r = child_json("dask", {**spec, "address": cluster.address})
        elif kind == "all":
            r = child_json("all", spec)
            times["all"].append(r["seconds"])
            last_out["all"] = out
            extra["all"] = r
            say(f"  all: {r['seconds']:.2f} s")
            warm_out = out + "-warm"
            r = child_json("warm", {**spec, "out": warm_out})  # the cache "all" filled
            kind, out = "warm", warm_out
        else:
            r = child_json(kind, spec)
        times[kind].append(r["seconds"])
        last_out[kind] = out
        extra[kind] = r
        say(f"  {kind}: {r['seconds']:.2f} s")

    order = ["baseline", "scores", "table", "all", "jobs2", "dask"]
    for i in range(args.rounds):
        say(f"round {i + 1} of {args.rounds}")
        for kind in order if i % 2 == 0 else order[::-1]:
            one(kind)
    say("dask: cost per task (no-op tasks)")
    with Cluster(2, tmp / "noop-cluster", tmp / "noop-cache") as cluster:
        noop = child_json(
            "noop",
            {"address": cluster.address, "workers": 2, "tasks": args.noop, "bytes": nbytes // n},
        )
    s = {k: series(v) for k, v in times.items() if v}
    med = {k: v["median"] for k, v in s.items()}
    report["seconds"] = s
    report["sentences"] = {k: extra[k].get("sentences") for k in extra}
    report["failed"] = {k: extra[k].get("failed") for k in extra if "failed" in extra[k]}
    report["same_tables"] = {
        k: tables_equal(Path(last_out["table"]), Path(last_out[k])) for k in ("all", "warm", "dask")
    }
    report["scores_ratio"] = med["baseline"] / med["scores"]
    report["table_ratio"] = med["baseline"] / med["table"]
    report["cores"] = cpus
    report["cores_speedup"] = med["table"] / med["all"]
    report["dask_ratio"] = med["jobs2"] / med["dask"]
    report["cache_ratio"] = med["all"] / med["warm"]
    report["noop"] = noop
    report["noop_per_task_ms"] = noop["seconds"] / noop["tasks"] * 1000
    report["dask_extra_per_text_ms"] = (med["dask"] - med["jobs2"]) * 2 / n * 1000

    say("profile of one job's steps")
    out, cache = fresh("profile")
    report["profile"] = child_json(
        "profile", {"folder": str(speed), "out": out, "cache": cache, "sample": args.profile}
    )

    say(f"memory: {args.small} and {args.large} texts")
    memory = {}
    for size in (args.small, args.large):
        folder = tmp / f"memory-{size}"
        make(folder, size, 0, args.corpus)
        out, cache = fresh(f"memory-{size}")
        memory[str(size)] = {
            **dict(zip(("texts", "words", "bytes"), words_in(folder), strict=True)),
            **child_json("memory", {"folder": str(folder), "out": out, "cache": cache}),
        }
        say(f"  {size}: peak {memory[str(size)]['peak_sum_mib']:.0f} MiB")
    report["memory"] = memory
    small, large = memory[str(args.small)], memory[str(args.large)]
    report["memory_ratio"] = large["peak_sum_mib"] / small["peak_sum_mib"]

    say(f"the command on {args.large} texts in a pseudo-terminal")
    out, cache = fresh("pty")
    report["pty"] = pty_run(tmp / f"memory-{args.large}", Path(out), Path(cache))
    report["pty"]["texts"] = args.large

    report["paper"] = on_paper(report, rows, words, n, nbytes)
    report["environment"]["load_average_end"] = os.getloadavg()
    report["seconds_total"] = time.perf_counter() - started
    return report


def on_paper(
    r: dict[str, Any], rows: list[dict[str, str]], words: int, n: int, nbytes: int
) -> dict[str, Any]:
    """Project Gutenberg at the measured rates (see the docstring)."""
    novels = [x for x in rows if x.get("kind") == "novel"]
    mean_words = statistics.mean(int(x["words"]) for x in novels)
    mean_bytes = statistics.mean(int(x["bytes"]) for x in novels)
    med = {k: v["median"] for k, v in r["seconds"].items()}
    per_core = words / med["table"]  # words/s, one job, whole texts table
    total_words = GUTENBERG_BOOKS * mean_words
    efficiency = r["cores_speedup"] / r["cores"]
    dask_eff = efficiency * r["dask_ratio"]
    per_task = r["noop_per_task_ms"] / 1000  # the client/scheduler's serial cost per task
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
        "scores_words_per_s": words / med["scores"],
        "baseline_words_per_s": words / med["baseline"],
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


def goals_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    ok = {True: "PASS", False: "FAIL"}
    s = {k: v["median"] for k, v in r["seconds"].items()}
    n, words = r["speed_corpus"]["texts"], r["speed_corpus"]["words"]
    cores = r["cores"]
    small, large = r["memory"].values()
    return [
        (
            "one job, scores alone / bare loop",
            f"{r['scores_ratio']:.2f}x ({s['baseline']:.1f} s / {s['scores']:.1f} s; "
            f"{words / s['scores']:,.0f} words/s)",
            f">= {SCORES_GOAL}x",
            ok[r["scores_ratio"] >= SCORES_GOAL],
        ),
        (
            "one job, whole texts table / bare loop",
            f"{r['table_ratio']:.2f}x ({s['baseline']:.1f} s / {s['table']:.1f} s; "
            f"{n / s['table']:.1f} texts/s)",
            f">= {TABLE_GOAL}x",
            ok[r["table_ratio"] >= TABLE_GOAL],
        ),
        (
            f"every core ({cores}) / one job",
            f"{r['cores_speedup']:.2f}x ({s['table']:.1f} s / {s['all']:.1f} s)",
            f">= {CORES_GOAL * cores:.2f}x ({CORES_GOAL} x {cores})",
            ok[r["cores_speedup"] >= CORES_GOAL * cores],
        ),
        (
            "Dask, 2 workers / jobs=2",
            f"{r['dask_ratio']:.2f}x ({s['jobs2']:.1f} s / {s['dask']:.1f} s)",
            f">= {DASK_GOAL}x",
            ok[r["dask_ratio"] >= DASK_GOAL],
        ),
        (
            "cached rerun / cold run",
            f"{r['cache_ratio']:.1f}x faster ({s['all']:.1f} s / {s['warm']:.2f} s)",
            f">= {CACHE_GOAL:g}x",
            ok[r["cache_ratio"] >= CACHE_GOAL],
        ),
        (
            f"peak RSS, {large['texts']:,} / {small['texts']:,} texts",
            f"{r['memory_ratio']:.2f}x ({large['peak_sum_mib']:.0f} / "
            f"{small['peak_sum_mib']:.0f} MiB)",
            f"<= {MEMORY_TOLERANCE}x",
            ok[r["memory_ratio"] <= MEMORY_TOLERANCE],
        ),
    ]


def table(r: dict[str, Any]) -> str:
    env = r["environment"]
    lines = [
        "bench_corpus.py: issue #22, corpora at scale" + (" (--quick)" if r["quick"] else ""),
        f"commit {env['commit']} ({env['branch']})"
        + (
            f" + uncommitted changes to {', '.join(env['uncommitted_arc_files'])}"
            if env["uncommitted_arc_files"]
            else ""
        )
        + f"; {env['date']}",
        f"{env['cpus']} CPUs ({env['cpus_usable']} usable); load average "
        f"{env['load_average_start'][0]:.2f} at start, {env['load_average_end'][0]:.2f} at end; "
        f"Python {env['python']}; {env['platform']}",
        ", ".join(f"{k} {v}" for k, v in env["packages"].items()),
        f"arc.analysis.modes in this tree: {'yes' if env['modes_module'] else 'no'} "
        f"(corpus runs with modes={'3' if env['modes_module'] else '0, chart=False'})",
        f"total {r['seconds_total']:.0f} s",
        "",
    ]
    lines += _aligned(("goal", "measured", "target", "result"), goals_rows(r))
    lines.append(
        "times: medians of interleaved runs, each a fresh warmed-up Python; "
        "a ratio is the ratio of the medians"
    )
    sc = r["speed_corpus"]
    lines += [
        "",
        f"Speed corpus: {sc['texts']} texts (chapters; make_corpus.py), {sc['words']:,} words, "
        f"{sc['bytes'] / 1e6:.2f} MB; {len(r['seconds']['table']['runs'])} rounds.",
    ]
    head = ("run", "median s", "min-max s", "texts/s", "words/s")
    rows = []
    names = {
        "baseline": "bare loop (read, Punkt, vaderSentiment)",
        "scores": "arc, scores alone (frames, one process)",
        "table": "corpus(jobs=1)",
        "all": f"corpus(jobs=EVERY_CPU) ({r['cores']} processes)",
        "jobs2": "corpus(jobs=2), no cache",
        "dask": "corpus(client=...) (2 Dask workers), no cache",
        "warm": "corpus(jobs=EVERY_CPU), warm cache, new folder",
    }
    for key, label in names.items():
        x = r["seconds"][key]
        rows.append(
            (
                label,
                f"{x['median']:.2f}",
                f"{x['min']:.2f}-{x['max']:.2f}",
                f"{sc['texts'] / x['median']:.1f}",
                f"{sc['words'] / x['median']:,.0f}",
            )
        )
    lines += _aligned(head, rows)
    lines.append(f"Dask and jobs=2 ran without a cache: {DASK_CACHE_BUG}")
    lines.append(
        "Sentences: "
        + ", ".join(f"{k} {v:,}" for k, v in r["sentences"].items() if v is not None)
        + "; failed texts: "
        + ", ".join(f"{k} {v}" for k, v in r["failed"].items())
    )
    lines.append(
        "Same tables as corpus(jobs=1) (path aside): "
        + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in r["same_tables"].items())
    )
    p = r["profile"]
    per = p["per_text"]
    analysis = sum(v for k, v in per.items() if not k.startswith(("cache", "store")))
    everything = sum(per.values())
    lines += [
        "",
        f"Where one job's time goes (fresh Python, {p['texts']} texts of the speed corpus, "
        f"each step timed alone; ms per text):",
    ]
    rows = [(name, f"{v * 1000:.1f}", f"{v / everything:.0%}") for name, v in per.items()]
    rows.append(("sum", f"{everything * 1000:.1f}", "100%"))
    lines += _aligned(("step", "ms/text", "share"), rows)
    table_ms = r["seconds"]["table"]["median"] / sc["texts"] * 1000
    lines.append(
        f"corpus(jobs=1) took {table_ms:.1f} ms per text in the timed runs; the analysis steps "
        f"sum to {analysis * 1000:.1f}. Cache entries pickled: "
        f"{p['cache_bytes_per_text'] / 1024:.0f} KiB per text."
    )
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
    pp = r["paper"]
    nx = r["noop"]
    lines += [
        "",
        f"On paper: Project Gutenberg, {GUTENBERG_BOOKS:,} books of {pp['mean_words']:,.0f} words "
        f"(the mean of the shared corpus's {pp['novels']} novels) = "
        f"{pp['total_words'] / 1e9:.2f} billion words, at {pp['words_per_s_per_core']:,.0f} "
        "words/s per core (corpus(jobs=1) above; cost taken as linear in words):",
        f"  one core: {pp['one_core_h']:,.1f} h; one 2-core machine: {pp['two_core_h']:,.1f} h "
        f"(measured speed-up {r['cores_speedup']:.2f} on {r['cores']} cores, "
        f"{pp['efficiency_per_core']:.0%} per core); one 32-core machine: "
        f"{pp['thirty_two_core_h']:,.1f} h (the same efficiency per core assumed)",
        "  N Dask workers: T(N) = max(B*W / (N * r * e), B * s, B * b / bw), "
        f"B = {GUTENBERG_BOOKS:,} "
        f"books, W = {pp['mean_words']:,.0f} words, r = {pp['words_per_s_per_core']:,.0f} words/s, "
        f"e = {pp['dask_efficiency_per_worker']:.2f} (per-worker efficiency measured: every-core "
        f"efficiency x Dask/jobs=2), s = {pp['per_task_s'] * 1000:.1f} ms (client + scheduler "
        f"per task, measured), b = {pp['mean_bytes'] / 1e6:.2f} MB per book, bw = 1 Gbit/s",
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
    lines += [
        f"  Dask per task, measured: {nx['tasks']} no-op tasks (len of {nx['bytes']:,} bytes, the "
        f"speed corpus's mean text) windowed as arc does: {r['noop_per_task_ms']:.2f} ms per task "
        f"through the client and scheduler; the Dask run's extra over jobs=2: "
        f"{r['dask_extra_per_text_ms']:.1f} ms per text per worker. The client reads every file "
        f"and sends its bytes (shared nothing): {pp['total_bytes'] / 1e9:.0f} GB for all of "
        "Project Gutenberg, one text's bytes per task, a summary of about 10 KB back.",
    ]
    noisy = [k for k, v in r["seconds"].items() if v["noisy"]]
    if noisy:
        lines.append(
            f"note: slowest run more than {NOISY - 1:.0%} slower than fastest: {', '.join(noisy)}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="the shared corpus (default: ../shared/corpus from the repository root)",
    )
    parser.add_argument("--texts", type=int, default=None, help="speed corpus (default 200)")
    parser.add_argument("--small", type=int, default=None, help="memory, small (default 100)")
    parser.add_argument("--large", type=int, default=None, help="memory, large (default 1000)")
    parser.add_argument("--rounds", type=int, default=None, help="interleaved rounds (default 5)")
    parser.add_argument("--profile", type=int, default=None, help="texts profiled (default 40)")
    parser.add_argument("--noop", type=int, default=400, help="no-op Dask tasks (default 400)")
    parser.add_argument("--quick", action="store_true", help="a smoke run, figures not for quoting")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
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
        ("profile", 40, 10),
    ):
        if getattr(args, name) is None:
            setattr(args, name, smoke if args.quick else default)
    if args.quick:
        args.noop = min(args.noop, 100)
    manifest(args.corpus)  # stops in one line without the corpus
    report = benchmark(args)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
