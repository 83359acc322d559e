"""One line, never a traceback (#19): short texts in a batch, memory, chart size, option words."""

import math
import os
import resource
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from arc.analysis.shapes import NO_SHAPE, RECORD_COLUMNS, no_shape, shape, shape_records
from arc.cli import main
from arc.errors import TooShortError
from arc.report import shape_lines
from arc.text.examples import example_path

ARC = [sys.executable, "-m", "arc"]


def run(*args, **kwargs):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    return subprocess.run([*ARC, *args], capture_output=True, env=env, check=False, **kwargs)


def error_line(err: str) -> str:
    """The one ``arc: error:`` line of a failed run (argparse's usage lines aside)."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line and not line.startswith(("usage:", " "))]
    assert len(lines) == 1, err
    assert lines[0].startswith("arc: error: "), err
    return lines[0]


# ------------------------------------------------------------------ a short text in a batch


@pytest.fixture
def short(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("a\n\nb\n\nc\n", encoding="utf-8")
    return path


def test_too_few_values_is_a_too_short_error():
    with pytest.raises(TooShortError, match="at least 3 values"):
        shape([1.0, 2.0])


def test_a_short_text_alone_gets_a_row_saying_why(short, capsys):
    assert main(["shape", str(short)]) == 0
    captured = capsys.readouterr()
    rows = captured.out.splitlines()
    assert rows[0].split() == ["text", "shape", "nearest", "r", "runner-up", "r"]
    assert NO_SHAPE in rows[1] and "(too short: an arc needs at least 3 values" in rows[1]
    assert "Traceback" not in captured.err
    assert f"{short} is too short to have a shape" in captured.err


def test_a_short_text_does_not_abort_a_batch(short, capsys):
    assert main(["shape", str(short), "--example", "alice"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert "too short" in rows[1]
    expected = shape(__import__("arc").analyze(example_path("alice"), "sentence"))
    assert rows[2].lstrip().startswith("Alice's Adventures in Wonderland")
    assert expected.name in rows[2] and f"{expected.score:+.2f}" in rows[2]


def test_a_smoother_too_wide_for_a_text_is_its_row_too(short, tmp_path, capsys):
    out = tmp_path / "shapes.csv"
    args = ["shape", str(short), "--example", "alice", "--smooth", "dct", "-o", str(out)]
    assert main(args) == 0
    df = pd.read_csv(out)
    assert list(df.columns) == list(RECORD_COLUMNS)
    assert df["shape"].tolist()[0] == NO_SHAPE
    assert df["note"][0].startswith("too short: dct smoothing")
    assert math.isnan(df["score"][0])
    assert df["title"][1] == "Alice's Adventures in Wonderland" and pd.isna(df["note"][1])
    assert not math.isnan(df["score"][1])


def test_too_few_bins_for_a_one_sentence_text_is_its_row(tmp_path, capsys):
    one = tmp_path / "one.txt"
    one.write_text("Happy day.\n", encoding="utf-8")
    assert main(["shape", str(one), "--example", "alice", "--bins", "5"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert "too short: 5 percentage bins need at least 5 story sentences" in rows[1]


def test_no_shape_describes_its_reason_and_has_no_scores():
    got = no_shape("too short")
    assert got.describe() == f"{NO_SHAPE} (too short)" and not got.clear
    assert math.isnan(got.score) and got.nearest is None
    table = shape_records([("T", "t.txt", got)])
    assert table["note"].tolist() == ["too short"]
    lines = shape_lines([("T", got), ("U", shape([0, 1, 2, 3]))])
    assert lines[1].endswith("(too short)") and "+nan" not in lines[1]
    with pytest.raises(ValueError, match="reason"):
        no_shape("")


def test_a_short_text_in_turns_is_still_one_line(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Happy day.\n", encoding="utf-8")
    result = run("turns", str(one), "--bins", "2")
    assert result.returncode == 2
    assert "2 percentage bins need at least 2" in error_line(result.stderr.decode())


# ---------------------------------------------------------------- option values in user words


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["score", "--max-size", "1.5"], "--max-size: takes a whole number of megabytes"),
        (["score", "--max-size", "x"], "not 'x'"),
        (["score", "--max-size", "0"], "takes a whole number of megabytes"),
        (["score", "--max-size", "999999"], "at most 4,096 megabytes"),
        (["score", "--window", "1.5"], "--window: takes a positive whole number of words"),
        (["score", "--step", "0"], "--step: takes a positive whole number of words, not '0'"),
        (["score", "--bins", "ten"], "--bins: takes a positive whole number of bins"),
        (["explain", "--top", "1e3"], "--top: takes a positive whole number of words"),
        (["explain", "--top", "100000"], "--top: shows at most 500 words"),
        (["plot", "--dpi", "1.5"], "--dpi: takes a whole number of dots per inch between 20"),
        (["plot", "--span", "abc"], "--span: takes a share of the text between 0 and 1"),
        (["plot", "--span", "nan"], "--span: takes a share of the text"),
        (["validate", "f.csv", "--scale", "x", "1"], "--scale: takes two numbers"),
        (["validate", "f.csv", "--scale", "-inf", "inf"], "--scale: takes two numbers"),
        (["validate", "f.csv", "--scale", "1"], "--scale: takes two numbers"),
        (["validate", "f.csv", "--scale", "1", "-o", "x.csv"], "not '1'"),
    ],
)
def test_option_values_are_refused_in_the_users_words(args, needle, capsys):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    line = error_line(capsys.readouterr().err)
    assert needle in line, line
    for internal in ("invalid", "_positive_int", "_dpi", "_fraction", "float", "int value"):
        assert internal not in line, line


@pytest.fixture
def ratings(tmp_path):
    path = tmp_path / "rated.csv"
    rows = ["text,rating", "I love it.,8", "It is fine.,1", "I hate it.,-9", "Lovely day.,6"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "scale", [["--scale", "-1e1", "1e1"], ["--scale=-1e1,1e1"], ["--scale", "-10", "10"]]
)
def test_a_negative_scale_is_read(ratings, scale, tmp_path, capsys):
    out = tmp_path / "v.csv"
    assert main(["validate", str(ratings), *scale, "--scorer", "vader", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    assert len(pd.read_csv(out)) == 1


def test_the_scale_still_reads_after_the_file_and_before_it(ratings, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["validate", "--scale", "-10", "10", str(ratings), "-o", str(a)]) == 0
    assert main(["validate", str(ratings), "--scale", "-10", "10", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_a_negative_scale_is_checked_like_any(ratings, capsys):
    assert main(["validate", str(ratings), "--scale", "1e1", "-1e1"]) == 2
    assert "LO below HI" in error_line(capsys.readouterr().err)


# ------------------------------------------------------------------------- out of memory

MB = 1 << 20


def _arc_under(limit: int, *args, **kwargs):
    """``arc ARGS`` with its address space bounded to ``limit`` bytes (``ulimit -v``)."""
    env = {**os.environ, "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [*ARC, *args],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
        **kwargs,
    )


@pytest.fixture(scope="module")
def enough_to_start():
    """The least of a few address-space bounds under which arc scores the vignette."""
    for limit in (512 * MB, 1024 * MB, 2048 * MB, 4096 * MB):
        if _arc_under(limit, "score", "--unit", "sentence").returncode == 0:
            return limit
    pytest.fail("arc cannot score the vignette even within 4 GB of address space")


def test_running_out_of_memory_is_one_line_and_writes_nothing(enough_to_start, tmp_path):
    # An endless text on standard input (Alice, over and over), read with the largest
    # --max-size: arc runs out of memory reading or scoring it, whatever the bound.
    writer = textwrap.dedent(
        f"""
        import sys
        text = open({str(example_path("alice"))!r}, "rb").read()
        try:
            while True:
                sys.stdout.buffer.write(text)
        except (BrokenPipeError, OSError):
            pass
        """
    )
    source = subprocess.Popen(
        [sys.executable, "-c", writer], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        args = ["score", "-", "--max-size", "4096", "--unit", "sentence", "-o", "out.csv"]
        result = _arc_under(enough_to_start, *args, stdin=source.stdout, cwd=tmp_path)
    finally:
        source.kill()
        source.wait()
    err = result.stderr.decode()
    assert result.returncode == 1, err
    line = error_line(err)
    assert line.startswith("arc: error: out of memory while running arc score on standard input")
    assert "--unit paragraph" in line and "--max-size" in line
    assert list(tmp_path.iterdir()) == []


def test_memory_running_out_while_scoring_is_one_line(monkeypatch, tmp_path, capsys):
    import arc.analysis.frame

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(arc.analysis.frame, "frame", exhausted)
    assert main(["score", str(example_path("alice")), "--unit", "sentence"]) == 1
    line = error_line(capsys.readouterr().err)
    assert f"out of memory while running arc score on {example_path('alice')}" in line
    assert "try --unit paragraph or --bins 100" in line
    import arc.charts.render

    monkeypatch.setattr(arc.charts.render, "save_chart", exhausted)
    assert main(["plot", "-o", str(tmp_path / "p.png"), "--dpi", "600"]) == 1
    line = error_line(capsys.readouterr().err)
    assert "arc plot; try --unit paragraph" in line and "a lower --dpi" in line
    assert list(tmp_path.iterdir()) == []


def test_pyarrows_memory_error_is_one_line(monkeypatch, tmp_path, capsys):
    pa = pytest.importorskip("pyarrow", reason="pyarrow (the test extra) is needed")
    import arc.export

    def exhausted(*args, **kwargs):
        pa.allocate_buffer(1 << 62)  # the real ArrowMemoryError: malloc ... failed

    monkeypatch.setattr(arc.export, "write_table", exhausted)
    assert main(["score", "-o", str(tmp_path / "s.parquet")]) == 1
    line = error_line(capsys.readouterr().err)
    assert line.startswith("arc: error: out of memory in pyarrow")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "failure",
    [
        RuntimeError("while making a class"),  # a MemoryError wrapped in another error
        ImportError("libx.so: failed to map segment from shared object"),
    ],
)
def test_memory_failures_in_other_clothes_are_one_line(failure, monkeypatch, capsys):
    import arc.analysis.frame

    def exhausted(*args, **kwargs):
        if isinstance(failure, ImportError):
            raise failure
        raise failure from MemoryError()

    monkeypatch.setattr(arc.analysis.frame, "frame", exhausted)
    assert main(["score"]) == 1
    line = error_line(capsys.readouterr().err)
    assert "out of memory while running arc score" in line
    assert "--unit paragraph" not in line  # arc score is by paragraph already


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_turned_into_another_error_is_still_one_line(signum, monkeypatch, capsys):
    """numpy's C import turns a Ctrl-C into "numpy.core.multiarray failed to import", with
    no trace of the KeyboardInterrupt: the signal's record decides."""
    import arc.analysis.frame

    def interrupted_import(*args, **kwargs):
        try:
            os.kill(os.getpid(), signum)
            time.sleep(5)
        except BaseException:  # KeyboardInterrupt, or arc's Terminated: printed and cleared
            pass  # by numpy's C code, so the ImportError below carries no trace of it
        raise ImportError("numpy.core.multiarray failed to import")

    monkeypatch.setattr(arc.analysis.frame, "frame", interrupted_import)
    assert main(["score"]) == 128 + signum
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = err.splitlines()
    said = "arc: interrupted" if signum == signal.SIGINT else "arc: stopped by SIGTERM"
    assert line.startswith(said)


