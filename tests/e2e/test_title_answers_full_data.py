"""End-to-end on the full data: title answers that never look broken. A number typed as a title
is that title, a title named by its own name before a describing subtitle is answered, a
franchise's name is a "which one?" list, and "not in the catalogues" is said only of a text no
title is close to; no reply carries a null, "None", "nan" or an internal code."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_commands import ask, buttons, spanish_speaker

pytestmark = pytest.mark.full_data

NOT_IN = "is not in the Prime Video, Disney+, Hulu, or Netflix catalogues"
BROKEN = re.compile(r"\bNone\b|\bnan\b|\bnull\b|\bNaN\b|\{|\}|\b[ahdn]s\d+\b")


def reply(tg, text, user_id, **kwargs):
    call = ask(tg, text, user_id=user_id, **kwargs)
    shown = call.params["text"]
    labels = list(buttons(call)) if call.params.get("reply_markup") else []
    assert not BROKEN.search(shown), shown
    assert not [label for label in labels if BROKEN.search(label)], labels
    return shown, labels


@pytest.mark.parametrize(
    ("message", "absent"),
    [("/where 1917", "1917"), ("/title 1917", "1917"), ("/where 300", "300"), ("is 300 on netflix", "300")],
)
def test_a_number_typed_as_a_title_is_that_title(tg_full, message, absent):
    text, _ = reply(tg_full, message, 7101)
    assert f"“{absent}” {NOT_IN}" in text


def test_a_number_that_is_a_title_gets_its_card(tg_full):
    text, labels = reply(tg_full, "/title 21", 7102)
    assert text.startswith("<b>21</b> (2008, movie)") and "More like this" in labels
    text, _ = reply(tg_full, "where can i watch 21", 7102)
    assert "Where to watch:" in text and "<b>21</b>" in text


@pytest.mark.parametrize("message", ["/where el camino", "where can i watch el camino"])
def test_a_title_by_its_name_before_the_subtitle(tg_full, message):
    text, _ = reply(tg_full, message, 7103)
    assert "<b>El Camino: A Breaking Bad Movie</b> (2019, movie): Netflix" in text


def test_the_same_in_spanish(tg_full):
    user = spanish_speaker(tg_full, 7104)
    text, _ = reply(tg_full, "dónde veo el camino", user)
    assert "<b>El Camino: A Breaking Bad Movie</b> (2019, película): Netflix" in text


def test_a_title_with_initials_and_its_year(tg_full):
    text, _ = reply(tg_full, "/title louis c.k. 2017", 7105)
    assert text.startswith("<b>Louis C.K. 2017</b> (2017, movie)") and NOT_IN not in text


@pytest.mark.parametrize(
    ("message", "choice"),
    [
        ("/where pokémon", "Pokémon the Series (2019)"),
        ("pokemon", "Pokémon the Series (2019)"),
        ("/title louis c.k.", "Louis C.K. 2017 (2017)"),
    ],
)
def test_a_name_that_titles_share_is_a_choice_never_absent(tg_full, message, choice):
    text, labels = reply(tg_full, message, 7106)
    assert "not in the" not in text and "Did you mean" in text
    assert any(label.startswith(choice) for label in labels), labels


def test_absent_is_only_said_of_texts_no_title_is_close_to(tg_full):
    text, labels = reply(tg_full, "/where titanic", 7107)
    assert f"“titanic” {NOT_IN}" in text
    # what it offers shares a word, and none of it is Titanic itself
    assert labels and all("Titanic" in label and not label.startswith("Titanic (") for label in labels)


def test_a_title_command_without_a_title_asks_for_one(tg_full):
    text, _ = reply(tg_full, "/where on netflix", 7108)
    assert text == "Which title? e.g. <code>/where toy story</code>"
