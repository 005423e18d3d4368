# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make serve   – create .venv, install, serve http://127.0.0.1:8000/ with live reload
#   make test    – lint + every test (strict build, rules, browser tests with system Chromium)
# Other targets: make build (site/ via a temporary folder), make lint, make bench.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install serve build test lint system-deps clean

# The venv is rebuilt when pyproject.toml changes (the stamp file records the last install).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

serve: install
	$(PY) -m mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Build into a temporary folder and swap it in only when the strict build succeeded,
# so a failed build never leaves a half-built site/ behind.
build: install
	rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

lint: install
	$(PY) -m ruff check pension hooks tests

# Debian packages the browser tests need: Chromium, and CJK fonts so Chinese is not boxes.
system-deps:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }

test: install system-deps lint
	$(PY) -m pytest

clean:
	rm -rf site site.tmp $(VENV) docs/measures docs/guides docs/faq docs/glossary docs/calculators docs/assets/generated
