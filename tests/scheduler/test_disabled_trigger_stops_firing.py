"""A trigger disabled in the admin or by a Toggle task fires no more; enabled again, it
resumes from now without replaying the dates it was disabled for (Kestra's
TriggerController#disabledTriggers, ToggleTest). A second schedule, left enabled, shows
the scheduler kept working meanwhile."""
import pytest
from django.urls import reverse
from django.utils import timezone

from executions.engine.create import create_execution
from executions.models import Execution, TriggerState
from executions.queue import submit
from flows.models import Flow
from flows.services import save_flow

from .conftest import every_second_flow, parse, trigger_dates, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

TOGGLE = """
id: switch-off
namespace: tests.scheduler
tasks:
  - id: toggle
    type: io.kestra.plugin.core.trigger.Toggle
    namespace: tests.scheduler
    flowId: switched
    trigger: tick
    enabled: false
"""


def count(flow_id):
    return Execution.objects.filter(flow_id=flow_id).count()


def witness_fires(proc, times: int):
    """Wait until the witness schedule fired `times` more dates."""
    target = count("witness") + times
    wait_for(proc, lambda: count("witness") >= target, f"the witness fired {times} more dates")


def test_disable_and_enable_in_the_admin(admin_client, processes):
    save_flow(every_second_flow("switched"))
    save_flow(every_second_flow("witness"))
    processes.cluster()
    scheduler = processes.scheduler()
    wait_for(scheduler, lambda: count("switched") >= 2, "the schedule fired")
    state = TriggerState.objects.get(flow_id="switched")
    changelist = reverse("admin:executions_triggerstate_changelist")
    page = admin_client.get(changelist).content.decode()
    assert "switched" in page and "io.kestra.plugin.core.trigger.Schedule" in page

    admin_client.post(changelist, {"action": "disable", "_selected_action": [state.pk]})
    assert TriggerState.objects.get(pk=state.pk).disabled
    fired = count("switched")
    witness_fires(scheduler, 3)
    assert count("switched") == fired

    enabled_at = timezone.now()
    admin_client.post(changelist, {"action": "enable", "_selected_action": [state.pk]})
    wait_for(scheduler, lambda: count("switched") > fired, "the schedule fired again")
    dates = [parse(d) for d in trigger_dates("switched")]
    assert dates[fired] >= enabled_at.replace(microsecond=0), "a date of the disabled time was replayed"


def test_a_toggle_task_disables_the_trigger(processes):
    save_flow(every_second_flow("switched"))
    save_flow(every_second_flow("witness"))
    save_flow(TOGGLE)
    processes.cluster()
    scheduler = processes.scheduler()
    wait_for(scheduler, lambda: count("switched") >= 2, "the schedule fired")
    toggle = create_execution(Flow.objects.get(flow_id="switch-off"))
    submit(toggle.id)
    wait_for(scheduler, lambda: Execution.objects.get(pk=toggle.id).state == "SUCCESS", "the toggle ran")
    assert TriggerState.objects.get(flow_id="switched").disabled
    fired = count("switched")
    witness_fires(scheduler, 3)
    assert count("switched") == fired
