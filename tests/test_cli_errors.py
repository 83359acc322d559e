"""Every bad input: one line on stderr, a non-zero exit, no traceback, no partial file."""

import subprocess
import sys

import pytest

from tests import texts

BAD_BYTES = {
    "empty": (texts.EMPTY, "is empty"),
    "whitespace": (texts.WHITESPACE, "only whitespace"),
    "no letters": (texts.NO_LETTERS, "no letters"),
    "binary": (texts.BINARY, "binary"),
    "png": (texts.PNG_HEADER, "binary"),
}


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "arc", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def assert_one_line(result, status, words):
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("arc: error: ")
    assert words in lines[0]
    return lines[0]


@pytest.mark.parametrize("command", ["plot", "score"])
@pytest.mark.parametrize("case", sorted(BAD_BYTES))
def test_bad_files(tmp_path, command, case):
    data, words = BAD_BYTES[case]
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    out = tmp_path / ("out.png" if command == "plot" else "out.csv")
    result = run(command, str(path), "-o", str(out), cwd=tmp_path)
    assert_one_line(result, 2, words)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


@pytest.mark.parametrize("command", ["plot", "score"])
def test_missing_path(tmp_path, command):
    line = assert_one_line(
        run(command, str(tmp_path / "nope.txt"), cwd=tmp_path), 2, "no such file"
    )
    assert "nope.txt" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["plot", "score"])
def test_directory(tmp_path, command):
    assert_one_line(run(command, str(tmp_path)), 2, "is a directory")


def test_undecodable_bytes_with_forced_encoding(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("na\u00efve".encode("latin-1"))
    assert_one_line(run("score", str(path), "--encoding", "utf-8"), 2, "not valid utf-8")
    assert_one_line(run("score", str(path), "--encoding", "klingon"), 2, "unknown encoding")


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("/proc/arc.png", "cannot write"),
        ("{tmp}/missing/dir/out.png", "does not exist"),
        ("{tmp}", "is a directory"),
        ("{tmp}/chart.gif", "unknown format .gif"),
    ],
)
def test_unwritable_plot_output(tmp_path, out, words):
    out = out.format(tmp=tmp_path)
    assert_one_line(run("plot", "-o", out), 1, words)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("out", "words"),
    [("/proc/arc.csv", "cannot write"), ("{tmp}/scores.xlsx", "unknown format .xlsx")],
)
def test_unwritable_score_output(tmp_path, out, words):
    assert_one_line(run("score", "-o", out.format(tmp=tmp_path)), 1, words)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["plot", "--bogus"],
        ["frobnicate"],
        [],
        ["score", "--unit", "chapter"],
        ["plot", "--dpi", "0"],
    ],
)
def test_usage_errors(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("arc: error: ")
    assert all(line.startswith(("usage:", " ", "arc: error:")) for line in lines)


def test_file_names_too_long_for_the_file_system(tmp_path):
    long_name = str(tmp_path / ("a" * 300 + ".txt"))
    assert_one_line(run("score", long_name), 2, "")
    assert_one_line(run("plot", "-o", str(tmp_path / ("b" * 300 + ".png"))), 1, "cannot write")
    assert list(tmp_path.iterdir()) == []


def test_default_output_folder_cannot_be_made(tmp_path):
    (tmp_path / "output").write_text("a file where the folder should be")
    line = assert_one_line(run("plot", cwd=tmp_path), 1, "cannot create the folder output/")
    assert "-o" in line


@pytest.mark.parametrize("encoding", ["punycode", "utf-16"])
def test_encodings_that_raise_other_unicode_errors(tmp_path, encoding):
    path = tmp_path / "in.txt"
    path.write_bytes(b"caf\xe9 and more \xff words")
    assert_one_line(run("score", str(path), "--encoding", encoding), 2, f"not valid {encoding}")


def test_a_text_with_no_story_is_not_plotted(tmp_path):
    path = tmp_path / "only_notes.txt"
    path.write_text("A/N: hi there!\n\nThe End", encoding="utf-8")
    out = tmp_path / "out.png"
    assert_one_line(run("plot", str(path), "-o", str(out)), 2, "no story paragraphs")
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [["plot", "--dpi", "100000"], ["plot", "--smooth", "dct", "--span", "0.2"]],
)
def test_options_that_cannot_work(args):
    result = run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("arc: error: ")


def test_a_path_without_extension_is_a_path(tmp_path):
    assert_one_line(run("plot", "nonexistentfile", cwd=tmp_path), 2, "no such file")
    assert list(tmp_path.iterdir()) == []


def test_output_names_near_the_file_system_limit(tmp_path):
    out = tmp_path / ("o" * 240 + ".png")
    result = run("plot", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()


def test_compare_names_the_text_that_is_too_short(tmp_path):
    from tests.books import MAGI

    short = tmp_path / "short.txt"
    short.write_text("One sad day. She wept.", encoding="utf-8")
    line = assert_one_line(run("compare", str(short), str(MAGI)), 2, "at least 5")
    assert "short (file name)" in line  # no title in the text: its file name, marked so
