"""The corpus overview reads at a glance: the modes named, the families on one scale, keyed.

The corpus is synthetic: arcs built from the six shapes' templates (and flat ones) with
noise, classified by arc's own shape(), a few texts failed and one with a gap in its arc.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from arc.analysis.modes import corpus_modes
from arc.analysis.shapes import NO_SHAPE, SHAPES, shape, shape_grid
from arc.charts.data import Chart
from arc.charts.overview import FAMILY_MEAN, MEMBER, overview_chart
from arc.charts.render import new_figure, png_digest, save_chart
from arc.charts.theme import INK, MEMBER_ARC, NEGATIVE, POSITIVE
from tests.reading import drawn_marks, reading_problems

T = shape_grid(100)
#: How many texts of each kind: a shape's name, or "flat" (no shape planted).
PLAN = {
    "riches to rags": 30,
    "rags to riches": 20,
    "icarus": 12,
    "man in a hole": 8,
    "cinderella": 5,
    "flat": 15,
}
FAILED = 4


@pytest.fixture(scope="module")
def corpus():
    """``texts`` and ``segments`` as arc corpus writes them, for 90 texts, 4 of them failed."""
    rng = np.random.default_rng(20261124)
    rows, segments = [], []
    kinds = [kind for kind, n in PLAN.items() for _ in range(n)] + ["failed"] * FAILED
    for text_id, kind in enumerate(kinds):
        row = {"text_id": text_id, "path": f"t{text_id}.txt", "title": f"Text {text_id}"}
        if kind == "failed":
            rows.append(
                row
                | {"author": None, "status": "failed: no sentences", "shape": None}
                | {"nearest_shape": None, "shape_r": np.nan, "beyond_chance": np.nan}
            )
            continue
        noise = np.convolve(rng.normal(0.0, 0.06, 120), np.ones(21) / 21, "valid")
        y = rng.normal(0.05, 0.04) + noise
        if kind != "flat":
            y = y + rng.uniform(0.08, 0.2) * SHAPES[kind].values()
        found = shape(y)
        rows.append(
            row
            | {"author": None, "status": "ok", "shape": found.name}
            | {"nearest_shape": found.nearest, "shape_r": found.score, "beyond_chance": 0.5}
        )
        segments.append(
            pd.DataFrame(
                {
                    "text_id": np.int64(text_id),
                    "position": T,
                    "chapter": None,
                    "value": y + rng.normal(0.0, 0.1, len(T)),
                    "smoothed": y,
                }
            )
        )
    segments = pd.concat(segments, ignore_index=True)
    segments.loc[(segments.text_id == 0) & (segments.position == T[50]), "smoothed"] = np.nan
    return pd.DataFrame(rows), segments


@pytest.fixture(scope="module")
def modes(corpus):
    return corpus_modes(corpus[1])[0]


@pytest.fixture(scope="module")
def chart(corpus, modes):
    texts, segments = corpus
    return overview_chart(texts, segments, modes)


def test_it_reads_at_a_glance(chart):
    assert reading_problems(chart) == []


def test_the_legend_keys_every_mark_and_nothing_else(chart):
    labels = [k.label for k in chart.legend()]
    assert set(labels) == drawn_marks(chart)
    assert labels[:3] == [line.label for line in chart.panel("modes").lines]
    assert labels[3:] == [FAMILY_MEAN, MEMBER]
    looks = [(k.mark, k.color) for k in chart.legend()]
    assert len(set(looks)) == len(looks)
    colors = {k.color for k in chart.legend()}
    assert not colors & {POSITIVE, NEGATIVE}  # green and red mean sentiment only


def test_the_modes_panel_names_each_mode(chart, modes):
    panel = chart.panels[0]
    assert panel.name == "modes" and panel.zero
    assert len(panel.lines) == 3
    first = panel.lines[0].label
    share = modes.groupby("mode")["share"].first()
    assert first.startswith(f"mode 1: {share[1]:.0%} of the variance")
    assert "rise or fall" in first and "like" in first
    # drawn at a typical text's size: the unit vector times the rms of the loadings
    mode1 = modes[modes["mode"] == 1]
    np.testing.assert_allclose(panel.lines[0].y, mode1["value"] * mode1["rms"])
    assert panel.ylim[0] <= min(panel.lines[0].y) and max(panel.lines[0].y) <= panel.ylim[1]


def test_one_panel_per_family_on_one_scale(chart, corpus):
    texts, segments = corpus
    ok = texts[texts.status == "ok"]
    families = chart.panels[1:]
    expected = [s for s in [*SHAPES, NO_SHAPE] if s in set(ok["shape"])]
    assert [p.name for p in families] == [f"family: {s}" for s in expected]
    assert len({p.ylim for p in families}) == 1 and all(p.zero for p in families)
    assert 0.0 in families[0].yticks and len(families[0].yticks) <= 4
    low, high = families[0].ylim
    assert low <= segments.smoothed.min() and segments.smoothed.max() <= high
    for panel, family in zip(families, expected, strict=True):
        members = ok[ok["shape"] == family]
        assert panel.ylabel.startswith(f"{family}\n{len(members)} text")
        mean, every = panel.lines
        assert (mean.label, mean.color, mean.front) == (FAMILY_MEAN, INK, True)
        assert (every.label, every.color) == (MEMBER, MEMBER_ARC)
        # every member's arc, one after another with a gap between
        assert np.isnan(every.y).sum() == len(members) - 1 + (0 in set(members.text_id))
        table = segments[segments.text_id.isin(members.text_id)].pivot(
            index="text_id", columns="position", values="smoothed"
        )
        np.testing.assert_allclose(mean.y, table.mean(axis=0).to_numpy())


def test_subtitle_gives_the_verdict_and_caption_the_method(chart, corpus, modes):
    texts, _ = corpus
    ok = texts[texts.status == "ok"]
    share = modes.groupby("mode")["share"].first()[1]
    assert chart.title == f"Sentiment arcs of {len(ok)} texts"
    assert f"mode 1 (rise or fall) explains {share:.0%}" in chart.subtitle
    most = ok["shape"][ok["shape"] != NO_SHAPE].value_counts()
    assert most.index[0] == "riches to rags"
    assert f"most common shape: riches to rags ({most.iloc[0] / len(ok):.0%} of texts)" in (
        chart.subtitle
    )
    for words in ("SVD", "Reagan et al. 2016", "100-point grid", "VADER compound"):
        assert words in chart.caption
    assert f"{FAILED} texts failed and are left out" in chart.caption
    assert "1 text with gaps in the arc left out of the modes" in chart.caption
    assert chart.meta["failed"] == FAILED and chart.meta["texts"] == len(ok)


def test_a_title_given_puts_the_count_in_the_subtitle(corpus, modes):
    chart = overview_chart(*corpus, modes, title="My corpus")
    assert chart.title == "My corpus"
    assert chart.subtitle.startswith(f"{sum(PLAN.values())} texts \u00b7 mode 1")


def test_without_modes_only_the_families(corpus):
    chart = overview_chart(*corpus, None)
    assert all(p.name.startswith("family: ") for p in chart.panels)
    assert "mode" not in chart.subtitle and "SVD" not in chart.caption
    assert reading_problems(chart) == []


def test_the_chart_data_round_trips(chart):
    data = chart.to_dict()
    back = Chart.from_dict(json.loads(json.dumps(data)))
    assert back.to_dict() == data
    assert back.digest() == chart.digest()


def test_drawn_with_matplotlib(chart, tmp_path):
    from arc.charts.drawing import draw

    fig = new_figure(*chart.size)
    top = draw(chart, fig.add_subplot())
    axes = top.arc_panels
    assert list(axes) == [p.name for p in chart.panels]

    def labelled(ax):
        return [ln.get_label() for ln in ax.lines if not ln.get_label().startswith("_")]

    assert labelled(axes["modes"]) == [line.label for line in chart.panel("modes").lines]
    assert labelled(axes["family: icarus"]) == [FAMILY_MEAN, MEMBER]
    path = save_chart(chart, tmp_path / "overview.png")
    assert png_digest(path) == chart.digest()


def test_a_corpus_of_failures_is_refused_in_plain_words(corpus):
    texts, segments = corpus
    failed = texts.assign(status="failed: unreadable")
    with pytest.raises(ValueError, match=f"no text was analysed .{len(texts)} texts failed"):
        overview_chart(failed, segments.iloc[:0], None)


def test_a_large_family_is_drawn_as_its_spread(corpus, modes, monkeypatch):
    """Over MOST_MEMBERS texts, a family's arcs are its 10th-90th percentile band, no lines."""
    import arc.charts.overview as overview
    from arc.charts.overview import FAMILY_SPREAD

    texts, segments = corpus
    monkeypatch.setattr(overview, "MOST_MEMBERS", 25)  # riches to rags has 30 texts here
    chart = overview_chart(texts, segments, modes)
    big = next(p for p in chart.panels if p.name == "family: riches to rags")
    small = next(p for p in chart.panels if p.name == "family: cinderella")
    assert [line.label for line in big.lines] == [FAMILY_MEAN]
    [band] = big.bands
    assert band.label == FAMILY_SPREAD
    ok = texts[(texts.status == "ok") & (texts["shape"] == "riches to rags")]
    table = segments[segments.text_id.isin(ok.text_id)].pivot(
        index="text_id", columns="position", values="smoothed"
    )
    np.testing.assert_allclose(band.low, np.nanpercentile(table.to_numpy(), 10, axis=0))
    np.testing.assert_allclose(band.high, np.nanpercentile(table.to_numpy(), 90, axis=0))
    assert MEMBER in [line.label for line in small.lines] and not small.bands
    labels = [key.label for key in chart.legend()]
    assert FAMILY_SPREAD in labels and MEMBER in labels
    assert not reading_problems(chart)