def test_other_errors_are_not_taken_for_memory(monkeypatch):
    import arc.analysis.frame

    def broken(*args, **kwargs):
        raise ImportError("No module named 'something'")

    monkeypatch.setattr(arc.analysis.frame, "frame", broken)
    with pytest.raises(ImportError, match="something"):
        main(["score"])


# ---------------------------------------------------------------------- a chart's size bound


def test_every_chart_arc_draws_fits_at_the_highest_dpi_and_a_full_word_shift_at_150():
    from arc.charts.render import check_size
    from arc.charts.theme import EMOTIONS_SIZE, LONG_SIZE, SHIFT_SIZE, SHIFT_WIDTH, STORY_SIZE
    from arc.cli.options import MAX_DPI, MAX_TOP

    for size in (STORY_SIZE, LONG_SIZE, EMOTIONS_SIZE, SHIFT_SIZE):
        check_size(*size, MAX_DPI)
    check_size(SHIFT_WIDTH, 2.0 + 0.27 * MAX_TOP, 150)  # --top's most words, at the default
    check_size(SHIFT_WIDTH, 2.0 + 0.27 * MAX_TOP, MAX_DPI, "pdf")  # vector: inches only


@pytest.mark.parametrize(
    ("size", "dpi", "fmt", "needle"),
    [
        ((9.0, 137.0), 1200, "png", "10,800 x 164,400 pixels, over the 32,768 pixels a side"),
        ((150.0, 150.0), 200, "png", "over the 200 million pixels"),
        ((9.0, 2000.0), 150, "svg", "over the 200 inches a side"),
        ((9.0, 2000.0), 150, "pdf", "over the 200 inches a side"),
    ],
)
def test_a_chart_too_large_is_refused_naming_its_size(size, dpi, fmt, needle):
    from arc.charts.render import check_size
    from arc.errors import OutputError

    with pytest.raises(OutputError, match=needle):
        check_size(*size, dpi, fmt)


