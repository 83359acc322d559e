"""The data behind the long-text charts: view choice, smoothed arcs, chapter starts, compare."""

import numpy as np
import pandas as pd
import pytest

import arc
from arc.document import load
from arc.shape import choose_view, rescale
from tests.books import ALICE, FRANKENSTEIN, MAGI


def test_short_story_gets_the_story_chart():
    view = choose_view(load(None))
    assert view.unit == "paragraph" and not view.long


def test_book_gets_sentences_and_a_rolling_line():
    view = choose_view(load(ALICE))
    assert (view.unit, view.smoother, view.params) == ("sentence", "rolling", {"window": 0.1})


def test_long_story_without_chapters_is_long_when_over_sixty_paragraphs():
    assert not choose_view(load(MAGI)).long  # 46 story paragraphs
    many = "\n\n".join(f"Para {i} was fine." for i in range(70))
    assert choose_view(load(many)).long


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"smoother": "lowess"}, ("sentence", "lowess", {"frac": 0.2})),
        ({"smoother": "lowess", "span": 0.3}, ("sentence", "lowess", {"frac": 0.3})),
        ({"smoother": "dct"}, ("sentence", "dct", {})),
        ({"bins": 50}, ("bins", "rolling", {"window": 0.1})),
        ({"window": 800}, ("window", "rolling", {"window": 0.1})),
        ({"unit": "paragraph", "smoother": "savgol"}, ("paragraph", "savgol", {"window": 0.2})),
    ],
)
def test_overrides(kwargs, expected):
    view = choose_view(load(ALICE), **kwargs)
    assert (view.unit, view.smoother, view.params) == expected


def test_overrides_apply_to_short_texts_too():
    view = choose_view(load(None), smoother="rolling")
    assert view.long and view.unit == "paragraph"


def test_smoothed_arc_on_narrative_time(alice_sentences):
    line = arc.smoothed_arc(alice_sentences, "rolling", window=0.1)
    story = alice_sentences[alice_sentences.role == "body"]
    assert len(line) == len(story)
    assert line.time.iloc[0] == 0 and line.time.iloc[-1] == 100
    np.testing.assert_allclose(line.value, arc.smooth(story.compound.to_numpy(), "rolling"))


def test_dct_line_is_in_compound_units(alice_sentences):
    story = alice_sentences[alice_sentences.role == "body"].compound.to_numpy()
    line = arc.smoothed_arc(alice_sentences, "dct")
    assert len(line) == 100
    # The low-pass keeps the mean: the curve's average is the story's mean compound.
    assert line.value.mean() == pytest.approx(story.mean(), abs=0.01)


def test_chapter_starts(alice_sentences):
    starts = arc.chapter_starts(alice_sentences)
    assert starts.label.tolist() == [str(i) for i in range(1, 13)]
    assert starts.time.iloc[0] == 0 and starts.time.is_monotonic_increasing
    assert not starts.major.any()


def test_chapter_starts_marks_books():
    df = pd.DataFrame(
        {"role": "body", "chapter": ["I.1", "I.1", "I.2", "II.1", "II.2"], "compound": 0.0}
    )
    starts = arc.chapter_starts(df)
    assert starts.label.tolist() == ["I.1", "I.2", "II.1", "II.2"]
    assert starts.major.tolist() == [True, False, True, False]
    assert starts.time.tolist() == [0.0, 50.0, 75.0, 100.0]


def test_rescale():
    np.testing.assert_allclose(rescale(np.array([0.0, 0.5, 1.0])), [-1, 0, 1])
    assert rescale(np.array([0.2, 0.2])).tolist() == [0.0, 0.0]


def test_compare_returns_tidy_data(alice_sentences, frankenstein_sentences):
    data = arc.compare([alice_sentences, frankenstein_sentences])
    assert list(data.columns) == ["text", "title", "time", "value"]
    assert data.title.nunique() == 2 and len(data) == 2 * 101
    for _, group in data.groupby("title"):
        assert group.value.min() == -1 and group.value.max() == 1
        assert group.time.iloc[0] == 0 and group.time.iloc[-1] == 100
    unscaled = arc.compare([alice_sentences], scale=False, method="rolling")
    assert unscaled.value.abs().max() < 0.5


def test_compare_tells_apart_same_titles(alice_sentences):
    twice = arc.compare([alice_sentences, alice_sentences.copy()])
    assert twice.text.tolist() == [0] * 101 + [1] * 101
    assert twice.title.nunique() == 2  # numbered, never merged into one zig-zag line
    other = alice_sentences.copy()
    other.attrs = {**alice_sentences.attrs, "name": "alice_copy"}
    titles = set(arc.compare([alice_sentences, other]).title)
    assert any("alice_copy" in t for t in titles) and len(titles) == 2


def test_compare_untitled_texts():
    text = "\n\n".join(f"Para {i}. She was happy. He was sad." for i in range(12))
    data = arc.compare([text, text.replace("happy", "glad")], method="rolling")
    assert data.title.nunique() == 2 and data.groupby("text").size().tolist() == [101, 101]


def test_compare_paths():
    data = arc.compare([ALICE, FRANKENSTEIN], method="lowess")
    assert set(data.title) == {
        "Alice's Adventures in Wonderland",
        "Frankenstein; Or, The Modern Prometheus",
    }
