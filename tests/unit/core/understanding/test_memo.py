"""One message's readings look a title text up once and a name once (``core.understanding.memo``),
with the same question as a fresh look-up each time; ``forget_readings`` empties them."""

from __future__ import annotations

import pytest

from core.understanding import Understanding


@pytest.fixture()
def counted(full_snapshot):
    snap = full_snapshot
    understanding = Understanding.build(snap.catalogue, snap.recommender, snap.table.people)
    calls: list[tuple[str, str]] = []
    resolve, search = snap.recommender.resolve, snap.table.people.search

    def counting_resolve(text, limit=5):
        calls.append(("title", text))
        return resolve(text, limit)

    def counting_search(text, limit=5):
        calls.append(("name", text))
        return search(text, limit)

    snap.recommender.resolve = counting_resolve
    snap.table.people.search = counting_search
    yield understanding, calls
    del snap.recommender.resolve, snap.table.people.search  # the class's own methods again


@pytest.mark.parametrize(
    "text", ["muestrame las de morgan freman", "whats the 2nd one about", "tell me about the queens gambit"]
)
def test_each_look_up_happens_once_per_message(counted, text):
    understanding, calls = counted
    question = understanding.parse(text)
    assert calls and len(calls) == len(set(calls))
    understanding.forget_readings()
    calls.clear()
    again = understanding.parse(text)
    assert calls, "forgotten readings look everything up again"
    assert again == question
    assert again.answer() == question.answer()


def test_a_remembered_search_is_a_list_of_its_own(counted):
    understanding, _ = counted
    people = understanding._lookups.people
    first = people.search("morgan", 5)
    first.clear()
    assert people.search("morgan", 5), "changing one answer does not change the kept one"
    # The same people as a direct search, and everything else is the people's own.
    assert people.search("morgan", 5) == understanding.people.search("morgan", 5)
    assert people.is_surname("morgan") == understanding.people.is_surname("morgan")
