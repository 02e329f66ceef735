"""How well the bot follows a conversation: follow-ups, pointers, "more", and the reply language.

    python -m benchmarks.eval_dialogue [--cases benchmarks/dialogue_dev.tsv] [--failures] [--snapshot DIR]

The conversations (``benchmarks/dialogue_*.tsv``, format in their header) were written by
someone who had not read the bot's rules, before the dialogue memory was built. Every message
goes to the real bot: the production Application and handlers, talking to the in-process Bot
API stand-in (``bot.console``), with its dialogue memory in a temporary data folder. A group
conversation's messages are replies to the bot's last message there (the first one mentions it).

After each turn the conversation's frame (``core.dialogue.Frame``, as the bot saved it) says
what the bot answered: the question (its kind and every filter), the title it answered about,
where a list continued from, and the language it replied in. A turn is right when the kind and
every filter (and the title) equal the labels; ``title=@N`` is the N-th title of the last list
the bot answered with (a turn labelled as a list; a card's three suggestions are not counted). Figures: turns, follow-up turns (labelled ``f``), first turns; reply language;
turns left unanswered; turns that asked no title but got "not in the catalogues" or "did you
mean…?"; p50/p99 of understanding plus memory (reading the frame, ``parse``,
``follow``, writing the frame), timed on the same calls the bot makes.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.eval_questions import BOTH, _from_filters, _same_title, parse_filters
from benchmarks.measure import percentile

CASES = Path(__file__).with_name("dialogue_dev.tsv")
KINDS = {
    "count", "list", "similar", "longest", "shortest", "top_person", "person", "absent_person", "credits",
    "where", "title", "more", "chat", "unknown",
}  # fmt: skip
TITLE_KINDS = {"where", "title", "credits", "similar"}
TARGETS = {"turns": 0.95, "follow-ups": 0.90, "language": 1.0, "p99 ms": 5.0}


@dataclass
class Turn:
    line: int
    lang: str
    followup: bool
    text: str
    answer: str
    filters: dict
    absent: bool = False


@dataclass
class Conversation:
    name: str
    group: bool
    turns: list[Turn] = field(default_factory=list)


def load_conversations(path: Path) -> list[Conversation]:
    conversations: list[Conversation] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("=="):
            _, name, kind = line.split()
            conversations.append(Conversation(name, kind == "group"))
            continue
        lang, followup, text, answer, filters = (line.split("\t") + [""] * 5)[:5]
        if answer.strip() not in KINDS:
            raise ValueError(f"{path.name}:{number}: unknown answer {answer!r}")
        wanted = parse_filters(filters.strip())
        absent = wanted.pop("absent", None) is not None
        conversations[-1].turns.append(
            Turn(number, lang.strip(), followup.strip() == "f", text.strip(), answer.strip(), wanted, absent)
        )
    return conversations


# ---- what the bot did, read from its frame ------------------------------------------------
KIND_OF = {
    "count": "count", "country": BOTH, "rating": BOTH, "score": BOTH, "top": "list", "longest": "longest",
    "actor": "top_person", "where": "where", "title": "title", "recommend": "similar", "person": "person",
    "credits": "credits", "greeting": "chat", "thanks": "chat", "help": "chat", "remark": "chat", "unknown": "unknown",
}  # fmt: skip


def observed(before, after, snap) -> tuple[str, dict]:
    """The kind and filters of what the bot answered, in the label language."""
    if after.at == before.at:
        return "unknown", {}
    intent = after.read_as or ""
    kind = KIND_OF.get(intent, "unknown")
    asked = after.missed or after.asked
    if kind in ("chat", "unknown") or asked is None:
        return kind, {}
    kind = KIND_OF.get(str(asked.intent), "unknown")
    people = snap.table.people
    got = _from_filters(asked.filters, people)
    if kind == "longest" and asked.shortest:
        kind = "shortest"
    if asked.role:
        got["role"] = str(asked.role)
    elif kind == "top_person":
        got["role"] = "cast"
    if kind == "person" and asked.filters.person is None:
        kind = "absent_person"
    if kind in TITLE_KINDS:
        title = snap.title(after.focus) if after.focus and after.focus_answered else None
        got["title"] = (title["display_title"] if title else asked.title or "").lower()
        if kind == "similar" and title:
            got["title type"] = _type_of(title)
    if asked.start:
        kind = "more"
    return kind, got


LIST_ANSWERS = {"list", "similar", "more", "person", "longest", "shortest"}


def _type_of(title: dict) -> str:
    return "tv show" if str(title.get("type", "")).lower() in ("tv show", "show") else "movie"


def right(turn: Turn, kind: str, got: dict, shown: list[str], snap) -> bool:
    """``shown``: the titles of the last list answer (a turn labelled as a list), which ``@N``
    labels point into; a card's three suggestions are no list the case writer counted."""
    if not (kind == turn.answer or kind == BOTH and turn.answer in ("count", "list")):
        return False
    wanted = dict(turn.filters)
    if turn.answer == "top_person" and "role" not in wanted:
        wanted["role"] = "cast"  # "who appears most": the cast
    if turn.answer == "credits" and "role" not in wanted:
        got = {k: v for k, v in got.items() if k != "role"}  # some writers label the role, some not
    if turn.answer == "absent_person":
        wanted.pop("person", None)  # the name as typed: the bot found no such person
    if "title" in wanted:
        title = wanted.pop("title")
        if title.startswith("@"):
            position = int(title[1:])
            if not 1 <= position <= len(shown):
                return False
            title = snap.title(shown[position - 1])["display_title"].lower()
        typed = got.get("title", "")
        if not (_same_title(title, typed) or turn.absent and typed and _same_title(typed, title)):
            return False
    own_type = got.get("title type")
    if own_type and "type" not in wanted and got.get("type") == own_type:
        got = {k: v for k, v in got.items() if k != "type"}  # "movies like coco": the title's own type
    got = {k: v for k, v in got.items() if k not in ("title", "title type")}
    if turn.answer == "more":  # the list continued: its filters, whatever the labels repeat of them
        return True
    last_year = snap.understanding.years[1]
    return _spans_as_answered(wanted, last_year) == _spans_as_answered(got, last_year)


