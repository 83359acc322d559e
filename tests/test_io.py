from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arc.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    MissingInputError,
    OutputError,
)
from arc.text.io import atomic_write, decode, read_text, vignette_text
from tests import texts

SHARED = Path(__file__).resolve().parent.parent / "arc" / "data" / "final_goodbyes.txt"


def test_vignette_is_embedded_byte_exact():
    data = SHARED.read_bytes()
    assert len(data) == 3452
    assert data.endswith(b"come back.\xc2\xa0\n\nThe End")
    assert vignette_text() == data.decode("utf-8")


@pytest.mark.parametrize(
    "data", [texts.UTF16, texts.UTF8_BOM, texts.CRLF, texts.CR, texts.STORY.encode()]
)
def test_encodings_and_line_endings_give_the_same_text(data):
    assert decode(data) == texts.STORY


def test_utf32_bom():
    assert decode(texts.STORY.encode("utf-32")) == texts.STORY


def test_cp1252_curly_quotes_decoded_right():
    text = decode(texts.CP1252)
    assert text.startswith("\u201cI love it,\u201d she said \u2014 na\u00efve")
    assert "\r" not in text


def test_latin1():
    assert decode(texts.LATIN1).startswith("Na\u00efve h\u00e9ros")


def test_nbsp_and_curly_quotes_stay_text():
    assert "\u00a0" in decode(texts.NBSP)
    assert decode("\u201cyes\u201d".encode()) == "\u201cyes\u201d"


def test_forced_encoding():
    assert decode("caf\u00e9".encode("cp1252"), "cp1252") == "caf\u00e9"
    with pytest.raises(DecodingError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")
    with pytest.raises(DecodingError, match="not valid utf-8"):
        decode(b"caf\xe9 ok", "utf-8")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (texts.EMPTY, EmptyInputError, "empty"),
        (texts.WHITESPACE, EmptyInputError, "only whitespace"),
        (texts.NO_LETTERS, EmptyInputError, "no letters"),
        (texts.BINARY, BinaryInputError, "binary"),
        (texts.PNG_HEADER, BinaryInputError, "binary"),
    ],
)
def test_bad_bytes(data, error, words):
    with pytest.raises(error, match=words):
        decode(data)


def test_missing_and_directory(tmp_path):
    with pytest.raises(MissingInputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(MissingInputError, match="is a directory"):
        read_text(tmp_path)


@given(st.text(alphabet=st.sampled_from("ab \n\r\u00a0\u201c"), min_size=1))
def test_newlines_normalised(text):
    data = ("x" + text).encode()
    assert "\r" not in decode(data)
    assert decode(data) == ("x" + text).replace("\r\n", "\n").replace("\r", "\n")


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write(b"partial")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_replaces_whole(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with atomic_write(target) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_atomic_write_errors(tmp_path):
    missing = tmp_path / "missing" / "out.csv"
    with pytest.raises(OutputError, match="does not exist"), atomic_write(missing):
        pass
    with pytest.raises(OutputError, match="is a directory"), atomic_write(tmp_path):
        pass


def test_atomic_write_unwritable(tmp_path):
    # /proc refuses new files even to root; a file standing where a directory should be
    # refuses everyone.
    with pytest.raises(OutputError, match="cannot write"), atomic_write("/proc/arc-test.csv"):
        pass
    (tmp_path / "file").write_text("x")
    under_a_file = tmp_path / "file" / "out.csv"
    with pytest.raises(OutputError, match="cannot write"), atomic_write(under_a_file):
        pass
