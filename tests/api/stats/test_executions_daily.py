"""POST /api/v1/{tenant}/stats/executions/daily (Kestra's StatsController#dailyStatistics:
one DailyExecutionStatistics per day of the range, with the count of each state and the
durations of the ended runs; days without runs are zeros)."""
from datetime import timedelta

import pytest

from executions.models import Execution
from kestraweb.models import RoleBinding
from tests.api.conftest import assert_problem
from tests.api.factories import BASE, execution

pytestmark = pytest.mark.django_db
URL = "/api/v1/main/stats/executions/daily"
RANGE = {"startDate": "2026-01-01T00:00:00Z", "endDate": "2026-01-03T23:59:59Z"}


@pytest.fixture
def runs(db):
    execution("a1", minutes=0)
    execution("a2", minutes=10, state="FAILED")
    Execution.objects.filter(id="a2").update(end_date=BASE + timedelta(minutes=13))  # 3 minutes
    execution("a3", minutes=60 * 24 + 5, state="RUNNING")
    execution("b1", namespace="other", flow_id="x", minutes=20)


def test_it_counts_each_day_by_state_with_durations(client, runs):
    days = client.post(URL, RANGE, format="json").json()
    assert [day["startDate"] for day in days] == ["2026-01-01", "2026-01-02", "2026-01-03"]
    first = days[0]
    assert first["executionCounts"]["SUCCESS"] == 2 and first["executionCounts"]["FAILED"] == 1
    assert first["executionCounts"]["KILLED"] == 0
    assert first["duration"] == {"min": "PT1M", "avg": "PT1M40S", "max": "PT3M", "sum": "PT5M", "count": 3}
    assert days[1]["executionCounts"]["RUNNING"] == 1 and days[1]["duration"]["sum"] == "PT0S"
    assert sum(days[2]["executionCounts"].values()) == 0


def test_it_filters_by_namespace_flow_and_text(client, runs):
    days = client.post(URL, {**RANGE, "namespace": "other"}, format="json").json()
    assert days[0]["executionCounts"]["SUCCESS"] == 1 and days[0]["executionCounts"]["FAILED"] == 0
    days = client.post(URL, {**RANGE, "flowId": "hello", "q": "a2"}, format="json").json()
    assert sum(days[0]["executionCounts"].values()) == 1


def test_it_counts_only_visible_namespaces(alice, plain_user, runs):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="other")
    days = alice.post(URL, RANGE, format="json").json()
    assert sum(sum(day["executionCounts"].values()) for day in days) == 1


def test_bad_requests_are_422(client, runs):
    assert_problem(client.post(URL, {"startDate": "yesterday"}, format="json"), 422)
    assert_problem(client.post(URL, {"startDate": "2026-01-05T00:00:00Z", "endDate": "2026-01-01T00:00:00Z"},
                               format="json"), 422)
    assert_problem(client.post(URL, {"startDate": "1900-01-01T00:00:00Z"}, format="json"), 422)
    assert_problem(client.post(URL, [1], format="json"), 422)
    assert_problem(client.post(URL, {"namespace": 5}, format="json"), 422)


def test_without_dates_it_covers_the_last_thirty_days(client, runs):
    assert len(client.post(URL, {}, format="json").json()) == 31
