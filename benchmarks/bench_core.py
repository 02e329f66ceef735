"""Benchmark of the catalogue core on the full data: ETL, snapshot load, queries.

    python -m benchmarks.bench_core [--source ../shared/datasets] [--calls 2000]

Prints the ETL time from the raw files, the snapshot load time, the index build
time, and each query's p50/p99 over random arguments beside the naive pandas filter
(tests/support/reference_queries.py) that the precomputed index replaces.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.measure import percentile
from core import queries
from core.catalogue.title_types import TitleType
from core.etl import load_catalogue, run_etl
from core.snapshot.files import write_snapshot
from tests.support import reference_queries as naive

REPO = Path(__file__).resolve().parents[1]


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def query_calls(cat, rng: random.Random, n: int):
    """``n`` random (name, indexed call, naive call) triples with valid arguments; the indexed
    calls answer from one prebuilt index, as the bot's snapshot does."""
    index = queries.CatalogueIndex(cat)
    platforms = ["amazon", "disney", "hulu", "netflix"]
    countries = ["united states", "india", "united kingdom", "canada", "japan", "france", "mexico"]
    ratings = sorted(set(cat["rating"]))
    makers = {
        "count_titles": lambda p, y, t, c, r: (
            lambda: queries.count_titles(index, p, y, t),
            lambda: naive.count_titles(cat, p, y, t),
        ),
        "max_duration": lambda p, y, t, c, r: (
            lambda: queries.max_duration(index, y, p, "min"),
            lambda: naive.max_duration(cat, y, p, "min"),
        ),
        "score_count": lambda p, y, t, c, r: (
            lambda: queries.score_count(index, p, 3.5, y),
            lambda: naive.score_count(cat, p, 3.5, y),
        ),
        "top_actor": lambda p, y, t, c, r: (
            lambda: queries.top_actor(index, p, y),
            lambda: naive.top_actor(cat, p, y),
        ),
        "count_by_country": lambda p, y, t, c, r: (
            lambda: queries.count_by_country(index, t, c, y),
            lambda: naive.count_by_country(cat, t, c, y),
        ),
        "count_by_rating": lambda p, y, t, c, r: (
            lambda: queries.count_by_rating(index, r),
            lambda: naive.count_by_rating(cat, r),
        ),
    }
    for name, make in makers.items():
        for _ in range(n):
            args = (
                rng.choice(platforms),
                rng.randint(1990, 2021),
                rng.choice(list(TitleType)),
                rng.choice(countries),
                rng.choice(ratings),
            )
            fast, slow = make(*args)
            yield name, fast, slow


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", default=str(REPO.parent / "shared" / "datasets"))
    parser.add_argument("--calls", type=int, default=2000, help="random calls per query")
    args = parser.parse_args()

    etl_times = timed(lambda: run_etl(args.source), 5)
    result = run_etl(args.source)
    with tempfile.TemporaryDirectory() as snapshot:
        write_snapshot(result.catalogue, result.quality, Path(snapshot))
        load_times = timed(lambda: load_catalogue(snapshot), 20)
        cat = load_catalogue(snapshot)
    index_times = timed(lambda: queries.CatalogueIndex(cat), 5)

    print(f"catalogue: {len(cat):,} titles from {args.source}")
    print(f"{'step':<28}{'median':>10}{'max':>10}")
    for name, samples in (
        ("ETL from raw files", etl_times),
        ("snapshot load", load_times),
        ("query index build", index_times),
    ):
        print(f"{name:<28}{statistics.median(samples) * 1e3:>8.0f}ms{max(samples) * 1e3:>8.0f}ms")

    fast: dict[str, list[float]] = {}
    slow: dict[str, list[float]] = {}
    for i, (name, indexed, plain) in enumerate(query_calls(cat, random.Random(1), args.calls)):
        fast.setdefault(name, []).extend(timed(indexed, 1))
        if i % 10 == 0:  # the naive filter is slow: a tenth of the calls is plenty
            slow.setdefault(name, []).extend(timed(plain, 1))
    print(f"\n{'query':<20}{'calls':>7}{'p50':>10}{'p99':>10}{'naive p50':>12}{'naive p99':>12}")
    for name in fast:
        f, s = fast[name], slow[name]
        print(
            f"{name:<20}{len(f):>7}{percentile(f, 50) * 1e6:>8.1f}us{percentile(f, 99) * 1e6:>8.1f}us"
            f"{percentile(s, 50) * 1e3:>10.2f}ms{percentile(s, 99) * 1e3:>10.2f}ms"
        )


if __name__ == "__main__":
    main()
