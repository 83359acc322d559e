"""The plotting API (arc.plot_*): the chart each function picks, drawn on the Axes given."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

import arc
import arc.cli
from arc.analysis.smoothers import SMOOTHERS
from arc.charts.render import new_figure
from tests.books import BOOKS


def new_axes():
    return Figure(layout="constrained").add_subplot()


def data_lines(ax):
    """The lines that carry data (guides, zero and chapter lines are unlabelled)."""
    return [ln for ln in ax.lines if not ln.get_label().startswith("_")]


def points(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def drawn_text(ax, gid):
    """The text drawn with ``gid`` ("subtitle", "caption") on any of the chart's Axes."""
    texts = [t for a in ax.figure.axes for t in a.texts if t.get_gid() == gid]
    assert len(texts) == 1, gid
    return " ".join(texts[0].get_text().split())


def subtitle(ax):
    return drawn_text(ax, "subtitle")


def caption(ax):
    return drawn_text(ax, "caption")


def legend(ax):
    """The legend's entries: one legend, under the chart's bottom panel."""
    (drawn,) = [a.get_legend() for a in ax.figure.axes if a.get_legend() is not None]
    assert drawn.axes is ax.figure.axes[-1]
    return [t.get_text() for t in drawn.get_texts()]


@pytest.fixture(scope="module")
def alice_bins():
    return arc.analyze(BOOKS / "alice_pg11_excerpt.txt", unit="bins")


# ---------------------------------------------------------------------------- plot_arc


def test_returns_the_axes_it_was_given(vignette):
    ax = new_axes()
    assert arc.plot_arc(vignette, ax=ax) is ax


def test_uses_current_axes_by_default(vignette):
    _fig, ax = plt.subplots()
    assert arc.plot_arc(vignette) is ax


def test_plots_the_ten_story_paragraphs(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes())
    assert len(ax.figure.axes) == 1
    (line,) = data_lines(ax)
    x, y = line.get_data()
    body = vignette[vignette.role == "body"]
    np.testing.assert_array_equal(x, body["index"].to_numpy())
    np.testing.assert_array_equal(y, body.compound.to_numpy())
    (dots,) = points(ax)
    np.testing.assert_array_equal(dots.get_offsets()[:, 0], body["index"].to_numpy())
    assert ax.get_title(loc="left") == "Final Goodbyes"
    assert ax.get_yticks().tolist() == [-1, -0.5, 0, 0.5, 1]
    assert ax.get_ylim()[0] < -1 and ax.get_ylim()[1] > 1  # margins that hold the labels
    assert "paragraph" in ax.get_xlabel()


def test_neutral_band_zero_line_and_subtitle(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes())
    bands = [
        p
        for p in ax.patches
        if p.get_y() == pytest.approx(-0.05) and p.get_height() == pytest.approx(0.1)
    ]
    assert len(bands) == 1
    assert any(tuple(line.get_ydata()) == (0, 0) for line in ax.lines)
    assert "neutral zone (±0.05)" in legend(ax) and "left out: end, note, title" in caption(ax)
    assert subtitle(ax).endswith("6 of 10 paragraphs negative, 3 positive")


def test_annotations_name_the_lowest_highest_and_ending(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes())
    texts = [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]
    assert any(t.startswith("lowest") and "He was hurt" in t for t in texts)
    assert any(t.startswith("ending") and "I never want to come back." in t for t in texts)
    assert any(t.startswith("highest") for t in texts)
    quiet = arc.plot_arc(vignette, ax=new_axes(), annotate=False)
    assert not [t for t in quiet.texts if t.get_bbox_patch() is not None]


def test_include_paratext(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes(), include_paratext=True)
    assert ax.get_xlim()[1] > vignette["index"].max()
    assert {"note", "title", "end"} <= {t.get_text() for t in ax.texts}
    offsets = np.concatenate([c.get_offsets() for c in points(ax)])
    assert sorted(offsets[:, 0]) == vignette["index"].tolist()


def test_line_kwargs_reach_the_line(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes(), color="purple", lw=3)
    (line,) = data_lines(ax)
    assert line.get_color() == "purple" and line.get_linewidth() == 3


def test_long_titles_wrap(vignette):
    fig = new_figure()
    ax = arc.plot_arc(vignette, ax=fig.add_subplot(), title="A very long title " * 8)
    assert ax.get_title(loc="left").count("\n") >= 1


def test_untitled_text_is_titled_by_its_file_name(tmp_path):
    path = tmp_path / "my_short_story.txt"
    path.write_text("It rained.\n\nThen the sun came out and she laughed.", encoding="utf-8")
    ax = arc.plot_arc(arc.analyze(path), ax=new_axes())
    assert ax.get_title(loc="left") == "my_short_story"
    assert "no title found in the text; showing the file name" in caption(ax)


