"""The smoothing check (arc.analysis.smoothcheck), its chart (arc.charts.checkchart), arc plot
--smooth-check."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest

import arc
from arc.analysis.smoothcheck import (
    DCT_SIZES,
    END_SHARE,
    SPAN_FACTORS,
    check_values,
    default_tolerance,
    smooth_check,
)
from arc.analysis.smoothers import SMOOTHERS, check_span
from arc.charts.checkchart import END_COLOR, smoothcheck_chart, verdict
from arc.charts.data import Chart
from arc.cli import main


def series(values):
    """A sentence-like frame of these values, evenly spread over narrative time."""
    values = np.asarray(values, dtype=float)
    return pd.DataFrame(
        {
            "index": np.arange(len(values)),
            "compound": values,
            "position": np.linspace(0, 1, len(values)),
        }
    )


@pytest.fixture(scope="module")
def valley():
    """One big clear valley at the middle of the text, under plenty of noise."""
    rng = np.random.default_rng(20261124)
    x = np.linspace(0, 1, 1200)
    return series(-0.6 * np.exp(-(((x - 0.5) / 0.07) ** 2)) + rng.normal(0, 0.35, len(x)))


# --------------------------------------------------------------------------- the variants


def test_span_variants_are_multiples_of_the_default():
    for name, smoother in SMOOTHERS.items():
        if smoother.span is None:
            continue
        default = smoother.defaults[smoother.span]
        assert check_values(name, 5000) == pytest.approx([f * default for f in SPAN_FACTORS])


def test_a_short_text_gets_spans_check_span_allows_and_the_default():
    for n in (10, 20, 45):
        values = check_values("rolling", n)
        assert 0.1 in values and len(values) >= 3
        for v in values:
            assert 0 < v <= 1
            if v != 0.1:
                check_span("rolling", v, n)  # no ValueError
    assert check_values("lowess", 12) == [0.2, 0.25, 0.375, 0.5]


def test_dct_variants_are_numbers_of_components():
    assert check_values("dct", 3000) == list(DCT_SIZES) == [3, 4, 5, 7, 9]
    assert check_values("dct", 6) == [3, 4, 5]
    assert check_values("dct", 100, [9, 3, 3]) == [3, 9]
    with pytest.raises(ValueError, match="whole number"):
        check_values("dct", 100, [2.5])


def test_given_spans_are_checked_like_span():
    assert check_values("savgol", 1000, [0.3, 0.1]) == [0.1, 0.3]
    with pytest.raises(ValueError, match="too small to smooth"):
        check_values("rolling", 100, [0.01])
    with pytest.raises(ValueError, match="between 0 and 1"):
        check_values("rolling", 100, [1.5])


def test_tolerance_is_half_the_default_span():
    assert [default_tolerance(m) for m in SMOOTHERS] == [5.0, 10.0, 10.0, 5.0]
    with pytest.raises(ValueError, match="tolerance"):
        smooth_check(series([0.0, 1.0, 0.0]), tolerance=-1)


@pytest.mark.parametrize("method", list(SMOOTHERS))
def test_each_variant_is_the_smoothed_arc(valley, method):
    check = smooth_check(valley, method)
    param = SMOOTHERS[method].span or "low_pass_size"
    assert check.param == param
    assert len(check.variants) == 5
    assert [v.default for v in check.variants].count(True) == 1
    assert check.reference.setting == SMOOTHERS[method].defaults[param]
    for variant in check.variants:
        expected = arc.smoothed_arc(valley, method, **{param: variant.setting})
        pd.testing.assert_frame_equal(variant.line, expected[["time", "value"]])
        turns = arc.turning_points(valley, method, **{param: variant.setting})
        pd.testing.assert_frame_equal(variant.turns, turns)


# ---------------------------------------------------------------------------- survival


def test_the_big_valley_survives_every_span_and_noise_does_not(valley):
    check = smooth_check(valley, spans=[0.02, 0.05, 0.1, 0.2])
    survivors = check.survivors
    deep = survivors[(survivors.kind == "valley") & survivors.time.between(45, 55)]
    assert len(deep) == 1
    assert all(abs(t - deep.time.iloc[0]) <= check.tolerance for t in deep.found.iloc[0])
    # the narrowest span finds wiggles in the noise that no other span marks
    narrowest = check.variants[0].turns
    assert len(narrowest) > len(check.reference.turns)
    wiggles = [
        t
        for t in narrowest.itertuples()
        if not (
            (survivors.kind == t.kind) & ((survivors.time - t.time).abs() <= check.tolerance)
        ).any()
    ]
    assert any(5 < t.time < 95 for t in wiggles)


def test_a_turn_survives_only_when_every_variant_has_one_near(alice_sentences):
    check = smooth_check(alice_sentences)
    assert list(check.turns.survives) != [True] * len(check.turns)  # some do not survive
    for turn in check.turns.itertuples():
        assert len(turn.found) == len(check.variants)
        assert turn.survives == all(not math.isnan(t) for t in turn.found)
        for variant, t in zip(check.variants, turn.found, strict=True):
            same = variant.turns[variant.turns.kind == turn.kind]
            near = (same.time - turn.time).abs() <= check.tolerance
            assert near.any() == (not math.isnan(t))
    valley = check.survivors[check.survivors.kind == "valley"]
    assert valley.time.between(65, 80).any()  # the Mock Turtle's sobs, in every window


def test_ends_are_the_plain_means_of_the_first_and_last_five_percent(valley):
    ends = smooth_check(valley).ends
    k = math.ceil(END_SHARE * len(valley))
    assert ends.end.tolist() == ["first", "last"]
    assert ends.value.tolist() == pytest.approx(
        [valley.compound[:k].mean(), valley.compound[-k:].mean()]
    )
    assert ends[["start", "stop"]].values.tolist() == [[0, 5], [95, 100]]


def test_the_check_is_deterministic(valley):
    a, b = smooth_check(valley, "lowess"), smooth_check(valley, "lowess")
    pd.testing.assert_frame_equal(a.turns, b.turns)
    assert (
        smoothcheck_chart(valley, check=a).digest() == smoothcheck_chart(valley, check=b).digest()
    )


def test_verdicts():
    flat = smooth_check(series(np.zeros(50)))
    assert verdict(flat) == (
        "the default line has no turning points (every window from 6% to 20% tried)"
    )  # 3 of 50 units: 6% at least
    wave = smooth_check(series(np.sin(np.linspace(0, 2 * np.pi, 300))))
    assert verdict(wave).startswith("4 of 4 turning points survive every window from 5% to 20%")


# ------------------------------------------------------------------------------- the chart


def test_the_chart_shows_every_variant_and_the_survivors(valley):
    check = smooth_check(valley)
    chart = smoothcheck_chart(valley, check=check)
    assert chart.kind == "smoothcheck"
    assert Chart.from_dict(chart.to_dict()).to_dict() == chart.to_dict()
    arc_panel = chart.panel("arc")
    lines = [ln for ln in arc_panel.lines if ln.color != END_COLOR]
    assert len(lines) == len(check.variants)
    for variant in check.variants:
        label = f"window {variant.setting * 100:.3g}%" + (" (default)" if variant.default else "")
        line = next(ln for ln in lines if ln.label == label)
        assert line.x == pytest.approx(variant.line.time.tolist())
        assert line.y == pytest.approx(variant.line.value.tolist())
        assert (line.width == max(ln.width for ln in lines)) == variant.default
    assert len({ln.color for ln in lines}) == len(lines)
    assert [(t.kind, t.x) for t in arc_panel.turns] == list(
        zip(check.survivors.kind, check.survivors.time, strict=True)
    )
    assert chart.panel("points").points[0].y == pytest.approx(valley.compound.tolist())
    # The subtitle is the verdict alone; the method is in the caption.
    assert chart.subtitle == verdict(check)
    assert "edges: " + SMOOTHERS["rolling"].edges in chart.caption
    assert "from 5% (lightest) to 20% (darkest)" in chart.caption
    low, high = arc_panel.ylim
    for line in arc_panel.lines:
        assert all(low <= y <= high for y in line.y if not math.isnan(y))


def _lightness(color):
    from matplotlib.colors import to_rgb

    return sum(to_rgb(color)) / 3


@pytest.mark.parametrize("method", list(SMOOTHERS))
def test_the_spans_are_an_ordered_palette_in_ascending_order(alice_sentences, method):
    """Item 11: light for the smallest span to dark for the largest, the legend ascending."""
    from arc.charts.checkchart import ordered_colors
    from arc.charts.theme import ORDERED

    check = smooth_check(alice_sentences, method)
    chart = smoothcheck_chart(alice_sentences, method, check=check)
    lines = [ln for ln in chart.panel("arc").lines if ln.color != END_COLOR]
    assert [ln.color for ln in lines] == ordered_colors(len(check.variants))
    assert all(ln.color in ORDERED for ln in lines)
    shades = [_lightness(ln.color) for ln in lines]
    assert shades == sorted(shades, reverse=True) and len(set(shades)) == len(shades)
    legend = [k.label for k in chart.legend() if k.mark == "line"]
    assert legend[: len(lines)] == [ln.label for ln in lines]
    settings = [float(label.split()[1].rstrip("%")) for label in legend[: len(lines)]]
    assert settings == sorted(settings)
    default = next(ln for ln in lines if ln.label.endswith("(default)"))
    assert default.front and default.width > max(ln.width for ln in lines if ln is not default)
    assert not any(ln.front for ln in lines if ln is not default)


def test_ordered_colors_spread_light_to_dark():
    from arc.charts.checkchart import ordered_colors
    from arc.charts.theme import ORDERED

    assert ordered_colors(0) == []
    assert ordered_colors(2) == [ORDERED[0], ORDERED[-1]]
    assert ordered_colors(len(ORDERED)) == list(ORDERED)
    many = ordered_colors(11)
    assert many[0] == ORDERED[0] and many[-1] == ORDERED[-1] and len(set(many)) == 11
    shades = [_lightness(c) for c in many]
    assert shades == sorted(shades, reverse=True)


def test_every_mark_is_keyed_and_the_survivors_are_drawn_over_the_lines(alice_sentences):
    """The default line's other turns and the end bars are in the legend; ▲▼ over every line."""
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from arc.charts.checkchart import LOST_TURNS
    from arc.charts.drawing import draw
    from tests.reading import reading_problems

    chart = smoothcheck_chart(alice_sentences)
    labels = [k.label for k in chart.legend()]
    assert LOST_TURNS in labels
    assert f"plain mean of the first and last {END_SHARE:.0%}" in labels
    assert {"positive sentence", "negative sentence"} <= set(labels)
    assert "peak (a turning point)" in labels and "valley (a turning point)" in labels
    assert reading_problems(chart) == []
    ax = draw(chart, Figure(figsize=(11, 6.4)).add_subplot())
    arc_ax = ax.arc_panels["arc"]
    top_line = max(line.get_zorder() for line in arc_ax.get_lines())
    markers = [t for t in arc_ax.texts if t.get_text() in ("\u25b2", "\u25bc")]
    assert len(markers) == len(chart.panel("arc").turns) > 0
    assert all(m.get_zorder() > top_line for m in markers)
    zorder = {to_hex(line.get_color()): line.get_zorder() for line in arc_ax.get_lines()}
    spans = [ln for ln in chart.panel("arc").lines if ln.color != END_COLOR]
    default = next(ln for ln in spans if ln.label.endswith("(default)"))
    assert all(zorder[default.color] > zorder[ln.color] for ln in spans if ln is not default)


