"""The learned re-ranker (core.personal.reranker, core.personal.training) beside plain similarity.

    python -m benchmarks.eval_reranker [--snapshot data/processed] [--source ../shared/datasets]

Prints, on a time-based hold-out (the newest 20 % of the signals):
- the re-ranker's AUC and NDCG@5 beside plain similarity (the identity re-ranker);
- the gate's verdict on a model trained on random (poisoned) labels;
- the time to retrain on one million synthetic feedback rows (read from SQLite, examples,
  fit, and both models judged on the hold-out; the target is under a minute).

``report(pairs, signals)`` is the entry point ``benchmarks.eval_feedback`` calls with
its simulated users. Run alone, ``main`` makes its own: synthetic users with a hidden taste
for one or two canonical genres, shown titles the way the bot would (neighbours of what
they liked, some random ones), liking a title of their genres 80 % of the time and any
other 15 %.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time

import numpy as np

from core.personal.reranker import PairContext, Reranker
from core.personal.training import (
    holdout_examples,
    judge,
    metrics,
    read_signals,
    refusal,
    split_by_time,
    train,
    training_examples,
)
from core.userdata.feedback import DISLIKE, LIKE, Feedback, Signal

RETRAIN_ROWS = 1_000_000
RETRAIN_TARGET_SECONDS = 60
LIKE_IF_TASTE, LIKE_OTHERWISE = 0.8, 0.15
SHOWN_AS_NEIGHBOUR = 0.6  # share of shown titles that are neighbours of an earlier like


def report(pairs: PairContext, signals: list[Signal]) -> None:
    """Print the three figures for a catalogue's pair features and these signals (see the module doc)."""
    print(f"{len(signals):,} signals from {len({s.user_id for s in signals}):,} users")
    quality_table(pairs, signals)
    poisoned_gate(pairs, signals)
    retrain_time(pairs)


# ---- offline metrics ------------------------------------------------------------------------
def quality_table(pairs: PairContext, signals: list[Signal]) -> None:
    history, holdout = split_by_time(signals)
    clock = time.perf_counter()
    examples = training_examples(pairs, history)
    if len(set(examples.labels.tolist())) < 2:
        print(f"\nOnly {len(examples)} training examples, not both likes and dislikes: no model to compare")
        return
    candidate = train(examples)
    trained = time.perf_counter() - clock
    held_out = holdout_examples(pairs, history, holdout)
    print(f"\nHold-out: newest 20 % ({len(holdout):,} signals, {len(held_out):,} examples); "
          f"trained in {trained:.1f} s")  # fmt: skip
    print(f"{'model':<28}{'AUC':>8}{'AUC low':>9}{'NDCG@5':>9}{'users':>8}")
    found = {}
    for name, model in [("plain similarity", Reranker.identity()), ("learned re-ranker", candidate)]:
        found[name] = metrics(model, held_out)
        print(f"{name:<28}{_f(found[name]['auc']):>8}{_f(found[name]['auc_low']):>9}"
              f"{_f(found[name]['ndcg@5']):>9}{found[name]['users']:>8}")  # fmt: skip
    learned = {**found["learned re-ranker"], **candidate.metrics}
    verdict = refusal(learned, found["plain similarity"]) or "it would be published"
    print(f"gate against plain similarity: {verdict}")
    print(
        "weights: "
        + ", ".join(f"{n} {w:+.2f}" for n, w in zip(candidate.features, candidate.weights, strict=True))
    )


# ---- the gate -------------------------------------------------------------------------------
def poisoned_gate(pairs: PairContext, signals: list[Signal]) -> None:
    """Train on the older signals with their labels replaced by coin flips at the same like
    rate, judge on the genuine newer ones against plain similarity."""
    history, holdout = split_by_time(signals)
    rng = np.random.default_rng(1)
    rate = np.mean([s.value == LIKE for s in history]) if history else 0.5
    flips = rng.random(len(history)) < rate
    poisoned = [
        dataclasses.replace(s, value=LIKE if flip else DISLIKE)
        for s, flip in zip(history, flips, strict=True)
    ]
    candidate, outcome = judge(pairs, poisoned + holdout, Reranker.identity())
    found, serving = outcome.get("metrics", {}), outcome.get("serving_metrics", {})
    print("\nGate, model trained on random (poisoned) labels vs plain similarity:")
    print(f"  poisoned AUC {_f(found.get('auc'))}, NDCG@5 {_f(found.get('ndcg@5'))}, likelihood ratio "
          f"{found.get('training', {}).get('likelihood_ratio')}; plain similarity AUC {_f(serving.get('auc'))}, "
          f"NDCG@5 {_f(serving.get('ndcg@5'))}")  # fmt: skip
    verdict = "passed (the gate FAILED)" if candidate is not None else outcome["outcome"]
    print(f"  -> {verdict}: {outcome['detail']}")
    if found and serving:
        print(f"  refusal(poisoned, plain) = {refusal(found, serving) or 'none: it would be published'!r}")


