"""One place decides parallelism: how many processes a caller gets, and a pool that keeps them.

Who decides
-----------
The library never starts a process behind its caller's back. ``workers`` means the same
wherever arc takes it (:func:`arc.analyze`, :func:`map_ordered`, :func:`workers_for`):

- ``None`` (the library's default) or ``1``: one process, the caller's own;
- :data:`EVERY_CPU` (``0``): one process per CPU this process may run on, where it pays (a
  text's paragraphs are split between processes only from :data:`MIN_CHARS` characters
  on). The ``arc`` command asks for this: it owns its process, so it uses every core;
- a number ``n`` above 1: up to ``n`` processes.

A process that cannot or must not have children works alone whatever it asks for
(:func:`why_alone`): a daemonic :mod:`multiprocessing` worker (``Pool`` workers may not have
children), a worker of arc's own :class:`Pool` (its pool already uses the CPUs), a process
running other Python threads (forking one, say a Jupyter kernel, a web server or a Dask
worker, can deadlock the child) and a platform without ``fork`` (Windows, where a child
would import everything again). A caller that asked for a number of processes above one is
told so with an :class:`~arc.errors.ArcWarning`; :data:`EVERY_CPU` and ``None`` fall back
quietly. The results are the same value for value however many processes do the work.

The pool
--------
:class:`Pool` is :class:`concurrent.futures.ProcessPoolExecutor` on the ``fork`` start method,
kept so that a caller never sees its failures:

- the function reaches the workers through ``fork``, not pickling, so it may be a closure
  over data the caller holds (a parsed document); the items and results travel pickled,
  and results come back in the items' order, a bounded number in flight;
- a worker that dies (killed, out of memory) breaks a ``ProcessPoolExecutor``: the items it
  lost go to a fresh pool, and an item lost :data:`POOL_ATTEMPTS` times is done in the
  caller, so a result is never lost;
- work that raises in a worker is done again in the caller, which raises what one process
  would raise (or gets the result, if the failure was the worker's own);
- warnings issued in a worker are issued again in the caller, in order;
- a worker stopped (``SIGSTOP``, seen as state ``T`` in Linux's ``/proc``) for
  :data:`STOPPED_DEADLINE` seconds while the caller waits is given up on: it is killed and
  its items go to a fresh pool, so a stopped worker cannot hang the caller;
- workers ignore Ctrl-C (the caller's to handle), end quietly on SIGTERM and SIGHUP, and on
  Linux die with the caller even if it is killed with SIGKILL; leaving the pool (normally,
  on an error, on Ctrl-C) ends every worker, a stopped one too.

``fork`` rather than ``forkserver``: a fork shares the loaded modules, Punkt's parameters
and the document with the children at no cost, and a closure needs no pickling; a
forkserver child would import arc, pandas and nltk again and receive the document pickled,
which costs more than a second core saves on a novel.

Work across texts (a corpus) builds on :func:`map_ordered` (or :class:`Pool` directly); work
across a text's paragraphs on :func:`ranges` and :func:`run`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from arc.errors import ArcWarning

__all__ = [
    "EVERY_CPU",
    "MIN_CHARS",
    "POOL_ATTEMPTS",
    "STOPPED_DEADLINE",
    "Pool",
    "cpu_count",
    "map_ordered",
    "processes",
    "ranges",
    "run",
    "why_alone",
    "workers_for",
]

#: Texts shorter than this many characters are done in one process, even for
#: :data:`EVERY_CPU`. Measured on a 2-core machine (sentence frames, medians of 5): The Gift
#: of the Magi, 30,000 characters, 15 ms in one process and 22 ms in two; Alice, 144,000,
#: 80 ms and 63 ms; Frankenstein, 438,000, 202 ms and 127 ms. Two processes start to pay at
#: about 70,000 characters.
MIN_CHARS = 100_000
#: ``workers=EVERY_CPU`` asks for one process per CPU, where that pays.
EVERY_CPU = 0
#: How many times an item may be lost with a dying worker before the caller does it itself.
POOL_ATTEMPTS = 2
#: Seconds a worker may stay stopped (``SIGSTOP``) while the caller waits for it before it
#: is killed and its items are done again (where the state can be read: Linux's /proc).
STOPPED_DEADLINE = 10.0
#: Seconds between two looks at the workers' states while the caller waits for a result.
_LOOK_EVERY = 0.25

A = TypeVar("A")
R = TypeVar("R")
T = TypeVar("T")
#: The signals held back while workers are forked, and that workers do not catch.
_SIGNALS = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}
#: In a worker of a :class:`Pool`: the function it applies (set by :func:`_start_worker`).
_worker_func: Callable[[Any], Any] | None = None


def cpu_count() -> int:
    """The number of CPUs this process may run on (its affinity, where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def why_alone() -> str | None:
    """Why this process must do its work itself, or ``None`` if it may start workers.

    Checked before every fork, so that analysing a text inside a ``multiprocessing.Pool``
    worker, a Dask worker or a Jupyter kernel works (in one process) instead of failing or
    risking a deadlock.

    Examples
    --------
    >>> why_alone() is None or isinstance(why_alone(), str)
    True
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return "this platform cannot fork"
    if multiprocessing.current_process().daemon:
        return "this process is a daemonic multiprocessing worker, which may not have children"
    if _worker_func is not None:
        return "this process is a worker of arc's pool, which already uses the CPUs"
    if threading.active_count() > 1:
        return "other threads are running here, and forking could deadlock them"
    return None


def _check(workers: object) -> None:
    """Raise ``ValueError`` unless ``workers`` is ``None`` or a whole number from 0 up."""
    if workers is None:
        return
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise ValueError(
            f"workers must be None, 0 (every CPU) or a positive whole number, not {workers!r}"
        )


def processes(workers: int | None, tasks: int) -> int:
    """How many processes to do ``tasks`` independent tasks in, for a caller asking ``workers``.

    ``None`` and ``1`` give 1, :data:`EVERY_CPU` one per CPU, ``n`` gives ``n``; never more
    than ``tasks``. Where this process must work alone (:func:`why_alone`) the answer is 1,
    with an :class:`~arc.errors.ArcWarning` if ``workers`` asked for more than one by number.

    Examples
    --------
    >>> processes(None, 10), processes(1, 10), processes(4, 1)
    (1, 1, 1)
    """
    _check(workers)
    wanted = cpu_count() if workers == EVERY_CPU else workers or 1
    wanted = min(wanted, max(tasks, 1))
    if wanted < 2:
        return 1
    reason = why_alone()
    if reason is None:
        return wanted
    if workers != EVERY_CPU:
        warnings.warn(
            f"workers={workers}: working in one process, because {reason}",
            ArcWarning,
            stacklevel=3,
        )
    return 1


def workers_for(chars: int, workers: int | None = None) -> int:
    """How many processes to split a text of ``chars`` characters between.

    As :func:`processes`, except that :data:`EVERY_CPU` gives a text shorter than
    :data:`MIN_CHARS` one process (starting a process and sending its results back costs
    more than a second core saves). ``None``, the library's default, is one process.

    Examples
    --------
    >>> workers_for(10**7), workers_for(10**7, workers=1), workers_for(1_000, EVERY_CPU)
    (1, 1, 1)
    """
    _check(workers)
    if workers == EVERY_CPU and chars < MIN_CHARS:
        return 1
    return processes(workers, sys.maxsize)


def ranges(sizes: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Cut items of the given sizes into at most ``parts`` contiguous ``(lo, hi)`` ranges.

    Each cut falls at the item where the running total first reaches its share, so the
    ranges carry about equal sizes; none is empty.

    Examples
    --------
    >>> ranges([5, 5, 5, 5], 2)
    [(0, 2), (2, 4)]
    >>> ranges([1, 1], 4)
    [(0, 1), (1, 2)]
    """
    n = len(sizes)
    total = sum(sizes)
    parts = max(1, min(parts, n))
    cuts = [0]
    running = 0
    share = 1
    for i, size in enumerate(sizes):
        running += size
        if share < parts and running * parts >= total * share and i + 1 < n:
            cuts.append(i + 1)
            share += 1
    cuts.append(n)
    return [(lo, hi) for lo, hi in itertools.pairwise(cuts) if hi > lo]


def run(work: Callable[[int, int], T], spans: list[tuple[int, int]]) -> list[T]:
    """``[work(lo, hi) for lo, hi in spans]``: the first span here, the others in a :class:`Pool`.

    The caller has chosen the number of spans (:func:`workers_for`, :func:`ranges`); it
    works on the first while one worker per other span does the rest, so no core waits.
    ``work`` must depend only on its range and on data that existed before the call (a
    forked worker sees the caller's memory as it was), and return something picklable.

    Examples
    --------
    >>> run(lambda lo, hi: hi - lo, [(0, 2), (2, 5)])
    [2, 3]
    """
    if len(spans) < 2:
        return [work(lo, hi) for lo, hi in spans]

    def one(span: tuple[int, int]) -> T:
        return work(*span)

    with Pool(one, len(spans) - 1) as pool:
        rest = pool.imap(spans[1:])  # handed to the workers now
        first = work(*spans[0])
        return [first, *rest]


def map_ordered(func: Callable[[A], R], items: Iterable[A], workers: int | None = None) -> list[R]:
    """``[func(item) for item in items]``, in ``workers`` processes (:func:`processes`).

    The base for work across many texts: with ``workers=None`` (the default) everything is
    done here; otherwise a :class:`Pool` does it, results in the items' order, a worker that
    dies replaced and its items done again. Items and results must be picklable; ``func``
    need not be (it reaches the workers through ``fork``).

    Examples
    --------
    >>> map_ordered(len, ["a", "bb", "ccc"])
    [1, 2, 3]
    """
    items = list(items)
    n = processes(workers, len(items))
    if n < 2:
        return [func(item) for item in items]
    with Pool(func, n) as pool:
        return list(pool.imap(items))


class _Task:
    """An item on its way through a pool: its future (``None``: the caller does it), its losses."""

    __slots__ = ("future", "item", "lost")

    def __init__(self, item: Any) -> None:
        self.item = item
        self.future: Any = None
        self.lost = 0


class Pool(Generic[A, R]):
    """``workers`` forked processes applying ``func`` to items, results in order, kept alive.

    Use it as a context manager: leaving the ``with`` block ends every worker (waiting for
    none that still works). The processes are forked when the first item is handed out, so
    ``func`` sees the caller's data as it is then. Where this process must work alone
    (:func:`why_alone`), or a pool cannot be started, the caller does the work itself and
    the results are the same. :attr:`restarts` counts the pools replaced after a worker died.

    Examples
    --------
    >>> with Pool(str.upper, 2) as pool:
    ...     list(pool.imap(["a", "b", "c"]))
    ['A', 'B', 'C']
    """

    def __init__(self, func: Callable[[A], R], workers: int, *, window: int | None = None) -> None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers must be a positive whole number, not {workers!r}")
        self._func = func
        self._workers = workers
        #: Items in flight at most: enough to keep every worker busy while results are read
        #: (more, ``window``, when items differ in size: one long item then holds up fewer).
        self._window = max(workers, window or 2 * workers)
        self._executor: Any = None
        self._usable = True  # False once a pool could not be started: the caller does the rest
        self._live: set[Any] = set()  # futures handed out whose result was not read yet
        self.restarts = 0

    def __enter__(self) -> Pool[A, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def imap(self, items: Iterable[A]) -> Iterator[R]:
        """``func(item)`` for each item, in order; the first items are handed out at once.

        The workers start on the first items (two per worker) before this returns, so the
        caller can do other work meanwhile; the rest are handed out as results are read, so
        only a few results wait at a time.
        """
        source = iter(items)
        pending: deque[_Task] = deque()
        self._fill(pending, source)
        return self._results(pending, source)

    def close(self) -> None:
        """End the workers: at once if any is still working or stopped, else after they finish."""
        busy = any(not future.done() for future in self._live)
        self._shutdown(kill=busy or bool(self._stopped()))

    def _results(self, pending: deque[_Task], source: Iterator[A]) -> Iterator[R]:
        while pending:
            value = self._result(pending[0], pending)
            pending.popleft()
            self._fill(pending, source)
            yield value

    def _fill(self, pending: deque[_Task], source: Iterator[A]) -> None:
        """Hand out items until :attr:`_window` are in flight or there are no more."""
        while len(pending) < self._window:
            try:
                item = next(source)
            except StopIteration:
                return
            task = _Task(item)
            pending.append(task)
            self._submit(task)

    def _submit(self, task: _Task) -> None:
        """Hand ``task`` to a worker, or leave it to the caller (its future stays ``None``)."""
        from concurrent.futures.process import BrokenProcessPool

        if task.lost >= POOL_ATTEMPTS or not self._usable:
            return
        if self._executor is None and not self._start():
            return
        try:
            with _signals_held(), warnings.catch_warnings():
                # Python 3.12+ warns when it forks a process with more than one OS thread.
                # Only one Python thread runs here (see why_alone); the others are idle
                # native pools (numpy's BLAS), which a worker never calls.
                warnings.filterwarnings(
                    "ignore", "This process .* is multi-threaded", DeprecationWarning
                )
                task.future = self._executor.submit(_work, task.item)
            self._live.add(task.future)
        except BrokenProcessPool as exc:
            # A worker died before this item could be handed out: the item fails as the
            # pool's other items do, so the caller replaces the pool (:meth:`_recover`).
            from concurrent.futures import Future

            broken: Future[Any] = Future()
            broken.set_exception(exc)
            task.future = broken
        except (OSError, RuntimeError):
            # No process could be forked: do the rest here.
            self._usable = False
            self._shutdown(kill=True)

    def _start(self) -> bool:
        """Make a new executor (its workers are forked at the first submit); False if none."""
        if why_alone() is not None:
            self._usable = False
            return False
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            self._executor = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
                initargs=(self._func, os.getpid()),
            )
        except OSError:
            self._usable = False
            return False
        return True

    def _result(self, task: _Task, pending: deque[_Task]) -> R:
        """The result of ``task``: from its worker, from a fresh pool, or computed here."""
        from concurrent.futures.process import BrokenProcessPool

        while task.future is not None:
            future = task.future
            try:
                value, caught = self._wait(future)
            except BrokenProcessPool:
                self._recover(pending)
                continue
            except Exception:  # the work raised in the worker, or its result could not travel
                self._live.discard(future)
                task.future = None
                break
            self._live.discard(future)
            for message, category in caught:
                warnings.warn(message, category, stacklevel=2)
            return value
        return self._func(task.item)

    def _wait(self, future: Any) -> Any:
        """``future.result()``, giving up on a worker stopped for :data:`STOPPED_DEADLINE`.

        A stopped worker is killed, which breaks the pool: the caller then sees
        ``BrokenProcessPool`` and hands the lost items to a fresh pool, as for any death.
        Stopped time is counted only across looks that all found the worker stopped, so a
        whole command stopped and resumed (Ctrl-Z, ``fg``) gives up on nothing.
        """
        stopped_since: dict[int, float] = {}
        while True:
            try:
                return future.result(timeout=_LOOK_EVERY)
            except TimeoutError:  # concurrent.futures.TimeoutError is this from Python 3.11
                pass
            now = time.monotonic()
            stopped = self._stopped()
            for pid in list(stopped_since):
                if pid not in stopped:
                    del stopped_since[pid]
            for pid in stopped:
                stopped_since.setdefault(pid, now)
            if any(now - since >= STOPPED_DEADLINE for since in stopped_since.values()):
                self._kill_stopped()
                stopped_since.clear()

    def _workers_now(self) -> list[Any]:
        """The current pool's worker processes (none if its parts cannot be read)."""
        if self._executor is None:
            return []
        from arc._compat import executor_parts

        parts = executor_parts(self._executor)
        return [] if parts is None else parts[1]

    def _stopped(self) -> set[int]:
        """The process ids of the current pool's workers that are stopped now."""
        return {p.pid for p in self._workers_now() if p.pid and _is_stopped(p.pid)}

    def _kill_stopped(self) -> None:
        """SIGKILL every stopped worker (no other signal reaches a stopped process)."""
        for process in self._workers_now():
            if process.pid and _is_stopped(process.pid):
                with contextlib.suppress(OSError):
                    process.kill()

    def _recover(self, pending: deque[_Task]) -> None:
        """A worker died: end the broken pool, hand the items it lost to a fresh one."""
        if self._executor is not None:
            # The executor ends the other workers with SIGTERM and waits for them; a stopped
            # one would never end, so it is killed first.
            self._kill_stopped()
            self._shutdown(kill=False)  # joins its manager thread: every future is settled
            self.restarts += 1
        lost = []
        for task in pending:
            future = task.future
            if future is None:
                continue
            if not future.done() or future.cancelled() or _broken(future.exception()):
                self._live.discard(future)
                task.future = None
                task.lost += 1
                lost.append(task)
        for task in lost:
            self._submit(task)

    @staticmethod
    def _end_gracefully(executor: Any) -> None:
        """Let the workers finish and leave, killing any that is stopped while they do.

        A worker stopped (SIGSTOP, Ctrl-Z) just as the pool closes would never take its
        "leave" message, and the executor would wait for it for ever: the check for stopped
        workers before deciding how to close can miss a stop still on its way. A watcher
        thread kills such a worker while the executor shuts down the usual way.
        """
        from arc._compat import executor_parts

        parts = executor_parts(executor)
        workers = [] if parts is None else parts[1]
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.01):
                for process in workers:
                    if process.pid and _is_stopped(process.pid):
                        with contextlib.suppress(OSError):
                            os.kill(process.pid, signal.SIGKILL)

        watcher = threading.Thread(target=watch, name="arc-stopped-watch", daemon=True)
        watcher.start()
        try:
            executor.shutdown(wait=True)
        finally:
            done.set()
            watcher.join()

    def _shutdown(self, kill: bool) -> None:
        """End the current executor: gracefully, or at once (``kill``) if work is under way."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if not kill:
            self._end_gracefully(executor)
            return
        # ProcessPoolExecutor cannot stop a running call; end its processes ourselves
        # (through arc._compat, which reads the executor's private parts).
        from arc._compat import close_result_pipe, executor_parts

        parts = executor_parts(executor)
        if parts is None:  # the plain way: cancel what waits, let the running calls end
            executor.shutdown(wait=True, cancel_futures=True)
            return
        thread, workers, results = parts
        executor.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()  # SIGTERM: a worker ends at once (see _start_worker)
            with contextlib.suppress(OSError):
                os.kill(process.pid, signal.SIGCONT)  # a stopped worker wakes to its SIGTERM
        for process in workers:
            process.join(timeout=5)
            if process.exitcode is None:  # still alive (stopped again, say): SIGKILL
                with contextlib.suppress(OSError):
                    process.kill()
                process.join()
        # With every worker gone, closing our end of the result pipe turns a result cut
        # short into an end of file, so the executor's thread cannot wait for it forever.
        if results is not None:
            close_result_pipe(results)
        if thread is not None:
            thread.join(timeout=10)


def _is_stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped (state ``T`` in Linux's /proc; False elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] == b"T"
    except (OSError, IndexError):
        return False


def _broken(error: BaseException | None) -> bool:
    """Whether a future's error says its worker died (the item was lost, not failed)."""
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(error, BrokenProcessPool)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C, SIGTERM and SIGHUP while workers are forked.

    So none can reach a worker before :func:`_start_worker` has set its handlers (it would
    print a traceback there, or run the caller's handler in the worker).
    """
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_worker(func: Callable[[Any], Any], parent: int) -> None:
    """In a new worker: keep ``func``, set the signals, and die with the parent."""
    global _worker_func
    _worker_func = func
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    for signum in _SIGNALS - {signal.SIGINT}:
        signal.signal(signum, signal.SIG_DFL)  # terminate() ends the worker quietly
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            # prctl(PR_SET_PDEATHSIG, SIGKILL): the kernel ends this worker if the parent
            # dies, even by SIGKILL, which no handler of the parent's can see.
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def _work(item: Any) -> tuple[Any, list[tuple[str, type[Warning]]]]:
    """In a worker: ``func(item)`` and the warnings it issued, to be issued again by the caller."""
    assert _worker_func is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = _worker_func(item)
    return result, [(str(w.message), w.category) for w in caught]
