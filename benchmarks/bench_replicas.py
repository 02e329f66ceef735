"""Load benchmark of replicas: one on SQLite, one on PostgreSQL, two on PostgreSQL, and two with
one of them killed (kill -9) halfway through.

    python -m benchmarks.bench_replicas [--rate 100] [--seconds 20] [--database-url URL]

Each setup runs ``python -m bot`` processes in webhook mode (rate limiter off, as bench_bot),
serving a copy of the snapshot in --data-dir, their replies going to one loopback Bot API
(``tests/support/telegram_server.FakeTelegram``) in this process, their updates POSTed to their
webhooks by ``tests/support/replicas.Sender``, round-robin, a failed call redelivered to the
other replica as Telegram does. The command mix is bench_bot's; every update comes from its own
chat, so each reply is matched to its update; latency is from the update being handed to the
sender to its reply reaching the Bot API.
1. throughput: --updates sent at once, answered per second until the last answer;
2. latency: --rate updates per second for --seconds, p50/p99/max;
3. rating taps: one /recommend page per user, then five taps on each at once: taps per second;
4. (two replicas, killed) the paced run again, r1 killed -9 halfway: updates never answered.
Without --database-url a throwaway PostgreSQL cluster is started (tests/support/postgres.py).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.bench_bot import MIX, push, texts_for
from benchmarks.measure import percentile
from core.snapshot.files import CURRENT_FILE
from tests.support.postgres import PostgresServer
from tests.support.replicas import Replicas, ReplicaTelegram

SETUPS = [  # (name, on PostgreSQL, replicas, kill r1 halfway)
    ("1 replica, SQLite", False, ("r1",), False),
    ("1 replica, PostgreSQL", True, ("r1",), False),
    ("2 replicas, PostgreSQL", True, ("r1", "r2"), False),
    ("2 replicas, PostgreSQL, r1 killed -9 halfway", True, ("r1", "r2"), True),
]
TAPS_PER_PAGE = 5


def snapshot_copy(data_dir: Path, folder: Path) -> Path:
    """A data folder holding only the snapshot ``data_dir`` serves (no user data)."""
    current = (data_dir / CURRENT_FILE).read_text().strip()
    target = folder / "data"
    target.mkdir(parents=True)
    shutil.copytree(data_dir / current, target / current)
    shutil.copy2(data_dir / CURRENT_FILE, target / CURRENT_FILE)
    return target


def answered_at(tg: ReplicaTelegram, mark: int, answered: dict) -> int:
    """Record when each reply since ``mark`` arrived; return the new mark. (bench_bot's, but a
    request cut off by a killed replica arrives without its parameters: skipped.)"""
    calls = tg.calls()[mark:]
    for call in calls:
        key = call.params.get("chat_id" if call.method == "sendMessage" else "inline_query_id")
        if call.method in ("sendMessage", "answerInlineQuery") and key is not None:
            answered.setdefault(key, call.timestamp)
    return mark + len(calls)


def run(tg: ReplicaTelegram, texts, users, pace: float | None, wait: float = 60) -> list[float]:
    """Push one update per user (paced if asked); each answered update's latency in seconds."""
    mark, sent, start = tg.mark(), {}, time.monotonic()
    for i, (text, user_id) in enumerate(zip(texts, users, strict=True)):
        if pace:
            time.sleep(max(0.0, start + i / pace - time.monotonic()))
        queued = time.monotonic()
        sent[push(tg, text, user_id)] = queued
    deadline, answered = time.monotonic() + wait, {}
    mark = answered_at(tg, mark, answered)
    while len(answered) < len(sent) and time.monotonic() < deadline:
        time.sleep(0.05)
        mark = answered_at(tg, mark, answered)
    return [answered[key] - t for key, t in sent.items() if key in answered]


def latency_line(label: str, latencies: list[float], sent: int) -> str:
    if not latencies:
        return f"  {label}: 0/{sent} answered"
    return (
        f"  {label}: {len(latencies)}/{sent} answered, p50 {percentile(latencies, 50) * 1e3:.1f} ms, "
        f"p99 {percentile(latencies, 99) * 1e3:.1f} ms, max {max(latencies) * 1e3:.1f} ms"
    )


