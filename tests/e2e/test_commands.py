"""End-to-end: the real bot over real HTTP against a loopback Bot API server, driven as
users would, in private chats, groups and inline mode, with faults injected. The bot serves
the fixture catalogue; test_e2e_full_data.py checks the figures of the real catalogues."""

from __future__ import annotations

import pytest

from bot.handlers.errors import SORRY
from core.catalogue.genres import BY_ID as GENRE_BY_ID

GROUP = -1001000000001
# /count netflix 2019 on the fixture catalogue: 14 movies and 6 shows.
NETFLIX_2019 = "<b>20</b> titles on Netflix released in 2019: 14 movies and 6 shows."
NETFLIX_2019_ES = "<b>20</b> títulos en Netflix con estreno en 2019: 14 películas y 6 series."


def ask(tg, text, *, chat_type="private", method="sendMessage", timeout=10.0, **kwargs):
    mark = tg.mark()
    update = tg.send_text(text, chat_type=chat_type, **kwargs)
    chat_id = update["message"]["chat"]["id"]
    return tg.wait_for(method, lambda c: c.params.get("chat_id") == chat_id, timeout=timeout, after=mark)


def buttons(call) -> dict[str, dict]:
    rows = call.params["reply_markup"]["inline_keyboard"]
    return {b["text"]: b for row in rows for b in row}


def press(tg, call, label, method="editMessageText"):
    mark = tg.mark()
    tg.press_button(call, buttons(call)[label]["callback_data"])
    return tg.wait_for(method, after=mark, timeout=10)


def test_start_up_publishes_commands_for_private_chats_and_groups(tg):
    scopes = {c.params["scope"]["type"] for c in tg.calls("setMyCommands")}
    assert scopes == {"all_private_chats", "all_group_chats"}
    names = {c["command"] for c in tg.calls("setMyCommands")[0].params["commands"]}
    assert {"recommend", "where", "count", "stats", "poll", "top"} <= names


def test_help_lists_every_command_of_the_menu(tg):
    menu = {c["command"] for c in tg.calls("setMyCommands")[0].params["commands"]} - {"start", "help"}
    text = ask(tg, "/help").text
    assert [name for name in sorted(menu) if f"/{name} — " not in text] == []
    assert "/status — " in text and "/subscribe — " in text


def test_start_offers_examples_that_run_when_tapped(tg):
    welcome = ask(tg, "/start")
    assert "/recommend" in welcome.params["text"]
    answer = press(tg, welcome, "Try /count netflix 2019", method="sendMessage")
    assert answer.params["text"] == NETFLIX_2019


def test_recommend_pages_filters_and_shares(tg):
    first = ask(tg, "/recommend toy story")
    text = first.params["text"]
    assert "Toy Story" in text and "1. " in text and "5. " in text and "6. " not in text
    assert "same series" in text
    share = buttons(first)["Share"]
    assert share["switch_inline_query"] == "Toy Story"

    more = press(tg, first, "More like this")
    assert "6. " in more.params["text"] and "1. " not in more.params["text"]

    netflix = press(tg, first, "Only on Netflix")
    assert "on Netflix" in netflix.params["text"]
    # The fixture's Netflix has few titles rated G, as Toy Story is: only those are suggested.
    numbered = [line for line in netflix.params["text"].splitlines() if line[:1].isdigit()]
    shown = len(numbered)
    assert shown >= 1 and all("Netflix" in line for line in numbered), numbered
    # Each suggestion's details line names canonical genres: a family film gets family titles.
    details = [line.strip() for line in netflix.params["text"].splitlines() if " · " in line]
    assert len(details) == shown and all("Family &amp; Kids" in d or "Animation" in d for d in details), (
        details
    )


def test_kids_lists_titles_by_age_not_genre(tg, fixture_snapshot):
    """ "kids" is an age: every title listed is rated for a seven-year-old, whatever its genre."""
    from core.questions.bands import Band, band_of

    text = ask(tg, "/top netflix kids").params["text"]
    assert "suitable for age 7" in text
    titles = [line.split("<b>")[1].split("</b>")[0] for line in text.splitlines()[1:]]
    assert len(titles) >= 3
    cat = fixture_snapshot.catalogue
    for title in titles:
        rows = cat[(cat["display_title"] == title.replace("&amp;", "&")) & (cat["platform"] == "netflix")]
        assert not rows.empty and all(band_of(r) <= Band.SEVEN for r in rows["rating"]), title


