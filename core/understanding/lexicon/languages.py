"""Spanish and English words that tell the language of a message (``core.understanding.language``)."""

from __future__ import annotations

from core.understanding.lexicon.phrases import _phrases

# fmt: off
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
