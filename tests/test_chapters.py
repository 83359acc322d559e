"""Chapter headings, tables of contents and labels, on real excerpts from tests/data/books.

Expected counts come from the books themselves (their tables of contents, or the heading lines
counted in the raw text), not from the code's output; see tests/data/books/README.md.
"""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arc.text.chapters import MIN_STORY_CHARS, Heading, chapter_labels, detect_headings
from arc.text.gutenberg import find_boilerplate

BOOKS = Path(__file__).parent / "data" / "books"
EXAMPLES = Path(__file__).parent.parent / "arc" / "data" / "examples"
STORY = (
    "It was a bright cold day in April, and the clocks were striking thirteen. She walked "
    "down the lane to the sea, and for a long while she did not look back at the house."
)
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def read(name: str, encoding: str = "utf-8-sig") -> str:
    """Decode a test file the way arc's reader does: no BOM, LF line endings."""
    path = BOOKS / name if (BOOKS / name).exists() else EXAMPLES / name
    return path.read_bytes().decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    """Arc's paragraph rule: blank-line separated blocks, wrapped lines joined with a space."""
    blocks = (_LINE_BREAK.sub(" ", block).strip() for block in _BLANK_LINES.split(text))
    return [block for block in blocks if block]


def book(name: str, encoding: str = "utf-8-sig") -> list[str]:
    """The paragraphs of a test book's body, Gutenberg boilerplate removed."""
    text = read(name, encoding)
    found = find_boilerplate(text)
    return paragraphs(text[found.body_start : found.body_end])


def kinds(headings, kind):
    return [h for h in headings if h is not None and h.kind == kind]


def distinct(labels):
    """The labels in order of first appearance, None left out."""
    return list(dict.fromkeys(label for label in labels if label is not None))


def one(paragraph: str) -> Heading | None:
    """Detect a single paragraph followed by enough story to count as a heading."""
    return detect_headings([paragraph, STORY])[0]


# --- heading forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "kind", "number", "title"),
    [
        ("Chapter 1", "chapter", 1, None),
        ("CHAPTER I.", "chapter", 1, None),
        ("CHAPTER XII. The Title", "chapter", 12, "The Title"),
        ("Chapter 3: A Title", "chapter", 3, "A Title"),
        ("CHAPTER XLVIII", "chapter", 48, None),
        ("Chapter Fifteen", "chapter", 15, None),
        ("CHAPTER THE FIRST", "chapter", 1, None),
        ("Chapter Twenty-One", "chapter", 21, None),
        ("CHAPTER 135. The Chase.\u2014Third Day.", "chapter", 135, "The Chase.\u2014Third Day."),
        ("BOOK II", "book", 2, None),
        ("BOOK ONE: 1805", "book", 1, "1805"),
        ("VOLUME III", "volume", 3, None),
        ("PART ONE", "part", 1, None),
        ("Part II", "part", 2, None),
        ("Letter 4", "letter", 4, None),
        ("ACT I", "act", 1, None),
        ("SCENE II. A street.", "scene", 2, "A street."),
        ("STAVE ONE", "stave", 1, None),
        ("FIRST EPILOGUE: 1813 - 20", "epilogue", 1, "1813 - 20"),
        ("Epilogue", "epilogue", None, None),
        ("THE PROLOGUE", "prologue", None, None),
        ("EXTRACTS (Supplied by a Sub-Sub-Librarian).", "extracts", None, None),
    ],
)
def test_heading_forms(paragraph, kind, number, title):
    heading = one(paragraph)
    assert heading is not None
    assert (heading.kind, heading.number, heading.label) == (kind, number, paragraph)
    if title is not None:
        assert heading.title == title


@pytest.mark.parametrize(
    "paragraph",
    [
        "He read the first chapter twice before he slept.",
        "Chapter 3 of the book was dull, she thought, and put it down.",
        "Chapter 3 was dull.",
        "Letter 4, he said, was never sent.",
        "Book of Job",
        "Part of the problem was the rain.",
        "Act now, or never.",
        "Scene after scene passed before her eyes.",
        "SCENE. During the greater part of the Play in Verona; once, in the Fifth Act, at Mantua.",
        "\u201cChapter 1,\u201d she read aloud.",
        "chapter 1",
        "CHAPTER",
        "BOOK",
        "Chapter " + "very " * 40 + "long",
    ],
)
def test_not_headings(paragraph):
    assert one(paragraph) is None


