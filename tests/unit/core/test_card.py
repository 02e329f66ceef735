"""What a card says (``core.card``), the genre line's rule (``shown_genres``) and the
catalogue date (``latest_added``), checked over the full catalogues."""

from __future__ import annotations

import datetime as dt

from core.card import card_of, card_of_rows
from core.catalogue.as_of import latest_added
from core.catalogue.genres import ADULT_ANIMATION, labels_of, shown_genres, split_genres
from core.questions.bands import Band


def test_no_title_filed_as_adult_animation_reads_animation(full_catalogue):
    filed = full_catalogue[[("adult animation" in labels_of(v)) for v in full_catalogue["listed_in"]]]
    assert len(filed) >= 30  # Hulu files Archer, Family Guy, The Simpsons… so
    for genres, listed_in in zip(filed["genres"], filed["listed_in"], strict=True):
        shown = shown_genres(genres, listed_in)
        assert ADULT_ANIMATION in shown and "animation" not in shown, (genres, listed_in)


def test_the_short_genre_line_keeps_horror_and_three_genres_in_order(full_catalogue):
    hidden_before = 0
    for genres, listed_in in zip(full_catalogue["genres"], full_catalogue["listed_in"], strict=True):
        ids, shown = split_genres(genres), shown_genres(genres, listed_in)
        assert len(shown) == min(3, len(ids))
        if "horror" in ids:
            assert "horror" in shown, genres
            hidden_before += "horror" not in ids[:3]
        renamed = [ADULT_ANIMATION if g == "animation" and ADULT_ANIMATION in shown else g for g in ids]
        assert list(shown) == [g for g in renamed if g in shown]  # the vocabulary's order
    assert hidden_before >= 5  # titles whose horror the first three genres used to hide (GANTZ:O…)


def test_a_card_takes_a_missing_field_from_another_platforms_copy(full_snapshot):
    own = full_snapshot.title("hs1885")  # Hulu's We Need to Talk About Kevin names no director
    assert own["platform"] == "hulu" and not isinstance(own["display_director"], str)
    card = card_of(full_snapshot, "hs1885")
    assert card.directors == ("Lynne Ramsay",)  # Prime Video's copy does
    assert [s.platform for s in card.streams] == ["hulu", "amazon"]


def test_a_card_leaves_out_what_no_copy_has(full_snapshot):
    card = card_of(full_snapshot, "hs331")  # Archer: no director, no cast on Hulu
    assert card.directors == () and card.cast == ()
    assert card.seasons == 12 and card.minutes is None
    assert (card.band, card.label) == (Band.EIGHTEEN, "TV-MA")


def test_an_unlabelled_title_is_unrated_though_the_source_rules_filled_in_g():
    row = {
        "type": "movie",
        "release_year": 2017,
        "platform": "hulu",
        "display_title": "Somewhere",
        "rating": "g",
        "maturity": None,
        "duration_int": float("nan"),
        "duration_type": None,
        "date_added": None,
    }
    card = card_of_rows([row])
    assert (card.band, card.label, card.minutes, card.streams[0].added) == (Band.UNRATED, None, None, None)


def test_the_catalogues_date_is_each_platforms_latest_addition(full_catalogue):
    assert latest_added(full_catalogue) == {
        "amazon": dt.date(2021, 10, 10),
        "disney": dt.date(2021, 11, 26),
        "hulu": dt.date(2021, 10, 24),
        "netflix": dt.date(2021, 9, 25),
    }
