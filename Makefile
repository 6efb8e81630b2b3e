# The two commands a newcomer needs: `make demo` and `make test`. Both build .venv by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= demo-output

.PHONY: demo test check lint format types imports docs pytest tone-model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ocr]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reinstate demo $(DEMO_DIR)

test: $(STAMP) lint types imports docs pytest

lint: $(STAMP)
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/ruff check src tests scripts

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

types: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

docs: $(STAMP)
	$(BIN)/python scripts/gen_docs.py --check

docs-update: $(STAMP)
	$(BIN)/python scripts/gen_docs.py

pytest: $(STAMP)
	$(BIN)/pytest

# Train the tone sentence model again after changing the labelled sentences or the phrase bank.
tone-model: $(STAMP)
	$(BIN)/python scripts/train_tone_model.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) .mypy_cache .pytest_cache .ruff_cache
