"""An exact, linear-time VADER: vaderSentiment's ``polarity_scores``, field for field, fast.

:class:`FastVader` returns exactly (``==`` on ``neg``, ``neu``, ``pos`` and ``compound``)
what ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores(text)``
returns, for every input. vaderSentiment stays the reference and the source of all data:
the lexicon and the emoji descriptions are read from an analyzer it builds, and
``BOOSTER_DICT``, ``NEGATE`` (through its ``negated``), ``SPECIAL_CASES``, ``B_INCR``,
``C_INCR``, ``N_SCALAR``, ``normalize``, ``scalar_inc_dec``, the punctuation emphasis and
the tokenizer (``SentiText._strip_punc_if_word``) are taken from the installed module when
the engine is built, never copied.

The rules are vaderSentiment's, applied in its order with its arithmetic (so the floats are
bit-identical); only the bookkeeping differs, which makes the cost linear in the length of
the text where vaderSentiment's grows with its square (it lowercases the whole word list
again for every sentiment word, and its "but" rule searches the list for every word):

- the text is scanned for emoji in C (a set test) and rebuilt character by character, with
  vaderSentiment's spacing rule, only when it has one;
- each distinct whitespace token is stripped, lowercased and looked up once (lexicon,
  boosters, negations) and the result cached, so a text costs one dictionary lookup a word;
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
"""

from __future__ import annotations

import math
from heapq import heappop, heappush
from itertools import compress
from operator import itemgetter
from typing import Any

__all__ = ["FastVader"]

#: A token's ``scored`` flag (see :class:`_Tokens`).
_SCORED = itemgetter(6)


_Info = tuple[str, str, bool, bool, bool, bool, bool, bool]


class _Tokens(dict[str, _Info]):
    """What vaderSentiment's rules need to know of each whitespace token, cached.

    A token's entry is ``(word, lower, isupper, in_lexicon, booster, negation, scored,
    starts)``: ``word`` is vaderSentiment's token (``SentiText._strip_punc_if_word``), ``lower`` its
    ``lower()``; ``isupper`` is ``word.isupper()``; the flags say whether ``lower`` is in the
    lexicon, in ``BOOSTER_DICT``, a negation (``negated([lower])``), goes through the rules
    (in the lexicon and not a booster), and is the first word of a multiword idiom or
    booster. Cached token by token and emptied when it holds :attr:`LIMIT` tokens.
    """

    LIMIT = 500_000

    def __init__(self, strip: Any, lexicon: dict[str, float], boosters: dict[str, float],
                 negated: Any, starts: frozenset[str]) -> None:  # fmt: skip
        super().__init__()
        self._strip = strip
        self._lexicon = lexicon
        self._boosters = boosters
        self._negated = negated
        self._starts = starts

    def __missing__(self, token: str) -> _Info:
        if len(self) >= self.LIMIT:
            self.clear()
        word = self._strip(token)
        lower = word.lower()
        in_lexicon, booster = lower in self._lexicon, lower in self._boosters
        info = (word, lower, word.isupper(), in_lexicon, booster, bool(self._negated([lower])),
                in_lexicon and not booster, lower in self._starts)  # fmt: skip
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

        self.reference = vs.SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = self.reference.lexicon
        self._emojis: dict[str, str] = self.reference.emojis
        self._emoji_keys = frozenset(self._emojis)
        self._boosters: dict[str, float] = vs.BOOSTER_DICT
        self._special = _ngrams(vs.SPECIAL_CASES)
        self._booster_ngrams = _ngrams(vs.BOOSTER_DICT)
        self._c_incr: float = vs.C_INCR
        self._n_scalar: float = vs.N_SCALAR
        self._scalar_inc_dec = vs.scalar_inc_dec
        self._normalize = vs.normalize
        self._emphasis = self.reference._punctuation_emphasis
        starts = frozenset(key[0] for key in [*self._special, *self._booster_ngrams])
        self._tokens = _Tokens(vs.SentiText._strip_punc_if_word, self.lexicon,
                               self._boosters, vs.negated, starts)  # fmt: skip
        #: The emphasis of a text without "!" or "?" (vaderSentiment counts only those).
        self._no_emphasis = self._emphasis("")

    # -- text -----------------------------------------------------------------------------

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
        if type(text) is not str:
            return self.reference.polarity_scores(text)
        if not self._emoji_keys.isdisjoint(text):
            text = self._replace_emoji(text)
        text = text.strip()
        info = list(map(self._tokens.__getitem__, text.split()))
        n = len(info)
        if not n:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sentiments: list[Any] = [0] * n
        scored = list(compress(range(n), map(_SCORED, info)))
        if scored:  # else every valence is 0, and so is the sum whatever "but" does
            columns = list(zip(*info, strict=True))
            lower = columns[1]
            caps = sum(columns[2])
            cap_diff = 0 < caps < n
            for i in scored:
                if lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of":
                    continue
                sentiments[i] = self._valence(info, lower, i, n, cap_diff)
            if "but" in lower:
                self._but(sentiments, lower.index("but"), scored, info, n)
        return self._score(sentiments, scored, n, text)

    # -- the rules ------------------------------------------------------------------------

    def _valence(self, info: list[Any], lower: Any, i: int, n: int,
                 cap_diff: bool) -> Any:  # fmt: skip
        """``sentiment_valence`` for the lexicon word at ``i``, in vaderSentiment's order."""
        lexicon = self.lexicon
        n_scalar = self._n_scalar
        item, isupper = info[i][1], info[i][2]
        valence = lexicon[item]
        if item == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") or (
                i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):  # fmt: skip
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

    def _but(self, sentiments: list[Any], bi: int, scored: list[int], info: list[Any],
             n: int) -> None:  # fmt: skip
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
                sentiments[:] = self.reference._but_check([t[0] for t in info], original)
                return
            sentiments[si] = new
            heappush(heaps.setdefault(new, []), si)

    def _score(self, sentiments: list[Any], scored: list[int], n: int,
               text: str) -> dict[str, float]:  # fmt: skip
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
        return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3),
                "compound": round(compound, 4)}  # fmt: skip
