"""Platforms named in words: /platforms netflix disney+ prime video."""

from core.catalogue import platforms


def test_platform_words_as_people_type_them():
    assert platforms.read("netflix disney+") == (frozenset({"netflix", "disney"}), [])
    assert platforms.read("Prime Video, hulu") == (frozenset({"amazon", "hulu"}), [])
    assert platforms.read("amazon prime video") == (frozenset({"amazon"}), [])
    assert platforms.read("disney plus") == (frozenset({"disney"}), [])
    assert platforms.read("netflix y disney") == (frozenset({"netflix", "disney"}), [])
    assert platforms.read("hulu and prime") == (frozenset({"hulu", "amazon"}), [])


def test_all_in_either_language_is_every_platform():
    assert platforms.read("all")[0] == frozenset(platforms.PLATFORMS)
    assert platforms.read("todas")[0] == frozenset(platforms.PLATFORMS)


def test_unknown_words_are_returned_to_say_so():
    assert platforms.read("netflix hbo max") == (frozenset({"netflix"}), ["hbo", "max"])
