"""NRC's eight emotions over narrative time: the data and the small-multiples chart."""

import numpy as np
import pytest

import arc
from arc.cli import main
from arc.score.scorers import EMOTIONS
from tests.extras import INSTALL

pytest.importorskip("nrclex", reason=INSTALL)


@pytest.fixture(scope="module")
def nrc_sentences():
    return arc.analyze(unit="sentence", scorers=["nrc"])


def test_emotions_are_syuzhets_eight():
    assert EMOTIONS == (
        "anger",
        "anticipation",
        "disgust",
        "fear",
        "joy",
        "sadness",
        "surprise",
        "trust",
    )


def test_shares_add_up_to_one(nrc_sentences):
    from arc.charts.scorerchart import emotion_shares

    shares = emotion_shares(nrc_sentences, "rolling")
    total = shares[list(EMOTIONS)].sum(axis=1)
    assert np.allclose(total[total.notna()], 1.0)
    overall = shares.attrs["overall"]
    assert sum(overall.values()) == pytest.approx(1.0)


def test_emotions_chart_has_eight_panels_of_the_data(nrc_sentences):
    from arc.charts.scorerchart import OVERALL_LABEL, SHARE_LABEL, emotion_shares, emotions_chart

    chart = emotions_chart(nrc_sentences, "rolling")
    assert [p.name for p in chart.panels] == list(EMOTIONS)
    shares = emotion_shares(nrc_sentences, "rolling")
    limits = {p.ylim for p in chart.panels}
    assert len(limits) == 1  # one shared scale
    for panel in chart.panels:
        line = next(ln for ln in panel.lines if ln.label == SHARE_LABEL)
        assert np.allclose(line.y, shares[panel.name], equal_nan=True)
        assert panel.bands[0].high == line.y
        level = next(ln for ln in panel.lines if ln.label == OVERALL_LABEL)
        assert level.y[0] == pytest.approx(shares.attrs["overall"][panel.name])
        assert max(v for v in line.y if v == v) <= panel.ylim[1]
        assert panel.ylabel == panel.name  # each panel names its emotion
    assert chart.kind == "emotions" and "one scale for all eight" in chart.caption
    assert arc.Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()


def test_every_emotion_in_one_colour_with_one_legend(nrc_sentences):
    """Green is not "fear": one colour for all; the legend keys the line and the grey level."""
    from arc.charts.scorerchart import OVERALL_LABEL, SHARE_LABEL, emotions_chart
    from arc.charts.theme import EMOTION_COLOR, OVERALL
    from tests.reading import reading_problems

    chart = emotions_chart(nrc_sentences, "rolling")
    colours = {ln.color for p in chart.panels for ln in p.lines if ln.label == SHARE_LABEL}
    colours |= {b.color for p in chart.panels for b in p.bands}
    assert colours == {EMOTION_COLOR}
    keys = [(k.label, k.mark, k.color) for k in chart.legend()]
    assert keys[:2] == [(SHARE_LABEL, "line", EMOTION_COLOR), (OVERALL_LABEL, "line", OVERALL)]
    assert {k[0] for k in keys[2:]} <= {"start of a chapter", "start of a book"}
    # The emotion's line is drawn over its grey level line, though keyed first.
    for panel in chart.panels:
        assert [ln.front for ln in panel.lines] == [True, False]
    assert reading_problems(chart) == []


def test_emotion_fifths_count_the_words(nrc_sentences):
    from arc.analysis.timeline import story_values
    from arc.charts.scorerchart import emotion_fifths

    first, last = emotion_fifths(nrc_sentences)
    story = story_values(nrc_sentences)
    k = round(len(story) / 5)
    for part, shares in ((story.iloc[:k], first), (story.iloc[-k:], last)):
        counts = part[[f"nrc_{e}" for e in EMOTIONS]].sum()
        assert [shares[e] for e in EMOTIONS] == pytest.approx((counts / counts.sum()).tolist())


def test_emotions_verdicts():
    from arc.charts.scorerchart import emotions_verdict

    even = dict.fromkeys(EMOTIONS, 0.125)
    rising = even | {"fear": 0.2, "joy": 0.05}
    assert emotions_verdict(even, rising, even | {"fear": 0.2}) == (
        "fear rises most, from 12% to 20% of the emotion words (first fifth to last) \u00b7 "
        "joy falls most, from 12% to 5% \u00b7 most frequent overall: fear (20%)"
    )
    falling = even | {"trust": 0.05, "anger": 0.15}  # the larger move comes first
    assert emotions_verdict(even, falling, even).startswith(
        "trust falls most, from 12% to 5% of the emotion words (first fifth to last) \u00b7 "
        "anger rises most, from 12% to 15%"
    )
    still = even | {"fear": 0.135}
    assert emotions_verdict(even, still, even | {"joy": 0.3}) == (
        "no emotion's share moves by 2 points or more from the first fifth to the last "
        "\u00b7 most frequent overall: joy (30%)"
    )
    tie = even | {"fear": 0.151, "trust": 0.152}
    assert emotions_verdict(even, even, tie).endswith(
        "most frequent overall: fear and trust (about 15% each)"
    )
    nothing = dict.fromkeys(EMOTIONS, float("nan"))
    assert emotions_verdict(nothing, nothing, nothing) == "no NRC emotion words in the text"


def test_the_emotions_subtitle_is_the_verdict(nrc_sentences):
    from arc.charts.scorerchart import emotion_fifths, emotions_chart, emotions_verdict

    chart = emotions_chart(nrc_sentences, "rolling")
    first, last = emotion_fifths(nrc_sentences)
    assert chart.subtitle == emotions_verdict(first, last, chart.meta["overall"])
    assert chart.meta["first_fifth"] == first and chart.meta["last_fifth"] == last
    assert "first fifth" in chart.caption


def test_emotions_chart_draws(nrc_sentences):
    from matplotlib.figure import Figure

    from arc.charts.drawing import draw
    from arc.charts.scorerchart import emotions_chart

    ax = draw(emotions_chart(nrc_sentences, "rolling"), Figure(figsize=(11, 11)).add_subplot())
    assert len(ax.arc_panels) == 8


def test_emotions_need_the_columns(vignette):
    from arc.charts.scorerchart import emotion_shares

    with pytest.raises(ValueError, match="scorers=\\['nrc'\\]"):
        emotion_shares(vignette, "rolling")


def test_cli_plot_emotions(tmp_path):
    out = tmp_path / "e.png"
    assert main(["plot", "--emotions", "-o", str(out)]) == 0
    assert out.stat().st_size > 0


def test_cli_plot_emotions_refuses_smooth_check():
    assert main(["plot", "--emotions", "--smooth-check"]) == 2
