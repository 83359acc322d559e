"""arc validate: the shipped human-rated sets, user files, the ensemble's honest comparison."""

import hashlib
import json
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from arc.charts.data import Chart
from arc.charts.theme import SCORER_COLORS
from arc.charts.validationchart import SCORER_NAMES, validation_chart
from arc.cli import main
from arc.errors import InputError, TableError
from arc.score import ensemble
from arc.score.validation import (
    COLUMNS,
    SETS,
    classes,
    difference_interval,
    is_train,
    macro_f1,
    pearson_interval,
    read_rated,
    shipped_set,
    validate,
)
from tests.extras import INSTALL, missing
from tests.reading import _sentiment_hue, reading_problems

# The published figures (vaderSentiment 3.3.2, Pearson r with the human mean).
VADER_R = {
    "tweets": 0.872,
    "movie_reviews": 0.427,
    "amazon_reviews": 0.590,
    "nyt_editorials": 0.503,
}
# sha256 (first 16 hex digits) of the shipped files: byte-exact copies of VADER's.
SHA = {
    "tweets_GroundTruth.txt": "dfbe7102e2f92579",
    "movieReviewSnippets_GroundTruth.txt": "c8293b0d942e90e2",
    "amazonReviewSnippets_GroundTruth.txt": "11a9807a0974a250",
    "nytEditorialSnippets_GroundTruth.txt": "7d8fbcce7dde5d71",
}
RATED = "text,rating\nI love this.,3\nThis is awful.,-3\nIt is a chair.,0\nWhat a joy!,4\n"


def _all_scorers_installed():
    from arc.errors import MissingDependencyError
    from arc.score.scorers import SCORERS, get_scorer

    try:
        for name in SCORERS:
            get_scorer(name)
    except MissingDependencyError:
        return False
    return True


@pytest.fixture(scope="module")
def results():
    """The ensemble's four scorers on the four shipped sets (about 10 s: ~24,000 texts).

    arc's valence model (#23) is validated in tests/test_valence.py."""
    from arc.score.ensemble import KNOWN

    if not _all_scorers_installed():
        pytest.skip("needs every scorer: pip install -e '.[scorers]'")
    return validate(scorers=list(KNOWN))


def test_shipped_files_are_vaders_bytes_with_their_licence():
    folder = resources.files("arc").joinpath("data", "validation")
    for name, digest in SHA.items():
        assert hashlib.sha256(folder.joinpath(name).read_bytes()).hexdigest()[:16] == digest
    note = folder.joinpath("SOURCE.md").read_text("utf-8")
    assert "Hutto" in note and "MIT License" in note and "Copyright (c) 2016 C.J. Hutto" in note


def test_shipped_sets_load_whole():
    sizes = {"tweets": 4200, "movie_reviews": 10605, "amazon_reviews": 3708, "nyt_editorials": 5190}
    for name in SETS:
        s = shipped_set(name)
        assert len(s) == len(s.ids) == len(s.ratings) == len(s.train) == sizes[name]
        assert all(-4 <= r <= 4 for r in s.ratings)
        assert 0.45 < sum(s.train) / len(s) < 0.55
    # Texts as they are: HTML entities kept (VADER's figures were computed on them).
    assert any("&amp;" in t for t in shipped_set("tweets").texts)


def test_split_keeps_a_document_on_one_side():
    assert is_train("2") and not is_train("3")
    assert is_train("12_1") == is_train("12_9") is True
    assert is_train("7_2") is False


@pytest.fixture(scope="module")
def vader_results():
    """VADER alone on the four shipped sets: no ensemble."""
    return validate(scorers=["vader"])


