"""What becomes of an update when its replica is killed mid-update (README, "Webhook mode").

    python -m benchmarks.bench_webhook_death [--every 5]

Two ``python -m bot`` replicas in webhook mode on one throwaway PostgreSQL cluster
(``tests/support/postgres.py``; or ``STREAMBOT_TEST_DATABASE_URL``), against the loopback Bot API.
Replica A gets a ``/count`` whose reply the Bot API holds for 5 s and is killed (``kill -9``)
a second in; the update is then redelivered to replica B every ``--every`` seconds, as Telegram
resends a call that got no 2xx, until B answers 200. Printed: each answer with the time since the
kill, and how many replies reached the chat (once the reply A had sent has landed).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

from bot.runtime.webhook import SECRET_HEADER
from tests.e2e.test_deployment import bot_process, free_port
from tests.e2e.test_webhook import replies_to, webhook_env
from tests.support.postgres import PostgresServer
from tests.support.telegram_http import post_bytes
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until

USER = 77


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=5.0, help="seconds between redeliveries")
    args = parser.parse_args()
    server = PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            measure(Path(folder), {"STREAMBOT_DATABASE_URL": server.fresh_database()}, args.every)
    finally:
        server.stop()


def measure(root: Path, shared: dict, every: float) -> None:
    ports = [free_port(), free_port()]
    (root / "a").mkdir()
    (root / "b").mkdir()
    with (
        FakeTelegram() as tg,
        bot_process(tg, root / "a", **webhook_env(ports[0]), **shared) as (first, _),
        bot_process(tg, root / "b", **webhook_env(ports[1]), **shared) as (_second, _),
    ):
        wait_until(lambda: len(tg.calls("setWebhook")) == 2, timeout=120, what="both replicas")
        secret = tg.webhook["secret_token"]

        def deliver(replica: int, update: dict) -> int | str:
            url = webhook_env(ports[replica])["STREAMBOT_WEBHOOK_URL"]
            try:
                return post_bytes(url, json.dumps(update).encode(), {SECRET_HEADER: secret})
            except OSError as exc:
                return f"no answer ({type(exc).__name__})"

        update = tg.text_update("/count", user_id=USER)
        tg.delay_next("sendMessage", 5.0)
        answers: list = []
        threading.Thread(target=lambda: answers.append(deliver(0, update)), daemon=True).start()
        time.sleep(1.0)
        first.kill()
        first.wait()
        killed = time.monotonic()
        while True:
            status = deliver(1, update)
            print(f"{time.monotonic() - killed:5.1f} s after kill -9: replica B answers {status}")
            if status == 200:
                break
            time.sleep(every)
        time.sleep(max(0.0, killed + 5.0 - time.monotonic()))  # the reply A sent is held 5 s: let it land
        print(f"replica A's own call: {answers or ['still open']}")
        print(f"redelivered once more: {deliver(1, update)}")
        print(f"replies in the chat: {len(replies_to(tg, USER))}")


if __name__ == "__main__":
    main()
