"""The real bot with its user data in PostgreSQL (``STREAMBOT_DATABASE_URL``): a rating, a list
addition, a conversation's follow-up, a subscription, all answered as on SQLite and found as
rows in the database, with no SQLite file in the data folder."""

from __future__ import annotations

import asyncio

import psycopg
import pytest

from bot.app import close_stores
from tests.e2e.conftest import serving
from tests.e2e.test_commands import ask, buttons
from tests.e2e.test_feedback import press_and_answer
from tests.e2e.test_watchlist import tap
from tests.support.waiting import wait_until

USER = 9501


@pytest.fixture(scope="module")
def database_url(postgres_server):
    return postgres_server.fresh_database()


@pytest.fixture(scope="module")
def pg_bot(fixture_snapshot, tmp_path_factory, database_url):
    running = serving(fixture_snapshot, tmp_path_factory, database_url=database_url)
    bot = next(running)
    yield bot
    next(running, None)  # the bot stops, and what it sent is checked against the Bot API
    asyncio.run(close_stores(bot.application))  # the stores and the pool, as the bot closes them on exit


@pytest.fixture(scope="module")
def tg(pg_bot):
    return pg_bot.server


def rows(url, sql, args=()):
    with psycopg.connect(url) as connection:
        return connection.execute(sql, args).fetchall()


def test_a_users_data_lands_in_postgresql(tg, pg_bot, database_url):
    page = ask(tg, "/recommend toy story", user_id=USER)
    assert press_and_answer(tg, page, "1").params["text"].startswith("👍 Noted: you like Toy Story 2")
    rated = buttons(page)["1"]["callback_data"].split(":")[1]
    assert rows(database_url, "SELECT title_id, value FROM feedback WHERE user_id = %s", (USER,)) == [
        (rated, 1)
    ]
    assert (
        press_and_answer(tg, page, "1").params["text"].startswith("👎 Noted")
    )  # the cycle, in one statement

    card = ask(tg, "/title coco", user_id=USER)
    assert tap(tg, card, "➕ My list", USER).params["text"]
    coco = buttons(card)["✓ Seen"]["callback_data"].split(":")[1]
    assert rows(database_url, "SELECT title_id, added_by FROM watchlist WHERE chat_id = %s", (USER,)) == [
        (coco, USER)
    ]

    assert "on Netflix" in ask(tg, "how many horror movies are on netflix?", user_id=USER).params["text"]
    second = ask(tg, "and on hulu?", user_id=USER).params["text"]
    assert "on Hulu" in second and "Horror" in second  # the follow-up read its frame back
    # The frame is written after the reply: wait for the follow-up's, not the question's before it.
    wait_until(
        lambda: any(
            "hulu" in frame
            for (frame,) in rows(database_url, "SELECT frame FROM dialogue WHERE chat_id = %s", (USER,))
        ),
        timeout=10,
        what="the follow-up's frame in PostgreSQL",
    )

    assert "Subscribed" in ask(tg, "/subscribe netflix", user_id=USER).params["text"]
    assert rows(database_url, "SELECT platform FROM subscriptions WHERE chat_id = %s", (USER,)) == [
        ("netflix",)
    ]
    assert wait_until(
        lambda: rows(database_url, "SELECT language FROM chat_languages WHERE chat_id = %s", (USER,)),
        timeout=10,
        what="the chat's language in PostgreSQL",
    ) == [("en",)]

    versions = dict(rows(database_url, "SELECT store, version FROM schema_versions"))
    assert set(versions) == {"feedback", "subscriptions", "together", "dialogue"}
    assert not list(pg_bot.application.bot_data.settings.data_dir.glob("*.sqlite3"))  # nothing in SQLite


def test_taps_at_once_on_a_rating_button_each_move_it_one_step(tg, pg_bot, database_url):
    """Seven taps sent together, handled concurrently: the cycle 👍 👎 cleared, twice, then 👍."""
    user = USER + 1
    page = ask(tg, "/recommend toy story", user_id=user)
    data = buttons(page)["2"]["callback_data"]
    taps = [tg.press_button(page, data, user_id=user) for _ in range(7)]
    pg_bot.wait_handled(*taps, timeout=20)
    title_id = data.split(":")[1]
    assert rows(
        database_url, "SELECT value FROM feedback WHERE user_id = %s AND title_id = %s", (user, title_id)
    ) == [(1,)]
