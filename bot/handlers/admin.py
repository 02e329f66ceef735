"""/status for everyone (admins see details); /reload and /model for admins."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import reply, snapshot
from bot.jobs import refresh, retrain
from bot.state import Context
from bot.text import commands as command_names
from bot.text import status as status_text
from bot.text.i18n import N_, _, language, number, percent
from bot.text.markup import esc
from core.personal import registry
from core.userdata.publications import JobRequest

COMMANDS = [
    ("status", N_("the catalogue's version, size and refresh times")),
    ("reload", N_("admins: check the source for new data now")),
    ("model", N_("admins: the suggestions model: /model retrain, /model rollback")),
]


def is_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data.settings.admin_ids


async def remember_admin_language(update: Update, context: Context) -> None:
    """Refresh alerts reach admins outside any update (in their private chat, whose id is the
    user's): keep the language this admin speaks for them (in memory now, in the file by the
    languages' writer: ``bot.languages``)."""
    remembered, admin_chat = context.bot_data.subscriptions, update.effective_user.id
    if remembered.known(admin_chat) != language():
        remembered.remember_language(admin_chat, language())


async def status(update: Update, context: Context) -> None:
    snap = snapshot(context)
    refresher = context.bot_data.refresher
    details = None
    if is_admin(update, context):
        await remember_admin_language(update, context)
        settings = context.bot_data.settings
        details = {
            _("Source"): refresher.source,
            _("Data folder"): settings.data_dir,
            _("Rejected rows in this build"): number(snap.quality.get("rejected_rows", 0)),
            _("Sanity gate"): _("refuse a drop of more than {share} of titles").format(
                share=percent(settings.max_title_drop)
            ),
        }
        if context.bot_data.leases.shared:  # several replicas: which one answers, which runs the jobs
            details[_("Replica")] = status_text.replica_line(
                context.bot_data.leases.replica, await holder_of_jobs(context)
            )
    text = status_text.status(
        snap.quality,
        refresher.last,
        refresh.next_run(context.application),
        latest=snap.latest_added,
        details=details,
        jobs_elsewhere=not context.bot_data.holds_jobs,
    )
    _reranker, meta = retrain.serving(context.application)
    await reply(update, text + "\n" + retrain.model_line(meta))


async def reload(update: Update, context: Context) -> None:
    if not is_admin(update, context):
        await reply(
            update, _("Only the bot's admins can reload the catalogue. /status shows how fresh it is.")
        )
        return
    await remember_admin_language(update, context)
    args = [a.lower() for a in context.args or []]
    force = args in (["force"], ["forzar"])
    if args and not force:  # "/reload banana": nothing is done on a word it does not take
        await reply(update, reload_usage())
        return
    if await ask_the_jobs_replica(update, context, "reload", "force" if force else ""):
        return
    progress = await reply(
        update, _("Rebuilding the catalogue…") if force else _("Checking the source for changes…")
    )
    attempt = await refresh.run_refresh(context.application, force=force)
    await progress.edit_text(status_text.refresh_result(attempt))


async def ask_the_jobs_replica(update: Update, context: Context, job: str, argument: str = "") -> bool:
    """Whether another replica runs the jobs: only it refreshes and retrains, so two replicas
    never build at once. Then it is asked to (a row it takes at its next poll, within seconds)
    and sends this chat the outcome; the admin is told so."""
    if context.bot_data.holds_jobs:
        return False
    holder = await holder_of_jobs(context)
    request = JobRequest(job, argument, update.effective_chat.id, language())
    try:
        await asyncio.to_thread(context.bot_data.publications.ask, request)
    except Exception:  # noqa: BLE001 (the database out of reach: say where the jobs run instead)
        await reply(update, status_text.jobs_elsewhere(context.bot_data.leases.replica, holder))
        return True
    await reply(update, status_text.asked_the_jobs_replica(holder))
    return True


async def holder_of_jobs(context: Context) -> str | None:
    try:
        return await asyncio.to_thread(context.bot_data.leases.holder)
    except Exception:  # noqa: BLE001 (the database out of reach: nobody can be named)
        return None


def reload_usage() -> str:
    name = esc(command_names.name("reload"))
    return _(
        "Use <code>/{reload}</code> to check the source for changes, or <code>/{reload} {force}</code> "
        "to rebuild the catalogue even if nothing changed."
    ).format(reload=name, force=esc(_("force")))


async def model(update: Update, context: Context) -> None:
    """/model (admins): which suggestions model serves; ``retrain`` now; ``rollback`` to the
    previous published one."""
    if not is_admin(update, context):
        await reply(
            update,
            _("Only the bot's admins can change the suggestions model. /status shows which one serves."),
        )
        return
    await remember_admin_language(update, context)
    action = " ".join(context.args or []).lower()
    data_dir = context.bot_data.settings.data_dir
    if action == "retrain":
        if await ask_the_jobs_replica(update, context, "retrain"):
            return
        progress = await reply(update, _("Retraining the suggestions model on everyone's ratings…"))
        outcome = await retrain.retrain(context.application)
        await progress.edit_text(retrain.outcome_text(outcome))
        return
    if action == "rollback":
        version = await asyncio.to_thread(registry.rollback, data_dir)
        if version is None:
            await reply(update, _("There is no earlier model to roll back to."))
            return
        await asyncio.to_thread(retrain.publish_current, context.application)
        await reply(
            update, _("Rolled back: serving model <code>{version}</code>.").format(version=esc(version))
        )
        return
    if action:
        await reply(
            update, _("Use <code>/model</code>, <code>/model retrain</code> or <code>/model rollback</code>.")
        )
        return
    _reranker, meta = retrain.serving(context.application)
    versions = await asyncio.to_thread(registry.versions, data_dir)
    kept = ", ".join(versions) or _("none")
    await reply(update, retrain.model_line(meta) + "\n" + _("Kept: {versions}").format(versions=esc(kept)))


HANDLERS = [
    CommandHandler(["status", "estado"], status),
    CommandHandler(["reload", "recargar"], reload),
    CommandHandler(["model", "modelo"], model),
]
