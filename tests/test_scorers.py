"""Scorers beside VADER: each equals its package called directly; frames, CLI and charts."""

import math

import numpy as np
import pytest

import arc
from arc.analysis.frame import scorer_columns
from arc.cli import main
from arc.errors import MissingDependencyError
from arc.score.scorers import EMOTIONS, SCORERS, get_scorer, parse_scorers, scorer_info
from tests.extras import INSTALL

pytest.importorskip("afinn", reason=INSTALL)
pytest.importorskip("textblob", reason=INSTALL)
pytest.importorskip("nrclex", reason=INSTALL)

ALL = ["vader", "afinn", "textblob", "nrc"]
SENTENCES = [
    "I love this town.",
    "It was the worst day of my life, and I hated every minute.",
    "Not very good :)",
    "The rain fell.",
    "",
    "She didn't feel happy, but she wasn't sad either!",
    "“Good,” he said — terrified, ashamed and angry.",
]


@pytest.fixture(scope="module")
def many():
    return arc.analyze(scorers=ALL)


@pytest.fixture(scope="module")
def many_sentences():
    return arc.analyze(unit="sentence", scorers=ALL)


def _direct(name, text):
    """The package's own number for ``text``, called as its documentation says."""
    if name == "afinn":
        from afinn import Afinn

        return float(Afinn().score(text))
    if name == "textblob":
        from textblob import TextBlob

        return float(TextBlob(text).sentiment.polarity)
    if name == "nrc":
        from nrclex import NRCLex

        e = NRCLex()
        e.load_token_list(get_scorer("nrc").tokens(text))
        return float(
            e.raw_emotion_scores.get("positive", 0) - e.raw_emotion_scores.get("negative", 0)
        )
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().polarity_scores(text)["compound"]


@pytest.mark.parametrize("name", ALL)
def test_each_scorer_equals_its_package(name):
    scorer = get_scorer(name)
    got = [s.compound for s in scorer.score_many(SENTENCES)]
    assert got == [_direct(name, t) for t in SENTENCES]
    assert len(scorer.known_words(SENTENCES)) == len(SENTENCES)


def test_nrc_tokens_are_syuzhets():
    assert get_scorer("nrc").tokens("Don't PANIC, it's 3 o'clock—café!") == [
        "don't",
        "panic",
        "it's",
        "o'clock",
        "caf",
    ]


def test_nrc_emotions_equal_nrclex():
    from nrclex import NRCLex

    scorer = get_scorer("nrc")
    for text, row in zip(SENTENCES, scorer.score_columns(SENTENCES), strict=True):
        e = NRCLex()
        e.load_token_list(scorer.tokens(text))
        assert row == tuple(float(e.raw_emotion_scores.get(k, 0)) for k in EMOTIONS)


def test_frame_columns_and_sentence_values(many_sentences):
    df = many_sentences
    added = scorer_columns(ALL)
    assert list(df.columns[-len(added) :]) == list(added)
    assert added[-1] == "ensemble" and "nrc_joy" in added
    assert df.attrs["scorers"] == ALL and df.attrs["scorer"] == "vader"
    texts = df["text"].tolist()[:40]
    for name in ALL:
        assert df[name].tolist()[:40] == [_direct(name, t) for t in texts]
    assert df["vader"].tolist() == df["compound"].tolist()


def test_paragraphs_are_means_of_sentences(many, many_sentences):
    for name in [*scorer_columns(ALL)]:
        means = many_sentences.groupby("paragraph")[name].apply(lambda v: math.fsum(v) / len(v))
        assert np.allclose(many[name].to_numpy(), means.to_numpy(), rtol=0, atol=1e-12), name


def test_ensemble_is_combine_of_the_scorers(many_sentences):
    from arc.score.ensemble import combine

    df = many_sentences
    expected = combine({n: df[n].to_numpy() for n in ALL})
    assert np.array_equal(df["ensemble"].to_numpy(), expected)


