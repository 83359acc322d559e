"""One set of rules, two checks: the engine's per-word valences are vaderSentiment's own.

:func:`arc.analysis.explanation.explain_text` explains a score by stepping through vaderSentiment's
own ``polarity_scores`` and recording the valences it sums (its recorder is the reference).
:meth:`arc.score.vader.FastVader.valences` gives the numbers the engine sums. They must be equal,
bit for bit (``repr``: the same floats, the same ``0`` and ``0.0`` and ``-0.0``), with the
same words and the same signed punctuation emphasis, on every sentence of the vignette and
of the test novels, on the rule examples and on rule-targeted fuzz; and ``normalize`` of
their sum is the engine's compound.

The second part checks :meth:`arc.score.scorers.VaderScorer.score_and_count`, the one pass that
scores and counts the lexicon's words, against ``score_many`` and ``known_words`` called
apart, and ``known_words`` against its definition (emoji not replaced, tokens stripped as
vaderSentiment strips them).
"""

from __future__ import annotations

from functools import cache

import pytest

import arc
from arc.score.vader import FastVader, Valences
from tests.books import BOOKS
from tests.test_vader_engine import RULE_TOKENS, fuzz_texts

vs = pytest.importorskip("vaderSentiment.vaderSentiment")


@cache
def engine() -> FastVader:
    return FastVader()


@cache
def novel_sentences() -> list[str]:
    """Every sentence of the vignette and of the novels in tests/data/books, as arc splits."""
    texts = arc.analyze(unit="sentence")["text"].tolist()
    for path in sorted(BOOKS.glob("*.txt")):
        texts += arc.analyze(path, unit="sentence", workers=1)["text"].tolist()
    return texts


#: The rule examples: one text per rule the explanations name, the "but" quirk, signed zeros.
RULE_EXAMPLES = [
    "The food was not good.",
    "The food was very good.",
    "The food was GOOD, the wine was fine.",
    "It was fine, but the end was sad.",
    "This is the least happy day.",
    "There is no joy here.",
    "That cake was the bomb.",
    "A lovely day.",
    "I love this town, but the rain is awful!!",
    "Not bad at all, but the ending was PERFECT!",
    "The food was GREAT, but the service was not good at all!!",
    "",
    "The end.",
    "I am not happy :(",
    "Kind of sad.",
    "The best!!! 😀",
    "WOW... no?!?",
    "Meh.",
    "I LOVE it!!! :)",
    "good good good but good good good",
    "great good but good great",
    "good GOOD good but bad bad BAD bad",
    "love like but like love hate hate",
    "good bad good bad but good bad good bad",
    "no no good but no good",
    "not good good but good not good",
    "I love it but it is dear",
    "an awful day, but alone",
    "nice and true but okay",
    "not no good",
    "but not no good",
    "not no good but fine",
    "the house but the garden",
    "but",
    "BUT nothing",
    "kind of good",
    "never so good",
    "without a doubt good",
    "at least good",
    "very least good",
    "no or nor good",
    "cut the mustard",
    "kiss of death",
    "to die for!",
    "yeah right?!",
    "sort of kind of nice",
    "\u201cGood,\u201d she said.",
    "good \u2764\ufe0f but \U0001f622",
]


def recorded(text: str) -> Valences:
    """What the explanations' recorder (arc._compat.record_vader) saw vaderSentiment sum for
    ``text``, as a Valences."""
    from arc._compat import record_vader

    record = record_vader(text)
    assert record is not None
    total = float(sum(record.valences))
    emphasis = record.emphasis if total > 0 else -record.emphasis if total < 0 else 0.0
    return Valences(record.words, record.valences, emphasis)


def exact(v: Valences) -> tuple[list[str], list[str], str]:
    """``v`` with each number as its ``repr``: equal only when bit-identical, of one type."""
    return v.words, list(map(repr, v.valences)), repr(v.emphasis)


def disagreements(texts: list[str]) -> list[tuple[str, Valences, Valences]]:
    fast = engine()
    out = []
    for text in texts:
        got, want = fast.valences(text), recorded(text)
        if got != want or exact(got) != exact(want):
            out.append((text, got, want))
        compound = fast.polarity_scores(text)["compound"]
        if round(vs.normalize(float(sum(got.valences)) + got.emphasis), 4) != compound:
            out.append((text, got, want))
    return out


