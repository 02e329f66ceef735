"""A conversation's state between two messages, and its JSON form for the user-data store.

The frame holds what the next message may lean on: the last question answered (what was asked
and every filter), the title in focus, and the last list shown with how far it was read. It is
plain data: the store keeps it as JSON, and a person is kept by name, since person ids belong
to one catalogue version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from core.catalogue.title_types import TitleType
from core.questions.filters import Filters, Ranking, Role, Span
from core.understanding.policy import CONFIDENT
from core.understanding.question import TITLE_INTENTS, Intent, Question

EXPIRES_AFTER = 30 * 60  # seconds: after a pause this long, a message starts afresh
SHOWN_KEPT = 20  # titles of the last list kept: more than any page shows
KEEPS_THE_LIST = frozenset([Intent.WHERE, Intent.CREDITS])  # answers that show no list of their own
_SETS = ("platforms", "genres", "not_genres", "countries", "ratings", "topics")
_SPANS = ("years", "bands", "minutes", "seasons")


@dataclass(frozen=True)
class Frame:
    asked: Question | None = None  # the last question answered
    # The question whose list ``shown`` is, and the title it was about (suggestions like it): a
    # question about one title of the list ("where's the second one?") leaves the list to read on.
    listed: Question | None = None
    listed_about: str | None = None
    focus: str | None = None  # the id of the title in focus: the last one answered about
    shown: tuple[str, ...] = ()  # the last list's titles, in the order shown (its last page)
    read: int = 0  # how many titles of the list have been shown: where "more" starts
    language: str | None = None  # the language of the last reply
    at: float = 0.0  # when it was last changed (seconds since the epoch)
    # What the last update did, beside what the conversation keeps (``/mydata`` and
    # ``benchmarks.eval_dialogue`` read them): the intent a plain message was read as, small
    # talk included, and whether it answered about ``focus`` rather than just keeping it.
    read_as: str | None = None
    focus_answered: bool = False
    # A title question whose title is in no catalogue: answered, but the conversation's question
    # stays ``asked`` (a follow-up misread as a title must not lose the list it followed).
    missed: Question | None = None

    def next_update(self) -> Frame:
        """The frame as the next update starts changing it: what the last one did goes."""
        return replace(self, read_as=None, focus_answered=False, missed=None)

    def expired(self, now: float) -> bool:
        return now - self.at > EXPIRES_AFTER

    def is_empty(self) -> bool:
        return self.asked is None and self.focus is None and not self.shown and self.missed is None

    def asking(self, q: Question, keep_list: bool = False) -> Frame:
        """The frame once ``q`` is being answered; ``keep_list``: it asks about a title of the
        last list ("the second one, what's it about?"), which stays the list to read on."""
        kept = replace(q, matches=(), person=None)
        if (q.intent in KEEPS_THE_LIST or keep_list) and self.shown:
            return replace(self, asked=kept)  # "and the third one?" after "where's the second one?"
        about = None
        if q.intent in TITLE_INTENTS and q.matches and q.answer()[0] == CONFIDENT:
            about = q.answer()[1][0].id
        return replace(self, asked=kept, listed=kept, listed_about=about, shown=(), read=0)

    def showing(self, ids, start: int = 0) -> Frame:
        """A list shown from position ``start`` (0 for a first page)."""
        ids = tuple(ids)[:SHOWN_KEPT]
        return replace(self, shown=ids, read=start + len(ids))

    # ---- JSON -----------------------------------------------------------------------------
    def to_json(self, people=None) -> str:
        return json.dumps(
            {
                "asked": _question_data(self.asked, people) if self.asked is not None else None,
                "listed": _question_data(self.listed, people) if self.listed is not None else None,
                "listed_about": self.listed_about,
                "focus": self.focus,
                "shown": list(self.shown),
                "read": self.read,
                "language": self.language,
                "at": self.at,
                "read_as": self.read_as,
                "focus_answered": self.focus_answered,
                "missed": _question_data(self.missed, people) if self.missed is not None else None,
            },  # fmt: skip
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, people=None) -> Frame:
        """The frame ``to_json`` wrote; a damaged or older one reads as an empty frame (a
        conversation starts afresh rather than fail)."""
        try:
            data = json.loads(text)
            asked = _question(data["asked"], people) if data.get("asked") else None
            missed = _question(data["missed"], people) if data.get("missed") else None
            listed = _question(data["listed"], people) if data.get("listed") else asked
            return cls(
                listed=listed, listed_about=data.get("listed_about"),
                asked=asked, focus=data.get("focus"), shown=tuple(data.get("shown") or ()),
                read=int(data.get("read") or 0), language=data.get("language"), at=float(data.get("at") or 0),
                read_as=data.get("read_as"), focus_answered=bool(data.get("focus_answered")), missed=missed,
            )  # fmt: skip
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls()


def _question_data(q: Question, people) -> dict:
    f = q.filters
    data = {
        "intent": str(q.intent), "title": q.title, "score": q.score, "duration_type": q.duration_type,
        "shortest": q.shortest, "role": str(q.role) if q.role else None, "start": q.start,
        "filters": {key: sorted(getattr(f, key)) for key in _SETS if getattr(f, key)},
    }  # fmt: skip
    filters = data["filters"]
    for key in _SPANS:
        span = getattr(f, key)
        if span is not None:
            filters[key] = [span.low, span.high]
    if f.type is not None:
        filters["type"] = str(f.type)
    if f.role is not None:
        filters["role"] = str(f.role)
    if f.score_above is not None:
        filters["score_above"] = f.score_above
    if f.ranking is not Ranking.SCORE:
        filters["ranking"] = str(f.ranking)
    if f.person is not None and people is not None:
        filters["person"] = people.key(f.person)
    return data


def _question(data: dict, people) -> Question:
    raw = data.get("filters") or {}
    changes: dict = {key: frozenset(raw[key]) for key in _SETS if key in raw}
    changes.update({key: Span(*raw[key]) for key in _SPANS if key in raw})
    if "type" in raw:
        changes["type"] = TitleType(raw["type"])
    if "role" in raw:
        changes["role"] = Role(raw["role"])
    if "score_above" in raw:
        changes["score_above"] = float(raw["score_above"])
    if raw.get("ranking") in tuple(Ranking):
        changes["ranking"] = Ranking(raw["ranking"])
    if "person" in raw and people is not None:
        changes["person"] = people.find(raw["person"])  # None when the person left the catalogue
    asked = Question(
        intent=Intent(data["intent"]), title=data.get("title"), score=data.get("score"),
        duration_type=data.get("duration_type"), shortest=bool(data.get("shortest")),
        role=Role(data["role"]) if data.get("role") else None, start=int(data.get("start") or 0),
    )  # fmt: skip
    return asked.refined(Filters().but(**changes))
