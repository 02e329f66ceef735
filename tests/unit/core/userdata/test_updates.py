"""The handled-once record: a redelivered update is handled once, one whose holder died is
handled by whoever gets it next, and a day later its id is forgotten."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from core.userdata.updates import (
    BUSY,
    CLAIMED,
    DONE,
    KEPT_FOR,
    STALE_AFTER,
    MemoryUpdates,
    open_handled_updates,
)


@pytest.fixture
def record(place):
    return place.open(open_handled_updates, holder="replica-a")


def other_replica(place, record):
    """Another replica's view of the record: a second process on PostgreSQL; on SQLite one
    process serves, so the record is its own."""
    return place.open(open_handled_updates, holder="replica-b") if place.backend == "postgres" else record


def test_an_update_is_claimed_once_and_answered_done_after(place, record):
    other = other_replica(place, record)
    assert record.claim(7, now=100.0) == CLAIMED
    assert other.claim(7, now=101.0) == BUSY  # still being handled: Telegram should ask again
    record.done(7, now=102.0)
    assert other.claim(7, now=103.0) == DONE  # a redelivery is not handled again
    assert record.claim(7, now=200.0) == DONE  # however late
    assert record.claim(8, now=103.0) == CLAIMED  # other updates are not held up


def test_a_claim_whose_holder_died_is_taken_over(place, record):
    other = other_replica(place, record)
    assert record.claim(9, now=100.0) == CLAIMED  # then killed mid-update, never done
    assert other.claim(9, now=100.0 + STALE_AFTER - 1) == BUSY
    assert other.claim(9, now=100.0 + STALE_AFTER + 1) == CLAIMED
    assert record.claim(9, now=100.0 + STALE_AFTER + 2) == BUSY  # the new holder's now
    other.done(9, now=100.0 + STALE_AFTER + 3)
    assert record.claim(9, now=100.0 + STALE_AFTER + 4) == DONE


def test_a_released_claim_is_handled_at_once_by_the_next_delivery(place, record):
    other = other_replica(place, record)
    assert record.claim(10, now=100.0) == CLAIMED
    record.release(10)  # a stop cut its handling short
    assert other.claim(10, now=101.0) == CLAIMED


def test_a_day_later_ids_are_forgotten(record):
    record.claim(11, now=1_000.0)
    record.done(11, now=1_000.0)
    record.claim(12, now=1_000.0 + KEPT_FOR)
    assert record.prune(now=1_000.0 + KEPT_FOR + 1) == 1
    assert record.claim(11, now=1_000.0 + KEPT_FOR + 2) == CLAIMED  # forgotten, as Telegram has
    assert record.claim(12, now=1_000.0 + KEPT_FOR + 2) == BUSY  # the recent one is kept


def test_deliveries_at_once_make_one_claim(place, record):
    others = [record] + [
        place.open(open_handled_updates, holder=f"replica-{i}")
        for i in range(3)
        if place.backend == "postgres"
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: others[i % len(others)].claim(13), range(16)))
    assert answers.count(CLAIMED) == 1 and answers.count(BUSY) == 15


def test_in_memory_the_oldest_ids_make_room():
    record = MemoryUpdates(size=3)
    for update_id in range(5):
        record.claim(update_id, now=100.0)
        record.done(update_id, now=100.0)
    assert [record.claim(i, now=101.0) for i in (3, 4)] == [DONE, DONE]
    assert record.claim(0, now=101.0) == CLAIMED  # forgotten to keep memory bounded


def test_a_claim_whose_holder_is_gone_is_taken_over_at_once(place, record):
    if place.backend != "postgres":
        pytest.skip("one process serves a SQLite folder: a claim's holder is always this process")
    assert record.claim(14, now=100.0) == CLAIMED
    other = other_replica(place, record)
    assert other.claim(14, now=101.0) == BUSY  # its holder lives (its lock is held)
    record.close()  # as a kill -9 ends its connections: the lock goes with them
    assert other.claim(14, now=102.0) == CLAIMED  # long before the claim is stale
    other.done(14, now=103.0)
    assert other.claim(14, now=104.0) == DONE
