"""Units, smoothers and scorers are declared once; everything else reads the declarations."""

import argparse
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import arc
import arc.analysis.smoothing
from arc.analysis.smoothers import SMOOTHERS, get_smoother, smoother_caption
from arc.analysis.units import UNITS, get_unit, unit_params
from arc.cli import build_parser
from arc.score.scorers import SCORERS, VaderScorer, scorer_info
from tests.books import BOOKS, MAGI

# ------------------------------------------------------------------------------ smoothers


@pytest.mark.parametrize("name", list(SMOOTHERS))
def test_every_smoother_has_an_implementation(name, rng):
    values = rng.uniform(-1, 1, 50)
    out = arc.smooth(values, name)
    assert out.dtype == np.float64 and np.isfinite(out).all()
    resamples = SMOOTHERS[name].resamples
    assert len(out) == (SMOOTHERS[name].defaults["x_reverse_len"] if resamples else 50)


@pytest.mark.parametrize(
    ("name", "params"),
    [(name, {}) for name in SMOOTHERS]
    + [
        ("savgol", {"polyorder": 3}),
        ("savgol", {"polyorder": 4}),
        ("dct", {"low_pass_size": 3}),
        ("lowess", {"frac": 0.5}),
    ],
)
def test_the_declared_minimum_is_the_real_one(name, params, rng):
    smoother = SMOOTHERS[name]
    minimum = smoother.minimum({**smoother.defaults, **params})
    assert minimum >= 1
    with pytest.raises(arc.TooShortError, match=f"at least {minimum}"):
        arc.smooth(rng.uniform(-1, 1, minimum - 1), name, **params)
    out = arc.smooth(rng.uniform(-1, 1, minimum), name, **params)
    assert np.isfinite(out).all()


def test_methods_and_defaults_are_the_declarations():
    assert list(arc.METHODS) == list(SMOOTHERS)
    assert list(arc.analysis.smoothing.DEFAULT_PARAMS) == list(SMOOTHERS)
    for name, smoother in SMOOTHERS.items():
        assert arc.METHODS[name] == smoother.summary
        assert dict(arc.analysis.smoothing.DEFAULT_PARAMS[name]) == dict(smoother.defaults)
        assert smoother.span is None or smoother.span in smoother.defaults
        assert smoother.shown in smoother.defaults
        assert get_smoother(name) is smoother


def test_every_declared_parameter_is_accepted(rng):
    values = rng.uniform(-1, 1, 60)
    for name, smoother in SMOOTHERS.items():
        np.testing.assert_array_equal(
            arc.smooth(values, name, **smoother.defaults), arc.smooth(values, name)
        )


def test_unknown_smoother():
    with pytest.raises(ValueError, match="rolling"):
        get_smoother("fourier")
    with pytest.raises(ValueError, match="rolling"):
        arc.smooth([1.0, 2.0], "fourier")


def test_captions_state_the_shown_parameter():
    assert smoother_caption("rolling") == "rolling mean (window 10%)"
    assert smoother_caption("rolling", {"window": 0.25}) == "rolling mean (window 25%)"
    assert smoother_caption("dct") == "DCT low-pass (low_pass_size 5)"
    for smoother in SMOOTHERS.values():
        assert smoother.caption().startswith(smoother.label)
        assert smoother.shown in smoother.caption()


# ------------------------------------------------------------------------------------ CLI


def options(parser, command):
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {
        opt: action for action in sub.choices[command]._actions for opt in action.option_strings
    }


def test_cli_choices_are_the_declarations():
    parser = build_parser()
    plot = options(parser, "plot")
    assert tuple(plot["--smooth"].choices) == (*SMOOTHERS, "all")
    assert tuple(plot["--unit"].choices) == tuple(UNITS)
    assert tuple(options(parser, "score")["--unit"].choices) == tuple(UNITS)
    assert tuple(options(parser, "compare")["--smooth"].choices) == tuple(SMOOTHERS)
    assert str(UNITS["window"].params["window"]) in plot["--window"].help
    assert str(UNITS["bins"].params["bins"]) in plot["--bins"].help
    for smoother in SMOOTHERS.values():
        if smoother.span:
            assert f"{smoother.name} {smoother.span}" in plot["--span"].help


# ---------------------------------------------------------------------------------- units


def test_unit_parameters_and_their_defaults():
    assert unit_params("window") == {"window": 1000, "step": 500}
    assert unit_params("window", window=400) == {"window": 400, "step": 200}
    assert unit_params("window", window=400, step=50) == {"window": 400, "step": 50}
    assert unit_params("bins") == {"bins": 100}
    assert unit_params("bins", bins=20) == {"bins": 20}
    assert unit_params("sentence") == {} and unit_params("paragraph") == {}
    assert unit_params("sentence", window=None, bins=None) == {}