def test_chapter_mentioned_in_real_paragraphs_is_not_a_heading():
    paras = book("northanger_abbey_excerpt.txt")
    mentioning = [i for i, p in enumerate(paras) if re.search(r"\bchapters?\b", p)]
    assert len(mentioning) == 2  # "three or four following chapters", "a chapter from Sterne"
    headings = detect_headings(paras)
    assert all(headings[i] is None for i in mentioning)


def test_separate_title_paragraph_belongs_to_the_heading():
    headings = detect_headings(["CHAPTER I.", "Down the Rabbit-Hole", STORY])
    assert headings[0] is not None and headings[0].kind == "chapter"
    assert headings[0].title == "Down the Rabbit-Hole"
    assert headings[1] is not None and headings[1].kind == "title"
    assert headings[2] is None
    assert chapter_labels(headings) == ["1", "1", "1"]


@pytest.mark.parametrize(
    "first", ["Seven years had passed.", "\u201cWell?\u201d", "It was cold.", "Who was there?"]
)
def test_short_first_paragraph_is_story_not_title(first):
    headings = detect_headings(["CHAPTER I", first, STORY])
    assert headings[1] is None


# --- whole books and excerpts ----------------------------------------------------------------

ALICE_TITLES = [
    "Down the Rabbit-Hole",
    "The Pool of Tears",
    "A Caucus-Race and a Long Tale",
    "The Rabbit Sends in a Little Bill",
    "Advice from a Caterpillar",
    "Pig and Pepper",
    "A Mad Tea-Party",
    "The Queen's Croquet-Ground",
    "The Mock Turtle's Story",
    "The Lobster Quadrille",
    "Who Stole the Tarts?",
    "Alice's Evidence",
]


def test_alice30_twelve_chapters_with_separate_titles():
    paras = book("alice30.txt")
    headings = detect_headings(paras)
    chapters = kinds(headings, "chapter")
    assert [h.number for h in chapters] == list(range(1, 13))
    assert [h.title for h in chapters] == ALICE_TITLES
    assert [h.label for h in kinds(headings, "title")] == ALICE_TITLES
    labels = chapter_labels(headings)
    assert distinct(labels) == [str(n) for n in range(1, 13)]
    first = paras.index("CHAPTER I")
    assert labels[:first] == [None] * first  # title page
    assert labels[-1] == "12"


def test_alice_pg11_inline_titles():
    headings = detect_headings(book("alice_pg11_excerpt.txt"))
    chapters = kinds(headings, "chapter")
    assert [(h.number, h.title) for h in chapters] == [(1, ALICE_TITLES[0]), (2, ALICE_TITLES[1])]
    assert not kinds(headings, "title")


def test_northanger_abbey_plain_run():
    paras = book("northanger_abbey_excerpt.txt")
    headings = detect_headings(paras)
    assert [h.label for h in kinds(headings, "chapter")] == [f"CHAPTER {n}" for n in range(1, 6)]
    labels = chapter_labels(headings)
    assert distinct(labels) == ["1", "2", "3", "4", "5"]
    assert labels[paras.index("CHAPTER 1") - 1] is None  # the Advertisement is front matter


def test_frankenstein_letters_then_chapters_and_joined_contents():
    paras = book("frankenstein_pg84_excerpt.txt")
    headings = detect_headings(paras)
    # The contents is one paragraph listing Letters 1-4 and Chapters 1-24.
    listing = next(p for p in paras if p.startswith("Letter 1 Letter 2"))
    assert len(re.findall(r"(?:Letter|Chapter) \d+", listing)) == 28
    assert headings[paras.index(listing)].kind == "contents"
    assert [h.number for h in kinds(headings, "letter")] == [1, 2, 3, 4]
    assert [h.number for h in kinds(headings, "chapter")] == [1, 24]  # the excerpt's two
    assert distinct(chapter_labels(headings)) == ["L1", "L2", "L3", "L4", "1", "24"]


