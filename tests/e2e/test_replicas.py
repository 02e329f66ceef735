"""Two ``python -m bot`` replicas in webhook mode on one PostgreSQL, any update to either
(``tests/support/replicas.py``): a conversation whose messages alternate between them, rating
taps and list additions from both at once, a subscription made on one and shown by the other, a
refresh, and the faults: a replica killed with kill -9 under load, PostgreSQL restarted under load.

The two replicas start once for the module (seconds each); the tests run in file order, the
faults last, and each test speaks in chats of its own."""

from __future__ import annotations

import contextlib
import threading
import time

import psycopg
import pytest

from tests.e2e.test_commands import buttons
from tests.support.replicas import Replicas, ReplicaTelegram
from tests.support.waiting import wait_until

ADMIN = 4100
GROUP = -1002500000025
NETFLIX = "titles/netflix_titles.csv"
NEW_ROW = 's99,Movie,The Replica Test,Ann,Bo,Spain,"October 1, 2021",2021,PG,101 min,Dramas,A new film.\n'


@pytest.fixture(scope="module")
def database_url(postgres_server):
    return postgres_server.fresh_database()


@pytest.fixture(scope="module")
def replicas(database_url, tmp_path_factory, fixture_snapshot):
    folder = tmp_path_factory.mktemp("replicas")
    with (
        ReplicaTelegram() as tg,
        Replicas(
            tg, folder, database_url, snapshot=fixture_snapshot, STREAMBOT_ADMIN_IDS=str(ADMIN)
        ) as running,
    ):
        yield running


@pytest.fixture(scope="module")
def tg(replicas):
    return replicas.tg


def rows(url, sql, args=()):
    with psycopg.connect(url) as connection:
        return connection.execute(sql, args).fetchall()


def say(tg, replicas, replica, text, user_id, chat_id=None, chat_type="private", timeout=20.0):
    """``user_id`` writes ``text``, delivered first to ``replica``; the bot's reply."""
    chat_id = chat_id or user_id
    mark = tg.mark()
    with replicas.sending_to(replica):
        tg.send_text(text, user_id=user_id, chat_id=chat_id, chat_type=chat_type)
    return tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == chat_id, after=mark, timeout=timeout)


def handled(replicas, updates, timeout=20.0) -> dict[int, list[str]]:
    """Once every update has been handled by some replica: who handled each."""
    wanted = {u["update_id"] for u in updates}
    return wait_until(
        lambda: (seen := replicas.handled_by()) and wanted <= set(seen) and {i: seen[i] for i in wanted},
        timeout=timeout,
        what=f"updates {sorted(wanted)} to be handled",
        every=0.1,
    )


def replies_to(tg, chat_id, after=0, method="sendMessage"):
    return [c for c in tg.calls()[after:] if c.method == method and c.params.get("chat_id") == chat_id]


def test_a_follow_up_is_understood_by_the_other_replica(tg, replicas):
    user = 5001
    first = say(tg, replicas, "r1", "how many horror movies are on netflix?", user).text
    assert "on Netflix" in first
    second = say(tg, replicas, "r2", "and on hulu?", user).text
    assert "on Hulu" in second and "Horror" in second  # r2 read the frame r1 wrote
    third = say(tg, replicas, "r1", "and on disney?", user).text
    assert "Horror" in third and "Disney" in third  # and back again


def test_rating_taps_from_both_replicas_at_once_each_move_it_one_step(tg, replicas, database_url):
    """Seven taps of one button, alternately to r1 and r2, all at once: the cycle 👍 👎
    cleared twice, then 👍: none lost, none doubled."""
    user = 5002
    page = say(tg, replicas, "r1", "/recommend toy story", user)
    data = buttons(page)["2"]["callback_data"]
    mark = tg.mark()
    with tg._cond:  # hold the server: all seven are pushed before the first one is answered
        taps = [tg.press_button(page, data, user_id=user) for _ in range(7)]
    by = handled(replicas, taps)
    assert {name for names in by.values() for name in names} == {"r1", "r2"}
    assert all(len(names) == 1 for names in by.values()), by
    title_id = data.split(":")[1]
    assert rows(
        database_url, "SELECT value FROM feedback WHERE user_id = %s AND title_id = %s", (user, title_id)
    ) == [(1,)]
    answered = {c.params["callback_query_id"] for c in tg.calls()[mark:] if c.method == "answerCallbackQuery"}
    assert answered == {t["callback_query"]["id"] for t in taps}  # each tap answered


