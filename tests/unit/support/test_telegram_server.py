"""The fake Bot API server, proven against the real python-telegram-bot 22.8 client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import struct
import zlib

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
)

from tests.support.telegram_server import FakeTelegram

TOKEN = "123:abc"
GROUP = -1001234567890


@pytest.fixture
def tg():
    with FakeTelegram(max_poll_wait=0.2) as server:  # polling stops within 0.2 s
        yield server


def run_bot(tg: FakeTelegram, coro_fn):
    """Run ``coro_fn(bot)`` with an initialised real Bot pointed at the fake server."""

    async def main():
        async with Bot(TOKEN, base_url=tg.base_url) as bot:
            return await coro_fn(bot)

    return asyncio.run(main())


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def seconds(value) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else value


async def poll_while(app, drive) -> None:
    """Run ``app`` polling while ``drive()`` (blocking: it waits for calls) plays the users."""
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            await asyncio.to_thread(drive)
        finally:
            await app.updater.stop()
            await app.stop()


def test_get_me_returns_bot_user_and_records_token(tg):
    me = run_bot(tg, lambda bot: bot.get_me())
    assert me.is_bot and me.username == "streambot_test_bot" and me.supports_inline_queries
    assert tg.token == TOKEN
    assert tg.calls("getMe")[0].token == TOKEN


def test_send_and_edit_message_in_a_known_group(tg):
    tg.send_text("hello", chat_id=GROUP, chat_type="supergroup")  # registers the chat (message 1)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more:42")]])

    async def scenario(bot):
        first = await bot.send_message(
            GROUP, "<b>Top</b> &amp; co", parse_mode=ParseMode.HTML, reply_markup=keyboard
        )
        second = await bot.send_message(GROUP, "plain")
        edited = await bot.edit_message_text("changed", chat_id=GROUP, message_id=first.message_id)
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("changed", chat_id=GROUP, message_id=first.message_id)
        return first, second, edited

    first, second, edited = run_bot(tg, scenario)
    assert first.chat.id == GROUP and first.chat.type == "supergroup"
    assert first.from_user.is_bot and first.text == "Top & co"
    assert first.reply_markup.inline_keyboard[0][0].callback_data == "more:42"
    assert (first.message_id, second.message_id) == (2, 3)
    assert edited.text == "changed" and edited.reply_markup is None
    call = tg.wait_for("sendMessage")
    assert call.params["chat_id"] == GROUP and call.text == "<b>Top</b> &amp; co"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more:42"
    assert [c.status for c in tg.calls("editMessageText")] == [200, 400]


def test_send_poll_parses_in_22_8(tg):
    async def scenario(bot):
        regular = await bot.send_poll(
            42, "Best platform?", ["Netflix", "Hulu"], is_anonymous=False, allows_multiple_answers=True
        )
        quiz = await bot.send_poll(42, "Year?", ["1999", "2001"], type="quiz", correct_option_ids=[1])
        return regular, quiz

    regular, quiz = run_bot(tg, scenario)
    assert [o.text for o in regular.poll.options] == ["Netflix", "Hulu"]
    assert regular.poll.options[0].persistent_id and regular.poll.allows_revoting
    assert not regular.poll.is_anonymous and regular.poll.allows_multiple_answers
    assert regular.chat.type == "private"
    assert quiz.poll.type == "quiz" and quiz.poll.correct_option_ids == (1,)
    call = tg.calls("sendPoll")[0]
    assert call.params["is_anonymous"] is False
    assert [o["text"] for o in call.params["options"]] == ["Netflix", "Hulu"]
    # A vote on it parses as well (PollAnswer needs option_persistent_ids in 22.8).
    update = Update.de_json(tg.answer_poll(tg.calls("sendPoll")[0], [1], user_id=7), None)
    assert update.poll_answer.option_ids == (1,) and update.poll_answer.user.id == 7


def test_send_photo_multipart_is_recorded(tg):
    data = png_bytes(5, 4)
    msg = run_bot(tg, lambda bot: bot.send_photo(42, data, caption="<i>chart</i>", parse_mode=ParseMode.HTML))
    assert msg.photo[-1].width == 5 and msg.photo[-1].height == 4 and msg.caption == "chart"
    call = tg.wait_for("sendPhoto")
    assert call.params["photo"]["is_png"] and call.params["photo"]["size"] == len(data)
    assert call.files["photo"] == data and call.params["chat_id"] == 42
    assert call.params["caption"] == "<i>chart</i>"


def test_unknown_method_is_bad_request_and_commands_round_trip(tg):
    async def scenario(bot):
        with pytest.raises(BadRequest, match="Method not found"):
            await bot.do_api_request("fooBar")
        await bot.set_my_commands([("ping", "Ping"), ("help", "Help")])
        listed = await bot.get_my_commands()
        await bot.delete_my_commands()
        return listed, await bot.get_my_commands()

    listed, after_delete = run_bot(tg, scenario)
    assert [c.command for c in listed] == ["ping", "help"] and after_delete == ()
    assert tg.calls("setMyCommands")[0].params["commands"][0] == {"command": "ping", "description": "Ping"}


def test_faults_map_to_ptb_exceptions(tg):
    tg.fail_next("sendMessage", status=429, retry_after=1)
    tg.fail_next("sendMessage", status=500)

    async def scenario(bot):
        with pytest.raises(RetryAfter) as too_many:
            await bot.send_message(42, "a")
        with pytest.raises(NetworkError) as server_error:
            await bot.send_message(42, "b")
        tg.delay_next("sendMessage", 0.6)  # delays apply to the very next call, faulted or not
        with pytest.raises(TimedOut):
            await bot.send_message(42, "slow", read_timeout=0.2)
        return too_many.value, server_error.value, await bot.send_message(42, "ok")

    too_many, server_error, ok = run_bot(tg, scenario)
    assert seconds(too_many.retry_after) == 1
    assert type(server_error) is NetworkError and "Internal Server Error" in str(server_error)
    assert ok.text == "ok"
    # Calls are recorded when answered: the slow one lands after "ok", once its delay is over.
    assert tg.wait_for("sendMessage", lambda c: c.text == "slow").status == 200
    assert [(c.text, c.faulted) for c in tg.calls("sendMessage")] == [
        ("a", True),
        ("b", True),
        ("ok", False),
        ("slow", False),
    ]
    assert tg.wait_for("sendMessage").text == "ok"  # wait_for skips faulted calls


def test_update_builders_parse():
    with FakeTelegram() as tg:
        cmd = Update.de_json(
            tg.send_text(
                "/recommend@streambot_test_bot Heat", chat_id=GROUP, chat_type="supergroup", user_id=5
            ),
            None,
        )
        assert cmd.message.entities[0].length == len("/recommend@streambot_test_bot")
        assert cmd.effective_chat.type == "supergroup" and cmd.effective_user.id == 5
        inline = Update.de_json(tg.inline_query("heat", offset="50"), None)
        assert inline.inline_query.query == "heat" and inline.inline_query.offset == "50"
        assert [u["update_id"] for u in (cmd.to_dict(), inline.to_dict())] == [1, 2]


def test_application_end_to_end(tg):
    async def ping(update, context):
        await update.message.reply_text("pong")

    async def done(update, context):
        await update.message.reply_text("done")

    async def show(update, context):
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="next")]])
        await update.message.reply_text("page 1", reply_markup=keyboard)

    async def button(update, context):
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(f"page for {update.callback_query.data}")

    async def inline(update, context):
        q = update.inline_query.query
        await update.inline_query.answer(
            [InlineQueryResultArticle("1", q.title(), InputTextMessageContent(q))], cache_time=0
        )

    async def main():
        app = (
            ApplicationBuilder()
            .token(TOKEN)
            .base_url(tg.base_url)
            .rate_limiter(AIORateLimiter(max_retries=1))
            .build()
        )
        app.add_handlers(
            [
                CommandHandler("ping", ping),
                CommandHandler("done", done),
                CommandHandler("show", show),
                CallbackQueryHandler(button),
                InlineQueryHandler(inline),
            ]
        )
        await poll_while(app, drive)

    def drive():
        start = tg.mark()
        tg.send_text("/ping")
        tg.send_text("/ping@streambot_test_bot", chat_id=GROUP, chat_type="supergroup")
        tg.send_text("/ping@otherbot", chat_id=GROUP, chat_type="supergroup")
        tg.send_text("/done")  # updates are handled in order: once "done" is sent, all were
        tg.wait_for("sendMessage", lambda c: c.text == "done", after=start)
        pongs = [c for c in tg.calls("sendMessage") if c.text == "pong" and not c.faulted]
        assert sorted(c.params["chat_id"] for c in pongs) == [GROUP, 1001]

        tg.send_text("/show")
        page = tg.wait_for("sendMessage", lambda c: c.text == "page 1")
        tg.press_button(page, "next")
        tg.wait_for("answerCallbackQuery")
        edit = tg.wait_for("editMessageText")
        assert edit.text == "page for next" and edit.result["message_id"] == page.result["message_id"]

        tg.inline_query("heat")
        answer = tg.wait_for("answerInlineQuery")
        assert answer.params["results"][0]["title"] == "Heat"

        # A 429 is retried once by AIORateLimiter(max_retries=1): the reply lands exactly once.
        tg.fail_next("sendMessage", status=429, retry_after=1)
        mark = tg.mark()
        tg.send_text("/ping")
        tg.wait_for("sendMessage", lambda c: c.text == "pong", after=mark, timeout=5)
        tries = [c for c in tg.calls()[mark:] if c.method == "sendMessage" and c.text == "pong"]
        assert [c.faulted for c in tries] == [True, False]

    asyncio.run(main())
    methods = [c.method for c in tg.calls()]
    assert methods[:2] == ["getMe", "deleteWebhook"] and "getUpdates" in methods


def test_raw_http_json_body_decoding_and_bad_paths(tg):
    import httpx

    url = f"{tg.base_url}TOKEN2/sendMessage"
    body = {"chat_id": 42, "text": "123", "reply_markup": {"inline_keyboard": []}}
    assert httpx.post(url, json=body).json()["result"]["text"] == "123"
    form = {"chat_id": "42", "text": "[1]", "disable_notification": "true"}
    assert httpx.post(url, data=form).json()["ok"]
    json_call, form_call = tg.calls("sendMessage")
    assert json_call.params == body and json_call.token == "TOKEN2"
    assert form_call.params == {"chat_id": 42, "text": "[1]", "disable_notification": True}
    assert httpx.post(f"http://127.0.0.1:{tg.port}/nope").status_code == 404
    with pytest.raises(AssertionError, match="no sendPoll call"):
        tg.wait_for("sendPoll", timeout=0.1)


@pytest.mark.usefixtures("bot_api_spec")
def test_requests_telegram_would_refuse_are_refused(tg):
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])

    async def scenario(bot):
        with pytest.raises(BadRequest, match="65 bytes, allowed 1-64"):
            await bot.send_message(42, "hi", reply_markup=too_long)
        with pytest.raises(BadRequest, match="unclosed tags"):
            await bot.send_message(42, "<b>bold", parse_mode=ParseMode.HTML)
        return await bot.send_message(42, "ok", api_kwargs={"colour": 1})

    ignored_unknown = run_bot(tg, scenario)  # Telegram ignores parameters it does not know
    assert ignored_unknown.text == "ok"
    assert [c.status for c in tg.calls("sendMessage")] == [400, 400, 200]


def test_in_process_request_runs_the_application_without_http(tg):
    """``tg.request()``: the same server, log and faults, no sockets (handler tests run faster)."""

    async def ping(update, context):
        await update.message.reply_text("pong")

    async def main():
        request = tg.request()
        app = ApplicationBuilder().token(TOKEN).request(request).get_updates_request(request).build()
        app.add_handler(CommandHandler("ping", ping))
        await poll_while(app, drive)

    def drive():
        tg.fail_next("sendMessage", status=500)
        tg.send_text("/ping")
        tg.wait_for("sendMessage", include_faulted=True)
        tg.send_text("/ping")
        assert tg.wait_for("sendMessage").result["text"] == "pong"

    asyncio.run(main())
    assert tg.token == TOKEN and tg.calls("getMe")[0].status == 200
    assert [c.faulted for c in tg.calls("sendMessage")] == [True, False]
