"""arc corpus: tables, bad files, identical results however the work ran, and resuming."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from arc.cache import Cache
from arc.corpora.run import corpus, expand_paths
from arc.corpora.store import read_corpus
from arc.corpora.summary import SEGMENT_COLUMNS, TEXT_COLUMNS
from tests.corpus_files import BAD

ROOT = Path(__file__).resolve().parent.parent


def _digests(folder: Path) -> dict[str, str]:
    """Every table file of a corpus folder, by name, with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob("*/part-*"))
        if not p.name.endswith(".json")
    } | {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob("*.parquet")) + sorted(folder.glob("*.csv"))
    }


def _arc(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "arc", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg", **(env or {})},
        timeout=300,
        **kw,
    )


def test_texts_table_has_a_row_per_text_with_its_reading(one_job, small):
    result, _ = one_job
    texts = result.texts
    assert list(texts.columns) == list(TEXT_COLUMNS)
    assert texts["path"].tolist() == expand_paths([small])
    assert texts["text_id"].tolist() == list(range(len(texts)))
    good = texts[texts["status"] == "ok"]
    assert len(good) == 5
    assert good["words"].min() > 1000
    assert good["hash"].str.fullmatch(r"[0-9a-f]{64}").all()
    magi = good[good["path"].str.endswith("magi.txt")].iloc[0]
    assert magi["title"] == "The Gift of the Magi"
    assert magi["hash"] == hashlib.sha256((small / "magi.txt").read_bytes()).hexdigest()
    assert (good["lowest"] <= good["mean"] + 1).all()
    assert (good["lowest"] <= good["highest"]).all()
    assert good["lowest_at"].between(0, 1).all() and good["highest_at"].between(0, 1).all()
    assert good["beyond_chance"].between(0, 1).all()
    assert good["coverage"].between(0, 1).all()
    assert good["nearest_shape"].notna().all()
    shapes = {
        "rags to riches",
        "riches to rags",
        "man in a hole",
        "icarus",
        "cinderella",
        "oedipus",
        "no clear shape",
    }
    assert set(good["shape"]) <= shapes
    assert (good["turns"] == good["turn_positions"].str.count(";") + 1).all()


def test_the_numbers_are_arcs_own(one_job, small):
    """A row's numbers are those of arc's analysis of that file, read directly."""
    from arc.analysis.result import Analysis

    texts, segments = one_job[0].texts, one_job[0].segments
    row = texts[texts["path"].str.endswith("alice_02.txt")].iloc[0]
    result = Analysis.of(small / "alice_02.txt", unit="sentence")
    line = result.line("rolling")
    assert row["sentences"] == result.frame["position"].notna().sum()  # story sentences
    story = result.frame[result.frame["position"].notna()]
    assert row["mean"] == pytest.approx(story["compound"].mean(), abs=1e-12)
    assert row["lowest"] == pytest.approx(line["value"].min(), abs=1e-12)
    assert row["beyond_chance"] == pytest.approx(line.attrs["null"]["outside"])
    assert row["shape"] == result.shape("rolling").name
    turns = result.turns("rolling")["time"] / 100
    assert row["turn_positions"] == ";".join(f"{t:.4f}" for t in turns)
    mine = segments[segments["text_id"] == row["text_id"]]
    assert list(mine.columns) == list(SEGMENT_COLUMNS)
    assert mine["bin"].tolist() == list(range(100))
    assert mine["position"].iloc[0] == pytest.approx(0.005)
    # Each bin's value is the mean of the sentences that fall in it.
    pos = result.frame["position"].to_numpy()
    first = result.frame["compound"][(pos >= 0) & (pos < 0.01)].mean()
    assert mine["value"].iloc[0] == pytest.approx(first)


def test_bad_files_are_recorded_with_their_reason_and_skipped(one_job):
    texts, segments = one_job[0].texts, one_job[0].segments
    for name, (_, words) in BAD.items():
        row = texts[texts["path"].str.endswith(name)].iloc[0]
        assert row["status"].startswith("failed: "), row["status"]
        assert words in row["status"], row["status"]
        assert "Traceback" not in row["status"]
        assert pd.isna(row["mean"])
        assert row["text_id"] not in set(segments["text_id"])
    assert one_job[0].failed == len(BAD)


