"""Running the command: one line on stderr and an exit status for every way it can fail.

This is the one place that catches :class:`arc.errors.ArcError` (and Ctrl-C, SIGTERM, a
closed standard output, running out of memory) and turns it into one ``arc: ...`` line,
never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import sys
import warnings
from collections.abc import Sequence

from arc.cli.files import reason, say, silence_stdout, written
from arc.cli.parser import build_parser
from arc.errors import ArcError, ArcWarning, OutputError

__all__ = ["Terminated", "main", "out_of_memory", "stopped"]


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing any temporary file) and exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The signals the command catches: each is recorded, then raised as an exception.
_CAUGHT = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))
#: The signals received while the command ran. Python drops an exception raised where it
#: cannot propagate (in a ``__del__``, printing "Exception ignored"); the record is kept, so
#: a command that runs on after such a signal still ends as stopped, not with status 0.
_received: list[int] = []


def _on_signal(signum: int, frame: object) -> None:
    _received.append(signum)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def stopped(signum: int) -> int:
    """The line and status of a command stopped by ``signum``, saying what it had written."""
    name = signal.Signals(signum).name
    what = "arc: interrupted" if signum == signal.SIGINT else f"arc: stopped by {name}"
    done = written()
    if done:
        paths = ", ".join(str(path) for path in done)
        return _fail(f"{what} after writing {paths}", 128 + signum)
    if signum == signal.SIGINT:
        return _fail(what, 130)
    return _fail(f"{what}; nothing was written", 128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arc`` command; returns the exit status.

    Every way the command can fail ends in one ``arc: ...`` line on standard error and a
    non-zero status, never a traceback: bad input or output (``ArcError``), Ctrl-C, SIGTERM
    or SIGHUP (nothing half-written is left), a closed or full standard output, and memory
    running out (``MemoryError``, pyarrow's ``ArrowMemoryError`` among them: exit status 1,
    with what to try to use less). A signal received is never lost: one whose exception
    Python dropped still ends the command with its status.
    """
    _received.clear()
    written(forget=True)
    for signum in _CAUGHT:
        signal.signal(signum, _on_signal)
    status = _command(argv)
    if status == 0 and _received:
        return stopped(_received[0])
    return status


def _command(argv: Sequence[str] | None) -> int:
    """:func:`main` once its signals are caught: the command, every failure one line."""
    args: argparse.Namespace | None = None
    try:
        args = _parse(argv)
        if sys.stdout is None or sys.stdout.closed:
            raise OutputError("standard output is closed; arc prints its results there")
        caught: list[warnings.WarningMessage] = []
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ArcWarning)
                args.func(args)
                _flush_stdout()
        finally:
            _report(caught)  # outside the recording, so other warnings go to Python's handler
    except ArcError as exc:
        return _fail(f"arc: error: {exc}", exc.exit_status)
    except KeyboardInterrupt:
        return stopped(signal.SIGINT)
    except Terminated as exc:
        return stopped(exc.signum)
    except BrokenPipeError:
        silence_stdout()
        return 0
    except MemoryError as exc:
        return _fail(out_of_memory(args, exc), 1)
    except Exception as exc:
        # Ctrl-C or a signal during an import can surface wrapped in another error (Python
        # wraps one raised while a class is being made in a RuntimeError): still one line.
        cause = _cause(exc, (KeyboardInterrupt, Terminated))
        if isinstance(cause, Terminated):
            return stopped(cause.signum)
        if cause is not None:
            return stopped(signal.SIGINT)
        if _received:  # a signal turned into another error with no trace of it (numpy's C
            return stopped(_received[0])  # import: "numpy.core.multiarray failed to import")
        memory = _cause(exc, (MemoryError,))
        if memory is not None or _is_memory_failure(exc):
            return _fail(out_of_memory(args, memory or exc), 1)
        raise
    return 0


#: Commands whose rows are sentences unless ``--unit`` says otherwise, so fewer rows help.
_ROW_COMMANDS = ("score", "plot", "turns", "shape")

#: What the dynamic loader says when it cannot map a library into memory (glibc's words).
_MAP_FAILURES = ("failed to map segment from shared object", "cannot allocate memory")


def out_of_memory(args: argparse.Namespace | None, exc: BaseException) -> str:
    """The one line for memory that ran out: what ran out, in which command, how to use less.

    Examples
    --------
    >>> ns = argparse.Namespace(command="score", path="big.txt", unit="sentence", max_size=64)
    >>> print(out_of_memory(ns, MemoryError()))  # doctest: +NORMALIZE_WHITESPACE
    arc: error: out of memory while running arc score on big.txt; try --unit paragraph or
    --bins 100 (fewer rows), or a shorter text (a smaller --max-size refuses a longer one
    unread)
    """
    what = "out of memory"
    if type(exc).__module__.startswith("pyarrow"):
        what = "out of memory in pyarrow (Arrow's memory pool)"
    if args is None:
        return f"arc: error: {what}; close other programs or give arc more memory"
    command = getattr(args, "command", None)
    paths = [getattr(args, "path", None), *(getattr(args, "paths", None) or ())]
    named = ["standard input" if p == "-" else str(p) for p in paths if p]
    where = f" on {', '.join(named)}" if named else ""
    if len(named) > 3:
        where = f" on {len(named)} texts"
    hints = []
    # ``arc score`` is by paragraph unless told; the others by sentence for a book.
    sentences = ("sentence",) if command == "score" else (None, "sentence")
    if command in _ROW_COMMANDS and getattr(args, "unit", "") in sentences:
        hints.append("--unit paragraph or --bins 100 (fewer rows)")
    if getattr(args, "dpi", 0) > 150 and getattr(args, "output", None):
        hints.append("a lower --dpi")
    if hasattr(args, "max_size"):
        hints.append("a shorter text (a smaller --max-size refuses a longer one unread)")
    tail = ", or ".join(hints) if hints else "close other programs or give arc more memory"
    return f"arc: error: {what} while running arc {command}{where}; try {tail}"


def _is_memory_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is a library that could not be loaded for want of memory."""
    message = str(exc).lower()
    return isinstance(exc, ImportError) and any(m in message for m in _MAP_FAILURES)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed arguments; ``--help`` and ``--version`` printed so that a failure is said.

    argparse ignores an error writing its help (a full standard output) and exits 0; its
    text is caught here and printed by :func:`arc.cli.files.say`, which says it.
    """
    text = io.StringIO()
    try:
        with contextlib.redirect_stdout(text):
            return build_parser().parse_args(argv)
    except SystemExit:
        if text.getvalue():
            say(text.getvalue(), end="")
            _flush_stdout()
        raise


def _cause(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    """The first exception of ``kinds`` in the chain of causes of ``exc``, if any."""
    seen = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _flush_stdout() -> None:
    """Flush what the command printed, so a full or closed stdout is reported, not ignored."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        silence_stdout()
        raise OutputError(f"cannot write to standard output: {reason(exc)}") from None


def _fail(message: str, status: int) -> int:
    """Print the one line of a failure (if stderr is open) and return the exit status."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr)
    return status


def _report(caught: list[warnings.WarningMessage]) -> None:
    """Print arc's warnings once each; hand any other warning back to Python's machinery."""
    seen = set()
    for w in caught:
        if issubclass(w.category, ArcWarning):
            if str(w.message) not in seen:
                seen.add(str(w.message))
                print(f"arc: warning: {w.message}", file=sys.stderr)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
