"""Moving a data folder's SQLite user data into PostgreSQL (``python -m core.userdata.migrate``):
what people told the bot reads the same afterwards, a second run moves nothing, PostgreSQL's
own newer rows win, and a failure says so in one line and leaves PostgreSQL as it was."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.languages import Languages
from core.dialogue import Frame
from core.understanding import Intent, Question
from core.userdata import migrate as migration
from core.userdata.database import connect
from core.userdata.dialogue import DialogueStore
from core.userdata.feedback import DISLIKE, LIKE, Feedback
from core.userdata.feedback import MIGRATIONS as feedback_migrations
from core.userdata.subscriptions import Subscriptions
from core.userdata.together import MIGRATIONS as together_migrations
from core.userdata.together import ChatSettings, ListPoll, Together

ROOT = Path(__file__).resolve().parents[4]
GROUP, ANA, LUIS = -1001234567890, 11, 12
NOW = time.time()
STORES = (Feedback, Together, Languages, DialogueStore)
ROWS = {  # what the folder holds, table by table
    "feedback": 3,
    "chat_settings": 2,
    "seen": 2,
    "watchlist": 2,
    "members": 2,
    "list_polls": 1,
    "subscriptions": 3,
    "announcements": 1,
    "chat_languages": 2,
    "dialogue": 2,
}


def fill(place, database=None) -> None:
    """A few days of a bot's life, through the real stores."""
    feedback, together, languages, dialogue = (store(place, database) for store in STORES)
    feedback.record(ANA, "ns1", LIKE, "button", at=NOW - 300)
    feedback.record(ANA, "hs2", DISLIKE, "command", at=NOW - 200)
    assert feedback.cycle(LUIS, "ns1", at=NOW - 100) == LIKE
    feedback.cycle(LUIS, "ns1", at=NOW - 90)
    assert feedback.cycle(LUIS, "ns1", at=NOW - 80) == 0  # cleared: a row that reads as no rating
    together.set_settings(GROUP, ChatSettings(frozenset(["netflix", "hulu"]), kids=True), set_by=ANA)
    together.set_settings(ANA, ChatSettings(frozenset(["disney"])))
    together.mark_seen(ANA, "ns1", at=NOW - 50)
    together.toggle_seen(LUIS, "ds3", at=NOW - 40)
    together.toggle_seen(LUIS, "ds3", at=NOW - 30)  # un-marked: the row stays, 0
    together.spoke(GROUP, ANA, "Ana", at=NOW - 60, chat_name="Movie night")
    together.set_watching(GROUP, LUIS, "Luis", True, at=NOW - 20)
    together.add_to_list(GROUP, "ns1", ANA, at=NOW - 10)
    together.add_to_list(GROUP, "as4", LUIS, at=NOW - 5)
    together.remember_poll(ListPoll("poll-1", GROUP, 77, ("ns1", "as4"), "es"), at=NOW - 4)
    languages.add(GROUP, "netflix", language="es")
    languages.add(GROUP, "hulu")
    languages.add(ANA, "prime", language="en")
    assert languages.claim("2026-12-01", GROUP)
    question = Question(Intent.TOP)
    dialogue.put(
        ANA, 0, Frame(asked=question, focus="ns1", shown=("ns1", "hs2"), read=2, language="en", at=NOW)
    )
    dialogue.put(GROUP, LUIS, Frame(focus="as4", language="es", at=NOW))
    for store in (feedback, together, languages, dialogue):
        store.close()


