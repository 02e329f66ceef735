"""The dialogue memory's store: one frame per conversation, kept across a restart, expired
after a pause, erased on request."""

from __future__ import annotations

import time

import pytest

from core.dialogue import EXPIRES_AFTER, Frame
from core.understanding import Intent, Question
from core.userdata.dialogue import DialogueStore


def frame(at: float, focus: str = "ns1") -> Frame:
    return Frame(asked=Question(Intent.TOP), focus=focus, shown=("ns1", "ns2"), read=2, language="es", at=at)


def test_a_frame_is_kept_across_a_restart(place):
    now = time.time()
    store = place.open(DialogueStore)
    store.put(42, 0, frame(now))
    store.close()
    again = place.open(DialogueStore).get(42, 0, now=now + 1)
    assert again.focus == "ns1" and again.shown == ("ns1", "ns2") and again.language == "es"
    assert again.asked.intent == Intent.TOP


def test_a_late_background_write_never_brings_back_an_older_frame(place):
    """The bot serves a frame from memory at once and writes it later, in order: the write of
    the first message may come after the second message's frame is already served."""
    now = time.time()
    store = place.open(DialogueStore)
    store.remember(42, 0, frame(now, "ns1"))
    store.remember(42, 0, frame(now + 1, "ns2"))  # the follow-up, answered at once
    store.put(42, 0, frame(now, "ns1"))  # the writer thread catching up
    store.put(42, 0, frame(now + 1, "ns2"))
    assert store.get(42, 0, now=now + 1).focus == "ns2"
    store.remember(42, 0, frame(now + 2, "ns3"))
    store.put(42, 0, frame(now + 1, "ns2"))
    assert store.get(42, 0, now=now + 2).focus == "ns3"
    store.close()
    assert place.open(DialogueStore).get(42, 0, now=now + 2).focus == "ns2"  # the file has what was written


def test_group_members_have_conversations_of_their_own(place):
    now = time.time()
    store = place.open(DialogueStore)
    store.put(-100, 1, frame(now, "ns1"))
    store.put(-100, 2, frame(now, "ns9"))
    assert store.get(-100, 1, now=now).focus == "ns1"
    assert store.get(-100, 2, now=now).focus == "ns9"
    assert store.get(-100, 3, now=now).is_empty()


def test_a_conversation_expires_after_a_pause(place):
    now = time.time()
    store = place.open(DialogueStore)
    store.put(7, 0, frame(now))
    assert not store.get(7, 0, now=now + EXPIRES_AFTER - 1).is_empty()
    assert store.get(7, 0, now=now + EXPIRES_AFTER + 1).is_empty()


def test_forgetting_a_person_erases_their_private_chat_and_group_parts(place):
    now = time.time()
    store = place.open(DialogueStore)
    store.put(5, 0, frame(now))  # their private chat: its id is theirs
    store.put(-100, 5, frame(now))
    store.put(-100, 6, frame(now))
    assert store.forget_user(5) == 2
    assert store.get(5, 0, now=now).is_empty() and store.get(-100, 5, now=now).is_empty()
    assert not store.get(-100, 6, now=now).is_empty()


def test_a_person_is_found_again_by_name_after_the_catalogue_changes(place, fixture_snapshot):
    from core.questions.filters import Filters
    from core.questions.people import People

    before = fixture_snapshot.table.people
    after = People(fixture_snapshot.catalogue.iloc[40:])  # another version: the ids move
    name = "tom hanks" if before.find("tom hanks") is not None else before.key(0)
    if after.find(name) is None:
        name = next(before.key(i) for i in range(len(before)) if after.find(before.key(i)) is not None)
    assert before.find(name) != after.find(name)
    asked = Question(Intent.PERSON).refined(Filters(person=before.find(name)))
    now = time.time()
    store = place.open(DialogueStore)
    store.put(9, 0, Frame(asked=asked, at=now), before)
    for reader in (store, place.open(DialogueStore)):  # from memory, and from the file
        kept = reader.get(9, 0, after, now=now)
        assert kept.asked.filters.person == after.find(name)


def test_on_a_shared_database_a_follow_up_reads_what_another_replica_wrote(place):
    if place.backend != "postgres":
        pytest.skip("one process serves a SQLite file: its memory is always the newest")
    now = time.time()
    first, second = place.open(DialogueStore), place.open(DialogueStore)  # two replicas
    second.put(42, 0, frame(now, "ns1"))
    assert second.get(42, 0, now=now).focus == "ns1"
    first.put(42, 0, frame(now + 1, "ns2"))  # the next message went to the other replica
    assert second.get(42, 0, now=now + 1).focus == "ns2"
    second.remember(42, 0, frame(now + 2, "ns3"))  # its own newer frame, not yet written, still wins
    assert second.get(42, 0, now=now + 2).focus == "ns3"
