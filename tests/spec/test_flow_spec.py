from flows.spec import FlowInvalid, SpecError, validate_source

from .helpers import flow, parse


def test_the_spec_holds_plain_data_and_the_source():
    source = flow("""
        id: spec
        namespace: company.team
        description: a flow
        variables:
          greeting: hello
        tasks:
          - id: t
            type: test.spec.Echo
            format: "{{ vars.greeting }}"
        """)
    spec = parse(source)
    assert (spec.id, spec.namespace, spec.description, spec.revision) == ("spec", "company.team", "a flow", None)
    assert spec.variables == {"greeting": "hello"}
    assert spec.source == source
    assert spec.disabled is False and spec.labels == [] and spec.inputs == [] and spec.triggers == []
    assert type(spec.data) is dict and type(spec.tasks) is list and type(spec.tasks[0]) is dict
    assert spec.data["tasks"] == spec.tasks


def test_validate_source_returns_every_problem_without_raising():
    problems = validate_source(flow("""
        id: many
        namespace: company.team
        extra: 1
        tasks:
          - id: a
            type: test.spec.Nope
          - id: b
            type: test.spec.Echo
        """))
    assert [(p.line, p.path) for p in problems] == [(3, "extra"), (6, "tasks[0].type"), (7, "tasks[1].format")]
    assert validate_source("id: ok\nnamespace: a\ntasks:\n  - id: t\n    type: test.spec.Echo\n    format: x\n") == []


def test_flow_invalid_lists_one_problem_a_line_in_line_order():
    error = FlowInvalid([SpecError("tasks[1].format", "required property missing (task 'b')", 7),
                         SpecError("taks", "unknown property 'taks'", 3)])
    assert str(error) == ("line 3: unknown property 'taks'\n"
                          "line 7: tasks[1].format: required property missing (task 'b')")
