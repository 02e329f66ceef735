"""``Understanding``: a message or a command's arguments -> one ``Question``.

Which question, in this order (the first that applies):

- ``where``: "where can I watch X", "dónde puedo ver X", "which platform has X", "en qué
  plataforma está X"; the title is what follows, "on <platform>" at its end is a filter;
- ``recommend``: "shows like X on hulu", "algo parecido a X", "similar to X"; the title follows;
- the catalogue questions, each with its own cue: ``score`` ("scored above 3.5"), ``rating``
  ("rated tv-14"), ``longest``, ``actor``, ``count`` (``country`` when a country is named:
  "how many movies from india in 2019"), ``top`` ("mejores series de terror en hulu");
- yes/no platform questions: "is X on netflix?", "¿está X en netflix?", "do you have X" -> where;
- ``recommend`` from taste: "I loved X, what else should I watch?", "recomiéndame X", "si me
  gustó X"; the title follows the cue, or comes in the clause before it;
- a recommendation without a title ("recommend me a horror movie", "qué veo hoy") -> ``top``
  with whatever genre, type, platform and year it names: a genre recommendation is the
  best-scored titles in that genre (``queries.top_titles``);
- nothing but arguments ("horror movies on netflix") -> ``top`` (``country`` when it names a
  country and a type or a year: "películas de la india 2019");
- ``help``, ``greeting``, ``thanks`` when that is all the message says ("hola, ¿dónde…" is a
  where question); chatter ("jajaja", "ok") is ``unknown``;
- anything else is a title typed alone -> ``title`` (its card: where it streams, a few
  suggestions), or ``unknown`` when it reads like a sentence and names no title, or is keys
  mashed ("asdfgh").

A span a cue points at that holds nothing but arguments is not a title: "where can I watch
horror movies" is a ``top`` question; one that is exactly a title stays one ("scary movie"), and
so does a country with a year after "where" ("dónde veo argentina 1985"). A span that names no
title loses the clear lead-in and tail words at its edges when that leaves exactly one
(``Message.narrow``: "my gf keeps talking about bridgerton, where can we watch it"). When the
words after a recommend cue are no title ("¿qué más me puede molar?"), the title is in the clause
before it; "is that on disney+?" after a break asks where the title named before it streams.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from core.catalogue.title_types import TitleType
from core.questions.filters import Filters, Ranking, Role
from core.search.titles import normalise
from core.understanding import language
from core.understanding import lexicon as lx
from core.understanding.acts import ActReading, Acts
from core.understanding.decision import (
    ABOUT_ONE_TITLE,
    Found,
    about_person,
    browse,
    chat_around,
    chatter_at_end,
    clause_start,
    conversation,
    hard,
    no_title,
    opener,
    reaction_before_break,
    reactions_before_break,
    request_not_title,
    request_of,
    says_nothing,
    small_talk,
    stray_number,
    symbols_only,
    watch_slip,
    weak_genre,
)
from core.understanding.item_filters import SLOT_KINDS, ItemFilters
from core.understanding.language import Said, of_command
from core.understanding.last_resort import request_after_all, request_by_opener, thanks_first
from core.understanding.lexicon import BEFORE_LIKE, DIRECTOR_WORDS, LIKE_WORDS
from core.understanding.memo import Lookups
from core.understanding.message import Message
from core.understanding.policy import ABSENT, CONFIDENT, title_answer
from core.understanding.question import COMMANDS, INTENTS, TITLE_INTENTS, Intent, Question
from core.understanding.scanner import (
    CATALOGUE_CUES,
    Item,
    Scanner,
    args_only,
    first_cue,
    is_arg,
    is_cue,
    is_filler,
    rating_label,
    tokens,
)
from core.understanding.second_reading import SecondReading
from core.understanding.slots import read_slots

MATCH_LIMIT = 10  # matches resolved per title: editions for /where, alternatives for "did you mean"
COMMAND = re.compile(r"^/(\w+)(?:@\w+)?\s*(.*)$", re.DOTALL)
MENTIONS = re.compile(r"^(@\w+[\s,:]*)+")
CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}")
ARGUMENT_NAMES = {
    "platform": "platform", "type": "type", "genre": "genre", "country": "country", "year": "year",
    "rating": "rating", "dtype": "duration_type",
}  # fmt: skip


@dataclass(frozen=True)
class Parts:
    filters: Filters
    leftover: str  # the words that are no filter, cue or filler, as typed (folded)
    cues: frozenset[str]


RECENT_MESSAGES = 256  # readings kept by ``Understanding.parse``


class Understanding(SecondReading):
    def __init__(
        self, recommender, countries: dict[str, str], ratings: frozenset[str], people=None, years=None
    ):
        self.recommender = recommender
        self.people = people  # core.questions.people.People: names in messages (none: no people read)
        self.years = years or (1900, 2021)  # the catalogue's first and last release years
        self.exact_titles = recommender.resolver.exact  # normalised title -> key
        self.ratings = ratings
        self.scanner = Scanner(countries, ratings, recommender.resolver.word_id)
        self._countries = countries
        # One message is read several times per update (its language, the question, a
        # follow-up's parts): the last few readings are kept. Questions are immutable.
        self._read = functools.lru_cache(maxsize=RECENT_MESSAGES)(self._parse)
        self._acts_read = functools.lru_cache(maxsize=RECENT_MESSAGES)(self._act)
        # ... and so are the title texts resolved and the names searched (core.understanding.memo).
        self._lookups = Lookups(recommender, people, MATCH_LIMIT, RECENT_MESSAGES)

    @classmethod
    def build(cls, catalogue, recommender, people=None, acts: Acts | None = None) -> Understanding:
        """The vocabularies of this catalogue: its countries (with English and Spanish aliases
        and demonyms) and its maturity ratings, beside the recommender's titles; and the act
        classifier: ``acts`` when given (saved beside the snapshot by its build), else trained
        now (about 3 s on the full data; once per catalogue vocabulary in a process)."""
        countries = {}
        for value in catalogue["country"].dropna().unique():
            for name in str(value).split(", "):
                if name.strip():
                    countries[normalise(name)] = name.strip().lower()
        known = set(countries.values())
        for alias, name in lx.COUNTRIES.items():
            if name in known:
                countries.setdefault(alias, name)
        ratings = frozenset(str(r).strip().lower() for r in catalogue["rating"].dropna().unique())
        years = (int(catalogue["release_year"].min()), int(catalogue["release_year"].max()))
        understanding = cls(recommender, countries, ratings, people, years)
        if acts is not None:
            understanding.__dict__["acts"] = acts  # the cached property's value
        _ = understanding.acts  # trained now if need be: no reply waits for it
        return understanding

    # ---- public ---------------------------------------------------------------------------
    def parse(self, text: str) -> Question:
        """A free-form message; a "/command args" message is read as that command."""
        return self._read((text or "").strip())

    def forget_readings(self) -> None:
        """Read every message afresh from now on: a benchmark times a first reading."""
        self._read.cache_clear()
        self._acts_read.cache_clear()
        self._lookups.clear()

    def _parse(self, text: str) -> Question:
        command = COMMAND.match(text)
        if command and command.group(1).lower() in COMMANDS:
            question = self.parse_command(COMMANDS[command.group(1).lower()], command.group(2))
            said = of_command(command.group(1))  # "/titulo …" is Spanish, whatever the title
            if said.language == "es" or said.clear and question.language is None:
                return replace(question, language=said.language, leaning=None)
            return question  # "/count películas de terror": the arguments are clearly Spanish
        message = self._message(MENTIONS.sub("", text))  # "@streambot where is …" in a group
        question = self._question(message, self._decide(message))
        if (
            question.intent == Intent.UNKNOWN
            or question.intent == Intent.TITLE
            and question.answer()[0] != CONFIDENT
            or question.intent == Intent.WHERE  # "is ozark worth it?": no platform question
            and question.answer()[0] == ABSENT
        ):
            found = (
                self._about_a_title(text)
                or self._after_a_preamble(text, question, message)
                or self._by_act(message, question)
                or self._title_in_a_story(message, question)
                or question
            )
            return (
                request_after_all(found)
                or thanks_first(message, found)
                or request_by_opener(message, found)
                or self._request_by_act(message, found)
                or found
            )
        return self._overruled(message, question) or question

    @functools.cached_property
    def _vocabulary(self) -> int:
        """What a message is read with, beside the lexicon: the act classifier trained on one
        catalogue's vocabulary serves any other with the same (``Acts.cached``). Only a training
        reads it, so a people index built later (``core.snapshot.later``) is not built for it."""
        people = self.people
        return hash(
            (frozenset(self.exact_titles), frozenset(self._countries.items()), self.ratings, self.years,
             len(people) if people is not None else None, getattr(self.recommender, "names", None) is not None)
        )  # fmt: skip

    @functools.cached_property
    def acts(self) -> Acts:
        """The act classifier (``core.understanding.acts``), trained on this catalogue's titles:
        by ``build``, so no reply waits for it; else on first use."""
        return Acts.cached(self._message, self._vocabulary)

    def act(self, text: str) -> ActReading:
        """What the act classifier reads in ``text`` (``core.understanding.acts``)."""
        return self._acts_read((text or "").strip())

    def _act(self, text: str) -> ActReading:
        return self._act_reading(self._message(MENTIONS.sub("", text)))

    def _act_reading(self, m: Message) -> ActReading:
        """``acts.read(m)``, once per message (``Lookups.acts``): ``m`` is ``_message``'s."""
        if m.key is None:  # a message built elsewhere is read as it is
            return self.acts.read(m)
        return self._lookups.acts(m.key, lambda: self.acts.read(m))

    def _about_a_title(self, text: str) -> Question | None:
        """ "tell me about the queens gambit", "de qué va bridgerton", "elite de qué va": the
        title's card, in the language of the words around it."""
        words = list(re.finditer(r"\S+", text))  # with their places: the title's are hidden below
        folded = [lx.SHORTHAND.get(w, w) for w in (normalise(word.group()) for word in words)]  # "de q trata"
        greeted = next((g for g in (3, 2, 1) if lx.CUES.get(" ".join(folded[:g])) == "greeting"), 0)
        if greeted and len(words) > greeted + 1:  # "hola, de qué trata dark": the greeting aside
            words, folded = words[greeted:], folded[greeted:]
        for size in range(min(5, len(words) - 1), 0, -1):
            for lead, title, table in (
                (folded[:size], words[size:], lx.ABOUT_LEADS),
                (folded[-size:], words[:-size], lx.ABOUT_TAILS),
            ):
                if " ".join(lead) not in table:
                    continue
                inner = self._read(" ".join(word.group() for word in title))  # maybe read already
                if inner.intent == Intent.WHERE and not inner.platform and table is lx.ABOUT_TAILS:
                    inner = replace(inner, intent=Intent.TITLE)  # "is ozark worth it": its card
                if inner.intent != Intent.TITLE or inner.answer()[0] == ABSENT:
                    continue
                said = language.of_text(text, [(title[0].start(), title[-1].end())])
                return replace(inner, language=said.language if said.clear else inner.language)
        return None

    def _after_a_preamble(self, text: str, first: Question, m: Message) -> Question | None:
        """ "ando bien nostálgico, qué series de los 90 hay en disney plus": a remark, a comma,
        then a question the bot answers for sure; read the question."""
        before, comma, rest = text.partition(",")
        rest = rest.strip()
        if not comma or len(rest.split()) < 2 or len(before.split()) < 3:
            return None  # "va, la segunda de qué va": a reaction, read as one already
        if first.title and ("," not in first.title or first.answer()[0] != ABSENT):
            return None  # a title said before the comma: the words after it are about that title
        asking = ("where", "like", "cast_of", "director_of")
        if any(is_cue(it, *asking) and m.toks[it.i].start < len(before) for it in m.items):
            return None  # "where can i stream the notebook, my gf…": the question comes first
        opening = self._read(before)
        if opening.intent == Intent.TITLE and opening.title and opening.answer()[0] == CONFIDENT:
            return None  # "what's bojack horseman, is it a cartoon or what": the title is the question
        q = self._read(rest)
        if q.intent in TITLE_INTENTS:
            return q if q.title and q.answer()[0] == CONFIDENT else None
        if q.intent in (Intent.UNKNOWN, Intent.GREETING, Intent.THANKS, Intent.REMARK, Intent.HELP):
            return None
        return q if not q.filters.is_empty() else None

    def language(self, text: str) -> Said:
        """What ``text`` tells of its language (``core.understanding.language``), read as ``parse``
        reads it: a message by its words outside the title and the people it names; a command
        by its Spanish name, else by its arguments outside the title when they are clear and it
        is one of the questions (other commands' arguments are titles), else by its name."""
        text = (text or "").strip()
        command = COMMAND.match(text)
        if command and command.group(1).lower() not in COMMANDS:
            return of_command(command.group(1))
        question = self.parse(text)
        by_name = of_command(command.group(1)) if command else Said()
        if by_name.clear and question.language == by_name.language:
            return by_name  # an English name keeps ``menu``: it may be a Spanish menu's tap
        return Said(question.language, clear=True) if question.language else Said(question.leaning)

    def parse_command(self, intent: Intent | str, text: str) -> Question:
        """A command's arguments with the intent fixed: ``parse_command("count", "movies on
        netflix in 2019")``. Words that are not arguments of this command are in ``leftover``;
        for a title command the whole text (less "on <platform>") is the title."""
        if intent not in INTENTS:
            raise ValueError(f"unknown intent {intent!r}")
        intent = Intent(intent)
        # A title command's words are a title, never a person: no names are looked for.
        message = self._message((text or "").strip(), people=intent not in TITLE_INTENTS)
        items, span = message.items, None
        if intent in TITLE_INTENTS and items:
            start = 0
            like = first_cue(items, 0, len(items), "like")
            if (
                intent == Intent.RECOMMEND
                and like is not None
                and all(is_filler(it) or it.kind == "type" or is_cue(it, "recommend") for it in items[:like])
            ):
                start = like + 1  # "/recommend shows like stranger things"
            span = message.trim(start, len(items))
            if span and message.only_arguments(span) and not message.lone_number(span):
                span = None  # "/recommend horror movies": arguments, no title; "/where 300" is one
        return self._question(message, Found(intent, span), command=True)

    def filters_of(self, text: str) -> Filters | None:
        """The filters a message states when it states nothing else ("on hulu", "en 2020",
        "comedies", "not horror"); None when it has words that are no filter. The dialogue
        memory reads a follow-up with it (``core.dialogue``)."""
        message = self._message((text or "").strip())
        if not message.items or not args_only(message.items):
            return None
        args = self._arguments(Intent.TOP, message.items, command=False)
        return None if args["leftover"] else args["filters"]

    def parts(self, text: str) -> Parts:
        """What a message names, whatever else it says: its filters, the cues it has and the
        words that are none of those ("on netflix tho" -> Netflix and "tho"). The dialogue
        memory reads a follow-up nobody phrased as expected with it."""
        message = self._message((text or "").strip())
        args = self._arguments(Intent.TOP, message.items, command=False)
        cues = frozenset(str(it.value) for it in message.items if it.kind == "cue")
        return Parts(args["filters"], args["leftover"], cues)

    def _message(self, text: str, people: bool = True) -> Message:
        def read() -> tuple:
            toks = tokens(text)
            found = read_slots(
                text, self.scanner.scan(toks), toks, self.years, self._lookups.people if people else None,
                self.scanner.title_words, self.exact_titles,
            )  # fmt: skip
            return tuple(toks), tuple(found)

        toks, items = map(list, self._lookups.slots(text, people, read))  # read once per message
        reads_names = getattr(self.recommender, "names", None) is not None  # the snapshot's Spanish names
        return Message(text, toks, items, self.exact_titles, reads_names, key=(text, people))

    # ---- deciding -------------------------------------------------------------------------
    def _decide(self, m: Message) -> Found:
        items = m.items
        lo, hi = 0, len(items)  # greetings before and thanks after do not change the question
        while lo < hi and (is_cue(items[lo], "greeting", "thanks") or reaction_before_break(m, items[lo])):
            lo += 1  # "great, is frozen on disney?", "lol. where is coco": the question follows
        lo = reactions_before_break(m, lo, hi)  # "lol ok. then give me a comedy"
        while hi > lo and chatter_at_end(m, lo, hi):
            hi -= 1
        while hi - lo > 2 and items[hi - 1].words in lx.TAG_WORDS and items[hi - 2].kind == "platform":
            hi -= 1  # "shrek is on netflix right?": a tag after the platform asks nothing more
        core = items[lo:hi]
        company = any(it.words in lx.COMPANY for it in core)  # "something for my daughter": a request
        if not company and says_nothing(core) or small_talk(core):
            # "jaja ok", "you suck", "eres un inútil", "🙏": no title card
            return Found(conversation(items, reacted=not items and symbols_only(m.text)))
        if m.is_title((lo, hi)) and not (hi - lo == 1 and is_arg(core[0])):
            return Found(Intent.TITLE, (lo, hi))  # "Love Is Blind", "Top Gun", "Where the Crawdads Sing"
        found = self._credits(m, lo, hi) or about_person(core)
        if found:
            return found
        for finder, intent in ((self._where, Intent.WHERE), (self._like, Intent.RECOMMEND)):
            at = finder(items, lo, hi)
            found = self._pointed(m, lo, hi, at, intent) if at is not None else None
            if found:
                return found
        for cue in CATALOGUE_CUES:
            if self._asks(core, cue):
                return self._catalogue(m, cue, lo, hi)
        at = opener(items, lo, hi, m.toks)
        found = self._pointed(m, lo, hi, at, Intent.WHERE) if at is not None else None
        if found:
            return found
        at = first_cue(items, lo, hi, "recommend", "after", "taste")
        found = self._pointed(m, lo, hi, at, Intent.RECOMMEND) if at is not None else None
        if found or first_cue(items, lo, hi, "recommend") is not None:
            return found or Found(Intent.TOP)  # "recommend me something", but "love actually" is a title
        at = first_cue(items, lo, hi, "watch", "want")  # "wherre can I watch X": the verb still points
        found = self._pointed(m, lo, hi, at, Intent.WHERE) if at is not None else None
        if found:
            return found
        if args_only(core):
            return Found(browse(core))
        if is_cue(core[0], "help"):
            return Found(Intent.HELP)
        if hi - lo == 1 and core[0].kind == "word" and self._gibberish(core[0].words):
            return Found(Intent.UNKNOWN)  # "asdfgh"
        span = m.trim(lo, hi, bare=True)
        return Found(Intent.TITLE, span) if span else Found(Intent.UNKNOWN)

    def _credits(self, m: Message, lo: int, hi: int) -> Found | None:
        """ "who is in X", "who directed X", "reparto de X"; without a title after the cue it asks
        who is in (or directed) the most titles: "who directed the most stuff on disney+"."""
        at = first_cue(m.items, lo, hi, "cast_of", "director_of")
        if at is None:
            return None
        role = Role.DIRECTOR if is_cue(m.items[at], "director_of") else Role.CAST
        found = self._pointed(m, lo, hi, at, Intent.CREDITS)
        if found is not None and found.intent == Intent.CREDITS:
            return Found(Intent.CREDITS, self._after_a_character(m, found.span), role)
        return Found(Intent.ACTOR, role=role)

    @staticmethod
    def _after_a_character(m: Message, span):
        """ "who plays walter white in breaking bad": the title after the character's "in"."""
        if span is None or m.is_title(span):
            return span
        ins = [k for k in range(span[0] + 1, span[1] - 1) if m.items[k].words in ("in", "en")]
        if not ins or not m.is_title((ins[-1] + 1, span[1])):
            return span
        return (ins[-1] + 1, span[1])

    def _gibberish(self, word: str) -> bool:
        """A word typed by mashing keys: no vowel, or four consonants in a row, and in no title."""
        return (
            word.isalpha()
            and (not re.search(r"[aeiouy]", word) or bool(CONSONANTS.search(word)))
            and word not in self.scanner.title_words
        )

    @staticmethod
    def _where(items: list[Item], lo: int, hi: int) -> int | None:
        return first_cue(items, lo, hi, "where")

    @staticmethod
    def _like(items: list[Item], lo: int, hi: int) -> int | None:
        """A comparison cue ("like", "parecido a", "similar to") with words after it."""
        for k in range(lo, hi - 1):
            if not is_cue(items[k], "like"):
                continue
            if items[k].words in LIKE_WORDS and k > lo:
                before = items[k - 1]
                if not (
                    before.kind in ("type", "genre")
                    or before.words in BEFORE_LIKE
                    or is_cue(before, "recommend", "want", "watch")
                ):
                    continue  # "I'd like to know…", "como estás"
            return k
        return None

    def _asks(self, core: list[Item], cue: str) -> bool:
        if cue == "score":
            numbers = any(it.kind == "number" and 0 <= it.value <= 5 for it in core)
            return numbers and any(is_cue(it, "score", "above") for it in core)
        if cue == "rating":
            return any(it.kind == "rating" for it in core) or (
                any(is_cue(it, "rating") for it in core) and self._loose_rating(core) is not None
            )
        if cue == "top":
            # "good" is a list cue only right before an argument ("good horror movies", "buenas
            # series"): "great, is frozen on disney?" is a reaction, then a platform question
            return any(is_cue(it, "top") for it in core) or any(
                is_cue(it, "good") and any(is_arg(x) for x in core[k + 1 : k + 3])
                for k, it in enumerate(core)
            )
        return any(is_cue(it, cue) for it in core)

    @staticmethod
    def _catalogue(m: Message, cue: str, lo: int, hi: int) -> Found:
        core = m.items[lo:hi]
        if cue == "count" and any(it.kind == "country" for it in core):
            return Found(Intent.COUNTRY)
        if not all(is_arg(it) or is_filler(it) or it.kind == "cue" for it in core):
            # "Top Gun", "The Longest Yard": a cue word inside a title typed alone.
            span = m.trim(lo, hi)
            no_arguments = cue in ("top", "longest") and not any(is_arg(it) for it in core)
            if span and (m.is_title(span) or no_arguments):
                # "can i watch the greatest showman on disney+": the cue word is the title's
                return Found(Intent.WHERE if opener(core, 0, len(core)) is not None else Intent.TITLE, span)
        if cue == "shortest":
            return Found(Intent.LONGEST, shortest=True)
        directing = ("dirig", "director")  # inside a cue phrase too: "director has the most"
        if cue == "actor" and any(
            it.words in DIRECTOR_WORDS or it.kind == "cue" and any(w in it.words for w in directing)
            for it in core
        ):
            return Found(Intent.ACTOR, role=Role.DIRECTOR)  # "which director has the most titles"
        return Found(Intent(cue))  # the lexicon's intent cues are named after their intents

    @staticmethod
    def _pointed(m: Message, lo: int, hi: int, at: int, intent: Intent) -> Found | None:
        """The title the cue at ``at`` points to: what follows it, or else the clause before it."""
        items = m.items
        end = next((k for k in range(at + 1, hi) if hard(items[k])), hi)
        start = at + 1
        if is_cue(items[at], "where"):  # "where can my kids watch X": the verb is nearer the title
            verb = next(
                (
                    k
                    for k in range(start, min(start + 4, end))
                    if is_cue(items[k], "watch") or watch_slip(items[k])
                ),
                None,
            )
            start = start if verb is None else verb + 1
        if is_cue(items[at], "like"):  # "similar shows to the boys": the type is a filter, not the title
            while start < end and (
                items[start].kind == "type" or items[start].words in ("to", "as", "a", "al")
            ):
                start += 1
        span, before = m.trim(start, end), m.trim(clause_start(items, lo, at), at)
        if before and says_nothing(items[before[0] : before[1]]):
            before = None  # "lol ok so where is it then": reactions before the question, not a title
        if (
            span
            and before
            and intent == Intent.RECOMMEND
            and no_title(m, span)
            and not m.only_arguments(before)
        ):
            span = None  # "me flipó the witcher, ¿qué más me puede molar?": the title is before the cue
        span = span or before
        if not span:
            return Found(Intent.TOP) if is_cue(items[at], "recommend", "like") else None
        if m.only_arguments(span) and not (span[0] == start and m.lone_number(span)):
            # "where can i watch 300": a number right after the cue is the title asked about
            if not (intent == Intent.WHERE and {it.kind for it in items[span[0] : span[1]]} == {"country"}):
                return Found(browse(items[lo:hi]))
            if span[1] < end and items[span[1]].kind == "year":  # "dónde veo argentina 1985": a title
                span = (span[0], span[1] + 1)
        return Found(intent, span)

    # ---- the question ---------------------------------------------------------------------
    def _question(self, m: Message, found: Found, command: bool = False) -> Question:
        span, intent = found.span, found.intent
        m.aside = None
        if span and not command and not m.is_title(span):
            span = m.narrow(span) or span  # "my gf keeps talking about bridgerton" -> "bridgerton"
        hidden = [r for r in (span, m.aside) if r]
        outside = [it for k, it in enumerate(m.items) if not any(a <= k < b for a, b in hidden)]
        args = self._arguments(intent, outside, command)
        if (
            intent in ABOUT_ONE_TITLE
        ):  # "… by christopher nolan", "… con los niños": no filter of a title's answer
            args["filters"] = args["filters"].but(person=None, role=None, bands=None)
            args.pop("person", None)
        title, matches, verdict, answer = None, (), None, None
        if span:
            title = m.title_text(span)
            matches = self._lookups.resolve(title) if title else ()
            answer = title_answer(matches, title, args.get("year"))
            verdict = answer[0]
            if not command and request_not_title(m.items, span, intent, verdict):
                # "gimme british crime shows", "90s comedies, go", "quiero ver algo de miedo con mi
                # novia, ¿qué me recomiendas?": a request with words around it, not a title nobody
                # carries. Read the whole message as the request.
                return self._question(m, request_of(m.items), command)
            sentence = intent == Intent.TITLE and not command and m.is_sentence()
            if sentence and verdict == "absent":
                intent, title, matches, span = Intent.UNKNOWN, None, (), None  # a sentence naming no title
            elif intent == Intent.TITLE and not command and verdict == ABSENT and chat_around(m, span):
                return self._question(m, Found(conversation(m.items, reacted=True)))  # "jaja sabia"
        if intent in TITLE_INTENTS or intent in (
            Intent.HELP,
            Intent.GREETING,
            Intent.THANKS,
            Intent.REMARK,
            Intent.UNKNOWN,
        ):
            args["leftover"] = ""
            if intent != Intent.RECOMMEND:
                args.pop("genre", None)
        role = (
            found.role
            if found.role is not None
            else args["filters"].role
            if intent == Intent.PERSON
            else None
        )
        if intent == Intent.TOP and not command and not lx.SCORE_WORDS.search(normalise(m.text)):
            # "something for tonight", "best horror movies": picks people know, not the mean
            # rating's order, which /top and "top rated …" keep (core.questions.picks).
            args["filters"] = args["filters"].but(ranking=Ranking.PICKS)
        # The words of a title in no catalogue are the asker's own ("quienes actuan" read as one).
        said = m.language(span if verdict != ABSENT else None)
        question = Question(
            intent=intent, title=title, matches=matches, role=role, shortest=found.shortest,
            language=said.language if said.clear else None, leaning=None if said.clear else said.language,
            **args,
        )  # fmt: skip
        return question.judged(answer) if title and answer is not None else question

    def _arguments(self, intent: Intent, outside: list[Item], command: bool) -> dict:
        args: dict = {}
        leftover: list[Item] = []
        found = ItemFilters()
        for k, it in enumerate(outside):
            name = ARGUMENT_NAMES.get(it.kind)
            if it.kind in SLOT_KINDS:
                found.add(it)
                if it.kind == "genres" and "genre" not in args:
                    args["genre"] = it.value[0]  # the answers that take one genre
            elif name:
                weak_country = it.kind == "country" and it.words in lx.WEAK_COUNTRIES
                # "pelis indias", "de la india": a weak country right after a type or a "from"
                vouched = k and (is_cue(outside[k - 1], "from") or outside[k - 1].kind == "type")
                if weak_country and not vouched or weak_genre(outside, k):
                    leftover.append(it)  # "english", "war" alone are not a country, a genre
                    continue
                if name not in args:
                    args[name] = it.value
                found.add(it)
            elif (
                it.kind == "number" and intent == Intent.SCORE and "score" not in args and 0 <= it.value <= 5
            ):
                args["score"] = float(it.value)
            elif it.kind == "number" and 0 <= it.value <= 5 and k and is_cue(outside[k - 1], "above"):
                args["score"] = float(it.value)  # "movies with a score above 3.6": a filter of any list
            elif it.kind == "word" or it.kind == "number" and stray_number(it, intent, command):
                leftover.append(it)
        if intent == Intent.RATING and "rating" not in args:
            at = self._loose_rating(outside, cue_needed=not command)
            if at is not None:
                it = outside[at]
                args["rating"] = f"{int(it.value)}+" if it.kind == "number" else rating_label(it.words)
                found.ratings.add(args["rating"])
                leftover = [x for x in leftover if x is not it]
        if intent == Intent.LONGEST and "duration_type" not in args:
            seasons = any(
                is_cue(it, "longest", "shortest") and ("season" in it.words or "temporada" in it.words)
                for it in outside
            )
            args["duration_type"] = "season" if seasons or args.get("type") == TitleType.SHOW else "min"
        args["leftover"] = " ".join(it.words for it in leftover)
        # "ya no está en netflix, ¿es verdad?": of one title, a negated platform is still the one asked
        args["filters"] = found.filters(args.get("score"), of_a_title=intent in ABOUT_ONE_TITLE)
        if found.person is not None:
            args["person"] = found.person
        if args["filters"].type is not None and "type" not in args:
            args["type"] = args["filters"].type  # "one season", "miniseries": a show
        if "year" not in args and args["filters"].year is not None:
            args["year"] = args["filters"].year
        elif "year" in args and args["filters"].year is None:
            args.pop("year")  # a range ("2019 2020", "the 90s"), not one year
        return args

    def _loose_rating(self, core: list[Item], cue_needed: bool = True) -> int | None:
        """A rating token, or one written as a plain word or number after a rating cue ("rated R",
        "para mayores de 18"); in a /rating command no cue is needed ("/rating R")."""
        for k, it in enumerate(core):
            if it.kind == "rating":
                return k
            rated_after = k + 1 < len(core) and core[k + 1].words == "rated"  # "R rated movies"
            if cue_needed and not (k and is_cue(core[k - 1], "rating")) and not rated_after:
                continue
            if it.kind == "number" and it.value == int(it.value) and f"{int(it.value)}+" in self.ratings:
                return k
            if it.kind != "number" and rating_label(it.words) in self.ratings:
                return k
        return None
