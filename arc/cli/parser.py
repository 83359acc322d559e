"""The ``arc`` command's parser: every option, its help, and which command it runs.

Every choice comes from a declaration (units, smoothers, scorers, examples), so ``--help``
and the library agree; a command's docstring is its help. Pure argparse: building the
parser imports neither pandas nor matplotlib.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from arc._version import __version__
from arc.analysis.smoothers import SMOOTHERS
from arc.analysis.units import UNITS
from arc.cli.commands import (
    cmd_compare,
    cmd_explain,
    cmd_plot,
    cmd_score,
    cmd_shape,
    cmd_turns,
    cmd_validate,
)
from arc.cli.corpus import cmd_corpus
from arc.cli.options import (
    MAX_DPI,
    MAX_SIZE_CEILING_MB,
    MAX_SIZE_MB,
    MAX_TOP,
    MIN_DPI,
    SMOOTH_CHOICES,
)
from arc.text.examples import EXAMPLES

__all__ = ["build_parser", "command_doc"]


#: Where :class:`_Once` notes the options already given, on the namespace while parsing.
_GIVEN = "arc_options_given"


class _Once(argparse.Action):
    """argparse's plain ``store``, except that an option given twice is a usage error.

    argparse keeps the last of ``--example alice --example frankenstein`` without a word;
    arc refuses a repeated single-valued option instead, even with the same value twice.
    Options meant to repeat say so (``action="append"``); flags (``--all``) stay idempotent.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if self.option_strings:
            given: set[str] = namespace.__dict__.setdefault(_GIVEN, set())
            if self.dest in given:  # argparse names the option: "argument --example: ..."
                raise argparse.ArgumentError(self, "given more than once")
            given.add(self.dest)
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    """argparse with arc's usage errors: the usage line, one message line, exit status 2.

    A single-valued option may be given once (:class:`_Once`). An option named in
    ``pairs`` takes two values, ``--scale LO HI``, also when one is a negative number such
    as ``-1e1`` (which argparse alone would take for an option): the two are passed on as
    one value, ``--scale=LO,HI``, which the option's type reads.
    """

    pairs: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", None, _Once)
        self.register("action", "store", _Once)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"arc: error: {message}\n")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.pairs:
            args = _join_pairs(list(sys.argv[1:] if args is None else args), self.pairs)
        parsed, extras = super().parse_known_args(args, namespace)
        parsed.__dict__.pop(_GIVEN, None)
        return parsed, extras


def _join_pairs(args: list[str], options: tuple[str, ...]) -> list[str]:
    """``--opt A B`` as ``--opt=A,B`` for each of ``options``, up to a ``--``.

    A value that is an option's name (``-o``, ``--encoding``) is not joined: the option
    then gets one value and says it needs two.
    """
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return out + args[i:]
        pair = args[i + 1 : i + 3]
        if arg in options and len(pair) == 2 and not any(_is_option_name(v) for v in pair):
            out.append(f"{arg}={pair[0]},{pair[1]}")
            i += 3
        else:
            out.append(arg)
            i += 1
    return out


