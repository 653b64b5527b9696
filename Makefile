# Buletin Desk Pilkada: the two commands (and a few helpers).
#   make site   set up .venv from the lock file, validate the data, build the example site into site/
#   make test   the whole test suite (what CI runs): lint, then every test, on every core
#   make test-fast  the inner loop (under a minute): every test but the browser, the HTML validator, real builds
#               and the slow ones
#   make lint   ruff's small rule set and vulture (dead code)
#   make hooks  install the pre-commit check of the data (the guard of a public repository); make site does too
#   make lock   rewrite the lock files after a change of pyproject.toml or package.json (see README)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# make lock UPGRADE="mkdocs-material"  also moves these packages to their newest allowed version;
# make lock UPGRADE=all                moves every package. Without UPGRADE, every pin that still fits stays.
UPGRADE ?=
UPGRADE_FLAGS := $(if $(filter all,$(UPGRADE)),--upgrade,$(addprefix --upgrade-package ,$(UPGRADE)))

.PHONY: site test test-fast lint lock golden serve validate schema clean hooks deps node-deps

$(STAMP): requirements.txt pyproject.toml
	@PYTHON=$(PYTHON) scripts/python-deps
	@touch $@

# The Python environment and the npm packages side by side: each takes about half a minute on a clean clone, on one
# core (npm's output goes to its own log, since scripts/python-deps makes .venv/ anew).
deps:
	@$(MAKE) --no-print-directory -j 2 $(STAMP) node-deps

node-deps:
	@scripts/node-deps

site: $(STAMP)
	@scripts/install-hooks --if-unset
	@$(BIN)/bulletin build
	@echo ""
	@echo "Situs dibangun: site/publik/ (edisi publik) dan site/internal/ (edisi internal), satu folder per edisi pemilihan."
	@echo "Untuk melihatnya:"
	@echo "  $(BIN)/python -m http.server --directory site/publik 8000   lalu buka http://127.0.0.1:8000/"
	@echo "  (edisi internal: --directory site/internal), atau pratinjau langsung: $(BIN)/bulletin serve"

# The generator's bytecode, compiled once before the tests: the suite starts the command in hundreds of fresh
# processes, and where PYTHONDONTWRITEBYTECODE is set (as on CI machines) each would compile the package from
# source again (0.2 s each). Python checks each file's time and size, so an edited module is compiled anew.
BYTECODE = @$(BIN)/python -m compileall -q generator >/dev/null

test: deps
	@scripts/system-deps
	@BIN=$(BIN) scripts/lint
	$(BYTECODE)
	@$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --desk-examples 0

test-fast: $(STAMP)
	$(BYTECODE)
	@$(BIN)/python -m pytest -n auto -m "not build and not browser and not validator and not slow"

lint: $(STAMP)
	@BIN=$(BIN) scripts/lint

# The lock is resolved for the Python and platform of CI and the deploy workflow (3.11, Linux x86_64),
# whichever machine runs this, with the hash of every file of every pinned version.
lock:
	@PYTHON=$(PYTHON) UPGRADE_FLAGS="$(UPGRADE_FLAGS)" scripts/lock

hooks:
	@scripts/install-hooks

golden: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

serve: $(STAMP)
	$(BIN)/bulletin serve

validate: $(STAMP)
	$(BIN)/bulletin validate

schema: $(STAMP)
	$(BIN)/bulletin schema --out schemas --lines

clean:
	rm -rf site .site-* .site.baru .cache .pytest_cache build dist *.egg-info
