"""One title policy for every title question: answer, ask "did you mean…?", or say it is not there.

``Recommender.resolve`` ranks titles by fuzzy similarity, and a high score still happens for a
famous film that no platform carries ("the godfather" scores 93 against "Our Godfather",
"gladiator" 95 against "Gladiators of Rome", "dune" 96 against "The Dunes"). So a match only
counts when the words typed line up with the title's own words (``reading``):

- ``exact``: the same title once case, accents, punctuation and joined words are ignored
  ("walle", "brooklyn 99"), or the same significant words with an article left out ("lion
  king"), a Spanish article for an English one ("los simpsons"), a studio's name left out ("the
  grinch" for "Dr. Seuss' The Grinch") or a "(2019)" after it;
- ``typo``: the same words one for one, each equal or a slip: one letter in a word of 5-6
  letters, two in a longer one (a one-word title: 10+ letters); never the first letter, never
  a plural for a singular in a one-word title ("dune" is not "The Dunes"), never a word that
  another candidate title uses as it is ("casino" is not a slip of "Camino"); a word of four
  letters only with one letter left out ("papl"); a letter doubled or undoubled in any word
  ("finding nemmo"); the last word cut short ("parks and rec"); a possessive's "'s" left out
  ("grey anatomy"); a Spanish plural article before a name the title has in the plural ("los
  simpson": Spanish keeps family names singular); and, only to ask, one slip in one short word
  of a title of two or more words, the others as they are ("ricky and morty");
- ``part``: a part of a longer title: a subtitle ("empire strikes back", "endgame"), the name
  before a colon with its number ("home alone 2", but "titanic" is not "Titanic: 20 Years
  Later", "dirty dancing" not "Dirty Dancing: Havana Nights") or before a subtitle that only
  describes it ("el camino": "El Camino: A Breaking Bad Movie", ``title_names``), its last two or more words
  ("raiders of the lost ark") or two thirds of its words in order: these last two only ask.

A little word the title does not have makes it another title ("the godfather" is not "Our
Godfather", "the notebook" not "Notebook"), and so does a number it does not have ("mean
girls" is not "Mean Girls 2"). A type word after the title ("the conjuring movie") and a
"the" before a title without one ("the simpsons movie") are worth a question, never an answer.

``title_answer`` decides, and nothing else does (the resolver in ``core.search.titles`` and
``Recommender.resolve`` only score): ``confident`` when the scores show a clear winner
(``clear_winner``: 88 or more and 4 points ahead, or typed exactly) that does not read as
another title (``reads_differently``) and its reading is strong, or when the only title the
words name is named by its own name before a describing subtitle, whatever scores higher
("el camino"); ``ambiguous`` with the plausible matches (best reading first, at most 5) and the
titles of a franchise, when the text is the name two or more of them begin with ("star wars",
"pokémon", "louis c.k.": ``title_names.franchise``), so that a title the reply offers is never
also called absent; otherwise ``absent``, with at most 3 matches sharing a distinctive word
with the text, to offer only as suggestions after saying plainly that the title is in none of
the four catalogues ("titles with 'godfather': …"). Before that, a year is read the other way
round when that names a title: a year filter that is part of the title ("louis ck 2017"), or a
year typed in the title that is its year ("aladdin 2019").
"""

from __future__ import annotations

import re

from core.search.titles import EXACT_SCORE, STOPWORDS, normalise
from core.understanding import title_words as tw
from core.understanding.lexicon import SPANISH_ARTICLES, TYPE_TAIL
from core.understanding.title_names import by_its_name, distinctive, franchise, named_by_head, shares_word

__all__ = [
    "title_answer", "reading", "how_it_reads", "clear_winner", "sure_match", "reads_differently",
    "CONFIDENT", "AMBIGUOUS", "ABSENT",
]  # fmt: skip

