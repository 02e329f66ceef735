"""Answers to a catalogue question, as plain data: counts, pages of titles, the longest or
shortest, the person in most titles, a person's titles. Every answer takes ``Filters``;
wording them is the bot's job.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.questions.filters import Filters, Role
from core.questions.table import TitleTable


@dataclass(frozen=True)
class Count:
    total: int
    movies: int
    shows: int


@dataclass(frozen=True)
class Page:
    ids: tuple[str, ...]  # best-scored first
    start: int
    total: int  # titles matching in all

    @property
    def more(self) -> bool:
        return self.start + len(self.ids) < self.total


@dataclass(frozen=True)
class Extreme:
    """The longest (or shortest) titles: every title tied for first place."""

    ids: tuple[str, ...]
    length: int
    unit: str  # "min" or "season"


@dataclass(frozen=True)
class TopPeople:
    """The people in most titles: every one tied for first place, alphabetically."""

    persons: tuple[int, ...]
    titles: int
    role: Role


def count(table: TitleTable, f: Filters) -> Count:
    keep = table.mask(f)
    total, shows = int(keep.sum()), int((keep & table.is_show).sum())
    return Count(total, total - shows, shows)


def page(table: TitleTable, f: Filters, start: int = 0, size: int = 10) -> Page:
    rows = table.best_first(table.mask(f), f.ranking)
    start = max(0, start)
    return Page(tuple(table.ids[int(r)] for r in rows[start : start + size]), start, len(rows))


def extreme(table: TitleTable, f: Filters, unit: str, shortest: bool = False) -> Extreme | None:
    rows = table.longest_first(table.mask(f), unit, shortest)
    if not len(rows):
        return None
    lengths = table.minutes if unit == "min" else table.seasons
    first = lengths[rows[0]]
    tied = rows[lengths[rows] == first]
    return Extreme(tuple(table.ids[int(r)] for r in tied), int(first), unit)


def top_people(table: TitleTable, f: Filters, role: Role = Role.CAST) -> TopPeople | None:
    counts = table.person_counts(table.mask(f), role)
    best = int(counts.max()) if len(counts) else 0
    if best == 0:
        return None
    return TopPeople(tuple(np.flatnonzero(counts == best).tolist()), best, role)
