"""Two replicas' refreshers on one data folder and one PostgreSQL: the one running the jobs
builds (in a child process, as the bot does) and records each snapshot; the other swaps it in
from the folder at its next poll, without a build of its own; no build prunes the snapshot a
live replica serves. What needs no build is in tests/unit/core/snapshot/test_replicas.py."""

from __future__ import annotations

import shutil

import pytest

from core.snapshot.files import SNAPSHOT_PREFIX, current_dir
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store, load_snapshot
from core.userdata.publications import Publications
from tests.conftest import FIXTURE_SOURCE
from tests.support.snapshot_helpers import built_snapshot

NETFLIX = "titles/netflix_titles.csv"
NEW_ROW = 's99,Movie,The Replica Test,Ann,Bo,Spain,"October 1, 2021",2021,PG,101 min,Dramas,A new film.\n'


def add_title(source, number: int = 99) -> None:
    with open(source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(NEW_ROW.replace("s99", f"s{number}").replace("Replica Test", f"Replica Test {number}"))


def snapshot_folders(data) -> list[str]:
    return sorted(p.name for p in data.glob(f"{SNAPSHOT_PREFIX}*"))


@pytest.fixture
def shared(postgres_server, tmp_path):
    """A source, a data folder holding a first snapshot, and a database: what replicas share."""
    source, data = tmp_path / "source", tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCE, source)
    built_snapshot(data, source)
    return source, data, postgres_server.fresh_schema()


@pytest.fixture
def replicas(shared):
    """Replica "a" (it runs the jobs) and replica "b", each with its own store and refresher."""
    source, data, url = shared
    opened, made = [], []
    for name in ("a", "b"):
        publications = Publications(data, url, name)
        opened.append(publications)
        made.append(Refresher(Store(load_snapshot(data)), data, source, publications=publications))
    yield made
    for publications in opened:
        publications.close()


def test_the_other_replica_swaps_in_what_the_jobs_replica_built_and_no_build_prunes_it(shared, replicas):
    source, data, _ = shared
    a, b = replicas
    assert not b.pending() and b.follow() is None  # nothing published yet
    first = b.served_directory
    b.heartbeat()  # b serves the first snapshot, and says so
    add_title(source, 98)
    assert a.refresh().outcome == "updated"
    add_title(source, 99)
    attempt = a.refresh()
    assert attempt.outcome == "updated"
    # Two builds, none of them b's; the first snapshot, beyond the two newest, is kept: b serves it.
    assert len(snapshot_folders(data)) == 3 and first in snapshot_folders(data)

    assert b.pending()
    assert b.follow() == attempt.version == b.store.current.version  # straight to the newest
    assert {"the replica test 98", "the replica test 99"} <= set(b.store.current.catalogue["title"])
    assert b.served_directory == a.served_directory == current_dir(data).name
    assert not b.pending() and b.follow() is None  # swapped once
    assert len(snapshot_folders(data)) == 3  # and built nothing
    b.heartbeat()
    assert a.served_anywhere() == {b.served_directory}  # the first one may go at the next build
