"""Messages that point at a title already shown: "the second one", "where can I watch it?",
"¿quién sale?", "anything like that?", "¿de qué trata?"."""

from __future__ import annotations

from dataclasses import replace

from core.dialogue import common as c
from core.dialogue import phrases as p
from core.dialogue import refine
from core.dialogue import words as w
from core.dialogue.frame import Frame
from core.questions.filters import Filters, Role
from core.understanding import lexicon as lx
from core.understanding.acts import ACT_INTENTS, OVERRULE, SURE
from core.understanding.policy import CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question


def pointed(frame: Frame, q: Question, said: str, understanding) -> Question | None:
    if not frame.shown:
        return None
    found = position(said)
    if found is None:
        return None
    at, rest = found
    rest = p.strip(rest, w.CONNECTORS)  # "y la 3": the 3rd, asked as the last one was
    if at > len(frame.shown) or _is_the_title(q, said):
        return None  # "the second one" past the list, or a title with an ordinal in it
    title_id = frame.shown[at - 1 if at > 0 else -1]
    asked = _asked_of(rest, understanding)
    last = frame.asked
    if asked is None and not rest and last is not None and last.intent in c.ABOUT_A_TITLE - {Intent.TITLE}:
        asked = last  # "y la 3" after "la 2, ¿quién la protagoniza?": the same question
    return c.about(asked.intent if asked else Intent.TITLE, title_id, understanding, asked)


def _is_the_title(q: Question, said: str) -> bool:
    """The whole message is exactly a title the policy is sure of ("The Second Best")."""
    return bool(
        q.intent in TITLE_INTENTS and q.title and q.matches and q.answer()[0] == CONFIDENT
        and w.fold(q.matches[0].title) == said
    )  # fmt: skip


def position(said: str) -> tuple[int, str] | None:
    """ "where can i watch the second one" -> (2, "where can i watch"); also "#2", "number 2",
    "la 2", a bare "2"."""
    toks = said.split()
    for k, tok in enumerate(toks):
        number = w.ORDINALS.get(tok)
        if number is None and tok.lstrip("#").isdigit() and 1 <= int(tok.lstrip("#")) <= 20:
            near = toks[k - 1] if k else ""
            if tok.startswith("#") or len(toks) == 1 or near in w.NUMBER_LEADS:
                number = int(tok.lstrip("#"))
        if number is None or _a_time_span(toks, k) or _a_verb(toks, k, number):
            continue
        rest = _strip_wrappers(toks[:k]) + _strip_wrappers(toks[k + 1 :], leading=True)
        return number, " ".join(rest)
    top = p.longest_phrase(said, w.TOP_OF_LIST)  # "top one — who directed it", "la de arriba"
    return (1, p.cut(said, top)) if top else None


def _a_time_span(toks: list[str], k: int) -> bool:
    """ "the last 5 years", "los últimos diez años": a range of years, not the list's last title
    ("the last one" is)."""
    after = toks[k + 1] if k + 1 < len(toks) else ""
    return after.isdigit() or after in lx.YEAR_UNITS or lx.NUMBER_WORDS.get(after, 0) > 1


def _a_verb(toks: list[str], k: int, number: int) -> bool:
    """ "how long does it last": to last, not the list's last title ("the last one" is)."""
    return number == -1 and k > 0 and toks[k - 1] in ("it", "they", "does", "will", "would", "that")


def _strip_wrappers(toks: list[str], leading: bool = False) -> list[str]:
    """Drop "the", "one", "de la lista" next to an ordinal."""
    toks = list(toks)
    changed = True
    while toks and changed:
        changed = False
        for size in (4, 3, 2, 1):
            edge = toks[:size] if leading else toks[-size:]
            if len(toks) >= size and " ".join(edge) in w.ORDINAL_WRAPPERS:
                toks = toks[size:] if leading else toks[:-size]
                changed = True
                break
    return toks


