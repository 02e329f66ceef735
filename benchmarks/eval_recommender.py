"""Quality of title resolution and recommendations on the full catalogue, beside naive baselines.

    python -m benchmarks.eval_recommender [--snapshot data/processed] [--source ../shared/datasets]

Resolution sets (top-1 = the first match has the intended normalised title; the year cannot
be told from the text, so either of two same-named remakes counts):
- typos: 1,000 real titles with one programmatic typo (dropped, doubled, swapped or
  mistyped letter, a keyboard neighbour); typos that spell another real title are skipped;
- subtitles: titles named by their part after ":" alone ("empire strikes back (episode v)"),
  when that part belongs to no other title;
- natural: ``NATURAL``, hand-written the way people type famous titles.
Baseline: ``rapidfuzz.process.extractOne(query, titles, scorer=fuzz.WRatio)``.

Recommendations, for 1,000 random titles (seeded):
- series recall@5: for titles in a series (``core.search.titles.series_keys``: shared stem before a
  subtitle without numbers/"part 2"/"the movie", or 3+ titles sharing their first two words)
  with at least one other title in it, the share of the top 5 from the same series, out of
  min(5, other titles in the series);
- genre Jaccard@5: mean Jaccard overlap of the raw ``listed_in`` labels, query vs suggestion.
Baseline: description-only TF-IDF, cosine, top 5 excluding the title and its copies.

Canonical genres (``genre_table``), unfiltered and for each platform that does not carry the
title: canonical genre Jaccard@5, family consistency, horror consistency and copies.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from core.catalogue import genres
from core.catalogue.works import catalogue_work_ids
from core.questions import bands
from core.recommender import Recommender
from core.search.titles import normalise, series_keys
from core.understanding.policy import sure_match

SERIES = "series:"  # an accepted answer: any title of that series
NATURAL = [
    ("frozne 2", ["Frozen 2"]), ("monsters inc", ["Monsters, Inc."]), ("spiderman", ["Spider-Man"]),
    ("spiderman 2", ["Spider-Man 2"]), ("101 dalmations", ["101 Dalmatians"]),
    ("empire strikes back", ["Star Wars: The Empire Strikes Back (Episode V)"]),
    ("high school musical two", ["High School Musical 2"]), ("stranger thigns", ["Stranger Things"]),
    ("breakin bad", ["Breaking Bad"]), ("schindlers list", ["Schindler's List"]), ("lion king", ["The Lion King"]),
    ("toy story three", ["Toy Story 3"]), ("finding nemo", ["Finding Nemo"]), ("the incredibles", ["The Incredibles"]),
    ("avengers endgame", ["Marvel Studios' Avengers: Endgame"]),
    ("avengers infinity war", ["Avengers: Infinity War", "Marvel Studios' Avengers: Infinity War"]),
    ("pirates of the carribean dead mans chest", ["Pirates of the Caribbean: Dead Man's Chest"]),
    ("lord of the rings two towers", ["The Lord of the Rings: The Two Towers"]),
    ("return of the king", ["The Lord of the Rings: The Return of the King"]),
    ("black panther", ["Black Panther", "Marvel Studios' Black Panther"]), ("walle", ["WALL-E"]),
    ("wall e", ["WALL-E"]), ("ratatoullie", ["Ratatouille"]), ("inception", ["Inception"]),
    ("squid game", ["Squid Game"]), ("the witcher", ["The Witcher"]), ("mandalorian", ["The Mandalorian"]),
    ("beauty and the beast", ["Beauty and the Beast"]), ("simpsons", ["The Simpsons"]),
    ("zootopia", ["Zootopia"]), ("fantastic mr fox", ["Fantastic Mr. Fox"]), ("shrek 2", ["Shrek 2"]),
    ("kung fu panda 2", ["Kung Fu Panda 2"]), ("rocky 2", ["Rocky II"]), ("rocky four", ["Rocky IV"]),
    ("matrix reloaded", ["The Matrix Reloaded"]), ("home alone 2", ["Home Alone 2: Lost in New York"]),
    ("greys anatomy", ["Grey's Anatomy"]), ("handmaids tale", ["The Handmaid's Tale"]),
    ("orange is the new black", ["Orange Is the New Black"]), ("walking dead", ["The Walking Dead"]),
    ("great british baking show", ["The Great British Baking Show"]),
    ("pokemon indigo league", ["Pokémon: Indigo League"]), ("pokemon i choose you", ["Pokémon the Movie: I Choose You!"]),
    ("naruto shipuden", ["Naruto Shippuden"]), ("dragonball super", ["Dragon Ball Super"]),
    ("star trek next generation", ["Star Trek: The Next Generation"]), ("pulp fiction", ["Pulp Fiction"]),
    ("goodfellas", ["GoodFellas"]), ("taxi driver", ["Taxi Driver"]), ("xmen", ["X-Men"]),
    ("x men days of future past", ["X-Men: Days of Future Past"]),
    ("indiana jones last crusade", ["Indiana Jones and the Last Crusade"]),
    ("raiders of the lost ark", ["Indiana Jones and the Raiders of the Lost Ark"]),
    ("temple of doom", ["Indiana Jones and the Temple of Doom"]), ("jaws", ["Jaws"]),
    ("sound of music", ["The Sound of Music"]), ("mary poppins returns", ["Mary Poppins Returns"]),
    ("little mermaid", ["The Little Mermaid"]), ("lilo and stitch", ["Lilo & Stitch"]),
    ("jungle book", ["The Jungle Book"]), ("cinderella 2", ["Cinderella II: Dreams Come True"]),
    ("snow white and the seven dwarves", ["Snow White and The Seven Dwarfs"]), ("duck tales", ["DuckTales"]),
    ("hannah montana movie", ["Hannah Montana The Movie"]), ("bojack horseman", ["BoJack Horseman"]),
    ("rick & morty", ["Rick and Morty"]), ("parks and rec", ["Parks and Recreation"]),
    ("brooklyn 99", ["Brooklyn Nine-Nine"]), ("schitts creek", ["Schitt's Creek"]),
    ("how i met your mother", ["How I Met Your Mother"]), ("american dad", ["American Dad!"]),
    ("queens gambit", ["The Queen's Gambit"]), ("marvelous mrs maisel", ["The Marvelous Mrs. Maisel"]),
    ("man in the high castle", ["The Man In the High Castle"]), ("sex and the city 2", ["Sex and the City 2"]),
    ("mulan 2", ["Mulan II"]), ("bambi two", ["Bambi II"]), ("lalaland", ["La La Land"]),
    ("avatar last airbender", ["Avatar: The Last Airbender"]), ("gravity falls", ["Gravity Falls"]),
    ("star wars last jedi", ["Star Wars: The Last Jedi (Episode VIII)", "Star Wars: Episode VIII: The Last Jedi"]),
    ("the force awakens", ["Star Wars: The Force Awakens (Episode VII)"]), ("pokémon indigo", ["Pokémon: Indigo League"]),
    ("pokemon", [SERIES + "pokemon"]), ("star wars", [SERIES + "star wars"]),
    ("power rangers", [SERIES + "power rangers"]), ("harry potter", []), ("the godfather", []),
]  # fmt: skip
NO_MATCH = [
    "",
    "x",
    "😀🍿🎬",
    "'; DROP TABLE titles; --",
    "<script>alert(1)</script>",
    "qwrtzpflmnbvc",
    "a" * 2000,
]
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def load(args) -> pd.DataFrame:
    from core.etl import build_catalogue, load_catalogue

    if (Path(args.snapshot) / "titles.parquet").is_file():
        return load_catalogue(args.snapshot)
    return build_catalogue(args.source)


def typo(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    i = rng.choice(letters)
    kind = rng.choice(["drop", "double", "swap", "neighbour"])
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[: i + 1] + text[i:]
    if kind == "swap" and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    row = next((r for r in KEYBOARD if text[i] in r), None)
    if row is None:
        return text[:i] + text[i + 1 :]
    j = row.index(text[i])
    neighbour = row[j - 1] if j and (j + 1 == len(row) or rng.random() < 0.5) else row[j + 1]
    return text[:i] + neighbour + text[i + 1 :]


def typo_queries(catalogue: pd.DataFrame, n: int = 1000, seed: int = 7) -> list[tuple[str, str]]:
    """(misspelt query, intended normalised title) pairs."""
    rng = random.Random(seed)
    keys = set(catalogue["display_title"].map(normalise))
    titles = sorted({t for t in catalogue["title"] if len(normalise(t).replace(" ", "")) >= 5})
    pairs = []
    while len(pairs) < n:
        title = rng.choice(titles)
        query = typo(title, rng)
        if normalise(query) not in keys:
            pairs.append((query, normalise(title)))
    return pairs


def subtitle_queries(catalogue: pd.DataFrame, n: int = 300, seed: int = 7) -> list[tuple[str, str]]:
    keys = sorted(set(catalogue["display_title"].map(normalise)))
    pairs = []
    for title in sorted(set(catalogue["title"])):
        if ":" not in title:
            continue
        part = normalise(title.split(":", 1)[1])
        if len(part.split()) >= 2 and sum(part in k for k in keys) == 1:
            pairs.append((title.split(":", 1)[1].strip(), normalise(title)))
    return random.Random(seed).sample(pairs, min(n, len(pairs)))


def natural_queries(catalogue: pd.DataFrame) -> list[tuple[str, set]]:
    """(query, accepted normalised titles or series keys) pairs; unanswerable ones have an empty set."""
    known = set(catalogue["display_title"])
    pairs = []
    for query, accepted in NATURAL:
        missing = [a for a in accepted if not a.startswith(SERIES) and a not in known]
        if missing:
            raise SystemExit(f"NATURAL lists titles missing from the catalogue: {missing}")
        pairs.append((query, {a if a.startswith(SERIES) else normalise(a) for a in accepted}))
    return pairs


def resolution_table(model: Recommender, catalogue: pd.DataFrame) -> list[tuple]:
    titles = catalogue["title"].tolist()
    series_of = dict(
        zip(
            catalogue["display_title"].map(normalise),
            series_keys(catalogue["display_title"].tolist()),
            strict=True,
        )
    )

    def ours(query):
        # A match is a work: an edition ("Coco (in Spanish)") is named by its original and
        # counts as found when its row is among the match's.
        matches = model.resolve(query)
        if not matches:
            return None, sure_match(matches, query)
        keys = [normalise(model.titles[model.row_of[i]]) for i in matches[0].ids]
        return keys, sure_match(matches, query)

    def wratio(query):
        best = process.extractOne(query, titles, scorer=fuzz.WRatio)
        return ([normalise(best[0])] if best else None), True

    def correct(found, accepted):
        return any(key in accepted or (SERIES + series_of.get(key, "?")) in accepted for key in found or [])

    sets = {
        "typos (programmatic)": [(q, {k}) for q, k in typo_queries(catalogue)],
        "subtitles only": [(q, {k}) for q, k in subtitle_queries(catalogue)],
        "natural queries": [(q, a) for q, a in natural_queries(catalogue) if a],
    }
    rows = []
    for name, pairs in sets.items():
        for method, resolve in (("ours", ours), ("WRatio extractOne", wratio)):
            results = [
                (correct(found, accepted), sure) for (q, accepted) in pairs for found, sure in [resolve(q)]
            ]
            hits = sum(ok for ok, _ in results)
            sure = [ok for ok, confident in results if confident]
            rows.append((name, method, len(pairs), hits / len(pairs), len(sure) / len(pairs), _mean(sure)))
    unanswerable = [q for q, a in natural_queries(catalogue) if not a] + NO_MATCH
    flagged = sum(not sure_match(model.resolve(q), q) for q in unanswerable)
    rows.append(("no such title / junk", "ours", len(unanswerable), flagged / len(unanswerable), None, None))
    return rows


def _mean(values) -> float:
    return float(np.mean(values)) if len(values) else float("nan")


def description_baseline(catalogue: pd.DataFrame, group: np.ndarray):
    """Description-only TF-IDF neighbours: the typical first attempt."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english").fit_transform(catalogue["description"].fillna(""))

    def recommend(row: int, k: int = 5) -> list[int]:
        sims = (vectors[row] @ vectors.T).toarray().ravel()
        picked, seen = [], {group[row]}
        for other in np.argsort(-sims, kind="stable")[:200]:
            if group[other] not in seen:
                seen.add(group[other])
                picked.append(int(other))
                if len(picked) == k:
                    break
        return picked

    return recommend


