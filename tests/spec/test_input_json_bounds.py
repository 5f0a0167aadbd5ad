"""JSON and YAML input values within bounds: `NaN` is not JSON (Kestra's Jackson refuses
it), and nesting past the limit (SnakeYAML's nestingDepthLimit for YAML) is the input's
error rather than Python's recursion error or a database failure."""
import pytest

from flows.spec import InputInvalid, parse_inputs

DEPTH = "lists and maps nested deeper than the limit of 50 (setting KESTRAWEB_MAX_NESTING_DEPTH)"


def message(declaration: dict, value) -> str:
    with pytest.raises(InputInvalid) as caught:
        parse_inputs([{"id": "x", **declaration}], {"x": value})
    return str(caught.value)


@pytest.mark.parametrize("text", ["[NaN]", '{"a": Infinity}', "-Infinity"])
def test_it_refuses_json_that_is_not_a_number(text):
    assert "is not a JSON number" in message({"type": "JSON"}, text)


def test_it_refuses_json_nested_100k_deep():
    assert message({"type": "JSON"}, "[" * 100_000 + "]" * 100_000) == f"Invalid input for `x`, {DEPTH}"


def test_it_refuses_json_nested_past_the_limit_but_reads_it_at_the_limit():
    assert message({"type": "JSON"}, "[" * 51 + "]" * 51) == f"Invalid input for `x`, {DEPTH}"
    assert parse_inputs([{"id": "x", "type": "JSON"}], {"x": "[" * 50 + "]" * 50})["x"] is not None


def test_it_refuses_an_array_nested_too_deep():
    assert DEPTH in message({"type": "ARRAY", "itemType": "JSON"}, "[" * 1000 + "]" * 1000)


def test_it_refuses_a_json_value_given_already_parsed_with_a_non_finite_number():
    assert "nan is not a finite number" in message({"type": "JSON"}, {"a": [float("nan")]})


def test_it_refuses_a_yaml_input_nested_too_deep_or_holding_an_alias_bomb():
    assert DEPTH in message({"type": "YAML"}, "[" * 60 + "]" * 60)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"l{n}: &l{n} [{', '.join([f'*{prev}'] * 9)}]\n"
        for n, prev in zip(range(9), ["a"] + [f"l{i}" for i in range(8)], strict=True))
    assert "more values than the limit of" in message({"type": "YAML"}, bomb)


def test_it_refuses_a_binary_value_in_a_yaml_input():
    assert "the YAML tag !!binary is not supported" in message({"type": "YAML"}, "a: !!binary aGVsbG8=")
