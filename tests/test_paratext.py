import pytest

from arc.text.paratext import (
    assign_roles,
    find_author,
    is_byline,
    is_end_marker,
    is_title_like,
    split_byline,
    tidy_name,
)


@pytest.mark.parametrize(
    "text",
    ["The End", "THE END.", "the end!", "Fin", "~fin~", "~*~The End~*~", "-- END --", "Finis"],
)
def test_end_markers(text):
    assert is_end_marker(text)


@pytest.mark.parametrize(
    "text", ["The end of the road was near.", "Finally", "Endless night", "I am the end of it all"]
)
def test_not_end_markers(text):
    assert not is_end_marker(text)


def test_vignette_roles(vignette):
    assert list(vignette.role) == ["note", "title"] + ["body"] * 10 + ["end"]
    assert vignette.attrs["title"] == "Final Goodbyes"


def test_note_title_body_end():
    roles, title = assign_roles(
        ["Hi all! My first fic. Enjoy!", "Rain Song", "It rained.", "She smiled.", "~fin~"]
    )
    assert roles == ["note", "title", "body", "body", "end"]
    assert title == "Rain Song"


def test_note_after_the_end_marker():
    roles, _ = assign_roles(["Dark Night", "It rained.", "The End", "A/N: Please review!"])
    assert roles == ["title", "body", "end", "note"]


def test_plain_story_has_no_paratext():
    roles, title = assign_roles(["Call me Ishmael.", "Some years ago, I went to sea.", "It ended."])
    assert roles == ["body", "body", "body"]
    assert title is None


def test_short_line_in_sentence_case_after_story_is_not_a_title():
    roles, title = assign_roles(["It was cold.", "and then", "It was warm."])
    assert title is None
    assert roles == ["body", "body", "body"]


def test_dialogue_is_not_a_title():
    assert not is_title_like("\u201cRun,\u201d she said")
    assert not is_title_like('"Hello there"')


def test_marked_note_without_title():
    roles, title = assign_roles(["Disclaimer: I own nothing.", "She ran.", "He followed."])
    assert roles == ["note", "body", "body"]
    assert title is None


def test_separators():
    roles, _ = assign_roles(["Storm", "It rained.", "* * *", "It cleared.", "The End"])
    assert roles == ["title", "body", "separator", "body", "end"]


def test_known_roles_are_kept():
    roles, _ = assign_roles(["CHAPTER I", "It rained."], ["heading", None])
    assert roles == ["heading", "body"]


def test_title_only_with_story_after_it():
    roles, title = assign_roles(["Just A Title"])
    assert title is None and roles == ["body"]


def test_byline_after_title():
    roles, title = assign_roles(["The Gift", "by O. Henry", "One dollar.", "More."])
    assert roles == ["title", "byline", "body", "body"] and title == "The Gift"


def test_sentence_starting_with_by_is_story():
    roles, _ = assign_roles(
        ["The Gift", "By the sea she walked and wept for many long hours.", "x."]
    )
    assert roles == ["title", "body", "body"]


@pytest.mark.parametrize("short_line", ["BOOM!", "Nothing", "Silence"])
def test_story_above_a_short_line_is_not_a_note(short_line):
    paragraphs = [
        "The door creaked open and she held her breath.",
        short_line,
        "The house shook. She screamed.",
        "Then it was quiet.",
    ]
    roles, title = assign_roles(paragraphs)
    assert title is None and roles == ["body"] * 4


def test_byline_is_never_a_title():
    roles, title = assign_roles(["MOBY-DICK;", "By Herman Melville", "Call me Ishmael.", "x."])
    assert title is None and "title" not in roles


