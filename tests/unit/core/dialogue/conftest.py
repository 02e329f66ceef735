"""The understanding layer of the fixture catalogue, which every dialogue test reads with."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def understanding(fixture_snapshot):
    return fixture_snapshot.understanding
