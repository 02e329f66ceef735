"""The console chat itself: one terminal user's private chat with the bot (``bot/console.py`` runs it).

:class:`Console` holds the chat, prints each reply block and numbers the choices it shows, and turns
typed lines into the ``Update`` objects the Application processes. The Bot API calls the bot makes
are answered by its :class:`~bot.console_api.ConsoleBotApi` side.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import time
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application

from bot.console_api import ConsoleBotApi, ConsoleRequest
from bot.console_render import (
    INDENT,
    bold,
    bot_user,
    button_action,
    command_entities,
    keyboard_rows,
    render_text,
    result_text,
)

PENDING_TIMEOUT = 30.0  # seconds to wait for tasks a line started (block=False handlers)

LOCAL_USER_ID = 1  # the person at the terminal; admin of their own bot


class Console(ConsoleBotApi):
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


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
