"""The watching-together store: what a chat has, who saw what, the shared list, tonight's watchers."""

from concurrent.futures import ThreadPoolExecutor

from core.userdata.feedback import LIKE, Feedback
from core.userdata.together import RECENT, TONIGHT, ChatSettings, ListPoll, Together

GROUP = -100


def stores(place):
    return place.open(Together), place.open(Feedback)


def test_settings_are_kept_per_chat_and_survive_reopening(place):
    together = place.open(Together)
    together.set_settings(GROUP, ChatSettings(frozenset(["netflix", "hulu"]), kids=True), set_by=1)
    together.close()
    again = place.open(Together)
    assert again.settings_of(GROUP) == ChatSettings(frozenset(["netflix", "hulu"]), kids=True)
    assert again.settings_of(7) == ChatSettings()


def test_seen_titles_are_a_persons_and_marking_twice_changes_nothing(place):
    together = place.open(Together)
    assert together.mark_seen(1, "ns1") is True
    assert together.mark_seen(1, "ns1") is False
    together.mark_seen(2, "hs2")
    assert together.seen_by([1]) == {"ns1"}
    assert together.seen_by([1, 2]) == {"ns1", "hs2"}
    assert together.who_saw("ns1", [1, 2, 3]) == [1]
    assert together.mark_seen(1, "ns1", seen=False) is True
    assert together.seen_by([1]) == set()


def test_the_list_keeps_its_first_adder_with_their_name(place):
    together = place.open(Together)
    together.spoke(GROUP, 1, "Ana")
    assert together.add_to_list(GROUP, "ns1", 1, at=10)
    assert not together.add_to_list(GROUP, "ns1", 2, at=20)
    together.add_to_list(GROUP, "ds2", 2, at=30)
    entries = together.watchlist(GROUP)
    assert [(e.title_id, e.added_by, e.added_by_name) for e in entries] == [("ns1", 1, "Ana"), ("ds2", 2, "")]
    assert together.watchlist(5) == []
    assert together.remove_from_list(GROUP, "ns1") and not together.remove_from_list(GROUP, "ns1")


def test_watchers_are_recent_raters_unless_they_left_and_joiners(place):
    together, feedback = stores(place)
    now = 1_000_000.0
    feedback.record(1, "ns1", LIKE, "button")
    feedback.record(3, "ns1", LIKE, "button")
    together.spoke(GROUP, 1, "Ana", at=now - 60)  # rated, spoke: watching
    together.spoke(GROUP, 2, "Luis", at=now - 60)  # never rated: not by default
    together.spoke(GROUP, 3, "Eva", at=now - RECENT - 1)  # rated, silent too long
    assert [m.name for m in together.watchers(GROUP, now)] == ["Ana"]
    together.set_watching(GROUP, 2, "Luis", True, at=now - 30)
    together.set_watching(GROUP, 1, "Ana", False, at=now - 20)
    assert [m.name for m in together.watchers(GROUP, now)] == ["Luis"]
    # Tonight's choices lapse: Luis drops out (never rated), Ana is back (rated, spoke lately).
    later = now + TONIGHT + 1
    assert [m.name for m in together.watchers(GROUP, later)] == ["Ana"]
    assert together.watchers(GROUP, now + RECENT + 1) == []


def test_forgetting_a_person_removes_all_of_theirs_and_only_theirs(place):
    together = place.open(Together)
    together.set_settings(1, ChatSettings(frozenset(["netflix"])))
    together.set_settings(GROUP, ChatSettings(frozenset(["hulu"])))
    together.mark_seen(1, "ns1")
    together.mark_seen(2, "ns1")
    together.add_to_list(GROUP, "ns1", 1)
    together.add_to_list(GROUP, "ds2", 2)
    together.spoke(GROUP, 1, "Ana", chat_name="Movie night")
    together.spoke(GROUP, 1, "Ana")  # an update without the group's title keeps the one known
    record = together.of_person(1)
    assert record.platforms == {"netflix"} and record.seen == ["ns1"]
    assert record.added == [(GROUP, "ns1")] and [(m.chat_id, m.chat_name) for m in record.memberships] == [
        (GROUP, "Movie night")
    ]
    erased = together.forget_person(1)
    assert (erased.seen, erased.added, erased.memberships, erased.settings) == (1, 1, 1, 1)
    assert together.of_person(1).seen == [] and together.settings_of(1) == ChatSettings()
    assert [e.title_id for e in together.watchlist(GROUP)] == ["ds2"]
    assert together.seen_by([2]) == {"ns1"} and together.settings_of(GROUP).platforms == {"hulu"}


