"""Pebble syntax that Jinja2 lacks, as Kestra flows write it."""
import pytest

from expressions import render

V = {"inputs": {"mode": "prod", "maybe": None}, "parent": {"taskrun": {"value": None}}}


@pytest.mark.parametrize("template, expected", [
    ("{{ inputs.mode == 'prod' ? 'live' : 'dry' }}", "live"),
    ("{{ inputs.mode == 'dev' ? 'live' : inputs.mode == 'prod' ? 'nested' : 'dry' }}", "nested"),
    ("{{ true ? (false ? 1 : 2) : 3 }}", "2"),
    ("{{ inputs.maybe ?? 'fallback' }}", "fallback"),
    ("{{ parent.taskrun.value ?? 'route' }}", "route"),
    ("{{ nothing.at.all ?? 'x' }}", "x"),
    ("{{ inputs.maybe ??? 'only-undefined' }}", ""),
    ("{{ missing ??? 'only-undefined' }}", "only-undefined"),
    ("{{ 'a' ~ 'b' ~ (1 + 2) }}", "ab3"),
    ("{{ [1, 2] contains 2 }}|{{ 'abc' contains 'z' }}|{{ {'k': 1} contains 'k' }}", "true|false|true"),
    ("{{ 1 equals 1 }}", "true"),
    ("{% for i in 1..3 %}{{ i }}{% endfor %}", "123"),
    ("{% if false %}a{% elseif true %}b{% else %}c{% endif %}", "b"),
    ("{{ 'a ? b : c ?? d' }}", "a ? b : c ?? d"),
    ("{{ ['x'] | join(inputs.maybe ?? '-') }}", "x"),
    ("{{ null is null }}|{{ '' is empty }}|{{ {} is map }}", "true|true|true"),
    ("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}"),
])
def test_it_renders_pebble_syntax(template, expected):
    assert render(template, V) == expected
