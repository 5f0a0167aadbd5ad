"""Pebble's tests: null, empty, even, odd, iterable, map, json (and defined)."""
import pytest

from expressions import ExpressionError, render


def test_null_and_empty():
    variables = {"n": None, "blank": "  ", "items": [], "m": {}, "x": "x"}
    assert render("{{ n is null }}|{{ x is null }}|{{ x is not null }}", variables) == "true|false|true"
    assert render("{{ n is empty }}|{{ blank is empty }}|{{ items is empty }}|{{ m is empty }}|{{ x is empty }}",
                  variables) == "true|true|true|true|false"


def test_even_odd():
    assert render("{{ 2 is even }}|{{ 3 is odd }}|{{ 3 is not even }}", {}) == "true|true|true"


def test_iterable_map_json():
    assert render("{{ [1] is iterable }}|{{ {'a': 1} is iterable }}|{{ {'a': 1} is map }}", {}) == "true|false|true"
    assert render("{{ '{\"test\": 1}' is json }}|{{ 'nope' is json }}", {}) == "true|false"


def test_a_test_on_a_missing_variable_fails():
    with pytest.raises(ExpressionError, match="missing"):
        render("{{ missing is null }}", {})
