"""The fast paths of title search give what the plain definitions give, on the real catalogue:
the vectorised scorers, the fuzzy word lookup over prebuilt per-letter lists, the postings counted;
and one message's readings look a title or a name up once."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from core.search import index
from core.search.titles import DIGITS, STOPWORDS, _compact, normalise, significant


def _plain_score(resolver, query: str, i: int) -> float:
    """The score of one key as one rapidfuzz call per scorer computes it (the definition)."""
    compact, query_sig = query.replace(" ", ""), significant(query)
    key, sig = resolver.keys[i], resolver.sig[i]
    little = len((set(query.split()) ^ set(key.split())) & STOPWORDS)
    whole = max(
        fuzz.ratio(query, key),
        fuzz.ratio(compact, _compact(key)),
        fuzz.ratio(query_sig, sig) - 1 - 3 * little,
        fuzz.token_sort_ratio(query_sig, sig) - 3 - 3 * little,
    )
    if len(query_sig) >= 3 and len(query_sig) < len(sig):
        covered = len(query_sig) / len(sig)
        if key.startswith(query) or sig.startswith(query_sig):
            whole = max(whole, 90 + 8 * covered)
        inside = fuzz.partial_ratio(query_sig, sig)
        if inside >= 80:
            whole = max(whole, inside * (0.80 + 0.12 * covered))
    wanted = DIGITS.findall(compact)
    if wanted and not all(n in DIGITS.findall(_compact(key)) for n in wanted):
        whole -= 8
    return float(whole)


def _plain_similar(words: index.WordIndex, word: str) -> list[tuple[int, float]]:
    """Vocabulary words one typo away, as one lookup over every word of a near length sharing
    the first or the last letter (the definition)."""
    if word in words.word_id or len(word) < 4:
        return [(words.word_id[word], 1.0)] if word in words.word_id else []
    ids = [
        i for i, w in enumerate(words.vocab)
        if abs(len(w) - len(word)) <= 1 and (w[0] == word[0] or w[-1] == word[-1])
    ]  # fmt: skip
    hits = process.extract(
        word, [words.vocab[i] for i in ids], scorer=fuzz.ratio, processor=None, limit=3, score_cutoff=80
    )
    return [(ids[k], score / 100) for _, score, k in hits]


def _slips(rng: random.Random, text: str) -> str:
    letters = list(text)
    for _ in range(rng.randint(0, 2)):
        at = rng.randrange(len(letters))
        choice = rng.random()
        if choice < 0.3 and len(letters) > 1:
            del letters[at]
        elif choice < 0.6:
            letters.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz "))
        else:
            letters[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(letters).strip() or text


@pytest.fixture(scope="module")
def resolver(full_snapshot):
    return full_snapshot.recommender.resolver


def test_scores_equal_one_call_per_scorer(resolver):
    rng = random.Random(7)
    queries = [_slips(rng, rng.choice(resolver.keys)) for _ in range(300)]
    queries += [
        "whats the 2nd one about",
        "la primera es de netflix tambien",
        "the godfather",
        "home alone 2",
    ]
    for query in queries:
        query = normalise(query)
        candidates = sorted(resolver._candidates(query, significant(query), query.replace(" ", "")))
        fast = resolver._scores(query, significant(query), query.replace(" ", ""), candidates)
        assert fast == [_plain_score(resolver, query, i) for i in candidates], query


def test_fuzzy_word_lookup_equals_the_plain_scan(resolver):
    words = resolver.words
    rng = random.Random(11)
    probes = [_slips(rng, rng.choice(words.vocab)).replace(" ", "") for _ in range(400)]
    probes += ["godfater", "stranegr", "muestrame", "cortitas", "zzzzzz", "abcd"]
    for word in probes:
        if word:
            assert words.similar(word) == _plain_similar(words, word), word


def test_a_misspelt_title_is_still_found(resolver):
    found = resolver.search(normalise("stranger thigns"), 5)
    assert resolver.keys[found[0][0]] == "stranger things"


@pytest.mark.parametrize("span", [10, 50, 100_000])
def test_counting_equals_unique(span):
    values = np.random.default_rng(span).integers(0, span, 500).astype(np.int32)
    ranks, counts = index._counts(values)
    expected_ranks, expected_counts = np.unique(values, return_counts=True)
    assert ranks.dtype == values.dtype
    assert ranks.tolist() == expected_ranks.tolist() and counts.tolist() == expected_counts.tolist()
    assert [a.tolist() for a in index._counts(np.empty(0, dtype=np.int32))] == [[], []]


def test_scores_equal_one_call_per_scorer_on_thousands_of_texts(full_snapshot):
    """Titles and the Spanish names alike: misspelt titles, their parts, and titles inside
    sentences (the little words, numbers and longer titles ``_scores`` handles apart)."""
    rng = random.Random(23)
    names = full_snapshot.recommender.names.resolver
    for resolver, count in ((full_snapshot.recommender.resolver, 1500), (names, 500)):
        queries = []
        for _ in range(count):
            key = rng.choice(resolver.keys)
            words = key.split()
            queries.append(rng.choice([
                _slips(rng, key),
                " ".join(words[: rng.randint(1, len(words))]),
                f"{rng.choice(['where can i watch', 'is', 'de que va', 'the', 'la'])} {key} "
                f"{rng.choice(['', 'on netflix', '2', 'part 3', 'en disney'])}",
            ]))  # fmt: skip
        for query in queries:
            query = normalise(query)
            if len(query.replace(" ", "")) < 2:
                continue
            sig, compact = significant(query), query.replace(" ", "")
            candidates = sorted(resolver._candidates(query, sig, compact))
            fast = resolver._scores(query, sig, compact, candidates)
            assert fast == [_plain_score(resolver, query, i) for i in candidates], query


def test_a_name_search_cut_short_by_letter_counts_finds_what_the_search_finds(full_snapshot):
    """``NameIndex.search`` answers "no name" from letter counts when no name can reach the
    floor: the same as the search itself, on names misspelt, cut, inside sentences, and on
    titles and words that are no Spanish name."""
    rng = random.Random(7)
    names = full_snapshot.recommender.names
    titles = full_snapshot.recommender.resolver.keys
    queries = []
    for _ in range(1500):
        key = rng.choice(names.names if rng.random() < 0.6 else titles)
        words = key.split()
        queries.append(rng.choice([
            key, _slips(rng, key), " ".join(words[: rng.randint(1, len(words))]),
            " ".join(words[rng.randint(0, len(words) - 1) :]),
            f"{rng.choice(['donde veo', 'de que va', 'the', 'la', 'whats'])} {key} "
            f"{rng.choice(['', 'en netflix', '2', 'about', 'me gusto'])}",
        ]))  # fmt: skip
    queries += ["el primero", "the 3rd 1 about", "de q trata", "coco", "he in", "la casa de papel"]

    class Always:
        def may_reach(self, query, floor):
            return True

    bounds, reached = names._bounds, 0
    for query in map(normalise, queries):
        fast = names.search(query, 10)
        names._bounds = Always()
        try:
            assert fast == names.search(query, 10), query
        finally:
            names._bounds = bounds
        reached += bounds.may_reach(query, 80.0)
    assert reached < len(queries)  # the counts do cut searches short
