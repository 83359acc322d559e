"""A corpus analysed: every text summed up once, on every core or on a Dask cluster.

:func:`corpus` takes files, folders and globs, sums up each text
(:func:`arc.corpora.summary.summarise`) and writes the texts and segments tables part by
part (:mod:`arc.corpora.store`), then decomposes the corpus's arcs (Reagan et al.'s SVD,
:mod:`arc.analysis.modes`) and draws the overview chart. Where the work runs is the
caller's choice and changes nothing in the tables:

- ``jobs``: local processes, through :class:`arc.parallel.Pool` (a worker that dies is
  replaced and its texts done again); ``None`` or ``1``: this process alone;
- ``client``: a ``dask.distributed.Client``; each text's bytes are read here and sent to a
  worker, so the workers need arc installed but not the files. A worker that is lost has
  its texts run again by Dask's scheduler.

Either way texts are handed out a bounded number at a time and their summaries taken back
in order, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import functools
import glob
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.corpora.store import PART_TEXTS, Entry, Store
from arc.corpora.summary import (
    GRID,
    SEGMENT_COLUMNS,
    SMOOTHER,
    TEXT_COLUMNS,
    Summary,
    summarise,
)
from arc.errors import MissingInputError

if TYPE_CHECKING:
    import pandas as pd

    from arc.cache import Cache

__all__ = ["CorpusResult", "corpus", "expand_paths"]

#: Suffixes a folder's files must have to be taken as texts (a file named outright always is).
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: Cached texts found in a row before the pool is given a no-op task, so the results keep
#: pace with the lookups (and no more than this many cached summaries wait in memory).
STASH = 64
#: The segments' columns the modes and the overview chart read (not the whole table).
ARC_COLUMNS = ("text_id", "bin", "position", "smoothed")
#: Tasks a Dask worker may hold at once, per worker thread: enough to keep it busy, few
#: enough that the client's memory stays flat.
DASK_WINDOW = 3
#: A Dask task takes texts until it holds this many bytes, or this many texts: a task costs
#: the scheduler a few milliseconds, as much as scoring a short chapter.
DASK_BATCH_BYTES = 256_000
DASK_BATCH_TEXTS = 32


@dataclass
class CorpusResult:
    """What :func:`corpus` made: the texts table, the modes, where they are, how it went.

    ``segments`` (one row per text and grid point) is read from the folder when first asked
    for, so a run over a large corpus never holds it all in memory unless you do.
    """

    texts: pd.DataFrame
    modes: pd.DataFrame | None
    loadings: pd.DataFrame | None
    folder: Path | None
    done: int
    reused: int
    seconds: float
    _segments: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def segments(self) -> pd.DataFrame:
        """The segments table (read from the folder, once)."""
        if self._segments is None:
            from arc.corpora.store import read_table

            assert self.folder is not None
            self._segments = read_table(self.folder, "segments")
        return self._segments

    @property
    def failed(self) -> int:
        """How many texts could not be analysed (their ``status`` says why)."""
        return int((self.texts["status"] != "ok").sum())


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files, folders (their text files, recursively) and globs, as sorted unique paths.

    A folder contributes its files ending in one of :data:`TEXT_SUFFIXES` (hidden ones
    skipped); a file named outright, or matched by a glob, is taken whatever its name. A
    path that names nothing and matches nothing raises :class:`~arc.errors.MissingInputError`.
    """
    found: set[str] = set()
    for item in paths:
        text = os.fspath(item)
        matches = [text] if os.path.exists(text) else sorted(glob.glob(text, recursive=True))
        if not matches:
            raise MissingInputError(f"no such file or folder, and no file matches: {text!r}")
        for match in matches:
            if os.path.isdir(match):
                for root, dirs, files in os.walk(match):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    found.update(
                        os.path.join(root, f)
                        for f in files
                        if not f.startswith(".") and f.lower().endswith(TEXT_SUFFIXES)
                    )
            else:
                found.add(match)
    return sorted(os.path.normpath(p) for p in found)


