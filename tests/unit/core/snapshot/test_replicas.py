"""Two replicas on one data folder and one PostgreSQL: the one running the jobs builds and
records each snapshot; the other swaps it in from the folder at its next poll, without a build
of its own; what was announced is a row both read; no build prunes a snapshot a live replica
serves."""

from __future__ import annotations

import shutil

import pytest

from core.snapshot.files import CURRENT_FILE, SNAPSHOT_PREFIX, current_dir, prune
from core.snapshot.refresh import ANNOUNCED_FILE, Refresher
from core.snapshot.store import Store, load_snapshot
from core.userdata.publications import SNAPSHOT, JobRequest, Publications
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
def light(postgres_server, fixture_snapshot, tmp_path):
    """Replicas "a" and "b" serving the fixture snapshot from memory: for what needs no build."""
    url, opened, made = postgres_server.fresh_schema(), [], []
    for name in ("a", "b"):
        publications = Publications(tmp_path, url, name)
        opened.append(publications)
        made.append(Refresher(Store(fixture_snapshot), tmp_path, FIXTURE_SOURCE, publications=publications))
    yield made
    for publications in opened:
        publications.close()


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


def test_pruning_keeps_the_named_folders_besides_the_two_newest(tmp_path):
    names = [f"{SNAPSHOT_PREFIX}2026120{day}T000000Z-v{day}" for day in range(1, 6)]
    for name in names:
        (tmp_path / name).mkdir()
    (tmp_path / CURRENT_FILE).write_text(names[-1] + "\n")
    prune(tmp_path, keep={names[0]})
    assert snapshot_folders(tmp_path) == [names[0], *names[-2:]]


def test_a_published_folder_that_does_not_load_is_skipped_and_the_old_one_keeps_serving(light):
    a, b = light
    a.publications.record(SNAPSHOT, "gone", f"{SNAPSHOT_PREFIX}20261208T000000Z-gone")  # pruned, say
    before = b.store.current
    assert b.pending()
    assert b.follow() is None
    assert b.store.current is before
    assert not b.pending()  # tried once, not at every poll


def test_what_was_announced_is_a_row_every_replica_reads(light, tmp_path):
    a, b = light
    assert b.announced_version() is None
    a.mark_announced("v1")
    assert b.announced_version() == "v1"
    assert not (tmp_path / ANNOUNCED_FILE).exists()  # not in the shared folder


def test_each_live_replica_says_what_it_serves_and_one_that_left_serves_nothing(light):
    a, b = light
    a.publications.serve(SNAPSHOT, "snapshot-1")
    b.publications.serve(SNAPSHOT, "snapshot-2")
    assert a.publications.served(SNAPSHOT) == {"snapshot-1", "snapshot-2"} == a.served_anywhere()
    assert a.publications.served(SNAPSHOT, within=0) == set()  # nobody beat in the last instant
    b.publications.leave()
    assert a.publications.served(SNAPSHOT) == {"snapshot-1"}


def test_jobs_asked_of_the_jobs_replica_are_taken_once_and_stale_ones_dropped(light, monkeypatch):
    a, b = light
    asked = [JobRequest("reload", "force", 42, "es"), JobRequest("retrain", "", 43, "en")]
    for request in asked:
        b.publications.ask(request)
    assert a.publications.take_requests() == asked  # oldest first
    assert a.publications.take_requests() == []  # taken once
    b.publications.ask(asked[0])
    monkeypatch.setattr(
        "core.userdata.publications.REQUEST_EXPIRES_SECONDS", 0
    )  # nobody ran the jobs for too long
    assert a.publications.take_requests() == []
    assert a.publications.take_requests() == []  # dropped, not kept for later
