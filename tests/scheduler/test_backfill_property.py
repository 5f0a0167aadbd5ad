"""The deprecated `backfill` property of a Schedule replays its dates from `start` when
the scheduler first sees the trigger, in order, then normal scheduling goes on
(Kestra's Schedule#backfill, SchedulerScheduleTest#backfill)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

from .conftest import parse

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_backfill_property_replays_dates_since_start():
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    start = hour - timedelta(hours=3)
    save_flow(f"""
id: since-start
namespace: tests.backfill
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.date }}}}"
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
    backfill:
      start: "{start.strftime('%Y-%m-%dT%H:%M:%SZ')}"
""")
    tick = Tick()
    fired = []
    while True:
        started = tick.run()
        if not started:
            break
        fired += started
        Execution.objects.filter(pk__in=started).update(state="SUCCESS")  # the lock is released once it ended
    dates = [parse(Execution.objects.get(pk=pk).trigger["variables"]["date"]) for pk in fired]
    assert dates == [start + timedelta(hours=n) for n in range(4)]
    state = TriggerState.objects.get(flow_id="since-start")
    assert state.backfill is None and state.next_date == hour + timedelta(hours=1)
