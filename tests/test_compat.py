"""arc._compat: the private parts of nltk, vaderSentiment and nrclex arc uses, and their fallbacks.

On the versions arc supports no fallback is in use (:func:`test_no_fallback_is_in_use`, the
first test to fail when ``make test-newest`` meets a release that changed one). Each fallback
is then exercised by simulating the release that would need it: :func:`renamed` gives a
package's private name a new name, in the package and in all of its own code, as a release
that renamed it would, so the package still works and only arc's use of the old name fails.
With every fallback the results are the same as without it (explanations lose rule names
only when vaderSentiment's rule methods are gone).
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from arc import _compat
from arc.errors import ArcWarning
from arc.score.vader import PROBES
from arc.text import segment
from arc.text.io import vignette_text

vs = pytest.importorskip("vaderSentiment.vaderSentiment")

ROOT = Path(__file__).resolve().parent.parent


def _rename_code(code: types.CodeType, old: str, new: str) -> types.CodeType:
    consts = tuple(
        _rename_code(c, old, new) if isinstance(c, types.CodeType) else c for c in code.co_consts
    )
    names = tuple(new if n == old else n for n in code.co_names)
    return code.replace(co_names=names, co_consts=consts)


def _mentions(code: types.CodeType, name: str) -> bool:
    return name in code.co_names or any(
        _mentions(c, name) for c in code.co_consts if isinstance(c, types.CodeType)
    )


def _functions(module: types.ModuleType):
    """Every function written in ``module``: its own and its classes' methods."""
    found = []
    for value in vars(module).values():
        if isinstance(value, types.FunctionType):
            found.append(value)
        elif isinstance(value, type):
            for attr in vars(value).values():
                if isinstance(attr, staticmethod | classmethod):
                    found.append(attr.__func__)
                elif isinstance(attr, property):
                    found.extend(f for f in (attr.fget, attr.fset) if f is not None)
                else:
                    found.append(attr)
    own = vars(module)
    return [f for f in found if isinstance(f, types.FunctionType) and f.__globals__ is own]


def renamed(patch, module: types.ModuleType, old: str, new: str) -> None:
    """``module`` as a release that renamed its private ``old`` to ``new`` would be.

    ``patch`` is pytest's ``monkeypatch`` (or :class:`_Forever` in a child process). The
    module's own code follows the new name (each function's names rewritten in place); the
    attribute moves, on the module or on the class that defines it; arc's code still asks for
    ``old``.
    """
    for func in _functions(module):
        if _mentions(func.__code__, old):
            patch.setattr(func, "__code__", _rename_code(func.__code__, old, new))
    owners = [module, *(v for v in vars(module).values() if isinstance(v, type))]
    for owner in owners:
        if old in vars(owner):
            patch.setattr(owner, new, vars(owner)[old], raising=False)
            patch.delattr(owner, old)


@pytest.fixture
def fallbacks(monkeypatch):
    """A fresh record of fallbacks, and fresh cached pieces before and after the test."""
    record: dict[str, str] = {}
    monkeypatch.setattr(_compat, "FALLBACKS", record)
    _compat._recorder.cache_clear()
    _compat._memo_class.cache_clear()
    yield record
    _compat._recorder.cache_clear()
    _compat._memo_class.cache_clear()


def _vignette_sentences() -> list[str]:
    text = vignette_text()
    return [s.text for p in segment.split_paragraphs(text) for s in segment.split_sentences(p.text)]


# Texts for VADER: every rule, emoji, emoticons, "!" and "?", and the vignette's sentences.
VADER_TEXTS = [
    *PROBES,
    "The food was GREAT, but the service was not good at all!!",
    "Not very good, but not bad at all either :) yes!!!",
    "I hardly ever feel kinda sad, but today is sorta AMAZING??",
    "no no no, never so happy, without doubt the best \U0001f600\U0001f622",
    "at least it is not the least bit boring?!",
    *_vignette_sentences(),
]


# ------------------------------------------------------------------------- supported versions


def test_no_fallback_is_in_use(fallbacks):
    """On the versions arc supports, every private part is there and checks out."""
    from arc.analysis.explanation import explain_text
    from arc.score.vader import FastVader

    punkt = _compat.punkt_module()
    tokenizer = _compat.punkt_tokenizer(punkt, segment._parameters())
    assert type(tokenizer).__name__ == "MemoPunktSentenceTokenizer"
    assert FastVader().fallback is None
    assert _compat.record_vader("Not bad, but GREAT!") is not None
    assert explain_text("Not bad at all, but the ending was PERFECT!")["rule"].tolist() == [
        "but+negation",
        "but+capitals",
        "punctuation",
    ]
    if importlib.util.find_spec("nrclex"):
        from arc.score.scorers import NrcScorer

        NrcScorer()
    assert fallbacks == {}


