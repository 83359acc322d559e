"""Every use arc makes of another package's private parts, each with a plain fallback.

arc leans on the internals of nltk and vaderSentiment (and one of nrclex) for speed and for
the explanations, and this module is the only one that touches them. Each private name is
looked up here, once, when the piece that needs it is built; if it is missing, or the piece
fails a check against the package's public answer, the plain way is used instead and
:data:`FALLBACKS` says which and why. The plain ways give the same results, only slower
(or, for the explanation's rule names, less detailed):

=================================  ============================================================
private part                       plain fallback
=================================  ============================================================
CPython's module locks, module     ``import nltk.tokenize.punkt`` the ordinary way, which runs
classes and a ``sys.meta_path``    nltk's ``__init__`` (0.8 to 1.2 s more here: it imports
finder, to load Punkt without      scipy's statistics) (:func:`punkt_module`)
nltk's package ``__init__``
Punkt's ``_Token``,                nltk's own ``PunktSentenceTokenizer``, remembering nothing:
``_first_pass_annotation``,        the same sentences, found in half as long again
``_second_pass_annotation``,       (:func:`punkt_tokenizer`)
``_lang_vars``
``SentiText._strip_punc_if_word``  ``SentiText(token).words_and_emoticons``, its public result
``_punctuation_emphasis``          vaderSentiment 3.3.2's rule, copied (:func:`emphasis_332`)
``_but_check``                     vaderSentiment 3.3.2's rule, copied (:func:`but_check_332`)
the analyzer's rule methods        explanations do not name the rule of a method that is gone;
(``_negation_check``, ...),        the valences are still vaderSentiment's own
watched by the recorder            (:func:`record_vader`); without ``score_valence`` nothing is
                                   recorded and the explanation uses arc's engine
                                   (``arc.score.vader``)
``NRCLex().__lexicon__``           ``load_token_list`` and its ``affect_dict`` (:func:`nrc_known`)
=================================  ============================================================

arc's VADER engine (``arc.score.vader.FastVader``) checks itself against vaderSentiment's
own ``polarity_scores`` when it is built and, if they disagree, scores with vaderSentiment
itself and says so (an :class:`~arc.errors.ArcWarning`, its ``fallback`` and
:data:`FALLBACKS`).

``pyproject.toml`` bounds nltk and vaderSentiment below their next minor releases, and CI runs
the tests that depend on these parts against the newest releases too (``make test-newest``):
``tests/test_compat.py`` fails there as soon as a fallback is needed, while arc keeps working.
Layer 0: this module imports nothing of arc's but :mod:`arc.errors`.
"""

from __future__ import annotations

import contextlib
import types
import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from arc.errors import ArcWarning

__all__ = [
    "FALLBACKS",
    "SENTBREAK_CACHE",
    "VaderRecord",
    "but_check_332",
    "close_result_pipe",
    "emphasis_332",
    "executor_parts",
    "fall_back",
    "nrc_known",
    "punkt_module",
    "punkt_tokenizer",
    "record_vader",
    "vader_but_check",
    "vader_emphasis",
    "vader_strip",
]

#: The fallbacks in use in this process: what fell back, and why.
FALLBACKS: dict[str, str] = {}


def fall_back(part: str, reason: str, warn: str | None = None) -> None:
    """Note that ``part`` uses its plain fallback because of ``reason``; warn once if asked."""
    if part not in FALLBACKS and warn:
        warnings.warn(warn, ArcWarning, stacklevel=3)
    FALLBACKS.setdefault(part, reason)


# ------------------------------------------------------------------ nltk: loading Punkt

#: The packages whose ``__init__`` :func:`punkt_module` leaves for later: the parents of Punkt.
_DEFERRED = ("nltk", "nltk.tokenize")
_PUNKT = "nltk.tokenize.punkt"


class _Pending(types.ModuleType):
    """A package :func:`punkt_module` loaded without its ``__init__``, not yet imported.

    Only reachable by a thread that imported nltk while :func:`punkt_module` was loading it:
    the first attribute it misses imports the package for real (see :class:`_Resume`).
    """

    def __getattr__(self, name: str) -> Any:
        import importlib

        module = importlib.import_module(self.__name__)
        if module is self and isinstance(self, _Pending):  # not resumed: do not recurse
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        return getattr(module, name)


