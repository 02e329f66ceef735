"""The second reading (``core.understanding.acts``) where the rules read weakly or the act
reader is surer than they are: the title it spots asked about as its act says, small talk said
to be small talk. Mixed into ``Understanding``, whose ``acts``, ``act`` and ``_question`` it uses."""

from __future__ import annotations

import functools
from dataclasses import replace

from core.questions.filters import Role
from core.search.titles import normalise
from core.understanding import lexicon as lx
from core.understanding.acts import ACT_INTENTS, OVERRULE, SURE, ActReading
from core.understanding.acts.spotting import LITTLE, Span
from core.understanding.decision import Found
from core.understanding.last_resort import picks
from core.understanding.message import Message
from core.understanding.policy import ABSENT, CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question
from core.understanding.scanner import is_cue

# Words that join the parts of a name: beside a title, they make it part of a longer one.
JOINERS = lx.ARTICLES | frozenset(["to", "of", "and", "with", "y", "con", "de", "del", "&", "n", "vs"])
JOINS_BEFORE = JOINERS | lx.DETERMINERS
REQUESTED = 0.35  # the act reader's list or count probability that makes filters said in chatter a request
# A story's words: pronouns, verbs and adverbs (the lead-ins less the little words names have).
STORY_WORDS = lx.LEAD_INS - lx.LITTLE_WORDS - lx.PREPOSITIONS - lx.ARTICLES
CLAUSE_JOINERS = frozenset(["and", "y", "but", "pero", "so", "asi", "then", "luego"])
JOINS_AFTER = JOINERS | frozenset(
    ["out", "up", "down", "off", "over", "away", "back", "in", "on", "around",  # "spirited away"
     "before", "after", "beyond", "under", "without", "between", "against", "behind",  # "the land before time"
     "te", "me", "lo", "le", "se", "nos", "you", "him", "her", "us", "them"]  # "amar te duele"
)  # fmt: skip


def _a_clause(after: list[str]) -> bool:
    """ "… rebecca and now they want the movie", "… y ahora quieren verla": "and" followed by a
    pronoun, an adverb or a verb starts another clause; "pride and prejudice" goes on naming."""
    return (
        len(after) >= 3 and after[0] in CLAUSE_JOINERS and after[1] in lx.LEAD_INS and after[1] not in JOINERS
    )


def _a_complement(before: list[str]) -> bool:
    """ "todos hablan de ozark", "obsessed with moana": the preposition completes the verb before it."""
    return len(before) >= 2 and before[-1] in lx.COMPLEMENTS and before[-2] in lx.TAKES_COMPLEMENT


def _around(read_as_title: str, spotted_title: str) -> tuple[list[str], list[str]] | None:
    """The words before and after the spotted title among those read as a title (None: not among them)."""
    inside, spotted = normalise(read_as_title).split(), normalise(spotted_title).split()
    at = next((k for k in range(len(inside)) if inside[k : k + len(spotted)] == spotted), None)
    return None if at is None else (inside[:at], inside[at + len(spotted) :])