def test_the_command_counts_failures_and_exits_non_zero(small, tmp_path):
    out = tmp_path / "out"
    done = _arc("corpus", str(small), "-o", str(out), "--jobs", "2", "--no-cache")
    assert done.returncode == 1, done.stderr
    assert f"{len(BAD)} failed" in done.stdout
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("arc: ") and f"{len(BAD)} of {5 + len(BAD)} texts" in last
    assert "Traceback" not in done.stderr
    assert "\r" not in done.stderr  # no progress bar when standard error is not a terminal
    texts, _ = read_corpus(out)
    assert (texts["status"] != "ok").sum() == len(BAD)
    # pandas reads the Parquet datasets directly.
    assert len(pd.read_parquet(out / "texts")) == len(texts)
    assert (out / "overview.png").stat().st_size > 10_000


def test_jobs_1_and_jobs_2_write_the_same_bytes(one_job, small, tmp_path):
    _, out1 = one_job
    out2 = tmp_path / "two"
    corpus([small], out2, jobs=2, cache=False, part_texts=3)
    assert _digests(out1) == _digests(out2)
    assert len(_digests(out1)) >= 2 * 3


def test_a_rerun_does_only_what_is_left(one_job, small, tmp_path):
    out = tmp_path / "out"
    first = corpus([small], out, jobs=1, cache=False, part_texts=3)
    assert (first.done, first.reused) == (9, 0)
    again = corpus([small], out, jobs=1, cache=False, part_texts=3)
    assert (again.done, again.reused) == (0, 9)
    # A changed file redoes its part alone.
    path = small / "zzz_new.txt"
    try:
        path.write_bytes((small / "magi.txt").read_bytes() + b"\n\nThe end.\n")
        third = corpus([small], out, jobs=1, cache=False, part_texts=3)
        assert third.done == 1 and third.reused == 9
    finally:
        path.unlink()
    fourth = corpus([small], out, jobs=1, cache=False, part_texts=3)
    assert len(fourth.texts) == 9
    assert _digests(out) == _digests(one_job[1])


def test_csv_tables_read_back_equal_to_parquet(one_job, small, tmp_path):
    out = tmp_path / "csv"
    corpus([small], out, jobs=1, cache=False, part_texts=3, fmt="csv", chart=False)
    texts, segments = read_corpus(out)
    pd.testing.assert_frame_equal(texts, one_job[0].texts)
    pd.testing.assert_frame_equal(segments, one_job[0].segments)
    assert (out / "texts" / "part-00000.csv").read_bytes().startswith(b"text_id,path,hash")


