"""The cluster keeps no django-q2 task result, of its steps nor of the flow-trigger
evaluation an ended execution queues (settings.Q_CLUSTER save_limit): the rows the
engine writes are the record, and a kept result made each later one lock and read the
whole result table."""
import pytest
from django_q.models import Task

from executions.models import Execution
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster, start, wait_for, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: no_results
namespace: tests.cluster
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hello
"""
LISTENER = """
id: after_no_results
namespace: tests.cluster
tasks:
  - id: heard
    type: io.kestra.plugin.core.log.Log
    message: heard
triggers:
  - id: on_end
    type: io.kestra.plugin.core.trigger.Flow
    conditions:
      - type: io.kestra.plugin.core.condition.ExecutionFlow
        namespace: tests.cluster
        flowId: no_results
"""


def test_it_saves_no_result_of_its_steps_or_of_the_flow_trigger_evaluation(tmp_path, orm_broker):
    save_flow(LISTENER)
    with running_cluster(tmp_path, orm_broker) as proc:
        execution_id = start(FLOW, tmp_path, orm_broker)
        assert wait_for_end(execution_id, proc, tmp_path).state == "SUCCESS"
        triggered = Execution.objects.filter(namespace="tests.cluster", flow_id="after_no_results")
        wait_for(lambda: triggered.filter(state="SUCCESS").exists(), "the Flow trigger's execution ended",
                 proc, tmp_path)
    assert list(Task.objects.values_list("func", flat=True)) == []
