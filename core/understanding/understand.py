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
import unicodedata
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from core.catalogue.title_types import TitleType
from core.questions.filters import Filters, Role
from core.questions.filters import Span as Range
from core.search.titles import normalise
from core.understanding import language
from core.understanding import lexicon as lx
from core.understanding.acts import ACT_INTENTS, OVERRULE, SURE, ActReading, Acts
from core.understanding.acts.spotting import LITTLE
from core.understanding.language import Said, of_command
from core.understanding.lexicon import BEFORE_LIKE, DIRECTOR_WORDS, LIKE_WORDS, WEAK_HELP
from core.understanding.memo import Lookups
from core.understanding.message import POLITE, Message, Span, lead_in
from core.understanding.policy import ABSENT, CONFIDENT, title_answer
from core.understanding.question import COMMANDS, INTENTS, TITLE_INTENTS, Intent, Question
from core.understanding.scanner import (
    CATALOGUE_CUES,
    Item,
    Scanner,
    Token,
    args_only,
    first_cue,
    is_arg,
    is_cue,
    is_filler,
    rating_label,
    tokens,
)
from core.understanding.slots import read_slots

MATCH_LIMIT = 10  # matches resolved per title: editions for /where, alternatives for "did you mean"
COMMAND = re.compile(r"^/(\w+)(?:@\w+)?\s*(.*)$", re.DOTALL)
MENTIONS = re.compile(r"^(@\w+[\s,:]*)+")
# Cues that end the span another cue points at: "I loved X, what else should I watch?".
HARD_CUES = ("where", "like", "recommend", "help", "thanks", "taste")
CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}")
CONVERSATION = ("chatter", "vocative", "help", "greeting", "thanks", "remark")
# Verbs of watching a slip may hide after "where" ("wher cn i wach X"): words of 5+ letters, so
# a slip of one letter stays one of these (the scanner leaves a title's word as it is).
WATCH_VERBS = frozenset(w for w in lx._phrases(lx.CUE_LISTS["watch"]) if " " not in w and len(w) >= 5)
ARGUMENT_NAMES = {
    "platform": "platform", "type": "type", "genre": "genre", "country": "country", "year": "year",
    "rating": "rating", "dtype": "duration_type",
}  # fmt: skip


@dataclass(frozen=True)
class Parts:
    filters: Filters
    leftover: str  # the words that are no filter, cue or filler, as typed (folded)
    cues: frozenset[str]


@dataclass
class _Found:
    intent: Intent
    span: Span | None = None  # item positions of the title
    role: Role | None = None
    shortest: bool = False


# Words that join the parts of a name: beside a title, they make it part of a longer one.
JOINERS = lx.ARTICLES | frozenset(["to", "of", "and", "with", "y", "con", "de", "del", "&", "n", "vs"])
JOINS_BEFORE = JOINERS | lx.DETERMINERS
JOINS_AFTER = JOINERS | frozenset(
    ["out", "up", "down", "off", "over", "away", "back", "in", "on", "around",  # "spirited away"
     "te", "me", "lo", "le", "se", "nos", "you", "him", "her", "us", "them"]  # "amar te duele"
)  # fmt: skip
RECENT_MESSAGES = 256  # readings kept by ``Understanding.parse``


