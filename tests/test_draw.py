"""The matplotlib renderer (arc.charts.drawing): chart data drawn as artists, read back as
artists."""

import itertools

import numpy as np
import pytest
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

import arc
from arc.charts.compare import compare_chart
from arc.charts.drawing import draw
from arc.charts.render import save_chart
from arc.charts.smoothed import methods_chart, smoothed_chart
from arc.charts.story import story_chart
from tests.books import BOOKS, FRANKENSTEIN, MAGI


def new_axes(size=None):
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def drawn(chart, size=None):
    """Draw ``chart`` on a constrained figure of its size, laid out: fig, Axes, renderer."""
    fig, ax = new_axes(size or chart.size)
    top = draw(chart, ax)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return fig, top, canvas.get_renderer()


def title_text(ax):
    """The Text artist of the chart's title (drawn on the left)."""
    title = ax.get_title(loc="left")
    return next(t for t in ax.get_children() if isinstance(t, Text) and t.get_text() == title)


def data_lines(ax):
    """The lines that carry data (guides, zero and chapter lines are unlabelled)."""
    return [ln for ln in ax.lines if not ln.get_label().startswith("_")]


def scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


@pytest.fixture(scope="module")
def frankenstein_units(frankenstein_sentences):
    return {
        "sentence": frankenstein_sentences,
        "paragraph": arc.analyze(FRANKENSTEIN),
        "bins": arc.analyze(FRANKENSTEIN, unit="bins"),
        "window": arc.analyze(BOOKS / "frankenstein_pg84_excerpt.txt", unit="window", window=500),
    }


@pytest.fixture(scope="module")
def charts(vignette, frankenstein_units, alice_sentences):
    frank = frankenstein_units
    return {
        "story": story_chart(vignette),
        "story-paratext": story_chart(vignette, include_paratext=True),
        "smoothed-sentence": smoothed_chart(frank["sentence"]),
        "smoothed-paragraph": smoothed_chart(frank["paragraph"], "lowess"),
        "smoothed-bins": smoothed_chart(frank["bins"]),
        "smoothed-window": smoothed_chart(frank["window"], "savgol"),
        "methods": methods_chart(frank["sentence"]),
        "methods-bins": methods_chart(frank["bins"]),
        "compare": compare_chart(arc.compare([alice_sentences, frank["sentence"]])),
    }


KINDS = [
    "story",
    "story-paratext",
    "smoothed-sentence",
    "smoothed-paragraph",
    "smoothed-bins",
    "smoothed-window",
    "methods",
    "methods-bins",
    "compare",
]


# ------------------------------------------------------------------ one scale per axis


@pytest.mark.parametrize("kind", KINDS)
def test_one_axes_per_panel_and_no_twins(charts, kind):
    chart = charts[kind]
    fig, top, _ = drawn(chart)
    assert len(fig.axes) == len(chart.panels)
    assert top is fig.axes[0]
    assert list(top.arc_panels) == [p.name for p in chart.panels]
    boxes = [ax.get_position() for ax in fig.axes]
    assert len({tuple(np.round(b.bounds, 6)) for b in boxes}) == len(boxes)
    # Stacked top to bottom, one above the other: no two Axes share any of the figure.
    for upper, lower in itertools.pairwise(boxes):
        assert upper.y0 > lower.y1
        assert (upper.x0, upper.x1) == pytest.approx((lower.x0, lower.x1))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a.y1 <= b.y0 or b.y1 <= a.y0
    for panel, ax in zip(chart.panels, fig.axes, strict=True):
        assert top.arc_panels[panel.name] is ax
        assert ax.get_ylim() == pytest.approx(panel.ylim)
        assert ax.get_xlim() == pytest.approx(chart.xlim)
        assert ax.get_yticks().tolist() == pytest.approx(panel.yticks)


def test_panels_on_axes_outside_a_grid(charts):
    chart = charts["smoothed-sentence"]
    fig = Figure(figsize=chart.size)
    top = draw(chart, fig.add_axes((0.1, 0.1, 0.8, 0.7)))
    assert len(fig.axes) == 2
    upper, lower = (ax.get_position() for ax in fig.axes)
    assert upper.y0 > lower.y1 and upper.y1 <= 0.8 + 1e-9 and lower.y0 >= 0.1 - 1e-9
    assert top.arc_panels["points"] is fig.axes[1]


