"""End-to-end through the loopback Bot API: seen titles (a card's button, a list's, /seen and
/vista), a group's list built by two members with who added what, remove and clear, /pick
honouring the group's platforms and what its watchers have seen, /poll from the list, and a
closed poll's winner put on the list with one tap."""

from __future__ import annotations

import time

from bot import callbacks
from core.userdata.together import ChatSettings
from tests.e2e.test_commands import ask, buttons

ANA, LUIS, EVA = 7101, 7102, 7103


def tap(tg, call, label, user_id, method="answerCallbackQuery"):
    """``user_id`` taps the button labelled ``label`` under ``call``'s message: the bot's answer."""
    mark = tg.mark()
    tg.press_button(call, buttons(call)[label]["callback_data"], user_id=user_id)
    return tg.wait_for(method, after=mark, timeout=10)


def group_ask(tg, text, user_id, group, method="sendMessage"):
    return ask(tg, text, chat_type="supergroup", chat_id=group, user_id=user_id, method=method)


def labels(call) -> list[str]:
    return [b["text"] for row in call.params["reply_markup"]["inline_keyboard"] for b in row]


def together(bot):
    return bot.application.bot_data.together


def test_seen_from_a_cards_button_toggles_with_a_short_toast(tg, fixture_bot):
    card = ask(tg, "/title coco", user_id=7001)
    assert {"✓ Seen", "➕ My list"} <= set(buttons(card))
    mark = tg.mark()
    assert tap(tg, card, "✓ Seen", 7001).params["text"] == "✓ Marked as seen: Coco"
    shown = tg.wait_for("editMessageReplyMarkup", after=mark, timeout=10)
    assert "✅ Seen" in labels(shown)  # a private chat's keyboard is its reader's
    coco = buttons(card)["✓ Seen"]["callback_data"].split(":")[1]
    assert together(fixture_bot).seen_by([7001]) == {coco}
    assert tap(tg, card, "✓ Seen", 7001).params["text"].startswith("Unmarked: Coco")
    assert together(fixture_bot).seen_by([7001]) == set()


def test_seen_by_command_in_english_and_spanish(tg):
    assert ask(tg, "/seen coco", user_id=7002).params["text"] == "✓ Marked as seen: Coco"
    tg.user(7003, language_code="es")
    assert ask(tg, "/vista coco", user_id=7003).params["text"] == "✓ Marcada como vista: Coco"
    assert ask(tg, "/vista", user_id=7003).params["text"].startswith("¿Qué título?")
    unsure = ask(tg, "/seen star wars", user_id=7002)  # several titles: "did you mean"
    assert "Did you mean" in unsure.params["text"]
    choice = next(iter(buttons(unsure)))
    edited = tap(tg, unsure, choice, 7002, method="editMessageText")
    assert edited.params["text"].startswith("✓ Marked as seen: Star Wars")


def test_a_lists_rating_row_swaps_for_seen_and_list_buttons_and_back(tg):
    page = ask(tg, "/recommend toy story", user_id=7004)
    assert labels(page)[:6] == ["1", "2", "3", "4", "5", "✓ ➕"]
    swapped = tap(tg, page, "✓ ➕", 7004, method="editMessageReplyMarkup")
    shown = labels(swapped)
    assert shown[:5] == ["✓ 1", "✓ 2", "✓ 3", "✓ 4", "✓ 5"]
    assert shown[5:11] == ["➕ 1", "➕ 2", "➕ 3", "➕ 4", "➕ 5", "↩ 👍"]
    assert "More like this" in shown  # the rest of the keyboard stays
    toast = tap(tg, swapped, "➕ 2", 7004).params["text"]
    assert toast.startswith("➕ Added to your list: ")
    assert tap(tg, swapped, "➕ 2", 7004).params["text"].endswith("is on your list already.")
    mark = tg.mark()
    assert tap(tg, swapped, "✓ 1", 7004).params["text"].startswith("✓ Marked as seen: ")
    marked = tg.wait_for("editMessageReplyMarkup", after=mark, timeout=10)
    assert labels(marked)[:2] == ["✅ 1", "✓ 2"]
    back = tap(tg, marked, "↩ 👍", 7004, method="editMessageReplyMarkup")
    assert labels(back)[:6] == ["1", "2", "3", "4", "5", "✓ ➕"]
    listed = ask(tg, "/watchlist", user_id=7004).params["text"]
    assert listed.startswith("<b>Your list</b> (1 title)") and "added by" not in listed