class SecondReading:
    """The act reader's say beside the rules'."""

    @functools.cached_property
    def _everyday(self) -> frozenset[str]:
        return self.acts.everyday | lx.FUNCTION_WORDS | lx.FILLER | LITTLE

    def _beside_a_sentence(self, read_as_title: str, spotted_title: str) -> bool:
        """The words the rules read as a title, less the title spotted among them, are a
        sentence around it, not more of its name: words people use about anything (the act
        corpus's, little words), or words with a pronoun or a verb that leads into a title
        ("my roommate swears shrek"); "mad max fury road" is more of a name."""
        around = _around(read_as_title, spotted_title)
        if around is None:
            return False
        before, after = around
        # A word that joins names, an article or a number beside it makes another title: "back
        # to the future" is not "The Future", "the notebook" not "Notebook", "dinner with
        # friends" not "Dinner", "avengers endgame 2" not "Avengers: Endgame".
        if (
            before
            and before[-1] in JOINS_BEFORE
            and not _a_complement(before)
            or (after and after[0] in JOINS_AFTER and not _a_clause(after))
        ):
            return False  # ... nor "spirited away" "Spirited", "todo sobre mi madre" "Madre"
        if before and before[-1].isdigit() or after and after[0].isdigit():
            return False
        beside = before + after
        return all(word in self._everyday for word in beside) or any(word in lx.LEAD_INS for word in beside)

    def _request_by_act(self, m: Message, weak: Question) -> Question | None:
        """A message the rules read as nothing that the act reader reads as a list or a count and
        that names filters: "i want a movie from 1994 lol the year i was born", "my cousins are
        6 and 8, what can i put on disney for them?" list what it names."""
        if weak.intent != Intent.UNKNOWN:
            return None
        reading = self._act_reading(m)
        if reading.act.name not in ("list", "count") or reading.act.p < REQUESTED or reading.titles:
            return None
        filters = self.parts(m.text).filters
        if filters.is_empty():
            return None
        if reading.act.name == "count":
            return Question(Intent.COUNT, language=weak.language, leaning=weak.leaning).refined(filters)
        return picks(replace(weak, filters=filters))

    def _one_title(self, m: Message, reading: ActReading) -> Span | None:
        """The one title the act reader spotted: alone, or named twice ("instructions not included
        de que va? creo q aca se llamaba no se aceptan devoluciones": its two names)."""
        if len(reading.titles) == 1:
            return reading.titles[0]
        works = {tuple(x.title for x in self._lookups.resolve(m.title_text(s))[:1]) for s in reading.titles}
        return reading.titles[0] if len(works) == 1 and () not in works else None

    def _title_in_a_story(self, m: Message, weak: Question) -> Question | None:
        """The rules' question about a title nobody carries, asked of the one title the catalogue
        carries inside it, when the rest is a story around it: "my book club just read rebecca and
        now they want the movie, is it on netflix" asks where Rebecca is. The rules told the
        question; only its title took in the story."""
        if weak.intent not in TITLE_INTENTS or not weak.title or weak.answer()[0] != ABSENT:
            return None
        read_as_title = f" {normalise(weak.title)} "
        inside = [s for s in self._act_reading(m).titles if f" {normalise(m.text_of(s))} " in read_as_title]
        if len(inside) != 1 or not self._beside_a_sentence(weak.title, m.text_of(inside[0])):
            return None
        before, after = _around(weak.title, m.text_of(inside[0]))
        if not set(before + after) & STORY_WORDS:
            return None  # "requiem for a dream": no pronoun, no verb, more of a name than a story
        if any(word not in self._everyday and word not in lx.LEAD_INS for word in before[-1:] + after[:1]):
            return None  # "stranger thigns ok for him": a word of a name, misspelt, right beside it
        q = self._question(m, Found(weak.intent, inside[0], weak.role))
        return q if q.answer()[0] == CONFIDENT else None

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
        reading = self._act_reading(m)
        if (
            reading.act.p < OVERRULE
            or reading.act.name not in ACT_INTENTS
            or self._one_title(m, reading) is None
        ):
            return None
        return self._by_act(m, q, reading)

    def _by_act(self, m: Message, weak: Question, reading: ActReading | None = None) -> Question | None:
        """A message the rules read weakly, read by its act: the one title spotted in it asked
        about as the act says ("what genre is bird box", "wait what year did moana come out"),
        or small talk and requests the bot cannot serve said to be so, not answered with a
        title nobody carries ("lol ok thats long", "can u recommend a good pizza place").
        ``reading``: the act reader's of ``m``, when the caller has it already."""
        reading = reading or self._act_reading(m)
        act = reading.act
        if act.p < SURE:
            return None
        span = self._one_title(m, reading) if act.name in ACT_INTENTS else None
        if span is not None:
            spotted = m.text_of(span)
            if weak.title and f" {normalise(spotted)} " not in f" {normalise(weak.title)} ":
                if weak.answer()[0] != ABSENT:
                    return None  # the rules' title is elsewhere and may be meant
            elif weak.title and not self._beside_a_sentence(weak.title, spotted):
                return None  # "dinner with friends" is not "Friends": the words beside it may be its title's
            role = None
            if act.name == "credits":  # "who's the lead in X" asks the cast, "who made X" its director
                role = Role.DIRECTOR if any(is_cue(it, "director_of") for it in m.items) else Role.CAST
            q = self._question(m, Found(ACT_INTENTS[act.name], span, role))
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
