"""Scores tables written as CSV, JSON and Parquet: safe in a spreadsheet, exact when read back."""

import csv
import io
import json

import pandas as pd
import pytest

import arc
from arc.analysis.units import UNITS
from arc.export import FORMULA_STARTS, escape_formula_cells, to_json, write_table
from tests.books import BOOKS, MAGI

FORMULAS = "=SUM(A1)\n\n+ plus\n\n- dash dialogue\n\n@mention here"
FORMATS = ("csv", "json", "parquet")


@pytest.fixture(scope="module")
def formulas():
    return arc.analyze(text=FORMULAS)


def _csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- formulas


def test_the_formula_paragraphs_are_rows(formulas):
    assert formulas.text.tolist() == ["=SUM(A1)", "+ plus", "- dash dialogue", "@mention here"]


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_csv_cells_that_start_like_a_formula_get_a_quote(formulas, tmp_path, to_file):
    if to_file:
        write_table(formulas, tmp_path / "f.csv")
        text = (tmp_path / "f.csv").read_text("utf-8")
    else:
        text = write_table(formulas, None)
    cells = [row["text"] for row in _csv_rows(text)]
    assert cells == ["'=SUM(A1)", "'+ plus", "'- dash dialogue", "'@mention here"]
    for row in _csv_rows(text):
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), row


def test_escape_formulas_false_keeps_the_raw_text(formulas, tmp_path):
    raw = [row["text"] for row in _csv_rows(write_table(formulas, None, escape_formulas=False))]
    assert raw == formulas.text.tolist()
    write_table(formulas, tmp_path / "raw.csv", escape_formulas=False)
    assert pd.read_csv(tmp_path / "raw.csv").text.tolist() == formulas.text.tolist()


def test_json_and_parquet_keep_the_text_exact(formulas, tmp_path):
    write_table(formulas, tmp_path / "f.json")
    records = json.loads((tmp_path / "f.json").read_text("utf-8"))
    assert [r["text"] for r in records] == formulas.text.tolist()
    write_table(formulas, tmp_path / "f.parquet")
    assert pd.read_parquet(tmp_path / "f.parquet").text.tolist() == formulas.text.tolist()


def test_numbers_are_never_escaped():
    df = arc.analyze(text="- I hate this. It is awful and sad.\n\n- Yes, a terrible, cruel day.")
    assert (df.compound < 0).all()
    rows = _csv_rows(write_table(df, None))
    assert [float(r["compound"]) for r in rows] == df.compound.tolist()
    assert all(r["compound"].startswith("-") for r in rows)
    assert all(r["text"].startswith("'-") for r in rows)


def test_escaping_leaves_the_frame_alone(formulas):
    before = formulas.copy()
    escape_formula_cells(formulas)
    write_table(formulas, None)
    pd.testing.assert_frame_equal(formulas, before)


def test_only_text_cells_that_start_like_a_formula_change():
    df = pd.DataFrame(
        {
            "text": ["safe", "=1+1", "\tTab", "mid=dle", None],
            "number": [-1.5, 2.0, -3.0, 4.0, 5.0],
            "chapter": pd.Categorical(["-1", "2", "2", "3", "3"]),
        }
    )
    out = escape_formula_cells(df)
    assert out.text.tolist()[:4] == ["safe", "'=1+1", "'\tTab", "mid=dle"]
    assert pd.isna(out.text.iloc[4])
    assert out.number.tolist() == df.number.tolist()
    assert out.chapter.tolist() == ["'-1", "2", "2", "3", "3"]


# --------------------------------------------------------------------------- every unit


@pytest.fixture(scope="module")
def unit_frames():
    """Every unit of two books: an excerpt with chapters and a Gutenberg short story."""
    params = {"window": {"window": 300}}
    books = {"alice": BOOKS / "alice_pg11_excerpt.txt", "magi": MAGI}
    return {
        (book, unit): arc.analyze(path, unit=unit, **params.get(unit, {}))
        for book, path in books.items()
        for unit in UNITS
    }


def _unescape(df):
    """Undo the CSV's formula quotes: a cell "'=x" read back is the text "=x"."""
    out = df.copy()
    for column in ("role", "chapter", "text"):
        if column in out:
            out[column] = out[column].map(
                lambda v: v[1:] if isinstance(v, str) and v[1:].startswith(FORMULA_STARTS) else v
            )
    return out


def _read(path, fmt, columns):
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "json":
        records = json.loads(path.read_text("utf-8"))
        return pd.DataFrame.from_records(records, columns=columns)
    text_columns = {c: "str" for c in ("role", "chapter", "text") if c in columns}
    # round_trip: pandas before 3.1 parses floats inexactly by default.
    frame = pd.read_csv(
        path,
        dtype=text_columns,
        keep_default_na=False,
        na_values=[""],
        float_precision="round_trip",
    )
    return _unescape(frame)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("unit", list(UNITS))
def test_every_unit_round_trips_through_every_format(unit_frames, unit, fmt, tmp_path):
    df = unit_frames["alice", unit]
    path = tmp_path / f"scores.{fmt}"
    write_table(df, path)
    back = _read(path, fmt, list(df.columns))
    assert list(back.columns) == list(df.columns)
    assert len(back) == len(df)
    # Integers may come back as floats where a column has gaps, text as object or str, a
    # missing chapter as None or NaN: the values must be the same.
    pd.testing.assert_frame_equal(back, df, check_dtype=False, check_exact=True)
    if fmt == "parquet":
        assert back.attrs == df.attrs  # pandas keeps attrs in the Parquet metadata


@pytest.mark.parametrize("unit", list(UNITS))
def test_json_is_the_exact_values(unit_frames, unit):
    df = unit_frames["alice", unit]
    records = json.loads(to_json(df))
    for record, row in zip(records, df.to_dict(orient="records"), strict=True):
        for key, value in row.items():
            assert record[key] == value or (pd.isna(value) and record[key] is None), key


@pytest.mark.parametrize("unit", list(UNITS))
def test_two_books_concatenate_for_every_unit(unit_frames, unit):
    a, b = unit_frames["alice", unit], unit_frames["magi", unit]
    both = pd.concat([a, b], ignore_index=True)
    assert len(both) == len(a) + len(b)
    assert list(both.columns) == list(a.columns)
    same = pd.concat([a, a.copy()], ignore_index=True)
    assert same.attrs == a.attrs


@pytest.mark.parametrize("book", ["alice", "magi"])
@pytest.mark.parametrize("unit", list(UNITS))
def test_attrs_are_json(unit_frames, unit, book):
    attrs = unit_frames[book, unit].attrs
    assert json.loads(json.dumps(attrs, allow_nan=False)) == attrs
    assert not any(isinstance(v, pd.DataFrame | pd.Series) for v in attrs.values())
