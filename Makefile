# The few commands people type. `make run` and `make test` are the README's two commands.
# The venv is built on Debian's /usr/bin/python3.11 where it exists (its optimised build runs the
# extraction with 12% fewer instructions than an unoptimised one, docs/scale.md sessions 35-36),
# else on the first python3 on PATH. `make PY=python3.12 install` (or any interpreter) overrides it.
PY ?= $(if $(wildcard /usr/bin/python3.11),/usr/bin/python3.11,python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: install install-test browser postgres run test build check lint bench

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Stamps: installs run again only when pyproject.toml changes, so `make run` works offline
# once the first install is done.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	@echo "Opening http://localhost:$(PORT) (Ctrl+C stops the dashboard)"
	@( sleep 4; $(BIN)/python -m webbrowser -t http://localhost:$(PORT) >/dev/null 2>&1 || true ) &
	$(BIN)/python -m dashboard.serve --server.port $(PORT) --browser.gatherUsageStats false

# Debian's chromium for the browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium is missing: install Debian's chromium (sudo apt-get install chromium) for the browser tests"; fi; }

# Debian's PostgreSQL for the store's PostgreSQL tests (as root: installs, starts, makes the
# test role; otherwise changes nothing and prints how to enable them). .ci/run calls it.
postgres:
	@sh scripts/postgres_for_tests.sh

test: install-test browser
	$(BIN)/python -m pytest

build: install
	$(BIN)/python -m etl build

check: install
	$(BIN)/python -m etl check

lint: install-test
	$(BIN)/ruff check etl dashboard tests
