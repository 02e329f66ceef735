"""The neighbour search at scale: recall of the exact neighbours, build time and peak memory.

    python -m benchmarks.eval_neighbours [--source ../shared/datasets] [--factors 1 4 10]

1. recall at x1: the index search (``core.similar.neighbours``, forced below ``EXACT_UP_TO``) against
   all pairs (``core.similar.similarity.exact_neighbours``), per title: the share of the exact
   neighbour set found, the share of the first 5 / 10, and "value recall@k", the share of
   the k best similarity + bonus values matched (ties between equal titles do not count);
2. per factor, in a fresh child process each (so ``ru_maxrss`` is that build's alone):
   ``benchmarks.synthetic`` source N times the real one, ETL, ``Recommender.build``;
   prints titles, ETL and build seconds, and the process's peak RSS (ETL included).
Synthetic sources are written to /tmp/source-xN when missing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.synthetic import DEFAULT_SOURCE, write_synthetic_source


def recall_table(source: Path) -> dict:
    from core.etl import build_catalogue
    from core.recommender import PER_PLATFORM
    from core.search.titles import series_keys
    from core.similar.neighbours import indexed_neighbours
    from core.similar.similarity import exact_neighbours, rating_bonus, title_features

    catalogue = build_catalogue(source)
    features = title_features(catalogue, series_keys(catalogue["display_title"].tolist()))
    platforms, bonus = catalogue["platform"].to_numpy(), rating_bonus(catalogue)
    timings, results = {}, {}
    for name, search in (("exact", exact_neighbours), ("index", indexed_neighbours)):
        started = time.perf_counter()
        results[name] = search(features, platforms, bonus, PER_PLATFORM)
        timings[name] = time.perf_counter() - started
    return {"titles": len(catalogue), "seconds": timings, **recall(results["index"], results["exact"], bonus)}


def recall(found, exact, bonus) -> dict:
    (ours, our_sims), (theirs, their_sims) = found, exact
    pairs = list(zip(ours.tolist(), theirs.tolist(), strict=True))
    figures = {"set recall": sum(len(set(a) & set(b)) for a, b in pairs) / theirs.size}
    for k in (5, 10):
        figures[f"recall@{k}"] = sum(len(set(a[:k]) & set(b[:k])) for a, b in pairs) / (k * len(pairs))
    our_values = np.sort(our_sims + bonus[ours], axis=1)[:, ::-1]
    exact_values = np.sort(their_sims + bonus[theirs], axis=1)[:, ::-1]
    for k in (5, 25, theirs.shape[1]):
        matched = our_values[:, :k] >= exact_values[:, :k] - 1e-5
        figures[f"value recall@{k}"] = float(matched.mean())
    return figures


def child(source: str) -> None:
    """One build, the way the bot's retrain job does it; prints one JSON line."""
    from core.etl import build_catalogue
    from core.recommender import Recommender

    started = time.perf_counter()
    catalogue = build_catalogue(source)
    etl = time.perf_counter() - started
    started = time.perf_counter()
    Recommender.build(catalogue)
    build = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"titles": len(catalogue), "etl": etl, "build": build, "peak_mib": peak}))


def scale_row(source: Path, factor: int) -> dict:
    enlarged = source if factor == 1 else Path(f"/tmp/source-x{factor}")
    if not (enlarged / "titles").is_dir():
        write_synthetic_source(source, enlarged, factor)
    command = [sys.executable, "-m", "benchmarks.eval_neighbours", "--child", str(enlarged)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_neighbours")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--factors", type=int, nargs="*", default=[1, 4, 10])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)

    table = recall_table(args.source)
    seconds = table.pop("seconds")
    print(f"x1, {table.pop('titles')} titles: index search against all pairs "
          f"({seconds['index']:.1f} s against {seconds['exact']:.1f} s)")  # fmt: skip
    for name, value in table.items():
        print(f"  {name:<20}{value:.4f}")
    print(f"\n{'factor':>6}{'titles':>10}{'ETL (s)':>9}{'build (s)':>11}{'peak RSS (MiB)':>16}")
    for factor in args.factors:
        row = scale_row(args.source, factor)
        print(
            f"{factor:>6}{row['titles']:>10}{row['etl']:>9.1f}{row['build']:>11.1f}{row['peak_mib']:>16.0f}"
        )


if __name__ == "__main__":
    main()
