"""A Flow trigger starts its flow when an execution of another flow ends in one of its
states and its conditions hold, with Kestra's `trigger.*` variables (executionId,
namespace, flowId, flowRevision, state) and inputs rendered from the upstream's
outputs; preconditions wait until every upstream flow has ended within the window
(Kestra's FlowTriggerCaseTest#trigger, MultipleConditionTriggerCaseTest#flowTriggerPreconditions)."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from executions.queue import submit
from flows.models import Flow
from flows.services import save_flow

from .conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True)

UPSTREAM = """
id: upstream
namespace: tests.flowtrigger
tasks:
  - id: say
    type: io.kestra.plugin.core.debug.Return
    format: "from upstream"
outputs:
  - id: said
    type: STRING
    value: "{{ outputs.say.value }}"
"""
FAILING = """
id: failing
namespace: tests.flowtrigger
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
"""
DOWNSTREAM = """
id: downstream
namespace: tests.flowtrigger
inputs:
  - id: heard
    type: STRING
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.heard }}"
triggers:
  - id: after-upstream
    type: io.kestra.plugin.core.trigger.Flow
    inputs:
      heard: "{{ trigger.outputs.said }} ({{ trigger.state }})"
    conditions:
      - type: io.kestra.plugin.core.condition.ExecutionStatus
        in: [SUCCESS]
      - type: io.kestra.plugin.core.condition.ExecutionNamespace
        namespace: tests.flowtrigger
"""
BOTH = """
id: after-both
namespace: tests.flowtrigger
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "both ended"
triggers:
  - id: both
    type: io.kestra.plugin.core.trigger.Flow
    preconditions:
      id: both
      flows:
        - namespace: tests.flowtrigger
          flowId: upstream
          states: [SUCCESS]
        - namespace: tests.flowtrigger
          flowId: failing
          states: [FAILED]
"""


def run(flow_id: str) -> Execution:
    execution = create_execution(Flow.objects.get(flow_id=flow_id))
    submit(execution.id)
    return execution


def test_a_flow_trigger_starts_its_flow_after_another_ends(processes):
    for source in (UPSTREAM, FAILING, DOWNSTREAM):
        save_flow(source)
    cluster = processes.cluster()
    failed = run("failing")
    wait_for(cluster, lambda: Execution.objects.get(pk=failed.id).state == "FAILED", "the failing flow failed")
    upstream = run("upstream")
    wait_for(cluster, lambda: Execution.objects.filter(flow_id="downstream", state="SUCCESS").exists(),
             "the downstream flow ran")
    downstream = Execution.objects.get(flow_id="downstream")  # the FAILED execution matched no condition
    assert downstream.trigger == {
        "id": "after-upstream", "type": "io.kestra.plugin.core.trigger.Flow",
        "variables": {"executionId": upstream.id, "namespace": "tests.flowtrigger", "flowId": "upstream",
                      "flowRevision": 1, "state": "SUCCESS"}}
    assert downstream.inputs == {"heard": "from upstream (SUCCESS)"}


def test_preconditions_wait_for_every_upstream_flow(processes):
    for source in (UPSTREAM, FAILING, BOTH):
        save_flow(source)
    cluster = processes.cluster()
    first = run("upstream")
    wait_for(cluster, lambda: Execution.objects.get(pk=first.id).state == "SUCCESS", "upstream succeeded")
    second = run("upstream")
    wait_for(cluster, lambda: Execution.objects.get(pk=second.id).state == "SUCCESS", "upstream succeeded again")
    failed = run("failing")
    wait_for(cluster, lambda: Execution.objects.filter(flow_id="after-both").exists(), "after-both started")
    started = Execution.objects.get(flow_id="after-both")
    assert started.trigger["variables"]["executionId"] == failed.id
    wait_for(cluster, lambda: Execution.objects.get(pk=started.id).state == "SUCCESS", "after-both succeeded")
    assert Execution.objects.filter(flow_id="after-both").count() == 1