# --- bylines on the title line ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "author"),
    [
        (
            "A Portrait of the Artist as a Young Man by James Joyce",
            "A Portrait of the Artist as a Young Man",
            "James Joyce",
        ),
        # The next line of the title paragraph: lines are joined with a space.
        ("Frankenstein By Mary Shelley", "Frankenstein", "Mary Shelley"),
        (
            "A PORTRAIT OF THE ARTIST AS A YOUNG MAN BY JAMES JOYCE",
            "A PORTRAIT OF THE ARTIST AS A YOUNG MAN",
            "James Joyce",
        ),
        ("The Gift by O. Henry", "The Gift", "O. Henry"),
        ("THE HOBBIT BY J.R.R. TOLKIEN", "THE HOBBIT", "J.R.R. Tolkien"),
        ("Peacock Pie by Walter de la Mare", "Peacock Pie", "Walter de la Mare"),
        ("PEACOCK PIE BY WALTER DE LA MARE", "PEACOCK PIE", "Walter de la Mare"),
        (
            "The Left Hand of Darkness by Ursula K. Le Guin",
            "The Left Hand of Darkness",
            "Ursula K. Le Guin",
        ),
        ("Cranford, by Mrs. Gaskell", "Cranford", "Mrs. Gaskell"),
        ("Frankenstein, written by Mary Shelley", "Frankenstein", "Mary Shelley"),
        ("Stand by Me by Stephen King", "Stand by Me", "Stephen King"),
    ],
)
def test_split_byline(line, title, author):
    assert split_byline(line) == (title, author)


TITLES_WITH_BY = [
    "Stand by Me",
    "Gone by Morning",
    "Death by Chocolate",
    "By the Sea",
    "Killed by a Stranger",
    "Passing By",
]


@pytest.mark.parametrize(
    "line",
    [
        *TITLES_WITH_BY,
        *(t.upper() for t in TITLES_WITH_BY),
        "Killed By A Stranger",
        "By The Sea",
        "Death by The River Styx",
        "Written by John Smith",
    ],
)
def test_titles_containing_by_stay_whole(line):
    assert split_byline(line) == (line, None)


@pytest.mark.parametrize("line", TITLES_WITH_BY)
def test_titles_containing_by_are_whole_titles(line):
    paragraphs = [line, "It rained all day.", "Then it stopped."]
    roles, title = assign_roles(paragraphs)
    assert (roles[0], title) == ("title", line)
    assert find_author(paragraphs, roles) is None


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "A Portrait of the Artist as a Young Man by James Joyce",
            "A Portrait of the Artist as a Young Man",
        ),
        (
            "A PORTRAIT OF THE ARTIST AS A YOUNG MAN BY JAMES JOYCE",
            "A Portrait of the Artist as a Young Man",
        ),
    ],
)
def test_title_line_with_byline(first, title):
    paragraphs = [first, "Once upon a time and a very good time it was.", "More."]
    roles, found = assign_roles(paragraphs)
    assert roles == ["title", "body", "body"]
    assert found == title
    assert find_author(paragraphs, roles) == "James Joyce"


def test_byline_makes_a_long_title_line_a_title():
    # "... O. Henry" ends with a full stop, but the title before the byline does not.
    paragraphs = ["The Gift by O. Henry", "One dollar and eighty-seven cents.", "More."]
    roles, title = assign_roles(paragraphs)
    assert (roles[0], title, find_author(paragraphs, roles)) == ("title", "The Gift", "O. Henry")


@pytest.mark.parametrize(
    ("line", "author"), [("by O. Henry", "O. Henry"), ("BY HERMAN MELVILLE", "Herman Melville")]
)
def test_byline_paragraph_gives_the_author(line, author):
    paragraphs = ["The Gift", line, "One dollar.", "More."]
    roles, title = assign_roles(paragraphs)
    assert roles == ["title", "byline", "body", "body"] and title == "The Gift"
    assert find_author(paragraphs, roles) == author


def test_no_title_no_author():
    paragraphs = ["It was written by John Smith.", "It rained.", "More."]
    roles, title = assign_roles(paragraphs)
    assert title is None and find_author(paragraphs, roles) is None


@pytest.mark.parametrize(
    ("name", "tidy"),
    [
        ("JAMES JOYCE", "James Joyce"),
        ("J.R.R.  TOLKIEN", "J.R.R. Tolkien"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
        ("FLANN O'BRIEN", "Flann O'Brien"),
        ("Walter de la Mare", "Walter de la Mare"),
    ],
)
def test_tidy_name(name, tidy):
    assert tidy_name(name) == tidy


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("by O. Henry", True),
        ("Written by Anonymous", True),
        ("By Herman Melville", True),
        ("By the Sea", False),
        ("BY MY SIDE", False),
        ("Stand by Me", False),
        ("By the sea she walked and wept for many long hours.", False),
    ],
)
def test_is_byline(line, byline):
    assert is_byline(line) is byline
