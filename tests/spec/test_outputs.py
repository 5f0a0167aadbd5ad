from .helpers import errors_of, parse, with_tasks


def test_flow_outputs_are_kept_with_their_type():
    spec = parse(with_tasks("""
        id: outputs
        namespace: company.team
        outputs:
          - id: answer.value
            type: INT
            value: "{{ outputs.t.value }}"
        """))
    assert spec.outputs == [{"id": "answer.value", "type": "INT", "value": "{{ outputs.t.value }}"}]


def test_an_output_needs_an_id_a_type_and_a_value():
    errors = errors_of(with_tasks("""
        id: outputs
        namespace: company.team
        outputs:
          - type: STRING
            value: x
          - id: no_type
            value: x
          - id: no_value
            type: STRING
          - id: bad_type
            type: TEXT
            value: x
        """))
    assert {(e.path, e.line) for e in errors} == {
        ("outputs[0].id", 4), ("outputs[1].type", 6), ("outputs[2].value", 8), ("outputs[3].type", 11),
    }


def test_output_ids_are_unique():
    errors = errors_of(with_tasks("""
        id: outputs
        namespace: company.team
        outputs:
          - id: same
            type: STRING
            value: a
          - id: same
            type: STRING
            value: b
        """))
    assert [(e.path, e.line) for e in errors] == [("outputs[1].id", 7)]
    assert "duplicate output id 'same'" in errors[0].message
