"""Rows and credits that stand for nothing a user could watch or name.

The platforms' files carry their own test and placeholder rows: Prime Video's "Title before 1C
onboarding - 5" (cast "1, 2, 3"), "Act 2 - Series 7" (cast "1"), "PrimeVideoQAMovie11 US"
(director "Test Director US", 0 min), Disney+'s one-minute "Coming to Disney+ in 2022" teasers
for titles not out yet. Their credits are junk ("1", "Test Actor 1"), as are a few values on
real rows ("Not Available", "various"). One rule, read by the people answers, by "the
longest/shortest title" and by the quality report, so they never disagree about a row.

The rule reads the ETL's lowercase columns (``title``, ``cast``, ``director``, ``description``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from core.snapshot.memory import arrow_strings

# A credit that names nobody: no letter at all ("1", "-", "?"), a stand-in for a missing value,
# or the platform's test crew ("test actor1 us", "tester", "test title", "test1").
STAND_INS = (
    r"unknown|not available|n/?a|none|various|tbd|tba|"
    r"test(?:er|\d*| actor ?\d*(?: us)?| director(?: us)?| title)|proddy prod prod"
)  # read by Arrow's RE2 and by Python's re alike
JUNK_CREDIT = rf"^(?:[^\pL]*|{STAND_INS})$"
NO_LETTER = r"^[^\pL]*$"
# Words only an internal test or onboarding row has in its title.
TEST_TITLE = re.compile(
    r"onboarding|\b1c\b|(?:^|_)test(?:_|\b.*target)|tombstone_test|tombstonetest|\bqa ?test|"
    r"primevideoqa|smoke test|curation testing|^image test$|multiple test|validation check|"
    r"^movie10[a-z]$|_project_un_"
)
# A teaser for a title not out yet: "Coming to Disney+ in 2022", "premieres on Disney+ summer 2022".
TEASER = re.compile(r"\bcoming (?:to [\w+ ]+ )?in (?:\w+ )?20\d\d|\bpremieres on .*\b20\d\d")
TEASER_MINUTES = 2  # a teaser is a clip, not the title it announces


def junk_credits(values: pyarrow.Array) -> pyarrow.Array:
    """True for each credit (lowercase, trimmed) that names nobody."""
    return pc.match_substring_regex(values, JUNK_CREDIT)


def is_junk_credit(name: str) -> bool:
    """``junk_credits`` for one name, as written or lowercase."""
    name = name.strip()
    return not any(c.isalpha() for c in name) or re.fullmatch(STAND_INS, name.lower()) is not None


def credited(value) -> list[str]:
    """The names in one credits cell ("Tom Hanks, Tim Allen"), without those that name nobody;
    [] for an empty cell."""
    if not isinstance(value, str):
        return []
    return [name.strip() for name in value.split(", ") if not is_junk_credit(name)]


def placeholder_rows(catalogue: pd.DataFrame) -> np.ndarray:
    """True for each row that is a test, onboarding or teaser entry rather than a title."""
    size = len(catalogue)
    if not size:
        return np.zeros(0, dtype=bool)
    credited = np.zeros(size, dtype=bool)
    named = np.zeros(size, dtype=bool)
    test_crew = np.zeros(size, dtype=bool)
    for column in ("cast", "director"):
        if column not in catalogue:
            continue
        lists = pc.split_pattern(arrow_strings(catalogue[column]), ", ")
        items = pc.utf8_lower(pc.utf8_trim_whitespace(pc.list_flatten(lists)))
        rows = pc.list_parent_indices(lists).to_numpy()
        letterless = pc.match_substring_regex(items, NO_LETTER).to_numpy(zero_copy_only=False)
        credited[rows] = True
        named[rows[~letterless]] = True
        test_crew[rows[_test_crew(items)]] = True
    # Credits given but not one letter in them ("1, 2, 3"): the onboarding rows. A stand-in such
    # as "various" is junk on a real row (PBS's "Trail of Tears") and leaves the row alone.
    nameless = credited & ~named
    title = _text(catalogue, "title", "display_title")
    test_title = np.fromiter((bool(TEST_TITLE.search(t)) for t in title), bool, size)
    teaser = np.zeros(size, dtype=bool)
    if {"duration_int", "duration_type"} <= set(catalogue.columns):
        description = _text(catalogue, "description", "display_description")
        minutes = catalogue["duration_int"].astype("float64").to_numpy()
        short = (catalogue["duration_type"].to_numpy(dtype=object) == "min") & (minutes <= TEASER_MINUTES)
        teaser = short & np.fromiter((bool(TEASER.search(d)) for d in description), bool, size)
    return nameless | test_crew | test_title | teaser


def _text(catalogue: pd.DataFrame, *columns: str) -> np.ndarray:
    """The first of ``columns`` the frame has, lowercase ("" for none: a hand-made frame in a
    test may carry only display columns, or neither)."""
    column = next((c for c in columns if c in catalogue), None)
    values = catalogue[column] if column else pd.Series("", index=catalogue.index)
    return values.fillna("").astype(str).str.lower().to_numpy(dtype=object)


def _test_crew(items: pyarrow.Array) -> np.ndarray:
    # The platform's test crew marks a test row (unlike "not available" on a real one).
    crew = pc.match_substring_regex(items, r"^test(?:er|\d+| actor ?\d*(?: us)?| director(?: us)?| title)$")
    return crew.to_numpy(zero_copy_only=False)


def report(catalogue: pd.DataFrame, placeholder: np.ndarray | None = None) -> dict:
    """The quality report's section: placeholder rows (per platform, with their ids and titles)
    and the junk credit values kept out of the people answers (value -> times)."""
    placeholder = placeholder_rows(catalogue) if placeholder is None else placeholder
    rows = catalogue.loc[placeholder, ["id", "platform", "display_title"]]
    junk: dict[str, int] = {}
    for column in ("cast", "director"):
        items = pc.utf8_trim_whitespace(
            pc.list_flatten(pc.split_pattern(arrow_strings(catalogue[column]), ", "))
        )
        found = items.filter(junk_credits(items))
        for value, n in _counts(found):
            junk[f"{column}: {value}"] = n
    return {
        "placeholder_rows": int(placeholder.sum()),
        "placeholder_rows_per_platform": {
            p: int(n) for p, n in rows["platform"].value_counts().sort_index().items()
        },
        "placeholders": [
            {"id": i, "title": t} for i, t in zip(rows["id"], rows["display_title"], strict=True)
        ],
        "junk_credits": dict(sorted(junk.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def _counts(values: pyarrow.Array) -> list[tuple[str, int]]:
    counted = pc.value_counts(values)
    return list(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True))
