# The two commands of the README: `make build` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install build test lint validate generate check-generated check-version docs dist release clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## install: create .venv and install the package with its development tools
install: $(STAMP)

## build: install, validate with both validators, build the wheel, sdist and exports into dist/, the site into site/
build: $(STAMP) check-generated validate dist docs

## test: every check (generated files, validators, unit and fixture tests)
test: $(STAMP) check-generated check-version lint
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: a broken collection, not a pass"; exit 1; fi; exit $$rc

## check-version: the version in datapackage.json is a big enough step for what changed since the last release tag
check-version: $(STAMP)
	$(BIN)/python scripts/check_version.py

lint: $(STAMP)
	$(BIN)/mypy
	$(BIN)/ruff check src tests scripts docs_hooks
	$(BIN)/ruff format --check --quiet src tests scripts docs_hooks

validate: $(STAMP)
	$(BIN)/iran-relations validate
	$(BIN)/frictionless validate datapackage.json

generate: $(STAMP)
	$(BIN)/python scripts/generate.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check

dist: $(STAMP)
	$(BIN)/python -m build --no-isolation --outdir dist . >/dev/null
	$(BIN)/iran-relations export --format all --out dist --package . >/dev/null
	@ls dist

## release: the versioned artefacts (wheel, sdist, data zip, exports, release notes, SHA256SUMS) in dist/
release: $(STAMP) check-generated validate
	$(BIN)/python scripts/release.py --out dist

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

clean:
	rm -rf dist site build .pytest_cache
