"""A real PostgreSQL server for the tests: ``STREAMBOT_TEST_DATABASE_URL`` when set, else a
throwaway cluster in a temporary folder on a free port, stopped (``-m immediate``) and deleted
at the end of the session.

The server refuses to run as root, so as root the cluster belongs to the OS user ``postgres``
(``runuser -u postgres -- initdb …``), its folder handed to that user; as anyone else it is
the caller's own. ``unavailable()`` says why no server can start (no PostgreSQL installed, no
``postgres`` user), for the tests to skip with, or on CI to fail with.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

URL_VARIABLE = "STREAMBOT_TEST_DATABASE_URL"
SERVER_USER = "postgres"
# A test server may lose its data on a crash: it is deleted anyway. Enough connections for the
# stores' pools of a whole session (a store's pool keeps one open).
FAST_AND_WIDE = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"
_names = itertools.count(1)


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _as_server_user() -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []


def unavailable() -> str | None:
    """Why no test server can be had, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -r requirements.txt)"
    if os.environ.get(URL_VARIABLE):
        return None
    if _binaries() is None:
        return f"PostgreSQL is not installed (no initdb on the PATH); or set {URL_VARIABLE}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no OS user {SERVER_USER!r} to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start PostgreSQL as another user"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """The session's server: ``url`` reaches its ``postgres`` database."""

    def __init__(self):
        self.url = os.environ.get(URL_VARIABLE) or ""
        self._folder: Path | None = None
        self._options = ""  # the server's command-line options, to start it again with

    def start(self) -> PostgresServer:
        if self.url:
            return self  # someone else's server: nothing to start or stop
        binaries, run_as = _binaries(), _as_server_user()
        self._folder = Path(tempfile.mkdtemp(prefix="streambot-pg-"))
        if run_as:
            entry = pwd.getpwnam(SERVER_USER)
            os.chown(self._folder, entry.pw_uid, entry.pw_gid)
        data, port = self._folder / "data", _free_port()
        self._run(
            [*run_as, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]
        )
        self._options = f"-p {port} -k {self._folder} -c listen_addresses=127.0.0.1 {FAST_AND_WIDE}"
        self._start_server()
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        return self

    def _start_server(self) -> None:
        data = self._folder / "data"
        self._run(
            [
                *_as_server_user(),
                str(_binaries() / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                self._options,
                "-l",
                str(self._folder / "log"),
                "-w",
                "start",
            ]
        )

    @property
    def can_restart(self) -> bool:
        """Only a cluster this process started (not ``STREAMBOT_TEST_DATABASE_URL``'s)."""
        return self._folder is not None

    def restart(self, down_for: float = 0.0) -> None:
        """Stop the server at once (``-m immediate``: connections cut, as in a crash), keep it
        down ``down_for`` seconds, start it again on the same port with the same data."""
        assert self.can_restart, "not a server these tests started"
        self._run(
            [
                *_as_server_user(),
                str(_binaries() / "pg_ctl"),
                "-D",
                str(self._folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ]
        )
        time.sleep(down_for)
        self._start_server()

    def stop(self) -> None:
        if self._folder is None:
            return
        binaries = _binaries()
        subprocess.run(
            [
                *_as_server_user(),
                str(binaries / "pg_ctl"),
                "-D",
                str(self._folder / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(sql)

    def fresh_database(self, prefix: str = "streambot_test") -> str:
        """A new, empty database's URL (a test module's)."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.execute(f'CREATE DATABASE "{name}"')
        base, _, _ = self.url.rpartition("/")
        return f"{base}/{name}"

    def fresh_schema(self, prefix: str = "t") -> str:
        """A URL whose tables land in a new, empty schema (a test's): cheaper than a database."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.execute(f'CREATE SCHEMA "{name}"')
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}options={quote(f'-c search_path={name}')}"

    def _run(self, command: list[str]) -> None:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command[:6])} failed: {done.stderr.strip() or done.stdout.strip()}"
            )
