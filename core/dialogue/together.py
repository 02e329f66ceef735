"""Plain messages about watching together: "I've seen it", "ya la vi", "add it to our list",
"añádela a la lista", "take the second one off the list", "what's on our list?", "pick one
from our list".

``read_together`` says which of these a message is and what it is about: the title in focus
("it", "that one", nothing at all: "ya la vi"), a title of the last list ("the third one", "la
2"), or a title named ("ya vi coco"). It reads before the catalogue questions, so it must be
sure: a question ("have you seen the office?", "is it on hulu? i saw it on netflix"), a list of
the catalogue ("list of horror movies", "la lista de schindler") or a request ("add more
horror") is left to them. Which title "it" and "the third one" are is the frame's to say
(``target``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from core.catalogue.platforms import read as platforms_read
from core.dialogue import common as c
from core.dialogue import phrases as p
from core.dialogue import refer
from core.dialogue.frame import Frame
from core.dialogue.words import fold, phrases
from core.questions.filters import Ranking
from core.understanding.policy import ABSENT
from core.understanding.question import Intent, Question


class Act(StrEnum):
    SEEN = "seen"
    ADD = "add"
    REMOVE = "remove"
    SHOW_LIST = "show_list"
    PICK = "pick"
    KIDS_ON = "kids_on"  # "kids mode", "activa el modo niños"
    KIDS_OFF = "kids_off"  # "turn off kids mode", "quita el modo infantil"
    PLATFORMS = "platforms"  # "we only have netflix and hulu", "tengo disney y prime"
    POLL = "poll"  # "let's vote on our list", "hagamos una votación con la lista"
    JOIN = "join"  # "count me in", "me apunto": tonight's watchers in a group
    LEAVE = "leave"  # "not tonight", "hoy no veo"


@dataclass(frozen=True)
class TogetherRequest:
    act: Act
    position: int | None = None  # 1-based, in the last list shown ("the third one")
    title: str | None = None  # a title named, as written ("ya vi coco")
    # Neither: the title in focus (SEEN, ADD, REMOVE) or nothing (SHOW_LIST, PICK).
    platforms: frozenset[str] = frozenset()  # PLATFORMS: the ones the chat has
    rest: str = ""  # a question after it, to answer next: "ya vi lupin, ¿qué me recomiendas?"


# Words before a "seen" verb that keep it a statement: "we've all seen it", "ya la vi".
SEEN_LEADS = phrases(
    "i | we | i've | ive | i have | we've | weve | we have | have | has | already | all | both | "
    "all of us | actually | yeah | yes | yep | nah | no | lol | ok | okay | oh | um | tbh | "
    "ya | yo | nosotros | ya lo | ya la | ya los | ya las | la | lo | las | los | he | hemos | "
    "si | sí | ah | jaja | pero | but | already have | ya he | ya hemos | me | me la | me lo | ya me la | ya me lo | "
    "esa | ese | eso | esta | este | that one | this one | that | this"
)
SEEN_VERBS = frozenset(["seen", "saw", "watched", "vi", "vimos", "visto", "vista", "vistos", "vistas"])
# What may follow the verb and still mean the title in focus, or nothing more.
IT = phrases(
    "it | that | this | that one | this one | them | those | it already | that already | "
    "esa | ese | eso | esta | este | esa ya | la | lo"
)
AFTERWORDS = phrases(
    "already | before | too | as well | last year | last week | last night | last month | years ago | "
    "ages ago | a while ago | lol | tbh | haha | next | ya | el finde | el fin de semana | el ano pasado | "
    "la semana pasada | anoche | hace tiempo | hace mucho | tambien | otra | otro | siguiente | "
    "pls | please | porfa | por favor | thanks | gracias | jaja | once | twice | a couple of times | "
    "so next | dame otra | give me another | bro | dude | man | tio | tia | che | wey | guey | plis | pliss | plz | "
    "thx | ty | xd | lmao | omg | enterita | enterito | entera | entero | completa | completo | many times | "
    "so many times | varias veces | mil veces | for later | pa despues | para despues | para luego | pa luego | "
    "later | luego | tonight | esta noche | "
    + " | ".join(
        [f"like {n} times" for n in range(2, 11)]
        + [
            f"for {day}"
            for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        ]
        + [
            f"para el {day}"
            for day in ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
        ]
        + ["for the weekend", "para el finde", "pal finde", "for movie night"]
    )
)
MARK_SEEN = phrases(
    "mark it as seen | mark it seen | mark as seen | mark it as watched | mark as watched | "
    "mark that as seen | marcala como vista | marcalo como visto | marcar como vista | marcar como visto | "
    "marca como vista | marca como visto | marcala vista | ponla como vista | ponlo como visto"
)
ASKING = frozenset(
    [
        "you",
        "u",
        "ya'll",
        "y'all",
        "anyone",
        "anybody",
        "alguien",
        "has visto",
        "viste",
        "where",
        "donde",
        "is",
        "what",
        "which",
        "who",
    ]
)
LIST = phrases(
    "list | lista | watchlist | watch list | our list | my list | the list | la lista | mi lista | "
    "nuestra lista | our watchlist | my watchlist | the watchlist | tu lista"
)
OWNED_LIST = phrases(
    "our list | my list | our watchlist | my watchlist | the watchlist | my watch list | our watch list | "
    "mi lista | nuestra lista | the list | la lista"
)
ADD_VERBS = phrases(
    "add | put | save | stick | throw | agrega | agregala | agregalo | agregar | anade | anadela | anadelo | "
    "anadir | pon | ponla | ponlo | poner | mete | metela | metelo | guarda | guardala | guardalo | "
    "apunta | apuntala | apuntalo | can u add | can you add | please add | pls add"
)
SAVE_ALONE = phrases(
    "save it for later | save it | save this one | save that one | save this | save that | "
    "guardala | guardalo | guardala para despues | guardalo para despues | para despues | for later"
)
REMOVE_VERBS = phrases(
    "remove | take | delete | drop | quita | quitala | quitalo | saca | sacala | sacalo | borra | borrala | "
    "borralo | elimina | eliminala | eliminalo"
)
# Verbs that say nothing of a title without an object (a clitic form does: "sácala").
NEEDS_AN_OBJECT = phrases("take | put | stick | throw | saca | quita | borra | elimina | pon | mete | drop")
LIST_LINKS = phrases("to | on | onto | in | into | a | en | to the | from | off | de | off of | out of")
SHOW_WORDS = phrases(
    "q | que | hay | tenemos | teniamos | tengo | tenia | guardado | guardada | guardados | compartida | shared | "
    "saved | pasame | mandame | manda | pasa | muestra | show | see | ver | what | whats | what's | is | on | in | "
    "the | our | my | de | ok | and | y | so | entonces | "
    "what's on | whats on | what is on | what's in | whats in | show | show me | see | view | open | "
    "ver | muestrame | mostrame | ensename | que hay en | que tenemos en | que teniamos en | "
    "what do we have on | what have we got on | again | pls | please | porfa | por favor | "
    "que hay | what's | whats | en | on | me | dame"
)
SAVED = phrases(
    "what did we save | what have we saved | what did i save | what we saved | what we've saved | what i saved | "
    "lo que guardamos | lo que guarde | que guardamos | que hemos guardado | "
    "que guarde"
)
PICK_WORDS = phrases(
    "pick | choose | elige | escoge | elegi | which | cual | something | one | algo | una | uno | anything | "
    "cualquiera | any | whichever | decide | decidi | you choose | tu eliges | surprise me | sorprendeme"
)


def read_together(text: str, understanding) -> TogetherRequest | None:
    """What ``text`` asks about seen titles or the chat's list, or None: a question of
    another kind. ``understanding`` tells a title named from words that are none. A message
    of two clauses may do it in the first and ask in the second ("watched it, next"): the
    second is ``rest``."""
    had = _platforms_had(fold(text))  # before the clauses: "tenemos netflix, hulu y amazon"
    if had is not None:
        return had
    clauses = [part for part in CLAUSE.split(text.strip()) if part.strip()]
    if len(clauses) > 1:
        found = _read(clauses[0], understanding)
        if found is not None:  # "watched it, next": the act, then a question
            return replace(found, rest=text.strip()[len(clauses[0]) :].lstrip(",;.!?¿¡ "))
        if "?" not in text[: text.rfind(clauses[-1])]:
            found = _read(clauses[-1], understanding)
            if found is not None and found.act == Act.PLATFORMS:
                # "but not on netflix, i only have hulu": the platforms set, then the whole answered
                return replace(found, rest=text.strip())
            if found is not None:  # "los peques ya se durmieron, quita el modo infantil": a remark, then it
                return found
    return _read(text, understanding)


CLAUSE = re.compile(r"[,;.!?¿¡]+")


def _read(text: str, understanding) -> TogetherRequest | None:
    said = p.strip(fold(text), OPENERS) if len(fold(text).split()) > 1 else fold(text)
    if not said:
        return None
    return (
        _platforms_had(said)
        or _vote(said)
        or _joining(said)
        or _kids_mode(said)
        or _show_list(said)
        or _pick(said)
        or _listing(said, REMOVE_VERBS, Act.REMOVE, understanding)
        or _listing(said, ADD_VERBS, Act.ADD, understanding)
        or _saved_for_later(said, understanding)
        or _seen(said, understanding)
    )


def then_asked(title_id: str, q: Question, understanding) -> Question:
    """The question after an act on a title ("ya vi lupin, ¿qué me recomiendas?"): a bare
    request for something to watch asks for titles like that one (the seen title itself is
    left out by the chat's limits); anything more specific stands as asked."""
    bare_request = q.intent in (Intent.RECOMMEND, Intent.TOP) and not q.title
    if bare_request and q.filters.but(ranking=Ranking.SCORE, platforms=frozenset()).is_empty():
        return c.about(Intent.RECOMMEND, title_id, understanding, q)
    return q


def target(request: TogetherRequest, frame: Frame) -> str | None:
    """The title id "it" or "the third one" is in this conversation; None for a title named
    (``request.title``) or when the frame holds no such title."""
    shown = frame.shown
    if request.position is not None:
        at = request.position
        if at == -1 or 0 < at <= len(shown):  # the page's own order, as every pointer reads it
            return shown[at - 1 if at > 0 else -1] if shown else None
        first = frame.read - len(shown) + 1  # a later page is numbered on: "number 7" on 6-10
        return shown[at - first] if first <= at < first + len(shown) else None
    if request.title is None and frame.focus is None and len(shown) == 1:
        return shown[0]
    return frame.focus if request.title is None else None


# Words that open a message and say nothing: "ok and our watchlist??", "oye, añádela".
OPENERS = phrases(
    "ok | okay | and | y | oh | ooh | bueno | entonces | pues | so | hey | oye | che | ok and | ok y | well"
)


# ---- the list -----------------------------------------------------------------------------
def _list_at_end(said: str) -> str | None:
    """ "add it to our list" -> "add it"; None when the message does not end on the list
    (or the list is the catalogue's: "list of horror movies")."""
    toks = said.split()
    for size in (3, 2, 1):
        if len(toks) > size and " ".join(toks[-size:]) in LIST:
            rest = toks[:-size]
            while rest and rest[-1] in ("our", "my", "the", "mi", "la", "nuestra", "tu"):
                rest = rest[:-1]
            while rest and " ".join(rest[-1:]) in LIST_LINKS:
                rest = rest[:-1]
            return " ".join(rest)
    return None


def _listing(said: str, verbs: frozenset[str], act: Act, understanding) -> TogetherRequest | None:
    said = p.strip(said, AFTERWORDS)
    before = _list_at_end(said)
    if before is None:
        return None
    verb = _leading(before, verbs)
    if verb is None:
        return None
    rest = p.cut(before, verb) if before.startswith(verb) else before[len(verb) :].strip()
    for particle in ("off", "out"):  # "take it off the list"
        if rest.endswith(f" {particle}") or rest == particle:
            rest = rest[: -len(particle)].strip()
    if not rest and verb in NEEDS_AN_OBJECT:
        return None  # "saca la lista": show the list (of a count), not "take it off"
    return _about(act, rest, understanding)


LATER = phrases("for later | pa despues | para despues | para luego | pa luego | later | luego")
SAVE_VERBS = phrases("save | guarda | guardala | guardalo | guardame | keep | apunta | apuntala | apuntalo")


def _saved_for_later(said: str, understanding=None) -> TogetherRequest | None:
    """ "save it for later", "guarda la 4 for later": the list, without saying "list"."""
    toks = said.split()
    later = next(
        (" ".join(toks[-n:]) for n in (3, 2, 1) if len(toks) > n and " ".join(toks[-n:]) in LATER), None
    )
    verb = _leading(said, SAVE_VERBS)
    if later is not None and verb is not None and understanding is not None:
        rest = " ".join(toks[len(verb.split()) : len(toks) - len(later.split())])
        return _about(Act.ADD, rest, understanding)
    return _saved_alone(said)


def _saved_alone(said: str) -> TogetherRequest | None:
    return (
        TogetherRequest(Act.ADD)
        if p.only_phrases(said, SAVE_ALONE | AFTERWORDS) and p.has(said, SAVE_ALONE)
        else None
    )


def _show_list(said: str) -> TogetherRequest | None:
    if p.only_phrases(said, SAVED):
        return TogetherRequest(Act.SHOW_LIST)
    bare = said.removesuffix(" again")
    owned = p.longest_phrase(bare, OWNED_LIST)
    if owned is None:
        return None
    rest = p.cut(bare, owned).strip()
    if owned in ("the list", "la lista") and not rest:
        return None  # "The List" is a title too
    if not rest or p.only_phrases(rest, SHOW_WORDS):
        return TogetherRequest(Act.SHOW_LIST)
    return None


def _pick(said: str) -> TogetherRequest | None:
    """ "pick something from our list", "elige una de la lista para hoy"."""
    for link in ("from", "off", "de", "of", "on", "en"):
        for owned in OWNED_LIST:
            phrase = f"{link} {owned}"
            if f" {phrase}" in f" {said} ":
                before, _, after = f" {said} ".partition(f" {phrase} ")
                if p.has(before.strip(), PICK_WORDS) and not p.has(before, ADD_VERBS | REMOVE_VERBS):
                    return TogetherRequest(Act.PICK)
    return None


# ---- the chat's platforms, a vote -----------------------------------------------------------
HAVE = phrases(
    "i have | we have | i've got | ive got | we've got | weve got | i got | we got | i use | we use | "
    "i pay for | we pay for | i only have | we only have | i just have | we just have | i have only | we have only | "
    "my platforms are | our platforms are | my services are | i'm on | im on | "
    "tengo | tenemos | solo tengo | solo tenemos | nomas tengo | nada mas tengo | pago | pagamos | "
    "solo pago | solo pagamos | mis plataformas son | nuestras plataformas son | tengo solo | tenemos solo | uso | usamos"
)
HAVE_AFTER = phrases(
    "only | just | solo | nada mas | nomas | now | ahora | at home | en casa | here | aqui | aca | lol | jaja | "
    "nothing else | nada mas que eso | eso es todo | that's it | thats it"
)
VOTE = phrases(
    "vote on our list | vote on the list | lets vote on our list | let's vote on our list | lets vote | let's vote | "
    "poll our list | poll the list | put our list to a vote | put the list to a vote | make a poll from our list | "
    "votemos | hagamos una votacion | votacion con la lista | votemos la lista | encuesta con la lista | "
    "hagamos una encuesta | una encuesta con nuestra lista | hagamos una votacion con la lista"
)


def _platforms_had(said: str) -> TogetherRequest | None:
    """ "we only have netflix and hulu": the words after "have" must all name platforms."""
    said = p.strip(said, OPENERS)
    lead = _leading(p.strip(said, HAVE_AFTER), HAVE)
    if lead is None:
        return _only_platforms(said)
    said = p.strip(said, HAVE_AFTER)
    rest = p.strip(p.cut(said, lead) if said.startswith(lead) else said[len(lead) :], HAVE_AFTER)
    chosen, unknown = platforms_read(rest)
    if not chosen or [word for word in unknown if word not in HAVE_JOINERS]:
        return None
    return TogetherRequest(Act.PLATFORMS, platforms=chosen)


def _only_platforms(said: str) -> TogetherRequest | None:
    """ "only hulu and disney+ here": platforms said with "only", nothing else (a bare
    "netflix" asks for its top titles)."""
    toks = said.split()
    # "only netflix" alone narrows the last question; "only netflix here" says what the chat has.
    if not toks or toks[0] not in ("only", "solo", "just", "nomas") or not set(toks[1:]) & HERE:
        return None
    chosen, unknown = platforms_read(p.strip(" ".join(toks[1:]), HAVE_AFTER))
    return (
        TogetherRequest(Act.PLATFORMS, platforms=chosen)
        if chosen and not set(unknown) - HAVE_JOINERS
        else None
    )


HERE = frozenset(["here", "aqui", "aca", "home", "casa"])
HAVE_JOINERS = frozenset(
    ["and", "y", "e", "&", "+", "or", "o", "plus", "mas", "also", "tambien", "only", "just", "solo"]
)


VOTE_LEADS = phrases(
    "hagamos | hagamos una | let's | lets | can we | podemos | shall we | ok | dale | vamos a"
)


VOTE_WORDS = frozenset(
    ["vote", "voting", "poll", "votemos", "votar", "votacion", "encuesta", "votamos", "votad"]
)
EVERYONE = frozenset(["everyone", "everybody", "all", "todos", "todas", "grupo", "group"])


def _vote(said: str) -> TogetherRequest | None:
    """A vote on the list ("haz una encuesta con la lista", "make a poll so everyone can vote"),
    not on anything else ("vote for the best movie of 2020")."""
    allowed = VOTE | MODE_FILLERS | VOTE_LEADS
    if p.only_phrases(said, allowed) and p.has(said, VOTE):
        return TogetherRequest(Act.POLL)
    toks = set(said.split())
    if toks & VOTE_WORDS and (p.has(said, LIST) or toks & EVERYONE) and not toks & {"for", "por"}:
        return TogetherRequest(Act.POLL)
    return None


# ---- tonight's watchers ---------------------------------------------------------------------
# Whole messages only: "I'm watching stranger things" is about a title, not about tonight.
JOINING = phrases(
    "me sumo | yo tambien me sumo | i'm down | im down | i'm watching | count me | "
    "count me in | i'm in | im in | i'm watching tonight | im watching tonight | i'm watching too | "
    "im watching too | i'll watch too | ill watch too | i'm joining | im joining | i watch tonight | "
    "me apunto | yo me apunto | yo tambien veo | yo tambien | cuenten conmigo | contad conmigo | "
    "veo yo tambien | hoy veo | yo veo | me uno"
)
LEAVING = phrases(
    "count me out | i'm out | im out | not tonight | not me tonight | i'm not watching | im not watching | "
    "i'm not watching tonight | im not watching tonight | i'll pass | ill pass | "
    "hoy no | hoy no veo | yo hoy no | no cuenten conmigo | no contad conmigo | paso | yo paso | me bajo"
)
JOINING_FILLERS = phrases(
    "esta noche | tonight | today | nada | "
    "ok | okay | yes | yeah | si | dale | vale | sorry | lo siento | guys | chicos | lol | jaja | tonight | hoy"
)


def _joining(said: str) -> TogetherRequest | None:
    if p.only_phrases(said, LEAVING | JOINING_FILLERS) and p.has(said, LEAVING):
        return TogetherRequest(Act.LEAVE)
    if p.only_phrases(said, JOINING | JOINING_FILLERS) and p.has(said, JOINING):
        return TogetherRequest(Act.JOIN)
    return None


# ---- kids mode ----------------------------------------------------------------------------
KIDS_MODE = phrases(
    "kids mode | kid mode | children mode | child mode | childrens mode | family mode | kids only mode | "
    "modo ninos | modo nino | modo infantil | modo familia | modo familiar | modo chicos | modo peques"
)
MODE_ON = phrases(
    "on | turn on | switch on | put on | enable | activate | start | activa | activar | activalo | pon | "
    "poner | ponme | enciende | encender | prende | prender | con | use | usa | usar | set"
)
MODE_OFF = phrases(
    "off | turn off | switch off | disable | deactivate | stop | no more | desactiva | desactivar | "
    "desactivalo | quita | quitar | quitame | apaga | apagar | sin | saca | sacar"
)
MODE_FILLERS = phrases(
    "the | el | please | pls | porfa | por favor | now | ya | again | de nuevo | can you | puedes"
)


def _kids_mode(said: str) -> TogetherRequest | None:
    mode = p.longest_phrase(said, KIDS_MODE)
    if mode is None:
        return None
    rest = p.cut(said, mode)
    if rest and not p.only_phrases(rest, MODE_ON | MODE_OFF | MODE_FILLERS):
        return None  # "what is kids mode?", "does kids mode hide horror"
    return TogetherRequest(Act.KIDS_OFF if p.has(rest, MODE_OFF) else Act.KIDS_ON)


# ---- seen ---------------------------------------------------------------------------------
def _seen(said: str, understanding) -> TogetherRequest | None:
    said = p.strip(said, AFTERWORDS)
    if p.only_phrases(said, MARK_SEEN):
        return TogetherRequest(Act.SEEN)
    marked = p.longest_phrase(said, MARK_SEEN)
    toks = said.split()
    if any(tok in ASKING for tok in toks):
        return None
    verb_at = next((k for k, tok in enumerate(toks) if tok in SEEN_VERBS), None)
    if verb_at is None:
        return None
    before, after = " ".join(toks[:verb_at]), " ".join(toks[verb_at + 1 :])
    pointed = refer.position(said)
    if pointed is not None:
        return TogetherRequest(Act.SEEN, position=pointed[0])
    if before and not p.only_phrases(before, SEEN_LEADS) and marked is None:
        return None
    after = p.strip(after, AFTERWORDS)
    return _about(Act.SEEN, after, understanding)


# ---- shared -------------------------------------------------------------------------------
def _leading(said: str, table: frozenset[str]) -> str | None:
    toks = said.split()
    for size in (3, 2, 1):
        if len(toks) >= size and " ".join(toks[:size]) in table:
            return " ".join(toks[:size])
    return None


def _about(act: Act, rest: str, understanding) -> TogetherRequest | None:
    """What follows the verb: "it" (the focus), "the third one", or a title's name."""
    rest = rest.strip()
    if not rest or rest in IT or p.only_phrases(rest, IT | AFTERWORDS):
        return TogetherRequest(act)
    pointed = refer.position(rest)
    if pointed is not None and not pointed[1]:
        return TogetherRequest(act, position=pointed[0])
    if len(rest.split()) > 6:
        return None
    q = understanding.parse_command("title", rest)
    if not q.title or q.answer()[0] == ABSENT:
        return None
    return TogetherRequest(act, title=rest)
