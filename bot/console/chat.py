"""The console chat itself: one terminal user's private chat with the bot (``bot/console/run.py`` runs it).

:class:`Console` turns typed lines into the updates the Application processes and prints what the
bot does, one reply block per line, numbering the choices it shows. Telegram's side is a
:class:`~bot.console.api.BotApi` stand-in: the bot reaches it through :meth:`Console.request`, and
the console watches each call it answers to show it.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application

from bot.console import objects
from bot.console.api import BotApi
from bot.console.request import StandInRequest
from bot.console.text import (
    INDENT,
    bold,
    button_action,
    file_suffix,
    keyboard_rows,
    poll_text,
    render_text,
    result_text,
    result_title,
)

PENDING_TIMEOUT = 30.0  # seconds to wait for tasks a line started (block=False handlers)
LOCAL_USER_ID = 1  # the person at the terminal; admin of their own bot
BOT_ID_BASE = 7000000000  # the bot's id is this plus the user's: distinct from any user id

Key = tuple[int, int] | str  # a message's (chat id, message id), or an inline message id


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
        self.ansi = is_terminal(output) and not os.environ.get("NO_COLOR")
        self.media_dir = Path(media_dir) if media_dir else None
        self.api = BotApi(objects.bot_user(BOT_ID_BASE + user_id, bot_username, first_name=bot_username))
        self.api.observers.append(self.show_call)
        self.user = self.api.user(user_id, first_name=username, username=username, language_code=None)
        self.chat = self.api.chats.setdefault(chat_id, objects.chat(chat_id, "private", self.user))
        self.bodies: dict[Key | None, str] = {}  # rendered body of each message shown
        self.choices: dict[int, tuple] = {}
        self.more: tuple | None = None  # the latest "more results" choice
        self.printed = 0
        self._block = self._choices_block = 0
        self._request = StandInRequest(self.answer)

    def request(self) -> StandInRequest:
        return self._request

    def answer(self, token: str, method: str, params: dict, files: dict[str, bytes]) -> tuple[int, dict]:
        """The stand-in's answer to one call; a fault of the console itself is shown, and fails the call."""
        try:
            return self.api.answer(method, params, files)
        except Exception as exc:
            self.error(exc)
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}

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
        # The menu Telegram would show this user: their app's language's ("es" for "es-419"), else the fallback.
        language = (self.user.get("language_code") or "").split("-")[0].lower()
        menu = next(
            (
                found
                # The console's user is an admin: their chat's own menu lists /reload and /model too.
                for scope in ({"type": "chat", "chat_id": self.chat["id"]}, "all_private_chats", "default")
                for code in dict.fromkeys([language, ""])
                if (found := self.api.menu(scope, code))
            ),
            [],
        )
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

    def _show(self, header: str, body: str, markup: Any = None, key: Key | None = None) -> None:
        self.bodies[key] = body
        lines = [bold(header, self.ansi)] + [(INDENT + line).rstrip() for line in body.splitlines()]
        for row in keyboard_rows(markup):
            cells = [f"[{self._choice(button_action(b, key))}] {b.get('text', '')}" for b in row]
            lines.append(INDENT + "  ".join(cells))
        self.write("\n".join(lines))

    # ------------------------------------------------------------------ what the bot does
    def show_call(self, method: str, p: dict, result: Any) -> None:
        """Show one Bot API call the stand-in answered (an observer of :class:`BotApi`)."""
        if method in ("sendmessage", "sendphoto", "sendpoll"):
            to = "" if result["chat"]["id"] == self.chat["id"] else f" (to chat {result['chat']['id']})"
            key = (result["chat"]["id"], result["message_id"])
            self._show(f"{self.bot_username}{to}:", self._sent_body(p, result), p.get("reply_markup"), key)
        elif method in ("editmessagetext", "editmessagereplymarkup"):
            self._show_edit(p, result)
        elif method == "answercallbackquery":
            if p.get("text"):
                self.write(f"({'alert' if p.get('show_alert') else 'notice'}) {p['text']}")
            if p.get("url"):
                self.write(f"(link) {p['url']}")
        elif method == "answerinlinequery":
            self._show_inline_results(p)
        elif method == "deletemessage":
            self.write(f"({self.bot_username} deleted a message)")

    def _sent_body(self, p: dict, msg: dict) -> str:
        if "poll" in msg:
            return poll_text(msg["poll"])
        if "photo" in msg:
            caption = self._render(p.get("caption") or "", p.get("parse_mode"))
            return f"[picture: {self._photo_file(p, msg)}] {caption}".rstrip()
        return self._render(p["text"], p.get("parse_mode"))

    def _photo_file(self, p: dict, msg: dict) -> str:
        """Where the photo can be looked at: the uploaded bytes written to a file, or its URL or file id."""
        data = self.api.files.get(msg["photo"][-1]["file_id"])
        if data is None:
            return str(p.get("photo", ""))
        if self.media_dir is None:
            self.media_dir = Path(tempfile.mkdtemp(prefix="streambot-console-"))
        self.media_dir.mkdir(parents=True, exist_ok=True)
        upload = p.get("photo") if isinstance(p.get("photo"), dict) else {}
        path = self.media_dir / f"photo-{self.api.next_id()}{file_suffix(data, upload.get('content_type'))}"
        path.write_bytes(data)
        return str(path)

    def _show_edit(self, p: dict, result: dict | bool) -> None:
        key: Key = p.get("inline_message_id") or (p.get("chat_id"), p.get("message_id"))
        text = p.get("text")
        body = self._render(text, p.get("parse_mode")) if text else self.bodies.get(key, "")
        markup = result.get("reply_markup") if isinstance(result, dict) else p.get("reply_markup")
        self._show(f"{self.bot_username} (edited):", body, markup, key)

    def _show_inline_results(self, p: dict) -> None:
        query = self.api.inline_queries.get(str(p.get("inline_query_id")), {}).get("query", "")
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

    # ------------------------------------------------------------------ typed lines -> updates
    def message_update(self, text: str) -> dict:
        message = self.api.user_message(self.user, self.chat["id"], text)
        return self.api.numbered({"message": message})

    def inline_update(self, query: str, offset: str = "") -> dict:
        return self.api.numbered({"inline_query": self.api.inline_query(self.user, query, offset)})

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

    def _press(self, data: str, key: Key) -> dict | None:
        if isinstance(key, str):
            return self.api.numbered({"callback_query": self.api.button_press(self.user, data, None, key)})
        message = self.api.messages.get(key)
        if message is None:
            self.write("(that message is gone)")
            return None
        return self.api.numbered({"callback_query": self.api.button_press(self.user, data, message)})

    def _choose(self, action: tuple) -> dict | None:
        kind = action[0]
        if kind == "callback":
            return self._press(action[1], action[2])
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
            key = f"im{self.api.next_id()}" if result.get("reply_markup") else None  # inline_message_id
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


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