def _asked_of(rest: str, understanding) -> Question | None:
    """The question the words around "it" / "the second one" ask of that title, or None when
    they ask nothing of a title or name a title of their own: "where can i watch" -> WHERE,
    "who directed" -> CREDITS (director), "is on disney" -> WHERE (Disney+), "anything like" ->
    RECOMMEND."""
    if not rest:
        return None
    loosely = asked_loosely(rest, understanding)
    if loosely is not None:
        return loosely
    q = understanding.parse(rest)
    if c.names_a_title(q) and q.answer()[0] == CONFIDENT:
        return None
    if q.intent in TITLE_INTENTS:
        return replace(q, title=None, matches=())
    if q.intent in (Intent.ACTOR, Intent.CREDITS):  # "who is in", "who directed": of that title
        return Question(Intent.CREDITS, role=q.role)
    return None


def asked_loosely(rest: str, understanding) -> Question | None:
    """The question the words around a title's place ask of it, whatever else they say:
    "where's that" -> WHERE, "and is it on netflix as well" -> WHERE (Netflix), "who directed
    it" -> CREDITS (director), "whats it like" -> the card, "same vibe" -> suggestions."""
    toks = set(rest.split())
    if p.has(rest, w.ABOUT) or p.has(rest, w.ABOUT_STARTS):
        return Question(Intent.TITLE)
    if p.has(rest, w.LIKE):
        return Question(Intent.RECOMMEND)
    if toks & w.DIRECTOR_WORDS:
        return Question(Intent.CREDITS, role=Role.DIRECTOR)
    if p.has(rest, w.CREDITS_WORDS):
        return Question(Intent.CREDITS, role=Role.CAST)
    platforms = understanding.parts(rest).filters.platforms
    if p.has(rest, w.WHERE_WORDS) or platforms:  # "la primera es de netflix tambien?"
        return _where(platforms)
    return _asked_by_act(rest, understanding)


def _where(platforms) -> Question:
    platform = min(platforms) if len(platforms) == 1 else None
    return Question(Intent.WHERE, platform=platform, filters=Filters(platforms=frozenset(platforms)))


def _asked_by_act(rest: str, understanding) -> Question | None:
    """What the act classifier reads in words no phrase above has: "who's the lead" (the cast),
    "y de q año es" (the card). Words naming a title of their own ask about that one instead."""
    reading = understanding.act(rest)
    act = reading.act
    if reading.titles or act.p < SURE or act.name not in ACT_INTENTS:
        return None
    if act.name == "where":
        return _where(frozenset())
    return Question(ACT_INTENTS[act.name], role=Role.CAST if act.name == "credits" else None)


def _fact_asked(bare: str, understanding) -> Question | None:
    """A fact of the title in focus asked in words the rules read as a question of their own
    ("cuántas temporadas son" is no count, "how long does it last" no list): what the act
    reader hears, sure of it, with no filter or title of their own."""
    act = understanding.act(bare).act
    if act.p < OVERRULE or not understanding.parts(bare).filters.is_empty():
        return None
    return _asked_by_act(bare, understanding)


# ---- the title in focus -------------------------------------------------------------------


def _likes_with_filters(bare: str, understanding) -> Question | None:
    """Titles like the one in focus with the filters said before a closing "así" / "like that"."""
    toks = bare.split()
    size = next((n for n in (3, 2, 1) if len(toks) > n and " ".join(toks[-n:]) in w.LIKE_TAILS), 0)
    if not size:
        return None
    parts = understanding.parts(" ".join(toks[:-size]))
    left = set(parts.leftover.split()) - w.MORE_WORDS - c.ASKING_WORDS
    if parts.filters.is_empty() or left:
        return None
    stated = parts.filters
    return Question(Intent.RECOMMEND, platform=min(stated.platforms, default=None), filters=stated)


def _asks_for_likes(bare: str) -> bool:
    """The few words before "like" ask for titles like one ("anything", "algo", "more movies"),
    not a list of their own: "from the last 5 years like 2017 and later" is a range said twice."""
    before = f" {bare} ".partition(f" {p.longest_phrase(bare, w.LIKE)} ")[0].split()
    return len(before) <= 3 and not any(word.isdigit() for word in before)


