"""`contains`, `isIn` and `notIn`."""
from expressions import render


def test_contains_on_lists_strings_and_maps():
    assert render("{{ [1, 2] contains 1 }}|{{ 'abc' contains 'b' }}|{{ {'a': 1} contains 'a' }}|"
                  "{{ [1, 2] contains 3 }}", {}) == "true|true|true|false"


def test_contains_several_items():
    assert render("{{ ['apple', 'pear', 'peach'] contains ['apple', 'peach'] }}", {}) == "true"


def test_contains_on_null_is_false():
    assert render("{{ n contains 1 }}", {"n": None}) == "false"


def test_is_in_and_not_in_compare_text():
    variables = {"execution": {"state": "KILLED"}}
    assert render("{{ execution.state isIn ['SUCCESS', 'KILLED'] }}|{{ 1 isIn ['1'] }}|{{ 'X' notIn ['X'] }}",
                  variables) == "true|true|false"