def test_rating_taps_at_once_get_one_answer_each_and_no_apology(tg, replicas):
    user = 5012
    page = say(tg, replicas, "r1", "/recommend toy story", user)
    data = buttons(page)["3"]["callback_data"]
    mark = tg.mark()
    with tg._cond:
        taps = [tg.press_button(page, data, user_id=user) for _ in range(7)]
    handled(replicas, taps)  # its log line is written once the error handler is done too
    answers = sorted(
        c.params["callback_query_id"] for c in tg.calls()[mark:] if c.method == "answerCallbackQuery"
    )
    assert answers == sorted(t["callback_query"]["id"] for t in taps)


def test_list_additions_from_both_replicas_all_land_on_the_list(tg, replicas):
    user = 5003
    cards = [
        say(tg, replicas, replica, f"/title {name}", user)
        for replica, name in [("r1", "coco"), ("r2", "frozen")]
    ]
    mark = tg.mark()
    taps = []
    for replica, card in zip(["r2", "r1"], cards, strict=True):  # each card's tap on the other replica
        with replicas.sending_to(replica):
            taps.append(tg.press_button(card, buttons(card)["➕ My list"]["callback_data"], user_id=user))
    handled(replicas, taps)
    toasts = [c.params["text"] for c in tg.calls()[mark:] if c.method == "answerCallbackQuery"]
    assert sorted(t.startswith("➕ Added to your list") for t in toasts) == [True, True], toasts
    listed = say(tg, replicas, "r1", "/watchlist", user).text
    assert listed.startswith("<b>Your list</b> (2 titles)") and "Coco" in listed and "Frozen" in listed


def test_a_subscription_made_on_one_replica_is_shown_by_the_other(tg, replicas):
    user = 5004
    assert "Subscribed" in say(tg, replicas, "r1", "/subscribe netflix", user).text
    assert "This chat's subscriptions: Netflix." in say(tg, replicas, "r2", "/mydata", user).text
    assert "This chat follows: Netflix." in say(tg, replicas, "r2", "/subscribe", user).text


def test_the_language_a_chat_speaks_on_one_replica_is_used_by_the_other(tg, replicas):
    user = 5005
    assert "titles" in say(tg, replicas, "r2", "/count", user).text  # r2 has seen the chat in English
    spanish = say(tg, replicas, "r1", "¿cuántas películas de terror hay en netflix?", user).text
    assert "en Netflix" in spanish
    # A bare title says no language of its own: the chat's, which r1 changed, is r2's answer too.
    assert "Reparto:" in say(tg, replicas, "r2", "toy story", user).text


