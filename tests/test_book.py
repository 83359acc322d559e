"""Reading whole books: boilerplate, headings, chapters, front matter, titles."""

import math

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import arc
from arc.text.document import load
from tests.books import ALICE, FRANKENSTEIN, MAGI, NORTHANGER, WAR_AND_PEACE


def _chapters(doc):
    seen = []
    for i in doc.story:
        if doc.chapters[i] not in seen:
            seen.append(doc.chapters[i])
    return seen


def test_frankenstein_letters_then_chapters():
    doc = load(FRANKENSTEIN)
    assert _chapters(doc) == [f"L{i}" for i in range(1, 5)] + [str(i) for i in range(1, 25)]
    assert doc.title == "Frankenstein; Or, The Modern Prometheus"
    assert doc.warnings == []


def test_boilerplate_is_kept_as_paratext_rows():
    doc = load(FRANKENSTEIN)
    roles = doc.roles
    assert roles[0] == "boilerplate" and roles[-1] == "boilerplate"
    marker = next(i for i, p in enumerate(doc.paragraphs) if "START OF THE PROJECT" in p.text)
    assert roles[marker] == "boilerplate" and roles[marker + 1] != "boilerplate"
    end = next(i for i, p in enumerate(doc.paragraphs) if "END OF THE PROJECT" in p.text)
    assert roles[end] == "boilerplate" and roles[end - 1] == "body"
    story_text = " ".join(doc.paragraphs[i].text for i in doc.story)
    assert "Project Gutenberg" not in story_text
    assert "contents" in roles  # the table of contents is not a run of chapters


def test_alice_and_northanger_chapter_counts():
    assert _chapters(load(ALICE)) == [str(i) for i in range(1, 13)]
    assert _chapters(load(NORTHANGER)) == [str(i) for i in range(1, 32)]


def test_volume_restart_keeps_chapters_apart():
    doc = load(WAR_AND_PEACE)
    labels = _chapters(doc)
    assert labels[:2] == ["I.1", "I.2"]
    assert "II.1" in labels and "E1.1" in labels
    assert len(labels) == len(set(labels))


def test_short_story_in_licence_text():
    doc = load(MAGI)
    assert doc.title == "The Gift of the Magi"
    assert not any(doc.chapters)
    story = " ".join(doc.paragraphs[i].text for i in doc.story)
    assert story.startswith("One dollar and eighty-seven cents.")
    assert "Gutenberg" not in story


def test_damaged_marker_warns_but_works(tmp_path):
    text = (
        MAGI.read_bytes()
        .decode("utf-8-sig")
        .replace("*** END OF THE PROJECT", "*** END OF THE PROJEKT")
    )
    path = tmp_path / "damaged.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(arc.ArcWarning, match="end marker"):
        df = arc.analyze(path)
    assert df.attrs["warnings"] and "end marker" in df.attrs["warnings"][0]
    assert (df.role == "body").sum() > 20


def test_damaged_end_marker_is_not_story():
    text = FRANKENSTEIN.read_bytes().decode("utf-8-sig")
    damaged = text.replace(
        "*** END OF THE PROJECT GUTENBERG EBOOK", "** END OF THE PROJEKT GUTENBERG EBOK"
    )
    doc = arc.text.document.parse(damaged)
    assert doc.warnings
    assert doc.paragraphs[doc.story[-1]].text.startswith("He sprang from the cabin-window")


def test_damaged_start_marker_keeps_the_title():
    text = FRANKENSTEIN.read_bytes().decode("utf-8-sig")
    doc = arc.text.document.parse(text.replace("*** START OF THE", "*** STRAT OF THE"))
    assert doc.title == "Frankenstein; Or, The Modern Prometheus"
    assert "start marker" in doc.warnings[0]


def test_book_without_chapters_or_markers_still_plots(tmp_path):
    paragraphs = [
        f"Day {i}. She walked to the sea and felt {'glad' if i % 3 else 'sad'}." for i in range(80)
    ]
    path = tmp_path / "diary.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    doc = load(path)
    assert not any(doc.chapters) and doc.warnings == []
    from arc.cli import main

    assert main(["plot", str(path), "-o", str(tmp_path / "d.png")]) == 0