def test_an_admin_clears_the_groups_list_and_platforms(place):
    together = place.open(Together)
    together.set_settings(GROUP, ChatSettings(frozenset(["hulu"])))
    together.add_to_list(GROUP, "ns1", 1)
    assert together.clear_chat(GROUP) == (1, True)
    assert together.watchlist(GROUP) == [] and together.settings_of(GROUP) == ChatSettings()


def test_clearing_the_list_keeps_the_chats_platforms(place):
    together = place.open(Together)
    together.set_settings(GROUP, ChatSettings(frozenset(["hulu"])))
    together.add_to_list(GROUP, "ns1", 1)
    together.add_to_list(GROUP, "ds2", 2)
    together.add_to_list(7, "ns1", 7)
    assert together.clear_list(GROUP) == 2
    assert together.watchlist(GROUP) == []
    assert together.settings_of(GROUP).platforms == frozenset(["hulu"])
    assert [e.title_id for e in together.watchlist(7)] == ["ns1"]


def test_a_poll_of_the_list_survives_reopening_and_is_taken_once(place):
    together = place.open(Together)
    together.remember_poll(ListPoll("p1", GROUP, 42, ("ns1", "ds2"), "es"))
    together.close()
    again = place.open(Together)
    assert again.take_poll("p1") == ListPoll("p1", GROUP, 42, ("ns1", "ds2"), "es")
    assert again.take_poll("p1") is None
    assert again.take_poll("unknown") is None


def test_not_tonight_is_remembered_for_tonight_only(place):
    together = place.open(Together)
    now = 1_000_000.0
    together.spoke(GROUP, 1, "Ana", at=now - 60)
    assert not together.left_tonight(GROUP, 1, now)
    together.set_watching(GROUP, 1, "Ana", False, at=now - 30)
    assert together.left_tonight(GROUP, 1, now)
    assert not together.left_tonight(GROUP, 2, now)  # another member
    assert not together.left_tonight(GROUP, 1, now + TONIGHT + 1)  # the choice lapsed
    together.set_watching(GROUP, 1, "Ana", True, at=now)
    assert not together.left_tonight(GROUP, 1, now)


def test_seen_taps_at_once_end_where_taps_one_after_another_would(place):
    together = place.open(Together)
    assert together.toggle_seen(1, "ns1") is True and together.seen_by([1]) == {"ns1"}
    assert together.toggle_seen(1, "ns1") is False and together.seen_by([1]) == set()
    assert together.mark_seen(1, "ns1") is True  # un-marked by a tap, marked again by /seen
    with ThreadPoolExecutor(max_workers=10) as pool:
        now_seen = list(pool.map(lambda _: together.toggle_seen(2, "ds2"), range(41)))
    assert now_seen.count(True) == 21 and now_seen.count(False) == 20  # each tap one flip
    assert together.who_saw("ds2", [1, 2]) == [2] and together.of_person(2).seen == ["ds2"]
    assert together.forget_person(2).seen == 1


def test_a_group_id_beyond_32_bits_is_kept(place):
    together = place.open(Together)
    group = -1001234567890
    together.spoke(group, 1, "Ana", chat_name="Movie night")
    together.add_to_list(group, "ns1", 1)
    assert [e.added_by_name for e in together.watchlist(group)] == ["Ana"]


def test_a_file_from_before_versions_is_migrated_and_keeps_what_was_seen(tmp_path):
    import sqlite3

    from core.userdata.feedback import FILE_NAME

    with sqlite3.connect(tmp_path / FILE_NAME) as db:  # the seen table as the bot wrote it until now
        db.executescript(
            "CREATE TABLE seen (user_id INTEGER NOT NULL, title_id TEXT NOT NULL, at REAL NOT NULL,"
            " PRIMARY KEY (user_id, title_id));"
            "INSERT INTO seen VALUES (1, 'ns1', 5.0);"
        )
    together = Together(tmp_path)
    assert together.seen_by([1]) == {"ns1"} and together.of_person(1).seen == ["ns1"]
    assert together.toggle_seen(1, "ns1") is False and together.seen_by([1]) == set()
    together.close()
    assert Together(tmp_path).seen_by([1]) == set()  # opening it again changes nothing