def recommendation_table(model: Recommender, catalogue: pd.DataFrame, n: int = 1000) -> list[tuple]:
    series = np.array(series_keys(catalogue["display_title"].tolist()), dtype=object)
    labels = [set(v.split(", ")) if isinstance(v, str) else set() for v in catalogue["listed_in"]]
    group = model.group
    groups_in_series = pd.Series(group).groupby(series).nunique().to_dict()
    rng = np.random.default_rng(7)
    in_series = [r for r in range(len(series)) if series[r] and groups_in_series[series[r]] > 1]
    series_rows = rng.choice(in_series, size=min(n, len(in_series)), replace=False)
    genre_rows = rng.choice(len(catalogue), size=n, replace=False)
    row_of = model.row_of
    methods = {
        "ours": lambda r: [row_of[x.id] for x in model.recommend(model.ids[r], k=5)],
        "description TF-IDF": description_baseline(catalogue, group),
    }
    rows = []
    for name, recommend in methods.items():
        recall, safe_recall = [], []
        for r in series_rows:
            picked = recommend(r)
            found = sum(series[p] == series[r] for p in picked)
            recall.append(found / min(5, groups_in_series[series[r]] - 1))
            allowed = _safe_works_in_series(model, series, r)
            if allowed:
                safe_recall.append(min(found, allowed) / min(5, allowed))
        jaccard = []
        for r in genre_rows:
            picked = recommend(r)
            if labels[r] and picked:
                jaccard.append(np.mean([_jaccard(labels[r], labels[p]) for p in picked]))
        rows.append(
            (name, len(series_rows), float(np.mean(recall)), len(safe_recall), _mean(safe_recall),
             len(jaccard), float(np.mean(jaccard)))
        )  # fmt: skip
    return rows


