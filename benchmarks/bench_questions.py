"""Speed of any combination of filters (``core.questions``), at today's size and larger.

    python -m benchmarks.bench_questions [--factor 1 10] [--questions 2000]

For each factor (a synthetic source N times the real one, ``benchmarks/synthetic.py``) it
builds the catalogue and its ``TitleTable``, then answers random questions: up to five
filters drawn from platforms (one or two), a year or a range, type, one or two genres, an
excluded genre, a country, a maturity band, a person, a runtime and a score; each answered as
a count, a page of ten, the longest and the person in most titles. It prints the table's
build time and p50/p99 per answer. Targets: p99 < 5 ms at x1, < 50 ms at x10.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from benchmarks.measure import percentile
from benchmarks.synthetic import DEFAULT_SOURCE, write_synthetic_source
from core.catalogue.genres import GENRE_IDS
from core.catalogue.platforms import PLATFORMS
from core.catalogue.title_types import TitleType
from core.etl import build_catalogue
from core.questions import answers
from core.questions.filters import Filters, Role, Span

COUNTRIES = ["united states", "india", "united kingdom", "japan", "south korea", "spain", "mexico", "france"]
PEOPLE = ["meryl streep", "steven spielberg", "adam sandler", "tom hanks", "shah rukh khan", "grey griffin"]


def random_filters(rng: random.Random, people) -> Filters:
    choices = {
        "platforms": lambda: frozenset(rng.sample(PLATFORMS, rng.choice([1, 2]))),
        "years": lambda: rng.choice(
            [Span.exactly(rng.randint(1990, 2021)), Span(1980, 1989), Span(2016, None)]
        ),
        "type": lambda: rng.choice(list(TitleType)),
        "genres": lambda: frozenset(rng.sample(GENRE_IDS, rng.choice([1, 2]))),
        "not_genres": lambda: frozenset([rng.choice(GENRE_IDS)]),
        "countries": lambda: frozenset([rng.choice(COUNTRIES)]),
        "bands": lambda: Span(None, rng.choice([0, 7, 13])),
        "person": lambda: rng.choice(people),
        "minutes": lambda: Span(None, 90),
        "score_above": lambda: 3.5,
    }
    chosen = rng.sample(list(choices), rng.randint(1, 5))
    return Filters(**{name: choices[name]() for name in chosen})


def source_for(factor: int) -> Path:
    if factor == 1:
        return DEFAULT_SOURCE
    out = Path(f"/tmp/streambot-questions-x{factor}")
    if not (out / "complete").exists():
        write_synthetic_source(DEFAULT_SOURCE, out, factor)
        (out / "complete").touch()
    return out


def run(factor: int, questions: int) -> None:
    from core.questions.table import TitleTable

    catalogue = build_catalogue(source_for(factor))
    started = time.perf_counter()
    table = TitleTable(catalogue)
    built = time.perf_counter() - started
    people = [p for p in map(table.people.find, PEOPLE) if p is not None]
    rng = random.Random(3)
    asked = [random_filters(rng, people) for _ in range(questions)]
    kinds = {
        "count": lambda f: answers.count(table, f),
        "page of 10": lambda f: answers.page(table, f, 0, 10),
        "longest": lambda f: answers.extreme(table, f, "min"),
        "top person": lambda f: answers.top_people(table, f, Role.CAST),
    }
    print(f"x{factor}: {len(catalogue):,} titles, {len(table.people):,} people; table built in {built:.2f} s")
    for name, answer in kinds.items():
        times = []
        for f in asked:
            t0 = time.perf_counter()
            answer(f)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"  {name:<11} p50 {percentile(times, 50):6.2f} ms   p99 {percentile(times, 99):6.2f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, nargs="+", default=[1])
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args(argv)
    for factor in args.factor:
        run(factor, args.questions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