@pytest.mark.parametrize(
    ("command", "genre", "heading"),
    [
        ("/top netflix 2019 documentary", "Documentary", "Best scored titles in Documentary on "),
        ("/top disney sci-fi", "Science Fiction", "Best scored titles in Science Fiction on "),
        # A Spanish command name is clearly Spanish: the answer is too.
        ("/mejores hulu terror", "Horror", "Títulos mejor calificados de Terror en "),
    ],
)
def test_top_speaks_canonical_genres_and_their_synonyms(tg, fixture_snapshot, command, genre, heading):
    text = ask(tg, command).params["text"]
    assert heading in text
    titles = [line.split("<b>")[1].split("</b>")[0] for line in text.splitlines()[1:]]
    assert len(titles) >= 3
    cat = fixture_snapshot.catalogue
    for title in titles:
        rows = cat[cat["display_title"] == title.replace("&amp;", "&")]
        assert any(genre in [g.en for g in map(GENRE_BY_ID.get, g.split(", ")) if g] for g in rows["genres"])


def test_cards_show_descriptions_as_the_source_wrote_them(tg):
    mark = tg.mark()
    tg.inline_query("toy story")
    card = tg.wait_for("answerInlineQuery", after=mark, timeout=10).params["results"][0]
    text = card["input_message_content"]["message_text"]
    assert "Woody" in text and "woody" not in text


def test_unsure_title_asks_did_you_mean_and_the_choice_becomes_suggestions(tg):
    question = ask(tg, "/recommend star wars")
    assert "Did you mean" in question.params["text"]
    choice = next(b for b in buttons(question).values() if b["callback_data"].startswith("pick:"))
    mark = tg.mark()
    tg.press_button(question, choice["callback_data"])
    edited = tg.wait_for("editMessageText", after=mark)
    assert "try these" in edited.params["text"]
    assert tg.wait_for("answerCallbackQuery", after=mark)


def test_where_lists_every_edition_and_platform(tg):
    text = ask(tg, "/where the office").params["text"]
    assert "<b>The Office</b> (2003, show): Prime Video" in text
    assert "The Office (U.K.)</b>" in text and "Hulu" in text
    assert "The Office (U.S.)</b>" in text and "Netflix" in text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/count netflix 2019", NETFLIX_2019),
        ("/contar 2019 netflix shows", "series en Netflix con estreno en 2019"),  # /contar is Spanish
        ("/count hbo", "choose one of amazon, disney, hulu, netflix"),
        ("/count netflix 1850", "covers 1920 to 2021"),
        ("/score netflix", "Please add a score"),
        ("/score netflix 3.5 2020", "movies on Netflix released in 2020 have a mean score above 3.5"),
        ("/actor netflix 2020", "in the most titles on Netflix released in 2020: 1 each"),  # a tie, all named
        ("/country movie india 2019", "movies from India released in 2019"),
        ("/country movie argentna 2019", "movies from Argentina released in 2019"),
        ("/country movie narnia 2019", "Unknown country 'narnia'"),
        ("/count movies on netflix in 2019", "movies on Netflix released in 2019"),
        ("/count netflx 2019", "titles on Netflix released in 2019"),
        ("/rating 13+", "<b>8</b> titles are rated 13+"),
        ("/longest hulu 2018 min", "The longest movie on Hulu released in 2018"),
        ("/top disney animation", "Best scored titles in Animation on Disney+"),
        ("/count netflix 2019 horror", "<b>3</b> titles in Horror on Netflix released in 2019"),
        ("/count netflix 2019 terror movies", "movies in Horror on Netflix released in 2019"),
        ("/count netflix 2019 qwzx", "Unknown genre 'qwzx': try comedy"),
        ("/count netflix qqq", "Unknown genre 'qqq'"),
        ("/recommend", "Which title?"),
        ("/recommend qqqqxxxxzzzz", "is not in the Prime Video, Disney+, Hulu, or Netflix catalogues"),
        ("/where harry potter", "“harry potter” is not in the"),
    ],
)
def test_commands_answer_or_explain(tg, command, expected):
    assert expected in ask(tg, command).params["text"]


def test_user_text_is_escaped(tg):
    text = ask(tg, "/recommend <b>zzqqxx</b> & co").params["text"]
    assert "zzqqxx&lt;/b&gt; &amp; co" in text and "<b>zzqqxx" not in text


def test_group_commands_reply_to_the_message_and_ignore_other_bots(tg):
    mark = tg.mark()
    ignored = tg.send_text("/count@otherbot netflix 2019", chat_type="supergroup", user_id=2001)
    mine = tg.send_text("/count@streambot_test_bot netflix 2019", chat_type="supergroup", user_id=2001)
    answer = tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == GROUP, after=mark, timeout=10)
    assert answer.params["reply_parameters"]["message_id"] == mine["message"]["message_id"]
    replied_to = {c.params.get("reply_parameters", {}).get("message_id") for c in tg.calls("sendMessage")}
    assert ignored["message"]["message_id"] not in replied_to


