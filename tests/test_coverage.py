"""Lexicon coverage: the share of words VADER's lexicon knows, per unit and over the story."""

import io
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

import arc
from arc.analysis.frame import BIN_COLUMNS, COLUMNS, SENTENCE_COLUMNS, WINDOW_COLUMNS
from arc.charts.honesty import LOW_COVERAGE, low_coverage
from arc.charts.smoothed import smoothed_chart
from arc.charts.story import story_chart
from arc.cli import main
from arc.score.scorers import VaderScorer, get_scorer

SAMPLES = [
    "I love this town.",
    "She was VERY happy, wasn't she?",
    "Not good at all :) but fine :-(",
    "“Good,” she said, “it is a terrible, wonderful day.”",
    "The door is brown.",
    "12 34 56",
    "!!! ... ---",
    "ok, OK... Ok!",
    "",
]

#: Sentences VADER scores, and a stretch of words it cannot know.
MOODS = [
    "She laughed with joy at the lovely garden.",
    "He wept and the grief was terrible.",
    "They were happy and kind to each other.",
    "The loss left him lonely and afraid.",
    "A warm welcome made the day bright.",
]
GIBBERISH = "Zorblat vinquish trumble plonk quaxen dribbet."


def _long_text(gibberish: bool) -> str:
    paragraphs = []
    for k in range(80):
        if gibberish and 40 <= k < 52:
            paragraphs.append(" ".join([GIBBERISH] * 3))
        else:
            paragraphs.append(" ".join(MOODS[(k + j) % len(MOODS)] for j in range(3)))
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def long_with_gap():
    return arc.analyze(text=_long_text(True), unit="sentence")


@pytest.fixture(scope="module")
def long_normal():
    return arc.analyze(text=_long_text(False), unit="sentence")


# ----------------------------------------------------------------------------- the scorer


def test_known_words_match_vader_tokens_and_lexicon():
    lexicon = SentimentIntensityAnalyzer().lexicon
    expected = []
    for text in SAMPLES:
        tokens = SentiText(text).words_and_emoticons
        expected.append((sum(t.lower() in lexicon for t in tokens), len(tokens)))
    assert VaderScorer().known_words(SAMPLES) == expected
    # The shared scorer answers the same a second time (from its cache).
    assert get_scorer().known_words(SAMPLES) == expected == get_scorer().known_words(SAMPLES)


def test_known_words_reads_the_analyzers_own_lexicon():
    scorer = VaderScorer()
    assert scorer._known._lexicon is scorer._polarity_scores.__self__.lexicon