def test_novel_sentences() -> None:
    texts = novel_sentences()
    assert len(texts) > 4000
    assert disagreements(texts)[:3] == []


def test_rule_examples() -> None:
    assert disagreements(RULE_EXAMPLES + RULE_TOKENS) == []


def test_fuzz() -> None:
    texts = fuzz_texts(20_000, seed=1307)
    assert disagreements(texts)[:3] == []


def test_the_explanation_rows_are_the_engines_valences() -> None:
    """explain_text's rows are the engine's nonzero valences and its emphasis, in order."""
    from arc.analysis.explanation import PUNCTUATION, valence_rows

    for text in RULE_EXAMPLES:
        rows, _ = valence_rows(text)
        v = engine().valences(text)
        want = [(k, w, x) for k, (w, x) in enumerate(zip(v.words, v.valences, strict=True)) if x]
        if v.emphasis:
            want.append((len(v.words), PUNCTUATION, v.emphasis))
        assert [(r[0], r[1], r[3]) for r in rows] == want, text


def test_valences_takes_a_str() -> None:
    with pytest.raises(TypeError):
        engine().valences(None)  # type: ignore[arg-type]
    assert engine().valences("  \n") == Valences([], [], 0.0)


# -- one pass for scores and lexicon counts ---------------------------------------------------


def known_by_definition(texts: list[str]) -> list[tuple[int, int]]:
    """``(known, words)``: vaderSentiment's stripped tokens of the text as given, lowercased
    and looked up in its lexicon (emoji not replaced)."""
    strip, lexicon = vs.SentiText._strip_punc_if_word, engine().lexicon
    return [
        (sum(strip(t).lower() in lexicon for t in text.split()), len(text.split()))
        for text in texts
    ]


def fused_texts() -> list[str]:
    emoji = [
        "I love it \U0001f600",
        "\U0001f622\U0001f622 sad",
        "good\u2764\ufe0f",
        "\u263a",
        "\u201cGood,\u201d she said \U0001f600!",
        "not \U0001f44d but \U0001f44e",
    ]
    return novel_sentences() + RULE_EXAMPLES + RULE_TOKENS + emoji + fuzz_texts(10_000, seed=29)


def test_score_and_count_is_score_many_and_known_words() -> None:
    from arc.score.scorers import VaderScorer

    texts = fused_texts()
    assert sum(not engine()._emoji_keys.isdisjoint(t) for t in texts) > 500
    cold = VaderScorer().score_and_count(texts)  # its token cache filled by the fused pass
    scorer = VaderScorer()
    apart = scorer.score_many(texts), scorer.known_words(texts)
    assert cold == apart == scorer.score_and_count(texts)
    assert apart[1] == known_by_definition(texts)
    reference = vs.SentimentIntensityAnalyzer()
    for text, s in zip(texts[-3000:], cold[0][-3000:], strict=True):
        want = reference.polarity_scores(text)
        assert (s.compound, s.pos, s.neu, s.neg) == (
            want["compound"],
            want["pos"],
            want["neu"],
            want["neg"],
        ), text


def test_score_and_count_on_any_scorer() -> None:
    """The base class's default: the two methods, called apart."""
    from arc.score.scorers import ScorerBase

    class Counting(ScorerBase):
        def score(self, text: str) -> str:
            return text.upper()

        def known_words(self, texts: list[str]) -> list[tuple[int, int]]:
            return [(0, len(t)) for t in texts]

    assert Counting().score_and_count(["ab", ""]) == (["AB", ""], [(0, 2), (0, 0)])


def test_tokens_no_rule_reads_share_one_entry() -> None:
    """The token cache keeps nothing per token but its key for words no rule reads."""
    from arc.score.vader import _PLAIN

    fast = FastVader()
    fast.polarity_scores("The house, the HOUSE and the garden were not good but kind of old.")
    tokens = fast._tokens
    assert tokens["house,"] is tokens["garden"] is tokens["were"] is tokens["old."] is _PLAIN
    for read in ["The", "HOUSE", "the", "not", "good", "but", "kind", "of"]:
        assert tokens[read] is not _PLAIN, read
