"""Suggestions a parent can trust, on the real catalogues: next to a children's or all-ages
title, never a title above its band, on any platform, on any page; never a copy or edition."""

import numpy as np
import pytest

from core.catalogue.works import catalogue_work_ids
from core.questions.bands import KIDS, Band, audience_band

PLATFORMS = [None, "amazon", "disney", "hulu", "netflix"]


@pytest.fixture(scope="module")
def rec(full_snapshot):
    return full_snapshot.recommender


def first(rec, text):
    return rec.resolve(text)[0]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_toy_story_gets_no_adult_animation_anywhere(rec, platform):
    toy_story = first(rec, "toy story")
    titles = [s.title for s in rec.recommend(toy_story.id, k=20, platform=platform)]
    assert titles, platform
    for adult in ("Afro Samurai", "Ninja Scroll", "Archer", "Evangelion", "Dante's Inferno", "GANTZ"):
        assert not any(adult in title for title in titles), (platform, titles)
    assert all(Band(int(rec.band[rec.row_of[s.id]])) <= Band.ALL or rec.family_filed[rec.row_of[s.id]]
               for s in rec.recommend(toy_story.id, k=20, platform=platform))  # fmt: skip


def test_children_titles_get_nothing_above_their_band(rec):
    rows = np.flatnonzero((rec.band <= KIDS) | ((rec.band == Band.UNRATED) & rec.family_filed))
    for row in np.random.default_rng(3).choice(rows, size=150, replace=False):
        limit = audience_band(Band(int(rec.band[row])), bool(rec.family_filed[row]))
        for platform in PLATFORMS:
            for s in rec.recommend(rec.ids[row], k=10, platform=platform):
                other = rec.row_of[s.id]
                theirs = Band(int(rec.band[other]))
                assert theirs <= limit or (theirs is Band.UNRATED and rec.family_filed[other]), (
                    rec.titles[row],
                    platform,
                    s.title,
                    theirs,
                )


def test_a_grown_up_title_keeps_its_grown_up_neighbours(rec):
    # Safety narrows only children's lists: a TV-MA series is still suggested TV-MA titles.
    breaking_bad = first(rec, "breaking bad")
    bands = [Band(int(rec.band[rec.row_of[s.id]])) for s in rec.recommend(breaking_bad.id, k=10)]
    assert Band.EIGHTEEN in bands


def test_no_copy_or_edition_is_suggested(full_snapshot, full_catalogue, rec):
    works = catalogue_work_ids(full_catalogue)
    for text in ("coco", "shrek", "akira", "incredibles 2"):
        title = first(rec, text)
        for platform in PLATFORMS:
            picked = [rec.row_of[s.id] for s in rec.recommend(title.id, k=20, platform=platform)]
            shown = [works[rec.row_of[title.id]], *(works[p] for p in picked)]
            assert len(shown) == len(set(shown)), (text, platform)
    shrek = [s.title for s in rec.recommend(first(rec, "shrek").id, k=10)]
    assert "Shrek 2" in shrek and not any("Español" in t for t in shrek)


def test_an_edition_is_named_by_its_original(rec):
    coco = first(rec, "coco in spanish")
    assert coco.title == "Coco" and len(coco.ids) == 2


@pytest.mark.parametrize(
    "text", ["kids movies", "series para niños", "family movies on hulu", "pelis familiares"]
)
def test_a_kids_or_family_request_lists_only_childrens_bands(full_snapshot, text):
    from core.questions import answers

    q = full_snapshot.understanding.parse(text)
    table = full_snapshot.table
    page = answers.page(table, q.filters, 0, 50)
    assert page.ids, text
    for title_id in page.ids:
        theirs = Band(int(table.band[table.row_of[title_id]]))
        assert theirs <= KIDS or theirs is Band.UNRATED, (
            text,
            full_snapshot.title(title_id)["display_title"],
        )


def test_a_rating_the_rules_filled_in_is_no_promise(full_snapshot):
    # Hulu gives "(Sub) Ninja Scroll" no rating; the original rules fill in "g", the bands do not.
    table = full_snapshot.table
    ninja = first(full_snapshot.recommender, "(sub) ninja scroll")
    assert full_snapshot.title(ninja.id)["rating"] == "g"
    assert Band(int(table.band[table.row_of[ninja.id]])) is Band.UNRATED


def test_picks_for_a_user_who_liked_only_childrens_titles_keep_to_their_bands(full_snapshot, rec):
    from core.personal import taste

    liked = {first(rec, text).id: 1 for text in ("toy story", "frozen", "moana")}
    limit = max(
        audience_band(Band(int(rec.band[rec.row_of[i]])), bool(rec.family_filed[rec.row_of[i]]))
        for i in liked
    )
    picks = taste.picks(full_snapshot.taste, liked, k=20)
    assert picks
    for pick in picks:
        theirs = Band(int(rec.band[rec.row_of[pick.id]]))
        assert theirs <= limit or (theirs is Band.UNRATED and rec.family_filed[rec.row_of[pick.id]]), (
            pick.title
        )


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_childrens_title_still_gets_two_full_pages_on_every_platform(rec, platform):
    # Its neighbours are searched among the titles it may stand next to (core.similar.children).
    for text in ("toy story", "frozen", "paw patrol"):
        assert len(rec.recommend(first(rec, text).id, k=10, platform=platform)) == 10, (text, platform)