# ---- retraining time ------------------------------------------------------------------------
def retrain_time(pairs: PairContext) -> None:
    """A retrain's work on RETRAIN_ROWS synthetic rows, as the child process does it (the
    snapshot load, ~1.5 s, aside)."""
    # Titles shown twice to a user collapse into one row (~2 %): make a few more, keep a million.
    signals = synthetic_signals(pairs.recommender, users=RETRAIN_ROWS // 48, per_user=50, seed=99)[
        :RETRAIN_ROWS
    ]
    with tempfile.TemporaryDirectory() as data_dir:
        store = Feedback(data_dir)
        store.record_many(signals)
        store.close()
        del signals
        clock = time.perf_counter()
        rows = read_signals(data_dir)
        read = time.perf_counter() - clock
    clock = time.perf_counter()
    _, outcome = judge(pairs, rows, Reranker.identity())
    judged = time.perf_counter() - clock
    total = read + judged
    verdict = "under" if total < RETRAIN_TARGET_SECONDS else "OVER"
    print(
        f"\nRetrain on {len(rows):,} feedback rows: {total:.1f} s ({verdict} the {RETRAIN_TARGET_SECONDS} s target)"
    )
    print(f"  read from SQLite {read:.1f} s; examples + fit {outcome.get('training_seconds', 0):.1f} s; "
          f"hold-out examples + judging both models {judged - outcome.get('training_seconds', 0):.1f} s")  # fmt: skip
    print(f"  {outcome.get('training_examples', 0):,} training examples, "
          f"{outcome.get('holdout_examples', 0):,} hold-out; outcome {outcome['outcome']}: {outcome['detail']}")  # fmt: skip


# ---- synthetic users ------------------------------------------------------------------------
def synthetic_signals(recommender, users: int = 3000, per_user: int = 40, seed: int = 13) -> list[Signal]:
    """Users with a hidden taste for one or two canonical genres, each shown ``per_user``
    titles in turn (a neighbour of an earlier like ``SHOWN_AS_NEIGHBOUR`` of the time,
    otherwise a random title), liking them by whether they are of their genres. A title
    shown twice keeps the latest word, as core.userdata.feedback does."""
    rng = np.random.default_rng(seed)
    taste = hidden_tastes(recommender.genre_mask, users, rng)
    rows = np.empty((per_user, users), dtype=np.int64)
    liked = np.empty((per_user, users), dtype=bool)
    likes = np.zeros((users, per_user), dtype=np.int64)  # each user's liked rows so far
    n_likes = np.zeros(users, dtype=np.int64)
    everyone = np.arange(users)
    for step in range(per_user):
        shown = shown_titles(recommender, likes, n_likes, rng)
        fits = (recommender.genre_mask[shown] & taste) != 0
        liked[step] = rng.random(users) < np.where(fits, LIKE_IF_TASTE, LIKE_OTHERWISE)
        rows[step] = shown
        likes[everyone[liked[step]], n_likes[liked[step]]] = shown[liked[step]]
        n_likes += liked[step]
    # Users start on different days and come back every few hours to days.
    at = (
        1.7e9
        + rng.uniform(0, 30 * 86400, users)
        + np.cumsum(rng.exponential(86400, (per_user, users)), axis=0)
    )
    latest: dict[tuple[int, str], Signal] = {}
    for step, user in zip(*np.unravel_index(np.argsort(at, axis=None), at.shape), strict=True):
        title = recommender.ids[rows[step, user]]
        value = LIKE if liked[step, user] else DISLIKE
        latest[(int(user), title)] = Signal(int(user), title, value, "simulation", float(at[step, user]))
    return sorted(latest.values(), key=lambda s: s.at)


def hidden_tastes(genre_mask: np.ndarray, users: int, rng) -> np.ndarray:
    """One or two genre bits per user, drawn as often as titles carry them."""
    bits = np.array([1 << i for i in range(63)], dtype=np.int64)
    counts = np.array([np.count_nonzero(genre_mask & bit) for bit in bits], dtype=np.float64)
    bits, weights = bits[counts > 0], counts[counts > 0] / counts.sum()
    first = rng.choice(bits, users, p=weights)
    second = np.where(rng.random(users) < 0.5, rng.choice(bits, users, p=weights), 0)
    return first | second


def shown_titles(recommender, likes: np.ndarray, n_likes: np.ndarray, rng) -> np.ndarray:
    users = len(n_likes)
    random_rows = rng.integers(0, len(recommender.ids), users)
    pick = (rng.random(users) * np.maximum(n_likes, 1)).astype(np.int64)
    seeds = likes[np.arange(users), pick]
    width = recommender.neighbours.shape[1]
    neighbours = recommender.neighbours[seeds, rng.integers(1, width, users)].astype(np.int64)
    use_neighbour = (n_likes > 0) & (rng.random(users) < SHOWN_AS_NEIGHBOUR)
    return np.where(use_neighbour, neighbours, random_rows)


def _f(value) -> str:
    return "-" if value is None else f"{value:.3f}"


# ---- running alone --------------------------------------------------------------------------
def load(args):
    """The catalogue and its pair features: the snapshot's if there is one, as
    benchmarks.eval_recommender does, else built from the source."""
    from core.etl import build_catalogue
    from core.recommender import Recommender, StaleModelError
    from core.snapshot.files import SnapshotError, current_dir, load_catalogue

    try:
        catalogue = load_catalogue(args.snapshot)
    except SnapshotError:
        catalogue = build_catalogue(args.source)
    try:
        recommender = Recommender.load(current_dir(args.snapshot), catalogue)
    except (OSError, ValueError, KeyError, StaleModelError):
        recommender = Recommender.build(catalogue)
    return catalogue, PairContext.build(recommender, catalogue)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_reranker")
    parser.add_argument("--snapshot", default="data/processed", help="catalogue snapshot (used if present)")
    parser.add_argument("--source", default="../shared/datasets", help="raw data, when there is no snapshot")
    parser.add_argument("--users", type=int, default=3000, help="synthetic users for the quality figures")
    parser.add_argument("--per-user", type=int, default=40, help="titles each synthetic user rates")
    args = parser.parse_args(argv)
    catalogue, pairs = load(args)
    print(f"catalogue {catalogue.attrs.get('version')}: {len(catalogue):,} titles")
    report(pairs, synthetic_signals(pairs.recommender, args.users, args.per_user))


if __name__ == "__main__":
    main()
