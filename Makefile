# Brukarröst — the two commands in README.md are `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint test-sqlite test-postgres browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel setuptools

# Re-install when pyproject.toml changes. torch==2.13.0 is pinned there (CPU wheel).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the browser tests (never `playwright install`).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "Chromium saknas och apt-get finns inte: webbläsartesterna hoppas över."; fi; \
	fi

demo: setup
	$(BIN)/brukarrost analysera exempel/enkat_exempel.csv --ut rapport
	@echo "Rapporten finns i rapport/rapport.html"

# Lint and format are part of the tests: a red ruff is a red build.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup browser-deps lint
	$(BIN)/python -m pytest
	$(MAKE) test-postgres

# The suite against a real PostgreSQL server when one answers on 127.0.0.1:5432, but for:
# - tests that open no database (marked utan_databas: they ran above and the server changes
#   nothing; tests/conftest.py fails a marked test that opens one);
# - tests whose database use is incidental (marked db_incidental): they check what the model or
#   the analysis computes (themes, suggestions, the cluster's results) and store it with code
#   that unmarked tests run here. The rule: every piece of database code keeps an unmarked test
#   (store, queries, migrations, API persistence, the job queue, the partitioned read of an
#   import) and at least one whole analysis runs here end to end (test_pipeline.py: analysera
#   on the example export); a test whose assertion is about what the database does is never
#   db_incidental. tests/conftest.py fails a db_incidental test that opens no database.
test-postgres: setup
	@if $(BIN)/python -c "import psycopg; psycopg.connect('host=127.0.0.1 port=5432 user=postgres dbname=test', connect_timeout=3).close()" 2>/dev/null; then \
	  BRUKARROST_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test $(BIN)/python -m pytest -m "not slow and not browser and not utan_databas and not db_incidental"; \
	else echo "PostgreSQL svarar inte på 127.0.0.1:5432: PostgreSQL-körningen hoppas över."; fi

clean:
	rm -rf $(VENV) rapport test-artefakter
