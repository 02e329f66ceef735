"""End-to-end through the loopback Bot API: rating buttons, /like, /foryou, /mydata and
/forget; two users kept apart; ratings surviving a restart."""

from __future__ import annotations

from core.catalogue.genres import split_genres
from tests.e2e.test_commands import ask, buttons, press
from tests.support.running_bot import RunningBot
from tests.support.telegram_server import FakeTelegram

HORROR = [
    "the conjuring", "the conjuring 2", "the exorcist", "the ring", "green room", "the ritual",
    "final destination 3", "the haunting in connecticut", "stonehearst asylum", "ju-on: the grudge",
]  # fmt: skip


def press_and_answer(tg, call, label):
    mark = tg.mark()
    tg.press_button(call, buttons(call)[label]["callback_data"], user_id=call.params["chat_id"])
    return tg.wait_for("answerCallbackQuery", after=mark, timeout=10)


def test_rating_buttons_cycle_like_dislike_clear(tg):
    page = ask(tg, "/recommend toy story", user_id=9001)
    assert "Tap a number to rate" in page.params["text"]
    assert {"1", "2", "3", "4", "5"} <= set(buttons(page))
    mark = tg.mark()
    answered = press_and_answer(tg, page, "1")
    assert answered.params["text"].startswith("👍 Noted: you like Toy Story 2")
    edited = tg.wait_for("editMessageReplyMarkup", after=mark, timeout=10)
    labels = [b["text"] for row in edited.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "1 👍" in labels
    assert press_and_answer(tg, page, "1").params["text"].startswith("👎 Noted")
    assert "cleared" in press_and_answer(tg, page, "1").params["text"]


def test_a_tap_whose_keyboard_telegram_already_shows_is_answered_once_without_an_apology(tg):
    page = ask(tg, "/recommend toy story", user_id=9002)
    # Two taps at once (or on two replicas) can ask for the keyboard already shown.
    tg.fail_next("editMessageReplyMarkup", status=400, description="Bad Request: message is not modified")
    mark = tg.mark()
    assert press_and_answer(tg, page, "1").params["text"].startswith("👍 Noted")
    tg.wait_for("editMessageReplyMarkup", after=mark, timeout=10, include_faulted=True)
    assert "Toy Story 2" in ask(tg, "/mydata", user_id=9002).params["text"]  # the bot went on
    since = tg.calls()[mark:]
    assert len([c for c in since if c.method == "answerCallbackQuery"]) == 1
    assert not [c for c in since if c.method == "sendMessage" and "went wrong" in (c.text or "")]


def test_foryou_without_ratings_offers_well_known_picks_to_rate(tg):
    first = ask(tg, "/foryou", user_id=9002)
    assert "I don't know your taste yet" in first.params["text"]
    assert {"1", "2", "3"} <= set(buttons(first))  # rate them, and /foryou learns
    answered = press_and_answer(tg, first, "1")
    assert answered.params["text"].startswith("👍 Noted")
    assert "I don't know your taste yet" not in ask(tg, "/foryou", user_id=9002).params["text"]


def test_a_horror_fan_gets_horror_picks_never_a_rated_title(tg, fixture_snapshot):
    user = 9003
    liked = []
    for title in HORROR:
        text = ask(tg, f"/like {title}", user_id=user).params["text"]
        if text.startswith("👍 Noted"):
            liked.append(text)
    assert len(liked) == len(HORROR)
    picks = ask(tg, "/foryou", user_id=user)
    text = picks.params["text"]
    assert text.startswith("Picks for you:") and "because you liked" in text
    rated = {t.lower() for t in HORROR}
    snap = fixture_snapshot
    shown = [
        b["callback_data"].split(":")[1]
        for b in buttons(picks).values()
        if b["callback_data"].startswith("fb:")
    ]
    assert len(shown) == 5
    for title_id in shown:
        title = snap.title(title_id)
        assert title["display_title"].lower() not in rated
        assert {"horror", "thriller"} & set(split_genres(title["genres"])), title["display_title"]
    on_netflix = ask(tg, "/foryou netflix", user_id=user)
    assert on_netflix.params["text"].startswith("Picks for you on Netflix:")
    for data in (
        b["callback_data"] for b in buttons(on_netflix).values() if b["callback_data"].startswith("fb:")
    ):
        assert "netflix" in snap.platforms_of(data.split(":")[1])
    other = ask(tg, "/foryou", user_id=9004).params["text"]
    assert "I don't know your taste yet" in other  # one person's likes never show to another


def test_foryou_with_a_title_says_whether_the_user_would_like_it(tg):
    user = 9005
    for title in HORROR[:6]:
        ask(tg, f"/like {title}", user_id=user)
    assert "You told me you like" in ask(tg, "/foryou the conjuring", user_id=user).params["text"]
    answer = ask(tg, "/foryou the woman in black 2 angel of death", user_id=user).params["text"]
    assert answer.startswith(("👍 Yes", "🤔 Probably")), answer
    assert "is not in the" in ask(tg, "/foryou harry potter", user_id=user).params["text"]


def test_mydata_shows_and_forget_erases(tg):
    user = 9006
    ask(tg, "/like moana", user_id=user)
    ask(tg, "/dislike frozen", user_id=user)
    ask(tg, "/subscribe netflix", user_id=user)
    mine = ask(tg, "/mydata", user_id=user).params["text"]
    assert "2 ratings" in mine and "👍 Moana" in mine and "👎 Frozen" in mine and "Netflix" in mine
    asked = ask(tg, "/forget", user_id=user)
    assert "Nothing goes until you tap" in asked.params["text"]
    assert "2 ratings" in ask(tg, "/mydata", user_id=user).params["text"]  # nothing gone yet
    gone = press(tg, asked, "Delete everything").params["text"]
    assert "2 ratings" in gone and "1 subscription" in gone
    assert "No ratings." in ask(tg, "/mydata", user_id=user).params["text"]
    assert "I don't know your taste yet" in ask(tg, "/foryou", user_id=user).params["text"]


def test_spanish_commands_and_replies(tg):
    tg.user(9007, language_code="es")
    assert "Anotado" in ask(tg, "/megusta coco", user_id=9007).params["text"]
    assert "Para ti" in ask(tg, "/parati", user_id=9007).params["text"]


def test_ratings_survive_a_restart(fixture_snapshot, tmp_path):
    with FakeTelegram() as server, RunningBot(server, fixture_snapshot, data_dir=tmp_path):
        ask(server, "/like the conjuring", user_id=9010)
    with FakeTelegram() as server, RunningBot(server, fixture_snapshot, data_dir=tmp_path):
        assert "👍 The Conjuring" in ask(server, "/mydata", user_id=9010).params["text"]
