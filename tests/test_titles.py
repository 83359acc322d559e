"""Where a Document's title and author come from: the title line, its byline, a Gutenberg header."""

import pytest

import arc
from arc.text.document import load, parse
from tests.books import BOOKS, MAGI

STORY = "\n\nIt rained all day, and she was sad.\n\nThen the sun came out, and she smiled.\n"


@pytest.mark.parametrize(
    "head",
    [
        "A Portrait of the Artist as a Young Man by James Joyce",
        "A Portrait of the Artist as a Young Man\nby James Joyce",
        "A PORTRAIT OF THE ARTIST AS A YOUNG MAN\nBY JAMES JOYCE",
        "A Portrait of the Artist as a Young Man\n\nby James Joyce",
    ],
    ids=["same-line", "next-line", "all-caps", "byline-paragraph"],
)
def test_title_and_author_from_the_text(head):
    doc = parse(head + STORY)
    assert doc.title == "A Portrait of the Artist as a Young Man"
    assert doc.author == "James Joyce"
    assert doc.title_source == "text"
    assert [doc.roles[i] for i in doc.story] == ["body", "body"]


def test_next_line_capital_by():
    doc = parse("Frankenstein\nBy Mary Shelley" + STORY)
    assert (doc.title, doc.author) == ("Frankenstein", "Mary Shelley")


@pytest.mark.parametrize(
    "head",
    [
        "Stand by Me",
        "Gone by Morning",
        "Death by Chocolate",
        "By the Sea",
        "Killed by a Stranger",
        "Passing By",
        "KILLED BY A STRANGER",
    ],
)
def test_titles_containing_by_stay_whole(head):
    doc = parse(head + STORY)
    assert doc.title == arc.text.paratext.tidy_title(head)
    assert doc.author is None and doc.title_source == "text"


def test_no_title():
    doc = parse("It rained all day, and she was sad.\n\nThen she smiled.\n")
    assert (doc.title, doc.author, doc.title_source) == (None, None, None)


def test_gutenberg_header_gives_title_and_author():
    text = (
        "Title: A Portrait of the Artist as a Young Man\n\nAuthor: James Joyce\n\n"
        "Release date: July 1, 2003 [eBook #4217]\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK A PORTRAIT OF THE ARTIST ***\n\n"
        "A PORTRAIT OF THE ARTIST AS A YOUNG MAN\n\nBy Jim Joyce" + STORY
    )
    doc = parse(text)
    assert doc.title == "A Portrait of the Artist as a Young Man"
    assert doc.author == "James Joyce"  # the header wins over the byline
    assert doc.title_source == "gutenberg"


def test_author_line_far_from_title_is_not_the_authors():
    story = "\n\nIt rained all day, and she was sad." * 30
    text = "Title: Rain\n" + story + "\n\nAuthor: Nobody Here"
    doc = parse(text)
    assert doc.title_source == "gutenberg" and doc.author is None


@pytest.mark.parametrize(
    ("path", "title", "author"),
    [
        (MAGI, "The Gift of the Magi", "O. Henry"),
        (
            BOOKS / "frankenstein_pg84_excerpt.txt",
            "Frankenstein; Or, The Modern Prometheus",
            "Mary Wollstonecraft Shelley",
        ),
        (BOOKS / "war_and_peace_pg2600-8_excerpt.txt", "War and Peace", "Leo Tolstoy"),
    ],
)
def test_gutenberg_books(path, title, author):
    doc = load(path)
    assert (doc.title, doc.author, doc.title_source) == (title, author, "gutenberg")


def test_book_without_header_takes_its_title_from_the_text():
    doc = load(BOOKS / "northanger_abbey_excerpt.txt")
    assert (doc.title, doc.title_source) == ("Northanger Abbey", "text")


def test_vignette_title():
    doc = load()
    assert (doc.title, doc.author, doc.title_source) == ("Final Goodbyes", None, "text")
    assert arc.analyze().attrs["title"] == "Final Goodbyes"