def test_vader_reproduces_the_published_figures(vader_results):
    df = vader_results
    whole = df[df["set"].isin(SETS)].set_index("set")["pearson"]
    assert {k: round(v, 3) for k, v in whole.items()} == VADER_R
    assert list(df.columns) == list(COLUMNS)
    assert "ensemble" not in set(df["scorer"])  # one scorer: nothing to combine
    for row in df.itertuples():  # each r's 95 % interval, by Fisher's z, narrower with more n
        low, high = pearson_interval(row.pearson, row.n)
        assert (row.pearson_low, row.pearson_high) == pytest.approx((low, high), abs=1e-6)
        assert row.pearson_low < row.pearson < row.pearson_high
        assert row.pearson_high - row.pearson_low < 0.1


def test_ensemble_beats_vader_on_every_test_half(results):
    test = results[results["set"].str.endswith(":test")]
    table = test.pivot(index="set", columns="scorer", values="pearson")
    assert len(table) == 4
    assert (table["ensemble"] > table["vader"]).all(), table
    # Reported only where it was not fitted: no ensemble row for a whole set.
    assert set(results.loc[results["scorer"] == "ensemble", "set"]) == {f"{s}:test" for s in SETS}


def test_test_half_rows_are_the_test_items(results):
    for name in SETS:
        s = shipped_set(name)
        n = results.loc[(results["set"] == f"{name}:test") & (results["scorer"] == "vader"), "n"]
        assert int(n.iloc[0]) == len(s) - sum(s.train)


def test_ensemble_combines_any_known_subset():
    a, b = np.array([0.5, -0.2, 0.0]), np.array([2.0, -1.0, 0.0])
    both = ensemble.combine({"vader": a, "afinn": b})
    w = ensemble.weights(["vader", "afinn"])
    assert np.allclose(both, w["vader"] * a + w["afinn"] * b)
    assert both[2] == 0.0  # no intercept: no opinion stays neutral
    # a scorer the ensemble was not fitted for is refused by name, never silently dropped
    with pytest.raises(ValueError, match="cannot combine 'other'"):
        ensemble.combine({"vader": a, "afinn": b, "other": np.zeros(3)})
    with pytest.raises(ValueError, match="cannot combine 'other'"):
        ensemble.combine({"other": a})
    model = ensemble.model()
    assert len(model["combinations"]) == 2 ** len(ensemble.KNOWN) - 1
    assert "even" in model["split"]


def test_classes_and_macro_f1():
    assert classes(np.array([-4, -0.5, -0.49, 0.49, 0.5, 4]), 0.5).tolist() == [-1, -1, 0, 0, 1, 1]
    assert classes(np.array([1, 4, 7]), 0.375, mid=4).tolist() == [-1, 0, 1]
    truth = np.array([1, 1, 0, -1])
    assert macro_f1(truth, truth) == 1.0
    assert macro_f1(truth, np.array([1, 0, 0, -1])) == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)


# --------------------------------------------------------------------------- user files


@pytest.mark.skipif(bool(missing("afinn")), reason=f"afinn: {INSTALL}")
def test_user_csv_tsv_and_bom_read_alike(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text(RATED, "utf-8")
    tsv = tmp_path / "mine.tsv"
    tsv.write_bytes(b"\xef\xbb\xbf" + RATED.replace(",", "\t").encode("utf-8"))
    a, b = read_rated(csv), read_rated(tsv)
    assert a.texts == b.texts and a.ratings == b.ratings == (3.0, -3.0, 0.0, 4.0)
    assert a.scale == (-3.0, 4.0) and read_rated(csv, scale=(-5, 5)).scale == (-5, 5)
    df = validate([a], ["vader", "afinn"])
    assert list(df["set"]) == ["mine"] * 3 and list(df["scorer"]) == ["vader", "afinn", "ensemble"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"sentence,score\nGood.,1\nBad.,-1\nOk.,0\n", "no 'text' or 'rating' column"),
        (b"text,rating\nGood.,high\nBad.,-1\nOk.,0\n", "row 2: the rating 'high' is not a number"),
        (b"text,rating\nGood.,1\n", "correlations need at least 3"),
        (b"text,rating\nGood.,1\nBad.,1\nOk.,1\n", "every rating is 1"),
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00\x00" * 20, "binary"),
    ],
)
def test_bad_files_fail_in_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError):
        read_rated(path)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("arc: error: ") and message in err[0], err


