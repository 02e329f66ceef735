"""Shared fixtures: the hand-written fixture catalogue and the full data sets beside the repo.

Most tests run on the fixture catalogue (tests/fixtures/source, ~220 hand-written titles), so
they run anywhere. Tests marked ``full_data`` check what only the real catalogues can show
(exact figures, evaluations over 23k titles); without the data they skip, except on CI.
The same goes for the Bot API description (``bot/console/spec.py``): without it the tests'
Bot API refuses nothing, so on CI the run stops at once, and elsewhere the tests of what
Telegram refuses skip. Likewise PostgreSQL (``postgres_server``, ``tests/support/postgres.py``):
without a server its tests skip, saying why; on CI they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.console import spec
from core.etl import build_catalogue
from tests.support import postgres

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SOURCE = REPO / "tests" / "fixtures" / "source"
DATASETS = Path(os.environ.get("STREAMBOT_TEST_DATASETS", REPO.parent / "shared" / "datasets"))
ON_CI = bool(os.environ.get("CI"))


def pytest_sessionstart(session):
    # Without the description every check of what Telegram refuses would pass on nothing.
    if ON_CI and (reason := spec.missing()):
        raise pytest.UsageError(f"CI=true, but the Bot API checks cannot run: {reason}")


def prepared_snapshot(catalogue):
    """Catalogue, index and recommender, as the bot serves them."""
    from core.recommender import Recommender
    from core.snapshot.store import Snapshot

    return Snapshot.build(catalogue, Recommender.build(catalogue), {"built_at": "test"})


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The full data; CI must have it, a laptop without it skips the full-data tests."""
    if not (DATASETS / "titles").is_dir():
        if ON_CI:
            pytest.fail(f"full data sets not found at {DATASETS}")
        pytest.skip(f"full data sets not found at {DATASETS} (set STREAMBOT_TEST_DATASETS)")
    return DATASETS


@pytest.fixture(scope="session")
def bot_api_spec():
    """For tests of what the Bot API checks refuse: they skip, saying why, without the description
    (on CI the run has already stopped; this fails too, should a test get here)."""
    if reason := spec.missing():
        if ON_CI:
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session (``tests/support/postgres.py``); its tests skip
    without one, except on CI, where PostgreSQL must run."""
    reason = postgres.unavailable()
    server = None
    if reason is None:
        try:
            server = postgres.PostgresServer().start()
        except (OSError, RuntimeError) as exc:
            reason = f"the test PostgreSQL server did not start: {exc}"
    if reason is not None:
        if ON_CI:
            pytest.fail(f"CI=true, but PostgreSQL cannot run: {reason}")
        pytest.skip(reason)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def full_catalogue(datasets_dir):
    return build_catalogue(datasets_dir)


@pytest.fixture(scope="session")
def full_snapshot(full_catalogue):
    """The full data, built once per test session."""
    return prepared_snapshot(full_catalogue)


@pytest.fixture(scope="session")
def fixture_catalogue():
    return build_catalogue(FIXTURE_SOURCE)


@pytest.fixture(scope="session")
def fixture_snapshot(fixture_catalogue):
    """The fixture catalogue, built once per test session."""
    return prepared_snapshot(fixture_catalogue)


E2E = REPO / "tests" / "e2e"


def pytest_collection_modifyitems(items):
    """A test that uses the full data is a ``full_data`` test, marked or not, and every test
    under ``tests/e2e`` is an ``e2e`` test: ``-m "not e2e and not full_data"`` is then the fast
    loop, needing neither the data sets nor other processes."""
    for item in items:
        if {"datasets_dir", "full_catalogue", "full_snapshot"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.full_data)
        if E2E in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)
