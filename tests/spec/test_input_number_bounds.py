"""INT inputs hold a Java long at most and FLOAT inputs a finite number: a declared
`min`, `max` or `defaults` outside them is refused when the flow is saved, a given
value when the execution is created (Kestra's IntInput and FloatInput, read by Jackson)."""
import textwrap

import pytest

from flows.spec import InputInvalid, parse_inputs

from .helpers import errors_of, with_tasks

LONG_MAX = 2 ** 63 - 1


def declared(body: str) -> set:
    """(path, line) of each error of a flow declaring the inputs in `body`."""
    inputs = textwrap.indent(textwrap.dedent(body).lstrip("\n"), "  ")
    return {(e.path, e.line) for e in errors_of(with_tasks("id: numbers\nnamespace: company.team\ninputs:\n" + inputs))}


def test_int_bounds_and_defaults_past_64_bits_are_refused_when_saved():
    assert declared("""
          - id: low
            type: INT
            min: -99999999999999999999
          - id: high
            type: INT
            max: 9223372036854775808
        """) == {("inputs[0].min", 6), ("inputs[1].max", 9)}
    assert declared("""
          - id: big
            type: INT
            defaults: 99999999999999999999
        """) == {("inputs[0].defaults", 6)}


def test_float_bounds_and_defaults_that_are_not_finite_are_refused_when_saved():
    assert declared("""
          - id: ratio
            type: FLOAT
            max: .inf
          - id: other
            type: FLOAT
            defaults: .nan
        """) == {("inputs[0].max", 6), ("inputs[1].defaults", 9)}


def test_the_largest_long_is_an_int_and_one_more_is_not():
    assert parse_inputs([{"id": "n", "type": "INT"}], {"n": str(LONG_MAX)}) == {"n": LONG_MAX}
    expected = "Invalid input for `n`, '9223372036854775808' is not an INT: outside 64 bits"
    with pytest.raises(InputInvalid, match=expected):
        parse_inputs([{"id": "n", "type": "INT"}], {"n": str(LONG_MAX + 1)})


@pytest.mark.parametrize("value", ["NaN", "Infinity", float("inf"), float("-inf")])
def test_a_float_that_is_not_finite_is_refused(value):
    with pytest.raises(InputInvalid, match="Invalid input for `r`, .* is not a"):
        parse_inputs([{"id": "r", "type": "FLOAT"}], {"r": value})