class Understanding:
    def __init__(
        self, recommender, countries: dict[str, str], ratings: frozenset[str], people=None, years=None
    ):
        self.recommender = recommender
        self.people = people  # core.questions.people.People: names in messages (none: no people read)
        self.years = years or (1900, 2021)  # the catalogue's first and last release years
        self.exact_titles = recommender.resolver.exact  # normalised title -> key
        self.ratings = ratings
        self.scanner = Scanner(countries, ratings, recommender.resolver.word_id)
        # One message is read several times per update (its language, the question, a
        # follow-up's parts): the last few readings are kept. Questions are immutable.
        self._read = functools.lru_cache(maxsize=RECENT_MESSAGES)(self._parse)
        self._acts_read = functools.lru_cache(maxsize=RECENT_MESSAGES)(self._act)
        # ... and so are the title texts resolved and the names searched (core.understanding.memo).
        self._lookups = Lookups(recommender, people, MATCH_LIMIT, RECENT_MESSAGES)

    @classmethod
    def build(cls, catalogue, recommender, people=None) -> Understanding:
        """The vocabularies of this catalogue: its countries (with English and Spanish aliases
        and demonyms) and its maturity ratings, beside the recommender's titles; and the act
        classifier, trained (about 0.4 s)."""
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
        _ = understanding.acts  # trained now (0.4 s on the full data): no reply waits for it
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
            return self._about_a_title(text) or self._by_act(message, question) or question
        return self._overruled(message, question) or question

    @functools.cached_property
    def acts(self) -> Acts:
        """The act classifier (``core.understanding.acts``), trained on this catalogue's titles:
        by ``build``, so no reply waits for it; else on first use."""
        return Acts.build(self._message)

    def act(self, text: str) -> ActReading:
        """What the act classifier reads in ``text`` (``core.understanding.acts``)."""
        return self._acts_read((text or "").strip())

    def _act(self, text: str) -> ActReading:
        return self.acts.read(self._message(MENTIONS.sub("", text)))

    @functools.cached_property
    def _everyday(self) -> frozenset[str]:
        return self.acts.everyday | lx.FUNCTION_WORDS | lx.FILLER | LITTLE

    def _beside_a_sentence(self, read_as_title: str, spotted_title: str) -> bool:
        """The words the rules read as a title, less the title spotted among them, are a
        sentence around it, not more of its name: words people use about anything (the act
        corpus's, little words), or words with a pronoun or a verb that leads into a title
        ("my roommate swears shrek"); "mad max fury road" is more of a name."""
        inside, spotted = normalise(read_as_title).split(), normalise(spotted_title).split()
        at = next((k for k in range(len(inside)) if inside[k : k + len(spotted)] == spotted), None)
        if at is None:
            return False
        before, after = inside[:at], inside[at + len(spotted) :]
        # A word that joins names, an article or a number beside it makes another title: "back
        # to the future" is not "The Future", "the notebook" not "Notebook", "dinner with
        # friends" not "Dinner", "avengers endgame 2" not "Avengers: Endgame".
        if before and before[-1] in JOINS_BEFORE or after and after[0] in JOINS_AFTER:
            return False  # ... nor "spirited away" "Spirited", "todo sobre mi madre" "Madre"
        if before and before[-1].isdigit() or after and after[0].isdigit():
            return False
        beside = before + after
        return all(word in self._everyday for word in beside) or any(word in lx.LEAD_INS for word in beside)

    def _mostly_everyday(self, m: Message) -> bool:
        """Most of the message's own words are words people use about anything: small talk may
        be read in it ("lol ok thats long"), not in a title typed alone ("the big lebowski")."""
        own = [(it.kind, w) for it in m.items for w in it.words.split() if w not in LITTLE]
        strange = sum(kind == "word" and word not in self._everyday for kind, word in own)
        return len(own) >= 2 and 3 * strange <= len(own)  # one word alone ("sing") is a title

    def _overruled(self, m: Message, q: Question) -> Question | None:
        """A reading the rules are sure of that the act reader, surer still, reads as a question
        about the one title it spots: "cuántas temporadas tiene grey's anatomy" is no count, "my
        dad loves the irishman, who's in it besides de niro" asks the cast, not De Niro's titles."""
        if q.intent in TITLE_INTENTS and q.answer()[0] == CONFIDENT:
            return None  # the rules found a title people mean: theirs is the better reading
        reading = self.act(m.text)
        if reading.act.p < OVERRULE or reading.act.name not in ACT_INTENTS or len(reading.titles) != 1:
            return None
        return self._by_act(m, q)

    def _by_act(self, m: Message, weak: Question) -> Question | None:
        """A message the rules read weakly, read by its act: the one title spotted in it asked
        about as the act says ("what genre is bird box", "wait what year did moana come out"),
        or small talk and requests the bot cannot serve said to be so, not answered with a
        title nobody carries ("lol ok thats long", "can u recommend a good pizza place")."""
        reading = self.acts.read(m)
        act = reading.act
        if act.p < SURE:
            return None
        if act.name in ACT_INTENTS and len(reading.titles) == 1:
            span = reading.titles[0]
            spotted = m.text_of(span)
            if weak.title and f" {normalise(spotted)} " not in f" {normalise(weak.title)} ":
                if weak.answer()[0] != ABSENT:
                    return None  # the rules' title is elsewhere and may be meant
            elif weak.title and not self._beside_a_sentence(weak.title, spotted):
                return None  # "dinner with friends" is not "Friends": the words beside it may be its title's
            role = None
            if act.name == "credits":  # "who's the lead in X" asks the cast, "who made X" its director
                role = Role.DIRECTOR if any(is_cue(it, "director_of") for it in m.items) else Role.CAST
            q = self._question(m, _Found(ACT_INTENTS[act.name], span, role))
            return q if q.answer()[0] == CONFIDENT else None
        if (
            act.name in ("chat", "unknown")
            and not reading.titles  # "ok and dark": a title of its own, however chatty
            and (weak.intent in TITLE_INTENTS and weak.answer()[0] == ABSENT or weak.intent == Intent.UNKNOWN)
            and self._mostly_everyday(m)  # what the rules call nothing ("qwrtzp") stays so
        ):
            intent = Intent.REMARK if act.name == "chat" else Intent.UNKNOWN
            return Question(intent, language=weak.language, leaning=weak.leaning)
        return None

    def _about_a_title(self, text: str) -> Question | None:
        """ "tell me about the queens gambit", "de qué va bridgerton", "elite de qué va": the
        title's card, in the language of the words around it."""
        words = list(re.finditer(r"\S+", text))  # with their places: the title's are hidden below
        folded = [lx.SHORTHAND.get(w, w) for w in (normalise(word.group()) for word in words)]  # "de q trata"
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
            if span and message.only_arguments(span):
                span = None  # "/recommend horror movies": arguments, no title
        return self._question(message, _Found(intent, span), command=True)

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
        toks = tokens(text)
        items = read_slots(
            text, self.scanner.scan(toks), toks, self.years, self._lookups.people if people else None,
            self.scanner.title_words, self.exact_titles,
        )  # fmt: skip
        reads_names = getattr(self.recommender, "names", None) is not None  # the snapshot's Spanish names
        return Message(text, toks, items, self.exact_titles, reads_names)

    # ---- deciding -------------------------------------------------------------------------
    def _decide(self, m: Message) -> _Found:
        items = m.items
        lo, hi = 0, len(items)  # greetings before and thanks after do not change the question
        while lo < hi and (is_cue(items[lo], "greeting", "thanks") or _reaction_before_break(m, items[lo])):
            lo += 1  # "great, is frozen on disney?", "lol. where is coco": the question follows
        while hi > lo and _chatter_at_end(m, lo, hi):
            hi -= 1
        while hi - lo > 2 and items[hi - 1].words in lx.TAG_WORDS and items[hi - 2].kind == "platform":
            hi -= 1  # "shrek is on netflix right?": a tag after the platform asks nothing more
        core = items[lo:hi]
        company = any(it.words in lx.COMPANY for it in core)  # "something for my daughter": a request
        if (
            not company
            and all(is_filler(it) or is_cue(it, *CONVERSATION) for it in core)
            or _small_talk(core)
        ):
            # "jaja ok", "you suck", "eres un inútil", "🙏": no title card
            return _Found(_conversation(items, reacted=not items and _symbols_only(m.text)))
        if m.is_title((lo, hi)) and not (hi - lo == 1 and is_arg(core[0])):
            return _Found(Intent.TITLE, (lo, hi))  # "Love Is Blind", "Top Gun", "Where the Crawdads Sing"
        found = self._credits(m, lo, hi) or _about_person(core)
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
        at = _opener(items, lo, hi, m.toks)
        found = self._pointed(m, lo, hi, at, Intent.WHERE) if at is not None else None
        if found:
            return found
        at = first_cue(items, lo, hi, "recommend", "after", "taste")
        found = self._pointed(m, lo, hi, at, Intent.RECOMMEND) if at is not None else None
        if found or first_cue(items, lo, hi, "recommend") is not None:
            return found or _Found(Intent.TOP)  # "recommend me something", but "love actually" is a title
        at = first_cue(items, lo, hi, "watch", "want")  # "wherre can I watch X": the verb still points
        found = self._pointed(m, lo, hi, at, Intent.WHERE) if at is not None else None
        if found:
            return found
        if args_only(core):
            return _Found(_browse(core))
        if is_cue(core[0], "help"):
            return _Found(Intent.HELP)
        if hi - lo == 1 and core[0].kind == "word" and self._gibberish(core[0].words):
            return _Found(Intent.UNKNOWN)  # "asdfgh"
        span = m.trim(lo, hi, bare=True)
        return _Found(Intent.TITLE, span) if span else _Found(Intent.UNKNOWN)

    def _with_english_article(self, title: str) -> str:
        """ "el mandalorian", "la casa" said for "The Mandalorian": the Spanish article of an
        English title that is exactly a catalogue's, else the title as typed."""
        article, _, rest = title.partition(" ")
        if lx.SPANISH_ARTICLES.get(normalise(article)) != "the" or normalise(title) in self.exact_titles:
            return title
        english = f"the {rest}"
        return english if normalise(english) in self.exact_titles else title

    def _credits(self, m: Message, lo: int, hi: int) -> _Found | None:
        """ "who is in X", "who directed X", "reparto de X"; without a title after the cue it asks
        who is in (or directed) the most titles: "who directed the most stuff on disney+"."""
        at = first_cue(m.items, lo, hi, "cast_of", "director_of")
        if at is None:
            return None
        role = Role.DIRECTOR if is_cue(m.items[at], "director_of") else Role.CAST
        found = self._pointed(m, lo, hi, at, Intent.CREDITS)
        if found is not None and found.intent == Intent.CREDITS:
            return _Found(Intent.CREDITS, found.span, role)
        return _Found(Intent.ACTOR, role=role)

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
    def _catalogue(m: Message, cue: str, lo: int, hi: int) -> _Found:
        core = m.items[lo:hi]
        if cue == "count" and any(it.kind == "country" for it in core):
            return _Found(Intent.COUNTRY)
        if not all(is_arg(it) or is_filler(it) or it.kind == "cue" for it in core):
            # "Top Gun", "The Longest Yard": a cue word inside a title typed alone.
            span = m.trim(lo, hi)
            no_arguments = cue in ("top", "longest") and not any(is_arg(it) for it in core)
            if span and (m.is_title(span) or no_arguments):
                # "can i watch the greatest showman on disney+": the cue word is the title's
                return _Found(Intent.WHERE if _opener(core, 0, len(core)) is not None else Intent.TITLE, span)
        if cue == "shortest":
            return _Found(Intent.LONGEST, shortest=True)
        directing = ("dirig", "director")  # inside a cue phrase too: "director has the most"
        if cue == "actor" and any(
            it.words in DIRECTOR_WORDS or it.kind == "cue" and any(w in it.words for w in directing)
            for it in core
        ):
            return _Found(Intent.ACTOR, role=Role.DIRECTOR)  # "which director has the most titles"
        return _Found(Intent(cue))  # the lexicon's intent cues are named after their intents

    @staticmethod
    def _pointed(m: Message, lo: int, hi: int, at: int, intent: Intent) -> _Found | None:
        """The title the cue at ``at`` points to: what follows it, or else the clause before it."""
        items = m.items
        end = next((k for k in range(at + 1, hi) if _hard(items[k])), hi)
        start = at + 1
        if is_cue(items[at], "where"):  # "where can my kids watch X": the verb is nearer the title
            verb = next(
                (
                    k
                    for k in range(start, min(start + 4, end))
                    if is_cue(items[k], "watch") or _watch_slip(items[k])
                ),
                None,
            )
            start = start if verb is None else verb + 1
        if is_cue(items[at], "like"):  # "similar shows to the boys": the type is a filter, not the title
            while start < end and (
                items[start].kind == "type" or items[start].words in ("to", "as", "a", "al")
            ):
                start += 1
        span, before = m.trim(start, end), m.trim(_clause_start(items, lo, at), at)
        if (
            span
            and before
            and intent == Intent.RECOMMEND
            and _no_title(m, span)
            and not m.only_arguments(before)
        ):
            span = None  # "me flipó the witcher, ¿qué más me puede molar?": the title is before the cue
        span = span or before
        if not span:
            return _Found(Intent.TOP) if is_cue(items[at], "recommend", "like") else None
        if m.only_arguments(span):
            if not (intent == Intent.WHERE and {it.kind for it in items[span[0] : span[1]]} == {"country"}):
                return _Found(_browse(items[lo:hi]))
            if span[1] < end and items[span[1]].kind == "year":  # "dónde veo argentina 1985": a title
                span = (span[0], span[1] + 1)
        return _Found(intent, span)

    # ---- the question ---------------------------------------------------------------------
    def _question(self, m: Message, found: _Found, command: bool = False) -> Question:
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
            title = self._with_english_article(m.title_text(span))
            matches = self._lookups.resolve(title) if title else ()
            answer = title_answer(matches, title, args.get("year"))
            verdict = answer[0]
            if not command and _request_not_title(m.items, span, intent, verdict):
                # "gimme british crime shows", "90s comedies, go", "quiero ver algo de miedo con mi
                # novia, ¿qué me recomiendas?": a request with words around it, not a title nobody
                # carries. Read the whole message as the request.
                return self._question(m, _request_of(m.items), command)
            sentence = intent == Intent.TITLE and not command and m.is_sentence()
            if sentence and verdict == "absent":
                intent, title, matches, span = Intent.UNKNOWN, None, (), None  # a sentence naming no title
            elif intent == Intent.TITLE and not command and verdict == ABSENT and _chat_around(m, span):
                return self._question(m, _Found(_conversation(m.items, reacted=True)))  # "jaja sabia"
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
        found = _Filters()
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
                if weak_country and not vouched or _weak_genre(outside, k):
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
            elif it.kind == "word" or it.kind == "number" and _stray_number(it, intent, command):
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
        args["filters"] = found.filters(args.get("score"))
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


