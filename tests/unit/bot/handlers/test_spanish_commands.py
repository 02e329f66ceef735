"""Every Spanish command name, bare and with arguments, is answered in Spanish, from a Spanish
app and from an English one: the real handlers, through the console stand-in (in process),
on the fixture catalogue."""

from __future__ import annotations

import asyncio
import io

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.console import LOCAL_USER_ID, objects
from bot.console.chat import Console
from bot.text.commands import SPANISH_NAMES
from core.snapshot.store import Store
from core.understanding.language import of_text

# Each Spanish name with arguments the fixture catalogue answers; bare, each is asked too.
WITH_ARGUMENTS = {
    "ayuda": "",
    "recomendar": "toy story",
    "donde": "the office",
    "titulo": "moana",
    "persona": "idina menzel",
    "contar": "netflix 2019",
    "mas_larga": "disney",
    "puntaje": "netflix 3,5",
    "pais": "india",
    "clasificacion": "tv-14",
    "mejores": "disney animación",
    "estadisticas": "netflix",
    "encuesta": "toy story",
    "parati": "netflix",
    "vemos": "",
    "megusta": "coco",
    "nomegusta": "frozen",
    "misdatos": "",
    "olvidar": "",
    "suscribir": "netflix",
    "desuscribir": "netflix",
    "estado": "",
    "recargar": "",
    "modelo": "",
    "plataformas": "netflix disney",
    "vista": "coco",
    "lista": "",
    "elegir": "",
}
LINES = sorted(
    {f"/{name}" for name in WITH_ARGUMENTS} | {f"/{n} {a}".strip() for n, a in WITH_ARGUMENTS.items()}
)


def replies(snapshot, data_dir, language_code: str) -> dict[str, str]:
    """Each line's reply (its first line; a picture's caption) in a private chat of its own."""
    out = io.StringIO()
    console = Console(out, media_dir=data_dir)
    settings = Settings(
        token=None, data_dir=data_dir, refresh_minutes=0, admin_ids=frozenset([LOCAL_USER_ID])
    )
    application = build_application(settings, Store(snapshot), request=console.request(), rate_limiter=False)
    found = {}

    async def run():
        async with application:
            await application.start()
            for i, line in enumerate(LINES):
                console.user = console.api.user(LOCAL_USER_ID + i, language_code=language_code)
                console.chat = console.api.chats.setdefault(
                    LOCAL_USER_ID + i, objects.chat(LOCAL_USER_ID + i, "private", console.user)
                )
                start = len(out.getvalue())
                await console.feed(application, line)
                shown = out.getvalue()[start:].splitlines()
                found[line] = next((s.strip() for s in shown[1:] if s.strip() and not s.startswith(">")), "")
            await application.stop()
        await application.post_shutdown(application)

    asyncio.run(run())
    return found


@pytest.mark.parametrize("language_code", ["es-419", "en"])
def test_every_spanish_command_is_answered_in_spanish(fixture_snapshot, tmp_path, language_code):
    assert set(WITH_ARGUMENTS) == set(SPANISH_NAMES.values())  # every Spanish name is tried
    answered = replies(fixture_snapshot, tmp_path, language_code)
    english = {
        line: reply
        for line, reply in answered.items()
        if of_text(reply.removeprefix("[picture").split("]")[-1]).language != "es"
    }
    assert english == {}
