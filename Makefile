# Chronicle — every target works on a fresh machine with nothing done first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean lock model given-names

install: $(STAMP)

# Rebuilt only when the pinned requirements change; a second `make install` is a no-op.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==24.3.1
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	@touch $(STAMP)

demo: install
	$(BIN)/chronicle demo --shared $(SHARED)

# The browser tests need Debian's chromium: installed when missing (root), else they skip.
test: install
	@bash scripts/install_browser.sh >/dev/null 2>&1 || echo "chromium not installed: the browser tests will skip"
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m chronicle.bench --shared $(SHARED)

# Rebuild the cue lexicon and the learned cue and boundary layers from PolNeAR train (needs ../shared).
model: install
	$(BIN)/python scripts/mine_cues.py $(SHARED)/data/polnear/train --docbin /tmp/chronicle-polnear-train.spacy
	$(BIN)/python scripts/train_cues.py $(SHARED)/data/polnear/train --docbin /tmp/chronicle-polnear-train.spacy
	$(BIN)/python scripts/train_boundaries.py $(SHARED)/data/polnear/train --docbin /tmp/chronicle-polnear-train.spacy

# Rebuild chronicle/data/given_names.tsv.gz (given names of one gender, for coreference) from
# the name data of nomquamgender 0.1.4 (MIT), installed without its pandas for this only.
given-names: install
	$(BIN)/python -m pip install --quiet --no-deps nomquamgender==0.1.4
	$(BIN)/python scripts/build_given_names.py

# Re-pin every transitive dependency after changing pyproject.toml.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) chronicle.db chronicle.db-wal chronicle.db-shm