def test_poll_options_are_escaped_for_html(tg):
    poll = ask(tg, "/poll turner & hooch", chat_type="supergroup", method="sendPoll")
    options = [o["text"] if isinstance(o, dict) else o for o in poll.params["options"]]
    assert options[0].startswith("Turner &amp; Hooch (")


def test_poll_in_a_group(tg):
    poll = ask(tg, "/poll toy story", chat_type="supergroup", method="sendPoll")
    assert poll.params["question"] == "What do we watch?"
    options = [o["text"] if isinstance(o, dict) else o for o in poll.params["options"]]
    assert len(options) == 5 and options[0].startswith("Toy Story (1995)")
    assert poll.result["poll"]["question"] == "What do we watch?"


def test_stats_sends_a_chart(tg):
    photo = ask(tg, "/stats netflix", method="sendPhoto", timeout=20)
    assert photo.params["photo"]["is_png"] and photo.params["photo"]["size"] > 10_000
    assert photo.params["caption"].startswith("<b>Netflix</b>: 89 titles (58 movies, 31 shows).")


def test_inline_query_pages_past_fifty_results(tg):
    mark = tg.mark()
    tg.inline_query("the conjuring")  # rated R: its suggestions are not narrowed to a child's
    first = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    results = first.params["results"]
    assert len(results) == 50 and first.params["next_offset"] == "50"
    assert results[0]["title"] == "The Conjuring (2013)"
    assert results[0]["input_message_content"]["message_text"].startswith("<b>The Conjuring</b>")
    assert all(r["description"] for r in results)

    mark = tg.mark()
    tg.inline_query("the conjuring", offset="50")
    second = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    assert second.params.get("next_offset", "") == ""
    assert {r["id"] for r in second.params["results"]}.isdisjoint(r["id"] for r in results)


def test_inline_query_without_a_match_offers_help(tg):
    mark = tg.mark()
    tg.inline_query("qqqqxxxxzzzz")
    answer = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    assert answer.params["results"] == [] and answer.params["button"]["start_parameter"] == "help"


@pytest.mark.parametrize(("status", "retry_after"), [(429, 1), (500, None)])
def test_a_failed_send_is_retried_and_the_reply_arrives_once(tg, status, retry_after):
    tg.fail_next("sendMessage", status=status, retry_after=retry_after or 0, times=1)
    mark = tg.mark()
    update = tg.send_text("/count disney 2019", user_id=3000 + status)
    chat_id = update["message"]["chat"]["id"]
    tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == chat_id, after=mark, timeout=15)
    sent = [c for c in tg.calls()[mark:] if c.method == "sendMessage" and c.params["chat_id"] == chat_id]
    assert [c.faulted for c in sent] == [True, False]
    assert "released in 2019" in ask(tg, "/count hulu 2019").params["text"]  # still serving


def test_a_failing_handler_is_reported_politely_and_the_bot_keeps_serving(tg):
    # Telegram refusing the reply (a 400 is not retried) makes the real handler raise.
    tg.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities")
    mark = tg.mark()
    update = tg.send_text("/count netflix 2019", user_id=5001)
    chat_id = update["message"]["chat"]["id"]
    sorry = tg.wait_for(
        "sendMessage", lambda c: c.params["chat_id"] == chat_id and not c.faulted, after=mark, timeout=10
    )
    assert sorry.params["text"] == SORRY
    assert ask(tg, "/count netflix 2019", user_id=5001).params["text"] == NETFLIX_2019


def test_a_failing_button_is_answered_and_reported(tg):
    suggestions = ask(tg, "/recommend toy story", user_id=5002)
    tg.fail_next("editMessageText", status=400, description="Bad Request: message to edit not found")
    mark = tg.mark()
    tg.press_button(suggestions, buttons(suggestions)["More like this"]["callback_data"])
    tg.wait_for("answerCallbackQuery", after=mark, timeout=10)  # the spinner stops either way
    sorry = tg.wait_for("sendMessage", after=mark, timeout=10)
    assert sorry.params["text"] == SORRY and sorry.params["chat_id"] == suggestions.params["chat_id"]


def test_a_slow_server_delays_but_does_not_lose_the_reply(tg):
    tg.delay_next("sendMessage", 2.0)
    slow = ask(tg, "/count amazon 2019", user_id=4001, timeout=15)
    assert "Prime Video" in slow.params["text"]
    assert "Netflix" in ask(tg, "/count netflix 2020", user_id=4002).params["text"]


