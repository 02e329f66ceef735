"""Learn the re-ranker from likes and dislikes, judge it on newer feedback, publish if not worse.

    run_retrain("data/processed")    # in the bot: a child process, returns its outcome dict
    python -m core.personal.training --data-dir data/processed [--min-examples 200]   # by hand

Training data (``training_examples``): every signal whose user liked something earlier is
one example. Its features are ``core.personal.reranker.FEATURES`` between the title and each of the
user's most recent earlier likes (at most ``MAX_ANCHORS``), averaged; its label is whether
the user liked the title. Only earlier likes count, so an example never sees the future.

Judging (``judge``): a time-based hold-out, the newest ``HOLDOUT_SHARE`` of the signals.
The candidate is trained on the older ones and scored on the newer (``metrics``), beside the
model being served (the identity: plain similarity order) on the very same examples. The gate
(``refusal``) publishes only a candidate that is not worse (AUC, NDCG@5), beats chance with confidence
and learned something from its own training data (a likelihood-ratio test that random,
poisoned labels fail). A refused or skipped retrain leaves the served model as it is. The
served model may have learned from part of today's hold-out (it was trained on older
feedback, some of it now among the newest 20 %): that only makes the gate stricter.

Training imports scikit-learn, which the serving process must never load (memory budget):
the bot calls ``run_retrain``, which runs ``retrain`` in a child process as catalogue
builds run (``core.snapshot.child``). This module imports scikit-learn only inside ``train``.
"""

from __future__ import annotations

import argparse
import array
import json
import logging
import math
import os
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from core.personal import registry
from core.personal.reranker import FEATURES, MAX_ANCHORS, PairContext, Reranker, pair_features
from core.snapshot.child import exit_with_parent, run_child
from core.userdata.feedback import LIKE, Feedback, Signal

log = logging.getLogger(__name__)

HOLDOUT_SHARE = 0.2  # the newest signals, kept out of training to judge the models
MIN_EXAMPLES = 200  # training examples below which no model is trained
NDCG_CUTOFF = 5
AUC_SLACK = 0.001  # "not worse": differences this small are noise between two retrains
NDCG_SLACK = 0.01  # per-user NDCG moves more between retrains than AUC
# Likelihood-ratio statistic over the intercept-only model, chi-squared with one degree of
# freedom per feature when the labels carry no signal: 29.6 is its 99.9th percentile.
MIN_LIKELIHOOD_RATIO = 29.6
RETRAIN_TIME_LIMIT_SECONDS = 10 * 60
DATABASE_URL = "STREAMBOT_DATABASE_URL"  # the child's ratings in PostgreSQL (bot.config)
PAIRS_PER_CHUNK = 1_000_000  # pair features computed at once: ~80 MB

_running = threading.Lock()


@dataclass
class Examples:
    """One row per signal that had earlier likes to compare with."""

    features: np.ndarray  # (n, len(FEATURES)), mean pair features over the anchors
    labels: np.ndarray  # (n,) 1 liked, 0 disliked
    users: np.ndarray  # (n,) who said it, for per-user ranking metrics

    def __len__(self) -> int:
        return len(self.labels)


# ---- examples -------------------------------------------------------------------------------
def training_examples(pairs: PairContext, signals) -> Examples:
    """An example for each signal (oldest first) whose user liked a title before it: the
    features averaged over that user's ``MAX_ANCHORS`` most recent earlier likes, label =
    liked. Titles no longer in the catalogue are skipped, as anchors and as examples."""
    return _examples(pairs, [(signal, True) for signal in signals])


def _examples(pairs: PairContext, tagged: list[tuple[Signal, bool]]) -> Examples:
    """Examples for the signals tagged True; the others only lend their likes as anchors."""
    row_of = pairs.recommender.row_of
    anchors, candidates, example_of = array.array("q"), array.array("q"), array.array("q")
    labels, users = array.array("b"), array.array("q")
    recent: dict[int, deque] = {}
    for signal, wanted in sorted(tagged, key=lambda pair: pair[0].at):
        row = row_of.get(signal.title_id)
        if row is None:
            continue
        likes = recent.get(signal.user_id)
        if wanted and likes:
            anchors.extend(likes)
            candidates.extend([row] * len(likes))
            example_of.extend([len(labels)] * len(likes))
            labels.append(signal.value == LIKE)
            users.append(signal.user_id)
        if signal.value == LIKE:
            recent.setdefault(signal.user_id, deque(maxlen=MAX_ANCHORS)).append(row)
    features = _mean_per_example(pairs, anchors, candidates, example_of, len(labels))
    return Examples(features, np.asarray(labels, dtype=np.int8), np.asarray(users, dtype=np.int64))


