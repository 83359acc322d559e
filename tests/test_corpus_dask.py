"""arc corpus on a real Dask cluster: a scheduler and two workers on localhost, started here.

The same tables, byte for byte, as one local process writes; a worker lost mid-run loses
nothing. Dask is the dask extra (in the test extra), so these tests always run. The client
runs in a process of its own (tests/dask_client.py): a ``distributed.Client`` leaves threads
in the process that made it, and the other tests' pools must fork from this one.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus_files import BAD
from tests.test_corpus import ROOT, _arc, _digests

WORKERS = 2


def _start(args: list[str], log: Path, cache: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg", "ARC_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,  # its own process group: a worker and its nanny die together
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real scheduler and two one-thread workers on localhost; all stopped afterwards."""
    folder = tmp_path_factory.mktemp("dask")
    file = folder / "scheduler.json"
    procs = [
        _start(
            [
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(file),
            ],
            folder / "scheduler.log",
            folder / "cache",
        )
    ]
    try:
        end = time.monotonic() + 60
        while not file.exists() or not file.read_text():
            assert time.monotonic() < end, (folder / "scheduler.log").read_text()
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        for i in range(WORKERS):
            procs.append(
                _start(
                    [
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--name",
                        f"w{i}",
                        "--local-directory",
                        str(folder / f"w{i}"),
                    ],
                    folder / f"worker{i}.log",
                    folder / "cache",  # the workers' own cache (one machine: one folder)
                )
            )
        assert _client("wait", address, str(WORKERS))["workers"] == WORKERS
        yield address, procs[1:], folder / "cache"
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _client(*args: str) -> dict:
    """``tests/dask_client.py`` in a fresh process: its one line of JSON."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.dask_client", *args],
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_command_on_a_cluster_writes_what_one_process_writes(cluster, small, one_job, tmp_path):
    address, _, _ = cluster
    out = tmp_path / "out"
    done = _arc(
        "corpus",
        str(small),
        "-o",
        str(out),
        "--scheduler",
        address,
        "--no-cache",
        env={"ARC_CACHE_DIR": "off"},
    )
    assert done.returncode == 1, done.stderr  # the bad files, counted
    assert f"{len(BAD)} failed" in done.stdout
    # Parts of 50 here, of 3 in the local run: the tables read back equal, row for row.
    import pandas as pd

    from arc.corpora.store import read_corpus

    for mine, theirs in zip(read_corpus(out), read_corpus(one_job[1]), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    assert pd.read_parquet(out / "modes.parquet").equals(
        pd.read_parquet(one_job[1] / "modes.parquet")
    )


def test_the_library_on_a_cluster_gives_identical_bytes(cluster, small, one_job, tmp_path):
    address, _, _ = cluster
    out = tmp_path / "out"
    found = _client("run", address, str(small), str(out))
    assert found["threads"] == WORKERS
    assert found["failed"] == len(BAD)
    assert _digests(out) == _digests(one_job[1])


def test_workers_keep_their_own_cache(cluster, small, one_job, tmp_path):
    """With the cache on, each worker reads and keeps texts in its own user cache."""
    address, _, cache = cluster
    for out in (tmp_path / "first", tmp_path / "second"):
        assert _client("cached", address, str(small), str(out))["failed"] == len(BAD)
        assert _digests(out) == _digests(one_job[1])
    summaries = list(cache.glob("summary/*/*.pickle"))
    assert len(summaries) == 5  # the good texts; a bad file is tried again each time
    assert list(cache.glob("frames/*/*.pickle"))


def test_a_worker_lost_mid_run_loses_nothing(cluster, small, one_job, tmp_path):
    """A worker killed (kill -9, with its nanny) while it works: Dask reruns its texts."""
    address, workers, _ = cluster
    out = tmp_path / "out"
    victim = workers[0]
    found = _client("lose", address, str(small), str(out), str(victim.pid))
    assert found["killed"]
    victim.wait(timeout=20)
    assert found["failed"] == len(BAD)
    assert _digests(out) == _digests(one_job[1])


def test_an_unreachable_scheduler_is_one_line(small, tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = _arc(
        "corpus",
        str(small),
        "-o",
        str(tmp_path / "o"),
        "--scheduler",
        f"tcp://127.0.0.1:{port}",
        env={"ARC_CACHE_DIR": "off"},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in done.stderr
    assert not (tmp_path / "o").exists()