def test_windows_and_bins_aggregate_like_compound():
    from arc.analysis.frame import percentage_frame

    sentences = arc.analyze(unit="sentence", scorers=["afinn", "textblob"])
    renamed = sentences.assign(compound=sentences["textblob"])
    bins = arc.analyze(unit="bins", bins=7, scorers=["afinn", "textblob"])
    assert np.allclose(bins["textblob"], percentage_frame(renamed, 7)["compound"])
    assert np.allclose(bins["afinn"], bins["compound"])  # the first scorer is compound
    win = arc.analyze(unit="window", window=200, scorers=["afinn", "textblob"])
    assert list(win.columns[-3:]) == ["afinn", "textblob", "ensemble"]


def test_first_scorer_is_compound():
    df = arc.analyze(scorers=["afinn"])
    assert df.attrs["scorer"] == "afinn" and "ensemble" not in df
    assert df["afinn"].tolist() == df["compound"].tolist()
    with pytest.raises(ValueError, match="first of scorers"):
        arc.analyze(scorer="textblob", scorers=["vader", "textblob"])
    with pytest.raises(ValueError, match="unknown scorer"):
        arc.analyze(scorers=["vader", "bogus"])


def test_the_frame_is_deterministic():
    a = arc.analyze(unit="sentence", scorers="vader,nrc").to_csv()
    b = arc.analyze(unit="sentence", scorers="vader,nrc").to_csv()
    assert a == b


def test_parse_scorers():
    assert parse_scorers("vader, AFINN,vader") == ["vader", "afinn"]
    with pytest.raises(ValueError):
        parse_scorers(" , ")


@pytest.mark.parametrize(
    "name,module,extra",
    [("afinn", "afinn", "afinn"), ("textblob", "textblob", "textblob"), ("nrc", "nrclex", "nrc")],
)
def test_missing_extra_names_it(monkeypatch, name, module, extra):
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # as if not installed: import fails
    with pytest.raises(MissingDependencyError) as found:
        SCORERS[name]()
    message = str(found.value)
    assert "\n" not in message and f"pip install 'arc-sentiment[{extra}]'" in message
    # A clone is not on the package index under that name: the message gives its command too.
    assert f"pip install -e '.[{extra}]'" in message


def test_cli_missing_extra_is_one_line(monkeypatch, capsys):
    def missing():
        raise MissingDependencyError(
            "the AFINN scorer needs the afinn package: pip install 'arc-sentiment[afinn]'"
        )

    monkeypatch.setitem(SCORERS, "afinn", type("Missing", (), {"__new__": lambda cls: missing()}))
    get_scorer.cache_clear()
    try:
        assert main(["score", "--scorer", "vader,afinn"]) == 1
    finally:
        get_scorer.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "arc: error: the AFINN scorer needs the afinn package: pip install 'arc-sentiment[afinn]'"
    ]


def test_declarations():
    for name in ALL:
        info = scorer_info(name)
        assert info.name == name and info.label and info.value_range[0] < 0 < info.value_range[1]


# ------------------------------------------------------------------------------- CLI


def test_cli_score_scorers(tmp_path, many):
    import pandas as pd

    out = tmp_path / "s.csv"
    assert main(["score", "--scorer", "vader,afinn,textblob,nrc", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns[-len(scorer_columns(ALL)) :]) == list(scorer_columns(ALL))
    assert np.allclose(table["afinn"], many["afinn"])


def test_cli_unknown_scorer_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as found:
        main(["score", "--scorer", "vader,bogus"])
    assert found.value.code == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .splitlines()[-1]
        .startswith("arc: error: argument --scorer: unknown scorer 'bogus'")
    )


def test_cli_plot_scorers(tmp_path):
    out = tmp_path / "p.png"
    assert main(["plot", "--scorer", "vader,afinn,textblob", "-o", str(out)]) == 0
    assert out.stat().st_size > 0


def test_cli_plot_one_other_scorer(tmp_path):
    out = tmp_path / "p.png"
    assert main(["plot", "--scorer", "textblob", "-o", str(out)]) == 0