@pytest.mark.parametrize(
    ("unit", "given"),
    [
        ("sentence", {"bins": 10}),
        ("paragraph", {"window": 500}),
        ("bins", {"step": 3}),
        ("window", {"bins": 5}),
    ],
)
def test_a_parameter_the_unit_does_not_take(unit, given):
    with pytest.raises(ValueError, match=f"takes no {next(iter(given))}"):
        unit_params(unit, **given)


@pytest.mark.parametrize("bad", [0, -5, 2.5, True, "10"])
def test_unit_parameters_are_positive_whole_numbers(bad):
    with pytest.raises(ValueError, match="positive whole number"):
        unit_params("bins", bins=bad)


def test_unknown_unit():
    with pytest.raises(ValueError, match="paragraph"):
        get_unit("chapter")
    assert (
        [get_unit(n).name for n in UNITS]
        == list(UNITS)
        == ["paragraph", "sentence", "window", "bins"]
    )
    assert UNITS["sentence"].noun(1) == "1 sentence"
    assert UNITS["window"].noun(3353) == "3,353 word windows"
    assert [u.name for u in UNITS.values() if u.averaged] == ["window", "bins"]


# -------------------------------------------------------------------------------- scorers


def test_vader_declaration():
    info = scorer_info("vader")
    assert info is VaderScorer and SCORERS["vader"] is VaderScorer
    assert info.name == "vader"
    assert info.label == "VADER compound"
    assert tuple(info.value_range) == (-1, 1)
    assert info.neutral == 0.05
    scorer = arc.get_scorer("vader")
    scores = scorer.score_many(["I love this.", "I hate this.", "The door is brown."])
    assert [s.compound for s in scores] == [
        scorer.score(t).compound for t in ["I love this.", "I hate this.", "The door is brown."]
    ]
    lo, hi = info.value_range
    assert all(lo <= s.compound <= hi for s in scores)
    assert abs(scores[2].compound) <= info.neutral


def test_unknown_scorer():
    with pytest.raises(ValueError, match="vader"):
        scorer_info("liwc")


def test_reading_the_declaration_does_not_build_the_scorer():
    code = (
        "import sys, arc.score.scorers\n"
        "info = arc.score.scorers.scorer_info('vader')\n"
        "print(info.label, info.value_range, info.neutral)\n"
        "print(sorted(m for m in sys.modules if m.startswith('vaderSentiment')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    label, modules = result.stdout.strip().splitlines()
    assert label == "VADER compound (-1.0, 1.0) 0.05"
    assert modules == "[]"


# --------------------------------------------------------------------------- frame attrs


@pytest.fixture(scope="module")
def excerpt_frames():
    path = BOOKS / "alice_pg11_excerpt.txt"
    return {
        "paragraph": arc.analyze(path),
        "sentence": arc.analyze(path, unit="sentence"),
        "window": arc.analyze(path, unit="window", window=300),
        "bins": arc.analyze(path, unit="bins"),
    }


@pytest.mark.parametrize("unit", list(UNITS))
def test_frame_attrs_are_plain_data(excerpt_frames, unit):
    df = excerpt_frames[unit]
    text = json.dumps(df.attrs, allow_nan=False)
    assert json.loads(text) == df.attrs
    assert df.attrs["unit"] == unit and df.attrs["scorer"] == "vader"
    for key, value in unit_params(unit).items():
        assert df.attrs[key] == (300 if key == "window" else 150 if key == "step" else value)


def test_two_books_bins_concatenate(excerpt_frames):
    other = arc.analyze(MAGI, unit="bins")
    both = pd.concat([excerpt_frames["bins"], other], ignore_index=True)
    assert len(both) == 200
    assert list(both.columns) == list(other.columns)
    again = pd.concat([excerpt_frames["bins"], excerpt_frames["bins"].copy()])
    assert again.attrs == excerpt_frames["bins"].attrs


@pytest.mark.parametrize(
    ("unit", "kwargs", "message"),
    [
        ("window", {"window": 5000}, "word windows of 5000 words need at least 5000 story words"),
        ("bins", {"bins": 500}, "500 percentage bins need at least 500 story sentences"),
    ],
)
def test_a_unit_states_its_declared_minimum(unit, kwargs, message):
    from arc.errors import TooShortError

    with pytest.raises(TooShortError, match=message):
        arc.analyze(unit=unit, **kwargs)
