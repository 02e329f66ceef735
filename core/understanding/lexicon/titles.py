"""Words around a title: wrappers and tails a title is cut from, lead-ins a title loses at its
edges (``Message.narrow``), follow-up openings, other platforms, "tell me about" leads."""

from __future__ import annotations

from core.understanding.lexicon.catalogue import ANY_PLATFORM
from core.understanding.lexicon.phrases import _phrases

# Type words a title may start or end with that the user adds ("the movie frozen", "la serie elite").
TITLE_WRAPPERS = frozenset(_phrases(
    "the movie | the film | the show | the series | the tv show | the documentary | the anime | movie | film | "
    "show | series | tv show | la pelicula | la peli | el film | la serie | el show | el programa | "
    "el documental | el anime | pelicula | peli | serie | documental | la serie de | la pelicula de | "
    "la peli de | el programa de | the show called | the movie called | the series called | la serie llamada | "
    "la pelicula llamada | la de | el de | the one | the one called"
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
    "anoche | el otro dia | el finde pasado | de pixar | de disney | de marvel | de dreamworks | by pixar | "
    "from pixar | from disney | esta ahi | estara ahi | ahi | alli | there | on there | in there | "
    "la tienen | lo tienen | la tiene | lo tiene | la pasan | lo pasan | la ponen | la dan | they have it | "
    "have it | la | lo | le"
))  # fmt: skip
TITLE_TAILS = TITLE_TAILS | ANY_PLATFORM

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
# A comparison after "but" / "pero" that ends a title: "tipo friends pero más nuevo", "like X but
# a bit more recent" (the filter is read elsewhere; the title stops before it).
COMPARISONS = frozenset(_phrases(
    "scarier | funnier | darker | lighter | shorter | longer | newer | older | better | sadder | happier | "
    "more | less | recent | new | old | mas | menos | corta | corto | cortas | cortos | larga | largo | "
    "nueva | nuevo | nuevas | nuevos | reciente | recientes | divertida | divertido | vieja | viejo | "
    "antigua | antiguo | oscura | oscuro | triste | miedo | a | bit | little | un | poco | poquito | tho | "
    "pls | please | porfa | actual | actuales | moderna | moderno"
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


# "tell me about X", "¿de qué va X?", "X de qué trata": a title's card. Folded, at either end.
ABOUT_LEADS = frozenset(_phrases(
    "tell me about | tell me more about | what is | whats | what's | info on | info about | details on | "
    "de que trata | de que va | de que se trata | que es | cuentame de | cuentame sobre | info de | "
    "sinopsis de | trama de | what is the plot of | whats the plot of | plot of | whats it about | "
    "what is it about | de que trata la peli | de que trata la serie"
))  # fmt: skip
ABOUT_TAILS = frozenset(
    _phrases(
        "about | de que trata | de que va | de que se trata | que tal es | is it good | es para ninos | "
        "es apta para ninos | es para chicos | is it for kids | is it ok for kids | is it good for kids | "
        "es buena | esta buena | vale la pena | is it worth it | is it any good | is it ok for kids | "
        "is it good for kids | is it suitable for kids | is it for children | is it scary | worth it | "
        "worth watching | worth a watch | any good | good | merece la pena | buena"
    )
)
