# Two commands for a fresh machine (see README):
#   make run    set up .venv and build every output from data/raw/
#   make test   set up .venv and run all tests (unit, gold standard, notebooks)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test setup notebooks clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m livelihood_analysis build

test: $(STAMP)
	$(BIN)/python -m pytest

# re-execute every notebook in place (commit the result; `make test` compares against it)
notebooks: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ClearMetadataPreprocessor.enabled=True *.ipynb

clean-venv:
	rm -rf $(VENV)