def test_moby_dick_contents_front_matter_short_chapter_and_epilogue():
    text = read("moby_dick_pg2701_excerpt.txt")
    paras = book("moby_dick_pg2701_excerpt.txt")
    headings = detect_headings(paras)
    # The table of contents: every entry from CONTENTS to the transcriber's notes (three long
    # titles wrap onto a second line, so entries are counted as blank-line separated blocks).
    toc = paragraphs(text[text.index("CONTENTS") : text.index("Original Transcriber")])
    assert len(toc) == 1 + 2 + 135 + 1  # CONTENTS, ETYMOLOGY, EXTRACTS, chapters, Epilogue
    assert [p for p in toc if p.startswith("CHAPTER")][-1].startswith("CHAPTER 135.")
    assert len(kinds(headings, "contents")) == len(toc)
    assert [h.number for h in kinds(headings, "chapter")] == [1, 2, 121, 122, 123, 135]
    assert len(kinds(headings, "epilogue")) == 1
    labels = chapter_labels(headings)
    assert distinct(labels) == ["1", "2", "121", "122", "123", "135", "Epilogue"]
    # ETYMOLOGY and EXTRACTS are front matter: headings, but before the first chapter.
    notes = next(i for i, p in enumerate(paras) if p.startswith("Original Transcriber"))
    etymology = paras.index("ETYMOLOGY.", notes)  # the first one is in the contents
    assert headings[paras.index("ETYMOLOGY.")].kind == "contents"
    assert headings[etymology] is not None and headings[etymology].kind == "etymology"
    assert labels[etymology] is None
    # Chapter 122 has only about 250 characters of story and still counts.
    at = next(i for i, h in enumerate(headings) if h and h.kind == "chapter" and h.number == 122)
    story = paras[at + 1 : at + 3]
    assert MIN_STORY_CHARS < sum(map(len, story)) < 400
    assert headings[at + 3] is not None and headings[at + 3].number == 123


def test_war_and_peace_toc_and_restarting_chapters():
    text = read("war_and_peace_pg2600-8_excerpt.txt", "latin-1")
    paras = book("war_and_peace_pg2600-8_excerpt.txt", "latin-1")
    headings = detect_headings(paras)
    # The contents lists every BOOK, EPILOGUE and CHAPTER line until the body's BOOK ONE.
    first = text.index("BOOK ONE: 1805")
    body = text.index("BOOK ONE: 1805", first + 1)
    toc_lines = [line for line in text[first:body].split("\n") if line.strip()]
    assert sum(line.startswith("CHAPTER") for line in toc_lines) == 365
    assert len(kinds(headings, "contents")) == len(toc_lines) + 1  # and CONTENTS itself
    assert [h.label for h in kinds(headings, "book")] == ["BOOK ONE: 1805", "BOOK TWO: 1805"]
    assert [h.label for h in kinds(headings, "epilogue")] == ["FIRST EPILOGUE: 1813 - 20"]
    assert [h.number for h in kinds(headings, "chapter")] == [1, 2, 1, 2, 1]
    labels = chapter_labels(headings)
    assert distinct(labels) == ["I", "I.1", "I.2", "II", "II.1", "II.2", "E1", "E1.1"]
    assert all(label is None for label in labels[: paras.index("BOOK ONE: 1805", 30)])
    assert labels[-1] == "E1.1"


def test_madame_bovary_parts_with_implicit_part_one():
    paras = book("madame_bovary_excerpt.txt")
    headings = detect_headings(paras)
    assert [h.number for h in kinds(headings, "part")] == [2]
    assert [h.number for h in kinds(headings, "chapter")] == [1, 2, 1, 2]
    # Chapters before "Part II" belong to Part I.
    assert distinct(chapter_labels(headings)) == ["I.1", "I.2", "II", "II.1", "II.2"]


def test_romeo_and_juliet_acts_and_scenes():
    paras = book("romeo_and_juliet_pg1513_excerpt.txt")
    headings = detect_headings(paras)
    # Contents: the "Contents" line, "THE PROLOGUE." and one paragraph per act.
    assert len(kinds(headings, "contents")) == 1 + 1 + 5
    assert [h.number for h in kinds(headings, "act")] == [1, 2, 5]
    assert [h.number for h in kinds(headings, "scene")] == [1, 1, 1, 2, 3]
    assert len(kinds(headings, "prologue")) == 1
    labels = chapter_labels(headings)
    assert distinct(labels) == ["Prologue", "I", "I.1", "II", "II.1", "V", "V.1", "V.2", "V.3"]
    chorus = paras.index("ACT II") + 1  # the Act II chorus comes before Scene I
    assert labels[chorus] == "II"