def _mean_per_example(pairs: PairContext, anchors, candidates, example_of, n: int) -> np.ndarray:
    """Pair features summed per example a chunk of pairs at a time, then averaged: all pairs
    at once would be ~800 MB for a million signals."""
    anchors, candidates = np.frombuffer(anchors, np.int64), np.frombuffer(candidates, np.int64)
    example_of = np.frombuffer(example_of, np.int64)
    sums = np.zeros((n, len(FEATURES)))
    for start in range(0, len(anchors), PAIRS_PER_CHUNK):
        part = slice(start, start + PAIRS_PER_CHUNK)
        found = pair_features(pairs, anchors[part], candidates[part])
        for column in range(len(FEATURES)):
            sums[:, column] += np.bincount(example_of[part], weights=found[:, column], minlength=n)
    counts = np.bincount(example_of, minlength=n)
    return sums / np.maximum(counts, 1)[:, None]


def split_by_time(signals, holdout_share: float = HOLDOUT_SHARE) -> tuple[list[Signal], list[Signal]]:
    """(older, newest ``holdout_share``) of the signals by time."""
    ordered = sorted(signals, key=lambda signal: signal.at)
    cut = len(ordered) - int(round(len(ordered) * holdout_share))
    return ordered[:cut], ordered[cut:]


