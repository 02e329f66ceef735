"""Command names as a reader of each language sees them: the menu, /help, /start and the
example buttons name ``/contar`` to a Spanish reader and ``/count`` to an English one.

Both names of a command work in either language (each feature registers both with its
``CommandHandler``; ``tests/unit/bot/text/test_commands.py`` checks that every Spanish name here
is registered for the same handler as its English one). The code names commands in English;
this table gives the Spanish one shown in Spanish. A command without one (``start``, Telegram's
own; ``actor``, the same word) keeps its name.
"""

from __future__ import annotations

from bot.text.i18n import SPANISH, language

SPANISH_NAMES = {
    "help": "ayuda",
    "recommend": "recomendar",
    "where": "donde",
    "title": "titulo",
    "person": "persona",
    "count": "contar",
    "longest": "mas_larga",
    "score": "puntaje",
    "country": "pais",
    "rating": "clasificacion",
    "top": "mejores",
    "stats": "estadisticas",
    "poll": "encuesta",
    "foryou": "parati",
    "watching": "vemos",
    "like": "megusta",
    "dislike": "nomegusta",
    "mydata": "misdatos",
    "forget": "olvidar",
    "subscribe": "suscribir",
    "unsubscribe": "desuscribir",
    "status": "estado",
    "reload": "recargar",
    "model": "modelo",
    "platforms": "plataformas",
    "seen": "vista",
    "watchlist": "lista",
    "pick": "elegir",
}


def name(command: str, lang: str | None = None) -> str:
    """``command`` (its English name) as a reader of ``lang`` (default: the current one) knows it."""
    lang = language() if lang is None else lang
    return SPANISH_NAMES.get(command, command) if lang == SPANISH else command
