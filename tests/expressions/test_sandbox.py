"""Templates reach data only: no Python attributes, no mutation of the engine's values."""
import pytest

from expressions import ExpressionError, render


@pytest.mark.parametrize("template", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ x.__dict__ }}",
    "{{ x['__class__'] }}",
    "{{ (1).__class__ }}",
    "{{ render.__globals__ }}",
])
def test_it_refuses_python_internals(template):
    with pytest.raises(ExpressionError):
        render(template, {"x": {"a": 1}})


def test_it_does_not_expose_python_methods():
    with pytest.raises(ExpressionError, match="upper"):
        render("{{ 'abc'.upper() }}", {})
    with pytest.raises(ExpressionError, match="format"):
        render("{{ 'a{}'.format(1) }}", {})


def test_it_cannot_change_the_variables():
    variables = {"items": [3, 1, 2], "m": {"a": 1}}
    with pytest.raises(ExpressionError):
        render("{{ items.append(4) }}", variables)
    with pytest.raises(ExpressionError):
        render("{{ m.clear() }}", variables)
    render("{{ items | sort }}{{ items | reverse }}", variables)
    assert variables == {"items": [3, 1, 2], "m": {"a": 1}}


def test_map_keys_named_like_methods_read_the_key():
    assert render("{{ outputs.get.value }}|{{ outputs['values'].n }}",
                  {"outputs": {"get": {"value": 1}, "values": {"n": 2}}}) == "1|2"
