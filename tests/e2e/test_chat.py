"""End-to-end through the loopback Bot API: plain messages are questions, answered in the
user's language; nothing in a private chat goes unanswered; group chatter is left alone;
no command presents another title as the one asked for; forged buttons are answered."""

from __future__ import annotations

import pytest

from bot.console.spec import html_problems
from bot.handlers.errors import SORRY
from core import queries
from tests.e2e.test_commands import GROUP, ask, buttons, press, spanish_speaker
from tests.support.telegram_server import BOT_USERNAME


def replies_to(tg, message_id: int, chat_id: int = GROUP) -> list:
    return [
        c
        for c in tg.calls("sendMessage")
        if c.params["chat_id"] == chat_id
        and c.params.get("reply_parameters", {}).get("message_id") == message_id
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("toy story", "<b>Toy Story</b> (1995, movie) on Disney+"),
        ("where can I watch the office?", "Where to watch:\n• <b>The Office</b>"),
        ("is stranger things on netflix?", "<b>Stranger Things</b>"),
        ("shows like stranger things on hulu", "try these on Hulu:"),
        ("I loved the conjuring, what else should I watch?", "If you like <b>The Conjuring</b>"),
        ("recommend me a horror movie", "Movies worth watching in Horror"),
        ("how many movies did netflix release in 2019?", "movies on Netflix released in 2019"),
        ("longest movie on hulu in 2018", "The longest movie on Hulu released in 2018"),
        ("how many titles are rated tv-14?", "titles are rated TV-14"),
        ("comedies under 90 minutes on netflix", "on Netflix under 90 min"),  # said back as asked
        ("netflix comedies 100 minutes and under", "on Netflix up to 100 min"),
        ("any movies about sharks on netflix?", "on Netflix about sharks"),  # a topic, no title search
        ("hi!", "Tell me a title"),
        ("thanks", "You're welcome"),
        ("what can you do?", "<b>Commands</b>"),
    ],
)
def test_plain_questions_in_english_are_answered(tg, text, expected):
    assert expected in ask(tg, text, user_id=8001).params["text"]


def test_a_count_in_a_sentence_is_the_catalogue_figure(tg, fixture_snapshot):
    total = queries.count_titles(fixture_snapshot.catalogue, "netflix", 2019, "movie")
    text = ask(tg, "how many movies did netflx release in 2019?", user_id=8002).params["text"]
    assert text.startswith(f"<b>{total:,}</b> movies on Netflix released in 2019")


def test_a_title_typed_alone_gets_its_card(tg):
    card = ask(tg, "moana", user_id=8003)
    text = card.params["text"]
    assert "<b>Moana</b> (2016, movie) on Disney+" in text
    assert "If you like it, try:" in text and text.count("• <b>") == 3
    assert "<i>" in text  # its genres
    more = press(tg, card, "More like this")
    assert "If you like <b>Moana</b>" in more.params["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿dónde puedo ver moana?", "Dónde verlo:\n• <b>Moana</b>"),
        ("mejores series de terror en hulu", "Series que valen la pena de Terror en Hulu"),
        ("cuántas películas estrenó netflix en 2019", "películas en Netflix con estreno en 2019"),
        ("algo parecido a toy story", "<b>Toy Story</b>"),
        ("hola", "Dime un título"),
    ],
)
def test_plain_questions_in_spanish_are_answered_in_spanish(tg, text, expected):
    assert expected in ask(tg, text, user_id=8010).params["text"]


def test_a_spanish_speaker_reads_spanish_from_start_to_the_last_reply(tg):
    user = spanish_speaker(tg, 8011)
    welcome = ask(tg, "/start", user_id=user)
    assert "te ayuda a decidir" in welcome.params["text"]
    for text in ("toy story", "asdf qwer zxcv uiop", "/foo", "harry potter", "ok"):
        reply = ask(tg, text, user_id=user).params["text"]
        assert not any(english in reply for english in ("Where to watch", "is not in", "I don't", "Sorry")), (
            reply
        )
    assert "¿Algo más?" in ask(tg, "jajaja", user_id=user).params["text"]  # small talk: a short reply
    lost = ask(tg, "qwrtzp", user_id=user)
    assert "no te entendí" in lost.params["text"]
    example = next(iter(buttons(lost)))
    answer = press(tg, lost, example, method="sendMessage")
    assert "Dónde verlo" in answer.params["text"]
    # A message clearly in English is answered in English, whatever the app's language.
    assert "Where to watch" in ask(tg, "where can I watch the office?", user_id=user).params["text"]


@pytest.mark.parametrize(
    "text", ["jajaja", "asdf ghjk", "ok", "👍", "¿?", "lorem ipsum dolor sit amet consectetur"]
)
def test_nothing_in_a_private_chat_goes_unanswered(tg, text):
    reply = ask(tg, text, user_id=8020)
    assert reply.params["text"] and reply.params["text"] != SORRY


def test_not_understood_offers_tappable_examples(tg):
    lost = ask(tg, "asdfgh", user_id=8021)
    assert "didn't get that" in lost.params["text"]
    examples = buttons(lost)
    assert len(examples) == 3
    answer = press(tg, lost, "where can I watch the office?", method="sendMessage")
    assert "Where to watch:\n• <b>The Office</b>" in answer.params["text"]


def test_an_unknown_command_gets_examples(tg):
    reply = ask(tg, "/foo bar", user_id=8022)
    assert "I don't know the command /foo" in reply.params["text"]
    assert len(buttons(reply)) == 3