def rating_taps(tg: ReplicaTelegram, users) -> tuple[int, int, float]:
    """(taps sent, taps answered, taps answered per second): five rating taps on each user's page."""
    pages = {}
    mark = tg.mark()
    for user in users:
        tg.send_text("/recommend toy story", user_id=user)
    deadline = time.monotonic() + 60
    while len(pages) < len(users) and time.monotonic() < deadline:
        for call in tg.calls()[mark:]:
            if call.method == "sendMessage" and call.params.get("reply_markup") and call.result:
                pages.setdefault(call.params["chat_id"], call)
        time.sleep(0.05)
    mark, sent, start = tg.mark(), set(), time.monotonic()
    for user, page in pages.items():
        rows = page.params["reply_markup"]["inline_keyboard"]
        numbers = [b for row in rows for b in row if b["text"] in {"1", "2", "3", "4", "5"}]
        for button in numbers[:TAPS_PER_PAGE]:
            sent.add(tg.press_button(page, button["callback_data"], user_id=user)["callback_query"]["id"])
    answered: dict[str, float] = {}
    deadline = time.monotonic() + 60
    while len(answered) < len(sent) and time.monotonic() < deadline:
        for call in tg.calls()[mark:]:
            if call.method == "answerCallbackQuery" and call.params["callback_query_id"] in sent:
                answered.setdefault(call.params["callback_query_id"], call.timestamp)
        time.sleep(0.05)
    elapsed = (max(answered.values()) - start) if answered else float("inf")
    return len(sent), len(answered), len(answered) / elapsed


def measure(name: str, database_url: str | None, names, kill: bool, args, users) -> None:
    # Other work on the machine moves every figure: say how busy it was.
    print(f"{name} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-replicas-") as folder:
        folder = Path(folder)
        data = snapshot_copy(Path(args.data_dir), folder)
        with (
            ReplicaTelegram(check_requests=False) as tg,
            Replicas(
                tg,
                folder,
                database_url,
                names=names,
                source=Path(args.source),
                data_dir=data,
                STREAMBOT_RATE_LIMIT="0",
                STREAMBOT_LOG_LEVEL=args.log_level,
            ) as replicas,
        ):
            warm = texts_for(len(MIX) * 3)
            run(tg, warm, [next(users) for _ in warm], None)
            n = int(args.rate * args.seconds)
            if kill:
                return killed_halfway(tg, replicas, n, args, users)
            burst_texts = texts_for(args.updates)
            burst = run(tg, burst_texts, [next(users) for _ in burst_texts], None)
            print(
                f"  throughput: {len(burst)}/{args.updates} answered, "
                f"{len(burst) / max(burst):,.0f} updates/s"
            )
            paced = run(tg, texts_for(n), [next(users) for _ in range(n)], args.rate)
            print(latency_line(f"latency at {args.rate:.0f} updates/s for {args.seconds:.0f} s", paced, n))
            taps, answered, per_second = rating_taps(tg, [next(users) for _ in range(args.pages)])
            print(f"  rating taps: {answered}/{taps} answered, {per_second:,.0f} taps/s")
            lost = sorted(replicas.tracebacks())
            if lost:
                print(f"  tracebacks in the log of {', '.join(lost)} (see {folder})")


def killed_halfway(tg: ReplicaTelegram, replicas: Replicas, n: int, args, users) -> None:
    """The paced run with r1 killed -9 halfway: how many updates were never answered, and how
    many of those r1 had accepted (a 200 to Telegram) without having handled them."""
    killer = threading.Timer(args.seconds / 2, replicas["r1"].kill)
    killer.start()
    paced = run(tg, texts_for(n), [next(users) for _ in range(n)], args.rate)
    killer.join()
    print(latency_line(f"{args.rate:.0f} updates/s for {args.seconds:.0f} s", paced, n))
    deliveries = tg.sender.deliveries.values()
    redelivered = sum(1 for d in deliveries if d.attempts[0][0] == "r1" and d.accepted_by == "r2")
    done_by_r1 = set(replicas["r1"].handled())
    in_hand = sum(1 for d in deliveries if d.accepted_by == "r1" and d.update_id not in done_by_r1)
    print(
        f"  updates lost: {n - len(paced)} of {n}; r1 died with {in_hand} accepted but not handled; "
        f"{redelivered} refused by dead r1 went to r2"
    )


@contextlib.contextmanager
def database(url: str | None):
    """``url``, or a throwaway cluster's fresh database for the run."""
    if url:
        yield lambda: url
        return
    server = PostgresServer().start()
    try:
        yield server.fresh_database
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--updates", type=int, default=1000, help="the throughput burst")
    parser.add_argument("--pages", type=int, default=100, help="recommend pages tapped five times each")
    parser.add_argument(
        "--database-url", help="a PostgreSQL database to use (emptied by nobody: use a fresh one)"
    )
    parser.add_argument("--data-dir", default="data/processed", help="the snapshot served (copied)")
    parser.add_argument("--source", default="../shared/datasets")
    parser.add_argument("--log-level", default="INFO", help="the replicas' STREAMBOT_LOG_LEVEL")
    parser.add_argument("--only", type=int, nargs="*", help="run only these setups (1-4)")
    args = parser.parse_args()

    users = itertools.count(10_000)
    with database(args.database_url) as fresh:
        for number, (name, on_postgres, names, kill) in enumerate(SETUPS, 1):
            if args.only and number not in args.only:
                continue
            measure(name, fresh() if on_postgres else None, names, kill, args, users)


if __name__ == "__main__":
    main()
