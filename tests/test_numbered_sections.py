"""Numbered sections without a keyword ("I. Ash", "II. Night Ward") are headings, not story."""

import arc
from arc.text.chapters import detect_headings

POEMS = """Night Poems

I. Ash

The fire went out and the cold came in.
I sat alone and missed you.

II. Night Ward

The nurses walked the halls all night.
Nobody came to see me.

III. Morning

The sun rose and I was glad again.
We laughed in the kitchen.
"""


def test_numbered_poem_titles_are_headings_not_zero_valued_story():
    df = arc.analyze(text=POEMS)
    headings = df[df["role"] == "heading"]
    assert headings["text"].tolist() == ["I. Ash", "II. Night Ward", "III. Morning"]
    body = df[df["role"] == "body"]
    assert body["chapter"].tolist() == ["1", "2", "3"]
    assert len(body) == 3  # before: six story paragraphs, three of them numbers scored 0


def test_bare_arabic_numbers_count_too():
    paragraphs = ["1", "It rained all day.", "2", "Then the sun came out."]
    kinds = [h and h.kind for h in detect_headings(paragraphs)]
    assert kinds == ["chapter", None, "chapter", None]


def test_a_sentence_or_a_broken_run_is_no_heading():
    # a sentence ("I. Did it."), numbers that do not start at 1, or one alone: all story
    assert detect_headings(["I. Did it.", "It rained.", "II. Went out.", "Sun."]) == [None] * 4
    assert detect_headings(["III. Ash", "It rained.", "IV. Night", "Sun."]) == [None] * 4
    assert detect_headings(["I. Ash", "It rained all day."]) == [None, None]


def test_keyword_headings_win_and_numbered_lines_are_left_alone():
    paragraphs = ["CHAPTER I.", "x " * 80, "1. Eggs", "2. Milk", "CHAPTER II.", "y " * 80]
    kinds = [h and h.kind for h in detect_headings(paragraphs)]
    assert kinds[2:4] == [None, None]
