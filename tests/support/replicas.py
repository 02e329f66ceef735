"""Several ``python -m bot`` replicas in webhook mode behind one address, as deployed.

    with ReplicaTelegram() as tg, Replicas(tg, folder, database_url) as replicas:
        tg.send_text("/count", user_id=1)            # goes to r1
        tg.send_text("/count netflix", user_id=1)    # goes to r2 (round-robin)
        with replicas.sending_to("r2"):
            tg.press_button(...)                     # goes to r2
        replicas["r1"].kill()                        # kill -9: its updates move to r2

Each replica is its own process with its own webhook port, all on one database, one shared
``STREAMBOT_DATA_DIR`` (a prebuilt snapshot) and one :class:`ReplicaTelegram` for their Bot API
calls. :class:`Sender` plays Telegram's side of the webhook: it POSTs each update (JSON, with the
``X-Telegram-Bot-Api-Secret-Token`` header) to the replica the routing picks, and when that call
fails (connection refused or reset, a timeout, a non-2xx answer) it delivers the update again to
the next replica, as Telegram redelivers a webhook call that did not get a 200. Every attempt is
kept (:attr:`Sender.deliveries`) and each replica's log says which updates it handled
(:meth:`Replica.handled`), so a test can tell that an update was answered once, and where.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from core.snapshot.store import Snapshot
from tests.conftest import FIXTURE_SOURCE, REPO
from tests.support.snapshot_helpers import built_snapshot, published_copy
from tests.support.telegram_server import FakeTelegram
from tests.support.waiting import wait_until

TOKEN = "123456:REPLICAS-secret-token"
SECRET = "replicas-webhook-secret-0123456789abcdef"  # what every replica expects from "Telegram"
HOOK_PATH = "telegram/hook"
# The one public address Telegram is told about; the sender stands in for the proxy behind it.
PUBLIC_URL = f"http://proxy.invalid/{HOOK_PATH}"
UPDATE_LINE = re.compile(r"logger=bot\.updates .*?update_id=(\d+)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Replica:
    """One ``python -m bot`` process: its name (``STREAMBOT_REPLICA_NAME``), webhook port and log."""

    name: str
    port: int
    process: subprocess.Popen
    log_path: Path
    environ: dict[str, str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{HOOK_PATH}"

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def listening(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
            return True
        return False

    def kill(self) -> None:
        """kill -9: no shutdown, whatever it was doing is cut off."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self, timeout: float = 30) -> None:
        if self.alive:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def handled(self) -> list[int]:
        """The update ids this replica finished handling (one ``bot.updates`` line each)."""
        return [int(m.group(1)) for m in UPDATE_LINE.finditer(self.log())]


@dataclass
class Delivery:
    """One update on its way: every attempt (replica name, HTTP status or the error) until a 2xx."""

    update_id: int
    attempts: list[tuple[str, int | str]] = field(default_factory=list)
    accepted_by: str | None = None  # the replica that answered 2xx
    sent_at: float = 0.0  # time.monotonic() of the first attempt


class Sender:
    """Telegram's side of the webhook, in front of several replicas (what the proxy spreads).

    ``pick`` chooses the first replica of each update: round-robin over the replicas, or the one
    :meth:`pinned` names. A failed call is retried on the next replica (then the next, with a
    growing pause) until one answers 2xx or ``give_up_after`` seconds have passed."""

    def __init__(self, secret: str = SECRET, give_up_after: float = 30, workers: int = 32):
        self.replicas: list[Replica] = []
        self.secret = secret
        self.give_up_after = give_up_after
        self.deliveries: dict[int, Delivery] = {}
        self._turn = itertools.count()
        self._pinned: str | None = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="sender")
        self._local = threading.local()
        self._closed = False  # set at the end: no more retries against replicas that are gone

    @contextlib.contextmanager
    def pinned(self, name: str):
        """Within the block, updates go first to replica ``name``."""
        before, self._pinned = self._pinned, name
        try:
            yield
        finally:
            self._pinned = before

    def pick(self) -> int:
        """The index of the replica an update goes to first."""
        if self._pinned is not None:
            return next(i for i, r in enumerate(self.replicas) if r.name == self._pinned)
        return next(self._turn) % len(self.replicas)

    def send(self, update: dict) -> Future:
        """Deliver ``update`` in the background (as Telegram does, several at once)."""
        delivery = Delivery(update["update_id"], sent_at=time.monotonic())
        with self._lock:
            self.deliveries[delivery.update_id] = delivery
        return self._pool.submit(self._deliver, update, delivery, self.pick())

    def _deliver(self, update: dict, delivery: Delivery, first: int) -> Delivery:
        deadline = time.monotonic() + self.give_up_after
        pause = 0.05
        for turn in itertools.count(first):
            replica = self.replicas[turn % len(self.replicas)]
            outcome = self._post(replica, update)
            delivery.attempts.append((replica.name, outcome))
            if isinstance(outcome, int) and 200 <= outcome < 300:
                delivery.accepted_by = replica.name
                return delivery
            if time.monotonic() > deadline or self._closed:
                return delivery
            if (turn - first + 1) % len(self.replicas) == 0:  # every replica refused: wait a little
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
        raise AssertionError("unreachable")

    def _post(self, replica: Replica, update: dict) -> int | str:
        """One webhook call on this thread's kept-alive connection to ``replica`` (a new TCP
        connection per update would cost this process more than the replicas' work)."""
        connections = self._local.__dict__.setdefault("connections", {})
        key = (replica.name, replica.port)
        connection = connections.get(key) or http.client.HTTPConnection("127.0.0.1", replica.port, timeout=10)
        connections[key] = connection
        body = json.dumps(update).encode()
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": self.secret}
        try:
            connection.request("POST", f"/{HOOK_PATH}", body, headers)
            response = connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out: try again
            connection.close()
            del connections[key]
            return type(exc).__name__

    def undelivered(self) -> list[int]:
        with self._lock:
            return sorted(i for i, d in self.deliveries.items() if d.accepted_by is None)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class ReplicaTelegram(FakeTelegram):
    """The fake Bot API whose users' updates reach the replicas through a :class:`Sender`
    instead of the one webhook FakeTelegram would POST to (each replica sets it to the same
    public address, which stands for the proxy)."""

    def __init__(self, sender: Sender | None = None, **options):
        super().__init__(**options)
        self.sender = sender or Sender()

    def push_update(self, update: dict) -> dict:
        update = self.api.numbered(update)
        self.sender.send(update)
        return update

    def stop(self) -> None:
        self.sender.close()
        super().stop()


