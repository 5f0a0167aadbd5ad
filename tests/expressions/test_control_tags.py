"""{% for %}, {% if %}, {% set %}, {% raw %}, {% filter %}, {% macro %} and comments."""
import pytest

from expressions import ExpressionError, render


def test_for_loop_variables_count_from_zero_as_in_pebble():
    template = "{% for x in items %}{{ loop.index }}/{{ loop.revindex }}/{{ loop.first }}/{{ loop.last }}/" \
               "{{ loop.length }}:{{ x }} {% endfor %}"
    assert render(template, {"items": ["a", "b", "c"]}) == \
        "0/2/true/false/3:a 1/1/false/false/3:b 2/0/false/true/3:c "


def test_for_else_renders_for_an_empty_list():
    assert render("{% for x in items %}{{ x }}{% else %}none{% endfor %}", {"items": []}) == "none"


def test_for_over_a_map_gives_entries():
    assert render("{% for e in m %}{{ e.key }}={{ e.value }};{% endfor %}", {"m": {"a": 1, "b": 2}}) == "a=1;b=2;"


def test_for_over_a_range():
    assert render("{% for i in 1..3 %}{{ i }},{% endfor %}", {}) == "1,2,3,"


def test_if_elseif_else():
    template = "{% if n > 50 %}big{% elseif n > 40 %}mid{% else %}small{% endif %}"
    assert [render(template, {"n": n}) for n in (60, 45, 1)] == ["big", "mid", "small"]


def test_if_with_tests_and_logic():
    assert render("{% if 2 is even and 3 is odd %}yes{% endif %}", {}) == "yes"
    assert render("{% if (3 is not even) and (2 is odd or 3 is even) %}yes{% else %}no{% endif %}", {}) == "no"


def test_set():
    assert render("{% set total = n * 2 %}{{ total }}", {"n": 21}) == "42"


def test_raw_keeps_expressions_as_text():
    assert render("{% raw %}{{ user.name }}{% endraw %}", {}) == "{{ user.name }}"
    assert render("{% verbatim %}{% if %}{% endverbatim %}", {}) == "{% if %}"


def test_comments_print_nothing():
    assert render("a{# {{ missing }} #}b", {}) == "ab"


def test_filter_block():
    assert render("{% filter upper %}hello {{ name }}{% endfilter %}", {"name": "you"}) == "HELLO YOU"


def test_macro():
    template = "{% macro greet(name, greeting='Hello') %}{{ greeting }} {{ name }}{% endmacro %}" \
               "{{ greet('Ann') }}|{{ greet('Bob', greeting='Hi') }}"
    assert render(template, {}) == "Hello Ann|Hi Bob"


def test_unbalanced_tags_fail():
    with pytest.raises(ExpressionError, match="Unclosed"):
        render("{% if true %}x", {})
    with pytest.raises(ExpressionError, match="endfor"):
        render("{% if true %}x{% endfor %}", {})


def test_unsupported_tags_fail_naming_the_tag():
    with pytest.raises(ExpressionError, match="'include'"):
        render("{% include 'x' %}", {})