def test_table_error_is_an_input_error():
    assert issubclass(TableError, InputError)


# --------------------------------------------------------------------------- the command


def test_cli_output_is_checked_before_work(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text(RATED, "utf-8")
    assert main(["validate", str(path), "-o", str(tmp_path / "out.txt")]) == 1
    assert "unknown format .txt" in capsys.readouterr().err
    assert main(["validate", "--scale", "1", "7"]) == 2
    assert "give a FILE" in capsys.readouterr().err
    assert main(["validate", str(path), "--scorer", "nope"]) == 2
    assert "unknown scorer 'nope'" in capsys.readouterr().err


def test_cli_csv_and_json_are_deterministic(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text(RATED, "utf-8")
    outs = []
    for k in range(2):
        for suffix in (".csv", ".json"):
            out = tmp_path / f"v{k}{suffix}"
            assert main(["validate", str(path), "--scorer", "vader", "-o", str(out)]) == 0
            outs.append(out.read_bytes())
    assert outs[0] == outs[2] and outs[1] == outs[3]
    assert outs[0].decode().splitlines()[0] == ",".join(COLUMNS)
    records = json.loads(outs[1])
    assert records[0]["set"] == "mine" and records[0]["n"] == 4


@pytest.mark.skipif(bool(missing("afinn")), reason=f"afinn: {INSTALL}")
def test_cli_table_on_stdout(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text(RATED, "utf-8")
    assert main(["validate", str(path), "--scorer", "vader,afinn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = ["set", "scorer", "n", "pearson", "95%", "interval", "spearman", "f1"]
    assert lines[0].split() == header
    assert [line.split()[1] for line in lines[1:]] == ["vader", "afinn", "ensemble"]
    for line in lines[1:]:  # "0.512  0.301 to 0.675": the interval holds the r
        r, low, to, high = line.split()[3:7]
        assert to == "to" and float(low) < float(r) < float(high)


@pytest.mark.skipif(bool(missing("afinn")), reason=f"afinn: {INSTALL}")
def test_cli_chart(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text(RATED, "utf-8")
    out = tmp_path / "v.png"
    assert main(["validate", str(path), "--scorer", "vader,afinn", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_chart_shows_test_halves(results):
    chart = validation_chart(results)
    (bars,) = chart.panels[0].bars
    test = results[results["set"].str.endswith(":test")]
    assert bars.value == pytest.approx(test["pearson"].tolist())
    assert len(chart.panels[0].labels) == 4
    assert all("(test half)" in label.text for label in chart.panels[0].labels)
    assert isinstance(pd.DataFrame(chart.to_dict()["panels"][0]["bars"]), pd.DataFrame)
    assert Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()
    assert "test half (odd document numbers)" in chart.caption
    assert reading_problems(chart) == []


# --------------------------------------------------------------------------- the chart


def _results(figures, sets=("tweets", "movie_reviews"), n=400, test=True):
    """A results table as validate() gives it: figures is {scorer: [(r, f1) per set]}."""
    rows = []

    def row(part, scorer, size, r, f1):
        return (part, scorer, size, r, *pearson_interval(r, size), r, f1)

    for k, name in enumerate(sets):
        for scorer, per_set in figures.items():
            if scorer != "ensemble" and test:
                rows.append(row(name, scorer, 2 * n, *per_set[k]))
        for scorer, per_set in figures.items():
            rows.append(row(f"{name}:test" if test else name, scorer, n, *per_set[k]))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def test_each_scorer_keeps_its_theme_colour_on_every_set(results):
    chart = validation_chart(results)
    (bars,) = chart.panels[0].bars
    test = results[results["set"].str.endswith(":test")]
    assert bars.colors == [SCORER_COLORS[s] for s in test["scorer"]]
    legend = {k.label: k for k in chart.legend()}
    for scorer in ("vader", "afinn", "textblob", "nrc"):
        assert legend[SCORER_NAMES[scorer]].color == SCORER_COLORS[scorer]
        assert legend[SCORER_NAMES[scorer]].mark == "bar"
    ensemble_key = legend["ensemble of the scorers"]
    assert ensemble_key.color == SCORER_COLORS["ensemble"]
    assert not _sentiment_hue(ensemble_key.color)  # red means negative, not the ensemble
    assert not any(_sentiment_hue(c) for c in bars.colors)
    assert [k.mark for k in chart.legend()][-1] == "interval"


def test_every_r_has_its_95_percent_interval(results):
    chart = validation_chart(results)
    (bars,) = chart.panels[0].bars
    test = results[results["set"].str.endswith(":test")]
    for r, n, lo, hi in zip(test["pearson"], test["n"], bars.low, bars.high, strict=True):
        assert lo < r < hi
        z, half = np.arctanh(r), 1.959964 / np.sqrt(n - 3)
        assert (lo, hi) == pytest.approx((np.tanh(z - half), np.tanh(z + half)), abs=1e-6)
    assert bars.interval == "95% interval of r"
    assert "95% interval of r" in [k.label for k in chart.legend()]
    assert "Fisher" in chart.caption


def test_difference_interval_covers_the_true_difference_95_times_in_100():
    """Zou's interval for two scorers' r with the same ratings, checked by simulation."""
    rng = np.random.default_rng(7)
    cov = np.array([[1.0, 0.6, 0.45], [0.6, 1.0, 0.7], [0.45, 0.7, 1.0]])  # rating, a, b
    hits, widths = 0, []
    for _ in range(400):
        y, a, b = rng.multivariate_normal(np.zeros(3), cov, size=200).T
        r1, r2, r12 = (np.corrcoef(u, v)[0, 1] for u, v in ((a, y), (b, y), (a, b)))
        low, high = difference_interval(r1, r2, r12, 200)
        assert low < r1 - r2 < high
        hits += low < 0.15 < high
        widths.append(high - low)
    assert 0.92 <= hits / 400 <= 0.98
    # far narrower than the two r's own intervals side by side (they share the ratings)
    lo1, hi1 = pearson_interval(0.6, 200)
    lo2, hi2 = pearson_interval(0.45, 200)
    assert np.mean(widths) < 0.75 * ((hi1 - lo2) - (lo1 - hi2))
    assert all(np.isnan(difference_interval(0.5, np.nan, 0.5, 99)))


def test_pearson_interval():
    assert pearson_interval(0.5, 103) == pytest.approx((0.3393, 0.6323), abs=1e-4)
    lo, hi = pearson_interval(-0.3, 50)
    assert (lo, hi) == pytest.approx((-pearson_interval(0.3, 50)[1], -pearson_interval(0.3, 50)[0]))
    narrow, wide = pearson_interval(0.6, 5000), pearson_interval(0.6, 50)
    assert wide[0] < narrow[0] < 0.6 < narrow[1] < wide[1]
    assert pearson_interval(0.9, 100, level=0.99)[0] < pearson_interval(0.9, 100)[0]
    assert all(np.isnan(pearson_interval(0.5, 3))) and all(np.isnan(pearson_interval(np.nan, 99)))


def test_the_subtitle_is_the_verdict_read_from_the_results(results):
    chart = validation_chart(results)
    test = results[results["set"].str.endswith(":test")]
    r = test.pivot(index="set", columns="scorer", values="pearson")
    f1 = test.pivot(index="set", columns="scorer", values="f1")
    best = set(r.idxmax(axis=1))
    assert best == {"ensemble"}  # today's figures: the ensemble's r is the highest on every set
    assert chart.subtitle.startswith("The ensemble agrees best with people on every set")
    runner = r.drop(columns="ensemble").mean().idxmax()
    assert f"{SCORER_NAMES[runner]} close behind" in chart.subtitle
    beats = int((f1["ensemble"] > f1["vader"]).sum())
    said = {0: "on none of the 4 sets", 4: "on every set"}.get(beats, f"on only {beats} of 4 sets")
    assert f"the ensemble's macro-F1 beats VADER's {said}" in chart.subtitle
    assert chart.meta["f1_beats"] and len(chart.meta["f1_beats"]) == beats
    # Each bar says its F1 too, so the claim can be checked on the chart.
    (bars,) = chart.panels[0].bars
    assert all(" \u00b7 F1 " in label for label in bars.labels)


@pytest.mark.parametrize(
    ("ensemble_f1", "said"),
    [
        ((0.9, 0.9), "the ensemble's macro-F1 beats VADER's on every set"),
        ((0.1, 0.1), "the ensemble's macro-F1 beats VADER's on none of the 2 sets"),
        ((0.9, 0.1), "the ensemble's macro-F1 beats VADER's on only 1 of 2 sets (Tweets)"),
    ],
)
def test_the_f1_verdict_follows_the_figures(ensemble_f1, said):
    figures = {
        "vader": [(0.80, 0.5), (0.40, 0.5)],
        "afinn": [(0.70, 0.4), (0.35, 0.4)],
        "ensemble": [(0.85, ensemble_f1[0]), (0.45, ensemble_f1[1])],
    }
    chart = validation_chart(_results(figures))
    assert said in chart.subtitle
    assert chart.subtitle.startswith("The ensemble agrees best with people on every set")
    assert "VADER close behind (r 0.050 lower)" in chart.subtitle


def test_a_scorer_far_behind_is_next_not_close_and_a_split_verdict_is_counted():
    figures = {
        "vader": [(0.80, 0.5), (0.60, 0.5), (0.50, 0.5)],
        "afinn": [(0.60, 0.4), (0.65, 0.4), (0.30, 0.4)],
    }
    sets = ("tweets", "movie_reviews", "amazon_reviews")
    chart = validation_chart(_results(figures, sets=sets, test=False))
    assert chart.subtitle.startswith("VADER agrees best with people on 2 of 3 sets, AFINN next")
    assert "ensemble" not in chart.subtitle + chart.caption
    assert chart.meta["best"] == ["vader", "afinn", "vader"]


def test_a_single_scorer_chart_shows_whole_sets_and_never_the_ensemble(vader_results):
    chart = validation_chart(vader_results)
    (bars,) = chart.panels[0].bars
    whole = vader_results[vader_results["set"].isin(SETS)]
    assert bars.value == pytest.approx(whole["pearson"].tolist())
    assert [round(v, 3) for v in bars.value] == list(VADER_R.values())
    words = " ".join(
        [chart.title, chart.subtitle, chart.caption, *bars.labels]
        + [k.label for k in chart.legend()]
        + [label.text for label in chart.panels[0].labels]
    )
    assert "ensemble" not in words.lower()
    assert chart.title == "How well does VADER agree with people?"
    assert chart.subtitle == (
        "VADER agrees with people best on Tweets (r 0.872), least on Movie-review snippets "
        "(r 0.427)"
    )
    assert [k.label for k in chart.legend()] == ["VADER", "95% interval of r"]
    assert reading_problems(chart) == []


def test_a_users_file_is_shown_whole_with_its_interval(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(RATED, "utf-8")
    chart = validation_chart(validate([read_rated(path)], ["vader"]))
    (bars,) = chart.panels[0].bars
    assert chart.panels[0].labels[0].text == "mine, n = 4"
    assert "your file: every row" in chart.caption and "shipped" not in chart.caption
    assert bars.low[0] < bars.value[0] < bars.high[0]  # 4 items: a wide interval
