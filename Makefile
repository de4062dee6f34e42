# Quick start: `make run` serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export DATABASE_URL ?= postgres:///jobcenter
export REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: install run test lint bench messages services migrate chromium clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

locale/da/LC_MESSAGES/django.mo: $(VENV)/.installed $(shell find locale */locale -name '*.po' 2>/dev/null)
	command -v msgfmt >/dev/null || $(call apt_install,gettext)
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	touch $@

install: $(VENV)/.installed node_modules/.installed locale/da/LC_MESSAGES/django.mo

# apt-get as root (CI) or through sudo; never asks a question.
define apt_install
	( SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null )
endef

chromium:
	@command -v /usr/bin/chromium >/dev/null || $(call apt_install,chromium)

services: install
	@DEBUG=$${DEBUG:-1} $(MANAGE) preflight

migrate: services
	DEBUG=$${DEBUG:-1} $(MANAGE) migrate --noinput -v 0

run: export DEBUG ?= 1
run: migrate
	$(MANAGE) seed_demo
	@scripts/run.sh

test: export TESTING := 1
test: install chromium
	@$(MANAGE) preflight --no-create
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

bench: export TESTING := 1
bench: migrate
	$(PY) bench/run_all.py

messages: install
	DEBUG=1 $(MANAGE) makemessages -l da --ignore=.venv --ignore=node_modules --no-obsolete
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles
