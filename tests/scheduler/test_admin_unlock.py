"""A trigger is locked while the execution it started runs, and fires no date then
(Kestra's schedules never overlap); the admin's unlock frees it, and the scheduler
releases it by itself once that execution ended (Kestra's TriggerController#unlock)."""
from datetime import timedelta

import pytest
from django.urls import reverse

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

from .conftest import every_second_flow, wait_until_clock_passes

pytestmark = pytest.mark.django_db(transaction=True)


def fire_one(tick) -> str:
    state = TriggerState.objects.get(flow_id="locked")
    wait_until_clock_passes(state.next_date)
    [started] = tick.run()
    return started


def test_a_locked_trigger_waits_and_the_admin_unlocks_it(admin_client):
    save_flow(every_second_flow("locked"))
    tick = Tick()
    tick.run()
    first = fire_one(tick)
    state = TriggerState.objects.get(flow_id="locked")
    assert state.execution_id == first
    wait_until_clock_passes(state.next_date + timedelta(seconds=1))
    assert tick.run() == []  # its execution is still CREATED: the trigger waits

    changelist = reverse("admin:executions_triggerstate_changelist")
    page = admin_client.get(changelist).content.decode()
    assert page.count('alt="True"') == 1 and 'alt="False"' in page  # locked, not disabled
    admin_client.post(changelist, {"action": "unlock", "_selected_action": [state.pk]})
    assert TriggerState.objects.get(pk=state.pk).execution_id is None
    second = tick.run()
    assert len(second) == 1 and second[0] != first


def test_the_lock_is_released_when_the_execution_ends():
    save_flow(every_second_flow("locked"))
    tick = Tick()
    tick.run()
    first = fire_one(tick)
    Execution.objects.filter(pk=first).update(state="WARNING")
    wait_until_clock_passes(TriggerState.objects.get(flow_id="locked").next_date)
    [second] = tick.run()
    assert second != first
    assert TriggerState.objects.get(flow_id="locked").execution_id == second
