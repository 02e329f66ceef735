"""The learning loop through the loopback Bot API: an admin retrains the suggestions model,
/status shows which model serves, suggestions still come, and a rollback brings the previous
model back."""

from __future__ import annotations

import pytest

from benchmarks.eval_reranker import synthetic_signals
from core.personal import registry
from tests.e2e.test_commands import ask
from tests.support.running_bot import RunningBot
from tests.support.snapshot_helpers import published_copy, with_feedback
from tests.support.telegram_server import FakeTelegram

ADMIN, USER = 9100, 9101


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, fixture_snapshot):
    """A data folder holding the snapshot (the retraining child reads it) and feedback."""
    folder = published_copy(fixture_snapshot, tmp_path_factory.mktemp("data"))
    return with_feedback(folder, synthetic_signals(fixture_snapshot.recommender, users=300, per_user=30))


@pytest.fixture(scope="module")
def tg(fixture_snapshot, data_dir):
    with (
        FakeTelegram() as server,
        RunningBot(server, fixture_snapshot, data_dir=data_dir, admin_ids=frozenset({ADMIN})),
    ):
        yield server


def edited_after(tg, mark):
    return tg.wait_for("editMessageText", lambda c: c.params["chat_id"] == ADMIN, after=mark, timeout=120)


def test_a_model_is_published_served_and_rolled_back(tg, data_dir):
    assert "plain similarity" in ask(tg, "/status", user_id=USER).params["text"]
    assert "Only the bot's admins" in ask(tg, "/model retrain", user_id=USER).params["text"]

    mark = tg.mark()
    ask(tg, "/model retrain", user_id=ADMIN)
    first = edited_after(tg, mark).params["text"]
    assert "published" in first, first
    version = registry.current_version(data_dir)
    assert version in first and version in ask(tg, "/status", user_id=USER).params["text"]
    assert "If you like <b>Toy Story</b>" in ask(tg, "/recommend toy story", user_id=USER).params["text"]

    mark = tg.mark()
    ask(tg, "/model retrain", user_id=ADMIN)
    second = edited_after(tg, mark).params["text"]
    assert "published" in second, second  # the same data again: an equally good model passes
    newer = registry.current_version(data_dir)
    assert newer != version and newer in ask(tg, "/status", user_id=USER).params["text"]
    rolled = ask(tg, "/model rollback", user_id=ADMIN).params["text"]
    assert f"<code>{version}</code>" in rolled
    assert registry.current_version(data_dir) == version
    assert version in ask(tg, "/status", user_id=USER).params["text"]


def test_rollback_with_nothing_earlier_says_so(tmp_path, fixture_snapshot):
    with (
        FakeTelegram() as server,
        RunningBot(server, fixture_snapshot, data_dir=tmp_path, admin_ids=frozenset({ADMIN})),
    ):
        assert "no earlier model" in ask(server, "/model rollback", user_id=ADMIN).params["text"]
