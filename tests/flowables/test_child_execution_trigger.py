"""A child execution's `trigger` names the task that started it and the parent's
execution, as Kestra's ExecutableUtils.subflowExecution builds it (ExecutionTrigger.of
the Subflow task); the type comes from the task, the engine names none."""
import pytest

from executions.models import Execution
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
    id: child
    namespace: tests.trigger
    inputs:
      - id: items
        type: STRING
        defaults: none
    tasks:
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: hi
"""


def test_a_subflow_execution_is_triggered_by_its_subflow_task():
    save(CHILD)
    run = run_flow("""
        id: parent
        namespace: tests.trigger
        tasks:
          - id: call
            type: io.kestra.core.tasks.flows.Subflow
            namespace: tests.trigger
            flowId: child
    """)
    assert run.state == "SUCCESS", run.logs()
    child = Execution.objects.get(parent_id=run.execution.id)
    assert child.trigger == {"id": "call", "type": "io.kestra.plugin.core.flow.Subflow",
                             "variables": {"executionId": run.execution.id, "namespace": "tests.trigger",
                                           "flowId": "parent", "flowRevision": run.execution.flow_revision}}


def test_each_batch_of_a_for_each_item_runs_as_a_subflow_execution(tmp_path):
    save(CHILD)
    data = tmp_path / "rows.txt"
    data.write_text("a\nb\nc\n")
    run = run_flow("""
        id: split
        namespace: tests.trigger
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            batch:
              rows: 2
            namespace: tests.trigger
            flowId: child
            inputs:
              items: "{{ taskrun.items }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    children = Execution.objects.filter(parent_id=run.execution.id)
    assert [c.trigger["type"] for c in children] == ["io.kestra.plugin.core.flow.Subflow"] * 2
