"""Watching together end to end, through the loopback Bot API: three members of one group, each
with a private chat too. Platforms set in private and in the group, seen titles kept out, a
list built by two members and picked from, a poll of the list, group picks that follow the
watchers, and /forget by one member removing their influence everywhere."""

from __future__ import annotations

import pytest

from tests.e2e.test_commands import ask
from tests.e2e.test_group import picked_ids, rated_in_private
from tests.e2e.test_watchlist import tap

GROUP = -1003000000024
ANA, LUIS, EVA = 8401, 8402, 8403
CARTOONS = ["coco", "moana", "frozen", "toy story 3"]
HORROR = ["the conjuring", "the conjuring 2", "the exorcist", "the ring", "the ritual"]

pytestmark = pytest.mark.e2e


def in_group(tg, text, user_id, method="sendMessage"):
    return ask(tg, text, chat_type="supergroup", chat_id=GROUP, user_id=user_id, method=method)


def platforms_of(snapshot, ids) -> set[str]:
    return {p for title_id in ids for p in snapshot.platforms_of(title_id)}


@pytest.fixture(scope="module")
def group(tg):
    """Ana and Luis like cartoons, Eva horror; each rated in private; all three watch tonight."""
    rated_in_private(tg, [(ANA, "Ana", CARTOONS), (LUIS, "Luis", CARTOONS), (EVA, "Eva", HORROR)])
    shown = in_group(tg, "/watching", ANA)
    for user_id in (ANA, LUIS, EVA):
        tap(tg, shown, "🍿 I'm watching", user_id, method="editMessageText")
    return tg


def test_a_persons_platforms_limit_their_private_lists_not_the_groups(group, tg, fixture_snapshot):
    assert ask(tg, "/platforms netflix", user_id=EVA).params["text"].startswith("Saved.")
    mine = ask(tg, "/top", user_id=EVA)
    assert "On your platforms: Netflix." in mine.params["text"]
    groups = in_group(tg, "/top", EVA)
    assert "On your platforms" not in groups.params["text"]


def test_the_group_watches_on_its_platforms_and_never_what_a_watcher_saw(group, tg, fixture_snapshot):
    assert in_group(tg, "/platforms disney hulu", LUIS).params["text"].startswith("Saved.")
    picks = in_group(tg, "/foryou", ANA)
    assert picks.params["text"].startswith("Picks for Ana, Luis, and Eva, on Disney+ and Hulu:")
    first = picked_ids(picks)
    assert len(first) == 5 and platforms_of(fixture_snapshot, first) <= {"disney", "hulu"}
    seen = first[0]
    seen_name = fixture_snapshot.title(seen)["display_title"]
    assert ask(tg, f"/seen {seen_name}", user_id=LUIS).params["text"].startswith("✓ Marked as seen")
    again = picked_ids(in_group(tg, "/foryou", EVA))
    assert seen not in again and len(again) == 5


def test_two_members_build_the_list_and_the_group_picks_and_votes_from_it(group, tg):
    tap(tg, in_group(tg, "/title coco", ANA), "➕ Our list", ANA)
    tap(tg, in_group(tg, "/title moana", LUIS), "➕ Our list", LUIS)
    shown = in_group(tg, "/watchlist", EVA).params["text"]
    assert "<b>Coco</b>" in shown and "added by Ana" in shown and "added by Luis" in shown
    picked = in_group(tg, "/pick", EVA).params["text"]
    assert picked.startswith("🎬 Tonight: <b>") and ("Coco" in picked or "Moana" in picked)
    poll = in_group(tg, "/poll", LUIS, method="sendPoll")
    options = [o["text"] if isinstance(o, dict) else o for o in poll.params["options"]]
    assert len(options) == 2 and any("Coco" in o for o in options) and any("Moana" in o for o in options)


def test_forget_by_one_member_removes_their_influence(group, tg):
    with_eva = in_group(tg, "/foryou", ANA)
    assert "Eva" in with_eva.params["text"].split("\n")[0]
    asked = ask(tg, "/forget", user_id=EVA)
    done = tap(tg, asked, "Delete everything", EVA, method="editMessageText").params["text"]
    assert done.startswith("Done: I deleted everything I kept about you (5 ratings")
    assert "1 group membership" in done and "your platforms" in done
    without = in_group(tg, "/foryou", ANA)
    assert without.params["text"].startswith("Picks for Ana and Luis, on Disney+ and Hulu:")
    assert picked_ids(without) != picked_ids(with_eva)
    record = ask(tg, "/mydata", user_id=EVA).params["text"]
    assert "No ratings." in record and "Your platforms" not in record and "In Test supergroup" not in record
    # Ana's entries stay on the group's list: what Eva forgot was hers only.
    assert "<b>Coco</b>" in in_group(tg, "/watchlist", LUIS).params["text"]


def test_mydata_lists_every_piece_kept_for_watching_together(group, tg):
    ask(tg, "/platforms disney", user_id=ANA)
    ask(tg, "/seen frozen", user_id=ANA)
    record = ask(tg, "/mydata", user_id=ANA).params["text"]
    assert "Your platforms: Disney+." in record
    assert "✓ Seen (1): Frozen" in record
    assert "titles you put on" in record or "title you put on a list" in record
    assert f"In Test supergroup {GROUP}" in record


def test_joining_and_leaving_in_words(group, tg):
    left = in_group(tg, "@streambot_test_bot not tonight", LUIS)
    assert "Luis" not in left.params["text"].split("\n")[0]
    joined = in_group(tg, "@streambot_test_bot count me in", LUIS)
    assert "Luis" in joined.params["text"]
