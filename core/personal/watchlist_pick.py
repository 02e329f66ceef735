"""/pick: one title for tonight from a chat's list, and why.

Plain data in, plain data out (the bot words it): the list's titles (``Candidate``), the
chat's platforms (empty: every platform), the titles tonight's watchers have seen, and whether
the chat watches with children. A title is left out when it streams on none of the chat's
platforms, when a watcher has seen it, or, in kids mode, when its band is above children's;
of what is left, the best rated wins (unscored titles last), the oldest on the list breaking ties,
so the list's first wish goes first.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.questions.bands import KIDS, Band, band_of


@dataclass(frozen=True)
class Candidate:
    """A title on the chat's list, as the pick needs it."""

    title_id: str
    platforms: tuple[str, ...]  # every platform carrying the work
    score: float | None  # mean rating; None when the catalogue has none
    band: Band
    added_by_name: str = ""
    added_at: float = 0.0


@dataclass(frozen=True)
class ListPick:
    """The choice, or ``chosen`` None when nothing on the list is left; the counts say why."""

    chosen: Candidate | None
    on_platforms: tuple[str, ...]  # the chosen title's platforms the chat has (all of them with none set)
    left: int  # titles that passed every rule, the chosen one among them
    off_platforms: int  # left out: on none of the chat's platforms
    seen: int  # left out: a watcher has seen it
    not_for_kids: int  # left out: above children's band in kids mode
    total: int
    kept: tuple[Candidate, ...] = ()  # every title that passed, best first (a poll of the list)


def _rank(candidate: Candidate) -> tuple:
    scored = candidate.score is not None
    return (not scored, -(candidate.score or 0.0), candidate.added_at, candidate.title_id)


def pick_from_list(
    candidates: list[Candidate],
    platforms: frozenset[str] = frozenset(),
    seen: frozenset[str] | set[str] = frozenset(),
    kids: bool = False,
) -> ListPick:
    """The best rated title on the list tonight's watchers can stream, have not seen, and (kids
    mode) children may watch (``chosen``, None when none is), and all that passed, best first
    (``kept``); each title left out counts once, under the first rule it fails."""
    kept: list[Candidate] = []
    off = saw = unsafe = 0
    for candidate in candidates:
        if platforms and not platforms & set(candidate.platforms):
            off += 1
        elif candidate.title_id in seen:
            saw += 1
        elif kids and candidate.band > KIDS:
            unsafe += 1
        else:
            kept.append(candidate)
    kept.sort(key=_rank)
    chosen = kept[0] if kept else None
    on = ()
    if chosen is not None:
        on = tuple(p for p in dict.fromkeys(chosen.platforms) if not platforms or p in platforms)
    return ListPick(chosen, on, len(kept), off, saw, unsafe, len(candidates), tuple(kept))


def score_of(title: dict) -> float | None:
    """A title's mean rating; None when the catalogue has none (missing, NaN)."""
    try:
        score = float(title.get("score"))
    except (TypeError, ValueError):
        return None
    return score if score == score else None  # NaN is no score


def candidates_of(snap, entries) -> list[Candidate]:
    """The list's entries (``core.userdata.together.Entry``) still in the snapshot's
    catalogue, as the pick needs them."""
    found = []
    for entry in entries:
        title = snap.title(entry.title_id)
        if title is not None:
            found.append(
                Candidate(
                    entry.title_id,
                    tuple(snap.platforms_of(entry.title_id)),
                    score_of(title),
                    band_of(title.get("maturity")),
                    entry.added_by_name,
                    entry.at,
                )
            )
    return found
