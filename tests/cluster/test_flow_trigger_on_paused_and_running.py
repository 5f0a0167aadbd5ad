"""A Flow trigger whose `states` name a state that is not terminal fires when an
execution enters it, once per time it enters it (Kestra's Flow trigger `states`
property, evaluated by its executor on each state change of an execution): PAUSED
while a Pause task waits, RUNNING when it starts and again when it is resumed."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from executions.operations.control import resume
from flows.models import Flow
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster, submit, wait_for
from tests.cluster.flow_trigger_queue import queue_drained

pytestmark = pytest.mark.django_db(transaction=True)

UPSTREAM = """
id: approval
namespace: tests.transitions
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: approved
"""
LISTENER = """
id: {id}
namespace: tests.transitions
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.executionId }}}} {{{{ trigger.state }}}}"
triggers:
  - id: on-state
    type: io.kestra.plugin.core.trigger.Flow
    states: [{states}]
"""


def fired_by(flow_id: str, upstream_id: str) -> list[str]:
    """The states of `upstream_id` that started an execution of `flow_id` (the
    listeners' own executions start and end too, and fire the other listener)."""
    return sorted(e.trigger["variables"]["state"] for e in Execution.objects.filter(flow_id=flow_id)
                  if e.trigger["variables"]["executionId"] == upstream_id)


def test_paused_and_running_fire_once_per_transition(tmp_path, orm_broker):
    save_flow(UPSTREAM)
    save_flow(LISTENER.format(id="on-paused", states="PAUSED"))
    save_flow(LISTENER.format(id="on-running", states="RUNNING"))
    upstream = create_execution(Flow.objects.get(flow_id="approval"))
    with running_cluster(tmp_path, orm_broker) as cluster:
        def wait(reached, what):
            wait_for(reached, what, cluster, tmp_path)

        submit(upstream.id, tmp_path, orm_broker)
        wait(lambda: Execution.objects.filter(flow_id="on-paused").exists(), "PAUSED fired its trigger")
        assert Execution.objects.get(pk=upstream.id).state == "PAUSED"  # the pause still waits: fired on entering it
        assert Execution.objects.get(flow_id="on-paused").trigger["variables"]["executionId"] == upstream.id

        resume(upstream.id)
        wait(lambda: Execution.objects.get(pk=upstream.id).state == "SUCCESS", "the upstream ended")
        wait(lambda: queue_drained() and not Execution.objects.exclude(state__in=["SUCCESS", "FAILED"]).exists(),
             "every evaluation ran and its executions ended")
    entered = [item["state"] for item in Execution.objects.get(pk=upstream.id).state_history]
    assert entered.count("RUNNING") == 2  # started, then resumed
    assert fired_by("on-running", upstream.id) == ["RUNNING", "RUNNING"]
    assert fired_by("on-paused", upstream.id) == ["PAUSED"]
