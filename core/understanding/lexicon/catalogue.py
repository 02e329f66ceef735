"""Arguments the catalogue filters by, in both languages: platforms, types, duration units,
genres (with the moods of ``moods``), countries and demonyms, number words, ratings in words.

Genres come from ``core.catalogue.genres``; platform, type and duration aliases from
``core.catalogue.arguments``; countries from the catalogue itself (``Understanding.build``),
with the Spanish names and demonyms below.
"""

from __future__ import annotations

from core.catalogue import arguments, genres
from core.catalogue.title_types import TitleType
from core.understanding.lexicon.moods import MOODS
from core.understanding.lexicon.phrases import _phrases

# ---- arguments ----------------------------------------------------------------------------
PLATFORMS: dict[str, str] = {genres.fold(k): v for k, v in arguments.PLATFORM_ALIASES.items()}
PLATFORMS.update(
    {
        "disney plus": "disney", "disney+": "disney", "disneyplus": "disney", "disney channel": "disney",
        "prime video": "amazon", "amazon video": "amazon", "amazon prime video": "amazon",
        "primevideo": "amazon", "prime": "amazon", "amazon prime": "amazon",
        "netflix": "netflix", "netflis": "netflix", "netflx": "netflix", "neflix": "netflix", "nflx": "netflix",
        "hulu": "hulu", "hullu": "hulu", "hulo": "hulu", "huly": "hulu", "jhulu": "hulu",
    }
)  # fmt: skip
# "is X on any of these?": every platform, said after a title; one phrase, so it comes off the
# title's end whole (TITLE_TAILS, TAIL_WORDS) instead of being searched as part of it.
ANY_PLATFORM = frozenset(
    _phrases(
        "on any of these | on any of them | on any of those | in any of these | in any of them | any of these | "
        "any of them | any of those | on any of these apps | on any of these platforms | on any of your apps | "
        "on any platform | on any of the platforms | en alguna de estas | en alguna de esas | "
        "en alguno de estos | en cualquiera de estas | en cualquiera | en alguna plataforma | "
        "en alguna de las plataformas | en ninguna | en alguna"
    )
)

TYPES: dict[str, str] = {genres.fold(k): v for k, v in arguments.TYPE_ALIASES.items() if k != "tv"}
TYPES.update(
    {
        "peli": TitleType.MOVIE, "pelis": TitleType.MOVIE, "pelicula": TitleType.MOVIE, "peliculas": TitleType.MOVIE, "filme": TitleType.MOVIE,
        "filmes": TitleType.MOVIE, "cine": TitleType.MOVIE, "movis": TitleType.MOVIE, "moviez": TitleType.MOVIE, "flicks": TitleType.MOVIE,
        "tv show": TitleType.SHOW, "tv shows": TitleType.SHOW, "tv series": TitleType.SHOW, "programas": TitleType.SHOW,
        "programa": TitleType.SHOW, "programas de tv": TitleType.SHOW, "series de tv": TitleType.SHOW, "show de tv": TitleType.SHOW,
        "shows de tv": TitleType.SHOW, "seriales": TitleType.SHOW, "telenovela": TitleType.SHOW, "telenovelas": TitleType.SHOW,
        "tv": TitleType.SHOW,
    }
)  # fmt: skip
DURATIONS: dict[str, str] = {genres.fold(k): v for k, v in arguments.DURATION_TYPE_ALIASES.items()}
DURATIONS.update(
    {"minuto": "min", "minutes long": "min", "runtime": "min", "duracion": "min", "temporada": "season"}
)

# Genre phrases from core.catalogue.genres; a synonym that carries a type ("action movies", "peliculas de
# accion") is left to the scanner, which reads its two halves and so keeps the type too.
GENRES: dict[str, str] = {}
for _phrase, _genre in genres.SYNONYMS.items():
    _words = _phrase.split()
    if len(_words) > 1 and any(w in TYPES for w in _words):
        _rest = " ".join(w for w in _words if w not in TYPES and w != "de")
        if genres.SYNONYMS.get(_rest) == _genre:
            continue
    GENRES[_phrase] = _genre
GENRES.update(
    {"de terror": "horror", "de miedo": "horror", "scifi": "scifi", "sci fi": "scifi", "docus": "documentary",
     "docuseries": "documentary", "documentals": "documentary", "docos": "documentary"}
)  # fmt: skip
GENRES.update({_phrase: _genre for _phrase, _genre in MOODS.items() if _phrase not in GENRES})
# Words a genre synonym shares with everyday speech; they count only next to a type or a genre cue.
WEAK_GENRES = frozenset(
    ["doc", "art", "fe", "cop", "spy", "war", "food", "news", "chicos", "health", "travel", "kids", "ninos",
     "family", "familia"]
)  # fmt: skip

