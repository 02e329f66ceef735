"""What the readings of one message look up more than once, looked up once: ``Lookups``.

A message is read several times over (the question, its language, the words after "what
about", the title inside "tell me about X", a follow-up's parts), and each reading may resolve
the same title text or search the same name, at 1-2 ms a look-up on the full catalogue
("muestrame las de morgan" searched "morgan" three times). ``Lookups`` keeps the last few
answers, beside ``Understanding``'s readings, and ``Understanding.forget_readings`` empties
both. An answer only depends on the snapshot the look-ups were built with and on the text
*normalised* (``Recommender.resolve`` and ``People.search`` read nothing else of it), so texts
that differ only in case or punctuation ("whats it rated, is it ok" and "whats it rated is it
ok") share one answer, and a kept one is the one a fresh look-up would give.
"""

from __future__ import annotations

from collections import OrderedDict

from core.search import titles
from core.search.titles import normalise


class Lookups:
    def __init__(self, recommender, people, limit: int, size: int):
        """``limit``: matches resolved per title; ``size``: answers kept of each kind."""
        self.resolve = _ByQuery(lambda title: tuple(recommender.resolve(title, limit=limit)), size)
        # What the slot reader searches names with (None: no names are read).
        self.people = None if people is None else _People(people, size)
        self._slots = _Recent(size)  # (text, people read) -> tokens, items
        # ... -> the act reader's reading: the rules, their second reading and the dialogue's
        # follow-ups each asked for it again (three readings of one message, 0.6 ms each).
        self._acts = _Recent(size)

    def slots(self, text: str, people: bool, read) -> tuple:
        """``read()``, a message's tokens and slots (``Understanding._message``), once while
        the text is recent: its readings build the message again and again."""
        return self._slots.get((text, people), read)

    def acts(self, key: tuple, read):
        """``read()``, the act reader's reading of the message ``_message`` built from ``key``
        ((text, people read)): it reads nothing else of the message, and the message's items
        are the slots' kept ones, so a kept reading is the one a fresh one gives."""
        return self._acts.get(key, lambda: (read(),))[0]

    def clear(self) -> None:
        self.resolve.cache_clear()
        self._slots.clear()
        self._acts.clear()
        titles.forget_normalised()  # a benchmark's first reading normalises its texts afresh too
        if self.people is not None:
            self.people.clear()


class _Recent:
    """The last ``size`` answers by key: ``get(key, make)`` makes a missing one."""

    def __init__(self, size: int):
        self._size = size
        self._kept: OrderedDict[tuple, tuple] = OrderedDict()

    def get(self, key: tuple, make) -> tuple:
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = make()
            if len(self._kept) > self._size:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return found

    def clear(self) -> None:
        self._kept.clear()


class _ByQuery:
    """``look_up(text, *more)`` remembered by the normalised text (and ``more``): the last
    ``size`` answers. A miss looks up the text as given, so the answer is the look-up's own."""

    def __init__(self, look_up, size: int):
        self._look_up = look_up
        self._kept = _Recent(size)

    def __call__(self, text: str, *more) -> tuple:
        return self._kept.get((normalise(text), *more), lambda: self._look_up(text, *more))

    def cache_clear(self) -> None:
        self._kept.clear()


class _People:
    """``core.questions.people.People`` with ``search`` remembered; the rest passed through."""

    def __init__(self, people, size: int):
        self._people = people
        self._search = _ByQuery(lambda text, limit: tuple(people.search(text, limit)), size)

    def search(self, text: str, limit: int = 5) -> list:
        return list(self._search(text, limit))  # a list of its own: the caller may change it

    def clear(self) -> None:
        self._search.cache_clear()

    def __getattr__(self, name: str):
        return getattr(self._people, name)
