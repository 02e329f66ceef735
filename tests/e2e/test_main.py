"""``python -m bot`` as a person runs it: the console chat on a fresh data folder, and
the one line it prints when there is nothing to serve."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import FIXTURE_SOURCE, REPO


def run_bot(stdin: str, **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "STREAMBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        input=stdin,
        env={**environ, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_console_user_can_check_status_and_reload(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, source)
    env = {"STREAMBOT_DATA_SOURCE": str(source), "STREAMBOT_DATA_DIR": str(tmp_path / "data")}
    first = run_bot("/status\n/reload\n", **env)
    assert first.returncode == 0, first.stderr
    assert "228 titles" in first.stdout and f"Source: {source}" in first.stdout  # the local user is admin
    assert "Nothing new: the source files have not changed" in first.stdout
    # the first start says what it is doing, a line per step, on the terminal
    progress = first.stderr.splitlines()
    assert progress[0] == f"Building the catalogue from {source} (first start, a few seconds)"
    assert "first start: read titles/amazon_prime_titles.csv (" in progress[1]
    assert any(line.startswith("first start: published catalogue ") for line in progress)

    with open(source / "titles" / "hulu_titles.csv", "a", encoding="utf-8") as handle:
        handle.write('s77,Movie,Console Fresh,,,,"May 1, 2021",2021,PG,90 min,Comedy,New.\n')
    second = run_bot("/subscribe hulu\n/reload\n/where console fresh\n", **env)
    assert "Building" not in second.stderr  # the snapshot is on disk now
    assert "Now serving catalogue" in second.stdout and "(229 titles, 1 new title)" in second.stdout
    assert "Hulu: Console Fresh (2021)" in second.stdout  # the subscribed console chat is told
    assert "Console Fresh" in second.stdout.split("> /where console fresh", 1)[1]


def test_without_data_it_exits_with_one_line_saying_what_to_set(tmp_path):
    done = run_bot(
        "", STREAMBOT_DATA_SOURCE=str(tmp_path / "nowhere"), STREAMBOT_DATA_DIR=str(tmp_path / "d")
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "set STREAMBOT_DATA_SOURCE" in done.stderr
    assert "nowhere: source folder does not exist" in done.stderr


def test_an_unreachable_database_is_one_line_naming_it_without_its_password(tmp_path):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "STREAMBOT_DATA_SOURCE": str(FIXTURE_SOURCE),
        "STREAMBOT_DATA_DIR": str(tmp_path / "data"),
        "STREAMBOT_DATABASE_URL": f"postgresql://bot:s3cret@127.0.0.1:{port}/streambot",
    }
    done = run_bot("/status\n", **env)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: user data: cannot connect to PostgreSQL at 127.0.0.1:{port}/streambot: ")
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr
