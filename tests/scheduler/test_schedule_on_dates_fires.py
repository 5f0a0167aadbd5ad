"""ScheduleOnDates fires once on each of its dates, rendered with the flow's variables,
with `trigger.date` in the trigger's time zone (Kestra's ScheduleOnDatesTest)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import Execution, TriggerState
from flows.services import save_flow

from .conftest import parse, trigger_dates, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_fires_once_on_each_date(processes):
    soon = timezone.now().replace(microsecond=0) + timedelta(seconds=3)
    dates = [soon, soon + timedelta(seconds=2)]
    save_flow(f"""
id: on-dates
namespace: tests.scheduler
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.date }}}}"
triggers:
  - id: dates
    type: io.kestra.plugin.core.trigger.ScheduleOnDates
    timezone: Europe/Paris
    dates:
      - "{dates[0].isoformat()}"
      - "{{{{ '{dates[1].isoformat()}' }}}}"
""")
    processes.cluster()
    scheduler = processes.scheduler()
    wait_for(scheduler, lambda: Execution.objects.filter(flow_id="on-dates", state="SUCCESS").count() == 2
             and TriggerState.objects.get(flow_id="on-dates").next_date > dates[1], "both dates fired")
    fired = trigger_dates("on-dates")
    assert [parse(d) for d in fired] == dates
    assert all(d.endswith("+01:00") or d.endswith("+02:00") for d in fired)  # in the trigger's zone
    assert Execution.objects.filter(flow_id="on-dates").count() == 2
