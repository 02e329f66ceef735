"""One genre vocabulary across the four platforms.

Each platform names genres its own way ("Dramas", "TV Dramas" and "Drama"; "Kids' TV"
and "Family"). ``GENRES`` is the vocabulary the bot speaks: one row per canonical genre
with its English and Spanish names, the words people type for it in either language
(matched without accents or case), and every platform label that means it. A label may
mean two genres ("Sci-Fi & Fantasy"); ``IGNORED_LABELS`` lists the labels that name no
genre on purpose (a format, an origin, a catch-all), so a label that is in neither is
new and gets counted in the snapshot's quality report, never silently dropped.

    labels_of("action-adventure, animation, buddy")   -> ["action-adventure", "animation", "buddy"]
    genres_of_labels(["action-adventure", "animation"]) -> ("action", "adventure", "animation")
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Genre:
    id: str
    en: str
    es: str
    synonyms: tuple[str, ...]  # English and Spanish, as typed; accents and case do not matter
    labels: tuple[str, ...]  # platform labels, as the catalogues write them


def _g(id_: str, en: str, es: str, synonyms: str, labels: str) -> Genre:
    return Genre(id_, en, es, tuple(_split(synonyms)), tuple(_split(labels)))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


# fmt: off
GENRES: tuple[Genre, ...] = (
    #  id             English                 Spanish                    typed synonyms (| separated)                                                         platform labels
    _g("action",      "Action",               "Acción",                  "action|actions|action movies|accion|de accion|peliculas de accion",                   "Action|Action & Adventure|Action-Adventure|TV Action & Adventure|Disaster|Superhero|Spy/Espionage"),
    _g("adventure",   "Adventure",            "Aventura",                "adventure|adventures|aventura|aventuras|de aventuras",                               "Adventure|Action & Adventure|Action-Adventure|TV Action & Adventure|Survival"),
    _g("animation",   "Animation",            "Animación",               "animation|animated|cartoon|cartoons|animacion|animada|animadas|animados|dibujos|dibujos animados|caricaturas", "Animation|Adult Animation|Cartoons|Anime|Anime Features|Anime Series"),
    _g("anime",       "Anime",                "Anime",                   "anime|animes|manga",                                                                 "Anime|Anime Features|Anime Series"),
    _g("arts",        "Arts & Culture",       "Arte y cultura",          "arts|art|culture|arte|cultura|arts and culture|arte y cultura",                       "Arts, Entertainment, and Culture"),
    _g("classics",    "Classics & Cult",      "Clásicos y de culto",     "classic|classics|cult|cult movies|old movies|clasico|clasicos|clasicas|de culto",      "Classics|Classic Movies|Classic & Cult TV|Cult Movies"),
    _g("comedy",      "Comedy",               "Comedia",                 "comedy|comedies|funny|humor|humour|sitcom|sitcoms|comedia|comedias|comicas|de risa|graciosas", "Comedy|Comedies|TV Comedies|Sitcom|Sketch Comedy|Parody|Romantic Comedy|Stand-Up Comedy|Stand Up|Stand-Up Comedy & Talk Shows"),
    _g("crime",       "Crime",                "Crimen",                  "crime|crimes|police|cop|cops|detective|detectives|gangster|gangsters|mafia|mafias|mafioso|mafiosos|de mafia|de mafias|de mafiosos|crimen|policiaca|policiacas|policiaco|policiacos|criminal|criminales", "Crime|Crime TV Shows|Police/Cop"),
    _g("documentary", "Documentary",          "Documental",              "documentary|documentaries|docs|doc|docu|docuseries|documental|documentales|docuserie|docuseries", "Documentary|Documentaries|Docuseries"),
    _g("drama",       "Drama",                "Drama",                   "drama|dramas|dramatic|dramatica|dramaticas|melodrama",                               "Drama|Dramas|TV Dramas|Medical|Soap Opera / Melodrama"),
    _g("faith",       "Faith & Spirituality", "Fe y espiritualidad",     "faith|religious|religion|christian|spiritual|spirituality|fe|religiosa|religiosas|cristiana|cristianas|espiritualidad", "Faith & Spirituality|Faith and Spirituality"),
    _g("family",      "Family & Kids",        "Familia e infantil",      "family|families|kids|children|childrens|for kids|family friendly|whole family|the whole family|familia|familiar|familiares|en familia|toda la familia|para toda la familia|infantil|infantiles|ninos|para ninos|chicos|peques", "Family|Kids|Kids' TV|Children & Family Movies"),
    _g("fantasy",     "Fantasy",              "Fantasía",                "fantasy|fantasies|fantasia|fantasias|fantastica|fantasticas",            "Fantasy|Sci-Fi & Fantasy|TV Sci-Fi & Fantasy|Superhero"),
    _g("history",     "History",              "Historia",                "history|historical|biography|biographies|biopic|biopics|historia|historica|historicas|biografia|biografias|biografica|biograficas", "History|Historical|Biographical"),
    _g("horror",      "Horror",               "Terror",                  "horror|horrors|scary|spooky|terror|terrorifica|terrorificas|de terror|miedo|de miedo", "Horror|Horror Movies|TV Horror"),
    _g("independent", "Independent",          "Independiente",           "independent|indie|indies|arthouse|art house|independiente|independientes|cine independiente|cine de autor", "Independent Movies|Arthouse"),
    _g("lgbtq",       "LGBTQ+",               "LGBTQ+",                  "lgbtq|lgbtq+|lgbt|lgbtiq|gay|lesbian|queer|lgtb|lgbti",                        "LGBTQ|LGBTQ+|LGBTQ Movies"),
    _g("lifestyle",   "Lifestyle",            "Estilo de vida",          "lifestyle|cooking|food|travel|fitness|wellness|health|estilo de vida|cocina|comida|viajes|salud|bienestar", "Lifestyle|Lifestyle & Culture|Cooking & Food|Fitness|Health & Wellness|Travel"),
    _g("music",       "Music & Musicals",     "Música y musicales",      "music|musical|musicals|concert|concerts|dance|musica|musicales|concierto|conciertos|baile", "Music|Music & Musicals|Musical|Music Videos and Concerts|Concert Film|Dance"),
    _g("nature",      "Nature & Science",     "Naturaleza y ciencia",    "nature|science|animals|wildlife|technology|naturaleza|ciencia|animales|tecnologia",  "Animals & Nature|Science & Nature TV|Science & Technology"),
    _g("news",        "News",                 "Noticias",                "news|current affairs|noticias|noticieros|actualidad",                                "News"),
    _g("reality",     "Reality & Game Shows", "Reality y concursos",     "reality|reality tv|reality show|reality shows|game show|game shows|competition|competitions|realities|concurso|concursos", "Reality|Reality TV|Unscripted|Game Show / Competition|Game Shows"),
    _g("romance",     "Romance",              "Romance",                 "romance|romances|romantic|romcom|romcoms|rom com|love story|love stories|romantica|romanticas|romantico|romanticos|de amor|peliculas de amor", "Romance|Romantic Movies|Romantic TV Shows|Romantic Comedy|Soap Opera / Melodrama"),
    _g("scifi",       "Science Fiction",      "Ciencia ficción",         "science fiction|sci fi|sci-fi|scifi|ciencia ficcion|ciencia-ficcion|cifi",  "Science Fiction|Sci-Fi & Fantasy|TV Sci-Fi & Fantasy"),
    _g("sports",      "Sports",               "Deportes",                "sports|sport|football|soccer|basketball|baseball|deportes|deporte|deportivas|deportivo|futbol", "Sports|Sports Movies"),
    _g("standup",     "Stand-Up & Talk Shows", "Monólogos y entrevistas", "stand up|stand-up|standup|stand up comedy|comedy special|comedy specials|talk show|talk shows|late night|variety|monologo|monologos|monologuistas|entrevistas|late show", "Stand-Up Comedy|Stand Up|Stand-Up Comedy & Talk Shows|Talk Show|Talk Show and Variety|Variety|Late Night"),
    _g("teen",        "Teen",                 "Adolescentes",            "teen|teens|teenage|teenager|teenagers|young adult|coming of age|adolescente|adolescentes|juvenil|juveniles", "Teen|Teen TV Shows|Young Adult Audience|Coming of Age"),
    _g("thriller",    "Thriller & Mystery",   "Suspenso y misterio",     "thriller|thrillers|suspense|mystery|mysteries|spy|spies|espionage|suspenso|misterio|misterios|intriga|espionaje|espias", "Thriller|Thrillers|TV Thrillers|Suspense|Mystery|TV Mysteries|Spy/Espionage"),
    _g("war",         "War",                  "Bélico",                  "war|wars|military|guerra|guerras|belico|belicas|belicos|militar",                    "Military and War"),
    _g("western",     "Western",              "Western",                 "western|westerns|cowboy|cowboys|oeste|del oeste|vaqueros",                           "Western"),
)

# Labels that name no genre, on purpose: what they say is said elsewhere or nowhere useful.
IGNORED_LABELS: dict[str, str] = {
    "Movies": "a type, not a genre (the type column says it)",
    "TV Shows": "a type, not a genre",
    "Series": "a type, not a genre",
    "Anthology": "a format, not a genre",
    "Buddy": "a theme shared by comedies, cop films and cartoons alike",
    "International": "an origin, not a genre (the country column says it)",
    "International Movies": "an origin, not a genre",
    "International TV Shows": "an origin, not a genre",
    "British TV Shows": "an origin, not a genre",
    "Korean TV Shows": "an origin, not a genre",
    "Spanish-Language TV Shows": "a language, not a genre",
    "Latino": "a community collection, not a genre",
    "Black Stories": "a community collection, not a genre",
    "Special Interest": "Amazon's catch-all for everything else",
}
# fmt: on

BY_ID: dict[str, Genre] = {genre.id: genre for genre in GENRES}
GENRE_IDS: tuple[str, ...] = tuple(BY_ID)
# Audience: what a family watching together can pick from. A family or animated title
# should be suggested family or animated titles on every platform.
FAMILY_GENRES = frozenset(["family", "animation"])


def fold(text: str) -> str:
    """Lowercase, accents off, punctuation to spaces: how typed words are compared."""
    text = str(text)
    if text.isascii():  # most texts: casefold is lower, and NFKD and dropping accents change nothing
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("+", " plus ").replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).split())


_NON_WORD = re.compile(r"[^\w]+")


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


LABEL_GENRES: dict[str, tuple[str, ...]] = {}
for _genre in GENRES:
    for _label in _genre.labels:
        LABEL_GENRES.setdefault(_label_key(_label), ())
        LABEL_GENRES[_label_key(_label)] += (_genre.id,)
IGNORED: frozenset[str] = frozenset(_label_key(label) for label in IGNORED_LABELS)
# A label that contains ", " ("Arts, Entertainment, and Culture") must be found before the
# list is split on commas; longest first, so no shorter one eats part of it.
COMMA_LABELS = sorted((key for key in [*LABEL_GENRES, *IGNORED] if ", " in key), key=len, reverse=True)

SYNONYMS: dict[str, str] = {}
for _genre in GENRES:
    for _word in (_genre.id, _genre.en, _genre.es, *_genre.synonyms):
        SYNONYMS.setdefault(fold(_word), _genre.id)
# Multi-word phrases first, so "science fiction" is taken before "science" (nature).
PHRASES: tuple[str, ...] = tuple(sorted(SYNONYMS, key=lambda p: (-len(p.split()), -len(p))))


def labels_of(listed_in) -> list[str]:
    """A title's ``listed_in`` split into labels (lowercase), keeping comma labels whole."""
    if not isinstance(listed_in, str) or not listed_in.strip():
        return []
    text = ", " + _label_key(listed_in) + ", "
    found = []
    for label in COMMA_LABELS:
        if f", {label}, " in text:
            found.append(label)
            text = text.replace(f", {label}, ", ", ")
    rest = [part.strip() for part in text.split(",") if part.strip()]
    return found + rest


