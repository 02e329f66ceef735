"""Button data and inline result ids: every kind reads back what it wrote, the language
included; the bytes of buttons already in users' chats still parse; forged data is refused."""

from __future__ import annotations

import re

import pytest

from bot import callbacks
from bot.callbacks import (
    Ask,
    Card,
    Dislike,
    Example,
    ForYou,
    Like,
    MatchResult,
    More,
    Pick,
    Poll,
    Rate,
    SimilarResult,
    TopResult,
    Where,
)
from bot.handlers import chat, start
from bot.text import i18n
from core import suggest

LONGEST_ID = "n" + "9" * 40
BUTTONS = [
    Rate("ns42"),
    More("ns42", 5, "netflix"),
    More("ns42", 0, None),
    More(LONGEST_ID, callbacks.MAX_START, "netflix"),
    Pick("ds7"),
    Where("hs100"),
    Poll("as9"),
    Card("ns1"),
    Like("ns1"),
    Dislike(LONGEST_ID),
    ForYou("ns1"),
    Ask(callbacks.ASK_CHOICES - 1),
    Example(0),
    callbacks.Listing("1f", 10),
    callbacks.PersonChoice(45202),
    callbacks.Forget("ffffffff", 1),
    callbacks.Forget("1", 0),
    callbacks.PlatformsMenu("netflix"),
    callbacks.PlatformsMenu("kids"),
    callbacks.PlatformsMenu("clear"),
    callbacks.AllPlatforms("ffffffff"),
    callbacks.Seen("ns1"),
    callbacks.ListAdd(LONGEST_ID),
    callbacks.ListRemove("ds7"),
    callbacks.ListClear(0),
    callbacks.ListClear(2),
    callbacks.SeenChoice("ns1"),
    callbacks.CloseVote(),
    callbacks.EntryActions(1),
    callbacks.EntryActions(0),
    callbacks.Watch(1),
    callbacks.Watch(0),
]
RESULT_IDS = [TopResult("ns1"), MatchResult(LONGEST_ID), SimilarResult("ds2")]


def test_every_kind_is_tested():
    assert {type(b) for b in BUTTONS + RESULT_IDS} == set(callbacks.KINDS.values())


@pytest.mark.parametrize("button", BUTTONS, ids=repr)
@pytest.mark.parametrize("language", ["en", "es", None])
def test_a_button_reads_back_what_it_wrote_in_its_language(button, language):
    tagged = type(button)(**{**button.__dict__, "language": language})
    data = tagged.encode()
    assert len(data.encode()) <= 64
    assert type(button).parse(data) == tagged
    assert callbacks.parse_any(data) == tagged
    assert callbacks.language_of(data) == language
    assert type(button).pattern.match(data)  # what python-telegram-bot calls
    others = [kind for kind in callbacks.KINDS.values() if kind is not type(button)]
    assert not any(kind.pattern.match(data) for kind in others)


@pytest.mark.parametrize("result", RESULT_IDS, ids=repr)
def test_an_inline_result_id_reads_back_and_fits(result):
    data = result.encode()
    assert type(result).parse(data) == result and len(data.encode()) <= 64
    assert callbacks.parse_any(data) is None  # not button data


def test_buttons_speak_the_language_being_spoken_by_default():
    assert Rate("ns1").encode() == "fb:ns1:en"
    with i18n.using("es"):
        assert More("ns1", 5, None).encode() == "more:ns1:5::es"


@pytest.mark.parametrize(
    ("data", "parsed"),
    [
        # What buttons in users' chats carry today, and before buttons had a language.
        ("fb:ns42:es", Rate("ns42", language="es")),
        ("fb:ns42", Rate("ns42", language=None)),
        ("more:ns1:5::en", More("ns1", 5, None, language="en")),
        ("more:ns1:0:hulu:es", More("ns1", 0, "hulu", language="es")),
        ("more:ns1:5:", More("ns1", 5, None, language=None)),
        ("more:ns1:20:netflix", More("ns1", 20, "netflix", language=None)),
        ("pick:ds42:en", Pick("ds42", language="en")),
        ("where:hs3", Where("hs3", language=None)),
        ("poll:as1:es", Poll("as1", language="es")),
        ("card:ns1:en", Card("ns1", language="en")),
        ("like:ns1:es", Like("ns1", language="es")),
        ("dislike:ns1", Dislike("ns1", language=None)),
        ("fy:ns1:en", ForYou("ns1", language="en")),
        ("ask:2:es", Ask(2, language="es")),
        ("ex:4", Example(4, language=None)),
    ],
)
def test_data_already_in_chats_still_parses(data, parsed):
    assert callbacks.parse_any(data) == parsed
    assert parsed.encode() == data


@pytest.mark.parametrize(
    "data",
    [
        "",
        "fb",
        "fb:",
        "fb:ns1:fr",  # an unknown language
        "fb:" + "n" * 42,  # an id too long
        "fb:9ns",  # an id starts with a platform letter
        "fb:ns1;drop",
        "fb:ns1:es:es",
        "more:ns1:21:",  # past the pool of suggestions
        "more:ns1:999:netflix",
        "more:ns1:-5:",
        "more:ns1:05:",
        "more:ns1:5:hbo",  # an unknown platform
        "more:ns1:5",
        "more:ns1:es",
        "pick:ns1:",
        "ask:3",  # past the examples
        "ex:5",
        "ex:x",
        "zz:ns1:es",
        "FB:ns1",
    ],
)
def test_garbage_and_forged_data_are_refused(data):
    assert callbacks.parse_any(data) is None
    assert not any(kind.pattern.match(data) for kind in callbacks.KINDS.values())


@pytest.mark.parametrize(
    "make",
    [
        lambda: Rate("n" * 42),
        lambda: Rate("ns1:es"),
        lambda: More("ns1", 25, None),
        lambda: More("ns1", -1, None),
        lambda: More("ns1", 0, "hbo"),
        lambda: Ask(callbacks.ASK_CHOICES),
        lambda: Example(callbacks.EXAMPLE_CHOICES),
        lambda: Pick("ns1", language="fr"),
        lambda: TopResult("n" * 63),
        lambda: TopResult(""),
    ],
)
def test_a_value_the_data_cannot_carry_is_refused_when_made(make):
    with pytest.raises(ValueError):
        make()


def test_a_kind_refuses_another_kinds_data():
    with pytest.raises(ValueError):
        Pick.parse("where:ns1:en")
    with pytest.raises(ValueError):
        Rate.parse(None)


def test_the_bounds_are_the_lists_they_index():
    assert len(chat.ASK_EXAMPLES) == callbacks.ASK_CHOICES
    assert len(start.EXAMPLES) == callbacks.EXAMPLE_CHOICES
    assert callbacks.MAX_START == suggest.POOL


def test_every_button_handler_pattern_is_a_generated_one():
    from telegram.ext import CallbackQueryHandler

    from bot.app import FEATURES

    patterns = [
        h.pattern
        for module in FEATURES
        for h in module.HANDLERS
        if isinstance(h, CallbackQueryHandler) and h.pattern is not None
    ]
    generated = {kind.pattern for kind in callbacks.KINDS.values()}
    assert patterns and all(isinstance(p, re.Pattern) and p in generated for p in patterns)
    assert len(patterns) == len(set(patterns))  # one handler per kind
    button_kinds = {k for k in callbacks.KINDS.values() if issubclass(k, callbacks.Button)}
    assert {k.pattern for k in button_kinds} == set(patterns)  # and no kind without a handler
