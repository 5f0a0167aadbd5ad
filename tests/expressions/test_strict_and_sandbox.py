"""Undefined variables fail and name themselves; the sandbox keeps Python out of reach."""
import pytest

from expressions import ExpressionError, render


@pytest.mark.parametrize("template, name", [
    ("{{ outputs.nonexistent_task.value }}", "nonexistent_task"),
    ("{{ foo }}", "foo"),
    ("{{ foo.bar == 1 }}", "foo"),
    ("{% for x in nowhere %}{{ x }}{% endfor %}", "nowhere"),
])
def test_it_names_the_missing_variable(template, name):
    with pytest.raises(ExpressionError) as error:
        render(template, {"outputs": {}})
    assert name in str(error.value)


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__ }}",
    "{{ inputs.__init__ }}",
    "{{ range.__globals__ }}",
])
def test_the_sandbox_refuses_python_internals(template):
    with pytest.raises(ExpressionError):
        render(template, {"inputs": {}})


def test_a_syntax_error_says_where():
    with pytest.raises(ExpressionError) as error:
        render("{{ 1 + }}", {})
    assert "line 1" in str(error.value)


def test_text_without_expressions_is_returned_untouched():
    text = "no {braces} here: 50% ?? : ?"
    assert render(text, {}) is text
