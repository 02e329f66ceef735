"""Button data and inline result ids: the one place that writes and reads them.

Telegram hands a tapped button's data back to the bot (1-64 bytes), so the data is a small
protocol between a message sent and a tap, maybe days later. Each kind is a frozen dataclass
that writes and reads itself, its fields' shapes declared once:

    Rate("ns42").encode()                 # "fb:ns42:en": the language of the update answered
    Rate.parse("fb:ns42:es")              # Rate(title_id="ns42", language="es")
    CallbackQueryHandler(rate_button, pattern=Rate.pattern)

``pattern`` is generated from the same shapes, so a handler sees only data that parses: a
forged id, start or platform is no handler's, and the catch-all in ``bot.handlers.chat`` says
the button has expired. Data from before buttons carried a language (``fb:ns42``) parses with
``language=None``: the chat's language decides (``bot.handlers.language``). A value that could
not be read back (an id too long, a start out of range) is refused when the object is made.

The bytes are the ones buttons in users' chats already carry: change a prefix or a field's
shape only together with a reader for the old form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from telegram.constants import InlineKeyboardButtonLimit, InlineQueryResultLimit

from bot.text import i18n
from core.catalogue.platforms import PLATFORMS

SEPARATOR = ":"
BUTTON_LIMIT = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64 bytes
RESULT_ID_LIMIT = InlineQueryResultLimit.MAX_ID_LENGTH  # 64 bytes
MAX_START = 20  # the last suggestion a "More like this" page starts at: core.suggest.POOL
ASK_CHOICES = 3  # len(bot.handlers.chat.ASK_EXAMPLES)
EXAMPLE_CHOICES = 5  # len(bot.handlers.start.EXAMPLES)
_LANGUAGE = "|".join(i18n.LANGUAGES)
_LANGUAGE_SUFFIX = re.compile(rf"{SEPARATOR}({_LANGUAGE})\Z")


@dataclass(frozen=True)
class Shape:
    """How one field is written in the data, and read back from it."""

    regex: str
    read: Callable[[str], Any] = str
    write: Callable[[Any], str] = str


TITLE_ID = Shape(r"[a-z]\w{1,40}")
# An inline result's id need only be unique and fit: any title id does.
ANY_TITLE_ID = Shape(r"\S+")
# Any start up to MAX_START, as its digits: "0" … "20".
START = Shape("|".join(str(n) for n in range(MAX_START, -1, -1)), int)
# A platform, or empty for all of them.
PLATFORM = Shape(f"(?:{'|'.join(PLATFORMS)})?", lambda text: text or None, lambda platform: platform or "")


def index_below(count: int) -> Shape:
    """One digit, 0 to ``count - 1``: a choice among a fixed list of examples."""
    if not 1 <= count <= 10:
        raise ValueError(f"a choice among {count} does not fit one digit")
    return Shape(f"[0-{count - 1}]", int)


def shaped(shape: Shape):
    """A dataclass field written and read as ``shape``."""
    return field(metadata={"shape": shape})


# Every kind by its prefix, for ``parse_any``.
KINDS: dict[str, type[Data]] = {}


@dataclass(frozen=True)
class Data:
    """What all kinds share; a kind declares ``PREFIX`` and its fields (``shaped``)."""

    PREFIX: ClassVar[str]
    LIMIT: ClassVar[int] = BUTTON_LIMIT
    pattern: ClassVar[re.Pattern[str]]  # for a handler's ``pattern=``: matches this kind only

    def __init_subclass__(cls, prefix: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        if prefix is not None:
            if prefix in KINDS:
                raise ValueError(f"two kinds of data with the prefix {prefix!r}")
            cls.PREFIX = prefix
            KINDS[prefix] = cls

    def __post_init__(self):
        self.encode()  # refuses, now, a value the data could not carry

    @classmethod
    def _shaped_fields(cls) -> list[tuple[str, Shape]]:
        return [(f.name, f.metadata["shape"]) for f in dataclasses.fields(cls) if "shape" in f.metadata]

    @classmethod
    def _regex(cls) -> str:
        parts = [re.escape(cls.PREFIX)] + [
            f"(?P<{name}>{shape.regex})" for name, shape in cls._shaped_fields()
        ]
        return SEPARATOR.join(parts)

    def _parts(self) -> list[str]:
        return [self.PREFIX] + [shape.write(getattr(self, name)) for name, shape in self._shaped_fields()]

    def encode(self) -> str:
        data = SEPARATOR.join(self._parts())
        if not self.pattern.match(data):
            raise ValueError(f"{self!r} cannot be written as {type(self).__name__} data")
        if len(data.encode()) > self.LIMIT:
            raise ValueError(f"{data!r} is longer than {self.LIMIT} bytes")
        return data

    @classmethod
    def _values(cls, found: re.Match[str]) -> dict[str, Any]:
        return {name: shape.read(found[name]) for name, shape in cls._shaped_fields()}

    @classmethod
    def parse(cls, data: str | None) -> Self:
        """The object ``data`` was written from; ValueError for anything else."""
        found = cls.pattern.match(data) if isinstance(data, str) else None
        if found is None:
            raise ValueError(f"not {cls.__name__} data: {data!r}")
        return cls(**cls._values(found))


@dataclass(frozen=True)
class Button(Data):
    """Data of a button, tagged with the language of the message it sits under, so a tap is
    answered in that language whoever taps: by default the language being spoken."""

    language: str | None = field(default_factory=i18n.language, kw_only=True)

    def _parts(self) -> list[str]:
        return super()._parts() + ([self.language] if self.language is not None else [])

    @classmethod
    def _regex(cls) -> str:
        return super()._regex() + rf"(?:{SEPARATOR}(?P<language>{_LANGUAGE}))?"

    @classmethod
    def _values(cls, found: re.Match[str]) -> dict[str, Any]:
        return {**super()._values(found), "language": found["language"]}


@dataclass(frozen=True)
class TitleChoice(Button):
    """A "did you mean…?" choice: the question asked, run on the title tapped."""

    title_id: str = shaped(TITLE_ID)


@dataclass(frozen=True)
class Pick(TitleChoice, prefix="pick"):
    """/recommend on the title tapped."""


@dataclass(frozen=True)
class Where(TitleChoice, prefix="where"):
    """/where on the title tapped."""


@dataclass(frozen=True)
class Poll(TitleChoice, prefix="poll"):
    """/poll on the title tapped."""


@dataclass(frozen=True)
class Card(TitleChoice, prefix="card"):
    """The card of the title tapped (/title, or a title typed alone)."""


@dataclass(frozen=True)
class Like(TitleChoice, prefix="like"):
    """/like on the title tapped."""


@dataclass(frozen=True)
class Dislike(TitleChoice, prefix="dislike"):
    """/dislike on the title tapped."""


@dataclass(frozen=True)
class ForYou(TitleChoice, prefix="fy"):
    """/foryou <title> on the title tapped."""


# The choice a "did you mean…?" offers for each question.
CHOICES: dict[str, type[TitleChoice]] = {
    "recommend": Pick, "where": Where, "poll": Poll, "title": Card,
    "like": Like, "dislike": Dislike, "foryou": ForYou,
}  # fmt: skip


@dataclass(frozen=True)
class Rate(Button, prefix="fb"):
    """A numbered button under suggestions: the next rating of the title in the cycle."""

    title_id: str = shaped(TITLE_ID)


@dataclass(frozen=True)
class More(Button, prefix="more"):
    """ "More like this" (a later ``start``) and "Only on <platform>" (``platform``, None for
    all of them): a page of the suggestions like ``title_id``."""

    title_id: str = shaped(TITLE_ID)
    start: int = shaped(START)
    platform: str | None = shaped(PLATFORM)


@dataclass(frozen=True)
class Ask(Button, prefix="ask"):
    """An example question for whoever is lost, asked as if typed."""

    index: int = shaped(index_below(ASK_CHOICES))


@dataclass(frozen=True)
class Example(Button, prefix="ex"):
    """An example command under /start and /help, run as if typed."""

    index: int = shaped(index_below(EXAMPLE_CHOICES))


@dataclass(frozen=True)
class Listing(Button, prefix="ls"):
    """ "Show them" under a count, and the next page of a list: ``start`` into the titles the
    question kept by ``token`` (``bot.state.Listings``) matches."""

    token: str = shaped(Shape(r"[0-9a-f]{1,8}"))
    start: int = shaped(Shape(r"\d{1,5}", int))


@dataclass(frozen=True)
class PersonChoice(Button, prefix="who"):
    """A "did you mean…?" choice among people: their titles."""

    person: int = shaped(Shape(r"\d{1,7}", int))


@dataclass(frozen=True)
class Forget(Button, prefix="forget"):
    """The answer to /forget's "delete everything?": ``delete`` 1 or 0 (keep), for the request
    ``token`` (``BotData.forget_asked``), so a second tap or another person's finds it answered."""

    token: str = shaped(Shape(r"[0-9a-f]{1,8}"))
    delete: int = shaped(Shape(r"[01]", int))