class _Resume:
    """A meta path finder that finishes importing the packages :func:`punkt_module` left unrun.

    When nltk (or ``nltk.tokenize``) is imported later, the import system gets the package
    object arc already holds, with the submodules Punkt loaded as its attributes, and runs
    its ``__init__`` on it: the result is what ``import nltk`` gives in any process, the same
    module objects as arc's Punkt (one ``nltk.redos``, one ``PunktSentenceTokenizer``
    class). The finder removes itself once every package it holds has been imported.
    """

    def __init__(self, packages: list[types.ModuleType]) -> None:
        self.packages = {p.__name__: p for p in packages}

    def find_spec(self, name: str, path: object = None, target: object = None) -> Any:
        package = self.packages.get(name)
        if package is None:
            return None
        spec: Any = package.__spec__  # Any: its loader becomes one of arc's
        if not isinstance(spec.loader, _ResumeLoader):
            spec.loader = _ResumeLoader(self, package, spec.loader)
        return spec

    def done(self, name: str) -> None:
        """Forget ``name``; leave ``sys.meta_path`` when nothing is left."""
        import sys

        self.packages.pop(name, None)
        if not self.packages and self in sys.meta_path:
            sys.meta_path.remove(self)


class _ResumeLoader:
    """Loads a package :func:`punkt_module` left unrun: the same module object, now run."""

    def __init__(self, finder: _Resume, package: types.ModuleType, loader: Any) -> None:
        self.finder, self.package, self.loader = finder, package, loader

    def create_module(self, spec: Any) -> types.ModuleType:
        self.package.__class__ = types.ModuleType
        return self.package

    def exec_module(self, module: types.ModuleType) -> None:
        spec = module.__spec__
        if spec is not None:
            spec.loader = self.loader
        self.finder.done(module.__name__)
        self.loader.exec_module(module)


@lru_cache(maxsize=1)
def punkt_module() -> Any:
    """The module ``nltk.tokenize.punkt``, loaded without running nltk's package ``__init__``.

    ``import nltk`` imports most of nltk (parsers, chunkers, metrics; numpy and scipy's
    statistics among them): 0.8 to 1.2 s more on a 2-core machine, with or without pandas
    and matplotlib loaded, for one module that needs a handful of nltk's small ones. So,
    unless nltk is imported already (then it is simply used), ``nltk`` and ``nltk.tokenize``
    are made as package objects from their real specs without running their ``__init__``,
    Punkt is imported into them, and they are taken out of ``sys.modules`` again, left with
    :class:`_Resume`: a later ``import nltk`` anywhere in the process is a whole, ordinary
    import that reuses the modules already loaded. While this runs, both packages' import
    locks are held, so a thread importing nltk meanwhile waits for it, as it would for any
    import in progress; if such a thread holds one of them already, nltk is imported whole.

    The fallback, when the import system's private lock manager is missing or any step
    fails: the ordinary import (what is left of the attempt is removed first).
    """
    import importlib
    import sys
    from importlib import _bootstrap

    manager = getattr(_bootstrap, "_ModuleLockManager", None)
    if manager is None:
        fall_back("nltk loading", "importlib._bootstrap._ModuleLockManager is missing")
        return importlib.import_module(_PUNKT)
    with contextlib.ExitStack() as locks:
        try:
            for package in _DEFERRED:
                locks.enter_context(manager(package))
        except RuntimeError:  # the import system saw a lock cycle with a thread importing nltk
            locks.close()
            return importlib.import_module(_PUNKT)
        if _PUNKT in sys.modules or _DEFERRED[0] in sys.modules:
            return importlib.import_module(_PUNKT)
        try:
            return _import_bare()
        except Exception as error:
            fall_back("nltk loading", f"loading Punkt alone failed: {error!r}")
            return importlib.import_module(_PUNKT)


