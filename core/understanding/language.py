"""Which language a message is in, and so which language it is answered in: English or Spanish.

One detector for everything the bot reads (messages, commands, inline queries). It looks at
the words *outside* the title a message names (``Understanding.language`` hides them: "where
can I watch la casa de papel" is English, "dónde veo stranger things" Spanish):

- "¿", "¡", accented words and Spanish words or chat spellings ("q onda", "holaa", "kiero",
  "xfa", "wey") count for Spanish; English words count for English; the larger count wins;
- a Spanish command name (``/titulo``, ``/megusta``) is Spanish; an English one (``/title``)
  English, except from a user whose app is in Spanish: both names work in either language and
  a Spanish reader may have learnt "/count" from an older menu, a friend or a group, so for
  them it tells nothing. A question command's arguments outside the title, when clear, speak louder than its
  name ("/count películas de terror");
- thanks and laughter ("gracias", "jaja", "thanks", "haha") only *lean*: they decide only when
  neither the conversation nor the user's app has a language (an English user's joking
  "gracias" is no switch to Spanish; "jaja" is Spanish-ish, not Spanish);
- anything else ("ok", "🙂", "3", a bare title, an English command name) tells nothing.

``choose`` then picks the reply language: a clear message's own language; else the language
the bot last spoke in that conversation; else the user's app (Telegram's ``language_code``);
else the lean; else English.

The word lists live here, not in ``lexicon``: they only tell languages apart, and nothing else
reads them. Words both languages write the same ("me", "no", "a", "series", "drama", "top",
"lol", "ok") are in neither list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.catalogue.genres import fold

ENGLISH, SPANISH = "en", "es"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Command names, as the bot registers them (``CommandHandler`` aliases; tests/unit/bot check
# that every registered name is in one of these).
SPANISH_COMMANDS = _words(
    "ayuda recomendar donde titulo contar mas_larga maslarga puntaje pais clasificacion mejores persona "
    "estadisticas encuesta suscribir desuscribir estado recargar modelo megusta nomegusta parati misdatos "
    "olvidar"
    " vista lista elegir vemos plataformas"  # issue 24: seen titles, list, watchers, platforms
)
ENGLISH_COMMANDS = _words(
    "help recommend where title count longest score country rating person stats poll subscribe unsubscribe "
    "status reload model like dislike foryou mydata forget"
    " seen watchlist pick watching platforms"  # issue 24: seen titles, list, watchers, platforms
)
NEUTRAL_COMMANDS = _words("start actor top")  # the same word in both languages, or Telegram's own

# Folded words (lowercase, accents off) that are Spanish and not English, chat spellings included.
SPANISH_WORDS = _words(
    # little words
    "de del la las los el en y con para por una unas unos un al lo le les se te mi mis tu tus su sus nos ni "
    "o muy mucho mucha muchos muchas bien si pero sin sobre desde hasta entre tambien ahora aqui ese esa eso este esta esto estos "
    "estas algo alguna alguno algunas algunos nada todo toda todos todas otra otro otras otros mas mejor "
    "mejores peor nuevo nueva nuevos nuevas cosa cosas tipo igual pues bueno buena buen porque xq pq "
    # questions
    "que q donde dnd dnde cuando cual cuales cuanto cuanta cuantos cuantas quien quienes como "
    # verbs
    "hay tiene tienen tienes tengo tenemos estan estoy eres soy es sea puedo puedes puede podemos hacer "
    "hace ver mirar veo vemos ves verla verlo quiero queremos quieres kiero busco buscando necesito "
    "recomiendame recomienda recomiendas recomiendan recomendarme sugiere sugiereme dame dime pasame "
    "muestrame ensename gusto gusta gustan gustaron gustaria encanto encanta encantan encantaron "
    "flipo flipa mola molo odio odie trata salen sale actua actuan dirigida dirigido dirigidas dirigidos "
    "estrenada estrenadas estrenado estrenados salieron conoces sabes "
    # nouns and adjectives of the catalogue
    "pelicula peliculas peli pelis serie temporada temporadas capitulo capitulos episodio episodios "
    "documental documentales caricatura caricaturas dibujos animada animadas animado animados comedia "
    "comedias miedo accion romantica romanticas romantico infantil infantiles estreno estrenos plataforma "
    "plataformas parecido parecida parecidos parecidas similares ano anos pais paises titulo titulos "
    "puntaje clasificacion reparto ninos ninas nino nina hijos hijas hijo hija novia novio esposa esposo "
    "familia pareja amigos amigas gente noche finde tarde hoy manana aburrido aburrida chiste hora "
    # greetings and chat
    "hola holi buenas buenos dias tardes noches oye onda wey guey xfa porfa porfavor favor plis neta chido "
    "chida chevere bacan genial vale dale vaya ayuda"
)
ENGLISH_WORDS = _words(
    "the and of to for from by at an on in or but not also just really very so too if then than with without "
    "i im ive id my mine it its that this these those any some you your youre we us our they them she there here "
    "what whats where wheres which who whos whom how many much when why "
    "is are was were be been am can could would should will do does did dont doesnt have has had get got "
    "watch watching watched like liked love loved want wanna gonna gimme give tell find looking look know "
    "think need let lets recommend suggest help stream streaming "
    "movie movies film films show shows season seasons episode episodes titles released rated available "
    "best longest shortest good great nice new old year years country score documentary documentaries "
    "comedy comedies action animated cartoon cartoons funny scary kids family tonight today something "
    "anything nothing more other others similar about over above under after before one ones "
    "hello hi please pls plz bored weather joke mate dude guys yes yeah yep nope sure"
)
# Thanks and laughter: a lean, not a switch (see the module docstring).
SPANISH_LEAN = _words("gracias grax")
ENGLISH_LEAN = _words("thanks thank thx ty tysm")
SPANISH_LAUGH = re.compile(r"^(?:j+[aeiou]+){2,}j*$")  # jaja, jajaja, jeje, jiji
ENGLISH_LAUGH = re.compile(r"^(?:h+[aeiou]+){2,}h*$")  # haha, hehe, hihi
LISTED = SPANISH_WORDS | ENGLISH_WORDS | SPANISH_LEAN | ENGLISH_LEAN
ACCENTED = re.compile(r"[áéíóúñü]", re.IGNORECASE)
INVERTED = re.compile(r"[¿¡]")
WORD = re.compile(r"[^\W\d_]+")
REPEATS = re.compile(r"(\w)\1+")


@dataclass(frozen=True)
class Said:
    """What a message tells of its language: ``language`` ("es", "en" or None), and whether it
    is ``clear`` (answer in it) or only a lean (thanks, laughter: answer in it when the
    conversation has no language)."""

    language: str | None = None
    clear: bool = False
    menu: bool = False  # an English command name, which Spanish readers type too


NOTHING = Said()


def of_command(name: str) -> Said:
    """A command by its name (``"titulo"``, ``"count@streambot"``): Spanish names are clear
    Spanish, English ones English unless the app is Spanish (``menu``); the rest tell nothing."""
    name = name.split("@")[0].lower()
    if name in SPANISH_COMMANDS:
        return Said(SPANISH, clear=True)
    return Said(ENGLISH, clear=True, menu=True) if name in ENGLISH_COMMANDS else NOTHING


def of_text(text: str, hidden: Iterable[tuple[int, int]] = ()) -> Said:
    """The language of ``text`` without the character ranges ``hidden`` (the title it names)."""
    for start, end in sorted(hidden, reverse=True):
        text = text[:start] + " " + text[end:]
    spanish = 2 * bool(INVERTED.search(text))
    english = 0
    lean_spanish = lean_english = False
    for raw in WORD.findall(text):
        word = _known(fold(raw))
        if word in SPANISH_WORDS:
            spanish += 1 + bool(ACCENTED.search(raw))  # "dónde" counts twice: accents are Spanish
        elif word in ENGLISH_WORDS:
            english += 1
        elif ACCENTED.search(raw):
            spanish += 1
        elif word in SPANISH_LEAN or SPANISH_LAUGH.match(word):
            lean_spanish = True
        elif word in ENGLISH_LEAN or ENGLISH_LAUGH.match(word):
            lean_english = True
    if spanish != english:
        return Said(SPANISH if spanish > english else ENGLISH, clear=True)
    if lean_spanish != lean_english:
        return Said(SPANISH if lean_spanish else ENGLISH)
    return NOTHING


def _known(word: str) -> str:
    """The listed word a stretched one stands for: "holaa" -> "hola", "pleasee" -> "please",
    "goood" -> "good"; the word itself when none is."""
    if word in LISTED:
        return word
    for shorter in (REPEATS.sub(r"\1\1", word), REPEATS.sub(r"\1", word)):
        if len(shorter) > 1 and shorter in LISTED:  # "qqq" is no "q"
            return shorter
    return word


def app_language(code: str | None) -> str | None:
    """Telegram's ``language_code`` (an IETF tag: "es", "es-419", "en-US") as "es"/"en", or None."""
    code = (code or "").lower().replace("_", "-")
    if not code:
        return None
    return SPANISH if code.split("-")[0] == SPANISH else ENGLISH


def choose(said: Said, conversation: str | None = None, app_code: str | None = None) -> str:
    """The reply language: a clear message's own (an English command name's only when the app
    is not in Spanish); else the conversation's (the language the bot last answered in there);
    else the user's app; else the lean; else English."""
    app = app_language(app_code)
    if said.clear and said.language and not (said.menu and app == SPANISH):
        return said.language
    lean = None if said.clear else said.language
    return conversation or app or lean or ENGLISH
