"""Seen titles and the chat's list in words and buttons: the toasts of "✓ Seen" and "➕ Our
list", /watchlist, and /pick's choice and why (polls of the list: ``bot.text.votes``).

"Our list" in a group, "my list" in a private chat: the list is the chat's either way.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text.i18n import _, ngettext, number
from bot.text.markup import clip, esc, excerpt
from bot.text.render import platforms_text, title_name

SHOWN = 30  # titles /watchlist lists (a remove button each: Telegram allows 100 buttons)
PER_ROW = 5
TOAST = 60  # characters of a title in a button's pop-up (200 at most in all)


def short_name(title: dict) -> str:
    """A title in a pop-up: plain text, not HTML."""
    return excerpt(title["display_title"], TOAST)


def gone() -> str:
    return _("That title is no longer in the catalogue.")


# ---- seen ---------------------------------------------------------------------------------
def seen_toast(title: dict, seen: bool) -> str:
    if seen:
        return _("✓ Marked as seen: {title}").format(title=short_name(title))
    return _("Unmarked: {title} is not seen any more.").format(title=short_name(title))


# ---- the list -----------------------------------------------------------------------------
def list_button_label(group: bool) -> str:
    return _("➕ Our list") if group else _("➕ My list")


def added_text(title: dict, added: bool, group: bool) -> str:
    """What a tap on "➕ Our list" did (plain text, a pop-up's)."""
    name = short_name(title)
    if added:
        return (
            _("➕ Added to our list: {title}. /watchlist shows it.")
            if group
            else _("➕ Added to your list: {title}. /watchlist shows it.")
        ).format(title=name)
    return (_("{title} is on our list already.") if group else _("{title} is on your list already.")).format(
        title=name
    )


def list_heading(group: bool, count: int) -> str:
    if group:
        head = ngettext("<b>Our list</b> ({n} title)", "<b>Our list</b> ({n} titles)", count)
    else:
        head = ngettext("<b>Your list</b> ({n} title)", "<b>Your list</b> ({n} titles)", count)
    return head.format(n=number(count))


def empty_list(group: bool) -> str:
    if group:
        return _(
            "Our list is empty. Tap ➕ Our list under a title's card (<code>/title coco</code>) or "
            "under suggestions, and /pick chooses one for tonight."
        )
    return _(
        "Your list is empty. Tap ➕ My list under a title's card (<code>/title coco</code>) or "
        "under suggestions, and /pick chooses one for tonight."
    )


def entry_line(position: int, title: dict, platforms, added_by: str) -> str:
    line = f"{position}. <b>{esc(title_name(title))}</b> ({title['release_year']}) — {esc(platforms_text(platforms))}"
    if added_by:
        line += " · " + _("added by {name}").format(name=esc(added_by))
    return line


def list_text(group: bool, lines: list[str], total: int) -> str:
    text = list_heading(group, total) + "\n\n" + "\n".join(lines)
    if total > len(lines):
        text += "\n" + _("…and {n} more.").format(n=number(total - len(lines)))
    hint = _("Tap ✖ and a number to take that title off the list. /pick chooses one for tonight.")
    return clip(f"{text}\n\n<i>{esc(hint)}</i>")


def list_keyboard(title_ids: list[str], group: bool) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(f"✖ {i}", callback_data=callbacks.ListRemove(title_id).encode())
        for i, title_id in enumerate(title_ids, start=1)
    ]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    if group:
        rows.append(
            [InlineKeyboardButton(_("🗑 Clear the list"), callback_data=callbacks.ListClear(0).encode())]
        )
    return InlineKeyboardMarkup(rows)


def clear_question(count: int) -> tuple[str, InlineKeyboardMarkup]:
    text = ngettext(
        "Clear the whole list ({n} title) for everyone in this group?",
        "Clear the whole list ({n} titles) for everyone in this group?",
        count,
    ).format(n=number(count))
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("Yes, clear it"), callback_data=callbacks.ListClear(1).encode()),
                InlineKeyboardButton(_("Keep it"), callback_data=callbacks.ListClear(2).encode()),
            ]
        ]
    )
    return text, keyboard


def cleared(count: int) -> str:
    return ngettext(
        "Cleared: {n} title is off the list. The group's platforms stay as they were.",
        "Cleared: {n} titles are off the list. The group's platforms stay as they were.",
        count,
    ).format(n=number(count))


def removed_toast(title: dict | None, removed: bool) -> str:
    if not removed:
        return _("That title is off the list already.")
    if title is None:
        return _("Taken off the list.")
    return _("✖ Taken off the list: {title}").format(title=short_name(title))


def admins_only() -> str:
    return _("Only the group's admins can clear the list.")


# ---- /pick ----------------------------------------------------------------------------------
def pick_reasons(found, group: bool, watchers: int, platforms_set: bool, kids: bool) -> str:
    """Why this one: where it streams (the chat's platforms, when it has some), that nobody
    watching saw it, children's band, who added it, and of how many it is the best rated."""
    where = esc(platforms_text(found.on_platforms))
    parts = [
        (_("on {platforms}, which you have") if platforms_set else _("on {platforms}")).format(
            platforms=where
        )
    ]
    if group and watchers > 1:
        parts.append(_("nobody watching has seen it"))
    else:
        parts.append(_("you haven't seen it"))
    if kids:
        parts.append(_("fine for children"))
    if group and found.chosen.added_by_name:
        parts.append(_("added by {name}").format(name=esc(found.chosen.added_by_name)))
    if found.left == 1:
        parts.append(_("the only one left"))
    elif found.chosen.score is not None:
        parts.append(
            ngettext("best rated of the {n} left", "best rated of the {n} left", found.left).format(
                n=number(found.left)
            )
        )
    else:
        parts.append(_("the oldest wish of the {n} left").format(n=number(found.left)))
    why = "; ".join(parts)
    return why[:1].upper() + why[1:] + "."


def pick_text(found, title: dict, platforms, why: str) -> str:
    heading = _("Tonight: <b>{title}</b> ({year}) — {platforms}").format(
        title=esc(title_name(title)), year=title["release_year"], platforms=esc(platforms_text(platforms))
    )
    return clip(f"🎬 {heading}\n<i>{why}</i>")


def left_out(found) -> list[str]:
    """What was left out and why, one short clause each."""
    parts = []
    if found.off_platforms:
        parts.append(
            ngettext(
                "{n} is on none of your platforms", "{n} are on none of your platforms", found.off_platforms
            ).format(n=number(found.off_platforms))
        )
    if found.seen:
        parts.append(
            ngettext(
                "{n} was seen by someone watching", "{n} were seen by someone watching", found.seen
            ).format(n=number(found.seen))
        )
    if found.not_for_kids:
        parts.append(
            ngettext("{n} is not for children", "{n} are not for children", found.not_for_kids).format(
                n=number(found.not_for_kids)
            )
        )
    return parts


def nothing_left(found) -> str:
    reasons = "; ".join(left_out(found))
    return _(
        "Nothing on the list is left for tonight ({reasons}). Add more with ➕ under a title's card "
        "or suggestions, or see the list with /watchlist."
    ).format(reasons=esc(reasons))


def pick_keyboard(title_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(_("✓ Seen"), callback_data=callbacks.Seen(title_id).encode())]]
    )
