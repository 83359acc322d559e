"""Issue #19, section 4: results that would be wrong without a word are refused or fixed."""

import pytest

from arc.cli import main
from arc.errors import TableError
from arc.score.validation import excerpt, read_rated, validate

RATED = "text,rating\nI love this.,4\nThis is awful.,-4\nIt is a chair.,0\nWhat a joy!,3\nSad.,-3\n"


def _one_error_line(capsys, argv):
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("arc: error: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return err[0]


# --------------------------------------------------------------------------- arc validate


def test_ratings_too_far_apart_are_refused(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_text("text,rating\nI love it,1e308\nI hate it,-1e308\nok,0\nGood day,1e308\n")
    with pytest.raises(TableError, match="too far apart"):
        read_rated(path)
    err = _one_error_line(capsys, ["validate", "--scorer", "vader", str(path)])
    assert "too far apart" in err


def test_huge_but_finite_ratings_correlate_as_small_ones(tmp_path):
    small, huge = tmp_path / "small.csv", tmp_path / "huge.csv"
    rows = [("I love it", 2.0), ("I hate it", -2.0), ("It is a chair", 0.0), ("Nice", 0.2)]
    small.write_text("text,rating\n" + "".join(f"{t},{r}\n" for t, r in rows))
    huge.write_text("text,rating\n" + "".join(f"{t},{r * 1e200}\n" for t, r in rows))
    a, b = validate([read_rated(small)], ["vader"]), validate([read_rated(huge)], ["vader"])
    assert a["pearson"].iloc[0] == pytest.approx(b["pearson"].iloc[0], abs=1e-6)
    assert a["pearson"].iloc[0] > 0.5


def test_scale_the_ratings_fall_outside_of_is_refused(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(RATED)
    with pytest.raises(TableError, match="outside the scale 0 to 1"):
        read_rated(path, scale=(0, 1))
    err = _one_error_line(capsys, ["validate", "--scorer", "vader", str(path), "--scale", "0", "1"])
    assert "row 2: the rating 4 is outside the scale 0 to 1" in err
    assert read_rated(path, scale=(-4, 4)).scale == (-4, 4)


@pytest.mark.parametrize("scale", [(0, float("inf")), (float("-inf"), 0), (float("nan"), 4)])
def test_infinite_scale_is_refused(tmp_path, scale):
    path = tmp_path / "r.csv"
    path.write_text(RATED)
    with pytest.raises(ValueError, match="finite"):
        read_rated(path, scale=scale)


def test_infinite_scale_is_refused_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(RATED)
    # refused as the option is read (a usage error, status 2), before the file is opened
    with pytest.raises(SystemExit) as stopped:
        main(["validate", str(path), "--scale", "0", "inf"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("arc: error: argument --scale: takes two numbers")


@pytest.mark.parametrize("rating", ["1_000", "inf", "-Infinity", "nan", "0x10", "١"])
def test_only_plain_decimal_numbers_are_ratings(tmp_path, rating):
    path = tmp_path / "r.csv"
    path.write_text(f"text,rating\nI love it,{rating}\nI hate it,-4\nok,0\n", "utf-8")
    with pytest.raises(TableError, match=r"row 2: the rating .* is not a number"):
        read_rated(path)


def test_plain_numbers_are_read(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("text,rating\nI love it, +1.5e1 \nI hate it,-.5\nok,3.\nmeh,7\n")
    assert read_rated(path).ratings == (15.0, -0.5, 3.0, 7.0)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("I love it,4,cols\nI hate it,-4,x\nok,0,y\n", "row 2: 3 fields where the header has 2"),
        ("I love it,4\nI hate it,-4,extra\nok,0\n", "row 3: 3 fields where the header has 2"),
        ("I love it,4\nI hate it\nok,0\n", "row 3: 1 field where the header has 2"),
    ],
)
def test_a_ragged_row_is_named_as_such(tmp_path, capsys, rows, message):
    path = tmp_path / "rag.csv"
    path.write_text("text,rating\n" + rows)
    with pytest.raises(TableError, match=message):
        read_rated(path)
    err = _one_error_line(capsys, ["validate", str(path)])
    assert message in err and "not a number" not in err


def test_errors_never_quote_a_secret_or_a_huge_line(tmp_path, capsys):
    secret = tmp_path / "secret.env"
    secret.write_text("API_KEY=sk-very-secret-123\nfoo=bar\n")
    err = _one_error_line(capsys, ["validate", str(secret)])
    assert "secret" not in err.replace(str(secret), "") and "no comma or tab" in err
    wide = tmp_path / "wide.csv"
    wide.write_text("text2," + "h" * 2_000_000 + "\na,1\n")
    err = _one_error_line(capsys, ["validate", str(wide)])
    assert len(err) < 400 and "(first 20 of 2,000,000 characters)" in err
    rating = tmp_path / "rating.csv"
    rating.write_text("text,rating\nI love it," + "x" * 100_000 + "\nI hate it,-4\nok,0\n")
    err = _one_error_line(capsys, ["validate", str(rating)])
    assert len(err) < 400 and "(first 20 of 100,000 characters)" in err


def test_long_texts_are_still_read(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(f'text,rating\n"{"good " * 40_000}",1\nI hate it,-4\nok,0\n')
    assert len(read_rated(path).texts[0]) == 200_000


def test_excerpt_marks_the_cut():
    assert excerpt("rating") == "'rating'"
    assert excerpt("x" * 30, 5) == "'xxxxx'… (first 5 of 30 characters)"


def test_validate_has_the_max_size_it_suggests(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_text(RATED + "".join(f"Fine words {k},1\n" for k in range(60_000)))
    err = _one_error_line(capsys, ["validate", "--max-size", "1", str(path)])
    assert "pass --max-size 2" in err
    assert main(["validate", "--scorer", "vader", "--max-size", "2", str(path)]) == 0


# --------------------------------------------------------------------------- --segment


def test_a_range_past_the_end_is_refused_like_an_index(capsys):
    assert "there is no paragraph 33" in _one_error_line(capsys, ["explain", "--segment", "0-33"])
    assert "there is no paragraph 33" in _one_error_line(capsys, ["explain", "--segment", "33"])
    assert main(["explain", "--segment", "0-12"]) == 0
    assert "paragraphs 0–12" in capsys.readouterr().out


def test_an_empty_chapter_label_is_refused(capsys):
    err = _one_error_line(capsys, ["explain", "--segment", "chapter:"])
    assert "names no chapter" in err


@pytest.mark.parametrize("stretch", ["0-0%", "50-50%", "100-100%", "49.9-50%"])
def test_a_stretch_narrower_than_a_unit_is_its_nearest_unit(capsys, stretch):
    import arc
    from arc.analysis.weights import select

    sentences = arc.analyze(unit="sentence")
    choice = select(sentences, "paragraph", stretch)
    assert len(choice.units) == 1
    assert main(["explain", "--segment", stretch]) == 0
    out = capsys.readouterr().out
    assert ("(nearest: paragraph " in out) == (stretch not in ("0-0%", "100-100%")), out


def test_a_books_chapter_list_names_no_nan(capsys):
    import arc

    err = _one_error_line(
        capsys, ["explain", "--example", "frankenstein", "--segment", "chapter:zz"]
    )
    assert "nan" not in err.split("chapters:")[1] and "L1, L2" in err
    assert arc.example_path("frankenstein").exists()


# --------------------------------------------------------------------------- the API


@pytest.fixture(scope="module")
def arc_frame():
    import arc

    return arc.analyze()


def test_explain_reads_a_str_naming_a_file_as_analyze_does(tmp_path, monkeypatch):
    import arc

    (tmp_path / "story.txt").write_text("What a lovely day.\n\nA dreadful night.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    by_str, by_path = arc.explain("story.txt"), arc.explain(tmp_path / "story.txt")
    assert by_str.equals(by_path) and by_str.attrs["value"] == by_path.attrs["value"]
    assert set(by_str["token"]) >= {"lovely", "dreadful"}


def test_explain_of_a_str_naming_no_file_is_deprecated():
    import arc

    with pytest.warns(FutureWarning, match="text="):
        old = arc.explain("Not bad at all, but the ending was PERFECT!")
    new = arc.explain(text="Not bad at all, but the ending was PERFECT!")
    assert old.attrs["value"] == new.attrs["value"] == 0.8543


def test_explain_refuses_unknown_parameters_and_empty_frames():
    import pandas as pd

    import arc

    with pytest.raises(TypeError, match="unknown parameter 'bogus'"):
        arc.explain(text="Good. Bad.", bogus=1)
    with pytest.raises(ValueError, match="got an empty DataFrame"):
        arc.explain(pd.DataFrame())


def test_plot_arc_names_its_bad_parameter(arc_frame):
    import pandas as pd

    import arc

    with pytest.raises(TypeError, match=r"plot_arc\(title=...\) must be a str"):
        arc.plot_arc(arc_frame, title=123)
    with pytest.raises(ValueError, match=r"plot_arc\(value='compound'\): the frame has no"):
        arc.plot_arc(pd.DataFrame())
    with pytest.raises(ValueError, match=r"plot_arc\(value='nope'\)"):
        arc.plot_arc(arc_frame, value="nope")


def test_turning_points_names_a_missing_column(arc_frame):
    import arc

    with pytest.raises(ValueError, match=r"turning_points\(value='nope'\): the frame has no"):
        arc.turning_points(arc_frame, value="nope")
    assert len(arc.turning_points(arc_frame)) >= 1


def test_a_non_str_encoding_is_named():
    import arc

    with pytest.raises(TypeError, match="encoding= must be a codec name"):
        arc.analyze(arc.example_path("alice"), encoding=123)
