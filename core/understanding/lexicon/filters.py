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
AFTER = frozenset(["after", "despues", "despues de", "despues del", "posteriores a", "posteriores al", "posterior a", "post",
                   "later than", "newer than", "made after", "released after", "mas nuevas que", "mas nuevos que",
                   "mas recientes que"])  # fmt: skip
SINCE = frozenset(["since", "desde", "from", "starting", "a partir de", "de", "del"])
BEFORE = frozenset(["before", "antes", "antes de", "antes del", "older than", "earlier than", "pre", "prior to", "anteriores a",
                    "anteriores al", "made before", "released before", "mas viejas que", "mas viejos que",
                    "mas antiguas que", "mas antiguos que"])  # fmt: skip
UNTIL = frozenset(["until", "up to", "hasta", "till", "through"])
BETWEEN = frozenset(["between", "entre", "from", "de", "del"])
AND_TO = frozenset(["and", "to", "y", "a", "al", "through", "hasta", "until", "till"])
RECENT = frozenset(["recent", "recently", "new", "newest", "latest", "recientes", "reciente", "nuevas",
                    "nuevos", "nueva", "nuevo", "ultimas", "ultimos", "estrenos", "actuales"])  # fmt: skip
RECENT_YEARS = 3
# "the last 5 years", "los últimos 10 años", "la última década": counted back from the catalogue's
# last release year (``_Scan.years``; the four catalogues end in 2021, so "the last 5 years" is
# 2017-2021, not five years before today).
LAST_YEARS = frozenset(["last", "the last", "past", "the past", "over the last", "in the last", "ultimos",
                        "los ultimos", "en los ultimos", "de los ultimos", "ultimas", "las ultimas"])  # fmt: skip
YEAR_UNITS = frozenset(["years", "year", "yrs", "anos", "ano"])
LAST_DECADE = frozenset(["last decade", "the last decade", "past decade", "the past decade", "ultima decada",
                         "la ultima decada", "de la ultima decada", "ultimos diez anos"])  # fmt: skip
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
                         "nene", "nena", "nenes", "peque", "crio", "cria", "chico", "chica", "baby", "toddler",
                         "cousin", "cousins", "nephew", "nephews", "niece", "nieces", "grandkid", "grandkids",
                         "grandson", "granddaughter", "twins", "primo", "prima", "primos", "primas", "primitos",
                         "nieto", "nieta", "nietos", "nietas", "gemelos", "gemelas"])  # fmt: skip
BAND_WORDS: dict[str, tuple[Band | None, Band | None]] = {
    **dict.fromkeys(["kids", "kid", "children", "childrens", "child", "ninos", "nino", "ninas", "infantil",
                     "infantiles", "para ninos", "for kids", "kid friendly", "kids friendly", "child friendly",
                     "para los ninos", "para chicos", "nenes", "criaturas", "chiquillos"], (None, Band.SEVEN)),
    **dict.fromkeys(["toddler", "toddlers", "preschool", "preschoolers", "little kids", "little ones",
                     "bebes", "bebe", "peques", "pequenos", "chiquitos", "babies", "los mas pequenos",
                     "los mas chiquitos", "mas chiquitos", "los mas peques", "chiquititos", "los peques",
                     "everyone can watch", "for everyone", "all ages", "everyone can see", "todo publico", "para todo publico",
                     "todo el publico", "para todos",
                     "todas las edades", "apta para todo publico", "aptas para todo publico",
                     "apto para todo publico"], (None, Band.ALL)),
    **dict.fromkeys(["teen", "teens", "teenager", "teenagers", "adolescente", "adolescentes", "jovenes",
                     "juvenil", "juveniles", "tweens", "preteen", "preteens"], (None, Band.THIRTEEN)),
    **dict.fromkeys(["adults only", "adult only", "for adults", "para adultos", "solo adultos", "solo para adultos",
                     "adultos", "adults", "for grown ups", "for grownups", "mayores de 18", "para mayores de 18",
                     "mature", "adult"], (Band.EIGHTEEN, Band.EIGHTEEN)),
}  # fmt: skip
# Teen words name the Teen genre when they describe the titles ("teen shows"), not who watches.
TEEN_GENRE_WORDS = frozenset(
    ["teen", "teens", "teenage", "adolescentes", "adolescente", "juvenil", "juveniles"]
)
# Between a negation and the years it negates: "not from before 1980", "que no sean de antes del 2000".
NOT_SO_DATED = frozenset(["from", "de", "sean", "sea", "made", "released", "estrenadas"])
FOR_WORDS = frozenset(["for", "para", "con", "with", "de", "los", "las",
                       "a", "al", "friendly", "apta", "apto", "aptas", "aptos"])  # fmt: skip
