"""Word-level explanations add up to VADER's own compound, exactly (the first part of #10)."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

import arc
from arc.analysis.explanation import explain_text

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


# ------------------------------------------------------------------ arc.explain and segments

import math  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from arc.analysis.weights import select  # noqa: E402
from arc.errors import SegmentError  # noqa: E402


@pytest.mark.parametrize(
    "text", ["Not bad at all, but the ending was PERFECT!", "", "Meh.", "I LOVE it!!! :)"]
)
def test_explain_a_string_is_polarity_scores_of_the_whole_string(text):
    df = arc.explain(text)
    compound = VADER.polarity_scores(text)["compound"]
    assert df.attrs["value"] == compound
    assert round(math.fsum(df["contribution"]), 4) == compound
    assert set(df["sentence"]) <= {0} and (df["weight"] == 1).all()
    assert list(df.columns) == list(arc.analysis.explanation.EXPLAIN_COLUMNS)


def test_explain_a_str_naming_a_file_reads_the_file_as_analyze_does(tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text("What a lovely day.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    df = arc.explain("story.txt")
    assert (
        df.attrs["value"]
        == arc.explain(Path("story.txt")).attrs["value"]
        == VADER.polarity_scores("What a lovely day.")["compound"]
    )


@pytest.mark.parametrize(
    ("text", "word", "rule"),
    [
        ("The food was not good.", "good", "negation"),
        ("The food was very good.", "good", "booster"),
        ("The food was GOOD, the wine was fine.", "GOOD", "capitals"),
        ("It was fine, but the end was sad.", "sad", "but"),
        ("This is the least happy day.", "happy", "least"),
        ("There is no joy here.", "joy", "no"),
        ("That cake was the bomb.", "bomb", "idiom"),
        ("A lovely day.", "lovely", "lexicon"),
    ],
)
def test_each_rule_is_named(text, word, rule):
    df = arc.explain(text)
    row = df[df["token"] == word]
    assert len(row) == 1, df
    assert rule in row["rule"].item().split("+")
    assert round(math.fsum(df["contribution"]), 4) == VADER.polarity_scores(text)["compound"]


UNITS = [
    ("paragraph", {}),
    ("sentence", {}),
    ("window", {"window": 300, "step": 150}),
    ("bins", {"bins": 20}),
]


@pytest.mark.parametrize(("unit", "params"), UNITS)
def test_every_segment_adds_up_to_its_value_in_the_frame(alice_sentences, unit, params):
    frame = arc.analyze(arc.example_path("alice"), unit, **params)
    story = frame[frame["role"] == "body"] if "role" in frame else frame
    for k in np.linspace(0, len(story) - 1, 7).astype(int):
        index = int(story["index"].iloc[k])
        df = arc.explain(alice_sentences, unit, segment=index, **params)
        expected = float(frame.loc[frame["index"] == index, "compound"].item())
        assert math.isclose(math.fsum(df["contribution"]), expected, abs_tol=1e-12)
        assert math.isclose(df.attrs["value"], expected, abs_tol=1e-12)


@pytest.mark.parametrize(("unit", "params"), UNITS)
def test_a_stretch_is_the_mean_of_its_units(alice_sentences, unit, params):
    frame = arc.analyze(arc.example_path("alice"), unit, **params)
    story = frame[frame["position"].notna()]
    inside = story[(story["position"] * 100 >= 20) & (story["position"] * 100 <= 45)]
    df = arc.explain(alice_sentences, unit, segment="20-45%", **params)
    assert math.isclose(df["contribution"].sum(), inside["compound"].mean(), abs_tol=1e-12)
    whole = arc.explain(alice_sentences, unit, **params)
    assert math.isclose(whole.attrs["value"], story["compound"].mean(), abs_tol=1e-12)


def test_a_paragraph_frame_is_explained_from_its_own_text(vignette):
    from_frame = arc.explain(vignette, segment=3)
    from_source = arc.explain(None, segment=3)
    pd.testing.assert_frame_equal(from_frame, from_source)
    assert from_frame.attrs["value"] == pytest.approx(vignette.loc[3, "compound"], abs=1e-12)


def test_the_vignettes_happiest_paragraph_shows_its_irony(vignette):
    """Its value comes from words of a lost happiness, quoted in their sentences."""
    top = vignette[vignette["role"] == "body"]["compound"].idxmax()
    df = arc.explain(vignette, segment=int(top))
    words = df.groupby(df["token"].str.lower())["contribution"].sum().sort_values()
    assert {"amazing", "happiest"} <= set(words.index[-4:])
    happiest = df[df["token"] == "happiest"]["text"].item()
    assert happiest.startswith("Just a day ago")


def test_chapters_and_ranges_select_their_units(frankenstein_sentences):
    chapters = frankenstein_sentences["chapter"].dropna().unique().tolist()
    label = str(chapters[3])
    choice = select(frankenstein_sentences, "paragraph", f"chapter:{label}")
    paragraphs = frankenstein_sentences.loc[list(choice.weights), "chapter"].astype(str)
    assert set(paragraphs) == {label}
    assert math.isclose(sum(choice.weights.values()), 1.0)
    assert select(frankenstein_sentences, "paragraph", "10-12").units == [10, 11, 12]


@pytest.mark.parametrize(
    ("segment", "message"),
    [
        (999, "there is no paragraph 999: paragraphs are numbered 0 to 12"),
        ("soon", "cannot read the segment 'soon'"),
        ("chapter:IX", "no chapter 'IX'; the text has no chapters"),
        ("0-150%", "narrative time runs from 0% to 100%"),
    ],
)
def test_segments_the_text_does_not_have(vignette_sentences, segment, message):
    with pytest.raises(SegmentError, match=message.replace("(", r"\(").replace("?", r"\?")):
        arc.explain(vignette_sentences, "paragraph", segment=segment)


def test_a_window_frame_asks_for_its_source():
    windows = arc.analyze(arc.example_path("alice"), "window", window=500)
    with pytest.raises(SegmentError, match="explain its source with unit='window'"):
        arc.explain(windows)


def test_only_vader_is_explained():
    with pytest.raises(ValueError, match="only VADER"):
        arc.explain("Good.", scorer="afinn")


# ------------------------------------------------------------------------------ word shifts


def test_a_word_shift_adds_up_to_the_difference(alice_sentences):
    a = arc.explain(alice_sentences, segment="0-33%")
    b = arc.explain(alice_sentences, segment="67-100%")
    shift = arc.word_shift(a, b)
    assert math.isclose(shift["shift"].sum(), a.attrs["value"] - b.attrs["value"], abs_tol=1e-12)
    assert math.isclose(shift.attrs["difference"], shift.attrs["explained"], abs_tol=1e-9)
    assert (shift["shift"].abs().diff().dropna() <= 1e-15).all()  # largest first
    back = arc.word_shift(b, a).set_index("word")["shift"]
    forth = shift.set_index("word")["shift"]
    assert np.allclose(back.reindex(forth.index), -forth)


def test_word_shift_kinds_follow_valence_and_frequency(alice_sentences):
    shift = arc.word_shift(
        arc.explain(alice_sentences, segment="0-50%"),
        arc.explain(alice_sentences, segment="50-100%"),
    )
    for r in shift.itertuples():
        assert r.kind[0] == ("+" if r.valence >= 0 else "-")
        assert r.kind[1] == ("↑" if r.rate_a >= r.rate_b else "↓")
        if r.count_a == 0:
            assert r.a == 0 and r.kind[1] == "↓"


def test_word_shift_chart_bars_are_the_top_words_and_are_drawn(vignette):
    import matplotlib.pyplot as plt

    from arc.charts.shiftchart import word_shift_chart

    shift = arc.word_shift(arc.explain(vignette, segment=3), arc.explain(vignette))
    chart = word_shift_chart(shift, top=8, title="Final Goodbyes")
    assert arc.Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()
    bars = chart.panel("words").bars[0]
    assert bars.value == pytest.approx(shift["shift"].head(8).tolist(), abs=1e-12)
    assert [label.split()[0] for label in bars.labels] == shift["word"].head(8).tolist()
    assert "\u201c" in bars.labels[0] and "\u201c" not in bars.labels[7]  # quotes on the top 5
    shown = math.fsum(bars.value)
    rest = f"{shift.attrs['difference'] - shown:+.3f}".replace("-", "\u2212")
    assert f"the other {len(shift) - 8:,} words {rest}" in chart.caption
    assert chart.title == "Word shift: paragraph 3 against the whole story"
    assert "Final Goodbyes" in chart.subtitle + chart.caption
    lo, hi = chart.xlim
    assert lo < 0 < hi and lo <= min(bars.value) and max(bars.value) <= hi
    assert set(bars.labels) <= set(chart.texts())
    _fig, ax = plt.subplots(figsize=chart.size)
    arc.draw(chart, ax)
    assert len(ax.patches) == len(bars.value)
    drawn = sorted(round(p.get_width(), 9) for p in ax.patches)
    assert drawn == sorted(round(v, 9) for v in bars.value)


def test_word_shift_labels_fit_inside_the_axes(alice_sentences):
    """Every word label ends inside the drawn axes (measured by the renderer)."""
    import matplotlib.pyplot as plt

    from arc.charts.shiftchart import word_shift_chart

    shift = arc.word_shift(
        arc.explain(alice_sentences, segment="0-50%"),
        arc.explain(alice_sentences, segment="50-100%"),
    )
    chart = word_shift_chart(shift)
    fig, ax = plt.subplots(figsize=chart.size, layout="constrained")
    arc.draw(chart, ax)
    fig.canvas.draw()
    box = ax.get_window_extent()
    labels = [t for t in ax.texts if t.get_text() in chart.panel("words").bars[0].labels]
    assert len(labels) == 20
    for text in labels:
        extent = text.get_window_extent()
        assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, text.get_text()


@pytest.fixture(scope="module")
def halves():
    """Frankenstein's word shift, its first half against its second (as the README's)."""
    from tests.books import FRANKENSTEIN

    sentences = arc.analyze(FRANKENSTEIN, unit="sentence")
    return arc.word_shift(
        arc.explain(sentences, "sentence", segment="0-50%"),
        arc.explain(sentences, "sentence", segment="50-100%"),
    )


def test_word_shift_title_is_short_and_the_books_title_is_in_the_subtitle(halves):
    from arc.charts.shiftchart import word_shift_chart
    from tests.reading import reading_problems

    book = "Frankenstein; Or, The Modern Prometheus"
    chart = word_shift_chart(halves, title=book)
    assert chart.title == "Word shift: 0\u201350% against 50\u2013100% of the story"
    assert chart.title.count(":") == 1 and book not in chart.title
    assert chart.subtitle.startswith(f"In {book}, 0\u201350% of the story is 0.100 more positive")
    assert book not in chart.caption
    assert reading_problems(chart) == []
    # A title too long for the subtitle's two lines goes to the caption instead.
    long = "A Very Long Title, " * 6 + "the End"
    chart = word_shift_chart(halves, title=long)
    assert long not in chart.subtitle and chart.caption.startswith(long)
    assert chart.subtitle.startswith("0\u201350% of the story is 0.100 more positive")
    assert reading_problems(chart) == []


def test_word_shift_verdict_is_computed_from_the_words(halves):
    from arc.charts.shiftchart import shift_verdict, word_shift_chart

    positive = math.fsum(halves.loc[halves["valence"] >= 0, "shift"])
    negative = math.fsum(halves.loc[halves["valence"] < 0, "shift"])
    assert math.isclose(positive + negative, halves.attrs["difference"], abs_tol=1e-9)
    assert 0 < positive < negative  # the first half is brighter mostly for its negative words
    said = shift_verdict(halves)
    assert said == (
        f"0\u201350% of the story is {halves.attrs['difference']:.3f} more positive than "
        f"50\u2013100%: mostly fewer negative words (+{negative:.3f}), then more positive "
        f"words (+{positive:.3f})"
    )
    chart = word_shift_chart(halves)
    assert chart.subtitle == said
    assert chart.meta["positive_words"] == pytest.approx(positive)
    assert f"positive words' parts add up to +{positive:.3f}" in chart.caption


def test_word_shift_verdict_turns_with_the_stretches_and_uses_true_minuses():
    from arc.charts.shiftchart import shift_verdict

    text = "I love it. Lovely day.\n\nIt is awful."
    first, last = arc.explain(text=text, segment=0), arc.explain(text=text, segment=1)
    assert shift_verdict(arc.word_shift(last, first)) == (
        "paragraph 1 is 1.070 less positive than paragraph 0: mostly fewer positive words "
        "(\u22120.611), then more negative words (\u22120.459)"
    )
    # One kind of word against the other: the larger wins, the other is named against it.
    table = pd.DataFrame({"word": ["joy", "grim"], "shift": [0.05, -0.01], "valence": [2.0, -1.5]})
    table.attrs.update(segment_a="chapter 1", segment_b="chapter 2", difference=0.04)
    assert shift_verdict(table) == (
        "chapter 1 is 0.040 more positive than chapter 2: more positive words (+0.050) "
        "outweigh more negative words (\u22120.010)"
    )
    table["shift"] = [0.01, -0.01]
    table.attrs["difference"] = 0.0
    assert shift_verdict(table).startswith("chapter 1 is as positive as chapter 2")


def test_word_shift_colours_are_keyed_by_the_legend_with_true_minuses(halves):
    from arc.charts.shiftchart import KIND_COLORS, word_shift_chart
    from arc.charts.theme import NEGATIVE, PALE_NEGATIVE, PALE_POSITIVE, POSITIVE

    chart = word_shift_chart(halves, title="Frankenstein")
    bars = chart.panel("words").bars[0]
    keys = [k for k in chart.legend() if k.mark == "bar"]
    assert [k.color for k in keys] == [POSITIVE, PALE_POSITIVE, NEGATIVE, PALE_NEGATIVE]
    assert [k.label for k in keys] == [
        "positive word, more often in 0\u201350% (+\u2191)",
        "positive word, less often in 0\u201350% (+\u2193)",
        "negative word, more often in 0\u201350% (\u2212\u2191)",
        "negative word, less often in 0\u201350% (\u2212\u2193)",
    ]
    legend = {k.color: k.label for k in keys}
    for row, color, label in zip(halves.itertuples(), bars.colors, bars.labels, strict=False):
        positive, more = row.valence >= 0, row.rate_a >= row.rate_b
        assert color == KIND_COLORS[("+" if positive else "-") + ("\u2191" if more else "\u2193")]
        assert legend[color].startswith("positive" if positive else "negative")
        assert ("more often" if more else "less often") in legend[color]
        assert label.split()[1] == legend[color][-3:-1]  # the kind after the word, as keyed
    # No hyphen-minus stands for a minus anywhere the chart writes.
    for text in chart.texts():
        assert "-\u2191" not in text and "-\u2193" not in text
        assert not re.search(r"(?<![\w])-\d", text), text
    # The paragraph that explained the colours is gone: the legend keys them.
    assert "Green" not in chart.subtitle + chart.caption
    assert "dark" not in chart.subtitle + chart.caption


def test_a_word_shift_keys_only_the_kinds_it_draws(vignette):
    from arc.charts.shiftchart import word_shift_chart
    from tests.reading import reading_problems

    shift = arc.word_shift(arc.explain(vignette, segment=3), arc.explain(vignette))
    chart = word_shift_chart(shift, top=2)
    bars = chart.panel("words").bars[0]
    assert [k.color for k in chart.legend()] == [
        c for c in dict.fromkeys(bars.keys) if c in bars.colors
    ]
    assert len(chart.legend()) == len(set(bars.colors)) <= 2
    assert reading_problems(chart) == []


def test_a_chapter_is_its_story_units_without_its_heading(frankenstein_sentences):
    choice = select(frankenstein_sentences, "sentence", "chapter:5")
    roles = set(frankenstein_sentences.loc[list(choice.weights), "role"])
    assert roles == {"body"}
    frame = frankenstein_sentences
    body = frame[(frame["chapter"].astype(str) == "5") & (frame["role"] == "body")]
    value = arc.explain(frame, "sentence", segment="chapter:5").attrs["value"]
    assert math.isclose(value, body["compound"].mean(), abs_tol=1e-12)
