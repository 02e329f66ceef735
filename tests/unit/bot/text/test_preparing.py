"""While a first start's model builds, a suggestion request hears when suggestions come."""

from __future__ import annotations

from bot.text import i18n
from bot.text.card import title_card
from bot.text.render import LATE_SECONDS, suggestions, suggestions_preparing

TOY_STORY = {
    "display_title": "Toy Story", "release_year": 1995, "type": "Movie", "platform": "disney",
    "display_description": "A cowboy doll is threatened by a new spaceman figure.", "genres": "animation",
    "display_director": "John Lasseter", "display_cast": "Tom Hanks", "display_country": "United States",
    "rating": "g", "maturity": "G", "duration_int": 81, "duration_type": "min", "date_added": None,
    "score": 4.2, "id": "ds1", "title": "toy story", "description": "", "director": "", "cast": "",
    "country": "", "listed_in": "", "show_id": "s1",
}  # fmt: skip


def test_it_says_about_how_long_in_the_askers_language():
    assert "ready in about 8 seconds" in suggestions_preparing(7.6)
    assert "ready in about 1 second." in suggestions_preparing(0.2)  # never "0 seconds"
    with i18n.using("es"):
        assert "unos 8 segundos" in suggestions_preparing(7.6)


def test_a_build_long_overdue_promises_no_time():
    late = suggestions_preparing(-LATE_SECONDS - 1)
    assert "second" not in late and "again" in late


def test_a_suggestion_page_and_a_card_say_it_instead_of_a_list():
    page = suggestions(TOY_STORY, ["disney"], [], [], 0, None, preparing=5)
    assert "Toy Story" in page and "ready in about 5 seconds" in page
    assert "No more suggestions" not in page
    card = title_card(TOY_STORY, ["disney"], [], preparing=5)
    assert "ready in about 5 seconds" in card and "If you like it, try:" not in card
    assert "being prepared" not in title_card(TOY_STORY, ["disney"], [])  # a whole snapshot's card