def test_two_members_build_a_groups_list_shown_with_who_added_what(tg):
    group = -1002000000001
    tg.user(ANA, first_name="Ana")
    tg.user(LUIS, first_name="Luis")
    coco = group_ask(tg, "/title coco", ANA, group)
    assert "➕ Our list" in buttons(coco)
    assert tap(tg, coco, "➕ Our list", ANA).params["text"].startswith("➕ Added to our list: Coco")
    assert tap(tg, coco, "➕ Our list", LUIS).params["text"] == "Coco is on our list already."
    moana = group_ask(tg, "/title moana", LUIS, group)
    tap(tg, moana, "➕ Our list", LUIS)
    shown = group_ask(tg, "/watchlist", EVA, group)
    text = shown.params["text"]
    assert text.startswith("<b>Our list</b> (2 titles)")
    assert "1. <b>Coco</b> (2017) — Disney+ · added by Ana" in text
    assert "2. <b>Moana</b>" in text and "added by Luis" in text
    assert {"✖ 1", "✖ 2", "🗑 Clear the list"} <= set(buttons(shown))

    removed = tap(tg, shown, "✖ 1", EVA, method="editMessageText")
    assert "Coco" not in removed.params["text"] and "1. <b>Moana</b>" in removed.params["text"]

    refused = tap(tg, removed, "🗑 Clear the list", EVA)
    assert refused.params["text"] == "Only the group's admins can clear the list."
    tg.make_admin(group, ANA)
    asked = tap(tg, removed, "🗑 Clear the list", ANA, method="editMessageText")
    assert asked.params["text"].startswith("Clear the whole list (1 title)")
    cleared = tap(tg, asked, "Yes, clear it", ANA, method="editMessageText")
    assert cleared.params["text"].startswith("Cleared: 1 title is off the list.")
    assert group_ask(tg, "/watchlist", ANA, group).params["text"].startswith("Our list is empty.")
    assert group_ask(tg, "/lista", ANA, group).params["text"].startswith("Nuestra lista está vacía.")


def test_pick_honours_the_groups_platforms_and_what_the_watchers_have_seen(tg, fixture_bot):
    group = -1002000000002
    tg.user(ANA, first_name="Ana")
    tg.user(LUIS, first_name="Luis")
    assert group_ask(tg, "/pick", ANA, group).params["text"].startswith("Our list is empty.")
    for name, who in [("coco", ANA), ("stranger things", LUIS), ("the conjuring", ANA)]:
        tap(tg, group_ask(tg, f"/title {name}", who, group), "➕ Our list", who)
    # Best rated of the three: Coco (3.69 on Disney+), then Stranger Things (3.54), The Conjuring (3.52).
    assert "<b>Coco</b>" in group_ask(tg, "/pick", ANA, group).params["text"]

    together(fixture_bot).set_settings(group, ChatSettings(frozenset(["netflix"])))
    picked = group_ask(tg, "/pick", ANA, group).params["text"]
    assert picked.startswith("🎬 Tonight: <b>Stranger Things</b> (")
    assert picked.split("\n")[0].endswith(") — Netflix")
    assert "On Netflix, which you have" in picked and "added by Luis" in picked
    assert "best rated of the 2 left" in picked

    # Luis watches tonight (he added a title and has rated one) and has seen Stranger Things.
    group_ask(tg, "/like coco", LUIS, group)
    group_ask(tg, "/seen stranger things", LUIS, group)
    picked = group_ask(tg, "/pick", ANA, group).params["text"]
    assert "<b>The Conjuring</b>" in picked and "nobody watching has seen it" in picked
    assert "the only one left" in picked

    group_ask(tg, "/seen the conjuring", ANA, group)
    left = group_ask(tg, "/pick", ANA, group).params["text"]
    assert left.startswith("Nothing on the list is left for tonight")
    assert "1 is on none of your platforms" in left and "2 were seen by someone watching" in left


def test_poll_alone_puts_the_lists_titles_to_a_vote(tg):
    group = -1002000000003
    assert "nothing on the list to vote on" in group_ask(tg, "/poll", EVA, group).params["text"]
    tap(tg, group_ask(tg, "/title coco", EVA, group), "➕ Our list", EVA)
    assert "only one title on the list" in group_ask(tg, "/poll", EVA, group).params["text"]
    assert group_ask(tg, "/encuesta", EVA, group).params["text"].startswith("Solo queda un título")
    for name in ["moana", "frozen"]:
        tap(tg, group_ask(tg, f"/title {name}", EVA, group), "➕ Our list", EVA)
    poll = group_ask(tg, "/poll", EVA, group, method="sendPoll")
    options = [o["text"] if isinstance(o, dict) else o for o in poll.params["options"]]
    assert options == ["Coco (2017) · Disney+", "Moana (2016) · Disney+", "Frozen (2013) · Disney+"]
    assert "🏁 Close the vote" in buttons(poll)


