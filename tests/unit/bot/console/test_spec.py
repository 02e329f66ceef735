"""The Bot API checker itself: it must catch what Telegram would refuse, and pass the rest."""

from __future__ import annotations

import pytest

from bot.console.spec import html_problems, refusals, violations

pytestmark = pytest.mark.usefixtures("bot_api_spec")


def message(text: str, **extra) -> dict:
    return {"chat_id": 1, "text": text, "parse_mode": "HTML", **extra}


def keyboard(*data: str) -> dict:
    return {"inline_keyboard": [[{"text": f"b{i}", "callback_data": d} for i, d in enumerate(data)]]}


def test_a_valid_message_passes():
    assert (
        violations(
            "sendMessage", message("<b>Toy Story</b> &amp; friends", reply_markup=keyboard("pick:ds1"))
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<code>/where toy story</co", "a bare '<'"),
        ("<b>bold <i>both</b></i>", "closes"),
        ("<b>never closed", "unclosed"),
        ("Turner & Hooch", "bare or unsupported '&'"),
        ("&nbsp;", "bare or unsupported '&'"),
        ("<div>x</div>", "unsupported tag <div>"),
        ("a > b", "bare '>'"),
    ],
)
def test_html_telegram_would_refuse_is_caught(text, problem):
    assert any(problem in p for p in html_problems(text)), html_problems(text)


def test_lengths_count_visible_text_after_entities():
    assert violations("sendMessage", message("<b>" + "x" * 4096 + "</b>")) == []
    assert any("4097 characters" in p for p in violations("sendMessage", message("&amp;" * 4097)))
    assert any("0 characters" in p for p in violations("sendMessage", message("<b></b>")))


def test_callback_data_over_64_bytes_and_unknown_fields_are_caught():
    problems = violations("sendMessage", message("hi", reply_markup=keyboard("x" * 65)))
    assert any("65 bytes, allowed 1-64" in p for p in problems)
    assert any("unknown parameter 'colour'" in p for p in violations("sendMessage", message("hi", colour=1)))
    assert any("missing required 'chat_id'" in p for p in violations("sendMessage", {"text": "hi"}))


def test_inline_answers_and_polls_keep_their_limits():
    result = {"type": "article", "id": "r1", "title": "T", "input_message_content": {"message_text": "x"}}
    assert violations("answerInlineQuery", {"inline_query_id": "1", "results": [result] * 50}) == []
    too_many = violations("answerInlineQuery", {"inline_query_id": "1", "results": [result] * 51})
    assert any("at most 50" in p for p in too_many)
    options = [
        {"text": "a" * 101, "text_parse_mode": "HTML"},
        {"text": "Turner & Hooch", "text_parse_mode": "HTML"},
    ]
    problems = violations("sendPoll", {"chat_id": 1, "question": "What?", "options": options})
    assert any("101 characters, allowed 1-100" in p for p in problems)
    assert any("bare or unsupported '&'" in p for p in problems)
    assert any("no such Bot API method" in p for p in violations("sendTelepathy", {}))


def test_refusals_are_the_violations_telegram_answers_with_an_error():
    unknown_and_too_long = message("hi", colour=1, reply_markup=keyboard("x" * 65))
    assert len(violations("sendMessage", unknown_and_too_long)) == 2
    assert refusals("sendMessage", unknown_and_too_long) == [
        "sendMessage.reply_markup<InlineKeyboardMarkup>.inline_keyboard[0][0]<InlineKeyboardButton>"
        ".callback_data: 65 bytes, allowed 1-64"
    ]
