"""The shortcuts the readings of one message take read exactly what the full paths read: title
spotting's count of a run's own words, the act reading kept per message, the title words' typo
look-ups kept per word, the scanner's phrase look-ups skipped after a token no phrase starts with. Compared on thousands of real messages: the act corpus, each line also
with a catalogue title in it (the corpus is training data, no evaluation set)."""

from __future__ import annotations

import random

import pytest

from core.search.titles import forget_normalised
from core.understanding import Understanding
from core.understanding.acts import CORPUS, load_corpus
from core.understanding.acts.spotting import LONGEST_RUN, POSSESSIVES, _may_be_a_title, spot
from core.understanding.scanner import tokens


def _spot_in_full(message, common) -> list[tuple[int, int]]:
    """``spot`` as it was written first: every run's words built and tested."""
    items = message.items
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    for size in range(min(LONGEST_RUN, len(items)), 0, -1):
        for i in range(len(items) - size + 1):
            j = i + size
            if taken.intersection(range(i, j)) or not _may_be_a_title(items[i:j], common):
                continue
            if size == 1 and any(it.words in POSSESSIVES for it in items[max(0, i - 2) : i]):
                continue  # the rule, not the shortcut: "my little cousins" names no title
            if message.is_title((i, j)):
                found.append((i, j))
                taken.update(range(i, j))
    return sorted(found)


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    snap = full_snapshot
    return Understanding.build(snap.catalogue, snap.recommender, snap.table.people)


@pytest.fixture(scope="module")
def messages(full_snapshot):
    """The corpus's messages, and each again with a catalogue title where it says ``_title_``
    or else after it ("donde esta" + "the crown"): runs that are titles, inside sentences."""
    titles = sorted(set(full_snapshot.catalogue["title"].dropna().str.lower()))
    pick = random.Random(7)
    texts = [e.text for e in load_corpus(CORPUS)]
    with_titles = [
        t.replace("_title_", title) if "_title_" in t else f"{t} {title}"
        for t, title in zip(texts, (pick.choice(titles) for _ in texts), strict=True)
    ]
    return texts + with_titles


def test_spotting_finds_what_the_full_scan_finds(understanding, messages):
    common = understanding.acts.common
    spotted = 0
    for text in messages:
        m = understanding._message(text)
        found = spot(m, common)
        assert found == _spot_in_full(m, common), text
        spotted += bool(found)
    assert len(messages) > 4000 and spotted > 1000, (len(messages), spotted)


def test_a_kept_act_reading_is_a_fresh_one(understanding, messages):
    for text in messages[::7]:
        understanding.forget_readings()
        m = understanding._message(text)
        fresh = understanding.acts.read(m)
        assert understanding._act_reading(m) == fresh, text
        assert understanding._act_reading(understanding._message(text)) == fresh, "kept"
        assert understanding.act(text) == fresh, text
        understanding.forget_readings()
        assert understanding.act(text) == fresh, "read afresh"


def test_kept_typo_look_ups_give_the_same_titles(full_snapshot, messages):
    """Every word of the messages looked up in the title words afresh, then kept: the same."""
    words = full_snapshot.recommender.resolver.words
    vocabulary = sorted({w for text in messages for w in text.lower().split() if w.isalpha()})
    forget_normalised()
    fresh = {w: words._similar_afresh(w) for w in vocabulary}
    assert sum(bool(found) for found in fresh.values()) > 1000
    for w in vocabulary:
        assert words.similar(w) == fresh[w], w
    assert words.similar(vocabulary[0]) is words.similar(vocabulary[0]), "kept"
    forget_normalised()  # as ``Understanding.forget_readings`` does: nothing kept from before
    assert words.similar(vocabulary[1]) == fresh[vocabulary[1]] and len(words._similar) == 1


def test_a_message_reads_the_same_with_every_shortcut_forgotten(understanding, messages):
    """Whole questions: read with everything kept from the messages before, and afresh."""
    kept = [understanding.parse(text) for text in messages[:600]]
    for text, question in zip(messages[:600], kept, strict=True):
        understanding.forget_readings()
        again = understanding.parse(text)
        assert again == question, text
        assert again.answer() == question.answer(), text


class _Everything:
    def __contains__(self, word) -> bool:
        return True


def test_tokens_starting_no_phrase_are_labelled_as_when_every_length_is_tried(understanding, messages):
    """The scanner skips the phrase lengths after a token no lexicon phrase starts with."""
    scanner = understanding.scanner
    fast = [scanner.scan(tokens(text)) for text in messages]
    heads, scanner.table_heads = scanner.table_heads, _Everything()
    try:
        assert [scanner.scan(tokens(text)) for text in messages] == fast
    finally:
        scanner.table_heads = heads
    assert sum(len(items) for items in fast) > 20_000