def test_emoticons_count_boosters_and_negations_do_not():
    assert VaderScorer().known_words([":)", "(:", "very", "not", "never", "good."]) == [
        (1, 1),
        (1, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (1, 1),
    ]


def test_words_are_whitespace_words(vignette_sentences):
    counts = get_scorer().known_words(vignette_sentences["text"])
    assert [w for _, w in counts] == vignette_sentences["n_words"].tolist()


# ----------------------------------------------------------------------------- the frames


def test_every_frame_has_coverage_before_position():
    for columns in (COLUMNS, SENTENCE_COLUMNS, WINDOW_COLUMNS, BIN_COLUMNS):
        assert columns[-2:] == ("coverage", "position")


def test_sentence_coverage_is_known_over_words(vignette_sentences):
    counts = get_scorer().known_words(vignette_sentences["text"])
    expected = [k / w if w else math.nan for k, w in counts]
    assert np.allclose(vignette_sentences["coverage"], expected, equal_nan=True, rtol=0, atol=0)


def test_paragraph_coverage_is_the_ratio_of_its_sentences_sums(vignette, vignette_sentences):
    counts = np.array(get_scorer().known_words(vignette_sentences["text"]))
    sums = (
        pd.DataFrame(counts, columns=["known", "words"])
        .groupby(vignette_sentences["paragraph"].to_numpy())
        .sum()
    )
    assert (vignette["coverage"].to_numpy() == (sums["known"] / sums["words"]).to_numpy()).all()
    assert vignette["coverage"].between(0, 1).all()


def test_attrs_coverage_is_the_story_share(vignette, vignette_sentences):
    body = vignette_sentences[vignette_sentences["role"] == "body"]
    counts = np.array(get_scorer().known_words(body["text"]))
    share = round(counts[:, 0].sum() / counts[:, 1].sum(), 6)
    assert vignette.attrs["coverage"] == vignette_sentences.attrs["coverage"] == share
    assert type(vignette.attrs["coverage"]) is float
    # Paratext rows have a coverage too; they are left out of the story's share.
    assert vignette.loc[vignette["role"] != "body", "coverage"].notna().all()


def _words_of(sentences):
    story = sentences[sentences["role"] == "body"].reset_index(drop=True)
    return np.repeat(story["coverage"].to_numpy(), story["n_words"].to_numpy()), story


def test_window_coverage_is_word_weighted(long_with_gap):
    df = arc.analysis.frame.windows(long_with_gap, 100, 50)
    per_word, _ = _words_of(long_with_gap)
    starts = arc.analysis.frame.window_starts(len(per_word), 100, 50)
    expected = [per_word[s : s + 100].mean() for s in starts]
    assert np.allclose(df["coverage"], expected)
    assert df["coverage"].min() == 0.0  # a window inside the gibberish knows nothing


def test_bin_coverage_is_known_over_words_of_its_sentences(long_with_gap):
    df = arc.analysis.frame.percentage_frame(long_with_gap, 20)
    _, story = _words_of(long_with_gap)
    edges = arc.analysis.smoothing.bin_edges(len(story), 20)
    counts = np.array(get_scorer().known_words(story["text"]))
    expected = [counts[a:b, 0].sum() / counts[a:b, 1].sum() for a, b in itertools.pairwise(edges)]
    assert np.allclose(df["coverage"], expected)


def test_window_and_bin_frames_keep_the_story_share(long_with_gap):
    text = _long_text(True)
    for df in (
        arc.analyze(text=text, unit="window", window=200),
        arc.analyze(text=text, unit="bins", bins=20),
    ):
        assert df.attrs["coverage"] == long_with_gap.attrs["coverage"]
        assert list(df.columns) == list(WINDOW_COLUMNS if "n_words" in df else BIN_COLUMNS)


def test_no_sentiment_words_is_coverage_zero_and_charts_still_draw():
    text = "\n\n".join(["The door is brown. The table has four legs."] * 3)
    df = arc.analyze(text=text)
    assert df.attrs["coverage"] == 0.0 and (df["coverage"] == 0).all()
    chart = story_chart(df)
    assert chart.panel("arc").shades == []
    assert "the lexicon knows 0.0% of the words" in chart.caption
    assert LOW_COVERAGE not in [k.label for k in chart.legend()]
    sentences = arc.analyze(text=text, unit="sentence")
    assert smoothed_chart(sentences).panel("arc").shades == []


def test_scores_are_unchanged_by_coverage(vignette_sentences):
    vader = SentimentIntensityAnalyzer()
    for row in vignette_sentences.itertuples():
        assert row.compound == vader.polarity_scores(row.text)["compound"]


# ----------------------------------------------------------------------------- the charts


def test_a_lexicon_free_stretch_is_shaded_on_the_long_chart(long_with_gap):
    chart = smoothed_chart(long_with_gap)
    shades = chart.panel("arc").shades
    assert len(shades) == 1 and shades[0].label == LOW_COVERAGE
    # The gibberish is paragraphs 40-51 of 80: about 50-65% of the story.
    story = long_with_gap[long_with_gap["role"] == "body"]
    gap = story.loc[story["coverage"] == 0, "position"] * 100
    assert shades[0].x0 <= gap.min() + 2 and shades[0].x1 >= gap.max() - 2
    assert shades[0].x1 - shades[0].x0 < 25
    share = long_with_gap.attrs["coverage"]
    assert f"the lexicon knows {share:.1%} of the words (marked at the foot" in chart.caption
    assert "under half" in chart.caption and "lilac" not in chart.caption
    assert LOW_COVERAGE in set(chart.texts())
    assert [k.mark for k in chart.legend() if k.label == LOW_COVERAGE] == ["strip"]
    assert chart.panel("points").shades == []  # only the arc panel is shaded


def test_an_even_text_is_not_shaded_and_a_real_one_not_everywhere(long_normal, vignette_sentences):
    chart = smoothed_chart(long_normal)
    assert chart.panel("arc").shades == []
    assert "the lexicon knows" in chart.caption and "stretches" not in chart.caption
    assert LOW_COVERAGE not in [k.label for k in chart.legend()]
    # The vignette opens on sentences VADER knows no word of: shaded there, not everywhere.
    shades = smoothed_chart(vignette_sentences).panel("arc").shades
    assert 0 < sum(s.x1 - s.x0 for s in shades) < 50


def test_low_coverage_follows_the_smoothers_span(long_with_gap):
    wide = smoothed_chart(long_with_gap, "lowess").panel("arc").shades
    narrow = smoothed_chart(long_with_gap, "rolling", window=0.05).panel("arc").shades
    assert len(wide) == len(narrow) == 1
    assert smoothed_chart(long_with_gap, "dct").panel("arc").shades  # the rolling default
    assert arc.methods_chart(long_with_gap).panel("arc").shades


def test_low_coverage_rule():
    story = pd.DataFrame({"coverage": [0.2] * 10 + [0.0] * 4 + [0.2] * 10, "n_words": 5})
    assert low_coverage(story, 0.2, 0.1).tolist() == [False] * 10 + [True] * 4 + [False] * 10
    # Judged relative to the text's own coverage: a text that knows little is not all low.
    assert not low_coverage(story.assign(coverage=story["coverage"] / 10), 0.02, 0.1)[:10].any()
    # A unit without words weighs nothing; coverage 0 shades nothing.
    story.loc[0, "coverage"] = math.nan
    assert not low_coverage(story, 0.2, 0.1)[0]
    assert not low_coverage(story, 0.0, 0.1).any()


def test_story_chart_shades_low_paragraphs_never_paratext():
    text = "A Title\n\n" + "\n\n".join(
        [MOODS[0], MOODS[1], GIBBERISH, GIBBERISH, MOODS[2], "12 34 56 78.", MOODS[3]]
    )
    df = arc.analyze(text=text)
    chart = story_chart(df, include_paratext=True)
    low = df[(df["role"] == "body") & (df["coverage"] < df.attrs["coverage"] / 2)]
    shades = chart.panel("arc").shades
    spans = [(s.x0, s.x1) for s in shades]
    # Neighbouring low paragraphs merge; each stretch is its paragraphs' index ± 0.5.
    assert sum(x1 - x0 for x0, x1 in spans) == len(low)
    assert {s.label for s in shades} == {LOW_COVERAGE}  # one legend entry for them all
    assert [k.label for k in chart.legend()].count(LOW_COVERAGE) == 1
    for x0, x1 in spans:
        covered = df[(df["index"] > x0) & (df["index"] < x1)]
        assert (covered["role"] == "body").all()
    assert "under half" in chart.caption


def test_story_chart_judges_many_paragraphs_over_a_window():
    # One paragraph in five knows no word: alone each is low, over 10% of the text none is.
    paragraphs = [GIBBERISH if k % 5 == 0 else MOODS[k % 5] for k in range(40)]
    df = arc.analyze(text="\n\n".join(paragraphs))
    assert (df["coverage"] < df.attrs["coverage"] / 2).sum() == 8
    assert story_chart(df).panel("arc").shades == []
    # A run of them is still marked, as one stretch.
    paragraphs[20:26] = [GIBBERISH] * 6
    df = arc.analyze(text="\n\n".join(paragraphs))
    shades = story_chart(df).panel("arc").shades
    assert len(shades) == 1 and shades[0].x0 >= 19.5 and shades[0].x1 <= 25.5


def test_vignette_story_chart_states_coverage(vignette):
    chart = story_chart(vignette)
    assert f"the lexicon knows {vignette.attrs['coverage']:.1%} of the words" in chart.caption
    shaded = sum(s.x1 - s.x0 for s in chart.panel("arc").shades)
    assert shaded < (vignette["role"] == "body").sum() / 2


# ----------------------------------------------------------------------------- outputs


def test_score_csv_has_coverage(tmp_path):
    out = tmp_path / "scores.csv"
    assert main(["score", "--unit", "sentence", "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert list(df.columns) == list(SENTENCE_COLUMNS)
    assert df["coverage"].between(0, 1).all()
    assert out.read_bytes() == _again(tmp_path)


def _again(tmp_path):
    again = tmp_path / "again.csv"
    assert main(["score", "--unit", "sentence", "-o", str(again)]) == 0
    return again.read_bytes()


def test_json_writes_coverage_as_numbers():
    from arc.export import to_json

    df = arc.analyze(text="She laughed.\n\n...\n\nHe cried.")
    records = pd.read_json(io.StringIO(to_json(df)))
    assert records["coverage"].tolist() == pytest.approx([0.5, 0.0, 0.5])
