import itertools
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arc import _compat
from arc._compat import punkt_module
from arc.text.io import decode, vignette_text
from arc.text.segment import MAX_SENTENCE_WORDS, join_lines, split_paragraphs, split_sentences
from tests import texts
from tests.books import FRANKENSTEIN

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
    from arc.text import segment

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
    from arc.text import segment

    segment.tokenizer.cache_clear()
    assert len(segment.split_sentences("One day. Two days.")) == 2


# Pieces that reach every branch of Punkt's decision: abbreviations and collocations of the
# shipped parameters, initials, numbers, ellipses, each closing mark Punkt realigns, dashes,
# line breaks (Punkt reads a context line by line) and other white space.
_punkt_pieces = st.sampled_from(
    [
        "word",
        "The",
        "she",
        "He",
        "Mr.",
        "mr.",
        "Dr.",
        "St.",
        "J.",
        "A.",
        "12.",
        "1st.",
        "No.",
        "etc.",
        "vol.",
        "e.g.",
        "...",
        ". . .",
        "\u2026",
        ".",
        "?",
        "!",
        "?!",
        ",",
        ";",
        ":",
        '"',
        "'",
        ")",
        "(",
        "]",
        "}",
        "\u2018",
        "\u2019",
        "\u201c",
        "\u201d",
        "\u00ab",
        "\u00bb",
        "--",
        "-",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u2003",
        "Caf\u00e9.",
        "\u00c9t\u00e9",
    ]
)
_punkt_texts = st.lists(_punkt_pieces, min_size=1, max_size=40).map("".join)


def _plain_punkt():
    """nltk's own sentence tokenizer with arc's parameters, nothing remembered."""
    from arc.text import segment

    plain = segment._nltk_tokenizer()
    assert type(plain) is punkt_module().PunktSentenceTokenizer
    return plain


@given(st.lists(_punkt_texts, min_size=1, max_size=8))
@settings(max_examples=300)
def test_remembered_sentence_breaks_are_nltks(contexts):
    from arc.text import segment

    plain, memo = _plain_punkt(), segment.tokenizer()
    for context in contexts + contexts:  # the second time from the tables
        assert memo.text_contains_sentbreak(context) is plain.text_contains_sentbreak(context)


@given(_punkt_texts)
@settings(max_examples=300)
def test_punkt_spans_are_nltks_own(text):
    from arc.text import segment

    # Shorter than a window: one Punkt call, realigned by arc as nltk realigns.
    spans, gave_up = segment._punkt_spans(text)
    assert (spans, gave_up) == (list(_plain_punkt().span_tokenize(text)), 0)


def test_remembered_verdicts_on_word_pairs_are_nltks():
    # Every kind of word before a period (abbreviation, collocation, initial, number,
    # ellipsis, plain word) against every kind of word after it (collocation partners,
    # frequent sentence starters, either case, with and without a period of its own).
    from arc.text import segment

    memo = segment.tokenizer()
    params = memo._params
    abbrevs = sorted(params.abbrev_types)[::40][:12]
    pairs = sorted(params.collocations)[::40][:12]
    starters = sorted(params.sent_starters)[::10][:12]
    before = [f"{a}." for a in ["mr", "dr", "st", *abbrevs]]
    before += [b.title() for b in before]
    before += [f"{a}." for a, _ in pairs] + [
        "J.",
        "x.",
        "12.",
        "3rd.",
        "...",
        "word.",
        "Word.",
        "?",
        "!",
        ".",
        "said,",
    ]
    after = [b for _, b in pairs] + starters + ["he", "the", "12", "...", ")", '"', ","]
    after += [w.title() for w in after]
    after += [w + "." for w in after]
    contexts = [f"{b}{gap}{a}" for b in before for a in after for gap in (" ", "\n")]
    for table in (memo._context_breaks, memo._pair_breaks, memo._words):
        table.clear()
    plain = _plain_punkt()
    expected = [plain.text_contains_sentbreak(c) for c in contexts]
    assert any(expected) and not all(expected)
    assert [memo.text_contains_sentbreak(c) for c in contexts] == expected
    assert [memo.text_contains_sentbreak(c + " and") for c in contexts] == [
        plain.text_contains_sentbreak(c + " and") for c in contexts
    ]


def test_sentence_break_tables_stay_bounded(monkeypatch):
    from arc.text import segment

    text = decode(FRANKENSTEIN.read_bytes())[:200_000]
    whole = [split_sentences(p.text) for p in split_paragraphs(text)]
    monkeypatch.setattr(_compat, "SENTBREAK_CACHE", 64)
    tokenizer = segment.tokenizer()
    for table in (tokenizer._context_breaks, tokenizer._pair_breaks, tokenizer._words):
        table.clear()
    assert [split_sentences(p.text) for p in split_paragraphs(text)] == whole
    assert max(map(len, (tokenizer._context_breaks, tokenizer._pair_breaks))) <= 64
    assert len(tokenizer._words) <= 64


def test_realignment_shortcut_matches_nltks_pattern():
    from arc.text import segment

    closing = punkt_module().PunktLanguageVars.re_boundary_realignment
    assert closing.pattern == segment._REALIGNMENT  # else every sentence is tried
    assert all(closing.match(mark + " x") for mark in segment._CLOSERS)
    found = split_sentences('He said "Go." (Then he left.) \u00abOui.\u00bb Done.')
    assert [s.text for s in found] == [
        'He said "Go."',
        "(Then he left.)",
        "\u00abOui.\u00bb",
        "Done.",
    ]
    plain = _plain_punkt()
    for mark in "\"')]}\u2018\u2019\u201c\u201d\u00ab\u00bb>*`":  # nltk's closing marks, others
        for text in (f"One.{mark} Two.", f"{mark}One.{mark}{mark} Two.", f"One?{mark}--Two."):
            assert segment._punkt_spans(text)[0] == list(plain.span_tokenize(text))
