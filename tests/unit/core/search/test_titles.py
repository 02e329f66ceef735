"""Title search through the indexes (core.search.index) against the exhaustive scan it replaces."""

from __future__ import annotations

import random

import numpy as np
import pytest

from benchmarks.eval_title_search import confident, make_queries
from benchmarks.synthetic import WORDS
from core.search import index
from core.search.index import GramIndex, WordIndex, trigram_codes
from core.search.titles import ExhaustiveTitleResolver, TitleResolver, normalise

TITLES = [
    "Frozen", "Frozen 2", "Frozen Fever", "Toy Story", "Toy Story 2", "Toy Story 3", "The Lion King",
    "The Lion King II: Simba's Pride", "Spider-Man", "Spider-Man 2", "Monsters, Inc.", "Breaking Bad",
    "Stranger Things", "Schindler's List", "Home Alone", "Home Alone 2: Lost in New York", "WALL-E",
    "Star Wars: The Empire Strikes Back (Episode V)", "Rocky IV", "Up", "It", "The Godfather",
    "Pirates of the Caribbean: Dead Man's Chest", "Ratatouille", "La Casa de Papel", "Y Tu Mamá También",
]  # fmt: skip
KEYS = sorted({normalise(t) for t in TITLES})


@pytest.fixture(scope="module")
def resolver():
    return TitleResolver(KEYS)


def top(resolver, text):
    found = resolver.search(normalise(text), 5)
    return resolver.keys[found[0][0]] if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("frozne 2", "frozen 2"),
        ("spiderman", "spider man"),
        ("walle", "wall e"),
        ("ratatoullie", "ratatouille"),
        ("stranger thigns", "stranger things"),
        ("empire strikes back", "star wars the empire strikes back episode 5"),
        ("lion king", "the lion king"),
        ("home alone 2", "home alone 2 lost in new york"),
        ("la casa de papel", "la casa de papel"),
        ("y tu mama tambien", "y tu mama tambien"),
        ("up", "up"),
    ],
)
def test_misspelled_and_partial_titles_are_found(resolver, text, expected):
    assert top(resolver, text) == expected


@pytest.mark.parametrize("text", ["the quantum gardener", "blorptastic zebras", "moana con mis sobrinos"])
def test_absent_titles_are_not_answered_confidently(resolver, text):
    found = resolver.search(normalise(text), 5)
    assert not confident(resolver, normalise(text), found)


def test_one_letter_finds_only_that_title_and_never_confidently(resolver):
    assert resolver.search("x", 5) == []
    assert TitleResolver(["a", "ab"]).search("a", 5) == [(0, 80.0)]


def test_empty_and_tiny_catalogues():
    assert TitleResolver([]).search("frozen", 5) == []
    assert TitleResolver([""]).search("frozen", 5) == []  # an empty key shares no trigram or word
    assert TitleResolver(["frozen"]).search("frozne", 5)[0][0] == 0


def test_exact_title_is_found_whatever_the_scale():
    keys = [f"{k} {w}" for k in KEYS for w in ("red", "blue", "one more", "the end")] + KEYS
    resolver = TitleResolver(sorted(set(keys)))
    for key in KEYS:
        assert resolver.keys[resolver.search(key, 5)[0][0]] == key


def test_same_answers_as_the_exhaustive_scan():
    """A catalogue of a few thousand keys: the same confidence on every query, the same top
    title on every query naming a title (for absent ones any unsure guess will do)."""
    rng = random.Random(3)
    words = WORDS[:15]
    keys = sorted(
        set(KEYS + [f"{k} {rng.choice(words)} {rng.choice(words)}" for k in KEYS for _ in range(30)])
    )
    keys += [f"{a} {b} {c}" for a, b, c in zip(words, words[3:], words[6:], strict=False)]
    indexed, exhaustive = TitleResolver(keys), ExhaustiveTitleResolver(keys)
    for _, query, accepted in make_queries(KEYS, 40):
        text = normalise(query)
        ours, theirs = indexed.search(text, 5), exhaustive.search(text, 5)
        assert not accepted or ours[:1] == theirs[:1], query
        assert confident(indexed, text, ours) == confident(exhaustive, text, theirs), query


def test_budgets_keep_common_words_and_trigrams_bounded(monkeypatch):
    """Over budget, a common word or trigram only adds to what rarer ones found: the title
    with the rare word still wins, and each query reads a bounded number of postings."""
    monkeypatch.setattr(index, "WORD_BUDGET", 50)
    monkeypatch.setattr(index, "GRAM_BUDGET", 200)
    monkeypatch.setattr(index, "SHORT_LIST", 40)
    keys = sorted({f"little {w}{i}" for i in range(400) for w in ("story", "house")} | {"little mermaid"})
    resolver = TitleResolver(keys)
    assert top(resolver, "little mermaid") == "little mermaid"
    assert top(resolver, "the littel mermaid") == "little mermaid"
    assert top(resolver, "little house123") == "little house123"
    assert len(resolver.search("little", 5)) == 5  # every trigram over budget: the closest lengths stand in


def test_gram_index_lists_every_key_with_each_trigram():
    compact = ["frozen", "frozen2", "toystory", "a", "zzzz"]
    index = GramIndex(compact)
    for slot, gram in enumerate(index.grams):
        ranks = index.postings[index.indptr[slot] : index.indptr[slot + 1]]
        assert list(ranks) == sorted(ranks)  # ascending: the band and membership use searchsorted
        having = [r for r, c in enumerate(compact) if gram in trigram_codes("^" + c + "$")]
        assert list(ranks) == having
    assert list(index.gram_counts) == [len(trigram_codes("^" + c + "$")) for c in compact]


def test_trigram_codes_handle_any_letter():
    codes = trigram_codes("^東京物語$")
    assert len(codes) == 4 and len(set(codes.tolist())) == 4
    assert np.all(codes > 0)


def test_word_index_allows_one_typo_per_word():
    index = WordIndex(["godfather", "godfather 2", "lion king"])
    assert [index.vocab[i] for i, _ in index.similar("godfater")] == ["godfather"]
    assert index.similar("cat") == []  # short words must be exact


def test_agrees_with_the_exhaustive_scan_on_the_full_catalogue(full_catalogue):
    keys = np.unique(np.array([normalise(t) for t in full_catalogue["display_title"]], dtype=object)).tolist()
    indexed, exhaustive = TitleResolver(keys), ExhaustiveTitleResolver(keys)
    queries = make_queries(keys, 40)
    same = 0
    for _, query, accepted in queries:
        text = normalise(query)
        ours, theirs = indexed.search(text, 5), exhaustive.search(text, 5)
        same += confident(indexed, text, ours) == confident(exhaustive, text, theirs) and (
            not accepted or ours[:1] == theirs[:1]
        )
    assert len(queries) > 100 and same / len(queries) >= 0.99  # ties may order differently


def test_a_spanish_article_is_the_only_when_that_makes_an_exact_title():
    from core.search.titles import with_english_article

    exact = {"the simpsons": 1, "la casa de papel": 2}
    assert with_english_article("los simpsons", exact) == "the simpsons"
    assert with_english_article("la casa de papel", exact) == "la casa de papel"  # a title as it is
    assert with_english_article("el padrino", exact) == "el padrino"  # no "the padrino"
