"""The act classifier: its corpus, what it reads, and the messages the rules read weakly that it
reads right. Phrasings written for these tests, on the real catalogues where titles matter."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from scipy.sparse import hstack

from benchmarks.eval_acts import cross_validated
from core.understanding import CONFIDENT, Intent
from core.understanding.acts import ACTS, CORPUS, load_corpus
from core.understanding.acts.classifier import ActClassifier


def test_the_corpus_teaches_every_act_in_both_languages():
    examples = load_corpus(CORPUS)
    by_act = Counter(e.act for e in examples)
    assert set(by_act) == set(ACTS)
    assert min(by_act.values()) >= 8, by_act
    spanish = sum(e.language == "es" for e in examples) / len(examples)
    assert 0.35 <= spanish <= 0.65, spanish


def test_a_corpus_line_with_an_unknown_act_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "corpus.tsv"
    path.write_text("# acts\nwhere\ten\twhere is coco\nwhere\ten\tis it on hulu\nwehre\ten\tdonde esta\n")
    with pytest.raises(ValueError, match=r"corpus.tsv:4"):
        load_corpus(path)


def test_the_fast_reading_is_the_models_own():
    texts = ["where is _title_", "who directed it", "more pls", "cuantas pelis de _genre_ hay", "jaja ok"]
    acts = ["where", "credits", "more", "count", "chat"]
    model = ActClassifier().fit(texts * 3, acts * 3)
    for text in [*texts, "something else entirely", ""]:
        features = hstack([model.words.transform([text]), model.chars.transform([text])]).tocsr()
        expected = model.model.predict_proba(features)[0]
        got = [model.probabilities(text)[act] for act in model.classes]
        assert np.allclose(got, expected), text


def test_messages_it_never_saw_are_mostly_read_right(fixture_snapshot):
    results = cross_validated(fixture_snapshot.understanding, CORPUS, folds=4)
    right = sum(want == got for want, got, _, _ in results) / len(results)
    assert right >= 0.55, right


@pytest.fixture(scope="module")
def understanding(full_snapshot):
    return full_snapshot.understanding


def test_titles_are_spotted_inside_a_sentence_but_everyday_words_are_not(understanding):
    reading = understanding.act("ok settle this, my roommate swears breaking bad is on hulu")
    assert "_title_" in reading.text and "breaking" not in reading.text
    assert understanding.act("lol whats the deal with that").titles == ()


@pytest.mark.parametrize(
    ("text", "intent", "title", "platform"),
    [
        ("wait what year did moana come out", Intent.TITLE, "Moana", None),
    ],
)
def test_a_title_inside_a_sentence_is_asked_about_as_the_sentence_asks(
    understanding, text, intent, title, platform
):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.intent, q.title)
    assert q.platform == platform


@pytest.mark.parametrize("text", ["lmao ok that one sounds kinda dumb", "jajaja no manches q oso"])
def test_small_talk_is_not_answered_as_a_title_nobody_carries(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.REMARK, (text, q.intent, q.title)
