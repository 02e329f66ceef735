"""Every store test runs on both backends: ``place`` is SQLite files in a temporary folder, or a
fresh schema of the session's PostgreSQL server (skipped without one, failed on CI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest


@dataclass
class Place:
    """Where a test's stores keep their rows; ``open`` a store there (closed after the test)."""

    data_dir: Path
    database: str | None  # None: SQLite files in data_dir
    opened: list = field(default_factory=list)

    @property
    def backend(self) -> str:
        return "postgres" if self.database else "sqlite"

    def open(self, store_class, *args, **kwargs):
        store = store_class(self.data_dir, self.database, *args, **kwargs)
        self.opened.append(store)
        return store


@pytest.fixture(params=["sqlite", "postgres"])
def place(request, tmp_path):
    database = (
        request.getfixturevalue("postgres_server").fresh_schema() if request.param == "postgres" else None
    )
    found = Place(tmp_path, database)
    yield found
    for store in reversed(found.opened):
        store.close()
