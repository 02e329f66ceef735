"""The words of filters said in words, read by ``core.understanding.slots``: year ranges and
decades, ages and audiences, runtimes and seasons, exclusions, two genres in one word, and the
cues before a person's name."""

from __future__ import annotations

from core.questions.bands import Band
from core.questions.filters import Role

DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960, "seventies": 1970,
    "eighties": 1980, "nineties": 1990, "veinte": 1920, "treinta": 1930, "cuarenta": 1940, "cincuenta": 1950,
    "sesenta": 1960, "setenta": 1970, "ochenta": 1980, "noventa": 1990, "sesentas": 1960, "setentas": 1970,
    "ochentas": 1980, "noventas": 1990,
}  # fmt: skip
AFTER = frozenset(["after", "despues de", "despues del", "posteriores a", "posteriores al", "posterior a", "post",
                   "later than", "newer than", "made after", "released after"])  # fmt: skip
SINCE = frozenset(["since", "desde", "from", "starting", "a partir de", "de", "del"])
BEFORE = frozenset(["before", "antes de", "antes del", "older than", "earlier than", "pre", "prior to", "anteriores a",
                    "anteriores al", "made before", "released before"])  # fmt: skip
UNTIL = frozenset(["until", "up to", "hasta", "till", "through"])
BETWEEN = frozenset(["between", "entre", "from", "de", "del"])
AND_TO = frozenset(["and", "to", "y", "a", "al", "through", "hasta", "until", "till"])
RECENT = frozenset(["recent", "recently", "new", "newest", "latest", "recientes", "reciente", "nuevas",
                    "nuevos", "nueva", "nuevo", "ultimas", "ultimos", "estrenos", "actuales"])  # fmt: skip
RECENT_YEARS = 3
ONWARDS = frozenset(
    [
        "on",
        "onwards",
        "onward",
        "en adelante",
        "or later",
        "o despues",
        "and later",
        "y despues",
        "pa delante",
        "pa adelante",
        "para adelante",
        "para delante",
        "pa aca",
        "para aca",
        "hacia aca",
        "and newer",
        "or newer",
        "and up",
        "o mas nuevas",
        "o mas nuevos",
        "hasta hoy",
        "hasta ahora",
        "till now",
        "to now",
    ]
)

AGE_UNITS = ("year old", "years old", "year olds", "yr old", "yrs old", "yo", "y o", "anos", "ano", "anitos",
             "añitos", "years", "year")  # fmt: skip
CHILD_WORDS = frozenset(["kid", "kids", "child", "children", "son", "daughter", "boy", "girl", "hijo", "hija",
                         "hijos", "hijas", "nino", "nina", "ninos", "ninas", "sobrino", "sobrina", "sobrinos",
                         "nene", "nena", "nenes", "peque", "crio", "cria", "chico", "chica", "baby", "toddler"])  # fmt: skip
BAND_WORDS: dict[str, tuple[Band | None, Band | None]] = {
    **dict.fromkeys(["kids", "kid", "children", "childrens", "child", "ninos", "nino", "ninas", "infantil",
                     "infantiles", "para ninos", "for kids", "kid friendly", "kids friendly", "child friendly",
                     "para los ninos", "para chicos", "nenes", "criaturas", "chiquillos"], (None, Band.SEVEN)),
    **dict.fromkeys(["toddler", "toddlers", "preschool", "preschoolers", "little kids", "little ones",
                     "bebes", "bebe", "peques", "pequenos", "chiquitos", "babies", "los mas pequenos",
                     "family", "familia", "familiar", "familiares", "en familia", "whole family",
                     "everyone can watch", "for everyone", "all ages", "everyone can see", "todo publico", "para todo publico",
                     "todo el publico", "para toda la familia", "toda la familia", "para todos",
                     "todas las edades", "apta para todo publico", "aptas para todo publico",
                     "apto para todo publico"], (None, Band.ALL)),
    **dict.fromkeys(["teen", "teens", "teenager", "teenagers", "adolescente", "adolescentes", "jovenes",
                     "juvenil", "juveniles", "tweens", "preteen", "preteens"], (None, Band.THIRTEEN)),
    **dict.fromkeys(["adults only", "adult only", "for adults", "para adultos", "solo adultos", "solo para adultos",
                     "adultos", "adults", "grown ups", "grownups", "mayores de 18", "para mayores de 18",
                     "mature", "adult"], (Band.EIGHTEEN, Band.EIGHTEEN)),
}  # fmt: skip
FOR_WORDS = frozenset(["for", "para", "con", "with", "de", "los", "las",
                       "a", "al", "friendly", "apta", "apto", "aptas", "aptos"])  # fmt: skip
