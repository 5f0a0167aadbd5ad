from .helpers import errors_of, parse

FLOW = """
    id: nested
    namespace: company.team
    tasks:
      - id: switch
        type: test.spec.Branches
        value: "{{ inputs.x }}"
        cases:
          A:
            - id: a1
              type: test.spec.Echo
          B:
            - id: b1
              type: test.spec.Echo
              format: ok
        errors:
          - id: local_error
            type: test.spec.Echo
            nope: 1
            format: x
    """


def test_errors_inside_nested_lists_carry_their_path_and_line():
    errors = {e.path: e.line for e in errors_of(FLOW)}
    assert errors == {"tasks[0].cases.A[0].format": 9, "tasks[0].errors[0].nope": 18}


def test_all_tasks_yields_every_task_with_its_path():
    spec = parse("""
        id: walk
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
            tasks:
              - id: inner
                type: test.spec.Echo
                format: x
            finally:
              - id: cleanup
                type: test.spec.Echo
                format: x
        errors:
          - id: on_error
            type: test.spec.Echo
            format: x
        finally:
          - id: last
            type: test.spec.Echo
            format: x
        """)
    assert sorted((t["id"], path) for t, path in spec.all_tasks()) == sorted([
        ("group", "tasks[0]"),
        ("inner", "tasks[0].tasks[0]"),
        ("cleanup", "tasks[0].finally[0]"),
        ("on_error", "errors[0]"),
        ("last", "finally[0]"),
    ])


def test_a_flowable_needs_its_children():
    errors = errors_of("""
        id: nochildren
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks", 4)]


def test_children_must_be_a_list():
    errors = errors_of("""
        id: notalist
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
            tasks: {id: x}
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks", 6)]


def test_a_dag_child_error_names_the_task_inside_its_item():
    errors = errors_of("""
        id: dag
        namespace: company.team
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: fine
                  type: io.kestra.plugin.core.log.Log
                  message: hi
              - task:
                  id: broken
                  type: io.kestra.plugin.core.log.Log
                dependsOn: [fine]
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks[1].task.message", 11)]