CONFIDENT, AMBIGUOUS, ABSENT = "confident", "ambiguous", "absent"
CONFIDENT_SCORE = 88.0  # a top score below this is a guess: ask "did you mean ...?"
CONFIDENT_MARGIN = 4.0  # ... and so is one that another title follows within this many points
MAX_ALTERNATIVES = 5
MAX_SUGGESTIONS = 3
PART_SHARE = 2 / 3  # words of the title that a partial name must cover, in order
# Studio and brand names before a title: "Marvel Studios' Avengers: Endgame", "LEGO Jurassic World: …".
BRAND = re.compile(
    r"^\s*(?:marvel studios['’]?|marvel['’]s|disney['’]s|disney|pixar['’]s|pixar|dr\.? seuss['’]?s?|"
    r"tom clancy['’]s|tyler perry['’]s|dreamworks['’]?|lego|nickelodeon['’]s|national geographic)\s+",
    re.IGNORECASE,
)
TRAILING_YEAR = re.compile(r"\s+\(?((?:19|20)\d\d)\)?\s*$")  # "aladdin 2019", "aladdin (2019)"
YEAR_SUFFIX = re.compile(r"\s*\((?:19|20)\d\d\)\s*$")  # "Aladdin (2019)" is Aladdin
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
PLURAL_ARTICLE = re.compile(r"\b(los |las )(\w+[^s\W])\b")


def reading(text: str, title: str, known=frozenset()) -> tuple[str, bool] | None:
    """How the typed ``text`` names ``title`` ("exact", "typo" or "part") and whether that
    reading is strong enough to answer without asking; None when it does not name it.
    ``known``: words that other candidate titles use as they are (no slip can be one of them).
    A studio's name before a title is not part of it: "the grinch" is "Dr. Seuss' The Grinch"."""
    title = YEAR_SUFFIX.sub("", title) or title
    found = _reading(text, title, known)
    if found is None and POSSESSIVE.search(title):
        # "grey anatomy" is Grey's Anatomy: a possessive's "'s" left out is a slip
        found = _reading(text, POSSESSIVE.sub("", title), known)
        found = found and ("typo", found[1])
    if (
        found is None
        and {"los", "las"} & set(tw.title_words(text))
        and PLURAL_ARTICLE.search(normalise(text))
    ):
        # "los simpson" is The Simpsons: Spanish keeps family names singular after "los"
        found = _reading(PLURAL_ARTICLE.sub(r"\1\2s", normalise(text)), title, known)
        found = found and ("typo", found[1])
    if found is None:
        # "the conjuring movie", "peppa pig the movie": a type word the title lacks is worth a
        # question, never an answer (the series is not its movie).
        typed = normalise(text).split()
        for size in (2, 1):
            if (
                len(typed) > size
                and " ".join(typed[-size:]) in TYPE_TAIL
                and list(tw.title_words(title)[-1:]) != typed[-1:]
            ):
                shorter = _reading(" ".join(typed[:-size]), title, known)
                if shorter:
                    return shorter[0], False
                break
    unbranded = BRAND.sub("", title, count=1)
    if unbranded != title and unbranded.strip() and (found is None or not found[1]):
        found = _reading(text, unbranded, known) or found
    return found


