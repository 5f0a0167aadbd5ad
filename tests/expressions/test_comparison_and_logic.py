"""Comparisons, equality and boolean logic as Pebble evaluates them."""
from expressions import render


def test_equality():
    assert render("{{ 1 == 1.0 }}|{{ 'a' equals 'a' }}|{{ 1 != 2 }}|{{ true == 1 }}|{{ none == null }}", {}) == \
        "true|true|true|false|true"


def test_ordering():
    assert render("{{ n > 5 }}|{{ n <= 5 }}|{{ 'b' > 'a' }}", {"n": 7}) == "true|false|true"


def test_ordering_with_null_is_false():
    assert render("{{ n > 5 }}|{{ n < 5 }}", {"n": None}) == "false|false"


def test_logic_gives_booleans():
    assert render("{{ true and false }}|{{ false or 'x' }}|{{ not false }}", {}) == "false|true|true"


def test_not_binds_tightest_as_in_pebble():
    assert render("{{ not false == false }}", {}) == "false"
