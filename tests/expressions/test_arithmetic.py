"""Arithmetic with Pebble's (Java's) rules."""
import pytest

from expressions import ExpressionError, render


def test_it_multiplies():
    assert render("{{ 6 * 7 }}", {}) == "42"


def test_it_adds_and_multiplies_inputs():
    assert render("{{ inputs.count + 1 }}", {"inputs": {"count": 41}}) == "42"
    assert render("{{ inputs.ratio * 2 }}", {"inputs": {"ratio": 1.25}}) == "2.5"


def test_integer_division_truncates_like_java():
    assert render("{{ 7 / 2 }}|{{ -7 / 2 }}|{{ 7.0 / 2 }}", {}) == "3|-3|3.5"


def test_modulus_keeps_the_sign_of_the_dividend():
    assert render("{{ 11 % 7 }}|{{ -7 % 3 }}", {}) == "4|-1"


def test_it_follows_operator_precedence():
    assert render("{{ 2 + 2 / (10 % 3) * (8 - 1) }}", {}) == "16"


def test_numeric_strings_take_part_in_arithmetic():
    assert render("{{ '3' * 2 }}|{{ '1.5' * 2 }}", {}) == "6|3.0"


def test_long_literals_and_unary_minus():
    assert render("{{ 10L + 1 }}|{{ -x }}", {"x": 4}) == "11|-4"


def test_division_by_zero_fails():
    with pytest.raises(ExpressionError, match="/ by zero"):
        render("{{ 1 / 0 }}", {})


def test_arithmetic_on_null_fails():
    with pytest.raises(ExpressionError, match="null"):
        render("{{ x + 1 }}", {"x": None})
