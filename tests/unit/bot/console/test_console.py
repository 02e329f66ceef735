"""The console chat drives a real python-telegram-bot Application through its in-process request."""

from __future__ import annotations

import asyncio
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
)
from telegram.request import BaseRequest, RequestData

from bot.console import Console, run_console
from bot.console.request import StandInRequest
from bot.console.text import render_text


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0)  # 2x1 greyscale
    pixels = zlib.compress(b"\x00\x00\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


WELCOME = '<b>Welcome</b> to <i>StreamBot</i> &amp; friends &lt;3 <a href="https://example.com/docs">docs</a>'


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("More like this", callback_data="more:42"),
                InlineKeyboardButton("Share", switch_inline_query="toy story"),
            ],
            [InlineKeyboardButton("Website", url="https://example.com")],
        ]
    )
    await update.effective_message.reply_text(WELCOME, reply_markup=keyboard)


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer(f"Loading {query.data}")
    again = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again")]])
    await query.edit_message_text(
        f"More like <b>{query.data}</b> (from #{query.message.message_id})", reply_markup=again
    )


async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    offset = int(query.offset or 0)
    results = [
        InlineQueryResultArticle(
            id=str(i),
            title=f"{query.query.title()} #{i}",
            description=f"result {i}",
            input_message_content=InputTextMessageContent(f"<b>{query.query}</b> pick #{i}"),
        )
        for i in (offset + 1, offset + 2)
    ]
    # None on the last page, not "": with Defaults, python-telegram-bot sends "" as "[]"
    await query.answer(results, next_offset=str(offset + 2) if offset < 2 else None)


