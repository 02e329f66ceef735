"""The words the understanding layer knows, English and Spanish, folded (lowercase, no accents).

Each phrase maps to what it means: a cue for an intent (``cue``), an argument (platform, type,
duration unit, genre, country), or a word that carries nothing (``filler``). The scanner in
``core.understanding.scanner`` takes the longest phrase at each position, so "how many" wins
over "how" and "ciencia ficcion" over "ciencia".

One module per job; every name is re-exported here, so ``from core.understanding import lexicon
as lx`` reads them all:

- ``cues``: intent cues and the phrases that are two cues on purpose;
- ``catalogue``: platforms, types, duration units, genres, countries and demonyms, number words,
  ratings in words;
- ``moods``: moods in people's words -> canonical genres;
- ``company``: who a request is for ("con mi novia");
- ``filters``: the words of filters said in words (years, ages, runtimes, seasons, exclusions),
  read by ``core.understanding.slots``;
- ``words``: fillers, request words, sentence and question words;
- ``languages``: the words that tell English from Spanish;
- ``chat``: small-talk frames and chat shorthand;
- ``titles``: the words around a title;
- ``rules``: the words of the deciding rules (understand, message, policy, scanner).

tests/unit/core/understanding/test_lexicon.py fails when a phrase gets two meanings.
"""

from core.understanding.lexicon.catalogue import (
    ANY_PLATFORM,
    COUNTRIES,
    DURATIONS,
    GENRES,
    NUMBER_WORDS,
    PLATFORMS,
    RATING_PHRASES,
    TYPES,
    WEAK_COUNTRIES,
    WEAK_GENRES,
)
from core.understanding.lexicon.chat import (
    REMARK_FRAME,
    SHORTHAND,
)
from core.understanding.lexicon.company import (
    COMPANY,
)
from core.understanding.lexicon.cues import (
    ALSO,
    CUE_LISTS,
    CUE_MEANINGS,
    CUES,
    INTENDED_AMBIGUITIES,
)
from core.understanding.lexicon.filters import (
    AFTER,
    AGE_UNITS,
    AND_TO,
    BAND_WORDS,
    BEFORE,
    BETWEEN,
    CHILD_WORDS,
    DECADE_WORDS,
    FOR_WORDS,
    HALF_HOUR,
    INCLUSIVE,
    LESS,
    LOOSE_PERSON_CUES,
    MAX_NAME_WORDS,
    MINUTE_UNITS,
    MORE,
    NAME_PARTICLES,
    NEGATED_FILLER,
    NEGATIONS,
    ONE_SEASON,
    ONWARDS,
    PERSON_CUES,
    PLAIN_PERSON_CUES,
    RECENT,
    RECENT_YEARS,
    SEASON_WORDS,
    SINCE,
    STATED_ROLE,
    TITLE_CUES,
    TWO_GENRES,
    UNTIL,
)
from core.understanding.lexicon.languages import (
    ACCENTED,
    ENGLISH,
    SPANISH,
)
from core.understanding.lexicon.moods import (
    MOOD_LISTS,
    MOODS,
)
from core.understanding.lexicon.phrases import _phrases
from core.understanding.lexicon.rules import (
    BEFORE_LIKE,
    COMMON,
    DIRECTOR_WORDS,
    FOLLOW_UP,
    HEAD_PREPOSITIONS,
    HEAD_SKIP,
    LIKE_WORDS,
    LITTLE_TYPOS,
    ON,
    PLATFORM_JOIN,
    POLITE,
    SPANISH_ARTICLES,
    TYPE_TAIL,
    WEAK_HELP,
)
from core.understanding.lexicon.titles import (
    ABOUT_LEADS,
    ABOUT_TAILS,
    ANAPHORA,
    ARTICLES,
    CLAUSE_OPENERS,
    COMPLEMENTS,
    DETERMINERS,
    FOLLOW_UPS,
    FUNCTION_WORDS,
    LEAD_INS,
    LITTLE_WORDS,
    OTHER_PLATFORMS,
    PREPOSITIONS,
    TAIL_WORDS,
    TAKES_COMPLEMENT,
    TITLE_TAILS,
    TITLE_WRAPPERS,
)
from core.understanding.lexicon.words import (
    FILLER,
    QUESTION_WORDS,
    REQUEST_WORDS,
    SENTENCE,
)

__all__ = [
    "_phrases",
    "ALSO",
    "CUES",
    "CUE_LISTS",
    "CUE_MEANINGS",
    "INTENDED_AMBIGUITIES",
    "REMARK_FRAME",
    "SHORTHAND",
    "FILLER",
    "QUESTION_WORDS",
    "REQUEST_WORDS",
    "SENTENCE",
    "ACCENTED",
    "ENGLISH",
    "SPANISH",
    "ANY_PLATFORM",
    "COUNTRIES",
    "DURATIONS",
    "GENRES",
    "NUMBER_WORDS",
    "PLATFORMS",
    "RATING_PHRASES",
    "TYPES",
    "WEAK_COUNTRIES",
    "WEAK_GENRES",
    "MOODS",
    "MOOD_LISTS",
    "COMPANY",
    "AFTER",
    "AGE_UNITS",
    "AND_TO",
    "BAND_WORDS",
    "BEFORE",
    "BETWEEN",
    "CHILD_WORDS",
    "DECADE_WORDS",
    "FOR_WORDS",
    "HALF_HOUR",
    "INCLUSIVE",
    "LESS",
    "LOOSE_PERSON_CUES",
    "MAX_NAME_WORDS",
    "MINUTE_UNITS",
    "MORE",
    "NAME_PARTICLES",
    "NEGATED_FILLER",
    "NEGATIONS",
    "ONE_SEASON",
    "ONWARDS",
    "PERSON_CUES",
    "PLAIN_PERSON_CUES",
    "RECENT",
    "RECENT_YEARS",
    "SEASON_WORDS",
    "SINCE",
    "STATED_ROLE",
    "TITLE_CUES",
    "TWO_GENRES",
    "UNTIL",
    "ABOUT_LEADS",
    "ABOUT_TAILS",
    "ANAPHORA",
    "ARTICLES",
    "CLAUSE_OPENERS",
    "COMPLEMENTS",
    "DETERMINERS",
    "FOLLOW_UPS",
    "FUNCTION_WORDS",
    "LEAD_INS",
    "LITTLE_WORDS",
    "OTHER_PLATFORMS",
    "PREPOSITIONS",
    "TAIL_WORDS",
    "TAKES_COMPLEMENT",
    "TITLE_TAILS",
    "TITLE_WRAPPERS",
    "BEFORE_LIKE",
    "COMMON",
    "DIRECTOR_WORDS",
    "FOLLOW_UP",
    "HEAD_PREPOSITIONS",
    "HEAD_SKIP",
    "LIKE_WORDS",
    "LITTLE_TYPOS",
    "ON",
    "PLATFORM_JOIN",
    "POLITE",
    "SPANISH_ARTICLES",
    "TYPE_TAIL",
    "WEAK_HELP",
]