@dataclass(frozen=True)
class PlatformsMenu(Button, prefix="plat"):
    """A tap in the /platforms menu: a platform turned on or off, "kids" (kids mode), "admins"
    (only admins change this) or "clear"."""

    choice: str = shaped(Shape("|".join([*PLATFORMS, "kids", "admins", "clear"])))


@dataclass(frozen=True)
class AllPlatforms(Button, prefix="allp"):
    """ "All platforms" under a list the chat's platforms limited: the answer ``token``
    (``bot.state.Listings``) keeps, given again without that limit."""

    token: str = shaped(Shape(r"[0-9a-f]{1,8}"))


@dataclass(frozen=True)
class Seen(TitleChoice, prefix="seen"):
    """ "✓ Seen" on a card or a list: the tapper has seen the title (tapped again: has not)."""


@dataclass(frozen=True)
class SeenChoice(TitleChoice, prefix="seenq"):
    """/seen on the title tapped ("did you mean…?"): marked seen, never un-marked."""


@dataclass(frozen=True)
class ListAdd(TitleChoice, prefix="lst"):
    """ "➕ Our list" / "My list": the title goes on the chat's list (a poll's winner too; a
    "did you mean…?" of a request to add one)."""


@dataclass(frozen=True)
class ListRemove(Button, prefix="lrm"):
    """A remove button under /watchlist: the title leaves the chat's list."""

    title_id: str = shaped(TITLE_ID)