def test_plot_arc_on_a_book_draws_the_smoothed_chart(frankenstein_sentences):
    ax = new_axes()
    assert arc.plot_arc(frankenstein_sentences, ax=ax) is ax
    fig = ax.figure
    assert len(fig.axes) == 2 and list(ax.arc_panels) == ["arc", "points"]
    (line,) = data_lines(ax)
    np.testing.assert_allclose(
        line.get_ydata(), arc.smoothed_arc(frankenstein_sentences, "rolling").value
    )
    strip = ax.arc_panels["points"]
    story = frankenstein_sentences[frankenstein_sentences.role == "body"]
    assert len(points(strip)[0].get_offsets()) == len(story)
    assert not points(ax)  # the points are in the strip, on their own scale
    assert ax.get_ylim()[0] > -1 and ax.get_ylim()[1] < 1  # zoomed to the line and its bands
    assert strip.get_ylim() == (-1.05, 1.05)


def test_plot_arc_on_bins_draws_one_panel(alice_bins):
    ax = arc.plot_arc(alice_bins, ax=new_axes())
    assert len(ax.figure.axes) == 1 and list(ax.arc_panels) == ["arc"]
    (dots,) = points(ax)
    np.testing.assert_array_equal(dots.get_offsets()[:, 1], alice_bins.compound.to_numpy())
    (line,) = data_lines(ax)
    np.testing.assert_allclose(line.get_ydata(), arc.smoothed_arc(alice_bins, "rolling").value)
    low, high = ax.get_ylim()
    assert low <= alice_bins.compound.min() and alice_bins.compound.max() <= high


def test_plot_arc_with_a_smoother(vignette):
    ax = arc.plot_arc(vignette, ax=new_axes(), smoother="lowess")
    assert [ln.get_label() for ln in data_lines(ax)] == ["LOWESS (frac 20%)"]
    ax = arc.plot_arc(vignette, ax=new_axes(), smoother="all")
    assert [ln.get_label() for ln in data_lines(ax)] == [s.caption() for s in SMOOTHERS.values()]


def test_empty_frame_draws_no_data(vignette):
    ax = new_axes()
    assert arc.plot_arc(vignette.iloc[0:0], ax=ax) is ax
    assert not data_lines(ax) and not points(ax)


# ------------------------------------------------------------------------ plot_smoothed


def test_plot_smoothed_points_line_and_chapters(alice_sentences):
    ax = new_axes()
    assert arc.plot_smoothed(alice_sentences, ax=ax, window=0.1) is ax
    strip = ax.arc_panels["points"]
    story = alice_sentences[alice_sentences.role == "body"]
    assert len(points(strip)[0].get_offsets()) == len(story)
    (line,) = data_lines(ax)
    x, y = line.get_data()
    assert x[0] == 0 and x[-1] == 100
    np.testing.assert_allclose(y, arc.smoothed_arc(alice_sentences, "rolling", window=0.1).value)
    chapter_lines = [ln for ln in ax.lines if tuple(ln.get_xdata()) == (ln.get_xdata()[0],) * 2]
    assert len(chapter_lines) == 12
    assert [t.get_text() for t in ax.texts if t.get_text().isdigit()] == [
        str(i) for i in range(1, 13)
    ]
    assert ax.get_title(loc="left") == "Alice's Adventures in Wonderland"


def test_chart_states_its_choices(alice_sentences):
    ax = arc.plot_smoothed(alice_sentences, ax=new_axes(), method="lowess", frac=0.3)
    text = caption(ax)
    assert "sentences" in text and "LOWESS (frac 30%)" in text and "12 chapters" in text
    assert "LOWESS (frac 30%)" in legend(ax)
    assert subtitle(ax).startswith("falls (riches to rags")


def test_arc_scale_fits_the_line(frankenstein_sentences):
    ax = arc.plot_smoothed(frankenstein_sentences, ax=new_axes())
    low, high = ax.get_ylim()
    (line,) = data_lines(ax)
    y = line.get_ydata()
    assert low < y.min() and y.max() < high and low > -1 and high < 1
    assert ax.arc_panels["points"].get_ylim() == (-1.05, 1.05)


def test_plot_smoothed_without_points_or_chapters(alice_sentences):
    ax = arc.plot_smoothed(alice_sentences, ax=new_axes(), points=False, chapters=False)
    assert len(ax.figure.axes) == 1 and not points(ax)
    assert not [t for t in ax.texts if t.get_text().isdigit()]


