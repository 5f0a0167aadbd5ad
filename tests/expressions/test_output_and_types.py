"""Values print as Kestra prints them."""
import pytest

from expressions import render

V = {"inputs": {"count": 41, "ratio": 1.25, "flag": True, "none": None}}


@pytest.mark.parametrize("template, expected", [
    ("{{ greeting is defined }}", "false"),
    ("{{ inputs.count + 1 }}", "42"),
    ("{{ inputs.ratio * 2 }}", "2.5"),
    ("{{ inputs.flag }}", "true"),
    ("{{ inputs.none }}", ""),
    ("{{ 6 * 7 }}", "42"),
    ("{{ 7 / 2 }}|{{ -7 / 2 }}|{{ 7.0 / 2 }}", "3|-3|3.5"),
    ("{{ {'a': 1, 'b': [true, null]} }}", '{"a":1,"b":[true,null]}'),
    ("{{ {'a': 1, 'b': [true, null]} | toJson }}", '{"a":1,"b":[true,null]}'),
])
def test_it_prints_values_the_java_way(template, expected):
    assert render(template, V) == expected


def test_map_attributes_read_keys_not_methods():
    outputs = {"get": {"value": 1}, "values": {"value": 2}, "items": {"value": 3}}
    assert render("{{ outputs.get.value }}{{ outputs.values.value }}{{ outputs.items.value }}",
                  {"outputs": outputs}) == "123"


def test_outputs_of_loops_are_read_by_value():
    outputs = {"upper": {"b": {"value": "B"}}, "my-task": {"value": "dash"}}
    assert render("{{ outputs.upper['b'].value }} {{ outputs['my-task'].value }}", {"outputs": outputs}) == "B dash"
