"""Shared fixtures: the hand-written fixture source and the full data sets beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.etl import build_catalogue

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SOURCE = REPO / "tests" / "fixtures" / "source"
DATASETS = Path(os.environ.get("STREAMBOT_TEST_DATASETS", REPO.parent / "shared" / "datasets"))


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The full data; CI must have it, a laptop without it skips the full-data tests."""
    if not (DATASETS / "titles").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"full data sets not found at {DATASETS}")
        pytest.skip(f"full data sets not found at {DATASETS} (set STREAMBOT_TEST_DATASETS)")
    return DATASETS


@pytest.fixture(scope="session")
def full_catalogue(datasets_dir):
    return build_catalogue(datasets_dir)


@pytest.fixture(scope="session")
def fixture_catalogue():
    return build_catalogue(FIXTURE_SOURCE)


@pytest.fixture(scope="session")
def full_snapshot(full_catalogue):
    """Catalogue, index and recommender over the full data, built once per test session."""
    from core.recommender import Recommender
    from core.store import Snapshot

    return Snapshot.prepare(full_catalogue, Recommender.build(full_catalogue), {"built_at": "test"})
