"""The words the understanding layer knows, English and Spanish, folded (lowercase, no accents).

Each phrase maps to what it means: a cue for an intent (``cue``), an argument (platform, type,
duration unit, genre, country), or a word that carries nothing (``filler``). The scanner in
``core.understanding.scanner`` takes the longest phrase at each position, so "how many" wins
over "how" and "ciencia ficcion" over "ciencia". Genres come from ``core.catalogue.genres``; platform,
type and duration aliases from ``core.catalogue.arguments``; countries from the catalogue itself, with
the Spanish names and demonyms below.
"""

from __future__ import annotations

from core.catalogue import arguments, genres
from core.catalogue.title_types import TitleType


def _phrases(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


# ---- intent cues --------------------------------------------------------------------------
# fmt: off
CUE_LISTS: dict[str, str] = {
    # conversation
    "help": "help | ayuda | help me | ayudame | what can you do | what do you do | what can i ask | "
            "what can i ask you | how does this work | how does it work | how do i use this | how to use | "
            "commands | comandos | instructions | instrucciones | que puedes hacer | que sabes hacer | "
            "que haces | como funciona | como funcionas | como te uso | como se usa | que eres | quien eres | "
            "who are you | what are you | menu | opciones | options | start | empezar | what kind of questions | "
            "what questions | what can i ask about | what should i ask | what do i ask | que preguntas | "
            "que tipo de preguntas | que le puedo preguntar | que te puedo preguntar | que puedo preguntar | "
            "para que sirves | para que sirve esto | para que sirve | para que eres | what are you for | "
            "can you do | you can do | puedes hacer | sabes hacer | "
            "what is this bot | what does this bot do | que hace este bot | how do you work | who made you | "
            "who created you | who built you | quien te hizo | quien te creo | quien te programo",
    "greeting": "hi | hello | hey | heya | hiya | howdy | hola | holi | holis | holaa | ola | buenas | "
                "buenos dias | buenas tardes | buenas noches | good morning | good afternoon | good evening | "
                "que tal | como estas | como andas | como va | how are you | how are you doing | hows it going | "
                "whats up | sup | yo | saludos | greetings | hey there | hi there | hello there | ey | wena | "
                "good night | goodnight | bye | goodbye | bye bye | see you | see ya | adios | chao | chau | "
                "hasta luego | nos vemos | hasta manana | oye | oiga | hey bot | hola bot | que onda | que hubo | "
                "quiubo | que pasa | que cuentas | como vas | como te va | buen dia | feliz dia | hey hey | "
                "hola hola | good day | wassup | wazzup | hello hello",
    "thanks": "thanks | thank you | thx | ty | tysm | thank u | thanks a lot | many thanks | cheers | "
              "thank you so much | thank you very much | thanks so much | thank you a lot | thanks again | "
              "gracias de nuevo | gracias otra vez | muchas gracias de verdad | "
              "gracias | muchas gracias | mil gracias | grax | graciass | muchisimas gracias | te pasaste | "
              "much appreciated | appreciate it | thanks a bunch | thanks a ton | thanks a million | thank you kindly | "
              "thanks for the help | thanks for your help | gracias por la ayuda | gracias por todo | "
              "se agradece | te agradezco | muy amable | graciasss",
    "chatter": "ok | okay | k | kk | vale | bueno vale | de acuerdo | cool | nice | genial | perfecto | perfect | "
               "great | awesome | lol | lmao | rofl | haha | hahaha | hahahaha | jaja | jajaja | jajajaja | "
               "jeje | jejeje | xd | xdd | jsjs | jsjsjs | wow | omg | bien | excelente | super | "
               "si | yes | no | nope | yeah | yep | dale | claro | sure | hmm | mmm | uh | eh | ah | "
               "so much | very much | nvm | nevermind | never mind | forget it | idk | i dont know | dunno | no idea | "
               "whatever | ni idea | no se | no lo se | da igual | olvidalo | olvida | nada | nah | naa | "
               "are you a bot | are you a robot | are you human | are you real | are you an ai | "
               "are you a person | eres un bot | eres un robot | eres humano | eres real | eres una persona | "
               "eres una ia",
    # who the user is talking to: chatter only next to a greeting or thanks ("gracias crack"), never
    # taken off the end of a title ("Iron Man")
    "vocative": "amigo | amiga | bro | man | dude | buddy | crack | bot | genio | capo | maquina | hermano | "
                "pana | parce | wey | guey | mate | pal | fam | idolo | streambot | stream bot",
    # "where": a platform question about a title
    "where": "where | wher | whr | whre | wehre | hwere | wheres | where is | where are | where to | "
             "donde | dnde | dond | onde | en donde | adonde | a donde | "
             "which platform | what platform | which service | what service | which streaming service | "
             "what streaming service | which app | what app | which site | what site | which website | "
             "what website | which streaming | what streaming | "
             "que plataforma | cual plataforma | en que plataforma | en cual plataforma | que servicio | "
             "q plataforma | en q plataforma | k plataforma | en k plataforma | en que plataformas | "
             "en que servicio | que app | en que app | que streaming | en que streaming | "
             "whats the app | what is the app | which is the app | whats the platform | what is the platform | "
             "which is the platform | whats the service | what is the service | whats the streaming service | "
             "what is the streaming service | what apps | which apps | what platforms | which platforms | "
             "cual es la app | cual es la plataforma | cual es el servicio | en que pagina | que pagina | "
             "any of the apps | which of the apps | any of the platforms | which of the platforms | "
             "cual de las plataformas | cual de las apps | alguna de las apps | alguna de las plataformas",
    # verbs that follow "where" or open a yes/no platform question
    "watch": "watch | stream | see | find | view | ver | mirar | encontrar | veo | miro | encuentro | "
             "pasan | dan | transmiten | emiten | ponen | echan | pasa | transmite | emite | la pasan | "
             "ves | vemos | miras | miramos | ve | se ve | la encuentro | lo encuentro | la veo | lo veo | "
             "lo pasan | la dan | lo dan | watchh | wacth | whatch | wath | catch | check out | binge | "
             "puedo ver | puedo mirar | puedo encontrar | se puede ver | podemos ver | hay que ver | "
             "can i watch | can i stream | can i see | can i find | could i watch | can we watch | "
             "i can watch | to watch | to stream | to see | to find",
    "is": "is | are | esta | estan | has | have | tiene | tienen | carries | carry | hay | "
          "is streaming | is available | esta disponible | estan disponibles | streams | streaming",
    "have": "do you have | have you got | you have | tienen | tiene | teneis | hay",
    "want": "i want to watch | i wanna watch | i want to see | i would like to watch | id like to watch | "
            "quiero ver | quisiera ver | me gustaria ver | quiero mirar | tengo ganas de ver | i wanna see | "
            "quiere ver | queremos ver | quieren ver | wants to watch | want to watch | wanna watch",
    # "recommend": titles like one the user names
    "like": "like | similar | similar to | similars | similares | similares a | similar a | parecido | parecida | "
            "parecidos | parecidas | parecido a | parecida a | parecidos a | parecidas a | tipo | estilo | "
            "al estilo de | del estilo de | in the style of | the likes of | same as | such as | como | "
            "along the lines of | in the vein of | onda | comparable to | akin to | reminiscent of | algo asi como | "
            "asi como | parecidas a esta | parecido a esto | something similar to | anything similar to | "
            "something similar as | algo similar a | algo parecido a",
    "recommend": "recommend | recommend me | recomend | recommendation | recommendations | recs | rec me | "
                 "suggest | suggest me | suggestion | suggestions | recomienda | recomiendame | recomendar | "
                 "recomendacion | recomendaciones | sugiere | sugiereme | sugerir | sugerencia | sugerencias | "
                 "me recomiendas | me recomiendan | me sugieres | que me recomiendas | what do you recommend | "
                 "what should i watch | what should we watch | what to watch | what can i watch | "
                 "what could i watch | what else should i watch | what else can i watch | what else | "
                 "what next | anything else | something else | anything similar | something similar | "
                 "que veo | que ver | que puedo ver | que mas puedo ver | que mas veo | que mas | algo mas | "
                 "que otra | que otras | alguna otra | otra cosa | what to see | que miro | que mirar | "
                 "any ideas | ideas | give me ideas | dame ideas | help me choose | ayudame a elegir | "
                 "need something to watch | something to watch | algo para ver | algo que ver | whats next | "
                 "what now | que sigue | y ahora que | que veo ahora | what do you suggest | que me sugieres | "
                 "what would you recommend | what would she like | what would he like | what would they like | "
                 "would she like | would he like | would they like | le puede gustar | puede gustar | "
                 "le gustaria | les puede gustar | que mas le puede gustar | que mas les puede gustar | what do i watch | "
                 "what do we watch | what do i watch now | what do we watch now | what do i watch next | "
                 "what should i see | what should i watch next | que me pongo | que me pongo a ver | "
                 "que pongo | algo bueno para ver | algo bueno | something good | anything good | "
                 "something good to watch | anything good to watch | que me pueden recomendar | "
                 "recomiendenme | recomendame | pasame algo | tirame algo | dame algo",
    "after": "after | after watching | despues de | despues de ver | tras | if i liked | if i loved | "
             "if i enjoyed | since i liked | because i liked | because i watched | fans of | for fans of | "
             "based on | si me gusto | si me encanto | ya que me gusto | para fans de | si te gusto | "
             "si te gustaron | si te encanto | si les gusto | si te gusta",
    "taste": "i liked | i loved | i enjoyed | i like | i love | i just watched | i watched | just watched | "
             "loves | love | loved | likes | she loved | he loved | they loved | she likes | he likes | "
             "ama | amo | aman | le encanto | le gusto | le encanta | le gusta | les encanto | les gusto | "
             "just finished | i just finished | i finished | i have seen | ive seen | me gusto | me gustaron | "
             "me encanto | me encantaron | me gusta | me encanta | acabo de ver | acabo de terminar | "
             "termine | ya vi | disfrute | we loved | we liked | liked | enjoyed | ive watched | "
             "ive finished | ive just finished | ive loved | i binged | just binged | binged | we binged | "
             "we watched | we just watched | we finished | we just finished | weve watched | "
             "obsessed with | hooked on | addicted to | im obsessed with | im hooked on | "
             "me vi | me vi todo | me vi toda | vi toda | vi todo | me acabe | me termine | terminamos | "
             "me flipo | me flipa | me mola | me molo | me fascino | me fascina | "
             "enganchada a | enganchado a | enganchados a | estoy enganchada a | estoy enganchado a | "
             "obsesionada con | obsesionado con | viciada con | viciado con",
    # catalogue questions
    "count": "how many | how much | hw many | number of | the number of | count | total | cuantas | cuantos | "
             "cuanta | cuanto | numero de | el numero de | cantidad de | la cantidad de | contar | cuenta",
    "top": "best | top | the best | top rated | highest rated | best rated | best scored | highest scored | "
           "top scored | greatest | mejores | mejor | las mejores | los mejores | lo mejor | worth watching | "
           "worth a watch | worth seeing | vale la pena | que vale la pena | valen la pena | "
           "mejor valoradas | mejor valorados | mas valoradas | mas valorados | mejor puntuadas | "
           "mejor calificadas | mas recomendadas | highly rated | well rated | must watch | imperdibles",
    # a list cue only next to an argument: "good horror movies", "buenas series"
    "good": "good | buenas | buenos | buena | bueno | decent | decentes | nice | cool | great | amazing",
    "longest": "longest | the longest | longest running | most seasons | the most seasons | longest lasting | "
               "mas larga | mas largo | mas largas | mas largos | la mas larga | el mas largo | "
               "mas temporadas | con mas temporadas | mas extensa | mas extenso | mayor duracion | "
               "duracion mas larga | dura mas | lasts longest | longer | mas dura | que mas dura | que dura mas | "
               "mas duran | duran mas | runs longest | longest runtime | longest running time",
    # who is in / who directed a title (before "actor", which shares "who is in")
    "cast_of": "who is in | whos in | who is on | who plays in | who plays | who acts in | who stars in | "
               "who starred in | who voices | who voiced | who is the cast of | cast of | the cast of | "
               "cast in | actors in | actors of | the actors in | the actors of | who are the actors in | "
               "quien sale en | quienes salen en | quien actua en | quienes actuan en | quien aparece en | "
               "reparto de | el reparto de | elenco de | el elenco de | actores de | los actores de | "
               "quien trabaja en | quienes trabajan en | quien hace de | quien protagoniza | quienes protagonizan",
    "director_of": "who directed | who direct | who directs | who is the director of | whos the director of | "
                   "who was the director of | director of | the director of | who made | who filmed | "
                   "quien dirigio | quien dirige | quien es el director de | quien fue el director de | "
                   "director de | el director de | la directora de | quien hizo | de quien es",
    "shortest": "shortest | the shortest | least seasons | fewest seasons | mas corta | mas corto | "
                "la mas corta | el mas corto | mas cortas | mas cortos | menor duracion | dura menos | "
                "que menos dura | menos temporadas | con menos temporadas",
    "actor": "actor | actors | actress | actresses | actriz | actores | actrices | who acts | who appears | "
             "who stars | who starred | who is in | quien actua | quien aparece | quien sale | "
             "cast member | busiest | most frequent | mas frecuente | aparece mas | "
             "appears the most | appears most | mas titulos | in the most | en mas | shows up most | "
             "shows up the most | shows up | show up | shows up in | turns up | pops up | "
             "director has the most | directors have the most | actor has the most | actors have the most | "
             "actress has the most | director tiene mas | directora tiene mas | actor tiene mas | "
             "actriz tiene mas | directores tienen mas | actores tienen mas | who has the most | "
             "quien tiene mas | ha dirigido mas | dirigio mas",
    "rating": "rated | rating | ratings | age rating | maturity rating | maturity | clasificacion | "
              "clasificadas | clasificados | clasificada | clasificado | calificacion de edad | "
              "para mayores de | apta para | aptas para | classified",
    "score": "score | scored | scores | scoring | mean score | average score | rating above | rated above | "
             "puntaje | puntuacion | puntuadas | puntuados | nota | notas | calificacion | calificadas | "
             "stars | estrellas | valoracion | puntos",
    "above": "above | over | more than | higher than | greater than | at least | better than | "
             "mayor a | mayor que | mayores a | mas de | mas que | superior a | superiores a | "
             "por encima de | arriba de | encima de | sobre",
    "from": "from | made in | produced in | de | del | desde | hechas en | hechos en | producidas en | "
            "producidos en | filmadas en",
    # insults, remarks and reactions: small talk, answered as conversation, never a title card
    # ("you suck", "que aburrido", "stupid bot"); only with the words of REMARK_FRAME around them
    "remark": "stupid | dumb | idiot | idiota | idiotas | estupido | estupida | tonto | tonta | bobo | boba | "
              "useless | inutil | inutiles | sucks | suck | you suck | apestas | garbage | trash | basura | "
              "boring | aburrido | aburrida | que aburrido | que aburrida | lame | meh | ugh | damn | dammit | "
              "wtf | crap | hate you | i hate you | te odio | shut up | callate | no sirves | sirves | "
              "no entiendes | entiendes | no me entiendes | you dont understand | wrong | horrible | awful | "
              "terrible | pesimo | pesima | malisimo | malisima | feo | fea | amazing | gracioso | graciosa | "
              "chistoso | chistosa | crazy | insane | que loco | no manches | no mames | you rock | good one | "
              "nice one | well done | bien hecho | weird | raro | rara | annoying | molesto | pesado | pesada | "
              "que mal | que triste | what a pity | thats a lot | that's a lot | jaja ok | jajaja ok | okas | "
              "woah | whoa | interesting | interesante | no way | en serio | seriously",
}
# fmt: on

# Phrases that belong to two cues on purpose, each with the rule that picks one (a test fails
# for any other phrase listed under two cues). The scanner labels the phrase with the first
# cue; ``scanner.is_cue`` also answers the others, so no meaning is dropped.
INTENDED_AMBIGUITIES: dict[str, tuple[tuple[str, ...], str]] = {
    # alone a greeting; beside a type or genre a list ("buenas series"): Understanding._asks("top")
    "buenas": (("greeting", "good"), "a list cue only beside an argument"),
    # alone a reaction; beside an argument a list ("great horror movies", "nice comedies")
    "cool": (("chatter", "good"), "a list cue only beside an argument"),
    "nice": (("chatter", "good"), "a list cue only beside an argument"),
    "great": (("chatter", "good"), "a list cue only beside an argument"),
    # "amazing" alone is a reaction; "amazing comedies" a list
    "amazing": (("remark", "good"), "a list cue only beside an argument"),
    # "¿tienen coco?", "netflix tiene X", "¿hay frozen en disney?": a yes/no platform question
    # either way (``understand._opener`` reads both cues alike)
    "tiene": (("is", "have"), "both open a platform question"),
    "tienen": (("is", "have"), "both open a platform question"),
    "hay": (("is", "have"), "both open a platform question"),
    # "who is in X" asks for X's cast; with no title after it, who is in the most titles
    "who is in": (("cast_of", "actor"), "cast_of with a title after it, else actor (Understanding._credits)"),
}


def _cue_meanings() -> dict[str, list[str]]:
    """Every cue each phrase is listed under, in CUE_LISTS order (nothing silently dropped)."""
    meanings: dict[str, list[str]] = {}
    for cue, text in CUE_LISTS.items():
        for phrase in _phrases(text):
            if cue not in meanings.setdefault(phrase, []):
                meanings[phrase].append(cue)
    return meanings


CUE_MEANINGS = _cue_meanings()
CUES: dict[str, str] = {phrase: cues[0] for phrase, cues in CUE_MEANINGS.items()}
# The other cues of an intended ambiguity (``scanner.is_cue`` answers them too).
ALSO: dict[str, frozenset[str]] = {p: frozenset(c[1:]) for p, c in CUE_MEANINGS.items() if len(c) > 1}
# Words that may stand around a remark and still leave small talk: "you're so dumb", "eres un
# inútil", "that's crazy lol", "this bot is useless".
REMARK_FRAME = frozenset(
    _phrases(
        "thats | that | this | it | its | you | youre | ur | u | are | is | so | such | a | an | really | very | "
        "pretty | too | what | how | im | i | bot | the | just | kinda | "
        "eres | sos | es | esto | eso | esta | que | muy | tan | re | super | bien | mas | el | la | un | una | "
        "me | te | no | nada | para | pero | vaya | jo | ay | answer | reply | respuesta | respuestas"
    )
)
# fmt: off

# Words that say nothing by themselves; dropped from leftovers, never titles on their own.
FILLER = frozenset(_phrases(
    "i | me | my | we | us | you | u | your | it | its | this | that | these | those | there | here | "
    "can | could | would | should | will | shall | may | might | do | does | did | to | be | been | am | "
    "is | are | was | were | has | have | had | a | an | the | of | on | in | at | for | with | by | and | or | "
    "please | pls | plz | pliz | kindly | just | only | now | right now | currently | today | tonight | "
    "tell me | show me | give me | list | list me | find me | get me | let me know | i want | i need | "
    "i want to know | i would like to know | id like to know | i wonder | know | wondering | "
    "some | any | all | every | titles | title | things | stuff | content | something | anything | "
    "released | came out | out | premiered | available | streaming | online | watch | year | years | "
    "in the year | what | which | who | whats | what is | what are | are there | is there | there are | "
    "total | overall | altogether | in total | platform | platforms | service | services | all platforms | "
    "every platform | any platform | all of them | ones | one | catalogue | catalog | library | "
    "el | la | los | las | lo | un | una | unos | unas | de | del | en | con | para | por | a | al | y | o | "
    "que | q | k | cual | cuales | quien | hay | hubo | es | son | fue | fueron | ser | tiene | tienen | esta | estan | "
    "me | mi | mis | te | tu | tus | se | su | sus | le | les | nos | yo | "
    "por favor | porfa | porfavor | xfa | plis | please | dime | decime | muestrame | mostrame | dame | "
    "quiero | quiero saber | quisiera saber | me gustaria saber | saber | necesito | busco | buscame | "
    "algo | alguna | alguno | algunas | algunos | cosa | cosas | titulos | titulo | contenido | "
    "estrenadas | estrenados | estrenada | estrenado | lanzadas | lanzados | salieron | salio | "
    "del ano | en el ano | ano | anos | ahora | hoy | actualmente | disponible | disponibles | "
    "plataforma | plataformas | servicio | todas | todos | todo | todas las plataformas | catalogo | "
    "ver | mirar | para ver | to see | to watch | veo | most | the most | more | mas | el mas | la mas | "
    "still | these days | nowadays | anymore | at all | but | pero | too | tambien | also | either | "
    "ever | of all time | de todos los tiempos | de la historia | como | how | need | i need | we need | "
    "rn | atm | asap | esta noche | this weekend | this week | este finde | este fin de semana | for tonight | "
    "para hoy | para esta noche | asi | algo asi | like that | de ese estilo | por el estilo | or what | "
    "what kind of | what sort of | what type of | que tipo de | que clase de | last week | last night | "
    "last weekend | the other day | this morning | la semana pasada | el otro dia | el finde pasado | "
    "or not | or nah | o que | o no | in spanish | in english | en espanol | en ingles | en latino | "
    "en castellano | con subtitulos | with subtitles | un rato | for a while | for a bit | a while"
))
# Words that ask for titles in general: with a filter beside them, a message is a request.
REQUEST_WORDS = frozenset(_phrases(
    "something | anything | algo | alguna | alguno | some | stuff | cosas | gimme | give me | dame | pasame | "
    "show me | muestrame | need | necesito | busco | looking for | quiero | want | wanna | tonight | "
    "esta noche | hoy | suggest | recomienda | ideas | options | opciones | go | plz | pls | porfa"
))
# Words that make a message a sentence rather than a title typed alone.
# A message is a sentence, not a title, when it starts with one of these or has 3+ words and one of them.
SENTENCE = frozenset(_phrases(
    "i | im | ive | id | me | my | you | youre | your | we | is | are | am | was | were | do | does | did | "
    "can | could | dont | cant | soy | estoy | eres | tengo | quiero | puedes | puedo | please | gracias | "
    "thanks | tell | dime | lol | cuentame | explain | explica | explicame | show me | give me | dame | es | son"
))
QUESTION_WORDS = frozenset(_phrases(
    "what | whats | why | how | who | when | which | where | que | por que | porque | como | cuando | "
    "quien | cual | donde"
))
# Spanish and English words that tell the language of a message (titles aside).
SPANISH = frozenset(_phrases(
    "donde | que | cuantas | cuantos | cuanta | cuanto | peliculas | pelicula | pelis | peli | serie | "
    "hay | en | de | del | la | las | los | el | y | con | para | por | puedo | ver | mirar | algo | parecido | "
    "parecida | parecidas | parecidos | mejores | mejor | mas | hola | gracias | favor | como | tienen | tiene | "
    "esta | estan | ano | quiero | recomiendame | recomienda | cual | cuales | busco | dame | dime | "
    "terror | comedia | comedias | accion | documentales | documental | estrenadas | salieron | plataforma | "
    "clasificacion | puntaje | larga | largo | temporadas | ayuda | buenas | buenos | que tal | "
    "jajaja | jaja | vale | genial | una | un | unas | unos | sobre | desde | entre | pais | paises | titulos | "
    "veo | ves | dnde | parecidas | parecidos | similares | jajajaja | jeje | jejeje | estoy | aburrido | "
    "aburrida | cuentame | chiste | hora | dame | holi | dale | recomendaciones | recomendacion | porfa"
))
ENGLISH = frozenset(_phrases(
    "where | what | which | how | many | movies | movie | film | films | shows | show | the | on | in | from | "
    "can | i | watch | like | best | top | longest | hello | hi | thanks | thank | please | "
    "something | anything | recommend | should | do | you | are | is | there | have | has | rated | with | "
    "most | who | titles | released | help | hey | to | of | an | and | my | else | any | "
    "stream | streaming | available | country | score | above | over | than | more | seasons | minutes | "
    "wheres | whats | good | morning | night | lol | im | bored | weather | today | tell | joke | haha | "
    "nice | thx | cheers | mate | ty | suggest | documentary | documentaries | comedies | family | kids"
))
# fmt: on
ACCENTED = frozenset("áéíóúñ¿¡ü")

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
FILLER = FILLER | ANY_PLATFORM  # and TITLE_TAILS, TAIL_WORDS below

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
# Moods asked for in people's words -> the canonical genre they mean (core.catalogue.genres ids).
MOOD_LISTS: dict[str, str] = {
    "horror": "creepy | terrifying | frightening | something scary | anything scary | scare me | to scare me | "
    "que de miedo | que den miedo | que me de miedo | de sustos | sustos | de miedito | miedito | "
    "para pasar miedo | para asustarse | para asustarme | que asuste | terrorifico | terrorificos",
    "comedy": "hilarious | make me laugh | to laugh | for a laugh | a laugh | laughs | something light | "
    "anything light | lighthearted | light hearted | feel good | feelgood | uplifting | cheerful | "
    "para reir | para reirse | para reirme | que me haga reir | me haga reir | que haga reir | "
    "haga reir | hacerme reir | reirme | risas | divertida | divertidas | divertido | divertidos | "
    "chistosas | chistosos | algo ligero | ligera | ligeras | ligero | ligeros | alegre | alegres | "
    "para desconectar",
    "drama": "sad | to cry | make me cry | for a cry | tear jerker | tearjerker | emotional | para llorar | "
    "que me haga llorar | me haga llorar | hacerme llorar | triste | tristes | emotiva | emotivas | "
    "emotivo | emotivos | conmovedora | conmovedoras",
    "romance": "date night | for a date | for date night | para una cita | noche de cita | romanticona | "
    "romanticonas | cursi | cursis | para enamorarse | amorosa | amorosas",
    "thriller": "tense | suspenseful | gripping | edge of my seat | edge of your seat | twisty | plot twist | "
    "plot twists | mind bending | de suspense | que atrape | que enganche | con giros | intrigante | "
    "intrigantes",
    "action": "action packed | adrenaline | adrenaline rush | de adrenalina | con adrenalina | trepidante | "
    "trepidantes | de peleas | de tiros | explosiva | explosivas",
}
# A phrase under two moods fails tests/unit/core/understanding/test_lexicon.py.
MOODS: dict[str, str] = {p: genre for genre, text in MOOD_LISTS.items() for p in _phrases(text)}
GENRES.update({_phrase: _genre for _phrase, _genre in MOODS.items() if _phrase not in GENRES})
# Who a request is for, when it says nothing of the titles themselves ("with my gf", "con mi
# novia"): a request, not a title, and no filter. Children are an audience with an age band
# (core.understanding.slots.BAND_WORDS).
COMPANY = frozenset(
    _phrases(
        "with my gf | with my girlfriend | with my bf | with my boyfriend | with my partner | with my wife | "
        "with my husband | with my friends | with my mates | with friends | with the boys | with the girls | "
        "with my date | with my crush | with my roommate | "
        "con mi novia | con mi novio | con mi pareja | con mi esposa | con mi esposo | con mi marido | "
        "con mi mujer | con mis amigos | con mis amigas | con amigos | con los amigos | con mi crush | "
        "con mi jeva | con mi morra | con mi chica | con mi chico | con mi roomie"
    )
) | frozenset(
    # sons and daughters of any age: who it is for, no age band ("rated pg for my son" has
    # none; "with my kids", "para los niños" have one: core.understanding.slots.BAND_WORDS)
    f"{lead} {who}"
    for lead in ("with my", "for my", "con mi", "con mis", "para mi", "para mis")
    for who in _phrases(
        "son | sons | daughter | daughters | nephew | niece | hijo | hijos | hija | hijas | "
        "sobrino | sobrinos | sobrina | sobrinas | nietos | grandkids"
    )
)
FILLER = FILLER | COMPANY  # read as one phrase, then dropped from titles and leftovers
REQUEST_WORDS = REQUEST_WORDS | COMPANY  # ... but it makes the message a request
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
            "espana": "spain", "spanish": "spain", "espanolas": "spain", "espanoles": "spain",
            "mexico": "mexico", "mejico": "mexico", "mexican": "mexico", "mexicanas": "mexico",
            "mexicanos": "mexico", "mexicana": "mexico", "mexicano": "mexico",
            "francia": "france", "french": "france", "francesas": "france", "franceses": "france",
            "alemania": "germany", "german": "germany", "alemanas": "germany", "alemanes": "germany",
            "italia": "italy", "italian": "italy", "italianas": "italy", "italianos": "italy",
            "japon": "japan", "japanese": "japan", "japonesas": "japan", "japoneses": "japan",
            "corea": "south korea", "corea del sur": "south korea", "korea": "south korea",
            "korean": "south korea", "coreanas": "south korea", "coreanos": "south korea",
            "k drama": "south korea", "kdrama": "south korea", "kdramas": "south korea",
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

# Type words a title may start or end with that the user adds ("the movie frozen", "la serie elite").
TITLE_WRAPPERS = frozenset(_phrases(
    "the movie | the film | the show | the series | the tv show | the documentary | the anime | movie | film | "
    "show | series | tv show | la pelicula | la peli | el film | la serie | el show | el programa | "
    "el documental | el anime | pelicula | peli | serie | documental | la serie de | la pelicula de | "
    "la peli de | el programa de | the show called | the movie called | the series called | la serie llamada | "
    "la pelicula llamada"
))  # fmt: skip
# Tail words after a title in a platform question: "… streaming now?", "… en linea".
TITLE_TAILS = frozenset(_phrases(
    "streaming | stream | available | online | now | right now | today | tonight | anywhere | for free | free | "
    "in streaming | please | pls | plz | thanks | thank you | gracias | por favor | porfa | ahora | hoy | "
    "en linea | online | gratis | disponible | en streaming | it | eso | esa | ese | is | are | esta | "
    "at the moment | currently | actualmente | again | otra vez | de nuevo | to watch | para ver | "
    "still | these days | nowadays | anymore | at all | but | pero | too | tambien | also | either | only | "
    "solo | todavia | aun | ya | lol | haha | jaja | jajaja | xd | rn | atm | asap | for tonight | "
    "this weekend | para hoy | para esta noche | esta noche | este finde | or what | or not | or nah | "
    "o que | o no | dubbed | subbed | doblada | doblado | subtitulada | subtitulado | last week | "
    "last night | last weekend | yesterday | the other day | this morning | la semana pasada | ayer | "
    "anoche | el otro dia | el finde pasado"
))  # fmt: skip
TITLE_TAILS = TITLE_TAILS | ANY_PLATFORM

# ---- chat spelling --------------------------------------------------------------------------
# Chat shorthand read as the word it stands for (the title text is always cut from the message
# as typed): "what can u do", "q app tiene X", "dnd veo X".
SHORTHAND = {
    "u": "you", "ur": "your", "wat": "what", "wut": "what", "wht": "what", "dat": "that", "q": "que",
    "ke": "que", "qe": "que", "xq": "porque", "pq": "porque", "dnd": "donde", "tmb": "tambien",
    "tb": "tambien", "tmbn": "tambien", "pa": "para", "xa": "para", "bn": "bien", "cn": "con", "sta": "esta",
}  # fmt: skip

# ---- words around a title -----------------------------------------------------------------
# Words that are clearly not part of a title (pronouns, auxiliaries, prepositions, common verbs
# of watching and talking, people, time): a span read as a title that no catalogue title reads
# may lose them at its edges to reveal one (``Message.narrow``): "my gf keeps talking about
# bridgerton", "I've watched all of suits", "estoy buscando la serie elite".
LEAD_INS = frozenset(_phrases(
    # pronouns, possessives, auxiliaries
    "i | im | ive | id | ill | me | my | mine | myself | we | were | weve | wed | us | our | you | youre | u | "
    "your | he | hes | she | shes | they | theyre | them | their | it | its | that | thats | this | these | "
    "those | is | are | am | was | be | been | being | do | does | did | dont | doesnt | didnt | have | has | "
    "had | can | could | would | should | will | gonna | wanna | gotta | lets | "
    "yo | mi | mis | tu | tus | su | sus | nos | nuestra | nuestro | le | les | lo | se | te | "
    "es | son | era | fue | esta | estoy | estamos | estan | estaba | estuve | he | hemos | ha | han | "
    # prepositions, conjunctions, question words, little adverbs
    "about | of | with | for | to | from | into | on | in | at | and | or | but | so | then | than | "
    "what | where | which | how | who | when | why | whats | wheres | if | "
    "de | del | a | al | con | sobre | en | para | por | y | o | pero | que | entonces | donde | como | "
    "cual | cuando | porque | just | already | finally | again | still | also | really | actually | "
    "literally | all | whole | entire | the whole | ya | recien | tambien | otra vez | de nuevo | todo | "
    "toda | todos | todas | entera | entero | completa | completo | la de | el de | the one | one | "
    # verbs of watching, looking, talking, liking
    "watch | watching | watched | rewatch | rewatching | rewatched | see | seeing | seen | saw | finish | "
    "finishing | finished | binge | binged | binging | bingeing | start | started | starting | talk | "
    "talking | talks | talked | keep | keeps | kept | look | looking | looked | try | trying | tried | find | "
    "found | search | searching | need | needs | want | wants | wanted | love | loves | loved | like | likes | "
    "liked | enjoy | enjoyed | obsessed | hooked | addicted | heard | hear | told | tells | says | said | "
    "mentioned | recommended | think | know | got | get | stream | streaming | put | play | playing | "
    "stop | stops | wont | cant | couldnt | wouldnt | isnt | arent | meaning | planning | dying | going | "
    "started | begin | asked | asking | tell | telling | chat | chatting | rave | raving | raves | "
    "suggested | said | say | mention | obsessing | check | checking | rewatch | dig | digging | "
    "ver | veo | ve | vemos | vi | vimos | viendo | visto | mirar | miro | mirando | quiero | quiere | "
    "queremos | quieren | busco | buscar | buscando | encontrar | encuentro | termine | terminamos | "
    "terminando | acabo | acabe | habla | hablan | hablando | dice | dicen | gusta | gusto | gustan | "
    "encanta | encanto | enganchada | enganchado | enganchados | obsesionada | obsesionado | viciada | "
    "hablar | hablo | hablamos | deja | dejo | para | paro | recomendar | recomienda | pidio | pide | "
    "piden | preguntar | pregunta | buscaba | buscamos | queria | queriamos | terminar | empezar | ando | "
    "andamos | anda | andaba | viciado | flipo | flipa | mola | molo | molar | recomendaron | recomendo | "
    "pongo | pone | tengo | tiene | tienen | hay | sigo | sigue | empece | empezamos | puede | pueden | "
    "puedo | podemos | "
    # comparisons after a title: "… but scarier", "… pero más corta"
    "scarier | funnier | darker | lighter | shorter | longer | newer | older | better | worse | sadder | "
    "happier | crazier | weirder | smarter | mas | menos | corta | larga | nueva | divertida | oscura | "
    "triste | peor | miedo | "
    # people, time, chat
    "gf | bf | girlfriend | boyfriend | wife | husband | mom | mum | dad | kid | kids | son | daughter | "
    "family | friend | friends | brother | sister | partner | roommate | everyone | everybody | "
    "novia | novio | esposa | esposo | mujer | marido | hijo | hija | hijos | hijas | familia | amigo | "
    "amiga | amigos | amigas | mama | papa | hermano | hermana | hermanos | pareja | nene | nena | ninos | "
    "tonight | today | now | rn | yesterday | weekend | night | lately | recently | right now | "
    "hoy | ayer | anoche | ahora | finde | noche | ultimamente | esta noche | "
    "lol | haha | jaja | jajaja | xd | omg | ok | okay | pls | please | porfa | por favor | "
    "called | named | llamada | llamado | dubbed | subbed | subtitled | doblada | doblado | subtitulada | "
    "subtitulado | espanol | espanola | ingles | inglesa | latino | castellano | spanish | english | original"
))  # fmt: skip
# Words a title cannot be made of alone: "you", "it", "out" are never what a lead-in leaves.
FUNCTION_WORDS = frozenset(_phrases(
    "i | me | my | we | us | our | you | your | he | she | her | him | his | they | them | their | it | its | "
    "that | this | there | here | out | up | down | in | on | off | over | away | back | all | one | now | "
    "yo | mi | tu | su | nos | lo | la | el | eso | esto | ahi | aqui | todo | uno | una | actually | again | "
    "is | are | am | be | do | have | can | will | es | son | se | no | yes | si | so | too | more | mas"
))  # fmt: skip
ARTICLES = frozenset(["the", "a", "an", "el", "la", "los", "las", "un", "una", "unos", "unas"])
DETERMINERS = ARTICLES | frozenset(
    ["my", "our", "your", "his", "her", "their", "mi", "mis", "tu", "tus", "su", "sus", "nuestra", "nuestro",
     "nuestros", "nuestras"]
)  # fmt: skip
# Little words titles are full of: a lead-in of these only is kept short (``Message.narrow``).
LITTLE_WORDS = (FUNCTION_WORDS - {"all", "todo"}) | ARTICLES | frozenset(_phrases(
    "about | of | with | for | to | from | into | at | and | or | but | if | what | where | which | how | who | "
    "when | why | whats | were | we | do | does | did | was | has | had | im | ive | "
    "de | del | a | al | con | sobre | en | para | por | y | o | pero | que | donde | como | cual | cuando | "
    "mis | tus | sus | les | le | te | me | era | fue | esta | estan"
))  # fmt: skip
# Prepositions that complete a verb or a noun before a title: "talking about", "all of", "hooked on".
COMPLEMENTS = frozenset(["about", "of", "for", "with", "a", "al", "de", "del", "con", "sobre", "para", "por"])
# Prepositions and conjunctions: a title that lead-in words leave never starts with one
# ("looking for grace" is not "For Grace").
PREPOSITIONS = COMPLEMENTS | frozenset(_phrases(
    "in | on | at | into | to | from | by | and | or | but | up | out | off | over | en | y | o | pero | desde"
))  # fmt: skip
# Words that take a preposition before a title: "talking about X", "all of X", "hooked on X".
TAKES_COMPLEMENT = frozenset(_phrases(
    "talking | talk | talks | talked | raving | rave | raves | chatting | obsessed | obsessing | hooked | "
    "addicted | all | fan | fans | looking | searching | waiting | asking | heard | hear | think | thinking | "
    "dreaming | crazy | mad | whole | entire | season | seasons | episode | episodes | "
    "hablar | habla | hablan | hablando | hablo | enganchada | enganchado | enganchados | obsesionada | "
    "obsesionado | viciada | viciado | fanatica | fanatico | temporada | temporadas | capitulo | "
    "capitulos | todo | toda | todos | todas | loca | loco | pregunta | preguntando"
))  # fmt: skip
# Openings of a follow-up naming one more title: "y la de toy story 4", "what about frozen 2".
FOLLOW_UPS = frozenset(_phrases(
    "y | and | o | or | also | tambien | what about | how about | and what about | and how about | que tal | "
    "y que tal | y la de | y el de | y los de | y las de | la de | el de | los de | las de | and the one | "
    "the one | y la | y el | and the"
))  # fmt: skip
# After a title: words of the same sentence that may go ("… rn", "… dubbed", "… or what"), and
# the words that open another clause after it ("… pero no sé dónde está", "… what do we watch now").
TAIL_WORDS = frozenset(_phrases(
    "rn | atm | asap | now | right now | today | tonight | hoy | ahora | esta noche | already | ya | "
    "for tonight | para hoy | para esta noche | this weekend | this week | este finde | este fin de semana | "
    "dubbed | subbed | subtitled | doblada | doblado | subtitulada | subtitulado | "
    "please | pls | plz | porfa | por favor | thanks | gracias | lol | haha | jaja | jajaja | xd | "
    "anywhere | online | streaming | available | disponible | en linea | free | gratis | or what | or not | "
    "or nah | o que | o no | last week | last night | last weekend | yesterday | the other day | "
    "this morning | la semana pasada | ayer | anoche | el otro dia | el finde pasado | in spanish | "
    "in english | en espanol | en ingles | en latino | en castellano | con subtitulos | with subtitles"
))  # fmt: skip
TAIL_WORDS = TAIL_WORDS | ANY_PLATFORM
CLAUSE_OPENERS = frozenset(_phrases(
    "but | pero | what | where | how | which | que | donde | como | cual | when | cuando | because | porque | "
    "cause | cuz | so | with | con | for | para"
))  # fmt: skip
# Streaming services outside the four catalogues: "… en hbo" after a title is not part of it.
OTHER_PLATFORMS = frozenset(_phrases(
    "hbo | hbomax | peacock | paramount | crunchyroll | youtube | starz | showtime | vix | mubi | tubi"
))  # fmt: skip
# "is that on disney+?", "¿está eso en netflix?": a platform question about the title named before.
ANAPHORA = frozenset(_phrases("it | that | this | eso | esa | ese | esto | la | lo"))

# ---- words of the deciding rules (understand, message, policy, scanner) ----------------
# understand.py
LIKE_WORDS = frozenset(["like", "como", "tipo", "onda", "estilo"])
# A bare "like"/"como" compares only after one of these (or at the start): "shows like X".
BEFORE_LIKE = frozenset(
    ["something", "anything", "stuff", "more", "other", "others", "another", "some", "similar", "things",
     "titles", "ones", "movies", "shows", "series", "films", "algo", "cosas", "otra", "otras", "otro", "otros",
     "alguna", "alguno", "algunas", "algunos", "mas", "titulos", "recommend", "recomiendame", "recomienda",
     "suggest", "sugiere", "me", "watch", "ver", "mirar", "is", "are", "es", "son", "else", "whats", "what",
     "que", "hay", "asi", "need", "want", "wanna", "quiero", "busco", "anything", "nada", "one", "uno", "una"]
)  # fmt: skip
# Help words that are nouns too ("the menu"): they end no span.
WEAK_HELP = frozenset(["menu", "start", "options", "opciones", "empezar", "commands", "comandos"])
DIRECTOR_WORDS = frozenset(
    [
        "director",
        "directors",
        "directora",
        "directoras",
        "directores",
        "filmmaker",
        "filmmakers",
        "cineasta",
        "cineastas",
    ]
)
# message.py
# Words that open a follow-up naming one more title: "and toy story?", "¿y qué tal frozen?".
FOLLOW_UP = frozenset(["and", "also", "what", "how", "about", "y", "que", "qué", "tal", "tambien", "o", "or"])
POLITE = frozenset(["please", "pls", "plz", "por favor", "porfa", "porfavor", "xfa", "plis"])
# Words between a cue and the title it points at: "where can I watch …", "dónde se puede ver …".
HEAD_SKIP = frozenset(
    ["i", "we", "you", "u", "can", "could", "would", "should", "do", "does", "did", "to", "please", "pls",
     "plz", "me", "just", "now", "also", "still", "actually", "even", "get", "really", "for", "on", "in",
     "at", "de", "del", "en", "que", "se", "yo", "puedo", "podemos", "lo", "le", "te", "nos", "then", "and",
     "y", "that", "which"]
)  # fmt: skip
HEAD_PREPOSITIONS = frozenset(["for", "on", "in", "at", "de", "del", "en"])
# policy.py
# Type words a user puts after a title: "the conjuring movie", "la casa de papel la serie".
TYPE_TAIL = frozenset(
    ["movie", "film", "series", "show", "tv show", "tv series", "the movie", "the film", "the series",
     "the show", "pelicula", "peli", "serie", "la pelicula", "la peli", "la serie", "el show"]
)  # fmt: skip
# Little words mistyped: "teh office" is "the office".
LITTLE_TYPOS = {"teh": "the", "hte": "the", "th": "the", "adn": "and", "nad": "and", "fo": "of", "og": "of"}
# A Spanish article before an English title is the English one: "los simpsons" is The Simpsons.
SPANISH_ARTICLES = {"el": "the", "la": "the", "los": "the", "las": "the"}
# Words too common to single out a title for "titles with '…'" suggestions.
COMMON = frozenset(
    ["movie", "film", "show", "series", "story", "life", "lives", "love", "man", "men", "woman", "women",
     "world", "night", "day", "time", "times", "girl", "girls", "boy", "boys", "new", "old", "big", "little",
     "last", "first", "one", "two", "three", "best", "great", "good", "home", "house", "live", "living",
     "special", "christmas", "holiday", "season", "part", "kids", "family", "dark", "black", "white", "blue",
     "green", "golden", "red", "city", "king", "queen", "game", "games", "secret", "secrets", "dead", "wild",
     "american", "lost", "young"]
)  # fmt: skip
# scanner.py
ON = frozenset(["on", "in", "at", "en", "de", "from", "via", "through", "por", "con", "inside", "dentro"])
# Words joining "on <platform>" to a title: "… but on hulu", "… or netflix", "… pero en amazon".
PLATFORM_JOIN = frozenset(["or", "and", "y", "o", "nor", "ni", "but", "pero", "only", "solo", "just", "also"])


# "tell me about X", "¿de qué va X?", "X de qué trata": a title's card. Folded, at either end.
ABOUT_LEADS = frozenset(_phrases(
    "tell me about | tell me more about | what is | whats | what's | info on | info about | details on | "
    "de que trata | de que va | de que se trata | que es | cuentame de | cuentame sobre | info de | "
    "sinopsis de | trama de | what is the plot of | whats the plot of | plot of | whats it about | "
    "what is it about | de que trata la peli | de que trata la serie"
))  # fmt: skip
ABOUT_TAILS = frozenset(
    _phrases("about | de que trata | de que va | de que se trata | que tal es | is it good")
)
