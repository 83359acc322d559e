"""arc plot, score and compare on books, end to end."""

import subprocess
import sys

import pandas as pd
import pytest

from arc.cli import main
from tests import texts
from tests.books import ALICE, FRANKENSTEIN, MAGI


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "arc", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_plot_book_defaults(tmp_path):
    result = run("plot", str(ALICE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "alice30.png").read_bytes().startswith(b"\x89PNG")
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["--smooth", "lowess", "--span", "0.3"],
        ["--smooth", "savgol"],
        ["--smooth", "dct"],
        ["--smooth", "all"],
        ["--bins", "50"],
        ["--window", "2000", "--step", "500"],
        ["--unit", "paragraph", "--smooth", "rolling"],
    ],
)
def test_plot_book_overrides(tmp_path, args):
    out = tmp_path / "chart.svg"
    assert main(["plot", str(FRANKENSTEIN), "-o", str(out), *args]) == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_compare(tmp_path, capsys):
    out = tmp_path / "cmp.png"
    assert main(["compare", str(ALICE), str(FRANKENSTEIN), str(MAGI), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_compare_default_output(tmp_path):
    result = run(
        "compare", str(ALICE), str(MAGI), "--smooth", "rolling", "--no-scale", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "compare.png").exists()


def test_score_bins_and_windows(tmp_path):
    out = tmp_path / "bins.csv"
    assert main(["score", str(ALICE), "--bins", "20", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 20
    out = tmp_path / "win.json"
    assert main(["score", str(ALICE), "--window", "5000", "-o", str(out)]) == 0
    assert pd.read_json(out).n_words.eq(5000).all()


def test_damaged_gutenberg_file_warns(tmp_path):
    text = MAGI.read_bytes().decode("utf-8-sig").replace("*** START OF", "*** STRAT OF")
    path = tmp_path / "magi.txt"
    path.write_text(text, encoding="utf-8")
    result = run("score", str(path), "-o", str(tmp_path / "m.csv"))
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("arc: warning: ") and "start marker" in lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["plot", "{story}", "--bins", "100"], "at least 100"),
        (["plot", "{story}", "--smooth", "dct"], "at least 5"),
        (["plot", "{story}", "--window", "1000"], "at least 1000"),
        (["compare", "{story}", "{alice}"], "at least 5"),
    ],
)
def test_too_short_for_the_smoother_or_bins(tmp_path, args, words):
    story = tmp_path / "story.txt"
    story.write_text(texts.STORY, encoding="utf-8")
    args = [a.format(story=story, alice=ALICE) for a in args]
    out = tmp_path / "out.png"
    result = run(*args, "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("arc: error: ") and words in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args", [["plot", "--span", "2"], ["plot", "--smooth", "bogus"], ["compare"]]
)
def test_book_usage_errors(args):
    result = run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("arc: error: ")


def test_all_on_a_long_chart_warns(tmp_path):
    result = run("plot", str(ALICE), "--all", "-o", str(tmp_path / "a.png"))
    assert result.returncode == 0
    assert result.stderr.startswith("arc: warning: --all applies to the story chart")