def test_cli_plot_scorers_refuses_smooth_all(capsys):
    assert main(["plot", "--scorer", "vader,afinn", "--smooth", "all"]) == 2


def test_cli_compare_scorers(tmp_path):
    out = tmp_path / "c.png"
    assert (
        main(
            [
                "compare",
                "--example",
                "alice",
                "--example",
                "frankenstein",
                "--scorer",
                "vader,afinn",
                "--no-scale",
                "-o",
                str(out),
            ]
        )
        == 0
    )


def test_compare_value_ensemble():
    a = arc.analyze(unit="sentence", scorers=["vader", "afinn"])
    data = arc.compare([a], method="dct", value="ensemble", scale=False)
    from arc.analysis.timeline import smoothed_arc

    line = smoothed_arc(a, "dct", "ensemble", band=False, null=False)
    assert np.allclose(data["value"], np.interp(data["time"], line["time"], line["value"]))
    from arc.charts.compare import compare_chart

    chart = compare_chart(data)
    assert "ensemble" in chart.panels[0].ylabel


# ---------------------------------------------------------------------------- charts


def test_scorers_chart_lines_are_the_data(many_sentences):
    from arc.analysis.agreement import agreement, scorer_arcs
    from arc.analysis.timeline import smoothed_arc
    from arc.charts.scorerchart import ENSEMBLE, agreement_verdict, scorers_chart

    chart = scorers_chart(many_sentences, "rolling")
    assert arc.Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()
    panel = chart.panel("arc")
    labels = [line.label for line in panel.lines]
    assert labels == [scorer_info(n).label for n in ALL] + [ENSEMBLE]
    sd = chart.meta["sd"]
    for name, line in zip([*ALL, "ensemble"], panel.lines, strict=True):
        raw = smoothed_arc(many_sentences, "rolling", name, band=False, null=False)
        story = many_sentences[many_sentences["role"].isin(["body", "heading"])]
        assert sd[name] == pytest.approx(float(np.std(story[name])))
        assert np.allclose(line.y, raw["value"] / sd[name])
    assert panel.lines[-1].width > panel.lines[0].width
    (band,) = panel.bands
    ys = np.vstack([np.asarray(line.y) for line in panel.lines[:-1]])
    assert np.allclose(band.low, ys.min(axis=0)) and np.allclose(band.high, ys.max(axis=0))
    arcs = scorer_arcs(many_sentences, "rolling")
    pairs = agreement(arcs)
    assert len(pairs) == 6 and len(chart.meta["agreement"]) == 6
    r = np.corrcoef(panel.lines[0].y, panel.lines[1].y)[0, 1]
    assert chart.meta["agreement"][0][:2] == ["vader", "afinn"]
    assert chart.meta["agreement"][0][2] == pytest.approx(r, abs=1e-4)
    # The subtitle is the verdict; the figures and the standardisation are in the caption.
    assert chart.subtitle == agreement_verdict(pairs)
    assert f"VADER\u2013AFINN {r:.2f}".replace("-", "\u2212") in chart.caption
    assert "standard deviation" in chart.caption and "standard deviation" not in chart.subtitle


def test_scorers_chart_colours_are_the_scorers_own(many_sentences):
    """Each scorer in its colour of every chart, the ensemble dark, the spread not the blue band."""
    from arc.charts.scorerchart import SPREAD_LABEL, scorers_chart
    from arc.charts.theme import SCORER_COLORS, SPREAD, UNCERTAINTY
    from tests.reading import reading_problems

    names = ["textblob", "vader", "afinn"]  # another order: the colours stay
    df = arc.analyze(unit="sentence", scorers=names)
    chart = scorers_chart(df, "rolling")
    panel = chart.panel("arc")
    assert [ln.color for ln in panel.lines] == [SCORER_COLORS[n] for n in [*names, "ensemble"]]
    ensemble = panel.lines[-1]
    assert ensemble.width == max(ln.width for ln in panel.lines)
    (band,) = panel.bands
    assert band.color == SPREAD != UNCERTAINTY and band.label == SPREAD_LABEL
    assert reading_problems(chart) == []
    full = scorers_chart(many_sentences, "rolling")
    assert [ln.color for ln in full.panel("arc").lines][:2] == [
        SCORER_COLORS["vader"],
        SCORER_COLORS["afinn"],
    ]