def _import_bare() -> Any:
    """Import Punkt with the packages of ``_DEFERRED`` present but not run (see above).

    On any failure every nltk module the attempt put in ``sys.modules`` is taken out again
    and no finder is left, so that an ordinary import can follow.
    """
    import importlib
    import importlib.util
    import sys

    before = {name for name in sys.modules if name.partition(".")[0] == "nltk"}
    bare: list[types.ModuleType] = []
    specs: list[Any] = []  # Any: their private ``_initializing`` is set
    loaded = False
    try:
        for package in _DEFERRED:
            spec: Any = importlib.util.find_spec(package)
            if spec is None or spec.loader is None or spec.submodule_search_locations is None:
                break  # not an ordinary package: leave it to the import system
            module = importlib.util.module_from_spec(spec)
            spec._initializing = True  # other threads wait for the lock held in punkt_module
            sys.modules[package] = module
            bare.append(module)
            specs.append(spec)
            parent, _, child = package.rpartition(".")
            if parent:
                setattr(sys.modules[parent], child, module)
        if len(bare) < len(_DEFERRED):
            for module in bare:
                del sys.modules[module.__name__]
            bare = []
        punkt = importlib.import_module(_PUNKT)
        for module in bare:
            module.__class__ = _Pending
        loaded = True
        return punkt
    finally:
        for spec in specs:
            spec._initializing = False
        for module in bare:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]
        if bare and loaded:
            sys.meta_path.insert(0, _Resume(bare))
        elif not loaded:
            for name in [n for n in sys.modules if n.partition(".")[0] == "nltk"]:
                if name not in before:
                    del sys.modules[name]


# ------------------------------------------------------- nltk: Punkt remembering verdicts

#: How many contexts, pairs of words and words the tokenizer remembers Punkt's verdicts on
#: (see :func:`_memo_class`); a table that fills up starts again. War and Peace has 19,700
#: distinct contexts, 17,100 pairs and 1,600 words after them: the tables stay under 3 MiB
#: and split it as fast as unbounded ones (twice as many entries were no faster).
SENTBREAK_CACHE = 1 << 14
#: What :func:`punkt_tokenizer` checks the remembering tokenizer on against nltk's own:
#: abbreviations, initials, numbers, ellipses, quotes, brackets and line breaks.
_PUNKT_PROBE = (
    'Mr. Brown met Dr. Watson at 5 p.m. on Baker St. in London. "Is it?" he asked.\n'
    "J. R. R. Tolkien wrote it... Then 3.5 km. It ended. (Yes.) No! A. B. c. "
    "Mrs. Smith, etc. The U.S. army. Vol. II. He said so.  Fine? yes. I. The end."
)


def punkt_tokenizer(punkt: Any, params: Any) -> Any:
    """A ``PunktSentenceTokenizer`` of nltk's with ``params``, remembering its verdicts if it can.

    The remembering tokenizer (:func:`_memo_class`) calls four private parts of Punkt; it is
    used when they are there and it splits a probe text exactly as nltk's own tokenizer does.
    Otherwise (the fallback) nltk's own tokenizer is returned: the same sentences, slower.
    """
    plain = punkt.PunktSentenceTokenizer(params)
    try:
        memo = _memo_class(punkt)(params)
        for part in ("_Token", "_first_pass_annotation", "_second_pass_annotation"):
            if not callable(getattr(memo, part, None)):
                raise AttributeError(f"PunktSentenceTokenizer has no {part}")
        memo._lang_vars.word_tokenize  # noqa: B018  (raises AttributeError if it is gone)
        same = list(memo.span_tokenize(_PUNKT_PROBE)) == list(plain.span_tokenize(_PUNKT_PROBE))
        if not same:
            raise ValueError("the remembering tokenizer splits the probe differently")
    except Exception as error:
        fall_back("Punkt verdicts remembered", repr(error))
        return plain
    return _memo_class(punkt)(params)  # a fresh one: the probe's verdicts are not kept


