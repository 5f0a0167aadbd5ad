"""Text around `{{ a.b.c }}` lookups is rendered without compiling a template
(expressions/simple_paths.py); it must print exactly what the compiled template prints,
as Pebble prints values (io.kestra.core.runners.pebble: maps and lists as JSON, booleans
as true/false, null as nothing), and leave every other case to the compiled template."""
from datetime import UTC, datetime

import pytest

from expressions import ExpressionError, render
from expressions.budget import Budget
from expressions.environment import ENVIRONMENT
from expressions.limits import LimitExceeded, Limits
from expressions.simple_paths import render_simple
from expressions.transpile import transpile

VARIABLES = {
    "task": {"id": "t1", "type": "io.kestra.plugin.core.debug.Return"},
    "outputs": {"t1": {"value": "hello", "count": 3, "ratio": 0.1, "ok": True, "no": False, "none": None,
                       "map": {"a": [1, "two", None]}, "when": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)}},
}
SIMPLE = [
    "{{ task.id }}",
    "id={{task.id}} type={{ task.type }}\n",
    "{{ outputs.t1.value }}/{{ outputs.t1.count }}/{{ outputs.t1.ratio }}",
    "{{ outputs.t1.ok }} {{ outputs.t1.no }} [{{ outputs.t1.none }}]",
    "{{ outputs.t1.map }}",
    "{{ outputs.t1.when }}",
]


@pytest.mark.parametrize("template", SIMPLE)
def test_it_prints_what_the_compiled_template_prints(template):
    simple = render_simple(template, VARIABLES)
    assert simple is not None
    assert simple == ENVIRONMENT.from_string(transpile(template)).render(VARIABLES)
    assert render(template, VARIABLES) == simple


@pytest.mark.parametrize("template", [
    "{{ outputs.t1.missing }}",  # the compiled template reports it
    "{{ outputs.t1.value | upper }}",
    "{{ task._private }}",
    '{"id": "{{ task.id }}"}',
    "{{- task.id }}",
    "{{ outputs.t1.map.a.size }}",  # a list's Java getter, the sandbox's
])
def test_it_leaves_the_rest_to_the_compiled_template(template):
    assert render_simple(template, VARIABLES) is None


def test_a_missing_key_still_fails_with_kestras_message():
    with pytest.raises(ExpressionError, match="Unable to find `missing`"):
        render("{{ outputs.t1.missing }}", VARIABLES)


def test_an_output_over_the_limit_is_refused_as_the_compiled_template_refuses_it():
    big = {"text": "x" * 50}
    budget = Budget(Limits(max_output=40))
    with pytest.raises(LimitExceeded) as simple:
        render("{{ big.text }}", {"big": big}, budget=budget)
    with pytest.raises(LimitExceeded) as compiled:
        render("{{ big.text | trim }}", {"big": big}, budget=Budget(Limits(max_output=40)))
    assert type(simple.value) is type(compiled.value)
    assert "{{ big.text }}" in str(simple.value)
