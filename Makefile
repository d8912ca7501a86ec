# make run   set up .venv, build the index if the corpus changed, start the page and keep
#            the index current while it serves (the watcher stops when make does)
# make watch rebuild the index whenever corpus/ changes
# make test  set up .venv, run the whole test suite (CI runs this)
# make test-fast  everything but the tests that load the real model, drive a browser or run for minutes (about a minute)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1

.PHONY: run test test-fast index watch evaluate bench

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

index: $(VENV)/.installed
	$(PY) build_index.py

run: index  # make run PORT=8080 ADDRESS=0.0.0.0 (defaults: 8501, localhost)
	$(PY) -m verbatim watch --while-pid $$PPID &
	$(PY) -m streamlit run app.py --server.port $(or $(PORT),8501) --server.address $(or $(ADDRESS),localhost)

watch: index
	$(PY) -m verbatim watch

test: $(VENV)/.installed
	$(PY) -m pytest

test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not model and not browser and not slow"

evaluate: index
	$(PY) -m verbatim evaluate eval/reddit/dev.jsonl eval/counsel-chat/dev.jsonl eval/dev.jsonl eval/calibration.jsonl eval/heldout.jsonl --baseline

bench: index
	$(PY) benchmarks/bench.py
