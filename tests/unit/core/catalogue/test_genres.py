"""The canonical genre vocabulary: every label of today's data is mapped or deliberately
ignored, synonyms in both languages, and a new label is reported, never dropped."""

from __future__ import annotations

import shutil

import pytest

from core.catalogue import arguments, genres
from core.catalogue.arguments import ArgumentError
from core.etl import run_etl
from tests.conftest import FIXTURE_SOURCE


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("fixture_catalogue", id="fixture"),
        pytest.param("full_catalogue", id="full", marks=pytest.mark.full_data),
    ],
)
def test_every_label_in_todays_data_is_mapped_or_ignored(request, source):
    assert genres.unknown_labels(request.getfixturevalue(source)["listed_in"]) == {}


def test_the_table_is_consistent():
    ids = [g.id for g in genres.GENRES]
    assert len(ids) == len(set(ids)) and 20 <= len(ids) <= 32
    assert all(g.en and g.es and g.synonyms and g.labels for g in genres.GENRES)
    mapped = set(genres.LABEL_GENRES)
    assert not mapped & genres.IGNORED, "a label is both mapped and ignored"


def test_a_label_with_commas_is_one_label():
    assert genres.labels_of("arts, entertainment, and culture, drama") == [
        "arts, entertainment, and culture",
        "drama",
    ]
    assert genres.genres_of("Arts, Entertainment, and Culture") == ("arts",)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ("dramas", ("drama",)),
        ("tv dramas, tv mysteries", ("drama", "thriller")),
        ("action-adventure, animation, buddy", ("action", "adventure", "animation")),
        ("children & family movies, comedies", ("comedy", "family")),
        ("kids' tv", ("family",)),
        ("sci-fi & fantasy", ("fantasy", "scifi")),
        ("international movies", ()),
        (None, ()),
    ],
)
def test_platform_labels_become_canonical_genres(labels, expected):
    assert genres.genres_of(labels) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sci-fi", "scifi"), ("Sci Fi", "scifi"), ("ciencia ficción", "scifi"), ("ciencia ficcion", "scifi"),
        ("docs", "documentary"), ("documental", "documentary"), ("Documentaries", "documentary"),
        ("kids", "family"), ("infantil", "family"), ("niños", "family"), ("cartoons", "animation"),
        ("dibujos animados", "animation"), ("terror", "horror"), ("scary", "horror"), ("comedias", "comedy"),
        ("romcom", "romance"), ("películas de amor", "romance"), ("stand-up", "standup"), ("LGBTQ+", "lgbtq"),
        ("suspenso", "thriller"), ("bélicas", "war"), ("del oeste", "western"), ("Family & Kids", "family"),
    ],
)  # fmt: skip
def test_any_synonym_in_either_language_names_its_genre(typed, expected):
    assert arguments.genre(typed) == expected  # what /genre and the catalogue questions read


def test_words_that_name_no_genre_are_refused():
    with pytest.raises(ArgumentError, match="unknown genre 'not a genre'"):
        arguments.genre("not a genre")


def test_the_snapshot_has_a_genres_column(fixture_catalogue):
    toy_story = fixture_catalogue[fixture_catalogue["display_title"] == "Toy Story"].iloc[0]
    assert toy_story["listed_in"] == "action-adventure, animation, family"
    assert toy_story["genres"] == "action, adventure, animation, family"


def test_display_columns_keep_the_sources_casing(fixture_catalogue):
    toy_story = fixture_catalogue[fixture_catalogue["display_title"] == "Toy Story"].iloc[0]
    assert toy_story["display_description"][0].isupper()
    assert toy_story["description"] == toy_story["display_description"].lower()
    assert "Tom Hanks" in toy_story["display_cast"]


def test_a_new_label_is_counted_in_the_quality_report_and_kept(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, source)
    netflix = source / "titles" / "netflix_titles.csv"
    text = netflix.read_text()
    netflix.write_text(text.replace("Dramas", "Dramas, Space Operas", 1))
    result = run_etl(source)
    unknown = result.quality["genres"]["unknown_labels"]
    assert unknown == {"space operas": 1}
    row = result.catalogue[result.catalogue["listed_in"].str.contains("space operas", na=False)].iloc[0]
    assert "space operas" in row["listed_in"]
    assert "drama" in row["genres"]
