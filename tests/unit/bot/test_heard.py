"""Group members are noted at most once a minute each (``bot.state.Heard``), so a busy group
is not one SQLite write per update."""

from bot.state import Heard


def test_a_member_is_noted_once_a_minute_and_members_apart():
    heard = Heard()
    assert heard.due(-100, 1, now=0.0)
    assert not heard.due(-100, 1, now=Heard.EVERY - 1)
    assert heard.due(-100, 2, now=1.0)  # another member
    assert heard.due(-200, 1, now=1.0)  # the same person in another group
    assert heard.due(-100, 1, now=Heard.EVERY + 0.5)


def test_only_the_newest_are_kept():
    heard = Heard()
    heard.KEPT = 3
    for user_id in range(5):
        heard.due(-100, user_id, now=0.0)
    assert heard.due(-100, 0, now=1.0)  # forgotten: noted again
    assert not heard.due(-100, 4, now=1.0)