def _safe_works_in_series(model: Recommender, series: np.ndarray, row: int) -> int:
    """How many other works of the title's series may be suggested next to it: all of them,
    except above a children's title's band (``Recommender.safe_for``)."""
    safe = model.safe_for(row)
    others = np.flatnonzero(series == series[row])
    others = others[model.group[others] != model.group[row]]
    if safe is not None:
        others = others[safe[others]]
    return len(set(model.group[others].tolist()))


def genre_table(model: Recommender, catalogue: pd.DataFrame, n: int = 1000, filtered_n: int = 400) -> list:
    """Canonical-genre agreement of suggestions, unfiltered and on each other platform.

    - genre Jaccard@5: mean Jaccard of canonical genres (``core.catalogue.genres``), query vs suggestion;
    - family consistency: for queries that are family or animation, the share of suggestions
      that are family or animation too;
    - horror consistency: the same for horror queries and horror-or-thriller suggestions;
    - copies: suggestions that are the same work as the query (``core.catalogue.works``), in all lists.
    Filtered lists: ``filtered_n`` random titles x every platform that does not carry them.
    """
    canon = [set(genres.split_genres(v)) for v in catalogue["genres"]]
    works = catalogue_work_ids(catalogue)
    rng = np.random.default_rng(11)
    unfiltered_rows = rng.choice(len(catalogue), size=n, replace=False)
    filtered_rows = rng.choice(len(catalogue), size=filtered_n, replace=False)
    carried = {w: set() for w in works.tolist()}
    for w, platform in zip(works.tolist(), catalogue["platform"], strict=True):
        carried[w].add(platform)
    unfiltered = [(r, None) for r in unfiltered_rows]
    filtered = [
        (r, p) for r in filtered_rows for p in sorted(model.platform_names) if p not in carried[works[r]]
    ]
    # Children's titles' lists keep to their bands (``Recommender.safe_for``): shown apart.
    childrens = [(r, p) for r, p in filtered if model.safe_for(r) is not None]
    others = [(r, p) for r, p in filtered if model.safe_for(r) is None]
    result = []
    for name, lists in (
        ("unfiltered", unfiltered), ("other platform", filtered), (" children's", childrens), (" others", others)
    ):  # fmt: skip
        jaccard, family, horror, copies, shown = [], [], [], 0, 0
        for r, platform in lists:
            picked = [model.row_of[x.id] for x in model.recommend(model.ids[r], k=5, platform=platform)]
            shown += len(picked)
            copies += sum(works[p] == works[r] for p in picked)
            if canon[r] and picked:
                jaccard.append(np.mean([_jaccard(canon[r], canon[p]) for p in picked]))
            if canon[r] & genres.FAMILY_GENRES:
                family += [bool(canon[p] & genres.FAMILY_GENRES) for p in picked]
            if "horror" in canon[r]:
                horror += [bool(canon[p] & {"horror", "thriller"}) for p in picked]
        result.append(
            (name, len(lists), _mean(jaccard), len(family), _mean(family), _mean(horror), copies, shown)
        )
    return result


