"""Kestra's TruthUtils beyond the basics: text is trimmed, only "false", "0", "-0" and ""
are false (so "null" and "0.0" are true); booleans and numbers count by value."""
import pytest

from expressions import is_truthy, render


@pytest.mark.parametrize("value", ["null", "0.0", "This should be true", "  true  ", 0.5, {"a": 1}])
def test_other_text_and_values_are_true(value):
    assert is_truthy(value) is True


@pytest.mark.parametrize("value", ["  0 ", "-0", 0, 0.0, False, "\n"])
def test_zero_and_blank_are_false(value):
    assert is_truthy(value) is False


def test_a_rendered_condition_reads_as_kestra_reads_it():
    assert is_truthy(render("{{ inputs.n > 5 }}", {"inputs": {"n": 3}})) is False
    assert is_truthy(render("{{ inputs.n > 5 }}", {"inputs": {"n": 9}})) is True
