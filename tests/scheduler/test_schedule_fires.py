"""A Schedule with seconds fires into executions, each with Kestra's ExecutionTrigger
(id, type, variables date/next/previous), the trigger's inputs and labels, and its
dates follow one another (Kestra's SchedulerScheduleTest#schedule, ScheduleTest)."""
from datetime import datetime, timedelta

import pytest

from executions.models import Execution, TriggerState
from flows.services import save_flow

from .conftest import trigger_dates, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: every-second
namespace: tests.scheduler
inputs:
  - id: who
    type: STRING
labels:
  team: data
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.who }} at {{ trigger.date }}"
triggers:
  - id: tick
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * * *"
    withSeconds: true
    inputs:
      who: "scheduler of {{ flow.id }}"
    labels:
      fired-by: "{{ flow.namespace }}"
"""


def parse(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_a_schedule_with_seconds_fires_each_second(processes):
    save_flow(FLOW)
    scheduler = processes.scheduler()
    processes.cluster()
    wait_for(scheduler, lambda: Execution.objects.filter(flow_id="every-second", state="SUCCESS").count() >= 3,
             "three scheduled executions succeeded")
    execution = Execution.objects.filter(flow_id="every-second").order_by("created").first()
    trigger = execution.trigger
    assert (trigger["id"], trigger["type"]) == ("tick", "io.kestra.plugin.core.trigger.Schedule")
    assert set(trigger["variables"]) == {"date", "next", "previous"}
    assert parse(trigger["variables"]["next"]) - parse(trigger["variables"]["date"]) == timedelta(seconds=1)
    assert execution.inputs == {"who": "scheduler of every-second"}
    labels = {label["key"]: label["value"] for label in execution.labels}
    assert labels["team"] == "data" and labels["fired-by"] == "tests.scheduler"

    dates = [parse(date) for date in trigger_dates("every-second")]
    assert dates == [dates[0] + timedelta(seconds=n) for n in range(len(dates))], "a date missed or repeated"
    state = TriggerState.objects.get(flow_id="every-second", trigger_id="tick")
    assert state.last_date == max(dates)
