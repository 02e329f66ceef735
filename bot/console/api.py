"""The Bot API stand-in: Telegram's side of one bot, in-process.

:class:`BotApi` keeps what Telegram keeps for a bot (chats, users, messages, polls, uploaded
files, command menus, the webhook and the queue of updates), answers the bot's Bot API calls
(method name and decoded parameters to a result, or :class:`ApiError` as Telegram answers a
failure) and makes the updates people cause: a message, a button press, an inline query, a vote.

Two fronts drive it: the console chat (``bot/console/chat.py``) through an in-process
``BaseRequest``, and the tests' loopback HTTP server (``tests/support/telegram_server.py``). Requests that
break the published Bot API are refused as Telegram refuses them (``bot/console/spec.py``).
Thread-safe: all state is guarded by :attr:`BotApi.lock`, a re-entrant condition that getUpdates
long polling waits on.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from bot.console import objects
from bot.console.spec import refusals
from bot.console.text import visible_text

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of the message"
)
METHOD_NOT_FOUND = "Bad Request: method not found"
# Methods whose effect nobody looks at: Telegram's answer is all the stand-in gives.
ANSWERED_TRUE = (
    "answerCallbackQuery",
    "answerInlineQuery",
    "sendChatAction",
    "setChatMenuButton",
    "close",
    "logOut",
)

Observer = Callable[[str, dict, Any], None]  # (lower-case method, params, result) of each success


class ApiError(Exception):
    """A failed Bot API call: ``description`` and the HTTP status Telegram answers it with."""

    def __init__(self, description: str, status: int = 400):
        super().__init__(description)
        self.status, self.description = status, description


class BotApi:
    """Telegram as one bot sees it. ``check`` lists what Telegram would refuse in a request."""

    def __init__(
        self,
        bot_user: dict,
        *,
        check: Callable[[str, dict], list[str]] | None = refusals,
        max_poll_wait: float = 1.0,
    ):
        self.bot_user, self.check = bot_user, check
        self.max_poll_wait = max_poll_wait  # cap on getUpdates long polling, keeps shutdown fast
        self.lock = threading.Condition()  # re-entrant: callers may hold it across several actions
        self.observers: list[Observer] = []
        self.chats: dict[int, dict] = {}
        self.users: dict[int, dict] = {}
        self.messages: dict[tuple[int, int], dict] = {}  # (chat id, message id) -> Message
        self.files: dict[str, bytes] = {}  # file_id -> uploaded bytes
        self.inline_queries: dict[str, dict] = {}  # id -> InlineQuery
        self.commands: dict[tuple[str, str], list] = {}  # (scope as JSON, language) -> menu
        self.webhook: dict | None = None  # {"url", "secret_token"}
        self.admins: dict[int, set[int]] = {}  # chat id -> its administrators' user ids
        self.votes: dict[str, dict[int, list[int]]] = {}  # poll id -> user id -> options chosen
        self.updates: list[dict] = []  # waiting for getUpdates
        self.stopped = False
        self._last_message_id: dict[int, int] = {}  # per chat, as Telegram numbers them
        self._next_update_id = 1
        self._ids = itertools.count(1)  # callback queries, inline queries, polls, files
        self._methods = self._method_table()

    def _method_table(self) -> dict[str, tuple[str, Callable[[dict, dict], Any]]]:
        """lower-case name -> (the name as published, handler(params, files))."""
        table: dict[str, Callable[[dict, dict], Any]] = {
            "getMe": lambda p, f: self.bot_user,
            "getUpdates": lambda p, f: self._get_updates(p),
            "setWebhook": lambda p, f: self._set_webhook(p),
            "deleteWebhook": lambda p, f: self._delete_webhook(p),
            "getWebhookInfo": lambda p, f: self._webhook_info(),
            "setMyCommands": lambda p, f: self._set_commands(p, list(p.get("commands") or [])),
            "deleteMyCommands": lambda p, f: self._set_commands(p, []),
            "getMyCommands": lambda p, f: self.commands.get(_menu_key(p), []),
            "sendMessage": lambda p, f: self._send_message(p),
            "sendPhoto": self._send_photo,
            "sendPoll": lambda p, f: self._new_message(p, poll=objects.poll(f"{self.next_id()}", p)),
            "editMessageText": lambda p, f: self._edit(p, text_edit=True),
            "editMessageReplyMarkup": lambda p, f: self._edit(p, text_edit=False),
            "deleteMessage": lambda p, f: self._delete_message(p),
            "stopPoll": lambda p, f: self._stop_poll(p),
            "getChatMember": lambda p, f: self._chat_member(p),
            **{name: (lambda p, f: True) for name in ANSWERED_TRUE},
        }
        return {name.lower(): (name, handler) for name, handler in table.items()}

    def next_id(self) -> int:
        return next(self._ids)

    # ------------------------------------------------------------------ the bot's calls
    def call(self, method: str, params: dict, files: dict[str, bytes] | None = None) -> Any:
        """The result of one Bot API call, or :class:`ApiError`; observers see each success."""
        with self.lock:
            name, handler = self._methods.get(method.lower(), (method, None))
            if handler is None:
                raise ApiError(METHOD_NOT_FOUND)
            problems = self.check(name, params) if self.check else []
            if problems:
                raise ApiError("Bad Request: " + "; ".join(problems))
            result = handler(params, files or {})
            for observe in self.observers:
                observe(name.lower(), params, result)
            return result

    def answer(self, method: str, params: dict, files: dict[str, bytes] | None = None) -> tuple[int, dict]:
        """:meth:`call` as Telegram answers it: (HTTP status, JSON payload)."""
        try:
            return 200, {"ok": True, "result": self.call(method, params, files)}
        except ApiError as err:
            return err.status, {"ok": False, "error_code": err.status, "description": err.description}

    def _get_updates(self, p: dict) -> list[dict]:
        if self.webhook is not None:
            raise ApiError("Conflict: can't use getUpdates method while webhook is active", 409)
        offset, limit = int(p.get("offset") or 0), int(p.get("limit") or 100)
        if offset > 0:  # Telegram forgets confirmed updates
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        deadline = time.monotonic() + min(float(p.get("timeout") or 0), self.max_poll_wait)
        while True:
            ready = [u for u in self.updates if u["update_id"] >= offset][:limit]
            remaining = deadline - time.monotonic()
            if ready or self.stopped or remaining <= 0:
                return ready
            self.lock.wait(remaining)

    def _set_webhook(self, p: dict) -> bool:
        self.webhook = {"url": p["url"], "secret_token": p.get("secret_token")}
        return True

    def _delete_webhook(self, p: dict) -> bool:
        self.webhook = None
        if p.get("drop_pending_updates"):
            self.updates.clear()
        return True

    def _webhook_info(self) -> dict:
        url = self.webhook["url"] if self.webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self.updates)}

    def _set_commands(self, p: dict, commands: list) -> bool:
        self.commands[_menu_key(p)] = commands
        return True

    def menu(self, scope_type: str | dict = "default", language_code: str = "") -> list:
        """The commands menu set for a scope (``{"type": scope_type}``, or a whole scope such as
        ``{"type": "chat", "chat_id": 1}``) and language."""
        scope = scope_type if isinstance(scope_type, dict) else {"type": scope_type}
        with self.lock:
            return self.commands.get(_menu_key({"scope": scope, "language_code": language_code}), [])

    # ------------------------------------------------------------------ messages the bot sends
    def _send_message(self, p: dict) -> dict:
        if not p.get("text"):
            raise ApiError("Bad Request: message text is empty")
        return self._new_message(p, text=visible_text(p["text"], p.get("parse_mode")))

    def _send_photo(self, p: dict, files: dict[str, bytes]) -> dict:
        data = files.get("photo")
        sizes = objects.photo_sizes(f"photo{self.next_id()}", data)
        if data is not None:
            self.files[sizes[-1]["file_id"]] = data
        caption = p.get("caption")
        extra = {"caption": visible_text(caption, p.get("parse_mode"))} if caption else {}
        return self._new_message(p, photo=sizes, **extra)

    def _chat(self, chat_id: Any) -> dict:
        if not isinstance(chat_id, int):
            raise ApiError("Bad Request: chat not found")
        return self.chats.setdefault(chat_id, objects.chat(chat_id))

    def _new_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def _new_message(self, p: dict, **content: Any) -> dict:
        chat = self._chat(p.get("chat_id"))
        msg = {"message_id": self._new_message_id(chat["id"]), "date": objects.now(), "chat": chat}
        msg.update({"from": self.bot_user, **content})
        reply_id = (p.get("reply_parameters") or {}).get("message_id") or p.get("reply_to_message_id")
        if (chat["id"], reply_id) in self.messages:
            msg["reply_to_message"] = self.messages[(chat["id"], reply_id)]
        if isinstance(p.get("reply_markup"), dict) and "inline_keyboard" in p["reply_markup"]:
            msg["reply_markup"] = p["reply_markup"]  # only inline keyboards stay with a message
        self.messages[(chat["id"], msg["message_id"])] = msg
        return msg

    def _edit(self, p: dict, *, text_edit: bool) -> dict | bool:
        if text_edit and not p.get("text"):
            raise ApiError("Bad Request: message text is empty")
        if p.get("inline_message_id"):
            return True  # messages sent via inline mode are not kept
        old = self.messages.get((p.get("chat_id"), p.get("message_id")))
        if old is None:
            raise ApiError("Bad Request: message to edit not found")
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        if text_edit:
            new["text"] = visible_text(p["text"], p.get("parse_mode"))
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            new["reply_markup"] = markup
        if new.get("text") == old.get("text") and new.get("reply_markup") == old.get("reply_markup"):
            raise ApiError(NOT_MODIFIED)
        new["edit_date"] = objects.now()
        self.messages[(old["chat"]["id"], old["message_id"])] = new
        return new

    def _delete_message(self, p: dict) -> bool:
        self.messages.pop((p.get("chat_id"), p.get("message_id")), None)
        return True  # Telegram refuses an unknown message; the bot never relies on that refusal

    def _poll_message(self, poll_id: str) -> dict | None:
        return next((m for m in self.messages.values() if m.get("poll", {}).get("id") == poll_id), None)

    def _stop_poll(self, p: dict) -> dict:
        """The poll closed, its final counts; Telegram then sends the bot a ``poll`` update too."""
        msg = self.messages.get((p.get("chat_id"), p.get("message_id")))
        if msg is None or "poll" not in msg:
            raise ApiError("Bad Request: message with poll to stop not found")
        if msg["poll"]["is_closed"]:
            raise ApiError("Bad Request: poll has already been closed")
        msg["poll"]["is_closed"] = True
        self.push_update({"poll": dict(msg["poll"])})
        return msg["poll"]

    def _chat_member(self, p: dict) -> dict:
        """A member, or the group's owner for a user :meth:`make_admin` named."""
        user_id = p.get("user_id")
        member_user = self.users.get(user_id) or objects.user(user_id)
        if user_id in self.admins.get(p.get("chat_id"), set()):
            return {"status": "creator", "user": member_user, "is_anonymous": False}
        return {"status": "member", "user": member_user}

    def make_admin(self, chat_id: int, user_id: int) -> None:
        with self.lock:
            self.admins.setdefault(chat_id, set()).add(user_id)

    def vote(self, poll_id: str, user_id: int, option_ids: list[int]) -> None:
        """A vote (or a changed one) counted in the poll, as Telegram counts them; none once closed."""
        with self.lock:
            msg = self._poll_message(poll_id)
            if msg is None or msg["poll"]["is_closed"]:
                return
            ballots = self.votes.setdefault(poll_id, {})
            ballots[user_id] = list(option_ids)
            for i, option in enumerate(msg["poll"]["options"]):
                option["voter_count"] = sum(i in chosen for chosen in ballots.values())
            msg["poll"]["total_voter_count"] = sum(bool(chosen) for chosen in ballots.values())

    # ------------------------------------------------------------------ what people do
    def user(self, user_id: int, **fields: Any) -> dict:
        """The user with ``user_id`` (created on first use; ``fields`` override, None drops one)."""
        with self.lock:
            merged = {**self.users.get(user_id, objects.user(user_id)), **fields}
            self.users[user_id] = {k: v for k, v in merged.items() if v is not None}
            return self.users[user_id]

    def user_message(
        self, sender: dict, chat_id: int, text: str, chat_type: str = "private", reply_to: dict | None = None
    ) -> dict:
        """``sender`` writes ``text`` in a chat (created on first use): the Message, kept."""
        with self.lock:
            chat = self.chats.setdefault(chat_id, objects.chat(chat_id, chat_type, sender))
            msg = objects.text_message(self._new_message_id(chat_id), chat, sender, text, reply_to)
            self.messages[(chat_id, msg["message_id"])] = msg
            return msg

    def button_press(
        self, sender: dict, data: str, message: dict | None, inline_message_id: str = ""
    ) -> dict:
        """The CallbackQuery of pressing a button with ``data`` under a message or inline message."""
        with self.lock:
            if message is not None:
                self.chats.setdefault(message["chat"]["id"], message["chat"])
                message = self.messages.setdefault((message["chat"]["id"], message["message_id"]), message)
            shown = dict(message) if message is not None else None  # as it was when pressed
            query = objects.callback_query(f"cq{self.next_id()}", sender, shown, data, sender["id"])
            if message is None:
                query["inline_message_id"] = inline_message_id
            return query

    def inline_query(
        self, sender: dict, query: str, offset: str = "", chat_type: str | None = "sender"
    ) -> dict:
        with self.lock:
            found = objects.inline_query(f"iq{self.next_id()}", sender, query, offset, chat_type)
            self.inline_queries[found["id"]] = found
            return found

    def numbered(self, update: dict) -> dict:
        """``update`` with an ``update_id`` (the next one unless it has one)."""
        with self.lock:
            if "update_id" not in update:
                update = {"update_id": self._next_update_id, **update}
            self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
            return update

    def push_update(self, update: dict) -> dict:
        """Number ``update`` and queue it for getUpdates, unless a webhook is set (the caller
        delivers it there)."""
        with self.lock:
            update = self.numbered(update)
            if self.webhook is None:
                self.updates.append(update)
                self.lock.notify_all()
            return update

    def stop(self) -> None:
        """Release pending getUpdates calls for good."""
        with self.lock:
            self.stopped = True
            self.lock.notify_all()


def _menu_key(p: dict) -> tuple[str, str]:
    return json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code", "")
