"""Words that carry no argument: fillers, words asking for titles in general, words that make a
message a sentence, question words."""

from __future__ import annotations

from core.understanding.lexicon.catalogue import ANY_PLATFORM
from core.understanding.lexicon.company import COMPANY
from core.understanding.lexicon.phrases import _phrases

# fmt: off

# Words that say nothing by themselves; dropped from leftovers, never titles on their own.
FILLER = frozenset(_phrases(
    "i | me | my | we | us | you | u | your | it | its | this | that | these | those | there | here | "
    "can | could | would | should | will | shall | may | might | do | does | did | to | be | been | am | "
    "is | are | was | were | has | have | had | a | an | the | of | on | in | at | for | with | by | and | or | "
    "please | pls | plz | pliz | kindly | just | only | now | right now | currently | today | tonight | "
    "tell me | show me | give me | list | list me | find me | get me | let me know | i want | i need | "
    "give us | show us | tell us | find us | get us | recommend us | help us | for us | "
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
    "en castellano | con subtitulos | with subtitles | un rato | for a while | for a bit | a while | "
    # kin, never a slip of a platform: "mi prima dice …" is no Prime Video
    "prima | primo | primas | primos | "
    # "que sean pelis", "other sandra bullock movies", "hay otras series así"
    "sea | sean | other | otras | otros | "
    "tho | though | specifically | especificamente | en especifico | en particular | in particular | "
    # "quito lo de terror y pongo ciencia ficción": the genre after "pongo" is the new one
    "pongo | pon | ponme | ponle | put | put in | "
    # an occasion: "anything good for a rainy day", "algo para un domingo lluvioso"
    "for a rainy day | on a rainy day | rainy day | a rainy day | rainy sunday | dia lluvioso | un dia lluvioso | "
    "dia de lluvia | un dia de lluvia | domingo lluvioso | un domingo lluvioso | lazy sunday | sunday afternoon | "
    # how it will be watched: "una serie corta para maratonear", "something to binge"
    "maratonear | para maratonear | maraton | binge | to binge | binge watch | bingewatch | binging | "
    "de un tiron | en un dia | in one sitting | "
    # the time there is: "it has to fit in a 50 minute period"
    "period | class period | time slot | slot | "
    # an occasion, not a kind of title: "work movie night", "film club pick tonight"
    "movie night | a movie night | movie nite | film club | movie club | movie marathon | noche de pelis | "
    "noche de peliculas | maraton de pelis | cine club | cineclub"
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
# A question's tag after a platform: "coco is on disney right?", "¿está en netflix, verdad?"
TAG_WORDS = frozenset(_phrases("right | verdad | cierto | yet | todavia | aun"))
# ... and the words that ask "is that so?" after a claim: "dexter is on hulu, true?"
CONFIRMING = TAG_WORDS | frozenset(_phrases("true | real | legit | fr | facts | seriously | neta | enserio"))
# fmt: on
# "on any of these", "con mi novia": read as one phrase, then dropped from titles and leftovers
FILLER = FILLER | ANY_PLATFORM | COMPANY
REQUEST_WORDS = REQUEST_WORDS | COMPANY  # ... but it makes the message a request
