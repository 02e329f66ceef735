"""Plain messages about seen titles and the chat's list (``core.dialogue.together``): a
paraphrase keeps its meaning, in English and Spanish; a catalogue question is never taken
for one. On the fixture catalogue; phrasings written for these tests."""

from __future__ import annotations

import pytest

from core.dialogue.frame import Frame
from core.dialogue.together import Act, TogetherRequest, read_together, target

IT = [
    ("I've seen it", Act.SEEN),
    ("yeah we already watched that one", Act.SEEN),
    ("ya lo vimos", Act.SEEN),
    ("marcalo como visto", Act.SEEN),
    ("add it to my list pls", Act.ADD),
    ("ponlo en nuestra lista", Act.ADD),
    ("save that one for later", Act.ADD),
    ("take it off our list", Act.REMOVE),
    ("sacala de la lista", Act.REMOVE),
]


@pytest.mark.parametrize(("text", "act"), IT)
def test_about_the_title_in_focus(understanding, text, act):
    assert read_together(text, understanding) == TogetherRequest(act)


@pytest.mark.parametrize(
    ("text", "act", "position"),
    [
        ("we saw the 2nd one", Act.SEEN, 2),
        ("la primera ya la vi", Act.SEEN, 1),
        ("add number 4 to the list", Act.ADD, 4),
        ("quita la tercera de mi lista", Act.REMOVE, 3),
    ],
)
def test_about_a_title_of_the_last_list(understanding, text, act, position):
    assert read_together(text, understanding) == TogetherRequest(act, position=position)


@pytest.mark.parametrize(
    ("text", "act", "title"),
    [
        ("already saw toy story 2", Act.SEEN, "toy story 2"),
        ("ya vimos frozen", Act.SEEN, "frozen"),
        ("add coco to our watchlist", Act.ADD, "coco"),
        ("agrega frozen 2 a la lista", Act.ADD, "frozen 2"),
        ("remove coco from my list", Act.REMOVE, "coco"),
    ],
)
def test_about_a_title_named(understanding, text, act, title):
    assert read_together(text, understanding) == TogetherRequest(act, title=title)


@pytest.mark.parametrize(
    "text",
    ["what's on our list", "show me the watchlist", "que hay en nuestra lista?", "my list", "ver mi lista"],
)
def test_the_list_asked_for(understanding, text):
    assert read_together(text, understanding) == TogetherRequest(Act.SHOW_LIST)


@pytest.mark.parametrize(
    "text", ["pick one from our list", "escoge algo de la lista", "which one off my list tonight"]
)
def test_a_pick_from_the_list(understanding, text):
    assert read_together(text, understanding) == TogetherRequest(Act.PICK)


@pytest.mark.parametrize(
    "text",
    [
        "have you seen toy story?",
        "did u watch frozen",
        "where can i watch coco, i saw it on netflix",
        "list of comedies on hulu",
        "add some horror",
        "pick a movie for tonight",
        "the most watched shows",
        "toy story",
        "the list",
        "la lista de schindler",
        "saca la lista",  # after a count: list them
        "i saw an ad for a show about cooking what was it",
    ],
)
def test_catalogue_questions_are_left_alone(understanding, text):
    assert read_together(text, understanding) is None


def test_which_title_it_and_a_position_are():
    frame = Frame(focus="ds7", shown=("a1", "a2", "a3", "a4", "a5"), read=10)
    assert target(TogetherRequest(Act.SEEN), frame) == "ds7"
    # The list's second page shows titles 6-10: "the second one" is the page's second, as for
    # every pointer, and "number 7" its number on the page.
    assert target(TogetherRequest(Act.ADD, position=2), frame) == "a2"
    assert target(TogetherRequest(Act.ADD, position=7), frame) == "a2"
    assert target(TogetherRequest(Act.ADD, position=11), frame) is None
    assert target(TogetherRequest(Act.ADD, title="coco"), frame) is None