def test_a_chart_too_large_is_refused_before_drawing(monkeypatch, tmp_path):
    import dataclasses

    import arc
    import arc.charts.drawing
    from arc.analysis.explanation import explain
    from arc.analysis.wordshift import word_shift
    from arc.charts.render import save_chart
    from arc.charts.shiftchart import word_shift_chart
    from arc.errors import OutputError

    df = arc.analyze(None, "sentence")
    first, last = (explain(df, "sentence", segment=s) for s in ("0-50%", "50-100%"))
    shift = word_shift(first, last)
    chart = dataclasses.replace(word_shift_chart(shift), size=(9.0, 300.0))

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn before the size was checked")

    monkeypatch.setattr(arc.charts.drawing, "draw", no_drawing)
    for name in ("big.png", "big.svg"):
        with pytest.raises(OutputError, match="show fewer words"):
            save_chart(chart, tmp_path / name, dpi=150)
    assert list(tmp_path.iterdir()) == []


def test_explain_refuses_a_chart_too_large_in_one_line(tmp_path):
    # Alice's word shift at --top 500 is about 108 inches tall: 129,408 pixels at 1200 dpi.
    result = run(
        "explain", "--example", "alice", "--top", "500", "--dpi", "1200", "-o", "t.png",
        cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    line = error_line(result.stderr.decode())
    assert "pixels, over the 32,768 pixels a side a chart may have" in line
    assert "lower the dpi (--dpi) or show fewer words (--top)" in line
    assert list(tmp_path.iterdir()) == []
