"""Both cores: a frame built in several processes is the frame one process builds."""

from __future__ import annotations

import os
import threading
import warnings

import pandas as pd
import pytest

import arc
from arc import parallel
from arc.analysis.frame import frame
from arc.text.document import load
from tests.books import ALICE, FRANKENSTEIN, MAGI
from tests.extras import missing

needs_fork = pytest.mark.skipif(
    not parallel._can_fork(), reason="needs the fork start method and a single thread"
)


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert a.attrs == b.attrs
    assert a.to_csv().encode() == b.to_csv().encode()


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


def test_a_long_text_uses_every_core_and_a_short_one_one():
    long = parallel.MIN_CHARS
    assert parallel.workers_for(long - 1) == 1
    expected = parallel.cpu_count() if parallel._can_fork() else 1
    assert parallel.workers_for(long) == expected
    assert parallel.workers_for(long, workers=1) == 1


def test_the_default_is_the_same_frame(monkeypatch):
    """``analyze`` with automatic workers, on a text forced above the threshold."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 1)
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    assert_same(arc.analyze(MAGI, "sentence", workers=1), arc.analyze(MAGI, "sentence"))


def test_a_threaded_process_works_alone():
    """Forking a process with other threads running can deadlock the child: not done."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.workers_for(10**8) == 1
        assert parallel.workers_for(10**8, workers=4) == 1
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_workers_must_be_a_positive_whole_number(bad):
    with pytest.raises(ValueError, match="workers"):
        arc.analyze(text="One. Two.", workers=bad)


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


@needs_fork
def test_results_come_back_in_order():
    spans = parallel.ranges([1] * 30, 3)
    assert parallel.run(lambda lo, hi: list(range(lo, hi)), spans) == [
        list(range(lo, hi)) for lo, hi in spans
    ]


@needs_fork
def test_a_failing_child_is_redone_here():
    """Work that fails in a child is done again by the caller: nothing is lost."""
    parent = os.getpid()

    def work(lo: int, hi: int) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return list(range(lo, hi))

    assert parallel.run(work, [(0, 2), (2, 5)]) == [[0, 1], [2, 3, 4]]


@needs_fork
def test_a_child_that_dies_is_redone_here():
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


@needs_fork
def test_warnings_of_a_child_reach_the_caller():
    def work(lo: int, hi: int) -> int:
        warnings.warn(f"range {lo}-{hi}", arc.ArcWarning, stacklevel=1)
        return lo

    with pytest.warns(arc.ArcWarning) as caught:
        assert parallel.run(work, [(0, 2), (2, 5)]) == [0, 2]
    assert {str(w.message) for w in caught} == {"range 0-2", "range 2-5"}


@needs_fork
def test_no_child_is_left_behind():
    import multiprocessing

    parallel.run(lambda lo, hi: hi, [(0, 1), (1, 2), (2, 3)])
    assert multiprocessing.active_children() == []


@needs_fork
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_while_both_cores_work_leaves_no_process(tmp_path, name):
    """Stopped mid-book, arc says one line and its children go with it."""
    import signal
    import subprocess
    import sys
    import time

    book = tmp_path / "book.txt"  # long enough to be scoring in two processes at 1 s
    book.write_bytes(FRANKENSTEIN.read_bytes() * 8)
    proc = subprocess.Popen(
        [sys.executable, "-m", "arc", "score", str(book), "--unit", "sentence", "-o", "f.csv"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    time.sleep(1.0)
    proc.send_signal(getattr(signal, name))
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode()
    if proc.returncode != 0:
        assert len(err.decode().strip().splitlines()) <= 1, err.decode()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # every process of its session has ended
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a process of arc's session is still running")