def test_a_folder_that_is_not_a_corpus_is_refused(small, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = _arc("corpus", str(small), "-o", str(tmp_path), "--no-cache")
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "not empty" in done.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_missing_path_is_one_line(tmp_path):
    done = _arc("corpus", str(tmp_path / "nothing*.txt"), "-o", str(tmp_path / "o"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no such file" in done.stderr


def test_expand_paths_takes_files_folders_and_globs(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("a/one.txt", "a/two.md", "a/skip.png", "a/.hidden.txt", "three.TXT", "x.dat"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = expand_paths([tmp_path / "a", str(tmp_path / "*.TXT"), tmp_path / "x.dat"])
    names = [Path(p).relative_to(tmp_path).as_posix() for p in got]
    assert names == ["a/one.txt", "a/two.md", "three.TXT", "x.dat"]


def test_a_lost_worker_loses_nothing(small, tmp_path, one_job, monkeypatch):
    """A worker that dies mid-text is replaced and its texts done again (arc.parallel.Pool)."""
    import arc.corpora.run as run

    marker = tmp_path / "died"
    real = run.summarise

    def dying(path, **kw):
        if str(path).endswith("alice_02.txt") and not marker.exists():
            marker.write_text("x")
            os._exit(9)
        return real(path, **kw)

    monkeypatch.setattr(run, "summarise", dying)
    out = tmp_path / "out"
    corpus([small], out, jobs=2, cache=False, part_texts=3)
    assert marker.exists()
    assert _digests(out) == _digests(one_job[1])


def _wait_for(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_a_run_stopped_halfway_loses_nothing_and_does_nothing_twice(how, one_job, small, tmp_path):
    """Killed (kill -9) or interrupted (Ctrl-C) after its first part: a rerun finishes the rest."""
    out = tmp_path / "out"
    cache = tmp_path / "cache"
    code = (
        "import sys, time\n"
        "import arc.corpora.run as run\n"
        "real = run.summarise\n"
        "def slow(path, **kw):\n"
        "    if 'alice_04' in str(path): time.sleep(60)\n"
        "    return real(path, **kw)\n"
        "run.summarise = slow\n"
        f"run.corpus([{str(small)!r}], {str(out)!r}, jobs=1, part_texts=3,\n"
        f"           cache=run._resolve_cache(True))\n"
    )
    env = {**os.environ, "MPLBACKEND": "Agg", "ARC_CACHE_DIR": str(cache)}
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        first = out / ".arc-corpus" / "part-00000.json"
        assert _wait_for(first.exists, 120), "the first part was never written"
        proc.send_signal(getattr(signal, how))
        proc.wait(timeout=60)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode != 0
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["part-00000.parquet"]
    texts, _ = read_corpus(out)
    assert len(texts) == 3  # what was written is whole
    resumed = corpus([small], out, jobs=1, part_texts=3, cache=Cache(cache))
    assert resumed.reused == 3 and resumed.done == 6
    assert _digests(out) == _digests(one_job[1])
    assert resumed.texts["text_id"].is_unique


def test_a_cached_rerun_into_a_new_folder_analyses_nothing(small, one_job, tmp_path, monkeypatch):
    import arc.corpora.summary as summary

    cache = Cache(tmp_path / "cache")
    corpus([small], tmp_path / "first", jobs=1, cache=cache, part_texts=3)
    calls = []
    real = summary._analyse
    monkeypatch.setattr(summary, "_analyse", lambda *a, **k: calls.append(1) or real(*a, **k))
    corpus([small], tmp_path / "second", jobs=1, cache=cache, part_texts=3)
    # The good texts come from the cache; a bad file is tried again (it may have been fixed).
    assert len(calls) == len(BAD)
    assert _digests(tmp_path / "second") == _digests(one_job[1])


def test_a_progress_bar_on_a_terminal_and_every_core_still_used(small, tmp_path):
    """On a terminal, tqdm's bar; its monitor thread must not stop the pool from forking."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "arc",
                "corpus",
                str(small),
                "-o",
                str(tmp_path / "o"),
                "--jobs",
                "2",
                "--no-cache",
                "--no-chart",
            ],
            cwd=ROOT,
            env={**os.environ, "MPLBACKEND": "Agg"},
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=300,
        )
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "arc corpus: 100%" in text and f"{5 + len(BAD)}/{5 + len(BAD)}" in text
    assert "working in one process" not in text  # the pool forked: no thread was running


def test_two_runs_into_one_folder_at_once_are_refused(small, tmp_path):
    from arc.corpora.store import Store
    from arc.errors import OutputError

    first = Store(tmp_path / "out", "parquet", {})
    first.open()
    try:
        with pytest.raises(OutputError, match="another arc corpus run"):
            corpus([small], tmp_path / "out", jobs=1, cache=False)
    finally:
        first.close()
    corpus([small], tmp_path / "out", jobs=1, cache=False, chart=False)  # free again


@pytest.mark.parametrize("stash", [1, 64])
def test_cached_texts_are_found_here_and_the_rest_go_to_the_pool(
    stash, small, one_job, tmp_path, monkeypatch
):
    """Hits and misses interleaved: the tables come out whole and in order, as from scratch."""
    import shutil

    import arc.corpora.run as run

    monkeypatch.setattr(run, "STASH", stash)
    some = tmp_path / "some"
    some.mkdir()
    for name in ("alice_02.txt", "magi.txt", "alice_04.txt"):
        shutil.copy(small / name, some / name)
    cache = Cache(tmp_path / "cache")
    corpus([some], None, jobs=1, cache=cache)
    log = tmp_path / "sent.txt"
    real = run._summarise_item

    def counted(item, **kw):  # runs in the forked workers: they append to a file
        with log.open("a", encoding="utf-8") as f:
            f.write(Path(item[1]).name + "\n")
        return real(item, **kw)

    monkeypatch.setattr(run, "_summarise_item", counted)
    out = tmp_path / "out"
    corpus([small], out, jobs=2, cache=cache, part_texts=3)
    assert _digests(out) == _digests(one_job[1])
    sent = sorted(log.read_text(encoding="utf-8").split())
    names = sorted(Path(p).name for p in expand_paths([small]))
    assert sent == sorted(set(names) - {"alice_02.txt", "magi.txt", "alice_04.txt"})
