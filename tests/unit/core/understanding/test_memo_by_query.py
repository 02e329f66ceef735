"""What a message's readings remember by the *normalised* text (``core.understanding.memo``,
``core.search.titles.normalise``) is what a fresh call gives: the same normalisation, and for
texts that differ only in case, accents or punctuation one look-up with the answer each text
gets looked up alone."""

from __future__ import annotations

import random
import unicodedata

import pytest

from core.search import titles
from core.search.titles import APOSTROPHES, MAX_QUERY_CHARS, NON_WORD, SPECIAL_LETTERS, _numeral, normalise
from core.understanding import Understanding


def fresh_normalise(text: str) -> str:
    """The definition, remembering nothing and with no shortcut for ascii texts."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_CHARS].casefold()).translate(SPECIAL_LETTERS)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = NON_WORD.sub(" ", APOSTROPHES.sub("", text)).split()
    return " ".join(_numeral(words, i) for i in range(len(words)))


def _variants(title: str, rng: random.Random) -> list[str]:
    """Ways people type a title that normalise alike or nearly: case, punctuation, accents
    dropped, "&" for "and", a number word, a word dropped."""
    words = title.split()
    return [
        title,
        title.upper(),
        f"{title.lower()}?!",
        f"¿{title}, no?",
        f"{title} Ⅱ – ½ ﬁn ÆON STRAßE Ĳ",  # compatibility forms, ligatures, special letters
        ("x" * MAX_QUERY_CHARS)[: MAX_QUERY_CHARS - len(title) // 2] + title + " Ü",  # cut at the limit
        title.replace(" and ", " & ").replace("2", "two"),
        " ".join(words[:-1]) if len(words) > 1 else title + " ii",
        " ".join(rng.sample(words, len(words))),
    ]


@pytest.fixture()
def texts(fixture_catalogue) -> list[str]:
    rng = random.Random(7)
    found = [v for title in fixture_catalogue["title"].dropna() for v in _variants(str(title), rng)]
    rng.shuffle(found)  # texts that normalise alike come apart, so answers are kept and evicted
    return found


def test_a_remembered_normalisation_is_a_fresh_one(texts):
    assert len(texts) > 1000
    titles.forget_normalised()
    for text in texts:
        assert normalise(text) == fresh_normalise(text)
        assert normalise(text) == fresh_normalise(text), "the second call is answered from memory"
    assert normalise(None) == "" and normalise(float("nan")) == ""
    titles.forget_normalised()
    assert titles._normalised.cache_info().currsize == 0


@pytest.fixture()
def counted(fixture_snapshot):
    snap = fixture_snapshot
    understanding = Understanding.build(snap.catalogue, snap.recommender, snap.table.people)
    calls: list[str] = []
    resolve = snap.recommender.resolve

    def counting_resolve(text, limit=5):
        calls.append(text)
        return resolve(text, limit)

    snap.recommender.resolve = counting_resolve
    yield understanding, resolve, calls
    del snap.recommender.resolve  # the class's own method again


def test_texts_that_normalise_alike_share_one_look_up(counted):
    understanding, resolve, calls = counted
    lookups = understanding._lookups
    first = lookups.resolve("Toy Story 2")
    assert lookups.resolve("toy story two!") is first and lookups.resolve("¿TOY STORY 2?") is first
    assert calls == ["Toy Story 2"]
    assert first == tuple(resolve("toy story two!", 10)) and first[0].title == "Toy Story 2"
    understanding.forget_readings()
    lookups.resolve("toy story two!")
    assert calls == ["Toy Story 2", "toy story two!"], "forgotten answers are looked up again"


def test_every_remembered_answer_is_the_fresh_one(counted, texts):
    understanding, resolve, calls = counted
    lookups = understanding._lookups
    for text in texts:
        assert lookups.resolve(text) == tuple(resolve(text, 10)), text
    assert len(calls) < len(texts), "texts normalising alike were looked up once"
    people = lookups.people
    for name in ["morgan freeman", "Morgan Freeman!", "MORGAN", "morgan", "tom hanks", "Tom Hanks."]:
        assert people.search(name, 5) == understanding.people.search(name, 5)


def test_every_catalogue_title_normalises_as_the_definition_does(full_catalogue):
    """23k real titles, accents, other scripts and symbols included, as typed and shouting."""
    titles.forget_normalised()
    found = [str(t) for t in full_catalogue["title"].dropna()]
    assert len(found) > 20_000 and any(not t.isascii() for t in found)
    for text in found + [t.upper() for t in found]:
        assert normalise(text) == fresh_normalise(text), text
