# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make serve   – create .venv, install, serve http://127.0.0.1:8000/ with live reload
#   make test    – lint + every test (strict build, rules, browser tests with system Chromium)
# Other targets: make check (fast: lint + tests without browser or full build), make build
# SITE_URL=https://…/ (site/ for publishing), make lint, make bench.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install serve build check-site-url test check lint system-deps clean bench

# The venv is rebuilt when pyproject.toml changes (the stamp file records the last install).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

serve: install
	$(PY) -m mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# The build for publishing: `make build SITE_URL=https://…/`. It stops before anything else
# unless SITE_URL is a public address (deploy/check_site_url.py): the sitemap, canonical links
# and printed QR codes carry it. `make serve` and the tests keep the local default.
# Built into a temporary folder and swapped in only when the strict build succeeded,
# so a failed build never leaves a half-built site/ behind.
build: check-site-url install
	rm -rf site.tmp
	SITE_URL="$(SITE_URL)" $(PY) -m mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

check-site-url:
	@SITE_URL="$(SITE_URL)" $(PYTHON) deploy/check_site_url.py

# Our JavaScript (third-party code in vendor/ folders is left out by eslint.config.mjs).
JS := docs/assets/js docs/sw.js tests/js

lint: install .lint/node/.installed
	$(PY) -m ruff check pension hooks tests bench deploy
	.lint/node/node_modules/.bin/eslint --max-warnings 0 $(JS)

# ESLint and every package under it are locked in lint/node/package-lock.json and installed with
# `npm ci` into .lint/node (gitignored) on first use and again whenever the lock changes, so the
# same files give the same findings later. The rules: eslint.config.mjs.
.lint/node/.installed: lint/node/package.json lint/node/package-lock.json
	@command -v npm >/dev/null || { echo "make lint: npm not found; it installs ESLint" \
	  "(lint/node/package-lock.json). Install it: make system-deps (Debian's npm package)." >&2; exit 1; }
	mkdir -p .lint/node
	cp lint/node/package.json lint/node/package-lock.json .lint/node/
	cd .lint/node && npm ci --no-audit --no-fund --silent
	touch $@

# Debian packages the tests need: Chromium, CJK fonts so Chinese is not boxes, nginx (the
# production server, tests/test_nginx.py), poppler-utils (pdftotext for tests/test_print.py) and
# Node.js (runs the browser calculator's rules against Python's, tests/test_calculators_js.py)
# and npm (installs the locked ESLint for make lint; Debian packages it apart from nodejs).
system-deps:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . && \
	  { command -v nginx >/dev/null || test -x /usr/sbin/nginx; } && command -v pdftotext >/dev/null && \
	  command -v node >/dev/null && command -v npm >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium fonts-noto-cjk nginx poppler-utils nodejs npm; }

test: install system-deps lint
	$(PY) -m pytest

# The fast loop while editing: lint and every test that needs neither a browser nor a full
# build (markers `browser` and `build`, tests/conftest.py). `make test` still runs everything.
check: install lint
	$(PY) -m pytest -q -m "not browser and not build"

# Benchmark against a plain Material site of the same size (bench/run.py). Its tools are locked:
# bench/node/package.json + package-lock.json pin Lighthouse 12.8.2 (the newest that supports
# Node 20) and every package under it (axe-core included), installed with `npm ci` into
# .bench/node (gitignored) on first use and again whenever the lock changes, so the same command
# gives the same audit later. BENCH_RUNS=9 for steadier Lighthouse medians (default 5).
# Results: .bench/results.md.
.bench/node/.installed: bench/node/package.json bench/node/package-lock.json
	mkdir -p .bench/node
	cp bench/node/package.json bench/node/package-lock.json .bench/node/
	cd .bench/node && npm ci --no-audit --no-fund --silent
	touch $@

bench: install system-deps .bench/node/.installed
	$(PY) bench/run.py

clean:
	rm -rf site site.tmp $(VENV) docs/measures docs/guides docs/faq docs/glossary docs/assets/generated
