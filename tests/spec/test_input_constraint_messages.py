"""Every failed input constraint in Kestra's words, which users and scripts match on:
`Input#toConstraintViolationException` ("Invalid input for `id`, <why>, but received
`<value>`") with the reasons of StringInput, IntInput, FloatInput, DateInput,
DateTimeInput, TimeInput, DurationInput, EnumInput, SelectInput and MultiselectInput
`#validate`, and FlowInputOutput's "missing required input" (Kestra's InputsTest)."""
import pytest

from flows.spec import InputInvalid, parse_inputs


def message(declaration: dict, value) -> str:
    given = {} if value is None else {"x": value}
    with pytest.raises(InputInvalid) as caught:
        parse_inputs([{"id": "x", **declaration}], given)
    assert caught.value.input_ids == ["x"]
    return str(caught.value)


@pytest.mark.parametrize("declaration, value, expected", [
    ({"type": "STRING", "validator": "^[a-z]+$"}, "ABC", "it must match the pattern `^[a-z]+$`, but received `ABC`"),
    ({"type": "INT", "min": 10}, "9", "it must be more than `10`, but received `9`"),
    ({"type": "INT", "max": 20}, "21", "it must be less than `20`, but received `21`"),
    ({"type": "FLOAT", "min": 0.1}, "0.01", "it must be more than `0.1`, but received `0.01`"),
    ({"type": "FLOAT", "max": 0.5}, "1.01", "it must be less than `0.5`, but received `1.01`"),
    ({"type": "FLOAT", "max": 1}, "2", "it must be less than `1.0`, but received `2`"),
    ({"type": "DATE", "after": "2023-01-01"}, "2022-01-01", "it must be after `2023-01-01`, but received `2022-01-01`"),
    ({"type": "DATE", "before": "2023-12-31"}, "2024-01-01",
     "it must be before `2023-12-31`, but received `2024-01-01`"),
    ({"type": "DATETIME", "after": "2023-01-01T00:00:00Z"}, "2022-01-01T00:00:00Z",
     "it must be after `2023-01-01T00:00:00Z`, but received `2022-01-01T00:00:00Z`"),
    ({"type": "DATETIME", "before": "2023-12-31T23:59:59Z"}, "2024-01-01T00:00:00Z",
     "it must be before `2023-12-31T23:59:59Z`, but received `2024-01-01T00:00:00Z`"),
    ({"type": "TIME", "after": "01:00"}, "00:00:01", "it must be after `01:00`, but received `00:00:01`"),
    ({"type": "TIME", "before": "11:59:59"}, "14:00:00", "it must be before `11:59:59`, but received `14:00:00`"),
    ({"type": "DURATION", "min": "PT10S"}, "PT1S", "It must be more than `PT10S`, but received `PT1S`"),
    ({"type": "DURATION", "max": "PT20S"}, "PT30S", "It must be less than `PT20S`, but received `PT30S`"),
    ({"type": "ENUM", "values": ["ENUM_VALUE", "OTHER_ONE"]}, "INVALID",
     "it must match the values `[ENUM_VALUE, OTHER_ONE]`, but received `INVALID`"),
    ({"type": "SELECT", "values": ["a", "b"]}, "c", "it must match the values `[a, b]`, but received `c`"),
    ({"type": "MULTISELECT", "values": ["a", "b"]}, ["a", "z"],
     "it must match the values `[a, b]`, but received `[a, z]`"),
    ({"type": "STRING"}, None, "missing required input, but received `null`"),
])
def test_each_failed_constraint_reads_as_kestras(declaration, value, expected):
    assert message(declaration, value) == f"Invalid input for `x`, {expected}"


def test_a_secret_that_fails_its_validator_is_not_shown():
    text = message({"type": "SECRET", "validator": "^[a-z]+$"}, "S3CRET")
    assert text == "Invalid input for `x`, it must match the pattern `^[a-z]+$`, but received `******`"


def test_a_constraint_is_checked_on_a_default_too():
    text = message({"type": "INT", "min": 5, "defaults": 1}, None)
    assert text == "Invalid input for `x`, it must be more than `5`, but received `1`"
