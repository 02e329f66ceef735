"""What a chat may be suggested: its platforms, kids mode and the titles its watchers have seen,
applied to the filters of any list of suggestions (``limited``). Plain data, no Telegram.

    viewer = Viewer(platforms=frozenset({"netflix"}), kids=True, seen=frozenset({"ns1"}))
    chosen = limited(Filters(genres=frozenset({"comedy"})), viewer, copies)
    chosen.filters   # comedies on Netflix, for ages 7 and under, without ns1 and its copies
    chosen.note      # frozenset({"netflix"}): the answer says "On your platforms: Netflix."

The rules, in one place for every list (suggestions like a title, a card's three, top lists,
picks, requests in words):
- a platform the user names ("on hulu") wins over the chat's: no limit, no note;
- otherwise the chat's platforms limit the list, and the answer says so in one line (unless they
  are all four: then nothing is limited);
- kids mode keeps every list to kids' and family bands (``bands.KIDS`` and under), whatever else
  was asked; a button never lifts it;
- a title a watcher has seen, and its copies and editions, is left out.
Where-to-watch answers and counts are facts about the catalogues: they take no limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from core.catalogue.platforms import PLATFORMS
from core.questions.bands import KIDS
from core.questions.filters import Filters, Span

KIDS_BANDS = Span(None, KIDS)


@dataclass(frozen=True)
class Viewer:
    """Who a chat's lists are for. ``platforms`` empty: nothing set (every platform)."""

    platforms: frozenset[str] = frozenset()
    kids: bool = False
    seen: frozenset[str] = frozenset()  # title ids the watchers (or the person) have seen

    def everywhere(self) -> Viewer:
        """The same viewer with the platform limit dropped ("All platforms"): kids mode and
        seen titles still hold."""
        return replace(self, platforms=frozenset())

    @property
    def limits_platforms(self) -> bool:
        return bool(self.platforms) and not set(PLATFORMS) <= self.platforms


@dataclass(frozen=True)
class Limited:
    """The filters a list uses, and what its one-line note names."""

    filters: Filters
    note: frozenset[str] = frozenset()  # the chat's platforms the list was limited to; empty: no line
    kids: bool = False  # kids mode limited it (the note says so too)

    @property
    def noted(self) -> bool:
        return bool(self.note) or self.kids


def seen_with_copies(seen: Iterable[str], copies: Mapping[str, list[str]]) -> frozenset[str]:
    """The titles seen, with every copy and edition of each (``Snapshot.copies``: id -> the ids
    of its work): "Toy Story" seen on Disney+ is seen on Prime Video too."""
    found = set()
    for title_id in seen:
        found.add(title_id)
        found.update(copies.get(title_id, ()))
    return frozenset(found)


def kids_bands(asked: Span | None) -> Span:
    """The bands a kids-mode list keeps: those asked for, within kids' and family bands. An
    adult band asked for ("R-rated movies") cannot be had: the kids' bands are kept instead."""
    if asked is None or (asked.low is not None and asked.low > KIDS):
        return KIDS_BANDS
    high = KIDS if asked.high is None else min(asked.high, KIDS)
    return Span(asked.low, high)


def limited(asked: Filters, viewer: Viewer, copies: Mapping[str, list[str]] | None = None) -> Limited:
    """The filters a list answering ``asked`` uses for ``viewer`` (see the module's rules);
    ``asked.platforms`` are the platforms the user named, if any."""
    filters, note = asked, frozenset()
    if not asked.platforms and viewer.limits_platforms:
        filters, note = filters.but(platforms=viewer.platforms), viewer.platforms
    if viewer.kids:
        filters = filters.but(bands=kids_bands(asked.bands))
    if viewer.seen:
        filters = filters.but(exclude=asked.exclude | seen_with_copies(viewer.seen, copies or {}))
    return Limited(filters, note, viewer.kids)
