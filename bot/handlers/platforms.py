"""/platforms (/plataformas): the platforms a chat has, and kids mode. ``/platforms netflix
disney`` sets them; alone, a menu toggles each platform, kids mode and, in a group, "only admins
change this", and clears it all. In a private chat the person decides; in a group any member,
or only its admins when the group says so (an admin switches that, and only an admin clears).

Every list the chat is then shown keeps to them (``bot.handlers.limits``); the "All platforms"
button under such a list gives it again without them (``bot.handlers.everywhere``).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.handlers.common import edit, reply, text_of
from bot.handlers.limits import in_private, names
from bot.state import Context
from bot.text.i18n import N_, _
from bot.text.render import esc, platform_name
from core.catalogue import platforms as catalogue_platforms
from core.catalogue.platforms import PLATFORMS
from core.userdata.together import ChatSettings

log = logging.getLogger(__name__)
COMMANDS = [("platforms", N_("the platforms you have, and kids mode: /platforms netflix disney"))]
ADMINS = frozenset([ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER])


async def is_admin(update: Update) -> bool:
    """Whether the person is an admin of the group; a private chat (the console's too) is theirs."""
    if in_private(update):
        return True
    try:
        member = await update.effective_chat.get_member(update.effective_user.id)
    except TelegramError as exc:  # Telegram could not say: the safe answer is "no"
        log.warning("could not read a member's status: %s", exc)
        return False
    return member.status in ADMINS


async def settings_of(update: Update, context: Context) -> ChatSettings:
    return await asyncio.to_thread(context.bot_data.together.settings_of, update.effective_chat.id)


async def save(update: Update, context: Context, settings: ChatSettings) -> None:
    together, chat, user = context.bot_data.together, update.effective_chat, update.effective_user
    await asyncio.to_thread(together.set_settings, chat.id, settings, user.id if user else None)


def menu_text(settings: ChatSettings, private: bool) -> str:
    chosen = names(settings.platforms) if settings.platforms else ""
    if private:
        head = (
            _("Your platforms: {platforms}.").format(platforms=esc(chosen))
            if chosen
            else _("You have not chosen your platforms: I suggest titles from all of them.")
        )
    else:
        head = (
            _("This group's platforms: {platforms}.").format(platforms=esc(chosen))
            if chosen
            else _("This group has not chosen its platforms: I suggest titles from all of them.")
        )
    lines = [
        head,
        _("Kids mode: on (every suggestion is for children).") if settings.kids else _("Kids mode: off."),
    ]
    if not private:
        lines.append(
            _("Only admins change this.") if settings.admins_only else _("Any member can change this.")
        )
    lines.append(_("Tap to change; lists keep to these platforms unless you name another."))
    return "\n".join(lines)


def menu_keyboard(settings: ChatSettings, private: bool) -> InlineKeyboardMarkup:
    def button(label: str, choice: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=callbacks.PlatformsMenu(choice).encode())

    toggles = [
        button(f"✓ {platform_name(p)}" if p in settings.platforms else platform_name(p), p) for p in PLATFORMS
    ]
    rows = [toggles[:2], toggles[2:]]
    rows.append([button(_("Kids mode: on ✓") if settings.kids else _("Kids mode: off"), "kids")])
    if not private:
        label = _("Only admins change this ✓") if settings.admins_only else _("Only admins change this")
        rows.append([button(label, "admins")])
    rows.append([button(_("Clear"), "clear")])
    return InlineKeyboardMarkup(rows)


def usage() -> str:
    return _(
        "I know these platforms: {platforms}. For example <code>/platforms netflix disney+</code>, "
        "or <code>/platforms all</code>; <code>/platforms</code> alone shows the menu."
    ).format(platforms=esc(", ".join(platform_name(p) for p in PLATFORMS)))


def refused(settings: ChatSettings) -> str | None:
    """Why this person may not change the group's settings, or None."""
    return _("Only this group's admins can change its platforms.") if settings.admins_only else None


async def platforms_command(update: Update, context: Context) -> None:
    private, text = in_private(update), text_of(context)
    settings = await settings_of(update, context)
    if not text:
        await reply(update, menu_text(settings, private), reply_markup=menu_keyboard(settings, private))
        return
    chosen, unknown = catalogue_platforms.read(text)
    if unknown or not chosen:
        words = esc(" ".join(unknown) or text)
        await reply(update, _("I don't know “{words}”.").format(words=words) + " " + usage())
        return
    await set_platforms(update, context, chosen, settings)


async def set_platforms(
    update: Update, context: Context, chosen, settings: ChatSettings | None = None
) -> None:
    """The chat's platforms set to ``chosen`` (by /platforms, or "we only have netflix" in words)."""
    settings = settings or await settings_of(update, context)
    if settings.admins_only and not await is_admin(update):
        await reply(update, refused(settings))
        return
    settings = replace(settings, platforms=frozenset(chosen))
    await save(update, context, settings)
    done = _("Saved. Lists here keep to {platforms} unless you name another platform.")
    await reply(
        update,
        done.format(platforms=esc(names(chosen))),
        reply_markup=menu_keyboard(settings, in_private(update)),
    )


async def set_kids_mode(update: Update, context: Context, on: bool) -> None:
    """ "Kids mode" / "turn off kids mode" said in a message: as the menu's toggle does."""
    settings = await settings_of(update, context)
    if settings.admins_only and not await is_admin(update):
        await reply(update, refused(settings))
        return
    if settings.kids != on:
        await save(update, context, replace(settings, kids=on))
    text = (
        _(
            "Kids mode is on: every suggestion and list here is for children. Say “kids mode off” or use /platforms to change it."
        )
        if on
        else _("Kids mode is off. /platforms shows this chat's settings.")
    )
    await reply(update, text)


def changed(settings: ChatSettings, choice: str) -> ChatSettings:
    if choice == "kids":
        return replace(settings, kids=not settings.kids)
    if choice == "admins":
        return replace(settings, admins_only=not settings.admins_only)
    if choice == "clear":
        return ChatSettings(admins_only=settings.admins_only)
    return replace(settings, platforms=settings.platforms ^ {choice})


async def menu_button(update: Update, context: Context) -> None:
    """A tap in the menu: the change saved, the menu edited in place (never to the same text:
    Telegram refuses an identical edit, and every tap changes the settings)."""
    query = update.callback_query
    choice = callbacks.PlatformsMenu.parse(query.data).choice
    private = in_private(update)
    settings = await settings_of(update, context)
    admin_needed = not private and (choice in ("admins", "clear") or settings.admins_only)
    if admin_needed and not await is_admin(update):
        if choice == "clear":
            await query.answer(_("Only a group admin can clear the group's platforms."), show_alert=True)
        elif choice == "admins":
            await query.answer(_("Only a group admin can switch this."), show_alert=True)
        else:
            await query.answer(refused(settings), show_alert=True)
        return
    await query.answer()
    settings = changed(settings, choice)
    await save(update, context, settings)
    await edit(query, menu_text(settings, private), menu_keyboard(settings, private))


HANDLERS = [
    CommandHandler(["platforms", "plataformas"], platforms_command),
    CallbackQueryHandler(menu_button, pattern=callbacks.PlatformsMenu.pattern),
]
