"""Both cores for long texts: a text's paragraphs cut into ranges, one range per process.

Splitting a paragraph into sentences and scoring them depends on that paragraph alone, so
the paragraphs can be cut into contiguous ranges, each range done in its own process, and
the results put back in order: the output is the one of a single process, value for value.
The calling process does the first range itself while forked children do the others; only
their results travel back, pickled through a pipe.

Processes are used only where they pay and are safe:

- a text shorter than :data:`MIN_CHARS` characters is done in one process (starting a
  process and sending its results back costs more than a second core saves);
- only with the ``fork`` start method (Linux and other Unixes; not Windows, where a child
  would re-import everything), and only when the calling process runs no other Python
  thread: forking a threaded process (a Jupyter kernel, a web server) can deadlock the
  child, so such a process does the work itself;
- a child that fails in any way (it cannot be started, it dies, its work raises) is not
  trusted: the caller does that range itself, so an error is raised where one process
  would raise it, and a result is never lost.

Warnings a child issues are recorded there and issued again by the caller, in order.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["MIN_CHARS", "cpu_count", "ranges", "run", "workers_for"]

#: Texts shorter than this many characters are done in one process. Measured on a 2-core
#: machine (sentence frames, medians of 5): The Gift of the Magi, 30,000 characters, 15 ms
#: in one process and 22 ms in two; Alice, 144,000, 80 ms and 63 ms; Frankenstein,
#: 438,000, 202 ms and 127 ms. Two processes start to pay at about 70,000 characters.
MIN_CHARS = 100_000

T = TypeVar("T")
#: The signals held back while a child is forked.
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def cpu_count() -> int:
    """The number of CPUs this process may run on (its affinity, where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _can_fork() -> bool:
    """Whether forking is available and safe here: the ``fork`` method, no other thread."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def workers_for(chars: int, workers: int | None = None) -> int:
    """How many processes to use on a text of ``chars`` characters.

    ``workers=None`` decides: one process for a text shorter than :data:`MIN_CHARS`, or
    where forking is unavailable or unsafe; otherwise one per CPU. A number asks for that
    many (at least 1), still only where forking is possible.

    Examples
    --------
    >>> workers_for(1_000)
    1
    >>> workers_for(10**7, workers=1)
    1
    """
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ValueError(f"workers must be a positive whole number or None, not {workers!r}")
        return workers if workers > 1 and _can_fork() else 1
    if chars < MIN_CHARS or not _can_fork():
        return 1
    return cpu_count()


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
    """``[work(lo, hi) for lo, hi in spans]``, the first span here, the others in children.

    ``work`` must depend only on its range and on data that existed before the call (a
    forked child sees the caller's memory as it was), and return something picklable.
    """
    if len(spans) < 2:
        return [work(lo, hi) for lo, hi in spans]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    children: list[tuple[Any, Any]] = []
    try:
        for lo, hi in spans[1:]:
            children.append(_start(context, work, lo, hi))
        results = [work(*spans[0])]
        for (lo, hi), (process, receive) in zip(spans[1:], children, strict=True):
            results.append(_collect(process, receive, work, lo, hi))
        return results
    finally:
        for process, receive in children:
            if process is not None and process.is_alive():
                process.terminate()
            if process is not None:
                process.join()
            if receive is not None:
                receive.close()


def _start(context: Any, work: Callable[[int, int], Any], lo: int, hi: int) -> tuple[Any, Any]:
    """Fork a child that does ``work(lo, hi)``; ``(None, None)`` if it cannot be started."""
    try:
        receive, send = context.Pipe(duplex=False)
    except OSError:
        return None, None
    process = context.Process(target=_child, args=(work, lo, hi, send), daemon=True)
    # Ctrl-C and SIGTERM are held back while forking, so none can reach the child before it
    # has set its own handlers (which would print a traceback from the child).
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns when it forks a process with more than one OS thread. Only
            # one Python thread runs here (see _can_fork); the others are idle native pools
            # (numpy's BLAS), which the child never calls.
            warnings.filterwarnings(
                "ignore", "This process .* is multi-threaded", DeprecationWarning
            )
            process.start()
    except OSError:
        receive.close()
        send.close()
        return None, None
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    send.close()
    return process, receive


def _child(work: Callable[[int, int], Any], lo: int, hi: int, send: Any) -> None:
    """In the child: do the work, send ``(True, result, warnings)`` or ``(False, ...)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # terminate() ends the child quietly
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = work(lo, hi)
        send.send((True, result, [(str(w.message), w.category) for w in caught]))
    except BaseException:  # the caller does the range again and raises what it raises
        with contextlib.suppress(BaseException):
            send.send((False, None, []))
    finally:
        send.close()


def _collect(process: Any, receive: Any, work: Callable[[int, int], T], lo: int, hi: int) -> T:
    """The child's result, its warnings issued again here; the work done here on failure."""
    if process is not None:
        try:
            ok, result, caught = receive.recv()
        except (EOFError, OSError):
            ok = False
        if ok:
            for message, category in caught:
                warnings.warn(message, category, stacklevel=3)
            return result  # type: ignore[no-any-return]
    return work(lo, hi)
