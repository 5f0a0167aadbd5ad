"""Home's chart counts each execution once, on the day of its start in the server's
zone (its real rules, daylight saving included), over the whole range asked; deleted
and purged executions are not counted (executions.daily_stats.daily_counts)."""
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from executions.daily_stats import daily_counts
from executions.models import Execution
from executions.purge import purge_executions
from plugins.api.context import PurgeFilter
from tests.pages.records import execution

pytestmark = pytest.mark.django_db


def chart(start: str, end: str) -> dict[str, dict[str, int]]:
    zone = timezone.get_current_timezone()
    days = daily_counts(Execution.objects.filter(deleted=False), datetime.fromisoformat(start).replace(tzinfo=zone),
                        datetime.fromisoformat(end).replace(tzinfo=zone))
    return {day["startDate"]: {s: n for s, n in day["executionCounts"].items() if n} for day in days}


def test_each_execution_counts_on_its_local_day(settings):
    settings.TIME_ZONE = "Europe/Paris"
    with timezone.override("Europe/Paris"):
        execution("company", started=datetime(2026, 3, 28, 22, 59, tzinfo=UTC))  # 23:59 in Paris, winter time
        execution("company", started=datetime(2026, 3, 28, 23, 0, tzinfo=UTC), state="FAILED")  # 00:00 on the 29th
        execution("company", started=datetime(2026, 3, 29, 22, 30, tzinfo=UTC))  # 00:30 on the 30th, summer time
        assert chart("2026-03-28T00:00:00", "2026-03-30T23:59:59") == {
            "2026-03-28": {"SUCCESS": 1}, "2026-03-29": {"FAILED": 1}, "2026-03-30": {"SUCCESS": 1}}


def test_the_range_bounds_are_kept_and_deleted_executions_left_out():
    execution("company", started=datetime(2026, 1, 1, 9, tzinfo=UTC))
    execution("company", started=datetime(2026, 1, 1, 11, tzinfo=UTC), state="WARNING")
    Execution.objects.filter(state="WARNING").update(deleted=True)
    execution("company", started=datetime(2026, 1, 2, 12, tzinfo=UTC), state="FAILED")
    with timezone.override("UTC"):
        assert chart("2026-01-01T10:00:00", "2026-01-02T12:00:00") == {
            "2026-01-01": {}, "2026-01-02": {"FAILED": 1}}
        assert chart("2026-01-01T00:00:00", "2026-01-02T11:59:59") == {"2026-01-01": {"SUCCESS": 1}, "2026-01-02": {}}
        purge_executions(PurgeFilter(end_date=datetime(2026, 1, 3, tzinfo=UTC), namespace="company"), storage=False)
        assert chart("2026-01-01T00:00:00", "2026-01-02T23:59:59") == {"2026-01-01": {}, "2026-01-02": {}}
