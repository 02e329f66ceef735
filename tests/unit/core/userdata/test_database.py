"""Schema migrations on both backends: versioned, run once when two replicas start at once, and
a step that fails leaves the schema as it was. Files from before versions were kept migrate."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from core.userdata.database import Step, UserDataError, connect
from core.userdata.feedback import FILE_NAME as FEEDBACK_FILE
from core.userdata.feedback import LIKE, Feedback

FIRST = Step("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL)")
SECOND = Step("CREATE TABLE notes (item BIGINT NOT NULL); INSERT INTO items (id, name) VALUES (1, 'first')")
BROKEN = Step("ALTER TABLE items ADD COLUMN colour TEXT; CREATE TABLE nonsense (")  # the second one fails


@pytest.fixture
def connection(place):
    opened = connect(place.data_dir, place.database, "test.sqlite3")
    yield opened
    opened.close()


def tables(connection) -> set[str]:
    if connection.engine == "sqlite":
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    return {name for (name,) in rows}


def columns(connection, table: str) -> set[str]:
    if connection.engine == "sqlite":
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    rows = connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
        (table,),
    )
    return {name for (name,) in rows}


def test_steps_run_once_in_order_and_a_reopen_runs_none(connection):
    assert connection.migrate("items", (FIRST,)) == 1
    assert connection.migrate("items", (FIRST, SECOND)) == 2
    assert connection.migrate("items", (FIRST, SECOND)) == 2  # the INSERT did not run twice
    assert connection.execute("SELECT id, name FROM items") == [(1, "first")]
    assert {"items", "notes", "schema_versions"} <= tables(connection)


def test_a_failing_step_leaves_the_schema_as_it_was(connection):
    connection.migrate("items", (FIRST, SECOND))
    with pytest.raises(
        UserDataError, match=r"items schema's migration to version 3 failed .*(?i:syntax|incomplete)"
    ):
        connection.migrate("items", (FIRST, SECOND, BROKEN))
    assert "colour" not in columns(connection, "items")  # its first statement was rolled back too
    assert connection.execute("SELECT version FROM schema_versions WHERE store = 'items'") == [(2,)]
    fixed = Step("ALTER TABLE items ADD COLUMN colour TEXT")
    assert connection.migrate("items", (FIRST, SECOND, fixed)) == 3 and "colour" in columns(
        connection, "items"
    )


def test_two_replicas_starting_at_once_migrate_once(place):
    """Each "replica" has its own connection; the steps are not idempotent (a second run of
    SECOND would fail on the table or insert the row twice)."""
    replicas = [connect(place.data_dir, place.database, "test.sqlite3") for _ in range(4)]
    start, failures = threading.Barrier(len(replicas)), []

    def boot(connection):
        start.wait()
        try:
            connection.migrate("items", (FIRST, SECOND))
        except Exception as exc:  # noqa: BLE001 (the test reports it)
            failures.append(exc)

    threads = [threading.Thread(target=boot, args=(c,)) for c in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    assert replicas[0].execute("SELECT COUNT(*) FROM items") == [(1,)]
    for connection in replicas:
        connection.close()


def test_a_ratings_file_from_before_versions_is_migrated_and_keeps_its_rows(tmp_path):
    with sqlite3.connect(tmp_path / FEEDBACK_FILE) as db:  # as the bot wrote it until now
        db.executescript(
            "CREATE TABLE feedback (user_id INTEGER NOT NULL, title_id TEXT NOT NULL,"
            " value INTEGER NOT NULL CHECK (value IN (-1, 1)), source TEXT NOT NULL, at REAL NOT NULL,"
            " PRIMARY KEY (user_id, title_id));"
            "CREATE INDEX feedback_by_time ON feedback (at);"
            "INSERT INTO feedback VALUES (1, 'ns1', 1, 'button', 5.0), (1, 'ns2', -1, 'command', 6.0);"
        )
    feedback = Feedback(tmp_path)
    assert feedback.of_user(1) == {"ns1": LIKE, "ns2": -1}
    assert feedback.cycle(1, "ns2") == 0 and feedback.of_user(1) == {"ns1": LIKE}  # 0 fits the new check
    feedback.close()
    again = Feedback(tmp_path)  # opening it again changes nothing
    assert again.of_user(1) == {"ns1": LIKE} and again.count() == 1
    again.close()
