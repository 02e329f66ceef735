"""A chat's limits on its lists: platforms unless one is named, kids mode always, seen titles
and their copies left out."""

from __future__ import annotations

from core.questions.bands import KIDS, Band
from core.questions.filters import Filters, Span
from core.questions.viewer import Viewer, kids_bands, limited, seen_with_copies

NETFLIX_DISNEY = frozenset({"netflix", "disney"})
COPIES = {"ds1": ["ds1", "as9"], "as9": ["as9", "ds1"]}


def test_the_chats_platforms_limit_a_list_and_the_answer_says_so():
    chosen = limited(Filters(genres=frozenset({"comedy"})), Viewer(platforms=NETFLIX_DISNEY))
    assert chosen.filters.platforms == NETFLIX_DISNEY
    assert chosen.filters.genres == frozenset({"comedy"})
    assert chosen.note == NETFLIX_DISNEY and chosen.noted


def test_a_platform_the_user_names_wins_and_no_line_is_due():
    chosen = limited(Filters(platforms=frozenset({"hulu"})), Viewer(platforms=NETFLIX_DISNEY))
    assert chosen.filters.platforms == frozenset({"hulu"})
    assert not chosen.note and not chosen.noted


def test_nothing_set_or_all_four_limits_nothing():
    assert limited(Filters(), Viewer()).filters == Filters()
    every = Viewer(platforms=frozenset({"amazon", "disney", "hulu", "netflix"}))
    chosen = limited(Filters(), every)
    assert chosen.filters.platforms == frozenset() and not chosen.noted


def test_all_platforms_drops_the_platforms_but_keeps_kids_mode_and_seen():
    viewer = Viewer(platforms=NETFLIX_DISNEY, kids=True, seen=frozenset({"ns1"}))
    chosen = limited(Filters(), viewer.everywhere())
    assert chosen.filters.platforms == frozenset() and not chosen.note
    assert chosen.filters.bands == Span(None, KIDS) and chosen.kids and chosen.noted
    assert "ns1" in chosen.filters.exclude


def test_kids_mode_keeps_kids_bands_whatever_was_asked():
    assert kids_bands(None) == Span(None, KIDS)
    assert kids_bands(Span(None, Band.THIRTEEN)) == Span(None, KIDS)  # "for teens": still kids
    assert kids_bands(Span(Band.ALL, Band.ALL)) == Span(Band.ALL, Band.ALL)  # "for toddlers" stays
    assert kids_bands(Span(Band.EIGHTEEN, None)) == Span(None, KIDS)  # "R-rated" cannot be had


def test_seen_titles_and_their_copies_are_left_out():
    chosen = limited(Filters(exclude=frozenset({"ns7"})), Viewer(seen=frozenset({"ds1"})), COPIES)
    assert chosen.filters.exclude == frozenset({"ns7", "ds1", "as9"})
    assert not chosen.noted  # leaving seen titles out needs no line
    assert seen_with_copies(["hu3"], COPIES) == frozenset({"hu3"})
