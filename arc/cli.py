"""The ``arc`` command: parse arguments, call the library, write files.

This is the one place that catches :class:`arc.errors.ArcError` and turns it into one line on
stderr and an exit status. Heavy imports (pandas, matplotlib, nltk) happen inside the
commands, so ``arc --help`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from arc import __version__
from arc.errors import ArcError, MissingDependencyError, OutputError

PLOT_FORMATS = (".png", ".svg", ".pdf")
SCORE_FORMATS = (".csv", ".json", ".parquet")


class _Parser(argparse.ArgumentParser):
    """argparse with arc's usage errors: the usage line, one message line, exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"arc: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``arc`` and its commands."""
    parser = _Parser(
        prog="arc",
        description="arc: see a story's emotional trajectory, paragraph by paragraph.",
        epilog="Run 'arc COMMAND --help' for a command's options. With no PATH, arc uses "
        'its embedded vignette "Final Goodbyes".',
    )
    parser.add_argument("--version", action="version", version=f"arc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    plot = commands.add_parser(
        "plot",
        help="draw a story's sentiment arc to PNG, SVG or PDF",
        description=_doc(cmd_plot),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_source(plot)
    plot.add_argument("-o", "--output", metavar="OUT",
                      help="chart file, .png/.svg/.pdf (default: output/<name>.png)")  # fmt: skip
    plot.add_argument("--title", help="chart title (default: the detected title)")
    plot.add_argument("--dpi", type=_positive_int, default=150,
                      help="resolution of a PNG (default: 150)")  # fmt: skip
    plot.add_argument("--all", dest="include_paratext", action="store_true",
                      help="also plot notes, title and end markers")  # fmt: skip
    plot.set_defaults(func=cmd_plot)

    score = commands.add_parser(
        "score",
        help="write the scores table as CSV, JSON or Parquet",
        description=_doc(cmd_score),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_source(score)
    score.add_argument("-o", "--output", metavar="OUT",
                       help="table file, .csv/.json/.parquet (default: CSV to stdout)")  # fmt: skip
    score.add_argument("--unit", choices=("paragraph", "sentence"), default="paragraph",
                       help="one row per paragraph (default) or per sentence")  # fmt: skip
    score.set_defaults(func=cmd_score)
    return parser


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH",
                        help="text file to read, or - for standard input "
                        "(default: the embedded vignette)")  # fmt: skip
    parser.add_argument("--encoding", help="force the file's encoding (default: detect it)")


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def _doc(func: object) -> str:
    return (getattr(func, "__doc__", None) or "").strip()


def _output_path(requested: str | None, name: str | None, formats: tuple[str, ...]) -> Path:
    """The output path: as requested (its suffix checked) or ``output/<name>.png``."""
    if requested is None:
        out = Path("output") / f"{name or 'arc'}.png"
        out.parent.mkdir(exist_ok=True)
        return out
    out = Path(requested)
    if out.is_dir():
        raise OutputError(f"cannot write {out}: it is a directory; give a file name")
    if out.suffix.lower() not in formats:
        raise OutputError(
            f"cannot write {out}: unknown format {out.suffix or '(none)'}; "
            f"use one of {', '.join(formats)}"
        )
    return out


def cmd_plot(args: argparse.Namespace) -> None:
    """Draw a story's sentiment arc and print the path written.

    Example:
        arc plot                      # the vignette, to output/final_goodbyes.png
        arc plot story.txt -o story.svg --title "My Story"

    """
    from arc.document import load

    doc = load(args.path, args.encoding)
    out = _output_path(args.output, doc.name, PLOT_FORMATS)
    from arc.frame import frame
    from arc.render import render_arc

    df = frame(doc)
    render_arc(df, out, title=args.title, dpi=args.dpi, include_paratext=args.include_paratext)
    print(out)


def cmd_score(args: argparse.Namespace) -> None:
    """Score a story and write one row per paragraph (or sentence).

    Example:
        arc score                     # the vignette, CSV to standard output
        arc score story.txt --unit sentence -o story.json

    """
    from arc.document import load

    doc = load(args.path, args.encoding)
    out = None if args.output is None else _output_path(args.output, doc.name, SCORE_FORMATS)
    from arc.export import write_table
    from arc.frame import frame

    df = frame(doc, args.unit)
    if out is None:
        sys.stdout.write(write_table(df, None))
    else:
        write_table(df, out)
        print(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arc`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except ArcError as exc:
        print(f"arc: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("arc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 0


__all__ = ["MissingDependencyError", "build_parser", "main"]
