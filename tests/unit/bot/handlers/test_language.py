"""The real bot (loopback Bot API, fixture catalogue) answers each update in the asker's language:
the message's own, then the chat's last reply language, then the app's; /mydata says which."""

from __future__ import annotations

import pytest

from tests.support.running_bot import RunningBot
from tests.support.telegram_server import FakeTelegram


@pytest.fixture(scope="module")
def tg(fixture_snapshot, tmp_path_factory):
    with (
        FakeTelegram() as server,
        RunningBot(server, fixture_snapshot, data_dir=tmp_path_factory.mktemp("d")),
    ):
        yield server


def ask(tg, text, user_id, **kwargs):
    mark = tg.mark()
    tg.send_text(text, user_id=user_id, **kwargs)
    return tg.wait_for(
        "sendMessage", lambda c: c.params.get("chat_id") == user_id, timeout=10, after=mark
    ).text


def test_spanish_commands_answer_in_spanish_from_an_english_app(tg):
    tg.user(9101, language_code="en")
    assert "Dónde verlo" in ask(tg, "/donde the office", 9101)
    assert "El idioma en que te escribo: español" in ask(tg, "/misdatos", 9101)


def test_an_english_user_naming_a_spanish_title_gets_english(tg):
    tg.user(9102, language_code="es")
    assert "Where to watch" in ask(tg, "where can I watch la casa de papel", 9102)
    assert "The language I write to you in: English" in ask(tg, "/mydata", 9102)


def test_ok_after_spanish_stays_spanish_and_the_app_decides_only_when_nothing_else_does(tg):
    tg.user(9103, language_code="en")
    ask(tg, "dónde veo stranger things", 9103)
    assert "(2019, serie) en Netflix" in ask(tg, "stranger things", 9103)  # a bare title keeps it
    tg.user(9104, language_code="es-419")
    assert "Dónde verlo" in ask(tg, "/where the office", 9104)  # an English name from a Spanish menu
