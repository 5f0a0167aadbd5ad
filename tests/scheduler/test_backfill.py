"""A backfill set in the admin replays a Schedule's past dates in order, with its own
inputs and labels, then the trigger goes on with its normal dates (Kestra's backfill:
TriggerController#setBackfill, SchedulerScheduleTest#backfill...)."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

from .conftest import parse, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: hourly
namespace: tests.backfill
inputs:
  - id: reason
    type: STRING
    defaults: normal
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.reason }} {{ trigger.date }}"
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
"""


def backfill_url(state):
    return reverse("admin:executions_triggerstate_backfill", args=[state.pk])


def test_a_backfill_replays_past_dates_in_order_then_normal_scheduling_resumes(admin_client, processes):
    save_flow(FLOW)
    Tick().run()  # the state exists once a scheduler has seen the flow
    state = TriggerState.objects.get(flow_id="hourly")
    normal_next = state.next_date
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    start, end = hour - timedelta(hours=5), hour - timedelta(hours=2)
    response = admin_client.post(backfill_url(state), {
        "start": start.isoformat(), "end": end.isoformat(), "inputs": '{"reason": "replay"}',
        "labels": '{"backfilled": "yes"}'})
    assert response.status_code == 302, response.content.decode()

    scheduler = processes.scheduler()
    processes.cluster()
    wait_for(scheduler, lambda: TriggerState.objects.get(pk=state.pk).backfill is None
             and Execution.objects.filter(flow_id="hourly", state="SUCCESS").count() == 4, "the backfill ended")
    executions = list(Execution.objects.filter(flow_id="hourly").order_by("created"))
    assert [parse(e.trigger["variables"]["date"]) for e in executions] == [start + timedelta(hours=n)
                                                                           for n in range(4)]
    assert all(e.inputs == {"reason": "replay"} for e in executions)
    assert all({"key": "backfilled", "value": "yes"} in e.labels for e in executions)
    assert TriggerState.objects.get(pk=state.pk).next_date == normal_next


def test_it_refuses_a_backfill_ending_before_it_starts(admin_client):
    save_flow(FLOW)
    Tick().run()
    state = TriggerState.objects.get(flow_id="hourly")
    now = timezone.now()
    response = admin_client.post(backfill_url(state), {"start": (now - timedelta(hours=1)).isoformat(),
                                                       "end": (now - timedelta(hours=2)).isoformat()})
    assert response.status_code == 200
    assert "must be before end" in response.content.decode()
    assert TriggerState.objects.get(pk=state.pk).backfill is None
