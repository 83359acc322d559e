"""Project Gutenberg headers and footers, on real files from tests/data/books (see its README)."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arc.text.gutenberg import Boilerplate, find_boilerplate

BOOKS = Path(__file__).parent / "data" / "books"
EXAMPLES = Path(__file__).parent.parent / "arc" / "data" / "examples"


def read(name: str, encoding: str = "utf-8-sig") -> str:
    """Decode a test file the way arc's reader does: no BOM, LF line endings."""
    path = BOOKS / name if (BOOKS / name).exists() else EXAMPLES / name
    return path.read_bytes().decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def line_at(text: str, offset: int) -> str:
    """The whole line that starts at ``offset``."""
    return text[offset:].split("\n", 1)[0]


def line_before(text: str, offset: int) -> str:
    """The line that ends just before ``offset`` (which must start a line)."""
    assert offset == 0 or text[offset - 1] == "\n"
    return text[:offset].rstrip("\n").rsplit("\n", 1)[-1]


MAGI = read("gift_of_the_magi_pg7256.txt")
MAGI_START = "*** START OF THE PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI ***"
MAGI_END = "*** END OF THE PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI ***"


# --- the four header styles in the corpus, 1994 to 2025 -------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "first", "last", "start_line", "end_line"),
    [
        # 1994: 1993 "small print" header, no START line, no footer at all.
        (
            "alice30.txt",
            "utf-8-sig",
            "ALICE'S ADVENTURES IN WONDERLAND",
            "THE END",
            "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
            None,
        ),
        # 2009/2013: "*** START OF THIS", and "End of the Project Gutenberg EBook" comes
        # before the "*** END OF THIS" line, so the body ends at the former.
        (
            "war_and_peace_pg2600-8_excerpt.txt",
            "latin-1",
            "An Anonymous Volunteer, and David Widger",
            "life is destroyed.",  # the excerpt ends with FIRST EPILOGUE, chapter I
            "*** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***",
            "End of the Project Gutenberg EBook of War and Peace, by Leo Tolstoy",
        ),
        # 2021: licence summary first, "*** START OF THE", CRLF and a BOM in the file.
        (
            "gift_of_the_magi_pg7256.txt",
            "utf-8-sig",
            "The Gift of the Magi",
            "They are the magi.",
            MAGI_START,
            MAGI_END,
        ),
        # 2025: "Title:/Author:" header that never names the project before the marker.
        (
            "moby_dick_pg2701_excerpt.txt",
            "utf-8-sig",
            "MOBY-DICK;",
            "only found another orphan.",
            "*** START OF THE PROJECT GUTENBERG EBOOK MOBY DICK; OR, THE WHALE ***",
            "*** END OF THE PROJECT GUTENBERG EBOOK MOBY DICK; OR, THE WHALE ***",
        ),
        (
            "frankenstein_pg84_excerpt.txt",
            "utf-8-sig",
            "Frankenstein;",
            "lost in darkness and distance.",
            "*** START OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN; OR, THE MODERN PROMETHEUS ***",
            "*** END OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN; OR, THE MODERN PROMETHEUS ***",
        ),
        (
            "romeo_and_juliet_pg1513_excerpt.txt",
            "utf-8-sig",
            "THE TRAGEDY OF ROMEO AND JULIET",
            "[_Exeunt._]",
            "*** START OF THE PROJECT GUTENBERG EBOOK ROMEO AND JULIET ***",
            "*** END OF THE PROJECT GUTENBERG EBOOK ROMEO AND JULIET ***",
        ),
    ],
)
def test_header_styles(name, encoding, first, last, start_line, end_line):
    text = read(name, encoding)
    found = find_boilerplate(text)
    body = text[found.body_start : found.body_end]
    assert body.strip().startswith(first)
    assert body.strip().endswith(last)
    assert line_before(text, found.body_start) == start_line
    assert found.header
    if end_line is None:
        assert not found.footer
        assert found.body_end == len(text)
    else:
        assert found.footer
        assert line_at(text, found.body_end) == end_line
    assert found.warning is None
    assert "SMALL PRINT" not in body
    assert "START OF TH" not in body
    assert "PROJECT GUTENBERG EBOOK" not in body.upper()
    assert "Section 1. General Terms" not in body


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("northanger_abbey_excerpt.txt", "utf-8-sig"),
        ("madame_bovary_excerpt.txt", "utf-8-sig"),
        ("alice_pg11_excerpt.txt", "utf-8-sig"),  # Gutenberg #11 with its header removed
        ("war_and_peace_pg2600-8_excerpt.txt", "latin-1"),
    ],
)
def test_no_gutenberg_text_is_untouched(name, encoding):
    text = read(name, encoding)
    if "Gutenberg" in text:  # War and Peace: take the book alone, as a user might paste it
        found = find_boilerplate(text)
        text = text[found.body_start : found.body_end]
    assert find_boilerplate(text) == Boilerplate(0, len(text), False, False, None)


