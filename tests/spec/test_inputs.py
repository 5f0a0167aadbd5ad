import pytest

from flows.spec import InputInvalid, nest_dotted, parse_inputs

from .helpers import parse


def one(declaration: dict, value):
    """The parsed value of a single input `it`."""
    return parse_inputs([{"id": "it", **declaration}], {"it": value})["it"]


def error_of(declared: list[dict], given: dict) -> InputInvalid:
    with pytest.raises(InputInvalid) as caught:
        parse_inputs(declared, given)
    return caught.value


def test_values_from_text_become_typed():
    spec = parse("""
        id: typed
        namespace: company.team
        inputs:
          - id: name
            type: STRING
          - id: count
            type: INT
          - id: ratio
            type: FLOAT
          - id: flag
            type: BOOLEAN
          - id: color
            type: ENUM
            values: [RED, GREEN]
          - id: greeting
            type: STRING
            defaults: hi
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """)
    given = {"name": "Ada", "count": "41", "ratio": "1.25", "flag": "true", "color": "GREEN"}
    assert parse_inputs(spec.inputs, given) == {
        "name": "Ada", "count": 41, "ratio": 1.25, "flag": True, "color": "GREEN", "greeting": "hi",
    }


def test_a_bad_int_names_the_input():
    error = error_of([{"id": "count", "type": "INT"}], {"count": "forty-two"})
    assert str(error) == "Invalid input for `count`, 'forty-two' is not an INT"
    assert error.errors == [("count", "Invalid input for `count`, 'forty-two' is not an INT")]


def test_a_missing_required_input_names_the_input():
    error = error_of([{"id": "customer_id", "type": "STRING"}], {})
    assert str(error) == "Invalid input for `customer_id`, missing required input, but received `null`"


def test_every_bad_input_is_named_at_once():
    error = error_of([{"id": "a", "type": "INT"}, {"id": "b", "type": "BOOLEAN"}, {"id": "c", "type": "STRING"}],
                     {"a": "x", "b": "maybe"})
    assert error.input_ids == ["a", "b", "c"]
    assert "'maybe' is not a BOOLEAN" in str(error)


def test_an_optional_input_without_value_is_none():
    assert parse_inputs([{"id": "note", "type": "STRING", "required": False}], {}) == {"note": None}


def test_defaults_apply_and_are_parsed_like_given_values():
    declared = [{"id": "n", "type": "INT", "defaults": "5"}, {"id": "when", "type": "DATETIME",
                                                              "defaults": "2024-01-31T10:00:00+01:00"}]
    assert parse_inputs(declared, {"n": None}) == {"n": 5, "when": "2024-01-31T09:00:00Z"}


def test_an_empty_field_is_no_value_except_for_text():
    declared = [{"id": "n", "type": "INT", "required": False}, {"id": "s", "type": "STRING"}]
    assert parse_inputs(declared, {"n": "", "s": ""}) == {"n": None, "s": ""}


def test_unknown_given_keys_are_ignored():
    assert parse_inputs([{"id": "a", "type": "STRING"}], {"a": "x", "other": "y"}) == {"a": "x"}


def test_typed_json_values_are_accepted():
    assert one({"type": "INT"}, 41) == 41
    assert one({"type": "FLOAT"}, 2) == 2.0
    assert one({"type": "BOOLEAN"}, False) is False
    assert one({"type": "JSON"}, {"a": [1]}) == {"a": [1]}
    assert one({"type": "STRING"}, 5) == "5"
    assert one({"type": "STRING"}, True) == "true"


@pytest.mark.parametrize("declaration, value, expected", [
    ({"type": "BOOLEAN"}, "FALSE", False),
    ({"type": "BOOL"}, "True", True),
    ({"type": "INT"}, " -7 ", -7),
    ({"type": "FLOAT"}, "1e3", 1000.0),
    ({"type": "SELECT", "values": ["a", "b"]}, "b", "b"),
    ({"type": "SELECT", "values": ["a"], "allowCustomValue": True}, "z", "z"),
    ({"type": "MULTISELECT", "values": ["a", "b", "c"]}, '["a", "c"]', ["a", "c"]),
    ({"type": "MULTISELECT", "options": ["a", "b"]}, ["b"], ["b"]),
    ({"type": "DATE"}, "2024-02-29", "2024-02-29"),
    ({"type": "DATETIME"}, "2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z"),
    ({"type": "DATETIME"}, "2024-01-31T12:30:00.5+02:00", "2024-01-31T10:30:00.500Z"),
    ({"type": "DATETIME"}, "2024-01-31T10:00:00.123456789Z", "2024-01-31T10:00:00.123456Z"),
    ({"type": "TIME"}, "10:30", "10:30:00"),
    ({"type": "TIME"}, "23:59:59.25", "23:59:59.25"),
    ({"type": "DURATION"}, "PT5M", "PT5M"),
    ({"type": "DURATION"}, "PT0.5S", "PT0.5S"),
    ({"type": "DURATION"}, "P2D", "PT48H"),
    ({"type": "DURATION"}, "PT90S", "PT1M30S"),
    ({"type": "JSON"}, '{"a": [1, 2]}', {"a": [1, 2]}),
    ({"type": "JSON"}, "[1]", [1]),
    ({"type": "YAML"}, "a: 1\nb: [x, y]\n", {"a": 1, "b": ["x", "y"]}),
    ({"type": "ARRAY", "itemType": "INT"}, "[1, \"2\"]", [1, 2]),
    ({"type": "ARRAY", "itemType": "STRING"}, ["a", "b"], ["a", "b"]),
    ({"type": "URI"}, "https://example.com/a?b=c", "https://example.com/a?b=c"),
    ({"type": "URI"}, "kestra:///company/team/file.csv", "kestra:///company/team/file.csv"),
    ({"type": "EMAIL"}, "ada@example.com", "ada@example.com"),
    ({"type": "STRING", "validator": "^[A-Z]{3}$"}, "ABC", "ABC"),
    ({"type": "SECRET"}, "s3cr3t", "s3cr3t"),
    ({"type": "FILE"}, "/tmp/data.csv", "/tmp/data.csv"),
    ({"type": "FILE"}, "kestra:///a/b/c.csv", "kestra:///a/b/c.csv"),
    ({"type": "INT", "min": 1, "max": 10}, "10", 10),
    ({"type": "DATE", "after": "2024-01-01", "before": "2024-12-31"}, "2024-06-01", "2024-06-01"),
])
def test_each_type_parses_its_values(declaration, value, expected):
    assert one(declaration, value) == expected


