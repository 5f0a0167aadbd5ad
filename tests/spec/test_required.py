from .helpers import errors_of, only_error


def test_id_namespace_and_tasks_are_required():
    errors = errors_of("""
        description: nothing else
        """)
    assert {e.path for e in errors} == {"id", "namespace", "tasks"}
    assert all(e.line == 1 for e in errors)


def test_tasks_must_not_be_empty():
    error = only_error("""
        id: empty
        namespace: company.team
        tasks: []
        """)
    assert (error.path, error.line) == ("tasks", 3)


def test_a_required_task_property_names_the_task_and_its_line():
    error = only_error("""
        id: missing
        namespace: company.team
        tasks:
          - id: fine
            type: test.spec.Echo
            format: x
          - id: no_format
            type: test.spec.Echo
        """)
    assert error.path == "tasks[1].format"
    assert error.line == 7
    assert "no_format" in error.message
    assert str(error).startswith("line 7: tasks[1].format: required property missing")


def test_a_required_property_may_be_given_by_its_older_name():
    errors = errors_of("""
        id: alias
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
            msg: older name of message
        """)
    assert errors == []


def test_a_task_needs_an_id_and_a_type():
    errors = errors_of("""
        id: bare
        namespace: company.team
        tasks:
          - type: test.spec.Echo
            format: x
          - id: no_type
          - just a string
        """)
    by_path = {e.path: e for e in errors}
    assert by_path["tasks[0].id"].line == 4
    assert by_path["tasks[1].type"].line == 6
    assert "no_type" in by_path["tasks[1].type"].message
    assert by_path["tasks[2]"].line == 7
