# `make run` starts the app on its default data; `make test` runs the whole suite (what CI
# runs); `make test-fast` everything but the browser tests, for the inner loop. All set up
# what they need first, so they work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# pytest workers: the browser tests run as one group on one of them (tests/browser/conftest.py).
WORKERS ?= 2
PARALLEL := -n $(WORKERS) --dist loadgroup
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-fast lint bench load clean setup setup-dev chromium

run: $(VENV)/.run
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: $(VENV)/.dev chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q $(PARALLEL)

test-fast: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q $(PARALLEL) -m "not browser"

lint: $(VENV)/.dev
	$(BIN)/ruff check .

setup: $(VENV)/.run
setup-dev: $(VENV)/.dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.run $@

# The browser tests drive Debian's Chromium; install it where it is missing.
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis tests/artifacts

# `make bench`: engine against its numpy floor, peers (pyfair, squigglepy), app and
# memory figures; prints one table and writes it to bench/results.md. It reports, so it
# exits 0 even when a target is missed. The peers install into the project venv:
# requirements-bench.txt pins them without moving any pin of requirements.txt.
bench: $(VENV)/.bench chromium
	$(BIN)/python -m bench.run

$(VENV)/.bench: requirements.txt requirements-dev.txt requirements-bench.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $(VENV)/.run $(VENV)/.dev $@

# `make load`: 10 headless Chromium sessions on one local server for LOAD_SECONDS (default
# 120), then one Markdown table (loads, failures, time to a finished run, server RSS and
# sessions). Not part of `make test`; exits non-zero only when a load failed.
load: $(VENV)/.dev chromium
	$(BIN)/python -m load.run