def test_only_compat_touches_the_private_parts():
    """No other module of arc names these private parts or the import system's internals."""
    private = {
        "_Token",
        "_first_pass_annotation",
        "_second_pass_annotation",
        "_lang_vars",
        "_params",
        "_punctuation_emphasis",
        "_but_check",
        "_strip_punc_if_word",
        "_negation_check",
        "_special_idioms_check",
        "_least_check",
        "__lexicon__",
        "meta_path",
        "_initializing",
        "_ModuleLockManager",
        "_executor_manager_thread",
        "_processes",
        "_result_queue",
        "_writer",
    }
    found = []
    for path in sorted((ROOT / "arc").rglob("*.py")):
        if path.name == "_compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in private:
                found.append((path.name, node.attr, node.lineno))
            elif isinstance(node, ast.ImportFrom) and node.module == "importlib":
                found.extend((path.name, a.name, node.lineno) for a in node.names if "_" in a.name)
    assert found == []


# ----------------------------------------------------------------------- nltk: loading Punkt


def _child(*code: str) -> object:
    """Run the pieces of ``code`` in a fresh Python, after :func:`renamed` and :class:`_Forever`.

    Its last line of output, read as JSON.
    """
    helpers = (_rename_code, _mentions, _functions, renamed, _Forever)
    pieces = ["import types", *(inspect.getsource(f) for f in helpers), *code]
    out = subprocess.run(
        [sys.executable, "-c", "\n".join(textwrap.dedent(p) for p in pieces)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


class _Forever:
    """``monkeypatch``'s two methods, never undone (for a child process)."""

    def setattr(self, target, name, value, raising=True):
        setattr(target, name, value)

    def delattr(self, target, name):
        delattr(target, name)


STATE = """
import json, sys
from arc import _compat
from arc.text.segment import split_sentences
sentences = [s.text for s in split_sentences("Mr. Brown came at 5 p.m. He left. Dr. Who?")]
import nltk
print(json.dumps({
    "sentences": sentences,
    "fallbacks": sorted(_compat.FALLBACKS),
    "finder left": any(type(f).__name__ == "_Resume" for f in sys.meta_path),
    "nltk whole": [nltk.FreqDist("abca")["a"], nltk.wordpunct_tokenize("Hi, you.")],
    "same punkt": _compat.punkt_module() is sys.modules["nltk.tokenize.punkt"],
    "unbound": unbound(),
}))
"""
#: The nltk submodules loaded but not bound to their package (an import left half done shows
#: more of them than ``import nltk`` alone).
UNBOUND = """
import sys

def unbound():
    return sorted(
        name for name, module in sys.modules.items()
        if name.startswith("nltk.") and module is not None
        and getattr(sys.modules[name.rpartition(".")[0]], name.rpartition(".")[2], None)
        is not module
    )
"""
EXPECTED = {
    "sentences": ["Mr. Brown came at 5 p.m.", "He left.", "Dr. Who?"],
    "finder left": False,
    "nltk whole": [2, ["Hi", ",", "you", "."]],
    "same punkt": True,
}


@pytest.fixture(scope="module")
def expected():
    """What the state reads in a Python where arc never ran, beside :data:`EXPECTED`."""
    found = _child(UNBOUND, "import json, nltk; print(json.dumps(unbound()))")
    return {**EXPECTED, "unbound": found}


def test_punkt_loading_without_a_fallback(expected):
    assert _child(UNBOUND, STATE) == {**expected, "fallbacks": []}


def test_punkt_loads_the_plain_way_without_the_lock_manager(expected):
    found = _child(
        UNBOUND,
        """
        import importlib._bootstrap
        renamed(_Forever(), importlib._bootstrap, "_ModuleLockManager", "_ModuleLocks")
        """,
        STATE,
    )
    assert found == {**expected, "fallbacks": ["nltk loading"]}


def test_punkt_loads_the_plain_way_when_loading_it_alone_fails(expected):
    # The first import of nltk.tokenize.api (Punkt imports it, after other nltk modules)
    # fails: what the attempt loaded is removed, and the ordinary import then succeeds.
    found = _child(
        UNBOUND,
        """
        import sys

        class FailOnce:
            failed = False

            def find_spec(self, name, path=None, target=None):
                if name == "nltk.tokenize.api" and not FailOnce.failed:
                    FailOnce.failed = True
                    raise ImportError("simulated")
                return None

        sys.meta_path.insert(0, FailOnce())
        """,
        STATE,
    )
    assert found == {**expected, "fallbacks": ["nltk loading"]}


# ---------------------------------------------------------- nltk: Punkt remembering verdicts


@pytest.fixture(scope="module")
def vignette_split():
    text = vignette_text()
    return [segment.split_sentences(p.text) for p in segment.split_paragraphs(text)]


@pytest.mark.parametrize(
    "private", ["_Token", "_first_pass_annotation", "_second_pass_annotation", "_lang_vars"]
)
def test_punkt_without_its_private_methods_is_nltks_own(
    private, fallbacks, monkeypatch, vignette_split
):
    punkt = _compat.punkt_module()
    renamed(monkeypatch, punkt, private, private + "_renamed")
    tokenizer = _compat.punkt_tokenizer(punkt, segment._parameters())
    assert type(tokenizer) is punkt.PunktSentenceTokenizer
    assert list(fallbacks) == ["Punkt verdicts remembered"]
    monkeypatch.setattr(segment, "tokenizer", lambda: tokenizer)
    text = vignette_text()
    assert [segment.split_sentences(p.text) for p in segment.split_paragraphs(text)] == (
        vignette_split
    )


def test_punkt_whose_verdicts_changed_is_nltks_own(fallbacks, monkeypatch):
    # A release whose text_contains_sentbreak means something else: arc's remembering
    # version would not follow it, so nltk's own tokenizer is used.
    punkt = _compat.punkt_module()
    monkeypatch.setattr(punkt.PunktSentenceTokenizer, "text_contains_sentbreak", lambda s, t: 0)
    tokenizer = _compat.punkt_tokenizer(punkt, segment._parameters())
    assert type(tokenizer) is punkt.PunktSentenceTokenizer
    assert "splits the probe differently" in fallbacks["Punkt verdicts remembered"]


# ------------------------------------------------------------------ vaderSentiment: the engine


def _engine_agrees(engine) -> None:
    """``engine`` scores, counts and explains every text exactly as vaderSentiment does."""
    reference = vs.SentimentIntensityAnalyzer()
    for text in VADER_TEXTS:
        assert engine.polarity_scores(text) == reference.polarity_scores(text), text
        record = _compat.record_vader(text)
        assert record is not None
        assert engine.valences(text).valences == record.valences, text
    scores, counts = engine.scores_and_counts(VADER_TEXTS)
    assert scores == [
        tuple(reference.polarity_scores(t)[k] for k in ("compound", "pos", "neu", "neg"))
        for t in VADER_TEXTS
    ]
    lexicon = reference.lexicon
    assert counts == [
        (sum(w.lower() in lexicon for w in vs.SentiText(t).words_and_emoticons), len(t.split()))
        for t in VADER_TEXTS
    ]


@pytest.mark.filterwarnings("ignore:explanations cannot name:arc.errors.ArcWarning")
@pytest.mark.parametrize(
    ("owner", "private", "part"),
    [
        ("SentiText", "_strip_punc_if_word", "vaderSentiment tokens"),
        ("SentimentIntensityAnalyzer", "_punctuation_emphasis", "vaderSentiment emphasis"),
        ("SentimentIntensityAnalyzer", "_but_check", "vaderSentiment but"),
    ],
)
def test_engine_without_vaders_private_methods_is_still_exact(
    owner, private, part, fallbacks, monkeypatch
):
    from arc.score.vader import FastVader

    renamed(monkeypatch, vs, private, private + "_renamed")
    assert not hasattr(getattr(vs, owner), private)
    engine = FastVader()
    assert engine.fallback is None  # the plain ways are exact: the fast engine stays
    assert part in fallbacks
    _engine_agrees(engine)


def test_the_copied_rules_are_vaders():
    analyzer = vs.SentimentIntensityAnalyzer()
    for marks in ["", "!", "?", "??", "???", "????", "!!!!!", "!?!?!?", "a!b?c!d?e!f?"]:
        text = f"It is good{marks}"
        assert repr(_compat.emphasis_332(text)) == repr(analyzer._punctuation_emphasis(text))
    words = ["a", "b", "but", "c", "d", "but", "e"]
    for sentiments in ([1.5, 0, 2, 0, 1.5, 2, -1], [0] * 7, [3, 3, 0, 3, 3, 3, 0.0]):
        assert _compat.but_check_332(words, list(sentiments)) == analyzer._but_check(
            words, list(sentiments)
        )


def test_engine_falls_back_to_vader_when_its_rules_changed(fallbacks, monkeypatch):
    # A release that dropped the "least" rule: the engine's rules no longer match, so it
    # scores with vaderSentiment itself, says so, and every answer is still vaderSentiment's.
    from arc.score.vader import FastVader

    monkeypatch.setattr(vs.SentimentIntensityAnalyzer, "_least_check", lambda s, v, w, i: v)
    with pytest.warns(ArcWarning, match="does not match this vaderSentiment"):
        engine = FastVader()
    assert "least happy" in engine.fallback
    assert "VADER engine" in fallbacks
    _engine_agrees(engine)


def test_engine_falls_back_to_vader_when_a_name_is_gone(fallbacks, monkeypatch):
    from arc.score.vader import FastVader

    renamed(monkeypatch, vs, "SPECIAL_CASES", "IDIOMS")
    with pytest.warns(ArcWarning, match="does not match this vaderSentiment"):
        engine = FastVader()
    assert "SPECIAL_CASES" in engine.fallback
    _engine_agrees(engine)


# ---------------------------------------------------------------- vaderSentiment: explanations


def _explained(texts):
    from arc.analysis.explanation import explain_text

    return [explain_text(t) for t in texts]


def _without_negation(rule: str) -> str:
    return "+".join(r for r in rule.split("+") if r != "negation") or "rules"


def test_explanations_without_vaders_rule_methods_keep_their_numbers(fallbacks, monkeypatch):
    texts = VADER_TEXTS[:20]
    before = _explained(texts)
    renamed(monkeypatch, vs, "_negation_check", "_negation_check_renamed")
    _compat._recorder.cache_clear()
    with pytest.warns(ArcWarning, match="cannot name vaderSentiment's rules _negation_check"):
        after = _explained(texts)
    assert "vaderSentiment rule names" in fallbacks
    for old, new in zip(before, after, strict=True):
        assert old[["position", "token", "lexicon", "valence"]].equals(
            new[["position", "token", "lexicon", "valence"]]
        )
        assert [_without_negation(r) for r in old["rule"]] == new["rule"].tolist()
    assert any("negation" in r for df in before for r in df["rule"])


def test_explanations_without_score_valence_come_from_the_engine(fallbacks, monkeypatch):
    texts = VADER_TEXTS
    before = _explained(texts)
    renamed(monkeypatch, vs, "score_valence", "_score_valence")
    _compat._recorder.cache_clear()
    after = _explained(texts)
    assert "vaderSentiment valences" in fallbacks
    for old, new in zip(before, after, strict=True):
        assert old[["position", "token", "lexicon", "valence"]].equals(
            new[["position", "token", "lexicon", "valence"]]
        )
        assert set(new["rule"]) <= {"lexicon", "rules", "punctuation"}


# -------------------------------------------------------------------------------------- nrclex


def test_nrc_without_its_lexicon_attribute_counts_the_same(fallbacks, monkeypatch):
    core = pytest.importorskip("nrclex.core")
    from arc.score.scorers import NrcScorer

    texts = [*VADER_TEXTS, "love hate joy anger the of abandon zealous"]
    expected = NrcScorer().known_words(texts)
    assert fallbacks == {}
    renamed(monkeypatch, core, "__lexicon__", "lexicon")
    scorer = NrcScorer()
    assert list(fallbacks) == ["nrclex lexicon"]
    assert scorer.known_words(texts) == expected
    assert sum(k for k, _ in expected) > 20


# ------------------------------------------------------- concurrent.futures: ending a pool


def test_a_pool_ends_the_plain_way_without_the_executors_private_parts(fallbacks, monkeypatch):
    """Without them, leaving a pool early waits for the calls under way: nothing is left."""
    import multiprocessing
    import time

    from arc.parallel import Pool

    assert _compat.executor_parts(object()) is None
    assert "ProcessPoolExecutor internals" in _compat.FALLBACKS
    monkeypatch.setattr(_compat, "executor_parts", lambda executor: None)

    def slow(k):
        time.sleep(0.2)
        return k

    with pytest.raises(RuntimeError), Pool(slow, 2) as pool:
        results = pool.imap(range(6))
        next(iter(results))
        raise RuntimeError("the caller stops early")
    assert multiprocessing.active_children() == []