NEGATIONS = frozenset(["no", "not", "non", "without", "sin", "except", "excepto", "menos", "nothing", "nada",
                       "ni", "isnt", "arent", "but no", "but not", "pero no", "pero sin", "que no sea",
                       "que no sean", "other than", "apart from", "dont want", "no quiero"])  # fmt: skip
LESS = frozenset(["under", "less than", "shorter than", "below", "max", "at most", "no more than", "up to",
                  "menos de", "menos que", "hasta", "maximo", "no mas de", "within", "inferior a"])  # fmt: skip
MORE = frozenset(["over", "more than", "longer than", "above", "at least", "mas de", "mas que", "minimo",
                  "al menos", "por lo menos", "superior a", "plus"])  # fmt: skip
MINUTE_UNITS = {"min": 1, "mins": 1, "minute": 1, "minutes": 1, "minuto": 1, "minutos": 1, "m": 1,
                "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "h": 60, "hora": 60, "horas": 60}  # fmt: skip
INCLUSIVE = frozenset(
    [
        "at most",
        "no more than",
        "up to",
        "hasta",
        "maximo",
        "no mas de",
        "at least",
        "al menos",
        "minimo",
        "por lo menos",
    ]
)
NEGATED_FILLER = frozenset(
    ["more", "mas", "de", "of", "any", "ningun", "ninguna", "a", "an", "too", "muy", "el", "la"]
)
HALF_HOUR = ("and a half", "y media", "and half")
ONE_SEASON = frozenset(["miniseries", "miniserie", "miniseries", "mini series", "mini serie", "limited series",
                        "serie limitada", "series limitada", "single season", "one season", "una temporada",
                        "1 season", "1 temporada", "one season only", "una sola temporada"])  # fmt: skip
SEASON_WORDS = frozenset(["season", "seasons", "temporada", "temporadas"])
TWO_GENRES = {"romcom": ("romance", "comedy"), "romcoms": ("romance", "comedy"), "rom com": ("romance", "comedy"),
              "rom coms": ("romance", "comedy"), "comedia romantica": ("romance", "comedy"),
              "comedias romanticas": ("romance", "comedy"), "romantic comedy": ("romance", "comedy"),
              "romantic comedies": ("romance", "comedy"), "dramedy": ("comedy", "drama"),
              "dramedia": ("comedy", "drama")}  # fmt: skip
PERSON_CUES: dict[str, Role | None] = {
    **dict.fromkeys(["with", "starring", "featuring", "feat", "ft", "con", "protagonizada por",
                     "protagonizadas por", "protagonizado por", "actuada por", "en las que sale",
                     "en la que sale", "donde sale", "donde actua", "que sale", "sale", "stars",
                     "acted by", "played by"], Role.CAST),
    **dict.fromkeys(["directed by", "dirigida por", "dirigidas por", "dirigido por", "dirigidos por", "by",
                     "de la directora", "del director", "from director", "from the director",
                     "director", "directora", "realizada por"], Role.DIRECTOR),
    **dict.fromkeys(["de", "del", "from", "por"], None),
}  # fmt: skip
TITLE_CUES = frozenset(["where", "watch", "like", "is", "have", "want", "after", "taste"])
LOOSE_PERSON_CUES = frozenset(["de", "del", "from", "por", "by", "director", "directora"])
# Cues after which two unknown words are surely a name, found or not ("de", "by" are not).
PLAIN_PERSON_CUES = frozenset(
    [
        "with",
        "starring",
        "featuring",
        "con",
        "protagonizada por",
        "protagonizadas por",
        "protagonizado por",
        "directed by",
        "dirigida por",
        "dirigidas por",
        "dirigido por",
        "dirigidos por",
        "acted by",
        "played by",
    ]
)
# A cue that really asks for a part only when the user says so: "with X" is X in any part.
STATED_ROLE = frozenset(["starring", "protagonizada por", "protagonizadas por", "protagonizado por",
                         "actuada por", "acted by", "played by", "en las que sale", "en la que sale",
                         "donde sale", "donde actua", "que sale", "sale", "stars", "featuring"]) | frozenset(
    k for k, v in PERSON_CUES.items() if v is Role.DIRECTOR
)  # fmt: skip
NAME_PARTICLES = frozenset(
    ["de", "del", "la", "le", "van", "von", "di", "da", "du", "l", "j", "el", "dos", "das", "st"]
)
MAX_NAME_WORDS = 4