# ---- training -------------------------------------------------------------------------------
def train(examples: Examples) -> Reranker:
    """A logistic regression on standardised features, the standardisation folded into the
    weights so serving is one dot product on raw features. ValueError when the examples
    hold only likes or only dislikes. ``metrics["training"]`` records the training size and
    the likelihood-ratio statistic the gate checks."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    labels = examples.labels
    if len(np.unique(labels)) < 2:
        raise ValueError("the feedback holds only likes or only dislikes: nothing to tell apart")
    scaler = StandardScaler().fit(examples.features)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(scaler.transform(examples.features), labels)
    weights = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - weights @ scaler.mean_)
    reranker = Reranker(weights, intercept, version="candidate")
    reranker.metrics = {"training": training_summary(reranker, examples)}
    return reranker


def training_summary(reranker: Reranker, examples: Examples) -> dict:
    """Size, like rate and the likelihood-ratio statistic 2 (log L(model) - log L(rate alone)):
    about len(FEATURES) when the labels are noise, hundreds when they follow the features."""
    labels = examples.labels
    rate = float(labels.mean())
    fitted = _log_likelihood(labels, reranker.probabilities(examples.features))
    alone = _log_likelihood(labels, np.full(len(labels), rate))
    return {
        "examples": len(labels),
        "like_rate": round(rate, 4),
        "likelihood_ratio": round(2 * (fitted - alone), 2),
    }


def _log_likelihood(labels: np.ndarray, probabilities: np.ndarray) -> float:
    p = np.clip(probabilities, 1e-12, 1 - 1e-12)
    return float(np.sum(np.where(labels == 1, np.log(p), np.log1p(-p))))


# ---- judging --------------------------------------------------------------------------------
def holdout_examples(pairs: PairContext, history_signals, holdout_signals) -> Examples:
    """Examples for the hold-out signals only: each has the user's earlier likes as anchors,
    whether those are in the history or earlier in the hold-out."""
    tagged = [(s, False) for s in history_signals] + [(s, True) for s in holdout_signals]
    return _examples(pairs, tagged)


def metrics(reranker: Reranker, examples: Examples) -> dict:
    """The re-ranker on hold-out ``examples``: {"auc", "auc_low", "ndcg@5", "examples", "users"}.

    AUC: how often a liked title scores above a disliked one, over all examples
    (``auc_low``: its 95 % lower bound). NDCG@5: per user whose hold-out holds both likes
    and dislikes, their hold-out titles ranked by score (liked = 1, disliked = 0), averaged
    over those ``users``. Two models judged on the same examples share the work of building them."""
    scores = reranker.probabilities(examples.features)
    auc, auc_low = roc_auc(examples.labels, scores)
    ndcg, users = mean_ndcg(examples.users, examples.labels, scores, NDCG_CUTOFF)
    return {"auc": auc, "auc_low": auc_low, "ndcg@5": ndcg, "examples": len(examples), "users": users}


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> tuple[float | None, float | None]:
    """Mann-Whitney AUC with ties counted half, and its 95 % lower bound (Hanley-McNeil);
    (None, None) without both likes and dislikes."""
    positive = labels == 1
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if n_pos == 0 or n_neg == 0:
        return None, None
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    average_rank = np.cumsum(counts) - (counts - 1) / 2  # 1-based; tied scores share their mean rank
    ranks = average_rank[inverse]
    auc = float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
    q1, q2 = auc / (2 - auc), 2 * auc * auc / (1 + auc)
    variance = (auc * (1 - auc) + (n_pos - 1) * (q1 - auc**2) + (n_neg - 1) * (q2 - auc**2)) / (n_pos * n_neg)
    return round(auc, 4), round(auc - 1.96 * math.sqrt(max(variance, 0.0)), 4)


def mean_ndcg(users: np.ndarray, labels: np.ndarray, scores: np.ndarray, k: int) -> tuple[float | None, int]:
    """Mean NDCG@k over users whose examples mix likes and dislikes, and how many they are.
    Equal scores are ordered by a fixed random draw, the same for every model, so a model
    that cannot tell titles apart gets chance, not the order the signals came in."""
    tie_break = np.random.default_rng(0).random(len(users))
    order = np.lexsort((tie_break, -scores, users))
    users, labels = users[order], labels[order].astype(np.float64)
    starts = np.flatnonzero(np.r_[True, users[1:] != users[:-1]])
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    values = []
    for start, end in zip(starts, np.r_[starts[1:], len(users)], strict=True):
        ranked = labels[start:end]
        if 0 < ranked.sum() < len(ranked):
            ideal = np.sort(ranked)[::-1][:k] @ discounts[: min(k, len(ranked))]
            values.append(ranked[:k] @ discounts[: min(k, len(ranked))] / ideal)
    return (round(float(np.mean(values)), 4) if values else None), len(values)


def refusal(candidate: dict, serving: dict) -> str:
    """The gate: why the candidate must not be published, "" when it may. It may only if, on
    the same hold-out, it is not worse than the served model (AUC within ``AUC_SLACK``,
    NDCG@5 within ``NDCG_SLACK``), it beats chance with confidence (AUC's 95 % lower bound
    above 0.5), and, when its training statistics are given, it learned something
    (likelihood ratio ``MIN_LIKELIHOOD_RATIO``)."""
    if candidate.get("auc") is None or candidate.get("ndcg@5") is None:
        return "the hold-out cannot rank: it needs likes and dislikes, some users with both"
    evidence = candidate.get("training", {}).get("likelihood_ratio")
    if evidence is not None and evidence < MIN_LIKELIHOOD_RATIO:
        return (
            f"no evidence the labels follow the features (likelihood ratio {evidence:g} < "
            f"{MIN_LIKELIHOOD_RATIO:g}): random labels look like this"
        )
    if candidate.get("auc_low") is not None and candidate["auc_low"] <= 0.5:
        return f"no better than chance on the hold-out (AUC {candidate['auc']:.3f}, lower bound ≤ 0.5)"
    if serving.get("auc") is not None and candidate["auc"] < serving["auc"] - AUC_SLACK:
        return f"AUC {candidate['auc']:.4f} < serving {serving['auc']:.4f}"
    if serving.get("ndcg@5") is not None and candidate["ndcg@5"] < serving["ndcg@5"] - NDCG_SLACK:
        return f"NDCG@5 {candidate['ndcg@5']:.4f} < serving {serving['ndcg@5']:.4f}"
    return ""


# ---- one retrain ----------------------------------------------------------------------------
def judge(
    pairs: PairContext, signals, serving: Reranker, min_examples: int = MIN_EXAMPLES
) -> tuple[Reranker | None, dict]:
    """Train a candidate on the older signals and judge it beside ``serving`` on the newest.

    Returns (the candidate if it passed the gate, else None; an outcome as ``retrain``'s,
    "passed" standing for "published")."""
    history, holdout = split_by_time(signals)
    clock = time.monotonic()
    train_set = training_examples(pairs, history)
    base = {"signals": len(signals), "training_examples": len(train_set), "version": serving.version}
    if history:
        base["trained_until"] = history[-1].at  # the newest signal the candidate learned from
    if len(train_set) < min_examples:
        detail = f"{len(train_set)} training examples from {len(signals)} signals; {min_examples} needed"
        return None, {**base, "outcome": "skipped", "detail": detail}
    try:
        candidate = train(train_set)
    except ValueError as exc:
        return None, {**base, "outcome": "skipped", "detail": str(exc)}
    trained = time.monotonic() - clock
    holdout_set = holdout_examples(pairs, history, holdout)
    if len(holdout_set) < max(1, min_examples // 4):
        detail = f"{len(holdout_set)} hold-out examples; {max(1, min_examples // 4)} needed to judge a model"
        return None, {**base, "outcome": "skipped", "detail": detail}
    found = {
        **base,
        "holdout_examples": len(holdout_set),
        "training_seconds": round(trained, 2),
        "metrics": {**metrics(candidate, holdout_set), **candidate.metrics},
        "serving_metrics": metrics(serving, holdout_set),
    }
    reason = refusal(found["metrics"], found["serving_metrics"])
    if reason:
        return None, {**found, "outcome": "refused", "detail": reason}
    candidate.metrics = found["metrics"]
    return candidate, {**found, "outcome": "passed", "detail": _improvement(found)}


def _improvement(found: dict) -> str:
    new, old = found["metrics"], found["serving_metrics"]
    return (
        f"AUC {old['auc']} -> {new['auc']}, NDCG@5 {old['ndcg@5']} -> {new['ndcg@5']} "
        f"on {found['holdout_examples']} hold-out examples"
    )


def retrain(data_dir, min_examples: int = MIN_EXAMPLES, database_url: str | None = None) -> dict:
    """Retrain from ``data_dir``'s current catalogue and feedback; publish if the gate agrees.

    Returns {"outcome": "published" | "refused" | "skipped", "version" (served afterwards),
    "metrics" (candidate), "serving_metrics", "detail", sizes and "seconds"}. Imports
    scikit-learn: run it in a child process (``run_retrain``) from the bot."""
    clock = time.monotonic()
    pairs = load_pair_context(data_dir)
    signals = read_signals(data_dir, database_url)
    serving, _ = registry.current(data_dir)
    candidate, outcome = judge(pairs, signals, serving, min_examples)
    if candidate is not None:
        meta = {
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "catalogue": pairs.recommender.version,
            "replaced": serving.version,
            **{key: outcome[key] for key in ("signals", "training_examples", "holdout_examples")},
            **{
                key: outcome[key]
                for key in ("trained_until", "training_seconds", "metrics", "serving_metrics")
            },
        }
        outcome["version"] = registry.publish(data_dir, candidate, meta)
        outcome["outcome"] = "published"
    outcome["seconds"] = round(time.monotonic() - clock, 2)
    return outcome


def load_pair_context(data_dir) -> PairContext:
    """The current snapshot's pair features context, built as the serving snapshot builds it."""
    from core.recommender import Recommender
    from core.snapshot.files import current_dir, load_catalogue

    folder = current_dir(data_dir)
    catalogue = load_catalogue(folder)
    return PairContext.build(Recommender.load(folder, catalogue), catalogue)  # never rewrites a snapshot


