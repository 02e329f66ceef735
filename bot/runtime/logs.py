"""Structured logs: one line per handled update, key=value or JSON, never the token.

    ts=2026-11-26T12:00:00Z level=INFO logger=bot.updates replica=bot-1 msg=update update_id=7
    kind=command command=/count chat=private duration_ms=2.4 outcome=ok

Every line names the replica that wrote it (``STREAMBOT_REPLICA_NAME``), so the logs of
several replicas can be read together.

Every update is timed by the update processor around python-telegram-bot's whole
handling of it (handler and error handler included). Handlers mark what came of it:
``ok`` unless a handler says ``bad_input`` (a usage hint was sent) or the error
handler says ``error``.
"""

from __future__ import annotations

import contextvars
import json
import logging
import time
from datetime import UTC, datetime

from telegram import Update
from telegram.ext import SimpleUpdateProcessor

log = logging.getLogger("bot.updates")
_outcome: contextvars.ContextVar[dict | None] = contextvars.ContextVar("update_outcome", default=None)
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def mark_outcome(outcome: str) -> None:
    """Record what came of the update being handled (no-op outside one)."""
    current = _outcome.get()
    if current is not None:
        current["outcome"] = outcome


class LoggedUpdateProcessor(SimpleUpdateProcessor):
    """Handles updates concurrently like python-telegram-bot's default, and logs each."""

    __slots__ = ()

    async def do_process_update(self, update, coroutine) -> None:
        result = {"outcome": "ok"}
        token = _outcome.set(result)
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            _outcome.reset(token)
            if log.isEnabledFor(logging.INFO):
                fields = describe(update)
                fields["duration_ms"] = round((time.perf_counter() - started) * 1e3, 1)
                fields["outcome"] = result["outcome"]
                log.info("update", extra=fields)


def describe(update: object) -> dict:
    """What kind of update it was, without what the user wrote (only the command name)."""
    if not isinstance(update, Update):
        return {"kind": type(update).__name__}
    fields: dict = {"update_id": update.update_id}
    message, chat = update.effective_message, update.effective_chat
    if update.callback_query is not None:
        fields.update(kind="button", command=(update.callback_query.data or "").split(":", 1)[0])
    elif update.inline_query is not None:
        fields.update(kind="inline", command="inline")
    elif message is not None and (message.text or "").startswith("/"):
        fields.update(kind="command", command=message.text.split()[0].split("@")[0].lower()[:32])
    elif message is not None:
        fields.update(kind="message")
    else:
        kinds = [k for k, v in update.to_dict().items() if k != "update_id" and v]
        fields.update(kind=kinds[0] if kinds else "empty")
    if chat is not None:
        fields["chat"] = chat.type
    return fields


class Formatter(logging.Formatter):
    """key=value (``style="kv"``) or one JSON object (``style="json"``) per line, with the
    replica's name (if given) and the bot token, if it appears anywhere, replaced by ``<token>``."""

    def __init__(self, style: str = "kv", secret: str | None = None, replica: str | None = None):
        super().__init__()
        self.json = style == "json"
        self.secret = secret
        self.replica = replica

    def format(self, record: logging.LogRecord) -> str:
        fields = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if self.replica:
            fields["replica"] = self.replica
        fields["msg"] = record.getMessage()
        fields.update({k: v for k, v in vars(record).items() if k not in STANDARD})
        if record.exc_info:
            fields["error"] = self.formatException(record.exc_info)
        text = json.dumps(fields, default=str, ensure_ascii=False) if self.json else _key_values(fields)
        return text.replace(self.secret, "<token>") if self.secret else text


def _key_values(fields: dict) -> str:
    parts = []
    for key, value in fields.items():
        text = str(value)
        if not text or any(c in text for c in ' "=\n'):
            text = json.dumps(text, ensure_ascii=False)  # quoted, newlines escaped: still one line
        parts.append(f"{key}={text}")
    return " ".join(parts)


def configure(level: str, style: str = "kv", secret: str | None = None, replica: str | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(Formatter(style, secret, replica))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # A line per job run would drown the one per update.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, root.level))