def test_surviving_turns_take_the_colour_of_their_sentence(alice_sentences):
    from arc.charts.theme import sign_color
    from arc.score.scorers import get_scorer

    chart = smoothcheck_chart(alice_sentences)
    vader = get_scorer("vader")
    for turn in chart.panel("arc").turns:
        said = vader.score(turn.sentence).compound
        assert turn.color == sign_color(said, 0.05)


def test_the_dct_chart_shows_where_the_ends_are(alice_sentences):
    chart = smoothcheck_chart(alice_sentences, "dct")
    ends = next(ln for ln in chart.panel("arc").lines if ln.color == END_COLOR)
    assert ends.x[:2] == [0.0, 5.0] and ends.x[3:] == [95.0, 100.0]
    assert [ln.label for ln in chart.panel("arc").lines if ln.color != END_COLOR] == [
        "low_pass_size 3",
        "low_pass_size 4",
        "low_pass_size 5 (default)",
        "low_pass_size 7",
        "low_pass_size 9",
    ]
    assert "low_pass_size from 3 to 9" in chart.subtitle
    assert chart.meta["settings"] == [3, 4, 5, 7, 9]


def test_turn_labels_never_overlap(alice_sentences, valley):
    for df, method in itertools.product((alice_sentences, valley), SMOOTHERS):
        turns = smoothcheck_chart(df, method).panel("arc").turns
        boxes = [t.box for t in turns if t.text]
        for a, b in itertools.combinations(boxes, 2):
            assert not (a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3])


# --------------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize(
    "args", [[], ["--example", "alice"], ["--example", "alice", "--smooth", "dct"]]
)
def test_plot_smooth_check_writes_a_png(tmp_path, args, capsys):
    from arc.charts.render import png_digest

    out = tmp_path / "check.png"
    assert main(["plot", *args, "--smooth-check", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_digest(out)
    assert capsys.readouterr().out.strip() == str(out)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--smooth", "all"], "--smooth-check checks one smoother"),
        (["--span", "0.2"], "--smooth-check chooses the spans itself"),
    ],
)
def test_plot_smooth_check_usage_errors(tmp_path, capsys, args, message):
    out = tmp_path / "check.png"
    assert main(["plot", "--smooth-check", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"arc: error: {message}")
    assert not out.exists()
