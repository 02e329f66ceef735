"""Intent cues: each phrase maps to the cue it is (``CUES``), and the few phrases that are two
cues on purpose say which rule picks one (``INTENDED_AMBIGUITIES``)."""

from __future__ import annotations

import re

from core.understanding.lexicon.phrases import _phrases

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
              "se agradece | te agradezco | muy amable | graciasss | youre the best | you are the best | "
              "ur the best | your the best | u r the best | eres el mejor | eres la mejor | sos el mejor | sos un crack | "
              "eres un crack | love you bot | te quiero bot",
    "chatter": "ok | okay | k | kk | jk | jkjk | just kidding | es broma | era broma | vale | bueno vale | de acuerdo | cool | nice | genial | perfecto | perfect | "
               "great | awesome | lol | lmao | rofl | haha | hahaha | hahahaha | jaja | jajaja | jajajaja | "
               "jeje | jejeje | xd | xdd | jsjs | jsjsjs | wow | omg | bien | excelente | super | "
               "si | yes | no | nope | yeah | yep | dale | claro | sure | hmm | mmm | uh | eh | ah | "
               "so much | very much | nvm | nevermind | never mind | forget it | idk | i dont know | dunno | no idea | "
               "whatever | ni idea | no se | no lo se | da igual | olvidalo | olvida | nada | nah | naa | "
               "are you a bot | are you a robot | are you human | are you real | are you an ai | "
               "are you a person | eres un bot | eres un robot | eres humano | eres real | eres una persona | "
               "eres una ia | igual | anyway | anyways | de todas formas | de todos modos | "
               "guay | que guay | q guay | que buena | q buena | que bueno | q bueno | buenisimo | buenisima | "
               "chido | que chido | chevere | que chevere | bacan | bacano | joya | que padre | q padre | "
               "sweet | neat | yikes | oof | gotcha | got it | i see | fair enough | ya veo | entendido | "
               "ah vale | ok ok | va bien | sabia | lo sabia | ya sabia | lo suponia | "
               "vaya | uf | uff | pucha | chale | ni modo | rayos | dang | bummer | oh well | ohh | bruh | nmms | "
               "chin | alv",
    # who the user is talking to: chatter only next to a greeting or thanks ("gracias crack"), never
    # taken off the end of a title ("Iron Man")
    "vocative": "amigo | amiga | bro | man | dude | buddy | crack | bot | genio | capo | maquina | hermano | "
                "pana | parce | wey | guey | mate | pal | fam | idolo | streambot | stream bot | che | chamo | "
                "tio | tia | compa | carnal | loco | boludo",
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
             "cual de las plataformas | cual de las apps | alguna de las apps | alguna de las plataformas | "
             "on one of these | on any of these | on any of them | on one of them | on any of those | "
             "en alguna de estas | en alguna de esas | en alguna de ellas",
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
    "have": "do you have | have you got | you have | tienen | tiene | teneis | hay | tienes | ustedes tienen",
    "want": "i want to watch | i wanna watch | i want to see | i would like to watch | id like to watch | "
            "quiero ver | quisiera ver | me gustaria ver | quiero mirar | tengo ganas de ver | i wanna see | "
            "quiere ver | queremos ver | quieren ver | wants to watch | want to watch | wanna watch | "
            "me apetece ver | me apetece | nos apetece ver | nos apetece | se me antoja ver | se me antoja | "
            "i feel like watching | in the mood for | im in the mood for",
    # "recommend": titles like one the user names
    "like": "like | similar | similiar | simillar | similar to | similars | similares | similares a | similar a | parecido | parecida | "
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
                 "surprise me | sorprendeme | you pick | you choose | tu elige | elige tu | escoge tu | "
                 "what do people watch | what do people usually watch | lo que todos ven | "
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
             "cuanta | cuanto | numero de | el numero de | cantidad de | la cantidad de | contar | cuenta | "
             "howmany | how mnay | how mny | hw mny | cuantaz | cuantos hay",
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
                   "director de | el director de | la directora de | quien hizo | de quien es | "
                   "who has directed | whos directed | who have directed | quien ha dirigido | quienes han dirigido",
    "shortest": "shortest | the shortest | least seasons | fewest seasons | mas corta | mas corto | "
                "la mas corta | el mas corto | mas cortas | mas cortos | menor duracion | dura menos | "
                "que menos dura | menos temporadas | con menos temporadas | mas cortita | mas cortito | "
                "la mas cortita | el mas cortito",
    "actor": "actor | actors | actress | actresses | actriz | actores | actrices | who acts | who appears | "
             "who stars | who starred | who is in | quien actua | quien aparece | quien sale | "
             "cast member | busiest | most frequent | mas frecuente | aparece mas | "
             "appears the most | appears most | mas titulos | in the most | en mas | shows up most | "
             "shows up the most | shows up | show up | shows up in | turns up | pops up | "
             "director has the most | directors have the most | actor has the most | actors have the most | "
             "actress has the most | director tiene mas | directora tiene mas | actor tiene mas | "
             "actriz tiene mas | directores tienen mas | actores tienen mas | who has the most | "
             "quien tiene mas | ha dirigido mas | dirigio mas | comedian has the most | comedians have the most | "
             "which comedian | what comedian | que comediante | cual comediante | comediante tiene mas | "
             "comediante con mas",
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
              "woah | whoa | interesting | interesante | no way | en serio | seriously | "
              "never heard of them | never heard of it | never heard of that | never heard of those | "
              "never heard of any | havent heard of them | no los conozco | no las conozco | no la conozco | "
              "no lo conozco | no me suena | no me suenan | no conozco ninguna | no conozco ninguno",
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
# A list asked for by its rating ("top rated horror", "mejor valoradas"): ordered by the mean
# rating, as /top orders it; any other list in words is ordered as picks (core.questions.picks).
SCORE_WORDS = re.compile(
    r"\b(?:rated|rating|ratings|score|scored|scores|scoring|stars|puntaje|puntuad[oa]s?|puntuacion"
    r"|valorad[oa]s?|valoracion|calificad[oa]s?|calificacion|nota|notas|estrellas)\b"
)
