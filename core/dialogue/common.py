"""What the dialogue modules share: the intents they group, and questions about a settled title."""

from __future__ import annotations

from dataclasses import replace

from core.dialogue import phrases as p
from core.dialogue import words as w
from core.questions.filters import Filters
from core.understanding.policy import ABSENT, CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

CHAT = frozenset([Intent.HELP, Intent.GREETING, Intent.THANKS, Intent.REMARK, Intent.UNKNOWN])
# Questions about the catalogue's titles; COUNTS answer with a number the titles stand behind.
CATALOGUE = frozenset([Intent.COUNT, Intent.TOP, Intent.LONGEST, Intent.ACTOR, Intent.COUNTRY, Intent.RATING,
                       Intent.SCORE])  # fmt: skip
COUNTS = frozenset([Intent.COUNT, Intent.COUNTRY, Intent.RATING, Intent.SCORE, Intent.PERSON])
ABOUT_A_TITLE = frozenset([Intent.WHERE, Intent.TITLE, Intent.CREDITS])


def kinds(f: Filters) -> int:
    """How many kinds of filter ``f`` states; a runtime or seasons implies the type, not another kind."""
    implied = f.minutes is not None or f.seasons is not None
    kinds = [f.platforms, f.years, None if implied else f.type, f.genres, f.not_genres, f.countries, f.bands, f.ratings,
             f.person, f.minutes, f.seasons, f.score_above, f.topics]  # fmt: skip
    return sum(1 for value in kinds if value not in (None, frozenset()))


def names_a_title(q: Question) -> bool:
    """The message names a title the policy is sure of ("where can I watch coco"), and not
    just the words of its question ("where can i watch" + "it")."""
    if q.intent not in TITLE_INTENTS or not q.title:
        return False
    return not set(w.fold(q.title).split()) <= w.QUESTION_WORDS and q.answer()[0] != ABSENT


def about(intent: Intent, title_id: str, understanding, asked: Question | None = None) -> Question:
    """The question ``intent`` about a title already settled, keeping a platform ``asked`` names."""
    match = understanding.recommender.match_of(title_id)
    platform = asked.platform if asked is not None else None
    if match is None:  # the title left the catalogue since: asked as if no title was named
        return Question(intent=intent, platform=platform)
    role = asked.role if asked is not None and intent == Intent.CREDITS else None
    f = Filters(platforms=frozenset([platform]) if platform else frozenset())
    if asked is not None and intent == Intent.RECOMMEND and not asked.filters.is_empty():
        f = asked.filters  # "something like it but a movie, on hulu": suggestions so limited
    return Question(
        intent=intent, title=match.title, matches=(match,), platform=platform, role=role, filters=f,
        language=asked.language if asked is not None else None,
    )  # fmt: skip


def like_a_title(said: str, understanding) -> Question | None:
    """Suggestions like the title named after "like"/"como", when the policy is sure of it."""
    after = p.after_phrase(said, w.LIKE)
    named = understanding.parse(after) if after else None
    if (
        named is None
        or named.intent not in TITLE_INTENTS
        or not named.title
        or named.answer()[0] != CONFIDENT
    ):
        return None
    return replace(named, intent=Intent.RECOMMEND)


# The words a question about a title in focus is made of: "where then", "¿y quién actúa?".
ASKING_WORDS = (
    w.WHERE_WORDS | w.CREDITS_WORDS | w.DIRECTOR_WORDS | w.QUESTION_WORDS | w.CONNECTOR_WORDS
    | {"else", "mas", "more", "then", "entonces", "in", "de", "of", "which", "what", "cual", "cuales", "que"}
)  # fmt: skip


def only_question_words(said: str) -> bool:
    toks = set(said.split())
    return bool(toks) and toks <= ASKING_WORDS
