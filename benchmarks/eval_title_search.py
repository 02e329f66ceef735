"""Title search through the indexes against the exhaustive scan: answers, agreement and latency.

    python -m benchmarks.eval_title_search [--factor 1 4 10] [--source ../shared/datasets]
                                           [--queries-per-set 200] [--disagreements]

``TitleResolver`` (candidates from ``core.search.index``) and ``ExhaustiveTitleResolver`` (the
same scoring on candidates from a scan of every key) answer the same queries, made with a fixed
seed from the real catalogue's titles (normalised keys):

- typo: one dropped, doubled, swapped or mistyped (keyboard neighbour) letter; typos that
  spell another title are skipped;
- missing word / extra word: a significant word of a 3+ word title dropped; "movie", "film",
  "series", "show" or "full" added at the end;
- partial: the first two or three words of a 5+ word title (any title starting with them is right);
- spanish article: "el", "la", "los" or "las" before the title, replacing "the";
- absent: two or three words of the titles' vocabulary that no title reads as (right = not
  confident).

Figures per set: top-1 accuracy and the confident share for each resolver; "agree" = the same
top title, "same conf" = the same confident/unsure decision. "Confident" is judged on keys with
the title policy's score rules (``core.understanding.policy``: ``clear_winner``, score 88+, 4
points clear or exact, and not ``reads_differently``). Then, for each factor (``benchmarks.synthetic`` catalogues, written
to /tmp/source-xN when missing): index build time and size, and search p50/p99 (normalise +
search, 5 answers, best of 3 runs per query) for both resolvers over the same queries.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from benchmarks.measure import percentile
from core.search.titles import (
    STOPWORDS,
    ExhaustiveTitleResolver,
    TitleResolver,
    normalise,
)
from core.understanding.policy import clear_winner, reads_differently

KEYBOARD = {
    c: n for c, n in zip(
        "qwertyuiopasdfghjklzxcvbnm",
        ["wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "awdx", "sefc", "drgv",
         "fthb", "gyjn", "hukm", "jil", "kp", "asx", "zdc", "xfv", "cgb", "vhn", "bjm", "nk"],
        strict=True,
    )
}  # fmt: skip
EXTRA_WORDS = ("movie", "film", "series", "show", "full")
SPANISH_ARTICLES = ("el", "la", "los", "las")
SETS = ("typo", "missing word", "extra word", "partial", "spanish article", "absent")


def make_queries(keys: list[str], per_set: int, seed: int = 11) -> list[tuple[str, str, frozenset]]:
    """(set, query, accepted keys) triples; absent queries accept nothing."""
    rng = random.Random(seed)
    known = set(keys)
    eligible = [k for k in keys if sum(c.isalpha() for c in k) >= 4 and k.isascii()]
    makers = {
        "typo": lambda k: _typo(k, rng),
        "missing word": lambda k: _missing_word(k, rng),
        "extra word": lambda k: f"{k} {rng.choice(EXTRA_WORDS)}",
        "spanish article": lambda k: _spanish(k, rng),
    }
    queries = []
    for name, make in makers.items():
        for key in rng.sample(eligible, min(len(eligible), 4 * per_set)):
            query = make(key)
            if query and query not in known and len([q for q in queries if q[0] == name]) < per_set:
                queries.append((name, query, frozenset([key])))
    queries += _partials(keys, per_set, rng)
    queries += _absent(keys, per_set, rng)
    return queries


def _typo(key: str, rng: random.Random) -> str:
    i = rng.choice([i for i, c in enumerate(key) if c.isalpha()])
    kind = rng.choice(["drop", "double", "swap", "neighbour"])
    if kind == "drop":
        return key[:i] + key[i + 1 :]
    if kind == "double":
        return key[:i] + key[i] + key[i:]
    if kind == "swap" and i + 1 < len(key) and key[i + 1] != " ":
        return key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    return key[:i] + rng.choice(KEYBOARD.get(key[i], key[i])) + key[i + 1 :]


def _missing_word(key: str, rng: random.Random) -> str:
    words = key.split()
    significant = [i for i, w in enumerate(words) if w not in STOPWORDS and len(w) > 2]
    if len(words) < 3 or len(significant) < 3:
        return ""
    del words[rng.choice(significant)]
    return " ".join(words)


def _spanish(key: str, rng: random.Random) -> str:
    words = key.split()
    if words[0] in SPANISH_ARTICLES:
        return ""
    return " ".join([rng.choice(SPANISH_ARTICLES)] + (words[1:] if words[0] == "the" else words))


def _partials(keys: list[str], per_set: int, rng: random.Random) -> list[tuple[str, str, frozenset]]:
    long_keys = [k for k in keys if len(k.split()) >= 5]
    queries = []
    for key in rng.sample(long_keys, min(len(long_keys), per_set)):
        words = key.split()
        prefix = " ".join(words[: rng.choice([2, 3])])
        if len([w for w in prefix.split() if w not in STOPWORDS]) < 2:
            continue
        accepted = frozenset(k for k in keys if k == prefix or k.startswith(prefix + " "))
        queries.append(("partial", prefix, accepted))
    return queries


def _absent(keys: list[str], per_set: int, rng: random.Random) -> list[tuple[str, str, frozenset]]:
    vocabulary = sorted({w for k in keys for w in k.split() if len(w) >= 4 and w.isalpha()})
    known = {" ".join(sorted(k.split())) for k in keys}
    queries = []
    while len(queries) < per_set:
        query = " ".join(rng.sample(vocabulary, rng.choice([2, 3])))
        if " ".join(sorted(query.split())) not in known:
            queries.append(("absent", query, frozenset()))
    return queries


def confident(resolver, query: str, found: list[tuple[int, float]]) -> bool:
    """The title policy's score rule on keys: a clear winner that does not read differently."""
    return clear_winner(score for _, score in found) and not reads_differently(
        query, resolver.keys[found[0][0]]
    )


