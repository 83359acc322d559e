"""The arc command end to end, in a subprocess the way a user runs it."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from arc.cli import main
from tests import texts


def run(*args, cwd=None, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "arc", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        check=False,
        env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
    )


def test_plot_vignette_writes_output_png(tmp_path):
    result = run("plot", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "output" / "final_goodbyes.png"
    assert result.stdout.decode().strip() == str(Path("output") / "final_goodbyes.png")
    assert out.read_bytes().startswith(b"\x89PNG")
    assert result.stderr == b""


def test_score_vignette_csv_to_stdout():
    result = run("score")
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(io.BytesIO(result.stdout))
    assert len(df) == 13 and (df.role == "body").sum() == 10
    assert df.loc[df.role == "title", "text"].item() == "Final Goodbyes"
    vader = SentimentIntensityAnalyzer()
    for row in df.itertuples():
        assert row.compound_raw == vader.polarity_scores(row.text)["compound"]


def test_score_sentences_means(tmp_path):
    paragraphs = pd.read_csv(io.BytesIO(run("score").stdout))
    sentences = pd.read_csv(io.BytesIO(run("score", "--unit", "sentence").stdout))
    means = sentences.groupby("paragraph").compound.mean()
    assert (abs(paragraphs.compound - means) < 1e-12).all()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_plot_formats(tmp_path, suffix):
    out = tmp_path / f"chart{suffix}"
    story = tmp_path / "story.txt"
    story.write_bytes(texts.CP1252)
    assert main(["plot", str(story), "-o", str(out), "--title", "Café", "--dpi", "60"]) == 0
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix]
    assert out.read_bytes().startswith(magic)


def test_plot_is_deterministic(tmp_path):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    assert main(["plot", "-o", str(a)]) == 0 and main(["plot", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("command", "suffix"),
    [("score", ".csv"), ("score", ".json"), ("plot", ".svg"), ("plot", ".pdf")],
)
def test_files_are_byte_identical_across_processes(tmp_path, command, suffix):
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert run(command, "-o", str(a)).returncode == 0
    assert run(command, "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_score_json_is_a_list_of_records(tmp_path):
    out = tmp_path / "v.json"
    assert main(["score", "-o", str(out)]) == 0
    records = json.loads(out.read_text("utf-8"))
    assert len(records) == 13 and records[1]["role"] == "title"
    assert records[0]["position"] is None


def test_score_parquet(tmp_path):
    out = tmp_path / "v.parquet"
    assert main(["score", "--unit", "sentence", "-o", str(out)]) == 0
    df = pd.read_parquet(out)
    assert set(df.paragraph) == set(range(13))


def test_parquet_without_pyarrow_says_how_to_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "v.parquet"
    assert main(["score", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install" in err and "pyarrow" in err
    assert not out.exists()


def test_stdin(tmp_path):
    result = run("score", "-", stdin=texts.UTF16)
    assert result.returncode == 0, result.stderr
    df = pd.read_csv(io.BytesIO(result.stdout))
    assert list(df.role) == ["note", "title", "body", "body", "end"]


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0 and b"plot" in result.stdout and b"score" in result.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"arc ")


def test_python_dash_m_and_console_script_agree():
    script = Path(sys.executable).with_name("arc")
    assert script.exists(), "the console script 'arc' is installed beside python"
    a = subprocess.run([str(script), "score"], capture_output=True, check=True).stdout
    b = run("score").stdout
    assert a == b


def test_cli_choices_are_read_from_the_declarations():
    # The declarations are pure Python, so --help needs neither numpy nor pandas.
    from arc import cli
    from arc.analysis import frame, smoothers, units

    assert tuple(cli.UNITS) == frame.UNITS == tuple(units.UNITS)
    assert (*smoothers.SMOOTHERS, "all") == cli.SMOOTH_CHOICES


def test_stdout_csv_is_utf8_whatever_the_locale(tmp_path):
    out = tmp_path / "v.csv"
    assert main(["score", "-o", str(out)]) == 0
    env = {"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "arc", "score"], capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == out.read_bytes()


@pytest.mark.parametrize(
    "args", [["--help"], ["plot", "--help"], ["score", "--help"], ["compare", "--help"]]
)
def test_help_does_not_import_heavy_modules(args):
    code = (
        "import sys\n"
        "from arc.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = ('pandas', 'matplotlib', 'numpy', 'nltk', 'vaderSentiment')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]")


def test_an_option_the_unit_does_not_take_is_refused(tmp_path, capsys):
    out = tmp_path / "p.csv"
    assert main(["score", "--unit", "paragraph", "--bins", "3", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["arc: error: --unit paragraph: unit 'paragraph' takes no bins"]
    assert not out.exists()
