"""The console chat's entry point and read loop: ``run_console`` until EOF or ``/quit``.

One input line gives one reply block (see ``bot/console/chat.py``); the Application is the
production one, built by the caller around the console's in-process request.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TextIO

from telegram.ext import Application
from telegram.request import BaseRequest

from bot.console.chat import Console, is_terminal

QUIT_WORDS = {"/quit", "exit", "quit"}


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
    interactive = is_terminal(input) if interactive is None else interactive
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
