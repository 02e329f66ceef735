"""A fake Telegram Bot API server on loopback for end-to-end tests of the real bot.

    with FakeTelegram() as tg:
        app = ApplicationBuilder().token("123:abc").base_url(tg.base_url).build()
        ...start polling...
        tg.send_text("/ping")
        reply = tg.wait_for("sendMessage", lambda c: c.params["text"] == "pong")
        tg.press_button(reply, "more")

Requests arrive at ``/bot<TOKEN>/<method>`` (form-encoded, JSON or multipart). Every call is
recorded as a :class:`Call`; form values that are JSON (objects, arrays, numbers, booleans) are
decoded, except free-text fields such as ``text`` and ``caption``.

:class:`FakeTelegram` is a thin front over the Bot API stand-in the console chat uses too
(``bot/console/api.py``: state, methods, what Telegram refuses): it adds the loopback HTTP server
(``tests/support/telegram_http.py``), the call log (``tests/support/telegram_calls.py``), fault injection, and
the updates simulated users produce (queued for getUpdates or POSTed to a webhook).
:meth:`FakeTelegram.request` skips HTTP: an in-process ``BaseRequest`` into the same pipeline.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from bot.console import objects
from bot.console.api import NOT_MODIFIED, ApiError, BotApi
from bot.console.request import TEXT_PARAMS, StandInRequest
from bot.console.spec import refusals
from tests.support.telegram_calls import Call, CallLog
from tests.support.telegram_http import LoopbackServer, parse_request, post_bytes, post_json, respond

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
GROUP_ID = -1001000000001  # the group send_text writes in when asked for a group without an id
DEFAULT_USER_ID = 1001


class FakeTelegram(CallLog):
    def __init__(
        self,
        bot_username: str = BOT_USERNAME,
        bot_id: int = BOT_ID,
        max_poll_wait: float = 1.0,
        check_requests: bool = True,
    ):
        """``check_requests=False`` skips the Bot API specification checks: a load benchmark
        measures the bot, and the checks would make this server, on the same cores, the bottleneck."""
        check = refusals if check_requests else None
        self.api = BotApi(objects.bot_user(bot_id, bot_username), check=check, max_poll_wait=max_poll_wait)
        self.bot_user = self.api.bot_user
        self.token: str | None = None  # last token seen in a request
        self._cond = self.api.lock  # one lock: tests may hold it to batch updates into one answer
        self._calls: list[Call] = []
        self._faults: dict[str, list[dict]] = {}
        self._delays: dict[str, list[float]] = {}
        self._server: LoopbackServer | None = None
        self._thread: threading.Thread | None = None

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
        self.api.stop()  # releases pending getUpdates
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

    def request(self) -> StandInRequest:
        """A ``BaseRequest`` answering through this server without HTTP (calls logged, faults and
        delays applied): ``ApplicationBuilder().token(t).request(r).get_updates_request(r)``."""
        return StandInRequest(self._answer, in_thread=True)

    # ----------------------------------------------------------------- pushing updates
    def push_update(self, update: dict) -> dict:
        """Queue a raw update (update_id assigned when missing) for the next getUpdates, or,
        while a webhook is set, POST it there as Telegram does (in the background)."""
        with self._cond:
            update = self.api.push_update(update)
            webhook = self.api.webhook
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
            return dict(self.api.webhook) if self.api.webhook else None

    def post_webhook(self, update: dict, secret: str | None = None) -> int:
        """POST ``update`` to the webhook with its secret (or ``secret``); the HTTP status."""
        hook = self.webhook
        assert hook is not None, "no webhook is set"
        header = secret if secret is not None else hook["secret_token"] or ""
        return post_json(hook["url"], update, {"X-Telegram-Bot-Api-Secret-Token": header})

    def text_update(self, text: str, user_id: int = DEFAULT_USER_ID) -> dict:
        """The update a private message ``text`` makes, numbered but not delivered: the test
        POSTs it itself (``post_webhook``), to see the answer or to send it twice."""
        with self._cond:
            message = self.api.user_message(self.user(user_id), user_id, text, "private", None)
            return self.api.numbered({"message": message})

    def post_raw(self, body: bytes, secret: str | None = None) -> int:
        """POST ``body`` as it is (JSON or not) to the webhook; the HTTP status."""
        hook = self.webhook
        assert hook is not None, "no webhook is set"
        header = secret if secret is not None else hook["secret_token"] or ""
        return post_bytes(hook["url"], body, {"X-Telegram-Bot-Api-Secret-Token": header})

    def user(self, user_id: int, **fields: Any) -> dict:
        """The user with ``user_id`` (created on first use; ``fields`` override)."""
        return self.api.user(user_id, **fields)

    def send_text(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        reply_to: dict | Call | None = None,
    ) -> dict:
        """A user writes ``text``; commands get their ``bot_command`` entity."""
        sender = self.user(user_id)
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else GROUP_ID
        reply = reply_to.result if isinstance(reply_to, Call) else reply_to
        with self._cond:
            message = self.api.user_message(sender, chat_id, text, chat_type, reply)
            return self.push_update({"message": message})

    def press_button(self, message: dict | Call, data: str, user_id: int | None = None) -> dict:
        """A user presses an inline button with ``data`` under a message the bot sent."""
        msg = message.result if isinstance(message, Call) else message.get("message", message)
        assert isinstance(msg, dict) and "message_id" in msg, f"not a sent message: {message!r}"
        chat_id = msg["chat"]["id"]
        sender = self.user(user_id or (chat_id if chat_id > 0 else DEFAULT_USER_ID))
        return self.push_update({"callback_query": self.api.button_press(sender, data, msg)})

    def inline_query(
        self, query: str, offset: str = "", user_id: int = DEFAULT_USER_ID, chat_type: str | None = "sender"
    ) -> dict:
        found = self.api.inline_query(self.user(user_id), query, offset, chat_type)
        return self.push_update({"inline_query": found})

    def answer_poll(
        self, poll_message: dict | Call, option_ids: list[int], user_id: int = DEFAULT_USER_ID
    ) -> dict:
        """A user votes in a (non-anonymous) poll the bot sent: a ``poll_answer`` update."""
        msg = poll_message.result if isinstance(poll_message, Call) else poll_message
        self.api.vote(msg["poll"]["id"], user_id, option_ids)  # counted, for stopPoll's answer
        answer = objects.poll_answer(msg["poll"], self.user(user_id), option_ids)
        return self.push_update({"poll_answer": answer})

    def make_admin(self, chat_id: int, user_id: int) -> None:
        """``user_id`` administers ``chat_id`` (getChatMember says "creator")."""
        self.api.make_admin(chat_id, user_id)

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

    def delays_left(self, method: str) -> int:
        """How many ``delay_next`` delays of ``method`` wait for their call (0: the delayed call
        arrived and is being held: the bot is mid-update)."""
        with self._cond:
            return len(self._delays.get(method.lower(), []))

    # ----------------------------------------------------------------- answering requests
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        if self.api.stopped:
            h.close_connection = True
            return
        request = parse_request(h)
        if request is None:
            return respond(h, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
        respond(h, *self._answer(*request, arrived=arrived))

    def _answer(
        self, token: str, method: str, params: dict, files: dict[str, bytes], arrived: float | None = None
    ) -> tuple[int, dict]:
        """One call through delay, injected fault or the stand-in, logged once answered."""
        call = Call(method, params, token, arrived or time.monotonic(), files=files)
        with self._cond:
            self.token = token
            delays = self._delays.get(method.lower())
            delay = delays.pop(0) if delays else 0
        if delay:
            time.sleep(delay)
        with self._cond:
            faults = self._faults.get(method.lower())
            if faults:
                payload = faults.pop(0)
                status, call.faulted, call.error = payload["error_code"], True, payload["description"]
            else:
                status, payload = self.api.answer(method, params, files)
                call.result, call.error = payload.get("result"), payload.get("description")
            self._record(call, status)
        return status, payload
