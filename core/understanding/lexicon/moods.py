"""Moods asked for in people's words ("something scary", "que me haga reír") -> the canonical
genre they mean; ``catalogue.GENRES`` reads each as that genre."""

from __future__ import annotations

from core.understanding.lexicon.phrases import _phrases

# Moods asked for in people's words -> the canonical genre they mean (core.catalogue.genres ids).
MOOD_LISTS: dict[str, str] = {
    "horror": "creepy | terrifying | frightening | something scary | anything scary | scare me | to scare me | "
    "que de miedo | que den miedo | que me de miedo | de sustos | sustos | de miedito | miedito | "
    "para pasar miedo | para asustarse | para asustarme | que asuste | terrorifico | terrorificos | "
    # compared with a title: "something like that but scarier", "algo así pero de más miedo"
    "scarier | creepier | de mas miedo | mas miedo | mas terrorifica | mas terrorificas",
    "comedy": "hilarious | make me laugh | to laugh | for a laugh | a laugh | laughs | something light | "
    "anything light | lighthearted | light hearted | feel good | feelgood | uplifting | cheerful | "
    "para reir | para reirse | para reirme | que me haga reir | me haga reir | que haga reir | "
    "haga reir | hacerme reir | reirme | risas | divertida | divertidas | divertido | divertidos | "
    "chistosas | chistosos | algo ligero | ligera | ligeras | ligero | ligeros | ligerito | ligerita | "
    "ligeritas | ligeritos | algo ligerito | alegre | alegres | "
    "para desconectar | funnier | mas divertida | mas divertidas | mas divertido | mas graciosa | mas graciosas | "
    "mas chistosa | mas chistosas",
    "drama": "sad | to cry | make me cry | for a cry | tear jerker | tearjerker | emotional | para llorar | "
    "que me haga llorar | me haga llorar | hacerme llorar | triste | tristes | emotiva | emotivas | "
    "emotivo | emotivos | conmovedora | conmovedoras | sadder | mas triste | mas tristes",
    "romance": "date night | for a date | for date night | para una cita | noche de cita | romanticona | "
    "romanticonas | cursi | cursis | para enamorarse | amorosa | amorosas | more romantic | mas romantica | "
    "mas romanticas",
    "thriller": "tense | suspenseful | gripping | edge of my seat | edge of your seat | twisty | plot twist | "
    "plot twists | mind bending | de suspense | que atrape | que enganche | con giros | intrigante | "
    "intrigantes",
    "action": "action packed | adrenaline | adrenaline rush | de adrenalina | con adrenalina | trepidante | "
    "trepidantes | de peleas | de tiros | explosiva | explosivas",
}
# A phrase under two moods fails tests/unit/core/understanding/test_lexicon.py.
MOODS: dict[str, str] = {p: genre for genre, text in MOOD_LISTS.items() for p in _phrases(text)}
