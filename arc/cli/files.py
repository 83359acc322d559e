"""The command's input and output: paths read bounded and checked before any work, results said."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from arc.cli.options import UsageError
from arc.errors import InputError, OutputError

if TYPE_CHECKING:
    from arc.text.document import Document

__all__ = [
    "is_dir",
    "load_input",
    "make_folder",
    "output_name",
    "output_path",
    "read_stdin",
    "reason",
    "say",
    "silence_stdout",
    "use_example",
    "with_examples",
    "write_stdout",
    "written",
]

#: The outputs the running command checked, each with what stood at its path then.
_outputs: list[tuple[Path, tuple[int, int] | None]] = []


def load_input(path: str | None, encoding: str | None, max_mb: int) -> Document:
    """Read the command's input: the vignette, standard input ("-") or a file, size-bounded.

    A PATH is always a file, never text to analyse; :func:`arc.text.io.read_bytes` reads only
    regular files and pipes, and no more than ``max_mb`` megabytes of them.
    """
    from arc.text.document import load

    limit = max_mb * 1_000_000
    if path is None:
        return load(None)
    if path == "-":
        return load(read_stdin(limit, max_mb), encoding, name="stdin")
    return load(Path(path), encoding, max_bytes=limit)


def read_stdin(limit: int, max_mb: int) -> bytes:
    """Standard input's bytes, at most ``limit`` of them."""
    from arc.text.io import read_at_most

    if sys.stdin is None or sys.stdin.closed:
        raise InputError("standard input is closed; give a PATH or pipe a text into arc")
    try:
        data = read_at_most(sys.stdin.buffer, limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input ({exc})") from None
    if len(data) > limit:
        raise InputError(
            f"standard input is over the {max_mb} MB limit; pass --max-size to read more"
        )
    return data


def output_path(
    requested: str | None,
    name: str | None,
    formats: tuple[str, ...],
    inputs: Sequence[str | None] = (),
) -> Path:
    """The output path, checked before any work: its format, its folder, not an input."""
    from arc.text.io import check_output, same_file

    if requested is None:
        out = Path("output") / f"{name or 'arc'}.png"
        if not is_dir(out.parent) and not os.access(".", os.W_OK | os.X_OK):
            raise OutputError("cannot create the folder output/ here (not writable); pass -o PATH")
    else:
        out = Path(requested)
        if is_dir(out):
            raise OutputError(f"cannot write {out}: it is a directory; give a file name")
        if out.suffix.lower() not in formats:
            raise OutputError(
                f"cannot write {out}: unknown format {out.suffix or '(none)'}; "
                f"use one of {', '.join(formats)}"
            )
    if requested is not None or is_dir(out.parent):  # output/ is made when saving
        check_output(out)
    for source in inputs:
        if source not in (None, "-") and same_file(source, out):
            raise OutputError(
                f"refusing to write {out}: it is the input {source}; choose another -o"
            )
    _outputs.append((out, _identity(out)))
    return out


def written(forget: bool = False) -> list[Path]:
    """The outputs this command has put in place so far (``forget``: start a new command).

    An output is written whole to a temporary file and renamed over its path, so a path
    whose file changed since :func:`output_path` checked it holds the complete output.
    """
    done = [path for path, before in _outputs if _identity(path) not in (None, before)]
    if forget:
        _outputs.clear()
    return done


def _identity(path: Path) -> tuple[int, int] | None:
    """What stands at ``path`` (its inode and modification time), or None if nothing."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_ino, st.st_mtime_ns


def use_example(args: argparse.Namespace) -> None:
    """``--example NAME`` reads the example's file, as if its path had been given."""
    if args.example is None:
        return
    if args.path is not None:
        raise UsageError("give a PATH or --example NAME, not both")
    from arc.text.examples import example_path

    args.path = str(example_path(args.example))


def with_examples(args: argparse.Namespace) -> list[str]:
    """The PATHs given, then the file of each repeatable ``--example NAME``, in order."""
    from arc.text.examples import example_path

    return [*args.paths, *(str(example_path(name)) for name in args.examples)]


def is_dir(path: Path) -> bool:
    """``path.is_dir()``, False for a name the file system refuses (too long, say)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def make_folder(out: Path) -> None:
    """Create the default ``output/`` folder when the chart is ready to be saved."""
    try:
        out.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the folder {out.parent}/ ({exc.strerror}); pass -o PATH"
        ) from None


def output_name(path: str | None) -> str:
    """The name a PATH gives its default output file (as its Document records it)."""
    if path is None:
        return "final_goodbyes"
    return "stdin" if path == "-" else Path(path).stem


def say(text: str, end: str = "\n") -> None:
    """Print a result line to standard output, which must be open and take it."""
    if sys.stdout is None or sys.stdout.closed:
        raise OutputError("standard output is closed; give -o PATH or leave stdout open")
    try:
        print(text, end=end)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # full (ENOSPC), or an I/O error
        silence_stdout()
        raise OutputError(f"cannot write to standard output: {reason(exc)}") from None


def reason(exc: BaseException) -> str:
    """Why an operating-system call failed, in words (``strerror``), else the error."""
    return getattr(exc, "strerror", None) or str(exc)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush of unwritable output stays quiet."""
    try:
        fd = sys.stdout.fileno() if sys.stdout is not None else 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def write_stdout(data: bytes) -> None:
    """Write a result's bytes to standard output as they are, whatever the locale."""
    if sys.stdout is None or sys.stdout.closed:
        raise OutputError("standard output is closed; give -o PATH or leave stdout open")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        silence_stdout()
        raise OutputError(f"cannot write to standard output: {reason(exc)}") from None