# ---- a Spanish-speaking user reads Spanish from /start to the last reply ------------------------
def spanish_speaker(tg, user_id: int, language_code: str = "es-419") -> int:
    """A user whose Telegram app is in Spanish."""
    tg.user(user_id, language_code=language_code)
    return user_id


def test_spanish_menus_are_published_beside_the_english_ones(tg):
    menus = {
        (c.params["scope"]["type"], c.params.get("language_code")): c.params
        for c in tg.calls("setMyCommands")
    }
    assert set(menus) == {
        (scope, code) for scope in ("all_private_chats", "all_group_chats") for code in (None, "es")
    }
    for scope in ("all_private_chats", "all_group_chats"):
        english, spanish = menus[scope, None]["commands"], menus[scope, "es"]["commands"]
        assert len(spanish) == len(english)
    described = {c["command"]: c["description"] for c in menus["all_private_chats", "es"]["commands"]}
    # A Spanish app shows the Spanish names, with Spanish descriptions naming them too.
    assert described["contar"] == "cuántos títulos hay: /contar netflix 2019 terror"
    assert described["recomendar"].startswith("títulos parecidos a uno que te encanta")
    assert {"titulo", "donde", "parati", "megusta", "misdatos", "olvidar", "start"} <= set(described)
    assert "count" not in described and "help" not in described
    english = {c["command"] for c in menus["all_private_chats", None]["commands"]}
    assert {
        "count",
        "recommend",
        "title",
        "foryou",
        "mydata",
        "forget",
    } <= english and "contar" not in english


@pytest.mark.parametrize(
    ("user", "language_code", "spanish"),
    [
        (6101, "es", True), (6102, "es-ES", True), (6103, "es-419", True), (6104, "es-MX", True),
        (6105, "en-GB", False), (6106, "pt-BR", False),
    ],
)  # fmt: skip
def test_each_menu_name_works_from_either_app_and_help_lists_the_apps_names(tg, user, language_code, spanish):
    """The names a menu shows run their command whatever the app's language; /help lists the
    names of the asker's language (a regional code is its language, any other English)."""
    tg.user(user, language_code=language_code)
    help_text = ask(tg, "/start", user_id=user) and ask(tg, "/help", user_id=user).params["text"]
    if spanish:
        assert help_text.startswith("<b>Comandos</b>") and "/contar — cuántos títulos hay" in help_text
        assert "/count — " not in help_text
    else:
        assert help_text.startswith("<b>Commands</b>") and "/count — how many titles" in help_text
        assert "/contar — " not in help_text
    for command in ("/contar netflix 2019", "/count netflix 2019"):
        assert ask(tg, command, user_id=user).params["text"] in (NETFLIX_2019, NETFLIX_2019_ES)


def test_spanish_start_help_and_an_example_button(tg):
    user = spanish_speaker(tg, 6001)
    welcome = ask(tg, "/start", user_id=user)
    assert "te ayuda a decidir qué ver en Prime Video, Disney+, Hulu y Netflix" in welcome.params["text"]
    assert "/recomendar <i>título</i>" in welcome.params["text"]
    assert set(buttons(welcome)) == {
        "Probar /recomendar toy story", "Probar /donde the office", "Probar /contar netflix 2019",
        "Probar /mejores disney animación", "Probar /estadisticas netflix",
    }  # fmt: skip
    answer = press(tg, welcome, "Probar /contar netflix 2019", method="sendMessage")
    assert answer.params["text"] == NETFLIX_2019_ES
    top = press(tg, welcome, "Probar /mejores disney animación", method="sendMessage")
    assert ask(tg, "/mejores disney animación", user_id=user).params["text"] == top.params["text"]
    help_text = ask(tg, "/help", user_id=user).params["text"]
    assert help_text.startswith("<b>Comandos</b>") and "/contar — cuántos títulos hay" in help_text
    assert "Los argumentos pueden ir en cualquier orden" in help_text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/count netflix 2019", NETFLIX_2019_ES),
        ("/count netflix 2019 horror", "títulos de Terror en Netflix con estreno en 2019"),
        (
            "/count hbo",
            "⚠️ No conozco la plataforma 'hbo': elige una de estas: amazon, disney, hulu, netflix. ",
        ),
        (
            "/count netflix 1850",
            "No hay títulos de 1850: el catálogo abarca de 1920 a 2021. Ejemplo: /contar",
        ),
        ("/score netflix", "⚠️ Falta un puntaje del 0 al 5. Ejemplo: /puntaje netflix 3,5 2020"),
        (
            "/score netflix 3.5 2020",
            "películas en Netflix con estreno en 2020 tienen un puntaje promedio mayor a 3,5",
        ),
        ("/rating 13+", "<b>8</b> títulos tienen la clasificación 13+"),
        ("/stats qqq", "No conozco la plataforma 'qqq'"),
        ("/recommend", "¿Qué título? P. ej. <code>/recomendar toy story</code>"),
        ("/recommend qqqqxxxxzzzz", "“qqqqxxxxzzzz” no está en los catálogos"),
        ("/where the office", "Dónde verlo:\n• <b>The Office</b> (2003, serie): Prime Video"),
    ],
)
def test_spanish_answers_and_explanations(tg, command, expected):
    assert expected in ask(tg, command, user_id=spanish_speaker(tg, 6002)).params["text"]