def _stray_number(item: Item, intent: Intent, command: bool) -> bool:
    """A number that is no argument: "top 10" is a list's length, but "/count netflix 1850"
    names a year the catalogue does not have, which the command must say."""
    return intent not in (Intent.TOP, Intent.COUNT) or command and item.value >= 100


def _chatter_at_end(m: Message, lo: int, hi: int) -> bool:
    """Thanks, a greeting or politeness end a message without changing it; so does chatter after
    a break or after one of those ("where is frozen? lol", "thanks man"), never a title's last word."""
    item = m.items[hi - 1]
    if is_cue(item, "thanks", "greeting") or item.words in POLITE:
        return True
    if not is_cue(item, "chatter", "vocative") or hi - 1 == lo:
        return False
    before = m.items[hi - 2]
    return m.toks[before.j - 1].stop or m.toks[before.j - 1].comma or is_cue(before, *CONVERSATION)


def _reaction_before_break(m: Message, item: Item) -> bool:
    """A reaction ("great", "lol", "ugh") with a comma or a stop right after it."""
    last = m.toks[item.j - 1]
    return is_cue(item, "chatter", "remark") and (last.comma or last.stop)


def _small_talk(core: list[Item]) -> bool:
    """A remark (an insult, a reaction) and nothing else but the words such a sentence is made
    of: "you're so dumb", "this movie is boring", "no sirves para nada" (a type word may be
    what the remark is about; any other argument makes it a request)."""
    return any(is_cue(it, "remark") for it in core) and all(
        is_filler(it)
        or is_cue(it, *CONVERSATION)
        or it.kind == "type"
        or all(w in lx.REMARK_FRAME for w in it.words.split())
        for it in core
    )


