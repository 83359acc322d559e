import math
import statistics

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import arc
from arc.analysis.frame import COLUMNS, MAX_RAW_WORDS, SENTENCE_COLUMNS
from arc.text.segment import MAX_SENTENCE_WORDS
from tests import texts

VADER = SentimentIntensityAnalyzer()


def test_vignette_shape(vignette):
    assert list(vignette.columns) == list(COLUMNS)
    assert len(vignette) == 13
    assert (vignette.role == "body").sum() == 10
    assert vignette.attrs["title"] == "Final Goodbyes"
    assert vignette.attrs["scorer"] == "vader"
    assert "Punkt" in vignette.attrs["sentence_splitter"]


def test_compound_raw_is_vader_called_directly(vignette):
    for row in vignette.itertuples():
        scores = VADER.polarity_scores(row.text)
        assert row.compound_raw == scores["compound"]
        assert (row.pos, row.neu, row.neg) == (scores["pos"], scores["neu"], scores["neg"])


def test_sentence_rows_are_vader_called_directly(vignette_sentences):
    assert list(vignette_sentences.columns) == list(SENTENCE_COLUMNS)
    for row in vignette_sentences.itertuples():
        assert row.compound == VADER.polarity_scores(row.text)["compound"]


def test_compound_is_the_mean_of_its_sentences(vignette, vignette_sentences):
    groups = vignette_sentences.groupby("paragraph")["compound"]
    for row in vignette.itertuples():
        values = groups.get_group(row.index).tolist()
        assert row.n_sentences == len(values)
        assert row.compound == statistics.fmean(values)
        assert row.compound_min == min(values) and row.compound_max == max(values)
        assert math.isclose(row.compound_std, statistics.pstdev(values), abs_tol=1e-12)


def test_sentences_belong_to_their_paragraph(vignette, vignette_sentences):
    for s in vignette_sentences.itertuples():
        p = vignette.loc[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert s.role == p.role


def test_offsets_trace_back_to_the_source(vignette):
    source = arc.vignette_text()
    for row in vignette.itertuples():
        assert " ".join(source[row.start : row.end].split()) == " ".join(row.text.split())


def test_position_is_narrative_time_over_the_body(vignette):
    body = vignette[vignette.role == "body"]
    assert body.position.iloc[0] == 0.0 and body.position.iloc[-1] == 1.0
    assert body.position.is_monotonic_increasing
    assert vignette[vignette.role != "body"].position.isna().all()


def test_story_reads_from_guilt_to_departure(vignette):
    body = vignette[vignette.role == "body"]
    lowest = body.loc[body.compound.idxmin()]
    assert lowest.text.startswith("Because of me")
    assert lowest.compound < -0.4
    assert body.iloc[-1].text.startswith("I look out the window")


def test_same_input_same_output():
    a = arc.analyze(text=texts.STORY)
    b = arc.analyze(text=texts.STORY)
    pd.testing.assert_frame_equal(a, b)


def test_sources_text_bytes_and_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(texts.CRLF)
    from_path = arc.analyze(path)
    from_str_path = arc.analyze(str(path))
    from_bytes = arc.analyze(texts.UTF16)
    from_text = arc.analyze(text=texts.STORY)
    for df in (from_str_path, from_bytes, from_text):
        pd.testing.assert_frame_equal(df.reset_index(drop=True), from_path, check_like=False)
    assert from_path.attrs["name"] == "story"
    assert list(from_path.role) == ["note", "title", "body", "body", "end"]


def test_missing_path_is_not_taken_for_text(tmp_path):
    with pytest.raises(arc.ArcError, match="no such file"):
        arc.analyze(str(tmp_path / "typo.txt"))


def test_bad_unit():
    with pytest.raises(ValueError, match="unknown unit"):
        arc.analyze(text=texts.STORY, unit="chapter")


def test_unknown_scorer():
    with pytest.raises(ValueError, match="unknown scorer"):
        arc.analyze(text=texts.STORY, scorer="nope")


def test_huge_paragraph_is_linear_and_bounded():
    # 60,000 words in one line: vaderSentiment on the whole paragraph would take minutes
    # (quadratic); arc's engine is linear, so compound_raw is filled, and equals it.
    text = ("I was happy but the storm was terrible and sad " * 6000).strip()
    df = arc.analyze(text=text)
    assert len(df) == 1
    row = df.iloc[0]
    assert MAX_RAW_WORDS is None and not math.isnan(row.compound_raw)
    from arc.score.vader import FastVader

    assert row.compound_raw == FastVader().polarity_scores(text)["compound"]
    assert row.n_sentences == math.ceil(row.n_words / MAX_SENTENCE_WORDS)
    assert -1 <= row.compound <= 1


@pytest.mark.parametrize("text", ["See you at 5.30", "I love it.", "Meet me at the station.Now"])
def test_one_line_texts_are_texts(text):
    assert arc.analyze(text=text).text.iloc[0] == text


@pytest.mark.parametrize("name", ["typo.txt", "notes.md", "dir/novel"])
def test_path_like_strings_are_paths(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(arc.ArcError, match="no such file"):
        arc.analyze(name)


def test_wrong_source_type():
    with pytest.raises(TypeError, match="source must be a path or bytes"):
        arc.analyze(12345)