def _is_option_name(value: str) -> bool:
    """Whether ``value`` is written like an option (``-o``, ``--unit``), not a number."""
    if not value.startswith("-") or value == "-":
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


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

    plot = _command(commands, cmd_plot, "draw a story's sentiment arc to PNG, SVG or PDF")
    _add_source(plot)
    _add_output(
        plot,
        "chart file, .png/.svg/.pdf, or .html for the interactive page (default: "
        "output/<name>.png)",
    )
    plot.add_argument("--title", help="chart title (default: the detected title)")
    plot.add_argument("--dpi", type=_dpi, default=150, help="resolution of a PNG (default: 150)")
    plot.add_argument(
        "--all",
        dest="include_paratext",
        action="store_true",
        help="story chart: also plot notes, title and end markers",
    )
    _add_units(plot, default=None)
    plot.add_argument(
        "--smooth",
        choices=SMOOTH_CHOICES,
        metavar="METHOD",
        help=f"smoothed line: {', '.join(SMOOTHERS)}, or all (every smoother on "
        "one chart); default for a long text: rolling",
    )
    plot.add_argument("--span", type=_fraction, metavar="F", help=_span_help())
    plot.add_argument(
        "--no-band",
        dest="band",
        action="store_false",
        help="leave out the uncertainty (bootstrap) band around the arc",
    )
    plot.add_argument(
        "--no-null",
        dest="null",
        action="store_false",
        help="leave out the chance envelope (where the arc of the same words, shuffled, would lie)",
    )
    plot.add_argument(
        "--smooth-check",
        action="store_true",
        help="draw the arc under several spans of the smoother (dct: several "
        "low_pass_size values) and mark the turning points that survive them "
        "all, instead of the usual chart",
    )
    _add_scorers(plot)
    _add_cache(plot)
    plot.add_argument(
        "--emotions",
        action="store_true",
        help="draw NRC's eight emotions over narrative time, one small panel "
        "each (needs the nrc extra), instead of the usual chart",
    )

    score = _command(commands, cmd_score, "write the scores table as CSV, JSON or Parquet")
    _add_source(score)
    _add_output(score, "table file, .csv/.json/.parquet (default: CSV to stdout)")
    _add_units(score, default=None, default_text="paragraph")
    _add_scorers(score)
    score.add_argument(
        "--no-escape-formulas",
        dest="escape_formulas",
        action="store_false",
        help="write CSV text cells exactly as they are; by default a cell that starts with "
        "=, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet "
        "does not run it as a formula (JSON and Parquet are always exact)",
    )

    compare = _command(
        commands, cmd_compare, "overlay several texts' smoothed arcs on one 0-100%% axis"
    )
    compare.add_argument("paths", nargs="*", metavar="PATH", help="text files to compare")
    _add_examples(compare, "also compare an example text that ships with arc")
    compare.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_max_size(compare)
    _add_output(
        compare,
        "chart file, .png/.svg/.pdf, or .html for the interactive page (default: "
        "output/compare.png)",
    )
    compare.add_argument("--title", help="chart title")
    compare.add_argument("--dpi", type=_dpi, default=150, help="resolution of a PNG (default: 150)")
    compare.add_argument(
        "--smooth",
        choices=tuple(SMOOTHERS),
        default="dct",
        metavar="METHOD",
        help=f"{', '.join(SMOOTHERS)} (default: dct)",
    )
    compare.add_argument("--span", type=_fraction, metavar="F", help=_span_help())
    scaling = compare.add_mutually_exclusive_group()
    scaling.add_argument(
        "--rescale",
        action="store_true",
        help="stretch each arc to its own lowest..highest (-1..+1), so shapes compare rather "
        "than levels; the legend gives each arc's real range (default: every arc in the "
        "scorer's units on one shared scale, with the zero line and the neutral zone)",
    )
    scaling.add_argument(
        "--no-scale",
        dest="no_scale",
        action="store_true",
        help="the default, kept for old scripts: every arc in the scorer's units on one "
        "shared scale (see --rescale)",
    )
    _add_scorers(compare)
    _add_cache(compare)
    explain = _command(
        commands, cmd_explain, "show the words that made a story's or a segment's score"
    )
    _add_source(explain)
    _add_units(explain, default=None)
    which = explain.add_mutually_exclusive_group()
    which.add_argument(
        "--segment",
        metavar="SEG",
        help="explain one part: a unit's index (12), a range (3-7), a stretch "
        "of narrative time (0-33%%; narrower than a unit: the nearest unit) or "
        "chapter:LABEL; a part the text does not have is an error (default: the whole "
        "story)",
    )
    which.add_argument(
        "--between",
        nargs=2,
        metavar=("A", "B"),
        help="word shift: the words that set stretch A above or below B, "
        "e.g. --between 0-33%% 67-100%%",
    )
    explain.add_argument(
        "--top",
        type=_top,
        metavar="N",
        help=f"words to show, at most {MAX_TOP:,} (default: 10 up and 10 down in the table, "
        "20 on a chart)",
    )
    _add_output(
        explain,
        "a word-shift chart (.png/.svg/.pdf: --segment against the whole "
        "story, --between A B, or by default the first third against the last), or "
        "the table (.csv/.json/.parquet); default: a text table on standard output",
    )
    explain.add_argument(
        "--scorer",
        choices=("vader", "valence"),
        default="vader",
        metavar="NAME",
        help="whose score to break into words' parts: vader or valence, arc's own model "
        "(its last row is the intercept and other features), in tables and word shifts "
        "(default: vader)",
    )
    explain.add_argument("--title", help="chart title (default: the detected title)")
    explain.add_argument("--dpi", type=_dpi, default=150, help="resolution of a PNG (default: 150)")

    turns = _command(commands, cmd_turns, "list the peaks and valleys of a story's arc")
    _add_source(turns)
    _add_smoothing(turns)
    _add_output(turns, "the table, .csv/.json/.parquet (default: a text table on standard output)")

    shape = _command(commands, cmd_shape, "name the shape of each text's arc (Reagan's six)")
    shape.add_argument(
        "paths", nargs="*", metavar="PATH", help="text files (default: the embedded vignette)"
    )
    _add_examples(shape, "also an example text that ships with arc")
    shape.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_max_size(shape)
    _add_smoothing(shape)
    _add_output(shape, "the table, .csv/.json/.parquet (default: a text table on standard output)")

    _add_corpus(commands)

    validate = _command(commands, cmd_validate, "how well each scorer agrees with human ratings")
    validate.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="your hand-rated sentences: CSV or TSV with columns text and "
        "rating (default: VADER's four human-rated sets)",
    )
    validate.add_argument(
        "--scorer",
        dest="scorers",
        action="append",
        metavar="NAMES",
        help="scorers to validate, comma-separated or repeated (default: every installed scorer)",
    )
    validate.add_argument(
        "--scale",
        type=_scale,
        metavar="LO HI",
        help="the lowest and highest possible rating in FILE, e.g. --scale 1 7 or "
        "--scale -4 4 (default: the lowest and highest it holds)",
    )
    validate.pairs = ("--scale",)
    validate.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_max_size(validate)
    _add_output(
        validate,
        "the table, .csv/.json, or a chart, .png/.svg/.pdf (default: a "
        "text table on standard output)",
    )
    return parser


