"""Bars in the chart data: colours keyed in the keys' order, intervals drawn and keyed."""

import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from arc.charts.data import KEY_MARKS, Bars, Chart, Panel
from arc.charts.drawing import draw
from tests.reading import drawn_marks, reading_problems


def _chart(bars: Bars) -> Chart:
    panel = Panel("bars", "", (len(bars.y) - 0.4, -0.6), [], zero=False, bars=[bars])
    return Chart("bars", "Bars", "a verdict", "r", (0.0, 1.3), [0.0, 0.5, 1.0], None, [panel])


def _bars(**kws) -> Bars:
    return Bars(
        [0.0, 1.0, 2.0],
        [0.8, 0.5, 0.3],
        ["#1f78b4", "#e66101", "#1f78b4"],
        ["one 0.80", "two 0.50", "three 0.30"],
        "r",
        keys={"#e66101": "second", "#1f78b4": "first"},
        **kws,
    )


def test_bar_keys_follow_the_keys_order_and_only_drawn_colours():
    chart = _chart(_bars())
    assert [(k.label, k.mark) for k in chart.legend()] == [("second", "bar"), ("first", "bar")]
    only = _bars()
    only.colors = ["#1f78b4"] * 3
    assert [k.label for k in _chart(only).legend()] == ["first"]


def test_an_interval_is_keyed_once_and_only_when_drawn():
    assert KEY_MARKS[-1] == "interval"
    bars = _bars(low=[0.7, 0.4, math.nan], high=[0.9, 0.6, math.nan], interval="95% interval")
    chart = _chart(bars)
    assert bars.intervals() == [(0.0, 0.7, 0.9), (1.0, 0.4, 0.6)]
    keys = chart.legend()
    assert [k.mark for k in keys].count("interval") == 1 and keys[-1].label == "95% interval"
    assert "95% interval" in drawn_marks(chart)
    assert reading_problems(chart) == []
    none = _bars(low=[math.nan] * 3, high=[math.nan] * 3, interval="95% interval")
    assert none.intervals() == [] and "interval" not in [k.mark for k in _chart(none).legend()]
    assert _bars().intervals() == []
    with pytest.raises(ValueError):  # an interval for each bar, or none
        _bars(low=[0.1], high=[0.2]).intervals()


def test_an_interval_without_words_is_caught_by_the_reading_test():
    chart = _chart(_bars(low=[0.7, 0.4, 0.2], high=[0.9, 0.6, 0.4]))
    assert "a mark is drawn with no label to key it" in reading_problems(chart)


def test_intervals_round_trip_with_their_gaps():
    chart = _chart(_bars(low=[0.7, math.nan, 0.2], high=[0.9, math.nan, 0.4], interval="i"))
    data = chart.to_dict()
    assert data["panels"][0]["bars"][0]["low"] == [0.7, None, 0.2]
    back = Chart.from_dict(data)
    assert back.to_dict() == data and math.isnan(back.panels[0].bars[0].low[1])


def test_a_bars_label_goes_beyond_its_interval():
    bars = _bars(low=[0.7, 0.4, math.nan], high=[0.95, 0.6, math.nan], interval="95% interval")
    fig = Figure(figsize=(6, 3), layout="constrained")
    ax = fig.add_subplot()
    draw(_chart(bars), ax)
    FigureCanvasAgg(fig).draw()
    drawn = [ln for ln in ax.get_lines() if list(ln.get_xdata()) in ([0.7, 0.95], [0.4, 0.6])]
    assert len(drawn) == 4  # each interval: its line, and its end ticks
    tips = {t.get_text(): t.xy[0] for t in ax.texts if t.get_text() in bars.labels}
    assert tips == {"one 0.80": 0.95, "two 0.50": 0.6, "three 0.30": 0.3}
