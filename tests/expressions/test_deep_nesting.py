"""An expression nested thousands of brackets deep is refused with a named error, not
a RecursionError traceback (Pebble's parser fails on it too, with a StackOverflowError)."""
import pytest

from expressions import ExpressionError, render


@pytest.mark.parametrize("template", ["{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
                                      "{{ " + "[" * 5000 + "]" * 5000 + " }}"])
def test_it_refuses_deep_nesting_naming_it(template):
    with pytest.raises(ExpressionError, match="nested too deeply"):
        render(template, {})


def test_ordinary_nesting_renders():
    assert render("{{ " + "(" * 20 + "1" + ")" * 20 + " }}", {}) == "1"