def _add_corpus(commands: Any) -> None:
    """``arc corpus``'s options."""
    corpus = _command(commands, cmd_corpus, "analyse a whole corpus into tables, on every core")
    corpus.add_argument(
        "paths", nargs="*", metavar="PATH", help="text files, folders (their .txt files) or globs"
    )
    _add_examples(corpus, "also take an example text that ships with arc")
    corpus.add_argument(
        "-o",
        "--output",
        default="output/corpus",
        metavar="OUTDIR",
        help="folder for the tables and the overview chart (default: output/corpus)",
    )
    corpus.add_argument(
        "--format", choices=("parquet", "csv"), default="parquet", help="table format"
    )
    where = corpus.add_mutually_exclusive_group()
    where.add_argument(
        "--jobs",
        type=_whole("--jobs", "processes"),
        metavar="N",
        help="local processes (default: one per core)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS (needs the dask extra)",
    )
    corpus.add_argument(
        "--smooth",
        choices=tuple(SMOOTHERS),
        default="rolling",
        metavar="METHOD",
        help=f"smoother of every arc: {', '.join(SMOOTHERS)} (default: rolling)",
    )
    corpus.add_argument(
        "--grid",
        type=_whole("--grid", "points"),
        default=100,
        metavar="N",
        help="points of the common narrative-time grid (default: 100)",
    )
    corpus.add_argument(
        "--scorer",
        choices=tuple(_scorer_names()),
        default="vader",
        metavar="NAME",
        help=f"scorer: {', '.join(_scorer_names())} (default: vader)",
    )
    corpus.add_argument("--encoding", help="force the files' encoding (default: detect each)")
    _add_max_size(corpus)
    _add_cache(corpus)
    corpus.add_argument(
        "--no-chart", dest="chart", action="store_false", help="do not draw overview.png"
    )


