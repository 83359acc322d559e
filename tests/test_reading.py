"""Every chart kind passes the same reading test (tests/reading.py), built as `arc` builds it.

Each chart is made by the command a user would run, its Chart caught on the way to the file,
so what is checked is exactly what is saved.
"""

from __future__ import annotations

import pytest

import arc.charts.render as render
from arc.cli import main
from tests.reading import reading_problems

POEMS = "Night Poems\n\n" + "\n\n".join(
    f"{numeral}. {title}\n\n{line}"
    for numeral, title, line in [
        ("I", "Ash", "The fire went out and the cold came in.\nI sat alone and missed you."),
        ("II", "Night Ward", "The nurses walked the halls all night.\nNobody came to see me."),
        ("III", "Letters", "Your letters lie unopened on the floor.\nI cannot read them yet."),
        ("IV", "Thaw", "The ice broke on the river today.\nA child laughed by the bridge."),
        ("V", "Morning", "The sun rose and I was glad again.\nWe laughed in the kitchen."),
    ]
)

KINDS = {
    "vignette": ["plot"],
    "novel": ["plot", "--example", "frankenstein"],
    "alice": ["plot", "--example", "alice"],
    "alice without band or envelope": ["plot", "--example", "alice", "--no-band", "--no-null"],
    "poems": ["plot", "{poems}"],
    "methods": ["plot", "--example", "frankenstein", "--smooth", "all"],
    "compare": ["compare", "--example", "frankenstein", "--example", "alice"],
    "scorers": ["plot", "--example", "alice", "--scorer", "vader,afinn,textblob"],
    "emotions": ["plot", "--example", "alice", "--emotions"],
    "smoothing check": ["plot", "--example", "alice", "--smooth-check"],
    "word shift": ["explain", "--example", "alice", "--between", "0-50%", "50-100%"],
    "validation": ["validate"],
}


@pytest.fixture(scope="module")
def caught(tmp_path_factory):
    """Each kind's Chart, as the command saved it."""
    folder = tmp_path_factory.mktemp("reading")
    poems = folder / "poems.txt"
    poems.write_text(POEMS, encoding="utf-8")
    charts = {}
    real = render.save_chart

    def catch(chart, path, **kws):
        charts[current] = chart
        return real(chart, path, **kws)

    render.save_chart = catch
    try:
        for current, args in KINDS.items():
            argv = [a.format(poems=poems) for a in args] + ["-o", str(folder / "out.png")]
            charts.setdefault(current, None)  # None: the command drew nothing
            main(argv)
    finally:
        render.save_chart = real
    return charts


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_chart_reads_at_a_glance(caught, kind):
    assert caught[kind] is not None, f"{KINDS[kind]} drew no chart"
    assert reading_problems(caught[kind]) == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_subtitle_leads_with_a_verdict_and_the_caption_holds_the_method(caught, kind):
    chart = caught[kind]
    assert chart is not None, f"{KINDS[kind]} drew no chart"
    assert chart.subtitle and len(chart.subtitle) <= 200
    assert chart.caption, "the method's details belong in the caption"
    for opaque in ("left over", "lilac", "index column of arc score", "prominence \u2265"):
        assert opaque not in chart.subtitle + chart.caption
