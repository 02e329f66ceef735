"""A Spanish reader is shown the Spanish command names, an English one the English names, and
both names run the same command; regional language tags speak their language."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from telegram.ext import CommandHandler

from bot.app import FEATURES, commands
from bot.handlers import start
from bot.text import commands as command_names
from bot.text import i18n
from core.understanding.language import SPANISH_COMMANDS, choose, of_text


def registered() -> dict[str, frozenset[str]]:
    """Each command name -> every name its handler answers to."""
    handlers = [h for m in FEATURES for h in m.HANDLERS if isinstance(h, CommandHandler)]
    return {name: h.commands for h in handlers for name in h.commands}


def test_each_spanish_name_runs_the_same_command_as_its_english_one():
    names = registered()
    for english, spanish in command_names.SPANISH_NAMES.items():
        assert spanish in names[english], (english, spanish)
        assert spanish in SPANISH_COMMANDS  # the detector reads it as Spanish
    menu = {c.command for c in commands(group=False, admin=True)}
    # Every menu command with a Spanish alias shows it to Spanish readers.
    for english in menu:
        if names[english] & SPANISH_COMMANDS:
            assert english in command_names.SPANISH_NAMES, english


def test_the_spanish_menu_lists_the_spanish_names_and_the_english_menu_the_english_ones():
    english = [c.command for c in commands(group=False, admin=True)]
    spanish = [c.command for c in commands(group=False, admin=True, language="es")]
    assert {"recommend", "where", "title", "count", "foryou", "like", "mydata", "forget"} <= set(english)
    assert {"recomendar", "donde", "titulo", "contar", "parati", "megusta", "misdatos", "olvidar"} <= set(
        spanish
    )
    assert not set(command_names.SPANISH_NAMES.values()) & set(english)
    assert not set(command_names.SPANISH_NAMES) & set(spanish)


def test_help_names_the_commands_in_the_readers_language():
    with i18n.using("es"):
        spanish = start.help_text()
    english = start.help_text()
    assert "/contar — cuántos títulos hay" in spanish and "/misdatos — " in spanish
    assert "/count — " not in spanish and "/recommend, /where" in spanish  # "the English ones work too"
    assert "/count — how many titles" in english and "/contar — " not in english


ENGLISH_NAME = re.compile(r"(?<![\w/])/(" + "|".join(command_names.SPANISH_NAMES) + r")(?![\w-])")


def test_no_spanish_text_names_a_command_by_its_english_name():
    with i18n.catalogue_path("es").open("rb") as po:
        catalog = read_po(po, locale="es")
    found = []
    for message in catalog:
        if not message.id or "Spanish names work too" in str(message.id):  # it names the English ones
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            found += [f"{message.id!r}: {m.group(0)}" for m in ENGLISH_NAME.finditer(text or "")]
    assert found == []


@pytest.mark.parametrize("code", ["es", "es-ES", "es-419", "es-MX", "ES-ar", "es_CO"])
def test_a_spanish_regional_code_speaks_spanish(code):
    assert i18n.language_of_code(code) == "es"
    assert i18n.translator(code) is i18n.translator("es")
    with i18n.using(code):
        assert i18n._("Where to watch:") == "Dónde verlo:" and i18n.number(1030) == "1.030"
    assert choose(of_text("ok"), None, code) == "es"


@pytest.mark.parametrize("code", ["en", "en-GB", "en-US", "pt-BR", "fr", "", None])
def test_any_other_code_speaks_english(code):
    assert i18n.language_of_code(code) == "en"
    with i18n.using(code):
        assert i18n._("Where to watch:") == "Where to watch:"
    assert choose(of_text("ok"), None, code) == "en"
