"""An execution's state change queues a Flow trigger evaluation only when some enabled
flow has a Flow trigger listening to that state (its `states`, the terminal ones by
default: Kestra's Flow trigger), and then once per transition; a flow saved, disabled
or deleted in between is taken into account at once."""
import pytest

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from flows.models import Flow
from flows.services import save_flow
from tests.cluster.flow_trigger_queue import queued_evaluations

pytestmark = pytest.mark.django_db(transaction=True)

UPSTREAM = """
id: upstream
namespace: tests.listened
tasks:
  - id: say
    type: io.kestra.plugin.core.debug.Return
    format: "hi"
"""
LISTENER = """
id: listener
namespace: tests.listened
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.state }}"
triggers:
  - id: on-upstream
    type: io.kestra.plugin.core.trigger.Flow
{states}
"""


def run_upstream() -> str:
    execution = create_execution(Flow.objects.get(flow_id="upstream"))
    run_to_end(execution.id)
    return execution.id


def test_nothing_is_queued_when_no_flow_has_a_flow_trigger():
    save_flow(UPSTREAM)
    run_upstream()
    assert queued_evaluations() == []


def test_only_the_states_listened_to_are_queued_once_each():
    save_flow(UPSTREAM)
    save_flow(LISTENER.format(states=""))  # the terminal states by default
    first = run_upstream()
    assert queued_evaluations() == [(first, "SUCCESS")]

    save_flow(LISTENER.format(states="    states: [RUNNING]"))  # a new revision: the listened states change
    second = run_upstream()
    assert queued_evaluations() == [(first, "SUCCESS"), (second, "RUNNING")]


def test_a_disabled_or_deleted_listener_queues_nothing():
    save_flow(UPSTREAM)
    save_flow(LISTENER.format(states=""))
    Flow.objects.filter(flow_id="listener").update(disabled=True)
    run_upstream()
    Flow.objects.filter(flow_id="listener").update(disabled=False, deleted=True)
    run_upstream()
    assert queued_evaluations() == []
