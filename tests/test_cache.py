"""arc's cache: hit, invalidated by a version change, safe when damaged, bounded, shared."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

import arc._version
from arc.analysis import frame as frame_module
from arc.cache import Cache, default_cache, key
from arc.cli.run import main
from arc.corpora.run import corpus
from arc.score.scorers import VaderScorer
from arc.text.document import load
from tests.books import ALICE, MAGI


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("ARC_CACHE_DIR", str(tmp_path / "cache"))
    return default_cache()


@pytest.fixture
def computed(monkeypatch):
    """How many times a scored table was really computed (not read from the cache)."""
    calls = []
    real = frame_module._frames

    def counting(*args, **kw):
        calls.append(args[0].name)
        return real(*args, **kw)

    monkeypatch.setattr(frame_module, "_frames", counting)
    return calls


def test_round_trip_and_miss(tmp_path):
    cache = Cache(tmp_path)
    assert cache.get("frames", "k1") is None
    cache.put("frames", "k1", {"a": [1, 2]})
    assert cache.get("frames", "k1") == {"a": [1, 2]}
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_second_plot_with_another_smoother_does_not_score_again(store, computed, tmp_path):
    out = tmp_path / "a.png"
    assert main(["plot", str(ALICE), "-o", str(out)]) == 0
    assert main(["plot", str(ALICE), "-o", str(out), "--smooth", "lowess"]) == 0
    assert computed == ["alice30"]
    assert store.size() > 0


def test_no_cache_neither_reads_nor_keeps(store, computed, tmp_path):
    out = tmp_path / "a.png"
    assert main(["plot", str(MAGI), "-o", str(out), "--no-cache"]) == 0
    assert main(["plot", str(MAGI), "-o", str(out), "--no-cache"]) == 0
    assert len(computed) == 2
    assert not store.folder.exists() or store.size() == 0


def test_plot_compare_and_corpus_share_it(store, computed, tmp_path):
    """A book's sentence table, scored by the corpus run, is read by plot and compare."""
    folder = tmp_path / "texts"
    folder.mkdir()
    shutil.copy(ALICE, folder / "alice.txt")
    corpus([folder], tmp_path / "out", jobs=1, cache=store, chart=False)
    assert computed == ["alice"]
    assert main(["plot", str(folder / "alice.txt"), "-o", str(tmp_path / "m.png")]) == 0
    assert main(["compare", str(folder / "alice.txt"), "-o", str(tmp_path / "c.png")]) == 0
    assert computed == ["alice"]  # both read the corpus's scored table
    # A short story's chart scores whole paragraphs: a table of its own, kept too.
    assert main(["plot", str(MAGI), "-o", str(tmp_path / "g.png")]) == 0
    assert main(["plot", str(MAGI), "-o", str(tmp_path / "g.png")]) == 0
    assert computed == ["alice", "gift_of_the_magi_pg7256"]


def test_a_cached_table_equals_a_computed_one(store):
    doc = load(ALICE)
    fresh, fresh_sentences = frame_module.frames(doc, "paragraph")
    frame_module.frames(doc, "paragraph", cache=store)
    hit, hit_sentences = frame_module.frames(doc, "paragraph", cache=store)
    assert store.hits == 1
    import pandas as pd

    pd.testing.assert_frame_equal(hit, fresh)
    pd.testing.assert_frame_equal(hit_sentences, fresh_sentences)
    assert hit.attrs == fresh.attrs


def test_arcs_or_a_scorers_version_change_invalidates_it(store, computed, monkeypatch):
    doc = load(MAGI)
    frame_module.frames(doc, "sentence", cache=store)
    frame_module.frames(doc, "sentence", cache=store)
    assert len(computed) == 1
    monkeypatch.setattr(arc._version, "__version__", arc._version.__version__ + ".post1")
    frame_module.frames(doc, "sentence", cache=store)
    assert len(computed) == 2
    monkeypatch.setattr(VaderScorer, "version", "a new lexicon")
    frame_module.frames(doc, "sentence", cache=store)
    assert len(computed) == 3
    frame_module.frames(doc, "paragraph", cache=store)  # another unit: another entry
    assert len(computed) == 4


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_corrupt_entry_is_detected_and_redone(store, computed, damage):
    doc = load(MAGI)
    first, _ = frame_module.frames(doc, "sentence", cache=store)
    [path] = list(store.folder.glob("frames/*/*.pickle"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    else:
        path.write_bytes(b"")
    again, _ = frame_module.frames(doc, "sentence", cache=store)
    assert len(computed) == 2  # redone, not trusted
    import pandas as pd

    pd.testing.assert_frame_equal(again, first)
    assert store.get("frames", path.stem) is not None  # and kept again, whole


def test_it_is_bounded_least_recently_used_first(tmp_path):
    cache = Cache(tmp_path, limit=10**9)
    blob = b"x" * 10_000
    for i in range(6):
        cache.put("t", f"k{i}", blob)
        os.utime(cache.path("t", f"k{i}"), (1000 + i, 1000 + i))
    cache.get("t", "k0")  # used now: the newest
    removed = cache.trim(limit=35_000)
    assert removed == 3
    assert [cache.get("t", f"k{i}") is not None for i in range(6)] == [
        True,
        False,
        False,
        False,
        True,
        True,
    ]
    assert cache.size() <= 35_000


def test_writes_keep_it_under_its_limit(tmp_path):
    cache = Cache(tmp_path, limit=50_000)
    for i in range(200):
        cache.put("t", f"k{i:03d}", os.urandom(1_000))
    assert cache.size() <= 50_000 + 32 * 1_200  # trimmed at least every 32 writes


def _hammer(folder: str, worker: int) -> int:
    cache = Cache(folder)
    bad = 0
    for i in range(150):
        name = f"k{i % 5}"
        cache.put("t", name, {"i": i % 5, "data": list(range(2_000))})
        value = cache.get("t", f"k{(i + worker) % 5}")
        if value is not None and value["data"] != list(range(2_000)):
            bad += 1
    return bad


def test_concurrent_writers_never_see_half_an_entry(tmp_path):
    # spawn, not fork: a test process may hold other threads' locks (pytest-xdist's I/O
    # thread), and a child forked while one is held can wait on it for ever
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        bad = pool.starmap(_hammer, [(str(tmp_path), w) for w in range(4)])
    assert bad == [0, 0, 0, 0]
    assert not list(Path(tmp_path).glob("t/*/.tmp-*"))


def test_off_and_a_bad_size(monkeypatch):
    monkeypatch.setenv("ARC_CACHE_DIR", "off")
    assert default_cache() is None
    monkeypatch.setenv("ARC_CACHE_DIR", "/tmp/x")
    monkeypatch.setenv("ARC_CACHE_SIZE", "lots")
    with pytest.raises(ValueError, match="ARC_CACHE_SIZE"):
        default_cache()
    monkeypatch.setenv("ARC_CACHE_SIZE", "5")
    assert default_cache().limit == 5 * 1024**2


def test_default_folder_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("ARC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    found = default_cache()
    assert found is not None and found.folder == tmp_path / "arc"


def test_keys_name_everything_they_depend_on():
    assert key("h", "sentence", {}) != key("h", "paragraph", {})
    assert key("h", "sentence", {"bins": 10}) != key("h", "sentence", {"bins": 20})
    assert len(key("x")) == 64
