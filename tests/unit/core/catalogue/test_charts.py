"""The /stats chart: summary numbers against plain pandas, PNG size, each catalogue's charts
drawn once per language and never shared, aliases, and the words it is drawn with (English by default, or the caller's). On the
fixture catalogue; the full data adds the real figures and numbers big enough for separators."""

from __future__ import annotations

import dataclasses

import pytest

from bot.console.objects import png_size
from core.catalogue import charts

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The Netflix chart's figures, as drawn in English: titles, movies, shows, dramas (the top bar).
NETFLIX_FIGURES = {
    "fixture_catalogue": ("89", "58", "31", "26"),
    "full_catalogue": ("8,807", "6,131", "2,676", "3,190"),
}
BOTH_CATALOGUES = [
    pytest.param("fixture_catalogue", id="fixture"),
    pytest.param("full_catalogue", id="full", marks=pytest.mark.full_data),
]


@pytest.fixture(scope="module")
def catalogue(fixture_catalogue):
    return fixture_catalogue


@pytest.mark.full_data
def test_summary_counts_netflix(full_catalogue):
    summary = charts.platform_stats_summary(full_catalogue, "netflix")
    assert summary["name"] == "Netflix"
    assert summary["counts"] == {"movie": 6131, "tv show": 2676}
    assert summary["total"] == 8807
    assert summary["top_genres"][:2] == [("drama", 3190), ("comedy", 2620)]


@pytest.mark.parametrize("platform", ["amazon", "disney", "hulu", "netflix", "all"])
def test_summary_agrees_with_pandas(catalogue, platform):
    rows = catalogue if platform == "all" else catalogue[catalogue["platform"] == platform]
    summary = charts.platform_stats_summary(catalogue, platform)
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


def test_each_genre_is_one_bar(catalogue):
    """ "Drama" (Amazon, Hulu, Disney+) and "Dramas"/"TV Dramas" (Netflix) are one genre."""
    top = dict(charts.platform_stats_summary(catalogue, "all")["top_genres"])
    dramas = catalogue["listed_in"].str.contains(r"(?:^|, )(?:tv )?dramas?(?:,|$)", na=False)
    assert top["drama"] >= int(dramas.sum())
    assert len(top) == len(set(top))


def test_all_and_none_cover_every_platform(catalogue):
    summary = charts.platform_stats_summary(catalogue, None)
    assert summary["name"] == "All platforms"
    assert summary["total"] == len(catalogue) == sum(summary["counts"].values())
    assert charts.platform_stats_summary(catalogue, "All")["counts"] == summary["counts"]


def test_png_signature_and_size(catalogue):
    png = charts.platform_stats_png(catalogue, "netflix")
    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == (charts.WIDTH_PX, charts.HEIGHT_PX) == (1000, 1100)


@pytest.fixture(scope="module")
def drawn(catalogue):
    """One catalogue's charts, as a snapshot holds them."""
    return charts.Charts(catalogue)


def test_a_catalogues_charts_draw_each_chart_once(drawn):
    first = drawn.png("hulu")
    assert first.startswith(PNG_SIGNATURE)
    assert drawn.png("Hulu") is first


def test_two_catalogues_never_share_a_chart(catalogue, drawn):
    """A new catalogue version gets its own charts: what one draws is never served for another."""
    other = catalogue[catalogue["platform"] != "hulu"].copy()  # hulu's titles left this version
    other.attrs["version"] = f"{catalogue.attrs['version']}-next"
    others = charts.Charts(other)
    assert drawn.summary("hulu")["total"] > 0 and others.summary("hulu")["total"] == 0
    assert others.png("hulu") != drawn.png("hulu")
    assert others.summary("all")["total"] == len(other) < drawn.summary("all")["total"]


def test_a_summary_is_the_catalogues_and_the_caller_may_change_it(catalogue, drawn):
    summary = drawn.summary("netflix")
    assert summary == charts.platform_stats_summary(catalogue, "netflix")
    summary["counts"]["movie"] = -1
    assert drawn.summary("Netflix")["counts"]["movie"] > 0


def spanish_labels(summary: dict) -> charts.Labels:
    """What a caller that speaks Spanish passes (the bot builds these with its translations)."""
    return dataclasses.replace(
        charts.english_labels(summary),
        language="es",
        heading=f"Netflix — {summary['total']:,} títulos".replace(",", "."),
        movies="Películas",
        shows="Series",
        per_year="Títulos por año de estreno",
        top_genres="10 géneros principales",
        number=lambda n: f"{n:,}".replace(",", "."),
    )


@pytest.mark.parametrize("source", BOTH_CATALOGUES)
def test_the_chart_is_worded_in_english_by_default(request, source):
    summary = charts.platform_stats_summary(request.getfixturevalue(source), "netflix")
    drawn = charts.texts(charts.figure(summary, charts.english_labels(summary)))
    titles, movies, shows, dramas = NETFLIX_FIGURES[source]
    heading = f"Netflix — {titles} titles\n({movies} movies, {shows} shows)"
    for text in (heading, "Titles per release year", "Top 10 genres", "Movies", "Shows", "Drama", dramas):
        assert text in drawn


@pytest.mark.parametrize("source", BOTH_CATALOGUES)
def test_the_chart_is_drawn_in_the_callers_words_and_language(request, source):
    summary = charts.platform_stats_summary(request.getfixturevalue(source), "netflix")
    drawn = charts.texts(charts.figure(summary, spanish_labels(summary)))
    titles, _movies, _shows, dramas = (n.replace(",", ".") for n in NETFLIX_FIGURES[source])
    for text in (f"Netflix — {titles} títulos", "Títulos por año de estreno", "Películas", "Comedia", dramas):
        assert text in drawn
    english = {"Titles per release year", "Movies", "Comedy", NETFLIX_FIGURES[source][3]}
    assert not english - {dramas} & set(drawn)


def test_one_chart_per_language(drawn):
    summary = drawn.summary("netflix")
    english = drawn.png("netflix")
    spanish = drawn.png("netflix", spanish_labels(summary))
    assert spanish is not english and spanish != english
    assert drawn.png("Netflix", spanish_labels(summary)) is spanish
    assert drawn.png("netflix", charts.english_labels(summary)) is english


def test_alias(catalogue, drawn):
    summary = charts.platform_stats_summary(catalogue, "Disney+")
    assert summary["platform"] == "disney"
    assert summary["name"] == "Disney+"
    assert drawn.png("Disney+") is drawn.png("disney")


def test_unknown_platform(catalogue, drawn):
    with pytest.raises(ValueError, match="unknown platform 'hbo'"):
        charts.platform_stats_summary(catalogue, "hbo")
    with pytest.raises(ValueError, match="unknown platform"):
        charts.platform_stats_png(catalogue, "hbo")
    with pytest.raises(ValueError, match="unknown platform"):
        drawn.png("hbo")
