# marsad — run, test, lint, bench. Every target sets up .venv itself on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DB ?= marsad.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint bench eval install clean-db

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## run: ingest the bundled example corpus into $(DB) and serve the dashboard on http://$(HOST):$(PORT)
run: $(STAMP)
	$(BIN)/marsad ingest examples --db $(DB); test $$? -le 1
	$(BIN)/marsad serve --db $(DB) --host $(HOST) --port $(PORT)

## test: the whole suite (slow tests included)
test: $(STAMP) chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools

## bench: pipeline throughput over 5,000 SaudiNewsNet articles (needs ../shared/data)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --n 5000

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm

## eval: score every stage on its gold data (tests/eval); fails when a score drops below its pinned floor
eval: $(STAMP)
	$(BIN)/python -m pytest tests/eval -q -s -p no:cacheprovider

## train-ner: train the name tagger (src/marsad/data/ner.crfsuite) on ANERcorp (needs ../shared/data); prints test F1
.PHONY: train-ner
train-ner: $(STAMP)
	$(BIN)/python tools/train_ner.py

## chromium: Debian's chromium for the dashboard's browser tests (tests/web), installed when missing
.PHONY: chromium
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

## bench-api: API latency (p50/p95) on a generated store of one million events (several minutes, ~3 GB in /tmp)
.PHONY: bench-api
bench-api: $(STAMP)
	$(BIN)/python benchmarks/bench_api.py --events 1000000
