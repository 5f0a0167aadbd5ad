import pytest

from executions.models import Execution, LogEntry
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
    id: child
    namespace: tests.sub
    inputs:
      - id: n
        type: INT
    tasks:
      - id: maybe_fail
        type: io.kestra.plugin.core.execution.Fail
        condition: "{{ inputs.n < 0 }}"
      - id: double
        type: io.kestra.plugin.core.debug.Return
        format: "{{ inputs.n * 2 }}"
    outputs:
      - id: result
        type: INT
        value: "{{ outputs.double.value }}"
"""


def parent(n, extra=""):
    return f"""
        id: parent
        namespace: tests.sub
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.sub
            flowId: child
            inputs:
              n: {n}
{extra}
    """


def test_it_waits_and_exposes_the_subflow_outputs():
    save(CHILD)
    run = run_flow(parent(21))
    call = run.one("call")
    assert run.state == "SUCCESS"
    assert call.outputs["outputs"] == {"result": 42} and call.outputs["state"] == "SUCCESS"
    child = Execution.objects.get(pk=call.outputs["executionId"])
    assert child.parent_id == run.execution.id and child.state == "SUCCESS"


def test_a_failed_subflow_fails_the_task_unless_transmit_failed_is_false():
    save(CHILD)
    assert run_flow(parent(-1)).one("call").state == "FAILED"
    tolerant = run_flow(parent(-1, "            transmitFailed: false"))
    assert tolerant.state == "SUCCESS" and tolerant.one("call").outputs["state"] == "FAILED"


def test_bad_subflow_inputs_fail_the_task_naming_the_input():
    save(CHILD)
    run = run_flow(parent("'many'"))
    assert run.state == "FAILED"
    assert any("'n'" in m or " n" in m for m in run.logs())


def test_an_unknown_subflow_fails_the_task():
    run = run_flow("""
        id: orphan
        namespace: tests.sub
        tasks:
          - id: call
            type: io.kestra.core.tasks.flows.Flow
            namespace: tests.sub
            flowId: nowhere
    """)
    assert run.state == "FAILED"
    assert any("nowhere" in m for m in run.logs())


def test_without_wait_the_task_ends_once_the_subflow_is_started():
    save(CHILD)
    run = run_flow(parent(2, "            wait: false"))
    call = run.one("call")
    assert call.state == "SUCCESS" and set(call.outputs) == {"executionId"}
    assert Execution.objects.get(pk=call.outputs["executionId"]).state == "SUCCESS"


WARNING_CHILD = """
    id: warning-child
    namespace: tests.sub
    tasks:
      - id: tolerated
        type: io.kestra.plugin.core.execution.Fail
        allowFailure: true
"""


def _call_warning_child(extra=""):
    save(WARNING_CHILD)
    return run_flow(f"""
        id: warning-parent
        namespace: tests.sub
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.sub
            flowId: warning-child
{extra}
    """)


def test_a_warning_subflow_warns_the_task():
    run = _call_warning_child()
    assert run.one("call").outputs["state"] == "WARNING"
    assert run.one("call").state == "WARNING"


def test_without_transmit_failed_a_warning_subflow_is_not_passed_on():
    run = _call_warning_child("            transmitFailed: false")
    assert run.one("call").outputs["state"] == "WARNING"
    assert run.one("call").state == "SUCCESS"
    assert run.state == "SUCCESS"


def test_the_deprecated_outputs_property_is_rendered_in_the_subflow_execution():
    save("""
        id: no-outputs
        namespace: tests.sub
        tasks:
          - id: hello
            type: io.kestra.plugin.core.debug.Return
            format: hi
    """)
    run = run_flow("""
        id: legacy-parent
        namespace: tests.sub
        tasks:
          - id: call
            type: io.kestra.core.tasks.flows.Flow
            namespace: tests.sub
            flowId: no-outputs
            outputs:
              said: "{{ outputs.hello.value }} from {{ flow.id }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.call.outputs.said }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("after").outputs == {"value": "hi from no-outputs"}


def test_every_execution_has_a_correlation_id_that_subflows_inherit():
    save("""
        id: correlated-child
        namespace: tests.flowables
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "{{ labels['system.correlationId'] }}"
    """)
    run = run_flow("""
        id: correlated-parent
        namespace: tests.flowables
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.flowables
            flowId: correlated-child
    """)
    assert run.state == "SUCCESS", run.logs()
    child = Execution.objects.get(pk=run.one("call").outputs["executionId"])
    assert {"key": "system.correlationId", "value": run.execution.id} in run.execution.labels
    assert {"key": "system.correlationId", "value": run.execution.id} in child.labels
    assert LogEntry.objects.get(execution_id=child.id, task_id="hello").message == run.execution.id
