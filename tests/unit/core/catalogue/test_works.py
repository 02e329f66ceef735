"""Copies and editions of one work (core.catalogue.works), on hand-written titles and the real catalogues."""

import pandas as pd
import pytest

from core.catalogue.works import catalogue_work_ids, edition_of


@pytest.mark.parametrize(
    ("title", "base", "tags"),
    [
        ("Coco (in Spanish)", "Coco", ("es",)),
        ("Shrek 2 (en Español)", "Shrek 2", ("es",)),
        ("(Dub) Akira", "Akira", ("dub",)),
        ("(Sub) Ninja Scroll", "Ninja Scroll", ("sub",)),
        ("Timecrimes(English Subtitled)", "Timecrimes", ("en", "sub")),
        ("Fernando 4K UHD (Dubbed)", "Fernando", ("4k", "dub")),
        ("Made in Mexico (Spanish Language, No Subtitles)", "Made in Mexico", ("es",)),
        ("La casa (Doblada)", "La casa", ("dub",)),
        ("PJ Masks (Shorts)", "PJ Masks", ("shorts",)),
    ],
)
def test_an_edition_is_its_title_and_its_markers(title, base, tags):
    assert edition_of(title) == (base, tags)


@pytest.mark.parametrize("title", ["Boo (2019)", "Top Gear (UK)", "(Sub)", "Dubai Bling", "The Sub", "Coco"])
def test_other_brackets_and_words_are_part_of_the_title(title):
    assert edition_of(title) == (title, ())


def frame(rows):
    return pd.DataFrame(rows, columns=["display_title", "type", "release_year"])


def test_editions_join_their_original_and_only_it():
    works = catalogue_work_ids(
        frame(
            [
                ("Coco", "movie", 2017),
                ("Coco (in Spanish)", "movie", 2017),
                ("(Dub) Akira", "movie", 1988),
                ("(Sub) Akira", "movie", 1988),
                ("Akira", "movie", 2030),
                ("Spider-Man", "tv show", 1994),
                ("Spider-Man (Shorts)", "tv show", 2016),
                ("Star Wars Rebels", "tv show", 2014),
                ("Star Wars Rebels (Shorts)", "tv show", 2014),
            ]
        )  # fmt: skip
    )
    assert works[0] == works[1]
    assert works[2] == works[3] != works[4]  # a film 42 years later is another film
    assert works[5] != works[6]  # shorts of 2016 are not the 1994 series
    assert works[7] == works[8]


def test_real_editions_are_copies_of_their_originals(full_catalogue):
    works = dict(zip(full_catalogue["display_title"], catalogue_work_ids(full_catalogue), strict=False))
    assert works["Coco (in Spanish)"] == works["Coco"]
    assert works["Shrek 2 (en Español)"] == works["Shrek 2"]
    assert works["Incredibles 2 (Spanish Version)"] == works["Incredibles 2"]
    assert works["(Dub) Akira"] == works["(Sub) Akira"]
