# rasid — two commands on a fresh machine with Python 3.11+:
#   make demo   set up .venv, run the demo on the bundled example articles, open the web UI on them
#   make test   set up .venv and run the test suite (on SQLite, then again on a private PostgreSQL when installed)
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasid demo

test: $(STAMP)
	bash scripts/system_deps.sh
	$(BIN)/python -m pytest
	bash scripts/test_postgres.sh $(BIN)/python

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) rasid-demo.db
