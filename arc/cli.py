"""The ``arc`` command: parse arguments, call the library, write files.

This is the one place that catches :class:`arc.errors.ArcError` and turns it into one line on
stderr and an exit status. Heavy imports (pandas, matplotlib, nltk) happen inside the
commands, so ``arc --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from arc import __version__
from arc.analysis.smoothers import SMOOTHERS, check_span
from arc.analysis.units import UNITS
from arc.errors import ArcError, ArcWarning, EmptyInputError, InputError, OutputError
from arc.text.examples import EXAMPLES

if TYPE_CHECKING:
    from arc.text.document import Document

#: ``--smooth`` choices: every declared smoother, and ``all`` to compare them.
SMOOTH_CHOICES = (*SMOOTHERS, "all")
#: A 10 x 5.6 inch chart at 1200 dpi is already 12,000 pixels wide; below 20 text has no size.
MAX_DPI = 1200
MIN_DPI = 20
#: The most input arc reads, in megabytes, unless --max-size says otherwise (War and Peace
#: is 3.2 MB): a guard against endless or mistaken input such as /dev/zero.
MAX_SIZE_MB = 64

PLOT_FORMATS = (".png", ".svg", ".pdf")
SCORE_FORMATS = (".csv", ".json", ".parquet")


class UsageError(ArcError):
    """Options that do not go together: reported like argparse's own usage errors."""

    exit_status = 2


class _Parser(argparse.ArgumentParser):
    """argparse with arc's usage errors: the usage line, one message line, exit status 2."""

    def error(self, message: str) -> NoReturn:
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

    plot = _command(commands, cmd_plot, "draw a story's sentiment arc to PNG, SVG or PDF")
    _add_source(plot)
    _add_output(plot, "chart file, .png/.svg/.pdf (default: output/<name>.png)")
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
        help="leave out the bootstrap band around the arc",
    )
    plot.add_argument(
        "--no-null",
        dest="null",
        action="store_false",
        help="leave out the word-salad envelope (where a shuffled text would lie)",
    )
    plot.add_argument(
        "--smooth-check",
        action="store_true",
        help="draw the arc under several spans of the smoother (dct: several "
        "low_pass_size values) and mark the turning points that survive them "
        "all, instead of the usual chart",
    )
    _add_scorers(plot)
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

    compare = _command(
        commands, cmd_compare, "overlay several texts' smoothed arcs on one 0-100%% axis"
    )
    compare.add_argument("paths", nargs="*", metavar="PATH", help="text files to compare")
    compare.add_argument(
        "--example",
        dest="examples",
        action="append",
        default=[],
        choices=tuple(EXAMPLES),
        metavar="NAME",
        help=f"also compare an example text that ships with arc "
        f"(repeatable): {', '.join(EXAMPLES)}",
    )
    compare.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_max_size(compare)
    _add_output(compare, "chart file, .png/.svg/.pdf (default: output/compare.png)")
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
    compare.add_argument(
        "--no-scale",
        dest="scale",
        action="store_false",
        help="keep compound units, do not scale each arc to -1..+1",
    )
    _add_scorers(compare)
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
        "of narrative time (0-33%%) or chapter:LABEL (default: the whole "
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
        type=_positive_int,
        metavar="N",
        help="words to show (default: 10 up and 10 down in the table, 20 on a chart)",
    )
    _add_output(
        explain,
        "a word-shift chart (.png/.svg/.pdf: --segment against the whole "
        "story, --between A B, or by default the first third against the last), or "
        "the table (.csv/.json/.parquet); default: a text table on standard output",
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
    shape.add_argument(
        "--example",
        dest="examples",
        action="append",
        default=[],
        choices=tuple(EXAMPLES),
        metavar="NAME",
        help=f"also an example text that ships with arc (repeatable): {', '.join(EXAMPLES)}",
    )
    shape.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_max_size(shape)
    _add_smoothing(shape)
    _add_output(shape, "the table, .csv/.json/.parquet (default: a text table on standard output)")

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
        nargs=2,
        type=float,
        metavar=("LO", "HI"),
        help="the lowest and highest possible rating in FILE (default: "
        "the lowest and highest it holds)",
    )
    validate.add_argument("--encoding", help="force the files' encoding (default: detect it)")
    _add_output(
        validate,
        "the table, .csv/.json, or a chart, .png/.svg/.pdf (default: a "
        "text table on standard output)",
    )
    return parser


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


