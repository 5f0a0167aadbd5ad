"""A Flow trigger whose inputs cannot be given (an expression that cannot be
rendered, a value the flow refuses) starts an execution FAILED at once, its error
logged in it, with the upstream execution as its trigger variables (Kestra's Flow
trigger since kestra-io/kestra#15599)."""
import pytest

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import Execution, LogEntry
from executions.scheduler.flow_triggers import evaluate_transition
from flows.models import Flow
from flows.services import save_flow

pytestmark = pytest.mark.django_db(transaction=True)

UPSTREAM = """
id: upstream
namespace: tests.flowinputs
tasks:
  - id: say
    type: io.kestra.plugin.core.debug.Return
    format: "hi"
"""
DOWNSTREAM = """
id: downstream
namespace: tests.flowinputs
inputs:
  - id: count
    type: INT
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ inputs.count }}}}"
triggers:
  - id: after
    type: io.kestra.plugin.core.trigger.Flow
    inputs:
      count: "{value}"
"""


@pytest.mark.parametrize("value", ["{{ trigger.outputs.missing }}", "not-a-number"])
def test_failed_inputs_give_a_failed_execution_with_the_error(value):
    save_flow(UPSTREAM)
    save_flow(DOWNSTREAM.format(value=value))
    upstream = create_execution(Flow.objects.get(flow_id="upstream"))
    run_to_end(upstream.id)
    [started] = evaluate_transition(upstream.id, "SUCCESS")
    execution = Execution.objects.get(pk=started)
    assert execution.flow_id == "downstream" and execution.state == "FAILED"
    assert execution.trigger["variables"]["executionId"] == upstream.id
    [line] = LogEntry.objects.filter(execution_id=started)
    assert line.level == "ERROR" and line.message.startswith("Unable to evaluate the trigger 'after': ")
