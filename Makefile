# `make run` starts the app on its default data; `make test` runs the whole suite (what CI
# runs); `make test-fast` the inner loop: no browser tests, no slow ones (pytest marker) and
# a fifth of each property test's examples (tests/examples.py). All set up what they need
# first, so they work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# pytest workers: the browser tests run as one group on one of them (tests/browser/conftest.py).
WORKERS ?= 2
PARALLEL := -n $(WORKERS) --dist loadgroup
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx

.PHONY: run test test-fast lint bench load capacity deploy-check image-check docker-tools clean setup setup-dev chromium nginx debian \
	postgresql \
	memo-tools

# deploy/serve.py serves app.py as it is, warmed at start-up (the first visit costs what a
# later one does); `streamlit run app.py` still works, unwarmed, as Community Cloud runs it.
# The start-up check (connectivity/startup.py) refuses to serve without the memo's fonts.
run: $(VENV)/.run memo-tools
	$(BIN)/streamlit run deploy/serve.py --server.port $(PORT) --server.headless true

test: $(VENV)/.dev chromium nginx postgresql memo-tools
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q --durations=15 $(PARALLEL)
	@$(MAKE) --no-print-directory image-check

test-fast: $(VENV)/.dev postgresql
	$(BIN)/ruff check .
	CONNECTIVITY_TEST_FAST=1 $(BIN)/python -m pytest -q $(PARALLEL) -m "not browser and not slow"

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

# The browser tests drive Debian's Chromium, and the proxy test Debian's nginx (run by
# the test itself on 127.0.0.1, never as a service); install them where they are missing.
chromium:
	@$(MAKE) --no-print-directory debian BINARY=$(CHROMIUM) PACKAGE=chromium

nginx:
	@$(MAKE) --no-print-directory debian BINARY=$(NGINX) PACKAGE=nginx

# The link store's tests start Debian's PostgreSQL themselves (127.0.0.1, a temporary folder).
postgresql:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql for the tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

debian:
	@test -x $(BINARY) || { \
	  echo "Installing Debian's $(PACKAGE) for the tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PACKAGE) >/dev/null; }

# The memo's tests need fonts (Liberation for the text, Noto CJK for Chinese route names:
# the app's host needs them too, see packages.txt) and poppler's pdftoppm to draw its pages.
MEMO_FONTS := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
	/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
memo-tools:
	@missing=""; \
	  for f in $(MEMO_FONTS); do test -f $$f || missing="$$missing $$f"; done; \
	  command -v pdftoppm >/dev/null || missing="$$missing pdftoppm"; \
	  command -v zbarimg >/dev/null || missing="$$missing zbarimg"; \
	  test -z "$$missing" || { \
	  echo "Installing fonts-noto-cjk, fonts-liberation, poppler-utils and zbar-tools for the memo tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-cjk \
	    fonts-liberation poppler-utils zbar-tools >/dev/null; }

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

# `make capacity`: sessions without browsers, through Streamlit's agent API (switched on
# for the test servers alone, on 127.0.0.1): 1, 10, 50 and 100 sessions, each opening
# its own link and changing a value every CAPACITY_INTERVAL seconds, on one process and
# on two replicas behind deploy/'s nginx site. Prints one table. Reports; exits 0.
capacity: $(VENV)/.dev nginx
	$(BIN)/python -m capacity.run

# `make image-check`: builds deploy/Dockerfile for real (its own dockerd, a stand-in base
# from debootstrap when the FROM image cannot be pulled; layers cached between runs),
# starts it and walks it in Chromium, checks its CSV and its memos (deploy/image_check.py).
# Skips with one line where Docker cannot run at all; IMAGE_CHECK_REQUIRED=1 fails instead.
image-check: $(VENV)/.dev chromium memo-tools docker-tools
	$(BIN)/python -m deploy.image_check

docker-tools:
	@$(MAKE) --no-print-directory debian BINARY=/usr/sbin/dockerd PACKAGE=docker.io \
	  || echo "docker.io could not be installed: image-check will say so"
	@$(MAKE) --no-print-directory debian BINARY=/usr/sbin/debootstrap PACKAGE=debootstrap \
	  || echo "debootstrap could not be installed: image-check will say so"

# `make deploy-check`: deploy/Dockerfile without a Docker daemon: hadolint, then its own
# pip install in a fresh virtualenv, its CMD and its HEALTHCHECK.
deploy-check: $(VENV)/.dev
	$(BIN)/python -m deploy.check
