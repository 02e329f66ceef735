"""Every command keeps its names and aliases, each bound to the question it asks."""

from __future__ import annotations

from telegram.ext import CommandHandler

from bot.app import FEATURES, commands
from bot.handlers import catalogue, catalogue_answers, start

# The README's command table, with every Spanish alias.
NAMES = {
    "start": {"start"},
    "help": {"help", "ayuda"},
    "recommend": {"recommend", "recomendar"},
    "where": {"where", "donde"},
    "title": {"title", "titulo"},
    "person": {"person", "persona"},
    "count": {"count", "contar"},
    "longest": {"longest", "mas_larga", "maslarga"},
    "score": {"score", "puntaje"},
    "actor": {"actor"},
    "country": {"country", "pais"},
    "rating": {"rating", "clasificacion"},
    "top": {"top", "mejores"},
    "stats": {"stats", "estadisticas"},
    "poll": {"poll", "encuesta"},
    "foryou": {"foryou", "parati"},
    "watching": {"watching", "vemos"},
    "like": {"like", "megusta"},
    "dislike": {"dislike", "nomegusta"},
    "mydata": {"mydata", "misdatos"},
    "forget": {"forget", "olvidar"},
    "subscribe": {"subscribe", "suscribir"},
    "unsubscribe": {"unsubscribe", "desuscribir"},
    "status": {"status", "estado"},
    "reload": {"reload", "recargar"},
    "model": {"model", "modelo"},
    "platforms": {"platforms", "plataformas"},
    "seen": {"seen", "vista"},
    "watchlist": {"watchlist", "lista"},
    "pick": {"pick", "elegir"},
}


def command_handlers() -> list[CommandHandler]:
    return [h for module in FEATURES for h in module.HANDLERS if isinstance(h, CommandHandler)]


def test_every_command_keeps_its_names_and_aliases_once():
    registered = [set(h.commands) for h in command_handlers()]
    assert sorted(map(sorted, registered)) == sorted(map(sorted, NAMES.values()))


def test_each_catalogue_command_answers_its_own_question():
    by_name = {name: h.callback for h in command_handlers() for name in h.commands}
    assert set(catalogue.NAMES) == set(catalogue_answers.TEXTS)
    for intent, names in catalogue.NAMES.items():
        assert {by_name[name].__name__ for name in names} == {intent}
    examples = dict(start.EXAMPLES)
    assert examples["/count netflix 2019"].__name__ == "count"
    assert examples["/top disney animation"].__name__ == "top"


def test_the_menu_lists_the_english_names():
    listed = {c.command for c in commands(group=False, admin=True)}
    assert listed == set(NAMES)
