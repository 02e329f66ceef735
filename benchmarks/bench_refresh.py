"""Refresh on the full data: how long a check and a rebuild take, and what a refresh
costs the answers given meanwhile.

    python -m benchmarks.bench_refresh [--source ../shared/datasets] [--rounds 3]

A fresh data folder in a temporary directory gets a first snapshot; then
1. unchanged: Refresher.refresh() with nothing changed (a folder check, no rebuild);
2. rebuild: Refresher.refresh(force=True), the child build plus loading and swapping;
3. answers during it: a thread resolving and recommending a title every 5 ms, as the
   bot's handlers do, timed while idle and while a rebuild runs.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time

from benchmarks.measure import percentile
from core.snapshot.build import open_snapshot
from core.snapshot.refresh import Refresher
from core.snapshot.store import Store

QUERIES = ["toy story", "the office", "breaking bad", "moana", "narcos", "the crown"]


def answer_times(store: Store, stop: threading.Event) -> list[float]:
    times: list[float] = []
    i = 0
    while not stop.is_set():
        started = time.perf_counter()
        snap = store.current
        match = snap.recommender.resolve(QUERIES[i % len(QUERIES)], limit=5)[0]
        snap.recommender.recommend(match.id, k=5)
        times.append(time.perf_counter() - started)
        i += 1
        time.sleep(0.005)
    return times


def timed_answers(store: Store, during) -> tuple[list[float], object]:
    stop, result, times = threading.Event(), {}, []
    worker = threading.Thread(target=lambda: times.extend(answer_times(store, stop)))
    worker.start()
    result["value"] = during()
    stop.set()
    worker.join()
    return times, result["value"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", default="../shared/datasets")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        store = Store(open_snapshot(data, args.source))
        print(f"first snapshot (ETL + model, in-process): {time.perf_counter() - started:.1f} s")
        refresher = Refresher(store, data, args.source)

        checks = [refresher.refresh().seconds for _ in range(args.rounds)]
        print(f"unchanged check: median {sorted(checks)[len(checks) // 2] * 1e3:.0f} ms over {args.rounds}")

        idle, _ = timed_answers(store, lambda: time.sleep(10))
        rebuilds, during = [], []
        for _ in range(args.rounds):
            times, attempt = timed_answers(store, lambda: refresher.refresh(force=True))
            assert attempt.outcome == "updated", attempt.detail
            rebuilds.append(attempt.seconds)
            during += times
        print(f"rebuild and swap: median {sorted(rebuilds)[len(rebuilds) // 2]:.1f} s over {args.rounds}")
        for name, times in (("idle", idle), ("during rebuilds", during)):
            print(
                f"resolve+recommend {name}: {len(times)} answers, p50 {percentile(times, 50) * 1e3:.2f} ms, "
                f"p99 {percentile(times, 99) * 1e3:.2f} ms, max {max(times) * 1e3:.1f} ms"
            )


if __name__ == "__main__":
    main()
