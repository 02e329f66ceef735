"""One language detector (core.understanding.language): each phrasing is read by the snapshot's
understanding, so the words of a title it names do not count, and the reply language is chosen
from the message, then the conversation, then the user's app."""

from __future__ import annotations

import pytest

from core.understanding import COMMANDS, Understanding
from core.understanding.language import NOTHING, Said, choose

SPANISH = [
    "q onda", "holaa q tal", "dame pelis de terror", "me encanto coco", "no me gusto frozen",
    "kiero ver algo xfa", "que onda wey, algo chido pa ver", "dónde veo stranger things",
    "¿frozen está en disney?", "¡hola!", "busco una serie de comedia", "algo parecido a toy story",
    "cuántas películas hay en netflix", "recomiéndame algo de miedo", "tienen narcos?",
    "en qué plataforma está moana", "quiero ver una peli con mi novia", "oye, qué me recomiendas hoy",
    "mejores series de netflix", "pasame algo para los niños", "me gustó mucho elite, algo así?",
    "ponme algo de acción porfa", "hay documentales en hulu?", "qué tal the office",
    "estoy aburrido", "buenas noches", "pelis animadas de disney", "dime dónde ver la casa de papel",
    "y en hulu?", "otra serie como narcos", "/titulo frozen", "/megusta coco", "/parati", "/olvidar",
    "/misdatos", "/contar netflix 2019", "/recomendar la casa de papel", "/donde the office",
]  # fmt: skip
ENGLISH = [
    "where can I watch la casa de papel", "is narcos on netflix?", "something like toy story please",
    "what should I watch tonight", "how many movies are on hulu", "any good horror movies?",
    "I loved coco, anything similar?", "recommend me a comedy show", "where is elite streaming",
    "best shows on disney plus", "hi there", "show me something funny for the kids",
    "i'm bored", "who is in the office", "any movies from mexico?", "hello, where is moana",
    "what about hulu?", "do you have y tu mamá también", "gimme a scary movie", "more like narcos",
    "looking for a family movie", "whats new on netflix", "give me something to watch with my gf",
    "goood movies pleasee", "which platform has frozen", "can you find stranger things for me",
    "let's watch an animated film", "top rated documentaries on prime", "we want a movie for tonight",
    "anything else?", "/title frozen", "/recommend la casa de papel", "/where the office",
]  # fmt: skip
UNCLEAR = ["ok", "🙂", "3", "2019", "frozen", "la casa de papel", "netflix", "/start", "hmm"]


@pytest.fixture(scope="module")
def understanding(fixture_snapshot):
    return Understanding.build(fixture_snapshot.catalogue, fixture_snapshot.recommender)


def test_the_table_is_big_enough_and_half_spanish():
    assert len(SPANISH) + len(ENGLISH) >= 60 and len(SPANISH) >= 30 and len(ENGLISH) >= 30


@pytest.mark.parametrize("text", SPANISH)
def test_spanish_is_answered_in_spanish_whatever_came_before(understanding, text):
    said = understanding.language(text)
    assert said.clear and said.language == "es"
    assert choose(said, conversation="en", app_code="en-US") == "es"


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_answered_in_english(understanding, text):
    said = understanding.language(text)
    assert said.clear and said.language == "en"
    assert choose(said, conversation="es", app_code=None) == "en"


@pytest.mark.parametrize("text", UNCLEAR)
def test_a_short_or_unclear_message_keeps_the_conversation(understanding, text):
    said = understanding.language(text)
    assert not said.clear
    assert choose(said, conversation="es", app_code="en") == "es"
    assert choose(said, conversation="en", app_code="es") == "en"
    assert choose(said, conversation=None, app_code="es-419") == "es"  # then the app
    assert choose(said, conversation=None, app_code=None) == "en"  # then English


def test_thanks_and_laughter_only_lean(understanding):
    for text, lean in [("gracias", "es"), ("jajaja", "es"), ("thanks!", "en"), ("hahaha", "en")]:
        said = understanding.language(text)
        assert said == Said(lean), text
        assert choose(said, conversation="en" if lean == "es" else "es", app_code=None) != lean
        assert choose(said, None, None) == lean


def test_an_english_command_from_a_spanish_app_is_a_menu_tap(understanding):
    """The Spanish menu lists the English names: from a Spanish app they tell nothing."""
    said = understanding.language("/recommend toy story")
    assert choose(said, conversation=None, app_code="es") == "es"
    assert choose(said, conversation="es", app_code="en") == "en"
    assert choose(understanding.language("/count películas de terror"), "en", "en") == "es"


def test_question_language_is_the_same_detector(understanding):
    for text in SPANISH + ENGLISH + UNCLEAR:
        if text.startswith("/") and text[1:].split()[0] not in COMMANDS:
            continue  # /megusta, /parati: the bot's own commands, not questions ``parse`` reads
        q, said = understanding.parse(text), understanding.language(text)
        assert q.language == (said.language if said.clear else None), text
    assert understanding.language("") == NOTHING