def test_the_ensemble_is_measured_as_a_sum_of_the_drawn_arcs(many_sentences):
    """Item 11: the ensemble leaves the scorers' spread; the caption says how often and why."""
    from arc.analysis.agreement import scorer_arcs
    from arc.charts.scorerchart import ensemble_weights, scorers_chart
    from arc.score.ensemble import weights

    for df in (many_sentences, arc.analyze(unit="sentence", scorers=["vader", "textblob"])):
        chart = scorers_chart(df, "rolling")
        panel = chart.panel("arc")
        w = chart.meta["ensemble_weights"]
        names = chart.meta["scorers"]
        assert list(w) == names
        combined = sum(w[n] * np.asarray(ln.y) for n, ln in zip(names, panel.lines, strict=False))
        assert np.allclose(combined, panel.lines[-1].y, atol=1e-9)
        # It is the fitted combination, on the chart's scale: weight x sd(scorer) / sd(ensemble).
        sd = chart.meta["sd"]
        fitted = weights(names)
        for n in names:
            assert w[n] == pytest.approx(fitted[n] * sd[n] / sd["ensemble"], rel=1e-6)
        e, (band,) = np.asarray(panel.lines[-1].y), panel.bands
        out = np.mean((e < np.asarray(band.low) - 1e-9) | (e > np.asarray(band.high) + 1e-9))
        assert chart.meta["ensemble_outside"] == pytest.approx(out, abs=1e-4)
        assert out > 0  # the case the caption must explain
        assert f"sum to {sum(w.values()):.2f}, not 1" in chart.caption
        assert f"outside their spread at {out:.0%} of points" in chart.caption
        assert "\u00d7 VADER" in chart.caption
    arcs = scorer_arcs(many_sentences, "rolling")
    assert ensemble_weights(arcs.drop(columns="ensemble")) is None
    skewed = arcs.assign(ensemble=arcs["ensemble"] + np.linspace(0, 1, len(arcs)) ** 2)
    assert ensemble_weights(skewed) is None  # not a sum of the arcs: no weights claimed


def _pairs(*rows):
    import pandas as pd

    return pd.DataFrame(list(rows), columns=["a", "b", "r"])


def test_agreement_verdicts():
    from arc.charts.scorerchart import agreement_verdict

    close = _pairs(
        ("vader", "afinn", 0.99), ("vader", "textblob", 0.87), ("afinn", "textblob", 0.9)
    )
    assert agreement_verdict(close) == "the scorers agree closely (arcs' r 0.87\u20130.99)"
    broad = _pairs(("vader", "afinn", 0.95), ("vader", "textblob", 0.6), ("afinn", "textblob", 0.7))
    assert agreement_verdict(broad) == "the scorers broadly agree (arcs' r 0.60\u20130.95)"
    odd = _pairs(("vader", "afinn", 0.83), ("vader", "textblob", -0.03), ("afinn", "textblob", 0.1))
    assert agreement_verdict(odd) == (
        "TextBlob disagrees with the others (arcs' r \u22120.03 to 0.10) \u00b7 "
        "VADER and AFINN agree closely (r 0.83)"
    )
    assert agreement_verdict(_pairs(("vader", "textblob", -0.03))) == (
        "TextBlob disagrees with VADER (r \u22120.03)"
    )
    assert agreement_verdict(_pairs(("vader", "afinn", 0.91))) == (
        "VADER and AFINN agree closely (r 0.91)"
    )
    split = _pairs(
        ("vader", "afinn", 0.83),
        ("vader", "textblob", -0.03),
        ("vader", "nrc", -0.18),
        ("afinn", "textblob", 0.1),
        ("afinn", "nrc", -0.03),
        ("textblob", "nrc", 0.82),
    )
    assert agreement_verdict(split) == (
        "the scorers disagree (arcs' r \u22120.18 to 0.83): "
        "least alike VADER and NRC (r \u22120.18)"
    )
    loose = _pairs(
        ("vader", "afinn", 0.92),
        ("vader", "textblob", 0.61),
        ("afinn", "textblob", 0.67),
        ("textblob", "nrc", 0.43),
    )
    assert agreement_verdict(loose) == (
        "the scorers agree loosely (arcs' r 0.43\u20130.92): least alike TextBlob and NRC (r 0.43)"
    )
    assert (
        agreement_verdict(_pairs(("vader", "nrc", 0.35))) == "VADER and NRC agree loosely (r 0.35)"
    )
    flat = _pairs(("vader", "afinn", float("nan")))
    assert agreement_verdict(flat) == "no agreement to measure for VADER\u2013AFINN (a flat arc)"
    one_flat = _pairs(("vader", "afinn", 0.9), ("vader", "nrc", float("nan")))
    assert agreement_verdict(one_flat) == (
        "VADER and AFINN agree closely (r 0.90) \u00b7 no agreement to measure for VADER\u2013NRC "
        "(a flat arc)"
    )


