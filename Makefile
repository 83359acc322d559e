# Two commands do all the set-up: `make plot` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MPLBACKEND := Agg

.PHONY: plot test lint bench docs clean

$(BIN)/arc: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

plot: $(BIN)/arc  ## set up, then chart the vignette to output/final_goodbyes.png
	$(BIN)/arc plot

test: $(BIN)/arc  ## set up, then run every test (notebooks and ruff included)
	$(BIN)/python -m pytest

lint: $(BIN)/arc
	$(BIN)/ruff check .

bench: $(BIN)/arc  ## speed and memory against a plain nltk + vaderSentiment baseline
	$(BIN)/python benchmarks/bench_analyze.py

docs: $(BIN)/arc  ## redraw the README's images in docs/
	$(BIN)/python scripts/make_docs.py

clean:
	rm -rf $(VENV) output/*.png output/*.svg output/*.pdf .pytest_cache
