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
