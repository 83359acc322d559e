"""A text without paragraph breaks still gets a useful arc, not a single point."""

import arc
from arc.analysis.view import LONG_WORDS, is_long
from arc.charts.choice import chart_for
from arc.cli import main
from tests.books import FRANKENSTEIN


def test_the_rule():
    assert not is_long(10, False, 3_000)  # a short story: one point per paragraph
    assert is_long(1, False, 1_500)  # no paragraph breaks
    assert is_long(40, False, LONG_WORDS + 1)  # a novella in long paragraphs
    assert not is_long(2, False, 300)


def test_one_unbroken_paragraph_gets_the_smoothed_chart(tmp_path):
    words = FRANKENSTEIN.read_text(encoding="utf-8-sig").split()[3000:4500]
    path = tmp_path / "unbroken.txt"
    path.write_text(" ".join(words), encoding="utf-8")
    df = arc.analyze(path)
    assert int((df["role"] == "body").sum()) == 1
    assert chart_for(df).kind == "smoothed"
    out = tmp_path / "u.png"
    assert main(["plot", str(path), "-o", str(out)]) == 0
    sentences = arc.analyze(path, unit="sentence")
    assert len(sentences) > 30  # the chart's points: sentences, not one paragraph
