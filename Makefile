# Two commands are the whole set-up: `make run` and `make test` (both install first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install browser assets run test bench lint conformance clean

install: $(STAMP) browser

# The browser tests drive Debian's Chromium (not Playwright's download); installed here
# where it is missing and apt-get may be used, else those tests skip and say why.
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian's chromium for the browser tests"; \
			apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
			{ apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; } || \
			echo "could not install chromium: the browser tests will skip"; \
		else echo "no /usr/bin/chromium and no apt-get as root: the browser tests will skip"; fi; }

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The whole service (kestraweb/management/commands/serve.py): migrations, the admin
# account it prints, static files, the example flows the first time; then the web
# server (uvicorn) and the django-q2 cluster that runs executions. Ctrl-C stops both.
run: install
	$(PY) manage.py serve

# Everything on SQLite, then the engine's tests again on the machine's PostgreSQL
# (where one answers) since claims and locks differ there, with the API's tests of what
# PostgreSQL refuses and SQLite takes (NUL, lengths, ranges, regex dialect), of search
# and paging SQL, and of namespace isolation (the whole API suite is 12 min there; the
# rest of it runs the same SQL through the ORM). Each run, and each of its
# TEST_WORKERS processes (pytest-xdist, a test file per worker at a time), has its own
# data folder and test database (tests/isolation.py, tests/conftest.py), so they never
# collide. Four workers even on two cores: most of the suite waits on clusters, servers
# and subprocesses rather than computing.
TEST_WORKERS ?= 4
POSTGRES_API_TESTS := tests/api/test_hostile_input_postgres.py tests/api/test_problem_json.py \
	tests/api/test_filters.py tests/api/test_paging.py tests/api/test_parsers.py \
	tests/api/executions/test_search_executions.py tests/api/executions/test_search_pagination.py \
	tests/api/logs/test_search_logs.py tests/api/kv tests/api/triggers/test_trigger_search.py \
	tests/api/flows/test_flow_search.py tests/api/flows/test_flow_bad_input.py tests/api/isolation
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile
	@url=$$($(PY) scripts/postgres_url.py); \
	if [ -n "$$url" ]; then \
		echo "PostgreSQL pass on $$url"; \
		DATABASE_URL=$$url $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile tests/engine tests/flowables tests/operations \
			$(POSTGRES_API_TESTS); \
	else \
		echo "PostgreSQL pass skipped: no PostgreSQL answers on 127.0.0.1:5432 (user postgres or root)"; \
	fi

# The UI's browser code from npm packages into static/vendor (committed: `make run`
# needs no Node; run this after changing assets/).
assets:
	cd assets && npm ci --no-audit --no-fund && node build.mjs

conformance: install
	$(PY) ../shared/conformance/check.py

bench: install
	$(PY) bench/run.py
	$(PY) bench/cluster.py
	$(PY) bench/webhook.py
	$(PY) bench/schedule.py
	$(PY) bench/memory.py
	$(PY) bench/stats.py
	$(PY) bench/api.py
	$(PY) bench/pages.py
	$(PY) bench/pages_logs_home.py
	$(PY) bench/scripts.py

# ruff (rules in pyproject.toml; `ruff format` is not applied), the import-linter
# contracts in pyproject.toml that hold the design's one-way dependencies, and mypy
# ([tool.mypy]: strict on all of plugins/ and storage/, and the engine's run context
# checked against the RunContext protocol).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) var
