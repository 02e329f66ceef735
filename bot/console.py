"""The bot as a terminal chat: the production Application and handlers, no Telegram, no network.

``ConsoleRequest`` answers the Bot API in-process and prints what the bot sends; typed lines become
``Update`` objects for ``application.process_update``. One input line gives one reply block.

Choices: a reply block that shows choices (inline or reply keyboard buttons, inline results,
"more results") numbers them from 1 and replaces the previous numbers, which stay valid until a
later block shows choices of its own. Typing a number with no choice behind it sends it as text.
``@streambot words`` (or ``@ words``) runs an inline query; ``more`` fetches the next page.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.console_render import (
    bold,
    bot_user,
    button_action,
    command_entities,
    file_suffix,
    keyboard_rows,
    photo_size,
    poll_object,
    poll_text,
    render_text,
    result_text,
    result_title,
)

QUIT_WORDS = {"/quit", "exit", "quit"}
INDENT = "  "
PENDING_TIMEOUT = 30.0  # seconds to wait for tasks a line started (block=False handlers)
NOT_MODIFIED = "message is not modified: specified new message content and reply markup are exactly the same"


class ApiError(Exception):
    """A Bot API failure; answered as HTTP 400 ``Bad Request: <message>``."""


LOCAL_USER_ID = 1  # the person at the terminal; admin of their own bot


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


class Console:
    """A private chat between one terminal user and the bot, rendered to ``output``."""

    def __init__(
        self,
        output: TextIO,
        *,
        user_id: int = LOCAL_USER_ID,
        chat_id: int = 1,
        username: str = "you",
        bot_username: str = "streambot",
        media_dir: str | Path | None = None,
    ):
        self.output, self.bot_username, self.username = output, bot_username, username
        self.ansi = _isatty(output) and not os.environ.get("NO_COLOR")
        self.media_dir = Path(media_dir) if media_dir else None
        self.user = {"id": user_id, "is_bot": False, "first_name": username, "username": username}
        self.chat = {"id": chat_id, "type": "private", "first_name": username, "username": username}
        self.bot_user = bot_user(bot_username, 7000000000 + user_id)
        self.commands: dict[tuple[str, str], list[dict]] = {}  # (scope type, language) -> menu
        self.messages: dict[int, dict] = {}  # message_id -> Message JSON (user's and bot's)
        self.bodies: dict[int | str, str] = {}  # message or inline message id -> rendered body
        self.choices: dict[int, tuple] = {}
        self.more: tuple | None = None  # the latest "more results" choice
        self.inline_queries: dict[str, str] = {}  # inline query id -> query text
        self.printed = 0
        self._block = self._choices_block = 0
        self._message_ids, self._update_ids, self._ids = (itertools.count(1) for _ in range(3))
        self._request = ConsoleRequest(self)

    def request(self) -> ConsoleRequest:
        return self._request

    # ------------------------------------------------------------------ output
    def write(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()
        self.printed += 1

    def error(self, exc: BaseException) -> None:
        self.write(f"(console error) {type(exc).__name__}: {exc}")

    def banner(self) -> None:
        bot = self.bot_username
        self.write(
            f"{bot} console — type /start, /help; numbers press buttons; "
            f"@{bot} <words> searches inline; Ctrl-D or /quit quits"
        )
        menu = self.commands.get(("all_private_chats", "")) or self.commands.get(("default", ""))
        if menu:
            self.write("commands: " + " ".join(f"/{c.get('command')}" for c in menu))

    def _render(self, text: str, parse_mode: str | None) -> str:
        return render_text(text, parse_mode, ansi=self.ansi)

    def _choice(self, action: tuple) -> int:
        if self._choices_block != self._block:
            self.choices.clear()
            self.more, self._choices_block = None, self._block
        self.choices[len(self.choices) + 1] = action
        return len(self.choices)

    def _show(self, header: str, body: str, markup: Any = None, key: int | str | None = None) -> None:
        self.bodies[key] = body
        lines = [bold(header, self.ansi)] + [(INDENT + line).rstrip() for line in body.splitlines()]
        for row in keyboard_rows(markup):
            cells = [f"[{self._choice(button_action(b, key))}] {b.get('text', '')}" for b in row]
            lines.append(INDENT + "  ".join(cells))
        self.write("\n".join(lines))

    # ------------------------------------------------------------------ the Bot API
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

    # ------------------------------------------------------------------ input -> updates
    def _update(self, **content: Any) -> dict:
        return {"update_id": next(self._update_ids), **content}

    def message_update(self, text: str) -> dict:
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": self.chat}
        msg.update({"from": self.user, "text": text})
        if text.startswith("/"):
            msg["entities"] = command_entities(text)
        self.messages[msg["message_id"]] = msg
        return self._update(message=msg)

    def inline_update(self, query: str, offset: str = "") -> dict:
        query_id = f"iq{next(self._ids)}"
        self.inline_queries[query_id] = query
        inline = {"id": query_id, "from": self.user, "query": query, "offset": offset, "chat_type": "sender"}
        return self._update(inline_query=inline)

    def update_for(self, text: str) -> dict | None:
        """The update a typed line stands for, or None when the console handled it itself."""
        if text.isdigit() and int(text) in self.choices:
            return self._choose(self.choices[int(text)])
        if text.lower() == "more" and self.more:
            return self._choose(self.more)
        inline = re.fullmatch(
            rf"@(?:{re.escape(self.bot_username)})?(?:\s+(.*))?", text, re.IGNORECASE | re.DOTALL
        )
        if inline:
            return self.inline_update((inline.group(1) or "").strip())
        return self.message_update(text)

    def _choose(self, action: tuple) -> dict | None:
        kind = action[0]
        if kind == "callback":
            _, data, key = action
            query = {"id": f"cq{next(self._ids)}", "from": self.user, "chat_instance": f"ci{self.chat['id']}"}
            query["data"] = data
            if isinstance(key, str):
                query["inline_message_id"] = key
            elif key in self.messages:
                query["message"] = self.messages[key]
            else:
                self.write("(that message is gone)")
                return None
            return self._update(callback_query=query)
        if kind == "inline":
            self.write(f"(inline) @{self.bot_username} {action[1]}".rstrip())
            return self.inline_update(action[1])
        if kind == "more":
            return self.inline_update(action[1], action[2])
        if kind == "text":
            self.write(f"({self.username}) {action[1]}")
            return self.message_update(action[1])
        if kind == "result":
            result, header = action[1], f"{self.username} via @{self.bot_username}:"
            key = f"im{next(self._ids)}" if result.get("reply_markup") else None  # inline_message_id
            self._show(header, result_text(result, ansi=self.ansi), result.get("reply_markup"), key)
            return None
        self.write(
            f"(link) {action[1]}" if kind == "url" else f"({action[1]} is not available in the console)"
        )
        return None

    async def feed(self, application: Application, text: str) -> None:
        """Handle one typed line: its whole reply block is printed when this returns."""
        self._block += 1
        update = self.update_for(text)
        if update is None:
            return
        printed = self.printed
        before = asyncio.all_tasks()
        await application.process_update(Update.de_json(update, application.bot))
        pending = [task for task in asyncio.all_tasks() - before if not task.done()]
        if pending:
            await asyncio.wait(pending, timeout=PENDING_TIMEOUT)
        if self.printed == printed:
            self.write("(no reply)")


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


async def _readline(stream: TextIO) -> str:
    """``stream.readline()`` in a daemon thread: the loop keeps running and Ctrl-C never waits on it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()

    def settle(line: str | None, exc: BaseException | None) -> None:
        if not future.done():
            future.set_exception(exc) if exc else future.set_result(line or "")

    def work() -> None:
        try:
            line = stream.readline()
        except BaseException as exc:  # handed to the loop
            loop.call_soon_threadsafe(settle, None, exc)
        else:
            loop.call_soon_threadsafe(settle, line, None)

    threading.Thread(target=work, name="console-stdin", daemon=True).start()
    return await future


