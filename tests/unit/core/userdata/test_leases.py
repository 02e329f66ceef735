"""The jobs lease on a real PostgreSQL: one holder at a time, renewed by its holder, taken over
once it expires or is released; on SQLite always this process's."""

from __future__ import annotations

import threading
import time

import pytest

from core.userdata.leases import JOBS, Leases


@pytest.fixture
def replicas(postgres_server, tmp_path):
    """Two replicas' leases on one fresh schema."""
    url = postgres_server.fresh_schema()
    opened = [Leases(tmp_path, url, "replica-a"), Leases(tmp_path, url, "replica-b")]
    yield opened
    for leases in opened:
        leases.close()


def test_one_holder_at_a_time_and_the_holder_renews(replicas):
    a, b = replicas
    assert a.take(JOBS) is True
    assert b.take(JOBS) is False
    assert a.take(JOBS) is True  # renewed: still a's
    assert b.holder(JOBS) == "replica-a" == a.holder(JOBS)


def test_an_expired_lease_is_taken_over_and_the_old_holder_loses_it(replicas):
    a, b = replicas
    assert a.take(JOBS, seconds=0.3)
    assert not b.take(JOBS)
    time.sleep(0.4)  # a stopped renewing, as after kill -9
    assert a.holder(JOBS) is None
    assert b.take(JOBS) is True
    assert a.take(JOBS) is False  # a's late renewal does not steal it back
    assert a.holder(JOBS) == "replica-b"


def test_renewing_keeps_the_lease_past_its_first_expiry(replicas):
    a, b = replicas
    a.take(JOBS, seconds=0.4)
    for _ in range(3):
        time.sleep(0.2)
        assert a.take(JOBS, seconds=0.4)
    assert not b.take(JOBS)


def test_a_released_lease_is_free_at_once_and_only_its_holder_releases_it(replicas):
    a, b = replicas
    a.take(JOBS)
    b.release(JOBS)  # not b's to give away
    assert not b.take(JOBS)
    a.release(JOBS)
    assert a.holder(JOBS) is None
    assert b.take(JOBS) is True


def test_replicas_racing_for_a_free_lease_get_exactly_one_winner(replicas):
    a, b = replicas
    results: dict[str, bool] = {}
    start = threading.Barrier(2)

    def race(leases: Leases) -> None:
        start.wait()
        results[leases.replica] = leases.take("race")

    threads = [threading.Thread(target=race, args=(leases,)) for leases in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results.values()) == [False, True]


def test_leases_of_different_names_are_independent(replicas):
    a, b = replicas
    assert a.take("jobs") and b.take("other")
    assert a.holder("other") == "replica-b"


def test_on_sqlite_the_lease_is_always_this_process_and_nothing_is_written(tmp_path):
    leases = Leases(tmp_path, None, "solo")
    assert leases.take(JOBS) and leases.take(JOBS, seconds=0)
    assert leases.holder(JOBS) == "solo"
    leases.release(JOBS)
    assert leases.take(JOBS)
    leases.close()
    assert list(tmp_path.iterdir()) == []  # no file in the data folder
