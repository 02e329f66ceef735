"""How well messages become catalogue questions: what is asked and every filter it states.

    python -m benchmarks.eval_questions [--cases benchmarks/questions_dev.tsv] [--failures] [--snapshot DIR]

The cases (``benchmarks/questions_*.tsv``) were written by someone who had not read the
understanding rules, in a label language of their own (the header of each file): what the
user wants back (``count``, ``list``, ``longest``, ``person``, ...) and the filters the message
states (platforms, years or a range, type, genres and exclusions, countries, a maturity band,
a person, a runtime, a score). A case is right when the answer kind and every filter equal the
labels: a filter the bot drops or invents is wrong, as a user would see it. Each message goes
through the code the bot uses (``Understanding.parse``, which routes "/command args" itself).

Figures: answer kind, filters, both (end to end), and the reply language (the language the
understanding layer says the message is in, English when it cannot tell), per language and
per category; parse p50/p99.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import percentile
from core.catalogue.title_types import TitleType

CASES = Path(__file__).with_name("questions_dev.tsv")
ANSWERS = {
    "count", "list", "longest", "shortest", "top_person", "person", "credits", "where", "absent_person", "unknown",
}  # fmt: skip
SET_KEYS = ("platform", "genre", "not_genre", "country", "rating")
# /score, /country and /rating answer with a number and the titles behind it: either label is right.
BOTH = "count+list"


@dataclass
class Case:
    line: int
    lang: str
    category: str
    text: str
    answer: str
    filters: dict


def load_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = (line.split("\t") + [""] * 5)[:5]
        lang, category, text, answer, filters = (p.strip() for p in parts)
        if answer not in ANSWERS:
            raise ValueError(f"{path.name}:{number}: unknown answer {answer!r}")
        cases.append(Case(number, lang, category, text, answer, parse_filters(filters)))
    return cases


def parse_filters(text: str) -> dict:
    """The label language -> comparable values (sets, (low, high) ranges, lowercase names)."""
    found: dict = {}
    for pair in text.split():
        for op in ("<=", ">=", "<", ">", "="):
            if op in pair:
                key, value = pair.split(op, 1)
                break
        else:
            raise ValueError(f"not a filter: {pair!r}")
        value = value.replace("_", " ")
        if key in SET_KEYS:
            # "+" joins several values, except in a label that ends with one ("18+", "13+")
            parts = [value] if re.fullmatch(r"[\w-]*\d\+", value) else value.split("+")
            found[key] = frozenset(v.strip().lower() for v in parts)
        elif key == "year":
            found[key] = _range(value)
        elif key == "band":
            band = 0 if value == "all" else int(value)
            found[key] = (None, band) if op == "<=" else (band, band) if op == "=" else (band, None)
        elif key in ("minutes", "seasons"):
            number = float(value)
            found[key] = {"<": (None, number - 1), "<=": (None, number), ">": (number + 1, None),
                          ">=": (number, None), "=": (number, number)}[op]  # fmt: skip
        elif key == "score":
            found[key] = float(value)
        elif key == "type":
            found[key] = TitleType.SHOW if value == "show" else TitleType(value)
        else:  # person, role, title
            found[key] = value.strip().lower()
    return found


def _range(value: str) -> tuple:
    if ".." not in value:
        return (int(value), int(value))
    low, high = value.split("..")
    return (int(low) if low else None, int(high) if high else None)


def observed(question, people) -> tuple[str, dict]:
    """The answer kind and filters a parsed question carries, in the label language."""
    from core.understanding import Intent

    kind = {
        Intent.COUNT: "count", Intent.COUNTRY: BOTH, Intent.RATING: BOTH, Intent.SCORE: BOTH,
        Intent.TOP: "list", Intent.LONGEST: "longest", Intent.ACTOR: "top_person", Intent.WHERE: "where",
        Intent.TITLE: "where", Intent.RECOMMEND: "list", Intent.PERSON: "person", Intent.CREDITS: "credits",
    }.get(question.intent, str(question.intent))  # fmt: skip
    if kind == "person" and question.filters.person is None:
        kind = "absent_person"
    if kind not in ANSWERS and kind != BOTH:
        kind = "unknown"
    filters = getattr(question, "filters", None)
    found = _from_filters(filters, people) if filters is not None else _from_fields(question)
    if kind == "longest" and getattr(question, "shortest", False):
        kind = "shortest"
    if getattr(question, "role", None):
        found["role"] = str(question.role)
    elif kind == "top_person":
        found["role"] = "cast"  # "who appears most" is answered from the cast
    if kind == "absent_person":
        who = question.person
        found.pop("person", None)
        found["person"] = who.text.lower() if who is not None else ""
    if kind in ("where", "credits") and question.title:
        found["title"] = question.title.lower()
    return kind, found


def _from_fields(q) -> dict:
    found: dict = {}
    if q.platform:
        found["platform"] = frozenset([q.platform])
    if q.year:
        found["year"] = (q.year, q.year)
    if q.type:
        found["type"] = str(q.type)
    if q.genre:
        found["genre"] = frozenset([q.genre])
    if q.country:
        found["country"] = frozenset([q.country])
    if q.rating:
        found["rating"] = frozenset([q.rating])
    if q.score is not None:
        found["score"] = q.score
    return found


def _from_filters(f, people) -> dict:
    found: dict = {}
    pairs = {"platform": f.platforms, "genre": f.genres, "not_genre": f.not_genres, "country": f.countries,
             "rating": f.ratings}  # fmt: skip
    found.update({key: frozenset(values) for key, values in pairs.items() if values})
    for key, span in (("year", f.years), ("band", f.bands), ("minutes", f.minutes), ("seasons", f.seasons)):
        if span is not None:
            found[key] = (_plain(span.low), _plain(span.high))
    if f.type:
        found["type"] = str(f.type)
    if f.person is not None:
        found["person"] = people.shown(f.person).lower()
    if f.role:
        found["role"] = str(f.role)
    if f.score_above is not None:
        found["score"] = f.score_above
    return found


def _plain(value):
    return None if value is None else int(value) if float(value).is_integer() else float(value)


def right_filters(case: Case, got: dict) -> bool:
    wanted = dict(case.filters)
    if case.answer in ("where", "credits"):
        title = wanted.pop("title", None)
        if title and not _same_title(title, got.get("title", "")):
            return False
    got = {k: v for k, v in got.items() if k != "title"}
    if case.answer == "top_person" and "role" not in wanted:
        wanted["role"] = "cast"  # "which actor…": the cast, as the bot answers by default
    if case.answer == "absent_person":
        return _same_title(wanted.pop("person", ""), got.pop("person", "")) and wanted == got
    return wanted == got


def _same_title(wanted: str, typed: str) -> bool:
    from core.search.titles import normalise

    return normalise(wanted) == normalise(typed) or normalise(wanted).startswith(normalise(typed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--snapshot", type=Path, default=Path("data/processed"))
    parser.add_argument("--source", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets"))
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    understanding, people = _understanding(args.snapshot, args.source)
    tally: dict = defaultdict(lambda: [0, 0, 0, 0, 0])  # cases, kind, filters, both, language
    times, failures = [], []
    for case in cases:
        understanding.forget_readings()  # the bot reads a new message afresh
        started = time.perf_counter()
        question = understanding.parse(case.text)
        times.append((time.perf_counter() - started) * 1000)
        kind, got = observed(question, people)
        kind_ok = kind == case.answer or kind == BOTH and case.answer in ("count", "list")
        filters_ok = right_filters(case, got)
        language_ok = (question.language or "en") == case.lang
        for key in ("all", f"lang {case.lang}", f"category {case.category}"):
            row = tally[key]
            row[0] += 1
            row[1] += kind_ok
            row[2] += filters_ok
            row[3] += kind_ok and filters_ok
            row[4] += language_ok
        if not (kind_ok and filters_ok):
            failures.append((case, kind, got))
    print(f"{args.cases.name}: {len(cases)} messages")
    print(f"{'':<24} {'n':>4} {'answer':>8} {'filters':>8} {'both':>8} {'language':>9}")
    for key in sorted(tally, key=lambda k: (k != "all", k)):
        n, kind, filters, both, language = tally[key]
        print(f"{key:<24} {n:>4} {kind / n:>8.1%} {filters / n:>8.1%} {both / n:>8.1%} {language / n:>9.1%}")
    print(f"parse p50 {percentile(times, 50):.2f} ms, p99 {percentile(times, 99):.2f} ms")
    if args.failures:
        for case, kind, got in failures:
            print(
                f"  line {case.line} [{case.lang}] {case.text!r}\n    want {case.answer} {case.filters}\n    got  {kind} {got}"
            )
    return 0


def _understanding(snapshot_dir: Path, source: str):
    """The understanding layer and people of the bot's snapshot (built from the source if needed)."""
    from core.etl import build_catalogue
    from core.questions.people import People
    from core.recommender import Recommender
    from core.understanding import Understanding

    catalogue = build_catalogue(source)
    recommender = Recommender.build(catalogue)
    people = People(catalogue)
    return Understanding.build(catalogue, recommender, people), people


if __name__ == "__main__":
    raise SystemExit(main())