@cache
def _memo_class(punkt: Any) -> type:
    """Punkt's sentence tokenizer with its verdict on each candidate period remembered.

    Punkt decides each candidate sentence end with ``text_contains_sentbreak(context)``, the
    word before the period, the period and what follows it: most of the time splitting
    takes, and a pure function of the context for fixed parameters. Its answer is whether
    some word of the context that is followed by another word is a sentence break; Punkt
    annotates word by word (a first pass on each word alone, then a second pass on each word
    with the word after it, which changes only the first of the two), so a word's verdict
    depends on that word and the next one alone. Both are remembered: the verdict on a whole
    context (a fifth of them repeat in a novel) and, for a new context, the verdict on each
    pair of consecutive words, computed by nltk's own annotation methods. The answers are
    nltk's own; only nltk's time limit on regular expressions (``nltk.redos``) is met less
    often, as less matching is done.
    """
    base: type = punkt.PunktSentenceTokenizer

    class MemoPunktSentenceTokenizer(base):
        """``PunktSentenceTokenizer`` remembering its verdicts (see :func:`_memo_class`)."""

        def __init__(self, params: Any) -> None:
            super().__init__(params)
            self._context_breaks: dict[str, bool] = {}
            self._pair_breaks: dict[str, bool] = {}
            self._words: dict[str, Any] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            """Whether ``text`` holds a sentence break followed by a word, as nltk says."""
            found = self._context_breaks.get(text)
            if found is None:
                found = self._contains_break(text)
                if len(self._context_breaks) >= SENTBREAK_CACHE:
                    self._context_breaks.clear()
                self._context_breaks[text] = found
            return found

        def _contains_break(self, text: str) -> bool:
            """The answer of nltk's ``text_contains_sentbreak``, found word pair by word pair."""
            pairs = self._pair_breaks
            before = None
            for line in text.split("\n"):  # as nltk's _tokenize_words reads the text
                if not line.strip():
                    continue
                for word in self._lang_vars.word_tokenize(line):
                    if before is not None:
                        key = f"{before}\n{word}"  # no word holds a line break
                        breaks = pairs.get(key)
                        if breaks is None:
                            breaks = self._breaks_before(before, word)
                            if len(pairs) >= SENTBREAK_CACHE:
                                pairs.clear()
                            pairs[key] = breaks
                        if breaks:
                            return True
                    before = word
            return False

        def _breaks_before(self, word: str, following: str) -> bool:
            """Whether Punkt makes ``word`` a sentence break when ``following`` comes next.

            The second pass changes only the first word's token, so the token of the word
            after it (annotated by the first pass alone) is made once and kept.
            """
            first = self._Token(word)
            self._first_pass_annotation(first)
            self._second_pass_annotation(first, self._annotated(following))
            return bool(first.sentbreak)

        def _annotated(self, word: str) -> Any:
            """``word``'s token after the first pass, made once (never changed after)."""
            token = self._words.get(word)
            if token is None:
                token = self._Token(word)
                self._first_pass_annotation(token)
                if len(self._words) >= SENTBREAK_CACHE:
                    self._words.clear()
                self._words[word] = token
            return token

    return MemoPunktSentenceTokenizer


# ------------------------------------------------------------------ vaderSentiment: rules


def vader_strip() -> Callable[[str], str]:
    """The token vaderSentiment makes of a whitespace-separated word (``_strip_punc_if_word``).

    Fallback: the public ``SentiText(word).words_and_emoticons``, the same token (a word
    holds no whitespace, so it is the one token of that text), made with more work.
    """
    from vaderSentiment import vaderSentiment as vs

    strip = getattr(vs.SentiText, "_strip_punc_if_word", None)
    if callable(strip):
        return strip
    fall_back("vaderSentiment tokens", "SentiText._strip_punc_if_word is missing")
    senti_text = vs.SentiText

    def strip_word(word: str) -> str:
        return senti_text(word).words_and_emoticons[0]

    return strip_word


def vader_emphasis(analyzer: Any) -> Callable[[str], float]:
    """The "!" and "?" emphasis ``analyzer`` adds to a text's sum (``_punctuation_emphasis``).

    Fallback: :func:`emphasis_332`, vaderSentiment 3.3.2's rule.
    """
    emphasis = getattr(analyzer, "_punctuation_emphasis", None)
    if callable(emphasis):
        return emphasis
    fall_back("vaderSentiment emphasis", "SentimentIntensityAnalyzer._punctuation_emphasis")
    return emphasis_332


