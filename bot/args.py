"""Reading command arguments in any order: `/count 2019 netflix shows` works.

Words are sorted into a platform, a year, a type, a duration unit and a score where
they unambiguously are one; whatever is left (a country, a genre) stays in ``rest``.
Values are checked later by ``core.arguments`` and ``core.queries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.arguments import DURATION_TYPE_ALIASES, PLATFORM_ALIASES, TYPE_ALIASES, ArgumentError

YEAR = re.compile(r"(?:18|19|20|21)\d\d")
SCORE = re.compile(r"\d(?:[.,]\d+)?")
ALL_PLATFORMS = {"all", "any", "everything", "todas", "todo"}


@dataclass
class Parsed:
    platform: str | None = None
    year: int | None = None
    type: str | None = None
    duration_type: str | None = None
    score: str | None = None
    all_platforms: bool = False
    rest: list[str] = field(default_factory=list)

    @property
    def rest_text(self) -> str:
        return " ".join(self.rest)


def parse(args: list[str], *, with_score: bool = False) -> Parsed:
    # Commas separate words ("netflix, 2019") but not a decimal comma ("3,5").
    text = re.sub(r"(?<!\d),|,(?!\d)", " ", " ".join(args))
    words = [w.lower() for w in text.split()]
    parsed = Parsed()
    i = 0
    while i < len(words):
        taken = _take(words, i, parsed, with_score)
        if taken:
            i += taken
        else:
            parsed.rest.append(words[i])
            i += 1
    return parsed


def _take(words: list[str], i: int, parsed: Parsed, with_score: bool) -> int:
    """How many words at ``i`` form a known argument (0 when none), recording it."""
    for size in (3, 2, 1):
        phrase = " ".join(words[i : i + size])
        if len(words) - i < size:
            continue
        if parsed.platform is None and phrase in PLATFORM_ALIASES:
            parsed.platform = PLATFORM_ALIASES[phrase]
            return size
        if parsed.type is None and phrase in TYPE_ALIASES:
            parsed.type = TYPE_ALIASES[phrase]
            return size
    word = words[i]
    if word in ALL_PLATFORMS:
        parsed.all_platforms = True
        return 1
    if parsed.duration_type is None and word in DURATION_TYPE_ALIASES:
        parsed.duration_type = DURATION_TYPE_ALIASES[word]
        return 1
    if parsed.year is None and YEAR.fullmatch(word):
        parsed.year = int(word)
        return 1
    if with_score and parsed.score is None and SCORE.fullmatch(word):
        parsed.score = word
        return 1
    return 0


def require(value, what: str):
    """``value``, or an ArgumentError asking for it (the handler's ``friendly`` adds an example)."""
    if value is None:
        raise ArgumentError(f"please add {what}")
    return value
