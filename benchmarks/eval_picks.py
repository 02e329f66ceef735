"""Do the first picks of common requests name titles people know? By mean rating, and by the
picks score (``core.questions.picks``).

    python -m benchmarks.eval_picks [--snapshot data/processed] [--show]

Each request in ``REQUESTS`` (written the way people ask, both languages) is read by the
understanding layer; its first ten titles (one per work) are ranked by the mean rating, as
``/top`` ranks them, and by the picks score, as a request in words is answered. A title is
known when ``benchmarks/known_titles.txt`` (hand-written, before the score) lists it or it is
in one of ``FRANCHISES``. Prints the share of known titles among the first ten, per request
and overall.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from core.questions.filters import Ranking
from core.search.titles import normalise, series_keys
from core.snapshot.store import load_snapshot

REQUESTS = [
    "recommend me a horror movie", "something good for tonight", "best comedies",
    "what should i watch on netflix", "good action movies", "kids movies", "a family movie for sunday",
    "top shows on disney+", "algo de terror para ver", "las mejores series", "peliculas de comedia en prime",
    "documentales buenos", "anime recommendations", "romantic movies", "series de drama en hulu",
    "sci fi movies", "qué veo hoy", "best thrillers on hulu", "crime shows", "movies for my 8 year old",
    "pelis infantiles en disney", "musicals", "war movies", "best movies of the 90s",
]  # fmt: skip
FRANCHISES = [
    "star wars", "star trek", "toy story", "frozen", "shrek", "pokemon", "power rangers", "naruto",
    "dragon ball", "x men", "lego", "barbie", "scooby doo", "transformers", "spider man", "batman",
    "avengers", "kung fu panda", "rocky", "indiana jones", "harry potter", "the lord of the rings",
    "the hunger games", "twilight", "mission impossible", "pirates of the caribbean", "cars",
    "ice age", "the simpsons", "marvel", "planet earth", "high school musical", "the chronicles of narnia",
    "jurassic", "alien", "ghostbusters", "the muppets", "winnie the pooh", "mickey", "tinker bell",
    "peppa pig", "paw patrol", "my little pony", "thomas friends", "sesame street", "the conjuring",
    "halloween", "friday the 13th", "a nightmare on elm street", "scream", "saw", "insidious",
    "paranormal activity", "the purge", "underworld", "resident evil", "fast furious", "james bond",
]  # fmt: skip
KNOWN = Path(__file__).with_name("known_titles.txt")


def known_titles() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines()
    return {normalise(line) for line in lines if line.strip() and not line.startswith("#")}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_picks")
    parser.add_argument("--snapshot", default="data/processed")
    parser.add_argument("--show", action="store_true", help="print each request's first ten titles")
    args = parser.parse_args(argv)
    snap = load_snapshot(Path(args.snapshot))
    table = snap.table
    titles = table.catalogue["display_title"].tolist()
    series = series_keys(titles)
    known, franchises = known_titles(), set(FRANCHISES)
    is_known = np.array(
        [normalise(t) in known or s in franchises for t, s in zip(titles, series, strict=True)], dtype=bool
    )
    totals = {ranking: [] for ranking in Ranking}
    print(f"{'request':<34}{'by mean rating':>16}{'picks score':>13}")
    for text in REQUESTS:
        q = snap.understanding.parse(text)
        shares = {}
        for ranking in Ranking:
            rows = table.best_first(table.mask(q.filters.but(ranking=ranking)), ranking)[:10]
            shares[ranking] = float(is_known[rows].mean()) if len(rows) else 0.0
            totals[ranking] += is_known[rows].tolist()
            if args.show:
                print(f"   {ranking.value:<6} {[titles[r] for r in rows]}")
        print(f"{text:<34}{shares[Ranking.SCORE]:>16.0%}{shares[Ranking.PICKS]:>13.0%}")
    print(
        f"{'all first tens':<34}{np.mean(totals[Ranking.SCORE]):>16.1%}{np.mean(totals[Ranking.PICKS]):>13.1%}"
    )


if __name__ == "__main__":
    main()