def emphasis_332(text: str) -> float:
    """The ``_punctuation_emphasis`` of vaderSentiment 3.3.2, with its arithmetic (bit for bit)."""
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def vader_but_check(analyzer: Any) -> Callable[[list[str], list[Any]], list[Any]]:
    """The "but" rule of vaderSentiment on a list of valences, in place (``_but_check``).

    Fallback: :func:`but_check_332`, vaderSentiment 3.3.2's rule.
    """
    check = getattr(analyzer, "_but_check", None)
    if callable(check):
        return check
    fall_back("vaderSentiment but", "SentimentIntensityAnalyzer._but_check is missing")
    return but_check_332


def but_check_332(words: list[str], sentiments: list[Any]) -> list[Any]:
    """The ``_but_check`` of vaderSentiment 3.3.2: its quirks and its arithmetic, in place."""
    lower = [str(w).lower() for w in words]
    if "but" in lower:
        bi = lower.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


# --------------------------------------------------- vaderSentiment: recording the valences


class VaderRecord(NamedTuple):
    """What vaderSentiment summed for a text, recorded while its own methods ran.

    ``scores`` is its ``polarity_scores``; ``words`` its tokens of the text it scored (emoji
    replaced); ``valences`` the list ``score_valence`` received, one per word, after every
    rule; ``rules`` the rules that changed each word's valence (see :func:`record_vader`);
    ``emphasis`` the "!" and "?" emphasis of the text, unsigned; ``lexicon`` the analyzer's.
    """

    scores: dict[str, float]
    words: list[str]
    valences: list[Any]
    rules: list[set[str]]
    emphasis: float
    lexicon: dict[str, float]


#: The analyzer's private methods the recorder watches, and the rule each one names.
_RULE_METHODS = {
    "_negation_check": "negation",
    "_special_idioms_check": "idiom",
    "_least_check": "least",
}


def record_vader(text: str) -> VaderRecord | None:
    """What vaderSentiment's own ``polarity_scores(text)`` gives, with the valences it summed.

    A recording subclass of vaderSentiment's analyzer runs its ``polarity_scores``: every
    method as vaderSentiment wrote it; the overrides only watch inputs and outputs. Rules are
    named from the private methods that changed a valence (``negation``, ``idiom``,
    ``least``, ``but``) and, for the rules VADER applies inline, from the words it looked at
    (``booster``, ``capitals``, ``no``). Fallbacks: a private method that is gone names no
    rule (an :class:`~arc.errors.ArcWarning` says so); if ``score_valence`` is not called,
    nothing is recorded and the answer is ``None`` (the caller uses arc's engine).
    """
    analyzer = _recorder()
    scores = analyzer.polarity_scores(text)
    if analyzer.recorded is None:
        fall_back("vaderSentiment valences", "score_valence was not called")
        return None
    from vaderSentiment.vaderSentiment import SentiText

    sentiments, scored = analyzer.recorded
    words = SentiText(scored).words_and_emoticons
    emphasis = vader_emphasis(analyzer)(scored)
    return VaderRecord(scores, words, sentiments, analyzer.rules, emphasis, analyzer.lexicon)


