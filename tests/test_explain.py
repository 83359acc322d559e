"""Word-level explanations add up to VADER's own compound, exactly (the first part of #10)."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

import arc
from arc.explanation import explain_text

VADER = SentimentIntensityAnalyzer()


def _compound_from(df):
    return round(normalize(float(df["valence"].sum())), 4) if len(df) else 0.0


def test_a_sentence_with_but_capitals_and_emphasis():
    text = "The food was GREAT, but the service was not good at all!!"
    df = explain_text(text)
    assert _compound_from(df) == VADER.polarity_scores(text)["compound"]
    assert "(punctuation)" in df["token"].tolist()
    fired = set("+".join(df["rule"]).split("+"))
    assert {"but", "capitals", "negation"} <= fired


@pytest.mark.parametrize(
    "text",
    ["", "The end.", "I am not happy :(", "Kind of sad.", "The best!!! 😀", "WOW... no?!?"],
)
def test_edge_texts(text):
    assert _compound_from(explain_text(text)) == VADER.polarity_scores(text)["compound"]


def test_every_sentence_and_paragraph_of_two_books():
    checked = 0
    for source in (None, arc.example_path("alice")):
        sentences = arc.analyze(source, unit="sentence")
        for text, compound in zip(sentences["text"], sentences["compound"], strict=True):
            assert _compound_from(explain_text(text)) == compound, text
            checked += 1
    paragraphs = arc.analyze()
    for text, raw in zip(paragraphs["text"], paragraphs["compound_raw"], strict=True):
        assert _compound_from(explain_text(text)) == raw, text
        checked += 1
    assert checked > 1500
