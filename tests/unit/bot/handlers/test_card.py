"""A title's card as a user reads it, through the console stand-in and the real handlers, on
the full catalogues: every field a card has, in English and Spanish, fields the catalogue
lacks left out, the genre line that never hides horror or adult animation, and the
catalogue date in /start, /help and /status."""

from __future__ import annotations

import asyncio
import io

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.console import LOCAL_USER_ID, objects
from bot.console.chat import Console
from core.snapshot.store import Store

PLACEHOLDERS = ("None", "nan", "NaN", "<NA>", "null")


@pytest.fixture(scope="module")
def ask(full_snapshot, tmp_path_factory):
    """``ask(language_code, line, ...)``: the console's text of the replies to the lines, typed
    one after the other in a private chat of its own (a new chat per call)."""
    data_dir = tmp_path_factory.mktemp("card")
    chats = iter(range(LOCAL_USER_ID + 100, LOCAL_USER_ID + 10_000))

    def run(language_code: str, *lines: str) -> str:
        out = io.StringIO()
        console = Console(out, media_dir=data_dir)
        settings = Settings(token=None, data_dir=data_dir, refresh_minutes=0, admin_ids=frozenset())
        application = build_application(
            settings, Store(full_snapshot), request=console.request(), rate_limiter=False
        )
        chat = next(chats)
        console.user = console.api.user(chat, language_code=language_code)
        console.chat = console.api.chats.setdefault(chat, objects.chat(chat, "private", console.user))

        async def session():
            async with application:
                await application.start()
                for line in lines:
                    await console.feed(application, line)
                await application.stop()

        asyncio.run(session())
        return out.getvalue()

    return run


def lines_of(reply: str) -> list[str]:
    return [line.strip() for line in reply.splitlines()]


def assert_no_placeholder(reply: str) -> None:
    words = reply.replace(",", " ").replace(":", " ").split()
    assert not set(PLACEHOLDERS) & set(words), reply


def test_a_movie_card_has_every_field(ask):
    reply = ask("en", "/title the irishman")
    shown = lines_of(reply)
    assert "The Irishman (2019, movie) on Netflix" in shown
    assert "209 min · Ages 18+ · R" in shown
    assert "Drama" in shown
    assert "Director: Martin Scorsese" in shown
    # five of the cast, in the catalogue's order, no more
    assert "Cast: Robert De Niro, Al Pacino, Joe Pesci, Harvey Keitel, Ray Romano" in shown
    assert "Country: United States" in shown
    assert "Streaming: Netflix (since November 27, 2019)" in shown
    assert any(line.startswith("Hit man Frank Sheeran looks back") for line in shown)
    suggestions = shown[shown.index("If you like it, try:") + 1 :]
    assert sum(line.startswith("• ") for line in suggestions) == 3
    assert_no_placeholder(reply)


def test_a_show_card_has_seasons_people_and_the_day_it_was_added(ask):
    shown = lines_of(ask("en", "/title riverdale"))
    assert "Riverdale (2019, show) on Netflix" in shown
    assert "4 seasons · Ages 13+ · TV-14" in shown
    assert "Crime, Drama, Thriller & Mystery" in shown
    assert "Director: Rob Seidenglanz" in shown
    assert "Cast: K.J. Apa, Lili Reinhart, Camila Mendes, Cole Sprouse, Marisol Nichols" in shown
    assert "Streaming: Netflix (since June 19, 2021)" in shown


def test_a_work_on_two_platforms_lists_each_with_its_own_date(ask):
    shown = lines_of(ask("en", "/title the congress"))
    assert "Streaming: Hulu (since July 15, 2021); Netflix (since August 23, 2019)" in shown
    assert "Countries: Israel, Germany, Poland, Luxembourg, Belgium, France, United States" in shown


def test_a_spanish_card_has_spanish_labels_months_and_countries(ask):
    reply = ask("es-419", "/titulo coco")
    shown = lines_of(reply)
    assert "Coco (2017, película) en Disney+" in shown
    assert "105 min · Mayores de 7 · PG" in shown
    assert "Animación, Familia e infantil, Fantasía" in shown
    assert "Dirección: Lee Unkrich" in shown
    assert "País: Estados Unidos" in shown
    # the day Disney+ added it, in Spanish month names; its Spanish edition named once
    assert "Disponible en: Disney+ (desde el 29 de noviembre de 2019)" in shown
    assert "También en español en Disney+" in shown
    assert "Si te gusta, prueba estos:" in shown
    assert "November" not in reply and "since" not in reply


def test_fields_the_catalogue_lacks_are_left_out(ask):
    reply = ask("en", "/title archer")
    shown = lines_of(reply)
    assert "12 seasons · Ages 18+ · TV-MA" in shown
    assert not any(line.startswith(("Director", "Cast")) for line in shown), reply
    assert "Country: United States" in shown
    assert_no_placeholder(reply)


def test_a_title_no_platform_rates_is_unrated_never_all_ages(ask):
    # Hulu gives Chicken Girls no maturity label (the source's rules would fill in "g").
    reply = ask("en", "/title chicken girls")
    shown = lines_of(reply)
    assert "Unrated" in shown, reply  # no runtime in the catalogue, no label: the band alone
    assert "All ages" not in reply and not any(line.endswith("· G") for line in shown), reply


def test_a_label_that_is_an_age_already_is_not_said_twice(ask):
    shown = lines_of(ask("en", "/title mondoyan"))  # Prime Video labels it "7+"
    assert any(line.endswith("· Ages 7+") for line in shown), shown
    assert not any("7+ · 7+" in line for line in shown)


def test_the_genre_line_says_adult_animation_for_titles_filed_so(ask):
    shown = lines_of(ask("en", "/title archer"))
    assert "Action, Adventure, Adult animation" in shown
    assert "Animation" not in " ".join(shown[:4])
    assert "Acción, Aventura, Animación para adultos" in lines_of(ask("es", "/titulo archer"))


def test_the_genre_line_never_hides_horror(ask):
    # GANTZ:O has five genres; the short line (inline results, lists) keeps three, horror among them.
    reply = ask("en", "@streambot gantz:o", "1")
    listed = next(line for line in lines_of(reply) if line.startswith("[1] GANTZ:O (2016)"))
    assert "Horror" in listed and "Ages 18+" in listed, listed
    card = lines_of(reply.split("via @streambot:")[1])
    assert "96 min · Ages 18+ · TV-MA" in card
    assert "Action, Adventure, Horror" in card
    assert "Action, Adventure, Animation, Anime, Horror" in lines_of(ask("en", "/title gantz:o"))


CATALOGUE_DATE = {  # CLDR writes thin spaces around the dash of an English range of months
    "en": "Catalogues as of September\u2009–\u2009November 2021.",
    "es": "Catálogos de septiembre–noviembre de 2021.",
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("command", ["/start", "/help", "/status"])
def test_start_help_and_status_say_which_catalogues_answer(ask, command, language):
    assert CATALOGUE_DATE[language] in lines_of(ask(language, command))


def test_status_names_each_platforms_latest_addition(ask):
    shown = lines_of(ask("en", "/status"))
    assert (
        "Latest additions: Prime Video October 10, 2021 · Disney+ November 26, 2021 · "
        "Hulu October 24, 2021 · Netflix September 25, 2021"
    ) in shown
