"""A fake Telegram Bot API server on loopback for end-to-end tests of the real bot.

    with FakeTelegram() as tg:
        app = ApplicationBuilder().token("123:abc").base_url(tg.base_url).build()
        ...start polling...
        tg.send_text("/ping")
        reply = tg.wait_for("sendMessage", lambda c: c.params["text"] == "pong")
        tg.press_button(reply, "more")

Requests arrive at ``/bot<TOKEN>/<method>`` (form-encoded, JSON or multipart). Every call is
recorded as a :class:`Call`; form values that are JSON (objects, arrays, numbers, booleans) are
decoded, except free-text fields such as ``text`` and ``caption``. Standard library only.

This module is the test-facing :class:`FakeTelegram`: its lifecycle, the updates simulated users
produce (queued for getUpdates or POSTed to a webhook), fault injection, and the pipeline from a
request to its recorded answer. The rest lives beside it:

- ``tests/telegram_http.py``: the loopback HTTP server, request decoding, JSON responses;
- ``tests/telegram_api.py``: the Bot API methods and the chats/messages state they keep;
- ``tests/telegram_calls.py``: :class:`Call` and the call log (``calls``, ``mark``, ``wait_for``);
- ``tests/telegram_updates.py``: the JSON shapes of users, chats, messages and updates.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests import telegram_updates as tu
from tests.telegram_api import NOT_MODIFIED, ApiError, BotApiMethods
from tests.telegram_calls import Call, CallLog
from tests.telegram_http import TEXT_PARAMS, LoopbackServer, parse_request, post_json, respond

__all__ = [
    "BOT_ID",
    "BOT_USERNAME",
    "FAULT_TEXT",
    "NOT_MODIFIED",
    "TEXT_PARAMS",
    "ApiError",
    "Call",
    "FakeTelegram",
]

BOT_ID = 7000000001
BOT_USERNAME = "streambot_test_bot"
FAULT_TEXT = {
    400: "Bad Request: injected failure",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class FakeTelegram(CallLog, BotApiMethods):
    def __init__(self, bot_username: str = BOT_USERNAME, bot_id: int = BOT_ID, max_poll_wait: float = 1.0):
        self.bot_user = tu.bot_user(bot_id, bot_username)
        self.max_poll_wait = max_poll_wait  # cap on getUpdates long polling, keeps shutdown fast
        self.token: str | None = None  # last token seen in a request path
        self._cond = threading.Condition()
        self._calls: list[Call] = []
        self._updates: list[dict] = []
        self._next_update_id = 1
        self._counter = 0  # ids for callback queries, inline queries, polls, files
        self._chats: dict[int, dict] = {}
        self._users: dict[int, dict] = {}
        self._message_ids: dict[int, int] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._commands: dict[str, list] = {}
        self._faults: dict[str, list[dict]] = {}
        self._webhook: dict | None = None
        self._delays: dict[str, list[float]] = {}
        self._server: LoopbackServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeTelegram:
        if self._server is None:
            self._server = LoopbackServer(self._handle)
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), name="FakeTelegram", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()  # release pending getUpdates
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "FakeTelegram not started"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # ----------------------------------------------------------------- pushing updates
    def push_update(self, update: dict) -> dict:
        """Queue a raw update (update_id assigned when missing) for the next getUpdates, or,
        while a webhook is set, POST it there as Telegram does (in the background)."""
        with self._cond:
            if "update_id" not in update:
                update = {"update_id": self._next_update_id, **update}
            self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
            webhook = self._webhook
            if webhook is None:
                self._updates.append(update)
                self._cond.notify_all()
        if webhook is not None:
            threading.Thread(target=self._deliver, args=(update,), daemon=True).start()
        return update

    def _deliver(self, update: dict, attempts: int = 40) -> None:
        # Telegram retries a webhook it cannot reach; the bot may still be opening its port.
        for _ in range(attempts):
            try:
                self.post_webhook(update)
                return
            except OSError:  # connection refused or reset
                time.sleep(0.25)

    @property
    def webhook(self) -> dict | None:
        """{"url", "secret_token"} from the last setWebhook, or None."""
        with self._cond:
            return dict(self._webhook) if self._webhook else None

    def post_webhook(self, update: dict, secret: str | None = None) -> int:
        """POST ``update`` to the webhook with its secret (or ``secret``); the HTTP status."""
        hook = self.webhook
        assert hook is not None, "no webhook is set"
        header = secret if secret is not None else hook["secret_token"] or ""
        return post_json(hook["url"], update, {"X-Telegram-Bot-Api-Secret-Token": header})

    def user(self, user_id: int, **fields: Any) -> dict:
        """The user with ``user_id`` (created on first use; ``fields`` override)."""
        with self._cond:
            self._users[user_id] = {**self._users.get(user_id, tu.user(user_id)), **fields}
            return self._users[user_id]

    def send_text(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int = 1001,
        chat_type: str = "private",
        reply_to: dict | Call | None = None,
    ) -> dict:
        """A user writes ``text``; commands get their ``bot_command`` entity."""
        sender = self.user(user_id)
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -1001000000001
        with self._cond:
            chat_obj = self._chats.setdefault(chat_id, tu.chat(chat_id, chat_type, sender))
            reply = reply_to.result if isinstance(reply_to, Call) else reply_to
            msg = tu.text_message(self._new_message_id(chat_id), chat_obj, sender, text, reply)
            self._messages[(chat_id, msg["message_id"])] = msg
        return self.push_update({"message": msg})

    def press_button(self, message: dict | Call, data: str, user_id: int | None = None) -> dict:
        """A user presses an inline button with ``data`` under a message the bot sent."""
        msg = message.result if isinstance(message, Call) else message.get("message", message)
        assert isinstance(msg, dict) and "message_id" in msg, f"not a sent message: {message!r}"
        chat_id = msg["chat"]["id"]
        sender = self.user(user_id or (chat_id if chat_id > 0 else 1001))
        with self._cond:
            self._chats.setdefault(chat_id, msg["chat"])
            msg = self._messages.setdefault((chat_id, msg["message_id"]), msg)
            query = tu.callback_query(f"cq{self._next_id()}", sender, dict(msg), data)
        return self.push_update({"callback_query": query})

    def inline_query(
        self, query: str, offset: str = "", user_id: int = 1001, chat_type: str | None = "sender"
    ) -> dict:
        with self._cond:
            qid = f"iq{self._next_id()}"
        return self.push_update(
            {"inline_query": tu.inline_query(qid, self.user(user_id), query, offset, chat_type)}
        )

    def answer_poll(self, poll_message: dict | Call, option_ids: list[int], user_id: int = 1001) -> dict:
        """A user votes in a (non-anonymous) poll the bot sent: a ``poll_answer`` update."""
        msg = poll_message.result if isinstance(poll_message, Call) else poll_message
        answer = tu.poll_answer(msg["poll"], self.user(user_id), option_ids)
        return self.push_update({"poll_answer": answer})

    # ----------------------------------------------------------------- fault injection
    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        body: dict[str, Any] = {"ok": False, "error_code": status}
        if status == 429:
            body["description"] = description or f"Too Many Requests: retry after {retry_after}"
            body["parameters"] = {"retry_after": retry_after}
        else:
            body["description"] = description or FAULT_TEXT.get(status, f"Error {status}")
        with self._cond:
            self._faults.setdefault(method.lower(), []).extend([body] * times)

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        with self._cond:
            self._delays.setdefault(method.lower(), []).extend([seconds] * times)

    # ----------------------------------------------------------------- answering requests
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        if self._stopped:
            h.close_connection = True
            return
        request = parse_request(h)
        if request is None:
            return respond(h, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method, params, files = request
        call = Call(method, params, token, arrived, files=files)
        with self._cond:
            self.token = token
            delays = self._delays.get(method.lower())
            delay = delays.pop(0) if delays else 0
        if delay:
            time.sleep(delay)
        with self._cond:
            faults = self._faults.get(method.lower())
            if faults:
                status, payload = faults[0]["error_code"], faults.pop(0)
                call.faulted, call.error = True, payload["description"]
            else:
                try:
                    call.result = self._dispatch(method, params, files)
                    status, payload = 200, {"ok": True, "result": call.result}
                except ApiError as err:
                    call.error = err.description
                    status = err.status
                    payload = {"ok": False, "error_code": status, "description": err.description}
            self._record(call, status)
        respond(h, status, payload)
