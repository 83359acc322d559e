"""Start-up (#13): what `arc --help`, `import arc` and arc's Punkt load import, and what a
later `import nltk` gets. Each check runs in a fresh interpreter; timings live in benchmarks."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("pandas", "matplotlib", "numpy", "scipy", "nltk", "vaderSentiment")


def python(*code: str) -> object:
    """Run the pieces of ``code`` in a fresh interpreter; its last line of output, as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", "\n".join(textwrap.dedent(piece) for piece in code)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


# The state of nltk after `import nltk`: every nltk module loaded, with its names, and which
# fisher_exact nltk's association measures use (scipy's when scipy is there).
NLTK_STATE = """
import nltk
from nltk.metrics import association
state = {name: sorted(dir(module)) for name, module in sys.modules.items()
         if name.split(".")[0] == "nltk" and module is not None}
state["fisher_exact from"] = association.fisher_exact.__module__
print(json.dumps(state))
"""


@pytest.fixture(scope="module")
def plain_nltk():
    """That state in an interpreter where arc never ran."""
    return python("import json, sys", NLTK_STATE)


@pytest.mark.parametrize("args", [["--help"], ["plot", "--help"], ["--version"]])
def test_arc_help_imports_nothing_heavy(args):
    heavy = python(f"""
        import json, runpy, sys
        sys.argv = ["arc", *{args!r}]
        try:
            runpy.run_module("arc", run_name="__main__")
        except SystemExit:
            pass
        print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
    """)
    assert heavy == []


def test_splitting_sentences_skips_nltks_package_init():
    found = python("""
        import json, sys
        from arc.text.segment import split_sentences
        sentences = [s.text for s in split_sentences("Mr. Brown came. He left.")]
        print(json.dumps({
            "sentences": sentences,
            "punkt": "nltk.tokenize.punkt" in sys.modules,
            "packages": sorted(m for m in ("nltk", "nltk.tokenize") if m in sys.modules),
            "heavy": sorted({m.split(".")[0] for m in sys.modules} & {"numpy", "scipy"}),
        }))
    """)
    assert found == {
        "sentences": ["Mr. Brown came.", "He left."],
        "punkt": True,
        "packages": [],
        "heavy": [],
    }


@pytest.mark.parametrize(
    "statement",
    [
        "import nltk",
        "from nltk import word_tokenize",
        "import nltk.tokenize",
        "from nltk.tokenize import wordpunct_tokenize",
        "from nltk.tokenize.punkt import PunktSentenceTokenizer",
        "import nltk.tokenize.punkt",
        "import nltk.probability",
    ],
)
def test_nltk_imported_after_arcs_punkt_is_whole(statement, plain_nltk):
    after_arc = python(
        f"""
        import json, sys
        from arc.text import segment
        segment.split_sentences("One day. Two days.")
        {statement}
    """,
        NLTK_STATE,
    )
    assert after_arc == plain_nltk


def test_nltk_after_arc_shares_arcs_punkt_modules():
    found = python("""
        import json, sys
        from arc import _compat
        from arc.text import segment
        tokenizer = segment.tokenizer()
        import nltk
        from nltk.tokenize import punkt
        print(json.dumps({
            "same punkt": punkt is _compat.punkt_module(),
            "same class": isinstance(tokenizer, nltk.tokenize.punkt.PunktSentenceTokenizer),
            "same redos": getattr(punkt, "redos", None) is getattr(nltk, "redos", None),
            "finder left": any(type(f).__name__ == "_Resume" for f in sys.meta_path),
            "works": [nltk.FreqDist("abca")["a"], nltk.wordpunct_tokenize("Hi, you.")],
        }))
    """)
    assert found == {
        "same punkt": True,
        "same class": True,
        "same redos": True,
        "finder left": False,
        "works": [2, ["Hi", ",", "you", "."]],
    }


def test_arc_uses_an_nltk_imported_before_it():
    found = python("""
        import json, sys
        import nltk
        from arc import _compat
        from arc.text import segment
        segment.split_sentences("One day. Two days.")
        print(json.dumps([_compat.punkt_module() is sys.modules["nltk.tokenize.punkt"],
                          any(type(f).__name__ == "_Resume" for f in sys.meta_path)]))
    """)
    assert found == [True, False]


def test_a_package_object_held_from_the_load_completes_itself():
    # What a thread that imported nltk while arc was loading Punkt holds: the package object
    # arc made; its first missing attribute imports nltk for real, into that same object.
    found = python("""
        import json, sys
        from arc import _compat
        _compat.punkt_module()
        finder = next(f for f in sys.meta_path if isinstance(f, _compat._Resume))
        held = finder.packages["nltk"]
        tokenize = held.tokenize.wordpunct_tokenize("Hi, you.")
        print(json.dumps([tokenize, sys.modules["nltk"] is held, type(held).__name__,
                          finder in sys.meta_path]))
    """)
    assert found == [["Hi", ",", "you", "."], True, "module", False]


def test_the_arc_command_still_runs_exit_handlers(tmp_path):
    # The command freezes its heap before exiting (arc.__main__); exit handlers still run.
    marker, out = tmp_path / "atexit", tmp_path / "out.png"
    found = python(f"""
        import atexit, gc, json, pathlib, sys
        atexit.register(pathlib.Path({str(marker)!r}).write_text, "ran")
        from arc.__main__ import run
        sys.argv = ["arc", "plot", "-o", {str(out)!r}]
        status = run()
        print(json.dumps([status, gc.get_freeze_count() > 0]))
    """)
    assert found == [0, True]
    assert marker.read_text() == "ran"
    assert out.read_bytes().startswith(b"\x89PNG")
