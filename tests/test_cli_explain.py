"""``arc explain``, ``arc turns`` and ``arc shape`` end to end."""

import io
import json

import pandas as pd
import pytest

from arc.cli import main
from tests.test_cli import run


def test_explain_prints_the_words_up_and_down(capsys):
    assert main(["explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Final Goodbyes: the whole story: -0.0625")
    assert "words that raise it:" in out and "words that lower it:" in out
    assert "killed" in out


def test_explain_a_segment_lists_its_sentences(capsys):
    assert main(["explain", "--segment", "3"]) == 0
    out = capsys.readouterr().out
    assert "paragraph 3: +0.3234" in out
    assert "\u201cJust a day ago, I was the happiest girl in the world.\u201d" in out
    assert out.index("happiest") < out.index("words that lower it")


def test_explain_between_two_stretches(capsys):
    assert main(["explain", "--between", "0-50%", "50-100%", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "0–50% of the story (+0.0775) minus 50–100% of the story" in out
    assert out.count("\n  ") >= 8


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_explain_tables(tmp_path, suffix):
    out = tmp_path / f"t{suffix}"
    assert main(["explain", "--segment", "7", "-o", str(out)]) == 0
    df = pd.read_csv(out) if suffix == ".csv" else pd.DataFrame(json.loads(out.read_text()))
    assert {"weak", "kill"} <= set(df["token"])
    assert df["contribution"].sum() == pytest.approx(-0.5184, abs=1e-4)


def test_explain_chart_defaults_to_first_against_last_third(tmp_path):
    from arc.charts.render import png_digest

    out = tmp_path / "shift.png"
    assert main(["explain", "-o", str(out), "--dpi", "60"]) == 0
    assert out.read_bytes().startswith(b"\x89PNG") and png_digest(out)


def test_explain_bad_segment_is_one_line(tmp_path):
    result = run("explain", "--segment", "99")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "arc: error: there is no paragraph 99: paragraphs are numbered 0 to 12\n"
    )
    both = run("explain", "--segment", "1", "--between", "1", "2")
    assert both.returncode == 2 and b"not allowed with argument" in both.stderr


def test_explain_sentence_unit_and_window(capsys):
    assert main(["explain", "--unit", "sentence", "--segment", "5"]) == 0
    assert "sentence 5:" in capsys.readouterr().out
    assert main(["explain", "--window", "200", "--segment", "0-20%"]) == 0
    assert "0–20% of the story" in capsys.readouterr().out


def test_explain_csv_to_stdout_is_not_a_thing(tmp_path):
    result = run("explain", "-o", str(tmp_path / "x.txt"))
    assert result.returncode == 1 and b"unknown format .txt" in result.stderr
    assert not (tmp_path / "x.txt").exists()


def test_explain_csv_is_reproducible(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["explain", "--between", "0-33%", "67-100%", "-o", str(a)]) == 0
    assert main(["explain", "--between", "0-33%", "67-100%", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    df = pd.read_csv(io.BytesIO(a.read_bytes()))
    assert list(df.columns[:4]) == ["word", "shift", "a", "b"]


def test_shape_table_for_several_texts(capsys):
    import arc

    assert main(["shape", "--example", "alice", "--example", "frankenstein"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["text", "shape", "nearest", "r", "runner-up", "r"]
    assert out[1].lstrip().startswith("Alice's Adventures in Wonderland")
    expected = arc.shape(arc.analyze(arc.example_path("alice"), "sentence"))
    assert expected.name in out[1] and f"{expected.score:+.2f}" in out[1]
    assert "a shape is named at r >= 0.7" in out[-1]


def test_shape_csv_and_bad_input(tmp_path):
    out = tmp_path / "shapes.csv"
    assert main(["shape", "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert df["title"].tolist() == ["Final Goodbyes"] and df["path"].tolist() == ["(vignette)"]
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = run("shape", str(empty))
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1


def test_turns_lists_the_vignettes_turns(capsys):
    import arc

    assert main(["turns"]) == 0
    out = capsys.readouterr().out.splitlines()
    expected = arc.turning_points(arc.analyze())
    assert out[0] == f"Final Goodbyes: {len(expected)} turning points"
    assert out[1].split()[:3] == ["turn", "at", "value"]
    deepest = expected.loc[expected["value"].idxmin()]
    line = next(x for x in out if f"{deepest.time:.0f}%" in x and "valley" in x)
    assert "He was hurt, tortured, tormented, almost killed." in line
    assert out[-1].split()[:2] == ["peak", "100%"]  # the end rises toward the departure


def test_turns_table_and_options(tmp_path):
    out = tmp_path / "turns.csv"
    assert (
        main(["turns", "--example", "alice", "--smooth", "lowess", "--span", "0.2", "-o", str(out)])
        == 0
    )
    df = pd.read_csv(out)
    assert list(df.columns) == [
        "kind",
        "time",
        "value",
        "prominence",
        "index",
        "chapter",
        "sentence",
        "word",
        "excerpt",
    ]
    assert set(df["kind"]) <= {"peak", "valley"} and df["time"].is_monotonic_increasing
    result = run("turns", "--smooth", "dct", "--span", "0.2")
    assert result.returncode == 2 and b"dct has none" in result.stderr
