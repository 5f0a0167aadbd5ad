"""Java methods and getters Pebble lets templates use on values."""
import pytest

from expressions import ExpressionError, render


def test_string_methods():
    assert render("{{ s.length() }}|{{ s.toUpperCase() }}|{{ s.substring(1, 3) }}|{{ s.contains('ll') }}|"
                  "{{ s.replace('l', 'L') }}|{{ s.split('l') }}", {"s": "hello"}) \
        == '5|HELLO|el|true|heLLo|["he","","o"]'


def test_getters_read_as_attributes():
    assert render("{{ s.length }}|{{ items.size }}|{{ items.empty }}", {"s": "abc", "items": [1, 2]}) == "3|2|false"


def test_list_and_map_methods():
    assert render("{{ items.size() }}|{{ items.get(0) }}|{{ m.containsKey('a') }}|{{ m.get('a') }}|{{ m.size() }}",
                  {"items": [5, 6], "m": {"a": 1}}) == "2|5|true|1|1"


def test_an_unknown_method_fails_naming_it():
    with pytest.raises(ExpressionError, match=r"Method \[explode\]"):
        render("{{ s.explode() }}", {"s": "x"})