@pytest.mark.parametrize(
    "command", ["/where harry potter", "/where the godfather", "/where the dark knight", "/where ted lasso"]
)
def test_where_never_presents_another_title(tg, command):
    text = ask(tg, command, user_id=8030).params["text"]
    assert "Where to watch" not in text
    assert "is not in the Prime Video, Disney+, Hulu, or Netflix catalogues" in text


def test_an_absent_title_offers_titles_sharing_a_word_only_as_buttons(tg):
    reply = ask(tg, "/where the godfather", user_id=8031)
    assert "“the godfather” is not in" in reply.params["text"]
    assert "Our Godfather" not in reply.params["text"]
    offered = buttons(reply)
    assert any("Godfather" in label for label in offered) and len(offered) <= 3
    chosen = press(tg, reply, next(label for label in offered if "Our Godfather" in label))
    assert "Where to watch:\n• <b>Our Godfather</b>" in chosen.params["text"]


@pytest.mark.parametrize("command", ["/recommend jurassic park", "/poll harry potter", "harry potter"])
def test_other_title_questions_say_plainly_a_title_is_absent(tg, command):
    text = ask(tg, command, user_id=8032).params["text"]
    assert "is not in the Prime Video, Disney+, Hulu, or Netflix catalogues" in text


def test_did_you_mean_for_where_answers_where(tg):
    unsure = ask(tg, "/where the offic", user_id=8033)
    assert "Did you mean" in unsure.params["text"]
    label = next(label for label in buttons(unsure) if label.startswith("The Office ("))
    assert "Where to watch:\n• <b>The Office</b>" in press(tg, unsure, label).params["text"]


def test_group_chatter_is_left_alone_and_mentions_and_replies_are_answered(tg, fixture_bot):
    mark = tg.mark()
    chatter = tg.send_text("lol what should we watch tonight", chat_type="supergroup", user_id=8040)
    foreign = tg.send_text("/foo", chat_type="supergroup", user_id=8040)
    mention = tg.send_text(f"@{BOT_USERNAME} where can I watch moana?", chat_type="supergroup", user_id=8040)
    answer = tg.wait_for(
        "sendMessage",
        lambda c: (
            c.params["chat_id"] == GROUP
            and c.params.get("reply_parameters", {}).get("message_id") == mention["message"]["message_id"]
        ),
        after=mark,
        timeout=10,
    )
    assert "Where to watch:\n• <b>Moana</b>" in answer.params["text"]
    followup = tg.send_text("and toy story?", chat_type="supergroup", user_id=8041, reply_to=answer)
    card = tg.wait_for(
        "sendMessage",
        lambda c: c.params.get("reply_parameters", {}).get("message_id") == followup["message"]["message_id"],
        after=mark,
        timeout=10,
    )
    assert "<b>Toy Story</b>" in card.params["text"]
    addressed = tg.send_text(f"/foo@{BOT_USERNAME}", chat_type="supergroup", user_id=8040)
    tg.wait_for(
        "sendMessage",
        lambda c: (
            c.params.get("reply_parameters", {}).get("message_id") == addressed["message"]["message_id"]
        ),
        after=mark,
        timeout=10,
    )
    fixture_bot.wait_handled(chatter, foreign)  # handled concurrently: done, and no reply sent
    assert replies_to(tg, chatter["message"]["message_id"]) == []
    assert replies_to(tg, foreign["message"]["message_id"]) == []


@pytest.mark.parametrize(
    "data",
    [
        "more:ns1:0:zzz",
        "more:ns1:0:\n",
        "",
        "ex:9",
        "admin:reload",
        "pick:zz999999:en",
        "\x00\xff garbage",
        "more:ns1:999:",
    ],
)
def test_forged_buttons_are_answered_quietly(tg, fixture_bot, data):
    menu = ask(tg, "/start", user_id=8050)
    mark = tg.mark()
    pressed = tg.press_button(menu, data)
    answered = tg.wait_for("answerCallbackQuery", after=mark, timeout=10)
    assert "expired" in answered.params.get("text", "") or "no longer" in answered.params.get("text", "")
    fixture_bot.wait_handled(pressed)  # the error handler, had the button raised, is done too
    assert not [c for c in tg.calls()[mark:] if c.method == "sendMessage" and c.params.get("text") == SORRY]


@pytest.mark.parametrize("offset", ["²", "①", "5" * 5000, "-1", "abc"])
def test_forged_inline_offsets_get_the_first_page(tg, offset):
    mark = tg.mark()
    tg.inline_query("toy story", offset=offset)
    answer = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    assert answer.params["results"][0]["title"].startswith("Toy Story")


def test_inline_mode_says_when_a_title_is_absent(tg):
    mark = tg.mark()
    tg.inline_query("harry potter")
    answer = tg.wait_for("answerInlineQuery", after=mark, timeout=10)
    assert "is not on these four platforms" in answer.params["button"]["text"]
    results = answer.params["results"]  # titles sharing a word ("When Harry Met Sally…"), offered as such
    assert results and all("Harry" in r["title"] for r in results)


@pytest.mark.parametrize("length", [3950, 3975, 3985, 3990, 4090, 4100, 20_000])
@pytest.mark.parametrize("command", ["/where ", "/recommend ", "/count netflix ", "", "/foo"])
def test_long_messages_get_an_answer_telegram_accepts(tg, command, length):
    words = ("qzx " * length)[: length - len(command)]
    reply = ask(tg, command + words, user_id=8060)
    text = reply.params["text"]
    assert text != SORRY and html_problems(text) == [] and len(text) < 1000
