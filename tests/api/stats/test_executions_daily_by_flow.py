"""POST /stats/executions/daily/group-by-flow and /stats/executions/latest/group-by-flow
(Kestra's StatsController#dailyGroupByFlowStatistics: {namespace: {flowId: [days]}};
lastExecutions: the newest execution of each flow asked for)."""
from datetime import timedelta

import pytest

from executions.models import Execution
from tests.api.factories import BASE, execution

pytestmark = pytest.mark.django_db
RANGE = {"startDate": "2026-01-01T00:00:00Z", "endDate": "2026-01-02T00:00:00Z"}


@pytest.fixture
def runs(db):
    execution("a1", minutes=0)
    execution("a2", minutes=30, state="FAILED")
    execution("c1", flow_id="other-flow", minutes=5)
    execution("b1", namespace="other", flow_id="x", minutes=20)


def test_it_groups_days_by_namespace_and_flow(client, runs):
    body = client.post("/api/v1/main/stats/executions/daily/group-by-flow", RANGE, format="json").json()
    assert set(body) == {"company", "other"} and set(body["company"]) == {"hello", "other-flow"}
    hello = body["company"]["hello"]
    assert len(hello) == 2 and hello[0]["executionCounts"]["FAILED"] == 1 and hello[0]["duration"]["count"] == 2


def test_it_narrows_to_the_flows_asked_and_by_namespace_only(client, runs):
    body = client.post("/api/v1/main/stats/executions/daily/group-by-flow",
                       {**RANGE, "flows": [{"namespace": "other", "id": "x"}]}, format="json").json()
    assert body.keys() == {"other"}
    body = client.post("/api/v1/main/stats/executions/daily/group-by-flow", {**RANGE, "namespaceOnly": True},
                       format="json").json()
    assert body["company"].keys() == {"*"} and body["company"]["*"][0]["duration"]["count"] == 3


def test_it_gives_the_latest_execution_of_each_flow(client, runs):
    Execution.objects.filter(id="a1").update(start_date=BASE + timedelta(hours=2))
    body = client.post("/api/v1/main/stats/executions/latest/group-by-flow", {"flows": [
        {"namespace": "company", "id": "hello"}, {"namespace": "other", "id": "x"}]}, format="json").json()
    assert [(e["flowId"], e["id"], e["state"]["current"]) for e in body] == [("hello", "a1", "SUCCESS"),
                                                                           ("x", "b1", "SUCCESS")]
    every = client.post("/api/v1/main/stats/executions/latest/group-by-flow", {}, format="json").json()
    assert len(every) == 3