def test_gift_of_the_magi_has_no_headings():
    paras = book("gift_of_the_magi_pg7256.txt")
    assert detect_headings(paras) == [None] * len(paras)
    assert chapter_labels(detect_headings(paras)) == [None] * len(paras)


# --- contents and labels on small inputs -----------------------------------------------------


def test_contents_lines_before_the_chapters_are_not_chapters():
    toc = ["CONTENTS", "CHAPTER I", "CHAPTER II", "CHAPTER III"]
    body = ["CHAPTER I", STORY, "CHAPTER II", STORY, "CHAPTER III", STORY]
    headings = detect_headings(toc + body)
    assert [h.kind for h in headings[:4]] == ["contents"] * 4
    assert len(kinds(headings, "chapter")) == 3
    assert chapter_labels(headings) == [None] * 4 + ["1", "1", "2", "2", "3", "3"]


def test_contents_with_titles_on_separate_lines():
    toc = ["CHAPTER I.", "Down the Rabbit-Hole", "CHAPTER II.", "The Pool of Tears"]
    body = ["CHAPTER I.", "Down the Rabbit-Hole", STORY, "CHAPTER II.", "The Pool of Tears", STORY]
    headings = detect_headings(toc + body)
    assert all(h is not None and h.kind == "contents" for h in headings[:4])
    assert [h.title for h in kinds(headings, "chapter")] == ALICE_TITLES[:2]


def test_volume_restart_labels():
    paras = ["VOLUME I", "CHAPTER I", STORY, "CHAPTER II", STORY]
    paras += ["VOLUME II", "CHAPTER I", STORY, "CHAPTER II", STORY, "CHAPTER III", STORY]
    labels = chapter_labels(detect_headings(paras))
    assert (
        labels
        == ["I", "I.1", "I.1", "I.2", "I.2"] + ["II"] + ["II.1"] * 2 + ["II.2"] * 2 + ["II.3"] * 2
    )


def test_volumes_with_chapters_numbered_throughout_keep_plain_labels():
    paras = ["VOLUME I", "CHAPTER I", STORY, "CHAPTER II", STORY, "VOLUME II", "CHAPTER III", STORY]
    labels = chapter_labels(detect_headings(paras))
    assert labels == ["Volume I", "1", "1", "2", "2", "Volume II", "3", "3"]


def test_labels_before_first_chapter_are_none():
    paras = ["PRIDE AND PREJUDICE", "By Jane Austen", STORY, "Chapter 1", STORY]
    assert chapter_labels(detect_headings(paras)) == [None, None, None, "1", "1"]


def test_unnumbered_epilogue_before_chapters_is_contents():
    headings = detect_headings(["Epilogue", STORY, "CHAPTER 1", STORY, "Epilogue", STORY])
    assert [h and h.kind for h in headings] == ["contents", None, "chapter", None, "epilogue", None]


@given(st.lists(st.text(max_size=60), max_size=30))
def test_any_paragraphs(paras):
    headings = detect_headings(paras)
    assert len(headings) == len(paras)
    assert len(chapter_labels(headings)) == len(paras)


@given(
    st.lists(
        st.sampled_from(
            ["CHAPTER I", "CHAPTER II", "BOOK ONE", "Epilogue", "CONTENTS", "x", STORY]
        ),
        max_size=40,
    )
)
def test_heading_soup(paras):
    labels = chapter_labels(detect_headings(paras))
    assert len(labels) == len(paras)


def test_a_book_of_tiny_chapters_keeps_its_headings():
    # Short story between headings alone does not make a table of contents: the same
    # headings must stand again later.
    paragraphs = []
    for roman in ["I", "II", "III", "IV", "V"]:
        paragraphs += [f"CHAPTER {roman}.", "She ran home."]
    headings = detect_headings(paragraphs)
    assert [h.kind for h in headings if h is not None] == ["chapter"] * 5
    assert chapter_labels(headings)[1::2] == ["1", "2", "3", "4", "5"]
