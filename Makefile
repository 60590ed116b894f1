# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast install install-test browser messages bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

run: install
	$(BIN)/slim setup
	$(BIN)/slim serve

browser:
	bash scripts/ensure-system-packages.sh

test: install-test browser
	$(BIN)/pytest

test-fast: install-test
	$(BIN)/pytest -m "not browser"

messages:
	cd src/slim && ../../$(BIN)/slim makemessages -l en --no-obsolete && ../../$(BIN)/slim compilemessages
