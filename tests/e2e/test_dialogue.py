"""End-to-end: the bot remembers the conversation. Follow-ups refine the last question, "more"
continues a list, "the second one" and "it" point at what was shown, in private chats and in
groups (replying to the bot), in both languages; /forget erases it."""

from __future__ import annotations

import re

from tests.e2e.test_commands import GROUP, ask, press
from tests.support.telegram_server import BOT_USERNAME

TITLE_LINE = re.compile(r"^\d+\. <b>(.+?)</b>", re.M)


def listed(call) -> list[str]:
    return TITLE_LINE.findall(call.params["text"])


def test_a_follow_up_changes_the_platform_of_the_last_count(tg):
    user = 9101
    first = ask(tg, "how many horror movies are on netflix?", user_id=user).params["text"]
    assert "on Netflix" in first
    second = ask(tg, "and on hulu?", user_id=user).params["text"]
    assert "on Hulu" in second and "movie" in second and "Horror" in second


def test_more_continues_a_list_with_titles_not_shown(tg):
    user = 9102
    first = ask(tg, "best horror titles", user_id=user)
    shown = listed(first)
    assert len(shown) == 10
    more = ask(tg, "more", user_id=user)
    assert more.params["text"].startswith("Titles 11–")
    assert listed(more) and not set(listed(more)) & set(shown)


def test_the_second_one_and_it_point_at_what_was_shown(tg):
    user = 9103
    shown = listed(ask(tg, "best horror titles", user_id=user))
    card = ask(tg, "the second one", user_id=user).params["text"]
    assert f"<b>{shown[1]}</b>" in card.split("\n")[0]
    where = ask(tg, "where can I watch it?", user_id=user).params["text"]
    assert "Where to watch" in where and shown[1] in where


def test_browsing_a_list_through_cards_keeps_the_list(tg):
    """A card opened from a list shows its own suggestions, but "the fourth one" and "more"
    still read the list the user is going through."""
    user = 9109
    shown = listed(ask(tg, "best horror titles", user_id=user))
    ask(tg, "whats the 2nd one about", user_id=user)
    fourth = ask(tg, "ok and the 4th one?", user_id=user).params["text"]
    assert f"<b>{shown[3]}</b>" in fourth.split("\n")[0]
    more = ask(tg, "more", user_id=user).params["text"]
    assert more.startswith("Titles 11–"), more[:80]


def test_like_it_but_funnier_suggests_only_comedies_and_says_so(tg):
    user = 9110
    ask(tg, "something like coco", user_id=user)
    funnier = ask(tg, "ok like that but funnier", user_id=user).params["text"]
    assert "<b>Coco</b>" in funnier and "in Comedy" in funnier.split("\n")[0], funnier[:120]
    genre_lines = [line for line in funnier.split("\n") if "movie · " in line or "show · " in line]
    assert genre_lines and all("Comedy" in line for line in genre_lines), genre_lines


def test_spanish_follow_ups_are_answered_in_context(tg):
    user = 9104
    ask(tg, "algo parecido a coco", user_id=user)
    on_disney = ask(tg, "¿y en disney?", user_id=user).params["text"]
    assert "<b>Coco</b>" in on_disney and "Disney+" in on_disney


def test_in_a_group_a_reply_to_the_bot_follows_its_member_conversation(tg):
    first = ask(
        tg, f"@{BOT_USERNAME} how many horror movies are on netflix?", chat_type="group", user_id=9105
    )
    assert "on Netflix" in first.params["text"]
    mark = tg.mark()
    tg.send_text("and on hulu?", chat_type="group", user_id=9105, reply_to=first)
    second = tg.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP, after=mark, timeout=10)
    assert "on Hulu" in second.params["text"] and "Horror" in second.params["text"]
    # Another member's "and on disney?" is read alone: conversations are per member.
    mark = tg.mark()
    tg.send_text("and on disney?", chat_type="group", user_id=9107, reply_to=second)
    other = tg.wait_for("sendMessage", lambda c: c.params.get("chat_id") == GROUP, after=mark, timeout=10)
    assert "Horror" not in other.params["text"]


def test_forget_erases_the_conversation(tg):
    user = 9106
    ask(tg, "toy story", user_id=user)
    assert "Toy Story" in ask(tg, "/mydata", user_id=user).params["text"]
    press(tg, ask(tg, "/forget", user_id=user), "Delete everything")
    after = ask(tg, "where can I watch it?", user_id=user).params["text"]
    assert "Toy Story" not in after


def test_small_talk_gets_a_short_reply_and_keeps_the_conversation(tg):
    user = 9108
    ask(tg, "how many horror movies are on netflix?", user_id=user)
    remark = ask(tg, "lol that's a lot", user_id=user).params["text"]
    assert "Anything else?" in remark and "Sorry" not in remark
    after = ask(tg, "and on hulu?", user_id=user).params["text"]
    assert "on Hulu" in after and "Horror" in after


def test_a_title_in_no_catalogue_does_not_lose_the_list_it_interrupted(tg):
    user = 9111
    shown = listed(ask(tg, "best horror titles", user_id=user))
    absent = ask(tg, "is qwxz the zorblaxian on there", user_id=user).params["text"]
    assert "not in" in absent
    more = ask(tg, "ok a couple more then", user_id=user)
    assert more.params["text"].startswith("Titles 11–")
    assert listed(more) and not set(listed(more)) & set(shown)


def test_a_limit_no_title_like_it_meets_says_so_and_shows_the_closest(tg):
    user = 9111
    ask(tg, "sex education", user_id=user)
    reply = ask(tg, "more teen shows like it", user_id=user).params["text"]
    assert reply.startswith("No title like <b>Sex Education</b>") and "in Teen" in reply.split("\n")[0]
    assert "1. <b>" in reply and "show · " in reply
