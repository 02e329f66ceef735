"""Replies in the user's language: the catalogues are complete and consistent, the language of
an update is read the way the issue asks, and numbers, reasons, errors and menus speak it."""

from __future__ import annotations

import asyncio
import re
from string import Formatter

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot import callbacks
from bot.app import commands
from bot.console.spec import html_problems
from bot.text import commands as command_names
from bot.text import explain, i18n, questions, render
from core.catalogue import arguments
from core.catalogue.arguments import ArgumentError, require
from core.questions.filters import Filters, Span
from core.recommender import SAME_DIRECTOR, SAME_SERIES, SHARED_CAST, SHARED_GENRES, Recommendation

BOT = i18n.LOCALES.parents[1]
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def extracted() -> dict:
    """Every string marked in bot/ (``_``, ``N_``, ``ngettext``), the way ``pybabel extract`` finds
    them: msgid (a tuple for plurals) -> where."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(BOT):
        found.setdefault(message, f"bot/{filename}:{lineno}")
    return found


def catalogue(path):
    with open(path, "rb") as po:
        return read_po(po, locale=None if path.suffix == ".pot" else "es")


def spanish():
    return catalogue(i18n.catalogue_path(i18n.SPANISH))


def key(message):
    return message.id if isinstance(message.id, str) else tuple(message.id)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def tags(text: str) -> list[str]:
    return sorted(TAG.findall(text))


def translations(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


# ---- the catalogue ------------------------------------------------------------------------------
def test_every_marked_string_has_a_spanish_translation():
    es = {key(m): m for m in spanish() if m.id}
    missing = [
        f"{where}: {msgid!r}"
        for msgid, where in extracted().items()
        if msgid not in es or es[msgid].fuzzy or not all(translations(es[msgid]))
    ]
    assert missing == [], "run pybabel extract/update (README, Languages) and translate:\n" + "\n".join(
        missing
    )


def test_the_catalogue_holds_no_translation_the_code_no_longer_uses():
    stale = sorted(str(k) for k in {key(m) for m in spanish() if m.id} - set(extracted()))
    assert stale == [], "run pybabel update (README, Languages): these are no longer in the code"


def test_the_template_is_current():
    template = {key(m) for m in catalogue(i18n.LOCALES / f"{i18n.DOMAIN}.pot") if m.id}
    assert template == set(extracted()), "run pybabel extract (README, Languages)"


def test_translations_keep_the_placeholders_and_html_tags_of_the_source():
    problems = []
    for message in spanish():
        if not message.id:
            continue
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        wanted_fields = placeholders(sources[-1])
        wanted_tags = tags(sources[-1])
        for source in sources:  # the singular and plural of a source agree with each other too
            if placeholders(source) != wanted_fields or tags(source) != wanted_tags:
                problems.append(f"source forms differ: {message.id!r}")
        for text in translations(message):
            if placeholders(text) != wanted_fields:
                problems.append(f"{sources[0]!r}: placeholders {placeholders(text)} != {wanted_fields}")
            elif tags(text) != wanted_tags:
                problems.append(f"{sources[0]!r}: tags {tags(text)} != {wanted_tags}")
            elif TAG.search(text):  # and the tags are well formed: Telegram refuses a message otherwise
                filled = text.format(**dict.fromkeys(wanted_fields, "x"))
                problems += [f"{sources[0]!r}: {p}" for p in html_problems(filled)]
    assert problems == []


def test_spanish_has_the_plural_forms_of_its_locale():
    es = spanish()
    assert es.num_plurals == 3  # CLDR: one, many (a multiple of a million: "1.000.000 de títulos"), other
    with i18n.using("es"):
        assert render.titles_count(1) == "1 título"
        assert render.titles_count(2) == "2 títulos"
        assert render.titles_count(0) == "0 títulos"
        assert render.titles_count(1_000_000) == "1.000.000 de títulos"
    assert render.titles_count(1) == "1 title" and render.titles_count(1_030) == "1,030 titles"


def test_translated_examples_are_the_same_commands_by_their_spanish_names():
    es = spanish()
    for message in es:
        if isinstance(message.id, str) and message.id.startswith("/"):
            english = message.id.split()[0].removeprefix("/")
            assert message.string.split()[0] == "/" + command_names.name(english, "es"), message.id


def test_a_fuzzy_translation_falls_back_to_english(tmp_path, monkeypatch):
    po = tmp_path / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "Share"\nmsgstr "Compartir"\n\nmsgid "Where to watch:"\nmsgstr "Dónde verlo:"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    i18n.translator.cache_clear()
    try:
        with i18n.using("es"):
            assert i18n._("Share") == "Share" and i18n._("Where to watch:") == "Dónde verlo:"
    finally:
        i18n.translator.cache_clear()


# ---- buttons carry the language (which language an update is answered in: tests/unit/bot/handlers/test_language.py)
def test_buttons_carry_the_language_and_handlers_read_their_data_without_it():
    with i18n.using("es"):
        keyboard = render.suggestion_keyboard("ns1", "Toy Story", 0, None, more=True)
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row if b.callback_data]
    assert data[0] == "more:ns1:5::es" and all(d.endswith(":es") and len(d.encode()) <= 64 for d in data)
    assert callbacks.More.parse("more:ns1:5::es") == callbacks.More("ns1", 5, None, language="es")
    assert callbacks.Pick.parse("pick:ns1").language is None


def test_each_update_keeps_its_own_language_while_others_run():
    """python-telegram-bot handles each update in its own task; a context variable set in one
    task is invisible to the others, however their awaits interleave."""

    async def handle(code: str, delay: float) -> list[str]:
        i18n.set_language(code)
        seen = []
        for _ in range(5):
            await asyncio.sleep(delay)
            seen.append(i18n._("Share"))
        return seen

    async def main():
        return await asyncio.gather(*(handle(code, d) for code, d in [("es", 0.002), ("en", 0.001)] * 10))

    results = asyncio.run(main())
    assert all(r == ["Compartir"] * 5 for r in results[0::2])
    assert all(r == ["Share"] * 5 for r in results[1::2])
    assert i18n.language() == "en"  # outside an update: English


# ---- what people read ---------------------------------------------------------------------------
def test_numbers_are_written_the_way_each_language_writes_them():
    assert (i18n.number(1030), i18n.decimal(3.7, 2), i18n.number(3.5)) == ("1,030", "3.70", "3.5")
    with i18n.using("es"):
        assert (i18n.number(1030), i18n.decimal(3.7, 2), i18n.number(3.5)) == ("1.030", "3,70", "3,5")
        assert i18n.number(22998) == "22.998" and i18n.number(2019) == "2.019"  # a count, never a year


def test_genre_and_platform_names():
    title = {
        "type": "movie",
        "genres": "animation, family, scifi",
        "display_title": "X",
        "release_year": 2001,
    }
    assert render.genres(title) == "Animation, Family & Kids, Science Fiction"
    with i18n.using("es"):
        assert render.genres(title) == "Animación, Familia e infantil, Ciencia ficción"
        assert render.kind(title) == "película" and render.kind({"type": "tv show"}) == "serie"
        assert (
            render.platforms_text(["amazon", "disney", "hulu", "netflix"])
            == "Prime Video, Disney+, Hulu, Netflix"
        )
        netflix_horror_2019 = Filters(
            genres=frozenset(["horror"]), platforms=frozenset(["netflix"]), years=Span.exactly(2019)
        )
        assert questions.scope(netflix_horror_2019) == "de Terror en Netflix con estreno en 2019"
        assert questions.scope(Filters()) == "en todas las plataformas"


@pytest.mark.parametrize(
    ("why", "english", "spanish"),
    [
        (
            {"reasons": (SAME_SERIES, SAME_DIRECTOR)},
            "same series; same director",
            "misma saga; mismo director",
        ),
        ({"reasons": (SHARED_CAST,), "shared_actor": "Tom Hanks"}, "with Tom Hanks", "con Tom Hanks"),
        (
            {"reasons": (SHARED_GENRES,), "shared_genres": ("animation", "family", "lgbtq")},
            "shares: animation, family & kids, LGBTQ+",
            "en común: animación, familia e infantil, LGBTQ+",
        ),
        (
            {"reasons": (SAME_DIRECTOR, SHARED_CAST), "shared_actor": "Tom Hanks"},
            "same director; with Tom Hanks",
            "mismo director; con Tom Hanks",
        ),
        ({}, "similar story", "historia parecida"),
    ],
)
def test_recommendation_reasons_are_worded_from_their_codes(why, english, spanish):
    rec = Recommendation(id="ns2", title="X", platform="netflix", release_year=2001, score=0.5, **why)
    assert render.reason(rec) == english
    with i18n.using("es"):
        assert render.reason(rec) == spanish


def wrong_arguments() -> list[str]:
    """Every message core.catalogue.arguments (its checks and require) explains a wrong argument with."""
    attempts = [
        lambda: arguments.platform("hbo"),
        lambda: arguments.title_type("cartoon"),
        lambda: arguments.duration_type("hours"),
        lambda: arguments.year("soon", (1920, 2021)),
        lambda: arguments.year("1850", (1920, 2021)),
        lambda: arguments.score("9"),
        lambda: arguments.genre("qwzx"),
        lambda: arguments.known_value("argentna", frozenset({"argentina", "india"}), "country"),
        lambda: arguments.known_value("zz", frozenset({"13+", "g", "tv-14"}), "rating"),
        lambda: arguments.known_value("qqqq", frozenset(f"country {i}" for i in range(40)), "country"),
        lambda: require(None, i18n.N_("a release year")),
    ]
    messages = []
    for attempt in attempts:
        with pytest.raises(ArgumentError) as caught:
            attempt()
        messages.append(str(caught.value))
    return messages


@pytest.mark.parametrize("message", wrong_arguments())
def test_every_argument_error_is_explained_in_spanish(message):
    english = explain.argument_error(message)
    assert english == message  # recognised, and English reads as core wrote it
    with i18n.using("es"):
        spanish = explain.argument_error(message)
    assert spanish != message
    assert not re.search(r"\b(unknown|choose|use|please|try|valid|did you mean)\b", spanish), spanish


def test_a_usage_error_reads_as_one_spanish_line():
    with i18n.using("es"):
        text = explain.usage_error(
            ArgumentError("please add a country"), i18n.N_("/country movie india 2019")
        )
    assert text == "⚠️ Falta un país. Ejemplo: /pais película india 2019"


def test_the_menu_names_and_describes_each_command_in_each_language():
    for group in (False, True):
        english, spanish = commands(group=group), commands(group=group, language="es")
        assert english and len(english) == len(spanish)
        for e, s in zip(english, spanish, strict=True):  # the same command, in the same place
            assert s.command == command_names.name(e.command, "es") and e.description != s.description
    described = {c.command: c.description for c in commands(group=False, admin=True, language="es")}
    assert described["contar"] == "cuántos títulos hay: /contar netflix 2019 terror"
    assert described["recargar"].startswith("administradores")
    assert "count" not in described and "start" in described and "actor" in described


def test_every_topic_a_list_can_be_about_is_said_in_both_languages():
    # a topic core can filter by but the bot cannot name would vanish from the list's heading
    from core.questions.topics import TOPICS

    assert set(questions.TOPICS) == set(TOPICS)
    f = Filters(topics=frozenset({"dogs"}), platforms=frozenset({"netflix"}))
    assert "about dogs" in questions.scope(f)
    with i18n.using("es"):
        assert "de perros" in questions.scope(f)
