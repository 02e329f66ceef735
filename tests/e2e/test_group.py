"""End-to-end through the loopback Bot API: three members of one group rate in their private
chats, join and leave tonight's watchers with /watching's buttons, and the group's /foryou
follows whoever is watching and names them."""

from __future__ import annotations

import pytest

from core.questions.bands import KIDS
from core.userdata.together import ChatSettings
from tests.e2e.test_commands import ask, buttons

GROUP = -1001000000777
ANA, LUIS, SAM = 8101, 8102, 8103
CARTOONS = ["coco", "moana", "frozen", "toy story 2", "toy story 3"]
HORROR = ["the conjuring", "the conjuring 2", "the exorcist", "the ring", "the ritual", "green room"]

pytestmark = pytest.mark.e2e


def in_group(tg, text, user_id, chat_id=GROUP):
    return ask(tg, text, chat_type="supergroup", chat_id=chat_id, user_id=user_id)


def press_as(tg, call, label, user_id, method="editMessageText"):
    mark = tg.mark()
    tg.press_button(call, buttons(call)[label]["callback_data"], user_id=user_id)
    return tg.wait_for(method, after=mark, timeout=10)


def picked_ids(call) -> list[str]:
    """The picks' ids, from their rating buttons (``fb:<id>``)."""
    return [
        b["callback_data"].split(":")[1]
        for b in buttons(call).values()
        if b["callback_data"].startswith("fb:")
    ]


def head(call) -> str:
    return call.params["text"].split("\n")[0]


def rated_in_private(tg, people) -> None:
    """Each (user id, first name, titles) likes the titles, with /like in their private chat."""
    for user_id, name, liked in people:
        tg.user(user_id, first_name=name)
        for title in liked:
            assert ask(tg, f"/like {title}", user_id=user_id).params["text"].startswith("👍 Noted"), title


@pytest.fixture(scope="module")
def members(tg):
    """Ana and Luis like cartoons, Sam horror, each in their private chat."""
    rated_in_private(tg, [(ANA, "Ana", CARTOONS), (LUIS, "Luis", CARTOONS), (SAM, "Sam", HORROR)])
    return tg


def test_watching_in_a_private_chat_says_it_is_for_groups(tg):
    assert "/watching is for groups" in ask(tg, "/watching", user_id=ANA).params["text"]


def test_a_group_where_nobody_rated_is_told_how_to_join_and_rate(tg):
    text = in_group(tg, "/foryou", user_id=8150, chat_id=-1001000000778).params["text"]
    assert "/watching" in text and "/like coco" in text


def test_group_picks_follow_the_watchers_and_name_them(members, tg):
    shown = in_group(tg, "/watching", user_id=ANA)
    assert set(buttons(shown)) == {"🍿 I'm watching", "Not tonight"}
    joined = press_as(tg, shown, "🍿 I'm watching", ANA)
    assert "Watching tonight: Ana" in joined.params["text"]
    both = press_as(tg, shown, "🍿 I'm watching", LUIS)
    assert "Watching tonight: Ana and Luis." in both.params["text"]
    assert set(buttons(both)) == {"🍿 I'm watching", "Not tonight"}  # the same message, redrawn

    cartoon_night = in_group(tg, "/foryou", user_id=ANA)
    assert head(cartoon_night) == "Picks for Ana and Luis:"
    assert "Ana and Luis liked" in cartoon_night.params["text"]
    first = picked_ids(cartoon_night)
    assert len(first) == 5

    # Sam joins: the picks now answer to Sam's taste too, and say so.
    press_as(tg, shown, "🍿 I'm watching", SAM)
    with_sam = in_group(tg, "/foryou", user_id=ANA)
    assert head(with_sam) == "Picks for Ana, Luis, and Sam:"
    assert picked_ids(with_sam) != first
    # Sam leaves: Sam's likes no longer count, even when Sam asks.
    left = press_as(tg, shown, "Not tonight", SAM)
    assert "Sam" not in left.params["text"]
    for asker in (ANA, SAM):
        again = in_group(tg, "/foryou", user_id=asker)
        assert head(again) == "Picks for Ana and Luis:"
        assert picked_ids(again) == first
    # Eva joins without a single rating: nothing to follow yet, and she is told how.
    tg.user(8152, first_name="Eva")
    press_as(tg, shown, "🍿 I'm watching", 8152)
    with_eva = in_group(tg, "/foryou", user_id=LUIS)
    assert head(with_eva) == "Picks for Ana and Luis:"
    assert picked_ids(with_eva) == first
    assert "Eva has not rated anything yet" in with_eva.params["text"]


def test_watching_speaks_spanish_to_a_spanish_speaker(members, tg):
    tg.user(8153, first_name="Lucía", language_code="es")
    shown = in_group(tg, "/vemos", user_id=8153, chat_id=-1001000000781)
    assert shown.params["text"].startswith("Esta noche todavía no ve nadie.")
    joined = press_as(tg, shown, "🍿 Yo veo", 8153)
    assert joined.params["text"].startswith("Esta noche ven: Lucía.")


def test_a_group_on_one_platform_in_kids_mode_gets_only_those(members, tg, fixture_bot, fixture_snapshot):
    group = -1001000000779
    in_group(tg, "/watching", user_id=SAM, chat_id=group)
    together = fixture_bot.application.bot_data.together
    together.set_settings(group, ChatSettings(frozenset(["netflix"]), kids=True))
    answer = in_group(tg, "/foryou", user_id=SAM, chat_id=group)
    assert head(answer) == "Picks for Sam, on Netflix:"
    rec = fixture_snapshot.recommender
    safe = rec.safe_for_band(KIDS)
    for title_id in picked_ids(answer):
        assert fixture_snapshot.title(title_id)["platform"] == "netflix"
        assert safe[rec.row_of[title_id]], fixture_snapshot.title(title_id)["display_title"]


def test_members_who_rated_and_spoke_lately_watch_by_default(members, tg):
    group = -1001000000780
    in_group(tg, "/watching", user_id=ANA, chat_id=group)
    in_group(tg, "/watching", user_id=LUIS, chat_id=group)
    in_group(tg, "/top", user_id=8151, chat_id=group)  # speaks, never rated: not a watcher
    shown = in_group(tg, "/watching", user_id=LUIS, chat_id=group)
    assert "Watching tonight: Ana and Luis." in shown.params["text"]
    assert head(in_group(tg, "/foryou", user_id=8151, chat_id=group)) == "Picks for Ana and Luis:"


def test_a_title_a_watcher_has_seen_leaves_the_groups_picks(members, tg, fixture_bot, fixture_snapshot):
    group = -1001000000782
    shown = in_group(tg, "/watching", user_id=ANA, chat_id=group)
    press_as(tg, shown, "🍿 I'm watching", ANA)
    press_as(tg, shown, "🍿 I'm watching", LUIS)
    before = picked_ids(in_group(tg, "/foryou", user_id=ANA, chat_id=group))
    seen = fixture_snapshot.copies.get(before[0], [before[0]])[-1]  # a copy of the first pick, if any
    fixture_bot.application.bot_data.together.mark_seen(LUIS, seen)  # as "✓ Seen" does
    after = picked_ids(in_group(tg, "/foryou", user_id=ANA, chat_id=group))
    assert before[0] not in after and after[:4] == before[1:5]
    # Luis leaves: the picks follow Ana alone.
    press_as(tg, shown, "Not tonight", LUIS)
    alone = in_group(tg, "/foryou", user_id=ANA, chat_id=group)
    assert head(alone) == "Picks for Ana:"
    assert "Luis" not in alone.params["text"]
