"""The phrases follow-ups are made of, English and Spanish, folded (lowercase, no accents)."""

from __future__ import annotations

import re
import unicodedata


def phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Laughter opening a message: "lol", "lmaooo", "jajaja", "hahah", "xd", "jsjs".
LAUGHTER = re.compile(
    r"^\s*(?:l+o+l+|lmf?a+o+|rofl|h?(?:a+h)+a*|j?(?:a+j)+a*|(?:je)+j?|xd+|(?:js)+j?)\b", re.I
)
# "more", "otra": the last list, from the first title not shown yet.
CONTINUE = phrases(
    "more | mas | moar | more please | more pls | some more | any more | anymore | show more | show me more | "
    "more titles | more options | more results | more of those | more like those | next | next page | next ones | "
    "others | other ones | another | another one | another page | what else | anything else | else | "
    "keep going | go on | continue | see more | give me more | gimme more | "
    "otra | otras | otro | otros | otra mas | otras mas | dame otra | dame otras | dame mas | dame otro | "
    "mas opciones | mas titulos | ver mas | muestrame mas | mostrame mas | ensename mas | siguiente | "
    "siguientes | sigue | segui | que mas | que otra | que otras | alguna otra | alguna mas | algo mas | "
    "y que mas | mas porfa | mas por favor | otra opcion | otras opciones | otra cosa | again | more again | "
    "otra vez | otra vez mas | mas de esas | mas de esos | more of those | more of them | mas de lo mismo | "
    "next one | next ones please | keep them coming | one more | una mas | uno mas | mas pls | next ones | "
    "tienes mas | tienes otra | tienes otras | hay mas | hay otras | any others | got more | have more | "
    "got any more | any more like that | mas asi | mas de esas porfa | more like these | otras cuantas | "
    "otros cuantos | unas cuantas mas | unos cuantos mas | unas cuantas otras | a few others | "
    "pasame mas | pasa mas | pasame otras | manda mas | mandame mas | tira mas"
)
# One word of "more" in a follow-up read loosely ("a few more", "dame mas opciones", "y otros").
MORE_WORDS = frozenset(
    [
        "more",
        "mas",
        "moar",
        "otra",
        "otras",
        "otro",
        "otros",
        "another",
        "others",
        "next",
        "siguiente",
        "siguientes",
        "else",
        "extra",
    ]
)
# A message that opens as a request of its own: "something for my 6 year old on netflix".
# Words that drop the conversation so far: "actually forget it, whats the longest movie on hulu"
START_AFRESH = phrases(
    "forget it | forget that | forget about it | never mind | nevermind | nvm | scratch that | new question | "
    "different question | something else entirely | olvidalo | olvida eso | olvidate de eso | otra cosa | "
    "cambiando de tema | cambio de tema | nueva pregunta | otra pregunta | deja eso"
)
FRESH_REQUEST = phrases(
    "something | anything | algo | alguna | alguno | recommend | recommend me | recomienda | recomiendame | "
    "i want | i wanna | quiero | busco | looking for | need | i need | necesito | give me | gimme | dame | "
    "suggest | sugiere | sugiereme | im looking for | estoy buscando"
)
ARTICLES = phrases("the | a | an | el | la | los | las | un | una")
DEFINITE = frozenset(["the", "el", "la", "los", "las"])
# "who's in the most", "quién sale en más": who appears most, not who is in the title in focus.
MOST_WORDS = frozenset(["most", "more", "mas", "top", "frequent", "frequently", "often", "busiest"])
# "top one", "la de arriba": the first title of the last list.
TOP_OF_LIST = phrases(
    "top one | the top one | one at the top | the one at the top | first on the list | top of the list | "
    "the top pick | top pick | el de arriba | la de arriba | el de hasta arriba | la de hasta arriba | "
    "el primero de la lista | la primera de la lista"
)
# Words around a follow-up that change nothing: "ok more", "y en hulu?", "what about shows then".
CONNECTORS = phrases(
    "and | y | e | also | tambien | plus | what about | how about | and what about | and how about | "
    "vs | versus | compared to | compared with | and compared to | comparado con | contra | y contra | "
    "what if | que tal | y que tal | y si | and if | pero | but | instead | en cambio | mejor | rather | "
    "only | just | solo | solamente | now | ahora | then | entonces | so | ok | okay | k | vale | dale | "
    "bueno | oki | please | pls | plz | porfa | por favor | xfa | those | these | ones | the ones | esas | "
    "esos | las | los | them | ellas | ellos | let me see | show me | muestrame | a ver | hmm | mmm | "
    "same | lo mismo | same but | igual pero | same thing | and the | y las | y los | y de | lol | lmao | "
    "jaja | jajaja | jeje | haha | hahaha | xd | va | sweet | cool | nice | great | perfect | perfecto | genial | "
    "ok so | ok and | ok y | actually | en realidad | mejor dicho | wait | espera | oye | hey | que sean | "
    "que sea | q sean | q sea | ok pero | ok but | uh | um | eh | ah | oh | ahh | ohh | alright | fine | sure | "
    "damn | dang | darn | uf | uff | ugh | meh | bummer | rip | que pena | lastima | vaya | oh well | shame | "
    "too bad | pity | oops | ay | chale | nel | pucha | rayos | okas | oka | okey | okay then | fair enough | "
    "venga | anda | andale | orale | y a | and to | y con | and with | nah | naa | nop | nope | mejor no | "
    "i mean | i meant | sorry i meant | quise decir | o sea"
)
# The connectors that tie a message to the last question ("and", "what about", "pero"), not just
# open it ("ok", "now", "bueno").
LINKS = phrases(
    "and | y | e | also | tambien | plus | what about | how about | and what about | and how about | what if | "
    "vs | versus | compared to | compared with | comparado con | contra | "
    "que tal | y que tal | y si | and if | pero | but | instead | en cambio | only | just | solo | solamente | "
    "same but | igual pero | ok pero | ok but | ok and | ok y | y de | and the | y las | y los | "
    "i mean | i meant | sorry i meant | quise decir | o sea | mejor dicho"
)
# The words of the connectors, one by one: what may stand around a question's own words.
CONNECTOR_WORDS = frozenset(word for phrase in CONNECTORS for word in phrase.split())
# Before a bare number that is a position: "number 2", "la 2", "option 3".
NUMBER_LEADS = phrases("number | numero | no | num | nr | option | opcion | the | la | el | #")
# "the second one", "el segundo", "#2": a position in the last list.
ORDINALS = {
    **dict.fromkeys(["first", "1st", "primero", "primera", "primer", "1ro", "1ra", "1o", "1a"], 1),
    **dict.fromkeys(["second", "2nd", "segundo", "segunda", "2do", "2da", "2o", "2a"], 2),
    **dict.fromkeys(["third", "3rd", "tercero", "tercera", "tercer", "3ro", "3ra", "3o", "3a"], 3),
    **dict.fromkeys(["fourth", "4th", "cuarto", "cuarta", "4to", "4ta"], 4),
    **dict.fromkeys(["fifth", "5th", "quinto", "quinta", "5to", "5ta"], 5),
    **dict.fromkeys(["sixth", "6th", "sexto", "sexta"], 6),
    **dict.fromkeys(["seventh", "7th", "septimo", "septima", "setimo"], 7),
    **dict.fromkeys(["eighth", "8th", "octavo", "octava"], 8),
    **dict.fromkeys(["ninth", "9th", "noveno", "novena"], 9),
    **dict.fromkeys(["tenth", "10th", "decimo", "decima"], 10),
    **dict.fromkeys(["last", "ultimo", "ultima", "last one"], -1),
}
# What may stand around an ordinal: "the second one", "la segunda peli", "number 3", "opción 2".
ORDINAL_WRAPPERS = phrases(
    "the | one | el | la | lo | de la lista | on the list | in the list | from the list | of the list | number | "
    "no | numero | num | nr | option | opcion | title | titulo | movie | film | show | series | serie | peli | "
    "pelicula | one there | de ahi | de esas | of those | of them | de ellas | de ellos | #"
)
# "it", "that one", "esa": the title in focus.
THIS = phrases(
    "it | that | this | that one | this one | the one | that movie | this movie | that film | that show | "
    "this show | that series | the movie | the show | the film | the series | eso | esa | ese | esto | esta | "
    "este | la | lo | le | esa peli | esa pelicula | esa serie | ese show | la peli | la pelicula | la serie | "
    "el show | aquella | aquel | it too | that one too"
)
# "¿de qué trata?", "what's it about": the card of the title in focus.
ABOUT = phrases(
    "de que trata | de que va | de que se trata | que trata | whats it about | what is it about | "
    "what's it about | what it is about | whats that about | what is that about | what is this about | "
    "whats this about | what about it | tell me about it | tell me more | tell me more about it | more info | "
    "info | details | more details | synopsis | plot | sinopsis | trama | cuentame mas | cuentame de que trata | "
    "mas info | detalles | mas detalles | que es | what is it | y de que trata | and what is it about | "
    "de que es | how good is it | is it good | es buena | esta buena | vale la pena | worth it | is it worth it | "
    "whats it rated | what is it rated | what's it rated | what's it about | is it ok for kids | is it for kids | "
    "es para ninos | es apta para ninos | es apta | rating | clasificacion | what rating | que clasificacion | "
    "cuantas temporadas tiene | cuantas temporadas | how many seasons | how many seasons does it have | "
    "how long is it | cuanto dura | how many episodes | is it long | es larga | whats about | what is about | "
    "whats it like | what is it like | what's it like | como es | que tal es | many seasons | muchas temporadas | "
    "temporadas tiene | seasons does it have | "
    "about | trata | de que | is it for teens | is it for adults | is it scary | da miedo | es de miedo"
)
# "is it for teens or adults", "¿es para niños?": the card answers (its maturity and genres).
ABOUT_STARTS = phrases(
    "is it for | is it ok for | is it good for | is it suitable for | is it appropriate for | is that for | "
    "es para | es apta para | es apto para | sirve para | esta bien para | se puede ver con"
)
# Asking for titles: "anything with john wayne?", "any by john mulaney?", "algo con ricardo darín?"
ANY_OF = phrases("any | anything | something | algo | alguna | alguno | algun | hay algo | is there anything")
# The platform the conversation is about: "is it on there?", "¿está ahí?"
THERE = frozenset(["there", "ahi", "alli", "alla", "aca"])
# Opening a clause that leaves something out: "not netflix, i only have amazon and hulu".
LEAVING_OUT = frozenset(["not", "no", "ni", "sin"])
# Opening a change of a count, asking for its titles: "recomiéndanos unas de esas que sean cortas".
TITLES_PLEASE = phrases(
    "recommend | recommend me | recommend us | recomienda | recomiendame | recomiendanos | sugiere | "
    "sugiereme | suggest | show me | muestrame | ensename | pasame | dame | give me | gimme | list | lista | "
    "name some | dime algunas | dime unas"
)
# "show me them", "¿cuáles son?": the titles behind the last count.
SHOW_THEM = phrases(
    "saca la lista | sacame la lista | ponme la lista | pon la lista | sacame las top | sacame las mejores | "
    "sacame los mejores | sacame las | sacame los | sacalas | sacalos | "
    "show me them | show them | show me | list them | list em | list 'em | which ones | which are they | "
    "what are they | name them | name some | let me see them | let's see them | lets see them | "
    "cuales | cuales son | muestramelas | muestramelos | muestrame las | muestrame los | mostramelas | "
    "ensename | ensenamelas | ensenamelos | ensename las | ensename los | ensename las mejores | "
    "ensename los mejores | muestrame las mejores | muestrame los mejores | "
    "mostramelos | dime cuales | pasamelas | pasamelos | pasame las | pasame los | pasame las mejores | "
    "las mejores | los mejores | dame la lista | la lista | the list | ver la lista | see them | see the list | "
    "which | cual | show the list | give me the list | top ones | the top ones | best ones | the best ones | "
    "list those | list these | show those | show these | show me those | show me these | show em | show 'em | "
    "see those | see them all | let me see those | list | lista | listalas | listalos | ensenamelas | "
    "ensenamelos | dimelas | dimelos | which are those | cuales son esas | cuales son esos | "
    "the best | top | the top | las top | cuales son las mejores | dame las mejores | which are the best | "
    "dime los mejores | dime las mejores | dame los mejores | cuales son los mejores | the best ones then | "
    "whats the best | what are the best | which ones are best | which ones are good | cuales valen la pena"
)
# "where", "where then", "¿y dónde?": where the title in focus streams.
WHERE_WORDS = phrases(
    "where | wheres | where's | wher | were | donde | dnd | streaming | stream | streams | watch | ver | verla | "
    "verlo | veo | la veo | lo veo | la dan | lo dan | la pasan | lo pasan | app | platform | plataforma | "
    "which app | que app | en que app | what app | in which app | platforms | plataformas | carry | carries | "
    "available | disponible | disponibles | get it | conseguir | find it | encontrarla | encontrarlo"
)
# "who's in it", "quién actúa": who is in the title in focus; CREATED: who made it.
# Asking the bot to play the title: nothing it can do ("play" is no "who plays in it").
PLAY_IT = phrases(
    "can you play | could you play | play for me | just play | play it | put it on | ponla | ponlo | "
    "pon la peli | reproduce | reproducela | reproducelo | download | descarga | descargala | descargalo | "
    "cast it | start it | start playing | dale play | dale al play | turn it on | prende"
)
CREDITS_WORDS = phrases(
    "who | whos | who's | quien | quienes | cast | reparto | elenco | actors | actores | actua | actuan | sale | "
    "salen | stars | starring | plays | play | acts | protagonista | protagonistas | actress | actriz | "
    "protagoniza | protagonizan | protagonizo | in it | sale ahi | sale en"
)
DIRECTOR_WORDS = phrases(
    "directed | director | directors | dirigio | dirigida | dirigido | directora | created | creator | creo | "
    "dirige | dirigen | direct | directs | directing | dirigieron | dirigir | "
    "creador | made | hizo | behind"
)
# "his other movies", "¿qué más dirigió?": the titles of the director of the title in focus.
DIRECTOR_WORKS = phrases(
    "his other movies | her other movies | his other films | her other films | what else did he direct | "
    "what else did she direct | what else has he directed | what else has she directed | more by him | "
    "more by her | more from him | more from her | other movies by him | other movies by her | "
    "other movies by that director | that director | the director's other movies | same director | "
    "sus otras pelis | sus otras peliculas | otras pelis de el | otras pelis de ella | pelis de el | "
    "peliculas de el | pelis de ella | que mas dirigio | que otras dirigio | ese director | esa directora | "
    "el mismo director | del mismo director | otras del director | mas del director | lo demas que dirigio | "
    "que mas ha dirigido | que otras ha dirigido | que mas dirigio ese | que mas ha hecho ese director | "
    "what else did that director do | what else has that director done | anything else by the director | "
    "what else did they direct | what else have they directed | other stuff he directed | other stuff she directed"
)
# "and elsewhere", "¿y en otras plataformas?": the last question on every platform.
EVERYWHERE = phrases(
    "elsewhere | everywhere | anywhere | on any platform | on all platforms | all platforms | any platform | "
    "other platforms | on other platforms | en otras plataformas | otras plataformas | en todas | en cualquiera | "
    "en todas las plataformas | en cualquier plataforma | en otro lado | en otros lados | en otra"
)
# "of those", "de esos": a question about the last list's titles.
THOSE = phrases(
    "of those | of them | of these | among them | among those | de esos | de esas | de ellas | de ellos | "
    "entre esas | entre esos | those | these | esas | esos"
)
# "anything like that?": suggestions like the title in focus.
LIKE = phrases(
    "like | similar | similiar | simillar | similar to | parecido | parecida | parecidos | parecidas | parecido a | parecida a | "
    "como | tipo | del estilo | al estilo | more like | mas como | algo como | something like | anything like | "
    "similares | similar a | same vibe | the same vibe | same style | same kind | mismo estilo | "
    "del mismo estilo | mismo rollo | del mismo rollo | misma onda | la misma onda | mismo tipo | del mismo tipo | "
    "algo asi | cosas asi | mas asi | otras asi | otra asi | algo por el estilo | something similar | "
    "series asi | pelis asi | peliculas asi | otras series asi | otras pelis asi | otras peliculas asi | "
    "stuff like | more stuff like"
)
# "hay más series coreanas así", "any more korean shows like that": titles like it, the words before
# saying which.
LIKE_TAILS = phrases(
    "asi | like that | like this | like it | like those | like these | like that one | como esa | como esta | "
    "como ese | como este | parecidas | parecidos | similares | similar | del estilo | de ese estilo"
)
# "drama instead of comedy", "de drama en vez de comedia": what follows is what is replaced.
INSTEAD_OF = phrases(
    "instead of | rather than | in place of | and not | en vez de | en lugar de | y no | en vez del | "
    "en lugar del"
)
# "swap romance for drama", "cambia el terror por comedia": the change is what follows "for".
# A reason after a follow-up's comma: "pero en prime, q netflix ya no lo pago", "on hulu pls, it's the
# one i have": it explains the change, it asks nothing more.
REASONS = phrases(
    "q | que | porque | pq | xq | por que | ya que | because | cause | cuz | coz | bc | since | as | "
    "its the one | it's the one | es la que | es el que | i only have | only have | solo tengo | i have | tengo"
)
# "netflix too", "que sea drama también", "add hulu": the stated platform or genre joins the old ones.
ALSO = phrases(
    "too | as well | also | tambien | ademas | add | include | incluye | incluir | agrega | agregale | anade | "
    "suma | sumale | sumas | sumo | sumamos | agregas | agrego | anades | anado | incluyes | incluyo | "
    "count in | cuenta tambien | along with | junto con | con todo y"
)
SWAP = phrases("swap | switch | change | replace | cambia | cambiame | cambiar | reemplaza | sustituye")
SWAP_FOR = phrases("for | with | to | por | con")
# Relative changes of the last list: "shorter ones", "más recientes".
SHORTER = phrases(
    "shorter | shorter ones | short ones | something shorter | less long | not so long | not that long | "
    "mas cortas | mas cortos | mas corta | mas corto | cortas | cortos | cortitas | cortitos | menos largas | "
    "menos largos | no tan largas | no tan largos | quicker | quick ones | less seasons | fewer seasons | "
    "menos temporadas | no tan larga | no tan largo | not too long | nothing too long | que no sea tan larga | "
    "que no sea tan largo | que no sean tan largas | que no sean tan largos | que no sea muy larga | "
    "que no dure tanto | que no duren tanto"
)
LONGER = phrases(
    "longer | longer ones | something longer | mas largas | mas largos | mas larga | mas largo | largas | largos"
)
NEWER = phrases(
    "newer | newer ones | more recent | recent ones | recent | latest | new ones | mas recientes | recientes | "
    "mas nuevas | mas nuevos | nuevas | nuevos | mas actuales | actuales"
)
OLDER = phrases(
    "older | older ones | old ones | oldies | classic ones | mas viejas | mas viejos | viejas | viejos | "
    "mas antiguas | mas antiguos | antiguas | antiguos"
)


# The words around a role of the person in focus: "only the ones he directed", "las que actúa él".
THEIRS = phrases(
    "only | just | solo | solamente | ones | one | the | those | he | she | him | her | they | them | "
    "el | ella | ellos | ellas | que | las | los | where | which | in | en | has | have | ha | han | "
    "was | were | been | esas | esos | as | como"
)
ACTED = phrases(
    "acted | acting | acts | actuo | actua | actuado | starred | stars | appears | appeared | aparece | salio"
)
# The words of a question about a title that are never the title ("where can i watch" + "it").
QUESTION_WORDS = phrases(
    "where | wher | were | can | i | we | watch | see | stream | find | is | are | it | on | donde | "
    "puedo | podemos | ver | veo | miro | la | lo | se | puede | encuentro | esta | hay | en"
)


def fold(text: str) -> str:
    """Lowercase, no accents, no punctuation but "#" and apostrophes, single spaces. Not
    ``core.search.titles.normalise``, which turns "one" into "1" ("that one") and drops "#"
    ("#2") and apostrophes ("who's")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w#+'\s]", " ", plain).split())