@pytest.mark.parametrize("declaration, value, reason", [
    ({"type": "INT"}, "4.5", "'4.5' is not an INT"),
    ({"type": "INT"}, True, "'true' is not an INT"),
    ({"type": "FLOAT"}, "lots", "'lots' is not a FLOAT"),
    ({"type": "BOOLEAN"}, "yes", "'yes' is not a BOOLEAN"),
    ({"type": "ENUM", "values": ["RED", "GREEN"]}, "BLUE",
     "it must match the values `[RED, GREEN]`, but received `BLUE`"),
    ({"type": "MULTISELECT", "values": ["a"]}, '["a", "z"]',
     "it must match the values `[a]`, but received `[\"a\", \"z\"]`"),
    ({"type": "MULTISELECT", "values": ["a"]}, "a", "is not a MULTISELECT list"),
    ({"type": "DATE"}, "31/01/2024", "'31/01/2024' is not a DATE"),
    ({"type": "DATE"}, "2024-02-30", "is not a DATE"),
    ({"type": "DATETIME"}, "tomorrow", "'tomorrow' is not a DATETIME"),
    ({"type": "TIME"}, "25:00", "'25:00' is not a TIME"),
    ({"type": "DURATION"}, "5 minutes", "'5 minutes' is not a DURATION"),
    ({"type": "DURATION"}, "P1M", "'P1M' is not a DURATION"),
    ({"type": "JSON"}, "{nope", "is not valid JSON"),
    ({"type": "YAML"}, "a: [", "is not valid YAML"),
    ({"type": "ARRAY", "itemType": "INT"}, '[1, "x"]', "item 1: 'x' is not an INT"),
    ({"type": "ARRAY", "itemType": "INT"}, "1,2", "is not an ARRAY"),
    ({"type": "URI"}, "not a uri", "'not a uri' is not a URI"),
    ({"type": "EMAIL"}, "ada-at-example", "'ada-at-example' is not an email address"),
    ({"type": "STRING", "validator": "^[A-Z]{3}$"}, "ABCD",
     "it must match the pattern `^[A-Z]{3}$`, but received `ABCD`"),
    ({"type": "INT", "min": 1, "max": 10}, "11", "it must be less than `10`, but received `11`"),
    ({"type": "FLOAT", "min": 0.5}, "0.25", "it must be more than `0.5`, but received `0.25`"),
    ({"type": "DATE", "after": "2024-01-01"}, "2023-12-31", "it must be after `2024-01-01`, but received `2023-12-31`"),
    ({"type": "DURATION", "max": "PT1H"}, "PT2H", "It must be less than `PT1H`, but received `PT2H`"),
])
def test_each_type_refuses_what_it_cannot_read(declaration, value, reason):
    error = error_of([{"id": "it", **declaration}], {"it": value})
    assert str(error).startswith("Invalid input for `it`, ")
    assert reason in str(error)


def test_a_secret_never_shows_in_its_error():
    error = error_of([{"id": "token", "type": "SECRET", "validator": "^[a-z]+$"}], {"token": "S3CRET-VALUE"})
    assert "token" in str(error)
    assert "S3CRET-VALUE" not in str(error)


def test_files_come_from_their_own_mapping():
    declared = [{"id": "data", "type": "FILE"}, {"id": "n", "type": "INT"}]
    assert parse_inputs(declared, {"n": "1"}, files={"data": "/tmp/upload.csv"}) == {"data": "/tmp/upload.csv", "n": 1}


def test_a_missing_file_is_a_missing_input():
    error = error_of([{"id": "data", "type": "FILE"}], {"data": ""})
    assert str(error) == "Invalid input for `data`, missing required input, but received `null`"


def test_older_declarations_are_read_as_they_are():
    assert parse_inputs([{"name": "flag", "type": "BOOL"}], {"flag": "true"}) == {"flag": True}


def test_a_false_depends_on_condition_leaves_the_input_out():
    declared = [
        {"id": "kind", "type": "SELECT", "values": ["file", "table"]},
        {"id": "table", "type": "STRING", "dependsOn": {"inputs": ["kind"], "condition": "kind is table"}},
    ]

    def condition(expression, inputs):
        assert expression == "kind is table"
        return inputs["kind"] == "table"

    assert parse_inputs(declared, {"kind": "file"}, condition=condition) == {"kind": "file"}
    assert parse_inputs(declared, {"kind": "table", "table": "t"}, condition=condition) == {"kind": "table",
                                                                                            "table": "t"}


def test_dotted_ids_nest_for_expressions():
    assert nest_dotted({"db.host": "h", "db.port": 5432, "name": "n"}) == {
        "db": {"host": "h", "port": 5432}, "name": "n",
    }
