"""One place decides parallelism: the library never forks unasked, and its pool keeps its work.

A frame built in several processes is the frame one process builds; analysing inside a
``multiprocessing.Pool`` worker works; a worker killed mid-run loses nothing; Ctrl-C,
SIGTERM or SIGKILL mid-book leaves no process behind; a stopped worker hangs nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import arc
from arc import parallel
from arc.analysis.frame import frame
from arc.text.document import load
from tests.books import ALICE, FRANKENSTEIN, MAGI
from tests.extras import missing

needs_fork = pytest.mark.skipif(
    parallel.why_alone() is not None, reason="needs the fork start method and a single thread"
)


@pytest.fixture(autouse=True)
def no_child_outlives_a_test():
    """Every test of this file ends with no process of its own still running."""
    yield
    assert multiprocessing.active_children() == []


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert a.attrs == b.attrs
    assert a.to_csv().encode() == b.to_csv().encode()


@pytest.fixture(scope="module")
def frankenstein_one() -> pd.DataFrame:
    """Frankenstein's sentence frame, built in this process alone."""
    return frame(load(FRANKENSTEIN), "sentence", workers=1)


# --- The same frame however many processes --------------------------------------------------


@needs_fork
@pytest.mark.parametrize("unit", ["paragraph", "sentence", "window", "bins"])
def test_two_processes_build_the_frame_one_builds(unit):
    doc = load(FRANKENSTEIN)
    assert_same(frame(doc, unit, workers=1), frame(doc, unit, workers=2))


@needs_fork
@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_more_processes_than_cores_change_nothing(unit):
    doc = load(ALICE)
    assert_same(frame(doc, unit, workers=1), frame(doc, unit, workers=5))


@needs_fork
@pytest.mark.skipif(bool(missing("afinn")), reason="pip install -e '.[scorers]' for afinn")
def test_several_scorers_in_two_processes():
    doc = load(ALICE)
    one = frame(doc, "sentence", scorers=["vader", "afinn"], workers=1)
    assert_same(one, frame(doc, "sentence", scorers=["vader", "afinn"], workers=2))
    para = frame(doc, "paragraph", scorers=["vader", "afinn"], workers=1)
    assert_same(para, frame(doc, "paragraph", scorers=["vader", "afinn"], workers=2))