def safety_table(model: Recommender, catalogue: pd.DataFrame, pages: int = 2, page: int = 5) -> list[tuple]:
    """Suggestions next to children's and all-ages titles, and copies in lists.

    For every title in a children's or all-ages band (``core.questions.bands``: "all" and "7+",
    and unrated titles the platform files as kids' or family content), its lists on every
    platform filter (none, and each platform), the first ``pages`` pages: the share of those
    titles with a suggestion above their band anywhere (unrated suggestions count unless the
    platform files them as kids' or family content), and the number of suggestions that are a
    copy or edition (``core.catalogue.works``) of the title or of another suggestion of the list.
    """
    band = bands.catalogue_bands(catalogue)
    family = np.array(["family" in genres.split_genres(v) for v in catalogue["genres"]])
    works = catalogue_work_ids(catalogue)
    platforms = [None, *sorted(model.platform_names)]
    rows = [r for r in range(len(catalogue)) if bands.audience_band(band[r], family[r]) <= bands.KIDS]
    unsafe_titles, unsafe_lists, copies, shown, lists = 0, 0, 0, 0, 0
    for r in rows:
        limit = bands.audience_band(band[r], family[r])
        allowed = bands.safe_beside(limit, band, family)
        any_unsafe = False
        for platform in platforms:
            picked = [
                model.row_of[x.id] for x in model.recommend(model.ids[r], k=pages * page, platform=platform)
            ]
            if not picked:
                continue
            lists += 1
            shown += len(picked)
            seen = {works[r]}
            for p in picked:
                copies += works[p] in seen
                seen.add(works[p])
            if not allowed[picked].all():
                unsafe_lists += 1
                any_unsafe = True
        unsafe_titles += any_unsafe
    return [(len(rows), unsafe_titles / max(len(rows), 1), lists, unsafe_lists, copies, shown)]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_recommender")
    parser.add_argument("--snapshot", default="data/processed", help="catalogue snapshot (used if present)")
    parser.add_argument("--source", default="../shared/datasets", help="raw data, when there is no snapshot")
    args = parser.parse_args(argv)
    catalogue = load(args)
    started = time.perf_counter()
    model = Recommender.build(catalogue)
    print(f"catalogue {catalogue.attrs.get('version')}: {len(catalogue)} titles; model built in "
          f"{time.perf_counter() - started:.1f} s\n")  # fmt: skip

    print("Title resolution (top-1 accuracy; 'confident' = core.understanding.policy.sure_match)")
    print(f"{'query set':<24}{'method':<20}{'n':>6}{'top-1':>8}{'confident':>11}{'acc|conf':>10}")
    for name, method, n, top1, share, precision in resolution_table(model, catalogue):
        extra = f"{share:>11.1%}{precision:>10.1%}" if share is not None else f"{'(flagged unsure)':>21}"
        print(f"{name:<24}{method:<20}{n:>6}{top1:>8.1%}{extra}")

    print("\nRecommendations (k=5)")
    print(
        "('safe': out of the series' titles that may stand next to it, the rest being above a children's title's band)"
    )
    print(
        f"{'method':<22}{'series n':>9}{'series recall@5':>17}{'safe n':>8}{'safe recall@5':>15}"
        f"{'genre n':>9}{'genre Jaccard@5':>17}"
    )
    for name, n_series, recall, n_safe, safe, n_genre, jaccard in recommendation_table(model, catalogue):
        print(f"{name:<22}{n_series:>9}{recall:>17.3f}{n_safe:>8}{safe:>15.3f}{n_genre:>9}{jaccard:>17.3f}")

    print("\nCanonical genres of suggestions (k=5; 'other platform' = a platform not carrying the title)")
    print(
        f"{'lists':<16}{'n':>6}{'genre Jaccard@5':>17}{'family n':>10}{'family':>8}{'horror':>8}{'copies':>8}"
    )
    for name, n, jaccard, n_family, family, horror, copies, shown in genre_table(model, catalogue):
        print(
            f"{name:<16}{n:>6}{jaccard:>17.3f}{n_family:>10}{family:>8.3f}{horror:>8.3f}{copies:>4}/{shown}"
        )

    print(
        "\nChildren's and all-ages titles: suggestions above their band, copies in lists (k=10, every platform filter)"
    )
    print(f"{'titles':>8}{'with unsafe':>13}{'lists':>8}{'unsafe lists':>14}{'copies':>8}{'shown':>8}")
    for n, share, lists, unsafe, copies, shown in safety_table(model, catalogue):
        print(f"{n:>8}{share:>13.1%}{lists:>8}{unsafe:>14}{copies:>8}{shown:>8}")


if __name__ == "__main__":
    main()
