import pytest

from flows.spec import InputInvalid, parse_inputs

from .helpers import errors_of, only_error, parse


def with_inputs(inputs: str) -> str:
    inputs = inputs.strip("\n")
    return f"""
        id: inputs
        namespace: company.team
        inputs:
{inputs}
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """


def test_older_names_are_normalised():
    spec = parse(with_inputs("""
          - name: legacy
            type: BOOL
          - id: current
            type: BOOLEAN
            required: false
    """))
    assert spec.inputs == [
        {"id": "legacy", "type": "BOOLEAN", "required": True},
        {"id": "current", "type": "BOOLEAN", "required": False},
    ]


def test_input_ids_may_contain_dots():
    spec = parse(with_inputs("""
          - id: db.host
            type: STRING
    """))
    assert spec.inputs[0]["id"] == "db.host"


def test_every_kestra_input_type_is_known():
    types = ["STRING", "ENUM", "SELECT", "MULTISELECT", "INT", "FLOAT", "BOOLEAN", "BOOL", "DATETIME", "DATE",
             "TIME", "DURATION", "FILE", "JSON", "URI", "SECRET", "ARRAY", "YAML", "EMAIL"]
    lines = []
    for n, kind in enumerate(types):
        lines.append(f"          - id: i{n}\n            type: {kind}")
        if kind in ("ENUM", "SELECT", "MULTISELECT"):
            lines.append("            values: [A, B]")
        if kind == "ARRAY":
            lines.append("            itemType: INT")
    spec = parse(with_inputs("\n".join(lines)))
    assert [i["type"] for i in spec.inputs] == [("BOOLEAN" if t == "BOOL" else t) for t in types]


def test_an_unknown_input_type_names_the_input_and_its_line():
    error = only_error(with_inputs("""
          - id: fine
            type: STRING
          - id: when
            type: TIMESTAMP
    """))
    assert (error.path, error.line) == ("inputs[1].type", 7)
    assert "when" in error.message and "TIMESTAMP" in error.message


def test_an_input_needs_a_valid_id():
    errors = errors_of(with_inputs("""
          - type: STRING
          - id: "-bad"
            type: STRING
    """))
    assert [(e.path, e.line) for e in errors] == [("inputs[0].id", 4), ("inputs[1].id", 5)]


def test_an_enum_needs_values():
    error = only_error(with_inputs("""
          - id: color
            type: ENUM
    """))
    assert (error.path, error.line) == ("inputs[0].values", 4)
    assert "color" in error.message


def test_input_ids_are_unique():
    error = only_error(with_inputs("""
          - id: twice
            type: STRING
          - name: twice
            type: INT
    """))
    assert (error.path, error.line) == ("inputs[1].name", 6)
    assert "duplicate input id 'twice'" in error.message


def test_an_unknown_input_property_is_refused():
    error = only_error(with_inputs("""
          - id: n
            type: INT
            maximum: 3
    """))
    assert (error.path, error.line) == ("inputs[0].maximum", 6)


def test_every_documented_input_property_is_accepted():
    parse(with_inputs("""
          - id: name
            type: STRING
            description: who
            displayName: Name
            required: false
            defaults: Ada
            validator: "^[A-Z][a-z]+$"
            prefill: Ada
          - id: count
            type: INT
            min: 1
            max: 10
            defaults: 5
            dependsOn:
              inputs: [name]
              condition: "{{ inputs.name == 'Ada' }}"
          - id: day
            type: DATE
            after: 2024-01-01
            before: 2024-12-31
          - id: choice
            type: SELECT
            values: [A, B]
            allowCustomValue: true
          - id: many
            type: MULTISELECT
            values: [A, B]
            itemType: STRING
    """))


@pytest.mark.parametrize("declaration, key", [
    ("type: INT\n            defaults: many", "defaults"),
    ("type: BOOLEAN\n            defaults: perhaps", "defaults"),
    ("type: DATETIME\n            defaults: soon", "defaults"),
    ("type: JSON\n            defaults: \"{nope\"", "defaults"),
    ("type: DURATION\n            defaults: five minutes", "defaults"),
    ("type: STRING\n            validator: \"[a-z\"", "validator"),
    ("type: INT\n            min: low", "min"),
    ("type: DATE\n            after: yesterday", "after"),
    ("type: ARRAY", "itemType"),
    ("type: ARRAY\n            itemType: ARRAY", "itemType"),
    ("type: STRING\n            required: sometimes", "required"),
    ("type: STRING\n            displayName: " + "x" * 65, "displayName"),
])
def test_it_refuses_a_declaration_kestra_refuses(declaration, key):
    error = only_error(with_inputs(f"""
          - id: it
            {declaration}
    """))
    assert error.path == f"inputs[0].{key}"
    assert "it" in error.message


def test_an_expression_default_is_left_to_run_time():
    parse(with_inputs("""
          - id: when
            type: DATETIME
            defaults: "{{ now() }}"
    """))


def test_depends_on_names_existing_inputs_without_cycles():
    errors = errors_of(with_inputs("""
          - id: a
            type: STRING
            dependsOn: {inputs: [b]}
          - id: b
            type: STRING
            dependsOn: {inputs: [a, ghost]}
    """))
    messages = [(e.path, e.line, e.message) for e in errors]
    assert ("inputs[1].dependsOn", 9, "input 'b' depends on a non-existent input 'ghost'") in messages
    assert any("cycle" in m for _, _, m in messages)


def test_a_default_outside_the_values_is_refused_only_when_used():
    spec = parse(with_inputs("""
          - id: color
            type: ENUM
            values: [RED, GREEN]
            defaults: BLUE
    """))
    assert parse_inputs(spec.inputs, {"color": "RED"}) == {"color": "RED"}
    with pytest.raises(InputInvalid, match=r"it must match the values `\[RED, GREEN\]`"):
        parse_inputs(spec.inputs, {})
