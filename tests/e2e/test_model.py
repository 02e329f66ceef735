"""The learning loop through the loopback Bot API: an admin retrains the suggestions model,
/status shows which model serves, suggestions still come, and a rollback brings the previous
model back; a published model orders /recommend, a title's card, a poll and inline results alike."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.eval_reranker import synthetic_signals
from bot.text.render import esc
from core.personal import registry
from core.personal.reranker import FEATURES, Reranker
from core.suggest import suggest
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


# ---- one order everywhere ---------------------------------------------------------------------
def best_rated_first() -> Reranker:
    """A published model whose order is plainly not the recommender's: the best-rated first."""
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("candidate_prior")] = 8.0
    return Reranker(weights, 0.0, version="candidate")


@pytest.fixture(scope="module")
def tg_model(fixture_snapshot, tmp_path_factory):
    """The bot started on a data folder where a learned model is published."""
    data = tmp_path_factory.mktemp("model")
    registry.publish(data, best_rated_first(), {"training_examples": 1000})
    with FakeTelegram() as server, RunningBot(server, fixture_snapshot, data_dir=data):
        yield server


def in_order_of(text: str, titles: list[str]) -> list[str]:
    """``titles`` sorted by where ``text`` shows each in bold; all must be there."""
    return sorted(titles, key=lambda title: text.index(f"<b>{esc(title)}</b>"))


def test_a_published_model_orders_every_list_of_suggestions_alike(tg_model, fixture_snapshot):
    toy_story = fixture_snapshot.recommender.resolve("toy story")[0].id
    expected = suggest(fixture_snapshot, best_rated_first(), toy_story, 5)
    plain = suggest(fixture_snapshot, Reranker.identity(), toy_story, 5)
    assert [r.id for r in expected] != [r.id for r in plain]  # else this test could not fail
    titles = [r.title for r in expected]

    recommended = ask(tg_model, "/recommend toy story").params["text"]
    assert in_order_of(recommended, titles) == titles
    card = ask(tg_model, "/title toy story").params["text"]
    assert in_order_of(card, titles[:3]) == titles[:3] and titles[3] not in card
    poll = ask(tg_model, "/poll toy story", chat_type="supergroup", method="sendPoll")
    options = [o["text"] if isinstance(o, dict) else o for o in poll.params["options"]]
    assert len(options) == 5 and all(
        option.startswith(f"{esc(title)} (") for option, title in zip(options[1:], titles, strict=False)
    )
    mark = tg_model.mark()
    tg_model.inline_query("toy story")
    results = tg_model.wait_for("answerInlineQuery", after=mark, timeout=10).params["results"]
    suggested = [r["id"].removeprefix("r:") for r in results if r["id"].startswith("r:")]
    assert suggested[:5] == [r.id for r in expected]
