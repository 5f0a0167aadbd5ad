"""The one attempt Kestra gives the taskrun of an executable task once its subflows
ended (ExecutableUtils.subflowExecutionResult for Subflow, manageIterations for
ForEachItem's `_items`; SubflowTest / ForEachItemCaseTest check taskrun attempts)."""
import pytest

from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
    id: child
    namespace: tests.attempts
    inputs:
      - id: fail
        type: BOOLEAN
        defaults: false
    tasks:
      - id: maybe_fail
        type: io.kestra.plugin.core.execution.Fail
        condition: "{{ inputs.fail }}"
"""


def _parent(fail: bool) -> str:
    return f"""
        id: parent
        namespace: tests.attempts
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.attempts
            flowId: child
            inputs:
              fail: {str(fail).lower()}
    """


def _states(entries):
    return [h["state"] for h in entries]


def test_a_subflow_taskrun_has_one_attempt_following_its_state():
    """ExecutableUtils.subflowExecutionResult: the attempt's state is the taskrun's."""
    save(CHILD)
    call = run_flow(_parent(False)).one("call")
    assert len(call.attempts) == 1
    attempt = call.attempts[0]["state"]
    assert attempt["current"] == "SUCCESS"
    assert _states(attempt["histories"]) == _states(call.state_history) == ["CREATED", "RUNNING", "SUCCESS"]


def test_a_failed_subflow_gives_a_failed_attempt():
    save(CHILD)
    call = run_flow(_parent(True)).one("call")
    assert call.state == "FAILED"
    assert [a["state"]["current"] for a in call.attempts] == ["FAILED"]


def test_a_subflow_not_waited_for_has_a_success_attempt():
    save(CHILD)
    run = run_flow("""
        id: parent_nowait
        namespace: tests.attempts
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.attempts
            flowId: child
            wait: false
    """)
    assert [a["state"]["current"] for a in run.one("call").attempts] == ["SUCCESS"]


def test_for_each_item_items_taskrun_has_one_attempt_created_then_final(tmp_path):
    """ExecutableUtils.manageIterations: withAttempts(one attempt of new State().withState(final))."""
    save(CHILD)
    data = tmp_path / "rows.txt"
    data.write_text("a\nb\n")
    run = run_flow("""
        id: items_parent
        namespace: tests.attempts
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: tests.attempts
            flowId: child
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    items = run.one("each_items")
    assert len(items.attempts) == 1
    assert _states(items.attempts[0]["state"]["histories"]) == ["CREATED", "SUCCESS"]
