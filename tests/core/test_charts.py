"""The /stats chart: summary numbers against plain pandas, PNG size, per-version and per-language
caching, aliases, and the words it is drawn with (English by default, or the caller's)."""

from __future__ import annotations

import dataclasses
import struct

import pytest

from core import charts

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def test_summary_counts_netflix(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "netflix")
    assert summary["name"] == "Netflix"
    assert summary["counts"] == {"movie": 6131, "tv show": 2676}
    assert summary["total"] == 8807
    assert summary["top_genres"][:2] == [("drama", 3190), ("comedy", 2620)]


@pytest.mark.parametrize("platform", ["amazon", "disney", "hulu", "netflix", "all"])
def test_summary_agrees_with_pandas(full_catalogue, platform):
    rows = full_catalogue if platform == "all" else full_catalogue[full_catalogue["platform"] == platform]
    summary = charts.platform_stats_summary(full_catalogue, platform)
    assert summary["total"] == len(rows)
    assert summary["counts"] == {kind: int((rows["type"] == kind).sum()) for kind in ("movie", "tv show")}
    for kind in ("movie", "tv show"):
        expected = rows.loc[rows["type"] == kind, "release_year"].value_counts()
        assert summary["per_year"][kind] == {int(y): int(n) for y, n in expected.items()}
    assert summary["earlier"] == int((rows["release_year"] < summary["first_year"]).sum())
    genres = rows["genres"].str.split(", ").explode().value_counts().drop("", errors="ignore")
    top = summary["top_genres"]
    assert len(top) == 10
    assert [n for _, n in top] == sorted(genres.to_list(), reverse=True)[:10]
    assert all(genres[genre] == n for genre, n in top)


def test_each_genre_is_one_bar(full_catalogue):
    """ "Drama" (Amazon, Hulu, Disney+) and "Dramas"/"TV Dramas" (Netflix) are one genre."""
    top = dict(charts.platform_stats_summary(full_catalogue, "all")["top_genres"])
    dramas = full_catalogue["listed_in"].str.contains(r"(?:^|, )(?:tv )?dramas?(?:,|$)", na=False)
    assert top["drama"] >= int(dramas.sum())
    assert len(top) == len(set(top))


def test_all_and_none_cover_every_platform(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, None)
    assert summary["name"] == "All platforms"
    assert summary["total"] == len(full_catalogue) == 22998
    assert charts.platform_stats_summary(full_catalogue, "All")["counts"] == summary["counts"]


def test_png_signature_and_size(full_catalogue):
    png = charts.platform_stats_png(full_catalogue, "netflix")
    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == (charts.WIDTH_PX, charts.HEIGHT_PX) == (1000, 1100)


def test_cache_per_version(full_catalogue):
    charts.clear_cache()
    first = charts.platform_stats_png(full_catalogue, "hulu")
    assert charts.platform_stats_png(full_catalogue, "Hulu") is first
    other = full_catalogue.copy()
    other.attrs["version"] = f"{full_catalogue.attrs['version']}-next"
    second = charts.platform_stats_png(other, "hulu")
    assert second is not first
    assert second.startswith(PNG_SIGNATURE)
    assert charts.platform_stats_png(other, "hulu") is second


def test_cache_without_version_uses_identity(full_catalogue):
    unversioned = full_catalogue[full_catalogue["platform"] == "disney"].copy()
    unversioned.attrs.pop("version", None)
    png = charts.platform_stats_png(unversioned, "disney")
    assert charts.platform_stats_png(unversioned, "disney") is png


def test_cache_is_bounded(full_catalogue):
    small = full_catalogue[full_catalogue["platform"] == "disney"].copy()
    for i in range(charts.CACHE_SIZE + 3):
        small.attrs["version"] = f"bounded-{i}"
        charts.platform_stats_png(small, "disney")
    assert len(charts._cache) == charts.CACHE_SIZE


def spanish_labels(summary: dict) -> charts.Labels:
    """What a caller that speaks Spanish passes (the bot builds these with its translations)."""
    return dataclasses.replace(
        charts.english_labels(summary),
        language="es",
        heading="Netflix — 8.807 títulos",
        movies="Películas",
        shows="Series",
        per_year="Títulos por año de estreno",
        top_genres="10 géneros principales",
        number=lambda n: f"{n:,}".replace(",", "."),
    )


def test_the_chart_is_worded_in_english_by_default(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "netflix")
    drawn = charts.texts(charts.figure(summary, charts.english_labels(summary)))
    heading = "Netflix — 8,807 titles\n(6,131 movies, 2,676 shows)"
    for text in (heading, "Titles per release year", "Top 10 genres", "Movies", "Shows", "Drama", "3,190"):
        assert text in drawn


def test_the_chart_is_drawn_in_the_callers_words_and_language(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "netflix")
    drawn = charts.texts(charts.figure(summary, spanish_labels(summary)))
    for text in ("Netflix — 8.807 títulos", "Títulos por año de estreno", "Películas", "Comedia", "3.190"):
        assert text in drawn
    assert not {"Titles per release year", "Movies", "Comedy", "3,190"} & set(drawn)


def test_cache_per_language(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "netflix")
    english = charts.platform_stats_png(full_catalogue, "netflix")
    spanish = charts.platform_stats_png(full_catalogue, "netflix", spanish_labels(summary))
    assert spanish is not english and spanish != english
    assert charts.platform_stats_png(full_catalogue, "Netflix", spanish_labels(summary)) is spanish
    assert charts.platform_stats_png(full_catalogue, "netflix", charts.english_labels(summary)) is english


def test_alias(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "Disney+")
    assert summary["platform"] == "disney"
    assert summary["name"] == "Disney+"
    assert charts.platform_stats_png(full_catalogue, "Disney+") is charts.platform_stats_png(
        full_catalogue, "disney"
    )


def test_unknown_platform(full_catalogue):
    with pytest.raises(ValueError, match="unknown platform 'hbo'"):
        charts.platform_stats_summary(full_catalogue, "hbo")
    with pytest.raises(ValueError, match="unknown platform"):
        charts.platform_stats_png(full_catalogue, "hbo")