def test_spanish_suggestions_reasons_and_buttons(tg):
    first = ask(tg, "/recommend toy story", user_id=spanish_speaker(tg, 6003))
    text = first.params["text"]
    # Toy Story streams on Disney+ and Hulu: the heading names both.
    assert text.startswith(
        "Si te gusta <b>Toy Story</b> (1995, película) en Disney+, Hulu, te recomiendo estos:"
    )
    assert "misma saga" in text and "same series" not in text
    assert "película · Acción, Aventura, Animación" in text
    assert set(buttons(first)) == {
        "1", "2", "3", "4", "5", "✓ ➕",
        "Más parecidos", "Compartir", "Solo en Prime Video", "Solo en Disney+", "Solo en Hulu", "Solo en Netflix"
    }  # fmt: skip
    assert "Toca un número para valorar" in text
    more = press(tg, first, "Más parecidos")
    assert "6. " in more.params["text"] and "te recomiendo estos:" in more.params["text"]
    netflix = press(tg, first, "Solo en Netflix")
    assert "te recomiendo estos en Netflix:" in netflix.params["text"]
    assert "Todas las plataformas" in buttons(netflix)


def test_spanish_did_you_mean_and_the_choice(tg):
    question = ask(tg, "/recommend star wars", user_id=spanish_speaker(tg, 6004))
    assert "¿Quisiste decir…?" in question.params["text"]
    choice = next(b for b in buttons(question).values() if b["callback_data"].startswith("pick:"))
    assert choice["callback_data"].endswith(":es")
    mark = tg.mark()
    tg.press_button(question, choice["callback_data"])
    assert "te recomiendo estos" in tg.wait_for("editMessageText", after=mark, timeout=10).params["text"]


def test_a_spanish_command_from_an_english_app_is_answered_in_spanish_buttons_too(tg):
    """/ayuda is clearly Spanish; its example buttons keep Spanish whoever taps them."""
    help_message = ask(tg, "/ayuda", user_id=6005)  # language_code "en"
    assert help_message.params["text"].startswith("<b>Comandos</b>")
    answer = press(tg, help_message, "Probar /contar netflix 2019", method="sendMessage")
    assert answer.params["text"] == NETFLIX_2019_ES
    assert ask(tg, "/count netflix 2019", user_id=6005).params["text"] == NETFLIX_2019


def test_spanish_inline_cards_poll_and_stats(tg):
    user = spanish_speaker(tg, 6006)
    mark = tg.mark()
    tg.inline_query("toy story", user_id=user)
    answer = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    assert answer.params["is_personal"] is True
    card = answer.params["results"][0]
    assert card["description"].startswith(
        "película · Acción, Aventura, Animación · Todas las edades · G · Disney+"
    )
    assert "(1995, película) en Disney+" in card["input_message_content"]["message_text"]
    assert any("misma saga" in r["description"] for r in answer.params["results"][1:])

    poll = ask(tg, "/poll toy story", chat_type="supergroup", method="sendPoll", user_id=user)
    assert poll.params["question"] == "¿Qué vemos?"
    photo = ask(tg, "/stats netflix", method="sendPhoto", timeout=20, user_id=user)
    assert photo.params["caption"].startswith("<b>Netflix</b>: 89 títulos (58 películas, 31 series).")


def test_an_english_user_still_reads_english(tg):
    text = ask(tg, "/count netflix 2019", user_id=6007).params["text"]
    assert text == NETFLIX_2019


def test_recommend_with_filters_and_no_title_lists_picks(tg):
    text = ask(tg, "/recommend horror").params["text"]
    assert "worth watching" in text and "1." in text and "Which title" not in text
    assert "Which title" in ask(tg, "/recommend").params["text"]
