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
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests import telegram_updates as tu

BOT_ID = 7000000001
BOT_USERNAME = "streambot_test_bot"
# Parameters that are free text and must never be JSON-decoded.
TEXT_PARAMS = {
    "text",
    "caption",
    "question",
    "query",
    "data",
    "callback_query_id",
    "inline_query_id",
    "next_offset",
    "url",
    "title",
    "description",
    "explanation",
    "inline_message_id",
    "photo",
    "document",
    "file_id",
    "business_connection_id",
}
FAULT_TEXT = {
    400: "Bad Request: injected failure",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of the message"
)


@dataclass
class Call:
    """One request the bot made, recorded when it was answered (after any delay_next sleep).

    ``result`` is what the server answered (None when it failed); ``timestamp`` is its arrival.
    """

    method: str
    params: dict[str, Any]
    token: str
    timestamp: float  # time.monotonic() when the request arrived
    index: int = -1
    status: int = 200
    faulted: bool = False  # answered by fail_next()
    result: Any = None
    error: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def text(self) -> str | None:
        return self.params.get("text")

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.params.items() if k not in ("reply_markup", "results")}
        flag = " FAULTED" if self.faulted else (f" {self.status}" if self.status != 200 else "")
        return f"<#{self.index} {self.method}{flag} {str(shown)[:160]}>"


class ApiError(Exception):
    def __init__(self, description: str, status: int = 400):
        super().__init__(description)
        self.status, self.description = status, description


def _decode(key: str, value: str) -> Any:
    if key in TEXT_PARAMS:
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    if isinstance(decoded, (dict, list, bool, int)) or (
        isinstance(decoded, float) and math.isfinite(decoded)
    ):
        return decoded
    return value


def _parse_multipart(body: bytes, content_type: str) -> tuple[dict, dict[str, bytes], dict]:
    boundary = re.search(r'boundary="?([^";]+)"?', content_type).group(1).encode()
    fields, files, meta = {}, {}, {}
    for part in body.split(b"--" + boundary)[1:]:
        if part.startswith(b"--"):
            break
        head, _, data = part.lstrip(b"\r\n").partition(b"\r\n\r\n")
        data = data[:-2] if data.endswith(b"\r\n") else data
        headers = head.decode("utf-8", "replace")
        name = re.search(r'(?:^|[;\s])name="([^"]*)"', headers).group(1)
        filename = re.search(r'filename="([^"]*)"', headers)
        if filename:
            ctype = re.search(r"(?im)^content-type:\s*(\S+)", headers)
            files[name] = data
            meta[name] = {
                "filename": filename.group(1),
                "size": len(data),
                "content_type": ctype.group(1) if ctype else None,
                "is_png": data.startswith(tu.PNG_SIGNATURE),
            }
        else:
            fields[name] = data.decode("utf-8")
    return fields, files, meta


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle on, the body waits for the
    # client's delayed ACK (~40 ms on loopback) on every kept-alive connection.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:  # noqa: N802
        self.server.fake._handle(self)  # type: ignore[attr-defined]

    do_GET = do_POST

    def log_message(self, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients (httpx) drop connections on shutdown or timeouts; that is not a failure


class FakeTelegram:
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
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> FakeTelegram:
        if self._server is None:
            self._server = _Server(("127.0.0.1", 0), _Handler)
            self._server.fake = self  # type: ignore[attr-defined]
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
            threading.Thread(target=self.post_webhook, args=(update,), daemon=True).start()
        return update

    @property
    def webhook(self) -> dict | None:
        """{"url", "secret_token"} from the last setWebhook, or None."""
        with self._cond:
            return dict(self._webhook) if self._webhook else None

    def post_webhook(self, update: dict, secret: str | None = None) -> int:
        """POST ``update`` to the webhook with its secret (or ``secret``); the HTTP status."""
        hook = self.webhook
        assert hook is not None, "no webhook is set"
        request = urllib.request.Request(
            hook["url"],
            data=json.dumps(update).encode(),
            headers={
                "Content-Type": "application/json",
                "X-Telegram-Bot-Api-Secret-Token": secret
                if secret is not None
                else hook["secret_token"] or "",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

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

    # ----------------------------------------------------------------- inspecting calls
    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls (faulted ones included), optionally of one method."""
        with self._cond:
            return [c for c in self._calls if method is None or c.method.lower() == method.lower()]

    def mark(self) -> int:
        """A position in the call log; pass it as ``after=`` to ignore earlier calls."""
        with self._cond:
            return len(self._calls)

    def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        after: int | None = None,
        include_faulted: bool = False,
    ) -> Call:
        """The first call of ``method`` (from index ``after`` on) matching ``predicate``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self._calls[after or 0 :]:
                    if (
                        call.method.lower() == method.lower()
                        and (include_faulted or not call.faulted)
                        and (predicate is None or predicate(call))
                    ):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c for c in self._calls[after or 0 :] if c.method != "getUpdates"]
                    listing = "\n  ".join(repr(c) for c in seen[-30:]) or "(none)"
                    raise AssertionError(
                        f"no {method} call{' matching predicate' if predicate else ''} within "
                        f"{timeout}s (after={after}); calls seen besides getUpdates:\n  {listing}"
                    )
                self._cond.wait(remaining)

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

    # ----------------------------------------------------------------- HTTP plumbing
    def _next_id(self) -> int:
        self._counter += 1
        return self._counter

    def _new_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        if self._stopped:
            h.close_connection = True
            return
        url = urlsplit(h.path)
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", url.path)
        if not match:
            return self._respond(h, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method = match.groups()
        raw, files, meta = dict(parse_qsl(url.query)), {}, {}
        ctype = h.headers.get("Content-Type", "")
        if ctype.startswith("multipart/form-data"):
            fields, files, meta = _parse_multipart(body, ctype)
            raw.update(fields)
        elif ctype.startswith("application/json") and body:
            raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(body).items()})
        elif body:
            raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        params = {k: _decode(k, v) for k, v in raw.items()}
        for name, info in meta.items():  # file parts: direct (photo=<file>) or attach://name
            target = next((k for k, v in params.items() if v == f"attach://{name}"), name)
            params[target] = info
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
            call.status, call.index = status, len(self._calls)
            self._calls.append(call)
            self._cond.notify_all()
        self._respond(h, status, payload)

    @staticmethod
    def _respond(h: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        try:
            h.send_response(status)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
        except OSError:
            h.close_connection = True

    # ----------------------------------------------------------------- Bot API methods
    # All run with self._cond held.
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