def corpus(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    client: Any = None,
    grid: int = GRID,
    smoother: str = SMOOTHER,
    scorer: str = "vader",
    fmt: str = "parquet",
    cache: Cache | bool | None = True,
    encoding: str | None = None,
    max_bytes: int | None = None,
    modes: int = 3,
    chart: bool = True,
    progress: bool | None = None,
    part_texts: int = PART_TEXTS,
) -> CorpusResult:
    """Analyse every text of a corpus; write its tables to ``out`` (if given) as it goes.

    Parameters
    ----------
    paths
        Files, folders and globs (:func:`expand_paths`).
    out
        The output folder (:mod:`arc.corpora.store`); running again with the same
        arguments does only what is not written yet. ``None``: the tables are returned only.
    jobs, client
        Local processes (:data:`arc.parallel.EVERY_CPU` for one per core), or a
        ``dask.distributed.Client``; the tables are the same either way.
    grid, smoother, scorer
        The common grid's points, the smoother of every arc, and the scorer.
    cache
        ``True``: the user's cache (:func:`arc.cache.default_cache`); a
        :class:`~arc.cache.Cache`; or ``False``/``None`` for none. On a cluster, anything
        but ``False``/``None`` means each worker's own user cache.
    modes
        How many of the corpus's modes to keep (Reagan et al.'s SVD).
    chart
        Draw ``overview.png`` in ``out``.
    progress
        A progress bar on standard error; ``None``: when it is a terminal.
    part_texts
        Texts per part of the tables (:mod:`arc.corpora.store`); a killed run loses at most
        the parts it was writing.
    """
    started = time.perf_counter()
    if jobs is not None and client is not None:
        raise ValueError("give jobs= (local processes) or client= (Dask), not both")
    files = expand_paths(paths)
    if not files:
        raise MissingInputError("no text files found in the paths given")
    store = None
    if out is not None:
        settings = {
            "grid": grid,
            "smoother": smoother,
            "scorer": scorer,
            "encoding": encoding,
            "part_texts": part_texts,
            "max_bytes": max_bytes,
        }
        store = Store(out, fmt, settings)
        store.open()
    try:
        entries = [Entry.of(path) for path in files]
        parts = [entries[i : i + part_texts] for i in range(0, len(entries), part_texts)]
        todo = [c for c, part in enumerate(parts) if store is None or not store.done(c, part)]
        if store is not None:
            store.forget_beyond(len(parts))
        items = [(c * part_texts + k, e.path) for c in todo for k, e in enumerate(parts[c])]
        work = functools.partial(
            _summarise_item,
            grid=grid,
            smoother=smoother,
            scorer=scorer,
            encoding=encoding,
            max_bytes=max_bytes,
            cache=None if client is not None else _resolve_cache(cache),
        )
        results = (
            _run_dask(client, work, items, bool(cache))
            if client is not None
            else _run_local(work, items, jobs, _lookup(work))
        )
        kept: dict[int, tuple[list[dict[str, Any]], list[tuple[int, Summary]]]] = {}
        finished: list[tuple[pd.DataFrame, pd.DataFrame]] = []  # without a folder: kept here
        written: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = {}  # this run's parts, as read
        bar = _bar(len(items), len(entries) - len(items), progress)
        try:
            for index, summary in results:
                c = index // part_texts
                rows, segs = kept.setdefault(c, ([], []))
                rows.append(_row(index, summary))
                segs.append((index, summary))
                bar.update(1)
                if len(rows) == len(parts[c]):
                    del kept[c]
                    part = (_texts_table(rows), _segments_table(segs))
                    if store is not None:
                        store.write(c, parts[c], *part)
                        written[c] = (part[0], part[1][list(ARC_COLUMNS)])
                    else:
                        finished.append(part)
        finally:
            bar.close()
        segments: pd.DataFrame | None = None
        if store is not None:  # the parts written now as they are, the others read back
            texts, arcs = _whole(store, len(parts), written)
        else:
            texts, segments = _joined(finished) if finished else _empty_tables()
            arcs = segments[list(ARC_COLUMNS)]
        found_modes, loadings = _modes(texts, arcs, modes)
        if store is not None:
            for name, df in (("modes", found_modes), ("loadings", loadings)):
                if df is None:
                    store.remove_extra(name)
                else:
                    store.write_extra(name, df)
            if chart:
                _chart(store.folder, texts, arcs, found_modes, _resolve_cache(cache))
        return CorpusResult(
            texts,
            found_modes,
            loadings,
            None if store is None else store.folder,
            done=len(items),
            reused=len(entries) - len(items),
            seconds=time.perf_counter() - started,
            _segments=segments,
        )
    finally:
        if store is not None:
            store.close()