# --- marker variants, on the real Gift of the Magi with its marker lines rewritten ------------


@pytest.mark.parametrize(
    "start",
    [
        "***START OF THE PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI***",
        "*** START OF THIS PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI ***",
        "*** Start of the Project Gutenberg eBook The Gift of the Magi ***",
        "*** START OF THE PROJECT GUTENBERG EBOOK THE GIFT\nOF THE MAGI ***",  # wrapped title
    ],
)
def test_start_marker_variants(start):
    text = MAGI.replace(MAGI_START, start)
    found = find_boilerplate(text)
    assert found.header and found.footer and found.warning is None
    assert line_before(text, found.body_start) == start.rsplit("\n", 1)[-1]
    assert text[found.body_start : found.body_end].strip().startswith("The Gift of the Magi")


@pytest.mark.parametrize(
    "end",
    [
        "***END OF THE PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI***",
        "*** END OF THIS PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI ***",
        "End of the Project Gutenberg EBook of The Gift of the Magi, by O. Henry",
        "End of Project Gutenberg's The Gift of the Magi, by O. Henry",
        "End of this Project Gutenberg Etext of The Gift of the Magi",
    ],
)
def test_end_marker_variants(end):
    text = MAGI.replace(MAGI_END, end)
    found = find_boilerplate(text)
    assert found.footer and found.warning is None
    assert line_at(text, found.body_end) == end
    assert text[found.body_start : found.body_end].rstrip().endswith("They are the magi.")


def test_end_of_ebook_line_wins_over_the_end_marker_after_it():
    text = MAGI.replace(MAGI_END, "End of Project Gutenberg's The Gift of the Magi\n\n" + MAGI_END)
    found = find_boilerplate(text)
    assert line_at(text, found.body_end) == "End of Project Gutenberg's The Gift of the Magi"


def test_small_print_2002_version():
    alice = read("alice30.txt")
    old = "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*"
    new = "*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*"
    found = find_boilerplate(alice.replace(old, new))
    assert found == find_boilerplate(alice)
    assert found.body_start > 0


def test_small_print_in_a_footer_is_not_a_header():
    # 2000s files put the small print after the book; with no START line it must not be
    # taken for the end of a header.
    body = MAGI[MAGI.index(MAGI_START) + len(MAGI_START) : MAGI.index(MAGI_END)]
    footer = (
        "End of the Project Gutenberg EBook of The Gift of the Magi\n\n"
        "*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n"
    )
    text = body + footer
    found = find_boilerplate(text)
    assert found.body_start == 0 and not found.header
    assert found.footer and found.body_end == len(body)


# --- missing or damaged markers --------------------------------------------------------------


def test_missing_end_marker_cuts_at_licence_with_warning():
    text = MAGI.replace(MAGI_END + "\n", "")
    found = find_boilerplate(text)
    assert found.header and not found.footer
    assert found.warning is not None and "end marker not found" in found.warning
    assert "\n" not in found.warning
    assert line_at(text, found.body_end).startswith("Updated editions will replace")
    assert text[found.body_start : found.body_end].rstrip().endswith("They are the magi.")


