"""Several Project Gutenberg books in one file: every book's body is kept, each under its number."""

import collections
from pathlib import Path

import pytest

import arc
from arc.text.document import load
from arc.text.gutenberg import find_books


def _book(title: str, body: str) -> str:
    return (
        f"The Project Gutenberg eBook of {title}\n\nTitle: {title}\n\nAuthor: A. Writer\n\n"
        f"*** START OF THE PROJECT GUTENBERG EBOOK {title.upper()} ***\n\n{body}\n\n"
        f"*** END OF THE PROJECT GUTENBERG EBOOK {title.upper()} ***\n\n"
        "Updated editions will replace the previous one.\n\nTHE FULL PROJECT GUTENBERG LICENSE\n"
    )


def test_every_book_of_a_file_is_found():
    text = _book("Ash", "She was glad.") + _book("Night", "He was sad.") + _book("Dawn", "Fine.")
    bodies = [text[b.body_start : b.body_end].strip() for b in find_books(text)]
    assert bodies == ["She was glad.", "He was sad.", "Fine."]


def test_one_book_is_one_book():
    text = _book("Ash", "She was glad.")
    (book,) = find_books(text)
    assert text[book.body_start : book.body_end].strip() == "She was glad."


def test_two_concatenated_novels_keep_both_bodies_with_book_numbers():
    one = Path(arc.example_path("frankenstein")).read_text(encoding="utf-8-sig")
    alone = load(text=one)
    both = load(text=one + "\n" + one)
    count, single = collections.Counter(both.roles), collections.Counter(alone.roles)
    assert count["body"] == 2 * single["body"]  # before: the second book was boilerplate
    assert count["heading"] == 2 * single["heading"]
    body = [c for c, r in zip(both.chapters, both.roles, strict=True) if r == "body"]
    assert body[0].startswith("1.") and body[-1].startswith("2.")
    assert both.title.startswith("2 books: Frankenstein")
    assert any("holds 2 Project Gutenberg books" in w for w in both.warnings)


def test_the_chart_of_a_collection_says_so(tmp_path):
    one = Path(arc.example_path("frankenstein")).read_text(encoding="utf-8-sig")
    path = tmp_path / "omnibus.txt"
    path.write_text(one + "\n" + one, encoding="utf-8")
    with pytest.warns(arc.ArcWarning, match="2 Project Gutenberg books"):
        df = arc.analyze(path, "sentence")
    chart = arc.chart_for(df, smoother="rolling")
    assert chart.title.startswith("2 books: ")
    marks = {m.label.split(".")[0] for m in chart.chapters if m.label}
    assert {"1", "2"} <= marks  # the book level shows in the chapter marks


# ----------------------------------------------------- scorer and scorers given together


def test_scorer_is_never_ignored_beside_scorers():
    """scorer= names compound's scorer; with scorers= it must be the first of them."""
    with pytest.raises(ValueError, match="compound is the first of scorers"):
        arc.analyze(text="Good day.", scorer="vader", scorers=["afinn", "vader"])
    df = arc.analyze(text="Good day.", scorer="afinn", scorers=["afinn", "vader"])
    assert df.attrs["scorer"] == "afinn"
    assert arc.analyze(text="Good day.", scorers=["afinn"]).attrs["scorer"] == "afinn"
