"""The six arc shapes: templates, classification, noise, DataFrames and errors.

The noisy cases use the generator of ``benchmarks/shape_recovery.py`` (random turning
points, levels and time warping, never the templates themselves), so their floors are the
rates that script measures, less a margin.
"""

import importlib.util
import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from arc.analysis.shapes import (
    GRID,
    NO_SHAPE,
    SHAPES,
    THRESHOLD,
    ArcShape,
    shape,
    shape_grid,
    shape_table,
)
from arc.analysis.smoothing import smooth
from arc.analysis.timeline import smoothed_arc

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["rags to riches", "riches to rags", "man in a hole", "icarus", "cinderella", "oedipus"]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "shape_recovery", ROOT / "benchmarks" / "shape_recovery.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentences(values, **columns):
    return pd.DataFrame({"compound": values, "position": np.linspace(0, 1, len(values)), **columns})


# ------------------------------------------------------------------------------- declarations


def test_six_shapes_in_the_papers_order_with_their_courses():
    assert list(SHAPES) == NAMES
    courses = [s.course for s in SHAPES.values()]
    assert courses == ["rise", "fall", "fall-rise", "rise-fall", "rise-fall-rise", "fall-rise-fall"]


@pytest.mark.parametrize("name", NAMES)
def test_each_template_follows_its_course(name):
    """The template's moves, read off its values, are the ones its course names."""
    values = SHAPES[name].values()
    steps = [np.sign(d) for d in np.diff(values) if abs(d) > 1e-9]
    moves = [steps[0], *(b for a, b in itertools.pairwise(steps) if b != a)]
    assert "-".join("rise" if m > 0 else "fall" for m in moves) == SHAPES[name].course


def test_templates_are_orthogonal_and_of_mean_zero_on_the_grid():
    grid = shape_grid()
    assert len(grid) == GRID and grid[0] == 0.5 / GRID and grid[-1] == 1 - 0.5 / GRID
    rows = np.array([s.values() for s in SHAPES.values()])
    assert np.allclose(rows.mean(axis=1), 0)
    gram = rows @ rows.T / (GRID / 2)
    pairs = np.kron(np.eye(3), [[1, -1], [-1, 1]])  # each shape and its opposite
    assert np.allclose(gram, pairs)


# ----------------------------------------------------------------------------- classification


@pytest.mark.parametrize("n", [GRID, 37, 1000])
@pytest.mark.parametrize("name", NAMES)
def test_a_clean_template_is_its_own_shape(name, n):
    got = shape(SHAPES[name].template(np.linspace(0, 1, n)) * 0.3 + 5)
    assert got.name == got.nearest == name and got.clear
    assert got.score > 0.995
    assert got.runner_up != name and got.runner_up_score < 0.2
    assert list(got.scores) == NAMES and got.scores[name] == got.score


def test_opposite_shapes_have_opposite_scores():
    got = shape(np.random.default_rng(1).standard_normal(50).cumsum())
    for rise, fall in [(0, 1), (2, 3), (4, 5)]:
        assert got.scores[NAMES[rise]] == pytest.approx(-got.scores[NAMES[fall]])
    assert got.runner_up != got.nearest


def test_level_and_amplitude_do_not_matter():
    arc = [0.0, 2.0, 3.0, 2.5, 1.0, 0.5]
    a, b = shape(arc), shape([10 + 0.01 * x for x in arc])
    assert a.name == b.name == "icarus"
    assert a.scores == pytest.approx(b.scores)


def test_below_the_threshold_is_no_clear_shape_but_keeps_the_nearest():
    got = shape([0.1, 0.3, -0.2, 0.4, 0.0, 0.2])
    assert got.name == NO_SHAPE and not got.clear
    assert got.nearest == "oedipus" and got.score < THRESHOLD
    assert got.describe().startswith("no clear shape: nearest oedipus (fall-rise-fall), r = 0.54")
    strict = shape([3, 1, 0, 1, 2], threshold=0.99)
    assert strict.name == NO_SHAPE and strict.nearest == "man in a hole"
    assert strict.threshold == 0.99 and strict.describe().endswith("(r = 0.22)")


def test_describe_names_shape_course_score_and_runner_up():
    assert shape([3, 1, 0, 1, 2]).describe() == (
        "man in a hole (fall-rise), r = 0.95; runner-up riches to rags (r = 0.22)"
    )


@pytest.mark.parametrize("flat", [[0.2] * 10, [0, 0, 0], np.full(500, -0.7)])
def test_a_flat_arc_has_no_shape(flat):
    got = shape(flat)
    assert got.name == NO_SHAPE and got.nearest is None and got.runner_up is None
    assert got.score == 0.0 and set(got.scores.values()) == {0.0}
    assert got.describe() == "no clear shape (the arc is flat)"
    assert shape(sentences(np.full(50, 0.4))).nearest is None


def test_a_result_is_frozen_and_hashable():
    got = shape([0, 1, 2])
    assert isinstance(got, ArcShape)
    with pytest.raises(AttributeError):
        got.name = "icarus"
    with pytest.raises(TypeError):
        got.scores["icarus"] = 1.0
    assert hash(got) == hash(shape([0, 1, 2]))


# ---------------------------------------------------------------------------------- noise


def recovered(bench, name, n, level, rng, *, as_frame=False):
    clean = bench.synthetic_arc(name, n, rng)
    noisy = clean + level * clean.std() * rng.standard_normal(n)
    return (shape(sentences(noisy)) if as_frame else shape(noisy)).name == name


