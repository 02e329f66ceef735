"""Load benchmark of the whole bot through the loopback Bot API test server.

    python -m benchmarks.bench_bot [--updates 2000] [--rate 100] [--seconds 10]

The real bot (`python -m bot`, its own process, rate limiter off) polls
tests/telegram_server.FakeTelegram over HTTP from this process.
Every update comes from its own chat, so each reply is matched to its update; latency
is from the update being queued on the server to the reply request reaching it.
1. throughput: all updates queued at once, replies per second until the last one;
2. latency: updates paced at --rate per second for --seconds, p50/p99/max.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time

from benchmarks.measure import percentile
from tests.support.telegram_server import FakeTelegram

# The command mix; {title} rotates through TITLES so lookups are not one repeated string.
MIX = [
    ("/count netflix 2019", "sendMessage"),
    ("/recommend {title}", "sendMessage"),
    ("/where {title}", "sendMessage"),
    ("/top disney animation", "sendMessage"),
    ("/score netflix 3.5 2020", "sendMessage"),
    ("/rating 13+", "sendMessage"),
    ("@inline {title}", "answerInlineQuery"),
]
TITLES = [
    "toy story", "the office", "frozen", "breaking bad", "stranger things", "the crown",
    "moana", "black panther", "narcos", "the mandalorian", "jack reacher", "ozark",
    "the simpsons", "coco", "the witcher", "avengers endgame", "bojack horseman", "up",
    "family guy", "the boys", "inception", "grey's anatomy", "lupin", "finding nemo",
]  # fmt: skip


def texts_for(n: int) -> list[str]:
    return [MIX[i % len(MIX)][0].format(title=TITLES[i // len(MIX) % len(TITLES)]) for i in range(n)]


def push(tg: FakeTelegram, text: str, user_id: int):
    """Queue one update; return the key its reply will carry (chat id or inline query id)."""
    if text.startswith("@inline "):
        return tg.inline_query(text.removeprefix("@inline "), user_id=user_id)["inline_query"]["id"]
    return tg.send_text(text, user_id=user_id)["message"]["chat"]["id"]


def answered_at(tg: FakeTelegram, mark: int, answered: dict) -> int:
    """Record when each reply since ``mark`` arrived; return the new mark."""
    calls = tg.calls()[mark:]
    for call in calls:
        if call.method == "sendMessage":
            answered.setdefault(call.params["chat_id"], call.timestamp)
        elif call.method == "answerInlineQuery":
            answered.setdefault(call.params["inline_query_id"], call.timestamp)
    return mark + len(calls)


def run(tg: FakeTelegram, texts, users, pace: float | None) -> list[float]:
    """Push one update per user (paced if asked); return each update's latency in seconds."""
    mark = tg.mark()
    sent: dict = {}
    start = time.monotonic()
    for i, (text, user_id) in enumerate(zip(texts, users, strict=True)):
        if pace:
            time.sleep(max(0.0, start + i / pace - time.monotonic()))
        queued = time.monotonic()
        sent[push(tg, text, user_id)] = queued
    deadline = time.monotonic() + 60
    answered: dict = {}
    mark = answered_at(tg, mark, answered)
    while len(answered) < len(sent) and time.monotonic() < deadline:
        time.sleep(0.05)
        mark = answered_at(tg, mark, answered)
    return [answered[key] - t for key, t in sent.items() if key in answered]


@contextlib.contextmanager
def bot_process(tg: FakeTelegram, args):
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": "123456:BENCH-token",
        "TELEGRAM_API_BASE_URL": tg.base_url,
        "STREAMBOT_DATA_DIR": args.data_dir,
        "STREAMBOT_DATA_SOURCE": args.source,
        "STREAMBOT_RATE_LIMIT": "0",
        "STREAMBOT_LOG_LEVEL": args.log_level,
        "STREAMBOT_REFRESH_MINUTES": "0",
    }
    # As deployed: a log line per update, here to a file rather than the terminal.
    log = open(args.log_file, "w")  # noqa: SIM115 - closed when the bot has stopped
    process = subprocess.Popen([sys.executable, "-m", "bot"], env=env, stderr=log)
    try:
        tg.wait_for("getUpdates", timeout=120)
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--data-dir", default="data/processed")
    parser.add_argument("--source", default="../shared/datasets")
    parser.add_argument("--log-level", default="INFO", help="the bot's STREAMBOT_LOG_LEVEL")
    parser.add_argument("--log-file", default="/tmp/streambot-bench.log", help="where the bot's log goes")
    args = parser.parse_args()

    users = itertools.count(10_000)
    with FakeTelegram(check_requests=False) as tg, bot_process(tg, args):
        warm = texts_for(len(MIX) * 3)
        run(tg, warm, [next(users) for _ in warm], None)

        texts = texts_for(args.updates)
        burst = run(tg, texts, [next(users) for _ in texts], None)
        elapsed = max(burst)  # from the first update queued to the last reply, near enough
        print(
            f"throughput: {len(burst)}/{len(texts)} updates answered, {len(burst) / elapsed:,.0f} updates/s"
        )

        n = int(args.rate * args.seconds)
        texts = texts_for(n)
        paced = run(tg, texts, [next(users) for _ in texts], args.rate)
        print(
            f"latency at {args.rate:.0f} updates/s for {args.seconds:.0f} s: {len(paced)}/{n} answered, "
            f"p50 {percentile(paced, 50) * 1e3:.1f} ms, p99 {percentile(paced, 99) * 1e3:.1f} ms, "
            f"max {max(paced) * 1e3:.1f} ms"
        )


if __name__ == "__main__":
    main()
