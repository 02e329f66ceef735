# Two commands from a fresh clone: `make run` starts the bot (a console chat without
# TELEGRAM_BOT_TOKEN), `make test` runs the test suite. Each creates or updates .venv first,
# and only when the requirements changed since the last install (a stamp of their hash).
PYTHON ?= python3.11
VENV := .venv
REQUIREMENTS := requirements.txt requirements-dev.txt
STAMP := $(VENV)/.installed-$(shell cat $(REQUIREMENTS) | sha256sum | cut -c1-16)
BENCHMARKS := bench_core bench_recommender bench_questions bench_understanding bench_memory bench_first_answer bench_bot
EVALUATIONS := eval_understanding eval_dialogue eval_recommender eval_picks eval_feedback eval_group eval_together

.PHONY: setup run test lint bench eval

setup: $(STAMP)

$(STAMP):
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(VENV)/bin/python -m bot

# -n auto: one worker per core; --dist loadfile keeps a file's tests (and its module-scoped
# bots and snapshots) in one worker.
test: $(STAMP)
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider -n auto --dist loadfile

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(STAMP)
	for name in $(BENCHMARKS); do $(VENV)/bin/python -m benchmarks.$$name || exit 1; done

eval: $(STAMP)
	for name in $(EVALUATIONS); do $(VENV)/bin/python -m benchmarks.$$name || exit 1; done
