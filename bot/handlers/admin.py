"""/status for everyone (admins see details) and /reload for admins."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot import refreshing, render
from bot.handlers.common import reply, snapshot

COMMANDS = [
    ("status", "the catalogue's version, size and refresh times"),
    ("reload", "admins: check the source for new data now"),
]


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data["settings"].admin_ids


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    snap = snapshot(context)
    refresher = context.bot_data["refresher"]
    details = None
    if is_admin(update, context):
        settings = context.bot_data["settings"]
        details = {
            "Source": refresher.source,
            "Data folder": settings.data_dir,
            "Rejected rows in this build": f"{snap.quality.get('rejected_rows', 0):,}",
            "Sanity gate": f"refuse a drop of more than {settings.max_title_drop:.0%} of titles",
        }
    text = render.status(
        snap.quality, refresher.last, refreshing.next_run(context.application), details=details
    )
    await reply(update, text)


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not is_admin(update, context):
        await reply(update, "Only the bot's admins can reload the catalogue. /status shows how fresh it is.")
        return
    force = [a.lower() for a in context.args or []] == ["force"]
    progress = await reply(
        update, "Checking the source for changes…" if not force else "Rebuilding the catalogue…"
    )
    attempt = await refreshing.run_refresh(context.application, force=force)
    await progress.edit_text(render.refresh_result(attempt))


HANDLERS = [
    CommandHandler(["status", "estado"], status),
    CommandHandler(["reload", "recargar"], reload),
]
