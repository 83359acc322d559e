import pytest

from arc.paratext import assign_roles, is_end_marker, is_title_like


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
