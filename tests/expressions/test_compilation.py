"""Templates are transpiled and compiled once; syntax errors name the problem."""
import pytest

from expressions import ExpressionError, render
from expressions.environment import compiled
from expressions.transpile import transpile


def test_the_compiled_template_is_cached():
    render("{{ cached_once + 1 }}", {"cached_once": 1})
    hits = compiled.cache_info().hits
    render("{{ cached_once + 1 }}", {"cached_once": 2})
    assert compiled.cache_info().hits == hits + 1


def test_transpiling_keeps_line_numbers():
    source = "a\n{{ {\n 'k': 1\n} }}\nb {{ x }}"
    assert transpile(source).count("\n") == source.count("\n")


@pytest.mark.parametrize("template, problem", [
    ("{{ }}", "Empty expression"),
    ("{{ a", "Unclosed tag"),
    ("{{ 1 + }}", "expected an expression"),
    ("{{ a ? b }}", "expected :"),
    ("{{ 'open }}", "Unclosed string"),
    ("{{ x | nosuchfilter }}", "No filter named 'nosuchfilter'"),
    ("{{ x is nosuchtest }}", "No test named 'nosuchtest'"),
    ("{% nosuchtag %}", "Unknown tag 'nosuchtag'"),
    ("{{ a $ b }}", "Unexpected character"),
])
def test_syntax_errors_name_the_problem(template, problem):
    with pytest.raises(ExpressionError, match=problem):
        render(template, {})
