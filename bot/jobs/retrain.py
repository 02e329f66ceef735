"""The learning loop from the bot: the suggestions re-ranker is retrained on everyone's
feedback on a schedule (python-telegram-bot's JobQueue) and on /model retrain, in a child
process (``core.personal.training.run_retrain``: scikit-learn never enters the bot's process); a model
that passes the offline evaluation is published and served at once; admins hear the outcome.
"""

from __future__ import annotations

import asyncio
import logging

from telegram.ext import Application

from bot.jobs import refresh
from bot.state import Context
from bot.text.i18n import _, number
from bot.text.markup import esc
from core.personal import registry, training
from core.userdata.publications import MODEL

log = logging.getLogger(__name__)
JOB_NAME = "retrain"
FIRST_RUN_SECONDS = 600  # well after start-up and the first catalogue check


def schedule(application: Application, minutes: float) -> None:
    if application.job_queue is None or minutes <= 0:
        return
    interval = minutes * 60
    application.job_queue.run_repeating(
        retrain_job, interval=interval, first=min(interval, FIRST_RUN_SECONDS), name=JOB_NAME
    )


def serving(application: Application):
    """The re-ranker in service and its metadata (None while the built-in order serves)."""
    return application.bot_data.reranker, application.bot_data.reranker_meta


def load_current(application: Application) -> None:
    """Serve the model the ``CURRENT`` pointer names (the built-in order when none)."""
    data_dir = application.bot_data.settings.data_dir
    reranker, meta = registry.current(data_dir)
    application.bot_data.reranker, application.bot_data.reranker_meta = reranker, meta
    application.bot_data.model_version = registry.current_version(data_dir)


def publish_current(application: Application) -> None:
    """Serve the model ``CURRENT`` names, and tell the other replicas to (after a retrain
    published one, or a rollback)."""
    load_current(application)
    version = application.bot_data.model_version
    if version is not None:
        try:
            application.bot_data.publications.record(MODEL, version, version)
        except Exception:  # noqa: BLE001 (served here; the others follow the next one)
            log.exception("could not record model %s for the other replicas", version)


def follow(application: Application) -> str | None:
    """Swap in the model another replica published or rolled back to, if it is not the one
    served; its version if swapped. One quick read when nothing changed."""
    bot_data = application.bot_data
    latest = bot_data.publications.latest(MODEL)
    if latest is None or latest.version == bot_data.model_version:
        return None
    reranker, meta = registry.load(bot_data.settings.data_dir, latest.version)
    bot_data.reranker, bot_data.reranker_meta = reranker, meta
    bot_data.model_version = latest.version  # tried once, even if unusable (logged): no retry loop
    log.info("swapped in suggestions model %s, published by another replica", latest.version)
    return latest.version


async def retrain_job(context: Context) -> None:
    await retrain(context.application)


async def retrain(application: Application) -> dict:
    """Retrain, evaluate and maybe publish. Never raises."""
    settings = application.bot_data.settings
    try:  # a second call while one runs returns "busy" at once (core.personal.training)
        outcome = await asyncio.to_thread(
            training.run_retrain, settings.data_dir, database_url=settings.database_url
        )
    except Exception as exc:  # a failed retraining leaves the serving model as it was
        log.exception("retraining failed")
        outcome = {"outcome": "failed", "detail": str(exc)}
    log.info("retrain outcome=%s detail=%s", outcome.get("outcome"), outcome.get("detail"))
    if outcome.get("outcome") == "published":
        await asyncio.to_thread(publish_current, application)
    if outcome.get("outcome") in ("published", "refused", "failed"):
        await refresh.tell_admins(application, lambda: outcome_text(outcome))
    return outcome


def metrics_text(metrics: dict | None) -> str:
    if not metrics:
        return ""
    return f"AUC {metrics.get('auc', 0):.3f}, NDCG@5 {metrics.get('ndcg@5', 0):.3f}"


def outcome_text(outcome: dict) -> str:
    """A retraining's outcome for admins, in the language being spoken."""
    kind = outcome.get("outcome")
    new, old = metrics_text(outcome.get("metrics")), metrics_text(outcome.get("serving_metrics"))
    if kind == "published":
        return _("🧠 Suggestions model <code>{version}</code> published: {new} (was {old}).").format(
            version=esc(outcome.get("version", "?")), new=new, old=old
        )
    if kind == "refused":
        return _("🧠 A retrained suggestions model was refused: {new}, serving {old}.").format(
            new=new, old=old
        )
    if kind == "skipped":
        return _("🧠 Not enough ratings to train on yet: {detail}").format(
            detail=esc(outcome.get("detail", ""))
        )
    if kind == "busy":
        return _("🧠 A retraining is already running.")
    return _("⚠️ Retraining the suggestions model failed: {detail}").format(
        detail=esc(outcome.get("detail", ""))
    )


def model_line(meta: dict | None) -> str:
    """/status's line about the model ordering suggestions."""
    if not meta:
        return _("Suggestions model: plain similarity (not enough ratings yet)")
    return _("Suggestions model: <code>{version}</code>, trained on {n} ratings ({metrics})").format(
        version=esc(meta.get("version", "?")),
        n=number(meta.get("training_examples", 0)),
        metrics=metrics_text(meta.get("metrics")),
    )