def test_plot_methods_has_every_smoother_in_compound_units(frankenstein_sentences):
    ax = arc.plot_methods(frankenstein_sentences, ax=new_axes())
    lines = data_lines(ax)
    assert [ln.get_label() for ln in lines] == [s.caption() for s in SMOOTHERS.values()]
    for method, line in zip(SMOOTHERS, lines, strict=True):
        expected = arc.smoothed_arc(frankenstein_sentences, method).value
        np.testing.assert_allclose(line.get_ydata(), expected)
    keys = legend(ax)
    assert keys[: len(SMOOTHERS)] == [s.caption() for s in SMOOTHERS.values()]
    assert "start of a chapter" in keys and "negative sentence" in keys


def test_empty_frames_return_the_axes(alice_sentences):
    empty = alice_sentences.iloc[0:0]
    ax = new_axes()
    assert arc.plot_smoothed(empty, ax=ax) is ax and not data_lines(ax)
    ax = new_axes()
    assert arc.plot_methods(empty, ax=ax) is ax and not data_lines(ax)


# ------------------------------------------------------------------------- plot_compare


def arc_lines(ax):
    """The drawn arcs: lines across the axis (the zero line and chapter lines have 2 points)."""
    return [ln for ln in ax.lines if len(ln.get_xdata()) > 2]


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_compare_draws_on_the_axes_it_is_given(alice_sentences, frankenstein_sentences):
    ax = new_axes()
    data = arc.compare([alice_sentences, frankenstein_sentences])
    assert arc.plot_compare(data, ax=ax) is ax
    chart = arc.compare_chart(data)
    drawn = arc_lines(ax)
    assert len(drawn) == len(chart.panels[0].lines) >= 2
    for line, mark in zip(drawn, chart.panels[0].lines, strict=True):
        np.testing.assert_array_equal(line.get_ydata(), mark.y)
    assert any(tuple(ln.get_ydata()) == (0, 0) for ln in ax.lines)  # one scale: a zero line
    np.testing.assert_allclose(
        np.nanmax([np.nanmax(ln.get_ydata()) for ln in drawn]), data.value.max()
    )


def test_plot_compare_legend(alice_sentences, frankenstein_sentences):
    data = arc.compare([alice_sentences, frankenstein_sentences], scale=True)
    ax = arc.plot_compare(data, ax=new_axes())
    legend = legend_texts(ax)
    titles = list(dict.fromkeys(data.title))
    assert [entry.split(":")[0] for entry in legend[: len(titles)]] == titles
    assert ax.get_xlim() == (0, 100)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "its lowest",
        "its middle",
        "its highest",
    ]


def test_legend_keeps_the_names_that_tell_titles_apart(alice_sentences):
    first = alice_sentences.copy()
    first.attrs = {**alice_sentences.attrs, "name": "alice_first", "title": "A" * 80}
    other = alice_sentences.copy()
    other.attrs = {**alice_sentences.attrs, "name": "alice_copy", "title": "A" * 80}
    fig = new_figure(11, 6.4)
    ax = arc.plot_compare(arc.compare([first, other]), ax=fig.add_subplot())
    legend = legend_texts(ax)
    assert legend[0].split(":")[0].endswith("(alice_first)")
    assert legend[1].split(":")[0].endswith("(alice_copy)")
    fig.draw_without_rendering()
    box, frame = ax.get_legend().get_window_extent(), ax.get_window_extent()
    assert frame.x0 <= box.x0 and box.x1 <= frame.x1  # the legend fits in its Axes


# ------------------------------------------------------------------------- text is text


def test_the_command_plots_dollars(tmp_path, capsys):
    path = tmp_path / "dollars.txt"
    path.write_text(
        "From $5 to $10\n\nIt cost $5 and 50% of my $10, and I was glad.\n\n"
        "Then I lost $20 and wept bitterly.\n",
        encoding="utf-8",
    )
    assert arc.analyze(path).attrs["title"] == "From $5 to $10"
    out = tmp_path / "dollars.png"
    assert arc.cli.main(["plot", str(path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    titled = tmp_path / "titled.svg"
    assert arc.cli.main(["plot", str(path), "-o", str(titled), "--title", "$1 and $2"]) == 0
    assert "$1 and $2" in titled.read_text(encoding="utf-8")
    assert capsys.readouterr().out.split() == [str(out), str(titled)]


def test_plot_arc_keeps_dollars(tmp_path):
    path = tmp_path / "dollars.txt"
    path.write_text(
        "From $5 to $10\n\nIt cost $5 and 50% of my $10, and I was glad.\n\n"
        "Then I lost $20 and wept bitterly.\n",
        encoding="utf-8",
    )
    ax = arc.plot_arc(arc.analyze(path), ax=new_axes())
    assert ax.get_title(loc="left") == "From $5 to $10"
    notes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    assert any("$20" in t.get_text() for t in notes)
    assert any("$5 and 50% of my $10" in t.get_text() for t in notes)
    assert not any(t.get_parse_math() for t in ax.texts if "$" in t.get_text())
