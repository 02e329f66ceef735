"""One lexicon: every phrase of the understanding layer has one meaning, unless the lexicon says
on purpose that it has two and which rule picks one (``lexicon.INTENDED_AMBIGUITIES``)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from core.catalogue import genres
from core.understanding import lexicon as lx
from core.understanding.scanner import Item, is_cue

# The tables a phrase is looked up in (scanner.Scanner): one value each. FILLER means nothing,
# so a cue or an argument that is also a filler is no second meaning (the scanner's table
# order: a cue or an argument wins over a filler).
ARGUMENT_TABLES = {
    "platform": lx.PLATFORMS,
    "type": lx.TYPES,
    "dtype": lx.DURATIONS,
    "genre": lx.GENRES,
    "country": lx.COUNTRIES,
    "rating": lx.RATING_PHRASES,
}


def meanings() -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for cue, text in lx.CUE_LISTS.items():
        for phrase in lx._phrases(text):
            found[phrase].add(("cue", cue))
    for kind, table in ARGUMENT_TABLES.items():
        for phrase, value in table.items():
            found[phrase].add((kind, str(value)))
    return found


def test_no_phrase_has_two_meanings_unless_the_lexicon_says_which_rule_picks_one():
    two = {phrase: kinds for phrase, kinds in meanings().items() if len(kinds) > 1}
    unlisted = {p: sorted(k) for p, k in two.items() if p not in lx.INTENDED_AMBIGUITIES}
    assert unlisted == {}, "give each a single meaning, or list it in INTENDED_AMBIGUITIES with its rule"


def test_each_listed_ambiguity_is_real_and_says_its_rule():
    found = meanings()
    for phrase, (cues, rule) in lx.INTENDED_AMBIGUITIES.items():
        assert {("cue", c) for c in cues} == found[phrase], phrase
        assert rule.strip(), phrase


def test_a_phrase_of_two_cues_keeps_both():
    # The silent drop of a second meaning (setdefault) made "great horror movies" a title.
    for phrase, (cues, _) in lx.INTENDED_AMBIGUITIES.items():
        item = Item("cue", lx.CUES[phrase], 0, 1, phrase)
        assert all(is_cue(item, cue) for cue in cues), phrase
    assert not is_cue(Item("cue", lx.CUES["where"], 0, 1, "where"), "good")


def test_a_mood_means_one_canonical_genre_in_both_languages():
    assert set(lx.MOODS.values()) <= set(genres.GENRE_IDS)
    clashes = {p: (g, genres.SYNONYMS[p]) for p, g in lx.MOODS.items() if genres.SYNONYMS.get(p, g) != g}
    assert clashes == {}
    for genre in set(lx.MOODS.values()):
        assert any(lx.GENRES[p] == genre for p in lx.MOODS), genre
    assert all(lx.GENRES[phrase] == genre for phrase, genre in lx.MOODS.items())


def test_no_phrase_is_two_moods():
    phrases = [p for text in lx.MOOD_LISTS.values() for p in lx._phrases(text)]
    assert sorted({p for p in phrases if phrases.count(p) > 1}) == []


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("scared", None),
        ("en alguna de estas", "filler"),
        ("con mi novia", "filler"),
        ("para llorar", "genre"),
    ],
)
def test_request_phrases_are_in_the_lexicon(phrase, kind):
    in_filler = phrase in lx.FILLER
    in_genres = phrase in lx.GENRES
    assert (kind == "filler") == in_filler and (kind == "genre") == in_genres


def test_every_list_of_the_lexicon_package_is_read_from_the_package():
    # The lexicon is one module per job; ``lexicon as lx`` must still reach every list.
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(lx.__path__):
        part = importlib.import_module(f"{lx.__name__}.{module.name}")
        lists = [name for name in vars(part) if name.isupper()]
        assert all(getattr(lx, name) is getattr(part, name) for name in lists), module.name