@dataclass(frozen=True)
class ListClear(Button, prefix="lclr"):
    """ "Clear the list" under /watchlist in a group, and its "are you sure?": admins only."""

    step: int = shaped(Shape(r"[012]", int))  # 0: asks, 1: clears, 2: keeps it (the list again)


@dataclass(frozen=True)
class CloseVote(Button, prefix="lwin"):
    """ "Close the vote" under a poll of the list: the poll stops and its winner is announced."""


@dataclass(frozen=True)
class EntryActions(Button, prefix="seenv"):
    """The small button ending a list's rating row: ``seen_and_list`` 1 swaps the numbered
    rating buttons for numbered "✓ Seen" and "➕ list" ones, 0 swaps them back."""

    seen_and_list: int = shaped(Shape(r"[01]", int))


CHOICES.update(seen=SeenChoice, watchlist=ListAdd)  # /seen's and "add it to our list"'s "did you mean…?"


@dataclass(frozen=True)
class Watch(Button, prefix="watch"):
    """/watching's "I'm watching" (``join`` 1) and "Not tonight" (0): the group's watchers."""

    join: int = shaped(Shape(r"[01]", int))


@dataclass(frozen=True)
class ResultId(Data):
    """An inline result's id (1-64 bytes, unique in one answer): Telegram reports it back
    only to a chosen-result handler, which the bot has none of, so it carries no language."""

    LIMIT: ClassVar[int] = RESULT_ID_LIMIT
    title_id: str = shaped(ANY_TITLE_ID)


@dataclass(frozen=True)
class TopResult(ResultId, prefix="t"):
    """One of the best-scored titles, listed for an empty inline query."""


@dataclass(frozen=True)
class MatchResult(ResultId, prefix="m"):
    """A title the inline query may name."""


@dataclass(frozen=True)
class SimilarResult(ResultId, prefix="r"):
    """A title like the one the inline query names."""


def _compile_patterns() -> None:
    """Each kind's pattern, once its dataclass fields exist (they do not yet when a subclass
    is registered)."""
    for kind in KINDS.values():
        kind.pattern = re.compile(kind._regex() + r"\Z")


_compile_patterns()


def parse_any(data: str | None) -> Data | None:
    """The object any of our kinds wrote as ``data``; None for data none of them writes."""
    if not isinstance(data, str):
        return None
    kind = KINDS.get(data.split(SEPARATOR, 1)[0])
    if kind is None or not issubclass(kind, Button):
        return None
    try:
        return kind.parse(data)
    except ValueError:
        return None


def language_of(data: str | None) -> str | None:
    """The language a button's data ends with, whatever its kind (an expired button's
    "this button has expired" speaks it too); None when it carries none."""
    found = _LANGUAGE_SUFFIX.search(data) if isinstance(data, str) else None
    return found.group(1) if found else None