def seen_by_people(place, database=None):
    """Everything a user could see of the data, read through the stores."""
    feedback, together, languages, dialogue = (store(place, database) for store in STORES)
    try:
        frames = {key: dialogue.get(*key, now=NOW + 1) for key in ((ANA, 0), (GROUP, LUIS))}
        return {
            "ratings": [feedback.signals_of(person) for person in (ANA, LUIS)],
            "cleared": feedback.value_of(LUIS, "ns1"),
            "settings": [together.settings_of(chat) for chat in (GROUP, ANA, LUIS)],
            "seen": together.seen_by([ANA, LUIS]),
            "list": together.watchlist(GROUP),
            "watchers": together.watchers(GROUP, now=NOW),
            "members": together.of_person(ANA).memberships,
            "subscriptions": [languages.of_chat(chat) for chat in (GROUP, ANA)],
            "languages": [languages.language_of(chat) for chat in (GROUP, ANA, LUIS)],
            "frames": {key: (f.focus, f.shown, f.language, f.asked) for key, f in frames.items()},
            # Taken last: reading it removes it (a closed poll is announced once).
            "announced again": languages.claim("2026-12-01", GROUP),
            "poll": together.take_poll("poll-1"),
        }
    finally:
        for store in (feedback, together, languages, dialogue):
            store.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A data folder filled by the bot's own stores on SQLite (only read by the tests)."""
    data_dir = tmp_path_factory.mktemp("data")
    fill(data_dir)
    return data_dir


@pytest.fixture
def url(postgres_server) -> str:
    return postgres_server.fresh_schema("migrate")


def counts(results) -> dict[str, tuple[int, int, int]]:
    return {r.table: (r.moved, r.already, r.kept) for r in results}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tables_in(url: str) -> set[str]:
    import psycopg  # only where a server runs (the tests skip without one)

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
    return {name for (name,) in rows}


def test_every_store_reads_the_same_on_postgresql_after_the_move(folder, url, tmp_path):
    before = seen_by_people(shutil.copytree(folder, tmp_path / "copy"))  # reading takes the poll
    results = migration.migrate(folder, url)
    assert counts(results) == {table: (rows, 0, 0) for table, rows in ROWS.items()}
    after = seen_by_people(tmp_path, url)
    assert after == before
    assert after["cleared"] is None and after["poll"].title_ids == ("ns1", "as4")
    assert after["announced again"] is False  # the chat is not told about that version twice
    assert after["languages"] == ["es", "en", None] and after["frames"][(ANA, 0)][0] == "ns1"


def test_a_second_run_moves_nothing(folder, url):
    migration.migrate(folder, url)
    again = migration.migrate(folder, url)
    assert counts(again) == {table: (0, rows, 0) for table, rows in ROWS.items()}


def test_rows_changed_in_postgresql_since_are_kept(folder, url):
    migration.migrate(folder, url)
    feedback = Feedback(None, url)
    feedback.record(ANA, "ns1", DISLIKE, "button")  # Ana changed her mind on a replica
    languages = Subscriptions(None, url)
    languages.remember_language(GROUP, "en")
    again = counts(migration.migrate(folder, url))
    assert again["feedback"] == (0, 2, 1) and again["chat_languages"] == (0, 1, 1)
    assert feedback.value_of(ANA, "ns1") == DISLIKE and languages.language_of(GROUP) == "en"
    feedback.close()
    languages.close()


def test_a_value_postgresql_refuses_leaves_it_as_it_was(folder, url, tmp_path):
    """The ratings copy first; a later table's bad row rolls them back too."""
    odd = shutil.copytree(folder, tmp_path / "odd")
    with sqlite3.connect(odd / "feedback.sqlite3") as file:  # SQLite keeps text in an INTEGER column
        file.execute("INSERT INTO members (chat_id, user_id, watching) VALUES (?, 13, 'yes')", (GROUP,))
    with pytest.raises(migration.MigrationError, match="PostgreSQL refused the copy .*nothing was moved"):
        migration.migrate(odd, url)
    feedback = Feedback(None, url)
    assert feedback.count() == 0
    feedback.close()
    assert counts(migration.migrate(folder, url))["feedback"] == (3, 0, 0)


