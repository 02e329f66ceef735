"""People's words for the topics of ``core.questions.topics`` (folded: lowercase, no accents):
"movies about dogs", "pelis de perros", "anything with zombies", "series de médicos"."""

from __future__ import annotations

from core.understanding.lexicon.phrases import _phrases


def _topic(topic: str, words: str) -> dict[str, str]:
    return dict.fromkeys(_phrases(words), topic)


TOPIC_WORDS: dict[str, str] = {
    **_topic("zombies", "zombie | zombies | zombi | zombis"),
    **_topic("vampires", "vampire | vampires | vampiro | vampiros"),
    **_topic("werewolves", "werewolf | werewolves | hombres lobo | hombre lobo"),
    **_topic("ghosts", "ghost | ghosts | haunted house | haunted houses | fantasmas | fantasma | casas embrujadas"),
    **_topic("witches", "witch | witches | brujas | bruja"),
    **_topic("aliens", "alien | aliens | extraterrestres | extraterrestre | alienigenas | ovnis | ufos"),
    **_topic("space", "space | outer space | space travel | astronauts | astronautas | espacio | el espacio | "
                      "espacio exterior"),
    **_topic("robots", "robot | robots | androids | cyborgs"),
    **_topic("dinosaurs", "dinosaur | dinosaurs | dinosaurio | dinosaurios | dinos"),
    **_topic("dragons", "dragon | dragons | dragones"),
    **_topic("superheroes", "superhero | superheroes | super heroes | superheroe | superheroinas | "
                            "marvel | dc"),
    **_topic("pirates", "pirate | pirates | piratas | pirata"),
    **_topic("princesses", "princess | princesses | princesas | princesa"),
    **_topic("magic", "magic | wizards | magia | magos"),
    **_topic("time_travel", "time travel | time traveling | viajes en el tiempo | viaje en el tiempo"),
    **_topic("apocalypse", "apocalypse | apocalyptic | post apocalyptic | end of the world | apocalipsis | "
                           "fin del mundo | postapocalipticas | postapocaliptico"),
    **_topic("christmas", "christmas | xmas | navidad | navidenas | navidenos | navidena | navideno"),
    **_topic("halloween", "halloween"),
    **_topic("weddings", "wedding | weddings | bodas | boda"),
    **_topic("high_school", "high school | highschool | secundaria | prepa | preparatoria | instituto"),
    **_topic("dogs", "dog | dogs | puppies | perros | perritos | perro"),
    **_topic("cats", "cat | cats | kittens | gatos | gatitos"),
    **_topic("horses", "horse | horses | caballos | caballo"),
    **_topic("sharks", "shark | sharks | tiburones | tiburon"),
    **_topic("animals", "animals | animales | wildlife | vida salvaje"),
    **_topic("ocean", "ocean | the ocean | the sea | oceano | el mar | underwater"),
    **_topic("doctors", "doctor | doctors | hospital | hospitals | medical | medicos | doctores | hospitales | "
                        "medico | enfermeras"),
    **_topic("lawyers", "lawyer | lawyers | abogados | abogado | courtroom"),
    **_topic("police", "cop | cops | police | policias | policia | detectives | detective"),
    **_topic("spies", "spy | spies | espias | espia | espionaje | secret agents"),
    **_topic("heists", "heist | heists | robberies | atracos | robos | atraco"),
    **_topic("mafia", "mafia | mob | gangsters | mafiosos | gangster | narcos | cartels | carteles"),
    **_topic("serial_killers", "serial killer | serial killers | asesinos en serie | asesino en serie"),
    **_topic("cooking", "cooking | chefs | baking | cocina | cocineros | reposteria"),
    **_topic("cars", "car racing | racing | carreras | carreras de autos | carreras de coches"),
    **_topic("soccer", "soccer | futbol"),
    **_topic("basketball", "basketball | basket | baloncesto | basquet"),
    **_topic("boxing", "boxing | boxeo"),
    **_topic("martial_arts", "kung fu | martial arts | artes marciales | karate"),
    **_topic("war_ww2", "ww2 | wwii | world war 2 | world war ii | nazis | segunda guerra mundial"),
    **_topic("true_story", "true story | true stories | real events | hechos reales | historia real | "
                           "historias reales"),
    **_topic("prison", "prison | prisons | jail | carcel | prision"),
    **_topic("drugs", "drugs | drogas | drug dealers"),
    **_topic("music_bands", "bands | rock bands | bandas | bandas de rock | singers | cantantes"),
    **_topic("school", "school | escuela | colegio"),
    **_topic("family_road_trip", "road trip | road trips | viaje en carretera | viajes en carretera"),
}  # fmt: skip