def announcements(tg, after):
    return [
        c
        for c in tg.calls()[after:]
        if c.method == "sendMessage" and "The vote" in (c.params.get("text") or "")
    ]


def test_a_closed_polls_winner_goes_on_the_list_with_one_tap(tg):
    group = -1002000000004
    poll = group_ask(tg, "/poll toy story", ANA, group, method="sendPoll")
    tg.answer_poll(poll, [1], user_id=ANA)
    tg.answer_poll(poll, [1], user_id=LUIS)
    tg.answer_poll(poll, [0], user_id=EVA)
    mark = tg.mark()
    tap(tg, poll, "🏁 Close the vote", EVA)
    assert tg.wait_for("stopPoll", after=mark, timeout=10)
    told = tg.wait_for("sendMessage", lambda c: "The vote" in c.params["text"], after=mark, timeout=10)
    winner = poll.params["options"][1]
    winner = (winner["text"] if isinstance(winner, dict) else winner).split(" (")[0]
    assert told.params["text"].startswith(f"🏆 The vote chose <b>{winner}</b> (2 votes).")
    assert told.params["reply_parameters"]["message_id"] == poll.result["message_id"]
    added = tap(tg, told, "➕ Add to our list", ANA).params["text"]
    assert added.startswith(f"➕ Added to our list: {winner}")
    assert winner in group_ask(tg, "/watchlist", ANA, group).params["text"]
    time.sleep(0.5)  # the closed poll's own update has arrived by now: no second announcement
    assert len(announcements(tg, mark)) == 1
    tap(tg, poll, "🏁 Close the vote", EVA)  # closed already: nothing more is said
    time.sleep(0.3)
    assert len(announcements(tg, mark)) == 1


def test_a_tie_is_said_and_each_tied_title_can_be_added(tg):
    group = -1002000000005
    poll = group_ask(tg, "/poll toy story", ANA, group, method="sendPoll")
    tg.answer_poll(poll, [0], user_id=ANA)
    tg.answer_poll(poll, [2], user_id=LUIS)
    mark = tg.mark()
    tap(tg, poll, "🏁 Close the vote", LUIS)
    told = tg.wait_for("sendMessage", lambda c: "The vote" in c.params["text"], after=mark, timeout=10)
    assert told.params["text"].startswith("🤝 The vote is a tie between <b>Toy Story</b>")
    assert "(1 vote each)" in told.params["text"]
    assert len(buttons(told)) == 2 and all(label.startswith("➕ ") for label in buttons(told))


def test_a_poll_nobody_voted_in_says_so(tg):
    group = -1002000000006
    poll = group_ask(tg, "/poll toy story", EVA, group, method="sendPoll")
    mark = tg.mark()
    tap(tg, poll, "🏁 Close the vote", EVA)
    told = tg.wait_for("sendMessage", after=mark, timeout=10)
    assert told.params["text"] == "The vote is closed and nobody voted. Send /poll to try again."


def test_pick_in_kids_mode_keeps_to_childrens_bands(tg, fixture_bot):
    group = -1002000000007
    for name in ["the conjuring", "frozen"]:  # R, 3.52; PG, 3.4
        tap(tg, group_ask(tg, f"/title {name}", EVA, group), "➕ Our list", EVA)
    assert "<b>The Conjuring</b>" in group_ask(tg, "/pick", EVA, group).params["text"]
    together(fixture_bot).set_settings(group, ChatSettings(kids=True))
    picked = group_ask(tg, "/pick", EVA, group).params["text"]
    assert "<b>Frozen</b>" in picked and "fine for children" in picked
    assert "only one title on the list" in group_ask(tg, "/poll", EVA, group).params["text"]


def test_another_platforms_copy_of_a_listed_title_is_on_the_list_already(tg, fixture_bot):
    user = 7120
    disney = ask(tg, "/title toy story", user_id=user)
    assert tap(tg, disney, "➕ My list", user).params["text"].startswith("➕ Added to your list: Toy Story")
    listed = [e.title_id for e in together(fixture_bot).watchlist(user)]
    other = next(iter(set(fixture_bot.application.bot_data.store.current.copies[listed[0]]) - set(listed)))
    mark = tg.mark()
    tg.press_button(disney, callbacks.ListAdd(other).encode(), user_id=user)  # the Hulu copy's ➕
    said = tg.wait_for("answerCallbackQuery", after=mark, timeout=10).params["text"]
    assert said == "Toy Story is on your list already."
    assert [e.title_id for e in together(fixture_bot).watchlist(user)] == listed