@pytest.mark.parametrize("kind", KINDS)
def test_drawn_artists_are_the_chart_data(charts, kind):
    chart = charts[kind]
    fig, _, _ = drawn(chart)
    for panel, ax in zip(chart.panels, fig.axes, strict=True):
        lines = data_lines(ax)
        assert [ln.get_label() for ln in lines] == [ln.label for ln in panel.lines]
        for line, data in zip(lines, panel.lines, strict=True):
            np.testing.assert_array_equal(line.get_xdata(), data.x)
            np.testing.assert_array_equal(line.get_ydata(), data.y)
            assert mcolors.same_color(line.get_color(), data.color)
        low, high = ax.get_ylim()
        for line in lines:  # a line may have gaps (NaN): compare's solid and dashed stretches
            y = np.asarray(line.get_ydata(), dtype=float)
            assert low <= np.nanmin(y) and np.nanmax(y) <= high
        drawn_points = scatters(ax)
        data_points = [p for p in panel.points if not p.overlay]
        assert len(drawn_points) == len(data_points)
        rings = [ln for ln in ax.lines if ln.get_label().startswith("_beyond")]
        assert len(rings) == len(panel.points) - len(data_points)
        for coll, pts in zip(drawn_points, data_points, strict=True):
            np.testing.assert_array_equal(coll.get_offsets(), np.column_stack([pts.x, pts.y]))
            shown = coll.get_edgecolors() if pts.hollow else coll.get_facecolors()
            np.testing.assert_allclose(shown[:, :3], mcolors.to_rgba_array(pts.colors)[:, :3])
            assert ((low <= coll.get_offsets()[:, 1]) & (coll.get_offsets()[:, 1] <= high)).all()


@pytest.mark.parametrize("kind", ["smoothed-sentence", "smoothed-bins", "methods"])
def test_the_arc_panel_is_on_top(charts, kind):
    _, top, _ = drawn(charts[kind])
    assert top.arc_panels["arc"] is top
    if "points" in top.arc_panels:
        strip = top.arc_panels["points"]
        assert strip.get_ylim() == pytest.approx((-1.05, 1.05))
        assert top.get_ylim()[0] > -1 and top.get_ylim()[1] < 1  # zoomed to the line
        assert top.get_xlabel() == "" and strip.get_xlabel() == charts[kind].xlabel
        assert not top.xaxis.get_major_ticks()[0].label1.get_visible()
        assert [t.get_text() for t in strip.get_xticklabels()] == charts[kind].xtick_labels


def test_story_chart_artists(charts, vignette):
    chart = charts["story"]
    _, ax, _ = drawn(chart)
    bands = [
        p
        for p in ax.patches
        if p.get_y() == pytest.approx(-0.05) and p.get_height() == pytest.approx(0.1)
    ]
    assert len(bands) == 1
    assert any(tuple(line.get_ydata()) == (0, 0) for line in ax.lines)
    assert ax.get_title(loc="left") == "Final Goodbyes"
    assert [t.get_text() for t in ax.get_xticklabels()] == chart.xtick_labels
    texts = {t.get_text() for t in ax.texts}
    assert {"positive", "negative"} <= texts
    subtitle = next(t.get_text() for t in ax.texts if t.get_gid() == "subtitle")
    assert " ".join(subtitle.split()) == " ".join(chart.subtitle.split())
    caption = next(t.get_text() for t in ax.texts if t.get_gid() == "caption")
    assert " ".join(caption.split()) == " ".join(chart.caption.split())
    assert "story paragraphs" in caption and "story paragraphs" not in subtitle


def test_annotations_drawn_as_data_says(charts):
    chart = charts["story"]
    _, ax, _ = drawn(chart)
    notes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    data = chart.panel("arc").annotations
    assert [t.get_text() for t in notes] == [a.text for a in data]
    for text, note in zip(notes, data, strict=True):
        assert text.xy == (note.x, note.y)
        assert mcolors.same_color(text.get_bbox_patch().get_edgecolor(), note.color)
        assert text.get_position() == (note.text_x, note.text_y)


def test_chapter_lines_and_labels(alice_sentences):
    chart = smoothed_chart(alice_sentences)
    fig, top, _ = drawn(chart)
    for ax in fig.axes:
        marks = [
            ln
            for ln in ax.lines
            if len(set(ln.get_xdata())) == 1 and ln.get_label().startswith("_")
        ]
        assert [ln.get_xdata()[0] for ln in marks] == [m.x for m in chart.chapters]
    labels = [t.get_text() for t in top.texts if t.get_text().isdigit()]
    assert labels == [str(i) for i in range(1, 13)]


def test_label_rows_do_not_overlap_when_drawn():
    import pandas as pd

    rng = np.random.default_rng(1)
    chapter = np.repeat(
        np.array([str(i) for i in range(1, 137)], dtype=object), rng.integers(1, 60, 136)
    )
    n = len(chapter)
    df = pd.DataFrame(
        {
            "index": np.arange(n),
            "role": "body",
            "chapter": chapter,
            "compound": rng.uniform(-1, 1, n),
            "position": np.linspace(0, 1, n),
        }
    )
    df.attrs.update(unit="sentence", scorer="vader", title="Many")
    chart = smoothed_chart(df)
    _, top, renderer = drawn(chart)
    labels = {m.label for m in chart.chapters if m.label}
    boxes = [t.get_window_extent(renderer) for t in top.texts if t.get_text() in labels]
    assert len(boxes) == len(labels)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_legends(charts):
    """One legend, under the bottom panel: exactly the chart's keys, the lines first."""
    for kind in KINDS:
        chart = charts[kind]
        fig, _, _ = drawn(chart)
        bottom = fig.axes[-1]
        assert all(a.get_legend() is None for a in fig.axes[:-1])
        legend = [t.get_text() for t in bottom.get_legend().get_texts()]
        assert legend == [k.label for k in chart.legend()], kind
        keyed = {k.label: k.mark for k in chart.legend()}
        lines = list(dict.fromkeys(ln.label for ln in chart.panels[0].lines))
        assert set(lines) <= set(legend), kind  # every line keyed, the lines first
        assert all(keyed[entry] in ("line", "dashed line") for entry in legend[: len(lines)])