def _scorer_names() -> list[str]:
    from arc.score.scorers import SCORERS

    return list(SCORERS)


def _add_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="neither read nor keep scored texts in arc's cache (default: the user's cache "
        "folder, or $ARC_CACHE_DIR; ARC_CACHE_DIR=off turns it off for good)",
    )


def _add_scorers(parser: argparse.ArgumentParser) -> None:
    """``--scorer vader,afinn,...``: the scorers to read the text with (a comma list)."""
    from arc.score.scorers import SCORERS

    parser.add_argument(
        "--scorer",
        type=_scorer_list,
        metavar="NAMES",
        help=f"scorer, or several as a comma list: {', '.join(SCORERS)} "
        "(default: vader; several: one column each and their ensemble)",
    )


def _scorer_list(text: str) -> list[str]:
    """A comma list of known scorer names (argparse type): a usage error otherwise."""
    from arc.score.scorers import parse_scorers

    try:
        return parse_scorers(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_smoothing(parser: argparse.ArgumentParser) -> None:
    """Units, ``--smooth`` and ``--span``: the options of an arc smoothed as plotted."""
    _add_units(parser, default=None)
    parser.add_argument(
        "--smooth",
        choices=tuple(SMOOTHERS),
        metavar="METHOD",
        help=f"smoother: {', '.join(SMOOTHERS)} (default: rolling)",
    )
    parser.add_argument("--span", type=_fraction, metavar="F", help=_span_help())


def _command(commands: Any, func: Callable[[argparse.Namespace], None], text: str) -> Any:
    """A sub-command named after ``cmd_<name>``, whose docstring is its ``--help``."""
    parser = commands.add_parser(
        func.__name__.removeprefix("cmd_"),
        help=text,
        description=command_doc(func),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    return parser


def _add_output(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help=text)


def _add_units(
    parser: argparse.ArgumentParser,
    default: str | None,
    default_text: str = "paragraph for a short story, sentence for a book",
) -> None:
    units = "; ".join(f"{u.name}: {u.help}" for u in UNITS.values())
    parser.add_argument(
        "--unit",
        choices=tuple(UNITS),
        default=default,
        help=f"rows/points ({units}); default: {default_text}",
    )
    window, bins = UNITS["window"].params, UNITS["bins"].params
    parser.add_argument(
        "--window",
        type=_whole("--window", "words"),
        metavar="WORDS",
        help=f"word-window size (implies --unit window; default {window['window']})",
    )
    parser.add_argument(
        "--step",
        type=_whole("--step", "words"),
        metavar="WORDS",
        help="word-window step (implies --unit window; default: half the window)",
    )
    parser.add_argument(
        "--bins",
        type=_whole("--bins", "bins"),
        metavar="N",
        help=f"percentage bins (implies --unit bins; default {bins['bins']})",
    )


def _span_help() -> str:
    """What ``--span`` sets, per smoother, from their declarations."""
    spans = ", ".join(
        f"{s.name} {s.span} {s.defaults[s.span]:g}" for s in SMOOTHERS.values() if s.span
    )
    return f"smoother window as a share of the text, e.g. 0.1 ({spans}; not for dct)"


def _dpi(text: str) -> int:
    """``--dpi``: a whole number of dots per inch from :data:`MIN_DPI` to :data:`MAX_DPI`."""
    value = _whole_number(text)
    if value is None or not MIN_DPI <= value <= MAX_DPI:
        raise argparse.ArgumentTypeError(
            f"takes a whole number of dots per inch between {MIN_DPI} and {MAX_DPI}, not {text!r}"
        )
    return value


def _fraction(text: str) -> float:
    """``--span``: a share of the text, above 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(
            f"takes a share of the text between 0 and 1, such as 0.1, not {text!r}"
        )
    return value


def _scale(text: str) -> tuple[float, float]:
    """``--scale LO HI`` (joined as ``LO,HI`` by :func:`_join_pairs`): two finite numbers."""
    parts = text.split(",")
    try:
        lo, hi = (float(part) for part in parts)
    except ValueError:
        lo = hi = math.nan
    if not (math.isfinite(lo) and math.isfinite(hi)):
        shown = " ".join(repr(part) for part in parts)
        raise argparse.ArgumentTypeError(
            f"takes two numbers, the lowest and highest rating (--scale 1 7, or "
            f"--scale -4 4), not {shown}"
        )
    return lo, hi


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="text file to read, or - for standard input (default: the embedded vignette)",
    )
    parser.add_argument(
        "--example",
        choices=tuple(EXAMPLES),
        metavar="NAME",
        help=f"read an example text that ships with arc instead of PATH: {', '.join(EXAMPLES)}",
    )
    parser.add_argument("--encoding", help="force the file's encoding (default: detect it)")
    _add_max_size(parser)


def _add_examples(parser: argparse.ArgumentParser, help_text: str) -> None:
    """The repeatable ``--example NAME`` of a command that takes several texts.

    ``help_text`` says what the command does with one; the names follow it.
    """
    parser.add_argument(
        "--example",
        dest="examples",
        action="append",
        default=[],
        choices=tuple(EXAMPLES),
        metavar="NAME",
        help=f"{help_text} (repeatable): {', '.join(EXAMPLES)}",
    )


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_max_size,
        default=MAX_SIZE_MB,
        metavar="MB",
        help=f"read at most this many megabytes of input (default: {MAX_SIZE_MB}; "
        f"at most {MAX_SIZE_CEILING_MB:,})",
    )


def _max_size(text: str) -> int:
    """``--max-size``: whole megabytes, 1 to :data:`MAX_SIZE_CEILING_MB`."""
    value = _whole_number(text)
    if value is None or value <= 0:
        raise argparse.ArgumentTypeError(
            f"takes a whole number of megabytes, such as {MAX_SIZE_MB}, not {text!r}"
        )
    if value > MAX_SIZE_CEILING_MB:
        raise argparse.ArgumentTypeError(
            f"is at most {MAX_SIZE_CEILING_MB:,} megabytes (arc holds several times its "
            f"input in memory), not {text}"
        )
    return value


def _top(text: str) -> int:
    """``--top``: a whole number of words, 1 to :data:`MAX_TOP`."""
    value = _whole("--top", "words")(text)
    if value > MAX_TOP:
        raise argparse.ArgumentTypeError(
            f"shows at most {MAX_TOP:,} words (a chart of more could not be read), not {text}"
        )
    return value


def _whole(option: str, what: str) -> Callable[[str], int]:
    """The argparse type of ``option``: a positive whole number of ``what``."""

    def positive(text: str) -> int:
        value = _whole_number(text)
        if value is None or value <= 0:
            raise argparse.ArgumentTypeError(
                f"takes a positive whole number of {what}, not {text!r}"
            )
        return value

    positive.__name__ = option
    return positive


def _whole_number(text: str) -> int | None:
    """``text`` as an int (``12``, ``+12``, ``1_000``), or None if it is not a whole number."""
    try:
        return int(text)
    except ValueError:
        return None


def command_doc(func: object) -> str:
    return (getattr(func, "__doc__", None) or "").strip()