def test_every_cpu_is_the_same_frame(monkeypatch):
    """``workers=EVERY_CPU`` (the command's choice), on a text forced above the threshold."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 1)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    every = arc.analyze(MAGI, "sentence", workers=parallel.EVERY_CPU)
    assert_same(arc.analyze(MAGI, "sentence", workers=1), every)


# --- Who decides --------------------------------------------------------------------------


def test_the_library_never_forks_unasked(monkeypatch, frankenstein_one):
    """``workers=None``, the default, is this process alone, however long the text."""

    def no_pool(*args, **kwargs):
        raise AssertionError("the library started a pool nobody asked for")

    monkeypatch.setattr(parallel, "Pool", no_pool)
    assert parallel.workers_for(10**8) == 1
    assert_same(frankenstein_one, arc.analyze(FRANKENSTEIN, "sentence"))


def test_every_cpu_for_a_long_text_and_one_for_a_short_one():
    long = parallel.MIN_CHARS
    expected = parallel.cpu_count() if parallel.why_alone() is None else 1
    assert parallel.workers_for(long, parallel.EVERY_CPU) == expected
    assert parallel.workers_for(long - 1, parallel.EVERY_CPU) == 1
    assert parallel.workers_for(long, workers=1) == 1
    assert parallel.workers_for(long) == 1


def test_the_command_asks_for_every_cpu(monkeypatch, tmp_path, frankenstein_one):
    """``arc score`` is the caller that decides: every core on a long text."""
    from arc.cli import main

    asked, spans = [], []
    workers_for, run = parallel.workers_for, parallel.run

    def record_workers(chars, workers=None):
        asked.append(workers)
        return workers_for(chars, workers)

    def record_run(work, given):
        spans.append(len(given))
        return run(work, given)

    monkeypatch.setattr(parallel, "workers_for", record_workers)
    monkeypatch.setattr(parallel, "run", record_run)
    out = tmp_path / "f.csv"
    assert main(["score", "--example", "frankenstein", "--unit", "sentence", "-o", str(out)]) == 0
    assert asked == [parallel.EVERY_CPU]
    assert spans == [parallel.cpu_count() if parallel.why_alone() is None else 1]
    assert pd.read_csv(out)["compound"].tolist() == frankenstein_one["compound"].tolist()


def test_processes_are_capped_by_the_tasks():
    assert parallel.processes(None, 10) == 1
    assert parallel.processes(1, 10) == 1
    assert parallel.processes(5, 1) == 1
    assert parallel.processes(3, 0) == 1
    if parallel.why_alone() is None:
        assert parallel.processes(5, 3) == 3
        assert parallel.processes(parallel.EVERY_CPU, 100) == parallel.cpu_count()


def test_a_threaded_process_works_alone():
    """Forking a process with other threads running can deadlock the child: not done.

    ``EVERY_CPU`` falls back quietly; a number above one says so with a warning.
    """
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert "threads" in parallel.why_alone()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert parallel.workers_for(10**8, parallel.EVERY_CPU) == 1
            assert parallel.workers_for(10**8) == 1
        with pytest.warns(arc.ArcWarning, match="workers=4: working in one process"):
            assert parallel.workers_for(10**8, workers=4) == 1
        with pytest.warns(arc.ArcWarning, match="threads"):
            assert parallel.map_ordered(abs, [-1, -2, -3], workers=2) == [1, 2, 3]
        with parallel.Pool(abs, 2) as pool:  # a pool made anyway does its work here
            assert list(pool.imap([-4, 5])) == [4, 5]
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("bad", [-1, 1.5, True, "2"])
def test_workers_must_be_a_whole_number_from_zero(bad):
    with pytest.raises(ValueError, match="workers must be"):
        arc.analyze(text="One. Two.", workers=bad)
    with pytest.raises(ValueError, match="workers must be"):
        parallel.map_ordered(abs, [1], workers=bad)


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_a_pool_has_at_least_one_worker(bad):
    with pytest.raises(ValueError, match="workers must be a positive whole number"):
        parallel.Pool(abs, bad)


def test_zero_workers_is_every_cpu_not_an_error():
    assert arc.analyze(text="One. Two.", workers=0).compound.tolist() == [0.0]


# --- Inside other people's workers --------------------------------------------------------


def _analyse_in_a_worker(workers: int | None) -> tuple[pd.DataFrame, list[str], bool]:
    """In a ``multiprocessing.Pool`` worker: Frankenstein's sentence frame and arc's warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = arc.analyze(arc.example_path("frankenstein"), "sentence", workers=workers)
    said = [str(w.message) for w in caught if issubclass(w.category, arc.ArcWarning)]
    return df, said, multiprocessing.current_process().daemon


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method"
)
@pytest.mark.parametrize("workers", [None, 2, parallel.EVERY_CPU])
def test_a_long_text_in_a_pool_worker(workers, frankenstein_one):
    """A daemonic worker may not have children: arc works there in one process.

    Before, ``workers=None`` forked inside the worker and raised ``AssertionError: daemonic
    processes are not allowed to have children``.
    """
    with multiprocessing.get_context("fork").Pool(1) as pool:
        df, said, daemonic = pool.apply(_analyse_in_a_worker, (workers,))
    assert daemonic
    assert_same(frankenstein_one, df)
    if workers == 2:
        assert len(said) == 1 and "daemonic" in said[0] and "workers=2" in said[0], said
    else:
        assert said == []


@needs_fork
def test_a_worker_of_arcs_pool_works_alone():
    """Work across texts already uses the cores: each text inside it stays in one process."""
    reasons = parallel.map_ordered(lambda _: parallel.why_alone(), range(2), workers=2)
    assert all("worker of arc's pool" in r for r in reasons), reasons


# --- The pool: order, failures, warnings ----------------------------------------------------


@pytest.mark.parametrize("workers", [None, 1, 2, 3])
def test_map_ordered_keeps_the_order(workers):
    items = list(range(40))
    assert parallel.map_ordered(lambda x: x * x, items, workers=workers) == [x * x for x in items]


@needs_fork
def test_a_closure_over_the_callers_data_reaches_the_workers():
    """``func`` travels by fork, not pickle: a lambda over a local object works."""
    lock = threading.Lock()  # not picklable

    def work(x: int) -> int:
        with lock:
            return x

    assert parallel.map_ordered(work, range(10), workers=2) == list(range(10))


@needs_fork
def test_results_come_back_in_order():
    spans = parallel.ranges([1] * 30, 3)
    assert parallel.run(lambda lo, hi: list(range(lo, hi)), spans) == [
        list(range(lo, hi)) for lo, hi in spans
    ]


@needs_fork
def test_a_failing_worker_is_redone_here():
    """Work that fails in a worker is done again by the caller: nothing is lost."""
    parent = os.getpid()

    def work(lo: int, hi: int) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the worker fails")
        return list(range(lo, hi))

    assert parallel.run(work, [(0, 2), (2, 5)]) == [[0, 1], [2, 3, 4]]


