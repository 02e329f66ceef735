"""Topics that are no genre ("movies about dogs", "pelis de zombis"), on the full catalogues:
the titles kept mention the topic in their own words, any other filter still applies, and a
title named like a topic stays a title."""

from __future__ import annotations

import re

import pytest

from core.questions import answers
from core.questions.filters import Filters
from core.questions.topics import TOPICS


def words_of(table, row) -> str:
    c = table.catalogue
    return f"{c['title'].iloc[row]} {c['description'].iloc[row]}".lower()


@pytest.mark.parametrize("topic", ["zombies", "dogs", "christmas", "doctors"])
def test_a_topic_keeps_the_titles_that_mention_it_and_only_those(full_snapshot, topic):
    table = full_snapshot.table
    kept = table.mask(Filters(topics=frozenset({topic})))
    assert 10 < kept.sum() < table.size / 10
    pattern = re.compile(TOPICS[topic])
    rows = kept.nonzero()[0]
    assert all(pattern.search(words_of(table, row)) for row in rows[:200])
    others = (~kept).nonzero()[0]
    assert not any(pattern.search(words_of(table, row)) for row in others[:2000])


def test_a_topic_combines_with_the_other_filters(full_snapshot):
    table = full_snapshot.table
    both = Filters(topics=frozenset({"christmas"}), platforms=frozenset({"netflix"}))
    alone = Filters(topics=frozenset({"christmas"}))
    assert 0 < answers.count(table, both).total < answers.count(table, alone).total


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("movies about sharks on netflix", "sharks"),
        ("pelis de vampiros", "vampires"),
        ("any shows with dinosaurs for kids", "dinosaurs"),
        ("cuantas peliculas navideñas hay en disney", "christmas"),
        ("una serie de abogados", "lawyers"),
    ],
)
def test_a_topic_said_in_a_request_is_a_filter_not_a_title(full_snapshot, text, topic):
    q = full_snapshot.understanding.parse(text)
    assert q.filters.topics == {topic} and q.title is None, (text, q)


@pytest.mark.parametrize("text", ["where can i watch cars", "zombieland", "is jaws on netflix"])
def test_a_title_named_like_a_topic_stays_a_title(full_snapshot, text):
    q = full_snapshot.understanding.parse(text)
    assert q.title and not q.filters.topics, (text, q)


def test_titles_everyone_knows_are_kept_or_left_out_by_their_topic(full_snapshot):
    table, model = full_snapshot.table, full_snapshot.recommender
    zombies = table.mask(Filters(topics=frozenset({"zombies"})))

    def kept(title: str) -> bool:
        return bool(zombies[table.row_of[model.resolve(title)[0].id]])

    assert kept("Zombieland") and kept("Z Nation")
    assert not kept("Ozark") and not kept("Toy Story")
