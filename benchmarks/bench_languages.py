"""The chat-language lookup each update makes (bot/handlers/language.py), as the bot made it
before and makes it now, in a temporary data folder:

    python -m benchmarks.bench_languages [--updates 3000] [--chats 300] [--rounds 2]

- sqlite: ``Subscriptions`` alone: the language read in a worker thread, and a changed one
  written and committed in a worker thread before the reply goes on;
- memory: ``bot.languages.Languages``: memory, a chat not in it read once through its own
  connection, a change queued for the background writer.

Two workloads: every update from a new chat (as bench_bot's), then updates from a few known
chats. Half the chats speak Spanish, so every new chat's first update writes. Prints p50/p99 of
one lookup for each; the runs alternate, so a busy machine weighs on both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time

from benchmarks.measure import percentile
from bot.languages import Languages
from core.userdata.subscriptions import Subscriptions


async def from_sqlite(store: Subscriptions, chat: int, language: str) -> None:
    spoken = await asyncio.to_thread(store.language_of, chat)
    if spoken != language:
        await asyncio.to_thread(store.remember_language, chat, language)


async def from_memory(store: Languages, chat: int, language: str) -> None:
    if store.language_of(chat) != language:
        store.remember_language(chat, language)


async def run(kind: str, updates: int, chats: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        store = Subscriptions(folder) if kind == "sqlite" else Languages(folder)
        step = from_sqlite if kind == "sqlite" else from_memory
        timings = {}
        for workload, ids in (
            ("new chats", range(updates)),
            ("known chats", [i % chats for i in range(updates)]),
        ):
            samples = []
            for chat in ids:
                started = time.perf_counter()
                await step(store, chat, "es" if chat % 2 else "en")
                samples.append(time.perf_counter() - started)
            timings[workload] = samples
        store.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    for _round in range(args.rounds):
        for kind in ("sqlite", "memory"):
            timings = asyncio.run(run(kind, args.updates, args.chats))
            print(
                f"{kind:6}  "
                + "  ".join(
                    f"{workload}: p50 {percentile(s, 50) * 1e6:,.0f} µs, p99 {percentile(s, 99) * 1e6:,.0f} µs"
                    for workload, s in timings.items()
                )
            )


if __name__ == "__main__":
    main()