def test_missing_end_marker_and_licence_start_keeps_everything_with_warning():
    text = MAGI.replace(MAGI_END + "\n", "")
    text = text.replace("Updated editions will replace", "Updated versions will replace")
    text = text.replace("THE FULL PROJECT GUTENBERG LICENSE", "THE FULL LICENSE")
    found = find_boilerplate(text)
    assert found.body_end == len(text) and not found.footer
    assert found.warning is not None
    assert "end marker not found" in found.warning and "licence" in found.warning


def test_damaged_start_marker_warns_and_keeps_the_footer():
    text = MAGI.replace(MAGI_START, "*** STRAT OF THE PROJECT GUTENBERG EBOOK THE GIFT OF THE MAGI")
    found = find_boilerplate(text)
    assert not found.header and found.body_start == 0
    assert found.footer and line_at(text, found.body_end) == MAGI_END
    assert found.warning is not None and "start marker not found" in found.warning


def test_missing_start_marker_in_2025_header_warns():
    # The 2025 header never says "Project Gutenberg"; its "[eBook #2701]" line still shows it.
    moby = read("moby_dick_pg2701_excerpt.txt")
    text = moby.replace("*** START OF THE PROJECT GUTENBERG EBOOK MOBY DICK; OR, THE WHALE ***", "")
    found = find_boilerplate(text)
    assert not found.header and found.footer
    assert found.warning is not None and "start marker not found" in found.warning


def test_both_markers_missing_warns_once():
    text = MAGI.replace(MAGI_START, "").replace(MAGI_END, "")
    text = text.replace("Updated editions will replace", "Updated versions will replace")
    text = text.replace("THE FULL PROJECT GUTENBERG LICENSE", "THE FULL LICENSE")
    found = find_boilerplate(text)
    assert (found.body_start, found.body_end) == (0, len(text))
    assert found.warning is not None and "start and end markers" in found.warning
    assert "\n" not in found.warning


def test_damaged_small_print_warns():
    alice = read("alice30.txt")
    text = alice.replace("*END*THE SMALL PRINT!", "*END*THE SMALL PRIN")
    text = text.replace("*END*THE SMALL PRIN", "*ED*THE SMAL PRIN")
    found = find_boilerplate(text)
    assert not found.header and found.body_start == 0
    assert found.warning is not None and "start marker not found" in found.warning


def test_file_that_never_had_a_footer_gets_no_warning():
    # alice30.txt (1994) ends with the book: nothing of the licence is left to score.
    found = find_boilerplate(read("alice30.txt"))
    assert found.header and not found.footer and found.warning is None


# --- odd input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "***",
        "*** START OF THE PROJECT GUTENBERG EBOOK",
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***",
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n*** START OF THE PROJECT GUTENBERG EBOOK\n",
        "Project Gutenberg",
        "*" * 100_000,
        "*** START OF " * 20_000,
        " \t" * 100_000 + "END OF THE PROJECT",
    ],
)
def test_odd_input_never_raises(text):
    found = find_boilerplate(text)
    assert 0 <= found.body_start <= found.body_end <= len(text)


@given(
    st.text(
        alphabet=st.sampled_from("*\n \tSTARTENDOFTHEPROJECTGUTENBERGsmallprint!"), max_size=400
    )
)
def test_offsets_always_in_range(text):
    found = find_boilerplate(text)
    assert 0 <= found.body_start <= found.body_end <= len(text)
    assert found.warning is None or "\n" not in found.warning


@given(st.text(max_size=300))
def test_text_without_gutenberg_is_whole(text):
    if "gutenberg" in text.lower() or "ebook" in text.lower():
        return
    assert find_boilerplate(text) == Boilerplate(0, len(text), False, False, None)
