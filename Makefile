# Shortcuts for tasks.py (which needs only Python 3.11+; see README).
PYTHON ?= python3

.PHONY: run test notebooks setup clean-venv

run:
	$(PYTHON) tasks.py run

test:
	$(PYTHON) tasks.py test

notebooks:
	$(PYTHON) tasks.py notebooks

setup:
	$(PYTHON) tasks.py setup

clean-venv:
	rm -rf .venv
