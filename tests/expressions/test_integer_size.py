"""Products stay within a bound: Pebble's integers are Java longs, ours would grow
without end, and a macro squaring its argument would take minutes and gigabytes."""
import pytest

from expressions import ExpressionError, render


def test_a_runaway_product_is_refused():
    with pytest.raises(ExpressionError, match="Number too large"):
        render("{% macro f(n) %}{{ n > 0 ? f(n * n) : 1 }}{% endmacro %}{{ f(99999) }}", {})


def test_products_past_a_long_still_work():
    assert render("{{ 9223372036854775807 * 10 }}", {}) == "92233720368547758070"