@cache
def _recorder() -> Any:
    """One recording analyzer (VADER reads its lexicon once); see :func:`record_vader`."""
    from vaderSentiment import vaderSentiment as vs

    base: type = vs.SentimentIntensityAnalyzer
    missing = [name for name in (*_RULE_METHODS, "_but_check") if not hasattr(base, name)]
    if missing:
        fall_back(
            "vaderSentiment rule names",
            f"SentimentIntensityAnalyzer has no {', '.join(missing)}",
            warn=f"explanations cannot name vaderSentiment's rules {', '.join(missing)} "
            "(this vaderSentiment renamed them); the valences are still its own",
        )
    boosters: dict[str, float] = getattr(vs, "BOOSTER_DICT", {})

    class _Recorder(base):
        """vaderSentiment's analyzer, noting which of its rules changed each word's valence."""

        def polarity_scores(self, text: str) -> dict[str, float]:
            self.recorded: tuple[list[Any], str] | None = None
            self.rules: list[set[str]] = []
            self._fired: set[str] = set()
            return super().polarity_scores(text)

        def sentiment_valence(
            self, valence: float, sentitext: Any, item: str, i: int, sentiments: list[float]
        ) -> list[float]:
            while len(self.rules) < i:
                self.rules.append(set())
            self._fired = set()
            words = sentitext.words_and_emoticons
            lower = item.lower()
            if lower in self.lexicon:
                if item.isupper() and sentitext.is_cap_diff:
                    self._fired.add("capitals")
                before = [w.lower() for w in words[max(0, i - 3) : i]]
                if any(w in boosters and w not in self.lexicon for w in before):
                    self._fired.add("booster")
                if "no" in before[-2:] or (
                    lower == "no" and i + 1 < len(words) and words[i + 1].lower() in self.lexicon
                ):
                    self._fired.add("no")
            out = super().sentiment_valence(valence, sentitext, item, i, sentiments)
            self.rules.append(self._fired)
            return out

        def _watch(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            """Call the base's ``name``; note its rule when it changed the valence (arg 0)."""
            out = getattr(super(), name)(*args, **kwargs)
            if args and out != args[0]:
                self._fired.add(_RULE_METHODS[name])
            return out

        def _negation_check(self, *args: Any, **kwargs: Any) -> Any:
            return self._watch("_negation_check", args, kwargs)

        def _special_idioms_check(self, *args: Any, **kwargs: Any) -> Any:
            return self._watch("_special_idioms_check", args, kwargs)

        def _least_check(self, *args: Any, **kwargs: Any) -> Any:
            return self._watch("_least_check", args, kwargs)

        def _but_check(self, *args: Any, **kwargs: Any) -> Any:
            before = list(args[1]) if len(args) > 1 else []
            out = super()._but_check(*args, **kwargs)
            while len(self.rules) < len(out):
                self.rules.append(set())
            for k, (old, new) in enumerate(zip(before, out, strict=False)):
                if old != new:
                    self.rules[k].add("but")
            return out

        def score_valence(self, sentiments: list[Any], text: str) -> dict[str, float]:
            self.recorded = (list(sentiments), text)
            return super().score_valence(sentiments, text)

    return _Recorder()


# ------------------------------------------------------------------------------- nrclex


def nrc_known(nrc: Any) -> Callable[[list[str]], int]:
    """How many of a list of words NRC EmoLex has, read from ``nrc``, an ``NRCLex()``.

    Read from the lexicon it holds (``__lexicon__``). Fallback: another ``NRCLex()`` loads
    the words (``load_token_list``) and its public ``affect_dict`` holds those of them the
    lexicon has, the same count.
    """
    lexicon = getattr(nrc, "__lexicon__", None)
    if isinstance(lexicon, dict):
        return lambda words: sum(w in lexicon for w in words)
    fall_back("nrclex lexicon", "NRCLex().__lexicon__ is missing")
    nrc = type(nrc)()

    def known(words: list[str]) -> int:
        nrc.load_token_list(words)
        found = nrc.affect_dict
        return sum(w in found for w in words)

    return known


# ------------------------------------------------ concurrent.futures: ending a pool at once


def executor_parts(executor: Any) -> tuple[Any, list[Any], Any] | None:
    """A ``ProcessPoolExecutor``'s manager thread, worker processes and result queue.

    A running call cannot be stopped through the executor's public API, so
    :class:`arc.parallel.Pool` ends its workers itself when it must stop at once (Ctrl-C,
    an error). These attributes are private (stable from Python 3.9 to 3.13). ``None``
    when they are gone: the caller then shuts the executor down the public way, waiting
    for the calls under way.
    """
    try:
        thread = executor._executor_manager_thread
        workers = list((executor._processes or {}).values())
        results = executor._result_queue
    except AttributeError as exc:
        fall_back("ProcessPoolExecutor internals", f"{type(exc).__name__}: {exc}")
        return None
    return thread, workers, results


def close_result_pipe(results: Any) -> None:
    """Close the pool's end of its result pipe, so a result cut short reads as its end."""
    with contextlib.suppress(OSError, AttributeError):
        results._writer.close()