def _watch_slip(item: Item) -> bool:
    """A word one letter away from a verb of watching: "wach", "wacth", "strem"."""
    word = item.words
    return (
        item.kind == "word"
        and len(word) >= 4
        and any(
            abs(len(v) - len(word)) <= 1 and OSA.distance(word, v, score_cutoff=1) <= 1 for v in WATCH_VERBS
        )
    )


def _conversation(items: list[Item], reacted: bool = False) -> Intent:
    """``reacted``: the message is a reaction whatever its other words ("jaja sabia")."""
    cues = {it.value for it in items if it.kind == "cue"}
    found = next((i for i in (Intent.HELP, Intent.THANKS, Intent.GREETING) if i in cues), None)
    reaction = reacted or cues & REACTIONS
    return found or (Intent.REMARK if "remark" in cues or reaction else Intent.UNKNOWN)


REACTIONS = frozenset(["chatter", "remark"])


def _symbols_only(text: str) -> bool:
    """Emoji and nothing else: "🙏", "👍👍", "😂"."""
    return any(unicodedata.category(ch) == "So" for ch in text) and not any(ch.isalnum() for ch in text)


def _chat_around(m: Message, span: Span) -> bool:
    """A word or two in no catalogue beside laughter, thanks or a reaction: "jaja sabia", "sale,
    gracias", "guay, gracias", "lol yikes" is small talk, not a title nobody carries."""
    reactions = [it for it in m.items if is_cue(it, "chatter", "remark", "thanks")]
    inside = [it for it in m.items[span[0] : span[1]] if it not in reactions]
    plain = all(it.kind == "word" for it in inside)  # "ok and dark": "and" asks for the title Dark
    return bool(reactions) and plain and sum(len(it.words.split()) for it in inside) <= 2


