"""End-to-end through the loopback Bot API: /platforms in a private chat and in a group (admins
only when the group says so), lists kept to the chat's platforms with one line and an "All
platforms" button, "on hulu" overriding, /where marked but not limited, kids mode, seen titles."""

from __future__ import annotations

import re

import pytest

from core.questions.bands import KIDS, band_of
from tests.e2e.test_commands import ask, buttons

pytestmark = pytest.mark.e2e
GROUP = -1001000000777


def listed(text: str) -> list[tuple[str, str]]:
    """(title, platform) of each numbered line of a top list."""
    return re.findall(r"^\d+\. <b>(.+?)</b> \(\d+\) — ([^·\n]+?)(?: ·|$)", text, flags=re.M)


def rated_ids(call) -> list[str]:
    data = [b.get("callback_data", "") for b in buttons(call).values()]
    return [d.split(":")[1] for d in data if d.startswith("fb:")]


def tap(tg, call, label, user_id, method="editMessageText"):
    mark = tg.mark()
    tg.press_button(call, buttons(call)[label]["callback_data"], user_id=user_id)
    return tg.wait_for(method, after=mark, timeout=10)


def answered(tg, call, label, user_id):
    return tap(tg, call, label, user_id, method="answerCallbackQuery")


def test_private_platforms_limit_a_top_list_saying_so_and_all_platforms_drops_it(tg):
    user = 9101
    saved = ask(tg, "/platforms netflix", user_id=user)
    assert saved.params["text"].startswith("Saved.") and "Netflix" in saved.params["text"]
    top = ask(tg, "/top", user_id=user)
    text = top.params["text"]
    assert text.startswith("Best scored titles:") and "On your platforms: Netflix." in text
    assert listed(text) and {platform for _title, platform in listed(text)} == {"Netflix"}
    everywhere = tap(tg, top, "All platforms", user)
    assert "On your platforms" not in everywhere.params["text"]
    assert {platform for _title, platform in listed(everywhere.params["text"])} != {"Netflix"}
    other = ask(tg, "/top", user_id=9102)  # another person's lists are not limited
    assert "On your platforms" not in other.params["text"]


def test_recommend_keeps_to_the_platforms_unless_another_is_named(tg, fixture_snapshot):
    user = 9111
    ask(tg, "/platforms disney+", user_id=user)
    page = ask(tg, "/recommend toy story", user_id=user)
    assert "On your platforms: Disney+." in page.params["text"]
    ids = rated_ids(page)
    assert ids and all(fixture_snapshot.title(i)["platform"] == "disney" for i in ids)
    everywhere = tap(tg, page, "All platforms", user)
    assert "On your platforms" not in everywhere.params["text"]
    next_page = tap(tg, everywhere, "More like this", user)  # still without the chat's platforms
    assert "On your platforms" not in next_page.params["text"] and "6." in next_page.params["text"]
    on_hulu = ask(tg, "/recommend toy story on hulu", user_id=user)
    assert "On your platforms" not in on_hulu.params["text"]
    hulu_ids = rated_ids(on_hulu)
    assert hulu_ids and all(fixture_snapshot.title(i)["platform"] == "hulu" for i in hulu_ids)


def test_a_plain_request_keeps_to_the_platforms(tg):
    user = 9112
    ask(tg, "/platforms hulu", user_id=user)
    found = ask(tg, "something to watch tonight", user_id=user)
    assert "On your platforms: Hulu." in found.params["text"]
    lines = listed(found.params["text"])
    assert lines and all("Hulu" in platforms.split(", ") for _title, platforms in lines)


def test_where_is_not_limited_but_marks_the_chats_platforms(tg):
    user = 9121
    ask(tg, "/platforms netflix", user_id=user)
    text = ask(tg, "/where the office", user_id=user).params["text"]
    assert "Netflix ✓" in text and "✓ your platforms" in text
    assert "On your platforms" not in text


def test_the_menu_toggles_in_place_and_clears(tg):
    user = 9131
    menu = ask(tg, "/platforms", user_id=user)
    assert "You have not chosen your platforms" in menu.params["text"]
    assert "Only admins change this" not in buttons(menu)  # a private chat has no admins
    menu = tap(tg, menu, "Hulu", user)
    assert "Your platforms: Hulu." in menu.params["text"] and "✓ Hulu" in buttons(menu)
    menu = tap(tg, menu, "Kids mode: off", user)
    assert "Kids mode: on" in menu.params["text"]
    menu = tap(tg, menu, "Clear", user)
    assert "You have not chosen your platforms" in menu.params["text"]
    unknown = ask(tg, "/platforms hbo", user_id=user).params["text"]
    assert "I don't know “hbo”" in unknown and "Prime Video" in unknown


def test_a_group_sets_its_platforms_and_admins_only_refuses_other_members(tg):
    member, admin = 9201, 9202
    tg.make_admin(GROUP, admin)
    saved = ask(tg, "/platforms disney", chat_type="supergroup", chat_id=GROUP, user_id=member)
    assert saved.params["text"].startswith("Saved.")
    top = ask(tg, "/top", chat_type="supergroup", chat_id=GROUP, user_id=admin)
    assert "On this group's platforms: Disney+." in top.params["text"]
    menu = ask(tg, "/platforms", chat_type="supergroup", chat_id=GROUP, user_id=member)
    refused = answered(tg, menu, "Only admins change this", member)
    assert "Only a group admin" in refused.params["text"]
    assert "Only a group admin can clear" in answered(tg, menu, "Clear", member).params["text"]
    menu = tap(tg, menu, "Only admins change this", admin)
    assert "Only admins change this." in menu.params["text"]
    no = ask(tg, "/platforms hulu", chat_type="supergroup", chat_id=GROUP, user_id=member)
    assert "Only this group's admins" in no.params["text"]
    yes = ask(tg, "/platforms hulu", chat_type="supergroup", chat_id=GROUP, user_id=admin)
    assert yes.params["text"].startswith("Saved.")


