"""Text is read as what it is: damaged UTF-8, legacy bytes, forced encodings, invisible marks.

And sentence splitting stays linear whatever a paragraph holds.
"""

import subprocess
import sys
import warnings

import pytest

import arc
from arc.errors import ArcWarning, DecodingError
from arc.text import segment
from arc.text.document import load
from arc.text.io import UTF8_VALID_PER_INVALID, decode
from arc.text.segment import (
    ELLIPSIS_TAIL,
    MAX_SENTENCE_WORDS,
    PUNKT_WINDOW,
    join_lines,
    split_sentences,
)
from tests import texts
from tests.books import FRANKENSTEIN

WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


def decode_warned(data: bytes, **kwargs) -> tuple[str, list[str]]:
    """Decode, returning the text and the ArcWarnings issued."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = decode(data, **kwargs)
    return text, [str(w.message) for w in caught if issubclass(w.category, ArcWarning)]


# --- 1. UTF-8 with a few bad bytes stays UTF-8 ---------------------------------------------


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf8_with_one_latin1_byte_stays_utf8(bom):
    data = FRANKENSTEIN.read_bytes()
    data = (data if bom else data.removeprefix(b"\xef\xbb\xbf")) + b"\xe9"
    text, warned = decode_warned(data, name="frankenstein.txt")
    assert "\u2014" in text and "\u201c" in text
    assert "\u201a\u00c4\u00ee" not in text  # "—" read as mac_roman
    assert text.endswith("\ufffd") and text.count("\ufffd") == 1
    last_line = data.count(b"\n") + 1
    assert warned == [
        f"frankenstein.txt is UTF-8 except for 1 invalid byte (line {last_line:,}, byte offset "
        f"{len(data) - 1:,}); it was replaced with U+FFFD; pass --encoding if the file is in "
        "another encoding"
    ]


def test_many_bad_bytes_give_one_warning_with_their_lines():
    raw = (
        "Caf\u00e9 \u2014 na\u00efve \u201cyes\u201d.\r\n".encode()
        + b"Line two \x93x\x94.\r\n"
        + "Three \u2019.\r\n".encode()
        + b"\x96 four\r\n"
    )
    text, warned = decode_warned(raw)
    assert text.startswith("Caf\u00e9 \u2014 na\u00efve \u201cyes\u201d.\nLine two \ufffdx\ufffd.")
    assert text.count("\ufffd") == 3
    assert len(warned) == 1
    assert "3 invalid bytes (lines 2 and 4; the first at byte offset" in warned[0]
    assert "they were replaced with U+FFFD" in warned[0]


def test_warnings_can_be_collected_instead_of_issued():
    found: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArcWarning)
        text = decode("\u201cHi\u201d".encode() + b" \xe9\n", collect=found)
    assert text == "\u201cHi\u201d \ufffd\n"
    assert len(found) == 1 and "1 invalid byte (line 1" in found[0]


def test_legacy_bytes_outnumbering_valid_utf8_are_guessed():
    # "Ã©" is C3 A9 in cp1252, a valid UTF-8 "é" by chance; five accented letters are not.
    legacy = "Na\u00efve h\u00e9ros, l'\u00e9t\u00e9 \u00e9tait l\u00e0. \u00c3\u00a9\n"
    assert 5 * UTF8_VALID_PER_INVALID > 1  # the rule: too many invalid bytes for UTF-8
    assert decode(legacy.encode("cp1252")) == legacy


@pytest.mark.parametrize(
    "data", [b"\x93Good\x94.\n", b"\x93Hi,\x94 she said.", b"caf\xe9", b"na\xefve \x96 ok\r\n"]
)
def test_cp1252_without_utf8_is_never_utf16(data):
    text, _ = decode_warned(data)
    assert text == data.decode("cp1252").replace("\r\n", "\n")


def test_cp1252_curly_quotes_read_as_cp1252():
    assert decode_warned(b"\x93Good\x94.\n")[0] == "\u201cGood\u201d.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", ["english", "chinese"])
def test_utf16_and_utf32_without_bom_recognised_by_their_nuls(encoding, name):
    text = texts.SCRIPTS[name]
    assert decode(text.encode(encoding)) == text
    assert decode(texts.STORY.encode(encoding)) == texts.STORY


@pytest.mark.parametrize("name", sorted(texts.SCRIPTS))
def test_legacy_encodings_detected(name):
    text = texts.SCRIPTS[name]
    for encoding in texts.LEGACY_ENCODINGS[name]:
        assert decode_warned(text.encode(encoding))[0] == text, encoding


# --- 2. A forced encoding that gives no text is refused ------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_forced_utf16_on_utf8_is_refused(encoding):
    data = FRANKENSTEIN.read_bytes()
    data += b"\n" * (len(data) % 2)
    with pytest.raises(DecodingError, match=f"read as {encoding} is not text") as error:
        decode(data, encoding)
    assert "\n" not in str(error.value) and "--encoding" in str(error.value)


@pytest.mark.parametrize("name", sorted(texts.SCRIPTS))
def test_forced_utf16_on_utf8_is_refused_in_any_script(name):
    data = texts.SCRIPTS[name].encode()
    data += b" " * (len(data) % 2)
    for encoding in ["utf-16-le", "utf-16-be"]:
        with pytest.raises(DecodingError, match="is not text"):
            decode(data, encoding)


@pytest.mark.parametrize("name", sorted(texts.SCRIPTS))
def test_forced_encodings_accept_real_text_in_any_script(name):
    text = texts.SCRIPTS[name]
    for encoding in ["utf-8", "utf-8-sig", *WIDE, *texts.LEGACY_ENCODINGS[name]]:
        assert decode(text.encode(encoding), encoding) == text, encoding


def test_forced_encoding_keeps_short_words():
    assert decode(b"caf\xe9", "cp1252") == "caf\u00e9"
    assert decode("\u540d\u524d".encode("utf-16"), "utf-16") == "\u540d\u524d"


def run_arc(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "arc", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_cli_refuses_a_forced_encoding_that_gives_no_text(tmp_path):
    path = tmp_path / "frankenstein.txt"
    data = FRANKENSTEIN.read_bytes()
    path.write_bytes(data + b"\n" * (len(data) % 2))
    result = run_arc("score", str(path), "--encoding", "utf-16", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("arc: error: ")
    assert "is not text" in lines[0]
    assert not (tmp_path / "out.csv").exists()


def test_cli_says_once_where_utf8_was_damaged(tmp_path):
    path = tmp_path / "frankenstein.txt"
    path.write_bytes(FRANKENSTEIN.read_bytes() + b"\xe9")
    result = run_arc("score", str(path), "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    damaged = [line for line in result.stderr.splitlines() if "invalid byte" in line]
    assert len(damaged) == 1 and damaged[0].startswith("arc: warning: ")


# --- 3. Invisible characters do not hide words ---------------------------------------------


@pytest.mark.parametrize("mark", texts.INVISIBLE, ids=lambda ch: f"U+{ord(ch):04X}")
def test_invisible_characters_are_removed(mark):
    assert decode(f"I l{mark}ove th{mark}is".encode()) == "I love this"


def test_invisible_characters_score_like_plain_text():
    plain = arc.analyze(b"I love this")
    marked = arc.analyze("I l\u200bove th\u00adis".encode())
    assert plain.compound.iloc[0] > 0.5
    assert marked.compound.tolist() == plain.compound.tolist()
    assert marked.text.tolist() == ["I love this"]


def test_offsets_point_into_the_text_without_invisible_characters():
    source = "\u202bShe l\u200bove\u200dd it.\u202c\n\nHe w\u2060ept.\ufeff\n"
    doc = load(source.encode())
    assert doc.text == "She loved it.\n\nHe wept.\n"
    for p in doc.paragraphs:
        assert join_lines(doc.text[p.start : p.end]) == p.text


# --- 4. Sentence splitting is linear and never times out -----------------------------------


def ellipses(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size].strip()


@pytest.fixture
def punkt_calls(monkeypatch):
    """The length of every text handed to Punkt, in order."""
    tokenizer = segment.tokenizer()
    calls: list[int] = []
    original = tokenizer.span_tokenize

    def span_tokenize(text, *args, **kwargs):
        calls.append(len(text))
        return original(text, *args, **kwargs)

    monkeypatch.setattr(tokenizer, "span_tokenize", span_tokenize)
    return calls


class CountingPattern:
    """A compiled pattern that counts the characters its searches look at."""

    def __init__(self, pattern):
        self.pattern, self.scanned = pattern, 0

    def search(self, string, pos=0, endpos=None):
        endpos = len(string) if endpos is None else endpos
        self.scanned += endpos - pos
        return self.pattern.search(string, pos, endpos)


def test_a_megabyte_of_ellipses_splits_under_a_short_regex_guard(monkeypatch):
    redos = pytest.importorskip("nltk.redos")  # nltk >= 3.9 times every regular expression
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0.5)
    text = "He paused... then spoke. " * 40_000  # 1 MB
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArcWarning)  # no window gave up
        sentences = split_sentences(text)
    assert len(sentences) == 40_000
    assert {s.text for s in sentences} == {"He paused... then spoke."}


@pytest.mark.parametrize(
    "unit", ["Wait... ", "I waited... ", "Wait. . . ", "He paused... then spoke. "]
)
def test_splitting_ellipses_is_linear(unit, punkt_calls, monkeypatch):
    counter = CountingPattern(segment._ELLIPSIS_END)
    monkeypatch.setattr(segment, "_ELLIPSIS_END", counter)
    work = []
    for size in (25_000, 100_000):
        punkt_calls.clear()
        counter.scanned = 0
        sentences = split_sentences(ellipses(unit, size))
        assert max(punkt_calls) <= PUNKT_WINDOW
        assert sum(punkt_calls) <= 2 * size
        assert all(len(s.text.split()) <= MAX_SENTENCE_WORDS for s in sentences)
        work.append((sum(punkt_calls), counter.scanned))
    (punkt_small, scan_small), (punkt_large, scan_large) = work
    assert punkt_large <= 4.2 * punkt_small
    assert scan_large <= 4.2 * max(scan_small, 1)
    assert scan_large <= ELLIPSIS_TAIL * 100_000


def test_hard_wrapped_book_in_one_paragraph_splits_in_windows(punkt_calls):
    text = decode(FRANKENSTEIN.read_bytes())
    lines = text[text.index("Letter 1") :][:300_000].splitlines()
    wrapped = "\n".join(line.strip() for line in lines if line.strip())  # one paragraph
    sentences = split_sentences(wrapped)
    assert max(punkt_calls) <= PUNKT_WINDOW
    assert sum(punkt_calls) <= 2 * len(wrapped)
    assert len(sentences) > 2000


@pytest.mark.parametrize("separator", [" ", "\n"])
def test_windows_give_the_sentences_of_one_call(separator, monkeypatch):
    text = decode(FRANKENSTEIN.read_bytes())
    paragraph = text[text.index("Letter 1") :][:60_000].replace("\n", separator).strip()
    monkeypatch.setattr(segment, "PUNKT_WINDOW", 10**9)
    whole = split_sentences(paragraph, 7)
    for window in (PUNKT_WINDOW, 700, 150):
        monkeypatch.setattr(segment, "PUNKT_WINDOW", window)
        assert split_sentences(paragraph, 7) == whole


def test_punkt_time_limit_falls_back_to_word_pieces(monkeypatch):
    tokenizer = segment.tokenizer()

    def too_slow(text, *args, **kwargs):
        raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

    monkeypatch.setattr(tokenizer, "span_tokenize", too_slow)
    text = "She waited and waited. " * 400
    with pytest.warns(ArcWarning, match="time limit on 9,199 characters .* offset 10"):
        sentences = split_sentences(text.strip(), offset=10)
    assert [len(s.text.split()) for s in sentences] == [300] * 5 + [100]
    assert " ".join(s.text for s in sentences) == text.strip()