async def run_console(
    build_application: Callable[[BaseRequest], Application],
    input: TextIO,  # shadows the builtin: the public name
    output: TextIO,
    *,
    interactive: bool | None = None,
    **console_options: Any,
) -> None:
    """Chat with the bot on a terminal until EOF, ``/quit`` or ``exit``.

    ``console_options`` go to :class:`Console` (user_id, chat_id, username, bot_username, media_dir).
    Interactive: a ``> `` prompt before each line. Otherwise each line is echoed as ``> line`` so a
    piped transcript reads the same.
    """
    console = Console(output, **console_options)
    interactive = _isatty(input) if interactive is None else interactive
    application = build_application(console.request())
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        try:
            console.banner()
            while True:
                if interactive:
                    output.write("> ")
                    output.flush()
                try:
                    line = await _readline(input)
                except UnicodeDecodeError as exc:  # one undecodable line, not the end of the chat
                    console.error(exc)
                    continue
                if not line:
                    if interactive:
                        output.write("\n")
                    break
                text = line.strip()
                if not text:
                    continue
                if not interactive:
                    console.write(f"> {text}")
                if text.lower() in QUIT_WORDS:
                    break
                try:
                    await console.feed(application, text)
                except Exception as exc:
                    console.error(exc)
        finally:
            if application.running:
                await application.stop()
            if application.post_stop:
                await application.post_stop(application)
    if application.post_shutdown:
        await application.post_shutdown(application)
