"""Two schedulers on one database fire each date once: the state row is claimed and
the execution and the new state commit together (Kestra's scheduler lock,
SchedulerThreadTest / JdbcScheduler's `FOR UPDATE SKIP LOCKED`). Run it on PostgreSQL
too: DATABASE_URL=$(python scripts/postgres_url.py)."""
import pytest

from executions.models import Execution
from flows.services import save_flow

from .conftest import consecutive, every_second_flow, parse, trigger_dates, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_schedulers_fire_each_date_once(processes):
    save_flow(every_second_flow("twice-scheduled"))
    save_flow(every_second_flow("also-scheduled"))
    processes.cluster()
    one, two = processes.scheduler(), processes.scheduler()
    wait_for(one, lambda: Execution.objects.filter(flow_id="twice-scheduled", state="SUCCESS").count() >= 5,
             "five dates fired")
    assert two.poll() is None
    for flow_id in ("twice-scheduled", "also-scheduled"):
        dates = [parse(d) for d in trigger_dates(flow_id)]
        assert consecutive(dates), f"{flow_id}: a date missed or fired twice: {dates}"
