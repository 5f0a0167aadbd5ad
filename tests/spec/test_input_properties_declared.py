"""Input declarations are read from their declared properties
(flows.spec.input_properties, after Kestra's Input subclasses): a key of the wrong
kind is refused with its path and line, whatever key it is."""
import pytest

from flows.spec.input_properties import input_properties

from .helpers import errors_of, only_error


def with_input(extra: str) -> str:
    return f"""
        id: inputs
        namespace: company.team
        inputs:
          - id: pick
            type: SELECT
            values: [a, b]
            {extra}
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """


@pytest.mark.parametrize("extra, path", [
    ("allowCustomValue: perhaps", "inputs[0].allowCustomValue"),
    ("isRadio: [1]", "inputs[0].isRadio"),
    ("autoSelectFirst: 3", "inputs[0].autoSelectFirst"),
    ("description: {a: 1}", "inputs[0].description"),
    ("dependsOn: {inputs: [x], condition: [1]}", "inputs[0].dependsOn"),
])
def test_a_key_of_the_wrong_kind_is_refused_at_its_line(extra, path):
    errors = [error for error in errors_of(with_input(extra)) if error.path.startswith(path)]
    assert errors and errors[0].line == 7 and "input 'pick'" in errors[0].message


def test_keys_of_the_right_kind_pass():
    assert errors_of(with_input("allowCustomValue: true")) == []
    assert errors_of(with_input("isRadio: \"true\"")) == []


def test_a_string_min_length_must_be_an_integer():
    error = only_error("""
        id: inputs
        namespace: company.team
        inputs:
          - id: word
            type: STRING
            minLength: short
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """)
    assert (error.path, error.line) == ("inputs[0].minLength", 6)
    assert error.message == "input 'word': must be an integer, not 'short'"


def test_each_type_declares_its_own_keys():
    assert {prop.name for prop in input_properties("INT")} >= {"min", "max", "id", "defaults"}
    assert "isRadio" in {prop.name for prop in input_properties("SELECT")}
    assert "isRadio" not in {prop.name for prop in input_properties("INT")}