def _opener(items: list[Item], lo: int, hi: int, toks: list[Token] | None = None) -> int | None:
    """A yes/no platform question: "is X on netflix", "¿tienen X?", "can I watch X", "quiero ver X"."""
    if is_cue(items[lo], "is", "have", "want", "watch"):
        return lo
    for k in range(lo, min(lo + 3, hi - 1)):  # "does netflix have X", "netflix tiene X"
        if items[k].kind == "platform" and is_cue(items[k + 1], "is", "have"):
            return k + 1
    for k in range(lo + 1, hi - 1) if toks else ():  # "what about frozen 2, is that on disney+?"
        if is_cue(items[k], "is") and items[k + 1].words in lx.ANY_PLATFORM:
            return k  # "titanic esta en alguna?": is the title named before it anywhere
        if is_cue(items[k], "is") and _platforms_only(items[k + 1 : hi]):
            return k  # "coco esta en netflix?", "frozen is on disney+ right?": the title before it
        before = toks[items[k - 1].j - 1]
        anaphora = (
            is_cue(items[k], "is") and items[k + 1].words in lx.ANAPHORA and (before.comma or before.stop)
        )
        named_after = any(it.kind == "platform" or it.words in lx.ANY_PLATFORM for it in items[k + 2 : hi])
        if anaphora and named_after:  # about the title named before it; "klaus, is it ok for kids?" is none
            return k
    return None


