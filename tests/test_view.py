"""Which chart a text gets (arc.analysis.view): one rule for the command and the Python API."""

import pytest

import arc
from arc.analysis.view import DEFAULT_SMOOTHER, LONG_PARAGRAPHS, choose_view, is_long
from arc.charts.choice import chart_for
from arc.text.document import load
from tests.books import ALICE, MAGI


def view_of(doc, **options):
    return choose_view(len(doc.story), any(doc.chapters), **options)


def test_short_story_gets_the_paragraph_story_chart():
    view = choose_view(10, False)
    assert (view.unit, view.smoother, view.params, view.long) == ("paragraph", None, {}, False)
    assert view_of(load(None)) == view  # the vignette


def test_book_gets_sentences_and_a_rolling_line():
    view = choose_view(900, True)
    assert (view.unit, view.smoother, view.long) == ("sentence", "rolling", True)
    assert view.params == {} and view.unit_params == {}
    assert DEFAULT_SMOOTHER == "rolling"
    assert view_of(load(ALICE)) == view


def test_long_story_without_chapters_is_long_when_over_sixty_paragraphs():
    assert LONG_PARAGRAPHS == 60
    assert not choose_view(60, False).long and choose_view(61, False).long
    assert choose_view(61, False).unit == "sentence"
    assert choose_view(2, True).long  # chapters make a book, however short
    assert not is_long(60, False) and is_long(61, False) and is_long(1, True)
    assert not view_of(load(MAGI)).long  # 46 story paragraphs
    many = "\n\n".join(f"Para {i} was fine." for i in range(70))
    assert view_of(load(text=many)).long


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"smoother": "lowess"}, ("sentence", "lowess", {}, {})),
        ({"smoother": "lowess", "span": 0.3}, ("sentence", "lowess", {"frac": 0.3}, {})),
        ({"span": 0.3}, ("sentence", "rolling", {"window": 0.3}, {})),
        ({"smoother": "savgol", "span": 0.5}, ("sentence", "savgol", {"window": 0.5}, {})),
        ({"smoother": "dct"}, ("sentence", "dct", {}, {})),
        ({"smoother": "all"}, ("sentence", "all", {}, {})),
        ({"bins": 50}, ("bins", "rolling", {}, {"bins": 50})),
        ({"unit": "bins"}, ("bins", "rolling", {}, {"bins": 100})),
        ({"window": 800}, ("window", "rolling", {}, {"window": 800, "step": 400})),
        ({"step": 300}, ("window", "rolling", {}, {"window": 1000, "step": 300})),
        ({"unit": "window"}, ("window", "rolling", {}, {"window": 1000, "step": 500})),
        ({"unit": "paragraph", "smoother": "savgol"}, ("paragraph", "savgol", {}, {})),
        ({"unit": "paragraph"}, ("paragraph", "rolling", {}, {})),
    ],
)
def test_explicit_options_win(options, expected):
    view = choose_view(900, True, **options)
    assert (view.unit, view.smoother, view.params, view.unit_params) == expected
    assert view.long


def test_a_short_text_given_no_options_stays_a_story():
    assert choose_view(10, False, unit="paragraph") == choose_view(10, False)
    assert not choose_view(10, False, unit="paragraph").long


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"smoother": "rolling"}, ("paragraph", "rolling", {}, {})),
        ({"smoother": "lowess", "span": 0.3}, ("paragraph", "lowess", {"frac": 0.3}, {})),
        ({"span": 0.3}, ("paragraph", "rolling", {"window": 0.3}, {})),
        ({"unit": "sentence"}, ("sentence", "rolling", {}, {})),
        ({"bins": 20}, ("bins", "rolling", {}, {"bins": 20})),
        ({"window": 200}, ("window", "rolling", {}, {"window": 200, "step": 100})),
    ],
)
def test_overrides_apply_to_short_texts_too(options, expected):
    view = choose_view(10, False, **options)
    assert (view.unit, view.smoother, view.params, view.unit_params) == expected
    assert view.long


@pytest.mark.parametrize("smoother", ["dct", "all"])
def test_span_needs_a_smoother_with_a_window(smoother):
    with pytest.raises(ValueError, match=r"span|window"):
        choose_view(900, True, smoother=smoother, span=0.2)


@pytest.mark.parametrize(
    "options",
    [
        {"unit": "sentence", "bins": 10},
        {"unit": "paragraph", "window": 500},
        {"unit": "bins", "window": 500},
        {"window": 0},
    ],
)
def test_options_the_unit_does_not_take_are_refused(options):
    with pytest.raises(ValueError):
        choose_view(900, True, **options)


def test_chart_for_follows_the_same_rule(vignette):
    assert chart_for(vignette).kind == "story"
    text = "\n\n".join(f"On day {i} she was happy and then sad." for i in range(LONG_PARAGRAPHS))
    assert chart_for(arc.analyze(text=text)).kind == "story"
    longer = text + "\n\nAnd on the last day she laughed."
    assert chart_for(arc.analyze(text=longer)).kind == "smoothed"
