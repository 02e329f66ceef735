"""Subscriptions remember each chat's language, and files written before they did keep working."""

from __future__ import annotations

import sqlite3

from core.userdata.subscriptions import FILE_NAME, MIGRATIONS, Subscriber, Subscriptions

# The file as the bot wrote it before chats had a language (schema version 0).
OLD_SCHEMA = """
CREATE TABLE subscriptions (chat_id INTEGER NOT NULL, platform TEXT NOT NULL, PRIMARY KEY (chat_id, platform));
CREATE TABLE announcements (version TEXT NOT NULL, chat_id INTEGER NOT NULL, PRIMARY KEY (version, chat_id));
INSERT INTO subscriptions VALUES (1, 'netflix'), (1, 'hulu'), (-100, 'netflix');
INSERT INTO announcements VALUES ('v1', 1);
"""


def schema_version(folder) -> int:
    with sqlite3.connect(folder / FILE_NAME) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_versions'").fetchall():
            return 0  # a file from before versions were kept
        rows = db.execute("SELECT version FROM schema_versions WHERE store = 'subscriptions'").fetchall()
        return rows[0][0] if rows else 0


def test_a_chat_is_told_in_the_language_it_last_subscribed_or_unsubscribed_in(place):
    subs = place.open(Subscriptions)
    subs.add(1, "netflix", "es")
    subs.add(2, "netflix", "en")
    subs.add(2, "hulu")  # no language given: the recorded one stands
    assert subs.language_of(1) == "es" and subs.language_of(2) == "en"
    assert subs.subscribers(["netflix", "hulu"]) == [
        Subscriber(1, "es", ["netflix"]),
        Subscriber(2, "en", ["hulu", "netflix"]),
    ]

    subs.add(1, "hulu", "en")  # the chat speaks English now
    subs.remove(2, "hulu", "es")
    assert subs.subscribers(["netflix"]) == [
        Subscriber(1, "en", ["netflix"]),
        Subscriber(2, "es", ["netflix"]),
    ]
    subs.close()

    subs = place.open(Subscriptions)  # kept across a restart
    assert subs.language_of(1) == "en" and subs.language_of(2) == "es"
    subs.close()


def test_the_language_outlives_the_subscriptions_and_unknown_chats_have_none(place):
    subs = place.open(Subscriptions)
    subs.add(7, "disney", "es")
    assert subs.remove(7) == 1 and subs.subscribers(["disney"]) == []
    assert subs.language_of(7) == "es"  # an admin who unsubscribed still reads alerts in Spanish
    assert subs.language_of(8) is None
    subs.remember_language(8, "es")
    assert subs.language_of(8) == "es"
    subs.close()


def test_an_old_file_is_migrated_and_its_chats_read_english(tmp_path):
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.executescript(OLD_SCHEMA)
    assert schema_version(tmp_path) == 0

    subs = Subscriptions(tmp_path)
    assert schema_version(tmp_path) == len(MIGRATIONS)
    assert subs.subscribers(["netflix", "hulu"]) == [
        Subscriber(-100, "en", ["netflix"]),
        Subscriber(1, "en", ["hulu", "netflix"]),
    ]
    assert subs.language_of(1) is None
    assert not subs.claim("v1", 1)  # announcements already made are kept
    subs.add(1, "disney", "es")
    subs.close()

    subs = Subscriptions(tmp_path)  # opening a migrated file again changes nothing
    assert schema_version(tmp_path) == len(MIGRATIONS)
    assert subs.of_chat(1) == ["disney", "hulu", "netflix"] and subs.language_of(1) == "es"
    subs.close()