def _platforms_only(items: list[Item]) -> bool:
    """A platform or two and the little words around them: "en netflix", "on hulu too"."""
    return any(it.kind == "platform" for it in items) and all(
        it.kind == "platform" or is_filler(it) or is_cue(it, *CONVERSATION) for it in items
    )


def _no_title(m: Message, span: Span) -> bool:
    """Two or more words no title is made of, and no title inside them ("me puede molar")."""
    return (
        span[1] - span[0] > 1
        and all(map(lead_in, m.items[span[0] : span[1]]))
        and not m.is_title(span)
        and m.narrow(span) is None
    )


def _hard(item: Item) -> bool:
    """A cue that ends the span another cue points at (a help word that is a noun does not)."""
    return is_cue(item, *HARD_CUES) and not (is_cue(item, "help") and item.words in WEAK_HELP)


def _clause_start(items: list[Item], lo: int, at: int) -> int:
    for k in range(at - 1, lo - 1, -1):
        if is_cue(items[k], "taste", "after", "greeting"):
            return k + 1
    return lo


def _browse(core: list[Item]) -> Intent:
    kinds = {it.kind for it in core}
    return (
        Intent.COUNTRY
        if "country" in kinds and kinds & {"type", "year"} and "genre" not in kinds
        else Intent.TOP
    )


