# rasid — two commands on a fresh machine with Python 3.11+:
#   make demo   set up .venv, run the demo on the bundled example articles, open the web UI on them
#   make test   set up .venv and run the test suite (on SQLite, then again on a private PostgreSQL when installed)
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: demo test bench clean lock wheel-check

# every dependency is pinned in constraints.txt (make lock writes it from pyproject.toml)
$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasid demo

test: $(STAMP)
	bash scripts/system_deps.sh
	$(BIN)/python -m pytest
	bash scripts/test_postgres.sh $(BIN)/python

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# the wheel, installed into a clean venv with the pip Python ships (no upgrade), ingesting real inputs
wheel-check:
	bash scripts/wheel_check.sh $(PY)

lock:
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/python -m pip install -q --upgrade pip
	.lock-venv/bin/python -m pip install -q -e '.[test,train]'
	( echo "# Every dependency of rasid and its extras (test, train), pinned: pip install -c constraints.txt -e '.[test]'."; \
	  echo "# Regenerate after changing pyproject.toml: make lock (a fresh venv, pip install -e '.[test,train]', pip freeze)."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^rasid' ) > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) rasid-demo.db
