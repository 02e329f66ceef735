"""The words of watching together in a group: /watching's list of tonight's watchers and its
two buttons, and the group's /foryou picks with whose likes each follows."""

from __future__ import annotations

from babel.lists import format_list
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text import i18n
from bot.text.i18n import _, ngettext
from bot.text.markup import clip, esc
from bot.text.render import RATE_HINT, details, platform_name, suggestion_line


def names(people) -> str:
    """ "Ana, Luis and Sam" / "Ana, Luis y Sam", each name escaped."""
    return format_list([esc(name) for name in people], locale=i18n.current().locale)


def shown_name(member) -> str:
    return member.name or _("someone")


def watchers_text(watchers) -> str:
    """/watching: who is watching tonight, and what the buttons do."""
    if not watchers:
        head = _("Nobody is watching tonight yet.")
    else:
        head = _("Watching tonight: {names}.").format(names=names(shown_name(m) for m in watchers))
    hint = _(
        "Tap “I'm watching” to join or “Not tonight” to leave: /foryou then picks titles for "
        "everyone watching, from the titles each of you rated."
    )
    return f"{head}\n\n<i>{esc(hint)}</i>"


def watch_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("🍿 I'm watching"), callback_data=callbacks.Watch(1).encode()),
                InlineKeyboardButton(_("Not tonight"), callback_data=callbacks.Watch(0).encode()),
            ]
        ]
    )


def only_in_groups() -> str:
    return _(
        "/watching is for groups: add me to a group and send /watching there to say who is "
        "watching tonight. Here, /foryou picks for you alone."
    )


def nobody_to_pick_for() -> str:
    return _(
        "I don't know the taste of anyone watching here yet. Tap “I'm watching” under /watching to "
        "join tonight's watchers, and rate a few titles (👍 under suggestions, or "
        "<code>/like coco</code> in a private chat with me); then /foryou picks for all of you."
    )


def why(pick, name_of: dict[int, str], title_of: dict[str, str]) -> str:
    """ "Ana and Luis liked Coco; Sam liked Up": whose likes drew the pick in, by liked title."""
    by_title: dict[str, list[str]] = {}
    for member, liked in pick.followed:
        if liked in title_of:
            by_title.setdefault(liked, []).append(name_of.get(member) or _("someone"))
    if not by_title:
        return _("close to the genres you all like")
    return "; ".join(
        ngettext("{names} liked {title}", "{names} liked {title}", len(people)).format(
            names=format_list(people, locale=i18n.current().locale), title=title_of[liked]
        )
        for liked, people in by_title.items()
    )


def group_picks_text(
    picks, titles, name_of: dict[int, str], title_of: dict[str, str], platforms, unrated=()
) -> str:
    """The group's /foryou: picks for everyone watching (``name_of``: watcher id -> name,
    ``title_of``: liked title id -> its name), on the group's ``platforms`` when set;
    ``unrated``: watchers who rated nothing yet, told how to count."""
    watching = names(name_of.values())
    if platforms:
        shown = format_list([platform_name(p) for p in sorted(platforms)], locale=i18n.current().locale)
        head = _("Picks for {names}, on {platforms}:").format(names=watching, platforms=esc(shown))
    else:
        head = _("Picks for {names}:").format(names=watching)
    lines = [
        suggestion_line(f"{position}.", item.pick, details(title), why(item, name_of, title_of))
        for position, (item, title) in enumerate(zip(picks, titles, strict=True), start=1)
    ]
    foot = esc(_(RATE_HINT))
    if unrated:
        later = ngettext(
            "{names} has not rated anything yet: a 👍 or two, and the picks follow them too.",
            "{names} have not rated anything yet: a 👍 or two each, and the picks follow them too.",
            len(unrated),
        )
        foot = later.format(names=names(shown_name(m) for m in unrated)) + "\n" + foot
    return clip(f"{head}\n\n" + "\n\n".join(lines) + f"\n\n<i>{foot}</i>")
