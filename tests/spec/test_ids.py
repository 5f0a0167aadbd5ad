import pytest

from .helpers import only_error, parse


def test_it_rejects_duplicate_task_ids():
    error = only_error("""
        id: duplicate
        namespace: company.team
        tasks:
          - id: twice_here
            type: test.spec.Echo
            format: a
          - id: twice_here
            type: test.spec.Echo
            format: b
        """)
    assert error.path == "tasks[1].id"
    assert error.line == 7
    assert "duplicate task id 'twice_here'" in str(error)


def test_it_rejects_duplicate_ids_across_branches_and_depths():
    error = only_error("""
        id: duplicate
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
            tasks:
              - id: deep
                type: test.spec.Echo
                format: a
        finally:
          - id: deep
            type: test.spec.Echo
            format: b
        """)
    assert error.path == "finally[0].id"
    assert error.line == 11
    assert "duplicate task id 'deep' (first at tasks[0].tasks[0])" in error.message


@pytest.mark.parametrize("task_id", ["has.dot", "-lead", "with space", ""])
def test_it_rejects_task_ids_kestra_refuses(task_id):
    error = only_error(f"""
        id: ids
        namespace: company.team
        tasks:
          - id: "{task_id}"
            type: test.spec.Echo
            format: a
        """)
    assert (error.path, error.line) == ("tasks[0].id", 4)


@pytest.mark.parametrize("flow_id", ["has.dot", "under_score", "dash-ed", "0start"])
def test_flow_ids_may_hold_dots_dashes_and_underscores(flow_id):
    assert parse(f"""
        id: {flow_id}
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: a
        """).id == flow_id


def test_a_flow_id_longer_than_100_characters_is_refused():
    error = only_error(f"""
        id: {"a" * 101}
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: a
        """)
    assert (error.path, error.line) == ("id", 1)


@pytest.mark.parametrize("namespace", ["Company.Team", "company team", ".company"])
def test_it_rejects_namespaces_kestra_refuses(namespace):
    error = only_error(f"""
        id: ns
        namespace: "{namespace}"
        tasks:
          - id: t
            type: test.spec.Echo
            format: a
        """)
    assert (error.path, error.line) == ("namespace", 2)


def test_a_task_may_not_start_its_own_flow():
    error = only_error("""
        id: me
        namespace: company.team
        tasks:
          - id: again
            type: test.spec.Launch
            namespace: company.team
            flowId: me
        """)
    assert (error.path, error.line) == ("tasks[0].flowId", 7)
    assert "recursive call to flow [company.team.me]" in error.message


def test_starting_another_flow_is_fine():
    parse("""
        id: me
        namespace: company.team
        tasks:
          - id: other
            type: test.spec.Launch
            namespace: company.team
            flowId: someone_else
        """)