def focused(frame: Frame, q: Question, said: str, bare: str, understanding) -> Question | None:
    target = frame.focus or (frame.shown[0] if len(frame.shown) == 1 else None)
    if target is None or q.intent == Intent.LONGEST and not q.filters.is_empty():
        return None  # "y la peli más cortita de hulu?" after a longest: a question of its own
    if p.has(bare, w.PLAY_IT):
        return None  # "can you just play it for me on the tv": nothing asked of it the bot can answer
    named = c.names_a_title(q)
    if p.has(bare, w.DIRECTOR_WORKS) and not (named and q.answer()[0] == CONFIDENT):
        return directors_titles(  # "y que mas dirigio" ("dirigio" reads like some title)
            target, understanding, Question(Intent.PERSON).refined(understanding.parts(bare).filters)
        )
    if named:
        return None  # "¿dónde veo la sirenita?": a title of its own, "la" no pronoun
    if (
        q.intent == Intent.COUNT
        and set(bare.split()) & lx.SEASON_WORDS
        and q.filters.but(type=None).is_empty()
    ):
        return c.about(Intent.TITLE, target, understanding, q)  # "how many seasons are there": its seasons
    if bare in w.ABOUT or said in w.ABOUT or p.starts(bare, w.ABOUT_STARTS):
        return c.about(Intent.TITLE, target, understanding, q)
    likes = _likes_with_filters(bare, understanding)
    if likes is not None:  # "hay más series coreanas así?"
        return c.about(Intent.RECOMMEND, target, understanding, likes)
    like = p.after_phrase(bare, w.LIKE)
    if like and _approximate(like):
        like = None  # "heard its like 4 hours": about that long, no "like it"
    if like is not None and (not like or like in w.THIS):
        return c.about(Intent.RECOMMEND, target, understanding, q)
    if like is not None and _asks_for_likes(bare):
        # "algo similar pero en amazon", "anything like it thats on hulu", "… but shorter"
        rest, changes = refine.relative(p.strip(like, w.CONNECTORS | w.THIS))
        stated = refine.changed(Filters(), understanding.parts(rest).filters if rest else Filters(), changes)
        if not stated.is_empty():
            asked = Question(Intent.RECOMMEND, platform=min(stated.platforms, default=None), filters=stated)
            return c.about(Intent.RECOMMEND, target, understanding, asked)
    pronoun = p.longest_phrase(bare, w.THIS)
    if pronoun is None:  # "where then", "¿quién actúa?": a question that can only be about it
        asked = (
            _asked_of(bare, understanding)
            if c.only_question_words(bare)
            else _fact_asked(bare, understanding)
        )
        return c.about(asked.intent, target, understanding, asked) if asked is not None else None
    rest = p.strip(p.cut(bare, pronoun), w.CONNECTORS)
    if not rest:
        return c.about(Intent.TITLE, target, understanding, q) if bare == pronoun else None  # "that one"
    asked = _asked_of(rest, understanding)
    return c.about(asked.intent, target, understanding, asked) if asked is not None else None


def _approximate(after_like: str) -> bool:
    """ "like 4 hours", "like two seasons": an amount, not a title to be like."""
    first = after_like.split()[0]
    return first.isdigit() or first in lx.NUMBER_WORDS or first == "half"


def directors_titles(title_id: str, understanding, asked: Question) -> Question | None:
    """The titles of the director of ``title_id``: "his other movies", "¿qué más dirigió?"."""
    people, model = understanding.people, understanding.recommender
    row = model.row_of.get(title_id)
    if people is None or row is None:
        return None
    found = [people.find(name) for name in model.directors[row]]
    person = next((found_id for found_id in found if found_id is not None), None)
    if person is None:
        return None
    platforms = asked.filters.platforms
    f = Filters(
        person=person, role=Role.DIRECTOR, platforms=platforms, type=asked.filters.type
    )  # "his other movies"
    return Question(
        Intent.PERSON, role=Role.DIRECTOR, platform=min(platforms) if platforms else None
    ).refined(f)
