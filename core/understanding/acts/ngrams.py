"""The terms the act classifier counts in a text: word 1-2-grams and characters' 2-5-grams
inside words, exactly as scikit-learn's ``TfidfVectorizer`` makes them for the settings
``ActClassifier`` trains with (lowercased, ``\\S+`` tokens; ``char_wb``).

A classifier loaded from a snapshot reads messages with these, so the serving process never
imports scikit-learn (a second of start-up and ~65 MB it would never give back);
``tests/unit/core/understanding/test_acts.py`` holds them equal to the library's.
"""

from __future__ import annotations

import re

WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
TOKEN = re.compile(r"\S+")
_RUNS_OF_SPACE = re.compile(r"\s\s+")


def word_terms(text: str) -> list[str]:
    tokens = TOKEN.findall(text.lower())
    low, high = WORD_NGRAMS
    terms = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        terms.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return terms


def char_terms(text: str) -> list[str]:
    low, high = CHAR_NGRAMS
    terms: list[str] = []
    for word in _RUNS_OF_SPACE.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:  # a word shorter than n counts once, whole
                terms.append(padded)
                break
            terms.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return terms