def _summarise_item(item: tuple[int, str], **settings: Any) -> tuple[int, Summary]:
    """One text's summary, tagged with its index (so it is picklable for any pool)."""
    index, path = item
    return index, summarise(path, **settings)


def _resolve_cache(cache: Cache | bool | None) -> Cache | None:
    if cache is True:
        from arc.cache import default_cache

        return default_cache()
    return cache or None


def _run_local(
    work: Callable[[tuple[int, str]], tuple[int, Summary]],
    items: list[tuple[int, str]],
    jobs: int | None,
    lookup: Callable[[str], Summary | None] | None = None,
) -> Iterator[tuple[int, Summary]]:
    """Summaries in order, from this process or from a pool of ``jobs`` processes.

    With ``lookup`` (the cache), texts summed up before are found here, in order, and only
    the others go to the pool: a cached corpus starts no work in a worker at all.
    """
    from arc.parallel import Pool, processes

    n = processes(jobs, len(items))
    if n < 2:
        yield from (work(item) for item in items)
        return
    found: dict[int, Summary] = {}  # cached, waiting for their turn (at most STASH in a row)
    ahead: dict[int, Summary] = {}  # worked out before an earlier cached text was reached

    def source() -> Iterator[tuple[int, str] | None]:
        run = 0
        for index, path in items:
            summary = lookup(path) if lookup is not None else None
            if summary is None:
                run = 0
                yield index, path
                continue
            found[index] = summary
            run += 1
            if run >= STASH:  # a no-op task, so the results catch up with the lookups
                run = 0
                yield None

    def task(item: tuple[int, str] | None) -> tuple[int, Summary] | None:
        return None if item is None else work(item)

    with Pool(task, n, window=8 * n) as pool:
        results = pool.imap(source())
        for index, _ in items:
            while index not in found and index not in ahead:
                got = next(results)
                if got is not None:
                    ahead[got[0]] = got[1]
            yield index, found.pop(index) if index in found else ahead.pop(index)


def _lookup(work: Any) -> Callable[[str], Summary | None] | None:
    """What finds a text's kept summary in the cache ``work`` was given (None: no cache)."""
    settings = dict(work.keywords)
    cache = settings.pop("cache", None)
    if cache is None:
        return None
    from arc.corpora.summary import cached_summary

    return functools.partial(cached_summary, cache=cache, **settings)


