"""Built-in functions: render, range, max/min, fromJson, yaml, uuid, id, randomInt, printContext."""
import re

import pytest

from expressions import ExpressionError, render

VARS = {"vars": {"first": "1", "second": "{{ vars.first }} > 2", "third": "{{ vars.second }} > 3"}}


def test_render_renders_recursively():
    assert render("{{ render(vars.third) }}", VARS) == "1 > 2 > 3"


def test_render_once_stops_after_one_pass():
    assert render("{{ render(vars.third, recursive=false) }}", VARS) == "{{ vars.first }} > 2 > 3"
    assert render("{{ renderOnce(vars.third) }}", VARS) == "{{ vars.first }} > 2 > 3"


def test_render_keeps_raw_blocks_and_sees_injected_functions():
    variables = {"vars": {"raw": "{% raw %}{{ literal }}{% endraw %}", "token": "{{ secret('T') }}"}}
    functions = {"secret": lambda name: f"secret-{name}"}
    assert render("{{ render(vars.raw) }}", variables, functions) == "{{ literal }}"
    assert render("{{ render(vars.token) }}", variables, functions) == "secret-T"


def test_render_fails_on_endless_recursion():
    with pytest.raises(ExpressionError, match="Too many rendering attempts"):
        render("{{ render(vars.loop) }}", {"vars": {"loop": "{{ '{{ 1 }}' ~ vars.loop }}"}})


def test_range_includes_both_ends():
    assert render("{{ range(0, 3) }}|{{ range(0, 6, 2) }}|{{ range(3, 1, -1) }}", {}) == "[0,1,2,3]|[0,2,4,6]|[3,2,1]"
    assert render("{% for i in 1..3 %}{{ i }}{% endfor %}", {}) == "123"


def test_max_and_min():
    assert render("{{ max(20, 80, age) }}|{{ min(20, 80, age) }}", {"age": 5}) == "80|5"


def test_yaml_and_json_functions():
    assert render("{{ yaml('foo: [666, 1, 2]').foo[0] }}|{{ json('[1]')[0] }}", {}) == "666|1"


def test_ids():
    assert re.fullmatch(r"[0-9a-f-]{36}", render("{{ uuid() }}", {}))
    assert re.fullmatch(r"[0-9A-Za-z]{15,22}", render("{{ id() }}", {}))


def test_random_int_stays_in_its_range():
    values = {int(render("{{ randomInt(1, 3) }}", {})) for _ in range(50)}
    assert values <= {1, 2}


def test_print_context_lists_the_variables_without_functions():
    assert render("{{ printContext() }}", {"inputs": {"a": 1}}, {"kv": lambda k: k}) == '{"inputs":{"a":1}}'
