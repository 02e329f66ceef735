"""Who a request is for, when it says nothing of the titles themselves."""

from __future__ import annotations

from core.understanding.lexicon.phrases import _phrases

# Who a request is for, when it says nothing of the titles themselves ("with my gf", "con mi
# novia"): a request, not a title, and no filter. Children are an audience with an age band
# (core.understanding.lexicon.filters.BAND_WORDS).
COMPANY = frozenset(
    _phrases(
        "with my gf | with my girlfriend | with my bf | with my boyfriend | with my partner | with my wife | "
        "with my husband | with my friends | with my mates | with friends | with the boys | with the girls | "
        "with my date | with my crush | with my roommate | "
        "con mi novia | con mi novio | con mi pareja | con mi esposa | con mi esposo | con mi marido | "
        "con mi mujer | con mis amigos | con mis amigas | con amigos | con los amigos | con mi crush | "
        "con mi jeva | con mi morra | con mi chica | con mi chico | con mi roomie | "
        "with my mom | with my mum | with my dad | with my parents | with my grandma | with my grandpa | "
        "with my grandparents | with my family | with my sister | with my brother | with my in laws | "
        "con mi mama | con mi papa | con mis papas | con mis padres | con mi abuela | con mi abuelo | "
        "con mis abuelos | con mi familia | con mi hermana | con mi hermano | con mis suegros | con mi suegra | "
        "for my mom | for my dad | for my grandma | for my grandpa | para mi mama | para mi papa | "
        "para mi abuela | para mi abuelo | para mis abuelos | para mis papas"
    )
) | frozenset(
    # sons and daughters of any age: who it is for, no age band ("rated pg for my son" has
    # none; "with my kids", "para los niños" have one: core.understanding.lexicon.filters.BAND_WORDS)
    f"{lead} {who}"
    for lead in ("with my", "for my", "con mi", "con mis", "para mi", "para mis")
    for who in _phrases(
        "son | sons | daughter | daughters | nephew | niece | hijo | hijos | hija | hijas | "
        "sobrino | sobrinos | sobrina | sobrinas | nietos | grandkids"
    )
)
