"""Likes and dislikes: the latest word wins, nothing leaks between users, all survives a
reopen, and /forget leaves nothing behind."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from core.userdata.feedback import DISLIKE, LIKE, Feedback, Signal


@pytest.fixture
def feedback(place):
    store = place.open(Feedback)
    yield store
    store.close()


def test_the_latest_word_on_a_title_wins(feedback):
    feedback.record(1, "ns1", LIKE, "button", at=1.0)
    feedback.record(1, "ns1", DISLIKE, "command", at=2.0)
    assert feedback.of_user(1) == {"ns1": DISLIKE}
    assert feedback.value_of(1, "ns1") == DISLIKE and feedback.value_of(1, "ns2") is None
    assert feedback.signals_of(1) == [Signal(1, "ns1", DISLIKE, "command", 2.0)]


def test_zero_takes_a_word_back(feedback):
    feedback.record(1, "ns1", LIKE, "button")
    feedback.record(1, "ns1", 0, "button")
    assert feedback.of_user(1) == {}


def test_users_are_kept_apart_and_forget_erases_one(feedback):
    feedback.record(1, "ns1", LIKE, "button", at=1.0)
    feedback.record(1, "ds2", DISLIKE, "button", at=2.0)
    feedback.record(2, "ns1", DISLIKE, "command", at=3.0)
    assert feedback.of_user(1) == {"ns1": LIKE, "ds2": DISLIKE}
    assert feedback.of_user(2) == {"ns1": DISLIKE}
    assert feedback.forget(1) == 2
    assert feedback.of_user(1) == {} and feedback.of_user(2) == {"ns1": DISLIKE}
    assert [s.user_id for s in feedback.all()] == [2]


def test_everything_survives_a_reopen(place):
    first = place.open(Feedback)
    first.record(7, "hs9", LIKE, "button", at=5.0)
    first.close()
    again = place.open(Feedback)
    assert again.of_user(7) == {"hs9": LIKE} and again.count() == 1
    again.close()


@pytest.mark.parametrize(("value", "source"), [(2, "button"), (1, "somewhere")])
def test_nonsense_is_refused(feedback, value, source):
    with pytest.raises(ValueError):
        feedback.record(1, "ns1", value, source)
    assert feedback.count() == 0


def test_many_at_once_in_time_order(feedback):
    feedback.record_many([Signal(1, f"ns{i}", LIKE, "simulation", float(10 - i)) for i in range(5)])
    assert [s.title_id for s in feedback.all()] == ["ns4", "ns3", "ns2", "ns1", "ns0"]


def test_a_rating_button_cycles_like_dislike_cleared(feedback):
    assert [feedback.cycle(1, "ns1") for _ in range(4)] == [LIKE, DISLIKE, 0, LIKE]
    feedback.cycle(1, "ns2")
    feedback.cycle(1, "ns2")
    feedback.cycle(1, "ns2")  # cleared: reads as never rated
    assert feedback.of_user(1) == {"ns1": LIKE} and feedback.value_of(1, "ns2") is None
    assert feedback.count() == 1 and [s.title_id for s in feedback.all()] == ["ns1"]
    assert feedback.forget(1) == 1  # the cleared one was no rating


def test_taps_at_once_each_move_the_cycle_one_step(feedback):
    """Many threads tap the same button at once: the count of taps decides where the cycle
    ends, none lost, none doubled (a read then a write would lose some)."""
    taps = 30  # ten whole cycles, then one tap more: liked
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: feedback.cycle(1, "ns1"), range(taps + 1)))
    assert sorted(results).count(LIKE) == taps // 3 + 1
    assert sorted(results).count(DISLIKE) == taps // 3 and results.count(0) == taps // 3
    assert feedback.value_of(1, "ns1") == LIKE


def test_telegram_ids_beyond_32_bits_are_kept(feedback):
    feedback.record(-1001234567890, "ns1", LIKE, "button")
    feedback.record(9_000_000_000, "ns2", DISLIKE, "button")
    assert (
        feedback.of_user(-1001234567890) == {"ns1": LIKE}
        and feedback.value_of(9_000_000_000, "ns2") == DISLIKE
    )


def test_the_retrain_reads_the_ratings_where_the_bot_keeps_them(place, feedback):
    from core.personal.training import read_signals

    feedback.record(1, "ns1", LIKE, "button", at=1.0)
    feedback.cycle(1, "ds2", at=2.0)
    feedback.cycle(1, "ds2", at=3.0)
    feedback.cycle(1, "ds2", at=4.0)  # cleared: no signal
    assert read_signals(place.data_dir, place.database) == [Signal(1, "ns1", LIKE, "button", 1.0)]