def _run_dask(
    client: Any,
    work: Callable[..., tuple[int, Summary]],
    items: list[tuple[int, str]],
    use_cache: bool,
) -> Iterator[tuple[int, Summary]]:
    """Summaries in order from a Dask cluster, a bounded number of texts in flight.

    Each text is read here and its bytes sent with the task, several short texts to a task
    (:func:`_batches`: a task costs the scheduler milliseconds); results are taken back in
    order, so the parts are written as in a local run. Dask reruns the tasks of a lost
    worker; ``retries`` covers a task that failed for want of one. With ``use_cache``, each
    worker uses its own cache (:func:`arc.cache.default_cache` where it runs).
    """
    settings = dict(work.keywords)  # type: ignore[attr-defined]
    settings.pop("cache", None)
    task = functools.partial(_summarise_batch, use_cache=use_cache, **settings)
    workers = max(1, sum(client.nthreads().values()))
    window = DASK_WINDOW * workers
    queue: deque[Any] = deque()
    batches = _batches(items, settings.get("max_bytes"))

    def submit() -> bool:
        batch = next(batches, None)
        if batch is None:
            return False
        queue.append(client.submit(task, batch, pure=False, retries=2))
        return True

    try:
        while len(queue) < window and submit():
            pass
        while queue:
            future = queue.popleft()
            results = future.result()
            future.release()
            submit()
            yield from results
    finally:
        for future in queue:
            future.cancel()


def _batches(
    items: list[tuple[int, str]], max_bytes: int | None
) -> Iterator[list[tuple[int, str, bytes | None]]]:
    """The texts read, in order, grouped until a group holds :data:`DASK_BATCH_BYTES`."""
    from arc.text.io import MAX_BYTES, read_bytes

    batch: list[tuple[int, str, bytes | None]] = []
    size = 0
    for index, path in items:
        try:
            data: bytes | None = read_bytes(path, max_bytes=max_bytes or MAX_BYTES)
        except Exception:  # the worker reads it again and records why it cannot
            data = None
        batch.append((index, path, data))
        size += len(data or b"")
        if size >= DASK_BATCH_BYTES or len(batch) >= DASK_BATCH_TEXTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _summarise_batch(
    batch: list[tuple[int, str, bytes | None]], *, use_cache: bool, **settings: Any
) -> list[tuple[int, Summary]]:
    """Texts' summaries on a Dask worker, from the bytes the client sent, in its own cache."""
    cache = _worker_cache() if use_cache else None
    out = []
    for index, path, data in batch:
        if data is None:  # the client could not read it: say why, as a local run would
            out.append((index, summarise(path, cache=cache, **settings)))
        else:
            out.append((index, summarise(path, data=data, cache=cache, **settings)))
    return out


@functools.cache
def _worker_cache() -> Cache | None:
    """The user cache of the process this runs in (a Dask worker's own), found once."""
    from arc.cache import default_cache

    return default_cache()


def _row(index: int, summary: Summary) -> dict[str, Any]:
    return {"text_id": index, **summary.row}


