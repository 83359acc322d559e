# Two commands do all the set-up: `make plot` and `make test` (see README.md).
# `make plot` installs arc with its runtime dependencies and the small scorers extra (afinn,
# textblob, nrclex: every README `$ arc` line runs after it) into $(VENV); `make test` adds the
# test extra (pytest, hypothesis, the notebook kernel bits, ruff, mypy). Each records what it
# installed in a stamp file inside $(VENV), redone when pyproject.toml changes, so
# `make plot` then `make test` installs only the difference.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
ARC_STAMP := $(VENV)/.installed-arc
TEST_STAMP := $(VENV)/.installed-test
# The same suite on the declared minimum versions (constraints/minimum.txt), in its own venv.
VENV_MIN ?= .venv-min
MIN_STAMP := $(VENV_MIN)/.installed-test
# The tests that lean on nltk's and vaderSentiment's private parts (arc/_compat.py) on their
# newest releases, past arc's upper bounds, in a venv of their own.
VENV_NEWEST ?= .venv-newest
NEWEST_STAMP := $(VENV_NEWEST)/.installed-test
COMPAT_TESTS := tests/test_compat.py tests/test_segment.py tests/test_startup.py \
	tests/test_vader_engine.py tests/test_vader_contributions.py tests/test_explain.py \
	arc/_compat.py arc/text/segment.py arc/score/vader.py arc/analysis/explanation.py
export MPLBACKEND := Agg
# Every test run spreads the suite over every core (pytest-xdist), a test file to a worker, so
# a file's module-scoped fixtures (a Dask cluster, a browser) are made once and its tests keep
# their order; `.venv/bin/python -m pytest` alone runs it in one process.
PYTEST_CORES := -n auto --dist loadfile

.PHONY: plot test test-min test-newest lint typecheck bench bench-arch bench-corpus docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(ARC_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[scorers]'
	touch $@

# The test extra includes every runtime dependency and the scorers, so this stamp also stands
# for arc's.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(ARC_STAMP)

$(MIN_STAMP): pyproject.toml constraints/minimum.txt
	$(PYTHON) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_MIN)/bin/python -m pip install --quiet -c constraints/minimum.txt -e '.[test]'
	touch $@

$(NEWEST_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV_NEWEST)
	$(VENV_NEWEST)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_NEWEST)/bin/python -m pip install --quiet -e '.[test]'
	touch $@

plot: $(ARC_STAMP)  ## set up arc and its scorers, then chart the vignette to output/final_goodbyes.png
	$(BIN)/arc plot

test: $(TEST_STAMP)  ## set up arc and its test extra, then run every test (notebooks, ruff)
	$(BIN)/python -m pytest $(PYTEST_CORES)

test-min: $(MIN_STAMP)  ## run every test with each dependency at its declared minimum
	$(VENV_MIN)/bin/python -m pytest $(PYTEST_CORES)

# Upgraded on every run, whatever arc's upper bounds say (pip warns that arc's requirements
# are not met when a newer release is out): the newest releases are what this is for.
test-newest: $(NEWEST_STAMP)  ## arc/_compat.py's tests on the newest nltk and vaderSentiment
	$(VENV_NEWEST)/bin/python -m pip install --quiet --upgrade nltk vaderSentiment
	$(VENV_NEWEST)/bin/python -m pip list 2>/dev/null | grep -i -E '^(nltk|vadersentiment) '
	$(VENV_NEWEST)/bin/python -m pytest $(PYTEST_CORES) $(COMPAT_TESTS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

typecheck: $(TEST_STAMP)  ## mypy over arc (configured in pyproject.toml)
	$(BIN)/python -m mypy

# bench_speed.py measures every goal of issue #13 in one run (about 3.5 minutes); the older
# single-process report is still there: $(BIN)/python benchmarks/bench_analyze.py
bench: $(ARC_STAMP)  ## speed and memory against issue #13's goals (benchmarks/README.md)
	$(BIN)/python benchmarks/bench_speed.py

# bench_arch.py measures the speed and memory goals of issue #18 in one run (about 2 minutes;
# with --startup-variants, what moves the start-up ratio too: about 2.5 minutes).
bench-arch: $(ARC_STAMP)  ## plot vs score + floor, start-up, analyze's memory (issue #18)
	$(BIN)/python benchmarks/bench_arch.py

# bench_corpus.py measures the goals of issue #22 ("Corpora at scale") in one run (about six
# minutes on two cores): one job against a bare loop, every core, Dask, the cached rerun, memory
# on 100 and 1,000 texts. It makes its corpora with benchmarks/make_corpus.py, and needs the
# dask extra (dask[distributed]) and pyarrow.
bench-corpus: $(ARC_STAMP)  ## arc corpus: throughput, cores, Dask, cache, memory (issue #22)
	$(BIN)/python benchmarks/bench_corpus.py

# The page's screenshots need Debian's chromium and chromium-driver (apt-get install -y
# chromium chromium-driver); without them that step says so and fails.
docs: $(TEST_STAMP)  ## redraw the README's images in docs/, screenshot the page, re-run the notebooks
	$(BIN)/python scripts/make_docs.py
	$(BIN)/python scripts/make_screenshots.py
	$(BIN)/python scripts/run_notebooks.py

clean:
	rm -rf $(VENV) $(VENV_MIN) $(VENV_NEWEST) output/*.png output/*.svg output/*.pdf output/*.html .pytest_cache \
		.mypy_cache