NEGATIONS = frozenset(["no", "not", "non", "without", "sin", "except", "excepto", "menos", "nothing", "nada",
                       "ni", "isnt", "arent", "but no", "but not", "pero no", "pero sin", "que no sea",
                       "que no sean", "other than", "apart from", "dont want", "no quiero",
                       # "skip the horror", "anything but romance", "todo menos terror" ("nothing but
                       # comedies" is only comedies: "nothing" alone is a negation, "nothing but" none)
                       "skip", "skip the", "anything but", "everything but", "anything except",
                       "everything except", "except for", "excluding", "nada de", "todo menos",
                       "cualquier cosa menos", "lo que sea menos", "lo que sea excepto", "salvo",
                       "quitando", "que no tenga", "que no tengan", "not counting", "without counting",
                       "sin contar", "sin contar las", "sin contar los", "leaving out", "dejando fuera",
                       "leave out", "leave out the", "take out", "take out the", "remove", "remove the",
                       "drop", "drop the", "get rid of", "get rid of the", "quita", "quitale", "quita las",
                       "quita los", "quito", "quito lo de", "quita lo de", "saca", "sacale", "saca las",
                       "saca los", "fuera las", "fuera los", "ninguna de", "ninguno de", "ningunas de",
                       "ningunos de", "none of the", "no more"])  # fmt: skip
# A rating as a limit: "nothing above 13+", "max 7+" (up to it); "nada de +18", "no r" (below it).
UP_TO = frozenset(["nothing above", "nothing over", "not above", "nothing higher than", "at most", "max", "maximo",
                   "hasta", "up to", "no more than", "nothing past", "nada de mas de", "nada por encima de",
                   "nada arriba de", "maximo de", "como maximo"])  # fmt: skip
NOT_RATED = frozenset(["nothing", "no", "nada de", "nada", "sin", "not", "nothing thats", "nada que sea"])
# An age said as a limit: "ok for 7 and under", "aptas para 13", "for ages 10 and up" is not one.
AND_UNDER = frozenset(["and under", "and younger", "or younger", "and below", "or under", "y menores",
                       "o menos", "y menos", "para abajo", "o menores"])  # fmt: skip
SUITABLE_FOR = frozenset(["ok for", "okay for", "suitable for", "safe for", "appropriate for", "fine for",
                          "apta para", "aptas para", "apto para", "aptos para", "apropiada para",
                          "apropiadas para", "for ages", "para edades de"])  # fmt: skip
# "nothing over 90 min", "nada de más de 2 temporadas": at most that much
NOTHING_OVER = frozenset(["nothing over", "nothing longer than", "nothing more than", "nothing above", "none over",
                          "nothing past", "nada de mas de", "nada mas de", "nada que dure mas de", "nada que pase de",
                          "nada de mas que", "ninguna de mas de", "ninguna que dure mas de"])  # fmt: skip
# "it has to fit in 50 minutes", "que quepa en una hora": at most that much
FITS_IN = frozenset(["fit in", "fit in a", "fits in", "fits in a", "fit into", "fit into a", "fits into",
                     "que quepa en", "que quepan en", "quepa en", "quepan en", "que entre en",
                     # the time someone has: "tengo hora y media libre", "we only have 2 hours"
                     "i have", "i only have", "we have", "we only have", "i got", "we got", "ive got",
                     "tengo", "solo tengo", "tenemos", "solo tenemos", "nomas tengo"])  # fmt: skip
LESS = NOTHING_OVER | FITS_IN | frozenset(["under", "less than", "shorter than", "below", "max", "at most", "no more than", "up to",
                  "menos de", "menos que", "hasta", "maximo", "no mas de", "within", "inferior a", "maximum",
                  "not longer than", "no longer than", "not over", "como mucho", "como maximo", "a lo sumo",
                  "que no pase de", "que no pasen de", "que no dure mas de", "que no duren mas de",
                  "que no supere", "que no superen", "que dure menos de", "que duren menos de",
                  "que no tenga mas de", "que no tengan mas de", "no tenga mas de", "no tengan mas de",
                  "not more than", "that dont have more than", "with no more than"])  # fmt: skip
MORE = frozenset(["over", "more than", "longer than", "above", "at least", "mas de", "mas que", "minimo",
                  "al menos", "por lo menos", "superior a", "plus", "que dure mas de", "que duren mas de"])  # fmt: skip
