"""The ETL rules, repairs, quality report and snapshot, on fixtures and on the full data."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from core import etl
from core.etl import build_catalogue, load_catalogue, run_etl
from core.ingest.source import SourceError
from core.snapshot.atomic import write_atomically
from core.snapshot.files import CATALOGUE_COLUMNS, SnapshotError, load_quality
from tests.conftest import FIXTURE_SOURCE
from tests.support.static_server import StaticServer


def row(cat: pd.DataFrame, title_id: str) -> pd.Series:
    return cat.set_index("id").loc[title_id]


@pytest.fixture
def source_copy(tmp_path):
    """A writable copy of the fixture source, for tests that break or extend it."""
    target = tmp_path / "source"
    shutil.copytree(FIXTURE_SOURCE, target)
    return target


# --- the specification's rules -------------------------------------------------------


def test_one_row_per_valid_title_with_the_contract_columns(fixture_catalogue):
    assert list(fixture_catalogue.columns) == CATALOGUE_COLUMNS
    assert fixture_catalogue["platform"].value_counts().to_dict() == {
        "netflix": 89,
        "disney": 49,
        "hulu": 46,
        "amazon": 44,
    }


def test_id_is_platform_letter_plus_show_id(fixture_catalogue):
    assert fixture_catalogue["id"].is_unique
    assert (
        fixture_catalogue["id"] == fixture_catalogue["platform"].str[0] + fixture_catalogue["show_id"]
    ).all()
    assert set(fixture_catalogue["id"]) >= {
        "as1",
        "as2",
        "as3",
        "as4",
        "ds1",
        "ds2",
        "hs1",
        "hs2",
        "hs3",
        "ns1",
        "ns2",
        "ns3",
    }
    assert row(fixture_catalogue, "ds1")["show_id"] == "s1"


def test_null_rating_becomes_g_and_labels_stay_as_platforms_wrote_them(fixture_catalogue):
    assert row(fixture_catalogue, "as1")["rating"] == "g"
    assert row(fixture_catalogue, "as2")["rating"] == "13+"
    assert row(fixture_catalogue, "as3")["rating"] == "all"
    assert row(fixture_catalogue, "hs2")["rating"] == "tv-14"


def test_dates_become_iso_and_stray_spaces_are_trimmed(fixture_catalogue):
    assert row(fixture_catalogue, "as1")["date_added"] == "2021-03-30"
    assert row(fixture_catalogue, "ns1")["date_added"] == "2021-09-25"  # was " September 25, 2021"
    assert pd.isna(row(fixture_catalogue, "as2")["date_added"])
    assert pd.isna(row(fixture_catalogue, "ns3")["date_added"])  # "sometime in 2021" cannot be a date


def test_text_is_lowercased_but_display_title_keeps_its_casing(fixture_catalogue):
    toy = row(fixture_catalogue, "ds1")
    assert (toy["title"], toy["display_title"]) == ("toy story", "Toy Story")
    assert toy["cast"] == "tom hanks, tim allen"
    assert toy["listed_in"] == "action-adventure, animation, family"
    assert toy["type"] == "movie"
    assert row(fixture_catalogue, "ns2")["type"] == "tv show"


def test_duration_splits_into_integer_and_type(fixture_catalogue):
    assert (
        row(fixture_catalogue, "as1")["duration_int"],
        row(fixture_catalogue, "as1")["duration_type"],
    ) == (113, "min")
    assert (
        row(fixture_catalogue, "as4")["duration_int"],
        row(fixture_catalogue, "as4")["duration_type"],
    ) == (3, "season")
    assert (
        row(fixture_catalogue, "ds2")["duration_int"],
        row(fixture_catalogue, "ds2")["duration_type"],
    ) == (1, "season")
    assert pd.isna(row(fixture_catalogue, "ns3")["duration_int"])
    assert str(fixture_catalogue["duration_int"].dtype) == "Int64"
    assert fixture_catalogue["release_year"].dtype == "int64"


# --- repairs and the quality report ------------------------------------------------------


def test_duration_found_in_rating_moves_back_and_rating_becomes_g(fixture_catalogue):
    shifted = row(fixture_catalogue, "hs1")
    assert (shifted["duration_int"], shifted["duration_type"], shifted["rating"]) == (94, "min", "g")


def test_lists_are_cleaned_and_invisible_characters_stripped(fixture_catalogue):
    assert row(fixture_catalogue, "as3")["country"] == "india"  # was "India, "
    assert row(fixture_catalogue, "as4")["listed_in"] == "drama, kids"  # was "Drama , Kids"
    assert row(fixture_catalogue, "hs1")["description"].startswith("the duration")  # had a zero-width space


def test_quality_report_counts_every_repair_and_rejection():
    report = run_etl(FIXTURE_SOURCE).quality
    assert report["repairs"]["duration_moved_from_rating"] == {"hulu": 1}
    assert report["repairs"]["rating_filled_with_g"] == {"amazon": 1, "hulu": 4}
    assert report["repairs"]["date_whitespace_trimmed"] == {"netflix": 1}
    assert report["repairs"]["date_unparseable_dropped"] == {"netflix": 1}
    assert report["rejected_rows"] == 3
    assert report["rejected_by_reason"] == {
        "wrong field count": 1,
        "duplicate show_id": 1,
        "bad release_year": 1,
    }
    lines = {(r["show_id"], r["line"]) for r in report["rejected"]}
    assert lines == {("s5", 6), ("s1", 7), ("s7", 8)}
    assert report["nulls"]["director"] == 108  # Hulu's files carry no directors at all
    dupes = report["cross_platform_duplicates"]
    assert dupes["groups"] == 11
    assert {"title": "toy story", "release_year": 1995, "ids": ["ds1", "hs3"]} in dupes["titles"]


def test_mean_ratings_become_the_score(fixture_catalogue):
    assert row(fixture_catalogue, "as1")["score"] == pytest.approx(3.4)
    assert str(fixture_catalogue["score"].dtype) == "Float64"


def test_raw_rating_parts_are_averaged_per_title(source_copy):
    (source_copy / "ratings" / "title_mean_ratings.csv").unlink()
    (source_copy / "ratings" / "1.csv").write_text(
        "userId,rating,timestamp,movieId\n1,4.0,1,as1\n2,3.0,1,as1\n3,5.0,1,ds1\n4,9.0,1,ds1\n"
    )
    (source_copy / "ratings" / "2.csv").write_text(
        "userId,rating,timestamp,movieId\n5,2.0,1,as1\n6,oops,1,hs1\n"
    )
    result = run_etl(source_copy)
    cat = result.catalogue
    assert row(cat, "as1")["score"] == pytest.approx(3.0)  # (4 + 3 + 2) / 3 across two parts
    assert row(cat, "ds1")["score"] == pytest.approx(5.0)  # the 9-star row is rejected
    assert pd.isna(row(cat, "hs1")["score"])
    ratings = result.quality["ratings"]
    assert (ratings["form"], ratings["rows_read"], ratings["rows_rejected"]) == ("raw", 6, 2)


# --- bad input ----------------------------------------------------------------------------


def test_missing_file_names_the_file(source_copy):
    (source_copy / "titles" / "hulu_titles.csv").unlink()
    with pytest.raises(SourceError, match=r"titles/hulu_titles.csv: file not found"):
        build_catalogue(source_copy)


def test_wrong_columns_name_the_file_and_the_missing_columns(source_copy):
    path = source_copy / "titles" / "disney_plus_titles.csv"
    path.write_text(path.read_text().replace("duration,", "length,", 1))
    with pytest.raises(SourceError, match=r"disney_plus_titles.csv: wrong columns, missing duration"):
        build_catalogue(source_copy)


def test_ratings_with_wrong_columns_are_refused(source_copy):
    (source_copy / "ratings" / "title_mean_ratings.csv").write_text("a,b\n1,2\n")
    with pytest.raises(SourceError, match=r"title_mean_ratings.csv: wrong columns"):
        build_catalogue(source_copy)


# --- URL sources ------------------------------------------------------------------------


def test_url_source_gives_the_same_catalogue_as_the_folder(fixture_catalogue):
    with StaticServer(FIXTURE_SOURCE) as server:
        from_url = build_catalogue(server.url)
    pd.testing.assert_frame_equal(from_url, fixture_catalogue)


def test_url_source_finds_numbered_raw_rating_parts(source_copy):
    (source_copy / "ratings" / "title_mean_ratings.csv").unlink()
    for part, stars in ((1, "4.0"), (2, "2.0")):
        (source_copy / "ratings" / f"{part}.csv").write_text(
            f"userId,rating,timestamp,movieId\n1,{stars},1,ns2\n"
        )
    with StaticServer(source_copy) as server:
        result = run_etl(server.url)
    assert result.quality["ratings"]["files"] == ["ratings/1.csv", "ratings/2.csv"]
    assert row(result.catalogue, "ns2")["score"] == pytest.approx(3.0)


def test_unreachable_url_is_a_clear_error():
    with StaticServer(FIXTURE_SOURCE) as server:
        url = server.url
    with pytest.raises(SourceError, match=r"titles/amazon_prime_titles.csv: .* is unreachable"):
        build_catalogue(url)


# --- the command line and the snapshot ---------------------------------------------------


def test_cli_exports_a_catalogue_that_loads_back_identically(tmp_path, capsys, fixture_catalogue):
    assert etl.main(["--source", str(FIXTURE_SOURCE), "--out", str(tmp_path / "snap")]) == 0
    assert "228 titles" in capsys.readouterr().out
    # An export, not a servable snapshot: no CURRENT, no snapshot folder, no model to build.
    assert sorted(p.name for p in (tmp_path / "snap").iterdir()) == ["quality.json", "titles.parquet"]
    loaded = load_catalogue(tmp_path / "snap")
    pd.testing.assert_frame_equal(loaded, fixture_catalogue)
    assert loaded.attrs["version"] == load_quality(tmp_path / "snap")["version"]


def test_failed_run_exits_nonzero_with_one_line_and_keeps_the_old_export(tmp_path, capsys, source_copy):
    out = tmp_path / "snap"
    assert etl.main(["--source", str(source_copy), "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (source_copy / "titles" / "netflix_titles.csv").write_text("show_id,title\ns1,x\n")
    capsys.readouterr()

    assert etl.main(["--source", str(source_copy), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: titles/netflix_titles.csv: wrong columns") and "\n" not in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_interrupted_write_leaves_the_old_file_and_no_debris(tmp_path):
    target = tmp_path / "titles.parquet"
    target.write_bytes(b"old")

    def write_half_then_die(path):
        with open(path, "wb") as handle:
            handle.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, write_half_then_die)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["titles.parquet"]


def test_loading_a_missing_or_damaged_snapshot_says_what_to_do(tmp_path):
    with pytest.raises(SnapshotError, match="python -m core.snapshot.build"):
        load_catalogue(tmp_path)
    (tmp_path / "titles.parquet").write_bytes(b"not parquet")
    with pytest.raises(SnapshotError, match="unreadable snapshot"):
        load_catalogue(tmp_path)


# --- the full data -----------------------------------------------------------------------


def test_full_data_counts_and_repairs(datasets_dir):
    result = run_etl(datasets_dir)
    cat, report = result.catalogue, result.quality
    assert len(cat) == 22_998 and cat["id"].is_unique
    assert report["titles_per_platform"] == {"amazon": 9668, "disney": 1450, "hulu": 3073, "netflix": 8807}
    assert report["repairs"]["duration_moved_from_rating"] == {"hulu": 292, "netflix": 3}
    assert report["rejected_rows"] == 0
    # 414 title+year pairs; 656 works once shows are matched whatever their years, and
    # films within a year of each other; 665 once editions join their originals ("Saaho
    # (Telugu)" on Prime Video is Netflix's "Saaho": core.catalogue.works).
    assert report["cross_platform_duplicates"]["groups"] == 665
    assert cat["score"].notna().all() and cat["score"].between(3.3, 3.8).all()
    assert cat["cast"][cat["platform"] == "hulu"].isna().all()
    assert not cat["rating"].str.contains(r"\d+ (?:min|season)").any()
    assert set(cat["duration_type"].dropna()) == {"min", "season"}
    assert cat["date_added"].dropna().str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (cat["title"] == cat["title"].str.lower()).all()


def test_full_data_keeps_the_platforms_own_maturity_labels(full_catalogue):
    labels = set(full_catalogue["rating"])
    assert {"13+", "all_ages", "tv-14", "g"} <= labels


def test_download_mirrors_a_url_source_into_a_folder_the_etl_reads(tmp_path, capsys, fixture_catalogue):
    from core.ingest import download

    with StaticServer(FIXTURE_SOURCE) as server:
        assert download.main(["--source", server.url, "--out", str(tmp_path / "copy")]) == 0
    files = sorted(p.relative_to(tmp_path / "copy").as_posix() for p in (tmp_path / "copy").rglob("*.csv"))
    assert files == sorted(p.relative_to(FIXTURE_SOURCE).as_posix() for p in FIXTURE_SOURCE.rglob("*.csv"))
    pd.testing.assert_frame_equal(build_catalogue(tmp_path / "copy"), fixture_catalogue)
    assert "STREAMBOT_DATA_SOURCE=" in capsys.readouterr().out


def test_download_from_a_dead_url_is_one_line(tmp_path, capsys):
    from core.ingest import download

    with StaticServer(FIXTURE_SOURCE) as server:
        url = server.url
    assert download.main(["--source", url, "--out", str(tmp_path / "copy")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "is unreachable (" in err and err.count("\n") == 1
    assert not list(tmp_path.rglob("*.csv"))