def _reading(text: str, title: str, known) -> tuple[str, bool] | None:
    typed, words = tw.title_words(text), tw.title_words(title)
    if not typed or not words:
        return None
    if typed == words or "".join(typed) == "".join(words):
        return "exact", True
    typed_little, title_little = tw.little(typed), tw.little(words)
    typed_sig, sig = tw.significant(typed), tw.significant(words)
    if not typed_sig:
        return None
    added = typed_little - title_little
    if added:
        # Another little word ("the godfather" vs "Our Godfather") or an article a one-word title
        # lacks ("the notebook" vs "Notebook") names another title; "the" before a longer title
        # without any article is worth a question ("the simpsons movie" vs "Simpsons Movie").
        if added != {"the"} or title_little or len(sig) < 2:
            return None
        rest = [w for w in typed if SPANISH_ARTICLES.get(w, w) != "the"]
        found = _reading(" ".join(rest), " ".join(words), known)
        return (found[0], False) if found else None
    # Articles may be left out ("lion king"); another little word left out makes a one-word
    # title another title ("sing" is not "Sing On!", "wednesday" not "A Wednesday") and a longer
    # one a question ("pirates caribbean").
    left_out = tw.little(words) - typed_little
    sure = not left_out - {"the", "and"}
    if not sure and len(sig) == 1:
        return None
    if typed_sig == sig:
        return "exact", sure
    if tw.same(typed_sig, sig, known=known) or tw.abbreviated(typed_sig, sig):
        return "typo", sure
    if tw.one_slip(typed_sig, sig):
        return "typo", False
    if len(typed_sig) >= len(sig):
        return None
    typed_numbers = tw.numbers(typed_sig)
    segments = tw.segments(title)
    for start in range(len(segments)):
        for end in range(start + 1, len(segments) + 1):
            run = [w for part in segments[start:end] for w in part]
            if not tw.same(typed_sig, run, known=known) or tw.numbers(run) - typed_numbers:
                continue
            if start > 0:
                return "part", True  # a subtitle: "empire strikes back", "endgame"
            if typed_numbers:
                return "part", True  # the name before the colon with its number: "home alone 2"
            if end == 1 and named_by_head(title, typed_sig):
                return "part", True  # "el camino" is "El Camino: A Breaking Bad Movie"
            # "titanic" is not "Titanic: 20 Years Later", "dirty dancing" not "Dirty Dancing: Havana Nights"
    if (
        tw.numbers(sig) - typed_numbers
        or len(typed_sig) < 2
        or (segments and tw.same(typed_sig, segments[0]))
    ):
        return None  # "mean girls" is not "Mean Girls 2", "ice age" not "Ice Age: The Meltdown"
    if len(typed_sig) < 3 and tw.same(typed_sig, sig[: len(typed_sig)], known=known):
        return None  # "sweet home" is not "Sweet Home Alabama"
    if tw.same(typed_sig, sig[-len(typed_sig) :], known=known) or (
        len(typed_sig) >= PART_SHARE * len(sig) and tw.in_order(typed_sig, sig, known)
    ):
        return "part", False  # "raiders of the lost ark", "pokemon indigo": ask first
    return None


def how_it_reads(text: str, title: str) -> str | None:
    """How the typed ``text`` names ``title``: "exact", "typo", "part", or None (it does not)."""
    found = reading(text, title)
    return found[0] if found else None


def clear_winner(scores) -> bool:
    """The top score (best first) is at least CONFIDENT_SCORE and the runner-up trails it by
    CONFIDENT_MARGIN, or the text names the top title exactly and no other title does."""
    scores = list(scores)
    if not scores or scores[0] < CONFIDENT_SCORE:
        return False
    if len(scores) == 1 or scores[0] - scores[1] >= CONFIDENT_MARGIN:
        return True
    # Typed exactly: "toy story" means Toy Story, even with Toy Story 2 a few points behind.
    return scores[0] >= EXACT_SCORE > scores[1]


def reads_differently(query: str, key: str) -> bool:
    """Whether a close fuzzy match still names something else: a little word swapped for
    another ("the godfather" is not "our godfather"), or the same words in another order
    ("girl meets boy" is not "boy meets girl"). Both score in the 90s. Normalised texts. A
    Spanish article is "the" ("el mandalorian" is The Mandalorian)."""
    query_words, key_words = query.split(), key.split()
    query_little, key_little = tw.little(query_words), tw.little(key_words)
    if query_little - key_little and key_little - query_little:
        return True
    query_sig = [w for w in query_words if w not in STOPWORDS]
    key_sig = [w for w in key_words if w not in STOPWORDS]
    return query_sig != key_sig and sorted(query_sig) == sorted(key_sig)


def sure_match(matches, text: str | None = None) -> bool:
    """Whether the scores alone make the first match sure: a clear winner that, when the typed
    ``text`` is known, does not read as another title. ``title_answer`` adds the reading."""
    matches = list(matches)
    if not clear_winner(m.score for m in matches):
        return False
    if text is None:
        return matches[0].score >= EXACT_SCORE
    # A Spanish name the match was read as reads as itself ("buscando a nemo"), not as the English title.
    return not reads_differently(normalise(text), normalise(matches[0].read_as or matches[0].title))


