"""A poll of the chat's list, and a closed poll's result, in words and buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text.i18n import _, ngettext, number
from bot.text.markup import esc, excerpt
from bot.text.render import title_name


def too_few_for_a_poll(count: int) -> str:
    if count == 0:
        text = _("There is nothing on the list to vote on yet.")
    else:
        text = _("There is only one title on the list left to vote on.")
    return (
        text
        + " "
        + _(
            "Add titles with ➕ under a card or suggestions, or vote on one and four like it: "
            "<code>/poll toy story</code>."
        )
    )


def close_vote_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(_("🏁 Close the vote"), callback_data=callbacks.CloseVote().encode())]]
    )


def votes(n: int) -> str:
    return ngettext("{n} vote", "{n} votes", n).format(n=number(n))


def nobody_voted() -> str:
    return _("The vote is closed and nobody voted. Send /poll to try again.")


def winner_text(title: dict, count: int, listed: bool) -> str:
    text = _("🏆 The vote chose <b>{title}</b> ({votes}).").format(
        title=esc(title_name(title)), votes=votes(count)
    )
    if listed:
        text += " " + _("It is on the list already: /pick or /watchlist.")
    return text


def tie_text(titles: list[dict], count: int) -> str:
    names = ", ".join(f"<b>{esc(title_name(t))}</b>" for t in titles)
    return _("🤝 The vote is a tie between {titles} ({votes} each).").format(titles=names, votes=votes(count))


def add_winners_keyboard(titles: list[dict], group: bool) -> InlineKeyboardMarkup | None:
    """A "➕ Add to our list" button per winner not on the list yet."""
    if not titles:
        return None
    if len(titles) == 1:
        label = _("➕ Add to our list") if group else _("➕ Add to my list")
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(label, callback_data=callbacks.ListAdd(titles[0]["id"]).encode())]]
        )
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "➕ " + excerpt(t["display_title"], 40), callback_data=callbacks.ListAdd(t["id"]).encode()
                )
            ]
            for t in titles
        ]
    )
