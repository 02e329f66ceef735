"""The Bot API methods the fake Telegram server answers, over its chats, messages and updates.

:class:`BotApiMethods` is the part of ``FakeTelegram`` (``tests/telegram_server.py``) that
turns one decoded request into a result (getUpdates long polling, sendMessage, sendPhoto,
sendPoll, edits, commands, webhooks) or raises :class:`ApiError` as Telegram would.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from tests import telegram_updates as tu

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of the message"
)


class ApiError(Exception):
    def __init__(self, description: str, status: int = 400):
        super().__init__(description)
        self.status, self.description = status, description


class BotApiMethods:
    """Mixin: Bot API method dispatch. The host class sets the state below in ``__init__``."""

    bot_user: dict
    max_poll_wait: float  # cap on getUpdates long polling
    _cond: threading.Condition
    _stopped: bool
    _updates: list[dict]  # queued for getUpdates
    _counter: int  # ids for callback queries, inline queries, polls, files
    _chats: dict[int, dict]
    _message_ids: dict[int, int]  # last message id per chat
    _messages: dict[tuple[int, int], dict]  # (chat id, message id) -> message
    _commands: dict[str, list]  # json [scope, language_code] -> commands
    _webhook: dict | None

    def _next_id(self) -> int:
        self._counter += 1
        return self._counter

    def _new_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    # All below run with self._cond held.
    def _dispatch(self, method: str, p: dict, files: dict[str, bytes]) -> Any:
        name = method.lower()
        if name == "deletewebhook":
            self._webhook = None
            if p.get("drop_pending_updates"):
                self._updates.clear()
        if name == "setwebhook":
            self._webhook = {"url": p["url"], "secret_token": p.get("secret_token")}
            return True
        if name in (
            "deletewebhook",
            "answercallbackquery",
            "answerinlinequery",
            "sendchataction",
            "setchatmenubutton",
            "close",
            "logout",
            "deletemessage",
        ):
            return True
        if name == "getme":
            return self.bot_user
        if name == "getupdates":
            if self._webhook is not None:
                raise ApiError("Conflict: can't use getUpdates method while webhook is active", 409)
            return self._get_updates(p)
        if name == "getwebhookinfo":
            url = self._webhook["url"] if self._webhook else ""
            return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self._updates)}
        if name in ("setmycommands", "getmycommands", "deletemycommands"):
            key = json.dumps(
                [p.get("scope") or {"type": "default"}, p.get("language_code", "")], sort_keys=True
            )
            if name == "getmycommands":
                return self._commands.get(key, [])
            self._commands[key] = p.get("commands", []) if name == "setmycommands" else []
            return True
        if name == "sendmessage":
            if not p.get("text"):
                raise ApiError("Bad Request: message text is empty")
            return self._new_message(p, text=tu.visible_text(p["text"], p.get("parse_mode")))
        if name == "sendpoll":
            return self._new_message(p, poll=tu.poll(f"{self._next_id()}", p))
        if name == "sendphoto":
            data = files.get("photo")
            sizes = tu.photo_sizes(f"photo{self._next_id()}", data)
            extra = (
                {"caption": tu.visible_text(p["caption"], p.get("parse_mode"))} if p.get("caption") else {}
            )
            return self._new_message(p, photo=sizes, **extra)
        if name in ("editmessagetext", "editmessagereplymarkup"):
            return self._edit(name, p)
        raise ApiError("Bad Request: method not found")

    def _get_updates(self, p: dict) -> list[dict]:
        offset, limit = int(p.get("offset") or 0), int(p.get("limit") or 100)
        if offset > 0:  # Telegram forgets confirmed updates
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + min(float(p.get("timeout") or 0), self.max_poll_wait)
        while True:
            ready = [u for u in self._updates if u["update_id"] >= offset][:limit]
            remaining = deadline - time.monotonic()
            if ready or self._stopped or remaining <= 0:
                return ready
            self._cond.wait(remaining)

    def _chat(self, chat_id: Any) -> dict:
        if not isinstance(chat_id, int):
            raise ApiError("Bad Request: chat not found")
        return self._chats.setdefault(chat_id, tu.chat(chat_id))

    def _new_message(self, p: dict, **content: Any) -> dict:
        chat_obj = self._chat(p.get("chat_id"))
        msg = {
            "message_id": self._new_message_id(chat_obj["id"]),
            "date": tu.now(),
            "chat": chat_obj,
            "from": self.bot_user,
            **content,
        }
        reply_id = (p.get("reply_parameters") or {}).get("message_id") or p.get("reply_to_message_id")
        if (chat_obj["id"], reply_id) in self._messages:
            msg["reply_to_message"] = self._messages[(chat_obj["id"], reply_id)]
        if isinstance(p.get("reply_markup"), dict) and "inline_keyboard" in p["reply_markup"]:
            msg["reply_markup"] = p["reply_markup"]  # only inline keyboards are echoed
        self._messages[(chat_obj["id"], msg["message_id"])] = msg
        return msg

    def _edit(self, name: str, p: dict) -> Any:
        markup = p.get("reply_markup") if isinstance(p.get("reply_markup"), dict) else None
        if p.get("inline_message_id"):
            return True
        old = self._messages.get((p.get("chat_id"), p.get("message_id")))
        if old is None:
            raise ApiError("Bad Request: message to edit not found")
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        if name == "editmessagetext":
            if not p.get("text"):
                raise ApiError("Bad Request: message text is empty")
            new["text"] = tu.visible_text(p["text"], p.get("parse_mode"))
        if markup and markup.get("inline_keyboard"):
            new["reply_markup"] = markup
        if new.get("text") == old.get("text") and new.get("reply_markup") == old.get("reply_markup"):
            raise ApiError(NOT_MODIFIED)
        new["edit_date"] = tu.now()
        self._messages[(old["chat"]["id"], old["message_id"])] = new
        return new
