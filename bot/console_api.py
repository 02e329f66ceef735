"""The Bot API, answered in-process for the console chat (``bot/console.py``).

``ConsoleRequest`` is the ``BaseRequest`` the production Application sends every Bot API call
through; it hands each call to :class:`ConsoleBotApi`, which keeps what Telegram would keep
(messages, command menus, uploaded photos) and shows what the bot sends in the chat. A failure is
answered as Telegram answers one: HTTP 400 ``Bad Request: <message>``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram.request import BaseRequest, RequestData

from bot.console_render import (
    INDENT,
    bold,
    file_suffix,
    photo_size,
    poll_object,
    poll_text,
    render_text,
    result_title,
)

if TYPE_CHECKING:
    from bot.console_chat import Console

NOT_MODIFIED = "message is not modified: specified new message content and reply markup are exactly the same"


class ApiError(Exception):
    """A Bot API failure; answered as HTTP 400 ``Bad Request: <message>``."""


class ConsoleRequest(BaseRequest):
    """Answers Bot API calls locally; the :class:`Console` renders what the bot sends."""

    def __init__(self, console: Console):
        self.console = console

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rstrip("/").rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files = request_data.multipart_data if request_data and request_data.contains_files else {}
        try:
            payload = {"ok": True, "result": self.console.api(api_method, params, files)}
        except Exception as exc:
            if not isinstance(exc, ApiError):
                self.console.error(exc)
            payload = {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
            return 400, json.dumps(payload).encode()
        return 200, json.dumps(payload).encode()


class ConsoleBotApi:
    """The Bot API methods the console answers, as a mixin of :class:`~bot.console_chat.Console`:
    the chat state below and the terminal (``write``, ``_show``, ``_choice``, ``_render``) are its."""

    ansi: bool
    bot_username: str
    bot_user: dict
    chat: dict
    commands: dict[tuple[str, str], list[dict]]
    messages: dict[int, dict]
    bodies: dict[int | str, str]
    more: tuple | None
    inline_queries: dict[str, str]
    media_dir: Path | None
    _message_ids: Iterator[int]
    _ids: Iterator[int]

    def api(self, method: str, p: dict, files: dict) -> Any:
        name = method.lower()
        if name == "getme":
            return self.bot_user
        if name in ("deletewebhook", "setchatmenubutton", "sendchataction"):
            return True
        scope = (p.get("scope") or {}).get("type", "default"), p.get("language_code", "")
        if name in ("setmycommands", "deletemycommands"):
            self.commands[scope] = list(p.get("commands") or []) if name == "setmycommands" else []
            return True
        if name == "getmycommands":
            return self.commands.get(scope, [])
        if name == "sendmessage":
            if not p.get("text"):
                raise ApiError("message text is empty")
            msg = self._new_message(p, text=render_text(p["text"], p.get("parse_mode"), links=False))
            return self._show_sent(msg, p, self._render(p["text"], p.get("parse_mode")))
        if name in ("editmessagetext", "editmessagereplymarkup"):
            return self._edit(name, p)
        if name == "answercallbackquery":
            if p.get("text"):
                self.write(f"({'alert' if p.get('show_alert') else 'notice'}) {p['text']}")
            if p.get("url"):
                self.write(f"(link) {p['url']}")
            return True
        if name == "answerinlinequery":
            self._inline_results(p)
            return True
        if name == "sendpoll":
            return self._poll(p)
        if name == "sendphoto":
            return self._photo(p, files)
        if name == "deletemessage":
            self.messages.pop(p.get("message_id"), None)
            self.write(f"({self.bot_username} deleted a message)")
            return True
        raise ApiError("method not found")

    def _show_sent(self, msg: dict, p: dict, body: str) -> dict:
        to = "" if msg["chat"]["id"] == self.chat["id"] else f" (to chat {msg['chat']['id']})"
        self._show(f"{self.bot_username}{to}:", body, p.get("reply_markup"), msg["message_id"])
        return msg

    def _new_message(self, p: dict, **content: Any) -> dict:
        chat_id = p.get("chat_id")
        if not isinstance(chat_id, int):
            raise ApiError("chat not found")
        chat = (
            self.chat if chat_id == self.chat["id"] else {"id": chat_id, "type": "private", "first_name": "?"}
        )
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat}
        msg.update({"from": self.bot_user, **content})
        reply_to = (p.get("reply_parameters") or {}).get("message_id") or p.get("reply_to_message_id")
        if reply_to in self.messages:
            msg["reply_to_message"] = self.messages[reply_to]
        if isinstance(p.get("reply_markup"), dict) and p["reply_markup"].get("inline_keyboard"):
            msg["reply_markup"] = p["reply_markup"]
        self.messages[msg["message_id"]] = msg
        return msg

    def _edit(self, name: str, p: dict) -> Any:
        markup = p.get("reply_markup") if isinstance(p.get("reply_markup"), dict) else None
        header = f"{self.bot_username} (edited):"
        key = p.get("inline_message_id") or p.get("message_id")
        text_edit = name == "editmessagetext"
        if text_edit and not p.get("text"):
            raise ApiError("message text is empty")
        body = self._render(p["text"], p.get("parse_mode")) if text_edit else self.bodies.get(key, "")
        if p.get("inline_message_id"):
            self._show(header, body, markup, key)
            return True
        old = self.messages.get(key)
        if old is None:
            raise ApiError("message to edit not found")
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        if text_edit:
            new["text"] = render_text(p["text"], p.get("parse_mode"), links=False)
        if markup and markup.get("inline_keyboard"):
            new["reply_markup"] = markup
        if new.get("text") == old.get("text") and new.get("reply_markup") == old.get("reply_markup"):
            raise ApiError(NOT_MODIFIED)
        new["edit_date"] = int(time.time())
        self.messages[key] = new
        self._show(header, body, new.get("reply_markup"), key)
        return new

    def _poll(self, p: dict) -> dict:
        msg = self._new_message(p, poll=poll_object(str(next(self._ids)), p))
        return self._show_sent(msg, p, poll_text(msg["poll"]))

    def _photo(self, p: dict, files: dict) -> dict:
        upload = files.get("photo") or next(iter(files.values()), None)
        data, where = b"", str(p.get("photo", ""))
        if upload:
            _filename, content, mimetype = upload
            data = content if isinstance(content, bytes) else content.read()
            if self.media_dir is None:
                self.media_dir = Path(tempfile.mkdtemp(prefix="streambot-console-"))
            self.media_dir.mkdir(parents=True, exist_ok=True)
            path = self.media_dir / f"photo-{next(self._ids)}{file_suffix(data, mimetype)}"
            path.write_bytes(data)
            where = str(path)
        caption, mode = p.get("caption") or "", p.get("parse_mode")
        extra = {"caption": render_text(caption, mode, links=False)} if caption else {}
        msg = self._new_message(p, photo=[photo_size(f"photo{next(self._ids)}", data)], **extra)
        return self._show_sent(msg, p, f"[picture: {where}] {self._render(caption, mode)}".rstrip())

    def _inline_results(self, p: dict) -> None:
        query = self.inline_queries.get(str(p.get("inline_query_id")), "")
        lines = [bold(f'inline results for "{query}":', self.ansi)]
        for result in p.get("results") or []:
            description = f" — {result['description']}" if result.get("description") else ""
            lines.append(f"{INDENT}[{self._choice(('result', result))}] {result_title(result)}{description}")
        if not p.get("results"):
            lines.append(f"{INDENT}(no results)")
        if p.get("next_offset"):
            self.more = ("more", query, str(p["next_offset"]))
            lines.append(f"{INDENT}[{self._choice(self.more)}] more results")
        button = p.get("button") or {}
        if button.get("start_parameter"):
            start = f"/start {button['start_parameter']}"
            lines.append(f"{INDENT}[{self._choice(('text', start))}] {button.get('text', start)}")
        self.write("\n".join(lines))
