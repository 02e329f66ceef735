"""The act classifier: its corpus, what it reads, and the messages the rules read weakly that it
reads right. Phrasings written for these tests, on the real catalogues where titles matter."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import hstack

from benchmarks.eval_acts import cross_validated
from core.understanding import CONFIDENT, Intent
from core.understanding.acts import ACTS, CORPUS, Acts, load_corpus
from core.understanding.acts.classifier import Act, ActClassifier
from core.understanding.acts.ngrams import CHAR_NGRAMS, WORD_NGRAMS, char_terms, word_terms


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
        words, chars, library = model.fitted
        features = hstack([words.transform([text]), chars.transform([text])]).tocsr()
        expected = library.predict_proba(features)[0]
        got = [model.probabilities(text)[act] for act in model.classes]
        assert np.allclose(got, expected), text


def test_the_corpus_is_written_by_several_hands_each_signed():
    files = sorted(CORPUS.glob("corpus_*.tsv"))
    assert len(files) >= 4, files
    for file in files:
        assert "written" in file.read_text(encoding="utf-8")[:400].lower(), file.name
        assert len(load_corpus(file)) >= 250, file.name


def test_a_writer_it_never_read_is_mostly_read_right(fixture_snapshot):
    """Each writer's lines read by a model trained on the other writers only."""
    results = cross_validated(fixture_snapshot.understanding, CORPUS, folds=0, by_writer=True)
    right = sum(want == got for want, got, _, _ in results) / len(results)
    assert right >= 0.85, right


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
        # the rules read these surely, and wrongly: a count of seasons, a claim read as a title
        ("how many seasons has the crown got", Intent.TITLE, "The Crown", None),
        ("my cousin says dexter is on hulu, true?", Intent.WHERE, "Dexter", "hulu"),
        ("mi tia jura q coco esta en netflix jaja es cierto?", Intent.WHERE, "Coco", "netflix"),
        ("just binged ozark 😭 anything like it", Intent.RECOMMEND, "Ozark", None),
    ],
)
def test_a_title_inside_a_sentence_is_asked_about_as_the_sentence_asks(
    understanding, text, intent, title, platform
):
    q = understanding.parse(text)
    kind, titles = q.answer()
    assert q.intent == intent and kind == CONFIDENT and titles[0].title == title, (text, q.intent, q.title)
    assert q.platform == platform


@pytest.mark.parametrize(
    "text", ["lmao ok that one sounds kinda dumb", "jajaja no manches q oso", "lol ok these r kinda old tbh"]
)
def test_small_talk_is_not_answered_as_a_title_nobody_carries(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.REMARK, (text, q.intent, q.title)


@pytest.mark.parametrize(
    "text",
    ["where can i watch back to the future", "spirited away", "mad max fury road",
     "en que plataforma esta amar te duele"],  # "todo sobre mi madre" is All About My Mother's Spanish name
)  # fmt: skip
def test_a_title_spotted_inside_a_longer_absent_title_is_not_taken(understanding, text):
    """ "The Future", "Spirited", "Mad Max", "Amar" are titles, but the words beside
    them here are the rest of another one's name, which no catalogue has."""
    assert understanding.parse(text).answer()[0] != CONFIDENT


@pytest.mark.parametrize("text", ["titanic", "the big lebowski"])
def test_an_absent_title_typed_alone_is_still_asked_about_not_small_talk(understanding, text):
    q = understanding.parse(text)
    assert q.intent == Intent.TITLE and q.answer()[0] != CONFIDENT, (text, q.intent)


@pytest.mark.parametrize(
    ("text", "intent"),
    [("how many shows have 3 seasons on netflix", Intent.COUNT),
     ("cuantas series con 2 temporadas hay en hulu", Intent.COUNT)],
)  # fmt: skip
def test_a_count_of_seasons_is_still_a_count(understanding, text, intent):
    assert understanding.parse(text).intent == intent


def test_the_same_vocabulary_reuses_its_classifier_and_another_trains_its_own(fixture_snapshot):
    """A snapshot loaded again trains nothing; a reader with other words to mask (here the
    catalogue's people) gets a classifier of its own."""
    from core.understanding import Understanding

    catalogue, recommender = fixture_snapshot.catalogue, fixture_snapshot.recommender
    first, again = (Understanding.build(catalogue, recommender) for _ in range(2))
    assert first.acts is again.acts
    with_people = Understanding.build(catalogue, recommender, fixture_snapshot.table.people)
    assert with_people.acts is not first.acts


def test_no_corpus_message_of_four_words_or_more_is_a_turn_of_an_evaluation_set():
    """The corpus teaches phrasings of its own: a sentence copied from a set the bot is
    measured on would make that set's figure a lie (short replies such as "more" or "how
    long is it" are everybody's)."""
    from benchmarks.eval_dialogue import load_conversations

    sets = sorted((Path(__file__).parents[4] / "benchmarks").glob("dialogue_*.tsv"))
    assert sets
    turns = {t.text.strip().lower() for s in sets for c in load_conversations(s) for t in c.turns}
    copied = [
        e.text for e in load_corpus(CORPUS) if len(e.text.split()) >= 4 and e.text.strip().lower() in turns
    ]
    assert copied == []


def test_a_saved_classifier_reads_as_the_trained_one_and_only_for_its_catalogue(tmp_path):
    texts = ["where is _title_", "who directed it", "more pls", "cuantas pelis de _genre_ hay", "jaja ok"]
    labels = ["where", "credits", "more", "count", "chat"]
    trained = Acts(ActClassifier().fit(texts * 3, labels * 3), frozenset(["pls"]), frozenset(["jaja", "ok"]))
    trained.save(tmp_path, "v1")
    loaded = Acts.load(tmp_path, "v1")
    assert loaded.common == trained.common and loaded.everyday == trained.everyday
    for text in [*texts, "wher is it", "quien dirigio eso", ""]:
        got, expected = loaded.classifier.probabilities(text), trained.classifier.probabilities(text)
        assert got.keys() == expected.keys() and np.allclose(list(got.values()), list(expected.values())), (
            text
        )
    assert Acts.load(tmp_path, "v2") is None  # another catalogue's vocabulary: retrained, not misread
    (tmp_path / "acts.npz").write_bytes(b"not an npz")
    assert Acts.load(tmp_path, "v1") is None


def test_without_a_trained_classifier_no_message_gets_a_second_reading():
    assert ActClassifier().predict("where is coco") == Act("unknown", 0.0)
    assert Acts.untrained().common == frozenset()


def test_the_terms_counted_are_scikit_learns_own():
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=WORD_NGRAMS).build_analyzer()
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS).build_analyzer()
    texts = [e.text for e in load_corpus()] + ["a", "ab", "abc  d\tE  ", "", "ÁÉ ñ  x", "wher   is  IT?"]
    for text in texts:
        assert word_terms(text) == words(text), text
        assert sorted(char_terms(text)) == sorted(chars(text)), text