@needs_fork
def test_a_worker_that_exits_is_redone():
    parent = os.getpid()

    def work(lo: int, hi: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return hi - lo

    assert parallel.run(work, [(0, 2), (2, 5)]) == [2, 3]


@needs_fork
def test_an_error_is_raised_as_one_process_raises_it():
    def work(lo: int, hi: int) -> int:
        raise KeyError(lo)

    with pytest.raises(KeyError):
        parallel.run(work, [(0, 2), (2, 5)])
    with pytest.raises(KeyError, match="2"):  # the first failing item, as in one process
        parallel.map_ordered(lambda x: {}[x] if x >= 2 else x, range(6), workers=2)


@needs_fork
def test_warnings_of_a_worker_reach_the_caller():
    def work(lo: int, hi: int) -> int:
        warnings.warn(f"range {lo}-{hi}", arc.ArcWarning, stacklevel=1)
        return lo

    with pytest.warns(arc.ArcWarning) as caught:
        assert parallel.run(work, [(0, 2), (2, 5)]) == [0, 2]
    assert [str(w.message) for w in caught] == ["range 0-2", "range 2-5"]


@needs_fork
def test_no_worker_is_left_behind():
    parallel.run(lambda lo, hi: hi, [(0, 1), (1, 2), (2, 3)])
    parallel.map_ordered(abs, range(9), workers=3)
    assert multiprocessing.active_children() == []
    assert threading.active_count() == 1  # the executor's thread is gone too


@needs_fork
def test_an_error_here_ends_the_busy_workers():
    """The caller's own range fails while the workers still work: they are ended at once."""
    parent = os.getpid()

    def work(lo: int, hi: int) -> int:
        if os.getpid() == parent:
            raise ValueError("here")
        time.sleep(30)
        return lo

    start = time.monotonic()
    with pytest.raises(ValueError, match="here"):
        parallel.run(work, [(0, 1), (1, 2), (2, 3)])
    assert time.monotonic() - start < 10
    assert multiprocessing.active_children() == []


# --- Worker death -------------------------------------------------------------------------


def _kill_once(marker: Path) -> None:
    """SIGKILL this process the first time a worker gets here (``marker`` remembers)."""
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(fd)
    os.kill(os.getpid(), signal.SIGKILL)


@needs_fork
def test_a_killed_worker_loses_nothing(tmp_path):
    """A worker SIGKILLed mid-run: its items go to a fresh pool, the results are complete."""
    parent = os.getpid()
    marker = tmp_path / "killed"

    def work(x: int) -> int:
        if x == 5 and os.getpid() != parent:
            _kill_once(marker)
        time.sleep(0.01)
        return x * 10

    with parallel.Pool(work, 2) as pool:
        assert list(pool.imap(range(20))) == [x * 10 for x in range(20)]
    assert marker.exists()
    assert pool.restarts == 1


@needs_fork
def test_an_item_that_kills_every_worker_is_done_here(tmp_path):
    parent = os.getpid()

    def work(x: int) -> int:
        if x == 3 and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return -x

    with parallel.Pool(work, 2) as pool:
        assert list(pool.imap(range(8))) == [-x for x in range(8)]
    assert pool.restarts == parallel.POOL_ATTEMPTS


@needs_fork
@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_a_worker_killed_mid_book_gives_the_same_frame(monkeypatch, tmp_path, unit):
    """Frankenstein in two processes, the worker SIGKILLed in its first paragraph."""
    import arc.analysis.frame as frame_module

    parent = os.getpid()
    marker = tmp_path / "killed"
    split = frame_module.split_sentences
    doc = load(FRANKENSTEIN)
    one = frame(doc, unit, workers=1)

    def split_and_die(text, offset=0):
        if os.getpid() != parent:
            _kill_once(marker)
        return split(text, offset)

    monkeypatch.setattr(frame_module, "split_sentences", split_and_die)
    assert_same(one, frame(doc, unit, workers=2))
    assert marker.exists()


def _stop_once(marker: Path) -> None:
    """SIGSTOP this process the first time a worker gets here (``marker`` remembers)."""
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(fd)
    os.kill(os.getpid(), signal.SIGSTOP)


@needs_fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_stopped_worker_is_given_up_on(monkeypatch, tmp_path):
    """A worker stopped mid-item is killed after the deadline and its items are redone."""
    monkeypatch.setattr(parallel, "STOPPED_DEADLINE", 1.0)
    parent = os.getpid()
    marker = tmp_path / "stopped"

    def work(x: int) -> int:
        if x == 3 and os.getpid() != parent:
            _stop_once(marker)
        return x * 10

    start = time.monotonic()
    with parallel.Pool(work, 2) as pool:
        assert list(pool.imap(range(12))) == [x * 10 for x in range(12)]
    assert marker.exists()
    assert pool.restarts == 1
    assert time.monotonic() - start < 30


@needs_fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_stopped_idle_worker_does_not_hang_the_end(tmp_path):
    """A worker stopped after its work: leaving the pool ends it instead of waiting for it."""
    start = time.monotonic()
    with parallel.Pool(abs, 2) as pool:
        assert list(pool.imap(range(-4, 0))) == [4, 3, 2, 1]
        workers = multiprocessing.active_children()
        assert workers
        for process in workers:
            os.kill(process.pid, signal.SIGSTOP)
    assert all(process.exitcode is not None for process in workers)
    assert time.monotonic() - start < 30


# --- The command stopped mid-book -----------------------------------------------------------


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _start_scoring(tmp_path: Path) -> subprocess.Popen[bytes]:
    """``arc score`` on Frankenstein eight times over, in a session of its own."""
    book = tmp_path / "book.txt"  # long enough to be scoring in two processes at 1 s
    book.write_bytes(FRANKENSTEIN.read_bytes() * 8)
    return subprocess.Popen(
        [sys.executable, "-m", "arc", "score", str(book), "--unit", "sentence", "-o", "f.csv"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )


def _session_ends(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # every process of its session has ended
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail("a process of arc's session is still running")


@needs_fork
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_both_cores_work_leaves_no_process(tmp_path, name):
    """Stopped mid-book, arc says one line and its workers go with it."""
    proc = _start_scoring(tmp_path)
    time.sleep(1.0)
    proc.send_signal(getattr(signal, name))
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode()
    if proc.returncode != 0:  # one line for the stop (the book's own warnings aside)
        lines = err.decode().strip().splitlines()
        assert len([x for x in lines if not x.startswith("arc: warning:")]) <= 1, err.decode()
    _session_ends(proc.pid)


WAITING = """
import os, sys, time
from arc import parallel

parent = os.getpid()


def work(lo, hi):
    if os.getpid() != parent:
        time.sleep(120)
    return lo


print("ready", flush=True)
try:
    parallel.run(work, [(0, 1), (1, 2)])
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


@needs_fork
def test_ctrl_c_while_waiting_for_a_worker_ends_it_at_once():
    """The caller's range is done, a worker's is not: Ctrl-C ends that worker, not waits."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WAITING],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdout.readline() == b"ready\n"
    time.sleep(0.5)  # forked, its own range done, waiting for the worker's
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert out == b"interrupted\n", err.decode()
    assert time.monotonic() - start < 10
    _session_ends(proc.pid)


@needs_fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_command(tmp_path):
    """SIGKILL runs no handler of arc's: the workers end anyway (the kernel ends them)."""
    proc = _start_scoring(tmp_path)
    deadline = time.monotonic() + 30
    while not _children(proc.pid):  # wait until the workers are at work
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.skip("arc finished before its workers could be seen")
        time.sleep(0.02)
    proc.kill()
    proc.wait(timeout=10)
    proc.stderr.close()
    _session_ends(proc.pid)


# --- Cutting ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sizes, parts",
    [([5, 5, 5, 5], 2), ([1] * 10, 3), ([100, 1, 1, 1], 2), ([3], 4), ([], 2), ([0, 0, 7], 2)],
)
def test_ranges_cover_the_items_in_order(sizes, parts):
    spans = parallel.ranges(sizes, parts)
    assert [i for lo, hi in spans for i in range(lo, hi)] == list(range(len(sizes)))
    assert len(spans) <= max(1, parts)
    assert all(hi > lo for lo, hi in spans)


def test_ranges_share_the_sizes_out_evenly():
    spans = parallel.ranges([10] * 100, 4)
    assert [hi - lo for lo, hi in spans] == [25, 25, 25, 25]


STOPPED = """
import os, signal, sys, time
from arc import parallel

parent = os.getpid()


def work(lo, hi):
    if os.getpid() != parent:
        print(os.getpid(), flush=True)
        time.sleep(120)
    return lo


try:
    parallel.run(work, [(0, 1), (1, 2)])
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


@needs_fork
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGINT", "SIGKILL"])
def test_a_stopped_worker_leaves_with_its_caller(how):
    """A worker stopped with SIGSTOP: Ctrl-C ends the caller at once, SIGKILL ends both."""
    proc = subprocess.Popen(
        [sys.executable, "-c", STOPPED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    worker = int(proc.stdout.readline())
    os.kill(worker, signal.SIGSTOP)
    time.sleep(0.5)  # the caller's own range done, waiting for the stopped worker
    start = time.monotonic()
    proc.send_signal(getattr(signal, how))
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - start < 10
    if how == "SIGINT":
        assert out == b"interrupted\n", err.decode()
    _session_ends(proc.pid)