def test_a_damaged_file_or_an_empty_folder_moves_nothing(folder, url, tmp_path, capsys):
    damaged = shutil.copytree(folder, tmp_path / "damaged")
    (damaged / "subscriptions.sqlite3").write_bytes(b"not a database at all" * 300)
    assert migration.main(["--from", str(damaged), "--to", url]) == 1
    error = capsys.readouterr().err.strip()
    assert "subscriptions.sqlite3 is damaged" in error and "\n" not in error
    assert tables_in(url) == set()  # PostgreSQL not even touched
    (tmp_path / "empty").mkdir()
    assert migration.main(["--from", str(tmp_path / "empty"), "--to", url]) == 1
    assert "no user data in" in capsys.readouterr().err


def test_an_unreachable_server_is_one_line_without_the_password(folder, capsys):
    secret_url = f"postgresql://bot:s3cret-pw@127.0.0.1:{free_port()}/streambot"
    assert migration.main(["--from", str(folder), "--to", secret_url]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("error: cannot connect to PostgreSQL at 127.0.0.1:") and err.count("\n") == 1
    assert out == ""
    assert "s3cret-pw" not in out + err
    assert migration.main(["--from", str(folder), "--to", "mysql://bot:s3cret-pw@db/streambot"]) == 1
    assert "not a PostgreSQL URL (mysql://…)" in capsys.readouterr().err


def test_the_url_comes_from_the_environment_and_arguments_are_checked(folder, url, monkeypatch, capsys):
    monkeypatch.setenv("STREAMBOT_DATABASE_URL", url)
    assert migration.main(["--from", str(folder)]) == 0
    assert "total: 20 moved, 0 already there" in capsys.readouterr().out
    monkeypatch.delenv("STREAMBOT_DATABASE_URL")
    with pytest.raises(SystemExit) as exited:
        migration.main(["--from", str(folder)])
    assert exited.value.code == 2 and "give --to URL or set STREAMBOT_DATABASE_URL" in capsys.readouterr().err


def test_the_command_prints_a_line_per_table_and_a_total(folder, url):
    done = subprocess.run(
        [sys.executable, "-m", "core.userdata.migrate", "--from", str(folder), "--to", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"From {folder} into PostgreSQL at 127.0.0.1:")
    assert lines[1:] == [
        f"{table} ({migration.WHAT[table]}): {rows} moved, 0 already there" for table, rows in ROWS.items()
    ] + ["total: 20 moved, 0 already there"]


def test_every_table_the_stores_keep_is_moved(tmp_path):
    """A table added to a store must be added to ``SOURCES`` too, or the command would skip it."""
    for store in STORES:
        store(tmp_path).close()
    for source in migration.SOURCES:
        with sqlite3.connect(tmp_path / source.file_name) as file:
            names = {name for (name,) in file.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names - {"schema_versions"} == set(source.tables)


def test_a_file_still_open_in_a_running_bot_moves_what_it_wrote(url, tmp_path):
    """Its latest rows may be in the write-ahead log only; the folder is not written to."""
    feedback = Feedback(tmp_path)
    feedback.record(ANA, "ns1", LIKE, "button")
    try:
        assert counts(migration.migrate(tmp_path, url))["feedback"] == (1, 0, 0)
    finally:
        feedback.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feedback.sqlite3"]


def test_a_file_from_an_older_version_moves_with_the_columns_it_lacks_defaulted(url, tmp_path):
    """Seen titles from before "✓ Seen" could be un-marked had no ``seen`` column: all were seen."""
    old = connect(tmp_path, None, "feedback.sqlite3")
    old.migrate("feedback", feedback_migrations)
    old.migrate("together", together_migrations[:1])
    old.execute("INSERT INTO seen (user_id, title_id, at) VALUES (?, 'ns1', ?)", (ANA, NOW))
    old.close()
    assert counts(migration.migrate(tmp_path, url))["seen"] == (1, 0, 0)
    together = Together(None, url)
    assert together.seen_by([ANA]) == {"ns1"}
    together.close()
