"""Undefined variables fail, naming the missing name (Pebble's strictVariables)."""
import pytest

from expressions import ExpressionError, render


def test_it_names_a_missing_output():
    with pytest.raises(ExpressionError) as error:
        render("{{ outputs.nonexistent_task.value }}", {"outputs": {}})
    assert "nonexistent_task" in str(error.value)
    assert "{{ outputs.nonexistent_task.value }}" in str(error.value)


def test_it_names_a_missing_root_variable():
    with pytest.raises(ExpressionError, match="`foo`"):
        render("{{ foo }}", {})


def test_it_gives_the_line_of_the_missing_variable():
    with pytest.raises(ExpressionError, match="at line 3"):
        render("one\ntwo {{ 'ok' }}\n{{ missing }}", {})


def test_it_fails_on_comparison_and_iteration():
    with pytest.raises(ExpressionError, match="missing"):
        render("{{ missing == 1 }}", {})
    with pytest.raises(ExpressionError, match="missing"):
        render("{% for x in missing %}{% endfor %}", {})
    with pytest.raises(ExpressionError, match="missing"):
        render("{% if missing %}yes{% endif %}", {})


def test_it_fails_in_a_filter_naming_the_first_missing_part():
    with pytest.raises(ExpressionError, match="`task`"):
        render("{{ outputs.task.value | upper }}", {"outputs": {}})


def test_it_names_an_unknown_function():
    with pytest.raises(ExpressionError, match=r"Function or Macro \[nope\] does not exist"):
        render("{{ nope() }}", {})


def test_is_defined_sees_missing_and_null_values_as_undefined():
    assert render("{{ greeting is defined }}", {}) == "false"
    assert render("{{ a.b.c is defined }}", {"a": {}}) == "false"
    assert render("{{ x is defined }}|{{ y is not defined }}", {"x": None, "y": 1}) == "false|false"
    assert render("{{ x is defined }}", {"x": 0}) == "true"


def test_default_applies_to_missing_null_and_empty_values():
    assert render("{{ nope | default('d') }}", {}) == "d"
    assert render("{{ a.b.c | default('d') }}", {"a": {}}) == "d"
    assert render("{{ x | default('d') }}|{{ y | default('d') }}|{{ z | default('d') }}",
                  {"x": None, "y": "  ", "z": []}) == "d|d|d"
    assert render("{{ x | default('d') }}", {"x": 0}) == "0"