def genres_of_labels(labels) -> tuple[str, ...]:
    """The canonical genres of a title's labels, in vocabulary order, each once."""
    ids = {genre for label in labels for genre in LABEL_GENRES.get(_label_key(label), ())}
    return tuple(g for g in GENRE_IDS if g in ids)


def genres_of(listed_in) -> tuple[str, ...]:
    return genres_of_labels(labels_of(listed_in))


def unknown_labels(listed_in_values) -> Counter:
    """Labels that are neither mapped nor ignored, with the number of titles carrying each."""
    counts: Counter = Counter()
    for value in listed_in_values:
        for label in labels_of(value):
            if label not in LABEL_GENRES and label not in IGNORED:
                counts[label] += 1
    return counts


def name(genre_id: str, language: str = "en") -> str:
    """The genre's display name in ``language`` ("es" or anything else for English)."""
    genre = BY_ID[genre_id]
    return genre.es if language == "es" else genre.en


def genre_masks(per_title) -> np.ndarray:
    """Each title's genre ids as bits of an int64 (bit i = ``GENRE_IDS[i]``), for fast overlaps."""
    bit = {g: 1 << i for i, g in enumerate(GENRE_IDS)}
    return np.array([sum(bit[g] for g in ids) for ids in per_title], dtype=np.int64)