def _weak_genre(items: list[Item], k: int) -> bool:
    """A genre word that is also everyday speech ("war", "doc") counts only beside a type or genre."""
    if items[k].kind != "genre" or items[k].words not in lx.WEAK_GENRES:
        return False
    return not any(it.kind in ("type", "genre") and it is not items[k] for it in items[max(0, k - 2) : k + 3])


# Questions about one title: where it streams, its card, its credits.
ABOUT_ONE_TITLE = frozenset([Intent.WHERE, Intent.TITLE, Intent.CREDITS])

# What makes a message a request for titles, whatever else it says.
REQUEST_KINDS = frozenset(["platform", "type", "genre", "country", "years", "band", "minutes", "seasons",
                           "not_genre", "not_type", "genres", "rating", "person"])  # fmt: skip


def _requests(items: list[Item]) -> bool:
    """Two filters, or one beside a list cue ("something", "algo", "recommend")."""
    filters = [it for it in items if it.kind in REQUEST_KINDS]
    asked = any(
        is_cue(it, "top", "recommend", "want")
        or is_cue(it, "good")
        and any(is_arg(x) for x in items[k + 1 : k + 3])  # "good" before an argument
        or it.words in lx.REQUEST_WORDS
        for k, it in enumerate(items)
    )
    return len(filters) >= 2 or bool(filters) and asked


# What a request asks for that no title is made of: a mood or genre, an audience.
TITLE_FREE_FILTERS = frozenset(["genre", "genres", "not_genre", "band"])


def _request_not_title(items: list[Item], span: Span, intent: Intent, verdict: str) -> bool:
    """A message read as a title that no catalogue title confirms is a request when it carries
    one: the whole message for a title typed alone; for a title a cue points at ("where…",
    "recommend…"), only when the words taken for the title hold a filter themselves (a mood, a
    genre, an audience) and no catalogue title reads as them, so "is the godfather on netflix"
    still asks for that title."""
    if intent == Intent.TITLE:
        return verdict != "confident" and _requests(items)
    if intent not in (Intent.WHERE, Intent.RECOMMEND) or verdict != "absent":
        return False  # a title that some title reads as ("shows like american horror story") stays one
    inside = items[span[0] : span[1]]
    # a type word may be the title's own ("breaking bad the movie"), a country a word of it
    # ("the last of us"): only what a request asks for counts
    asked = any(
        it.kind in TITLE_FREE_FILTERS and not (it.kind == "genre" and it.words in lx.WEAK_GENRES)
        for it in inside
    )
    return asked and (_requests(items) or _requests(inside))


def _request_of(items: list[Item]) -> _Found:
    found = _about_person(items)
    if found:
        return found
    if any(is_cue(it, "count") for it in items):
        return _Found(Intent.COUNT)
    return _Found(_browse(items))