def test_noisy_raw_arcs_are_recovered(bench):
    """Noise SD half the arc's, 100 values: the benchmark measures 0.89 (0.72-1.00 by shape)."""
    rng = np.random.default_rng(20261124)
    rates = {
        name: np.mean([recovered(bench, name, 100, 0.5, rng) for _ in range(40)]) for name in NAMES
    }
    assert np.mean(list(rates.values())) >= 0.8
    assert min(rates.values()) >= 0.6, rates


def test_noisy_sentences_smoothed_by_default_are_recovered(bench):
    """Per-sentence noise SD twice the arc's, 1,000 sentences: measured 0.91 (0.75-1.00)."""
    rng = np.random.default_rng(7)
    rates = {
        name: np.mean([recovered(bench, name, 1000, 2.0, rng, as_frame=True) for _ in range(15)])
        for name in NAMES
    }
    assert np.mean(list(rates.values())) >= 0.8
    assert min(rates.values()) >= 0.6, rates


def test_clean_synthetic_arcs_are_recovered(bench):
    """Without noise, measured 0.94: lopsided two-turn arcs are the ones that fall short."""
    rng = np.random.default_rng(3)
    hits = [recovered(bench, name, 200, 0.0, rng) for name in NAMES for _ in range(20)]
    assert np.mean(hits) >= 0.88


def test_pure_noise_is_mostly_no_clear_shape(bench):
    """Measured: raw white noise never gets a shape; smoothed white noise 4 %, AR(1) 5-11 %."""
    rng = np.random.default_rng(11)
    assert all(shape(rng.standard_normal(100)).name == NO_SHAPE for _ in range(100))
    smoothed = [shape(sentences(rng.standard_normal(1000))).name for _ in range(60)]
    assert np.mean([s == NO_SHAPE for s in smoothed]) >= 0.85
    runs = [shape(sentences(bench.ar1(1000, rng))).name for _ in range(60)]
    assert np.mean([s == NO_SHAPE for s in runs]) >= 0.75


# ----------------------------------------------------------------------------- DataFrames


@pytest.mark.parametrize(
    ("method", "params"), [(None, {}), ("rolling", {"window": 0.2}), ("lowess", {"frac": 0.3})]
)
def test_a_frame_is_smoothed_then_classified_as_its_arc(rng, method, params):
    values = np.sin(np.linspace(0, 3, 300)) + rng.normal(0, 1, 300)
    df = sentences(values)
    by_frame = shape(df, method, **params)
    arc = smooth(values, method or "rolling", **params)
    assert by_frame == shape(arc)
    line = smoothed_arc(df, method or "rolling", **params)
    assert np.allclose(line["value"], arc) and np.allclose(line["time"], df["position"] * 100)


def test_a_frame_is_read_on_its_own_time_without_paratext(rng):
    values = np.linspace(-1, 1, 200) ** 2  # a dip: man in a hole
    df = sentences(values, role="body")
    heading = pd.DataFrame({"compound": [1.0] * 20, "position": np.nan, "role": "heading"})
    both = pd.concat([heading, df], ignore_index=True)
    assert shape(both) == shape(df)
    assert shape(both).name == "man in a hole"
    dct = shape(df, "dct")
    assert dct == shape(smoothed_arc(df, "dct")["value"].to_numpy())


def test_another_column_can_be_classified():
    df = sentences(np.zeros(100), pos=np.linspace(0, 1, 100))
    assert shape(df, value="pos").name == "rags to riches"
    assert shape(df).nearest is None


def test_the_vignette_has_an_answer(vignette_sentences):
    got = shape(vignette_sentences)
    assert got.name in [*NAMES, NO_SHAPE] and got.nearest in NAMES
    assert -1 <= got.score <= 1 and got.runner_up != got.nearest


def test_shape_table_has_one_row_per_arc():
    table = shape_table({"up": [0, 1, 2, 3], "dip": sentences([1, 0, -1, 0, 1] * 2)})
    assert list(table.index) == ["up", "dip"]
    assert table.loc["up", "shape"] == "rags to riches" and table.loc["up", "course"] == "rise"
    assert list(table.columns[-6:]) == NAMES


# --------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1.0, 2.0], "at least 3 values to have a shape, not 2"),
        ([], "at least 3 values"),
        ([0.1, float("nan"), 0.3], "not finite"),
        ([0.1, float("inf"), 0.3], "not finite"),
        ([[1, 2], [3, 4]], "one-dimensional"),
        (["up", "down", "up"], "sequence of numbers"),
        (None, "sequence of numbers"),
    ],
)
def test_bad_arcs_are_refused_in_one_line(data, message):
    with pytest.raises(ValueError, match=message):
        shape(data)


def test_a_sequence_is_not_smoothed():
    with pytest.raises(ValueError, match="taken as the arc itself, not smoothed"):
        shape([1, 2, 3], "rolling")
    with pytest.raises(ValueError, match="taken as the arc itself"):
        shape([1, 2, 3], window=0.2)


def test_frame_errors():
    with pytest.raises(ValueError, match="no column 'sentiment'"):
        shape(sentences([0.1, 0.2, 0.3]), value="sentiment")
    with pytest.raises(ValueError, match="unknown smoothing method"):
        shape(sentences([0.1, 0.2, 0.3]), "spline")
    with pytest.raises(ValueError, match="at least 3 values"):
        shape(sentences([0.1, 0.2]))
    with pytest.raises(ValueError, match="threshold must be a correlation"):
        shape([1, 2, 3], threshold=1.5)


def test_importing_shapes_loads_neither_matplotlib_nor_pandas():
    code = (
        "import sys, arc.analysis.shapes; "
        "print(sorted({'matplotlib', 'pandas'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
