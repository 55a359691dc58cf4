# The two commands: `make run` serves the API with the seeds loaded; `make test` runs every test.
# Both create .venv/ on first use from python3, pip and venv alone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLUGINS := $(wildcard plugins/provenance-*)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint generate bench lock clean

$(BIN)/.installed: pyproject.toml requirements.lock $(wildcard plugins/*/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=69"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . $(addprefix -e ,$(PLUGINS))
	scripts/vendor-docs-assets.sh
	touch $@

install: $(BIN)/.installed

# A local write key, created once and kept in var/local-api-key (mode 600), printed each time.
run: install
	$(BIN)/provenance keys create --scope write --name local --save var/local-api-key
	$(BIN)/provenance serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check provenance plugins tests $(wildcard bench)
	$(BIN)/ruff format --check provenance plugins tests $(wildcard bench)
	scripts/install-chromium.sh
	scripts/with-postgres.sh $(BIN)/python -m pytest -n auto -q

lint: install
	$(BIN)/ruff check --fix provenance plugins tests $(wildcard bench)
	$(BIN)/ruff format provenance plugins tests $(wildcard bench)

generate: install
	$(BIN)/provenance generate

bench: install
	$(BIN)/python -m bench

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/provenance-lock && $(PYTHON) -m venv /tmp/provenance-lock
	/tmp/provenance-lock/bin/pip install --quiet -e '.[test]'
	/tmp/provenance-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV)
