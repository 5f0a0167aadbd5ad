"""A scheduler restart neither misses nor repeats a date: the dates passed while no
scheduler ran are replayed as `recoverMissedSchedules` says, ALL (Kestra's default:
every one), LAST (only the latest) or NONE (none), each fired once (Kestra's
SchedulerScheduleTest#recoverALLMissing, #recoverLASTMissing, #recoverNONEMissing)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import Execution, TriggerState
from flows.services import save_flow

from .conftest import consecutive, every_second_flow, parse, stop, trigger_dates, wait_for, wait_until_clock_passes

pytestmark = pytest.mark.django_db(transaction=True)
MISSED_SECONDS = 4


def run_then_restart(processes, flow_id):
    """Fire a few dates, stop the scheduler, let dates pass, start another; the dates
    fired before the stop, the next date then, and when the new one started."""
    processes.cluster()
    first = processes.scheduler()
    wait_for(first, lambda: Execution.objects.filter(flow_id=flow_id).count() >= 2, "two dates fired")
    stop(first)
    stopped_next = TriggerState.objects.get(flow_id=flow_id).next_date
    before = [parse(d) for d in trigger_dates(flow_id)]
    wait_until_clock_passes(stopped_next + timedelta(seconds=MISSED_SECONDS))
    restarted_at = timezone.now()
    second = processes.scheduler()
    wait_for(second, lambda: any(parse(d) > restarted_at + timedelta(seconds=1) for d in trigger_dates(flow_id)),
             "the restarted scheduler fired a date after its start")
    stop(second)
    return before, stopped_next, restarted_at


def test_all_replays_every_missed_date_once(processes):
    save_flow(every_second_flow("recover-all"))
    before, stopped_next, _ = run_then_restart(processes, "recover-all")
    dates = [parse(d) for d in trigger_dates("recover-all")]
    assert dates[:len(before)] == before
    assert consecutive(dates), f"a date missed or repeated: {dates}"


def test_last_replays_only_the_latest_missed_date(processes):
    save_flow(every_second_flow("recover-last", "    recoverMissedSchedules: LAST\n"))
    before, stopped_next, restarted_at = run_then_restart(processes, "recover-last")
    dates = [parse(d) for d in trigger_dates("recover-last")]
    assert dates[:len(before)] == before and consecutive(before)
    after = dates[len(before):]
    assert len(after) == len(set(after)) and consecutive(after)
    # Of the missed dates, only the latest one (at most a second before the restart) fired.
    assert after[0] >= restarted_at.replace(microsecond=0) - timedelta(seconds=1)
    assert after[0] - before[-1] > timedelta(seconds=MISSED_SECONDS)


def test_none_replays_no_missed_date(processes):
    save_flow(every_second_flow("recover-none", "    recoverMissedSchedules: NONE\n"))
    before, stopped_next, restarted_at = run_then_restart(processes, "recover-none")
    dates = [parse(d) for d in trigger_dates("recover-none")]
    after = dates[len(before):]
    assert consecutive(before) and consecutive(after)
    assert after[0] > restarted_at
