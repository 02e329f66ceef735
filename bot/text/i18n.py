"""Replies in the user's language: Spanish for Spanish speakers, English for everyone else.

Source strings are English, in the code, marked for Babel's extractor:

- ``_("…")`` translates now: ``_("<b>{n}</b> titles on {platform}").format(n=number(1030), …)``;
- ``ngettext(singular, plural, n)`` picks the form for a count ("1 movie", "2 movies");
- ``N_("…")`` only marks a constant (a menu description, an example) for ``_()`` later.

Placeholders are ``str.format`` names, filled in after translating, so a translation may
move them; user text goes in escaped (``render.esc``). Numbers go through ``number`` and
``decimal``: 1,030 and 3.5 in English, 1.030 and 3,5 in Spanish (Babel, CLDR data); dates
through ``date`` and ``months``, with the language's month names.

The Spanish catalogue is ``bot/text/locales/es/LC_MESSAGES/streambot.po``, read once at first use
and compiled in memory (no build step, so nothing compiled can go stale; see the README's
development notes for extracting new strings). ``tests/unit/bot/text/test_i18n.py`` fails when a marked
string has no Spanish, or a translation changes its placeholders or HTML tags.

The language of an update is decided once, by ``bot.handlers.language.decide`` (a handler in
group -2, before every other; the detector is ``core.understanding.language``), and kept in a
context variable. python-telegram-bot handles each update
in its own asyncio task, and each task runs in its own copy of the context, so updates handled
concurrently never see each other's language. Outside an update (jobs) it is English unless
wrapped in ``with using("es"):``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import io
from collections.abc import Iterator
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from core.catalogue import platforms
from core.understanding.language import app_language

DOMAIN = "streambot"
LOCALES = Path(__file__).resolve().parent / "locales"
ENGLISH, SPANISH = "en", "es"
LANGUAGES = (ENGLISH, SPANISH)


class Translator:
    """One language: its gettext catalogue and its way of writing numbers."""

    def __init__(self, language: str, translations: gettext.NullTranslations):
        self.language = language
        self.locale = Locale.parse(language)
        self.translations = translations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value) -> str:
        """1,030 / 1.030; 3.5 / 3,5 (up to three decimals, as written)."""
        return format_decimal(value, locale=self.locale)

    def decimal(self, value, places: int) -> str:
        """Exactly ``places`` decimals: 3.72 / 3,72."""
        return format_decimal(value, format="#,##0." + "0" * places, locale=self.locale)

    def percent(self, value) -> str:
        """0.2 -> 20% / 20 %."""
        return format_percent(value, locale=self.locale)

    def date(self, value) -> str:
        """November 26, 2021 / 26 de noviembre de 2021."""
        return format_date(value, format="long", locale=self.locale)

    def months(self, start, end) -> str:
        """The months from ``start`` to ``end`` (dates): November 2021 / noviembre de 2021;
        September – November 2021 / septiembre–noviembre de 2021."""
        if (start.year, start.month) == (end.year, end.month):
            return format_skeleton("yMMMM", end, locale=self.locale)
        return format_interval(start, end, "yMMMM", locale=self.locale)


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def language_of_code(code: str | None) -> str:
    """A language tag as the bot speaks it: "es", "es-ES", "es-419", "es_MX" -> "es"; "en",
    "en-GB", "pt-BR", anything else or nothing -> "en" (Telegram's ``language_code`` is an
    IETF tag; the bot has Spanish and English)."""
    return SPANISH if app_language(code) == SPANISH else ENGLISH


@functools.cache
def translator(language: str | None) -> Translator:
    """The translator for ``language`` (a Spanish tag, or English for anything else), loaded once."""
    if language_of_code(language) != language:  # "es-MX" is "es": the same one translator
        return translator(language_of_code(language))
    if language != SPANISH:
        return Translator(ENGLISH, gettext.NullTranslations())
    with catalogue_path(SPANISH).open("rb") as po:
        catalog = read_po(po, locale=SPANISH, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: they fall back to English
    compiled.seek(0)
    return Translator(SPANISH, gettext.GNUTranslations(compiled))


_current: contextvars.ContextVar[Translator | None] = contextvars.ContextVar("language", default=None)


def current() -> Translator:
    return _current.get() or translator(ENGLISH)


def language() -> str:
    return current().language


def _(message: str) -> str:
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name Babel's extractor looks for
    """Marks ``message`` for extraction only; translate it with ``_()`` where it is shown."""
    return message


def number(value) -> str:
    return current().number(value)


def decimal(value, places: int) -> str:
    return current().decimal(value, places)


def percent(value) -> str:
    return current().percent(value)


def date(value) -> str:
    return current().date(value)


def months(start, end) -> str:
    return current().months(start, end)


def platform_names(style: str = "standard") -> str:
    """The four platforms' names as one list in the current language: "Prime Video, Disney+,
    Hulu and Netflix" / "… Hulu y Netflix"; ``style="or"`` joins with "or" / "o"."""
    return format_list(list(platforms.NAMES.values()), style=style, locale=current().locale)


def set_language(code: str) -> None:
    """Speak ``code`` for the rest of the current update (its asyncio task)."""
    _current.set(translator(code))


@contextlib.contextmanager
def using(code: str) -> Iterator[Translator]:
    """Speak ``code`` inside the block (e.g. a job writing to a Spanish-speaking chat)."""
    token = _current.set(translator(code))
    try:
        yield current()
    finally:
        _current.reset(token)
