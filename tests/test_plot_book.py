"""Long-text charts read as artists, never as images."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import arc
from arc.render import new_figure


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_plot_smoothed_points_line_and_chapters(alice_sentences):
    ax = Figure().add_subplot()
    assert arc.plot_smoothed(alice_sentences, ax=ax, window=0.1) is ax
    story = alice_sentences[alice_sentences.role == "body"]
    assert len(ax.collections[0].get_offsets()) == len(story)
    line = ax.right_ax.lines[-1]
    x, y = line.get_data()
    assert x[0] == 0 and x[-1] == 100
    np.testing.assert_allclose(y, arc.smoothed_arc(alice_sentences, "rolling", window=0.1).value)
    chapter_lines = [ln for ln in ax.lines if tuple(ln.get_xdata()) == (ln.get_xdata()[0],) * 2]
    assert len(chapter_lines) == 12
    assert [t for t in _texts(ax) if t.isdigit()] == [str(i) for i in range(1, 13)]
    assert ax.get_title(loc="left") == "Alice's Adventures in Wonderland"


def test_chart_states_its_choices(alice_sentences):
    ax = arc.plot_smoothed(alice_sentences, ax=Figure().add_subplot(), method="lowess", frac=0.3)
    subtitle = next(t for t in _texts(ax) if t.startswith("points:"))
    assert "sentences" in subtitle and "LOWESS (frac 30%)" in subtitle and "12 chapters" in subtitle


def test_right_scale_fits_the_line(frankenstein_sentences):
    ax = arc.plot_smoothed(frankenstein_sentences, ax=Figure().add_subplot())
    low, high = ax.right_ax.get_ylim()
    y = ax.right_ax.lines[-1].get_ydata()
    assert low < y.min() and y.max() < high and low == pytest.approx(-high)
    assert ax.get_ylim() == (-1.05, 1.05)


def test_plot_methods_has_the_three_smoothers(frankenstein_sentences):
    ax = arc.plot_methods(frankenstein_sentences, ax=Figure().add_subplot())
    labels = [ln.get_label() for ln in ax.lines]
    assert any(lb.startswith("rolling") for lb in labels)
    assert any(lb.startswith("LOWESS") for lb in labels)
    assert any(lb.startswith("DCT") for lb in labels)
    for ln in ax.lines[1:]:
        assert min(ln.get_ydata()) == -1 and max(ln.get_ydata()) == 1


def test_compare_draws_on_the_axes_it_is_given(alice_sentences, frankenstein_sentences):
    ax = Figure().add_subplot()
    data = arc.compare([alice_sentences, frankenstein_sentences], ax=ax)
    assert len(ax.lines) == 2  # two arcs; rescaled arcs get no zero line
    np.testing.assert_array_equal(ax.lines[-1].get_ydata(), data.value.to_numpy()[101:])


def test_plot_compare_legend(alice_sentences, frankenstein_sentences):
    data = arc.compare([alice_sentences, frankenstein_sentences])
    ax = arc.plot_compare(data, ax=Figure().add_subplot())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == list(dict.fromkeys(data.title))
    assert ax.get_xlim() == (0, 100)


def test_long_chart_is_not_clipped(frankenstein_sentences):
    fig = new_figure(11, 5.8)
    ax = arc.plot_smoothed(frankenstein_sentences, ax=fig.add_subplot())
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    for artist in [ax.title, *ax.texts, ax.yaxis.label, ax.right_ax.yaxis.label]:
        box = artist.get_window_extent(renderer)
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
        assert fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1
    title = ax.title.get_window_extent(renderer)
    for text in ax.texts:
        assert not title.overlaps(text.get_window_extent(renderer))


def test_empty_frames_return_the_axes(alice_sentences):
    empty = alice_sentences.iloc[0:0]
    ax = Figure().add_subplot()
    assert arc.plot_smoothed(empty, ax=ax) is ax and not ax.lines
    assert arc.plot_methods(empty, ax=ax) is ax


@pytest.mark.parametrize("fixture", ["frankenstein_sentences", "alice_sentences"])
def test_every_chapter_is_labelled_when_there_are_few(fixture, request):
    df = request.getfixturevalue(fixture)
    fig = new_figure(11, 5.8)
    ax = arc.plot_smoothed(df, ax=fig.add_subplot())
    labels = set(arc.chapter_starts(df).label)
    assert labels <= set(_texts(ax))


def test_legend_keeps_the_names_that_tell_titles_apart(alice_sentences):
    other = alice_sentences.copy()
    other.attrs = {**alice_sentences.attrs, "name": "alice_copy", "title": "A" * 80}
    first = alice_sentences.copy()
    first.attrs = {**alice_sentences.attrs, "name": "alice_first", "title": "A" * 80}
    ax = arc.plot_compare(arc.compare([first, other]), ax=Figure().add_subplot())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].endswith("(alice_first)") and legend[1].endswith("(alice_copy)")
    assert all(len(t) <= 60 for t in legend)