def _scorer_options(args: argparse.Namespace) -> dict[str, Any]:
    """The frame options ``--scorer`` asks for: nothing, one scorer, or several."""
    names = getattr(args, "scorer", None)
    if not names:
        return {}
    if len(names) == 1:
        return {"scorer": names[0]}
    return {"scorers": names}


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
        description=_doc(func),
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
        type=_positive_int,
        metavar="WORDS",
        help=f"word-window size (implies --unit window; default {window['window']})",
    )
    parser.add_argument(
        "--step",
        type=_positive_int,
        metavar="WORDS",
        help="word-window step (implies --unit window; default: half the window)",
    )
    parser.add_argument(
        "--bins",
        type=_positive_int,
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
    value = _positive_int(text)
    if not MIN_DPI <= value <= MAX_DPI:
        raise argparse.ArgumentTypeError(f"must be between {MIN_DPI} and {MAX_DPI}, not {text}")
    return value


def _fraction(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be a share of the text between 0 and 1, not {text}")
    return value


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


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_positive_int,
        default=MAX_SIZE_MB,
        metavar="MB",
        help=f"read at most this many megabytes of input (default: {MAX_SIZE_MB})",
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def _doc(func: object) -> str:
    return (getattr(func, "__doc__", None) or "").strip()


def _load(path: str | None, encoding: str | None, max_mb: int) -> Document:
    """Read the command's input: the vignette, standard input ("-") or a file, size-bounded.

    A PATH is always a file, never text to analyse; :func:`arc.text.io.read_bytes` reads only
    regular files and pipes, and no more than ``max_mb`` megabytes of them.
    """
    from arc.text.document import load

    limit = max_mb * 1_000_000
    if path is None:
        return load(None)
    if path == "-":
        return load(_read_stdin(limit, max_mb), encoding, name="stdin")
    return load(Path(path), encoding, max_bytes=limit)


def _read_stdin(limit: int, max_mb: int) -> bytes:
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


def _output_path(
    requested: str | None,
    name: str | None,
    formats: tuple[str, ...],
    inputs: Sequence[str | None] = (),
) -> Path:
    """The output path, checked before any work: its format, its folder, not an input."""
    from arc.text.io import check_output, same_file

    if requested is None:
        out = Path("output") / f"{name or 'arc'}.png"
        if not _is_dir(out.parent) and not os.access(".", os.W_OK | os.X_OK):
            raise OutputError("cannot create the folder output/ here (not writable); pass -o PATH")
    else:
        out = Path(requested)
        if _is_dir(out):
            raise OutputError(f"cannot write {out}: it is a directory; give a file name")
        if out.suffix.lower() not in formats:
            raise OutputError(
                f"cannot write {out}: unknown format {out.suffix or '(none)'}; "
                f"use one of {', '.join(formats)}"
            )
    if requested is not None or _is_dir(out.parent):  # output/ is made when saving
        check_output(out)
    for source in inputs:
        if source not in (None, "-") and same_file(source, out):
            raise OutputError(
                f"refusing to write {out}: it is the input {source}; choose another -o"
            )
    return out


def _use_example(args: argparse.Namespace) -> None:
    """``--example NAME`` reads the example's file, as if its path had been given."""
    if args.example is None:
        return
    if args.path is not None:
        raise UsageError("give a PATH or --example NAME, not both")
    from arc.text.examples import example_path

    args.path = str(example_path(args.example))


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, False for a name the file system refuses (too long, say)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _make_folder(out: Path) -> None:
    """Create the default ``output/`` folder when the chart is ready to be saved."""
    try:
        out.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the folder {out.parent}/ ({exc.strerror}); pass -o PATH"
        ) from None


def _name(path: str | None) -> str:
    """The name a PATH gives its default output file (as its Document records it)."""
    if path is None:
        return "final_goodbyes"
    return "stdin" if path == "-" else Path(path).stem


def cmd_plot(args: argparse.Namespace) -> None:
    """Draw a story's sentiment arc and print the path written.

    A short story gets the story chart: one point per paragraph, the lowest, highest and
    last annotated. A book (chapters, or more than 60 paragraphs) gets sentence scores as
    faint points and a smoothed line, with chapter boundaries; the chart says which.

    Example:
        arc plot                      # the vignette, to output/final_goodbyes.png
        arc plot story.txt -o story.svg --title "My Story"
        arc plot novel.txt --smooth lowess --span 0.3
        arc plot novel.txt --smooth all   # rolling, LOWESS and DCT side by side
        arc plot novel.txt --smooth-check --smooth dct   # which turns survive 3-9 terms
        arc plot novel.txt --scorer vader,afinn,textblob   # the scorers' arcs and agreement
        arc plot novel.txt --emotions     # NRC's eight emotions, one small panel each
    """
    from arc.analysis.view import DEFAULT_SMOOTHER, choose_view

    _use_example(args)
    several = len(args.scorer or ()) > 1
    if (args.emotions or several) and (args.smooth_check or args.smooth == "all"):
        what = "--emotions" if args.emotions else "several scorers"
        raise UsageError(f"{what} draw one smoother; leave out --smooth-check and --smooth all")
    if args.smooth_check:
        if args.smooth == "all":
            raise UsageError(
                "--smooth-check checks one smoother; choose one with --smooth, not all"
            )
        if args.span is not None:
            raise UsageError("--smooth-check chooses the spans itself; leave out --span")
    out = _output_path(args.output, _name(args.path), PLOT_FORMATS, [args.path])
    doc = _load(args.path, args.encoding, args.max_size)
    if not doc.story:
        roles = ", ".join(sorted(set(doc.roles)))
        raise EmptyInputError(
            f"{args.path or 'the text'} has no story paragraphs to plot, only {roles}"
        )
    try:
        words = sum(len(doc.paragraphs[i].text.split()) for i in doc.story)
        smoother = args.smooth or (DEFAULT_SMOOTHER if args.smooth_check else None)
        view = choose_view(
            len(doc.story),
            any(doc.chapters),
            n_words=words,
            unit=args.unit,
            smoother=smoother,
            span=args.span,
            window=args.window,
            step=args.step,
            bins=args.bins,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.include_paratext and view.long:
        warnings.warn(
            "--all applies to the story chart; this long-text chart shows the story",
            ArcWarning,
            stacklevel=1,
        )
    from arc.analysis.frame import frame
    from arc.charts.chart import chart_for
    from arc.charts.render import save_chart
    from arc.text.paratext import STORY_ROLES

    scoring = _scorer_options(args)
    if args.emotions:
        names = list(args.scorer or ["vader"])
        scoring = {"scorers": [*names, *(["nrc"] if "nrc" not in names else [])]}
    df = frame(doc, view.unit, **view.unit_params, **scoring)  # type: ignore[arg-type]
    if args.span is not None and view.smoother is not None and view.smoother in SMOOTHERS:
        n = int(df["role"].isin(STORY_ROLES).sum()) if "role" in df else len(df)
        try:
            check_span(view.smoother, args.span, n, UNITS[view.unit].plural)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if args.emotions or several:
        from arc.charts.scorerchart import emotions_chart, scorers_chart

        build = emotions_chart if args.emotions else scorers_chart
        chart = build(df, str(view.smoother or DEFAULT_SMOOTHER), title=args.title, **view.params)
    elif args.smooth_check:
        from arc.charts.checkchart import smoothcheck_chart

        chart = smoothcheck_chart(df, str(view.smoother), title=args.title)
    else:
        chart = chart_for(
            df,
            smoother=view.smoother,
            title=args.title,
            include_paratext=args.include_paratext,
            band=args.band,
            null=args.null,
            **view.params,
        )
    _make_folder(out)
    save_chart(chart, out, dpi=args.dpi)
    _say(str(out))


def cmd_score(args: argparse.Namespace) -> None:
    """Score a story and write one row per paragraph, sentence, word window or bin.

    Example:
        arc score                     # the vignette, CSV to standard output
        arc score story.txt --unit sentence -o story.json
        arc score novel.txt --bins 100 -o novel.csv
        arc score story.txt --scorer vader,afinn,nrc   # a column per scorer, and ensemble
    """
    _use_example(args)
    out = None
    if args.output is not None:
        out = _output_path(args.output, _name(args.path), SCORE_FORMATS, [args.path])
    unit, params = _unit_options(args, "paragraph")
    doc = _load(args.path, args.encoding, args.max_size)
    from arc.analysis.frame import frame
    from arc.export import write_table

    df = frame(doc, unit, **params, **_scorer_options(args))  # type: ignore[arg-type]
    if out is None:
        # UTF-8 bytes whatever the terminal's locale, so piped output equals a written file.
        data = write_table(df, None).encode("utf-8")
        if sys.stdout is None or sys.stdout.closed:
            raise OutputError("standard output is closed; give -o PATH or leave stdout open")
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            _silence_stdout()
            raise OutputError(f"cannot write to standard output: {_reason(exc)}") from None
    else:
        write_table(df, out)
        _say(str(out))


def cmd_compare(args: argparse.Namespace) -> None:
    """Overlay several texts' smoothed sentence arcs on one 0-100% narrative-time axis.

    Each arc is scaled to -1..+1 by default, so shapes compare whatever the books' lengths
    and overall tone; the legend names each text by its detected title. With several
    scorers (--scorer vader,afinn), each text's arc is their ensemble.

    Example:
        arc compare alice.txt frankenstein.txt -o compare.png
        arc compare a.txt b.txt c.txt --smooth lowess --no-scale
        arc compare a.txt b.txt --scorer vader,afinn   # each text's ensemble arc
    """
    from arc.text.examples import example_path

    args.paths = [*args.paths, *(str(example_path(name)) for name in args.examples)]
    if not args.paths:
        raise UsageError("give at least one PATH or --example NAME to compare")
    span = SMOOTHERS[args.smooth].span
    if args.span is not None and span is None:
        raise UsageError(f"--span sets the window of a smoother; {args.smooth} has none")
    out = _output_path(args.output, "compare", PLOT_FORMATS, args.paths)
    docs = [_load(path, args.encoding, args.max_size) for path in args.paths]
    for path, doc in zip(args.paths, docs, strict=True):
        if not doc.story:
            raise EmptyInputError(f"{path} has no story paragraphs to compare")
    from arc.analysis.comparison import compare
    from arc.analysis.frame import frame
    from arc.charts.chart import compare_chart
    from arc.charts.render import save_chart

    params = {span: args.span} if span and args.span is not None else {}
    scoring = _scorer_options(args)
    data = compare(
        [frame(doc, "sentence", **scoring) for doc in docs],
        method=args.smooth,
        scale=args.scale,
        value="ensemble" if "scorers" in scoring else "compound",
        **params,
    )
    _make_folder(out)
    save_chart(compare_chart(data, title=args.title), out, dpi=args.dpi)
    _say(str(out))


def cmd_explain(args: argparse.Namespace) -> None:
    """Show the words that made a story's score, or a segment's, as VADER computed them.

    Each word's part is its valence after VADER's rules, as a share of its sentence's
    compound, weighted as the arc weighs that sentence: the parts add up to the value shown.
    With --between, or a chart file, a word shift: each word's part in the difference.

    Example:
        arc explain --segment 9            # paragraph 9 of the vignette
        arc explain novel.txt --between 0-33% 67-100%
        arc explain novel.txt --segment chapter:12 -o shift.png
    """
    from arc.analysis.explanation import explain
    from arc.analysis.labels import display_title
    from arc.analysis.wordshift import word_shift
    from arc.report import explanation_lines, shift_lines

    _use_example(args)
    out = None
    if args.output is not None:
        out = _output_path(args.output, _name(args.path), PLOT_FORMATS + SCORE_FORMATS, [args.path])
    doc = _load(args.path, args.encoding, args.max_size)
    unit, params = _unit_options(args, "sentence" if _is_long(doc) else "paragraph")
    from arc.analysis.frame import frame

    sentences = frame(doc, "sentence")
    chart = out is not None and out.suffix.lower() in PLOT_FORMATS
    title = args.title or display_title(sentences)
    a, b = (
        (args.between or (args.segment, None))
        if args.between or not chart or args.segment
        else ("0-33%", "67-100%")
    )
    first = explain(sentences, unit, segment=a, **params)
    if not chart and not args.between:
        if out is None:
            _say("\n".join(explanation_lines(first, top=args.top or 10, title=title)))
        else:
            from arc.export import write_table

            write_table(first, out)
            _say(str(out))
        return
    shift = word_shift(first, explain(sentences, unit, segment=b, **params))
    if out is None:
        _say("\n".join(shift_lines(shift, top=args.top or 10, title=title)))
    elif not chart:
        from arc.export import write_table

        write_table(shift, out)
        _say(str(out))
    else:
        from arc.charts.render import save_chart
        from arc.charts.shiftchart import word_shift_chart

        save_chart(word_shift_chart(shift, top=args.top or 20, title=title), out, dpi=args.dpi)
        _say(str(out))


def cmd_turns(args: argparse.Namespace) -> None:
    """List the peaks and valleys of a story's smoothed arc, with the sentence behind each.

    The arc is the line arc plot draws (for a short story: a rolling mean over its
    paragraphs); a turn counts when it stands out by the prominence the table states.

    Example:
        arc turns                          # the vignette
        arc turns novel.txt --smooth lowess -o turns.csv
    """
    from arc.analysis.labels import display_title
    from arc.analysis.turns import turning_points
    from arc.report import turn_lines

    _use_example(args)
    out = None
    if args.output is not None:
        out = _output_path(args.output, _name(args.path), SCORE_FORMATS, [args.path])
    doc = _load(args.path, args.encoding, args.max_size)
    df, smoother, params = _smoothed_frame(doc, args)
    turns = turning_points(df, smoother, **params)
    if out is None:
        _say("\n".join(turn_lines(turns, title=display_title(df))))
    else:
        from arc.export import write_table

        write_table(turns, out)
        _say(str(out))


def cmd_shape(args: argparse.Namespace) -> None:
    """Name the shape of each text's arc: one of Reagan et al.'s six, or no clear shape.

    The smoothed arc (as arc plot draws it) is correlated with each shape on 0-100%
    narrative time; the best is named when its correlation reaches the threshold.

    Example:
        arc shape                          # the vignette
        arc shape a.txt b.txt --example alice -o shapes.csv
    """
    from arc.analysis.labels import display_title
    from arc.analysis.shapes import shape
    from arc.report import shape_lines
    from arc.text.examples import example_path

    paths: list[str | None] = [*args.paths, *(str(example_path(n)) for n in args.examples)]
    paths = paths or [None]
    out = None
    if args.output is not None:
        out = _output_path(args.output, "shapes", SCORE_FORMATS, paths)
    results = []
    for path in paths:
        df, smoother, params = _smoothed_frame(_load(path, args.encoding, args.max_size), args)
        results.append((display_title(df), path, shape(df, smoother, **params)))
    if out is None:
        _say("\n".join(shape_lines([(title, found) for title, _, found in results])))
        return
    import pandas as pd

    from arc.export import write_table

    table = pd.DataFrame(
        [
            (
                title,
                path or "(vignette)",
                s.name,
                s.nearest,
                s.score,
                s.runner_up,
                s.runner_up_score,
            )
            for title, path, s in results
        ],
        columns=["title", "path", "shape", "nearest", "score", "runner_up", "runner_up_score"],
    )
    write_table(table, out)
    _say(str(out))


def cmd_validate(args: argparse.Namespace) -> None:
    """Measure how well each scorer agrees with people, set by set.

    Pearson and Spearman correlation with the human rating and 3-class macro-F1 (negative,
    neutral, positive) of each scorer. With no FILE: VADER's authors' four human-rated
    sets (tweets, movie-review snippets, Amazon reviews, NYT editorials), each scorer on
    the whole set and, with the ensemble, on the test half the ensemble was not fitted on.
    A FILE is your own sentences, rated by hand on any numeric scale. Human ratings within
    6.25% of the scale's range of its middle are neutral (±0.5 on -4..+4); a scorer's
    values within its neutral band.

    Example:
        arc validate --scorer vader
        arc validate my_ratings.csv --scale 1 7 -o validation.csv
        arc validate -o validation.png
    """
    out = None
    if args.output is not None:
        out = _output_path(args.output, "validation", (".csv", ".json", *PLOT_FORMATS), args.files)
    if args.scale is not None and not args.scale[0] < args.scale[1]:
        raise UsageError("--scale LO HI needs LO below HI")
    if args.scale is not None and not args.files:
        raise UsageError("--scale is the scale of your FILE's ratings; give a FILE")
    scorers = None
    if args.scorers:
        from arc.score.scorers import parse_scorers

        try:
            scorers = parse_scorers(",".join(args.scorers))
        except ValueError as exc:
            raise UsageError(f"--scorer: {exc}") from None
    from arc.score.validation import read_rated, result_lines, validate

    scale = tuple(args.scale) if args.scale else None
    sets = [read_rated(f, scale=scale, encoding=args.encoding) for f in args.files]
    results = validate(sets or None, scorers)
    if out is None:
        _say("\n".join(result_lines(results)))
    elif out.suffix.lower() in PLOT_FORMATS:
        from arc.charts.render import save_chart
        from arc.charts.validationchart import validation_chart

        save_chart(validation_chart(results), out)
        _say(str(out))
    else:
        from arc.export import write_table

        write_table(results, out)
        _say(str(out))


def _unit_options(args: argparse.Namespace, default: str) -> tuple[str, dict[str, Any]]:
    """The unit that --unit/--window/--step/--bins ask for, and its parameters (keywords)."""
    from arc.analysis.units import unit_params

    windowed = args.window or args.step
    unit = args.unit or ("window" if windowed else "bins" if args.bins else default)
    try:
        return unit, unit_params(unit, window=args.window, step=args.step, bins=args.bins)
    except ValueError as exc:
        raise UsageError(f"--unit {unit}: {exc}") from None


def _is_long(doc: Document) -> bool:
    """Whether ``arc plot`` would draw ``doc`` as a long text (sentences, smoothed)."""
    from arc.analysis.view import is_long

    words = sum(len(doc.paragraphs[i].text.split()) for i in doc.story)
    return is_long(len(doc.story), any(doc.chapters), words)


def _smoothed_frame(doc: Document, args: argparse.Namespace) -> tuple[Any, str, dict[str, Any]]:
    """The frame, smoother and parameters of the arc ``arc plot`` draws for ``doc``.

    A short story is smoothed too (a rolling mean over its paragraphs by default).
    """
    from arc.analysis.frame import frame
    from arc.analysis.view import DEFAULT_SMOOTHER, choose_view
    from arc.text.paratext import STORY_ROLES

    if not doc.story:
        raise EmptyInputError(f"{doc.name or 'the text'} has no story paragraphs")
    words = sum(len(doc.paragraphs[i].text.split()) for i in doc.story)
    try:
        view = choose_view(
            len(doc.story),
            any(doc.chapters),
            n_words=words,
            unit=args.unit,
            smoother=args.smooth or DEFAULT_SMOOTHER,
            span=args.span,
            window=args.window,
            step=args.step,
            bins=args.bins,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    df = frame(doc, view.unit, **view.unit_params)  # type: ignore[arg-type]
    if args.span is not None and view.smoother is not None:
        n = int(df["role"].isin(STORY_ROLES).sum()) if "role" in df else len(df)
        try:
            check_span(view.smoother, args.span, n, UNITS[view.unit].plural)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    return df, str(view.smoother), dict(view.params)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing any temporary file) and exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arc`` command; returns the exit status.

    Every way the command can fail ends in one ``arc: ...`` line on standard error and a
    non-zero status, never a traceback: bad input or output (``ArcError``), Ctrl-C, SIGTERM
    or SIGHUP (nothing half-written is left), and a closed or full standard output.
    """
    try:
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                signal.signal(signum, _terminate)
        args = build_parser().parse_args(argv)
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
        return _fail("arc: interrupted", 130)
    except Terminated as exc:
        name = signal.Signals(exc.signum).name
        return _fail(f"arc: stopped by {name}; nothing was written", 128 + exc.signum)
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:
        # Ctrl-C or a signal during an import can surface wrapped in another error (Python
        # wraps one raised while a class is being made in a RuntimeError): still one line.
        cause = _cause(exc, (KeyboardInterrupt, Terminated))
        if isinstance(cause, Terminated):
            name = signal.Signals(cause.signum).name
            return _fail(f"arc: stopped by {name}; nothing was written", 128 + cause.signum)
        if cause is not None:
            return _fail("arc: interrupted", 130)
        raise
    return 0


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
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {_reason(exc)}") from None


def _say(text: str) -> None:
    """Print a result line to standard output, which must be open."""
    if sys.stdout is None or sys.stdout.closed:
        raise OutputError("standard output is closed; give -o PATH or leave stdout open")
    print(text)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush of unwritable output stays quiet."""
    try:
        fd = sys.stdout.fileno() if sys.stdout is not None else 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError):
        pass


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


__all__ = ["Terminated", "build_parser", "main"]