def test_chapter_column_on_every_unit(frankenstein_sentences):
    body = frankenstein_sentences[frankenstein_sentences.role == "body"]
    assert body.chapter.notna().all()
    assert frankenstein_sentences[frankenstein_sentences.role == "boilerplate"].chapter.isna().all()


def test_book_sentences_are_vader_called_directly(frankenstein_sentences):
    vader = SentimentIntensityAnalyzer()
    sample = frankenstein_sentences.sample(200, random_state=1)
    for row in sample.itertuples():
        assert row.compound == vader.polarity_scores(row.text)["compound"]


def test_offsets_rebuild_the_book(frankenstein_sentences):
    text = arc.read_text(FRANKENSTEIN)
    for row in frankenstein_sentences.sample(300, random_state=2).itertuples():
        assert " ".join(text[row.start : row.end].split()) == " ".join(row.text.split())


def test_position_is_narrative_time(frankenstein_sentences):
    pos = frankenstein_sentences.loc[frankenstein_sentences.role == "body", "position"]
    assert pos.iloc[0] == 0 and pos.iloc[-1] == 1 and pos.is_monotonic_increasing
    assert math.isnan(frankenstein_sentences.position.iloc[0])


def test_windows_are_word_weighted_means(alice_sentences):
    win = arc.analyze(ALICE, unit="window", window=500, step=250)
    story = alice_sentences[alice_sentences.role == "body"]
    words = np.repeat(story.compound.to_numpy(), story.n_words.to_numpy())
    # Every 250 words, plus one last window so the end of the story is not lost.
    assert len(win) == (len(words) - 500) // 250 + 2
    for row in win.iloc[[0, 7]].itertuples():
        expected = words[row.index * 250 : row.index * 250 + 500].mean()
        assert row.compound == pytest.approx(expected, abs=1e-12)
    assert win.compound.iloc[-1] == pytest.approx(words[-500:].mean(), abs=1e-12)
    assert win.end.iloc[-1] == story.end.iloc[-1]
    assert list(win.columns) == list(arc.analysis.frame.WINDOW_COLUMNS)
    assert win.attrs["window"] == 500 and win.attrs["step"] == 250
    # Each window sits at its middle word, as a share of the story's words.
    assert win.position.iloc[0] == pytest.approx(250 / len(words))
    assert win.position.iloc[3] == pytest.approx((3 * 250 + 250) / len(words))
    assert win.position.iloc[-1] == pytest.approx(1 - 250 / len(words))
    assert win.position.is_monotonic_increasing


def test_bins_are_syuzhet_percentage_values(alice_sentences):
    bins = arc.analyze(ALICE, unit="bins", bins=100)
    story = alice_sentences[alice_sentences.role == "body"].compound.to_numpy()
    np.testing.assert_allclose(bins.compound, arc.percentage_bins(story, 100), rtol=0, atol=0)
    assert bins.n_sentences.sum() == len(story)
    assert len(bins) == 100 and list(bins.columns) == list(arc.analysis.frame.BIN_COLUMNS)
    # The first and last bins start and end where the story does.
    body = alice_sentences[alice_sentences.role == "body"]
    assert bins.start.iloc[0] == body.start.iloc[0] and bins.end.iloc[-1] == body.end.iloc[-1]
    # Each bin sits at its middle sentence, as a share of the story's sentences.
    assert 0 < bins.position.iloc[0] < bins.position.iloc[-1] < 1


def test_too_short_for_bins_or_windows_names_the_minimum():
    with pytest.raises(arc.TooShortError, match="at least 100"):
        arc.analyze(text="One. Two. Three.", unit="bins", bins=100)
    with pytest.raises(arc.TooShortError, match="at least 1000"):
        arc.analyze(text="A short tale of joy.", unit="window", window=1000)


def test_units_are_deterministic():
    a = arc.analyze(ALICE, unit="bins", bins=50)
    b = arc.analyze(ALICE, unit="bins", bins=50)
    pd.testing.assert_frame_equal(a, b)
    assert a.to_csv() == b.to_csv()