# Spanish country names and demonyms, English demonyms: catalogue names (lowercase).
COUNTRIES: dict[str, str] = {genres.fold(k): v for k, v in arguments.COUNTRY_ALIASES.items()}
COUNTRIES.update(
    {
        genres.fold(k): v
        for k, v in {
            "estados unidos": "united states", "eeuu": "united states", "ee uu": "united states",
            "usa": "united states", "eua": "united states", "norteamerica": "united states",
            "american": "united states", "americanas": "united states", "americanos": "united states",
            "estadounidense": "united states", "estadounidenses": "united states", "gringas": "united states",
            "reino unido": "united kingdom", "inglaterra": "united kingdom", "gran bretana": "united kingdom",
            "british": "united kingdom", "britanicas": "united kingdom", "britanicos": "united kingdom",
            "inglesas": "united kingdom", "ingleses": "united kingdom", "english": "united kingdom",
            # "spanish", "españolas" say where a title is from: the catalogues record a country, no
            # language. The language ("in spanish", "en español", "spanish dubbed") is a filler
            # (words.FILLER, titles.TAIL_WORDS): no filter, never Spain.
            "espana": "spain", "spanish": "spain", "espanolas": "spain", "espanoles": "spain",
            "espanola": "spain",
            "mexico": "mexico", "mejico": "mexico", "mexican": "mexico", "mexicanas": "mexico",
            "mexicanos": "mexico", "mexicana": "mexico", "mexicano": "mexico",
            "francia": "france", "french": "france", "francesas": "france", "franceses": "france",
            "alemania": "germany", "german": "germany", "alemanas": "germany", "alemanes": "germany",
            "italia": "italy", "italian": "italy", "italianas": "italy", "italianos": "italy",
            "japon": "japan", "japanese": "japan", "japonesa": "japan", "japones": "japan", "japonesas": "japan", "japoneses": "japan",
            "corea": "south korea", "corea del sur": "south korea", "korea": "south korea",
            "korean": "south korea", "coreanas": "south korea", "coreanos": "south korea",
            "coreana": "south korea", "coreano": "south korea", "koreanas": "south korea",
            # a show too (filters.COUNTRY_SHOWS); "anime" stays a genre
            "k drama": "south korea", "kdrama": "south korea", "kdramas": "south korea",
            "k dramas": "south korea", "dorama": "south korea", "doramas": "south korea",
            "indian": "india", "hindi": "india", "bollywood": "india", "indias": "india", "hindues": "india",
            "canada": "canada", "canadian": "canada", "canadienses": "canada",
            "brasil": "brazil", "brazilian": "brazil", "brasilenas": "brazil", "brasilenos": "brazil",
            "argentinian": "argentina", "argentine": "argentina", "argentinas": "argentina",
            "argentinos": "argentina", "colombian": "colombia", "colombianas": "colombia",
            "colombianos": "colombia", "chilean": "chile", "chilenas": "chile", "chilenos": "chile",
            "peruvian": "peru", "peruanas": "peru", "turquia": "turkey", "turkish": "turkey",
            "turcas": "turkey", "turcos": "turkey", "egipto": "egypt", "egyptian": "egypt",
            "egipcias": "egypt", "nigerian": "nigeria", "nigerianas": "nigeria", "nollywood": "nigeria",
            "chinese": "china", "chinas": "china", "chinos": "china", "australian": "australia",
            "australianas": "australia", "belgica": "belgium", "belgian": "belgium",
            "taiwanese": "taiwan", "filipinas": "philippines", "filipino": "philippines",
            "tailandia": "thailand", "thai": "thailand", "tailandesas": "thailand",
            "indonesian": "indonesia", "dinamarca": "denmark", "danish": "denmark", "danesas": "denmark",
            "irlanda": "ireland", "irish": "ireland", "sudafrica": "south africa",
            "suecia": "sweden", "swedish": "sweden", "suecas": "sweden", "holanda": "netherlands",
            "paises bajos": "netherlands", "dutch": "netherlands", "polonia": "poland", "polish": "poland",
            "noruega": "norway", "norwegian": "norway", "rusia": "russia", "russian": "russia",
            "rusas": "russia", "nueva zelanda": "new zealand", "israeli": "israel", "libano": "lebanon",
            "suiza": "switzerland", "austria": "austria", "hungria": "hungary", "grecia": "greece",
            "finlandia": "finland", "islandia": "iceland", "uruguayas": "uruguay",
            "hong kong": "hong kong", "singapur": "singapore", "emiratos arabes": "united arab emirates",
            "arabia saudita": "saudi arabia", "pakistan": "pakistan", "rumania": "romania",
        }.items()
    }
)  # fmt: skip
# Words that look like a country but mostly are not: only with a "from"/"de" cue before them.
WEAK_COUNTRIES = frozenset(["english", "chinas", "indias", "georgia", "jordan", "chad"])

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10,
}  # fmt: skip

# Maturity ratings said in words (used only when the catalogue has that rating).
RATING_PHRASES = {
    "todo publico": "all", "para todo publico": "all", "todo el publico": "all", "all ages": "all",
    "for all ages": "all", "para todas las edades": "all", "todas las edades": "all",
    "mayores de 18": "18+", "para mayores de 18": "18+", "mayores de 16": "16+", "para mayores de 16": "16+",
    "mayores de 13": "13+", "para mayores de 13": "13+", "mayores de 7": "7+", "para mayores de 7": "7+",
    "adults only": "18+", "solo adultos": "18+",
}  # fmt: skip
