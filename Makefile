# Buletin Desk Pilkada: the two commands (and a few helpers).
#   make site   set up .venv, validate the data, build the example site into site/
#   make test   the whole test suite (what CI runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test golden serve validate schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/bulletin validate
	$(BIN)/bulletin build
	@echo ""
	@echo "Situs dibangun: site/publik/ (edisi publik) dan site/internal/ (edisi internal), satu folder per edisi pemilihan."
	@echo "Untuk melihatnya:"
	@echo "  $(BIN)/python -m http.server --directory site/publik 8000   lalu buka http://127.0.0.1:8000/"
	@echo "  (edisi internal: --directory site/internal), atau pratinjau langsung: $(BIN)/bulletin serve"

test: $(STAMP)
	scripts/system-deps
	scripts/node-deps
	$(BIN)/python -m pytest

golden: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

serve: $(STAMP)
	$(BIN)/bulletin serve

validate: $(STAMP)
	$(BIN)/bulletin validate

schema: $(STAMP)
	$(BIN)/bulletin schema --out schema

clean:
	rm -rf site .site-* .pytest_cache build *.egg-info
