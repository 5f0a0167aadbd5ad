# Two commands are the whole set-up: `make run` and `make test` (both install first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint conformance clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The web server and the django-q2 cluster (schedules, triggered executions) together;
# Ctrl-C stops both.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ensureadmin
	$(PY) manage.py collectstatic --noinput --verbosity 0
	trap 'kill 0' INT TERM EXIT; $(PY) manage.py qcluster & $(PY) manage.py runserver 0.0.0.0:8080

test: install
	$(PY) -m pytest

conformance: install
	$(PY) ../shared/conformance/check.py

bench: install
	$(PY) bench/run.py

lint: install
	$(PY) -m compileall -q kestraweb flows executions plugins expressions storage

clean:
	rm -rf $(VENV) var