def test_kids_mode_keeps_adult_titles_out(tg, fixture_snapshot):
    user = 9301
    before = ask(tg, "/top horror", user_id=user).params["text"]
    catalogue = fixture_snapshot.catalogue
    adult = {
        title
        for title, _platform in listed(before)
        if all(band_of(label) > KIDS for label in catalogue[catalogue["display_title"] == title]["maturity"])
    }
    assert len(adult) >= 5  # the catalogue's best horror is mostly for grown-ups
    menu = ask(tg, "/platforms", user_id=user)
    tap(tg, menu, "Kids mode: off", user)
    page = ask(tg, "/recommend the conjuring", user_id=user)
    assert "Kids mode" in page.params["text"]
    for title_id in rated_ids(page):
        assert band_of(fixture_snapshot.title(title_id)["maturity"]) <= KIDS
    after = ask(tg, "/top horror", user_id=user).params["text"]  # the same question as before
    assert "Kids mode" in after or "No scored titles" in after
    assert not set(adult) & {title for title, _platform in listed(after)}


def test_a_seen_title_is_kept_out_of_lists(tg, fixture_bot):
    user = 9401
    first = ask(tg, "/recommend toy story", user_id=user)
    seen = rated_ids(first)[0]
    fixture_bot.application.bot_data.together.mark_seen(user, seen)
    again = ask(tg, "/recommend toy story", user_id=user)
    assert seen not in rated_ids(again)
    assert "On your platforms" not in again.params["text"]  # seen titles need no line
    other = ask(tg, "/recommend toy story", user_id=9402)
    assert seen in rated_ids(other)  # another person has not seen it


def test_in_a_group_a_title_a_watcher_has_seen_is_kept_out(tg, fixture_bot):
    group, watcher, asker = -1001000000778, 9501, 9502
    together = fixture_bot.application.bot_data.together
    first = ask(tg, "/recommend toy story", chat_type="supergroup", chat_id=group, user_id=asker)
    seen = rated_ids(first)[0]
    together.set_watching(group, watcher, "Ana", True)
    together.mark_seen(watcher, seen)
    again = ask(tg, "/recommend toy story", chat_type="supergroup", chat_id=group, user_id=asker)
    assert seen not in rated_ids(again)
    together.set_watching(group, watcher, "Ana", False)  # not watching tonight: their seen no longer counts
    later = ask(tg, "/recommend toy story", chat_type="supergroup", chat_id=group, user_id=asker)
    assert seen in rated_ids(later)


def test_kids_mode_holds_when_a_platform_is_named_and_after_all_platforms(tg, fixture_snapshot):
    user = 9311
    ask(tg, "/platforms netflix", user_id=user)
    menu = ask(tg, "/platforms", user_id=user)
    tap(tg, menu, "Kids mode: off", user)
    on_hulu = ask(tg, "/top on hulu", user_id=user).params["text"]
    assert "Kids mode" in on_hulu and "On your platforms" not in on_hulu
    top = ask(tg, "/top", user_id=user)
    everywhere = tap(tg, top, "All platforms", user).params["text"]
    assert "Kids mode" in everywhere and "On your platforms" not in everywhere
    for title, _platforms in listed(everywhere):
        matches = fixture_snapshot.catalogue[fixture_snapshot.catalogue["display_title"] == title]
        assert any(band_of(label) <= KIDS for label in matches["maturity"]), title  # the row listed is one


def test_in_spanish(tg):
    user = 9601
    tg.user(user, language_code="es")
    saved = ask(tg, "/plataformas netflix y disney", user_id=user).params["text"]
    assert saved.startswith("Guardado.") and "Disney+, Netflix" in saved
    top = ask(tg, "/mejores", user_id=user)
    assert "En tus plataformas: Disney+, Netflix." in top.params["text"]
    assert "Todas las plataformas" in buttons(top)
    assert "No conozco “hbo”" in ask(tg, "/plataformas hbo", user_id=user).params["text"]


def test_the_titles_under_a_count_keep_to_the_platforms_but_the_count_does_not(tg):
    user = 9701
    everywhere = ask(tg, "/count 2019", user_id=9702).params["text"]
    ask(tg, "/platforms hulu", user_id=user)
    count = ask(tg, "/count 2019", user_id=user)
    assert count.params["text"] == everywhere  # a count is a fact about the catalogues
    shown = tap(tg, count, "Show them", user, method="sendMessage")
    assert "On your platforms: Hulu." in shown.params["text"]
    assert listed(shown.params["text"]) and {p for _t, p in listed(shown.params["text"])} == {"Hulu"}
    dropped = tap(tg, shown, "All platforms", user)
    assert "On your platforms" not in dropped.params["text"]
    assert {p for _t, p in listed(dropped.params["text"])} != {"Hulu"}
