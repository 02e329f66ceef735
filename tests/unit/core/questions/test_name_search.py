"""The pruned misspelt-name scan finds exactly what scoring every name finds: the same names,
scores and order as ``process.extract`` over all of them, on 2,000 searches (misspelt names, surnames) over the full data's 20k names."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from core.questions.name_search import _Closest


def _typo(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.choice([0, 1, 2, 3])):
        at = rng.randrange(len(chars)) if chars else 0
        op = rng.randrange(3)
        if op == 0 and chars:
            del chars[at]
        elif op == 1:
            chars.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz "))
        elif chars:
            chars[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(chars).strip()


@pytest.fixture(scope="module")
def keys(full_snapshot):
    return full_snapshot.table.people._search.keys


def test_the_pruned_scan_ranks_as_a_full_scan_over_every_name(keys):
    rng = random.Random(7)
    closest = _Closest(keys)
    queries = [_typo(rng, rng.choice(keys)) for _ in range(1600)]
    queries += [rng.choice(keys).split()[-1] for _ in range(400)] + ["zq", "bad bunny", "x"]
    for query in filter(None, queries):
        whole = [
            (k, s) for _, s, k in process.extract(query, keys, scorer=fuzz.ratio, limit=20, processor=None)
        ]
        assert closest.best(query, 20) == whole, query


def test_a_cutoff_keeps_only_names_that_reach_it_as_a_full_scan_does():
    surnames = ["scorsese", "scorcese", "scott", "kubrick", "kubric", "spielberg"] * 40 + ["zz"] * 10
    closest = _Closest(surnames)
    for query in ("scorsese", "kubrik", "spilberg", "nobody"):
        whole = process.extract(query, surnames, scorer=fuzz.ratio, limit=3, score_cutoff=85, processor=None)
        assert closest.best(query, 3, 85) == [(k, s) for _, s, k in whole], query


@pytest.fixture(scope="module")
def closest(keys):
    return _Closest(keys)


def test_texts_that_name_nobody_rank_as_a_full_scan_does(keys, closest):
    """Words around a name read as one ("the second", "sean cortas de"): thousands of names
    have the letters for a high ratio, so most of the scan is the keys after the first guess."""
    rng = random.Random(11)
    words = sorted({w for key in keys[:5000] for w in key.split()})
    fillers = ["the", "second", "de", "una", "sean", "cortas", "whats", "about", "ahi", "esta", "movies"]
    queries = [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(300)]
    queries += [" ".join(rng.sample(fillers, rng.randint(1, 4))) for _ in range(300)]
    for query in queries:
        for limit in (3, 20):
            whole = process.extract(query, keys, scorer=fuzz.ratio, limit=limit, processor=None)
            assert closest.best(query, limit) == [(k, s) for _, s, k in whole], query