def answers(resolver, queries, repeats: int = 3) -> list[tuple[str, bool, float]]:
    """(top key, confident, seconds) per query; the best of ``repeats`` runs, since on a shared
    machine one run mostly measures the neighbours."""
    result = []
    for _, query, _ in queries:
        seconds = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            found = resolver.search(normalise(query), 5)
            seconds = min(seconds, time.perf_counter() - started)
        top = resolver.keys[found[0][0]] if found else ""
        result.append((top, confident(resolver, normalise(query), found), seconds))
    return result


def quality_table(queries, indexed, exhaustive) -> None:
    print(
        f"{'set':<16}{'n':>5}  {'top-1 scan/index':>17}  {'confident scan/index':>21}{'agree':>8}{'same conf':>10}"
    )
    for name in SETS:
        rows = [i for i, q in enumerate(queries) if q[0] == name]
        if not rows:
            continue

        def right(answer, accepted):
            top, sure, _ = answer
            return not sure if not accepted else top in accepted

        scan_ok = np.mean([right(exhaustive[i], queries[i][2]) for i in rows])
        index_ok = np.mean([right(indexed[i], queries[i][2]) for i in rows])
        scan_sure = np.mean([exhaustive[i][1] for i in rows])
        index_sure = np.mean([indexed[i][1] for i in rows])
        agree = np.mean([indexed[i][0] == exhaustive[i][0] for i in rows])
        same = np.mean([indexed[i][1] == exhaustive[i][1] for i in rows])
        print(
            f"{name:<16}{len(rows):>5}  {scan_ok:>8.1%}/{index_ok:<8.1%}  {scan_sure:>10.1%}/{index_sure:<10.1%}"
            f"{agree:>8.1%}{same:>10.1%}"
        )
    print("(absent: top-1 = not answered confidently)")


def disagreements(queries, indexed, exhaustive) -> None:
    for (name, query, _), (top, sure, _), (scan_top, scan_sure, _) in zip(
        queries, indexed, exhaustive, strict=True
    ):
        if (top, sure) != (scan_top, scan_sure):
            print(
                f"  [{name}] {query!r}: index {top!r}{' (sure)' * sure}, scan {scan_top!r}{' (sure)' * scan_sure}"
            )


def percentiles(seconds: list[float]) -> str:
    return f"p50 {percentile(seconds, 50) * 1e3:6.2f} ms  p99 {percentile(seconds, 99) * 1e3:6.2f} ms"


def catalogue_keys(source: Path, factor: int) -> list[str]:
    from benchmarks.synthetic import write_synthetic_source
    from core.etl import build_catalogue

    if factor > 1:
        enlarged = Path(f"/tmp/source-x{factor}")
        if not (enlarged / "titles").is_dir():
            write_synthetic_source(source, enlarged, factor)
        source = enlarged
    titles = build_catalogue(source)["display_title"]
    return np.unique(np.array([normalise(t) for t in titles], dtype=object)).tolist()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_title_search")
    parser.add_argument(
        "--factor", type=int, nargs="+", default=[1], help="catalogue sizes (benchmarks.synthetic)"
    )
    parser.add_argument("--source", default="../shared/datasets", help="the real source")
    parser.add_argument("--queries-per-set", type=int, default=200)
    parser.add_argument("--disagreements", action="store_true", help="list where index and scan differ")
    args = parser.parse_args(argv)
    queries = None
    for factor in args.factor:
        keys = catalogue_keys(Path(args.source), factor)
        queries = queries or make_queries(keys, args.queries_per_set)  # from the first (smallest) catalogue
        started = time.perf_counter()
        indexed_resolver = TitleResolver(keys)
        built = time.perf_counter() - started
        arrays = (indexed_resolver.grams.nbytes() + indexed_resolver.words.nbytes()) / 2**20
        exhaustive_resolver = ExhaustiveTitleResolver(keys)
        indexed = answers(indexed_resolver, queries)
        exhaustive = answers(exhaustive_resolver, queries)
        print(
            f"\nx{factor}: {len(keys)} keys; resolver built in {built:.2f} s, index arrays {arrays:.0f} MiB; "
            f"{len(queries)} queries"
        )
        print(
            f"search  index {percentiles([a[2] for a in indexed])}   scan {percentiles([a[2] for a in exhaustive])}"
        )
        quality_table(queries, indexed, exhaustive)
        if args.disagreements:
            disagreements(queries, indexed, exhaustive)
        del indexed_resolver, exhaustive_resolver
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