def filed_as_family(masks: np.ndarray) -> np.ndarray:
    """Per title (``genre_masks``): filed by its platform as kids' or family content, which is
    more than animated; what lets an unrated title stand next to a children's one."""
    return (masks & genre_masks([["family"]])[0]) != 0


def split_genres(value) -> tuple[str, ...]:
    """The snapshot's ``genres`` column ("animation, family") as a tuple of ids."""
    return tuple(part for part in value.split(", ") if part) if isinstance(value, str) else ()


# The genre line of a card or a suggestion shows a few genres; these are never the ones left
# out, because they change who should watch: a parent reading "Animation" for *Archer* would
# put it on for a child. ``ADULT_ANIMATION`` is no genre of the vocabulary (questions about
# animation still find these titles): it is how the line says "animation" for a title a
# platform files as adult animation.
ADULT_ANIMATION = "adult-animation"
ADULT_ANIMATION_LABELS = frozenset(["adult animation"])
ALWAYS_SHOWN = frozenset(["horror", ADULT_ANIMATION])


def shown_genres(genres, listed_in, most: int | None = 3) -> tuple[str, ...]:
    """The genres a title's genre line shows, at most ``most`` (None: all), in vocabulary
    order: "animation" is ``ADULT_ANIMATION`` when a platform label says adult animation, and
    the ``ALWAYS_SHOWN`` genres are kept before any other is."""
    ids = split_genres(genres)
    if "animation" in ids and ADULT_ANIMATION_LABELS & set(labels_of(listed_in)):
        ids = tuple(ADULT_ANIMATION if g == "animation" else g for g in ids)
    if most is None or len(ids) <= most:
        return ids
    kept = [g for g in ids if g in ALWAYS_SHOWN][:most]
    kept += [g for g in ids if g not in ALWAYS_SHOWN][: most - len(kept)]
    return tuple(g for g in ids if g in kept)