# After an amount: "2 temporadas máximo", "90 mins tops", "3 seasons or more" (always inclusive).
LESS_AFTER = frozenset(["max", "maximo", "maximum", "tops", "at most", "at the most", "or less", "or fewer",
                        "o menos", "como mucho", "como maximo", "a lo sumo", "as most", "or lower", "or below",
                        "and below", "and under", "or under", "o inferior", "o menor"])  # fmt: skip
MORE_AFTER = frozenset(["or more", "o mas", "at least", "minimo", "como minimo", "plus", "or longer"])
# "una o dos temporadas", "1 or 2 seasons": the words joining two amounts.
AMOUNT_OR = frozenset(["o", "or", "to", "a", "u"])
MINUTE_UNITS = {"min": 1, "mins": 1, "minute": 1, "minutes": 1, "minuto": 1, "minutos": 1, "m": 1,
                "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "h": 60, "hora": 60, "horas": 60}  # fmt: skip
INCLUSIVE = (
    NOTHING_OVER
    | FITS_IN
    | frozenset(
        [
            "max",
            "maximum",
            "not longer than",
            "no longer than",
            "not over",
            "como mucho",
            "como maximo",
            "a lo sumo",
            "que no pase de",
            "que no pasen de",
            "que no dure mas de",
            "que no duren mas de",
            "que no supere",
            "que no superen",
            "at most",
            "no more than",
            "up to",
            "hasta",
            "maximo",
            "no mas de",
            "que no tenga mas de",
            "que no tengan mas de",
            "no tenga mas de",
            "no tengan mas de",
            "not more than",
            "that dont have more than",
            "with no more than",
            "at least",
            "al menos",
            "minimo",
            "por lo menos",
        ]
    )
)
NEGATED_FILLER = frozenset(
    ["more", "mas", "de", "of", "any", "ningun", "ninguna", "a", "an", "too", "muy", "el", "la", "the", "los",
     "las", "lo", "del"]
)  # fmt: skip
HALF_HOUR = ("and a half", "y media", "and half")
QUARTER_HOUR = ("and a quarter", "y cuarto", "and quarter")  # "una hora y cuarto": 75 minutes
THIS_CENTURY = frozenset(["this century", "de este siglo", "este siglo", "del siglo xxi", "siglo xxi",
                          "21st century", "the 21st century", "del siglo 21"])  # fmt: skip
LAST_CENTURY = frozenset(["last century", "del siglo pasado", "siglo pasado", "del siglo xx", "20th century",
                          "the 20th century"])  # fmt: skip
# "nothing too long", "una peli que no sea muy larga": short titles (SHORT_MINUTES / SHORT_SEASONS)
NOT_TOO_LONG = frozenset(["not too long", "nothing too long", "not that long", "not so long", "not very long",
                          "not super long", "no muy larga", "no muy largo", "no muy largas", "no muy largos",
                          "no tan larga", "no tan largo", "no tan largas", "no tan largos", "que no sea tan larga",
                          "que no sea muy larga", "que no sea tan largo", "que no sea muy largo",
                          "que no sean tan largas", "que no sean muy largas", "que no sean tan largos",
                          "que no sean muy largos", "que no dure mucho", "que no duren mucho", "nada muy largo",
                          "nada tan largo", "nada largo"])  # fmt: skip
# "series de pocas temporadas", "shows without many seasons": up to two (SHORT_SEASONS)
FEW_SEASONS = frozenset(["pocas temporadas", "few seasons", "a few seasons", "not many seasons",
                         "not too many seasons", "not a lot of seasons", "poquitas temporadas",
                         "no muchas temporadas", "no tantas temporadas", "without too many seasons",
                         "without many seasons", "sin muchas temporadas", "sin tantas temporadas"])  # fmt: skip
ONE_SEASON = frozenset(["miniseries", "miniserie", "miniseries", "mini series", "mini serie", "limited series",
                        "serie limitada", "series limitada", "single season", "one season", "una temporada",
                        "1 season", "1 temporada", "one season only", "una sola temporada"])  # fmt: skip
# Short titles, as "shorter ones" of no earlier list reads (core.dialogue.refine): movies under
# 90 minutes, shows of up to 2 seasons. "short" only beside a type or "ones" ("the big short" is a
# title, "quick one" no runtime); the plural Spanish adjectives alone too ("cortas").
SHORT = frozenset(["short", "cortas", "cortos", "corta", "corto", "cortitas", "cortitos", "cortita", "cortito"])  # fmt: skip
SHORT_ALONE = frozenset(["cortas", "cortos", "cortitas", "cortitos"])
SHORT_BESIDE = frozenset(["ones", "one", "stuff", "something", "anything", "algo", "cosas", "unas", "unos",
                          "una", "uno", "sea", "sean"])  # fmt: skip
# "short" is under 90 minutes, as people write it ("only short ones" = "under 90 min").
SHORT_MINUTES, SHORT_SEASONS = 89, 2
# A country's shows by their own name: "k-drama", "doramas" are South Korean series.
COUNTRY_SHOWS = frozenset(["k drama", "k dramas", "kdrama", "kdramas", "dorama", "doramas"])  # fmt: skip
SEASON_WORDS = frozenset(["season", "seasons", "temporada", "temporadas"])
TWO_GENRES = {"romcom": ("romance", "comedy"), "romcoms": ("romance", "comedy"), "rom com": ("romance", "comedy"),
              "rom coms": ("romance", "comedy"), "comedia romantica": ("romance", "comedy"),
              "comedias romanticas": ("romance", "comedy"), "romantic comedy": ("romance", "comedy"),
              "romantic comedies": ("romance", "comedy"), "dramedy": ("comedy", "drama"),
              "dramedia": ("comedy", "drama")}  # fmt: skip
# Asking what else a person is in: "what else is sandra bullock in", "¿en qué más sale darín?".
# The words stay outside the person's item: they tell the message's language.
WHAT_ELSE_IN = frozenset(["what else is", "what else has", "en que mas sale", "en que mas ha salido",
                          "en que mas actua", "en que otras sale", "en que otras ha salido"])  # fmt: skip
PERSON_CUES: dict[str, Role | None] = {
    **dict.fromkeys(["with", "starring", "featuring", "feat", "ft", "con", "protagonizada por",
                     "protagonizadas por", "protagonizado por", "actuada por", "en las que sale",
                     "en la que sale", "donde sale", "donde actua", "que sale", "sale", "stars",
                     "acted by", "played by", *WHAT_ELSE_IN - {"what else has"}], Role.CAST),
    "what else has": None,  # "… been in" says the cast, "… done" nothing
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
                         "donde sale", "donde actua", "que sale", "sale", "stars", "featuring"]) | WHAT_ELSE_IN - {"what else has"} | frozenset(
    k for k, v in PERSON_CUES.items() if v is Role.DIRECTOR
)  # fmt: skip
# Verbs that put a name after them ("que dirigio tarantino", "what has tom hanks been in") or
# before them ("what has scorsese directed"): the name is a person's, in that part if one is said.
PERSON_VERBS: dict[str, Role | None] = {
    **dict.fromkeys(["dirigio", "ha dirigido", "has directed", "did direct", "dirige"], Role.DIRECTOR),
    **dict.fromkeys(["sale", "salio", "actua", "actuo", "ha actuado", "aparece", "ha salido", "ha aparecido",
                     "aparecio"], Role.CAST),  # "en qué ha salido luis tosar": the cast
    **dict.fromkeys(["tiene", "tienen", "has", "ha hecho", "hizo", "has done", "trabaja", "did",
                     "ha trabajado", "trabajo"], None),
}  # fmt: skip
PERSON_VERBS_AFTER: dict[str, Role | None] = {
    **dict.fromkeys(["directed", "direct", "dirigio", "ha dirigido", "has directed", "como director",
                     "como directora", "as director", "as a director", "as the director"], Role.DIRECTOR),
    **dict.fromkeys(["como actor", "como actriz", "as an actor", "as actor", "as an actress"], Role.CAST),
    **dict.fromkeys(["been in", "starred in", "acted in", "appeared in", "played in", "sale", "salio", "actua",
                     "actuo", "act in", "acts in", "appear in", "appears in", "star in", "stars in", "play in",
                     "plays in", "ha salido", "ha actuado", "actua en", "sale en",
                     # "is bad bunny in anything", "¿sale bad bunny en algo?"
                     "in anything", "in something", "in any movies", "in any shows", "en algo", "en alguna"],
                    Role.CAST),
    **dict.fromkeys(["was in", "is in", "done", "made", "did", "ha hecho", "hizo"], None),
}  # fmt: skip
# Words before "with" / "con" that make what follows a person even when nobody has that name:
# "any movies with bad bunny", "hay algo con cantinflas" (a request, not a title).
ASKED_WITH = frozenset(["any", "anything", "something", "algo", "alguna", "algun", "nada", "movies", "films",
                        "shows", "series", "pelis", "peliculas", "titles", "stuff", "cosas"])  # fmt: skip
NAME_PARTICLES = frozenset(
    ["de", "del", "la", "le", "van", "von", "di", "da", "du", "l", "j", "el", "dos", "das", "st"]
)
MAX_NAME_WORDS = 4