def _about_person(core: list[Item]) -> _Found | None:
    """A message naming a person asks for their titles, or how many there are; "where can I
    watch inception by christopher nolan" asks where a title is, its maker named after it."""
    if not any(it.kind == "person" for it in core):
        return None
    last = core[-1]
    maker = last.kind == "person" and last.words.split()[0] in ("by", "de", "del") and len(core) > 2
    if maker and core[-2].kind == "word" and any(is_cue(it, "where") for it in core):
        return None
    if any(is_cue(it, "count") for it in core):
        return _Found(Intent.COUNT)
    return _Found(Intent.PERSON)


SLOT_KINDS = frozenset(["years", "band", "minutes", "seasons", "not_genre", "not_type", "genres", "person"])


_SETS = {"platform": "platforms", "type": "types", "genre": "genres", "not_genre": "not_genres",
         "country": "countries", "rating": "ratings"}  # fmt: skip


class _Filters:
    """Every filter a question states, collected item by item (``Understanding._arguments``)."""

    def __init__(self):
        self.platforms: set[str] = set()
        self.years: list[Range] = []
        self.recent: Range | None = None
        self.types: set[str] = set()
        self.not_types: set[str] = set()  # "not shows", "no series"
        self.genres: set[str] = set()
        self.not_genres: set[str] = set()
        self.countries: set[str] = set()
        self.ratings: set[str] = set()
        self.bands: list[Range] = []
        self.minutes: Range | None = None
        self.seasons: Range | None = None
        self.person = None  # core.understanding.slots.Who

    def add(self, it: Item) -> None:
        kind, value = it.kind, it.value
        if kind in _SETS:
            getattr(self, _SETS[kind]).add(value)
        elif kind == "genres":
            self.genres.update(value)  # "romcoms": romance and comedy
        elif kind == "years" and it.words in lx.RECENT:
            self.recent = value  # "new", "recientes": unless a year is said ("más nuevo, del 2018 pa acá")
        elif kind in ("year", "years"):
            self.years.append(Range.exactly(value) if kind == "year" else value)
        elif kind == "band":
            self.bands.append(value)
        elif kind in ("minutes", "seasons"):
            setattr(self, kind, value)
        elif kind == "not_type":
            self.not_types.add(value)
        elif kind == "person" and self.person is None:
            self.person = value

    def filters(self, score: float | None) -> Filters:
        types = (self.types or ({TitleType.SHOW} if self.seasons else set())) - self.not_types
        if not types and len(self.not_types) == 1:
            types = set(TitleType) - {TitleType(next(iter(self.not_types)))}  # "no movies": shows
        who = self.person
        return Filters(
            platforms=frozenset(self.platforms),
            years=_joined(self.years) or self.recent,
            type=TitleType(next(iter(types))) if len(types) == 1 else None,
            genres=frozenset(self.genres - self.not_genres),
            not_genres=frozenset(self.not_genres),
            countries=frozenset(self.countries),
            bands=min(self.bands, key=lambda s: s.high if s.high is not None else 99) if self.bands else None,
            ratings=frozenset(self.ratings),
            person=who.matches[0].person if who is not None and who.confident else None,
            role=who.role if who is not None else None,
            minutes=self.minutes,
            seasons=self.seasons,
            score_above=score,
        )


def _within(inner: Range, outer: Range) -> bool:
    low_ok = outer.low is None or inner.low is not None and inner.low >= outer.low
    high_ok = outer.high is None or inner.high is not None and inner.high <= outer.high
    return low_ok and high_ok


def _joined(spans: list[Range]) -> Range | None:
    """Several years said: the one inside all the others, else the range from the first to the
    last ("2019 2020")."""
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    for span in spans:  # "estrenos … del 2021", "the 90s, 1995": the year inside the wider words
        if all(_within(span, other) for other in spans):
            return span
    lows = [s.low for s in spans if s.low is not None]
    highs = [s.high for s in spans if s.high is not None]
    return Range(min(lows) if lows else None, max(highs) if highs else None)
