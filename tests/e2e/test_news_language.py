"""What the bot writes outside an update speaks the reader's language: the news of new titles
in the language each chat subscribed in, refresh alerts in each admin's, and the /stats chart in
the asker's. Through the real bot over HTTP, on the small fixture catalogue."""

from __future__ import annotations

import shutil

import pytest

from bot.handlers import stats
from bot.text import i18n
from core.catalogue import charts, genres
from core.snapshot.store import Store
from tests.conftest import FIXTURE_SOURCE
from tests.support.running_bot import RunningBot
from tests.support.snapshot_helpers import served_snapshot
from tests.support.telegram_server import FakeTelegram

ADMIN_EN, ADMIN_ES = 42, 43
READER_EN, READER_ES = 5001, 5002
GROUP = -1005000000001
NETFLIX = "titles/netflix_titles.csv"
NEW_ROW = 's99,Movie,The Refresh Test,Ann,Bo,Spain,"October 1, 2021",2021,PG,101 min,Dramas,A new film.\n'
NEWS = {"en": "🆕 <b>New titles</b>", "es": "🆕 <b>Títulos nuevos</b>"}


@pytest.fixture
def folders(tmp_path):
    source, data = tmp_path / "source", tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCE, source)
    return source, data


@pytest.fixture
def tg(folders):
    source, data = folders
    store = Store(served_snapshot(data, source))
    admins = frozenset({ADMIN_EN, ADMIN_ES})
    with (
        FakeTelegram() as server,
        RunningBot(server, store.current, data_dir=data, data_source=str(source), admin_ids=admins),
    ):
        server.user(ADMIN_ES, language_code="es-419")  # their Telegram apps are in Spanish
        server.user(READER_ES, language_code="es")
        yield server


def say(tg, text, user_id, chat_id=None, method="sendMessage"):
    chat_id = chat_id or user_id
    mark = tg.mark()
    tg.send_text(text, user_id=user_id, chat_id=chat_id, chat_type="private" if chat_id > 0 else "supergroup")
    return tg.wait_for(method, lambda c: c.params["chat_id"] == chat_id, after=mark, timeout=20)


def reload(tg, admin):
    mark = tg.mark()
    say(tg, "/reload", admin)
    return tg.wait_for("editMessageText", lambda c: c.params["chat_id"] == admin, after=mark, timeout=60)


def told(tg, chat_id, after):
    return tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == chat_id, after=after, timeout=10).text


def messages_to(tg, chat_id, after):
    return [
        c.text for c in tg.calls()[after:] if c.method == "sendMessage" and c.params["chat_id"] == chat_id
    ]


def test_each_chat_reads_the_news_in_the_language_it_subscribed_in(tg, folders):
    source, _data = folders
    assert "Subscribed" in say(tg, "/subscribe netflix", READER_EN).text
    assert "te suscribiste" in say(tg, "/subscribe netflix", READER_ES).text
    # An English app, but a Spanish command: the group subscribed in Spanish.
    assert "te suscribiste" in say(tg, "/suscribir netflix", READER_EN, chat_id=GROUP).text

    with open(source / NETFLIX, "a", encoding="utf-8") as handle:
        handle.write(NEW_ROW)
    mark = tg.mark()
    assert "Now serving catalogue" in reload(tg, ADMIN_EN).text  # the reply speaks its update's language

    english, spanish, group = (told(tg, chat, mark) for chat in (READER_EN, READER_ES, GROUP))
    assert english.startswith(NEWS["en"]) and "Ask me <code>/where</code>" in english
    assert spanish.startswith(NEWS["es"]) and "Pregúntame" in spanish
    assert group.startswith(NEWS["es"])
    assert all("<b>Netflix</b>: The Refresh Test (2021)" in text for text in (english, spanish, group))


def test_each_admin_is_alerted_in_their_own_language(tg, folders):
    source, _data = folders
    assert "Catálogo" in say(tg, "/estado", ADMIN_ES).text  # the Spanish-speaking admin is known
    say(tg, "/start", ADMIN_EN)  # an admin's private chat exists once they wrote to the bot
    (source / NETFLIX).unlink()

    mark = tg.mark()
    assert "failed" in reload(tg, ADMIN_EN).text  # an English admin reloads ...
    warnings = {
        admin: [t for t in messages_to(tg, admin, mark) if t.startswith("⚠️")]
        for admin in (ADMIN_EN, ADMIN_ES)
    }
    (spanish,), (english,) = warnings[ADMIN_ES], warnings[ADMIN_EN]  # ... each admin hears once,
    assert spanish.startswith("⚠️ La actualización del catálogo falló")  # in their own language
    assert english.startswith("⚠️ The catalogue refresh failed")


def test_the_stats_chart_follows_the_askers_language(tg):
    english = say(tg, "/stats netflix", READER_EN, method="sendPhoto")
    spanish = say(tg, "/stats netflix", READER_ES, method="sendPhoto")
    assert spanish.params["caption"].startswith("<b>Netflix</b>: ")
    assert "títulos" in spanish.params["caption"] and "titles" in english.params["caption"]
    assert spanish.files["photo"] != english.files["photo"]  # one catalogue, drawn twice


# The Netflix chart's heading and top bar in Spanish; the full data's numbers need separators.
SPANISH_CHART = {
    "fixture_catalogue": ("Netflix — 89 títulos\n(58 películas, 31 series)", "26"),
    "full_catalogue": ("Netflix — 8.807 títulos\n(6.131 películas, 2.676 series)", "3.190"),
}


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("fixture_catalogue", id="fixture"),
        pytest.param("full_catalogue", id="full", marks=pytest.mark.full_data),
    ],
)
def test_the_chart_is_worded_in_the_language_being_spoken(request, source):
    summary = charts.platform_stats_summary(request.getfixturevalue(source), "netflix")
    heading, top_bar = SPANISH_CHART[source]
    with i18n.using("es"):
        labels = stats.chart_labels(summary)
    assert labels.language == "es"
    assert labels.heading == heading
    assert (labels.movies, labels.shows, labels.per_year) == (
        "Películas",
        "Series",
        "Títulos por año de estreno",
    )
    assert labels.top_genres == "10 géneros principales"
    assert labels.earlier.endswith("títulos anteriores a 1980 no se muestran")
    drawn = charts.texts(charts.figure(summary, labels))
    top = [genres.name(genre, "es") for genre, _n in summary["top_genres"]]
    assert {labels.heading, labels.per_year, labels.top_genres, top_bar, *top} <= set(drawn)
    assert "Comedia" in top and "Comedy" not in drawn


def test_in_english_the_bot_words_the_chart_as_core_does(fixture_catalogue):
    for platform in ("all", "disney"):
        summary = charts.platform_stats_summary(fixture_catalogue, platform)
        ours, cores = stats.chart_labels(summary), charts.english_labels(summary)
        assert ours.number(1030) == cores.number(1030) == "1,030"
        assert {**vars(ours), "number": None} == {**vars(cores), "number": None}
