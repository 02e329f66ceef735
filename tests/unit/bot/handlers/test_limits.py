"""The one line a limited list carries, and its "All platforms" button: only when the chat's
platforms narrowed it; kids mode is said but never offered to drop."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.handlers.limits import with_note
from bot.text import i18n
from core.questions.filters import Filters
from core.questions.viewer import Limited

MORE = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="ls:1:10")]])


def labels(keyboard) -> list[str]:
    return [b.text for row in keyboard.inline_keyboard for b in row] if keyboard else []


def test_a_list_the_platforms_narrowed_says_so_and_offers_all_platforms():
    with i18n.using("en"):
        text, keyboard = with_note(
            "Best:", MORE, Limited(Filters(), frozenset({"netflix", "disney"})), "7", True
        )
    assert text.endswith("<i>On your platforms: Disney+, Netflix.</i>")
    assert labels(keyboard) == ["More", "All platforms"]
    assert (
        keyboard.inline_keyboard[-1][0].callback_data == callbacks.AllPlatforms("7", language="en").encode()
    )


def test_in_a_group_and_in_spanish():
    with i18n.using("es"):
        text, _keyboard = with_note("x", None, Limited(Filters(), frozenset({"hulu"})), "7", False)
    assert "En las plataformas del grupo: Hulu." in text


def test_kids_mode_is_said_without_a_button_and_nothing_limited_adds_nothing():
    with i18n.using("en"):
        text, keyboard = with_note("Best:", MORE, Limited(Filters(), kids=True), "7", True)
        assert "Kids mode: titles for children only." in text and labels(keyboard) == ["More"]
        assert with_note("Best:", MORE, Limited(Filters()), "7", True) == ("Best:", MORE)
