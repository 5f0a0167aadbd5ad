"""range() and `..` hold at most KESTRAWEB_EXPRESSION_MAX_RANGE items (Pebble's
RangeFunction would allocate a billion-item list), as Jinja's own sandbox bounds its
range."""
import pytest

from expressions import Budget, LimitExceeded, Limits, render


@pytest.mark.parametrize("template", ["{{ range(0, 1000000000) | length }}",
                                      "{{ (0..1000000000) | length }}",
                                      "{% for i in range(0, 1000000000) %}{% endfor %}"])
def test_a_billion_item_range_is_refused_naming_the_limit(template):
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_MAX_RANGE=100000") as stopped:
        render(template, {})
    assert stopped.value.limit == "max_range"


def test_the_limit_is_the_budget_s():
    budget = Budget(Limits(max_range=10))
    assert render("{{ range(1, 10) | length }}", {}, budget=budget) == "10"
    with pytest.raises(LimitExceeded, match="A range of 11 items"):
        render("{{ range(1, 11) }}", {}, budget=Budget(Limits(max_range=10)))