class Replicas:
    """``names`` replicas of ``python -m bot`` in webhook mode on ``database_url`` (None: SQLite in
    the data folder), serving a snapshot built beforehand into ``folder / "data"`` from a copy of
    the fixture source at ``folder / "source"`` (or ``snapshot``, already built, written there).
    ``env`` adds to (or overrides) every replica's
    environment; scheduled refreshes and retraining are off unless ``env`` turns them on."""

    def __init__(
        self,
        tg: ReplicaTelegram,
        folder: Path,
        database_url: str | None,
        names: tuple[str, ...] = ("r1", "r2"),
        source: Path | None = None,
        data_dir: Path | None = None,
        snapshot: Snapshot | None = None,
        **env: str,
    ):
        self.tg, self.folder, self.database_url, self.names, self.env = (
            tg,
            Path(folder),
            database_url,
            names,
            env,
        )
        self.source = source or self.folder / "source"
        self.data_dir = data_dir or self.folder / "data"
        self.snapshot = snapshot
        self.replicas: list[Replica] = []

    def __enter__(self) -> Replicas:
        if not self.source.exists():
            shutil.copytree(FIXTURE_SOURCE, self.source)
        if self.snapshot is not None and not self.data_dir.exists():
            self.data_dir.mkdir(parents=True)
            published_copy(self.snapshot, self.data_dir)  # a test session's, written in milliseconds
        elif not self.data_dir.exists():
            built_snapshot(self.data_dir, self.source)
        self.replicas = [self._spawn(name) for name in self.names]  # all at once: migrations race
        self.tg.sender.replicas = self.replicas
        for replica in self.replicas:
            self.wait_ready(replica)
        return self

    def __exit__(self, *exc) -> None:
        for replica in self.replicas:
            replica.stop()

    def __getitem__(self, name: str) -> Replica:
        return next(r for r in self.replicas if r.name == name)

    def sending_to(self, name: str):
        return self.tg.sender.pinned(name)

    def environment(self, name: str, port: int) -> dict[str, str]:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "STREAMBOT_"))}
        environ.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=self.tg.base_url,
            STREAMBOT_DATA_SOURCE=str(self.source),
            STREAMBOT_DATA_DIR=str(self.data_dir),
            STREAMBOT_REFRESH_MINUTES="0",
            STREAMBOT_RETRAIN_MINUTES="0",
            STREAMBOT_REPLICA_NAME=name,
            STREAMBOT_WEBHOOK_URL=PUBLIC_URL,
            STREAMBOT_WEBHOOK_LISTEN="127.0.0.1",
            STREAMBOT_WEBHOOK_PORT=str(port),
            STREAMBOT_WEBHOOK_SECRET=self.tg.sender.secret,
        )
        if self.database_url:
            environ["STREAMBOT_DATABASE_URL"] = self.database_url
        environ.update(self.env)
        return environ

    def _spawn(self, name: str) -> Replica:
        port = free_port()
        environ = self.environment(name, port)
        log_path = self.folder / f"{name}.log"
        with open(log_path, "ab") as log:  # the child keeps its own descriptor
            process = subprocess.Popen(
                [sys.executable, "-m", "bot"], cwd=REPO, env=environ, stdout=log, stderr=log
            )
        return Replica(name, port, process, log_path, environ)

    def wait_ready(self, replica: Replica, timeout: float = 60) -> None:
        def ready():
            if not replica.alive:
                raise AssertionError(f"replica {replica.name} exited at start:\n{replica.log()[-3000:]}")
            return replica.listening()

        wait_until(ready, timeout=timeout, what=f"replica {replica.name} to listen", every=0.1)

    def restart(self, name: str) -> Replica:
        """Start replica ``name`` again (after a kill), on a new port."""
        index = next(i for i, r in enumerate(self.replicas) if r.name == name)
        self.replicas[index].stop()
        self.replicas[index] = self._spawn(name)
        self.wait_ready(self.replicas[index])
        return self.replicas[index]

    def handled_by(self) -> dict[int, list[str]]:
        """Each handled update id, with the replicas that handled it (once each, hopefully)."""
        seen: dict[int, list[str]] = {}
        for replica in self.replicas:
            for update_id in replica.handled():
                seen.setdefault(update_id, []).append(replica.name)
        return seen

    def tracebacks(self) -> list[str]:
        return [r.name for r in self.replicas if "Traceback" in r.log()]
