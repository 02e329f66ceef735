"""A list's rating row swaps for numbered seen and list rows and back, the rest of the keyboard
kept, each button still about the title at its place."""

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.text import entries, render


def keyboard():
    more = InlineKeyboardButton("More like this", callback_data=callbacks.More("ds1", 5, None).encode())
    return InlineKeyboardMarkup([render.rating_row(["ns1", "ds2", "hs3"], 5, {"ds2": 1}), [more]])


def rows(markup):
    return [[(b.text, callbacks.parse_any(b.callback_data)) for b in row] for row in markup.inline_keyboard]


def test_the_rating_row_swaps_for_seen_and_list_rows_with_the_same_numbers():
    swapped = rows(entries.with_actions(keyboard()))
    assert [(text, type(data), data.title_id) for text, data in swapped[0]] == [
        ("✓ 6", callbacks.Seen, "ns1"), ("✓ 7", callbacks.Seen, "ds2"), ("✓ 8", callbacks.Seen, "hs3"),
    ]  # fmt: skip
    assert [text for text, _data in swapped[1]] == ["➕ 6", "➕ 7", "➕ 8", "↩ 👍"]
    assert swapped[1][1][1] == callbacks.ListAdd("ds2")
    assert swapped[1][3][1] == callbacks.EntryActions(0)
    assert swapped[2][0][0] == "More like this"


def test_swapping_back_gives_the_rating_row_marked_again():
    back = entries.with_ratings(entries.with_actions(keyboard()), {"ds2": 1})
    assert rows(back) == rows(keyboard())
    assert [b.text for b in back.inline_keyboard[0]] == ["6", "7 👍", "8", "✓ ➕"]


def test_a_keyboard_without_a_rating_row_is_left_as_it_is():
    plain = InlineKeyboardMarkup([[InlineKeyboardButton("Share", switch_inline_query="coco")]])
    assert entries.with_actions(plain) == plain
    assert entries.with_ratings(plain) == plain


def test_a_seen_title_shows_its_check_mark_on_its_own_buttons_only():
    actions = entries.with_actions(keyboard())
    marked = entries.seen_marked(actions, "ds2", True)
    assert [b.text for b in marked.inline_keyboard[0]] == ["✓ 6", "✅ 7", "✓ 8"]
    assert entries.seen_marked(marked, "ds2", False) == actions
    assert rows(entries.with_ratings(marked, {"ds2": 1})) == rows(keyboard())
