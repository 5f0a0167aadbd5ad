"""POST /stats/taskruns/daily (Kestra's StatsController#taskRunsDailyStatistics: the
same daily entries, counted over taskruns)."""
from datetime import timedelta

import pytest

from executions.models import TaskRun
from tests.api.factories import BASE, execution

pytestmark = pytest.mark.django_db


def test_it_counts_taskruns_by_day_and_state(client):
    run = execution("a1")
    other = execution("b1", namespace="other")
    for index, (parent, state) in enumerate([(run, "SUCCESS"), (run, "FAILED"), (other, "SUCCESS")]):
        TaskRun.objects.create(id=f"t{index}", execution=parent, seq=index, task_id="log", state=state,
                               start_date=BASE, end_date=BASE + timedelta(seconds=30))
    days = client.post("/api/v1/main/stats/taskruns/daily", {
        "startDate": "2026-01-01T00:00:00Z", "endDate": "2026-01-01T23:00:00Z", "namespace": "company"},
        format="json").json()
    assert len(days) == 1
    assert days[0]["executionCounts"]["SUCCESS"] == 1 and days[0]["executionCounts"]["FAILED"] == 1
    assert days[0]["duration"]["avg"] == "PT30S"
