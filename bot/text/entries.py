"""The buttons of a list's entries: one row of numbered rating buttons ending in "✓ ➕", which
swaps that row for a numbered "✓ Seen" row and a numbered "➕ list" row (and back), so a list
of five never carries fifteen buttons at once.

Everything is read from the keyboard itself: each button's data carries its title, its label
the title's place in the list; nothing is kept between the taps.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text import render
from bot.text.i18n import _

SWAP_TO_RATINGS = "↩ 👍"


def actions_button() -> InlineKeyboardButton:
    """Ends a rating row: swaps it for the seen and list rows."""
    return InlineKeyboardButton(render.ENTRY_ACTIONS, callback_data=callbacks.EntryActions(1).encode())


def numbered_ids(row) -> list[tuple[int, str]]:
    """(place, title id) of each numbered entry button in ``row`` (rating, seen or list)."""
    found = []
    for button in row:
        data = callbacks.parse_any(button.callback_data)
        if isinstance(data, callbacks.Rate | callbacks.Seen | callbacks.ListAdd):
            found.append((_place(button.text), data.title_id))
    return found


def _place(label: str) -> int:
    """The number in "3", "3 👍", "✓ 3" or "➕ 3"."""
    return next(int(part) for part in label.split() if part.isdigit())


def _kind_of(row) -> type | None:
    for button in row:
        data = callbacks.parse_any(button.callback_data)
        if isinstance(data, callbacks.Rate | callbacks.Seen | callbacks.ListAdd):
            return type(data)
    return None


def with_actions(keyboard: InlineKeyboardMarkup) -> InlineKeyboardMarkup:
    """The rating row swapped for a "✓ Seen" row and a "➕ list" row, the same numbers."""
    rows = []
    for row in keyboard.inline_keyboard:
        if _kind_of(row) is not callbacks.Rate:
            rows.append(list(row))
            continue
        entries = numbered_ids(row)
        rows.append(
            [
                InlineKeyboardButton(f"✓ {n}", callback_data=callbacks.Seen(title_id).encode())
                for n, title_id in entries
            ]
        )
        rows.append(
            [
                InlineKeyboardButton(f"➕ {n}", callback_data=callbacks.ListAdd(title_id).encode())
                for n, title_id in entries
            ]
            + [InlineKeyboardButton(SWAP_TO_RATINGS, callback_data=callbacks.EntryActions(0).encode())]
        )
    return InlineKeyboardMarkup(rows)


def with_ratings(keyboard: InlineKeyboardMarkup, ratings: dict | None = None) -> InlineKeyboardMarkup:
    """The seen and list rows swapped back for the rating row (marked with ``ratings``)."""
    rows = []
    ratings = ratings or {}
    for row in keyboard.inline_keyboard:
        kind = _kind_of(row)
        if kind is callbacks.ListAdd:
            continue  # the seen row stands for both
        if kind is not callbacks.Seen:
            rows.append(list(row))
            continue
        rows.append(
            [
                InlineKeyboardButton(
                    render.rating_label(n, ratings.get(title_id)),
                    callback_data=callbacks.Rate(title_id).encode(),
                )
                for n, title_id in numbered_ids(row)
            ]
            + [actions_button()]
        )
    return InlineKeyboardMarkup(rows)


def seen_marked(keyboard: InlineKeyboardMarkup, title_id: str, seen: bool) -> InlineKeyboardMarkup:
    """The keyboard with the title's "✓ Seen" buttons showing whether it is seen now ("✅"):
    for a private chat's keyboard, which is its one reader's."""
    rows = []
    for row in keyboard.inline_keyboard:
        buttons = []
        for button in row:
            data = callbacks.parse_any(button.callback_data)
            if isinstance(data, callbacks.Seen) and data.title_id == title_id:
                if any(part.isdigit() for part in button.text.split()):
                    label = f"{'✅' if seen else '✓'} {_place(button.text)}"
                else:
                    label = _("✅ Seen") if seen else _("✓ Seen")
                button = InlineKeyboardButton(label, callback_data=button.callback_data)
            buttons.append(button)
        rows.append(buttons)
    return InlineKeyboardMarkup(rows)


def seen_and_list_hint() -> str:
    return _("✓ marks a title seen, ➕ puts it on the list; ↩ brings the ratings back.")
