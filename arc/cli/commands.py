"""The ``arc`` commands: each parses nothing and computes nothing, it calls the library and says.

A command's docstring is its ``--help``. Heavy imports (pandas, matplotlib, nltk) happen
inside the commands, so ``arc --help`` answers at once.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.analysis.smoothers import SMOOTHERS
from arc.cli.files import (
    load_input,
    make_folder,
    output_name,
    output_path,
    say,
    use_example,
    with_examples,
    write_stdout,
)
from arc.cli.options import PAGE_FORMATS, PLOT_FORMATS, SCORE_FORMATS, UsageError
from arc.errors import ArcWarning, EmptyInputError, TooShortError
from arc.parallel import EVERY_CPU

if TYPE_CHECKING:
    from arc.cache import Cache
    from arc.text.document import Document

__all__ = [
    "cmd_compare",
    "cmd_explain",
    "cmd_plot",
    "cmd_score",
    "cmd_shape",
    "cmd_turns",
    "cmd_validate",
    "scorer_options",
]


def cmd_plot(args: argparse.Namespace) -> None:
    """Draw a story's sentiment arc and print the path written.

    A short story gets the story chart: one point per paragraph, the lowest, highest and
    last annotated. A book (chapters, or more than 60 paragraphs) gets sentence scores as
    faint points and a smoothed line, with chapter boundaries; the chart says which.

    Example:
        arc plot                      # the vignette, to output/final_goodbyes.png
        arc plot story.txt -o story.svg --title "My Story"
        arc plot story.txt -o story.html  # the interactive page: hover, click, read
        arc plot novel.txt --smooth lowess --span 0.3
        arc plot novel.txt --smooth all   # every smoother on one panel, one scale
        arc plot novel.txt --smooth-check --smooth dct   # which turns survive 3-9 terms
        arc plot novel.txt --scorer vader,afinn,textblob   # the scorers' arcs and agreement
        arc plot novel.txt --emotions     # NRC's eight emotions, one small panel each
    """
    from arc.analysis.view import DEFAULT_SMOOTHER, view_for

    use_example(args)
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
    out = output_path(args.output, output_name(args.path), PLOT_FORMATS + PAGE_FORMATS, [args.path])
    _page_ready(out)
    doc = load_input(args.path, args.encoding, args.max_size)
    if not doc.story:
        roles = ", ".join(sorted(set(doc.roles)))
        raise EmptyInputError(
            f"{args.path or 'the text'} has no story paragraphs to plot, only {roles}"
        )
    try:
        smoother = args.smooth or (DEFAULT_SMOOTHER if args.smooth_check else None)
        view = view_for(
            doc,
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
    from arc.analysis.result import Analysis
    from arc.charts.choice import chart_for
    from arc.charts.render import save_chart

    scoring = scorer_options(args)
    if args.emotions:
        names = list(args.scorer or ["vader"])
        scoring = {"scorers": [*names, *(["nrc"] if "nrc" not in names else [])]}
    result = Analysis.from_document(
        doc,
        view.unit,  # type: ignore[arg-type]
        window=view.unit_params.get("window"),
        step=view.unit_params.get("step"),
        bins=view.unit_params.get("bins"),
        scorer=scoring.get("scorer"),
        scorers=scoring.get("scorers"),
        workers=EVERY_CPU,
        cache=user_cache(args),
    )
    df = result.frame
    if args.emotions or several:
        from arc.charts.scorerchart import emotions_chart, scorers_chart

        build = emotions_chart if args.emotions else scorers_chart
        chart = build(df, str(view.smoother or DEFAULT_SMOOTHER), title=args.title, **view.params)
    elif args.smooth_check:
        from arc.charts.checkchart import smoothcheck_chart

        chart = smoothcheck_chart(df, str(view.smoother), title=args.title)
    else:
        chart = chart_for(
            result,
            smoother=view.smoother,
            title=args.title,
            include_paratext=args.include_paratext,
            band=args.band,
            null=args.null,
            **view.params,
        )
    make_folder(out)
    if out.suffix.lower() in PAGE_FORMATS:
        from arc.charts.page import save_page

        save_page(chart, out, result)
    else:
        save_chart(chart, out, dpi=args.dpi)
    say(str(out))


def user_cache(args: argparse.Namespace) -> Cache | None:
    """The cache a command reads and keeps scored texts in: none with ``--no-cache``."""
    if not getattr(args, "cache", True):
        return None
    from arc.cache import default_cache

    try:
        return default_cache()
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def cmd_score(args: argparse.Namespace) -> None:
    """Score a story and write one row per paragraph, sentence, word window or bin.

    Example:
        arc score                     # the vignette, CSV to standard output
        arc score story.txt --unit sentence -o story.json
        arc score novel.txt --bins 100 -o novel.csv
        arc score story.txt --scorer vader,afinn,nrc   # a column per scorer, and ensemble
        arc score novel.txt --no-escape-formulas       # CSV text exactly as written
    """
    use_example(args)
    out = None
    if args.output is not None:
        out = output_path(args.output, output_name(args.path), SCORE_FORMATS, [args.path])
    unit, params = _unit_options(args, "paragraph")
    doc = load_input(args.path, args.encoding, args.max_size)
    from arc.analysis.frame import frame
    from arc.export import write_table

    df = frame(doc, unit, **params, **scorer_options(args), workers=EVERY_CPU)  # type: ignore[arg-type]
    if out is None:
        # UTF-8 bytes whatever the terminal's locale, so piped output equals a written file.
        write_stdout(write_table(df, None, escape_formulas=args.escape_formulas).encode("utf-8"))
    else:
        write_table(df, out, escape_formulas=args.escape_formulas)
        say(str(out))


def cmd_compare(args: argparse.Namespace) -> None:
    """Overlay several texts' smoothed sentence arcs on one 0-100% narrative-time axis.

    Every arc is drawn in the scorer's units on one shared scale, so how far each swings
    compares; --rescale stretches each to its own range instead, so shapes compare whatever
    the books' overall tone (the legend then gives each arc's real range). Each arc is solid
    where it leaves its own chance envelope and dashed where a shuffled text could have
    drawn it; the legend names each text by its detected title, with its shape. With several
    scorers (--scorer vader,afinn), each text's arc is their ensemble.

    Example:
        arc compare alice.txt frankenstein.txt -o compare.png
        arc compare alice.txt frankenstein.txt -o compare.html  # the interactive page
        arc compare a.txt b.txt c.txt --smooth lowess --rescale
        arc compare a.txt b.txt --scorer vader,afinn   # each text's ensemble arc
    """
    args.paths = with_examples(args)
    if not args.paths:
        raise UsageError("give at least one PATH or --example NAME to compare")
    span = SMOOTHERS[args.smooth].span
    if args.span is not None and span is None:
        raise UsageError(f"--span sets the window of a smoother; {args.smooth} has none")
    out = output_path(args.output, "compare", PLOT_FORMATS + PAGE_FORMATS, args.paths)
    _page_ready(out)
    docs = [load_input(path, args.encoding, args.max_size) for path in args.paths]
    for path, doc in zip(args.paths, docs, strict=True):
        if not doc.story:
            raise EmptyInputError(f"{path} has no story paragraphs to compare")
    from arc.analysis.comparison import compare
    from arc.analysis.frame import frame
    from arc.charts.compare import compare_chart
    from arc.charts.render import save_chart

    params = {span: args.span} if span and args.span is not None else {}
    scoring = scorer_options(args)
    cache = user_cache(args)
    data = compare(
        [frame(doc, "sentence", **scoring, workers=EVERY_CPU, cache=cache) for doc in docs],
        method=args.smooth,
        scale=args.rescale,
        value="ensemble" if "scorers" in scoring else "compound",
        **params,
    )
    make_folder(out)
    save_chart(compare_chart(data, title=args.title), out, dpi=args.dpi)  # .html: the page
    say(str(out))


def cmd_explain(args: argparse.Namespace) -> None:
    """Show the words that made a story's score, or a segment's, as VADER computed them.

    Each word's part is its valence after VADER's rules, as a share of its sentence's
    compound, weighted as the arc weighs that sentence: the parts add up to the value shown.
    With --between, or a chart file, a word shift: each word's part in the difference.
    --scorer valence: each word's part of arc's own model's value, in tables and word shifts.

    Example:
        arc explain --segment 9            # paragraph 9 of the vignette
        arc explain novel.txt --between 0-33% 67-100%
        arc explain novel.txt --segment chapter:12 -o shift.png
        arc explain novel.txt --segment chapter:12 --scorer valence
    """
    from arc.analysis.explanation import explain
    from arc.analysis.labels import display_title
    from arc.analysis.wordshift import word_shift
    from arc.report import explanation_lines, shift_lines

    use_example(args)
    out = None
    if args.output is not None:
        out = output_path(
            args.output, output_name(args.path), PLOT_FORMATS + SCORE_FORMATS, [args.path]
        )
    doc = load_input(args.path, args.encoding, args.max_size)
    unit, params = _unit_options(args, "sentence" if _is_long(doc) else "paragraph")
    from arc.analysis.frame import frame

    sentences = frame(doc, "sentence", workers=EVERY_CPU)
    chart = out is not None and out.suffix.lower() in PLOT_FORMATS
    title = args.title or display_title(sentences)
    a, b = (
        (args.between or (args.segment, None))
        if args.between or not chart or args.segment
        else ("0-33%", "67-100%")
    )
    first = explain(sentences, unit, segment=a, scorer=args.scorer, **params)
    if not chart and not args.between:
        if out is None:
            say("\n".join(explanation_lines(first, top=args.top or 10, title=title)))
        else:
            from arc.export import write_table

            write_table(first, out)
            say(str(out))
        return
    shift = word_shift(first, explain(sentences, unit, segment=b, scorer=args.scorer, **params))
    if out is None:
        say("\n".join(shift_lines(shift, top=args.top or 10, title=title)))
    elif not chart:
        from arc.export import write_table

        write_table(shift, out)
        say(str(out))
    else:
        from arc.charts.render import save_chart
        from arc.charts.shiftchart import word_shift_chart

        save_chart(word_shift_chart(shift, top=args.top or 20, title=title), out, dpi=args.dpi)
        say(str(out))


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

    use_example(args)
    out = None
    if args.output is not None:
        out = output_path(args.output, output_name(args.path), SCORE_FORMATS, [args.path])
    doc = load_input(args.path, args.encoding, args.max_size)
    df, smoother, params = _smoothed_frame(doc, args)
    turns = turning_points(df, smoother, **params)
    if out is None:
        say("\n".join(turn_lines(turns, title=display_title(df))))
    else:
        from arc.export import write_table

        write_table(turns, out)
        say(str(out))


def cmd_shape(args: argparse.Namespace) -> None:
    """Name the shape of each text's arc: one of Reagan et al.'s six, or no clear shape.

    The smoothed arc (as arc plot draws it) is correlated with each shape on 0-100%
    narrative time; the best is named when its correlation reaches the threshold.

    Example:
        arc shape                          # the vignette
        arc shape a.txt b.txt --example alice -o shapes.csv
    """
    from arc.analysis.labels import display_title
    from arc.analysis.shapes import no_shape, shape
    from arc.report import shape_lines

    paths: list[str | None] = [*with_examples(args)] or [None]
    out = None
    if args.output is not None:
        out = output_path(args.output, "shapes", SCORE_FORMATS, paths)
    results = []
    for path in paths:
        doc = load_input(path, args.encoding, args.max_size)
        title = doc.title or (f"{doc.name} (file name)" if doc.name else "Untitled")
        try:
            df, smoother, params = _smoothed_frame(doc, args)
            title = display_title(df)
            found = shape(df, smoother, **params)
        except TooShortError as exc:  # one short text among several: its row says why
            found = no_shape(f"too short: {exc}")
            warnings.warn(
                f"{path or 'the text'} is too short to have a shape: {exc}",
                ArcWarning,
                stacklevel=1,
            )
        results.append((title, path, found))
    if out is None:
        say("\n".join(shape_lines([(title, found) for title, _, found in results])))
        return
    from arc.analysis.shapes import shape_records
    from arc.export import write_table

    table = shape_records([(t, p or "(vignette)", s) for t, p, s in results])
    write_table(table, out)
    say(str(out))


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
    import math

    out = None
    if args.output is not None:
        out = output_path(args.output, "validation", (".csv", ".json", *PLOT_FORMATS), args.files)
    if args.scale is not None and not (
        math.isfinite(args.scale[0])
        and math.isfinite(args.scale[1])
        and args.scale[0] < args.scale[1]
    ):
        raise UsageError("--scale LO HI needs two finite numbers, LO below HI")
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
    limit = args.max_size * 1_000_000
    sets = [read_rated(f, scale=scale, encoding=args.encoding, max_bytes=limit) for f in args.files]
    results = validate(sets or None, scorers)
    if out is None:
        say("\n".join(result_lines(results)))
    elif out.suffix.lower() in PLOT_FORMATS:
        from arc.charts.render import save_chart
        from arc.charts.validationchart import validation_chart

        save_chart(validation_chart(results), out)
        say(str(out))
    else:
        from arc.export import write_table

        write_table(results, out)
        say(str(out))


def _page_ready(out: Path) -> None:
    """Refuse an .html output before any work when Bokeh (the page extra) is missing."""
    if out.suffix.lower() in PAGE_FORMATS:
        from arc.charts.page import need_bokeh

        need_bokeh(f"writing {out} (an interactive page)")


def _unit_options(args: argparse.Namespace, default: str) -> tuple[str, dict[str, Any]]:
    """The unit that --unit/--window/--step/--bins ask for, and its parameters (keywords)."""
    from arc.analysis.units import unit_params
    from arc.analysis.view import implied_unit

    unit = str(
        implied_unit(args.unit, window=args.window, step=args.step, bins=args.bins, default=default)
    )
    try:
        return unit, unit_params(unit, window=args.window, step=args.step, bins=args.bins)
    except ValueError as exc:
        raise UsageError(f"--unit {unit}: {exc}") from None


def _is_long(doc: Document) -> bool:
    """Whether ``arc plot`` would draw ``doc`` as a long text (sentences, smoothed)."""
    from arc.analysis.view import is_long

    return is_long(len(doc.story), any(doc.chapters), doc.story_words)


def _smoothed_frame(doc: Document, args: argparse.Namespace) -> tuple[Any, str, dict[str, Any]]:
    """The frame, smoother and parameters of the arc ``arc plot`` draws for ``doc``.

    A short story is smoothed too (a rolling mean over its paragraphs by default).
    """
    from arc.analysis.frame import frame
    from arc.analysis.view import DEFAULT_SMOOTHER, view_for

    if not doc.story:
        raise EmptyInputError(f"{doc.name or 'the text'} has no story paragraphs")
    try:
        view = view_for(
            doc,
            unit=args.unit,
            smoother=args.smooth or DEFAULT_SMOOTHER,
            span=args.span,
            window=args.window,
            step=args.step,
            bins=args.bins,
        )
    except TooShortError:
        raise  # too few units: said as it is (``arc shape`` gives such a text its row)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    df = frame(doc, view.unit, **view.unit_params, workers=EVERY_CPU)  # type: ignore[arg-type]
    return df, str(view.smoother), dict(view.params)


def scorer_options(args: argparse.Namespace) -> dict[str, Any]:
    """The frame options ``--scorer`` asks for: nothing, one scorer, or several."""
    names = getattr(args, "scorer", None)
    if not names:
        return {}
    if len(names) == 1:
        return {"scorer": names[0]}
    return {"scorers": names}
