import itertools
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arc.io import decode, vignette_text
from arc.segment import MAX_SENTENCE_WORDS, join_lines, split_paragraphs, split_sentences
from tests import texts

# Words, spaces, tabs, line breaks, NBSP, punctuation: enough to make blank lines, indentation
# and hard wraps in every combination.
_pieces = st.sampled_from(
    ["word", "Joy", "sad.", " ", " ", "\n", "\n\n", "\t", "\u00a0", "!", "Mr.", "...", "\u201c"]
)
_texts = st.lists(_pieces, min_size=1, max_size=60).map("".join)


@given(_texts)
@settings(max_examples=300)
def test_paragraph_offsets_rebuild_the_source(text):
    paragraphs = split_paragraphs(text)
    for p in paragraphs:
        assert join_lines(text[p.start : p.end]) == p.text
        assert p.text.strip() and p.text == p.text.strip(" \t\n")
    # Paragraphs are in order, do not overlap, and cover every non-space character.
    covered = set()
    for a, b in itertools.pairwise(paragraphs):
        assert a.end < b.start
    for p in paragraphs:
        covered.update(range(p.start, p.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@given(_texts)
@settings(max_examples=200)
def test_sentence_offsets_rebuild_the_source(text):
    for p in split_paragraphs(text):
        sentences = split_sentences(text[p.start : p.end], p.start)
        assert sentences
        for s in sentences:
            assert p.start <= s.start < s.end <= p.end
            assert join_lines(text[s.start : s.end]) == s.text
        for a, b in itertools.pairwise(sentences):
            assert a.end <= b.start
        # Sentences cover the paragraph's words.
        words = [m.start() + p.start for m in re.finditer(r"\S+", text[p.start : p.end])]
        assert all(any(s.start <= w < s.end for s in sentences) for w in words)


@given(_texts)
@settings(max_examples=300)
def test_punkt_windows_give_the_sentences_of_one_call(text):
    from arc import segment

    # Exact whenever no single word or run of spaces is as long as a third of a window.
    window = 60
    text = text.strip(" \t\n")
    assume(text and max(map(len, re.findall(r"[ \t\n\r\v\f]+|[^ \t\n\r\v\f]+", text))) <= 20)
    saved = segment.PUNKT_WINDOW
    try:
        segment.PUNKT_WINDOW = 10**9
        whole = split_sentences(text, 5)
        segment.PUNKT_WINDOW = window
        assert split_sentences(text, 5) == whole
    finally:
        segment.PUNKT_WINDOW = saved


@given(_texts)
def test_crlf_and_lf_give_the_same_paragraphs(text):
    text = "x" + text
    lf = decode(text.encode())
    crlf = decode(text.replace("\n", "\r\n").encode())
    assert [p.text for p in split_paragraphs(lf)] == [p.text for p in split_paragraphs(crlf)]


def test_hard_wrapped_lines_are_joined():
    text = "It was a dark\n   and stormy\tnight.\n\n  Next one.  \n"
    assert [p.text for p in split_paragraphs(text)] == [
        "It was a dark and stormy\tnight.",
        "Next one.",
    ]


def test_verse_and_block_quotes_stay_paragraphs():
    text = (
        "She opened the book and read:\n\n"
        "    Twinkle, twinkle, little bat!\n"
        "    How I wonder what you're at!\n\n"
        "        Up above the world you fly,\n"
        "        Like a tea-tray in the sky.\n\n"
        "Then she closed it.\n"
    )
    assert [p.text for p in split_paragraphs(text)] == [
        "She opened the book and read:",
        "Twinkle, twinkle, little bat! How I wonder what you're at!",
        "Up above the world you fly, Like a tea-tray in the sky.",
        "Then she closed it.",
    ]


def test_no_blank_lines_falls_back_to_lines():
    text = decode(texts.NO_BLANK_LINES)
    assert [p.text for p in split_paragraphs(text)] == [
        "I love this.",
        "I hate that.",
        "It is fine.",
    ]


def test_whitespace_only_lines_count_as_blank():
    assert len(split_paragraphs("One.\n  \t \nTwo.")) == 2


def test_vignette_has_thirteen_paragraphs():
    paragraphs = split_paragraphs(vignette_text())
    assert len(paragraphs) == 13
    assert paragraphs[1].text == "Final Goodbyes"
    assert paragraphs[-1].text == "The End"
    assert paragraphs[-2].text.endswith("come back.\u00a0")  # NBSP stays text


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Darcy met Mrs. Bennet and Dr. Jones at St. Paul's. They talked."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Darcy met Mrs. Bennet and Dr. Jones at St. Paul's.",
        "They talked.",
    ]


def test_ellipses_do_not_end_sentences():
    for dots in ["...", ". . .", "\u2026"]:
        text = f"I waited{dots} Then he came back. It was late."
        assert [s.text for s in split_sentences(text)] == [
            f"I waited{dots} Then he came back.",
            "It was late.",
        ]


def test_ellipsis_at_paragraph_end_stays_with_its_sentence():
    text = "Kendra died. I wish they had all run. And Giles. . ."
    assert [s.text for s in split_sentences(text)][-1] == "And Giles. . ."


def test_ordinary_sentences_split():
    text = "Hey everyone! This is a story. Is it good? Be warned."
    assert len(split_sentences(text)) == 4


def test_offsets_shift():
    s = split_sentences("One. Two.", offset=100)
    assert (s[0].start, s[1].start) == (100, 105)


def test_long_sentence_is_cut_in_linear_pieces():
    text = " ".join(["word"] * (MAX_SENTENCE_WORDS * 3 + 7))
    pieces = split_sentences(text)
    assert [len(p.text.split()) for p in pieces] == [MAX_SENTENCE_WORDS] * 3 + [7]
    assert " ".join(p.text for p in pieces) == text


def test_splitter_does_not_need_nltk_data(monkeypatch, tmp_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    from arc import segment

    segment._tokenizer.cache_clear()
    assert len(segment.split_sentences("One day. Two days.")) == 2
