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
    assert ax.get_yticks().tolist() == [-1, -0.5, 0, 0.5, 1]
    assert ax.get_ylim()[0] < -1 and ax.get_ylim()[1] > 1  # margins that hold the labels
    assert "story paragraph" in ax.get_xlabel()


def test_neutral_band_and_zero_line(vignette):
    ax = arc.plot_arc(vignette, ax=Figure().add_subplot())
    bands = [p for p in ax.patches if p.get_y() == -0.05 and p.get_height() == 0.1]
    assert len(bands) == 1
    assert any(tuple(line.get_ydata()) == (0, 0) for line in ax.lines)
    subtitle = next(t.get_text() for t in ax.texts if "story paragraphs" in t.get_text())
    subtitle = " ".join(subtitle.split())  # wrapped to the figure's width
    assert "neutral (±0.05)" in subtitle and "left out: end, note, title" in subtitle


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
    extents = [t.get_bbox_patch().get_window_extent(renderer) for t in notes]
    for i, a in enumerate(extents):
        for b in extents[i + 1 :]:
            assert not a.overlaps(b)
    # Labels live in the margins beyond ±1, so no label box covers a data point.
    points = ax.transData.transform(
        [(x, y) for c in ax.collections for x, y in c.get_offsets()]  # the scatter points
    )
    for box in extents:
        assert not any(box.contains(px, py) for px, py in points)


def test_labels_never_cover_points_on_a_longer_story():
    from tests.books import MAGI

    fig = new_figure()
    ax = arc.plot_arc(arc.analyze(MAGI), ax=fig.add_subplot())
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    notes = [t for t in ax.texts if t.get_text().startswith(("lowest", "highest", "ending"))]
    assert len(notes) == 3
    points = ax.transData.transform([xy for c in ax.collections for xy in c.get_offsets()])
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in notes]
    for i, box in enumerate(boxes):
        assert not any(box.contains(px, py) for px, py in points)
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)


def test_untitled_text_is_titled_by_its_file_name(tmp_path):
    path = tmp_path / "my_short_story.txt"
    path.write_text("It rained.\n\nThen the sun came out and she laughed.", encoding="utf-8")
    ax = arc.plot_arc(arc.analyze(path), ax=Figure().add_subplot())
    assert ax.get_title(loc="left") == "My Short Story"


def test_long_titles_wrap(vignette):
    fig = new_figure()
    ax = arc.plot_arc(vignette, ax=fig.add_subplot(), title="A very long title " * 8)
    assert ax.get_title(loc="left").count("\n") >= 1


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


@pytest.mark.parametrize("size", [(6.4, 4.8), (8, 5), (14, 6)])
def test_labels_do_not_overlap_at_other_figure_sizes(vignette, size):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=size, layout="constrained")
    ax = arc.plot_arc(vignette, ax=fig.add_subplot())
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    notes = [t for t in ax.texts if t.get_text().startswith(("lowest", "highest", "ending"))]
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in notes]
    for i, box in enumerate(boxes):
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)
