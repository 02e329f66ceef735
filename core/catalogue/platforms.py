"""The four platforms: their ids, the names people read, the words that name them, and
where their files are in a source. The one place for these facts."""

from __future__ import annotations

PLATFORMS = ("amazon", "disney", "hulu", "netflix")
NAMES = {"amazon": "Prime Video", "disney": "Disney+", "hulu": "Hulu", "netflix": "Netflix"}
# What users type for each (lowercase); typos are the understanding layer's business.
ALIASES = {
    "amazon": "amazon",
    "prime": "amazon",
    "amazon prime": "amazon",
    "prime video": "amazon",
    "amazon prime video": "amazon",
    "amazonprime": "amazon",
    "primevideo": "amazon",
    "disney": "disney",
    "disney+": "disney",
    "disney plus": "disney",
    "disneyplus": "disney",
    "hulu": "hulu",
    "netflix": "netflix",
}
# Words for every platform at once ("/subscribe all").
ALL = frozenset(["all", "any", "everything", "todas", "todo", "todos"])
TITLE_FILES = {
    "amazon": "titles/amazon_prime_titles.csv",
    "disney": "titles/disney_plus_titles.csv",
    "hulu": "titles/hulu_titles.csv",
    "netflix": "titles/netflix_titles.csv",
}


def name(platform: str) -> str:
    """ "Prime Video" for "amazon"; an unknown id titled."""
    return NAMES.get(platform, platform.title())


# Words between the names of a list: "netflix and hulu", "netflix y disney".
JOINERS = frozenset(["and", "or", "y", "e", "o", "&", "+"])


def read(text: str) -> tuple[frozenset[str], list[str]]:
    """The platforms a list of words names ("netflix disney+ prime video", "all", "todas"),
    and the words that name none. Names of two or three words are read first."""
    words = [w for w in text.lower().replace(",", " ").split() if w not in JOINERS]
    found, unknown, i = set(), [], 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i >= size and (phrase in ALIASES or size == 1 and phrase in ALL):
                found.update(PLATFORMS if phrase in ALL else [ALIASES[phrase]])
                i += size
                break
        else:
            unknown.append(words[i])
            i += 1
    return frozenset(found), unknown
