"""Rules live in the library: the API refuses what the command refuses, naming parameters."""

import pytest

import arc
from arc.analysis.result import Analysis
from arc.errors import SpanError


def test_the_api_refuses_a_span_too_small_to_smooth(frankenstein_sentences):
    with pytest.raises(SpanError, match=r"window=0\.001\) is too small to smooth 3,\d+ sentences"):
        arc.smoothed_arc(frankenstein_sentences, "rolling", window=0.001)
    with pytest.raises(SpanError):
        arc.turning_points(frankenstein_sentences, "lowess", frac=0.0001)
    with pytest.raises(SpanError):
        arc.shape(frankenstein_sentences, "savgol", window=0.0005)


def test_a_declared_default_span_is_always_allowed():
    """The default is what every chart draws, even on a text too short to meet the floor."""
    df = arc.analyze(text="Good.\n\nBad.\n\nFine.\n\nAwful.", unit="paragraph")
    line = arc.smoothed_arc(df, "rolling", window=0.1, band=False, null=False)
    assert len(line) == 4


def test_library_errors_name_parameters_not_flags(frankenstein_sentences):
    with pytest.raises(SpanError) as caught:
        arc.smoothed_arc(frankenstein_sentences, "savgol", window=0.001)
    assert "--" not in str(caught.value)
    with pytest.raises(arc.TooShortError) as short:
        arc.analyze(text="A short one.", unit="window", window=500)
    assert "--" not in str(short.value) and "window" in str(short.value)


def test_an_analysis_computes_each_line_once(frankenstein_sentences):
    result = Analysis(frankenstein_sentences)
    line = result.line("rolling")
    assert result.line("rolling") is line
    turns = result.turns("rolling")
    assert result.turns("rolling") is turns
    assert list(result._lines) == [("rolling", "compound", True, True, None, ())]
    # the turns and the shape read the kept line: the same as computed from the frame alone
    alone = arc.turning_points(frankenstein_sentences, "rolling")
    assert turns[["kind", "time", "value"]].equals(alone[["kind", "time", "value"]])
    assert result.shape("rolling") == arc.shape(frankenstein_sentences, "rolling")


def test_a_paragraph_analysis_keeps_its_sentence_table():
    result = Analysis.of(arc.example_path("alice"))
    table = result.sentences
    assert table.attrs["unit"] == "sentence"
    again = arc.analyze(arc.example_path("alice"), "sentence")
    assert table.equals(again)
    assert result.frame["n_sentences"].sum() == len(table)