def _spans_as_answered(filters: dict, last_year: int) -> dict:
    """Ranges that select the same titles written one way: "1 season max" is at most one
    season whether written 1..1 or ..1 (no show has none); "2017 and later" ends in the
    catalogue's newest year."""
    found = dict(filters)
    if "seasons" in found and found["seasons"][0] in (0, 1):
        found["seasons"] = (None, found["seasons"][1])
    if "year" in found and found["year"][1] is not None and found["year"][1] >= last_year:
        found["year"] = (found["year"][0], None)
    return found


# ---- the bot -------------------------------------------------------------------------------
class Bot:
    """The production Application on the in-process stand-in, with its own data folder."""

    def __init__(self, store, data_dir: Path):
        from bot.app import build_application
        from bot.config import Settings
        from bot.console import Console

        self.console = Console(io.StringIO())
        self.api = self.console.api
        self.sent = 0
        self.api.observers.append(self._count)
        settings = Settings(data_dir=data_dir)
        self.app = build_application(settings, store, request=self.console.request(), rate_limiter=False)
        self.store = store

    def _count(self, method: str, params: dict, result) -> None:
        if method in ("sendmessage", "sendphoto", "editmessagetext", "sendpoll"):
            self.sent += 1

    async def say(self, user: dict, chat_id: int, text: str, group: bool) -> None:
        from telegram import Update

        reply_to = None
        if group:
            reply_to = self._last_bot_message(chat_id)
            if reply_to is None:
                text = f"@{self.console.bot_username} {text}"
        message = self.api.user_message(user, chat_id, text, "group" if group else "private", reply_to)
        update = self.api.numbered({"message": message})
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def _last_bot_message(self, chat_id: int):
        bot_id = self.api.bot_user["id"]
        mine = [
            m
            for (c, _), m in self.api.messages.items()
            if c == chat_id and m.get("from", {}).get("id") == bot_id
        ]
        return mine[-1] if mine else None


