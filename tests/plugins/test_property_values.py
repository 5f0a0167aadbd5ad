"""One reader for a declared property (plugins.api.property_values): at save time it
lists every problem of a literal value, at run time it converts a rendered value to the
declared kind, as Kestra's `Property<T>` is read by Jackson and again by
`runContext.render(property).as(T.class)`."""
from datetime import timedelta

import pytest

from plugins.api.properties import RETRY, Property
from plugins.api.property_values import ValueInvalid, coerce, problems

STRING_OR_LIST = Property("message", "one_of", one_of=(
    Property("text", "string"), Property("texts", "array", items="string")))
HEADERS = Property("headers", "array", min_items=1, items=Property("header", "object", fields=(
    Property("name", required=True, min_length=1), Property("value"))))


@pytest.mark.parametrize("prop, rendered, expected", [
    (Property("n", "integer"), "3", 3),
    (Property("n", "integer"), 4.0, 4),
    (Property("x", "number"), "2.5", 2.5),
    (Property("b", "boolean"), "true", True),
    (Property("b", "boolean"), "FALSE", False),
    (Property("d", "duration"), "PT5S", timedelta(seconds=5)),
    (Property("d", "duration"), 90, timedelta(seconds=90)),
    (Property("e", "enum", values=("FETCH_ONE", "STORE")), "store", "STORE"),
    (Property("s", "string"), 5, "5"),
    (Property("s", "string"), True, "true"),
    (Property("l", "array", items="integer"), '["1", 2]', [1, 2]),
    (Property("m", "object"), '{"a": 1}', {"a": 1}),
    (STRING_OR_LIST, "hi", "hi"),
    (STRING_OR_LIST, ["a", 1], ["a", "1"]),
    (RETRY, {"type": "constant", "interval": "PT1S", "maxAttempt": "3"},
     {"type": "constant", "interval": timedelta(seconds=1), "maxAttempt": 3}),
])
def test_a_rendered_value_is_converted_to_its_kind(prop, rendered, expected):
    assert coerce(prop, rendered) == expected


@pytest.mark.parametrize("prop, rendered, sub, message", [
    (Property("n", "integer"), "three", "", "must be an integer, not 'three'"),
    (Property("n", "integer", minimum=1, maximum=5), "9", "", "must be at most 5, not 9"),
    (Property("b", "boolean"), "yes", "", "must be true or false, not 'yes'"),
    (Property("d", "duration"), "soon", "", "must be an ISO-8601 duration like PT5M or PT0.5S"),
    (Property("e", "enum", values=("A", "B")), "C", "", "must be one of A, B, not 'C'"),
    (Property("s", "string", max_length=3), "long", "", "must be at most 3 characters long, not 4"),
    (STRING_OR_LIST, {"a": 1}, "", "must be a string or a list of strings, not a map"),
    (HEADERS, [], "", "must hold at least 1 item, not 0"),
    (HEADERS, [{"name": "a"}, {"value": "b"}], "[1].name", "required property missing of header"),
    (HEADERS, [{"name": "a", "valeu": "b"}], "[0].valeu", "unknown property 'valeu' of header"),
    (RETRY, {"type": "sometimes"}, ".type", "must be one of constant, exponential, random, not 'sometimes'"),
    (RETRY, {"type": "random", "minInterval": "PT1S"}, ".maxInterval", "required property missing"),
    (RETRY, {"type": "constant", "interval": "PT1S", "delayFactor": 2}, ".delayFactor", "unknown property"),
])
def test_a_value_that_cannot_be_read_says_where_and_why(prop, rendered, sub, message):
    with pytest.raises(ValueInvalid) as caught:
        coerce(prop, rendered)
    assert caught.value.problem.sub == sub
    assert message in caught.value.problem.message


def test_validation_leaves_expressions_to_run_time_and_reports_every_problem():
    assert problems(Property("n", "integer"), "{{ inputs.n }}") == []
    assert problems(Property("n", "integer", dynamic=False), "{{ inputs.n }}") != []
    found = problems(HEADERS, [{"valeu": 1}, {"name": ""}])
    assert [problem.sub for problem in found] == ["[0].valeu", "[0].name", "[1].name"]
    assert found[0].container == {"valeu": 1} and found[0].key == "valeu"  # where its YAML line is


def test_validation_keeps_the_value_as_written():
    assert problems(Property("d", "duration"), "PT5S") == []
    assert problems(Property("n", "integer"), "3") == []  # Jackson reads "3" as 3