async def pic(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_photo(tiny_png(), caption="A <b>chart</b>")


async def poll(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_poll("Which one tonight?", ["Toy Story", "Up", "Coco"])


async def unclosed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("<b>never closed")


async def boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("kaboom")


async def jobs(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    running = context.job_queue is not None and context.job_queue.scheduler.running
    await update.effective_message.reply_text(f"job queue running: {running}")


async def menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("Pick one", reply_markup=ReplyKeyboardMarkup([["/poll", "Up"]]))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    if isinstance(update, Update) and update.effective_message:
        await update.effective_message.reply_text("sorry")


async def post_init(application) -> None:
    await application.bot.set_my_commands([BotCommand("start", "Start"), BotCommand("pic", "A picture")])


def build(request: BaseRequest):
    application = (
        ApplicationBuilder()
        .token("console")
        .request(request)
        .get_updates_request(request)
        .updater(None)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .post_init(post_init)
        .build()
    )
    application.add_handlers(
        [
            CommandHandler("start", start),
            CommandHandler("pic", pic),
            CommandHandler("poll", poll),
            CommandHandler("boom", boom),
            CommandHandler("unclosed", unclosed),
            CommandHandler("jobs", jobs),
            CommandHandler("menu", menu),
            CallbackQueryHandler(press),
            InlineQueryHandler(inline),
        ]
    )
    application.add_error_handler(on_error)
    return application


def chat(lines: list[str], tmp_path: Path, **options) -> str:
    out = io.StringIO()
    asyncio.run(
        run_console(
            build, io.StringIO("\n".join(lines) + "\n"), out, interactive=False, media_dir=tmp_path, **options
        )
    )
    return out.getvalue()


def blocks(transcript: str) -> list[tuple[str, str]]:
    """(typed line, its reply block) pairs; the banner is dropped."""
    parts = re.split(r"^> (.*)\n", transcript, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def test_banner_and_one_reply_block_per_line(tmp_path):
    transcript = chat(["/start", "", "/jobs", "/start@streambot"], tmp_path)
    banner = transcript.splitlines()[0]
    assert banner.startswith("streambot console") and "Ctrl-D" in banner
    assert "commands: /start /pic" in transcript  # post_init ran before the banner
    pairs = blocks(transcript)
    assert [line for line, _ in pairs] == ["/start", "/jobs", "/start@streambot"]  # empty line ignored
    first = pairs[0][1]
    assert first.startswith("streambot:\n")
    assert "Welcome to StreamBot & friends <3 docs (https://example.com/docs)" in first
    assert "<b>" not in first and "&amp;" not in first
    assert "[1] More like this  [2] Share" in first and "[3] Website" in first
    assert pairs[1][1] == "streambot:\n  job queue running: True\n"
    assert "Welcome" in pairs[2][1]  # /cmd@bot reaches the same CommandHandler


def test_pressing_a_button_answers_and_edits(tmp_path):
    pairs = blocks(chat(["/start", "1", "1", "3"], tmp_path))
    pressed = pairs[1][1]
    assert "(notice) Loading more:42" in pressed
    assert "streambot (edited):\n  More like more:42 (from #2)\n  [1] Again" in pressed
    assert "(notice) Loading again" in pairs[2][1]  # numbers were renumbered for the edited message
    assert "Again" in pairs[2][1] and "from #2" in pairs[2][1]
    # "3" no longer names a button (the edit showed only one): it goes to the bot as plain text
    assert pairs[3][1] == "(no reply)\n"


def test_url_and_switch_inline_buttons(tmp_path):
    pairs = blocks(chat(["/start", "3", "2"], tmp_path))
    assert pairs[1][1] == "(link) https://example.com\n"
    shared = pairs[2][1]
    assert shared.startswith("(inline) @streambot toy story\n")
    assert 'inline results for "toy story":' in shared
    assert "[1] Toy Story #1 — result 1" in shared and "[3] more results" in shared


def test_inline_mode_paging_and_picking(tmp_path):
    pairs = blocks(chat(["@streambot up", "more", "2", "@ coco", "3", "1"], tmp_path))
    assert "[1] Up #1 — result 1\n  [2] Up #2 — result 2\n  [3] more results" in pairs[0][1]
    page2 = pairs[1][1]
    assert "[1] Up #3" in page2 and "[2] Up #4" in page2 and "more results" not in page2
    assert pairs[2][1] == "you via @streambot:\n  up pick #4\n"
    assert "Coco #1" in pairs[3][1]
    assert "Coco #3" in pairs[4][1]  # "3" was the coco query's "more results"
    assert pairs[5][1] == "you via @streambot:\n  coco pick #3\n"


def test_photo_is_written_to_a_file(tmp_path):
    ((line, reply),) = blocks(chat(["/pic"], tmp_path))
    match = re.search(r"\[picture: (.+?)\] A chart", reply)
    assert match, reply
    path = Path(match.group(1))
    assert path.parent == tmp_path and path.suffix == ".png"
    assert path.read_bytes() == tiny_png()


def test_poll_options_are_listed(tmp_path):
    ((line, reply),) = blocks(chat(["/poll"], tmp_path))
    assert reply == "streambot:\n  (poll) Which one tonight?\n    1. Toy Story\n    2. Up\n    3. Coco\n"


def test_failing_handler_says_sorry_and_the_loop_continues(tmp_path):
    pairs = blocks(chat(["/boom", "/nosuchcommand", "hello", "/poll"], tmp_path))
    assert pairs[0][1] == "streambot:\n  sorry\n"
    assert pairs[1][1] == "(no reply)\n" and pairs[2][1] == "(no reply)\n"
    assert "(poll) Which one tonight?" in pairs[3][1]


@pytest.mark.usefixtures("bot_api_spec")
def test_what_telegram_would_refuse_fails_as_it_would(tmp_path):
    ((line, reply),) = blocks(chat(["/unclosed"], tmp_path))
    assert reply == "streambot:\n  sorry\n"  # the Bad Request reached the error handler


def test_reply_keyboard_buttons_send_their_text(tmp_path):
    pairs = blocks(chat(["/menu", "1"], tmp_path))
    assert pairs[0][1] == "streambot:\n  Pick one\n  [1] /poll  [2] Up\n"
    assert pairs[1][1].startswith("(you) /poll\nstreambot:\n  (poll) Which one tonight?")


def test_commands_for_another_bot_are_ignored(tmp_path):
    pairs = blocks(chat(["/start@otherbot", "/START"], tmp_path))
    assert pairs[0][1] == "(no reply)\n"
    assert "Welcome" in pairs[1][1]


def test_quit_stops_before_eof(tmp_path):
    pairs = blocks(chat(["/poll", "/quit", "/start"], tmp_path))
    assert [line for line, _ in pairs] == ["/poll", "/quit"]


def test_interactive_mode_prompts_without_echo(tmp_path):
    transcript = chat_interactive(["/jobs"], tmp_path)
    assert "> streambot:\n  job queue running: True\n> \n" in transcript
    assert "> /jobs" not in transcript


def chat_interactive(lines: list[str], tmp_path: Path) -> str:
    out = io.StringIO()
    source = io.StringIO("\n".join(lines) + "\n")
    asyncio.run(run_console(build, source, out, interactive=True, media_dir=tmp_path))
    return out.getvalue()


def test_console_machinery_errors_are_one_line(tmp_path, monkeypatch):
    def broken(self, text):
        raise ValueError("bad line")

    original = Console.update_for
    monkeypatch.setattr(
        Console, "update_for", lambda self, text: broken(self, text) if text == "x" else original(self, text)
    )
    pairs = blocks(chat(["x", "/poll"], tmp_path))
    assert pairs[0][1] == "(console error) ValueError: bad line\n"
    assert "(poll)" in pairs[1][1]


def test_unknown_bot_api_methods_are_bad_requests():
    console = Console(io.StringIO())
    request = console.request()
    assert isinstance(request, StandInRequest) and console.request() is request
    status, body = asyncio.run(
        request.do_request("https://api.telegram.org/botconsole/getChat", "POST", RequestData())
    )
    assert status == 400 and b"Bad Request: method not found" in body
    status, body = asyncio.run(request.do_request("https://api.telegram.org/botconsole/getMe", "POST"))
    assert status == 200 and b'"is_bot": true' in body and b'"username": "streambot"' in body


def test_render_text_handles_html():
    assert render_text("a &amp; b &lt;c&gt; <code>x</code>", "HTML") == "a & b <c> x"
    assert render_text('<a href="https://x.y">https://x.y</a>', "HTML") == "https://x.y"
    assert render_text('<a href="https://x.y">x</a>', "HTML", links=False) == "x"
    assert render_text("<b>raw</b>", None) == "<b>raw</b>"
    assert render_text("<b>bold</b>", "HTML", ansi=True) == "\033[1mbold\033[0m"
    nested = render_text("<b>a<i>b</i>c</b>d", "HTML", ansi=True)
    assert nested == "\033[1ma\033[3mb\033[0m\033[1mc\033[0md"


def test_the_banner_lists_the_menu_of_the_users_app_language(tmp_path):
    """As Telegram shows menus: a Spanish app ("es-419") sees the Spanish one, others the fallback."""
    from bot.app import commands

    def banner_for(language_code):
        out = io.StringIO()
        console = Console(out, media_dir=tmp_path)
        console.user = console.api.user(console.user["id"], language_code=language_code)
        for code in ("", "es"):
            menu = [c.to_dict() for c in commands(group=False, language=code or "en")]
            params = {"commands": menu, "scope": {"type": "all_private_chats"}}
            console.api.answer("setMyCommands", {**params, "language_code": code} if code else params, {})
        console.banner()
        return out.getvalue().splitlines()[1]

    assert banner_for("es-419").startswith("commands: /start /ayuda /recomendar /donde /titulo")
    assert "/misdatos /olvidar" in banner_for("es") and "/count" not in banner_for("es")
    for code in (None, "en-GB", "pt-BR"):
        assert banner_for(code).startswith("commands: /start /help /recommend /where /title")
