"""The words of watching together: whose likes a group pick follows, in both languages, with
every name escaped."""

from bot.text import i18n
from bot.text.watching import group_picks_text, watchers_text, why
from core.personal import taste
from core.personal.group import GroupPick
from core.userdata.together import Member

PICK = taste.Pick("ds1", "Up", "disney", 2009, ("ds1",), ("disney",), 1.0, "ds10")
NAMES = {1: "Ana", 2: "Luis", 3: "Sam <3"}
LIKED = {"ds10": "Coco", "ds9": "Moana"}


def test_a_pick_names_everyone_whose_likes_it_follows_by_liked_title():
    item = GroupPick(PICK, ((1, "ds10"), (2, "ds10"), (3, "ds9")))
    with i18n.using("en"):
        assert why(item, NAMES, LIKED) == "Ana and Luis liked Coco; Sam <3 liked Moana"
    with i18n.using("es"):
        assert why(item, NAMES, LIKED) == "a Ana y Luis les gustó Coco; a Sam <3 le gustó Moana"
    with i18n.using("en"):
        assert why(GroupPick(PICK, ()), NAMES, LIKED) == "close to the genres you all like"


def test_names_are_escaped_in_the_message():
    item = GroupPick(PICK, ((3, "ds10"),))
    title = {"type": "movie", "genres": "animation", "listed_in": ""}
    with i18n.using("en"):
        text = group_picks_text([item], [title], {3: "Sam <3"}, LIKED, frozenset(["disney"]))
        assert text.startswith("Picks for Sam &lt;3, on Disney+:")
        assert "Sam &lt;3 liked Coco" in text and "<3" not in text
        assert "Watching tonight: Sam &lt;3." in watchers_text([Member(3, "Sam <3")])