def _whole(
    store: Store, parts: int, written: dict[int, tuple[pd.DataFrame, pd.DataFrame]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The texts table and the arcs (:data:`ARC_COLUMNS`) of every part, in order."""
    import pandas as pd

    texts, arcs = [], []
    for c in range(parts):
        if c in written:
            texts.append(written[c][0])
            arcs.append(written[c][1])
        else:
            texts.append(store.read_part("texts", c))
            arcs.append(store.read_part("segments", c, ARC_COLUMNS))
    if not texts:
        return _empty_tables()[0], _empty_tables()[1][list(ARC_COLUMNS)]
    return pd.concat(texts, ignore_index=True), pd.concat(arcs, ignore_index=True)


def _texts_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A part's texts table, each column built in its kind at once (no conversions after)."""
    import numpy as np
    import pandas as pd

    columns: dict[str, Any] = {}
    for name, kind in TEXT_COLUMNS.items():
        values = [row.get(name) for row in rows]
        if kind == "float64":
            columns[name] = np.array([np.nan if v is None else v for v in values], dtype=float)
        elif kind == "int64":
            columns[name] = np.array(values, dtype=np.int64)
        else:
            columns[name] = pd.array(values, dtype=kind)
    return pd.DataFrame(columns)


def _segments_table(summaries: list[tuple[int, Summary]]) -> pd.DataFrame:
    """A part's segments: each analysed text's grid points, one table built once."""
    import numpy as np
    import pandas as pd

    columns: dict[str, list[Any]] = {name: [] for name in SEGMENT_COLUMNS}
    for index, summary in summaries:
        if not summary.segments:
            continue
        columns["text_id"] += [index] * len(summary.segments["bin"])
        for name in SEGMENT_COLUMNS:
            if name != "text_id":
                columns[name] += summary.segments[name]
    typed: dict[str, Any] = {}
    for name, kind in SEGMENT_COLUMNS.items():
        if kind == "string":
            typed[name] = pd.array(columns[name], dtype=kind)
        else:
            typed[name] = np.array(columns[name], dtype=kind)
    return pd.DataFrame(typed)


def _joined(finished: list[tuple[pd.DataFrame, pd.DataFrame]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    import pandas as pd

    return (
        pd.concat([t for t, _ in finished], ignore_index=True).astype(TEXT_COLUMNS),
        pd.concat([s for _, s in finished], ignore_index=True).astype(SEGMENT_COLUMNS),
    )


def _empty_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    from arc.corpora.store import empty_table

    return empty_table(TEXT_COLUMNS), empty_table(SEGMENT_COLUMNS)


def _modes(
    texts: pd.DataFrame, segments: pd.DataFrame, k: int
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The corpus's modes and each text's loadings; ``(None, None)`` when it has none.

    A corpus without two usable arcs (or whose arcs are all flat) has no modes to find.
    """
    if k < 1 or int((texts["status"] == "ok").sum()) < 2:
        return None, None
    from arc.analysis.modes import corpus_modes

    try:
        return corpus_modes(segments, k)
    except ValueError:
        return None, None


def _chart(
    folder: Path, texts: pd.DataFrame, segments: pd.DataFrame, modes: Any, cache: Cache | None
) -> None:
    """Draw the overview chart, if the corpus has an arc to show.

    The chart is a function of the tables: with a cache, the same tables (hashed, with
    arc's version) give the PNG drawn before, written again without matplotlib.
    """
    path = folder / "overview.png"
    if not (texts["status"] == "ok").any():
        path.unlink(missing_ok=True)
        return
    entry = None
    if cache is not None:
        from arc.cache import key

        entry = key("overview", *(_digest(df) for df in (texts, segments, modes)))
        png = cache.get("chart", entry)
        if isinstance(png, bytes):
            from arc.text.io import atomic_write

            with atomic_write(path) as out:
                out.write(png)
            return
    from arc.charts.overview import overview_chart
    from arc.charts.render import save_chart

    save_chart(overview_chart(texts, segments, modes), path)
    if cache is not None and entry is not None:
        cache.put("chart", entry, path.read_bytes())


def _digest(df: pd.DataFrame | None) -> str:
    """A table's content, hashed: its columns, types and every value, row by row."""
    import hashlib

    import pandas as pd

    if df is None:
        return "none"
    h = hashlib.sha256(repr((list(df.columns), [str(t) for t in df.dtypes])).encode())
    h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    return h.hexdigest()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, reused: int, progress: bool | None) -> Any:
    """Tqdm's bar on standard error when it is a terminal (or ``progress=True``)."""
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress or total == 0:
        return _NoBar()
    from tqdm import tqdm

    # No monitor thread: a process with other threads must not fork (arc.parallel.why_alone),
    # and the pool may start its workers after the bar.
    tqdm.monitor_interval = 0
    desc = f"arc corpus ({reused} done before)" if reused else "arc corpus"
    return tqdm(total=total, unit="text", desc=desc, file=sys.stderr, dynamic_ncols=True)


def summary_line(result: CorpusResult) -> str:
    """One line for the end of a run: how many texts, how many failed, where, how long."""
    n = len(result.texts)
    failed = result.failed
    parts = [f"{n:,} text{'s' if n != 1 else ''}"]
    if result.reused:
        parts.append(f"{result.reused:,} already done")
    parts.append(f"{failed:,} failed" if failed else "none failed")
    where = f" in {result.folder}" if result.folder is not None else ""
    return f"{', '.join(parts)}{where} ({result.seconds:.1f} s)"
