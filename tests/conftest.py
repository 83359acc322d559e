import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
# arc's cache is off in tests, so no test reads what another kept (nor the user's own
# cache); tests/test_cache.py and tests/test_corpus*.py turn it on in folders of their own.
os.environ["ARC_CACHE_DIR"] = "off"


@pytest.fixture(scope="session")
def vignette():
    """The vignette's paragraph frame (scored once per test session)."""
    import arc

    return arc.analyze()


@pytest.fixture(scope="session")
def vignette_sentences():
    import arc

    return arc.analyze(unit="sentence")


@pytest.fixture
def rng():
    import numpy as np

    return np.random.default_rng(20261124)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


from hypothesis import settings  # noqa: E402

# The first example may load nltk and the Punkt parameters; time limits belong in benchmarks/.
settings.register_profile("arc", deadline=None)
settings.load_profile("arc")


@pytest.fixture(scope="session")
def frankenstein_sentences():
    import arc
    from tests.books import FRANKENSTEIN

    return arc.analyze(FRANKENSTEIN, unit="sentence")


@pytest.fixture(scope="session")
def alice_sentences():
    import arc
    from tests.books import ALICE

    return arc.analyze(ALICE, unit="sentence")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The corpus tests' small corpus (tests/corpus_files.py): five good texts and the bad
    ones, written once per test module that asks for it."""
    from tests.corpus_files import write_corpus

    folder = tmp_path_factory.mktemp("small")
    write_corpus(folder, chapters=4, bad=True)
    return folder


@pytest.fixture(scope="module")
def one_job(small, tmp_path_factory):
    """``small`` analysed by one local process, tables only: the result and its folder,
    which every other way of running the corpus must match."""
    from arc.corpora.run import corpus

    out = tmp_path_factory.mktemp("one") / "out"
    result = corpus([small], out, jobs=1, cache=False, part_texts=3, chart=False)
    return result, out


def pytest_collection_modifyitems(config, items):
    """Doctests of the optional scorers run only where their extra is installed; else a skip
    that says how to install it."""
    from tests.extras import INSTALL, missing

    extras = {"AfinnScorer": "afinn", "TextBlobScorer": "textblob", "NrcScorer": "nrc"}
    for item in items:
        for cls, extra in extras.items():
            if f".{cls}." in item.name and missing(extra):
                item.add_marker(pytest.mark.skip(reason=f"{extra}: {INSTALL}"))
