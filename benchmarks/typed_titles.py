"""Texts people type to look a title up, made from real titles: exact, misspelt once or
twice, a word missing or added, the first half, and invented titles no catalogue holds."""

from __future__ import annotations

import random

QUERIES_PER_KIND = 50


def resolve_queries(titles: list[str], rng: random.Random) -> list[str]:
    """``QUERIES_PER_KIND`` texts of each kind people type, from ``titles``."""
    from benchmarks.eval_recommender import typo

    typable = [t for t in titles if sum(ch.isalpha() for ch in t) >= 5]  # as typo_queries picks
    worded = [t for t in titles if len(t.split()) >= 3]
    kinds = [
        lambda: rng.choice(titles),
        lambda: typo(rng.choice(typable), rng),
        lambda: typo(typo(rng.choice(typable), rng), rng),
        lambda: without_a_word(rng.choice(worded), rng),
        lambda: with_a_word(rng.choice(titles), rng.choice(rng.choice(worded).split()), rng),
        lambda: first_half(rng.choice(worded)),
        lambda: invented_title(rng),
    ]
    return [make() for make in kinds for _ in range(QUERIES_PER_KIND)]


def without_a_word(title: str, rng: random.Random) -> str:
    words = title.split()
    del words[rng.randrange(len(words))]
    return " ".join(words)


def with_a_word(title: str, word: str, rng: random.Random) -> str:
    words = title.split()
    words.insert(rng.randint(0, len(words)), word)
    return " ".join(words)


def first_half(title: str) -> str:
    words = title.split()
    return " ".join(words[: (len(words) + 1) // 2])


def invented_title(rng: random.Random) -> str:
    """One to three made-up words ("Vozarki Telu"): a title no catalogue holds."""

    def word() -> str:
        return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))

    return " ".join(word() for _ in range(rng.randint(1, 3))).title()
