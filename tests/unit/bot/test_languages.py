"""Each chat's language is served from memory, written to the file behind the reply, kept across
a restart, bounded, and erased by /forget even while writes are still queued."""

from __future__ import annotations

import threading

import pytest

from bot.languages import UNKNOWN, Languages
from core.userdata.subscriptions import Subscriptions


@pytest.fixture
def languages(tmp_path):
    store = Languages(tmp_path, kept=3)
    yield store
    store.close()


def hold_writer(store: Languages) -> threading.Event:
    """Keep the writer thread busy until the returned event is set: writes queue up meanwhile."""
    release = threading.Event()
    store._writer.submit(release.wait, 10)
    return release


class NoDisk:
    def execute(self, *args):
        raise AssertionError("read the file")


def test_a_new_language_is_served_at_once_without_the_file_and_reaches_it(languages, tmp_path):
    assert languages.known(7) is UNKNOWN and languages.language_of(7) is None
    release = hold_writer(languages)
    languages.remember_language(7, "es")
    disks = languages._db, languages._reader
    languages._db = languages._reader = NoDisk()
    try:
        assert languages.known(7) == "es" and languages.language_of(7) == "es"
    finally:
        languages._db, languages._reader = disks
    release.set()
    languages.flush()
    assert Subscriptions.language_of(languages, 7) == "es"  # what the file itself holds


def test_a_restart_reads_the_last_language_from_the_file(tmp_path):
    first = Languages(tmp_path)
    first.remember_language(7, "es")
    first.remember_language(7, "en")
    first.remember_language(8, "es")
    first.close()  # waits for the writer
    again = Languages(tmp_path)
    assert again.known(7) is UNKNOWN  # a new process knows nothing until it reads
    assert (again.language_of(7), again.language_of(8), again.language_of(9)) == ("en", "es", None)
    assert again.known(9) is None  # "none" is kept too: the next update does not read again
    again.close()


def test_forget_erases_memory_and_file_after_the_writes_queued_before_it(languages, tmp_path):
    languages.add(7, "netflix", "es")
    languages.flush()
    release = hold_writer(languages)
    languages.remember_language(7, "en")  # queued behind the held writer
    forgetting = threading.Thread(target=languages.forget, args=(7,))
    forgetting.start()
    assert languages.known(7) is None or languages.known(7) == "en"
    release.set()
    forgetting.join(10)
    assert languages.known(7) is None and languages.of_chat(7) == []
    languages.close()
    assert Languages(tmp_path).language_of(7) is None  # the queued write did not come back


def test_memory_keeps_the_recent_chats_and_a_dropped_one_is_read_right(languages):
    release = hold_writer(languages)
    languages.remember_language(1, "es")  # still queued when dropped from memory
    for chat in (2, 3, 4, 5):
        languages.remember_language(chat, "en")
    assert len(languages._memory) == 3 and 1 not in languages._memory
    assert languages.known(1) == "es" and languages.language_of(1) == "es"  # from the queue
    release.set()
    languages.flush()
    assert languages._queued == {}
    for chat in (6, 7, 8):
        languages.remember_language(chat, "en")
    languages.flush()
    assert languages.known(1) is UNKNOWN and languages.language_of(1) == "es"  # from the file


def test_subscribing_records_the_language_through_memory(languages):
    release = hold_writer(languages)
    languages.add(5, "hulu", "es")
    assert languages.known(5) == "es"
    # The news go out in the language memory has, even before the file has it.
    assert [tuple(s) for s in languages.subscribers(["hulu"])] == [(5, "es", ["hulu"])]
    languages.remove(5, "hulu", "en")
    assert languages.known(5) == "en"
    release.set()
    languages.flush()
    assert Subscriptions.language_of(languages, 5) == "en"


def test_a_new_chat_is_read_while_the_writer_holds_the_file(languages):
    """A first update never queues behind other chats' writes (WAL: a reader does not wait)."""
    languages.remember_language(1, "es")
    languages.flush()
    languages._memory.clear()
    read = {}
    reader = threading.Thread(target=lambda: read.update({c: languages.language_of(c) for c in (1, 2)}))
    with languages._db._lock:  # what the writer holds through a committed write
        reader.start()
        reader.join(5)
    assert read == {1: "es", 2: None}


@pytest.fixture
def two_replicas(tmp_path, postgres_server):
    """Two processes' ``Languages`` on one PostgreSQL database, as two replicas have them."""
    database = postgres_server.fresh_schema()
    first, second = Languages(tmp_path / "a", database), Languages(tmp_path / "b", database)
    yield first, second
    first.close()
    second.close()


def test_on_postgres_a_language_set_through_one_replica_is_what_the_other_answers_in(two_replicas):
    first, second = two_replicas
    assert first.reads_every_update and second.reads_every_update
    assert second.language_of(7) is None
    first.remember_language(7, "es")
    first.flush()
    assert second.known(7) is UNKNOWN  # what it read a moment ago may be out of date: it reads again
    assert second.language_of(7) == "es"
    second.remember_language(7, "en")  # the chat's next message went to the other replica
    second.flush()
    assert first.known(7) is UNKNOWN and first.language_of(7) == "en"


def test_on_postgres_a_replicas_own_write_in_flight_wins_until_it_lands(two_replicas):
    first, second = two_replicas
    second.remember_language(7, "en")
    second.flush()
    release = hold_writer(first)
    first.remember_language(7, "es")  # its own newest, not in the database yet
    assert first.known(7) == "es" and first.language_of(7) == "es"
    assert second.language_of(7) == "en"
    release.set()
    first.flush()
    assert second.language_of(7) == "es" and first.known(7) is UNKNOWN


def test_on_postgres_forget_reaches_every_replica(two_replicas):
    first, second = two_replicas
    first.add(7, "netflix", "es")
    first.flush()
    assert second.language_of(7) == "es"
    second.forget(7)
    assert first.language_of(7) is None and first.of_chat(7) == []