@pytest.mark.parametrize(
    ("text", "act", "title", "rest"),
    [
        ("ya vi toy story, qué me recomiendas?", Act.SEEN, "toy story", "qué me recomiendas?"),
        ("watched it. next", Act.SEEN, None, "next"),
        ("add it to our list! anything like it on hulu?", Act.ADD, None, "anything like it on hulu?"),
    ],
)
def test_an_act_then_a_question(understanding, text, act, title, rest):
    assert read_together(text, understanding) == TogetherRequest(act, title=title, rest=rest)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("kids mode", Act.KIDS_ON),
        ("turn on kids mode please", Act.KIDS_ON),
        ("activa el modo niños", Act.KIDS_ON),
        ("kids mode off", Act.KIDS_OFF),
        ("quita el modo infantil porfa", Act.KIDS_OFF),
    ],
)
def test_kids_mode_in_words(understanding, text, act):
    assert read_together(text, understanding) == TogetherRequest(act)


@pytest.mark.parametrize("text", ["what is kids mode?", "does kids mode hide horror movies", "kids movies"])
def test_questions_about_kids_mode_or_kids_titles_are_left_alone(understanding, text):
    assert read_together(text, understanding) is None


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("count me in", Act.JOIN),
        ("ok me apunto", Act.JOIN),
        ("not tonight guys", Act.LEAVE),
        ("yo hoy no", Act.LEAVE),
    ],
)
def test_joining_or_leaving_tonights_watchers(understanding, text, act):
    assert read_together(text, understanding) == TogetherRequest(act)


@pytest.mark.parametrize(
    "text", ["i'm watching toy story", "what's in it", "not tonight but tomorrow, any horror?"]
)
def test_a_title_or_a_question_is_no_joining(understanding, text):
    assert read_together(text, understanding) is None


@pytest.mark.parametrize(
    ("text", "platforms"),
    [
        ("we only have netflix and hulu", {"netflix", "hulu"}),
        ("tengo disney y prime", {"disney", "amazon"}),
        ("i've got disney+ only", {"disney"}),
    ],
)
def test_the_platforms_a_chat_has_in_words(understanding, text, platforms):
    assert read_together(text, understanding) == TogetherRequest(
        Act.PLATFORMS, platforms=frozenset(platforms)
    )


@pytest.mark.parametrize(
    "text",
    [
        "do you have netflix?",
        "i have a question",
        "tengo ganas de ver algo en netflix",
        "we have netflix, any good horror",
    ],
)
def test_a_question_with_have_is_no_platforms(understanding, text):
    found = read_together(text, understanding)
    assert found is None or found.rest  # the last one sets them, then asks


@pytest.mark.parametrize("text", ["let's vote on our list", "hagamos una votación con la lista"])
def test_a_vote_on_the_list_in_words(understanding, text):
    assert read_together(text, understanding) == TogetherRequest(Act.POLL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of platforms keeps its commas.
        (
            "tenemos netflix, hulu y disney",
            TogetherRequest(Act.PLATFORMS, platforms=frozenset(["netflix", "hulu", "disney"])),
        ),
        # A remark first, then the act.
        ("the kids went to bed, turn off kids mode", TogetherRequest(Act.KIDS_OFF)),
        # Chat fillers and openers around the act.
        ("ok and my list??", TogetherRequest(Act.SHOW_LIST)),
        ("ponla en la lista pa despues bro", TogetherRequest(Act.ADD)),
        ("guarda la 2 for later", TogetherRequest(Act.ADD, position=2)),
        ("haz una encuesta con nuestra lista", TogetherRequest(Act.POLL)),
    ],
)
def test_acts_wrapped_in_chat(understanding, text, expected):
    assert read_together(text, understanding) == expected


@pytest.mark.parametrize(
    "text", ["only netflix", "solo en hulu", "vote for the best comedy of 2019", "netflix"]
)
def test_narrowing_a_question_or_a_vote_on_titles_is_left_alone(understanding, text):
    assert read_together(text, understanding) is None