def _named(text: str, match, known) -> tuple[str, bool] | None:
    """How ``text`` names the Spanish name ``match`` was found by ("la sirenita"), if it was."""
    other = (
        match.read_as and match.read_as != match.title and normalise(match.read_as) != normalise(match.title)
    )
    return reading(text, match.read_as, known) if other else None


def _year_read_otherwise(text: str, year: int | None, matches) -> tuple[str, int | None] | None:
    """The typed title and year read the other way round when that names one of the matches: a
    year said after the title that is part of it ("louis ck 2017" is "Louis C.K. 2017"), or a
    year typed in the title that is the title's year ("aladdin 2019" is "Aladdin (2019)")."""
    if year is not None and str(year) not in text:
        joined = f"{text} {year}"
        if any(reading(joined, m.title) for m in matches):
            return joined, None
    found = TRAILING_YEAR.search(text)
    if year is None and found and found.start() > 0:
        said, rest = int(found.group(1)), text[: found.start()]
        if any(m.release_year == said and reading(rest, m.title) for m in matches):
            return rest, said
    return None


def title_answer(matches, text: str | None = None, year: int | None = None) -> tuple[str, list]:
    """The title policy: ("confident", [best]), ("ambiguous", plausible matches best first, at
    most 5) or ("absent", at most 3 matches sharing a distinctive word, suggestions only).

    ``matches`` come from ``Recommender.resolve(text)``; ``text`` is what the user typed for the
    title (``Question.title``). Without it only an exact match (score 100) the resolver is sure
    of is confident. ``year`` (when the user gave one) picks among same-named titles.
    """
    matches = list(matches)
    if not matches:
        return ABSENT, []
    if text is None:
        exact = [m for m in matches if m.score >= EXACT_SCORE]
        if exact and sure_match(matches):
            return CONFIDENT, [matches[0]]
        return (AMBIGUOUS, exact[:MAX_ALTERNATIVES]) if exact else (ABSENT, [])
    known = {w for m in matches for w in tw.significant(tw.title_words(m.title))}
    readings = [reading(text, m.title, known) for m in matches]
    if not any(readings):  # a Spanish name ("la sirenita") reads as none of the English titles
        readings = [_named(text, m, known) for m in matches]
    rank = {"exact": 0, "typo": 1, "part": 2}
    plausible = sorted(
        (i for i, found in enumerate(readings) if found),
        key=lambda i: (rank[readings[i][0]] + (0 if readings[i][1] else 3), i),
    )
    if year is not None:
        same_year = [i for i in plausible if matches[i].release_year == year and readings[i][0] == "exact"]
        if len(same_year) == 1:
            return CONFIDENT, [matches[same_year[0]]]
    if not any(found and found[1] for found in readings):
        other = _year_read_otherwise(text, year, matches)
        if other is not None:
            return title_answer(matches, *other)
    if readings[0] and readings[0][1] and sure_match(matches, text):
        return CONFIDENT, [matches[0]]
    if len(plausible) == 1 and by_its_name(text, matches[plausible[0]], CONFIDENT_SCORE):
        # The one title the words name, by its own name before a describing subtitle, and the
        # higher scores name nothing ("el camino": "Camino", "Camino a Bali" are other titles).
        return CONFIDENT, [matches[plausible[0]]]
    # A franchise's name is never absent: its titles are the choices ("pokémon", "louis c.k.").
    named = franchise(text, matches)
    if plausible or len(named) >= 2:
        chosen = [matches[i] for i in plausible]
        chosen += [m for m in named if m not in chosen]
        return AMBIGUOUS, chosen[:MAX_ALTERNATIVES]
    words = distinctive(tw.title_words(text))
    return ABSENT, [m for m in matches if shares_word(words, m.title)][:MAX_SUGGESTIONS]
