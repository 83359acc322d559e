"""An exact, linear-time VADER: vaderSentiment's ``polarity_scores``, field for field, fast.

:class:`FastVader` returns exactly (``==`` on ``neg``, ``neu``, ``pos`` and ``compound``)
what ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores(text)``
returns, for every input. vaderSentiment stays the reference and the source of all data:
the lexicon and the emoji descriptions are read from an analyzer it builds, and
``BOOSTER_DICT``, ``NEGATE`` (through its ``negated``), ``SPECIAL_CASES``, ``B_INCR``,
``C_INCR``, ``N_SCALAR``, ``normalize``, ``scalar_inc_dec``, the punctuation emphasis and
the tokenizer are taken from the installed module when the engine is built, never copied
(the last two, and the "but" rule used in a corner case, are private methods: they come
through :mod:`arc._compat`, which has a plain fallback for each).

When it is built the engine checks itself on :data:`PROBES`, texts that exercise every rule,
against vaderSentiment's own ``polarity_scores``. If they disagree (a vaderSentiment whose
rules changed) or a name it reads is gone, it falls back to vaderSentiment's own
``polarity_scores``, exact and quadratic, and says so: an :class:`~arc.errors.ArcWarning`
and its :attr:`FastVader.fallback`.

The rules are vaderSentiment's, applied in its order with its arithmetic (so the floats are
bit-identical); only the bookkeeping differs, which makes the cost linear in the length of
the text where vaderSentiment's grows with its square (it lowercases the whole word list
again for every sentiment word, and its "but" rule searches the list for every word):

- the text is scanned for emoji in C (an ASCII test, else a set test) and rebuilt character
  by character, with vaderSentiment's spacing rule, only when it has one;
- each distinct whitespace token is stripped, lowercased and looked up once (lexicon,
  boosters, negations) and the result cached, so a text costs one dictionary lookup a word;
  the many tokens no rule reads share one cached entry, so the cache keeps little more
  than the tokens themselves;
- only lexicon words go through the rules; every other word's valence is the ``0`` that
  vaderSentiment appends for it;
- idioms and multiword boosters are looked up as tuples of words in dictionaries built from
  ``SPECIAL_CASES`` and ``BOOSTER_DICT``, not as joined strings;
- the "but" rule is reproduced exactly, quirk included: vaderSentiment rescales, for each
  word in turn, the *first* position whose current value equals that word's value
  (``sentiments.index``), which may be an earlier, already rescaled word, while the word
  itself keeps its value. Positions holding each value are kept in heaps, so finding that
  first position costs a logarithm, not a scan.

Inputs that are not ``str`` are handed to vaderSentiment itself.

Besides the scores, the engine gives the per-word valences it sums (:meth:`FastVader.valences`,
tested equal to those ``arc.analysis.explanation`` records from vaderSentiment's own methods) and,
in the same pass as the scores, how many of a text's tokens the lexicon knows
(:meth:`FastVader.scores_and_counts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from heapq import heappop, heappush
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple

__all__ = ["PROBES", "FastVader", "Valences"]

#: A token's ``lower``, ``isupper``, ``in_lexicon`` and ``scored`` fields (see :class:`_Tokens`).
_LOWER = itemgetter(1)
_ISUPPER = itemgetter(2)
_KNOWN = itemgetter(3)
_SCORED = itemgetter(6)

#: The words vaderSentiment's rules compare a neighbour's lowercase form with: "kind of",
#: "no" (and "no ... or/nor"), "least" (and "at/very least"), "but", and the never/without
#: cases of ``_negation_check``. A token that is one of them always has its own entry.
_RULE_WORDS = frozenset(
    [
        "kind",
        "of",
        "no",
        "or",
        "nor",
        "least",
        "at",
        "very",
        "but",
        "never",
        "so",
        "this",
        "without",
        "doubt",
    ]
)


_Info = tuple[Any, Any, bool, bool, bool, bool, bool, bool]

#: vaderSentiment's ``(compound, pos, neu, neg)`` for a text without words, and for one with
#: no word that goes through the rules (every valence 0: neutral).
_EMPTY = (0.0, 0.0, 0.0, 0.0)
_NEUTRAL = (0.0, 0.0, 1.0, 0.0)

#: The one entry shared by every token no rule reads (see :class:`_Tokens`).
_PLAIN: _Info = (None, None, False, False, False, False, False, False)


#: Texts on which :class:`FastVader` checks itself against vaderSentiment when it is built:
#: each of vaderSentiment's rules at least once (boosters near and far, negations, "no",
#: "least", "kind of", "never so", "without doubt", capitals, idioms, "but", "!" and "?",
#: emoji and emoticons).
PROBES = (
    "I love this town, but the rain is awful!!",
    "Not bad at all, but the ending was PERFECT!",
    "The food was kind of good, sort of nice and very very tasty.",
    "It was never so good; never this bad, isn't it",
    "Without doubt the best, at least not the worst.",
    "He is the least happy man, the very least kind.",
    "no good or bad, no love nor hate, no problem",
    "The plot was the bomb, a bad ass, yeah right, to die for.",
    "She was extremely HAPPY??? I hardly liked it... ????",
    "It cut the mustard: the heart of gold was broken heart but kiss of death",
    "I'm \U0001f600 glad \U0001f494 :) :-( ",
    "GOOD GOOD good, Not GOOD",
    "",
)


def _no_negation(words: list[str]) -> bool:
    """No word is a negation (the token cache of an engine that only counts words)."""
    return False


def _recorded_valences(text: str) -> Valences:
    """The valences vaderSentiment's own methods summed for ``text`` (the engine's fallback)."""
    from arc._compat import record_vader
    from arc.errors import ArcError

    record = record_vader(text)
    if record is None:
        raise ArcError("this vaderSentiment's valences can be neither computed nor recorded")
    total = float(sum(record.valences))
    emphasis = record.emphasis if total > 0 else -record.emphasis if total < 0 else 0.0
    return Valences(record.words, record.valences, emphasis)


class Valences(NamedTuple):
    """What vaderSentiment sums for a text: each word's valence, and the punctuation emphasis.

    ``words`` are its tokens (``SentiText(text).words_and_emoticons``, emoji replaced);
    ``valences`` the list ``score_valence`` receives, one per word, after every rule
    including "but" and before ``normalize``; ``emphasis`` the "!" and "?" emphasis it adds
    to their sum, signed as it adds it (0 when the sum is 0), so
    ``round(normalize(float(sum(valences)) + emphasis), 4)`` is the compound.
    """

    words: list[str]
    valences: list[Any]
    emphasis: float


class _Tokens(dict[str, _Info]):
    """What vaderSentiment's rules need to know of each whitespace token, cached.

    A token's entry is ``(word, lower, isupper, in_lexicon, booster, negation, scored,
    starts)``: ``word`` is vaderSentiment's token (``SentiText._strip_punc_if_word``), ``lower`` its
    ``lower()``; ``isupper`` is ``word.isupper()``; the flags say whether ``lower`` is in the
    lexicon, in ``BOOSTER_DICT``, a negation (``negated([lower])``), goes through the rules
    (in the lexicon and not a booster), and is the first word of a multiword idiom or
    booster. Cached token by token and emptied when it holds :attr:`LIMIT` tokens.

    Most of a novel's distinct tokens are read by no rule: not in the lexicon, not a
    booster or negation, not all capitals, neither a word the rules compare with
    (:data:`_RULE_WORDS`) nor a word of a multiword idiom or booster. They all share the
    entry :data:`_PLAIN`, whose ``word`` and ``lower`` are ``None``: every test the rules
    make of such a neighbour's ``lower`` (equal to a rule word, in the lexicon, part of an
    n-gram) is false for ``None`` as for the word itself, so the result is the same and the
    cache keeps no tuple or string for them. Their words are only needed to name them
    (:meth:`FastVader.valences`), which strips the tokens again.
    """

    LIMIT = 500_000

    def __init__(
        self,
        strip: Any,
        lexicon: dict[str, float],
        boosters: dict[str, float],
        negated: Any,
        starts: frozenset[str],
        read: frozenset[str],
    ) -> None:
        super().__init__()
        self._strip = strip
        self._lexicon = lexicon
        self._boosters = boosters
        self._negated = negated
        self._starts = starts
        self._read = read

    def __missing__(self, token: str) -> _Info:
        if len(self) >= self.LIMIT:
            self.clear()
        word = self._strip(token)
        lower = word.lower()
        in_lexicon, booster = lower in self._lexicon, lower in self._boosters
        negation = bool(self._negated([lower]))
        isupper = word.isupper()
        if in_lexicon or booster or negation or isupper or lower in self._read:
            if lower == word:
                lower = word  # one string, not two equal ones
            info = (
                word,
                lower,
                isupper,
                in_lexicon,
                booster,
                negation,
                in_lexicon and not booster,
                lower in self._starts,
            )
        else:
            info = _PLAIN
        self[token] = info
        return info


def _ngrams(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    """``table``'s keys of several words, as tuples of their space-separated words.

    vaderSentiment matches these keys against words joined by single spaces; a word never
    holds whitespace, so a joined n-gram equals a key exactly when the tuples are equal.
    """
    return {tuple(key.split(" ")): value for key, value in table.items() if " " in key}


class FastVader:
    """vaderSentiment's ``polarity_scores``, exact and linear in the length of the text.

    Examples
    --------
    >>> FastVader().polarity_scores("I love this town, but the rain is awful!!")
    {'neg': 0.323, 'neu': 0.494, 'pos': 0.183, 'compound': -0.4559}
    """

    def __init__(self) -> None:
        from vaderSentiment import vaderSentiment as vs

        from arc._compat import vader_strip

        self.reference = vs.SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = self.reference.lexicon
        self._emojis: dict[str, str] = self.reference.emojis
        self._emoji_keys = frozenset(self._emojis)
        #: vaderSentiment replaces single characters; none is ASCII, so an ASCII text has none
        self._ascii_free = not any(len(k) == 1 and k.isascii() for k in self._emojis)
        self._strip = vader_strip()
        #: Why this engine scores with vaderSentiment's own ``polarity_scores`` instead of its
        #: rules (a vaderSentiment whose rules or names it does not know), or ``None``.
        self.fallback: str | None = None
        try:
            self._build(vs)
            problem = self._check()
        except Exception as error:  # a name or a signature of vaderSentiment's has changed
            problem = f"building the engine failed: {error!r}"
        if problem is not None:
            self._use_reference(problem)

    def _build(self, vs: Any) -> None:
        """Read the rules' data and functions from vaderSentiment's module ``vs``."""
        from arc._compat import vader_but_check, vader_emphasis

        self._boosters: dict[str, float] = vs.BOOSTER_DICT
        self._special = _ngrams(vs.SPECIAL_CASES)
        self._booster_ngrams = _ngrams(vs.BOOSTER_DICT)
        self._c_incr: float = vs.C_INCR
        self._n_scalar: float = vs.N_SCALAR
        self._scalar_inc_dec = vs.scalar_inc_dec
        self._normalize = vs.normalize
        self._emphasis = vader_emphasis(self.reference)
        self._but_rule = vader_but_check(self.reference)
        ngrams = [*self._special, *self._booster_ngrams]
        starts = frozenset(key[0] for key in ngrams)
        read = _RULE_WORDS.union(*ngrams)
        self._tokens = _Tokens(self._strip, self.lexicon, self._boosters, vs.negated, starts, read)
        #: The emphasis of a text without "!" or "?" (vaderSentiment counts only those).
        self._no_emphasis = self._emphasis("")

    def _check(self) -> str | None:
        """What differs between this engine and vaderSentiment on :data:`PROBES`, if anything."""
        reference = self.reference.polarity_scores
        for text in PROBES:
            if self.polarity_scores(text) != reference(text):
                return f"it scores {text!r} unlike vaderSentiment"
        return None

    def _use_reference(self, problem: str) -> None:
        """Score with vaderSentiment itself from now on (the fallback), and say so."""
        from arc._compat import fall_back

        self.fallback = problem
        # Lexicon counts need only the tokens and the lexicon.
        self._tokens = _Tokens(
            self._strip, self.lexicon, {}, _no_negation, frozenset(), frozenset()
        )
        fall_back(
            "VADER engine",
            problem,
            warn="arc's VADER engine does not match this vaderSentiment "
            f"({problem}); scoring with vaderSentiment's own polarity_scores, which is "
            "exact but slower on long texts",
        )

    # -- text -----------------------------------------------------------------------------

    def _has_emoji(self, text: str) -> bool:
        """Whether ``text`` holds a character vaderSentiment replaces with its description."""
        if self._ascii_free and text.isascii():
            return False
        return not self._emoji_keys.isdisjoint(text)

    def _replace_emoji(self, text: str) -> str:
        """Each emoji character replaced by its description, as vaderSentiment's loop does."""
        emojis = self._emojis
        out = []
        prev_space = True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``{"neg", "neu", "pos", "compound"}`` exactly as vaderSentiment gives them."""
        if type(text) is not str or self.fallback is not None:
            return self.reference.polarity_scores(text)
        # vaderSentiment strips the text, which changes neither its words nor its "!" and "?"
        if self._has_emoji(text):
            text = self._replace_emoji(text)
        tokens = text.split()
        info = list(map(self._tokens.__getitem__, tokens))
        compound, pos, neu, neg = self._scores(text, tokens, info)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def scores_and_counts(
        self, texts: Iterable[str]
    ) -> tuple[list[tuple[float, float, float, float]], list[tuple[int, int]]]:
        """Each text's ``(compound, pos, neu, neg)`` and ``(known, words)``, in one pass.

        The scores are :meth:`polarity_scores`'s; the counts :meth:`known_words`'s. Each
        text is split and its tokens looked up once for both, where calling the two
        separately splits and looks up every text twice.
        """
        if self.fallback is not None:
            texts = list(texts)
            found = map(self.polarity_scores, texts)
            scored = [(s["compound"], s["pos"], s["neu"], s["neg"]) for s in found]
            return scored, self.known_words(texts)
        get = self._tokens.__getitem__
        ascii_free, emoji_free = self._ascii_free, self._emoji_keys.isdisjoint
        scores = self._scores
        out: list[tuple[float, float, float, float]] = []
        counts: list[tuple[int, int]] = []
        for text in texts:
            if type(text) is not str:
                s = self.polarity_scores(text)
                out.append((s["compound"], s["pos"], s["neu"], s["neg"]))
                counts.extend(self.known_words([text]))
                continue
            tokens = text.split()
            info = list(map(get, tokens))
            counts.append((sum(map(_KNOWN, info)), len(tokens)))
            if not (ascii_free and text.isascii()) and not emoji_free(text):
                # scored with the emoji's descriptions, counted without them
                text = self._replace_emoji(text)
                tokens = text.split()
                info = list(map(get, tokens))
            out.append(scores(text, tokens, info))
        return out, counts

    def known_words(self, texts: Iterable[str]) -> list[tuple[int, int]]:
        """``(known, words)`` for each text: its tokens in the lexicon, of its tokens.

        A token is a whitespace-separated word stripped as vaderSentiment strips it, known
        when its lowercase form is in the lexicon. Counted on the text as given: emoji are
        not replaced by their descriptions and count as unknown tokens.
        """
        get = self._tokens.__getitem__
        out = []
        for text in texts:
            tokens = text.split()
            out.append((sum(map(_KNOWN, map(get, tokens))), len(tokens)))
        return out

    def valences(self, text: str) -> Valences:
        """The valences vaderSentiment sums for ``text``, word by word, and its emphasis.

        A :class:`Valences`: the numbers :meth:`polarity_scores` sums, from the same rules,
        equal to what ``arc.analysis.explanation`` records stepping through vaderSentiment's
        methods.

        Examples
        --------
        >>> v = FastVader().valences("I love this town, but the rain is awful!!")
        >>> [(w, round(x, 3)) for w, x in zip(v.words, v.valences) if x], round(v.emphasis, 3)
        ([('love', 1.6), ('awful', -3.0)], -0.584)
        """
        if not isinstance(text, str):
            raise TypeError(f"valences() takes a str, not {type(text).__name__}")
        text = str(text)
        if self.fallback is not None:
            return _recorded_valences(text)
        if self._has_emoji(text):
            text = self._replace_emoji(text)
        tokens = text.split()
        words = list(map(self._strip, tokens))
        if not tokens:
            return Valences(words, [], 0.0)
        info = list(map(self._tokens.__getitem__, tokens))
        scored = list(compress(range(len(info)), map(_SCORED, info)))
        sentiments = self._sentiments(tokens, info, scored, len(info))
        total = float(sum(sentiments))
        amplifier = self._emphasis(text)
        emphasis = amplifier if total > 0 else -amplifier if total < 0 else 0.0
        return Valences(words, sentiments, emphasis)

    # -- the rules ------------------------------------------------------------------------

    def _sentiments(
        self, tokens: list[str], info: list[Any], scored: list[int], n: int
    ) -> list[Any]:
        """The ``sentiments`` of vaderSentiment: each word's valence after every rule and "but"."""
        sentiments: list[Any] = [0] * n
        lower = list(map(_LOWER, info))
        if scored:
            caps = sum(map(_ISUPPER, info))
            cap_diff = 0 < caps < n
            for i in scored:
                if lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of":
                    continue
                sentiments[i] = self._valence(info, lower, i, n, cap_diff)
        if "but" in lower:
            self._but(sentiments, lower.index("but"), scored, tokens, n)
        return sentiments

    def _scores(
        self, text: str, tokens: list[str], info: list[Any]
    ) -> tuple[float, float, float, float]:
        """``(compound, pos, neu, neg)`` of a text (emoji replaced), its tokens and entries."""
        n = len(info)
        if not n:
            return _EMPTY
        scored = list(compress(range(n), map(_SCORED, info)))
        if not scored:  # every valence is 0 (so is the sum, whatever "but" does): neutral
            return _NEUTRAL
        return self._score(self._sentiments(tokens, info, scored, n), scored, n, text)

    def _valence(self, info: list[Any], lower: Any, i: int, n: int, cap_diff: bool) -> Any:
        """``sentiment_valence`` for the lexicon word at ``i``, in vaderSentiment's order."""
        lexicon = self.lexicon
        n_scalar = self._n_scalar
        item, isupper = info[i][1], info[i][2]
        valence = lexicon[item]
        if item == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[item] * n_scalar
        if isupper and cap_diff:
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        # The three preceding words, nearest first (vaderSentiment's start_i = 0, 1, 2): a
        # booster's scalar (dampened with distance), then _negation_check, then at the third
        # word _special_idioms_check. A lexicon word does not modify its neighbour.
        if i > 0 and not info[i - 1][3]:
            prev = info[i - 1]
            s = self._scalar_inc_dec(prev[0], valence, cap_diff) if prev[4] else 0.0
            valence = valence + s
            if prev[5]:
                valence = valence * n_scalar
        if i > 1 and not info[i - 2][3]:
            prev = info[i - 2]
            s = self._scalar_inc_dec(prev[0], valence, cap_diff) if prev[4] else 0.0
            if s != 0:
                s = s * 0.95
            valence = valence + s
            w2, w1 = lower[i - 2], lower[i - 1]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif prev[5]:
                valence = valence * n_scalar
        if i > 2 and not info[i - 3][3]:
            prev = info[i - 3]
            s = self._scalar_inc_dec(prev[0], valence, cap_diff) if prev[4] else 0.0
            if s != 0:
                s = s * 0.9
            valence = valence + s
            w3, w2, w1 = lower[i - 3], lower[i - 2], lower[i - 1]
            if (w3 == "never" and (w2 == "so" or w2 == "this")) or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif prev[5]:
                valence = valence * n_scalar
            if prev[7] or info[i - 2][7] or info[i - 1][7] or info[i][7]:
                # every idiom and multiword booster starts at one of these four words
                valence = self._idioms(valence, lower, i, n)
        # _least_check
        if i > 1 and not info[i - 1][3] and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and not info[i - 1][3] and lower[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    def _idioms(self, valence: Any, lower: Any, i: int, n: int) -> Any:
        """``_special_idioms_check`` (called when ``i > 2``), idioms looked up as tuples."""
        special = self._special
        w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
        for seq in ((w1, w0), (w2, w1, w0), (w2, w1), (w3, w2, w1), (w3, w2)):
            if seq in special:
                valence = special[seq]
                break
        if n - 1 > i:
            seq = (w0, lower[i + 1])
            if seq in special:
                valence = special[seq]
        if n - 1 > i + 1:
            seq = (w0, lower[i + 1], lower[i + 2])
            if seq in special:
                valence = special[seq]
        boosters = self._booster_ngrams
        for seq in ((w3, w2, w1), (w3, w2), (w2, w1)):
            if seq in boosters:
                valence = valence + boosters[seq]
        return valence

    def _but(
        self, sentiments: list[Any], bi: int, scored: list[int], tokens: list[str], n: int
    ) -> None:
        """Apply vaderSentiment's ``_but_check`` to ``sentiments`` in place, exactly.

        For each position k in order, vaderSentiment takes the value ``v`` now at k (never yet
        changed: changes only reach positions up to the current one) and rescales the first
        position ``si`` whose current value equals ``v`` by 0.5 (before the first "but") or
        1.5 (after it). Zeros stay zeros, so every zero iteration rescales the first zero
        position; its final value is the last zero's value times its factor. Nonzero values
        are tracked by heaps of the positions holding each value.
        """
        original = list(sentiments)
        nonzero = [k for k in scored if sentiments[k] != 0]
        if len(nonzero) < n:
            zeros = set(nonzero)
            first = next(k for k in range(n) if k not in zeros)
            last = next(k for k in range(n - 1, -1, -1) if k not in zeros)
            if first < bi:
                sentiments[first] = sentiments[last] * 0.5
            elif first > bi:
                sentiments[first] = sentiments[last] * 1.5
        heaps: dict[Any, list[int]] = {}
        for k in nonzero:
            heaps.setdefault(sentiments[k], []).append(k)  # ascending: already a heap
        for k in nonzero:
            v = sentiments[k]
            heap = heaps[v]
            while sentiments[heap[0]] != v:
                heappop(heap)
            si = heap[0]
            if si < bi:
                new = v * 0.5
            elif si > bi:
                new = v * 1.5
            else:
                continue
            if new == 0:  # a value too small to halve: never from VADER's valences
                words = list(map(self._strip, tokens))
                sentiments[:] = self._but_rule(words, original)
                return
            sentiments[si] = new
            heappush(heaps.setdefault(new, []), si)

    def _score(
        self, sentiments: list[Any], scored: list[int], n: int, text: str
    ) -> tuple[float, float, float, float]:
        """``score_valence``: the sum, punctuation emphasis, proportions and rounding."""
        sum_s = float(sum(sentiments))
        if "!" in text or "?" in text:
            punct_emph_amplifier = self._emphasis(text)
        else:
            punct_emph_amplifier = self._no_emphasis
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = self._normalize(sum_s)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = n
        for k in scored:
            sentiment_score = sentiments[k]
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
                neu_count -= 1
            elif sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
                neu_count -= 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
        return (round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3))
