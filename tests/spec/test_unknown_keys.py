from .helpers import only_error


def test_it_rejects_an_unknown_top_level_key_with_its_line():
    error = only_error("""
        id: typo
        namespace: company.team
        taks:
          - id: t
            type: test.spec.Echo
            format: x
        tasks:
          - id: u
            type: test.spec.Echo
            format: x
        """)
    assert error.path == "taks"
    assert error.line == 3
    assert str(error) == "line 3: unknown property 'taks'"


def test_it_accepts_every_property_of_kestras_flow_model():
    from .helpers import parse

    spec = parse("""
        id: everything
        namespace: company.team
        revision: 3
        description: all of it
        disabled: false
        deleted: false
        labels: {team: data}
        variables: {a: 1}
        concurrency: {limit: 1, behavior: CANCEL}
        retry: {type: constant, interval: PT1S, maxAttempt: 2}
        workerGroup: {key: gpu}
        sla: []
        checks: []
        listeners: []
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        errors:
          - id: e
            type: test.spec.Echo
            format: x
        finally:
          - id: f
            type: test.spec.Echo
            format: x
        afterExecution:
          - id: a
            type: test.spec.Echo
            format: x
        """)
    assert spec.revision == 3
    assert [t["id"] for t in spec.finally_] == ["f"]
    assert [t["id"] for t in spec.after_execution] == ["a"]
    assert spec.concurrency == {"limit": 1, "behavior": "CANCEL"}
    assert spec.retry["type"] == "constant"


def test_it_rejects_an_unknown_task_property_naming_it_and_the_task():
    error = only_error("""
        id: typo
        namespace: company.team
        tasks:
          - id: hello
            type: test.spec.Echo
            format: x
            fromat: y
        """)
    assert error.path == "tasks[0].fromat"
    assert error.line == 7
    assert "unknown property 'fromat'" in error.message
    assert "hello" in error.message


def test_it_rejects_an_unknown_property_of_a_concurrency():
    error = only_error("""
        id: c
        namespace: company.team
        concurrency:
          limit: 2
          behaviour: QUEUE
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """)
    assert (error.path, error.line) == ("concurrency.behaviour", 5)