def test_a_refresh_builds_once_announces_once_and_both_replicas_serve_it(tg, replicas):
    assert "Subscribed" in say(tg, replicas, "r1", "/subscribe netflix", ADMIN, GROUP, "supergroup").text
    with open(replicas.source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(NEW_ROW)
    mark = tg.mark()
    reloads = []
    with tg._cond:  # both at once: only one may build
        for replica in ("r1", "r2"):
            with replicas.sending_to(replica):
                reloads.append(tg.send_text("/reload", user_id=ADMIN))
    handled(replicas, reloads, timeout=60)
    wait_until(
        lambda: any(
            "Now serving catalogue" in (c.text or "") for c in replies_to(tg, ADMIN, mark, "editMessageText")
        ),
        timeout=60,
        what="the refresh to publish",
    )
    outcomes = [c.text for c in replies_to(tg, ADMIN, mark, "editMessageText")]
    assert sum("Now serving catalogue" in t for t in outcomes) == 1, outcomes  # one build
    for replica in ("r1", "r2"):
        found = wait_until(
            lambda r=replica: (
                "The Replica Test" in say(tg, replicas, r, "/where the replica test", ADMIN).text
            ),
            timeout=15,
            what=f"{replica} to serve the new catalogue",
        )
        assert found

    def news():
        return [t for t in (c.text for c in replies_to(tg, GROUP, mark)) if "New titles" in t]

    wait_until(news, timeout=15, what="the group to hear of the new title")
    assert len(news()) == 1 and "The Replica Test (2021)" in news()[0]  # told once, by one replica


def paced(tg, texts_and_users, rate: float) -> list[dict]:
    """Each (text, user) written in turn, ``rate`` per second; the updates."""
    updates, start = [], time.monotonic()
    for i, (text, user) in enumerate(texts_and_users):
        time.sleep(max(0.0, start + i / rate - time.monotonic()))
        updates.append(tg.send_text(text, user_id=user))
    return updates


def answered_once(tg, users, after, timeout=30.0) -> dict[int, list[str]]:
    """Each user's replies once every user has one (then a moment more, for doubles)."""
    wait_until(
        lambda: all(replies_to(tg, u, after) for u in users),
        timeout=timeout,
        what="a reply to every update",
        every=0.1,
    )
    time.sleep(1.0)  # a doubled reply would come right behind the first
    return {u: [c.text for c in replies_to(tg, u, after)] for u in users}


def test_a_replica_killed_under_load_the_other_answers_the_rest_once(tg, replicas):
    """Updates alternate between the two; r1 is killed a third of the way in. Every update is
    delivered (those r1 refuses, dead, go to r2), and none is answered twice. What r1 had
    accepted but not answered when it died is the next test's."""
    users = list(range(6000, 6060))
    mark = tg.mark()
    killer = threading.Timer(0.3, replicas["r1"].kill)
    killer.start()
    updates = paced(tg, [("/count netflix", u) for u in users], rate=60)
    killer.join()
    assert not replicas["r1"].alive
    wait_until(lambda: not tg.sender.undelivered(), timeout=30, what="every update delivered")
    deliveries = {u["message"]["chat"]["id"]: tg.sender.deliveries[u["update_id"]] for u in updates}
    assert {d.accepted_by for d in deliveries.values()} == {"r1", "r2"}
    redelivered = [d for d in deliveries.values() if d.attempts[0][0] == "r1" and d.accepted_by == "r2"]
    assert redelivered  # r1's share after its death, refused there and delivered to r2
    survivors = [u for u, d in deliveries.items() if d.accepted_by == "r2"]
    replies = answered_once(tg, survivors, mark)
    assert [u for u, texts in replies.items() if len(texts) != 1] == []
    assert all("Netflix" in texts[0] for texts in replies.values())
    assert all(len(replies_to(tg, u, mark)) <= 1 for u in users)  # nothing doubled by r1 either


def test_the_killed_replica_comes_back_and_serves(tg, replicas):
    if not replicas["r1"].alive:
        replicas.restart("r1")
    assert "Netflix" in say(tg, replicas, "r1", "/count netflix", 6100).text
    assert "Netflix" in say(tg, replicas, "r2", "/count netflix", 6101).text


def test_postgresql_restarted_under_load_every_update_is_answered_without_a_traceback(
    tg, replicas, postgres_server
):
    if not postgres_server.can_restart:
        pytest.skip("STREAMBOT_TEST_DATABASE_URL's server is not ours to restart")
    users = list(range(7000, 7030))
    mark = tg.mark()
    restart = threading.Timer(0.3, postgres_server.restart, kwargs={"down_for": 1.0})
    restart.start()
    # Each one a new chat: its language and dialogue frame are read from the database.
    paced(tg, [("/subscribe hulu" if u % 2 else "/count hulu", u) for u in users], rate=20)
    restart.join()
    wait_until(lambda: not tg.sender.undelivered(), timeout=30, what="every update delivered")
    replies = answered_once(tg, users, mark, timeout=60)
    texts = [t for answers in replies.values() for t in answers]
    assert not [t for t in texts if "Traceback" in t or "psycopg" in t]
    unanswered = [u for u, answers in replies.items() if not any("Hulu" in t for t in answers)]
    assert unanswered == [], {u: replies[u] for u in unanswered}


def test_afterwards_both_replicas_still_serve_from_the_database(tg, replicas, database_url):
    user = 7100
    assert "Subscribed" in say(tg, replicas, "r1", "/subscribe disney", user).text
    assert "This chat follows: Disney+." in say(tg, replicas, "r2", "/subscribe", user).text
    assert rows(database_url, "SELECT platform FROM subscriptions WHERE chat_id = %s", (user,)) == [
        ("disney",)
    ]


def test_an_update_in_hand_when_its_replica_is_killed_is_answered_by_the_other(tg, replicas):
    """Last in the module: r1 stays dead. r1 is killed the moment it has accepted three
    updates, before it can have answered them (a recommendation takes it tens of milliseconds).
    A reply already on its way to Telegram counts (Telegram sends it), so the Bot API is not
    held: a bot that accepts only once done is then answered by r1, or, killed first, by r2."""
    users = [6200, 6201, 6202]
    mark = tg.mark()
    with replicas.sending_to("r1"):
        updates = [tg.send_text("/recommend toy story", user_id=u) for u in users]
    with contextlib.suppress(AssertionError):  # a bot that answers 200 once done accepts later
        wait_until(
            lambda: all(tg.sender.deliveries[u["update_id"]].accepted_by for u in updates),
            timeout=2,
            what="r1 to take the updates",
            every=0.001,
        )
    replicas["r1"].kill()
    replies = answered_once(tg, users, mark, timeout=5)
    assert all(len(texts) == 1 and "Toy Story" in texts[0] for texts in replies.values()), replies