def test_the_scorers_verdict_of_the_examples():
    """The verdict names what the figures say: Alice's TextBlob goes its own way."""
    from arc.charts.scorerchart import scorers_chart
    from tests.books import ALICE, FRANKENSTEIN

    names = ["vader", "afinn", "textblob"]
    alice = scorers_chart(arc.analyze(ALICE, unit="sentence", scorers=names), "rolling")
    assert alice.subtitle.startswith("TextBlob disagrees with the others")
    book = scorers_chart(arc.analyze(FRANKENSTEIN, unit="sentence", scorers=names), "rolling")
    assert book.subtitle.startswith("the scorers agree closely")


def test_scorer_arcs_keep_zero():
    import pandas as pd

    from arc.analysis.agreement import scorer_arcs

    df = pd.DataFrame({"vader": [0.2, 0.4, 0.3, 0.5], "afinn": [2.0, 4.0, 3.0, 5.0]})
    arcs = scorer_arcs(df, "rolling", window=0.75)
    assert (arcs["vader"] > 0).all() and (arcs["afinn"] > 0).all()


# ------------------------------------------------------------ the protocol: adding a scorer


def test_a_registered_model_without_a_lexicon_scores_a_frame():
    """A scorer that is a model (no lexicon, no pos/neu/neg) fits the protocol as it is."""
    import math

    import arc
    from arc.score.scorers import SCORERS, ScorerBase, Scores, register_scorer

    @register_scorer
    class Length(ScorerBase):
        name, label, value_range, neutral = "length", "words / 100", (0.0, 1.0), 0.01

        def score(self, text):
            return Scores(min(1.0, len(text.split()) / 100))

    try:
        df = arc.analyze(text="One two three.\n\nFour five.", unit="paragraph", scorer="length")
        assert df["compound"].tolist() == [0.03, 0.02]
        assert df["coverage"].isna().all() and df.attrs["coverage"] is None
        assert math.isnan(df["pos"].iloc[0])
        both = arc.analyze(text="One two three.", unit="sentence", scorers=["vader", "length"])
        assert "ensemble" not in both and "ensemble" not in both.attrs
        assert both["length"].tolist() == [0.03]
        with pytest.raises(ValueError, match="already a scorer"):
            register_scorer(Length)
    finally:
        SCORERS.pop("length", None)


def test_register_scorer_refuses_an_incomplete_class():
    from arc.score.scorers import register_scorer

    class Nameless:
        def score(self, text):
            return 0.0

    with pytest.raises(TypeError, match="name, label, value_range, neutral"):
        register_scorer(Nameless)


def test_the_ensemble_names_what_it_combined():
    import arc

    df = arc.analyze(text="Good day. Bad night.", unit="sentence", scorers=["vader", "afinn"])
    assert df.attrs["ensemble"] == ["vader", "afinn"] and "ensemble" in df
