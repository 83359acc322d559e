"""Options given twice are refused, not silently resolved; CSV escaping can be turned off."""

import argparse
import csv
import io
import subprocess
import sys

import pytest

from arc.cli import build_parser
from arc.export import FORMULA_STARTS


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "arc", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def _subparsers():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices


def _value(action):
    """A value the option accepts, as command-line words."""
    if action.dest == "scale":
        return ["1", "7"]  # two numbers, LO and HI, read as one value (--scale=1,7)
    if action.choices:
        one = str(next(iter(action.choices)))
    elif action.dest in ("dpi",):
        one = "100"
    elif action.dest in ("span",):
        one = "0.5"
    elif action.dest in ("scorer", "scorers"):
        one = "vader"
    elif action.dest in ("window", "step", "bins", "top", "max_size", "jobs", "grid"):
        one = "3"
    else:
        one = "x"
    return [one] * (action.nargs if isinstance(action.nargs, int) else 1)


# Options meant to be given several times (documented as repeatable).
REPEATABLE = {
    ("compare", "--example"),
    ("shape", "--example"),
    ("corpus", "--example"),
    ("validate", "--scorer"),
}


def _valued_options():
    for name, parser in sorted(_subparsers().items()):
        for action in parser._actions:
            if not action.option_strings or action.nargs == 0:
                continue  # positionals, and flags (--all): a flag twice is the flag
            yield name, action


@pytest.mark.parametrize(
    "name,action", list(_valued_options()), ids=lambda v: v if isinstance(v, str) else v.dest
)
def test_an_option_given_twice_is_refused_or_meant_to_repeat(name, action, capsys):
    option = action.option_strings[-1]
    once = [name, option, *_value(action)]
    twice = [*once, action.option_strings[0], *_value(action)]
    build_parser().parse_args(once)  # the value is a good one
    capsys.readouterr()
    if (name, option) in REPEATABLE:
        args = build_parser().parse_args(twice)
        assert len(getattr(args, action.dest)) == 2
        return
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(twice)
    assert stopped.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: arc ")
    names = "/".join(action.option_strings)
    assert err[-1] == f"arc: error: argument {names}: given more than once"
    assert [line for line in err if line.startswith("arc:")] == [err[-1]]


def test_example_twice_is_refused_and_writes_nothing(tmp_path):
    # Before: the last --example won silently and frankenstein was plotted.
    result = run(
        "plot", "--example", "alice", "--example", "frankenstein", "-o", "x.png", cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "arc: error: argument --example: given more than once"
    )
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_same_value_twice_is_refused_too(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["score", "--unit", "sentence", "--unit", "sentence"])
    assert "argument --unit: given more than once" in capsys.readouterr().err


def test_a_flag_twice_and_repeatable_options_are_honoured():
    args = build_parser().parse_args(["plot", "--all", "--all", "--no-band", "--no-band"])
    assert args.include_paratext and not args.band
    args = build_parser().parse_args(["compare", "--example", "alice", "--example", "alice"])
    assert args.examples == ["alice", "alice"]
    args = build_parser().parse_args(["validate", "--scorer", "vader", "--scorer", "afinn"])
    assert args.scorers == ["vader", "afinn"]


def test_parsing_leaves_no_bookkeeping_on_the_namespace():
    args = build_parser().parse_args(["score", "--example", "alice", "-o", "a.csv"])
    assert not any(key.startswith("arc_") for key in vars(args))


# --------------------------------------------------------------------- --no-escape-formulas

DIALOGUE = '--but it was an "Oh!"'


def _first_cell_with(text, words):
    cells = [row["text"] for row in csv.DictReader(io.StringIO(text))]
    return next(c for c in cells if words in c)


def test_score_escapes_csv_by_default_and_not_with_no_escape_formulas(tmp_path):
    # Northanger Abbey's sentence 'Catherine's answer was only "Oh!"--but it was an "Oh!"...'
    # splits into a sentence that starts with "--": escaped by default, exact when asked.
    book = ("score", "--example", "northanger", "--unit", "sentence")
    escaped = run(*book)
    assert escaped.returncode == 0, escaped.stderr
    assert _first_cell_with(escaped.stdout, DIALOGUE) == "'" + DIALOGUE
    raw = run(*book, "--no-escape-formulas")
    assert raw.returncode == 0, raw.stderr
    assert _first_cell_with(raw.stdout, DIALOGUE) == DIALOGUE
    # Only the cells that start like a formula differ, by the leading quote.
    rows = zip(*(csv.reader(io.StringIO(r.stdout)) for r in (escaped, raw)), strict=True)
    changed = 0
    for quoted, exact in rows:
        for a, b in zip(quoted, exact, strict=True):
            if a != b:
                assert a == "'" + b and b.startswith(FORMULA_STARTS), (a, b)
                changed += 1
    assert changed >= 1
    # A .csv file holds the same bytes as standard output.
    out = tmp_path / "n.csv"
    written = run(*book, "--no-escape-formulas", "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert out.read_text("utf-8") == raw.stdout


def test_no_escape_formulas_is_in_the_help():
    text = _subparsers()["score"].format_help()
    assert "--no-escape-formulas" in text
