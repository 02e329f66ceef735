"""The two kinds of title, spelled once."""

from __future__ import annotations

from enum import StrEnum


class TitleType(StrEnum):
    """A title's ``type`` as the catalogue writes it (the raw "Movie" / "TV Show", lowercased).
    A ``StrEnum``, so it compares equal to the catalogue's strings and reads as them in files."""

    MOVIE = "movie"
    SHOW = "tv show"