def timed_reading(bot: Bot, key: tuple[int, int], text: str, snap) -> float:
    """Milliseconds of what the bot does to read one message in its conversation: the frame
    read, ``parse``, ``follow``, the frame written (to a scratch conversation)."""
    from core.dialogue import follow

    store = bot.app.bot_data.dialogue
    snap.understanding.forget_readings()  # a new message, read afresh as the bot first reads it
    started = time.perf_counter()
    frame = store.get(*key, snap.table.people)
    understanding = snap.understanding
    follow(frame, understanding.parse(text), text, understanding, now=time.time())
    store.put(-1, -1, frame, snap.table.people)
    return (time.perf_counter() - started) * 1000


async def evaluate(conversations: list[Conversation], store, data_dir: Path, failures: list) -> dict:
    bot = Bot(store, data_dir)
    snap = store.current
    tally: dict = defaultdict(lambda: [0, 0, 0])  # turns, right, right language
    times: list[float] = []
    unanswered = misread = 0
    async with bot.app:
        dialogue = bot.app.bot_data.dialogue
        for number, conversation in enumerate(conversations):
            user_id = 100000 + number
            chat_id = -user_id if conversation.group else user_id
            key = (chat_id, user_id) if conversation.group else (chat_id, 0)
            user = bot.api.user(user_id, first_name=f"user{number}", language_code=None)
            shown: list[str] = []
            for turn in conversation.turns:
                before = dialogue.get(*key, snap.table.people)
                times.append(timed_reading(bot, key, turn.text, snap))
                sent = bot.sent
                await bot.say(user, chat_id, turn.text, conversation.group)
                unanswered += bot.sent == sent
                after = dialogue.get(*key, snap.table.people)
                kind, got = observed(before, after, snap)
                ok = right(turn, kind, got, shown, snap)
                if turn.answer in LIST_ANSWERS and after.shown:
                    shown = list(after.shown)
                if turn.answer not in TITLE_KINDS and kind in TITLE_KINDS and not after.focus_answered:
                    misread += 1  # a request answered "not in the catalogues" or "did you mean…?"
                language_ok = after.language == turn.lang
                for name in ("all", "follow-ups" if turn.followup else "first turns", f"lang {turn.lang}",
                             "group" if conversation.group else "private"):  # fmt: skip
                    row = tally[name]
                    row[0] += 1
                    row[1] += ok
                    row[2] += language_ok
                if not ok or not language_ok:
                    failures.append((conversation.name, turn, kind, got, after.language))
    return {"tally": tally, "times": times, "unanswered": unanswered, "misread": misread}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--snapshot", type=Path, default=Path("data/processed"))
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args(argv)
    from core.snapshot.store import Store, load_snapshot

    conversations = load_conversations(args.cases)
    store = Store(load_snapshot(args.snapshot))
    failures: list = []
    with tempfile.TemporaryDirectory(prefix="eval-dialogue-") as data_dir:
        found = asyncio.run(evaluate(conversations, store, Path(data_dir), failures))
    tally, times = found["tally"], found["times"]
    turns = sum(len(c.turns) for c in conversations)
    print(f"{args.cases.name}: {len(conversations)} conversations, {turns} turns")
    print(f"{'':<14} {'turns':>6} {'right':>8} {'language':>9}")
    for name in sorted(tally, key=lambda k: (k != "all", k)):
        n, ok, language = tally[name]
        print(f"{name:<14} {n:>6} {ok / n:>8.1%} {language / n:>9.1%}")
    print(f"unanswered turns: {found['unanswered']}")
    print(f"requests answered as an absent or unsure title: {found['misread']}")
    print(f"understanding + memory p50 {percentile(times, 50):.2f} ms, p99 {percentile(times, 99):.2f} ms")
    if args.failures:
        for name, turn, kind, got, language in failures:
            print(f"  {name} line {turn.line} [{turn.lang}{' f' if turn.followup else ''}] {turn.text!r}")
            print(f"    want {turn.answer} {turn.filters}{' absent' if turn.absent else ''}")
            print(f"    got  {kind} {got} (replied in {language})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
