"""`~` joins the Java text of each side; a null side adds nothing."""
from expressions import render


def test_it_concatenates_strings_and_numbers():
    assert render("{{ 'a' ~ 'b' ~ (1 + 2) }}", {}) == "ab3"


def test_it_writes_booleans_in_java_style():
    assert render("{{ 'flag=' ~ true }}", {}) == "flag=true"


def test_it_skips_null():
    assert render("{{ 'a' ~ none ~ 'b' }}", {}) == "ab"


def test_it_writes_maps_and_lists_as_java_to_string():
    assert render("{{ 'x' ~ m }}", {"m": {"a": 1, "b": [True, None]}}) == "x{a=1, b=[true, null]}"


def test_it_applies_a_following_filter_to_the_whole_concatenation():
    assert render("{{ 'a' ~ 'b' | upper }}", {}) == "AB"


def test_plus_concatenates_when_one_side_is_a_string():
    assert render("{{ 'a' + 1 }}|{{ 1 + 'a' }}", {}) == "a1|1a"


def test_it_interpolates_double_quoted_strings():
    assert render('{{ "Hello #{name}!" }}', {"name": "World"}) == "Hello World!"
