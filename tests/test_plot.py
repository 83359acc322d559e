import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import arc
from arc.annotate import choose_annotations, excerpt
from arc.render import new_figure


def _arc_line(ax):
    return next(line for line in ax.lines if line.get_label().startswith("paragraph sentiment"))


def test_returns_the_axes_it_was_given(vignette):
    ax = Figure().add_subplot()
    assert arc.plot_arc(vignette, ax=ax) is ax


def test_uses_current_axes_by_default(vignette):
    _fig, ax = plt.subplots()
    assert arc.plot_arc(vignette) is ax


def test_plots_the_ten_story_paragraphs(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot())
    x, y = _arc_line(ax).get_data()
    body = vignette[vignette.role == "body"]
    assert list(x) == list(range(1, 11))
    np.testing.assert_array_equal(y, body.compound.to_numpy())
    assert ax.get_title(loc="left") == "Final Goodbyes"
    assert ax.get_ylim() == (-1.05, 1.05)
    assert "story paragraph" in ax.get_xlabel()


def test_neutral_band_and_zero_line(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot())
    labels = [p.get_label() for p in ax.patches]
    assert any("neutral" in label for label in labels)
    assert any(tuple(line.get_ydata()) == (0, 0) for line in ax.lines)


def test_annotations_name_the_lowest_highest_and_ending(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot())
    texts = [
        t.get_text() for t in ax.texts if t.get_text().startswith(("lowest", "highest", "ending"))
    ]
    assert any(t.startswith("lowest") and "Because of me" in t for t in texts)
    assert any(t.startswith("ending") and "never want to come back" in t for t in texts)
    assert any(t.startswith("highest") for t in texts)


def test_annotations_as_data(vignette):
    notes = choose_annotations(vignette)
    assert [n.kinds for n in notes] == [("lowest",), ("highest",), ("ending",)]
    assert (
        vignette.loc[notes[0].row, "compound"] == vignette[vignette.role == "body"].compound.min()
    )
    assert notes[2].row == 11


def test_nothing_overlaps_or_is_clipped(vignette):
    fig = new_figure()
    ax = arc.plot_arc(vignette, ax=fig.add_subplot())
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    fig_box = fig.bbox
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    boxes.append(ax.title.get_window_extent(renderer))
    for box in boxes:
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1
        assert fig_box.y0 <= box.y0 and box.y1 <= fig_box.y1
    notes = [t for t in ax.texts if t.get_text().startswith(("lowest", "highest", "ending"))]
    extents = [t.get_window_extent(renderer) for t in notes]
    for i, a in enumerate(extents):
        for b in extents[i + 1 :]:
            assert not a.overlaps(b)
    legend = ax.get_legend().get_window_extent(renderer)
    assert fig_box.y0 <= legend.y0


def test_include_paratext(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot(), include_paratext=True)
    assert ax.get_xlim()[1] > 13
    assert {"note", "title", "end"} <= {t.get_text() for t in ax.texts}


def test_empty_frame_returns_axes_untouched(vignette):
    ax = Figure().add_subplot()
    assert arc.plot_arc(vignette.iloc[0:0], ax=ax) is ax
    assert not ax.lines


def test_line_kwargs_reach_the_line(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot(), color="purple", lw=3)
    assert _arc_line(ax).get_color() == "purple"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("short", 10, "short"), ("one two three four", 9, "one two…"), ("a  b\nc", 10, "a b c")],
)
def test_excerpt(text, limit, expected):
    assert excerpt(text, limit) == expected


def test_excerpt_from_the_end():
    assert excerpt("one two three four five", 12, end=True) == "…four five"
