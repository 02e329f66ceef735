"""/pick's choice from a chat's list: platforms, seen titles and kids mode rule titles out;
the best rated of the rest wins, the oldest wish breaking ties."""

from core.personal.watchlist_pick import Candidate, candidates_of, pick_from_list
from core.questions.bands import Band
from core.questions.viewer import seen_with_copies
from core.userdata.together import Entry


def title(title_id, platforms=("netflix",), score=3.5, band=Band.ALL, at=0.0, by=""):
    return Candidate(title_id, tuple(platforms), score, band, by, at)


def test_the_best_rated_title_wins_and_the_oldest_breaks_a_tie():
    listed = [title("a", score=3.4, at=1), title("b", score=3.7, at=3), title("c", score=3.7, at=2)]
    found = pick_from_list(listed)
    assert found.chosen.title_id == "c"
    assert (found.left, found.total) == (3, 3)


def test_an_unscored_title_goes_after_every_scored_one():
    found = pick_from_list([title("a", score=None, at=0), title("b", score=3.0, at=9)])
    assert found.chosen.title_id == "b"
    assert pick_from_list([title("a", score=None)]).chosen.title_id == "a"


def test_only_the_chats_platforms_count_and_the_reason_names_the_ones_it_has():
    listed = [title("a", ["hulu"], score=3.9), title("b", ["disney", "netflix"], score=3.5)]
    found = pick_from_list(listed, platforms=frozenset(["netflix"]))
    assert found.chosen.title_id == "b"
    assert found.on_platforms == ("netflix",)
    assert found.off_platforms == 1
    everywhere = pick_from_list(listed)
    assert everywhere.chosen.title_id == "a" and everywhere.on_platforms == ("hulu",)


def test_a_title_any_watcher_has_seen_is_left_out():
    listed = [title("a", score=3.9), title("b", score=3.1)]
    found = pick_from_list(listed, seen={"a"})
    assert found.chosen.title_id == "b"
    assert (found.seen, found.left) == (1, 1)


def test_kids_mode_leaves_out_titles_above_childrens_bands_and_unrated_ones():
    listed = [
        title("grown", score=3.9, band=Band.EIGHTEEN),
        title("unknown", score=3.8, band=Band.UNRATED),
        title("family", score=3.2, band=Band.SEVEN),
    ]
    found = pick_from_list(listed, kids=True)
    assert found.chosen.title_id == "family"
    assert found.not_for_kids == 2
    assert pick_from_list(listed).chosen.title_id == "grown"


def test_nothing_left_says_why_and_an_empty_list_picks_nothing():
    listed = [title("a", ["hulu"]), title("b"), title("c", band=Band.SIXTEEN)]
    found = pick_from_list(listed, platforms=frozenset(["netflix", "disney"]), seen={"b"}, kids=True)
    assert found.chosen is None
    assert (found.off_platforms, found.seen, found.not_for_kids, found.left) == (1, 1, 1, 0)
    empty = pick_from_list([])
    assert empty.chosen is None and empty.total == 0


def test_what_is_kept_comes_best_first_for_a_poll_of_the_list():
    listed = [title("a", score=3.1), title("b", score=3.9), title("c", score=3.5), title("d", score=4.0)]
    found = pick_from_list(listed, seen={"d"})
    assert [c.title_id for c in found.kept] == ["b", "c", "a"]


def test_the_lists_entries_become_candidates_with_their_copies_scores_and_bands(fixture_snapshot):
    snap = fixture_snapshot
    toy_story = snap.understanding.parse_command("title", "toy story").answer()[1][0].id
    conjuring = snap.understanding.parse_command("title", "the conjuring").answer()[1][0].id
    entries = [
        Entry(toy_story, 1, "Ana", 10.0),
        Entry("gone1", 2, "", 11.0),
        Entry(conjuring, 2, "Luis", 12.0),
    ]
    found = candidates_of(snap, entries)
    assert [c.title_id for c in found] == [toy_story, conjuring]  # a title left the catalogue: left out
    assert set(found[0].platforms) == {"disney", "hulu"} and found[0].added_by_name == "Ana"
    assert found[0].band == Band.ALL and found[1].band == Band.EIGHTEEN
    assert found[1].score == snap.title(conjuring)["score"]
    hulu_copy = next(i for i in snap.copies[toy_story] if i != toy_story)
    assert seen_with_copies({toy_story}, snap.copies) == {toy_story, hulu_copy}
    assert pick_from_list(found, seen=seen_with_copies({hulu_copy}, snap.copies)).chosen.title_id == conjuring
