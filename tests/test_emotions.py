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
    from arc.charts.scorerchart import emotion_shares, emotions_chart

    chart = emotions_chart(nrc_sentences, "rolling")
    assert [p.name for p in chart.panels] == list(EMOTIONS)
    shares = emotion_shares(nrc_sentences, "rolling")
    limits = {p.ylim for p in chart.panels}
    assert len(limits) == 1  # one shared scale
    for panel in chart.panels:
        line = panel.lines[-1]
        assert np.allclose(line.y, shares[panel.name], equal_nan=True)
        assert panel.bands[0].high == line.y
        assert panel.lines[0].y[0] == pytest.approx(shares.attrs["overall"][panel.name])
        assert max(v for v in line.y if v == v) <= panel.ylim[1]
    assert chart.kind == "emotions" and "one scale for all eight" in chart.subtitle
    assert arc.Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()


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
