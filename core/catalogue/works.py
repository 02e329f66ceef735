"""Which catalogue rows are the same work: copies of one title on several platforms, and its
language and format editions.

The one rule, used by the recommender (a copy is never suggested as "like" its original, nor
beside it), by the snapshot ("also on ...", "also in Spanish") and by the quality report:

- an edition is the title with a marker of language or format: "Coco (in Spanish)", "(Dub)
  Akira", "Shrek 2 (en Español)", "Timecrimes (English Subtitled)", "Fernando 4K UHD (Dubbed)",
  "PJ Masks (Shorts)". Its markers are dropped before the rule below, so it joins its original
  when the catalogue has one (and stays a work of its own when it has none);
- a show is one work per normalised title, whatever the release years: platforms date
  shows differently (*Star Trek: Deep Space Nine* is 1999 on Prime Video, 1995 on Hulu);
- a film is a copy when the normalised title matches and the years are within one of
  the group's first year, so *Underworld* (1997) and *Underworld* (2003) stay two films.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from core.catalogue.title_types import TitleType
from core.search.titles import normalise

FILM_YEAR_SLACK = 1

# Edition tags, as ``edition_of`` returns them (the bot words them): a language, or a format.
SPANISH, ENGLISH, DUBBED, SUBTITLED, UHD, SHORTS, CUT = "es", "en", "dub", "sub", "4k", "shorts", "cut"
LANGUAGES = {
    "spanish": SPANISH, "espanol": SPANISH, "castellano": SPANISH, "latino": SPANISH, "english": ENGLISH,
    "hindi": "hi", "tamil": "ta", "telugu": "te", "malayalam": "ml", "kannada": "kn", "japanese": "ja",
    "french": "fr", "portuguese": "pt", "german": "de", "italian": "it", "korean": "ko",
}  # fmt: skip
FORMATS = {
    "dub": DUBBED, "dubbed": DUBBED, "doblada": DUBBED, "doblado": DUBBED, "sub": SUBTITLED,
    "subbed": SUBTITLED, "subtitled": SUBTITLED, "subtitulada": SUBTITLED, "subtitulado": SUBTITLED,
    "4k": UHD, "uhd": UHD, "shorts": SHORTS, "extended": CUT, "director s cut": CUT, "restored": CUT,
}  # fmt: skip
# Words an edition marker may hold beside its tags: "(Spanish Version)", "(in Spanish)",
# "(Spanish Language, No Subtitles)", "(Original Japanese Version)".
FILLER = frozenset(
    [
        "in",
        "en",
        "a",
        "version",
        "ver",
        "audio",
        "language",
        "languages",
        "no",
        "subtitles",
        "original",
        "edition",
        "cut",
        "the",
    ]
)
_MARKER_AT_END = re.compile(r"\s*\(([^()]*)\)\s*$")
_MARKER_AT_START = re.compile(r"^\s*\(([^()]*)\)\s*")
_BARE_UHD_AT_END = re.compile(r"\s+4k(?:\s+uhd)?\s*$", re.IGNORECASE)


def edition_of(title: str) -> tuple[str, tuple[str, ...]]:
    """(the title without its edition markers, the edition's tags in the order written);
    a title with no marker is itself with no tags: ``("Coco", ("es",))`` for "Coco (in Spanish)"."""
    if not isinstance(title, str):
        return "", ()
    base, tags = title, []
    while True:
        for pattern in (_MARKER_AT_END, _MARKER_AT_START):
            found = pattern.search(base)
            marker = found and _tags(found.group(1))
            if marker and base[: found.start()] + base[found.end() :]:
                base, tags = base[: found.start()] + base[found.end() :], marker + tags
                break
        else:
            bare = _BARE_UHD_AT_END.search(base)
            if bare and tags and base[: bare.start()]:  # "Fernando 4K UHD (Dubbed)": only beside a marker
                base, tags = base[: bare.start()], [UHD, *tags]
                continue
            return base.strip(), tuple(dict.fromkeys(tags))


def _tags(marker: str) -> list[str] | None:
    """The tags of one parenthesised marker, or None when it says anything else ("(2019)", "(UK)")."""
    words = normalise(marker).replace("director s cut", "director_s_cut").split()
    tags = []
    for word in words:
        word = word.replace("_", " ")
        tag = LANGUAGES.get(word) or FORMATS.get(word)
        if tag:
            tags.append(tag)
        elif word not in FILLER:
            return None
    return tags or None


def work_key(title: str) -> str:
    """The normalised title a work is known by: its editions' markers dropped."""
    return normalise(edition_of(title)[0])


def work_ids(keys, types, years) -> np.ndarray:
    """A work number per row (0..n_works-1), from each row's work key (``work_key``), type
    (``TitleType``) and release year."""
    frame = pd.DataFrame({"key": list(keys), "type": list(types), "year": np.asarray(years, dtype=np.int64)})
    frame["era"] = 0
    films = frame.index[frame["type"] != TitleType.SHOW]
    ordered = frame.loc[films].sort_values(["key", "year"], kind="stable")
    era, last_key, first_year = 0, None, 0
    eras = np.zeros(len(ordered), dtype=np.int64)
    for i, (key, year) in enumerate(zip(ordered["key"], ordered["year"], strict=True)):
        if key != last_key:
            era, last_key, first_year = 0, key, year
        elif year - first_year > FILM_YEAR_SLACK:
            era, first_year = era + 1, year
        eras[i] = era
    frame.loc[ordered.index, "era"] = eras
    return frame.groupby(["key", "type", "era"], sort=False).ngroup().to_numpy(dtype=np.int32)


def catalogue_work_ids(catalogue: pd.DataFrame) -> np.ndarray:
    return works_and_editions(catalogue)[0]


def works_and_editions(catalogue: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(each row's work number, True for the rows that are a language or format edition),
    from one reading of the titles."""
    keys, editions = work_keys(catalogue)
    return work_ids(keys, catalogue["type"], catalogue["release_year"]), editions


def work_keys(catalogue: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Each row's ``work_key``, and whether it is an edition; but shorts join a title only
    from its years: "Spider-Man (Shorts)" (2016) are not shorts of the *Spider-Man* series of 1994."""
    editions = [edition_of(title) for title in catalogue["display_title"]]
    keys = [normalise(base) for base, _ in editions]
    years = catalogue["release_year"].tolist()
    originals: dict[str, list[int]] = {}
    for key, (_, tags), year in zip(keys, editions, years, strict=True):
        if not tags:
            originals.setdefault(key, []).append(year)
    for row, (title, (_, tags)) in enumerate(zip(catalogue["display_title"], editions, strict=True)):
        near = any(abs(years[row] - year) <= FILM_YEAR_SLACK for year in originals.get(keys[row], ()))
        if SHORTS in tags and not near:
            keys[row] = normalise(title)
    return keys, np.array([bool(tags) for _, tags in editions], dtype=bool)


def copies(catalogue: pd.DataFrame) -> list[list[int]]:
    """Row positions of every work carried more than once, each list in row order."""
    ids = pd.Series(catalogue_work_ids(catalogue))
    return [list(rows) for rows in ids.groupby(ids).indices.values() if len(rows) > 1]
