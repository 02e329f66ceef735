"""Speed and memory of the recommender beside naive baselines.

    python -m benchmarks.bench_recommender [--snapshot data/processed] [--queries 400]

1. builds the model from the catalogue snapshot and saves it in a scratch folder (timed;
   the bot's data folder is left as it is);
2. in a fresh child process, the way the bot starts: loads catalogue + saved model, times
   resolve + recommend for every query (typos, natural queries, junk), reports resident
   memory (VmRSS, and the peak VmHWM) from /proc/self/status;
3. times the naive baselines on the same queries: WRatio ``extractOne`` over the raw titles
   plus description-only TF-IDF neighbours computed per query.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.eval_recommender import NATURAL, NO_MATCH, typo_queries
from benchmarks.measure import memory
from core.etl import load_catalogue
from core.recommender import Recommender


def queries(catalogue, n: int) -> list[str]:
    fixed = [q for q, _ in NATURAL] + NO_MATCH
    return fixed + [q for q, _ in typo_queries(catalogue, n=max(0, n - len(fixed)), seed=11)]


def percentiles(seconds: list[float]) -> str:
    ms = np.array(seconds) * 1000
    return (
        f"p50 {np.percentile(ms, 50):6.2f} ms   p99 {np.percentile(ms, 99):6.2f} ms   max {ms.max():6.2f} ms"
    )


def memory_now() -> dict:
    rss, peak = memory()
    return {"VmRSS": int(rss), "VmHWM": int(peak)}  # MiB


def child(snapshot: str, model_dir: str, n: int) -> None:
    """The bot's view: load everything from disk, answer queries; print one JSON line."""
    started = time.perf_counter()
    catalogue = load_catalogue(snapshot)
    model = Recommender.load(model_dir, catalogue)
    loaded = time.perf_counter() - started
    after_load = memory_now()
    texts = queries(catalogue, n)
    for text in texts[:20]:  # warm-up: first calls pay for lazy imports and caches
        model.resolve(text)
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        matches = model.resolve(text)
        if matches:
            model.recommend(matches[0].id, k=5)
        timings.append(time.perf_counter() - t0)
    print(
        json.dumps(
            {"load": loaded, "after_load": after_load, "after_queries": memory_now(), "timings": timings}
        )
    )


def naive_timings(catalogue, texts: list[str]) -> tuple[float, list[float]]:
    from rapidfuzz import fuzz, process
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    vectors = TfidfVectorizer(stop_words="english").fit_transform(catalogue["description"].fillna(""))
    built = time.perf_counter() - started
    titles = catalogue["title"].tolist()
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        best = process.extractOne(text, titles, scorer=fuzz.WRatio)
        if best:
            sims = (vectors[best[2]] @ vectors.T).toarray().ravel()
            np.argpartition(-sims, 6)[:6]
        timings.append(time.perf_counter() - t0)
    return built, timings


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_recommender")
    parser.add_argument("--snapshot", default="data/processed")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--model-dir", default=tempfile.mkdtemp(prefix="bench-recommender-"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        return child(args.snapshot, args.model_dir, args.queries)

    catalogue = load_catalogue(args.snapshot)
    started = time.perf_counter()
    model = Recommender.build(catalogue)
    built = time.perf_counter() - started
    started = time.perf_counter()
    model.save(args.model_dir)
    saved = time.perf_counter() - started
    del model

    command = [sys.executable, "-m", "benchmarks.bench_recommender", "--child"]
    command += ["--snapshot", args.snapshot, "--model-dir", args.model_dir, "--queries", str(args.queries)]
    bot = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    texts = queries(catalogue, args.queries)
    naive_built, naive = naive_timings(catalogue, texts)

    size = sum(
        (Path(args.model_dir) / name).stat().st_size
        for name in (
            "recommender.npz",
            "recommender.json",
            "recommender-neighbours.npy",
            "recommender-similarities.npy",
        )
    )
    print(f"catalogue {catalogue.attrs.get('version')}: {len(catalogue)} titles, {len(texts)} queries\n")
    print(f"{'':<34}{'ours':>12}{'naive':>12}")
    print(f"{'model build (s)':<34}{built:>12.2f}{naive_built:>12.2f}")
    print(f"{'model save (s) / size on disk (MB)':<34}{saved:>12.2f}{size / 1e6:>12.1f}")
    print(f"{'bot start: load catalogue+model (s)':<34}{bot['load']:>12.2f}")
    print(f"{'RSS after load (MiB)':<34}{bot['after_load']['VmRSS']:>12}")
    print(
        f"{'RSS after queries / peak (MiB)':<34}{bot['after_queries']['VmRSS']:>7} / {bot['after_queries']['VmHWM']}"
    )
    print("\nresolve + recommend per query")
    print(f"  ours   {percentiles(bot['timings'])}")
    print(f"  naive  {percentiles(naive)}   (WRatio extractOne + description TF-IDF per query)")


if __name__ == "__main__":
    main()
