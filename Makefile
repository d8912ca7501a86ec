# make run   set up .venv, build the index if the corpus changed, start the page
# make test  set up .venv, run the whole test suite
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1

.PHONY: run test index evaluate bench

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

index: $(VENV)/.installed
	$(PY) build_index.py

run: index
	$(PY) -m streamlit run app.py

test: $(VENV)/.installed
	$(PY) -m pytest

evaluate: index
	$(PY) -m verbatim evaluate eval/dev.jsonl

bench: index
	$(PY) benchmarks/bench.py
