"""What the readings of one message look up more than once, looked up once: ``Lookups``.

A message is read several times over (the question, its language, the words after "what
about", the title inside "tell me about X", a follow-up's parts), and each reading may resolve
the same title text or search the same name, at 1-2 ms a look-up on the full catalogue
("muestrame las de morgan" searched "morgan" three times). ``Lookups`` keeps the last few
answers, beside ``Understanding``'s readings, and ``Understanding.forget_readings`` empties
both. An answer only depends on the snapshot the look-ups were built with, so a kept one is
the one a fresh look-up would give.
"""

from __future__ import annotations

from functools import lru_cache


class Lookups:
    def __init__(self, recommender, people, limit: int, size: int):
        """``limit``: matches resolved per title; ``size``: answers kept of each kind."""
        self.resolve = lru_cache(maxsize=size)(lambda title: tuple(recommender.resolve(title, limit=limit)))
        # What the slot reader searches names with (None: no names are read).
        self.people = None if people is None else _People(people, size)

    def clear(self) -> None:
        self.resolve.cache_clear()
        if self.people is not None:
            self.people.clear()


class _People:
    """``core.questions.people.People`` with ``search`` remembered; the rest passed through."""

    def __init__(self, people, size: int):
        self._people = people
        self._search = lru_cache(maxsize=size)(lambda text, limit: tuple(people.search(text, limit)))

    def search(self, text: str, limit: int = 5) -> list:
        return list(self._search(text, limit))  # a list of its own: the caller may change it

    def clear(self) -> None:
        self._search.cache_clear()

    def __getattr__(self, name: str):
        return getattr(self._people, name)
