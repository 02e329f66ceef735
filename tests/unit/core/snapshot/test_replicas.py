"""Two replicas on one PostgreSQL: a published folder that does not load is skipped once; what
was announced is a row both read; each live replica says what it serves, and pruning keeps
those; jobs asked of the jobs replica are taken once. The build-and-swap itself, which runs
builds in child processes, is in tests/e2e/test_replica_snapshots.py."""

from __future__ import annotations

import dataclasses

import pytest

from core.snapshot.files import CURRENT_FILE, SNAPSHOT_PREFIX, prune
from core.snapshot.refresh import ANNOUNCED_FILE, Refresher
from core.snapshot.store import Store
from core.userdata.publications import SNAPSHOT, JobRequest, Publications
from tests.conftest import FIXTURE_SOURCE


def snapshot_folders(data) -> list[str]:
    return sorted(p.name for p in data.glob(f"{SNAPSHOT_PREFIX}*"))


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


def test_a_replica_says_it_serves_the_folder_current_names_when_it_is_of_its_version(
    fixture_snapshot, tmp_path
):
    version = fixture_snapshot.version
    loaded, rebuilt = (
        f"{SNAPSHOT_PREFIX}20261201T000000Z-{version}",
        f"{SNAPSHOT_PREFIX}20261202T000000Z-{version}",
    )
    for name in (loaded, rebuilt):
        (tmp_path / name).mkdir()
    (tmp_path / CURRENT_FILE).write_text(loaded + "\n")  # e.g. rolled back to, or loaded before a rebuild
    assert Refresher(Store(fixture_snapshot), tmp_path, FIXTURE_SOURCE).served_directory == loaded
    (tmp_path / CURRENT_FILE).write_text(f"{SNAPSHOT_PREFIX}20261203T000000Z-other\n")
    assert Refresher(Store(fixture_snapshot), tmp_path, FIXTURE_SOURCE).served_directory == rebuilt


def test_a_snapshot_swapped_in_by_a_first_start_completing_is_the_one_said_to_be_served(
    fixture_snapshot, tmp_path
):
    refresher = Refresher(Store(fixture_snapshot), tmp_path, FIXTURE_SOURCE)
    assert refresher.served_directory is None  # built in memory: in no folder
    whole = f"{SNAPSHOT_PREFIX}20261201T000000Z-{fixture_snapshot.version}"
    (tmp_path / whole).mkdir()
    (tmp_path / CURRENT_FILE).write_text(whole + "\n")
    refresher.store.publish(dataclasses.replace(fixture_snapshot))  # as first_start's swap does
    assert refresher.served_directory == whole