def read_signals(data_dir, database_url: str | None = None) -> list[Signal]:
    """Every rating, from ``data_dir``'s SQLite file or from PostgreSQL at ``database_url``."""
    feedback = Feedback(data_dir, database_url)
    try:
        return list(feedback.all())
    finally:
        feedback.close()


# ---- in a child process ---------------------------------------------------------------------
def run_retrain(
    data_dir,
    *,
    min_examples: int = MIN_EXAMPLES,
    timeout: float = RETRAIN_TIME_LIMIT_SECONDS,
    database_url: str | None = None,
) -> dict:
    """``retrain`` in a child process (scikit-learn and the training peak stay out of this
    one); its outcome dict, or {"outcome": "failed" | "busy", "detail"}. Never raises for a
    failed retrain. Blocks until the child ends: call it from a worker thread. The child
    dies with this process (its stdin is a pipe only we hold) and is killed after ``timeout``."""
    if not _running.acquire(blocking=False):
        return {"outcome": "busy", "detail": "another retrain is running"}
    try:
        arguments = ["--data-dir", str(Path(data_dir).resolve()), "--min-examples", str(min_examples)]
        # The URL may hold a password: the child reads it from its environment, not its arguments.
        environment = {DATABASE_URL: database_url} if database_url else None
        return run_child(
            "core.personal.training", arguments, job="retrain", time_limit=timeout, environment=environment
        )
    finally:
        _running.release()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m core.personal.training", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--data-dir", default="data/processed")
    parser.add_argument("--min-examples", type=int, default=MIN_EXAMPLES)
    parser.add_argument("--die-with-parent", action="store_true", help="exit when stdin closes")
    args = parser.parse_args(argv)
    if args.die_with_parent:
        exit_with_parent()
    try:
        outcome = retrain(args.data_dir, args.min_examples, os.environ.get(DATABASE_URL) or None)
    except Exception as exc:  # one JSON answer whatever happened: the bot reports it
        log.exception("the retrain failed")
        outcome = {"outcome": "failed", "detail": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(outcome, ensure_ascii=False))
    return 0 if outcome["outcome"] != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