def test_line_kwargs_reach_the_top_panels_first_line(charts):
    _, ax = new_axes()
    draw(charts["smoothed-sentence"], ax, color="purple", lw=3)
    line = data_lines(ax)[0]
    assert line.get_color() == "purple" and line.get_linewidth() == 3


def test_draw_uses_pyplots_current_axes(charts):
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert draw(charts["story"]) is ax


# ------------------------------------------------------------- nothing clipped or covered


def inside(box, fig):
    return (
        fig.bbox.x0 - 0.5 <= box.x0
        and box.x1 <= fig.bbox.x1 + 0.5
        and fig.bbox.y0 - 0.5 <= box.y0
        and box.y1 <= fig.bbox.y1 + 0.5
    )


@pytest.mark.parametrize(
    "kind", ["story", "story-paratext", "smoothed-sentence", "methods", "compare"]
)
def test_nothing_is_clipped(charts, kind):
    fig, top, renderer = drawn(charts[kind])
    artists = [title_text(top)]
    for ax in fig.axes:
        artists += [*ax.texts, ax.yaxis.label, ax.xaxis.label]
    for artist in artists:
        if artist.get_text():
            assert inside(artist.get_window_extent(renderer), fig), artist.get_text()
    title = title_text(top).get_window_extent(renderer)
    for text in top.texts:
        assert not title.overlaps(text.get_window_extent(renderer)), text.get_text()


def note_boxes(fig, ax, renderer):
    notes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    return notes, [t.get_bbox_patch().get_window_extent(renderer) for t in notes]


def assert_notes_clear(fig, ax, renderer):
    notes, boxes = note_boxes(fig, ax, renderer)
    assert len(notes) == 3
    points = ax.transData.transform(np.concatenate([c.get_offsets() for c in scatters(ax)]))
    for i, box in enumerate(boxes):
        assert inside(box, fig), notes[i].get_text()
        assert not any(box.contains(px, py) for px, py in points), notes[i].get_text()
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)


def test_annotations_cover_nothing(charts):
    assert_notes_clear(*drawn(charts["story"]))


def test_annotations_cover_nothing_on_a_longer_story():
    assert_notes_clear(*drawn(story_chart(arc.analyze(MAGI))))


@pytest.mark.parametrize("size", [(6.4, 4.8), (8, 5), (14, 6)])
def test_annotations_stay_apart_at_other_figure_sizes(vignette, size):
    # A chart built for the figure's width (as plot_arc builds it for its Axes).
    fig, ax, renderer = drawn(story_chart(vignette, width=size[0]), size)
    notes, boxes = note_boxes(fig, ax, renderer)
    for i, box in enumerate(boxes):
        assert inside(box, fig)
        for j in range(i + 1, len(boxes)):
            assert not box.overlaps(boxes[j]), (notes[i].get_text(), notes[j].get_text())


# ------------------------------------------------------------------------ text is text


DOLLARS = "It cost $5 and 50% of my $10, and I was glad.\n\nThen I lost $20 and wept bitterly."


def test_dollars_are_text(tmp_path):
    df = arc.analyze(text=DOLLARS)
    chart = story_chart(df, title="From $5 to $10")
    out = save_chart(chart, tmp_path / "dollars.png")
    assert out.read_bytes().startswith(b"\x89PNG")
    fig, ax, _ = drawn(chart)
    assert ax.get_title(loc="left") == "From $5 to $10"
    notes = [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]
    assert any("$20" in t for t in notes) and any("$5" in t for t in notes)
    with_dollars = [t for a in fig.axes for t in [title_text(a), *a.texts] if "$" in t.get_text()]
    assert len(with_dollars) >= 3
    assert not any(t.get_parse_math() for t in with_dollars)


def test_dollar_title_of_a_book_chart(tmp_path, alice_sentences):
    chart = smoothed_chart(alice_sentences, title="From $5 to $10")
    save_chart(chart, tmp_path / "book.svg")
    _, ax, _ = drawn(chart)
    assert ax.get_title(loc="left") == "From $5 to $10"
    assert not title_text(ax).get_parse_math()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_chart_is_deterministic(tmp_path, charts, suffix):
    one = save_chart(charts["story"], tmp_path / f"one{suffix}", dpi=40)
    two = save_chart(charts["story"], tmp_path / f"two{suffix}", dpi=40)
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("size", [(6.4, 4.8), (8, 5)])
def test_plot_arc_lays_out_captions_for_its_axes(vignette, size):
    fig, ax = new_axes(size)
    top = arc.plot_arc(vignette, ax=ax)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    notes, boxes = note_boxes(fig, top, canvas.get_renderer())
    assert len(boxes) == 3
    for i, box in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            assert not box.overlaps(boxes[j]), (notes[i].get_text(), notes[j].get_text())
