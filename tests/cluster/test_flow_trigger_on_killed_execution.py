"""An execution ended by the kill operation fires the Flow triggers listening to
KILLED, once (Kestra's Flow trigger: KILLED is one of the terminal states it listens to
by default; the executor evaluates it when the killed execution ends)."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from executions.operations.control import kill
from flows.models import Flow
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster, submit, wait_for
from tests.cluster.flow_trigger_queue import queue_drained

pytestmark = pytest.mark.django_db(transaction=True)

SLOW = """
id: slow
namespace: tests.killed
tasks:
  - id: sleep
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT10M
"""
ON_KILLED = """
id: on-killed
namespace: tests.killed
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.executionId }} {{ trigger.state }}"
triggers:
  - id: after-kill
    type: io.kestra.plugin.core.trigger.Flow
    conditions:
      - type: io.kestra.plugin.core.condition.ExecutionStatus
        in: [KILLED]
"""


def test_a_killed_execution_fires_its_flow_triggers_once(tmp_path, orm_broker):
    save_flow(SLOW)
    save_flow(ON_KILLED)
    slow = create_execution(Flow.objects.get(flow_id="slow"))
    with running_cluster(tmp_path, orm_broker) as cluster:
        def wait(reached, what):
            wait_for(reached, what, cluster, tmp_path)

        submit(slow.id, tmp_path, orm_broker)
        wait(lambda: slow.taskruns.filter(state="RUNNING").exists(), "the sleep started")
        kill(slow.id)
        wait(lambda: Execution.objects.get(pk=slow.id).state == "KILLED", "the execution was killed")
        wait(lambda: Execution.objects.filter(flow_id="on-killed", state="SUCCESS").exists(),
             "the flow trigger started its flow")
        wait(queue_drained, "every evaluation ran")
    started = Execution.objects.get(flow_id="on-killed")  # get(): exactly one
    assert started.trigger["variables"] == {"executionId": slow.id, "namespace": "tests.killed", "flowId": "slow",
                                            "flowRevision": 1, "state": "KILLED"}
