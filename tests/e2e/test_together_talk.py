"""End-to-end through the loopback Bot API: seen titles and the chat's list in plain words,
in English and Spanish, leaning on the conversation ("ya la vi" after a card, "add the second
one to my list" after suggestions), and a question after the act answered about its title."""

from __future__ import annotations

from tests.e2e.test_commands import ask


def seen_of(bot, user_id):
    return bot.application.bot_data.together.seen_by([user_id])


def listed(bot, chat_id):
    return [e.title_id for e in bot.application.bot_data.together.watchlist(chat_id)]


def test_ya_la_vi_after_a_card_marks_that_title_seen_in_spanish(tg, fixture_bot):
    user = 7301
    tg.user(user, language_code="es")
    card = ask(tg, "/titulo coco", user_id=user)
    coco = card.params["reply_markup"]["inline_keyboard"][-1][0]["callback_data"].split(":")[1]
    said = ask(tg, "ya la vi", user_id=user).params["text"]
    assert said == "✓ Marcada como vista: Coco"
    assert seen_of(fixture_bot, user) == {coco}


def test_a_title_of_the_last_list_goes_on_my_list_and_the_list_is_asked_for_in_words(tg, fixture_bot):
    user = 7302
    page = ask(tg, "/recommend toy story", user_id=user)
    second = page.params["reply_markup"]["inline_keyboard"][0][1]["callback_data"].split(":")[1]
    added = ask(tg, "put the second one on my list pls", user_id=user).params["text"]
    assert added.startswith("➕ Added to your list:")
    assert listed(fixture_bot, user) == [second]
    shown = ask(tg, "what's on my list?", user_id=user).params["text"]
    title = fixture_bot.application.bot_data.store.current.title(second)["display_title"]
    assert title in shown
    gone = ask(tg, "take it off the list", user_id=user).params["text"]
    assert gone.startswith("✖ Taken off the list:") and listed(fixture_bot, user) == []


def test_seen_then_a_question_answers_both_about_that_title(tg, fixture_bot):
    user = 7303
    tg.user(user, language_code="es")
    mark = tg.mark()
    tg.send_text("ya vi toy story, ¿qué me recomiendas?", user_id=user)
    toast = tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == user, after=mark, timeout=10)
    assert toast.params["text"].startswith("✓ Marcada como vista: Toy Story")
    then = tg.wait_for(
        "sendMessage", lambda c: c.params["chat_id"] == user and c is not toast, after=mark, timeout=10
    )
    assert "Toy Story" in then.params["text"] and "✓ Marcada" not in then.params["text"]


def test_a_question_about_seeing_is_no_mark(tg, fixture_bot):
    user = 7304
    said = ask(tg, "have you seen coco?", user_id=user).params["text"]
    assert "Marked as seen" not in said
    assert seen_of(fixture_bot, user) == set()


def test_a_title_named_that_is_not_clear_asks_which_and_marks_nothing(tg, fixture_bot):
    user = 7305
    asked = ask(tg, "already watched toy", user_id=user)
    assert "Marked as seen" not in asked.params["text"]
    assert seen_of(fixture_bot, user) == set()


def test_kids_mode_in_words_turns_on_and_off_and_lists_follow(tg, fixture_bot):
    user = 7306
    said = ask(tg, "turn on kids mode please", user_id=user).params["text"]
    assert said.startswith("Kids mode is on")
    assert fixture_bot.application.bot_data.together.settings_of(user).kids
    assert "Kids mode: titles for children only." in ask(tg, "/top", user_id=user).params["text"]
    tg.user(user, language_code="es")
    assert (
        ask(tg, "quita el modo infantil", user_id=user)
        .params["text"]
        .startswith("El modo niños está desactivado")
    )
    assert not fixture_bot.application.bot_data.together.settings_of(user).kids


def test_the_platforms_said_in_words_limit_the_next_list(tg, fixture_bot):
    user = 7307
    said = ask(tg, "we only have netflix and hulu", user_id=user).params["text"]
    assert said.startswith("Saved. Lists here keep to")
    assert fixture_bot.application.bot_data.together.settings_of(user).platforms == {"netflix", "hulu"}
    assert "On your platforms: Hulu, Netflix." in ask(tg, "/top", user_id=user).params["text"]


def test_a_vote_on_the_list_in_words(tg, fixture_bot):
    user = 7308
    for title in ("coco", "moana"):
        ask(tg, f"add {title} to my list", user_id=user)
    poll = ask(tg, "let's vote on our list", user_id=user, method="sendPoll")
    assert len(poll.params["options"]) == 2
