"""Understanding + memory per message, steadily: p50, p99 and max of each message's median time.

    python -m benchmarks.bench_understanding [--cases benchmarks/dialogue_dev.tsv ...] [--rounds 7]
                                             [--slowest 20] [--snapshot DIR]

``eval_dialogue`` times each turn once, while the bot answers around it, so on a busy machine its
p99 (the 5th slowest of ~500 turns) is mostly whichever turns the scheduler interrupted. Here
the conversations first go through the real bot (as ``eval_dialogue`` runs them) to record the
frame each turn was read in; then every turn is read again ``--rounds`` times, a round over all
turns at a time, each reading timed on the calls ``eval_dialogue.timed_reading`` times (frame read,
``parse`` read afresh, ``follow``, frame written), and a turn's figure is its median.
The slowest turns are listed with their messages.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.eval_dialogue import CASES, Bot, load_conversations
from benchmarks.measure import percentile

SCRATCH = (-2, -2)  # the conversation a recorded frame is put in to be read again
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}


def timed_reading(bot: Bot, key: tuple[int, int], text: str, snap, clock=time.perf_counter) -> float:
    """Milliseconds of ``eval_dialogue.timed_reading``'s calls (frame read, ``parse`` read
    afresh, ``follow``, frame written), on ``clock``."""
    from core.dialogue import follow

    store = bot.app.bot_data.dialogue
    snap.understanding.forget_readings()
    started = clock()
    frame = store.get(*key, snap.table.people)
    understanding = snap.understanding
    follow(frame, understanding.parse(text), text, understanding, now=time.time())
    store.put(-1, -1, frame, snap.table.people)
    return (clock() - started) * 1000


async def timed_turns(
    conversations, store, data_dir: Path, rounds: int, clock
) -> tuple[list[str], list[float]]:
    """Every turn's message and median time, the conversations first run through the bot."""
    bot = Bot(store, data_dir)
    snap = store.current
    turns = []  # (message, the frame it was read in)
    async with bot.app:
        dialogue = bot.app.bot_data.dialogue
        for number, conversation in enumerate(conversations):
            user_id = 200000 + number
            chat_id = -user_id if conversation.group else user_id
            key = (chat_id, user_id) if conversation.group else (chat_id, 0)
            user = bot.api.user(user_id, first_name=f"user{number}", language_code=None)
            for turn in conversation.turns:
                turns.append((turn.text, dialogue.get(*key, snap.table.people)))
                await bot.say(user, chat_id, turn.text, conversation.group)
        samples: list[list[float]] = [[] for _ in turns]
        for _ in range(rounds):  # a round over all turns: a burst of load costs each turn one sample
            for k, (text, frame) in enumerate(turns):
                # Emptied first: ``remember`` keeps no frame older than the one it holds, so the
                # scratch conversation would keep the latest turn's frame (a first turn's empty
                # one, and every turn after the first round, would be read in another's).
                dialogue.forget_user(SCRATCH[1])
                dialogue.remember(*SCRATCH, frame, snap.table.people)
                samples[k].append(timed_reading(bot, SCRATCH, text, snap, clock))
    return [text for text, _ in turns], [statistics.median(s) for s in samples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="+", default=[CASES])
    parser.add_argument("--snapshot", type=Path, default=Path("data/processed"))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--slowest", type=int, default=20)
    parser.add_argument(
        "--clock", choices=CLOCKS, default="wall",
        help="cpu: this thread's CPU time, which other processes on a busy machine barely change",
    )  # fmt: skip
    args = parser.parse_args(argv)
    from core.snapshot.store import Store, load_snapshot

    store = Store(load_snapshot(args.snapshot))
    for cases in args.cases:
        with tempfile.TemporaryDirectory(prefix="bench-understanding-") as data_dir:
            texts, medians = asyncio.run(
                timed_turns(load_conversations(cases), store, Path(data_dir), args.rounds, CLOCKS[args.clock])
            )
        print(
            f"{cases.name}: {len(texts)} turns, median of {args.rounds} readings each ({args.clock} clock): "
            f"p50 {percentile(medians, 50):.2f} ms, p99 {percentile(medians, 99):.2f} ms, max {max(medians):.2f} ms"
        )
        for k in sorted(range(len(texts)), key=lambda k: -medians[k])[: args.slowest]:
            print(f"  {medians[k]:6.2f} ms  {texts[k]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
